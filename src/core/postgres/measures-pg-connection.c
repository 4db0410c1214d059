/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-pg"

#include "config.h"

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "measures-pg-private.h"

/* The connection: how it is made safe by default, how a lost one is
 * noticed, and how the store connects again without ever blocking the
 * main loop. While the connection is lost every read and write fails at
 * once with MEASURES_STORE_ERROR_OFFLINE; nothing is queued to be sent
 * later, so nothing is half-written. */

/* libpq waits for minutes on a network that silently went away: with
 * these, a pending query fails after some 15 s and an idle connection is
 * found dead after 5 + 3 × 2 s. */
static const char * const defaults[][2] = {
  { "connect_timeout", "10" },
  { "keepalives", "1" },
  { "keepalives_idle", "5" },
  { "keepalives_interval", "2" },
  { "keepalives_count", "3" },
  { "tcp_user_timeout", "15000" },
};

#define SYSTEM_CA_BUNDLE "/etc/ssl/certs/ca-certificates.crt"
#define RETRY_MIN_MS 500
#define RETRY_MAX_MS 30000

static const char *
option_value (PQconninfoOption *options,
              const char       *keyword)
{
  for (PQconninfoOption *o = options; o && o->keyword; o++)
    if (g_str_equal (o->keyword, keyword) && o->val != NULL && *o->val != '\0')
      return o->val;

  return NULL;
}

/* What the user chose, in the address or in libpq's environment
 * variables, which libpq reads for anything the address leaves out. */
static const char *
user_value (PQconninfoOption *options,
            const char       *keyword,
            const char       *variable)
{
  const char *value = option_value (options, keyword);

  if (value == NULL && variable != NULL)
    value = g_getenv (variable);

  return value != NULL && *value != '\0' ? value : NULL;
}

/* A host on this computer: a socket folder or the loopback interface,
 * where nothing travels over a network. */
static gboolean
is_local_host (const char *host)
{
  return *host == '\0' || *host == '/' || *host == '@' || g_str_equal (host, "localhost") ||
         g_str_equal (host, "127.0.0.1") || g_str_equal (host, "::1");
}

static gboolean
reaches_network (PQconninfoOption *options)
{
  const char *host = user_value (options, "host", "PGHOST");
  g_auto(GStrv) hosts = NULL;

  if (host == NULL)
    host = user_value (options, "hostaddr", "PGHOSTADDR");
  /* libpq's default is the local socket. */
  if (host == NULL)
    return FALSE;

  hosts = g_strsplit (host, ",", -1);
  for (guint i = 0; hosts[i] != NULL; i++)
    if (!is_local_host (g_strstrip (hosts[i])))
      return TRUE;

  return FALSE;
}

/**
 * measures_pg_connection_params:
 *
 * Works out the parameters of every connection of the store: the user's
 * address, expanded as libpq does, after the defaults it does not set —
 * timeouts and keepalives, and for a server over the network a verified
 * TLS connection, since libpq's own default ("prefer") verifies nothing
 * and falls back to plain text without a word — and the password after
 * it, never inside it.
 */
