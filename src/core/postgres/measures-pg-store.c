/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-pg"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "measures-pg-private.h"

/**
 * MeasuresPgStore:
 *
 * The strategy on a PostgreSQL server, shared by everyone who works on it.
 * All SQL of the engine lives in this folder, split by concern as the
 * SQLite engine's (schema, strategy, measures, log, search, notify); every
 * statement is prepared and bound, every write runs inside a transaction,
 * and measures are read in batches, never one query per row.
 *
 * Other writers are announced through LISTEN/NOTIFY on the main loop (see
 * measures-pg-notify.c).
 */

G_DEFINE_FINAL_TYPE (MeasuresPgStore, measures_pg_store, MEASURES_TYPE_STORE)

static void
measures_pg_store_dispose (GObject *object)
{
  MeasuresPgStore *self = (MeasuresPgStore *)object;

  /* No source may call back into a store that is going away. */
  measures_pg_connection_stop (self);

  G_OBJECT_CLASS (measures_pg_store_parent_class)->dispose (object);
}

static void
measures_pg_store_finalize (GObject *object)
{
  MeasuresPgStore *self = (MeasuresPgStore *)object;

  measures_pg_connection_stop (self);
  g_clear_pointer (&self->conn, PQfinish);
  g_rec_mutex_clear (&self->conn_lock);
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->queue, g_ptr_array_unref);
  g_clear_pointer (&self->own_revisions, g_hash_table_unref);
  g_clear_pointer (&self->reportable, g_hash_table_unref);
  g_clear_pointer (&self->recordable, g_hash_table_unref);
  g_clear_pointer (&self->keywords, g_strfreev);
  g_clear_pointer (&self->values, g_strfreev);
  g_free (self->display_name);
  g_free (self->user_name);

  G_OBJECT_CLASS (measures_pg_store_parent_class)->finalize (object);
}

static MeasuresStoreFeatures
pg_get_features (MeasuresStore *store)
{
  return MEASURES_STORE_FEATURE_SHARED | MEASURES_STORE_FEATURE_ROLES;
}

static char *
pg_dup_display_name (MeasuresStore *store)
{
  return g_strdup (MEASURES_PG_STORE (store)->display_name);
}

/* The name the server knows the user by, which it writes into the log. */
static char *
pg_dup_user_name (MeasuresStore *store)
{
  return g_strdup (MEASURES_PG_STORE (store)->user_name);
}

/* The server checks its own data: nothing is left to check here. */
static void
pg_check_async (MeasuresStore       *store,
                GCancellable        *cancellable,
                GAsyncReadyCallback  callback,
                gpointer             user_data)
{
  g_autoptr(GTask) task = g_task_new (store, cancellable, callback, user_data);

  g_task_set_source_tag (task, pg_check_async);
  g_task_return_boolean (task, TRUE);
}

