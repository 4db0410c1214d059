/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-sqlite"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-format.h"
#include "measures-sqlite-private.h"

/* The schema, versioned with PRAGMA user_version: the migrations below are
 * applied in order, each in its own transaction. */

/* Never edit a migration that has shipped: add a new one at the end. */
static const char * const migrations[] = {
  /* 1: the strategy as printed */
  "CREATE TABLE vision ("
  "  id INTEGER PRIMARY KEY CHECK (id = 1),"
  "  strategy_title TEXT NOT NULL,"
  "  title TEXT NOT NULL"
  ");"
  "CREATE TABLE vision_statements ("
  "  position INTEGER PRIMARY KEY,"
  "  text TEXT NOT NULL"
  ");"
  "CREATE TABLE goals ("
  "  id INTEGER PRIMARY KEY,"
  "  number INTEGER NOT NULL UNIQUE CHECK (number > 0),"
  "  title TEXT NOT NULL,"
  "  headline TEXT NOT NULL,"
  "  text TEXT NOT NULL"
  ");"
  "CREATE TABLE offices ("
  "  id INTEGER PRIMARY KEY,"
  "  abbreviation TEXT NOT NULL UNIQUE CHECK (abbreviation <> ''),"
  "  name TEXT NOT NULL"
  ");"
  "CREATE TABLE measures ("
  "  id INTEGER PRIMARY KEY,"
  "  goal_id INTEGER NOT NULL REFERENCES goals (id),"
  "  position INTEGER NOT NULL,"
  "  title TEXT NOT NULL CHECK (title <> ''),"
  "  description TEXT NOT NULL,"
  "  lead TEXT NOT NULL,"
  "  actors TEXT NOT NULL,"
  "  priority INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 2),"
  "  period TEXT NOT NULL,"
  "  costs TEXT NOT NULL,"
  "  overview_title TEXT,"
  "  overview_lead TEXT"
  ");"
  "CREATE INDEX measures_by_goal ON measures (goal_id, position);"
  "CREATE TABLE objectives ("
  "  measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,"
  "  position INTEGER NOT NULL,"
  "  text TEXT NOT NULL,"
  "  PRIMARY KEY (measure_id, position)"
  ");"
  "CREATE TABLE measure_offices ("
  "  measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,"
  "  office_id INTEGER NOT NULL REFERENCES offices (id),"
  "  role INTEGER NOT NULL CHECK (role IN (0, 1)),"
  "  position INTEGER NOT NULL,"
  "  PRIMARY KEY (measure_id, office_id)"
  ");"
  "CREATE INDEX measure_offices_by_office ON measure_offices (office_id, role);",

  /* 2: monitoring — status, progress, log, history, removal, search */
  "ALTER TABLE measures ADD COLUMN status INTEGER NOT NULL DEFAULT 0"
  "  CHECK (status BETWEEN 0 AND 5);"
  "ALTER TABLE measures ADD COLUMN status_derived INTEGER NOT NULL DEFAULT 1"
  "  CHECK (status_derived IN (0, 1));"
  "ALTER TABLE measures ADD COLUMN progress INTEGER NOT NULL DEFAULT 0"
  "  CHECK (progress BETWEEN 0 AND 100);"
  "ALTER TABLE measures ADD COLUMN updated TEXT;"
  "ALTER TABLE measures ADD COLUMN removed TEXT;"
  /* The same rule as measures_status_from_period(). */
  "UPDATE measures SET status = 1 WHERE period LIKE '%in Durchführung%';"
  "CREATE INDEX measures_by_status ON measures (status);"
  "CREATE TABLE log_entries ("
  "  id INTEGER PRIMARY KEY,"
  "  measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  author TEXT NOT NULL,"
  "  status INTEGER NOT NULL CHECK (status BETWEEN 0 AND 5),"
  "  progress INTEGER NOT NULL CHECK (progress BETWEEN 0 AND 100),"
  "  text TEXT NOT NULL,"
  "  withdrawn TEXT"
  ");"
  "CREATE INDEX log_entries_by_measure ON log_entries (measure_id, date);"
  "CREATE TABLE history ("
  "  id INTEGER PRIMARY KEY,"
  "  measure_id INTEGER NOT NULL REFERENCES measures (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  author TEXT NOT NULL,"
  "  field TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT"
  ");"
  "CREATE INDEX history_by_measure ON history (measure_id, id);"
  /* Folded text (see fold()) of what a user searches in; rowid = measure id. */
  "CREATE VIRTUAL TABLE measures_search USING fts5 ("
  "  title, description, objectives, offices, period,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");",

  /* 3: large strategies — an index for every order and filter of the list;
   * title_key is measures_sort_key (title), kept by the store. */
  "ALTER TABLE measures ADD COLUMN title_key TEXT NOT NULL DEFAULT '';"
  "UPDATE measures SET title_key = measures_sort_key (title);"
  "CREATE INDEX measures_by_title ON measures (title_key);"
  "CREATE INDEX measures_by_updated ON measures (updated);"
  "CREATE INDEX measures_by_priority ON measures (priority);"
  /* What a list of all measures reads, without their text. */
  "CREATE INDEX measures_summary ON measures (goal_id, position, priority, status, progress,"
  "                                           removed)"
  "  WHERE removed IS NULL;"
  "CREATE INDEX measures_removed ON measures (id) WHERE removed IS NOT NULL;",

  /* 4: revisions — no lost update. revision grows with every write to the
   * strategy (the largest is the latest); a measure keeps the revision of
   * its latest write, and of the latest write to its sheet and to its
   * state (status, progress, log), so that a sheet edit and a progress
   * report made at the same time do not refuse each other. */
  "ALTER TABLE measures ADD COLUMN revision INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE measures ADD COLUMN sheet_revision INTEGER NOT NULL DEFAULT 1;"
  "ALTER TABLE measures ADD COLUMN state_revision INTEGER NOT NULL DEFAULT 1;"
  "CREATE INDEX measures_by_revision ON measures (revision);",

  /* 5: indicators — impact goals and key figures of a goal or a measure,
   * with their recorded values and history. Like a measure's, their
   * revisions come from the strategy's one sequence (the largest of both
   * tables), for the definition (sheet_revision) and the values
   * (values_revision) apart. name_key is measures_sort_key (name). The
   * targets, at most ten, are JSON: [{"date": …, "value": …}]. In
   * indicator_values, "measured" is the date the value is of and "date"
   * when it was recorded, as in the other tables with an author. */
  "CREATE TABLE indicators ("
  "  id INTEGER PRIMARY KEY,"
  "  goal_id INTEGER REFERENCES goals (id),"
  "  measure_id INTEGER REFERENCES measures (id),"
  "  name TEXT NOT NULL CHECK (name <> ''),"
  "  name_key TEXT NOT NULL,"
  "  unit TEXT NOT NULL,"
  "  description TEXT NOT NULL,"
  "  office_id INTEGER REFERENCES offices (id),"
  "  baseline_value REAL NOT NULL,"
  "  baseline_date TEXT,"
  "  direction INTEGER NOT NULL CHECK (direction IN (0, 1)),"
  "  interval_months INTEGER NOT NULL CHECK (interval_months BETWEEN 0 AND 60),"
  "  targets TEXT NOT NULL DEFAULT '[]',"
  "  updated TEXT,"
  "  removed TEXT,"
  "  revision INTEGER NOT NULL,"
  "  sheet_revision INTEGER NOT NULL,"
  "  values_revision INTEGER NOT NULL,"
  "  CHECK ((goal_id IS NULL) <> (measure_id IS NULL))"
  ");"
  "CREATE INDEX indicators_by_goal ON indicators (goal_id);"
  "CREATE INDEX indicators_by_measure ON indicators (measure_id);"
  "CREATE INDEX indicators_by_revision ON indicators (revision);"
  "CREATE TABLE indicator_values ("
  "  id INTEGER PRIMARY KEY,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,"
  "  measured TEXT NOT NULL,"
  "  value REAL NOT NULL,"
  "  note TEXT NOT NULL,"
  "  author TEXT NOT NULL,"
  "  date TEXT NOT NULL"
  ");"
  "CREATE INDEX indicator_values_by_indicator ON indicator_values (indicator_id, measured, id);"
  "CREATE TABLE indicator_history ("
  "  id INTEGER PRIMARY KEY,"
  "  indicator_id INTEGER NOT NULL REFERENCES indicators (id) ON DELETE CASCADE,"
  "  date TEXT NOT NULL,"
  "  author TEXT NOT NULL,"
  "  field TEXT NOT NULL,"
  "  old_value TEXT,"
  "  new_value TEXT"
  ");"
  "CREATE INDEX indicator_history_by_indicator ON indicator_history (indicator_id, id);",

  /* 6: dated reports — the day a progress report is about, which may be
   * before the day it was written down ("date", the recording time, stays
   * as it was). Older entries are about the day they were recorded. */
  "ALTER TABLE log_entries ADD COLUMN reported_for TEXT;"
  "UPDATE log_entries SET reported_for = substr (date, 1, 10);",

  /* 7: costs are searched too ("Personalkosten", "Eigenmittel"). The index
   * is derived data: made empty here, filled again on opening (see
   * measures_sqlite_ensure_search_index()). */
  "DROP TABLE measures_search;"
  "CREATE VIRTUAL TABLE measures_search USING fts5 ("
  "  title, description, objectives, offices, period, costs,"
  "  tokenize = 'unicode61 remove_diacritics 2'"
  ");",

  /* 8: the dashboard reads the whole progress log, measure by measure and
   * day by day (measures_store_list_progress_log()): an index that holds
   * all it reads, in that order, spares a scan of the table with every
   * entry's text and a sort. withdrawn, always NULL here, is in it too:
   * SQLite reads an index alone only when it holds every column the query
   * names, its WHERE clause's as well. */
  "CREATE INDEX log_entries_progress"
  "  ON log_entries (measure_id, reported_for, id, progress, withdrawn)"
  "  WHERE withdrawn IS NULL;",
};

