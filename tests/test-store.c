/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <unistd.h>

#include "measures-backup.h"
#include "measures-test-util.h"
#include "sqlite/measures-sqlite-store.h"

static int
query_int (const char *path,
           const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  int value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = sqlite3_column_int (stmt, 0);
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static char *
query_text (const char *path,
            const char *sql)
{
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  char *value;

  g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  value = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  return value;
}

static void
write_file (const char *path,
            const char *contents)
{
  g_autoptr(GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

static void
assert_file_contents (const char *path,
                      const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;

  g_file_get_contents (path, &contents, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (contents, ==, expected);
}

static void
test_create_schema (TempDir       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (fixture, "new/folder/strategy.db");
  g_autoptr(MeasuresStore) store = measures_store_open (path, &error);
  g_autofree char *journal = NULL;
  gboolean empty = FALSE;

  g_assert_no_error (error);
  g_assert_nonnull (store);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
  g_assert_cmpstr (measures_store_get_path (store), ==, path);

  g_assert_true (measures_store_is_empty (store, &empty, &error));
  g_assert_no_error (error);
  g_assert_true (empty);

  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==,
                   measures_sqlite_store_get_schema_version ());
  journal = query_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (journal, ==, "wal");
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_schema WHERE type = 'table' "
                                    "AND name IN ('vision', 'vision_statements', 'goals', "
                                    "'offices', 'measures', 'objectives', 'measure_offices')"),
                   ==, 7);
}

static void
test_reopen_keeps_data (TempDir       *fixture,
                        gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (fixture, "strategy.db");
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GListModel) measures = NULL;
  gboolean empty = TRUE;

  g_clear_object (&store);

  store = measures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (measures_store_is_empty (store, &empty, &error));
  g_assert_false (empty);

  /* Opening again must not import a second copy. */
  g_assert_true (measures_import_ensure_data (store, &error));
  g_assert_no_error (error);
  measures = measures_store_list_measures (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 50);
}

static void
test_foreign_keys_enforced (TempDir       *fixture,
                            gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  const char *offices[] = { "SAM", NULL };
  const char *none[] = { NULL };
  g_autoptr(MeasuresMeasure) orphan = NULL;

  /* A measure of a goal that does not exist is refused with a message. */
  orphan = g_object_new (MEASURES_TYPE_MEASURE,
                         "goal", 9, "title", "Neue Maßnahme",
                         "lead-offices", offices, "involved-offices", none, NULL);
  g_assert_true (measures_store_begin (store, &error));
  g_assert_cmpint (measures_store_add_measure (store, orphan, &error), ==, 0);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Neue Maßnahme"));
  measures_store_rollback (store);
}

static void
test_add_measure_validation (TempDir       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresMeasure) untitled = NULL;
  g_autoptr(MeasuresMeasure) unknown_office = NULL;
  g_autoptr(MeasuresMeasure) twice = NULL;
  g_autoptr(MeasuresMeasure) good = NULL;
  g_autoptr(GListModel) measures = NULL;
  const char *unknown[] = { "Amt für Träume", NULL };
  const char *sam[] = { "SAM", NULL };
  const char *none[] = { NULL };
  const char *objectives[] = { "Erstes Ziel", "Zweites Ziel", NULL };
  gint64 id;

  untitled = g_object_new (MEASURES_TYPE_MEASURE, "goal", 1, "title", "   ", NULL);
  unknown_office = g_object_new (MEASURES_TYPE_MEASURE, "goal", 1, "title", "Traum",
                                 "lead-offices", unknown, NULL);
  twice = g_object_new (MEASURES_TYPE_MEASURE, "goal", 1, "title", "Doppelt",
                        "lead-offices", sam, "involved-offices", sam, NULL);

  g_assert_true (measures_store_begin (store, &error));

  g_assert_cmpint (measures_store_add_measure (store, untitled, &error), ==, 0);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_cmpint (measures_store_add_measure (store, unknown_office, &error), ==, 0);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "Amt für Träume"));
  g_clear_error (&error);

  g_assert_cmpint (measures_store_add_measure (store, twice, &error), ==, 0);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
  g_clear_error (&error);

  measures_store_rollback (store);

  /* Nothing of the refused measures is left behind. */
  measures = measures_store_list_measures (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 50);
  g_clear_object (&measures);

  /* Text is stored literally: quotes, SQL and emoji included. */
  good = g_object_new (MEASURES_TYPE_MEASURE,
                       "goal", 3, "position", 9,
                       "title", "Robert'); DROP TABLE measures;-- „Test“ 🌍",
                       "priority", MEASURES_PRIORITY_LOW,
                       "objectives", objectives,
                       "lead-offices", sam, "involved-offices", none, NULL);
  g_assert_true (measures_store_begin (store, &error));
  id = measures_store_add_measure (store, good, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_true (measures_store_commit (store, &error));

  measures = measures_store_list_measures (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 51);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);

      if (measures_measure_get_id (measure) != id)
        continue;

      g_assert_cmpstr (measures_measure_get_title (measure), ==,
                       "Robert'); DROP TABLE measures;-- „Test“ 🌍");
      g_assert_cmpuint (measures_measure_get_goal (measure), ==, 3);
      g_assert_cmpint (measures_measure_get_priority (measure), ==, MEASURES_PRIORITY_LOW);
      g_assert_cmpstrv (measures_measure_get_objectives (measure), objectives);
      g_assert_cmpstrv (measures_measure_get_lead_offices (measure), sam);
      g_assert_null (measures_measure_get_overview_title (measure));
      return;
    }

  g_assert_not_reached ();
}

