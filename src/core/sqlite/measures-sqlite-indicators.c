/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-sqlite"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-format.h"
#include "measures-sqlite-private.h"

/* Indicators, their values and history (schema version 5). The writes are
 * put together by measures-store-write.c from the steps below. */

static MeasuresIndicator *
indicator_from_row (sqlite3_stmt *stmt)
{
  g_autoptr(GPtrArray) targets = measures_store_targets_from_json (sql_column_text (stmt, 12));

  return g_object_new (MEASURES_TYPE_INDICATOR,
                       "id", sqlite3_column_int64 (stmt, 0),
                       "revision", sqlite3_column_int64 (stmt, 1),
                       "goal", (guint)sqlite3_column_int (stmt, 2),
                       "measure-id", sqlite3_column_int64 (stmt, 3),
                       "name", sql_column_text (stmt, 4),
                       "unit", sql_column_text (stmt, 5),
                       "description", sql_column_text (stmt, 6),
                       "office", sql_column_text (stmt, 7),
                       "baseline-value", sqlite3_column_double (stmt, 8),
                       "baseline-date", (const char *)sqlite3_column_text (stmt, 9),
                       "direction", CLAMP (sqlite3_column_int (stmt, 10), MEASURES_DIRECTION_UP,
                                           MEASURES_DIRECTION_DOWN),
                       "interval-months", (guint)CLAMP (sqlite3_column_int (stmt, 11), 0, 60),
                       "targets", targets,
                       "updated", (const char *)sqlite3_column_text (stmt, 13),
                       "removed", (const char *)sqlite3_column_text (stmt, 14),
                       NULL);
}

/* With @id, that indicator, removed or not; without, all those that are
 * removed or not, in the order measures_store_list_indicators() gives. */
