/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-server-address"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "measures-server-address.h"
#include "measures-store.h"

#ifdef HAVE_POSTGRESQL
#include "postgres/measures-pg-libpq.h"
#endif

/* A server's address as a user types it: a service name ("strategy", from
 * ~/.pg_service.conf or the system's service file), a libpq connection
 * string or a "postgresql://" URI. libpq itself reads it, so that what is
 * accepted here is what the store can open. */

G_DEFINE_QUARK (measures-server-address-error-quark, measures_server_address_error)

/* A bare word is a service name, as psql's users know them. */
static char *
expand (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text));

  if (g_regex_match_simple ("^[A-Za-z0-9_.-]+$", trimmed, 0, 0))
    return g_strdup_printf ("service=%s", trimmed);

  return g_steal_pointer (&trimmed);
}

#ifdef HAVE_POSTGRESQL
static PQconninfoOption *
parse (const char  *address,
       GError     **error)
{
  PQconninfoOption *options;
  char *message = NULL;

  if (!measures_libpq_load (error))
    return NULL;

  options = PQconninfoParse (address, &message);
  if (options == NULL)
    {
      g_autofree char *detail = g_strchomp (g_strdup (message ? message : ""));

      /* Translators: %s is libpq's own explanation, in English */
      g_set_error (error, MEASURES_SERVER_ADDRESS_ERROR, MEASURES_SERVER_ADDRESS_ERROR_INVALID,
                   _("Not a server address: %s"), detail);
      PQfreemem (message);
    }

  return options;
}

static const char *
option (PQconninfoOption *options,
        const char       *keyword)
{
  for (PQconninfoOption *o = options; o && o->keyword; o++)
    if (g_str_equal (o->keyword, keyword) && o->val && *o->val)
      return o->val;

  return NULL;
}
#endif

/**
 * measures_server_address_check:
 * @text: what the user typed
 * @error: return location for a #MeasuresServerAddressError
 *
 * Reads @text as libpq would, without connecting. A password inside is
 * refused: the password is asked for when connecting and may be kept in
 * the keyring, never in the settings.
 *
 * Returns: (transfer full): the address to open, a bare service name made
 *   "service=…", or %NULL with @error set
 */
char *
measures_server_address_check (const char  *text,
                               GError     **error)
{
  g_autofree char *address = NULL;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  address = expand (text);
  if (*address == '\0')
    {
      g_set_error_literal (error, MEASURES_SERVER_ADDRESS_ERROR,
                           MEASURES_SERVER_ADDRESS_ERROR_INVALID,
                           _("Type the server’s address, or the name of a service."));
      return NULL;
    }

#ifdef HAVE_POSTGRESQL
  {
    PQconninfoOption *options = parse (address, error);
    gboolean has_password;

    if (options == NULL)
      return NULL;
    has_password = option (options, "password") != NULL;
    PQconninfoFree (options);

    if (has_password)
      {
        g_set_error_literal (error, MEASURES_SERVER_ADDRESS_ERROR,
                             MEASURES_SERVER_ADDRESS_ERROR_PASSWORD,
                             _("Leave the password out: it is asked for when connecting, "
                               "and can be kept in the keyring."));
        return NULL;
      }
  }

  /* What the store would take for a file name is not an address. */
  if (!measures_store_is_server_address (address))
    {
      g_set_error_literal (error, MEASURES_SERVER_ADDRESS_ERROR,
                           MEASURES_SERVER_ADDRESS_ERROR_INVALID,
                           _("Start with “host=”, “dbname=” or “service=”, or with "
                             "“postgresql://”."));
      return NULL;
    }

  return g_steal_pointer (&address);
#else
  g_set_error_literal (error, MEASURES_SERVER_ADDRESS_ERROR,
                       MEASURES_SERVER_ADDRESS_ERROR_UNSUPPORTED,
                       _("This build of Measures was made without PostgreSQL support."));
  return NULL;
#endif
}

/**
 * measures_server_address_dup_key:
 * @address: a server address
 *
 * The address as the keyring names it: the same server, database and user
 * give the same key however they were written, and a password that the
 * address may hold is left out.
 *
 * Returns: (transfer full): the key
 */
char *
measures_server_address_dup_key (const char *address)
{
  g_return_val_if_fail (address != NULL, NULL);

#ifdef HAVE_POSTGRESQL
  {
    g_autofree char *expanded = expand (address);
    PQconninfoOption *options = parse (expanded, NULL);
    GString *key;

    if (options == NULL)
      return g_steal_pointer (&expanded);

    /* libpq lists its options in one fixed order. */
    key = g_string_new (NULL);
    for (PQconninfoOption *o = options; o->keyword; o++)
      {
        if (o->val == NULL || *o->val == '\0' || g_str_equal (o->keyword, "password"))
          continue;
        if (key->len > 0)
          g_string_append_c (key, ' ');
        g_string_append_printf (key, "%s='", o->keyword);
        for (const char *c = o->val; *c; c++)
          {
            if (*c == '\'' || *c == '\\')
              g_string_append_c (key, '\\');
            g_string_append_c (key, *c);
          }
        g_string_append_c (key, '\'');
      }
    PQconninfoFree (options);
    return g_string_free (key, FALSE);
  }
#else
  return expand (address);
#endif
}

/**
 * measures_server_address_describe:
 * @address: a server address
 * @database: (out) (optional): the database, or the service's name
 * @server: (out) (optional): the server, or %NULL for this computer or
 *   what the service names
 * @user: (out) (optional): the user the server is asked for, by default
 *   the user's login
 *
 * The parts a user recognises, to name them when a password is asked for.
 */
void
measures_server_address_describe (const char  *address,
                                  char       **database,
                                  char       **server,
                                  char       **user)
{
  const char *db = NULL, *host = NULL, *login = NULL, *service = NULL;
#ifdef HAVE_POSTGRESQL
  g_autofree char *expanded = NULL;
  PQconninfoOption *options;

  g_return_if_fail (address != NULL);

  expanded = expand (address);
  options = parse (expanded, NULL);

  db = option (options, "dbname");
  host = option (options, "host");
  if (host == NULL)
    host = option (options, "hostaddr");
  login = option (options, "user");
  service = option (options, "service");
#endif

  if (database)
    *database = g_strdup (db ? db : service ? service : login ? login : g_get_user_name ());
  if (server)
    *server = host && host[0] != '/' ? g_strdup (host) : NULL;
  if (user)
    *user = g_strdup (login ? login : g_get_user_name ());

#ifdef HAVE_POSTGRESQL
  if (options)
    PQconninfoFree (options);
#endif
}