static void
test_not_a_database (TempDir       *fixture,
                     gconstpointer  data)
{
  static const char notes[] = "Besprechung am Montag: Europatag vorbereiten.\n";
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (fixture, "notes.txt");
  g_autofree char *wal = temp_path (fixture, "notes.txt-wal");
  g_autoptr(MeasuresStore) store = NULL;

  write_file (path, notes);

  store = measures_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, path));

  /* The user's file is left exactly as it was. */
  assert_file_contents (path, notes);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_foreign_database (TempDir       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (fixture, "other.db");
  g_autoptr(MeasuresStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE budget (year INTEGER, amount REAL);"
                                     "INSERT INTO budget VALUES (2024, 1.5)",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = measures_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FOREIGN);
  g_assert_nonnull (strstr (error->message, path));

  g_assert_cmpint (query_int (path, "SELECT count(*) FROM sqlite_schema"), ==, 1);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 0);
}

static void
test_newer_schema (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (fixture, "future.db");
  g_autoptr(MeasuresStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE goals (id INTEGER);"
                                     "PRAGMA user_version = 999",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = measures_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_TOO_NEW);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 999);
}

/* A damaged header can make the data version negative, which no version
 * writes: refused as damaged, and not read as a list index. */
static void
test_negative_schema (TempDir       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (fixture, "damaged.db");
  g_autoptr(MeasuresStore) store = NULL;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "CREATE TABLE goals (id INTEGER);"
                                     "PRAGMA user_version = -2147483644",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  store = measures_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CORRUPT);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, -2147483644);
}

static void
test_empty_file_is_new_database (TempDir       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (fixture, "empty.db");
  g_autoptr(MeasuresStore) store = NULL;

  write_file (path, "");
  store = measures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_nonnull (store);
}

static void
test_path_cannot_be_created (TempDir       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *file = temp_path (fixture, "a-file");
  g_autofree char *path = g_build_filename (file, "sub", "strategy.db", NULL);
  g_autoptr(MeasuresStore) store = NULL;

  write_file (file, "x");

  /* A folder cannot be made inside a file. */
  store = measures_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, file));
  assert_file_contents (file, "x");
}

static void
test_path_is_folder (TempDir       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = NULL;

  store = measures_store_open (fixture->dir, &error);
  g_assert_null (store);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN);
}

static void
test_read_only_file (TempDir       *fixture,
                     gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (fixture, "strategy.db");
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);

  if (geteuid () == 0)
    {
      g_test_skip ("File permissions do not bind root");
      return;
    }

  g_clear_object (&store);
  g_assert_cmpint (g_chmod (path, 0444), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir, 0555), ==, 0);

  store = measures_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_READ_ONLY);
}

