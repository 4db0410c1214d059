/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-store"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "measures-store.h"

/**
 * MeasuresStore:
 *
 * The strategy's database: one SQLite file. All SQL of the application lives
 * here, every statement is prepared and bound, and every write runs inside a
 * transaction. The schema is versioned with `PRAGMA user_version`; the
 * migrations below are applied in order, each in its own transaction.
 */
struct _MeasuresStore
{
  GObject parent_instance;

  sqlite3 *db;
  char *path;
  char *display_name;
};

G_DEFINE_FINAL_TYPE (MeasuresStore, measures_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (measures-store-error-quark, measures_store_error)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

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
};

static void
measures_store_finalize (GObject *object)
{
  MeasuresStore *self = (MeasuresStore *)object;

  /* sqlite3_close_v2() checkpoints the WAL and removes it when it can. */
  g_clear_pointer (&self->db, sqlite3_close_v2);
  g_free (self->path);
  g_free (self->display_name);

  G_OBJECT_CLASS (measures_store_parent_class)->finalize (object);
}

static void
measures_store_class_init (MeasuresStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = measures_store_finalize;
}

static void
measures_store_init (MeasuresStore *self)
{
}

/* Turns an SQLite result code into a message an official can act on. */
static gboolean
set_db_error (MeasuresStore  *self,
              int             rc,
              GError        **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a strategy database: the file is not an SQLite database. "
                     "It was left unchanged."),
                   self->display_name);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read (%s)."),
                   self->display_name, detail);
      break;
    case SQLITE_READONLY:
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be changed: the file or its folder is read-only."),
                   self->display_name);
      break;
    case SQLITE_FULL:
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FULL,
                   _("Could not write to “%s”: the disk is full."),
                   self->display_name);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("Could not open “%s” (%s)."),
                   self->display_name, detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("A value does not fit the strategy’s data (%s)."),
                   detail);
      break;
    default:
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FAILED,
                   _("The database “%s” reported an error: %s"),
                   self->display_name, detail);
      break;
    }

  return FALSE;
}

static sqlite3_stmt *
prepare (MeasuresStore  *self,
         const char     *sql,
         GError        **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (self, rc, error);
      return NULL;
    }

  return stmt;
}

/* Runs a statement that returns no rows. */
static gboolean
step_done (MeasuresStore  *self,
           sqlite3_stmt   *stmt,
           GError        **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return set_db_error (self, rc, error);

  return TRUE;
}

/* For fixed SQL without parameters only: pragmas, migrations, transactions. */
static gboolean
exec (MeasuresStore  *self,
      const char     *sql,
      GError        **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return set_db_error (self, rc, error);

  return TRUE;
}

static void
bind_text (sqlite3_stmt *stmt,
           int           column,
           const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

static const char *
column_text (sqlite3_stmt *stmt,
             int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? text : "";
}

static gboolean
query_int (MeasuresStore  *self,
           const char     *sql,
           int            *value,
           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_db_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/**
 * measures_store_get_default_path:
 *
 * Returns: (transfer full): where the strategy lives unless the user
 *   chooses another file: the application's folder in the XDG data directory
 */
char *
measures_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "strategy.db", NULL);
}

/**
 * measures_store_get_schema_version:
 *
 * Returns: the schema version this build writes
 */
int
measures_store_get_schema_version (void)
{
  return G_N_ELEMENTS (migrations);
}

static gboolean
migrate (MeasuresStore  *self,
         int             from,
         GError        **error)
{
  for (int version = from; version < (int)G_N_ELEMENTS (migrations); version++)
    {
      g_autofree char *set_version = NULL;

      if (!exec (self, "BEGIN IMMEDIATE", error))
        return FALSE;

      set_version = g_strdup_printf ("PRAGMA user_version = %d", version + 1);
      if (!exec (self, migrations[version], error) || !exec (self, set_version, error))
        {
          exec (self, "ROLLBACK", NULL);
          return FALSE;
        }

      if (!exec (self, "COMMIT", error))
        {
          exec (self, "ROLLBACK", NULL);
          return FALSE;
        }

      g_debug ("Migrated %s to schema version %d", self->display_name, version + 1);
    }

  return TRUE;
}

