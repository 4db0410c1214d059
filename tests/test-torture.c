/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib-unix.h>
#include <poll.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include "measures-test-util.h"

/* Pulls the plug on a writer again and again (SIGKILL at random moments)
 * and checks after every kill that the database is whole and holds every
 * change the writer saw committed. MEASURES_TORTURE_KILLS sets how often. */

typedef struct
{
  GHashTable *reported;   /* numbers the writer printed: committed */
  gint64 next;
} Ledger;

static void
read_numbers (int      fd,
              GString *pending,
              Ledger  *ledger)
{
  char buffer[4096];
  ssize_t n;

  while ((n = read (fd, buffer, sizeof buffer)) > 0)
    {
      char *line;

      g_string_append_len (pending, buffer, n);
      while ((line = strchr (pending->str, '\n')) != NULL)
        {
          gint64 number;

          *line = '\0';
          number = g_ascii_strtoll (pending->str, NULL, 10);
          g_hash_table_add (ledger->reported, g_memdup2 (&number, sizeof number));
          ledger->next = MAX (ledger->next, number + 1);
          g_string_erase (pending, 0, line - pending->str + 1);
        }
    }
}

/* Kills the writer a random while after it started, or, when
 * @while_writing, a random while after it reported its first change: a slow
 * start (a sanitizer build) must not leave the writing itself untested. */
static void
run_and_kill (const char *database,
              Ledger     *ledger,
              GRand      *rand,
              gboolean    while_writing)
{
  g_autofree char *first = g_strdup_printf ("%" G_GINT64_FORMAT, ledger->next);
  const char *argv[] = { g_getenv ("MEASURES_TORTURE_WRITER"), database, first, NULL };
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) pending = g_string_new (NULL);
  GPid pid;
  int out, status;
  gint64 deadline;

  g_assert_true (g_spawn_async_with_pipes (NULL, (char **)argv, NULL, G_SPAWN_DO_NOT_REAP_CHILD,
                                           NULL, NULL, &pid, NULL, &out, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (g_unix_set_fd_nonblocking (out, TRUE, NULL));

  if (while_writing)
    {
      guint before = g_hash_table_size (ledger->reported);
      gint64 give_up = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;

      while (g_hash_table_size (ledger->reported) == before &&
             g_get_monotonic_time () < give_up)
        {
          struct pollfd fds = { out, POLLIN, 0 };

          poll (&fds, 1, 10);
          read_numbers (out, pending, ledger);
        }
    }

  /* Let it write for a random while: from before it opened the file to in
   * the middle of its changes. */
  deadline = g_get_monotonic_time () + g_rand_int_range (rand, 1000, 60000);
  while (g_get_monotonic_time () < deadline)
    {
      struct pollfd fds = { out, POLLIN, 0 };

      poll (&fds, 1, 1);
      read_numbers (out, pending, ledger);
    }

  kill (pid, SIGKILL);
  g_assert_cmpint (waitpid (pid, &status, 0), ==, pid);
  g_assert_true (WIFSIGNALED (status) || WIFEXITED (status));
  /* What it printed before it died was committed before it printed. */
  read_numbers (out, pending, ledger);
  close (out);
  g_spawn_close_pid (pid);
}

static void
check_database (const char *database,
                Ledger     *ledger)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GHashTable) found = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  GHashTableIter iter;
  gpointer key;

  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    return;

  g_assert_cmpint (sqlite3_open_v2 (database, &db, SQLITE_OPEN_READWRITE, NULL), ==, SQLITE_OK);
  g_assert_cmpint (sqlite3_prepare_v2 (db, "PRAGMA integrity_check", -1, &stmt, NULL), ==,
                   SQLITE_OK);
  g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
  g_assert_cmpstr ((const char *)sqlite3_column_text (stmt, 0), ==, "ok");
  sqlite3_finalize (stmt);

  /* Killed before its schema was committed: nothing can have been
   * reported yet either. */
  if (sqlite3_table_column_metadata (db, NULL, "log_entries", "text", NULL, NULL, NULL, NULL,
                                     NULL) != SQLITE_OK)
    {
      g_assert_cmpuint (g_hash_table_size (ledger->reported), ==, 0);
      sqlite3_close (db);
      return;
    }

  /* The numbers in the log and in the history of the costs. */
  g_assert_cmpint (sqlite3_prepare_v2 (db,
                                       "SELECT text FROM log_entries WHERE author = 'Torture' "
                                       "UNION ALL SELECT new_value FROM history "
                                       "WHERE author = 'Torture' AND field = 'costs'",
                                       -1, &stmt, NULL), ==, SQLITE_OK);
  while (sqlite3_step (stmt) == SQLITE_ROW)
    {
      const char *text = (const char *)sqlite3_column_text (stmt, 0);
      gint64 number;

      if (text == NULL || !g_str_has_prefix (text, "torture "))
        continue;
      number = g_ascii_strtoll (text + strlen ("torture "), NULL, 10);
      g_hash_table_add (found, g_memdup2 (&number, sizeof number));
    }
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  g_hash_table_iter_init (&iter, ledger->reported);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    if (!g_hash_table_contains (found, key))
      g_error ("Change %" G_GINT64_FORMAT " was reported committed but is lost", *(gint64 *)key);

  /* And the app still opens it. */
  store = measures_store_open (database, &error);
  g_assert_no_error (error);
}

static void
test_kill_writer (TempDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *database = temp_path (fixture, "strategy.db");
  const char *kills_env = g_getenv ("MEASURES_TORTURE_KILLS");
  guint kills = kills_env ? (guint)g_ascii_strtoull (kills_env, NULL, 10) : 200;
  g_autoptr(GRand) rand = g_rand_new_with_seed (g_test_rand_int ());
  Ledger ledger = { g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL), 0 };

  for (guint i = 0; i < kills; i++)
    {
      run_and_kill (database, &ledger, rand, i % 2 == 1);
      check_database (database, &ledger);
    }

  g_test_message ("%u kills, %u changes reported committed, none lost", kills,
                  g_hash_table_size (ledger.reported));
  /* The writer got far enough to make the test mean something. */
  g_assert_cmpuint (g_hash_table_size (ledger.reported), >, kills);
  g_hash_table_unref (ledger.reported);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add ("/torture/kill-writer", TempDir, NULL, temp_dir_setup, test_kill_writer,
              temp_dir_teardown);
  return g_test_run ();
}