static void
test_migrate_from_version_1 (TempDir       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (fixture, "old.db");
  g_autofree char *sql = NULL;
  g_autofree char *fixture_path = g_test_build_filename (G_TEST_DIST, "fixtures",
                                                         "strategy-v1.sql", NULL);
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(GHashTable) found = NULL;
  sqlite3 *db = NULL;
  guint in_progress = 0;

  /* A database as the first version wrote it. */
  g_assert_true (g_file_get_contents (fixture_path, &sql, NULL, &error));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, sql, NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==, 1);

  store = measures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==,
                   measures_sqlite_store_get_schema_version ());

  /* Nothing lost, the status derived, the search index built. */
  measures = measures_store_list_measures (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 50);
  for (guint i = 0; i < 50; i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);

      in_progress += measures_measure_get_status (measure) == MEASURES_STATUS_IN_PROGRESS;
      g_assert_true (measures_measure_get_status_derived (measure));
    }
  g_assert_cmpuint (in_progress, ==, 22);
  /* Schema 3 filled in every title's sort key. */
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM measures WHERE title_key = ''"), ==, 0);
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM measures "
                                    "WHERE title_key = 'karlsruhe feiert den europatag am 9 mai'"),
                   ==, 1);

  g_assert_true (measures_store_search (store, "Kulturbüro", &found, &error));
  g_assert_cmpuint (g_hash_table_size (found), ==, 1);

  /* The old file was copied aside, unchanged, before the migration. */
  {
    g_autoptr(GPtrArray) backups = measures_backup_list (path);

    g_assert_cmpuint (backups->len, ==, 1);
    g_assert_true (g_str_has_suffix (g_ptr_array_index (backups, 0), "-before-migration.db"));
    g_assert_cmpint (query_int (g_ptr_array_index (backups, 0), "PRAGMA user_version"), ==, 1);
    g_assert_cmpint (query_int (g_ptr_array_index (backups, 0), "SELECT count(*) FROM measures"),
                     ==, 50);
  }
}

static void
test_private_file (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autofree char *path = temp_path (fixture, "strategy.db");
  g_autofree char *wal = temp_path (fixture, "strategy.db-wal");
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  GStatBuf buf;

  /* Readable and writable by its owner only, the write-ahead log too. */
  g_assert_cmpint (g_stat (path, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  g_assert_cmpint (g_stat (wal, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
}

typedef struct
{
  char *path;
  GMutex lock;
  GCond started;
  gboolean holding;
} Holder;

/* Another process's writer, holding the database for a moment. */
static gpointer
hold_write_lock (gpointer data)
{
  Holder *holder = data;
  sqlite3 *db = NULL;

  g_assert_cmpint (sqlite3_open (holder->path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "BEGIN IMMEDIATE; UPDATE goals SET title = title",
                                 NULL, NULL, NULL), ==, SQLITE_OK);
  g_mutex_lock (&holder->lock);
  holder->holding = TRUE;
  g_cond_signal (&holder->started);
  g_mutex_unlock (&holder->lock);

  g_usleep (400 * 1000);
  g_assert_cmpint (sqlite3_exec (db, "COMMIT", NULL, NULL, NULL), ==, SQLITE_OK);
  sqlite3_close (db);

  return NULL;
}

static void
test_concurrent_writer (TempDir       *fixture,
                        gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  Holder holder = { 0 };
  GThread *thread;

  measures = measures_store_list_measures (store, &error);
  measure = g_list_model_get_item (measures, 0);

  holder.path = temp_path (fixture, "strategy.db");
  g_mutex_init (&holder.lock);
  g_cond_init (&holder.started);
  thread = g_thread_new ("holder", hold_write_lock, &holder);
  g_mutex_lock (&holder.lock);
  while (!holder.holding)
    g_cond_wait (&holder.started, &holder.lock);
  g_mutex_unlock (&holder.lock);

  /* Reading goes on meanwhile, and writing waits its turn: no "database
   * is locked" for the user. */
  g_clear_object (&measures);
  measures = measures_store_list_measures (store, &error);
  g_assert_no_error (error);
  g_assert_cmpint (measures_store_add_log_entry (store, measures_measure_get_id (measure), current_revision (store, measures_measure_get_id (measure)),
                                                 MEASURES_STATUS_IN_PROGRESS, 10, "Weiter.",
                                                 "Test", NULL, &error), >, 0);
  g_assert_no_error (error);

  g_thread_join (thread);
  g_free (holder.path);
  g_mutex_clear (&holder.lock);
  g_cond_clear (&holder.started);
}

/* On a network file system, the file keeps a rollback journal instead of
 * a write-ahead log, which needs memory shared between its users; writes
 * from two connections are still checked against each other. */
static void
test_network_file_system (TempDir       *fixture,
                          gconstpointer  data)
{
  g_autofree char *path = temp_path (fixture, "strategy.db");
  g_autofree char *wal = temp_path (fixture, "strategy.db-wal");
  g_autofree char *mode = NULL;
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(MeasuresStore) other = NULL;
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(GError) error = NULL;

  g_setenv ("MEASURES_NETWORK_FILE_SYSTEM", "1", TRUE);
  store = open_filled_store (fixture);
  other = measures_store_open (path, &error);
  g_unsetenv ("MEASURES_NETWORK_FILE_SYSTEM");
  g_assert_no_error (error);

  g_assert_true (measures_sqlite_store_get_network_mode (MEASURES_SQLITE_STORE (store)));
  mode = query_text (path, "PRAGMA journal_mode");
  g_assert_cmpstr (mode, ==, "delete");
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));

  measures = measures_store_list_measures (store, &error);
  measure = g_list_model_get_item (measures, 0);
  edited = measures_measure_copy_with (measure, "costs", "keine", NULL);
  g_assert_true (measures_store_update_measure (other, edited,
                                                measures_measure_get_revision (measure), "B",
                                                NULL, &error));
  g_assert_no_error (error);
  g_assert_false (measures_store_update_measure (store, edited,
                                                 measures_measure_get_revision (measure), "A",
                                                 NULL, &error));
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CONFLICT);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
}

static void
test_backup_and_restore (TempDir       *fixture,
                         gconstpointer  data)
{
  g_autofree char *path = temp_path (fixture, "strategy.db");
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(MeasuresMeasure) restored = NULL;
  g_autoptr(GPtrArray) backups = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *daily = NULL;
  g_autofree char *again = NULL;
  GStatBuf buf;
  gint64 id;

  measures = measures_store_list_measures (store, &error);
  measure = g_list_model_get_item (measures, 0);
  id = measures_measure_get_id (measure);

  /* Once a day, private, at most as many as asked for. */
  g_assert_true (measures_backup_make_daily (store, 3, &daily, &error));
  g_assert_no_error (error);
  g_assert_nonnull (daily);
  g_assert_true (measures_backup_make_daily (store, 3, &again, &error));
  g_assert_null (again);
  g_assert_cmpint (g_stat (daily, &buf), ==, 0);
  g_assert_cmpint (buf.st_mode & 0777, ==, 0600);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *extra = NULL;

      extra = measures_backup_make (store, "test", 3, &error);
      g_assert_no_error (error);
    }
  backups = measures_backup_list (path);
  g_assert_cmpuint (backups->len, ==, 3);

  /* A change after the newest backup … */
  edited = measures_measure_copy_with (measure, "title", "Geändert", NULL);
  g_assert_true (measures_store_update_measure (store, edited, current_revision (store, measures_measure_get_id (edited)), "Test", NULL, &error));
  g_clear_object (&store);

  /* … is gone once it is restored, and the store opens as before. */
  g_assert_true (measures_backup_restore (g_ptr_array_index (backups, 0), path, &error));
  g_assert_no_error (error);
  store = measures_store_open (path, &error);
  g_assert_no_error (error);
  restored = measures_store_get_measure (store, id, &error);
  g_assert_cmpstr (measures_measure_get_title (restored), ==, measures_measure_get_title (measure));
  g_assert_cmpint (query_int (path, "PRAGMA user_version"), ==,
                   measures_sqlite_store_get_schema_version ());
}

