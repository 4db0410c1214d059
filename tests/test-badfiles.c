/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Files an official may end up with: cut short, with flipped bits, from a
 * newer version, write-protected, on a full disk. Each is refused with a
 * message in plain words, by the store and by the command line alike, and
 * the file is left exactly as it was. */
#include "config.h"

#include <errno.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdio.h>
#include <sys/resource.h>
#include <unistd.h>

#include "measures-export.h"
#include "measures-test-util.h"

#define NOBODY 65534

/* A closed database holding the embedded strategy, everything in the main
 * file (closing checkpoints the write-ahead log). */
static GBytes *
make_reference (TempDir *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (fixture, "strategy.db");
  g_autofree char *wal = temp_path (fixture, "strategy.db-wal");
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  char *contents = NULL;
  gsize length = 0;

  g_clear_object (&store);
  g_assert_false (g_file_test (wal, G_FILE_TEST_EXISTS));
  g_assert_true (g_file_get_contents (path, &contents, &length, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_unlink (path), ==, 0);

  return g_bytes_new_take (contents, length);
}

static void
write_file (const char *path,
            const void *data,
            gsize       length)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (g_file_set_contents (path, data, length, &error));
  g_assert_no_error (error);
}

static void
assert_file_is (const char *path,
                const void *data,
                gsize       length)
{
  g_autofree char *contents = NULL;
  gsize read = 0;

  g_assert_true (g_file_get_contents (path, &contents, &read, NULL));
  g_assert_cmpmem (contents, read, data, length);
}

typedef struct
{
  gboolean drop_privileges;
  rlim_t file_size_limit;
} ChildLimits;

/* Runs in a forked child before exec or before the test's own work: as
 * "nobody" when root would ignore the file permissions under test, and
 * with a file size limit standing in for a full disk. */
static void
apply_limits (gpointer user_data)
{
  const ChildLimits *limits = user_data;

  if (limits->file_size_limit > 0)
    {
      struct rlimit limit = { limits->file_size_limit, limits->file_size_limit };

      /* Writes past the limit fail with EFBIG instead of killing us. */
      signal (SIGXFSZ, SIG_IGN);
      if (setrlimit (RLIMIT_FSIZE, &limit) != 0)
        _exit (125);
    }

  if (limits->drop_privileges && geteuid () == 0)
    {
      if (setgid (NOBODY) != 0 || setuid (NOBODY) != 0)
        _exit (125);
    }
}

/* The command line on @path: fails, and says what the store says. */
static void
assert_cli_refuses (const char        *path,
                    const char        *message,
                    const ChildLimits *limits)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  ChildLimits none = { 0 };
  const char *argv[] = { g_getenv ("MEASURES_BIN"), "--database", path, "--dump-json", NULL };
  int status = 0;

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT,
                               apply_limits, (gpointer)(limits ? limits : &none),
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_cmpstr (out, ==, "");
  if (strstr (err, message) == NULL)
    g_error ("The command line said “%s”, not “%s”", err, message);
}

static void
test_truncated (TempDir       *fixture,
                gconstpointer  data)
{
  g_autoptr(GBytes) reference = make_reference (fixture);
  g_autofree char *path = temp_path (fixture, "strategy.db");
  gsize size = g_bytes_get_size (reference);
  const guint8 *bytes = g_bytes_get_data (reference, NULL);
  gsize lengths[] = { 1, 50, 99, 100, 101, 1024, 4095, 4096, 4097, 8192,
                      size / 2, size - 4096, size - 1 };

  for (guint i = 0; i < G_N_ELEMENTS (lengths); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MeasuresStore) store = NULL;

      write_file (path, bytes, lengths[i]);
      store = measures_store_open (path, &error);
      g_test_message ("cut to %" G_GSIZE_FORMAT " bytes: %s", lengths[i],
                      error ? error->message : "opened");
      g_assert_null (store);
      g_assert_true (g_error_matches (error, MEASURES_STORE_ERROR,
                                      MEASURES_STORE_ERROR_NOT_A_DATABASE) ||
                     g_error_matches (error, MEASURES_STORE_ERROR,
                                      MEASURES_STORE_ERROR_CORRUPT));
      assert_file_is (path, bytes, lengths[i]);
      assert_cli_refuses (path, error->message, NULL);
      assert_file_is (path, bytes, lengths[i]);
    }
}

/* One flipped bit at a time, anywhere in the file. Either the store
 * notices and refuses the file untouched, or the bit landed where nothing
 * can notice it (in a text, in free space) and the strategy still reads
 * and exports. Never a crash, never a half-read strategy. */
