/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-store"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>

#include "measures-backup.h"
#include "measures-format.h"
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
  gboolean check_pending;
  gboolean counts_changed;  /* the write changes how many measures an office has */
  GHashTable *statements;   /* SQL → prepared statement, see prepare_cached() */
};

/* Files up to this size are checked page by page before anything is
 * written (milliseconds); larger ones on a thread while the window opens,
 * since reading hundreds of megabytes takes seconds. */
#define SYNC_CHECK_LIMIT (16 * 1024 * 1024)

G_DEFINE_FINAL_TYPE (MeasuresStore, measures_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (measures-store-error-quark, measures_store_error)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

enum {
  MEASURE_CHANGED,
  OFFICES_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean refresh_search_index (MeasuresStore  *self,
                                      gint64          measure_id,
                                      GError        **error);

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
};

static void
measures_store_finalize (GObject *object)
{
  MeasuresStore *self = (MeasuresStore *)object;

  /* sqlite3_close_v2() checkpoints the WAL and removes it when it can. */
  g_clear_pointer (&self->statements, g_hash_table_unref);
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

  /**
   * MeasuresStore::measure-changed:
   * @self: the store
   * @measure_id: the measure that was created, changed, removed or restored,
   *   or whose log changed
   *
   * Emitted after a write has been committed.
   */
  signals[MEASURE_CHANGED] =
    g_signal_new ("measure-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * MeasuresStore::offices-changed:
   * @self: the store
   *
   * Emitted after a committed write that changed how many measures an
   * office leads or takes part in: a measure created, removed or restored,
   * or its offices edited. Emitted before #MeasuresStore::measure-changed.
   */
  signals[OFFICES_CHANGED] =
    g_signal_new ("offices-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
finalize_statement (gpointer stmt)
{
  sqlite3_finalize (stmt);
}

static void
measures_store_init (MeasuresStore *self)
{
  self->statements = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, finalize_statement);
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
                   _("“%s” is damaged and cannot be read safely (%s). "
                     "It was left unchanged; restore a backup."),
                   self->display_name, detail);
      break;
    case SQLITE_IOERR:
      /* A write that hit a full disk, a quota or a file size limit. SQLite
       * does not always keep the system's error number for a short write. */
      if (rc == SQLITE_IOERR_WRITE && self->db != NULL &&
          sqlite3_system_errno (self->db) != EIO)
        return set_db_error (self, SQLITE_FULL, error);
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FAILED,
                   _("The database “%s” reported an error: %s"),
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

/* A statement run for every row a list shows, prepared once for the life
 * of the store. Reset it when done (g_autoptr(CachedStatement)): a
 * statement that is not reset keeps its read transaction open. */
typedef sqlite3_stmt CachedStatement;

static void
release_statement (CachedStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStatement, release_statement)

static CachedStatement *
prepare_cached (MeasuresStore  *self,
                const char     *sql,
                GError        **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
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

/* The search index is derived data: rebuild it when it does not cover every
 * measure, e.g. right after the migration that created it. */
static gboolean
ensure_search_index (MeasuresStore  *self,
                     GError        **error)
{
  g_autoptr(sqlite3_stmt) ids = NULL;
  int missing = 0;
  int rc;

  if (!query_int (self,
                  "SELECT count(*) FROM measures m WHERE NOT EXISTS "
                  "(SELECT 1 FROM measures_search s WHERE s.rowid = m.id)",
                  &missing, error))
    return FALSE;

  if (missing == 0)
    return TRUE;

  ids = prepare (self, "SELECT id FROM measures", error);
  if (ids == NULL || !measures_store_begin (self, error))
    return FALSE;

  while ((rc = sqlite3_step (ids)) == SQLITE_ROW)
    {
      if (!refresh_search_index (self, sqlite3_column_int64 (ids, 0), error))
        {
          measures_store_rollback (self);
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      measures_store_rollback (self);
      return set_db_error (self, rc, error);
    }

  return measures_store_commit (self, error);
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

/* SQLite takes a file shorter than one page for an empty database and would
 * write a new one over it: a file cut short, or a short file of another
 * kind, is refused by looking at its header first. An empty file is a new
 * database. */
static gboolean
check_header (MeasuresStore  *self,
              GError        **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GMappedFile) file = NULL;
  const guint8 *header;
  gsize length;
  guint page_size;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return TRUE;

  file = g_mapped_file_new (self->path, FALSE, &read_error);
  if (file == NULL)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("Could not open “%s” (%s)."), self->display_name, read_error->message);
      return FALSE;
    }

  length = g_mapped_file_get_length (file);
  header = (const guint8 *)g_mapped_file_get_contents (file);
  if (length == 0)
    return TRUE;

  if (length < 100 || memcmp (header, magic, sizeof magic) != 0)
    return set_db_error (self, SQLITE_NOTADB, error);

  page_size = (guint)header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  /* A power of two from 512 to 65536, or SQLite would not read it either. */
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    return set_db_error (self, SQLITE_NOTADB, error);
  /* A database is whole pages; anything else was cut or is not one. */
  if (length < page_size || length % page_size != 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read safely (%s). "
                     "It was left unchanged; restore a backup."),
                   self->display_name, _("the file is cut short"));
      return FALSE;
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

/* Reads every page once: a truncated file or one with damaged pages is
 * refused here, before anything is written, instead of failing later in
 * the middle of an official's work. It takes milliseconds at our size. */
static gboolean
check_integrity (MeasuresStore  *self,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "PRAGMA integrity_check(1)", error);
  const char *result;
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_db_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  result = (const char *)sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read safely (%s). "
                     "It was left unchanged; restore a backup."),
                   self->display_name, result ? result : "");
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

  /* SQLite needs to create its journal beside the database: in a folder
   * that cannot be written to, it could not even read a database in WAL
   * mode, and would say so in its own words. */
  if (g_file_test (path, G_FILE_TEST_EXISTS) &&
      (g_access (path, W_OK) != 0 || g_access (folder, W_OK) != 0))
    {
      set_db_error (self, SQLITE_READONLY, error);
      return NULL;
    }

  /* The strategy, its log and its history are the office's business
   * alone: a new database is readable by its owner only (SQLite gives its
   * -wal and -shm files the same mode). */
  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      int fd = g_open (path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd < 0 && errno != EEXIST)
        {
          int saved_errno = errno;

          g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                       _("Could not create “%s”: %s"), self->display_name,
                       g_strerror (saved_errno));
          return NULL;
        }
      if (fd >= 0)
        close (fd);
    }

  if (!check_header (self, error))
    return NULL;

  rc = sqlite3_open_v2 (path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                        NULL);
  if (rc != SQLITE_OK)
    {
      set_db_error (self, rc, error);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  sqlite3_create_function_v2 (self->db, "measures_sort_key", 1,
                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY,
                              NULL, sort_key_function, NULL, NULL, NULL);
  /* A command-line export may read while the window writes: wait for the
   * other side's short transaction instead of failing. */
  sqlite3_busy_timeout (self->db, 5000);

  if (!check_file_is_ours (self, &version, error))
    return NULL;
  {
    GStatBuf buf;

    if (g_stat (path, &buf) == 0 && buf.st_size > SYNC_CHECK_LIMIT)
      self->check_pending = TRUE;
    else if (!check_integrity (self, error))
      return NULL;
  }

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

  /* An older database is copied aside before it is changed. */
  if (version > 0 && version < (int)G_N_ELEMENTS (migrations))
    {
      g_autofree char *backup = measures_backup_make (self, "before-migration", 0, error);

      if (backup == NULL)
        return NULL;
      g_debug ("Backed up %s to %s before migrating", self->display_name, backup);
    }

  /* The search index is written with every change; it needs filling only
   * when a migration has just made it. */
  if (!migrate (self, version, error) ||
      (version < (int)G_N_ELEMENTS (migrations) && !ensure_search_index (self, error)))
    return NULL;

  return g_steal_pointer (&self);
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  MeasuresStore *self = source_object;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *result = NULL;
  int rc;

  /* A connection of its own: the window reads and writes through the
   * store's meanwhile (WAL). */
  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(1)", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else
    result = g_strdup (db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (g_strcmp0 (result, "ok") == 0)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CORRUPT,
                             _("“%s” is damaged and cannot be read safely (%s). "
                               "It was left unchanged; restore a backup."),
                             self->display_name, result ? result : "");
}

