/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-sqlite"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "measures-sqlite-private.h"

/**
 * MeasuresSqliteStore:
 *
 * The strategy in one SQLite file: the engine for one workstation, or a
 * few people sharing a file. All SQL of the file lives in this folder,
 * split by concern (schema, file, strategy, measures, log, search); every
 * statement is prepared and bound, and every write runs inside a
 * transaction.
 *
 * Other processes may write to the same file: a watch on the main loop
 * notices their commits (SQLite's data version) and announces the measures
 * they changed, by revision, through the store's signals.
 */

/* How often the file is looked at for other writers' commits. Reading the
 * data version touches no page of the file: it costs microseconds. */
#define WATCH_INTERVAL_MS 400

G_DEFINE_FINAL_TYPE (MeasuresSqliteStore, measures_sqlite_store, MEASURES_TYPE_STORE)

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
measures_sqlite_store_finalize (GObject *object)
{
  MeasuresSqliteStore *self = (MeasuresSqliteStore *)object;

  g_clear_handle_id (&self->watch_id, g_source_remove);
  /* sqlite3_close_v2() checkpoints the WAL and removes it when it can. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_clear_pointer (&self->own_revisions, g_hash_table_unref);
  g_free (self->path);
  g_free (self->display_name);

  G_OBJECT_CLASS (measures_sqlite_store_parent_class)->finalize (object);
}

static MeasuresStoreFeatures
sqlite_get_features (MeasuresStore *store)
{
  return MEASURES_STORE_FEATURE_BACKUPS;
}

static char *
sqlite_dup_display_name (MeasuresStore *store)
{
  return g_strdup (MEASURES_SQLITE_STORE (store)->display_name);
}

static gboolean
sqlite_is_empty (MeasuresStore  *store,
                 gboolean       *empty,
                 GError        **error)
{
  int n_goals = 0;

  if (!sql_query_int (MEASURES_SQLITE_STORE (store), "SELECT count(*) FROM goals",
                      &n_goals, error))
    return FALSE;

  *empty = n_goals == 0;
  return TRUE;
}

static gboolean
sqlite_begin (MeasuresStore  *store,
              GError        **error)
{
  return measures_sqlite_begin (MEASURES_SQLITE_STORE (store), error);
}

static gboolean
sqlite_commit (MeasuresStore  *store,
               GError        **error)
{
  return measures_sqlite_commit (MEASURES_SQLITE_STORE (store), error);
}

static void
sqlite_rollback (MeasuresStore *store)
{
  measures_sqlite_rollback (MEASURES_SQLITE_STORE (store));
}

static void
measures_sqlite_store_class_init (MeasuresSqliteStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  MeasuresStoreClass *store_class = MEASURES_STORE_CLASS (klass);

  object_class->finalize = measures_sqlite_store_finalize;

  store_class->get_features = sqlite_get_features;
  store_class->dup_display_name = sqlite_dup_display_name;
  store_class->is_empty = sqlite_is_empty;
  store_class->begin = sqlite_begin;
  store_class->commit = sqlite_commit;
  store_class->rollback = sqlite_rollback;
  measures_sqlite_file_init_class (store_class);
  measures_sqlite_strategy_init_class (store_class);
  measures_sqlite_measures_init_class (store_class);
  measures_sqlite_log_init_class (store_class);
  measures_sqlite_indicators_init_class (store_class);
  measures_sqlite_search_init_class (store_class);
}

static void
measures_sqlite_store_init (MeasuresSqliteStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
  self->own_revisions = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
}

/* Other writers ------------------------------------------------------------ */

static gboolean
read_data_version (MeasuresSqliteStore *self,
                   gint64              *version)
{
  int value = 0;

  if (!sql_query_int (self, "PRAGMA data_version", &value, NULL))
    return FALSE;

  *version = value;
  return TRUE;
}

static gboolean
read_latest_revision (MeasuresSqliteStore *self,
                      gint64              *revision)
{
  gint64 next = 0;

  if (!measures_sqlite_next_revision (self, &next, NULL))
    return FALSE;

  *revision = next - 1;
  return TRUE;
}

/* Announces the measures and indicators that other writers changed since
 * the last look: those with a newer revision than any announced, less
 * this store's own. */
static void
announce_other_writes (MeasuresSqliteStore *self)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) indicator_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 latest = self->seen_revision;
  int rc;

  stmt = sql_prepare (self,
                      "SELECT 0, id, revision FROM measures WHERE revision > ?1 "
                      "UNION ALL "
                      "SELECT 1, id, revision FROM indicators WHERE revision > ?1 "
                      "ORDER BY 3",
                      NULL);
  if (stmt == NULL)
    return;
  sqlite3_bind_int64 (stmt, 1, self->seen_revision);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gboolean indicator = sqlite3_column_int (stmt, 0) != 0;
      gint64 id = sqlite3_column_int64 (stmt, 1);
      gint64 revision = sqlite3_column_int64 (stmt, 2);

      latest = MAX (latest, revision);
      if (!g_hash_table_remove (self->own_revisions, &revision))
        g_array_append_val (indicator ? indicator_ids : ids, id);
    }
  g_clear_pointer (&stmt, sqlite3_finalize);
  if (rc != SQLITE_DONE)
    return;

  self->seen_revision = latest;
  /* Revisions at or below the latest are announced or never will be. */
  g_hash_table_remove_all (self->own_revisions);

  if (ids->len > 0)
    {
      g_debug ("%u measures changed by another writer of %s", ids->len, self->display_name);
      /* Which offices' counts changed is not known: recount them. */
      measures_store_emit_changed (MEASURES_STORE (self), (const gint64 *)(gpointer)ids->data,
                                   ids->len, TRUE);
    }
  for (guint i = 0; i < indicator_ids->len; i++)
    measures_store_emit_indicator_changed (MEASURES_STORE (self),
                                           g_array_index (indicator_ids, gint64, i));
}

