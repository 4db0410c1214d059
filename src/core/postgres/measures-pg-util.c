/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-pg"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-pg-private.h"

/* Statement helpers, error messages and transactions of the PostgreSQL
 * engine. */

/* Every writer takes this lock first, inside its transaction: writes are
 * then committed in the order of their revisions, so that "revision >
 * the latest one seen" never misses a write that committed late. */
#define WRITER_LOCK "SELECT pg_advisory_xact_lock (1298489715)"

void
pg_params_init (PgParams *params)
{
  params->values = g_ptr_array_new_with_free_func (g_free);
}

void
pg_params_clear (PgParams *params)
{
  g_clear_pointer (&params->values, g_ptr_array_unref);
}

void
pg_params_text (PgParams   *params,
                const char *text)
{
  g_ptr_array_add (params->values, g_strdup (text));
}

void
pg_params_int (PgParams *params,
               gint64    value)
{
  g_ptr_array_add (params->values, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

void
pg_params_bool (PgParams *params,
                gboolean  value)
{
  g_ptr_array_add (params->values, g_strdup (value ? "t" : "f"));
}

/* An array literal of ids, for "= ANY ($n::bigint[])": one query for a
 * whole batch. */
void
pg_params_ids (PgParams     *params,
               const gint64 *ids,
               guint         n_ids)
{
  GString *list = g_string_new ("{");

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (list, '}');
  g_ptr_array_add (params->values, g_string_free (list, FALSE));
}

/* An array literal of texts, each quoted, for "unnest ($n::text[])". */
void
pg_params_strv (PgParams           *params,
                const char * const *strv)
{
  GString *array = g_string_new ("{");

  for (guint i = 0; strv[i] != NULL; i++)
    {
      g_string_append (array, i ? ",\"" : "\"");
      for (const char *p = strv[i]; *p; p++)
        {
          if (*p == '"' || *p == '\\')
            g_string_append_c (array, '\\');
          g_string_append_c (array, *p);
        }
      g_string_append_c (array, '"');
    }
  g_string_append_c (array, '}');
  g_ptr_array_add (params->values, g_string_free (array, FALSE));
}

/* Turns a failed result into a message an official can act on. */
gboolean
pg_set_error (MeasuresPgStore  *self,
              const PGresult   *result,
              GError          **error)
{
  const char *state = result ? PQresultErrorField (result, PG_DIAG_SQLSTATE) : NULL;
  const char *primary = result ? PQresultErrorField (result, PG_DIAG_MESSAGE_PRIMARY) : NULL;
  const char *detail = primary ? primary : PQerrorMessage (self->conn);
  g_autofree char *message = g_strchomp (g_strdup (detail ? detail : ""));

  /* A lost connection has no SQLSTATE, or that of the administrator's
   * shutdown: what counts is that it is dead. */
  if (PQstatus (self->conn) == CONNECTION_BAD && self->opened)
    {
      measures_pg_connection_lost (self);
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OFFLINE,
                   _("The connection to the strategy database “%s” was lost. Nothing was "
                     "saved; Measures connects again by itself."),
                   self->display_name);
    }
  else if (PQstatus (self->conn) == CONNECTION_BAD || state == NULL)
    g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FAILED,
                 _("The connection to the strategy database “%s” failed (%s)."),
                 self->display_name, message);
  else if (g_str_has_prefix (state, "23"))
    g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                 _("A value does not fit the strategy’s data (%s)."),
                 message);
  else if (g_str_equal (state, "53100"))
    g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FULL,
                 _("Could not write to “%s”: the disk is full."),
                 self->display_name);
  else if (g_str_equal (state, "42501"))
    /* The store's writes say which; this is for anything else. */
    g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_NOT_ALLOWED,
                 _("The server of “%s” does not let you make this change (%s)."),
                 self->display_name, message);
  else if (g_str_equal (state, "25006"))
    g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_READ_ONLY,
                 _("The server of “%s” does not let you make this change (%s)."),
                 self->display_name, message);
  else
    g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FAILED,
                 _("The database “%s” reported an error: %s"),
                 self->display_name, message);

  return FALSE;
}

/* The name of @sql's prepared statement on this connection: prepared once,
 * on first use, for the life of the connection. */
static const char *
prepare_cached (MeasuresPgStore  *self,
                const char       *sql,
                GError          **error)
{
  g_autoptr(PGresult) result = NULL;
  const char *name = g_hash_table_lookup (self->statements, sql);
  g_autofree char *new_name = NULL;

  if (!measures_pg_check_online (self, error))
    return NULL;
  if (name != NULL)
    return name;

  new_name = g_strdup_printf ("measures_%u", g_hash_table_size (self->statements) + 1);
  self->round_trips++;
  result = PQprepare (self->conn, new_name, sql, 0, NULL);
  if (PQresultStatus (result) != PGRES_COMMAND_OK)
    {
      pg_set_error (self, result, error);
      return NULL;
    }

  name = new_name;
  g_hash_table_insert (self->statements, g_strdup (sql), g_steal_pointer (&new_name));
  return name;
}

