/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-sqlite"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-measure-diff.h"
#include "measures-sqlite-private.h"

/* The progress log, the history, and the revisions that keep one writer
 * from overwriting another's work. */

gboolean
measures_sqlite_record_change (MeasuresSqliteStore  *self,
                               gint64                measure_id,
                               const char           *date,
                               const char           *author,
                               const char           *field,
                               const char           *old_value,
                               const char           *new_value,
                               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sql_prepare (self,
                      "INSERT INTO history (measure_id, date, author, field, old_value, new_value) "
                      "VALUES (?, ?, ?, ?, ?, ?)",
                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, measure_id);
  sql_bind_text (stmt, 2, date);
  sql_bind_text (stmt, 3, author);
  sql_bind_text (stmt, 4, field);
  sql_bind_text (stmt, 5, old_value);
  sql_bind_text (stmt, 6, new_value);

  return sql_step_done (self, stmt, error);
}

/* Revisions ------------------------------------------------------------------ */

gboolean
measures_sqlite_next_revision (MeasuresSqliteStore  *self,
                               gint64               *revision,
                               GError              **error)
{
  g_autoptr(CachedStatement) stmt = NULL;
  int rc;

  stmt = sql_prepare_cached (self,
                             "SELECT coalesce (max (revision), 0) + 1 FROM measures",
                             error);
  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return sql_set_error (self, rc, error);

  *revision = sqlite3_column_int64 (stmt, 0);
  return TRUE;
}

/* Refuses a write when someone else wrote @part of the measure after
 * @base_revision, naming them from the history. Call inside the write's
 * transaction, so that nobody can write in between. */