gboolean
measures_pg_connection_params (MeasuresPgStore  *self,
                               const char       *conninfo,
                               const char       *password,
                               GError          **error)
{
  g_autoptr(GStrvBuilder) keywords = g_strv_builder_new ();
  g_autoptr(GStrvBuilder) values = g_strv_builder_new ();
  g_autofree char *root_cert = NULL;
  char *message = NULL;
  PQconninfoOption *options = PQconninfoParse (conninfo, &message);
  const char *timeout;

  if (options == NULL)
    {
      g_autofree char *detail = g_strchomp (g_strdup (message ? message : ""));

      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("“%s” is not a valid address of a strategy database (%s)."),
                   self->display_name, detail);
      PQfreemem (message);
      return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (defaults); i++)
    if (user_value (options, defaults[i][0], NULL) == NULL &&
        (!g_str_equal (defaults[i][0], "connect_timeout") || g_getenv ("PGCONNECT_TIMEOUT") == NULL))
      {
        g_strv_builder_add (keywords, defaults[i][0]);
        g_strv_builder_add (values, defaults[i][1]);
      }

  if (reaches_network (options) && user_value (options, "sslmode", "PGSSLMODE") == NULL &&
      user_value (options, "requiressl", "PGREQUIRESSL") == NULL)
    {
      g_strv_builder_add (keywords, "sslmode");
      g_strv_builder_add (values, "verify-full");

      /* libpq 15 has no "sslrootcert=system": the system's authorities,
       * unless the user keeps libpq's own file of them. */
      root_cert = g_build_filename (g_get_home_dir (), ".postgresql", "root.crt", NULL);
      if (user_value (options, "sslrootcert", "PGSSLROOTCERT") == NULL &&
          !g_file_test (root_cert, G_FILE_TEST_EXISTS))
        {
          g_strv_builder_add (keywords, "sslrootcert");
          g_strv_builder_add (values, SYSTEM_CA_BUNDLE);
        }
    }

  /* Connecting again is driven by hand, where libpq does not time out. */
  timeout = user_value (options, "connect_timeout", "PGCONNECT_TIMEOUT");
  self->connect_timeout = timeout ? (guint)g_ascii_strtoull (timeout, NULL, 10) : 10;
  if (self->connect_timeout == 0)
    self->connect_timeout = 10;
  PQconninfoFree (options);

  g_strv_builder_add (keywords, "dbname");
  g_strv_builder_add (values, conninfo);
  if (password != NULL)
    {
      g_strv_builder_add (keywords, "password");
      g_strv_builder_add (values, password);
    }

  g_strfreev (self->keywords);
  g_strfreev (self->values);
  self->keywords = g_strv_builder_end (keywords);
  self->values = g_strv_builder_end (values);
  return TRUE;
}

/* The server's notices ("terminating connection …") are for the log, not
 * for standard error. */
static void
log_notice (void       *data,
            const char *message)
{
  g_debug ("%s", message);
}

/* What every new connection needs before the store uses it. */
gboolean
measures_pg_connection_setup (MeasuresPgStore  *self,
                              GError          **error)
{
  g_autoptr(PGresult) path = NULL;

  PQsetNoticeProcessor (self->conn, log_notice, NULL);

  /* Our schema first: no other schema's table or function can stand in
   * for ours. */
  self->round_trips++;
  path = PQexec (self->conn, "SET search_path = measures, pg_catalog");
  if (PQresultStatus (path) != PGRES_COMMAND_OK)
    return pg_set_error (self, path, error);

  if (PQsetClientEncoding (self->conn, "UTF8") != 0)
    return pg_set_error (self, NULL, error);

  return TRUE;
}

/* With LC_CTYPE=C the text-search parser takes « » ’ for letters, and
 * search would not find "café" in «café». Checked before anything is
 * written, so that the administrator can start over. */
gboolean
measures_pg_check_ctype (MeasuresPgStore  *self,
                         GError          **error)
{
  g_autoptr(PGresult) result = NULL;
  const char *ctype;

  result = pg_query (self,
                     "SELECT datctype FROM pg_catalog.pg_database "
                     "WHERE datname = current_database ()",
                     NULL, error);
  if (result == NULL)
    return FALSE;

  ctype = PQntuples (result) > 0 ? pg_text (result, 0, 0) : "";
  if (g_str_equal (ctype, "C") || g_str_equal (ctype, "POSIX"))
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("The database “%s” was created with the character type “%s”, with which "
                     "search cannot tell quotation marks from letters. It was left unchanged. "
                     "Ask the administrator to create it with a UTF-8 locale, e.g. "
                     "CREATE DATABASE strategy TEMPLATE template0 LOCALE 'C.UTF-8'"),
                   self->display_name, ctype);
      return FALSE;
    }

  return TRUE;
}

/* Nothing is sent on a dead connection, and nothing waits for a new one:
 * the user sees at once that the change was not made. */