/* Runs one statement with its parameters, prepared once per connection;
 * @params may be %NULL for a statement without any. */
PGresult *
pg_query (MeasuresPgStore  *self,
          const char       *sql,
          PgParams         *params,
          GError          **error)
{
  PGresult *result;
  const char *name;
  ExecStatusType status;

  g_rec_mutex_lock (&self->conn_lock);
  name = prepare_cached (self, sql, error);
  if (name == NULL)
    {
      g_rec_mutex_unlock (&self->conn_lock);
      return NULL;
    }

  self->round_trips++;
  result = PQexecPrepared (self->conn, name, params ? (int)params->values->len : 0,
                           params ? (const char * const *)params->values->pdata : NULL,
                           NULL, NULL, 0);
  g_rec_mutex_unlock (&self->conn_lock);
  status = PQresultStatus (result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    {
      pg_set_error (self, result, error);
      PQclear (result);
      return NULL;
    }

  /* Notifications that came with the answer are not seen by the socket
   * watch: look at them once the caller is done. */
  measures_pg_notify_check (self);
  return result;
}

gboolean
pg_exec (MeasuresPgStore  *self,
         const char       *sql,
         PgParams         *params,
         GError          **error)
{
  g_autoptr(PGresult) result = pg_query (self, sql, params, error);

  return result != NULL;
}

/* For fixed SQL only, maybe several commands: schema and transactions. */
static gboolean
exec_fixed (MeasuresPgStore  *self,
            const char       *sql,
            GError          **error)
{
  g_autoptr(PGresult) result = NULL;
  ExecStatusType status;

  if (!measures_pg_check_online (self, error))
    return FALSE;

  g_rec_mutex_lock (&self->conn_lock);
  self->round_trips++;
  result = PQexec (self->conn, sql);
  g_rec_mutex_unlock (&self->conn_lock);
  status = PQresultStatus (result);
  if (status != PGRES_TUPLES_OK && status != PGRES_COMMAND_OK)
    return pg_set_error (self, result, error);

  return TRUE;
}

const char *
pg_text (const PGresult *result,
         int             row,
         int             column)
{
  return PQgetvalue (result, row, column);
}

const char *
pg_text_or_null (const PGresult *result,
                 int             row,
                 int             column)
{
  return PQgetisnull (result, row, column) ? NULL : PQgetvalue (result, row, column);
}

gint64
pg_int (const PGresult *result,
        int             row,
        int             column)
{
  return g_ascii_strtoll (PQgetvalue (result, row, column), NULL, 10);
}

gboolean
pg_bool (const PGresult *result,
         int             row,
         int             column)
{
  return PQgetvalue (result, row, column)[0] == 't';
}

/* The first column of every row, in the order they come. */
GArray *
pg_collect_ids (const PGresult *result)
{
  int n = PQntuples (result);
  GArray *ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), n);

  for (int row = 0; row < n; row++)
    {
      gint64 id = pg_int (result, row, 0);

      g_array_append_val (ids, id);
    }

  return ids;
}

/* Transactions ------------------------------------------------------------ */

gboolean
measures_pg_begin (MeasuresPgStore  *self,
                   GError          **error)
{
  if (!exec_fixed (self, "BEGIN; " WRITER_LOCK, error))
    {
      measures_pg_rollback (self);
      return FALSE;
    }

  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
measures_pg_commit (MeasuresPgStore  *self,
                    GError          **error)
{
  gboolean done = exec_fixed (self, "COMMIT", error);

  self->in_transaction = FALSE;
  /* Notifications held back while the transaction ran. */
  measures_pg_notify_check (self);
  return done;
}

void
measures_pg_rollback (MeasuresPgStore *self)
{
  /* On a lost connection the server has rolled back already. */
  if (!self->lost && PQtransactionStatus (self->conn) != PQTRANS_IDLE)
    exec_fixed (self, "ROLLBACK", NULL);
  self->in_transaction = FALSE;
  /* Notifications held back while the transaction ran: a write refused
   * because someone else's came first must still show theirs. */
  if (!self->lost)
    measures_pg_notify_check (self);
}

/* Rolls back a write that failed; for "return measures_pg_fail (self)". */
gboolean
measures_pg_fail (MeasuresPgStore *self)
{
  measures_pg_rollback (self);
  return FALSE;
}