/**
 * measures_sqlite_store_get_schema_version:
 *
 * Returns: the schema version this build writes
 */
int
measures_sqlite_store_get_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

gboolean
measures_sqlite_migrate (MeasuresSqliteStore  *self,
                         int                   from,
                         GError              **error)
{
  for (int version = from; version < (int)G_N_ELEMENTS (migrations); version++)
    {
      g_autofree char *set_version = NULL;

      if (!sql_exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!sql_exec (self, migrations[version], error) || !sql_exec (self, set_version, error))
        {
          sql_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }

      if (!sql_exec (self, "COMMIT", error))
        {
          sql_exec (self, "ROLLBACK", NULL);
          return FALSE;
        }

      g_debug ("Migrated %s to schema version %d", self->display_name, version + 1);
    }

  return TRUE;
}

/* measures_sort_key() for SQL: the title_key column is made with it. */
static void
sort_key_function (sqlite3_context  *context,
                   int               n_values,
                   sqlite3_value   **values)
{
  g_autofree char *key = measures_sort_key ((const char *)sqlite3_value_text (values[0]));

  sqlite3_result_text (context, key, -1, SQLITE_TRANSIENT);
}

void
measures_sqlite_add_functions (MeasuresSqliteStore *self)
{
  sqlite3_create_function_v2 (self->db, "measures_sort_key", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                              NULL, sort_key_function, NULL, NULL, NULL);
}