/* Decides, before anything is written, whether the file is ours to use. */
static gboolean
check_file_is_ours (MeasuresStore  *self,
                    int            *version,
                    GError        **error)
{
  int n_objects;

  /* The first read makes SQLite look at the file: a text file or a PDF
   * fails here with SQLITE_NOTADB, before we could write anything. */
  if (!query_int (self, "PRAGMA user_version", version, error) ||
      !query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  if (*version > (int)G_N_ELEMENTS (migrations))
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Measures (data version %d; "
                     "this version reads up to %d). Update Measures to open it."),
                   self->display_name, *version, (int)G_N_ELEMENTS (migrations));
      return FALSE;
    }

  if (*version == 0 && n_objects > 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another application. "
                     "It was left unchanged; choose another file."),
                   self->display_name);
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_store_open:
 * @path: the database file; it and its folder are created when missing
 * @error: return location for a #MeasuresStoreError
 *
 * Opens the strategy database and brings its schema up to date. A file that
 * is not a database, belongs to another application or comes from a newer
 * version is refused without being written to.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
MeasuresStore *
measures_store_open (const char  *path,
                     GError     **error)
{
  g_autoptr(MeasuresStore) self = NULL;
  g_autofree char *folder = NULL;
  int version = 0;
  int rc;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (MEASURES_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->display_name = g_filename_display_name (path);

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("Could not open “%s”: it is a folder, not a file."),
                   self->display_name);
      return NULL;
    }

  folder = g_path_get_dirname (path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *folder_name = g_filename_display_name (folder);

      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s” for the database: %s"),
                   folder_name, g_strerror (saved_errno));
      return NULL;
    }

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (self, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  /* A command-line export may read while the window writes: wait for the
   * other side's short transaction instead of failing. */
  sqlite3_busy_timeout (self->db, 5000);

  if (!check_file_is_ours (self, &version, error))
    return NULL;

  /* SQLite opens a write-protected file read-only without saying so. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      set_db_error (self, SQLITE_READONLY, error);
      return NULL;
    }

  /* WAL keeps readers and the writer out of each other's way, and with
   * synchronous=FULL a commit that returned is on disk even after a power
   * cut: edits are rare and small, so durability costs nothing noticeable. */
  if (!exec (self, "PRAGMA foreign_keys = ON", error) ||
      !exec (self, "PRAGMA journal_mode = WAL", error) ||
      !exec (self, "PRAGMA synchronous = FULL", error))
    return NULL;

  if (!migrate (self, version, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * measures_store_get_path:
 *
 * Returns: the database file's path
 */
const char *
measures_store_get_path (MeasuresStore *self)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return self->path;
}

/**
 * measures_store_is_empty:
 * @empty: (out): set to %TRUE when the store holds no strategy yet
 *
 * Returns: %FALSE with @error set if the database could not be read
 */
gboolean
measures_store_is_empty (MeasuresStore  *self,
                         gboolean       *empty,
                         GError        **error)
{
  int n_goals = 0;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (empty != NULL, FALSE);

  if (!query_int (self, "SELECT count(*) FROM goals", &n_goals, error))
    return FALSE;

  *empty = n_goals == 0;
  return TRUE;
}

/**
 * measures_store_begin:
 *
 * Starts a write transaction; end it with measures_store_commit() or
 * measures_store_rollback().
 */
gboolean
measures_store_begin (MeasuresStore  *self,
                      GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);

  return exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
measures_store_commit (MeasuresStore  *self,
                       GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);

  return exec (self, "COMMIT", error);
}

void
measures_store_rollback (MeasuresStore *self)
{
  g_return_if_fail (MEASURES_IS_STORE (self));

  if (!sqlite3_get_autocommit (self->db))
    exec (self, "ROLLBACK", NULL);
}

/**
 * measures_store_set_vision:
 * @strategy_title: the strategy's own name
 * @vision_title: the vision's motto
 * @statements: the vision's statements, in order
 *
 * Replaces the vision. Call inside a transaction.
 */
gboolean
measures_store_set_vision (MeasuresStore       *self,
                           const char          *strategy_title,
                           const char          *vision_title,
                           const char * const  *statements,
                           GError             **error)
{
  g_autoptr(sqlite3_stmt) vision = NULL;
  g_autoptr(sqlite3_stmt) statement = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (strategy_title != NULL && vision_title != NULL, FALSE);
  g_return_val_if_fail (statements != NULL, FALSE);

  if (!exec (self, "DELETE FROM vision_statements", error))
    return FALSE;

  vision = prepare (self,
                    "INSERT OR REPLACE INTO vision (id, strategy_title, title) VALUES (1, ?, ?)",
                    error);
  if (vision == NULL)
    return FALSE;
  bind_text (vision, 1, strategy_title);
  bind_text (vision, 2, vision_title);
  if (!step_done (self, vision, error))
    return FALSE;

  statement = prepare (self, "INSERT INTO vision_statements (position, text) VALUES (?, ?)", error);
  if (statement == NULL)
    return FALSE;

  for (guint i = 0; statements[i] != NULL; i++)
    {
      sqlite3_reset (statement);
      sqlite3_bind_int (statement, 1, i);
      bind_text (statement, 2, statements[i]);
      if (!step_done (self, statement, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * measures_store_add_goal:
 * @number: the goal's number as printed ("Ziel 1" has 1)
 *
 * Adds a goal. Call inside a transaction.
 */
gboolean
measures_store_add_goal (MeasuresStore  *self,
                         guint           number,
                         const char     *title,
                         const char     *headline,
                         const char     *text,
                         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (title != NULL && headline != NULL && text != NULL, FALSE);

  stmt = prepare (self,
                  "INSERT INTO goals (number, title, headline, text) VALUES (?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, number);
  bind_text (stmt, 2, title);
  bind_text (stmt, 3, headline);
  bind_text (stmt, 4, text);

  return step_done (self, stmt, error);
}

/**
 * measures_store_add_office:
 * @abbreviation: the short name used in the strategy's text; unique
 * @name: the full name
 *
 * Adds an office to the directory. Call inside a transaction.
 */
gboolean
measures_store_add_office (MeasuresStore  *self,
                           const char     *abbreviation,
                           const char     *name,
                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (abbreviation != NULL && name != NULL, FALSE);

  stmt = prepare (self, "INSERT INTO offices (abbreviation, name) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  bind_text (stmt, 1, abbreviation);
  bind_text (stmt, 2, name);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                       _("The office “%s” is listed twice."), abbreviation);
          return FALSE;
        }
      return set_db_error (self, sqlite3_extended_errcode (self->db), error);
    }

  return TRUE;
}

static gboolean
add_links (MeasuresStore       *self,
           gint64               measure_id,
           const char          *measure_title,
           const char * const  *abbreviations,
           MeasuresRole         role,
           guint               *position,
           GError             **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT INTO measure_offices (measure_id, office_id, role, position) "
                  "SELECT ?, id, ?, ? FROM offices WHERE abbreviation = ?",
                  error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; abbreviations[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, measure_id);
      sqlite3_bind_int (stmt, 2, role);
      sqlite3_bind_int (stmt, 3, (*position)++);
      bind_text (stmt, 4, abbreviations[i]);

      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_PRIMARYKEY)
            {
              g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("The measure “%s” names the office “%s” twice."),
                           measure_title, abbreviations[i]);
              return FALSE;
            }
          return set_db_error (self, sqlite3_extended_errcode (self->db), error);
        }

      if (sqlite3_changes (self->db) == 0)
        {
          g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                       _("The measure “%s” names the office “%s”, which is not in the "
                         "office directory."),
                       measure_title, abbreviations[i]);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * measures_store_add_measure:
 * @measure: the measure to add; its id is ignored, its goal must exist and
 *   its offices must be in the directory
 *
 * Adds a measure with its objectives and office links. Call inside a
 * transaction.
 *
 * Returns: the new measure's id, or 0 with @error set
 */
gint64
measures_store_add_measure (MeasuresStore    *self,
                            MeasuresMeasure  *measure,
                            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(sqlite3_stmt) objective = NULL;
  g_autofree char *title = NULL;
  const char * const *objectives;
  gint64 measure_id;
  guint position = 0;

  g_return_val_if_fail (MEASURES_IS_STORE (self), 0);
  g_return_val_if_fail (MEASURES_IS_MEASURE (measure), 0);

  title = g_strstrip (g_strdup (measures_measure_get_title (measure)));
  if (title[0] == '\0')
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("A measure needs a title."));
      return 0;
    }

  stmt = prepare (self,
                  "INSERT INTO measures (goal_id, position, title, description, lead, actors,"
                  "                      priority, period, costs, overview_title, overview_lead) "
                  "SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? FROM goals WHERE number = ?",
                  error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int (stmt, 1, measures_measure_get_position (measure));
  bind_text (stmt, 2, measures_measure_get_title (measure));
  bind_text (stmt, 3, measures_measure_get_description (measure));
  bind_text (stmt, 4, measures_measure_get_lead (measure));
  bind_text (stmt, 5, measures_measure_get_actors (measure));
  sqlite3_bind_int (stmt, 6, measures_measure_get_priority (measure));
  bind_text (stmt, 7, measures_measure_get_period (measure));
  bind_text (stmt, 8, measures_measure_get_costs (measure));
  bind_text (stmt, 9, measures_measure_get_overview_title (measure));
  bind_text (stmt, 10, measures_measure_get_overview_lead (measure));
  sqlite3_bind_int (stmt, 11, measures_measure_get_goal (measure));

  if (!step_done (self, stmt, error))
    return 0;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("The measure “%s” belongs to goal %u, which does not exist."),
                   title, measures_measure_get_goal (measure));
      return 0;
    }

  measure_id = sqlite3_last_insert_rowid (self->db);

  objective = prepare (self,
                       "INSERT INTO objectives (measure_id, position, text) VALUES (?, ?, ?)",
                       error);
  if (objective == NULL)
    return 0;

  objectives = measures_measure_get_objectives (measure);
  for (guint i = 0; objectives[i] != NULL; i++)
    {
      sqlite3_reset (objective);
      sqlite3_bind_int64 (objective, 1, measure_id);
      sqlite3_bind_int (objective, 2, i);
      bind_text (objective, 3, objectives[i]);
      if (!step_done (self, objective, error))
        return 0;
    }

  if (!add_links (self, measure_id, title, measures_measure_get_lead_offices (measure),
                  MEASURES_ROLE_LEAD, &position, error) ||
      !add_links (self, measure_id, title, measures_measure_get_involved_offices (measure),
                  MEASURES_ROLE_INVOLVED, &position, error))
    return 0;

  return measure_id;
}

