/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>

#include "measures-backup.h"
#include "measures-format.h"
#include "measures-test-util.h"

/* The backups as the user chooses among them: when and why each was made,
 * what it holds, in the interface language; and that making, listing and
 * restoring backups leaves no "-wal" or "-shm" file anywhere. */

static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  *(GAsyncResult **)user_data = g_object_ref (result);
}

static GListModel *
load (const char *database)
{
  g_autoptr(GAsyncResult) result = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *backups;

  measures_backup_load_async (database, NULL, got_result, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  backups = measures_backup_load_finish (result, &error);
  g_assert_no_error (error);
  g_assert_nonnull (backups);

  return backups;
}

/* Every file in @folder whose name ends in "-wal", "-shm" or "-journal". */
static guint
count_journals (const char *folder)
{
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;
  guint n = 0;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_suffix (name, "-wal") || g_str_has_suffix (name, "-shm") ||
        g_str_has_suffix (name, "-journal"))
      {
        g_test_message ("left beside: %s", name);
        n++;
      }

  return n;
}

static int
header_byte (const char *path,
             gsize       offset)
{
  g_autofree char *contents = NULL;
  gsize length = 0;

  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpuint (length, >, offset);
  return (guint8)contents[offset];
}

static void
test_names (void)
{
  static const struct {
    const char *name;
    int year, month, day, hour, minute;
    MeasuresBackupKind kind;
    const char *title;
  } cases[] = {
    { "strategy-20261201-091400-079060-daily.db", 2026, 12, 1, 9, 14,
      MEASURES_BACKUP_KIND_DAILY, "Tuesday, December 1, 2026, 09:14 — daily backup" },
    { "strategy-20261130-233114-000001-before-restore-2.db", 2026, 11, 30, 23, 31,
      MEASURES_BACKUP_KIND_BEFORE_RESTORE, "Monday, November 30, 2026, 23:31 — before a restore" },
    /* Earlier versions wrote no microseconds. */
    { "strategy-20260102-080000-before-migration.db", 2026, 1, 2, 8, 0,
      MEASURES_BACKUP_KIND_BEFORE_MIGRATION, "Friday, January 2, 2026, 08:00 — before an update" },
    { "strategy-20260102-080000-123456-test.db", 2026, 1, 2, 8, 0,
      MEASURES_BACKUP_KIND_OTHER, "Friday, January 2, 2026, 08:00 — backup" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *path = g_build_filename ("/nowhere", "backups", cases[i].name, NULL);
      g_autoptr(MeasuresBackup) backup = measures_backup_new (path);
      g_autofree char *title = measures_backup_dup_title (backup);
      g_autofree char *summary = measures_backup_dup_summary (backup);
      GDateTime *date = measures_backup_get_date (backup);

      g_assert_cmpint (g_date_time_get_year (date), ==, cases[i].year);
      g_assert_cmpint (g_date_time_get_month (date), ==, cases[i].month);
      g_assert_cmpint (g_date_time_get_day_of_month (date), ==, cases[i].day);
      g_assert_cmpint (g_date_time_get_hour (date), ==, cases[i].hour);
      g_assert_cmpint (g_date_time_get_minute (date), ==, cases[i].minute);
      g_assert_cmpint (measures_backup_get_kind (backup), ==, cases[i].kind);
      g_assert_cmpstr (title, ==, cases[i].title);
      /* Not read yet, and it does not exist. */
      g_assert_cmpint (measures_backup_get_n_measures (backup), ==, -1);
      g_assert_cmpstr (summary, ==, "Could not be read");
    }
}

/* Dates and kinds in the interface language, not the C library's. */
static void
test_titles_translated (void)
{
  static const struct {
    const char *language;
    const char *title;
    const char *summary;
  } cases[] = {
    { "de", "Dienstag, 1. Dezember 2026, 09:14 Uhr — tägliche Sicherung",
      "50 Maßnahmen, 1 Protokolleintrag" },
    { "fr", "mardi 1 décembre 2026 à 09:14 — sauvegarde quotidienne",
      "50 mesures, 1 entrée du journal" },
  };
  g_autoptr(MeasuresBackup) backup =
    measures_backup_new ("/nowhere/backups/strategy-20261201-091400-079060-daily.db");

  measures_i18n_setup (g_getenv ("MEASURES_LOCALEDIR"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *previous = measures_i18n_switch_language (cases[i].language);
      g_autofree char *title = measures_backup_dup_title (backup);

      g_assert_cmpstr (title, ==, cases[i].title);
      g_free (measures_i18n_switch_language (previous));
    }
}

/* Newest first, with what each holds, and nothing beside them. */
static void
test_load (TempDir       *fixture,
           gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autofree char *path = g_strdup (measures_store_get_path (store));
  g_autofree char *folder = measures_backup_get_folder (path);
  g_autofree char *daily = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(MeasuresMeasure) first = NULL;
  g_autoptr(MeasuresBackup) newest = NULL;
  g_autoptr(MeasuresBackup) oldest = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *summary = NULL;

  g_assert_true (measures_backup_make_daily (store, 7, &daily, &error));
  g_assert_no_error (error);

  /* Since the daily backup: a measure removed and two progress reports. */
  measures = measures_store_list_measures (store, &error);
  first = g_list_model_get_item (measures, 0);
  g_assert_true (measures_store_set_removed (store, measures_measure_get_id (first), current_revision (store, measures_measure_get_id (first)), TRUE, "Test", NULL,
                                             &error));
  for (guint i = 1; i <= 2; i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);

      g_assert_cmpint (measures_store_add_log_entry (store, measures_measure_get_id (measure), current_revision (store, measures_measure_get_id (measure)),
                                                     MEASURES_STATUS_IN_PROGRESS, 10 * i,
                                                     "Begonnen", "Test", NULL, &error), >, 0);
      g_assert_no_error (error);
    }
  before = measures_backup_make (store, "before-restore", 0, &error);
  g_assert_no_error (error);

  backups = load (path);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 2);
  newest = g_list_model_get_item (backups, 0);
  oldest = g_list_model_get_item (backups, 1);
  g_assert_cmpstr (measures_backup_get_path (newest), ==, before);
  g_assert_cmpstr (measures_backup_get_path (oldest), ==, daily);

  g_assert_cmpint (measures_backup_get_kind (newest), ==, MEASURES_BACKUP_KIND_BEFORE_RESTORE);
  g_assert_cmpint (measures_backup_get_n_measures (newest), ==, 49);
  g_assert_cmpint (measures_backup_get_n_log_entries (newest), ==, 2);
  summary = measures_backup_dup_summary (newest);
  g_assert_cmpstr (summary, ==, "49 measures, 2 log entries");

  g_assert_cmpint (measures_backup_get_kind (oldest), ==, MEASURES_BACKUP_KIND_DAILY);
  g_assert_cmpint (measures_backup_get_n_measures (oldest), ==, 50);
  g_assert_cmpint (measures_backup_get_n_log_entries (oldest), ==, 0);
  /* Made just now, in local time. */
  g_assert_cmpint (ABS (g_date_time_difference (now, measures_backup_get_date (oldest))), <,
                   60 * G_USEC_PER_SEC);

  /* Copies in rollback mode, read without leaving anything behind. */
  g_assert_cmpint (header_byte (daily, 18), ==, 1);
  g_assert_cmpuint (count_journals (folder), ==, 0);
}