static GPtrArray *
sqlite_load_indicators (MeasuresStore  *store,
                        gint64          id,
                        gboolean        removed,
                        GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;
  g_autoptr(GPtrArray) indicators = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  stmt = sql_prepare_cached (self,
                             "SELECT i.id, i.revision, coalesce (g.number, 0),"
                             "       coalesce (i.measure_id, 0), i.name, i.unit, i.description,"
                             "       coalesce (o.abbreviation, ''), i.baseline_value,"
                             "       i.baseline_date, i.direction, i.interval_months, i.targets,"
                             "       i.updated, i.removed "
                             "FROM indicators i "
                             "LEFT JOIN goals g ON g.id = i.goal_id "
                             "LEFT JOIN measures m ON m.id = i.measure_id "
                             "LEFT JOIN goals mg ON mg.id = m.goal_id "
                             "LEFT JOIN offices o ON o.id = i.office_id "
                             "WHERE iif (?1 = 0, (i.removed IS NOT NULL) = ?2, i.id = ?1) "
                             "ORDER BY coalesce (g.number, mg.number), m.position IS NOT NULL,"
                             "         m.position, i.name_key, i.id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, id);
  sqlite3_bind_int (stmt, 2, removed != FALSE);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_ptr_array_add (indicators, indicator_from_row (stmt));

  if (rc != SQLITE_DONE)
    {
      sql_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&indicators);
}

/* Binds what an indicator's definition holds, to ?1 … ?12. */
static void
bind_definition (sqlite3_stmt      *stmt,
                 MeasuresIndicator *indicator)
{
  g_autofree char *name_key = measures_sort_key (measures_indicator_get_name (indicator));
  g_autofree char *targets = measures_store_targets_to_json (indicator);

  sqlite3_bind_int (stmt, 1, measures_indicator_get_goal (indicator));
  sqlite3_bind_int64 (stmt, 2, measures_indicator_get_measure_id (indicator));
  sql_bind_text (stmt, 3, measures_indicator_get_name (indicator));
  sql_bind_text (stmt, 4, name_key);
  sql_bind_text (stmt, 5, measures_indicator_get_unit (indicator));
  sql_bind_text (stmt, 6, measures_indicator_get_description (indicator));
  sql_bind_text (stmt, 7, measures_indicator_get_office (indicator));
  sqlite3_bind_double (stmt, 8, measures_indicator_get_baseline_value (indicator));
  sql_bind_text (stmt, 9, measures_indicator_get_baseline_date (indicator));
  sqlite3_bind_int (stmt, 10, measures_indicator_get_direction (indicator));
  sqlite3_bind_int (stmt, 11, measures_indicator_get_interval_months (indicator));
  sql_bind_text (stmt, 12, targets);
}

static gint64
sqlite_add_indicator (MeasuresStore      *store,
                      MeasuresIndicator  *indicator,
                      GError            **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 revision;

  /* Another window learns of the new indicator by its revision. */
  if (!measures_sqlite_next_revision (self, &revision, error))
    return 0;

  stmt = sql_prepare (self,
                      "INSERT INTO indicators (goal_id, measure_id, name, name_key, unit,"
                      "                        description, office_id, baseline_value,"
                      "                        baseline_date, direction, interval_months,"
                      "                        targets, updated, removed, id, revision,"
                      "                        sheet_revision, values_revision) "
                      "VALUES ((SELECT id FROM goals WHERE number = ?1), nullif (?2, 0), ?3, ?4,"
                      "        ?5, ?6, (SELECT id FROM offices WHERE abbreviation = ?7), ?8, ?9,"
                      "        ?10, ?11, ?12, ?13, ?14, nullif (?15, 0), ?16, ?16, ?16)",
                      error);
  if (stmt == NULL)
    return 0;

  bind_definition (stmt, indicator);
  sql_bind_text (stmt, 13, measures_indicator_get_updated (indicator));
  sql_bind_text (stmt, 14, measures_indicator_get_removed (indicator));
  sqlite3_bind_int64 (stmt, 15, measures_indicator_get_id (indicator));
  sqlite3_bind_int64 (stmt, 16, revision);

  if (!sql_step_done (self, stmt, error))
    return 0;

  return sqlite3_last_insert_rowid (self->db);
}

static gboolean
sqlite_write_indicator (MeasuresStore      *store,
                        MeasuresIndicator  *indicator,
                        GError            **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;

  stmt = sql_prepare_cached (self,
                             "UPDATE indicators SET"
                             "  goal_id = (SELECT id FROM goals WHERE number = ?1),"
                             "  measure_id = nullif (?2, 0), name = ?3, name_key = ?4, unit = ?5,"
                             "  description = ?6,"
                             "  office_id = (SELECT id FROM offices WHERE abbreviation = ?7),"
                             "  baseline_value = ?8, baseline_date = ?9, direction = ?10,"
                             "  interval_months = ?11, targets = ?12 "
                             "WHERE id = ?13",
                             error);
  if (stmt == NULL)
    return FALSE;

  bind_definition (stmt, indicator);
  sqlite3_bind_int64 (stmt, 13, measures_indicator_get_id (indicator));
  return sql_step_done (self, stmt, error);
}

static gboolean
sqlite_write_indicator_removed (MeasuresStore  *store,
                                gint64          indicator_id,
                                const char     *removed,
                                GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;

  stmt = sql_prepare_cached (self, "UPDATE indicators SET removed = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sql_bind_text (stmt, 1, removed);
  sqlite3_bind_int64 (stmt, 2, indicator_id);
  return sql_step_done (self, stmt, error);
}

/* Refuses a write when someone else wrote @part of the indicator after
 * @base_revision, naming them from its history. */
static gboolean
sqlite_check_indicator_revision (MeasuresStore  *store,
                                 gint64          indicator_id,
                                 gint64          base_revision,
                                 MeasuresPart    part,
                                 GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;
  g_autoptr(CachedStatement) last = NULL;
  gint64 revision;
  int rc;

  stmt = sql_prepare_cached (self,
                             "SELECT revision, sheet_revision, values_revision, name,"
                             "       removed IS NOT NULL "
                             "FROM indicators WHERE id = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, indicator_id);

  rc = sqlite3_step (stmt);
  if (rc == SQLITE_DONE)
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("The indicator no longer exists."));
      return FALSE;
    }
  if (rc != SQLITE_ROW)
    return sql_set_error (self, rc, error);

  revision = sqlite3_column_int64 (stmt, part == MEASURES_PART_ALL ? 0 :
                                         part == MEASURES_PART_SHEET ? 1 : 2);
  if (revision <= base_revision)
    return TRUE;

  /* Who wrote the part last: a value recorded meanwhile is not whom an
   * edit of the definition conflicts with. */
  last = sql_prepare_cached (self,
                             "SELECT author, date FROM indicator_history WHERE indicator_id = ?1 "
                             "  AND (?2 = 3 OR (field = 'value') = (?2 = 2)) "
                             "ORDER BY id DESC LIMIT 1",
                             error);
  if (last == NULL)
    return FALSE;
  sqlite3_bind_int64 (last, 1, indicator_id);
  sqlite3_bind_int (last, 2, part);
  rc = sqlite3_step (last);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sql_set_error (self, rc, error);

  measures_store_set_conflict_error (error, sql_column_text (stmt, 3),
                                     rc == SQLITE_ROW ? sql_column_text (last, 0) : NULL,
                                     rc == SQLITE_ROW ? sql_column_text (last, 1) : NULL,
                                     sqlite3_column_int (stmt, 4) != 0);
  return FALSE;
}

static gboolean
sqlite_bump_indicator_revision (MeasuresStore  *store,
                                gint64          indicator_id,
                                MeasuresPart    part,
                                const char     *now,
                                MeasuresWrite  *write,
                                GError        **error)
{
  return measures_sqlite_bump_revision (MEASURES_SQLITE_STORE (store),
                                        MEASURES_HISTORY_INDICATOR, indicator_id, part, now,
                                        write, error);
}

static gint64
sqlite_insert_indicator_value (MeasuresStore           *store,
                               MeasuresIndicatorValue  *value,
                               GError                 **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;

  stmt = sql_prepare_cached (self,
                             "INSERT INTO indicator_values (indicator_id, measured, value, note,"
                             "                              author, date) "
                             "VALUES (?, ?, ?, ?, ?, ?)",
                             error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int64 (stmt, 1, measures_indicator_value_get_indicator_id (value));
  sql_bind_text (stmt, 2, measures_indicator_value_get_date (value));
  sqlite3_bind_double (stmt, 3, measures_indicator_value_get_value (value));
  sql_bind_text (stmt, 4, measures_indicator_value_get_note (value));
  sql_bind_text (stmt, 5, measures_indicator_value_get_author (value));
  sql_bind_text (stmt, 6, measures_indicator_value_get_recorded (value));

  if (!sql_step_done (self, stmt, error))
    return 0;
  return sqlite3_last_insert_rowid (self->db);
}

static MeasuresIndicatorValue *
value_from_row (sqlite3_stmt *stmt,
                gint64        id,
                gint64        indicator_id)
{
  return measures_indicator_value_new (id, indicator_id, sql_column_text (stmt, 1),
                                       sqlite3_column_double (stmt, 2),
                                       sql_column_text (stmt, 3), sql_column_text (stmt, 4),
                                       sql_column_text (stmt, 5));
}

static MeasuresIndicatorValue *
sqlite_load_indicator_value (MeasuresStore  *store,
                             gint64          value_id,
                             GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;
  int rc;

  stmt = sql_prepare_cached (self,
                             "SELECT indicator_id, measured, value, note, author, date "
                             "FROM indicator_values WHERE id = ?",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, value_id);

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                             _("The value no longer exists."));
      else
        sql_set_error (self, rc, error);
      return NULL;
    }

  return value_from_row (stmt, value_id, sqlite3_column_int64 (stmt, 0));
}