/**
 * measures_store_load_vision:
 * @strategy_title: (out) (optional): the strategy's name
 * @vision_title: (out) (optional): the vision's motto
 * @statements: (out) (optional): the vision's statements
 *
 * Returns: %FALSE with @error set if the database could not be read
 */
gboolean
measures_store_load_vision (MeasuresStore  *self,
                            char          **strategy_title,
                            char          **vision_title,
                            GStrv          *statements,
                            GError        **error)
{
  g_autoptr(sqlite3_stmt) vision = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);

  vision = prepare (self, "SELECT strategy_title, title FROM vision WHERE id = 1", error);
  if (vision == NULL)
    return FALSE;

  rc = sqlite3_step (vision);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return set_db_error (self, rc, error);

  if (strategy_title)
    *strategy_title = g_strdup (rc == SQLITE_ROW ? column_text (vision, 0) : "");
  if (vision_title)
    *vision_title = g_strdup (rc == SQLITE_ROW ? column_text (vision, 1) : "");

  if (statements == NULL)
    return TRUE;

  stmt = prepare (self, "SELECT text FROM vision_statements ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return set_db_error (self, rc, error);

  *statements = g_strv_builder_end (builder);
  return TRUE;
}

/**
 * measures_store_list_goals:
 *
 * Returns: (transfer full): a list of #MeasuresGoal in their printed order,
 *   or %NULL with @error set
 */