static gboolean
emit_replaced (gpointer data)
{
  measures_store_emit_replaced (MEASURES_STORE (data));
  return G_SOURCE_REMOVE;
}

/* Whether the path still leads to the file this store opened: restoring a
 * backup puts another file in its place, and what this store wrote then
 * would go to a file nobody opens again. */
gboolean
measures_sqlite_check_not_replaced (MeasuresSqliteStore  *self,
                                    GError              **error)
{
  GStatBuf buf;

  if (!self->replaced &&
      (g_stat (self->path, &buf) != 0 ||
       (guint64)buf.st_dev != self->device || (guint64)buf.st_ino != self->inode))
    {
      self->replaced = TRUE;
      g_debug ("%s was replaced by another file", self->display_name);
      g_idle_add_full (G_PRIORITY_DEFAULT, emit_replaced, g_object_ref (self), g_object_unref);
    }

  if (self->replaced)
    {
      measures_store_set_replaced_error (error);
      return FALSE;
    }

  return TRUE;
}

static gboolean
watch_other_writers (gpointer data)
{
  MeasuresSqliteStore *self = data;
  gint64 version;

  if (!measures_sqlite_check_not_replaced (self, NULL))
    {
      self->watch_id = 0;
      return G_SOURCE_REMOVE;
    }

  /* Not inside a write of our own, e.g. while an import runs. */
  if (!sqlite3_get_autocommit (self->db))
    return G_SOURCE_CONTINUE;

  if (read_data_version (self, &version) && version != self->data_version)
    {
      self->data_version = version;
      announce_other_writes (self);
    }

  return G_SOURCE_CONTINUE;
}

/**
 * measures_sqlite_store_open:
 * @path: the database file; it and its folder are created when missing
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
MeasuresStore *
measures_sqlite_store_open (const char  *path,
                            GError     **error)
{
  g_autoptr(MeasuresSqliteStore) self = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  self = g_object_new (MEASURES_TYPE_SQLITE_STORE, NULL);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_name (path);
  measures_store_set_path (MEASURES_STORE (self), path);

  if (!measures_sqlite_open_file (self, error))
    return NULL;

  if (!read_data_version (self, &self->data_version) ||
      !read_latest_revision (self, &self->seen_revision))
    {
      sql_set_error (self, sqlite3_errcode (self->db), error);
      return NULL;
    }
  self->watch_id = g_timeout_add (WATCH_INTERVAL_MS, watch_other_writers, self);
  g_source_set_name_by_id (self->watch_id, "[measures] other writers");

  return MEASURES_STORE (g_steal_pointer (&self));
}

/**
 * measures_sqlite_store_get_network_mode:
 *
 * Returns: %TRUE if the file is on a network file system, where it keeps a
 *   rollback journal instead of a write-ahead log
 */
gboolean
measures_sqlite_store_get_network_mode (MeasuresSqliteStore *self)
{
  g_return_val_if_fail (MEASURES_IS_SQLITE_STORE (self), FALSE);

  return self->network;
}

/* For the backups, which copy the file through SQLite's backup API. */
sqlite3 *
measures_sqlite_store_get_db (MeasuresSqliteStore *self)
{
  return self->db;
}