gboolean
measures_sqlite_check_revision (MeasuresSqliteStore  *self,
                                gint64                measure_id,
                                gint64                base_revision,
                                MeasurePart           part,
                                GError              **error)
{
  g_autoptr(CachedStatement) stmt = NULL;
  g_autoptr(CachedStatement) last = NULL;
  gint64 revision;
  int rc;

  stmt = sql_prepare_cached (self,
                             "SELECT revision, sheet_revision, state_revision, title,"
                             "       removed IS NOT NULL "
                             "FROM measures WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, measure_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("The measure no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return sql_set_error (self, rc, error);

  revision = sqlite3_column_int64 (stmt, part == PART_ALL ? 0 : part == PART_SHEET ? 1 : 2);
  if (revision <= base_revision)
    return TRUE;

  /* The latest entry of the history says who and when. */
  last = sql_prepare_cached (self,
                             "SELECT author, date FROM history WHERE measure_id = ? "
                             "ORDER BY id DESC LIMIT 1",
                             error);
  if (last == NULL)
    return FALSE;
  sqlite3_bind_int64 (last, 1, measure_id);
  rc = sqlite3_step (last);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sql_set_error (self, rc, error);

  measures_store_set_conflict_error (error, sql_column_text (stmt, 3),
                                     rc == SQLITE_ROW ? sql_column_text (last, 0) : NULL,
                                     rc == SQLITE_ROW ? sql_column_text (last, 1) : NULL,
                                     sqlite3_column_int (stmt, 4) != 0);
  return FALSE;
}

/* Gives the measure the strategy's next revision, for @part and as a whole. */
gboolean
measures_sqlite_bump_revision (MeasuresSqliteStore  *self,
                               gint64                measure_id,
                               MeasurePart           part,
                               const char           *now,
                               MeasuresWrite        *write,
                               GError              **error)
{
  g_autoptr(CachedStatement) stmt = NULL;
  gint64 revision;

  if (!measures_sqlite_next_revision (self, &revision, error))
    return FALSE;

  stmt = sql_prepare_cached (self,
                             "UPDATE measures SET revision = ?1, updated = ?2,"
                             "  sheet_revision = iif (?3, ?1, sheet_revision),"
                             "  state_revision = iif (?4, ?1, state_revision) "
                             "WHERE id = ?5",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, revision);
  sql_bind_text (stmt, 2, now);
  sqlite3_bind_int (stmt, 3, (part & PART_SHEET) != 0);
  sqlite3_bind_int (stmt, 4, (part & PART_STATE) != 0);
  sqlite3_bind_int64 (stmt, 5, measure_id);
  if (!sql_step_done (self, stmt, error))
    return FALSE;

  write->measure_id = measure_id;
  write->revision = revision;
  return TRUE;
}

/* Commits a write; the store announces it, and the watch on other writers
 * does not announce it a second time. */
gboolean
measures_sqlite_finish_write (MeasuresSqliteStore  *self,
                              MeasuresWrite        *write,
                              GError              **error)
{
  if (!measures_sqlite_commit (self, error))
    return measures_sqlite_fail (self);

  write->counts_changed = self->counts_changed;
  self->counts_changed = FALSE;
  g_hash_table_add (self->own_revisions, g_memdup2 (&write->revision, sizeof write->revision));
  return TRUE;
}

static gboolean
set_state (MeasuresSqliteStore  *self,
           MeasuresMeasure      *stored,
           MeasuresStatus        status,
           guint                 progress,
           gboolean              derived,
           const char           *now,
           const char           *author,
           GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = measures_measure_get_id (stored);
  g_autoptr(GArray) changes = NULL;

  stmt = sql_prepare (self,
                      "UPDATE measures SET status = ?, progress = ?, status_derived = ? "
                      "WHERE id = ?",
                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, status);
  sqlite3_bind_int (stmt, 2, progress);
  sqlite3_bind_int (stmt, 3, derived);
  sqlite3_bind_int64 (stmt, 4, id);
  if (!sql_step_done (self, stmt, error))
    return FALSE;

  changes = measures_measure_state_diff (stored, status, progress);
  for (guint i = 0; i < changes->len; i++)
    {
      const MeasuresFieldChange *change = &g_array_index (changes, MeasuresFieldChange, i);

      if (!measures_sqlite_record_change (self, id, now, author, change->field,
                                          change->old_text, change->new_text, error))
        return FALSE;
    }

  return TRUE;
}

static gint64
sqlite_add_log_entry (MeasuresStore   *store,
                      gint64           measure_id,
                      gint64           base_revision,
                      MeasuresStatus   status,
                      guint            progress,
                      const char      *text,
                      const char      *author,
                      MeasuresWrite   *write,
                      GError         **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autofree char *now = measures_store_now ();
  g_autoptr(MeasuresMeasure) stored = NULL;
  gint64 entry_id;

  if (!measures_sqlite_begin (self, error))
    return 0;

  if (!measures_sqlite_check_revision (self, measure_id, base_revision, PART_STATE, error) ||
      !(stored = measures_store_get_measure (store, measure_id, error)))
    return measures_sqlite_fail (self);

  stmt = sql_prepare (self,
                      "INSERT INTO log_entries (measure_id, date, author, status,"
                      "                         progress, text) "
                      "VALUES (?, ?, ?, ?, ?, ?)",
                      error);
  if (stmt == NULL)
    return measures_sqlite_fail (self);

  sqlite3_bind_int64 (stmt, 1, measure_id);
  sql_bind_text (stmt, 2, now);
  sql_bind_text (stmt, 3, author);
  sqlite3_bind_int (stmt, 4, status);
  sqlite3_bind_int (stmt, 5, progress);
  sql_bind_text (stmt, 6, text);
  if (!sql_step_done (self, stmt, error))
    return measures_sqlite_fail (self);
  entry_id = sqlite3_last_insert_rowid (self->db);

  if (!measures_sqlite_record_change (self, measure_id, now, author, "log", NULL, text, error) ||
      !set_state (self, stored, status, progress, FALSE, now, author, error) ||
      !measures_sqlite_bump_revision (self, measure_id, PART_STATE, now, write, error) ||
      !measures_sqlite_finish_write (self, write, error))
    return measures_sqlite_fail (self);

  return entry_id;
}

static gboolean
sqlite_set_log_entry_withdrawn (MeasuresStore   *store,
                                gint64           entry_id,
                                gint64           base_revision,
                                gboolean         withdrawn,
                                MeasuresStatus   status,
                                guint            progress,
                                gboolean         derived,
                                const char      *author,
                                MeasuresWrite   *write,
                                GError         **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) entry = NULL;
  g_autoptr(sqlite3_stmt) mark = NULL;
  g_autofree char *now = measures_store_now ();
  g_autofree char *text = NULL;
  g_autoptr(MeasuresMeasure) stored = NULL;
  gint64 measure_id;
  int rc;

  if (!measures_sqlite_begin (self, error))
    return FALSE;

  entry = sql_prepare (self,
                       "SELECT measure_id, status, progress, text FROM log_entries "
                       "WHERE id = ?",
                       error);
  if (entry == NULL)
    return measures_sqlite_fail (self);
  sqlite3_bind_int64 (entry, 1, entry_id);
  rc = sqlite3_step (entry);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                             _("The log entry no longer exists."));
      else
        sql_set_error (self, rc, error);
      return measures_sqlite_fail (self);
    }

  measure_id = sqlite3_column_int64 (entry, 0);
  if (!withdrawn)
    {
      status = CLAMP (sqlite3_column_int (entry, 1), 0, MEASURES_N_STATUSES - 1);
      progress = CLAMP (sqlite3_column_int (entry, 2), 0, 100);
      derived = FALSE;
    }
  text = g_strdup (sql_column_text (entry, 3));

  if (!measures_sqlite_check_revision (self, measure_id, base_revision, PART_STATE, error) ||
      !(stored = measures_store_get_measure (store, measure_id, error)))
    return measures_sqlite_fail (self);

  mark = sql_prepare (self, "UPDATE log_entries SET withdrawn = ? WHERE id = ?",
                      error);
  if (mark == NULL)
    return measures_sqlite_fail (self);
  sql_bind_text (mark, 1, withdrawn ? now : NULL);
  sqlite3_bind_int64 (mark, 2, entry_id);

  if (!sql_step_done (self, mark, error) ||
      !measures_sqlite_record_change (self, measure_id, now, author, "log",
                                      withdrawn ? text : NULL, withdrawn ? NULL : text, error) ||
      !set_state (self, stored, status, progress, derived, now, author, error) ||
      !measures_sqlite_bump_revision (self, measure_id, PART_STATE, now, write, error))
    return measures_sqlite_fail (self);

  return measures_sqlite_finish_write (self, write, error);
}