GListModel *
measures_store_list_goals (MeasuresStore  *self,
                           GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) goals = g_list_store_new (MEASURES_TYPE_GOAL);
  int rc;

  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  stmt = prepare (self, "SELECT id, number, title, headline, text FROM goals ORDER BY number",
                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(MeasuresGoal) goal = measures_goal_new (sqlite3_column_int64 (stmt, 0),
                                                        sqlite3_column_int (stmt, 1),
                                                        column_text (stmt, 2),
                                                        column_text (stmt, 3),
                                                        column_text (stmt, 4));
      g_list_store_append (goals, goal);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&goals));
}

static int
compare_offices (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  g_autofree char *key_a = g_utf8_casefold (measures_office_get_abbreviation ((gpointer)a), -1);
  g_autofree char *key_b = g_utf8_casefold (measures_office_get_abbreviation ((gpointer)b), -1);

  return g_utf8_collate (key_a, key_b);
}

/**
 * measures_store_list_offices:
 *
 * Returns: (transfer full): every #MeasuresOffice with its counts, sorted
 *   by abbreviation as a German reader sorts, or %NULL with @error set
 */
GListModel *
measures_store_list_offices (MeasuresStore  *self,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) offices = g_list_store_new (MEASURES_TYPE_OFFICE);
  int rc;

  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  stmt = prepare (self,
                  "SELECT o.id, o.abbreviation, o.name,"
                  "       count(l.role) FILTER (WHERE l.role = 0),"
                  "       count(l.role) FILTER (WHERE l.role = 1) "
                  "FROM offices o LEFT JOIN measure_offices l ON l.office_id = o.id "
                  "GROUP BY o.id",
                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(MeasuresOffice) office = measures_office_new (sqlite3_column_int64 (stmt, 0),
                                                              column_text (stmt, 1),
                                                              column_text (stmt, 2),
                                                              sqlite3_column_int (stmt, 3),
                                                              sqlite3_column_int (stmt, 4));
      g_list_store_append (offices, office);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, rc, error);
      return NULL;
    }

  g_list_store_sort (offices, compare_offices, NULL);

  return G_LIST_MODEL (g_steal_pointer (&offices));
}

