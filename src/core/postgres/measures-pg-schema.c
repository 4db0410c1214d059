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

  /* 2: roles enforced by the server. Who may do what is decided by
   * PostgreSQL roles that IT grants from its directory: coordinators edit
   * everything, an office's officials report progress on the measures their
   * office leads or takes part in, readers read. The owner of the tables is
   * not subject to row-level security and keeps full access (imports). The
   * roles themselves need CREATEROLE, which the owner may not have: an
   * administrator creates them with measures.setup_roles (). */
  "CREATE FUNCTION measures.office_role (abbreviation text) RETURNS text"
  "  LANGUAGE sql IMMUTABLE SET search_path = measures, pg_catalog"
  "  AS $$ SELECT 'measures_office_' ||"
  "               btrim (regexp_replace (lower ($1), '[^a-z0-9]+', '_', 'g'), '_') $$;"
  /* pg_roles rather than the role's name: a role that does not exist
   * (yet) is no error, only no membership. */
  "CREATE FUNCTION measures.is_coordinator () RETURNS boolean"
  "  LANGUAGE sql STABLE SET search_path = measures, pg_catalog"
  "  AS $$ SELECT EXISTS (SELECT 1 FROM pg_roles r"
  "                       WHERE r.rolname = 'measures_coordinator'"
  "                         AND pg_has_role (current_user, r.oid, 'MEMBER')) $$;"
  "CREATE FUNCTION measures.may_report (measure_id bigint) RETURNS boolean"
  "  LANGUAGE sql STABLE SET search_path = measures, pg_catalog"
  "  AS $$ SELECT measures.is_coordinator () OR"
  "               EXISTS (SELECT 1 FROM measures.measure_offices l"
  "                       JOIN measures.offices o ON o.id = l.office_id"
  "                       JOIN pg_roles r ON r.rolname = measures.office_role (o.abbreviation)"
  "                       WHERE l.measure_id = $1"
  "                         AND pg_has_role (current_user, r.oid, 'MEMBER')) $$;"
  /* Authors and times come from the server for everyone but the owner,
   * whose imports keep those of the strategy they bring; the same strings
   * as the application writes. */
  "CREATE FUNCTION measures.stamp_author () RETURNS trigger"
  "  LANGUAGE plpgsql SET search_path = measures, pg_catalog"
  "  AS $$ BEGIN"
  "    IF pg_has_role (session_user,"
  "                    (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN"
  "      RETURN NEW;"
  "    END IF;"
  "    IF TG_OP = 'UPDATE' THEN"
  "      NEW.author := OLD.author;"
  "      NEW.date := OLD.date;"
  "    ELSE"
  "      NEW.author := session_user;"
  "      NEW.date := to_char (now () AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"');"
  "    END IF;"
  "    RETURN NEW;"
  "  END $$;"
  "CREATE TRIGGER log_entries_author BEFORE INSERT OR UPDATE ON measures.log_entries"
  "  FOR EACH ROW EXECUTE FUNCTION measures.stamp_author ();"
  "CREATE TRIGGER history_author BEFORE INSERT OR UPDATE ON measures.history"
  "  FOR EACH ROW EXECUTE FUNCTION measures.stamp_author ();"
  /* USING (true): a refused update then fails with 42501 instead of
   * updating no row, which would look like a conflict. */
  "ALTER TABLE measures.measures ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY may_read ON measures.measures FOR SELECT USING (true);"
  "CREATE POLICY may_create ON measures.measures FOR INSERT"
  "  WITH CHECK (measures.is_coordinator ());"
  "CREATE POLICY may_report ON measures.measures FOR UPDATE"
  "  USING (true) WITH CHECK (measures.may_report (id));"
  "CREATE POLICY may_delete ON measures.measures FOR DELETE"
  "  USING (measures.is_coordinator ());"
  "ALTER TABLE measures.log_entries ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY may_read ON measures.log_entries FOR SELECT USING (true);"
  "CREATE POLICY may_report ON measures.log_entries FOR INSERT"
  "  WITH CHECK (measures.may_report (measure_id));"
  "CREATE POLICY may_withdraw ON measures.log_entries FOR UPDATE"
  "  USING (true) WITH CHECK (measures.may_report (measure_id));"
  "CREATE POLICY may_delete ON measures.log_entries FOR DELETE"
  "  USING (measures.is_coordinator ());"
  /* An official's history rows are those of a progress report only. */
  "ALTER TABLE measures.history ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY may_read ON measures.history FOR SELECT USING (true);"
  "CREATE POLICY may_record ON measures.history FOR INSERT"
  "  WITH CHECK (measures.is_coordinator () OR"
  "              (field IN ('log', 'status', 'progress') AND measures.may_report (measure_id)));"
  "CREATE POLICY may_delete ON measures.history FOR DELETE USING (measures.is_coordinator ());"
  /* Run by an administrator (CREATEROLE and owner of the tables, or a
   * superuser), again after offices were added: creates what is missing
   * and grants what each role may do. */
  "CREATE FUNCTION measures.setup_roles () RETURNS SETOF text"
  "  LANGUAGE plpgsql SET search_path = measures, pg_catalog"
  "  AS $$"
  "  DECLARE"
  "    role_name text;"
  "  BEGIN"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_reader') THEN"
  "      CREATE ROLE measures_reader NOLOGIN;"
  "    END IF;"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_official') THEN"
  "      CREATE ROLE measures_official NOLOGIN;"
  "    END IF;"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_coordinator') THEN"
  "      CREATE ROLE measures_coordinator NOLOGIN;"
  "    END IF;"
  "    GRANT USAGE ON SCHEMA measures"
  "      TO measures_reader, measures_official, measures_coordinator;"
  "    GRANT SELECT ON ALL TABLES IN SCHEMA measures"
  "      TO measures_reader, measures_official, measures_coordinator;"
  "    GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA measures TO measures_coordinator;"
  "    GRANT USAGE ON ALL SEQUENCES IN SCHEMA measures TO measures_official, measures_coordinator;"
  "    GRANT INSERT ON measures.log_entries, measures.history TO measures_official;"
  "    GRANT UPDATE (withdrawn) ON measures.log_entries TO measures_official;"
  "    GRANT UPDATE (status, progress, status_derived, revision, state_revision, updated)"
  "      ON measures.measures TO measures_official;"
  "    FOR role_name IN SELECT DISTINCT measures.office_role (abbreviation)"
  "                       FROM measures.offices ORDER BY 1 LOOP"
  "      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN"
  "        EXECUTE format ('CREATE ROLE %I NOLOGIN', role_name);"
  "      END IF;"
  "      EXECUTE format ('GRANT measures_official TO %I', role_name);"
  "      RETURN NEXT role_name;"
  "    END LOOP;"
  "  END $$;"
  "REVOKE ALL ON FUNCTION measures.setup_roles () FROM PUBLIC;",

  /* 3: a role name per office, kept in the table. Names made from the
   * abbreviation alone collide ("Amt 1" and "amt-1") or are cut at 63
   * bytes by the server, and one office's officials would get another's
   * rights. The first office keeps the plain name; another one with the
   * same name, or a name too long, gets its id appended. A name is given
   * once and kept when the abbreviation changes: the grants stay valid. */
  "CREATE FUNCTION measures.office_role_name (office_id bigint, abbreviation text)"
  "  RETURNS text"
  "  LANGUAGE plpgsql STABLE SET search_path = measures, pg_catalog"
  "  AS $$"
  "  DECLARE"
  "    base text := 'measures_office_' ||"
  "                 btrim (regexp_replace (lower (abbreviation), '[^a-z0-9]+', '_', 'g'), '_');"
  "    candidate text := base;"
  "    suffix text;"
  "    attempt integer := 0;"
  "  BEGIN"
  "    WHILE (attempt = 0 AND (base = 'measures_office_' OR octet_length (base) > 63)) OR"
  "          EXISTS (SELECT 1 FROM measures.offices o"
  "                  WHERE o.role_name = candidate AND o.id <> office_id) LOOP"
  "      attempt := attempt + 1;"
  "      suffix := '_' || office_id || CASE WHEN attempt > 1 THEN '_' || attempt ELSE '' END;"
  "      candidate := left (rtrim (base, '_'), 63 - octet_length (suffix)) || suffix;"
  "    END LOOP;"
  "    RETURN candidate;"
  "  END $$;"
  "ALTER TABLE measures.offices ADD COLUMN role_name text UNIQUE;"
  "DO $$"
  "  DECLARE"
  "    office record;"
  "  BEGIN"
  "    FOR office IN SELECT id, abbreviation FROM measures.offices ORDER BY id LOOP"
  "      UPDATE measures.offices SET role_name = measures.office_role_name (id, abbreviation)"
  "        WHERE id = office.id;"
  "    END LOOP;"
  "  END $$;"
  "ALTER TABLE measures.offices ALTER COLUMN role_name SET NOT NULL;"
  "CREATE FUNCTION measures.name_office_role () RETURNS trigger"
  "  LANGUAGE plpgsql SET search_path = measures, pg_catalog"
  "  AS $$ BEGIN"
  "    IF TG_OP = 'INSERT' OR NEW.role_name IS NULL THEN"
  "      NEW.role_name := measures.office_role_name (NEW.id, NEW.abbreviation);"
  "    ELSE"
  "      NEW.role_name := OLD.role_name;"
  "    END IF;"
  "    RETURN NEW;"
  "  END $$;"
  "CREATE TRIGGER offices_role_name BEFORE INSERT OR UPDATE ON measures.offices"
  "  FOR EACH ROW EXECUTE FUNCTION measures.name_office_role ();"
  /* How an administrator finds an office's role, as before. */
  "CREATE OR REPLACE FUNCTION measures.office_role (abbreviation text) RETURNS text"
  "  LANGUAGE sql STABLE SET search_path = measures, pg_catalog"
  "  AS $$ SELECT o.role_name FROM measures.offices o WHERE o.abbreviation = $1 $$;"
  "CREATE OR REPLACE FUNCTION measures.may_report (measure_id bigint) RETURNS boolean"
  "  LANGUAGE sql STABLE SET search_path = measures, pg_catalog"
  "  AS $$ SELECT measures.is_coordinator () OR"
  "               EXISTS (SELECT 1 FROM measures.measure_offices l"
  "                       JOIN measures.offices o ON o.id = l.office_id"
  "                       JOIN pg_roles r ON r.rolname = o.role_name"
  "                       WHERE l.measure_id = $1"
  "                         AND pg_has_role (current_user, r.oid, 'MEMBER')) $$;"
  "CREATE OR REPLACE FUNCTION measures.setup_roles () RETURNS SETOF text"
  "  LANGUAGE plpgsql SET search_path = measures, pg_catalog"
  "  AS $$"
  "  DECLARE"
  "    role_name text;"
  "  BEGIN"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_reader') THEN"
  "      CREATE ROLE measures_reader NOLOGIN;"
  "    END IF;"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_official') THEN"
  "      CREATE ROLE measures_official NOLOGIN;"
  "    END IF;"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_coordinator') THEN"
  "      CREATE ROLE measures_coordinator NOLOGIN;"
  "    END IF;"
  "    GRANT USAGE ON SCHEMA measures"
  "      TO measures_reader, measures_official, measures_coordinator;"
  "    GRANT SELECT ON ALL TABLES IN SCHEMA measures"
  "      TO measures_reader, measures_official, measures_coordinator;"
  "    GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA measures TO measures_coordinator;"
  "    GRANT USAGE ON ALL SEQUENCES IN SCHEMA measures TO measures_official, measures_coordinator;"
  "    GRANT INSERT ON measures.log_entries, measures.history TO measures_official;"
  "    GRANT UPDATE (withdrawn) ON measures.log_entries TO measures_official;"
  "    GRANT UPDATE (status, progress, status_derived, revision, state_revision, updated)"
  "      ON measures.measures TO measures_official;"
  "    FOR role_name IN SELECT o.role_name FROM measures.offices o ORDER BY 1 LOOP"
  "      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN"
  "        EXECUTE format ('CREATE ROLE %I NOLOGIN', role_name);"
  "      END IF;"
  "      EXECUTE format ('GRANT measures_official TO %I', role_name);"
  "      RETURN NEXT role_name;"
  "    END LOOP;"
  "  END $$;"
  "REVOKE ALL ON FUNCTION measures.setup_roles () FROM PUBLIC;",

  /* 4: indicators, as the SQLite engine's schema version 5. An office's
   * officials record and remove the values of the indicators their office
   * is responsible for, and change nothing else of them; coordinators
   * change everything; authors and times of values and history rows come
   * from the server (stamp_author: "date" is when a value was recorded,
   * "measured" the date it is of). */
  "CREATE TABLE measures.indicators ("
  "  id bigint PRIMARY KEY,"
  "  goal_id bigint REFERENCES measures.goals (id),"
  "  measure_id bigint REFERENCES measures.measures (id),"
  "  name text NOT NULL CHECK (name <> ''),"
  "  name_key text NOT NULL,"
  "  unit text NOT NULL,"
  "  description text NOT NULL,"
  "  office_id bigint REFERENCES measures.offices (id),"
  "  baseline_value double precision NOT NULL,"
  "  baseline_date text,"
  "  direction integer NOT NULL CHECK (direction IN (0, 1)),"
  "  interval_months integer NOT NULL CHECK (interval_months BETWEEN 0 AND 60),"
  "  targets text NOT NULL DEFAULT '[]',"
  "  updated text,"
  "  removed text,"
  "  revision bigint NOT NULL,"
  "  sheet_revision bigint NOT NULL,"
  "  values_revision bigint NOT NULL,"
  "  CHECK ((goal_id IS NULL) <> (measure_id IS NULL))"
  ");"
  "CREATE INDEX indicators_by_goal ON measures.indicators (goal_id);"
  "CREATE INDEX indicators_by_measure ON measures.indicators (measure_id);"
  "CREATE INDEX indicators_by_office ON measures.indicators (office_id);"
  "CREATE INDEX indicators_by_revision ON measures.indicators (revision);"
  "CREATE TABLE measures.indicator_values ("
  "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
  "  indicator_id bigint NOT NULL REFERENCES measures.indicators (id) ON DELETE CASCADE,"
  "  measured text NOT NULL,"
  "  value double precision NOT NULL,"
  "  note text NOT NULL,"
  "  author text NOT NULL,"
  "  date text NOT NULL"
  ");"
  "CREATE INDEX indicator_values_by_indicator"
  "  ON measures.indicator_values (indicator_id, measured, id);"
  "CREATE TABLE measures.indicator_history ("
  "  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
  "  indicator_id bigint NOT NULL REFERENCES measures.indicators (id) ON DELETE CASCADE,"
  "  date text NOT NULL,"
  "  author text NOT NULL,"
  "  field text NOT NULL,"
  "  old_value text,"
  "  new_value text"
  ");"
  "CREATE INDEX indicator_history_by_indicator ON measures.indicator_history (indicator_id, id);"
  "CREATE TRIGGER indicator_values_author BEFORE INSERT OR UPDATE ON measures.indicator_values"
  "  FOR EACH ROW EXECUTE FUNCTION measures.stamp_author ();"
  "CREATE TRIGGER indicator_history_author BEFORE INSERT OR UPDATE ON measures.indicator_history"
  "  FOR EACH ROW EXECUTE FUNCTION measures.stamp_author ();"
  "CREATE FUNCTION measures.may_record_values (indicator_id bigint) RETURNS boolean"
  "  LANGUAGE sql STABLE SET search_path = measures, pg_catalog"
  "  AS $$ SELECT measures.is_coordinator () OR"
  "               EXISTS (SELECT 1 FROM measures.indicators i"
  "                       JOIN measures.offices o ON o.id = i.office_id"
  "                       JOIN pg_roles r ON r.rolname = o.role_name"
  "                       WHERE i.id = $1"
  "                         AND pg_has_role (current_user, r.oid, 'MEMBER')) $$;"
  /* USING (true) on updates, as for measures: a refused one fails with
   * 42501 rather than looking like a conflict. A value of another
   * office's indicator is invisible to a DELETE, which the engine reports
   * as refused. */
  "ALTER TABLE measures.indicators ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY may_read ON measures.indicators FOR SELECT USING (true);"
  "CREATE POLICY may_create ON measures.indicators FOR INSERT"
  "  WITH CHECK (measures.is_coordinator ());"
  "CREATE POLICY may_record ON measures.indicators FOR UPDATE"
  "  USING (true) WITH CHECK (measures.may_record_values (id));"
  "CREATE POLICY may_delete ON measures.indicators FOR DELETE"
  "  USING (measures.is_coordinator ());"
  "ALTER TABLE measures.indicator_values ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY may_read ON measures.indicator_values FOR SELECT USING (true);"
  "CREATE POLICY may_record ON measures.indicator_values FOR INSERT"
  "  WITH CHECK (measures.may_record_values (indicator_id));"
  "CREATE POLICY may_remove ON measures.indicator_values FOR DELETE"
  "  USING (measures.may_record_values (indicator_id));"
  "ALTER TABLE measures.indicator_history ENABLE ROW LEVEL SECURITY;"
  "CREATE POLICY may_read ON measures.indicator_history FOR SELECT USING (true);"
  "CREATE POLICY may_record ON measures.indicator_history FOR INSERT"
  "  WITH CHECK (measures.is_coordinator () OR"
  "              (field = 'value' AND measures.may_record_values (indicator_id)));"
  "CREATE POLICY may_delete ON measures.indicator_history FOR DELETE"
  "  USING (measures.is_coordinator ());"
  "CREATE OR REPLACE FUNCTION measures.setup_roles () RETURNS SETOF text"
  "  LANGUAGE plpgsql SET search_path = measures, pg_catalog"
  "  AS $$"
  "  DECLARE"
  "    role_name text;"
  "  BEGIN"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_reader') THEN"
  "      CREATE ROLE measures_reader NOLOGIN;"
  "    END IF;"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_official') THEN"
  "      CREATE ROLE measures_official NOLOGIN;"
  "    END IF;"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_coordinator') THEN"
  "      CREATE ROLE measures_coordinator NOLOGIN;"
  "    END IF;"
  "    GRANT USAGE ON SCHEMA measures"
  "      TO measures_reader, measures_official, measures_coordinator;"
  "    GRANT SELECT ON ALL TABLES IN SCHEMA measures"
  "      TO measures_reader, measures_official, measures_coordinator;"
  "    GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA measures TO measures_coordinator;"
  "    GRANT USAGE ON ALL SEQUENCES IN SCHEMA measures TO measures_official, measures_coordinator;"
  "    GRANT INSERT ON measures.log_entries, measures.history TO measures_official;"
  "    GRANT UPDATE (withdrawn) ON measures.log_entries TO measures_official;"
  "    GRANT UPDATE (status, progress, status_derived, revision, state_revision, updated)"
  "      ON measures.measures TO measures_official;"
  "    GRANT INSERT, DELETE ON measures.indicator_values TO measures_official;"
  "    GRANT INSERT ON measures.indicator_history TO measures_official;"
  "    GRANT UPDATE (revision, values_revision, updated)"
  "      ON measures.indicators TO measures_official;"
  "    FOR role_name IN SELECT o.role_name FROM measures.offices o ORDER BY 1 LOOP"
  "      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN"
  "        EXECUTE format ('CREATE ROLE %I NOLOGIN', role_name);"
  "      END IF;"
  "      EXECUTE format ('GRANT measures_official TO %I', role_name);"
  "      RETURN NEXT role_name;"
  "    END LOOP;"
  "  END $$;"
  "REVOKE ALL ON FUNCTION measures.setup_roles () FROM PUBLIC;"
  /* A server set up before gets the new tables' grants now; the owner
   * migrating may grant on its own tables without CREATEROLE. */
  "DO $$"
  "  BEGIN"
  "    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_reader') AND"
  "       EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_official') AND"
  "       EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_coordinator') THEN"
  "      GRANT SELECT ON measures.indicators, measures.indicator_values,"
  "                      measures.indicator_history"
  "        TO measures_reader, measures_official, measures_coordinator;"
  "      GRANT INSERT, UPDATE, DELETE ON measures.indicators, measures.indicator_values,"
  "                                      measures.indicator_history"
  "        TO measures_coordinator;"
  "      GRANT USAGE ON ALL SEQUENCES IN SCHEMA measures"
  "        TO measures_official, measures_coordinator;"
  "      GRANT INSERT, DELETE ON measures.indicator_values TO measures_official;"
  "      GRANT INSERT ON measures.indicator_history TO measures_official;"
  "      GRANT UPDATE (revision, values_revision, updated)"
  "        ON measures.indicators TO measures_official;"
  "    END IF;"
  "  END $$;",

  /* 5: dated and corrected reports, as the SQLite engine's schema version
   * 6: "reported_for" is the day a report is about, "date" stays when it
   * was recorded (stamped by the server). An official corrects a report
   * on the measures the own office may report on, and the history keeps
   * the correction ("report"). */
  "ALTER TABLE measures.log_entries ADD COLUMN reported_for text;"
  "UPDATE measures.log_entries SET reported_for = left (date, 10);"
  "DROP POLICY may_record ON measures.history;"
  "CREATE POLICY may_record ON measures.history FOR INSERT"
  "  WITH CHECK (measures.is_coordinator () OR"
  "              (field IN ('log', 'report', 'status', 'progress') AND"
  "               measures.may_report (measure_id)));"
  "CREATE OR REPLACE FUNCTION measures.setup_roles () RETURNS SETOF text"
  "  LANGUAGE plpgsql SET search_path = measures, pg_catalog"
  "  AS $$"
  "  DECLARE"
  "    role_name text;"
  "  BEGIN"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_reader') THEN"
  "      CREATE ROLE measures_reader NOLOGIN;"
  "    END IF;"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_official') THEN"
  "      CREATE ROLE measures_official NOLOGIN;"
  "    END IF;"
  "    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_coordinator') THEN"
  "      CREATE ROLE measures_coordinator NOLOGIN;"
  "    END IF;"
  "    GRANT USAGE ON SCHEMA measures"
  "      TO measures_reader, measures_official, measures_coordinator;"
  "    GRANT SELECT ON ALL TABLES IN SCHEMA measures"
  "      TO measures_reader, measures_official, measures_coordinator;"
  "    GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA measures TO measures_coordinator;"
  "    GRANT USAGE ON ALL SEQUENCES IN SCHEMA measures TO measures_official, measures_coordinator;"
  "    GRANT INSERT ON measures.log_entries, measures.history TO measures_official;"
  "    GRANT UPDATE (withdrawn, status, progress, text, reported_for)"
  "      ON measures.log_entries TO measures_official;"
  "    GRANT UPDATE (status, progress, status_derived, revision, state_revision, updated)"
  "      ON measures.measures TO measures_official;"
  "    GRANT INSERT, DELETE ON measures.indicator_values TO measures_official;"
  "    GRANT INSERT ON measures.indicator_history TO measures_official;"
  "    GRANT UPDATE (revision, values_revision, updated)"
  "      ON measures.indicators TO measures_official;"
  "    FOR role_name IN SELECT o.role_name FROM measures.offices o ORDER BY 1 LOOP"
  "      IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = role_name) THEN"
  "        EXECUTE format ('CREATE ROLE %I NOLOGIN', role_name);"
  "      END IF;"
  "      EXECUTE format ('GRANT measures_official TO %I', role_name);"
  "      RETURN NEXT role_name;"
  "    END LOOP;"
  "  END $$;"
  "REVOKE ALL ON FUNCTION measures.setup_roles () FROM PUBLIC;"
  "DO $$"
  "  BEGIN"
  "    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'measures_official') THEN"
  "      GRANT UPDATE (withdrawn, status, progress, text, reported_for)"
  "        ON measures.log_entries TO measures_official;"
  "    END IF;"
  "  END $$;",

  /* 6: costs are searched too, as in the SQLite engine's schema version
   * 7: every measure's search text written again, as
   * measures_pg_refresh_search() writes it. */
  "UPDATE measures.measures m SET search = to_tsvector ('measures.search', concat_ws (' ',"
  "  m.title, m.description,"
  "  (SELECT string_agg (o.text, ' ' ORDER BY o.position) FROM measures.objectives o"
  "   WHERE o.measure_id = m.id),"
  "  m.lead, m.actors,"
  "  (SELECT string_agg (f.abbreviation || ' ' || f.name, ' ' ORDER BY f.id)"
  "   FROM measures.measure_offices l JOIN measures.offices f ON f.id = l.office_id"
  "   WHERE l.measure_id = m.id),"
  "  m.period, m.costs));",

  /* 7: the dashboard reads the whole progress log in the order of
   * pg_list_progress_log(): an index that holds all it reads makes that an
   * index-only scan without a sort, as the SQLite engine's schema
   * version 8. */
  "CREATE INDEX log_entries_progress ON measures.log_entries (measure_id, reported_for, id)"
  "  INCLUDE (progress) WHERE withdrawn IS NULL;",
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
  self->found_version = version;

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
      g_autoptr(PGresult) result = NULL;

      self->round_trips++;
      result = PQexec (self->conn, migrations[version]);
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