static gboolean
pg_check_finish (MeasuresStore  *store,
                 GAsyncResult   *result,
                 GError        **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

static gboolean
pg_is_empty (MeasuresStore  *store,
             gboolean       *empty,
             GError        **error)
{
  g_autoptr(PGresult) result = NULL;

  result = pg_query (MEASURES_PG_STORE (store), "SELECT NOT EXISTS (SELECT 1 FROM goals)", NULL,
                     error);
  if (result == NULL)
    return FALSE;

  *empty = pg_bool (result, 0, 0);
  return TRUE;
}

static gboolean
pg_begin (MeasuresStore  *store,
          GError        **error)
{
  return measures_pg_begin (MEASURES_PG_STORE (store), error);
}

static gboolean
pg_commit (MeasuresStore  *store,
           GError        **error)
{
  return measures_pg_commit (MEASURES_PG_STORE (store), error);
}

static void
pg_rollback (MeasuresStore *store)
{
  measures_pg_rollback (MEASURES_PG_STORE (store));
}

static void
measures_pg_store_class_init (MeasuresPgStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MeasuresStoreClass *store_class = MEASURES_STORE_CLASS (klass);

  object_class->dispose = measures_pg_store_dispose;
  object_class->finalize = measures_pg_store_finalize;

  store_class->get_features = pg_get_features;
  store_class->dup_display_name = pg_dup_display_name;
  store_class->dup_user_name = pg_dup_user_name;
  store_class->check_async = pg_check_async;
  store_class->check_finish = pg_check_finish;
  store_class->is_empty = pg_is_empty;
  store_class->begin = pg_begin;
  store_class->commit = pg_commit;
  store_class->rollback = pg_rollback;
  measures_pg_strategy_init_class (store_class);
  measures_pg_measures_init_class (store_class);
  measures_pg_import_init_class (store_class);
  measures_pg_log_init_class (store_class);
  measures_pg_indicators_init_class (store_class);
  measures_pg_search_init_class (store_class);
  measures_pg_roles_init_class (store_class);
  measures_pg_connection_init_class (store_class);
}

static void
measures_pg_store_init (MeasuresPgStore *self)
{
  g_rec_mutex_init (&self->conn_lock);
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->own_revisions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->reportable = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->recordable = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* How to name the strategy to a user: its database and server, never the
 * password that the connection string may hold. */
static char *
describe (const char *conninfo)
{
  PQconninfoOption *options = PQconninfoParse (conninfo, NULL);
  const char *dbname = NULL;
  const char *host = NULL;
  char *name;

  for (PQconninfoOption *o = options; o && o->keyword; o++)
    {
      if (g_str_equal (o->keyword, "dbname") && o->val && *o->val)
        dbname = o->val;
      else if (g_str_equal (o->keyword, "host") && o->val && *o->val)
        host = o->val;
      else if (g_str_equal (o->keyword, "service") && o->val && *o->val && dbname == NULL)
        dbname = o->val;
    }

  /* A folder is the socket of a server on this computer: no name to give. */
  if (host != NULL && host[0] == '/')
    host = NULL;

  if (dbname && host)
    /* Translators: a database on a server, e.g. "strategy on db.example.org" */
    name = g_strdup_printf (_("%s on %s"), dbname, host);
  else
    name = g_strdup (dbname ? dbname : host ? host : "PostgreSQL");

  PQconninfoFree (options);
  return name;
}

/* libpq tells a password that was missing, not one that was wrong: the
 * server's refusal does, in its message (SQLSTATE 28P01 does not reach
 * the client of a failed connection). */
static gboolean
password_refused (PGconn     *conn,
                  const char *password)
{
  const char *message = PQerrorMessage (conn);

  return password != NULL && PQconnectionUsedPassword (conn) && message != NULL &&
         strstr (message, "password authentication failed") != NULL;
}

/**
 * measures_pg_store_open:
 * @conninfo: a "postgresql://" URI or libpq's "keyword=value" string
 * @password: (nullable): the password, when the server asks for one that
 *   neither @conninfo nor libpq's own places (~/.pgpass) hold
 *
 * Connects, and sets up the schema in an empty database or brings it up to
 * date; a database of another application or a newer version of Measures
 * is refused without being written to.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
MeasuresStore *
measures_pg_store_open (const char  *conninfo,
                        const char  *password,
                        GError     **error)
{
  g_autoptr(MeasuresPgStore) self = NULL;

  g_return_val_if_fail (conninfo != NULL, NULL);

  if (!measures_libpq_load (error))
    return NULL;

  self = g_object_new (MEASURES_TYPE_PG_STORE, NULL);
  self->display_name = describe (conninfo);
  if (!measures_pg_connection_params (self, conninfo, password, error))
    return NULL;

  /* The address is expanded as libpq does with "dbname"; a password typed
   * by the user goes beside it, never into it. */
  self->conn = PQconnectdbParams ((const char * const *)self->keywords,
                                  (const char * const *)self->values, TRUE);

  if (PQstatus (self->conn) != CONNECTION_OK &&
      (PQconnectionNeedsPassword (self->conn) || password_refused (self->conn, password)))
    {
      if (password == NULL)
        g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_PASSWORD,
                     _("The strategy database “%s” asks for a password."),
                     self->display_name);
      else
        g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_PASSWORD,
                     _("The password for the strategy database “%s” was not accepted."),
                     self->display_name);
      return NULL;
    }

  if (PQstatus (self->conn) != CONNECTION_OK)
    {
      g_autofree char *detail = g_strchomp (g_strdup (PQerrorMessage (self->conn)));

      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("Could not connect to the strategy database “%s” (%s)."),
                   self->display_name, detail);
      return NULL;
    }

  measures_store_set_path (MEASURES_STORE (self), conninfo);
  self->user_name = g_strdup (PQuser (self->conn));

  if (!measures_pg_connection_setup (self, error) || !measures_pg_check_ctype (self, error) ||
      !measures_pg_ensure_schema (self, error) || !measures_pg_notify_start (self, error))
    return NULL;

  self->opened = TRUE;
  measures_store_set_connection (MEASURES_STORE (self), MEASURES_CONNECTION_ONLINE);
  return MEASURES_STORE (g_steal_pointer (&self));
}

/**
 * measures_pg_store_get_found_version:
 *
 * Returns: the schema version the database had when the store opened it:
 *   0 when Measures set it up then, less than
 *   measures_pg_store_get_schema_version() when it was brought up to date
 */
int
measures_pg_store_get_found_version (MeasuresPgStore *self)
{
  g_return_val_if_fail (MEASURES_IS_PG_STORE (self), 0);

  return self->found_version;
}

/**
 * measures_pg_store_get_round_trips:
 *
 * For the benchmarks and tests: how many requests this store has sent
 * and waited for the server's answer to, since it was opened. Each
 * statement sent is one (a statement run for the first time on a
 * connection is prepared first: two); a fixed command string of several
 * statements, such as "BEGIN; SELECT pg_advisory_xact_lock (…)", is one.
 * Reading notifications from the socket is not counted: nothing waits.
 *
 * Returns: the number of round trips to the server
 */
guint64
measures_pg_store_get_round_trips (MeasuresPgStore *self)
{
  g_return_val_if_fail (MEASURES_IS_PG_STORE (self), 0);

  return self->round_trips;
}

/**
 * measures_pg_store_setup_roles:
 * @roles: (out) (transfer full): the office roles, sorted
 *
 * Creates the roles of a strategy (measures.setup_roles()), which needs
 * CREATEROLE: what an administrator runs once, and after offices were
 * added.
 *
 * Returns: %FALSE with @error set if the server refused
 */
gboolean
measures_pg_store_setup_roles (MeasuresPgStore   *self,
                               GStrv             *roles,
                               GError           **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();

  g_return_val_if_fail (MEASURES_IS_PG_STORE (self), FALSE);

  result = pg_query (self, "SELECT * FROM measures.setup_roles ()", NULL, error);
  if (result == NULL)
    return FALSE;

  for (int row = 0; row < PQntuples (result); row++)
    g_strv_builder_add (names, pg_text (result, row, 0));
  *roles = g_strv_builder_end (names);
  return TRUE;
}