static void
test_bit_flipped (TempDir       *fixture,
                  gconstpointer  data)
{
  g_autoptr(GBytes) reference = make_reference (fixture);
  g_autofree char *path = temp_path (fixture, "strategy.db");
  g_autofree guint8 *copy = g_bytes_unref_to_data (g_bytes_ref (reference), &(gsize){ 0 });
  gsize size = g_bytes_get_size (reference);
  guint trials = g_test_thorough () ? 2000 : 300;
  guint refused = 0;
  guint opened = 0;

  for (guint i = 0; i < trials; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MeasuresStore) store = NULL;
      /* Half of the flips in the first page, where the file's structure is
       * described; the rest anywhere. */
      gsize offset = i % 2 ? (gsize)g_test_rand_int_range (0, 4096)
                           : (gsize)g_test_rand_int_range (0, (gint32)size);
      guint8 bit = 1 << g_test_rand_int_range (0, 8);
      g_autofree char *wal = g_strconcat (path, "-wal", NULL);
      g_autofree char *shm = g_strconcat (path, "-shm", NULL);

      memcpy (copy, g_bytes_get_data (reference, NULL), size);
      copy[offset] ^= bit;
      g_unlink (wal);
      g_unlink (shm);
      write_file (path, copy, size);

      store = measures_store_open (path, &error);
      if (store == NULL)
        {
          refused++;
          g_assert_nonnull (error);
          g_assert_cmpstr (error->message, !=, "");
          assert_file_is (path, copy, size);
          /* The command line says the same; every tenth time, to keep the
           * test short. */
          if (refused % 10 == 1)
            assert_cli_refuses (path, error->message, NULL);
        }
      else
        {
          g_autofree char *json = NULL;
          gboolean empty = TRUE;

          opened++;
          g_assert_no_error (error);
          g_assert_true (measures_store_is_empty (store, &empty, &error));
          g_assert_no_error (error);
          /* Some flips are refused only when the data is read in full;
           * that must be an error, not a crash. */
          json = measures_export_json (store, &error);
          g_assert_true ((json != NULL) != (error != NULL));
        }
    }

  g_test_message ("%u single-bit flips: %u refused untouched, %u opened", trials, refused,
                  opened);
  g_assert_cmpuint (refused + opened, ==, trials);
  g_assert_cmpuint (refused, >, 0);
}

static void
test_newer_version (TempDir       *fixture,
                    gconstpointer  data)
{
  g_autoptr(GBytes) reference = make_reference (fixture);
  g_autofree char *path = temp_path (fixture, "strategy.db");
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  sqlite3 *db = NULL;

  write_file (path, g_bytes_get_data (reference, NULL), g_bytes_get_size (reference));
  g_assert_cmpint (sqlite3_open (path, &db), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_exec (db, "PRAGMA user_version = 99", NULL, NULL, NULL), ==,
                   SQLITE_OK);
  sqlite3_close (db);
  g_assert_true (g_file_get_contents (path, &contents, &length, NULL));

  store = measures_store_open (path, &error);
  g_assert_null (store);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_TOO_NEW);
  g_assert_nonnull (strstr (error->message, "newer version"));
  assert_cli_refuses (path, error->message, NULL);
  assert_file_is (path, contents, length);
}

/* Opens @path in a child that may not write where the test says; the
 * child reports the store's message on stdout. */
G_NORETURN static void
open_in_child (const char *path)
{
  ChildLimits limits = { .drop_privileges = TRUE };
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = NULL;

  apply_limits (&limits);
  store = measures_store_open (path, &error);
  if (store != NULL)
    exit (1);
  printf ("%d %s\n", error->code, error->message);
  exit (0);
}

/* In a child run by g_test_trap_subprocess(), the fixture made its own
 * folder, which the child has no use for: the test's file is elsewhere. */
static gboolean
is_child (TempDir *fixture)
{
  if (!g_test_subprocess ())
    return FALSE;
  g_rmdir (fixture->dir);
  return TRUE;
}

static void
check_read_only (TempDir *fixture,
                 mode_t   file_mode,
                 mode_t   folder_mode)
{
  g_autoptr(GBytes) reference = NULL;
  g_autofree char *path = NULL;
  g_autofree char *expected = NULL;
  ChildLimits limits = { .drop_privileges = TRUE };

  if (is_child (fixture))
    open_in_child (g_getenv ("MEASURES_TEST_PATH"));

  reference = make_reference (fixture);
  path = temp_path (fixture, "strategy.db");

  write_file (path, g_bytes_get_data (reference, NULL), g_bytes_get_size (reference));
  /* As root, the child drops to "nobody", for whom the permissions count. */
  if (geteuid () == 0)
    {
      g_assert_cmpint (chown (fixture->dir, NOBODY, NOBODY), ==, 0);
      g_assert_cmpint (chown (path, NOBODY, NOBODY), ==, 0);
    }
  g_assert_cmpint (g_chmod (path, file_mode), ==, 0);
  g_assert_cmpint (g_chmod (fixture->dir, folder_mode), ==, 0);

  g_setenv ("MEASURES_TEST_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  g_test_trap_assert_stdout (expected = g_strdup_printf ("%d *read-only*",
                                                        MEASURES_STORE_ERROR_READ_ONLY));

  assert_cli_refuses (path, "read-only", &limits);
  g_assert_cmpint (g_chmod (fixture->dir, 0700), ==, 0);
  assert_file_is (path, g_bytes_get_data (reference, NULL), g_bytes_get_size (reference));
}

