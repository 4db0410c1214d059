/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-sqlite"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-measure-diff.h"
#include "measures-sqlite-private.h"

/* The progress log, the history, and the revisions that keep one writer
 * from overwriting another's work. */

/* The two history tables, by #MeasuresHistoryKind: the same columns, the
 * owner's id under another name. */
static const char *const record_history_sql[] = {
  [MEASURES_HISTORY_MEASURE] =
    "INSERT INTO history (measure_id, date, author, field, old_value, new_value) "
    "VALUES (?, ?, ?, ?, ?, ?)",
  [MEASURES_HISTORY_INDICATOR] =
    "INSERT INTO indicator_history (indicator_id, date, author, field, old_value, new_value) "
    "VALUES (?, ?, ?, ?, ?, ?)",
};

static const char *const list_history_sql[] = {
  [MEASURES_HISTORY_MEASURE] =
    "SELECT id, date, author, field, old_value, new_value FROM history "
    "WHERE measure_id = ? ORDER BY id DESC",
  [MEASURES_HISTORY_INDICATOR] =
    "SELECT id, date, author, field, old_value, new_value FROM indicator_history "
    "WHERE indicator_id = ? ORDER BY id DESC",
};

/* Adds a row to the history of the measure or indicator @owner_id. */
static gboolean
sqlite_record_history (MeasuresStore        *store,
                       MeasuresHistoryKind   kind,
                       gint64                owner_id,
                       const char           *date,
                       const char           *author,
                       const char           *field,
                       const char           *old_value,
                       const char           *new_value,
                       GError              **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;

  g_assert (kind < G_N_ELEMENTS (record_history_sql));

  stmt = sql_prepare_cached (self, record_history_sql[kind], error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, owner_id);
  sql_bind_text (stmt, 2, date);
  sql_bind_text (stmt, 3, author);
  sql_bind_text (stmt, 4, field);
  sql_bind_text (stmt, 5, old_value);
  sql_bind_text (stmt, 6, new_value);

  return sql_step_done (self, stmt, error);
}

/* The history of the measure or indicator @owner_id, newest first, as a
 * list of #MeasuresChange whose measure id is @owner_id. */
