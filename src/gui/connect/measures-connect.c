/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-connect"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "measures-connect.h"
#include "measures-import.h"
#include "measures-keyring.h"
#include "measures-password-dialog.h"

/* Connecting to a strategy on a server, as GNOME users expect: off the
 * main thread, with the password from the keyring when one is kept, else
 * asked for (again when it was wrong), and kept when the user wishes.
 * libpq's own ways stay in force: ~/.pgpass, service files and Kerberos
 * need no password from us, and we pass one only when we have it. */

typedef struct {
  char *address;
  GtkWindow *parent;            /* weak: the dialog's parent */
  char *keyring_problem;        /* why passwords cannot be kept, once known */
} Connect;

typedef struct {
  char *password;               /* typed; NULL: look in the keyring */
  gboolean remember;
} Attempt;

typedef struct {
  MeasuresStore *store;
  GError *error;
  char *keyring_problem;
  gboolean keyring_refused;     /* the kept password was refused, and forgotten */
} Outcome;

static void
connect_free (Connect *connect)
{
  g_free (connect->address);
  g_clear_weak_pointer (&connect->parent);
  g_free (connect->keyring_problem);
  g_free (connect);
}

static void
attempt_free (Attempt *attempt)
{
  if (attempt->password != NULL)
    memset (attempt->password, 0, strlen (attempt->password));
  g_free (attempt->password);
  g_free (attempt);
}

static void
outcome_free (Outcome *outcome)
{
  g_clear_object (&outcome->store);
  g_clear_error (&outcome->error);
  g_free (outcome->keyring_problem);
  g_free (outcome);
}

/* libpq tells a refused password only by the server's words, in the
 * server's language; the store may report it as a failed connection. The
 * server wanting a password when given none tells it apart from a server
 * that cannot be reached. */
static gboolean
password_refused (const char *address)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) probe = measures_store_open_with_password (address, NULL, &error);

  return probe == NULL &&
         g_error_matches (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_PASSWORD);
}

static void start_attempt (GTask      *task,
                           const char *password,
                           gboolean    remember);

/* On a worker thread: everything that may wait for the network or the
 * keyring. */
static void
attempt_thread (GTask        *attempt_task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  GTask *task = g_task_get_source_object (attempt_task);
  Connect *connect = g_task_get_task_data (task);
  Attempt *attempt = task_data;
  Outcome *outcome = g_new0 (Outcome, 1);
  g_autofree char *kept = NULL;
  g_autoptr(GError) keyring_error = NULL;
  const char *password = attempt->password;

  outcome->store = measures_store_open_with_password (connect->address, password,
                                                      &outcome->error);

  /* The keyring only when the server asks for a password that libpq's
   * own ways (~/.pgpass, Kerberos, trust) did not give: a server that
   * asks none never wakes the keyring. */
  if (password == NULL &&
      g_error_matches (outcome->error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_PASSWORD))
    {
      kept = measures_keyring_lookup_password (connect->address, cancellable, &keyring_error);
      if (keyring_error != NULL)
        outcome->keyring_problem = g_strdup (keyring_error->message);
      password = kept;
      if (kept != NULL)
        {
          g_clear_error (&outcome->error);
          outcome->store = measures_store_open_with_password (connect->address, kept,
                                                              &outcome->error);
        }
    }

  if (outcome->store != NULL && !measures_import_ensure_data (outcome->store, &outcome->error))
    g_clear_object (&outcome->store);

  if (password != NULL &&
      g_error_matches (outcome->error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN) &&
      password_refused (connect->address))
    {
      g_clear_error (&outcome->error);
      g_set_error_literal (&outcome->error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_PASSWORD,
                           _("The password was not accepted."));
    }

  if (kept != NULL &&
      g_error_matches (outcome->error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_PASSWORD))
    {
      /* Changed on the server since: forget it, and ask. */
      outcome->keyring_refused = TRUE;
      if (!measures_keyring_forget_password (connect->address, cancellable, NULL))
        g_debug ("Could not forget the refused password");
    }

  if (outcome->store != NULL && attempt->remember && attempt->password != NULL)
    {
      g_clear_error (&keyring_error);
      if (!measures_keyring_store_password (connect->address, attempt->password, cancellable,
                                            &keyring_error))
        g_warning ("The password was not kept: %s", keyring_error->message);
    }

  g_task_return_pointer (attempt_task, outcome, (GDestroyNotify)outcome_free);
}