/* A backup made, restored, and the state before restored again: no file
 * beside the backups, none of the old database beside the restored one. */
static void
test_no_stray_files (TempDir       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autofree char *path = g_strdup (measures_store_get_path (store));
  g_autofree char *folder = measures_backup_get_folder (path);
  g_autofree char *backup = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id;

  measures = measures_store_list_measures (store, &error);
  measure = g_list_model_get_item (measures, 0);
  id = measures_measure_get_id (measure);
  backup = measures_backup_make (store, "daily", 7, &error);
  g_assert_no_error (error);

  edited = measures_measure_copy_with (measure, "title", "Geändert", NULL);
  g_assert_true (measures_store_update_measure (store, edited, current_revision (store, measures_measure_get_id (edited)), "Test", NULL, &error));
  before = measures_backup_make (store, "before-restore", 0, &error);
  g_assert_no_error (error);
  g_clear_object (&store);
  g_assert_cmpuint (count_journals (fixture->dir), ==, 0);

  g_assert_true (measures_backup_restore (backup, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_journals (fixture->dir), ==, 0);
  g_assert_cmpuint (count_journals (folder), ==, 0);
  store = measures_store_open (path, &error);
  g_assert_no_error (error);
  stored = measures_store_get_measure (store, id, &error);
  g_assert_cmpstr (measures_measure_get_title (stored), ==, measures_measure_get_title (measure));
  g_clear_object (&stored);
  g_clear_object (&store);

  /* Undone: the state before is back. */
  g_assert_true (measures_backup_restore (before, path, &error));
  g_assert_no_error (error);
  store = measures_store_open (path, &error);
  stored = measures_store_get_measure (store, id, &error);
  g_assert_cmpstr (measures_measure_get_title (stored), ==, "Geändert");
  g_clear_object (&store);

  g_assert_cmpuint (count_journals (fixture->dir), ==, 0);
  g_assert_cmpuint (count_journals (folder), ==, 0);
  /* The backups themselves are as they were made. */
  g_assert_cmpint (header_byte (backup, 18), ==, 1);
  g_assert_cmpint (header_byte (before, 18), ==, 1);
}

/* Backups of earlier versions stayed in WAL mode, with "-wal" and "-shm"
 * files from every reading: listing them tidies them up. */
static void
test_tidies_old_backups (TempDir       *fixture,
                         gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autofree char *path = g_strdup (measures_store_get_path (store));
  g_autofree char *folder = measures_backup_get_folder (path);
  g_autofree char *old = g_build_filename (folder, "strategy-20261101-070000-daily.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GListModel) backups = NULL;
  g_autoptr(MeasuresBackup) backup = NULL;
  gsize length;
  sqlite3 *db;

  g_clear_object (&store);
  /* Closed, the database is a WAL-mode file as old backups were. */
  g_assert_cmpint (header_byte (path, 18), ==, 2);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (old, contents, length, NULL));
  /* What a reading of it left. */
  g_assert_cmpint (sqlite3_open_v2 (old, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "SELECT count(*) FROM measures", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  g_assert_cmpuint (count_journals (folder), ==, 2);

  backups = load (path);
  g_assert_cmpuint (g_list_model_get_n_items (backups), ==, 1);
  backup = g_list_model_get_item (backups, 0);
  g_assert_cmpint (measures_backup_get_n_measures (backup), ==, 50);
  g_assert_cmpint (header_byte (old, 18), ==, 1);
  g_assert_cmpuint (count_journals (folder), ==, 0);
}

/* A strategy from elsewhere is read, never written to, and left as it was
 * found; a file that is no strategy is refused in words that name it. */
static void
test_other_file (TempDir       *fixture,
                 gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autofree char *path = g_strdup (measures_store_get_path (store));
  g_autofree char *elsewhere = temp_path (fixture, "elsewhere");
  g_autofree char *other = g_build_filename (elsewhere, "copy.db", NULL);
  g_autofree char *text = g_build_filename (elsewhere, "notes.db", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(MeasuresBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  gsize length;

  g_clear_object (&store);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
  g_assert_cmpint (g_mkdir_with_parents (elsewhere, 0700), ==, 0);
  g_assert_true (g_file_set_contents (other, contents, length, NULL));
  g_assert_true (g_file_set_contents (text, "Protokoll der Sitzung\n", -1, NULL));

  backup = measures_backup_new (other);
  g_assert_cmpint (measures_backup_get_kind (backup), ==, MEASURES_BACKUP_KIND_OTHER);
  g_assert_true (measures_backup_read (backup, &error));
  g_assert_no_error (error);
  g_assert_cmpint (measures_backup_get_n_measures (backup), ==, 50);
  g_assert_true (measures_backup_restore (other, path, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_journals (elsewhere), ==, 0);
  g_assert_cmpuint (count_journals (fixture->dir), ==, 0);
  g_assert_cmpint (header_byte (other, 18), ==, 2);

  g_assert_false (measures_backup_restore (text, path, &error));
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_NOT_A_DATABASE);
  g_assert_nonnull (strstr (error->message, "notes.db"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/backup/names", test_names);
  g_test_add_func ("/backup/titles-translated", test_titles_translated);
#define ADD(name, func) \
  g_test_add ("/backup/" name, TempDir, NULL, temp_dir_setup, func, temp_dir_teardown)
  ADD ("load", test_load);
  ADD ("no-stray-files", test_no_stray_files);
  ADD ("tidies-old-backups", test_tidies_old_backups);
  ADD ("other-file", test_other_file);
#undef ADD

  return g_test_run ();
}