static GListModel *
sqlite_list_history (MeasuresStore        *store,
                     MeasuresHistoryKind   kind,
                     gint64                owner_id,
                     GError              **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;
  g_autoptr(GListStore) changes = g_list_store_new (MEASURES_TYPE_CHANGE);
  int rc;

  g_assert (kind < G_N_ELEMENTS (list_history_sql));

  stmt = sql_prepare_cached (self, list_history_sql[kind], error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, owner_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(MeasuresChange) change = NULL;

      change = measures_change_new (sqlite3_column_int64 (stmt, 0), owner_id,
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

/* Revisions ------------------------------------------------------------------ */

gboolean
measures_sqlite_next_revision (MeasuresSqliteStore  *self,
                               gint64               *revision,
                               GError              **error)
{
  g_autoptr(CachedStatement) stmt = NULL;
  int rc;

  stmt = sql_prepare_cached (self,
                             "SELECT max ((SELECT coalesce (max (revision), 0) FROM measures),"
                             "            (SELECT coalesce (max (revision), 0) FROM indicators))"
                             "       + 1",
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
                                MeasuresPart          part,
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

  revision = sqlite3_column_int64 (stmt, part == MEASURES_PART_ALL ? 0 : part == MEASURES_PART_SHEET ? 1 : 2);
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

/* The two tables with revisions, by #MeasuresHistoryKind: a measure's
 * progress and an indicator's values are the part %MEASURES_PART_STATE. */
static const char *const bump_revision_sql[] = {
  [MEASURES_HISTORY_MEASURE] =
    "UPDATE measures SET revision = ?1, updated = ?2,"
    "  sheet_revision = iif (?3, ?1, sheet_revision),"
    "  state_revision = iif (?4, ?1, state_revision) "
    "WHERE id = ?5",
  [MEASURES_HISTORY_INDICATOR] =
    "UPDATE indicators SET revision = ?1, updated = ?2,"
    "  sheet_revision = iif (?3, ?1, sheet_revision),"
    "  values_revision = iif (?4, ?1, values_revision) "
    "WHERE id = ?5",
};

/* Gives the measure or indicator the strategy's next revision, for @part
 * and as a whole. */
gboolean
measures_sqlite_bump_revision (MeasuresSqliteStore  *self,
                               MeasuresHistoryKind   kind,
                               gint64                id,
                               MeasuresPart          part,
                               const char           *now,
                               MeasuresWrite        *write,
                               GError              **error)
{
  g_autoptr(CachedStatement) stmt = NULL;
  gint64 revision;

  g_assert (kind < G_N_ELEMENTS (bump_revision_sql));

  if (!measures_sqlite_next_revision (self, &revision, error))
    return FALSE;

  stmt = sql_prepare_cached (self, bump_revision_sql[kind], error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, revision);
  sql_bind_text (stmt, 2, now);
  sqlite3_bind_int (stmt, 3, (part & MEASURES_PART_SHEET) != 0);
  sqlite3_bind_int (stmt, 4, (part & MEASURES_PART_STATE) != 0);
  sqlite3_bind_int64 (stmt, 5, id);
  if (!sql_step_done (self, stmt, error))
    return FALSE;

  write->measure_id = id;
  write->revision = revision;
  if (kind == MEASURES_HISTORY_INDICATOR)
    write->indicator = TRUE;
  return TRUE;
}

/* Commits a write; the store announces it, and the watch on other writers
 * does not announce it a second time. */
static gboolean
sqlite_finish_write (MeasuresStore  *store,
                     MeasuresWrite  *write,
                     GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);

  if (!measures_sqlite_commit (self, error))
    return FALSE;

  g_hash_table_add (self->own_revisions, g_memdup2 (&write->revision, sizeof write->revision));
  return TRUE;
}

static gboolean
sqlite_check_revision (MeasuresStore  *store,
                       gint64          measure_id,
                       gint64          base_revision,
                       MeasuresPart    part,
                       GError        **error)
{
  return measures_sqlite_check_revision (MEASURES_SQLITE_STORE (store), measure_id,
                                         base_revision, part, error);
}

static gboolean
sqlite_bump_revision (MeasuresStore  *store,
                      gint64          measure_id,
                      MeasuresPart    part,
                      const char     *now,
                      MeasuresWrite  *write,
                      GError        **error)
{
  return measures_sqlite_bump_revision (MEASURES_SQLITE_STORE (store), MEASURES_HISTORY_MEASURE,
                                        measure_id, part, now, write, error);
}

static gboolean
sqlite_write_state (MeasuresStore   *store,
                    gint64           measure_id,
                    MeasuresStatus   status,
                    guint            progress,
                    gboolean         derived,
                    GError         **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;

  stmt = sql_prepare_cached (self,
                             "UPDATE measures SET status = ?, progress = ?, status_derived = ? "
                             "WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, status);
  sqlite3_bind_int (stmt, 2, progress);
  sqlite3_bind_int (stmt, 3, derived);
  sqlite3_bind_int64 (stmt, 4, measure_id);
  return sql_step_done (self, stmt, error);
}

static MeasuresLogEntry *
sqlite_load_log_entry (MeasuresStore  *store,
                       gint64          entry_id,
                       GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;
  MeasuresLogEntry *entry;
  int rc;

  stmt = sql_prepare_cached (self,
                             "SELECT measure_id, date, author, status, progress, text, withdrawn,"
                             "       reported_for "
                             "FROM log_entries WHERE id = ?",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, entry_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                             _("The log entry no longer exists."));
      else
        sql_set_error (self, rc, error);
      return NULL;
    }

  entry = measures_log_entry_new (entry_id, sqlite3_column_int64 (stmt, 0),
                                  sql_column_text (stmt, 1), sql_column_text (stmt, 2),
                                  CLAMP (sqlite3_column_int (stmt, 3), 0, MEASURES_N_STATUSES - 1),
                                  CLAMP (sqlite3_column_int (stmt, 4), 0, 100),
                                  sql_column_text (stmt, 5),
                                  (const char *)sqlite3_column_text (stmt, 6));
  measures_log_entry_set_reported_for (entry, (const char *)sqlite3_column_text (stmt, 7));
  return entry;
}

static gboolean
sqlite_write_log_entry (MeasuresStore     *store,
                        MeasuresLogEntry  *entry,
                        GError           **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;

  stmt = sql_prepare_cached (self,
                             "UPDATE log_entries SET status = ?, progress = ?, text = ?,"
                             "                       reported_for = ? WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int (stmt, 1, measures_log_entry_get_status (entry));
  sqlite3_bind_int (stmt, 2, measures_log_entry_get_progress (entry));
  sql_bind_text (stmt, 3, measures_log_entry_get_text (entry));
  sql_bind_text (stmt, 4, measures_log_entry_get_reported_for (entry));
  sqlite3_bind_int64 (stmt, 5, measures_log_entry_get_id (entry));
  return sql_step_done (self, stmt, error);
}

static gboolean
sqlite_write_withdrawn (MeasuresStore  *store,
                        gint64          entry_id,
                        const char     *withdrawn,
                        GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;

  stmt = sql_prepare_cached (self, "UPDATE log_entries SET withdrawn = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sql_bind_text (stmt, 1, withdrawn);
  sqlite3_bind_int64 (stmt, 2, entry_id);
  return sql_step_done (self, stmt, error);
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
                      "SELECT id, date, author, status, progress, text, withdrawn, reported_for "
                      "FROM log_entries "
                      "WHERE measure_id = ? AND (? OR withdrawn IS NULL) "
                      "ORDER BY reported_for DESC, id DESC",
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
      measures_log_entry_set_reported_for (entry, (const char *)sqlite3_column_text (stmt, 7));
      g_list_store_append (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      sql_set_error (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&entries));
}

static gboolean
sqlite_list_measure_leads (MeasuresStore  *store,
                           GArray        **leads,
                           GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;
  g_autoptr(GArray) list = measures_store_new_measure_leads ();
  int rc;

  /* The creation is the first row of the measure's history, when the
   * measure was created here: one step through the index by measure. No
   * title: it would read every measure's whole row, not the index. */
  stmt = sql_prepare_cached (self,
                             "SELECT m.id, o.abbreviation, g.number, m.position, m.status,"
                             "       (SELECT h.date FROM history h"
                             "        WHERE h.measure_id = m.id AND h.field = 'created'"
                             "        ORDER BY h.id LIMIT 1) "
                             "FROM measures m JOIN goals g ON g.id = m.goal_id "
                             "LEFT JOIN measure_offices lo ON lo.measure_id = m.id AND lo.role = 0 "
                             "LEFT JOIN offices o ON o.id = lo.office_id "
                             "WHERE m.removed IS NULL",
                             error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MeasuresMeasureLead row = {
        .measure_id = sqlite3_column_int64 (stmt, 0),
        .office = g_strdup ((const char *)sqlite3_column_text (stmt, 1)),
        .goal = CLAMP (sqlite3_column_int (stmt, 2), 0, G_MAXUINT16),
        .position = MAX (sqlite3_column_int (stmt, 3), 0),
        .status = CLAMP (sqlite3_column_int (stmt, 4), 0, MEASURES_N_STATUSES - 1),
        .created = measures_day_from_iso8601 ((const char *)sqlite3_column_text (stmt, 5)),
      };

      g_array_append_val (list, row);
    }

  if (rc != SQLITE_DONE)
    return sql_set_error (self, rc, error);

  *leads = g_steal_pointer (&list);
  return TRUE;
}

static int
compare_progress_entries (gconstpointer a,
                          gconstpointer b)
{
  const MeasuresProgressEntry *first = a;
  const MeasuresProgressEntry *second = b;

  if (first->measure_id != second->measure_id)
    return first->measure_id < second->measure_id ? -1 : 1;
  return (first->day > second->day) - (first->day < second->day);
}

static gboolean
sqlite_list_progress_log (MeasuresStore  *store,
                          GArray        **entries,
                          GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (MeasuresProgressEntry));
  int rc;

  /* The planner reads this from the partial index log_entries_progress
   * (schema version 8), which holds every column read here in the order
   * wanted: no row of the table is read and nothing is sorted. Entries
   * of one measure about one day come in the order they were written, so
   * the later report of a day counts. */
  stmt = sql_prepare_cached (self,
                             "SELECT measure_id, reported_for, progress FROM log_entries "
                             "WHERE withdrawn IS NULL ORDER BY measure_id, reported_for, id",
                             error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MeasuresProgressEntry entry = {
        .measure_id = sqlite3_column_int64 (stmt, 0),
        .day = measures_day_from_iso8601 ((const char *)sqlite3_column_text (stmt, 1)),
        .progress = CLAMP (sqlite3_column_int (stmt, 2), 0, 100),
      };

      /* A date that cannot be read says nothing about when. */
      if (entry.day != 0)
        g_array_append_val (list, entry);
    }

  if (rc != SQLITE_DONE)
    return sql_set_error (self, rc, error);

  /* In order already, from the index; looking costs less than sorting,
   * and a stable sort keeps the entries of one day as they were written. */
  for (guint i = 1; i < list->len; i++)
    if (compare_progress_entries (&g_array_index (list, MeasuresProgressEntry, i - 1),
                                  &g_array_index (list, MeasuresProgressEntry, i)) > 0)
      {
        g_array_sort (list, compare_progress_entries);
        break;
      }
  *entries = g_steal_pointer (&list);
  return TRUE;
}

static gboolean
sqlite_insert_log_entry (MeasuresStore     *store,
                         gint64             measure_id,
                         MeasuresLogEntry  *entry,
                         gint64            *id,
                         GError           **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sql_prepare (self,
                      "INSERT INTO log_entries (measure_id, date, author, status, progress, text,"
                      "                         withdrawn, reported_for)"
                      "  VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
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
  sql_bind_text (stmt, 8, measures_log_entry_get_reported_for (entry));

  if (!sql_step_done (self, stmt, error))
    return FALSE;
  if (id != NULL)
    *id = sqlite3_last_insert_rowid (self->db);
  return TRUE;
}

void
measures_sqlite_log_init_class (MeasuresStoreClass *store_class)
{
  store_class->list_log = sqlite_list_log;
  store_class->list_history = sqlite_list_history;
  store_class->list_measure_leads = sqlite_list_measure_leads;
  store_class->list_progress_log = sqlite_list_progress_log;
  store_class->insert_log_entry = sqlite_insert_log_entry;
  store_class->record_history = sqlite_record_history;
  store_class->check_revision = sqlite_check_revision;
  store_class->bump_revision = sqlite_bump_revision;
  store_class->finish_write = sqlite_finish_write;
  store_class->write_state = sqlite_write_state;
  store_class->load_log_entry = sqlite_load_log_entry;
  store_class->write_withdrawn = sqlite_write_withdrawn;
  store_class->write_log_entry = sqlite_write_log_entry;
}