gboolean
measures_pg_check_online (MeasuresPgStore  *self,
                          GError          **error)
{
  if (!self->lost)
    return TRUE;

  g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OFFLINE,
               _("The strategy database “%s” cannot be reached now. Nothing was saved; "
                 "Measures connects again by itself."),
               self->display_name);
  return FALSE;
}

/* Connecting again ---------------------------------------------------------- */

static void start_attempt (MeasuresPgStore *self);

static gboolean
retry_due (gpointer data)
{
  MeasuresPgStore *self = data;

  self->retry_id = 0;
  start_attempt (self);
  return G_SOURCE_REMOVE;
}

static void
end_attempt (MeasuresPgStore *self)
{
  g_clear_handle_id (&self->attempt_watch_id, g_source_remove);
  g_clear_handle_id (&self->attempt_timeout_id, g_source_remove);
  g_clear_pointer (&self->attempt, PQfinish);
}

static void
schedule_retry (MeasuresPgStore *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->retry_id = g_timeout_add (self->retry_delay_ms, retry_due, self);
  g_source_set_name_by_id (self->retry_id, "[measures] connect again");
  self->retry_delay_ms = MIN (self->retry_delay_ms * 2, RETRY_MAX_MS);
}

static void
attempt_failed (MeasuresPgStore *self,
                const char      *why)
{
  g_debug ("Could not connect again to %s: %s", self->display_name, why);
  end_attempt (self);
  /* Not a moment's interruption any more: the window says so. */
  measures_store_set_connection (MEASURES_STORE (self), MEASURES_CONNECTION_OFFLINE);
  schedule_retry (self);
}

/* The new connection is up: the session is set up as the first one was,
 * and whatever others wrote meanwhile is announced. */
static void
attempt_succeeded (MeasuresPgStore *self)
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();

  g_clear_handle_id (&self->attempt_watch_id, g_source_remove);
  g_clear_handle_id (&self->attempt_timeout_id, g_source_remove);
  g_clear_pointer (&self->conn, PQfinish);
  self->conn = g_steal_pointer (&self->attempt);
  self->lost = FALSE;

  /* Statements are prepared per connection; permissions may have been
   * changed by an administrator meanwhile. */
  g_hash_table_remove_all (self->statements);
  measures_pg_forget_permissions (self);

  if (!measures_pg_connection_setup (self, &error) || !measures_pg_notify_listen (self, &error))
    {
      /* Lost again at once (then already retrying), or a session that
       * cannot be set up: try later. */
      self->lost = TRUE;
      if (self->retry_id == 0)
        attempt_failed (self, error->message);
      return;
    }

  self->retry_delay_ms = RETRY_MIN_MS;
  g_debug ("Connected again to %s in %" G_GINT64_FORMAT " µs", self->display_name,
           g_get_monotonic_time () - start);
  measures_store_set_connection (MEASURES_STORE (self), MEASURES_CONNECTION_ONLINE);
  measures_pg_notify_catch_up (self);
}

static gboolean attempt_ready (int fd, GIOCondition condition, gpointer data);

static void
watch_attempt (MeasuresPgStore        *self,
               PostgresPollingStatusType polling)
{
  GIOCondition condition = polling == PGRES_POLLING_READING ? G_IO_IN : G_IO_OUT;

  /* The socket may be another one after each step (another address,
   * TLS refused): watch the current one. */
  g_clear_handle_id (&self->attempt_watch_id, g_source_remove);
  self->attempt_watch_id = g_unix_fd_add (PQsocket (self->attempt),
                                          condition | G_IO_HUP | G_IO_ERR,
                                          attempt_ready, self);
  g_source_set_name_by_id (self->attempt_watch_id, "[measures] connecting again");
}