static gboolean
sqlite_delete_indicator_value (MeasuresStore  *store,
                               gint64          value_id,
                               GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;

  stmt = sql_prepare_cached (self, "DELETE FROM indicator_values WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, value_id);
  if (!sql_step_done (self, stmt, error))
    return FALSE;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("The value no longer exists."));
      return FALSE;
    }

  return TRUE;
}

static GListModel *
sqlite_list_indicator_values (MeasuresStore  *store,
                              gint64          indicator_id,
                              GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;
  g_autoptr(GListStore) values = g_list_store_new (MEASURES_TYPE_INDICATOR_VALUE);
  int rc;

  stmt = sql_prepare_cached (self,
                             "SELECT id, measured, value, note, author, date "
                             "FROM indicator_values WHERE indicator_id = ? "
                             "ORDER BY measured, id",
                             error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, indicator_id);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(MeasuresIndicatorValue) value = NULL;

      value = value_from_row (stmt, sqlite3_column_int64 (stmt, 0), indicator_id);
      g_list_store_append (values, value);
    }

  if (rc != SQLITE_DONE)
    {
      sql_set_error (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&values));
}

void
measures_sqlite_indicators_init_class (MeasuresStoreClass *store_class)
{
  store_class->load_indicators = sqlite_load_indicators;
  store_class->add_indicator = sqlite_add_indicator;
  store_class->write_indicator = sqlite_write_indicator;
  store_class->write_indicator_removed = sqlite_write_indicator_removed;
  store_class->check_indicator_revision = sqlite_check_indicator_revision;
  store_class->bump_indicator_revision = sqlite_bump_indicator_revision;
  store_class->insert_indicator_value = sqlite_insert_indicator_value;
  store_class->load_indicator_value = sqlite_load_indicator_value;
  store_class->delete_indicator_value = sqlite_delete_indicator_value;
  store_class->list_indicator_values = sqlite_list_indicator_values;
}