static GListModel *
sqlite_list_log (MeasuresStore  *store,
                 gint64          measure_id,
                 gboolean        include_withdrawn,
                 GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) entries = g_list_store_new (MEASURES_TYPE_LOG_ENTRY);
  int rc;

  stmt = sql_prepare (self,
                      "SELECT id, date, author, status, progress, text, withdrawn FROM log_entries "
                      "WHERE measure_id = ? AND (? OR withdrawn IS NULL) "
                      "ORDER BY date DESC, id DESC",
                      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, measure_id);
  sqlite3_bind_int (stmt, 2, include_withdrawn);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(MeasuresLogEntry) entry = NULL;

      entry = measures_log_entry_new (sqlite3_column_int64 (stmt, 0), measure_id,
                                      sql_column_text (stmt, 1), sql_column_text (stmt, 2),
                                      CLAMP (sqlite3_column_int (stmt, 3), 0,
                                             MEASURES_N_STATUSES - 1),
                                      CLAMP (sqlite3_column_int (stmt, 4), 0, 100),
                                      sql_column_text (stmt, 5),
                                      (const char *)sqlite3_column_text (stmt, 6));
      g_list_store_append (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      sql_set_error (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&entries));
}

static GListModel *
sqlite_list_history (MeasuresStore  *store,
                     gint64          measure_id,
                     GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) changes = g_list_store_new (MEASURES_TYPE_CHANGE);
  int rc;

  stmt = sql_prepare (self,
                      "SELECT id, date, author, field, old_value, new_value FROM history "
                      "WHERE measure_id = ? ORDER BY id DESC",
                      error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, measure_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(MeasuresChange) change = NULL;

      change = measures_change_new (sqlite3_column_int64 (stmt, 0), measure_id,
                                    sql_column_text (stmt, 1), sql_column_text (stmt, 2),
                                    sql_column_text (stmt, 3),
                                    (const char *)sqlite3_column_text (stmt, 4),
                                    (const char *)sqlite3_column_text (stmt, 5));
      g_list_store_append (changes, change);
    }

  if (rc != SQLITE_DONE)
    {
      sql_set_error (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&changes));
}

static gboolean
sqlite_insert_log_entry (MeasuresStore     *store,
                         gint64             measure_id,
                         MeasuresLogEntry  *entry,
                         GError           **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sql_prepare (self,
                      "INSERT INTO log_entries (measure_id, date, author, status, progress, text,"
                      "                         withdrawn) VALUES (?, ?, ?, ?, ?, ?, ?)",
                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, measure_id);
  sql_bind_text (stmt, 2, measures_log_entry_get_date (entry));
  sql_bind_text (stmt, 3, measures_log_entry_get_author (entry));
  sqlite3_bind_int (stmt, 4, measures_log_entry_get_status (entry));
  sqlite3_bind_int (stmt, 5, measures_log_entry_get_progress (entry));
  sql_bind_text (stmt, 6, measures_log_entry_get_text (entry));
  sql_bind_text (stmt, 7, measures_log_entry_get_withdrawn (entry));

  return sql_step_done (self, stmt, error);
}

static gboolean
sqlite_insert_change (MeasuresStore   *store,
                      gint64           measure_id,
                      MeasuresChange  *change,
                      GError         **error)
{
  return measures_sqlite_record_change (MEASURES_SQLITE_STORE (store), measure_id,
                                        measures_change_get_date (change),
                                        measures_change_get_author (change),
                                        measures_change_get_field (change),
                                        measures_change_get_old_value (change),
                                        measures_change_get_new_value (change), error);
}

void
measures_sqlite_log_init_class (MeasuresStoreClass *store_class)
{
  store_class->add_log_entry = sqlite_add_log_entry;
  store_class->set_log_entry_withdrawn = sqlite_set_log_entry_withdrawn;
  store_class->list_log = sqlite_list_log;
  store_class->list_history = sqlite_list_history;
  store_class->insert_log_entry = sqlite_insert_log_entry;
  store_class->insert_change = sqlite_insert_change;
}
