/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-keyring"

#include "config.h"

#include <glib/gi18n.h>
#include <libsecret/secret.h>

#include "measures-keyring.h"
#include "measures-server-address.h"

/* The passwords of strategy servers, in the user's keyring (the Secret
 * Service: GNOME Keyring, KeePassXC …), one per address without its
 * password. A keyring that cannot be reached, or that would wait for an
 * unlock prompt nobody sees, must not hold up connecting: every call gives
 * up after KEYRING_TIMEOUT_MS and says so, and the caller asks each time. */

#define KEYRING_TIMEOUT_MS 5000

G_DEFINE_QUARK (measures-keyring-error-quark, measures_keyring_error)

static const SecretSchema *
password_schema (void)
{
  static const SecretSchema schema = {
    APP_ID ".Password", SECRET_SCHEMA_NONE,
    {
      { "address", SECRET_SCHEMA_ATTRIBUTE_STRING },
      { NULL, 0 },
    }
  };

  return &schema;
}

typedef enum { LOOKUP, STORE, FORGET } Operation;

typedef struct {
  GMainContext *context;
  GAsyncResult *result;
  gboolean timed_out;
  GCancellable *cancellable;
} Call;

static void
call_done (GObject      *source,
           GAsyncResult *result,
           gpointer      user_data)
{
  Call *call = user_data;

  call->result = g_object_ref (result);
  g_main_context_wakeup (call->context);
}

static gboolean
call_timed_out (gpointer user_data)
{
  Call *call = user_data;

  call->timed_out = TRUE;
  g_cancellable_cancel (call->cancellable);
  return G_SOURCE_REMOVE;
}

static void
cancel_call (GCancellable *outer,
             GCancellable *inner)
{
  g_cancellable_cancel (inner);
}

/* libsecret's own blocking calls cannot be given a time limit: the
 * asynchronous ones run here on a context of their own, with one. */
static gpointer
run (Operation      operation,
     const char    *address,
     const char    *password,
     GCancellable  *cancellable,
     GError       **error)
{
  g_autofree char *key = measures_server_address_dup_key (address);
  g_autoptr(GMainContext) context = g_main_context_new ();
  g_autoptr(GSource) timeout = g_timeout_source_new (KEYRING_TIMEOUT_MS);
  g_autoptr(GError) local_error = NULL;
  Call call = { context, NULL, FALSE, g_cancellable_new () };
  gulong cancel_id = 0;
  gpointer value = NULL;

  if (cancellable != NULL)
    cancel_id = g_cancellable_connect (cancellable, G_CALLBACK (cancel_call),
                                       g_object_ref (call.cancellable), g_object_unref);

  g_main_context_push_thread_default (context);
  g_source_set_callback (timeout, call_timed_out, &call, NULL);
  g_source_attach (timeout, context);

  switch (operation)
    {
    case LOOKUP:
      secret_password_lookup (password_schema (), call.cancellable, call_done, &call,
                              "address", key, NULL);
      break;
    case STORE:
      {
        g_autofree char *database = NULL;
        g_autofree char *server = NULL;
        g_autofree char *label = NULL;

        measures_server_address_describe (address, &database, &server, NULL);
        /* Translators: the keyring's name for a kept password: a database,
         * and the server it is on */
        label = server ? g_strdup_printf (_("Measures: password for “%s on %s”"), database, server)
                       : g_strdup_printf (_("Measures: password for “%s”"), database);
        secret_password_store (password_schema (), SECRET_COLLECTION_DEFAULT, label, password,
                               call.cancellable, call_done, &call, "address", key, NULL);
      }
      break;
    case FORGET:
      secret_password_clear (password_schema (), call.cancellable, call_done, &call,
                             "address", key, NULL);
      break;
    }

  while (call.result == NULL)
    g_main_context_iteration (context, TRUE);

  switch (operation)
    {
    case LOOKUP:
      value = secret_password_lookup_finish (call.result, &local_error);
      break;
    case STORE:
      value = GINT_TO_POINTER (secret_password_store_finish (call.result, &local_error));
      break;
    case FORGET:
      /* Nothing to forget is not an error. */
      secret_password_clear_finish (call.result, &local_error);
      value = GINT_TO_POINTER (local_error == NULL);
      break;
    }

  g_source_destroy (timeout);
  /* Let libsecret finish what it queued on this context. */
  while (g_main_context_pending (context))
    g_main_context_iteration (context, FALSE);
  g_main_context_pop_thread_default (context);
  if (cancellable != NULL)
    g_cancellable_disconnect (cancellable, cancel_id);
  g_clear_object (&call.result);
  g_clear_object (&call.cancellable);

  if (local_error != NULL)
    {
      if (g_cancellable_is_cancelled (cancellable))
        g_propagate_error (error, g_steal_pointer (&local_error));
      else if (call.timed_out)
        g_set_error_literal (error, MEASURES_KEYRING_ERROR, MEASURES_KEYRING_ERROR_UNAVAILABLE,
                             _("The keyring did not answer."));
      else
        /* Translators: %s is the keyring's own explanation */
        g_set_error (error, MEASURES_KEYRING_ERROR, MEASURES_KEYRING_ERROR_UNAVAILABLE,
                     _("The keyring could not be reached: %s"), local_error->message);
    }

  return value;
}

/**
 * measures_keyring_lookup_password:
 * @address: the server's address
 * @cancellable: (nullable): to give up
 * @error: return location for a #MeasuresKeyringError
 *
 * Blocks for at most a few seconds: call it on a worker thread.
 *
 * Returns: (transfer full) (nullable): the password kept for @address;
 *   %NULL without @error when none is kept
 */
char *
measures_keyring_lookup_password (const char    *address,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_autoptr(GError) local_error = NULL;
  char *secret;
  char *password;

  g_return_val_if_fail (address != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  secret = run (LOOKUP, address, NULL, cancellable, &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  /* Out of libsecret's non-pageable memory into ordinary memory. */
  password = g_strdup (secret);
  secret_password_free (secret);
  return password;
}

/**
 * measures_keyring_store_password:
 * @address: the server's address
 * @password: its password
 * @cancellable: (nullable): to give up
 * @error: return location for a #MeasuresKeyringError
 *
 * Keeps @password for @address in the default keyring, replacing one kept
 * before. Blocks for at most a few seconds.
 *
 * Returns: %FALSE with @error set if it could not be kept
 */
gboolean
measures_keyring_store_password (const char    *address,
                                 const char    *password,
                                 GCancellable  *cancellable,
                                 GError       **error)
{
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (password != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return GPOINTER_TO_INT (run (STORE, address, password, cancellable, error));
}

/**
 * measures_keyring_forget_password:
 * @address: the server's address
 * @cancellable: (nullable): to give up
 * @error: return location for a #MeasuresKeyringError
 *
 * Removes the password kept for @address, if any. Blocks for at most a
 * few seconds.
 *
 * Returns: %FALSE with @error set if the keyring could not be reached
 */
gboolean
measures_keyring_forget_password (const char    *address,
                                  GCancellable  *cancellable,
                                  GError       **error)
{
  g_return_val_if_fail (address != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  return GPOINTER_TO_INT (run (FORGET, address, NULL, cancellable, error));
}