static void
test_restore_refuses_bad_backup (TempDir       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *path = temp_path (fixture, "strategy.db");
  g_autofree char *bad = temp_path (fixture, "bad.db");
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GError) error = NULL;

  g_clear_object (&store);
  write_file (bad, "not a database at all");
  g_assert_false (measures_backup_restore (bad, path, &error));
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_NOT_A_DATABASE);

  /* The database is untouched. */
  g_assert_cmpint (query_int (path, "SELECT count(*) FROM measures"), ==, 50);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/store/" name, TempDir, NULL, temp_dir_setup, func, temp_dir_teardown)

  ADD ("create-schema", test_create_schema);
  ADD ("reopen-keeps-data", test_reopen_keeps_data);
  ADD ("foreign-keys", test_foreign_keys_enforced);
  ADD ("add-measure-validation", test_add_measure_validation);
  ADD ("not-a-database", test_not_a_database);
  ADD ("foreign-database", test_foreign_database);
  ADD ("newer-schema", test_newer_schema);
  ADD ("negative-schema", test_negative_schema);
  ADD ("empty-file", test_empty_file_is_new_database);
  ADD ("path-cannot-be-created", test_path_cannot_be_created);
  ADD ("path-is-folder", test_path_is_folder);
  ADD ("read-only-file", test_read_only_file);
  ADD ("migrate-from-version-1", test_migrate_from_version_1);
  ADD ("private-file", test_private_file);
  ADD ("concurrent-writer", test_concurrent_writer);
  ADD ("network-file-system", test_network_file_system);
  ADD ("backup-and-restore", test_backup_and_restore);
  ADD ("restore-refuses-bad-backup", test_restore_refuses_bad_backup);

#undef ADD

  return g_test_run ();
}