static void
test_read_only_folder (TempDir       *fixture,
                       gconstpointer  data)
{
  check_read_only (fixture, 0644, 0555);
}

static void
test_read_only_file (TempDir       *fixture,
                     gconstpointer  data)
{
  check_read_only (fixture, 0444, 0755);
}

/* The disk fills up while an official writes log entries: the write that
 * does not fit fails with a plain message, and every entry that was
 * reported saved is there afterwards. */
G_NORETURN static void
write_until_full (void)
{
  const char *path = g_getenv ("MEASURES_TEST_PATH");
  /* Room for a dozen entries or so: each writes its row, its text's
   * overflow page and the pages of the indexes it is in to the WAL. */
  ChildLimits limits = { .file_size_limit = 640 * 1024 };
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autofree char *text = g_strnfill (2000, 'x');
  guint saved = 0;

  apply_limits (&limits);
  store = measures_store_open (path, &error);
  g_assert_no_error (error);
  measures = measures_store_list_measures (store, &error);
  g_assert_no_error (error);
  measure = g_list_model_get_item (measures, 0);

  while (measures_store_add_log_entry (store, measures_measure_get_id (measure), current_revision (store, measures_measure_get_id (measure)),
                                       MEASURES_STATUS_IN_PROGRESS, 50, text, "Test", NULL,
                                       &error) != 0)
    saved++;

  /* The parent cannot read a child's output back on this GLib; a file
   * beside the database carries the count. */
  {
    g_autofree char *result = g_strconcat (path, ".saved", NULL);
    g_autofree char *count = g_strdup_printf ("%u", saved);

    if (!g_file_set_contents (result, count, -1, NULL))
      exit (1);
  }
  printf ("%d %s\n", error->code, error->message);
  exit (0);
}

static void
test_full_disk_while_writing (TempDir       *fixture,
                              gconstpointer  data)
{
  g_autoptr(GBytes) reference = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(GListModel) log = NULL;
  g_autofree char *result = NULL;
  g_autofree char *count = NULL;
  guint saved;

  if (is_child (fixture))
    write_until_full ();

  reference = make_reference (fixture);
  path = temp_path (fixture, "strategy.db");
  write_file (path, g_bytes_get_data (reference, NULL), g_bytes_get_size (reference));
  g_setenv ("MEASURES_TEST_PATH", path, TRUE);
  g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
  {
    g_autofree char *expected = g_strdup_printf ("%d * disk is full.*",
                                                 MEASURES_STORE_ERROR_FULL);
    g_test_trap_assert_stdout (expected);
  }

  result = g_strconcat (path, ".saved", NULL);
  g_assert_true (g_file_get_contents (result, &count, NULL, NULL));
  saved = (guint)g_ascii_strtoull (count, NULL, 10);
  g_test_message ("%u entries saved before the disk was full", saved);
  g_assert_cmpuint (saved, >, 10);

  /* With room again, every saved entry is there and the file is sound. */
  store = measures_store_open (path, &error);
  g_assert_no_error (error);
  measures = measures_store_list_measures (store, &error);
  g_assert_no_error (error);
  measure = g_list_model_get_item (measures, 0);
  log = measures_store_list_log (store, measures_measure_get_id (measure), TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, saved);
}

/* The very first start, on a disk with no room for the strategy. */
static void
test_full_disk_first_start (TempDir       *fixture,
                            gconstpointer  data)
{
  g_autofree char *path = temp_path (fixture, "strategy.db");
  ChildLimits limits = { .file_size_limit = 64 * 1024 };
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  const char *argv[] = { g_getenv ("MEASURES_BIN"), "--database", path, "--dump-json", NULL };
  int status = 0;

  assert_cli_refuses (path, "the disk is full", &limits);

  /* With room again, the strategy is filled in as on any first start. */
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDERR_TO_DEV_NULL, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Internationales Karlsruhe 2030"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/badfiles/" name, TempDir, NULL, temp_dir_setup, func, temp_dir_teardown)

  ADD ("truncated", test_truncated);
  ADD ("bit-flipped", test_bit_flipped);
  ADD ("newer-version", test_newer_version);
  ADD ("read-only-folder", test_read_only_folder);
  ADD ("read-only-file", test_read_only_file);
  ADD ("full-disk-while-writing", test_full_disk_while_writing);
  ADD ("full-disk-first-start", test_full_disk_first_start);

#undef ADD

  return g_test_run ();
}
