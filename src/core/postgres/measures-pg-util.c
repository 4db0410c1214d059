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

/* An array literal of @n_texts texts, each quoted, NULL where a text is
 * %NULL: a column of many rows, for "unnest ($n::text[], …)". */
void
pg_params_array (PgParams           *params,
                 const char * const *texts,
                 guint               n_texts)
{
  GString *array = g_string_new ("{");

  for (guint i = 0; i < n_texts; i++)
    {
      if (i > 0)
        g_string_append_c (array, ',');
      if (texts[i] == NULL)
        {
          g_string_append (array, "NULL");
          continue;
        }
      g_string_append_c (array, '"');
      for (const char *p = texts[i]; *p; p++)
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

/* Pipelines ------------------------------------------------------------------
 *
 * Most steps of a write need no answer before the next is sent: they wait
 * in the queue and go, with their statements' preparing where that is
 * still to do, in one pipeline with the next statement whose answer is
 * needed; the server runs them in order and stops at the first that
 * fails, so that nothing after it, COMMIT least of all, takes effect. One
 * pipeline is one round trip. */

typedef struct {
  char *sql;
  GPtrArray *values;
  PgAnswer answer;
  gpointer data;
  GDestroyNotify destroy;
  gboolean refuses;
  PGresult **keep;           /* where pg_query () wants the answer */
  /* While the pipeline is read */
  gboolean prepared_here;
  PGresult *prepare_result;
  PGresult *result;
} PgQueued;

static void
pg_queued_free (gpointer data)
{
  PgQueued *queued = data;

  g_free (queued->sql);
  g_clear_pointer (&queued->values, g_ptr_array_unref);
  if (queued->destroy != NULL)
    queued->destroy (queued->data);
  g_clear_pointer (&queued->prepare_result, PQclear);
  g_clear_pointer (&queued->result, PQclear);
  g_free (queued);
}

gboolean
pg_result_ok (const PGresult *result)
{
  ExecStatusType status = PQresultStatus (result);

  return result != NULL && (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK);
}

static GPtrArray *
ensure_queue (MeasuresPgStore *self)
{
  if (self->queue == NULL)
    self->queue = g_ptr_array_new_with_free_func (pg_queued_free);
  return self->queue;
}

/* Reads the answers of a pipeline of @n commands (the preparings and the
 * statements of @sent, in order) up to its end. */
static void
read_pipeline (MeasuresPgStore *self,
               GPtrArray       *sent)
{
  guint item = 0;
  gboolean prepare_done = FALSE;
  guint empty = 0;

  for (;;)
    {
      PGresult *result = PQgetResult (self->conn);
      PgQueued *queued;

      if (result == NULL)
        {
          /* One empty answer ends each command's; two in a row, or a dead
           * connection, end the pipeline. */
          if (PQstatus (self->conn) == CONNECTION_BAD || ++empty > 1)
            return;
          continue;
        }
      empty = 0;

      if (PQresultStatus (result) == PGRES_PIPELINE_SYNC)
        {
          PQclear (result);
          return;
        }

      if (item >= sent->len)
        {
          PQclear (result);
          continue;
        }

      queued = g_ptr_array_index (sent, item);
      if (queued->prepared_here && !prepare_done)
        {
          queued->prepare_result = result;
          prepare_done = TRUE;
          continue;
        }

      queued->result = result;
      prepare_done = FALSE;
      item++;
    }
}

/* Sends what waits in the queue in one pipeline and reads the answers,
 * giving each to its statement's answer function. Stops at the first
 * failure: the server skipped what came after it. */
static gboolean
run_pipeline (MeasuresPgStore  *self,
              GError          **error)
{
  g_autoptr(GPtrArray) sent = g_steal_pointer (&self->queue);
  gboolean sending = TRUE;
  gboolean done = TRUE;

  if (sent == NULL || sent->len == 0)
    return TRUE;

  if (!measures_pg_check_online (self, error))
    return FALSE;

  if (!PQenterPipelineMode (self->conn))
    return pg_set_error (self, NULL, error);

  for (guint i = 0; sending && i < sent->len; i++)
    {
      PgQueued *queued = g_ptr_array_index (sent, i);
      const char *name = g_hash_table_lookup (self->statements, queued->sql);

      if (name == NULL)
        {
          char *new_name = g_strdup_printf ("measures_%u",
                                            g_hash_table_size (self->statements) + 1);

          /* Known at once, so that the same statement later in the
           * pipeline is not prepared twice; forgotten if it fails. */
          g_hash_table_insert (self->statements, g_strdup (queued->sql), new_name);
          name = new_name;
          queued->prepared_here = TRUE;
          sending = PQsendPrepare (self->conn, name, queued->sql, 0, NULL);
        }

      sending = sending &&
                PQsendQueryPrepared (self->conn, name, (int)queued->values->len,
                                     (const char * const *)queued->values->pdata, NULL, NULL, 0);
    }

  /* What was sent is read even when not all of it could be. */
  self->round_trips++;
  if (PQstatus (self->conn) != CONNECTION_BAD && PQpipelineSync (self->conn))
    read_pipeline (self, sent);
  PQexitPipelineMode (self->conn);

  for (guint i = 0; i < sent->len; i++)
    {
      PgQueued *queued = g_ptr_array_index (sent, i);

      if (queued->prepared_here && PQresultStatus (queued->prepare_result) != PGRES_COMMAND_OK)
        g_hash_table_remove (self->statements, queued->sql);

      if (!done)
        continue;

      if (queued->prepared_here && PQresultStatus (queued->prepare_result) != PGRES_COMMAND_OK)
        done = pg_set_error (self, queued->prepare_result, error);
      else if (queued->answer != NULL && queued->result != NULL)
        done = queued->answer (self, queued->result, queued->data, error);
      else if (!pg_result_ok (queued->result))
        done = pg_set_error (self, queued->result, error);
      else if (queued->keep != NULL)
        *queued->keep = g_steal_pointer (&queued->result);
    }

  /* Notifications that came with the answers are not seen by the socket
   * watch: look at them once the caller is done. */
  if (done)
    measures_pg_notify_check (self);

  return done;
}

static PgQueued *
enqueue (MeasuresPgStore  *self,
         const char       *sql,
         PgParams         *params,
         PgAnswer          answer,
         gpointer          data,
         GDestroyNotify    destroy,
         gboolean          refuses)
{
  PgQueued *queued = g_new0 (PgQueued, 1);

  queued->sql = g_strdup (sql);
  queued->values = params && params->values ? g_steal_pointer (&params->values)
                                            : g_ptr_array_new_with_free_func (g_free);
  queued->answer = answer;
  queued->data = data;
  queued->destroy = destroy;
  queued->refuses = refuses;
  g_ptr_array_add (ensure_queue (self), queued);
  return queued;
}

/**
 * pg_send:
 * @params: (nullable): its parameters, taken over
 * @answer: (nullable): what to do with the answer; without it, a failure
 *   is reported as pg_set_error () does
 * @refuses: whether @answer may refuse what succeeded on the server: such
 *   an answer is read before COMMIT is sent
 *
 * Queues a statement whose answer nothing waits for: it goes with the next
 * statement that waits (pg_query (), pg_flush (), the commit).
 *
 * Returns: %FALSE with @error set when the connection is lost
 */
gboolean
pg_send (MeasuresPgStore  *self,
         const char       *sql,
         PgParams         *params,
         PgAnswer          answer,
         gpointer          data,
         GDestroyNotify    destroy,
         gboolean          refuses,
         GError          **error)
{
  gboolean done = TRUE;

  if (!measures_pg_check_online (self, error))
    {
      if (destroy != NULL)
        destroy (data);
      return FALSE;
    }

  g_rec_mutex_lock (&self->conn_lock);
  enqueue (self, sql, params, answer, data, destroy, refuses);
  /* An import queues thousands: they go in pipelines of a bounded size. */
  if (self->queue->len >= 2000)
    done = run_pipeline (self, error);
  g_rec_mutex_unlock (&self->conn_lock);

  return done;
}

/* Sends what waits in the queue, and waits for its answers. */
gboolean
pg_flush (MeasuresPgStore  *self,
          GError          **error)
{
  gboolean done;

  g_rec_mutex_lock (&self->conn_lock);
  done = run_pipeline (self, error);
  g_rec_mutex_unlock (&self->conn_lock);
  return done;
}

/* Whether an answer in the queue may still refuse the write. */
static gboolean
queue_refuses (MeasuresPgStore *self)
{
  for (guint i = 0; self->queue != NULL && i < self->queue->len; i++)
    if (((PgQueued *)g_ptr_array_index (self->queue, i))->refuses)
      return TRUE;
  return FALSE;
}

/* Runs one statement with its parameters, prepared once per connection;
 * @params may be %NULL for a statement without any. What waits in the
 * queue goes first, in the same pipeline. */
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
  if ((self->queue != NULL && self->queue->len > 0) ||
      !g_hash_table_contains (self->statements, sql))
    {
      PGresult *answer = NULL;
      PgParams copy = { NULL };

      if (!measures_pg_check_online (self, error))
        {
          g_rec_mutex_unlock (&self->conn_lock);
          return NULL;
        }
      if (params != NULL && params->values != NULL)
        copy.values = g_ptr_array_copy (params->values, (GCopyFunc)(void (*) (void))g_strdup,
                                        NULL);
      enqueue (self, sql, &copy, NULL, NULL, NULL, FALSE)->keep = &answer;
      if (!run_pipeline (self, error))
        g_clear_pointer (&answer, PQclear);
      g_rec_mutex_unlock (&self->conn_lock);
      return answer;
    }

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
  /* Sent with the transaction's first statement that waits for an
   * answer. */
  if (!pg_send (self, "BEGIN", NULL, NULL, NULL, NULL, FALSE, error) ||
      !pg_send (self, WRITER_LOCK, NULL, NULL, NULL, NULL, FALSE, error))
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
  gboolean done;

  /* An answer that may still refuse the write is read before COMMIT goes;
   * the rest goes with it. */
  g_rec_mutex_lock (&self->conn_lock);
  done = (!queue_refuses (self) || run_pipeline (self, error)) &&
         pg_send (self, "COMMIT", NULL, NULL, NULL, NULL, FALSE, error) &&
         run_pipeline (self, error);
  g_rec_mutex_unlock (&self->conn_lock);

  self->in_transaction = FALSE;
  /* Notifications held back while the transaction ran. */
  measures_pg_notify_check (self);
  return done;
}

void
measures_pg_rollback (MeasuresPgStore *self)
{
  /* What was never sent is dropped; on a lost connection the server has
   * rolled back already. */
  g_rec_mutex_lock (&self->conn_lock);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_rec_mutex_unlock (&self->conn_lock);
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