static void
poll_attempt (MeasuresPgStore *self)
{
  PostgresPollingStatusType polling = PQconnectPoll (self->attempt);

  switch (polling)
    {
    case PGRES_POLLING_OK:
      attempt_succeeded (self);
      break;

    case PGRES_POLLING_READING:
    case PGRES_POLLING_WRITING:
      watch_attempt (self, polling);
      break;

    case PGRES_POLLING_FAILED:
    case PGRES_POLLING_ACTIVE:
    default:
      attempt_failed (self, PQerrorMessage (self->attempt));
      break;
    }
}

static gboolean
attempt_ready (int           fd,
               GIOCondition  condition,
               gpointer      data)
{
  MeasuresPgStore *self = data;

  /* The next step adds its own watch. */
  self->attempt_watch_id = 0;
  poll_attempt (self);
  return G_SOURCE_REMOVE;
}

/* libpq leaves connect_timeout to the application when it is polled. */
static gboolean
attempt_timed_out (gpointer data)
{
  MeasuresPgStore *self = data;

  self->attempt_timeout_id = 0;
  attempt_failed (self, "timeout");
  return G_SOURCE_REMOVE;
}

static void
start_attempt (MeasuresPgStore *self)
{
  g_assert (self->lost && self->attempt == NULL);

  g_clear_handle_id (&self->retry_id, g_source_remove);
  self->attempt = PQconnectStartParams ((const char * const *)self->keywords,
                                        (const char * const *)self->values, TRUE);
  if (self->attempt == NULL || PQstatus (self->attempt) == CONNECTION_BAD)
    {
      attempt_failed (self, self->attempt ? PQerrorMessage (self->attempt) : "out of memory");
      return;
    }

  self->attempt_timeout_id = g_timeout_add_seconds (self->connect_timeout, attempt_timed_out,
                                                    self);
  g_source_set_name_by_id (self->attempt_timeout_id, "[measures] connecting again: timeout");
  /* As PQconnectStart's documentation says: as if it had asked to write. */
  watch_attempt (self, PGRES_POLLING_WRITING);
}

/**
 * measures_pg_connection_lost:
 *
 * Called when the connection is found dead, by a failed statement or the
 * listening socket: forgets the transaction, which the server has rolled
 * back, and starts connecting again.
 */
void
measures_pg_connection_lost (MeasuresPgStore *self)
{
  if (self->lost)
    return;

  self->lost = TRUE;
  self->in_transaction = FALSE;
  /* What waited to be sent belongs to a transaction the server dropped. */
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  measures_pg_notify_stop (self);

  /* While opening, the caller reports the failure. */
  if (!self->opened)
    return;

  g_debug ("Lost the connection to %s: %s", self->display_name, PQerrorMessage (self->conn));
  measures_store_set_connection (MEASURES_STORE (self), MEASURES_CONNECTION_RECONNECTING);
  self->retry_delay_ms = RETRY_MIN_MS;
  schedule_retry (self);
}

/* Stops every source of the connection, for dispose. */
void
measures_pg_connection_stop (MeasuresPgStore *self)
{
  g_clear_handle_id (&self->retry_id, g_source_remove);
  end_attempt (self);
  measures_pg_notify_stop (self);
}

static void
pg_reconnect (MeasuresStore *store)
{
  MeasuresPgStore *self = MEASURES_PG_STORE (store);

  /* One attempt at a time: one under way is as good as a new one. */
  if (!self->lost || !self->opened || self->attempt != NULL)
    return;

  start_attempt (self);
}

static gboolean
pg_get_unencrypted (MeasuresStore *store)
{
  MeasuresPgStore *self = MEASURES_PG_STORE (store);
  const char *host;

  if (self->conn == NULL || PQsslInUse (self->conn) || PQgssEncInUse (self->conn))
    return FALSE;

  /* A socket folder: nothing leaves the computer. Loopback counts too:
   * whether a forwarded port carries it on in plain text is not known
   * here. */
  host = PQhost (self->conn);
  return host != NULL && *host != '/' && *host != '@' && *host != '\0';
}

void
measures_pg_connection_init_class (MeasuresStoreClass *store_class)
{
  store_class->get_unencrypted = pg_get_unencrypted;
  store_class->reconnect = pg_reconnect;
}
