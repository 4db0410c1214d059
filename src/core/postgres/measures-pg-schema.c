/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-pg"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-pg-private.h"

/* The schema: everything in a schema of its own, "measures", so that the
 * database can hold other things beside it. Its version is in the meta
 * table; the migrations below are applied in order, in the transaction
 * that found them missing. */

#define APPLICATION "de.karlsruhe.Measures"

/* Never edit a migration that has shipped: add a new one at the end. */
static const char * const migrations[] = {
  /* 1: the strategy, its monitoring and revisions, as the SQLite engine's
   * schema version 4. */
  "CREATE SCHEMA measures;"
  "CREATE TABLE measures.meta ("
  "  key text PRIMARY KEY,"
  "  value text NOT NULL"
  ");"
  "CREATE TABLE measures.vision ("
  "  id integer PRIMARY KEY CHECK (id = 1),"
  "  strategy_title text NOT NULL,"
  "  title text NOT NULL"
  ");"
  "CREATE TABLE measures.vision_statements ("
  "  position integer PRIMARY KEY,"
  "  text text NOT NULL"
  ");"
  "CREATE TABLE measures.goals ("
  "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
  "  number integer NOT NULL UNIQUE CHECK (number > 0),"
  "  title text NOT NULL,"
  "  headline text NOT NULL,"
  "  text text NOT NULL"
  ");"
  "CREATE TABLE measures.offices ("
  "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
  "  abbreviation text NOT NULL UNIQUE CHECK (abbreviation <> ''),"
  "  name text NOT NULL"
  ");"
  /* Ids are given by the engine (the largest plus one, under the writers'
   * lock), as SQLite gives rowids, so that imports may keep theirs. */
  "CREATE TABLE measures.measures ("
  "  id bigint PRIMARY KEY,"
  "  goal_id bigint NOT NULL REFERENCES measures.goals (id),"
  "  position integer NOT NULL,"
  "  title text NOT NULL CHECK (title <> ''),"
  "  title_key text NOT NULL,"
  "  description text NOT NULL,"
  "  lead text NOT NULL,"
  "  actors text NOT NULL,"
  "  priority integer NOT NULL CHECK (priority BETWEEN 0 AND 2),"
  "  period text NOT NULL,"
  "  costs text NOT NULL,"
  "  overview_title text,"
  "  overview_lead text,"
  "  status integer NOT NULL DEFAULT 0 CHECK (status BETWEEN 0 AND 5),"
  "  status_derived boolean NOT NULL DEFAULT true,"
  "  progress integer NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 100),"
  "  updated text,"
  "  removed text,"
  "  revision bigint NOT NULL DEFAULT 1,"
  "  sheet_revision bigint NOT NULL DEFAULT 1,"
  "  state_revision bigint NOT NULL DEFAULT 1,"
  "  search tsvector"
  ");"
  "CREATE INDEX measures_by_goal ON measures.measures (goal_id, position);"
  "CREATE INDEX measures_by_title ON measures.measures (title_key COLLATE \"C\");"
  "CREATE INDEX measures_by_updated ON measures.measures (updated);"
  "CREATE INDEX measures_by_revision ON measures.measures (revision);"
  "CREATE INDEX measures_search ON measures.measures USING gin (search);"
  "CREATE TABLE measures.objectives ("
  "  measure_id bigint NOT NULL REFERENCES measures.measures (id) ON DELETE CASCADE,"
  "  position integer NOT NULL,"
  "  text text NOT NULL,"
  "  PRIMARY KEY (measure_id, position)"
  ");"
  "CREATE TABLE measures.measure_offices ("
  "  measure_id bigint NOT NULL REFERENCES measures.measures (id) ON DELETE CASCADE,"
  "  office_id bigint NOT NULL REFERENCES measures.offices (id),"
  "  role integer NOT NULL CHECK (role IN (0, 1)),"
  "  position integer NOT NULL,"
  "  PRIMARY KEY (measure_id, office_id)"
  ");"
  "CREATE INDEX measure_offices_by_office ON measures.measure_offices (office_id, role);"
  "CREATE TABLE measures.log_entries ("
  "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
  "  measure_id bigint NOT NULL REFERENCES measures.measures (id) ON DELETE CASCADE,"
  "  date text NOT NULL,"
  "  author text NOT NULL,"
  "  status integer NOT NULL CHECK (status BETWEEN 0 AND 5),"
  "  progress integer NOT NULL CHECK (progress BETWEEN 0 AND 100),"
  "  text text NOT NULL,"
  "  withdrawn text"
  ");"
  "CREATE INDEX log_entries_by_measure ON measures.log_entries (measure_id, date);"
  "CREATE TABLE measures.history ("
  "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
  "  measure_id bigint NOT NULL REFERENCES measures.measures (id) ON DELETE CASCADE,"
  "  date text NOT NULL,"
  "  author text NOT NULL,"
  "  field text NOT NULL,"
  "  old_value text,"
  "  new_value text"
  ");"
  "CREATE INDEX history_by_measure ON measures.history (measure_id, id);"
  /* Search as forgiving as the SQLite engine's: simple's words with case
   * folded and accents dropped ("Straßburg" is "strassburg", "Français"
   * "francais"). unaccent is a trusted extension: the database's owner
   * may create it. */
  "CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA measures;"
  "CREATE TEXT SEARCH CONFIGURATION measures.search (COPY = pg_catalog.simple);"
  "ALTER TEXT SEARCH CONFIGURATION measures.search"
  "  ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part,"
  "                    numword, numhword, hword_numpart"
  "  WITH measures.unaccent, simple;"
  "INSERT INTO measures.meta (key, value) VALUES ('application', '" APPLICATION "');"
  "INSERT INTO measures.meta (key, value) VALUES ('version', '0');",
};