/**
 * measures_store_get_check_pending:
 *
 * Returns: %TRUE if the file was too large to read through before it was
 *   opened: check it with measures_store_check_async()
 */
gboolean
measures_store_get_check_pending (MeasuresStore *self)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);

  return self->check_pending;
}

/**
 * measures_store_check_async:
 *
 * Reads every page of the file on a thread, as measures_store_open() does
 * for smaller files.
 */
void
measures_store_check_async (MeasuresStore       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (MEASURES_IS_STORE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, measures_store_check_async);
  g_task_run_in_thread (task, check_thread);
}

/**
 * measures_store_check_finish:
 *
 * Returns: %FALSE with @error set if the file is damaged
 */
gboolean
measures_store_check_finish (MeasuresStore  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  self->check_pending = FALSE;
  return TRUE;
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

  self->counts_changed = FALSE;
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
  self->counts_changed = FALSE;
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

static gboolean
too_long (const char *text,
          glong       limit)
{
  return g_utf8_strlen (text, -1) > limit;
}

/**
 * measures_store_validate_measure:
 * @measure: a measure about to be stored
 * @field: (out) (optional): the name of the offending field, e.g. "title"
 * @error: return location for a %MEASURES_STORE_ERROR_INVALID error
 *
 * Checks what every stored measure must satisfy: a title, text of sane
 * length, valid UTF-8 everywhere.
 *
 * Returns: %TRUE if @measure may be stored
 */
gboolean
measures_store_validate_measure (MeasuresMeasure  *measure,
                                 const char      **field,
                                 GError          **error)
{
  g_autofree char *title = NULL;
  const char * const *objectives;
  struct {
    const char *field;
    const char *text;
    glong limit;
  } texts[] = {
    { "title", measures_measure_get_title (measure), MEASURES_MAX_TITLE_LENGTH },
    { "description", measures_measure_get_description (measure), MEASURES_MAX_TEXT_LENGTH },
    { "lead", measures_measure_get_lead (measure), MEASURES_MAX_LINE_LENGTH },
    { "actors", measures_measure_get_actors (measure), MEASURES_MAX_LINE_LENGTH },
    { "period", measures_measure_get_period (measure), MEASURES_MAX_LINE_LENGTH },
    { "costs", measures_measure_get_costs (measure), MEASURES_MAX_LINE_LENGTH },
  };

  g_return_val_if_fail (MEASURES_IS_MEASURE (measure), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (!g_utf8_validate (texts[i].text, -1, NULL))
        {
          if (field)
            *field = texts[i].field;
          g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                               _("The text contains characters that are not valid."));
          return FALSE;
        }

      if (too_long (texts[i].text, texts[i].limit))
        {
          if (field)
            *field = texts[i].field;
          g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                       ngettext ("The text is too long: at most %ld character.",
                                 "The text is too long: at most %ld characters.",
                                 texts[i].limit),
                       texts[i].limit);
          return FALSE;
        }
    }

  title = g_strstrip (g_strdup (measures_measure_get_title (measure)));
  if (title[0] == '\0')
    {
      if (field)
        *field = "title";
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("A measure needs a title."));
      return FALSE;
    }

  objectives = measures_measure_get_objectives (measure);
  if (g_strv_length ((GStrv)objectives) > MEASURES_MAX_OBJECTIVES)
    {
      if (field)
        *field = "objectives";
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("A measure has at most %d objectives."), MEASURES_MAX_OBJECTIVES);
      return FALSE;
    }

  for (guint i = 0; objectives[i] != NULL; i++)
    {
      if (!g_utf8_validate (objectives[i], -1, NULL) ||
          too_long (objectives[i], MEASURES_MAX_LINE_LENGTH))
        {
          if (field)
            *field = "objectives";
          g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                       _("Objective %u is too long or not valid text: at most %d characters."),
                       i + 1, MEASURES_MAX_LINE_LENGTH);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
replace_objectives (MeasuresStore       *self,
                    gint64               measure_id,
                    const char * const  *objectives,
                    GError             **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  clear = prepare (self, "DELETE FROM objectives WHERE measure_id = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, measure_id);
  if (!step_done (self, clear, error))
    return FALSE;

  insert = prepare (self, "INSERT INTO objectives (measure_id, position, text) VALUES (?, ?, ?)",
                    error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; objectives[i] != NULL; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, measure_id);
      sqlite3_bind_int (insert, 2, i);
      bind_text (insert, 3, objectives[i]);
      if (!step_done (self, insert, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
replace_links (MeasuresStore    *self,
               gint64            measure_id,
               MeasuresMeasure  *measure,
               GError          **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  const char *title = measures_measure_get_title (measure);
  guint position = 0;

  self->counts_changed = TRUE;
  clear = prepare (self, "DELETE FROM measure_offices WHERE measure_id = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, measure_id);
  if (!step_done (self, clear, error))
    return FALSE;

  return add_links (self, measure_id, title, measures_measure_get_lead_offices (measure),
                    MEASURES_ROLE_LEAD, &position, error) &&
         add_links (self, measure_id, title, measures_measure_get_involved_offices (measure),
                    MEASURES_ROLE_INVOLVED, &position, error);
}

/* The next free position at the end of a goal's measures. */
static gboolean
next_position (MeasuresStore  *self,
               guint           goal,
               guint          *position,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = prepare (self,
                  "SELECT coalesce(max(m.position), 0) + 1 FROM measures m "
                  "JOIN goals g ON g.id = m.goal_id WHERE g.number = ?",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, goal);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return set_db_error (self, rc, error);

  *position = sqlite3_column_int (stmt, 0);
  return TRUE;
}

/**
 * measures_store_add_measure:
 * @measure: the measure to add as it is, with its status, progress and
 *   dates; an id of 0 means "a new id", a position of 0 "at the end of its
 *   goal"; its goal must exist and its offices must be in the directory
 *
 * Adds a measure with its objectives and office links, for imports. Call
 * inside a transaction. Records no history: see measures_store_create_measure().
 *
 * Returns: the new measure's id, or 0 with @error set
 */
gint64
measures_store_add_measure (MeasuresStore    *self,
                            MeasuresMeasure  *measure,
                            GError          **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 measure_id;
  guint position;

  g_return_val_if_fail (MEASURES_IS_STORE (self), 0);
  g_return_val_if_fail (MEASURES_IS_MEASURE (measure), 0);

  if (!measures_store_validate_measure (measure, NULL, error))
    return 0;

  position = measures_measure_get_position (measure);
  if (position == 0 && !next_position (self, measures_measure_get_goal (measure), &position, error))
    return 0;

  stmt = prepare (self,
                  "INSERT INTO measures (goal_id, position, title, description, lead, actors,"
                  "                      priority, period, costs, overview_title, overview_lead,"
                  "                      status, status_derived, progress, updated, removed, id,"
                  "                      title_key) "
                  "SELECT id, ?, ?2, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nullif (?17, 0),"
                  "       measures_sort_key (?2) "
                  "FROM goals WHERE number = ?16",
                  error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int (stmt, 1, position);
  bind_text (stmt, 2, measures_measure_get_title (measure));
  bind_text (stmt, 3, measures_measure_get_description (measure));
  bind_text (stmt, 4, measures_measure_get_lead (measure));
  bind_text (stmt, 5, measures_measure_get_actors (measure));
  sqlite3_bind_int (stmt, 6, measures_measure_get_priority (measure));
  bind_text (stmt, 7, measures_measure_get_period (measure));
  bind_text (stmt, 8, measures_measure_get_costs (measure));
  bind_text (stmt, 9, measures_measure_get_overview_title (measure));
  bind_text (stmt, 10, measures_measure_get_overview_lead (measure));
  sqlite3_bind_int (stmt, 11, measures_measure_get_status (measure));
  sqlite3_bind_int (stmt, 12, measures_measure_get_status_derived (measure));
  sqlite3_bind_int (stmt, 13, measures_measure_get_progress (measure));
  bind_text (stmt, 14, measures_measure_get_updated (measure));
  bind_text (stmt, 15, measures_measure_get_removed (measure));
  sqlite3_bind_int (stmt, 16, measures_measure_get_goal (measure));
  sqlite3_bind_int64 (stmt, 17, measures_measure_get_id (measure));

  if (!step_done (self, stmt, error))
    return 0;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("The measure “%s” belongs to goal %u, which does not exist."),
                   measures_measure_get_title (measure), measures_measure_get_goal (measure));
      return 0;
    }

  measure_id = sqlite3_last_insert_rowid (self->db);

  if (!replace_objectives (self, measure_id, measures_measure_get_objectives (measure), error) ||
      !replace_links (self, measure_id, measure, error) ||
      !refresh_search_index (self, measure_id, error))
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

/* Adds @sign times the (office_id, role, count) rows of @sql to @counts,
 * office id → int[2] by role. */
static gboolean
add_link_counts (MeasuresStore  *self,
                 GHashTable     *counts,
                 int             sign,
                 const char     *sql,
                 GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 office = sqlite3_column_int64 (stmt, 0);
      int role = sqlite3_column_int (stmt, 1);
      int *n = g_hash_table_lookup (counts, &office);

      if (role != MEASURES_ROLE_LEAD && role != MEASURES_ROLE_INVOLVED)
        continue;
      if (n == NULL)
        {
          n = g_new0 (int, 2);
          g_hash_table_insert (counts, g_memdup2 (&office, sizeof office), n);
        }
      n[role] += sign * sqlite3_column_int (stmt, 2);
    }

  if (rc != SQLITE_DONE)
    return set_db_error (self, rc, error);

  return TRUE;
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
  g_autoptr(GHashTable) counts = NULL;
  int rc;

  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  /* Counted from the links' index, less the links of removed measures:
   * joining every link to its measure would read the whole table. */
  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (!add_link_counts (self, counts, 1,
                        "SELECT office_id, role, count(*) FROM measure_offices "
                        "GROUP BY office_id, role",
                        error) ||
      !add_link_counts (self, counts, -1,
                        /* CROSS JOIN: from the few removed measures to their
                         * links, not from every link to its measure. */
                        "SELECT l.office_id, l.role, count(*) FROM measures m "
                        "CROSS JOIN measure_offices l ON l.measure_id = m.id "
                        "WHERE m.removed IS NOT NULL GROUP BY l.office_id, l.role",
                        error))
    return NULL;

  stmt = prepare (self, "SELECT id, abbreviation, name FROM offices", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const int *n = g_hash_table_lookup (counts, &id);
      g_autoptr(MeasuresOffice) office = measures_office_new (id,
                                                              column_text (stmt, 1),
                                                              column_text (stmt, 2),
                                                              n ? MAX (n[0], 0) : 0,
                                                              n ? MAX (n[1], 0) : 0);
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

typedef enum {
  LOAD_PRESENT,
  LOAD_REMOVED,
  LOAD_ONE,
} LoadWhich;

/* Reads measures with their objectives and offices. The conditions are
 * fixed SQL; the only parameter is the measure id for LOAD_ONE. */
static GListModel *
load_measures (MeasuresStore  *self,
               LoadWhich       which,
               gint64          id,
               GError        **error)
{
  static const char * const conditions[] = {
    [LOAD_PRESENT] = "m.removed IS NULL AND ?1 = 0",
    [LOAD_REMOVED] = "m.removed IS NOT NULL AND ?1 = 0",
    [LOAD_ONE] = "m.id = ?1",
  };
  g_autoptr(CachedStatement) objectives_stmt = NULL;
  g_autoptr(CachedStatement) offices_stmt = NULL;
  g_autoptr(CachedStatement) stmt = NULL;
  g_autoptr(GHashTable) objectives = new_measure_table ();
  g_autoptr(GHashTable) lead = new_measure_table ();
  g_autoptr(GHashTable) involved = new_measure_table ();
  GHashTable *by_role[] = { [MEASURES_ROLE_LEAD] = lead, [MEASURES_ROLE_INVOLVED] = involved };
  g_autoptr(GListStore) measures = g_list_store_new (MEASURES_TYPE_MEASURE);
  g_autofree char *sql = NULL;
  int rc;

  /* One measure's rows come from the primary key; "?1 = 0 OR" would make
   * SQLite read every row instead. */
  objectives_stmt = prepare_cached (self,
                             which == LOAD_ONE
                             ? "SELECT measure_id, text FROM objectives WHERE measure_id = ?1 "
                               "ORDER BY position"
                             : "SELECT measure_id, text FROM objectives WHERE ?1 = 0 "
                               "ORDER BY measure_id, position",
                             error);
  if (objectives_stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (objectives_stmt, 1, which == LOAD_ONE ? id : 0);
  if (!collect_by_measure (self, objectives_stmt, &objectives, 1, error))
    return NULL;

  offices_stmt = prepare_cached (self,
                          which == LOAD_ONE
                          ? "SELECT l.measure_id, o.abbreviation, l.role FROM measure_offices l "
                            "JOIN offices o ON o.id = l.office_id WHERE l.measure_id = ?1 "
                            "ORDER BY l.position"
                          : "SELECT l.measure_id, o.abbreviation, l.role FROM measure_offices l "
                            "JOIN offices o ON o.id = l.office_id WHERE ?1 = 0 "
                            "ORDER BY l.measure_id, l.position",
                          error);
  if (offices_stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (offices_stmt, 1, which == LOAD_ONE ? id : 0);
  if (!collect_by_measure (self, offices_stmt, by_role, G_N_ELEMENTS (by_role), error))
    return NULL;

  sql = g_strconcat ("SELECT m.id, g.number, m.position, m.title, m.description, m.lead,"
                     "       m.actors, m.priority, m.period, m.costs, m.overview_title,"
                     "       m.overview_lead, m.status, m.status_derived, m.progress,"
                     "       m.updated, m.removed "
                     "FROM measures m JOIN goals g ON g.id = m.goal_id WHERE ",
                     conditions[which],
                     " ORDER BY g.number, m.position, m.id",
                     NULL);
  stmt = prepare_cached (self, sql, error);
  if (stmt == NULL)
    return NULL;
  sqlite3_bind_int64 (stmt, 1, which == LOAD_ONE ? id : 0);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 measure_id = sqlite3_column_int64 (stmt, 0);
      int priority = sqlite3_column_int (stmt, 7);
      int status = sqlite3_column_int (stmt, 12);
      g_autoptr(MeasuresMeasure) measure = NULL;

      measure = g_object_new (MEASURES_TYPE_MEASURE,
                              "id", measure_id,
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
                              "status", CLAMP (status, 0, MEASURES_N_STATUSES - 1),
                              "status-derived", sqlite3_column_int (stmt, 13) != 0,
                              "progress", (guint)CLAMP (sqlite3_column_int (stmt, 14), 0, 100),
                              "updated", column_text (stmt, 15),
                              "removed", column_text (stmt, 16),
                              "objectives", lookup_strv (objectives, measure_id),
                              "lead-offices", lookup_strv (lead, measure_id),
                              "involved-offices", lookup_strv (involved, measure_id),
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

/**
 * measures_store_list_measures:
 *
 * Returns: (transfer full): every #MeasuresMeasure of the strategy (not the
 *   removed ones) in goal order, then in the order of the detail sheets,
 *   or %NULL with @error set
 */
GListModel *
measures_store_list_measures (MeasuresStore  *self,
                              GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return load_measures (self, LOAD_PRESENT, 0, error);
}

/**
 * measures_store_list_removed_measures:
 *
 * Returns: (transfer full): the removed measures, which can be restored,
 *   or %NULL with @error set
 */
GListModel *
measures_store_list_removed_measures (MeasuresStore  *self,
                                      GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return load_measures (self, LOAD_REMOVED, 0, error);
}

/**
 * measures_store_get_measure:
 * @id: a measure's id
 *
 * Returns: (transfer full): the measure as stored now, removed or not, or
 *   %NULL with @error set
 */
MeasuresMeasure *
measures_store_get_measure (MeasuresStore  *self,
                            gint64          id,
                            GError        **error)
{
  g_autoptr(GListModel) list = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  list = load_measures (self, LOAD_ONE, id, error);
  if (list == NULL)
    return NULL;

  if (g_list_model_get_n_items (list) == 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("The measure no longer exists."));
      return NULL;
    }

  return g_list_model_get_item (list, 0);
}

/* Search ---------------------------------------------------------------- */

/* What the index holds and what a query is matched with: case-folded text,
 * so that "ß" and "ss" are one ("Straßburg", "strassburg"); the index's
 * tokenizer then drops accents ("Français", "francais"). */
static char *
fold (const char *text)
{
  return g_utf8_casefold (text ? text : "", -1);
}

static gboolean
refresh_search_index (MeasuresStore  *self,
                      gint64          measure_id,
                      GError        **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  int rc;

  clear = prepare (self, "DELETE FROM measures_search WHERE rowid = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, measure_id);
  if (!step_done (self, clear, error))
    return FALSE;

  /* The offices column holds the printed wording and the linked offices'
   * abbreviations and full names. */
  read = prepare (self,
                  "SELECT m.title, m.description,"
                  "       (SELECT group_concat (text, ' ') FROM objectives o"
                  "        WHERE o.measure_id = m.id),"
                  "       m.lead || ' ' || m.actors || ' ' ||"
                  "       coalesce ((SELECT group_concat (f.abbreviation || ' ' || f.name, ' ')"
                  "                  FROM measure_offices l JOIN offices f ON f.id = l.office_id"
                  "                  WHERE l.measure_id = m.id), ''),"
                  "       m.period "
                  "FROM measures m WHERE m.id = ?",
                  error);
  if (read == NULL)
    return FALSE;
  sqlite3_bind_int64 (read, 1, measure_id);
  rc = sqlite3_step (read);
  if (rc != SQLITE_ROW)
    return set_db_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  insert = prepare (self,
                    "INSERT INTO measures_search (rowid, title, description, objectives, offices,"
                    "                             period) VALUES (?, ?, ?, ?, ?, ?)",
                    error);
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_int64 (insert, 1, measure_id);
  for (int i = 0; i < 5; i++)
    {
      g_autofree char *folded = fold (column_text (read, i));

      sqlite3_bind_text (insert, i + 2, folded, -1, SQLITE_TRANSIENT);
    }

  return step_done (self, insert, error);
}

/* Turns what a user typed into an FTS5 query: every word must occur, as
 * the start of a word. Each word is quoted, so nothing typed is syntax. */
static char *
build_match_query (const char *text)
{
  g_autofree char *folded = fold (text);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n\r", -1);
  GString *query = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_alnum = FALSE;

      for (const char *p = words[i]; *p; p = g_utf8_next_char (p))
        has_alnum |= g_unichar_isalnum (g_utf8_get_char (p));

      /* A word of punctuation only would make an empty phrase. */
      if (!has_alnum)
        continue;

      if (query->len > 0)
        g_string_append (query, " AND ");
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  if (query->len == 0)
    {
      g_string_free (query, TRUE);
      return NULL;
    }

  return g_string_free (query, FALSE);
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* Collects the first column of @stmt's rows, in the order they come. */
static GArray *
collect_ids (MeasuresStore  *self,
             sqlite3_stmt   *stmt,
             GError        **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/**
 * measures_store_search_ids:
 * @text: what the user typed
 * @ids: (out) (transfer full) (nullable): the ids (`gint64`) of the
 *   matching measures in ascending order, removed ones included, or %NULL
 *   when @text holds no word to search for
 *
 * Finds the measures whose title, description, objectives, offices or
 * period contain every word of @text, as a word or the start of one;
 * case, accents and "ß"/"ss" do not matter.
 *
 * Returns: %FALSE with @error set if the search failed
 */
gboolean
measures_store_search_ids (MeasuresStore  *self,
                           const char     *text,
                           GArray        **ids,
                           GError        **error)
{
  g_autoptr(CachedStatement) stmt = NULL;
  g_autofree char *query = NULL;
  GArray *found;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  *ids = NULL;
  query = build_match_query (text);
  if (query == NULL)
    return TRUE;

  stmt = prepare_cached (self, "SELECT rowid FROM measures_search WHERE measures_search MATCH ?", error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, query);

  found = collect_ids (self, stmt, error);
  if (found == NULL)
    return FALSE;

  /* FTS5 gives rowids in ascending order; do not depend on it. */
  g_array_sort (found, compare_ids);
  *ids = found;
  return TRUE;
}

/**
 * measures_store_search:
 * @text: what the user typed
 * @ids: (out) (transfer full) (nullable): the ids of the matching measures
 *   as a set of `gint64 *`, or %NULL when @text holds no word to search for
 *
 * As measures_store_search_ids(), as a set.
 *
 * Returns: %FALSE with @error set if the search failed
 */
gboolean
measures_store_search (MeasuresStore  *self,
                       const char     *text,
                       GHashTable    **ids,
                       GError        **error)
{
  g_autoptr(GArray) found = NULL;

  g_return_val_if_fail (ids != NULL, FALSE);

  *ids = NULL;
  if (!measures_store_search_ids (self, text, &found, error))
    return FALSE;
  if (found == NULL)
    return TRUE;

  *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < found->len; i++)
    g_hash_table_add (*ids, g_memdup2 (&g_array_index (found, gint64, i), sizeof (gint64)));

  return TRUE;
}

/* Lists for large strategies ---------------------------------------------- */

static int
compare_summaries (gconstpointer a,
                   gconstpointer b)
{
  const MeasuresSummary *x = a, *y = b;

  if (x->goal != y->goal)
    return x->goal < y->goal ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

/**
 * measures_store_list_summaries:
 * @office: (nullable): only the measures of this office, or %NULL for all
 * @role: with @office, the office's role, or -1 for either
 * @id: only this measure, or 0 for all
 * @summaries: (out) (transfer full): #MeasuresSummary of the measures
 *   (not the removed ones) in goal and sheet order
 *
 * What a list of measures needs to filter, sort and count them without
 * reading their text: a few bytes for each.
 *
 * Returns: %FALSE with @error set if the database could not be read
 */
gboolean
measures_store_list_summaries (MeasuresStore  *self,
                               const char     *office,
                               int             role,
                               gint64          id,
                               GArray        **summaries,
                               GError        **error)
{
  g_autoptr(CachedStatement) stmt = NULL;
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (MeasuresSummary));
  int rc;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (summaries != NULL, FALSE);

  /* One measure by its primary key; "?1 = 0 OR" would read them all. */
  stmt = prepare_cached (self,
                         id != 0
                         ? "SELECT m.id, g.number, m.position, m.priority, m.status, m.progress "
                           "FROM measures m JOIN goals g ON g.id = m.goal_id "
                           "WHERE m.id = ?1 AND m.removed IS NULL AND"
                           "      (?2 IS NULL OR m.id IN (SELECT l.measure_id"
                           "                              FROM measure_offices l"
                           "                              JOIN offices o ON o.id = l.office_id"
                           "                              WHERE o.abbreviation = ?2"
                           "                                AND (?3 < 0 OR l.role = ?3)))"
                         : "SELECT m.id, g.number, m.position, m.priority, m.status, m.progress "
                           "FROM measures m JOIN goals g ON g.id = m.goal_id "
                           "WHERE m.removed IS NULL AND ?1 = 0 AND"
                           "      (?2 IS NULL OR m.id IN (SELECT l.measure_id"
                           "                              FROM measure_offices l"
                           "                              JOIN offices o ON o.id = l.office_id"
                           "                              WHERE o.abbreviation = ?2"
                           "                                AND (?3 < 0 OR l.role = ?3)))",
                         error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  bind_text (stmt, 2, office);
  sqlite3_bind_int (stmt, 3, role);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MeasuresSummary summary = {
        .id = sqlite3_column_int64 (stmt, 0),
        .goal = CLAMP (sqlite3_column_int (stmt, 1), 0, G_MAXUINT16),
        .position = MAX (sqlite3_column_int (stmt, 2), 0),
        .priority = CLAMP (sqlite3_column_int (stmt, 3), 0, MEASURES_N_PRIORITIES - 1),
        .status = CLAMP (sqlite3_column_int (stmt, 4), 0, MEASURES_N_STATUSES - 1),
        .progress = CLAMP (sqlite3_column_int (stmt, 5), 0, 100),
      };

      g_array_append_val (list, summary);
    }

  if (rc != SQLITE_DONE)
    return set_db_error (self, rc, error);

  /* Sorting a few bytes a row here is quicker than SQLite's sorter. */
  g_array_sort (list, compare_summaries);
  *summaries = g_steal_pointer (&list);
  return TRUE;
}

/**
 * measures_store_list_office_ids:
 * @abbreviation: an office's abbreviation
 * @ids: (out) (transfer full): the ids (`gint64`) of the measures the
 *   office leads or takes part in, removed ones included, ascending
 *
 * Returns: %FALSE with @error set if the database could not be read
 */
gboolean
measures_store_list_office_ids (MeasuresStore  *self,
                                const char     *abbreviation,
                                GArray        **ids,
                                GError        **error)
{
  g_autoptr(CachedStatement) stmt = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (abbreviation != NULL, FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  stmt = prepare_cached (self,
                  "SELECT l.measure_id FROM measure_offices l JOIN offices o ON o.id = l.office_id "
                  "WHERE o.abbreviation = ?",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, abbreviation);

  *ids = collect_ids (self, stmt, error);
  if (*ids == NULL)
    return FALSE;

  g_array_sort (*ids, compare_ids);
  return TRUE;
}

/**
 * measures_store_list_ranks:
 * @order: %MEASURES_ORDER_TITLE or %MEASURES_ORDER_UPDATED
 * @ranks: (out) (transfer full): a #MeasuresRank for every measure, in
 *   that order: by title as measures_sort_key() sorts, or latest update
 *   first and those never updated last; measures that compare equal share
 *   a rank
 *
 * Both orders come from an index.
 *
 * Returns: %FALSE with @error set if the database could not be read
 */
gboolean
measures_store_list_ranks (MeasuresStore  *self,
                           MeasuresOrder   order,
                           GArray        **ranks,
                           GError        **error)
{
  static const char * const queries[] = {
    [MEASURES_ORDER_TITLE] = "SELECT id, title_key FROM measures ORDER BY title_key",
    [MEASURES_ORDER_UPDATED] = "SELECT id, updated FROM measures ORDER BY updated DESC",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (MeasuresRank));
  g_autofree char *last_key = NULL;
  guint32 rank = 0;
  int rc;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (order < G_N_ELEMENTS (queries), FALSE);
  g_return_val_if_fail (ranks != NULL, FALSE);

  stmt = prepare (self, queries[order], error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = column_text (stmt, 1);
      MeasuresRank entry;

      if (last_key == NULL || !g_str_equal (key, last_key))
        {
          rank = list->len;
          g_free (last_key);
          last_key = g_strdup (key);
        }
      entry.id = sqlite3_column_int64 (stmt, 0);
      entry.rank = rank;
      g_array_append_val (list, entry);
    }

  if (rc != SQLITE_DONE)
    return set_db_error (self, rc, error);

  *ranks = g_steal_pointer (&list);
  return TRUE;
}

/**
 * measures_store_count_statuses:
 * @office: an office's abbreviation
 * @role: the office's role
 * @counts: (out caller-allocates): how many of its measures have each status
 * @progress_sum: (out): the sum of their progress, in percent
 *
 * Returns: %FALSE with @error set if the database could not be read
 */
gboolean
measures_store_count_statuses (MeasuresStore  *self,
                               const char     *office,
                               MeasuresRole    role,
                               guint           counts[MEASURES_N_STATUSES],
                               guint64        *progress_sum,
                               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (office != NULL, FALSE);

  stmt = prepare (self,
                  "SELECT m.status, count(*), sum(m.progress) FROM measure_offices l "
                  "JOIN offices o ON o.id = l.office_id JOIN measures m ON m.id = l.measure_id "
                  "WHERE o.abbreviation = ? AND l.role = ? AND m.removed IS NULL "
                  "GROUP BY m.status",
                  error);
  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, office);
  sqlite3_bind_int (stmt, 2, role);

  memset (counts, 0, sizeof (guint) * MEASURES_N_STATUSES);
  *progress_sum = 0;
  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      int status = CLAMP (sqlite3_column_int (stmt, 0), 0, MEASURES_N_STATUSES - 1);

      counts[status] += sqlite3_column_int (stmt, 1);
      *progress_sum += sqlite3_column_int64 (stmt, 2);
    }

  if (rc != SQLITE_DONE)
    return set_db_error (self, rc, error);

  return TRUE;
}

/* Writing with history --------------------------------------------------- */

static char *
now_iso8601 (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

static gboolean
record_change (MeasuresStore  *self,
               gint64          measure_id,
               const char     *date,
               const char     *author,
               const char     *field,
               const char     *old_value,
               const char     *new_value,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = prepare (self,
                  "INSERT INTO history (measure_id, date, author, field, old_value, new_value) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, measure_id);
  bind_text (stmt, 2, date);
  bind_text (stmt, 3, author);
  bind_text (stmt, 4, field);
  bind_text (stmt, 5, old_value);
  bind_text (stmt, 6, new_value);

  return step_done (self, stmt, error);
}

static gboolean
touch_measure (MeasuresStore  *self,
               gint64          measure_id,
               const char     *date,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, "UPDATE measures SET updated = ? WHERE id = ?",
                                          error);

  if (stmt == NULL)
    return FALSE;
  bind_text (stmt, 1, date);
  sqlite3_bind_int64 (stmt, 2, measure_id);
  return step_done (self, stmt, error);
}

static gboolean
finish_write (MeasuresStore  *self,
              gint64          measure_id,
              GError        **error)
{
  gboolean counts_changed = self->counts_changed;

  if (!measures_store_commit (self, error))
    {
      measures_store_rollback (self);
      return FALSE;
    }

  self->counts_changed = FALSE;
  if (counts_changed)
    g_signal_emit (self, signals[OFFICES_CHANGED], 0);
  g_signal_emit (self, signals[MEASURE_CHANGED], 0, measure_id);
  return TRUE;
}

static gboolean
fail_write (MeasuresStore *self)
{
  measures_store_rollback (self);
  return FALSE;
}

/**
 * measures_store_create_measure:
 * @measure: the new measure; its id and position are ignored, it is added
 *   at the end of its goal
 * @author: who creates it, for the history
 *
 * Creates a measure in one transaction and records it in the history.
 *
 * Returns: the new measure's id, or 0 with @error set
 */
gint64
measures_store_create_measure (MeasuresStore    *self,
                               MeasuresMeasure  *measure,
                               const char       *author,
                               GError          **error)
{
  g_autoptr(MeasuresMeasure) fresh = NULL;
  g_autofree char *now = now_iso8601 ();
  gint64 id;

  g_return_val_if_fail (MEASURES_IS_STORE (self), 0);
  g_return_val_if_fail (MEASURES_IS_MEASURE (measure), 0);
  g_return_val_if_fail (author != NULL, 0);

  fresh = measures_measure_copy_with (measure,
                                      "id", (gint64)0,
                                      "position", 0,
                                      "updated", now,
                                      "removed", NULL,
                                      NULL);

  if (!measures_store_begin (self, error))
    return 0;

  id = measures_store_add_measure (self, fresh, error);
  if (id == 0 ||
      !record_change (self, id, now, author, "created", NULL,
                      measures_measure_get_title (fresh), error))
    return fail_write (self);

  if (!finish_write (self, id, error))
    return 0;

  return id;
}

static char *
join_strv (const char * const *strv,
           const char         *separator)
{
  return g_strjoinv (separator, (GStrv)strv);
}

static gboolean
update_column (MeasuresStore  *self,
               const char     *sql,
               gint64          measure_id,
               const GValue   *value,
               GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  if (G_VALUE_HOLDS_STRING (value))
    bind_text (stmt, 1, g_value_get_string (value));
  else
    sqlite3_bind_int64 (stmt, 1, g_value_get_int64 (value));
  sqlite3_bind_int64 (stmt, 2, measure_id);

  return step_done (self, stmt, error);
}

/**
 * measures_store_update_measure:
 * @measure: the measure as edited, with the id of the stored one
 * @author: who edits it, for the history
 *
 * Saves the fields of a measure's sheet (title, goal, description,
 * objectives, lead, actors, offices, priority, period, costs) in one
 * transaction, with one history row for each field that changed. Status
 * and progress change through the progress log only.
 *
 * Returns: %FALSE with @error set if nothing was saved
 */
gboolean
measures_store_update_measure (MeasuresStore    *self,
                               MeasuresMeasure  *measure,
                               const char       *author,
                               GError          **error)
{
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autofree char *now = now_iso8601 ();
  gint64 id;
  gboolean changed = FALSE;
  struct {
    const char *field;
    const char *sql;
    char *old_text;
    char *new_text;
  } texts[] = {
    { "title", "UPDATE measures SET title = ?1, title_key = measures_sort_key (?1) WHERE id = ?2" },
    { "description", "UPDATE measures SET description = ? WHERE id = ?" },
    { "lead", "UPDATE measures SET lead = ? WHERE id = ?" },
    { "actors", "UPDATE measures SET actors = ? WHERE id = ?" },
    { "period", "UPDATE measures SET period = ? WHERE id = ?" },
    { "costs", "UPDATE measures SET costs = ? WHERE id = ?" },
    { "priority", "UPDATE measures SET priority = ? WHERE id = ?" },
    { "goal", NULL },
    { "objectives", NULL },
    { "lead_offices", NULL },
    { "involved_offices", NULL },
  };

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (MEASURES_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  if (!measures_store_validate_measure (measure, NULL, error))
    return FALSE;

  id = measures_measure_get_id (measure);
  if (!measures_store_begin (self, error))
    return FALSE;

  stored = measures_store_get_measure (self, id, error);
  if (stored == NULL)
    return fail_write (self);

#define BOTH(getter) measures_measure_get_##getter (stored), measures_measure_get_##getter (measure)
  {
    const char *pairs[][2] = {
      { BOTH (title) }, { BOTH (description) }, { BOTH (lead) }, { BOTH (actors) },
      { BOTH (period) }, { BOTH (costs) },
    };
    for (guint i = 0; i < G_N_ELEMENTS (pairs); i++)
      {
        texts[i].old_text = g_strdup (pairs[i][0]);
        texts[i].new_text = g_strdup (pairs[i][1]);
      }
  }
#undef BOTH
  texts[6].old_text = g_strdup (measures_priority_to_string (measures_measure_get_priority (stored)));
  texts[6].new_text = g_strdup (measures_priority_to_string (measures_measure_get_priority (measure)));
  texts[7].old_text = g_strdup_printf ("%u", measures_measure_get_goal (stored));
  texts[7].new_text = g_strdup_printf ("%u", measures_measure_get_goal (measure));
  texts[8].old_text = join_strv (measures_measure_get_objectives (stored), "\n");
  texts[8].new_text = join_strv (measures_measure_get_objectives (measure), "\n");
  texts[9].old_text = join_strv (measures_measure_get_lead_offices (stored), ", ");
  texts[9].new_text = join_strv (measures_measure_get_lead_offices (measure), ", ");
  texts[10].old_text = join_strv (measures_measure_get_involved_offices (stored), ", ");
  texts[10].new_text = join_strv (measures_measure_get_involved_offices (measure), ", ");

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_auto(GValue) value = G_VALUE_INIT;
      gboolean ok = TRUE;

      if (g_str_equal (texts[i].old_text, texts[i].new_text))
        continue;

      changed = TRUE;
      if (g_str_equal (texts[i].field, "priority"))
        {
          g_value_init (&value, G_TYPE_INT64);
          g_value_set_int64 (&value, measures_measure_get_priority (measure));
          ok = update_column (self, texts[i].sql, id, &value, error);
        }
      else if (g_str_equal (texts[i].field, "goal"))
        {
          guint position;
          g_autoptr(sqlite3_stmt) stmt = NULL;

          ok = next_position (self, measures_measure_get_goal (measure), &position, error) &&
               (stmt = prepare (self,
                                "UPDATE measures SET goal_id = (SELECT id FROM goals WHERE number = ?),"
                                " position = ? WHERE id = ?",
                                error)) != NULL;
          if (ok)
            {
              sqlite3_bind_int (stmt, 1, measures_measure_get_goal (measure));
              sqlite3_bind_int (stmt, 2, position);
              sqlite3_bind_int64 (stmt, 3, id);
              ok = sqlite3_step (stmt) == SQLITE_DONE ||
                   (g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                                 _("The measure “%s” belongs to goal %u, which does not exist."),
                                 measures_measure_get_title (measure),
                                 measures_measure_get_goal (measure)), FALSE);
            }
        }
      else if (g_str_equal (texts[i].field, "objectives"))
        ok = replace_objectives (self, id, measures_measure_get_objectives (measure), error);
      else if (g_str_has_suffix (texts[i].field, "_offices"))
        {
          /* Both link lists are rewritten together, once. */
          if (!g_str_equal (texts[i].field, "involved_offices") ||
              g_str_equal (texts[9].old_text, texts[9].new_text))
            ok = replace_links (self, id, measure, error);
        }
      else
        {
          g_value_init (&value, G_TYPE_STRING);
          g_value_set_string (&value, texts[i].new_text);
          ok = update_column (self, texts[i].sql, id, &value, error);
        }

      if (!ok || !record_change (self, id, now, author, texts[i].field, texts[i].old_text,
                                 texts[i].new_text, error))
        {
          for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
            {
              g_free (texts[j].old_text);
              g_free (texts[j].new_text);
            }
          return fail_write (self);
        }
    }

  for (guint j = 0; j < G_N_ELEMENTS (texts); j++)
    {
      g_free (texts[j].old_text);
      g_free (texts[j].new_text);
    }

  if (!changed)
    {
      measures_store_rollback (self);
      return TRUE;
    }

  if (!touch_measure (self, id, now, error) || !refresh_search_index (self, id, error))
    return fail_write (self);

  return finish_write (self, id, error);
}

/**
 * measures_store_set_removed:
 * @id: a measure's id
 * @removed: %TRUE to remove the measure from the strategy, %FALSE to
 *   restore it
 * @author: who does it, for the history
 *
 * Removes a measure, keeping everything about it so that it can be
 * restored, or restores it.
 *
 * Returns: %FALSE with @error set if nothing changed
 */
gboolean
measures_store_set_removed (MeasuresStore  *self,
                            gint64          id,
                            gboolean        removed,
                            const char     *author,
                            GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autofree char *now = now_iso8601 ();

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  if (!measures_store_begin (self, error))
    return FALSE;

  stored = measures_store_get_measure (self, id, error);
  if (stored == NULL)
    return fail_write (self);

  if ((measures_measure_get_removed (stored) != NULL) == !!removed)
    {
      measures_store_rollback (self);
      return TRUE;
    }

  self->counts_changed = TRUE;
  stmt = prepare (self, "UPDATE measures SET removed = ?, updated = ? WHERE id = ?", error);
  if (stmt == NULL)
    return fail_write (self);
  bind_text (stmt, 1, removed ? now : NULL);
  bind_text (stmt, 2, now);
  sqlite3_bind_int64 (stmt, 3, id);

  if (!step_done (self, stmt, error) ||
      !record_change (self, id, now, author, removed ? "removed" : "restored", NULL,
                      measures_measure_get_title (stored), error))
    return fail_write (self);

  return finish_write (self, id, error);
}

static gboolean
set_state (MeasuresStore   *self,
           MeasuresMeasure *stored,
           MeasuresStatus   status,
           guint            progress,
           gboolean         derived,
           const char      *now,
           const char      *author,
           GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 id = measures_measure_get_id (stored);
  MeasuresStatus old_status = measures_measure_get_status (stored);
  guint old_progress = measures_measure_get_progress (stored);

  stmt = prepare (self,
                  "UPDATE measures SET status = ?, progress = ?, status_derived = ?, updated = ? "
                  "WHERE id = ?",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, status);
  sqlite3_bind_int (stmt, 2, progress);
  sqlite3_bind_int (stmt, 3, derived);
  bind_text (stmt, 4, now);
  sqlite3_bind_int64 (stmt, 5, id);
  if (!step_done (self, stmt, error))
    return FALSE;

  if (old_status != status &&
      !record_change (self, id, now, author, "status", measures_status_to_string (old_status),
                      measures_status_to_string (status), error))
    return FALSE;

  if (old_progress != progress)
    {
      g_autofree char *old_text = g_strdup_printf ("%u", old_progress);
      g_autofree char *new_text = g_strdup_printf ("%u", progress);

      if (!record_change (self, id, now, author, "progress", old_text, new_text, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * measures_store_add_log_entry:
 * @measure_id: the measure the entry reports on
 * @status: the measure's status as of this entry
 * @progress: the measure's progress as of this entry, 0 to 100
 * @text: (nullable): what happened
 * @author: who reports it
 *
 * Adds a dated entry to a measure's progress log and sets the measure's
 * status and progress to the entry's, in one transaction.
 *
 * Returns: the entry's id, or 0 with @error set
 */
gint64
measures_store_add_log_entry (MeasuresStore   *self,
                              gint64           measure_id,
                              MeasuresStatus   status,
                              guint            progress,
                              const char      *text,
                              const char      *author,
                              GError         **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autofree char *now = now_iso8601 ();
  gint64 entry_id;

  g_return_val_if_fail (MEASURES_IS_STORE (self), 0);
  g_return_val_if_fail (author != NULL, 0);

  if (text == NULL)
    text = "";

  if (status >= MEASURES_N_STATUSES || progress > 100)
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("The progress must be between 0 and 100 percent."));
      return 0;
    }

  if (!g_utf8_validate (text, -1, NULL) || too_long (text, MEASURES_MAX_TEXT_LENGTH))
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   ngettext ("The text is too long: at most %ld character.",
                             "The text is too long: at most %ld characters.",
                             (glong)MEASURES_MAX_TEXT_LENGTH),
                   (glong)MEASURES_MAX_TEXT_LENGTH);
      return 0;
    }

  if (!measures_store_begin (self, error))
    return 0;

  stored = measures_store_get_measure (self, measure_id, error);
  if (stored == NULL)
    return fail_write (self);

  stmt = prepare (self,
                  "INSERT INTO log_entries (measure_id, date, author, status, progress, text) "
                  "VALUES (?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return fail_write (self);

  sqlite3_bind_int64 (stmt, 1, measure_id);
  bind_text (stmt, 2, now);
  bind_text (stmt, 3, author);
  sqlite3_bind_int (stmt, 4, status);
  sqlite3_bind_int (stmt, 5, progress);
  bind_text (stmt, 6, text);
  if (!step_done (self, stmt, error))
    return fail_write (self);
  entry_id = sqlite3_last_insert_rowid (self->db);

  if (!record_change (self, measure_id, now, author, "log", NULL, text, error) ||
      !set_state (self, stored, status, progress, FALSE, now, author, error))
    return fail_write (self);

  if (!finish_write (self, measure_id, error))
    return 0;

  return entry_id;
}

/**
 * measures_store_withdraw_log_entry:
 * @entry_id: the entry to withdraw
 * @status: the measure's status to go back to
 * @progress: the measure's progress to go back to
 * @derived: whether that status was the derived one
 * @author: who withdraws it
 *
 * Undoes a log entry: the entry is kept but marked withdrawn, and the
 * measure gets back its status and progress from before the entry.
 *
 * Returns: %FALSE with @error set if nothing changed
 */
gboolean
measures_store_withdraw_log_entry (MeasuresStore   *self,
                                   gint64           entry_id,
                                   MeasuresStatus   status,
                                   guint            progress,
                                   gboolean         derived,
                                   const char      *author,
                                   GError         **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);

  return measures_store_set_log_entry_withdrawn (self, entry_id, TRUE, status, progress, derived,
                                                 author, error);
}

/**
 * measures_store_set_log_entry_withdrawn:
 * @withdrawn: %TRUE to withdraw the entry, %FALSE to reinstate it
 * @status: with @withdrawn, the status to go back to
 * @progress: with @withdrawn, the progress to go back to
 * @derived: with @withdrawn, whether that status was the derived one
 *
 * Withdraws a log entry (see measures_store_withdraw_log_entry()), or
 * reinstates it, which sets the measure's status and progress to the
 * entry's again.
 *
 * Returns: %FALSE with @error set if nothing changed
 */
gboolean
measures_store_set_log_entry_withdrawn (MeasuresStore   *self,
                                        gint64           entry_id,
                                        gboolean         withdrawn,
                                        MeasuresStatus   status,
                                        guint            progress,
                                        gboolean         derived,
                                        const char      *author,
                                        GError         **error)
{
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) mark = NULL;
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autofree char *now = now_iso8601 ();
  g_autofree char *text = NULL;
  gint64 measure_id;
  int rc;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  if (!measures_store_begin (self, error))
    return FALSE;

  read = prepare (self, "SELECT measure_id, status, progress, text FROM log_entries WHERE id = ?",
                  error);
  if (read == NULL)
    return fail_write (self);
  sqlite3_bind_int64 (read, 1, entry_id);
  rc = sqlite3_step (read);
  if (rc != SQLITE_ROW)
    {
      if (rc == SQLITE_DONE)
        g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                             _("The log entry no longer exists."));
      else
        set_db_error (self, rc, error);
      return fail_write (self);
    }

  measure_id = sqlite3_column_int64 (read, 0);
  if (!withdrawn)
    {
      status = CLAMP (sqlite3_column_int (read, 1), 0, MEASURES_N_STATUSES - 1);
      progress = CLAMP (sqlite3_column_int (read, 2), 0, 100);
      derived = FALSE;
    }
  text = g_strdup (column_text (read, 3));

  stored = measures_store_get_measure (self, measure_id, error);
  if (stored == NULL)
    return fail_write (self);

  mark = prepare (self, "UPDATE log_entries SET withdrawn = ? WHERE id = ?", error);
  if (mark == NULL)
    return fail_write (self);
  bind_text (mark, 1, withdrawn ? now : NULL);
  sqlite3_bind_int64 (mark, 2, entry_id);

  if (!step_done (self, mark, error) ||
      !record_change (self, measure_id, now, author, "log", withdrawn ? text : NULL,
                      withdrawn ? NULL : text, error) ||
      !set_state (self, stored, status, progress, derived, now, author, error))
    return fail_write (self);

  return finish_write (self, measure_id, error);
}

/**
 * measures_store_list_log:
 * @measure_id: a measure's id
 * @include_withdrawn: whether to list withdrawn entries too
 *
 * Returns: (transfer full): the measure's #MeasuresLogEntry list, newest
 *   first, or %NULL with @error set
 */
GListModel *
measures_store_list_log (MeasuresStore  *self,
                         gint64          measure_id,
                         gboolean        include_withdrawn,
                         GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) entries = g_list_store_new (MEASURES_TYPE_LOG_ENTRY);
  int rc;

  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  stmt = prepare (self,
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
                                      column_text (stmt, 1), column_text (stmt, 2),
                                      CLAMP (sqlite3_column_int (stmt, 3), 0,
                                             MEASURES_N_STATUSES - 1),
                                      CLAMP (sqlite3_column_int (stmt, 4), 0, 100),
                                      column_text (stmt, 5),
                                      (const char *)sqlite3_column_text (stmt, 6));
      g_list_store_append (entries, entry);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&entries));
}

/**
 * measures_store_list_history:
 * @measure_id: a measure's id
 *
 * Returns: (transfer full): the measure's #MeasuresChange list, newest
 *   first, or %NULL with @error set
 */
GListModel *
measures_store_list_history (MeasuresStore  *self,
                             gint64          measure_id,
                             GError        **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) changes = g_list_store_new (MEASURES_TYPE_CHANGE);
  int rc;

  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  stmt = prepare (self,
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
                                    column_text (stmt, 1), column_text (stmt, 2),
                                    column_text (stmt, 3),
                                    (const char *)sqlite3_column_text (stmt, 4),
                                    (const char *)sqlite3_column_text (stmt, 5));
      g_list_store_append (changes, change);
    }

  if (rc != SQLITE_DONE)
    {
      set_db_error (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&changes));
}

/**
 * measures_store_insert_log_entry:
 * @measure_id: the measure in this store that the entry belongs to
 * @entry: an entry as exported; its ids are ignored
 *
 * Stores a log entry as it is, without touching the measure or the
 * history: for imports. Call inside a transaction.
 */
gboolean
measures_store_insert_log_entry (MeasuresStore     *self,
                                 gint64             measure_id,
                                 MeasuresLogEntry  *entry,
                                 GError           **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (MEASURES_IS_LOG_ENTRY (entry), FALSE);

  stmt = prepare (self,
                  "INSERT INTO log_entries (measure_id, date, author, status, progress, text,"
                  "                         withdrawn) VALUES (?, ?, ?, ?, ?, ?, ?)",
                  error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int64 (stmt, 1, measure_id);
  bind_text (stmt, 2, measures_log_entry_get_date (entry));
  bind_text (stmt, 3, measures_log_entry_get_author (entry));
  sqlite3_bind_int (stmt, 4, measures_log_entry_get_status (entry));
  sqlite3_bind_int (stmt, 5, measures_log_entry_get_progress (entry));
  bind_text (stmt, 6, measures_log_entry_get_text (entry));
  bind_text (stmt, 7, measures_log_entry_get_withdrawn (entry));

  return step_done (self, stmt, error);
}

/**
 * measures_store_insert_change:
 * @measure_id: the measure in this store that the change belongs to
 * @change: a history row as exported; its ids are ignored
 *
 * Stores a history row as it is: for imports. Call inside a transaction.
 */
gboolean
measures_store_insert_change (MeasuresStore   *self,
                              gint64           measure_id,
                              MeasuresChange  *change,
                              GError         **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (MEASURES_IS_CHANGE (change), FALSE);

  return record_change (self, measure_id, measures_change_get_date (change),
                        measures_change_get_author (change), measures_change_get_field (change),
                        measures_change_get_old_value (change),
                        measures_change_get_new_value (change), error);
}

/**
 * measures_store_get_connection: (skip)
 *
 * Returns: the SQLite connection, for the backup module only
 */
sqlite3 *
measures_store_get_connection (MeasuresStore *self)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return self->db;
}