/* Collects rows of (measure_id, text[, role]) into one string list per
 * measure, in tables[role] (or tables[0] when the query has no role). */
static gboolean
collect_by_measure (MeasuresStore  *self,
                    sqlite3_stmt   *stmt,
                    GHashTable    **tables,
                    guint           n_tables,
                    GError        **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 measure_id = sqlite3_column_int64 (stmt, 0);
      guint role = n_tables > 1 ? (guint)sqlite3_column_int (stmt, 2) : 0;
      GHashTable *by_measure = tables[MIN (role, n_tables - 1)];
      GPtrArray *list = g_hash_table_lookup (by_measure, &measure_id);

      if (list == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = measure_id;
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (by_measure, key, list);
        }

      g_ptr_array_add (list, g_strdup (column_text (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    return set_db_error (self, rc, error);

  return TRUE;
}

static GHashTable *
new_measure_table (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify)g_ptr_array_unref);
}

static const char * const *
lookup_strv (GHashTable *table,
             gint64      measure_id)
{
  static const char * const empty[] = { NULL };
  GPtrArray *list = g_hash_table_lookup (table, &measure_id);

  if (list == NULL)
    return empty;

  /* NULL-terminate once; the array is not appended to afterwards. */
  if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != NULL)
    g_ptr_array_add (list, NULL);

  return (const char * const *)list->pdata;
}

/**
 * measures_store_list_measures:
 *
 * Returns: (transfer full): every #MeasuresMeasure in goal order, then in
 *   the order of the detail sheets, or %NULL with @error set
 */
GListModel *
measures_store_list_measures (MeasuresStore  *self,
                              GError        **error)
{
  g_autoptr(sqlite3_stmt) objectives_stmt = NULL;
  g_autoptr(sqlite3_stmt) offices_stmt = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GHashTable) objectives = new_measure_table ();
  g_autoptr(GHashTable) lead = new_measure_table ();
  g_autoptr(GHashTable) involved = new_measure_table ();
  GHashTable *by_role[] = { [MEASURES_ROLE_LEAD] = lead, [MEASURES_ROLE_INVOLVED] = involved };
  g_autoptr(GListStore) measures = g_list_store_new (MEASURES_TYPE_MEASURE);
  int rc;

  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  objectives_stmt = prepare (self,
                             "SELECT measure_id, text FROM objectives "
                             "ORDER BY measure_id, position",
                             error);
  if (objectives_stmt == NULL ||
      !collect_by_measure (self, objectives_stmt, &objectives, 1, error))
    return NULL;

  offices_stmt = prepare (self,
                          "SELECT l.measure_id, o.abbreviation, l.role FROM measure_offices l "
                          "JOIN offices o ON o.id = l.office_id "
                          "ORDER BY l.measure_id, l.position",
                          error);
  if (offices_stmt == NULL ||
      !collect_by_measure (self, offices_stmt, by_role, G_N_ELEMENTS (by_role), error))
    return NULL;

  stmt = prepare (self,
                  "SELECT m.id, g.number, m.position, m.title, m.description, m.lead, m.actors,"
                  "       m.priority, m.period, m.costs, m.overview_title, m.overview_lead "
                  "FROM measures m JOIN goals g ON g.id = m.goal_id "
                  "ORDER BY g.number, m.position, m.id",
                  error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      int priority = sqlite3_column_int (stmt, 7);
      g_autoptr(MeasuresMeasure) measure = NULL;

      measure = g_object_new (MEASURES_TYPE_MEASURE,
                              "id", id,
                              "goal", (guint)sqlite3_column_int (stmt, 1),
                              "position", (guint)sqlite3_column_int (stmt, 2),
                              "title", column_text (stmt, 3),
                              "description", column_text (stmt, 4),
                              "lead", column_text (stmt, 5),
                              "actors", column_text (stmt, 6),
                              "priority", CLAMP (priority, 0, MEASURES_N_PRIORITIES - 1),
                              "period", column_text (stmt, 8),
                              "costs", column_text (stmt, 9),
                              "overview-title", column_text (stmt, 10),
                              "overview-lead", column_text (stmt, 11),
                              "objectives", lookup_strv (objectives, id),
                              "lead-offices", lookup_strv (lead, id),
                              "involved-offices", lookup_strv (involved, id),
                              NULL);
      g_list_store_append (measures, measure);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&measures));
}