/**
 * measures_pg_store_get_schema_version:
 *
 * Returns: the schema version this build writes
 */
int
measures_pg_store_get_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

/* What is there: our meta table's application and version, or whether the
 * database holds anything else. */
static gboolean
inspect (MeasuresPgStore  *self,
         char            **application,
         int              *version,
         gboolean         *occupied,
         GError          **error)
{
  g_autoptr(PGresult) state = NULL;
  g_autoptr(PGresult) meta = NULL;

  state = pg_query (self,
                    "SELECT to_regclass ('measures.meta') IS NOT NULL,"
                    "       EXISTS (SELECT 1 FROM pg_catalog.pg_class c"
                    "               JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace"
                    "               WHERE n.nspname NOT IN ('pg_catalog', 'information_schema',"
                    "                                       'pg_toast')"
                    "                 AND c.relkind IN ('r', 'v', 'm', 'p')),"
                    "       EXISTS (SELECT 1 FROM pg_catalog.pg_namespace"
                    "               WHERE nspname = 'measures')",
                    NULL, error);
  if (state == NULL)
    return FALSE;

  *application = NULL;
  *version = 0;
  *occupied = pg_bool (state, 0, 1) || pg_bool (state, 0, 2);
  if (!pg_bool (state, 0, 0))
    return TRUE;

  meta = pg_query (self,
                   "SELECT (SELECT value FROM measures.meta WHERE key = 'application'),"
                   "       (SELECT value FROM measures.meta WHERE key = 'version')",
                   NULL, error);
  if (meta == NULL)
    return FALSE;

  *application = g_strdup (pg_text (meta, 0, 0));
  *version = (int)g_ascii_strtoll (pg_text (meta, 0, 1), NULL, 10);
  return TRUE;
}

static gboolean
check_and_migrate (MeasuresPgStore  *self,
                   GError          **error)
{
  g_autofree char *application = NULL;
  int version = 0;
  gboolean occupied = FALSE;

  if (!inspect (self, &application, &version, &occupied, error))
    return FALSE;

  if (application == NULL ? occupied : !g_str_equal (application, APPLICATION))
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FOREIGN,
                   _("The database “%s” holds data of another application. "
                     "It was left unchanged; choose an empty database or one that "
                     "Measures set up."),
                   self->display_name);
      return FALSE;
    }

  if (version > (int)G_N_ELEMENTS (migrations))
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Measures (data version %d; "
                     "this version reads up to %d). Update Measures to open it."),
                   self->display_name, version, (int)G_N_ELEMENTS (migrations));
      return FALSE;
    }

  for (; version < (int)G_N_ELEMENTS (migrations); version++)
    {
      g_auto(PgParams) params = { NULL };
      g_autoptr(PGresult) result = PQexec (self->conn, migrations[version]);

      if (PQresultStatus (result) != PGRES_COMMAND_OK)
        return pg_set_error (self, result, error);

      pg_params_init (&params);
      pg_params_int (&params, version + 1);
      if (!pg_exec (self, "UPDATE measures.meta SET value = $1::text WHERE key = 'version'",
                    &params, error))
        return FALSE;

      g_debug ("Migrated %s to schema version %d", self->display_name, version + 1);
    }

  return TRUE;
}

/* Creates or updates the schema, or refuses a database that is not ours,
 * under the writers' lock so that two workstations starting at once do
 * not both create it. */
gboolean
measures_pg_ensure_schema (MeasuresPgStore  *self,
                           GError          **error)
{
  if (!measures_pg_begin (self, error))
    return FALSE;

  if (!check_and_migrate (self, error))
    return measures_pg_fail (self);

  return measures_pg_commit (self, error) || measures_pg_fail (self);
}