static void
password_response (MeasuresPasswordDialog *dialog,
                   const char             *response,
                   GTask                  *task)
{
  /* Once: closing the dialog after an answer gives its close response too. */
  g_signal_handlers_disconnect_by_func (dialog, password_response, task);

  if (g_str_equal (response, "connect"))
    start_attempt (task, measures_password_dialog_get_password (dialog),
                   measures_password_dialog_get_remember (dialog));
  else
    g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_CANCELLED,
                             _("No password was given."));

  g_object_unref (task);
}

static void
attempt_done (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  Connect *connect = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  Outcome *outcome = g_task_propagate_pointer (G_TASK (result), &error);
  GtkWidget *dialog;

  if (outcome == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  if (outcome->keyring_problem != NULL && connect->keyring_problem == NULL)
    connect->keyring_problem = g_strdup (outcome->keyring_problem);

  if (outcome->store != NULL)
    g_task_return_pointer (task, g_steal_pointer (&outcome->store), g_object_unref);
  else if (!g_error_matches (outcome->error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_PASSWORD))
    g_task_return_error (task, g_steal_pointer (&outcome->error));
  else
    {
      /* Wrong when one was given, by the user or by the keyring. */
      Attempt *attempt = g_task_get_task_data (G_TASK (result));
      gboolean wrong = attempt->password != NULL || outcome->keyring_refused;

      dialog = measures_password_dialog_new (connect->parent, connect->address, wrong,
                                             connect->keyring_problem);
      if (connect->parent != NULL)
        gtk_window_set_application (GTK_WINDOW (dialog),
                                    gtk_window_get_application (connect->parent));
      g_signal_connect (dialog, "response", G_CALLBACK (password_response), g_object_ref (task));
      gtk_window_present (GTK_WINDOW (dialog));
    }

  outcome_free (outcome);
}

static void
start_attempt (GTask      *task,
               const char *password,
               gboolean    remember)
{
  g_autoptr(GTask) attempt_task = NULL;
  Attempt *attempt = g_new0 (Attempt, 1);

  attempt->password = g_strdup (password);
  attempt->remember = remember;

  attempt_task = g_task_new (task, g_task_get_cancellable (task), attempt_done,
                             g_object_ref (task));
  g_task_set_source_tag (attempt_task, start_attempt);
  g_task_set_task_data (attempt_task, attempt, (GDestroyNotify)attempt_free);
  /* Cancel answers at once; a connection still under way is dropped when
   * it is made. */
  g_task_set_return_on_cancel (attempt_task, TRUE);
  g_task_run_in_thread (attempt_task, attempt_thread);
}

/**
 * measures_connect_async:
 * @address: the server's address
 * @parent: (nullable): the window above which the password is asked
 * @cancellable: (nullable): to give up
 *
 * Opens the strategy at @address on a worker thread, asking for the
 * password when the server wants one that neither the keyring nor libpq's
 * own files hold. Cancelling the password dialog fails with
 * %G_IO_ERROR_CANCELLED.
 */
void
measures_connect_async (const char          *address,
                        GtkWindow           *parent,
                        GCancellable        *cancellable,
                        GAsyncReadyCallback  callback,
                        gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  Connect *connect = g_new0 (Connect, 1);

  g_return_if_fail (address != NULL);

  connect->address = g_strdup (address);
  g_set_weak_pointer (&connect->parent, parent);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, measures_connect_async);
  g_task_set_task_data (task, connect, (GDestroyNotify)connect_free);
  start_attempt (task, NULL, FALSE);
}

/**
 * measures_connect_finish:
 *
 * Returns: (transfer full): the open store, to be used on the main thread,
 *   or %NULL with @error set
 */
MeasuresStore *
measures_connect_finish (GAsyncResult  *result,
                         GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}
