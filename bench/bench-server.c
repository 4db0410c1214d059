/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-server.h"
#include "bench-util.h"
#include "measures-measure-list.h"
#include "measures-store.h"
#include "pg-cluster.h"
#include "postgres/measures-pg-store.h"

/* The strategies of the benchmark on a PostgreSQL server: a throwaway
 * cluster started the way the tests start theirs (tests/pg-cluster.c: a
 * direct child, a Unix socket in a folder under /tmp, fsync off), each
 * generated file strategy moved onto it with `measures --import-json` of
 * its `--dump-json`, as an office moves its strategy, and then timed on the
 * store itself:
 *
 *   - all summaries (what the measure list reads at start), and the list
 *     model made on them;
 *   - a save of an edited sheet and a progress report, with their round
 *     trips (measures_pg_store_get_round_trips(): every statement sent and
 *     waited for is one, a statement's first preparing on the connection
 *     another);
 *   - another workstation's progress report: a second connection writes,
 *     and the time runs from its commit until the first store has emitted
 *     "measure-changed" and read the measure again with the new progress.
 *
 * The window on the server is timed by bench-window and the first frame by
 * measures-bench, as on a file. */

#define AUTHOR "Benchmark"

gboolean
bench_server_start (GError **error)
{
  return pg_cluster_start (error);
}

void
bench_server_stop (void)
{
  pg_cluster_stop ();
}

/* The file strategy as JSON, made once beside it. */
static char *
ensure_dump (const char  *measures_bin,
             const char  *store,
             GError     **error)
{
  g_autofree char *base = g_strndup (store, strlen (store) - (g_str_has_suffix (store, ".db") ? 3 : 0));
  g_autofree char *path = g_strconcat (base, ".json", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *argv[] = { measures_bin, "--database", store, "--dump-json", NULL };
  int status;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return g_steal_pointer (&path);

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                     error) ||
      !g_spawn_check_wait_status (status, error) ||
      !g_file_set_contents (path, out, -1, error))
    {
      g_prefix_error (error, "--dump-json of %s: %s ", store, err ? err : "");
      return NULL;
    }

  return g_steal_pointer (&path);
}

/**
 * bench_server_prepare:
 * @store: a generated strategy file
 * @import_seconds: (out): how long `measures --import-json` took
 *
 * Returns: (transfer full): the address of a new database on the server
 *   holding @store's strategy, or %NULL with @error set
 */
char *
bench_server_prepare (const char  *measures_bin,
                      const char  *store,
                      guint        size,
                      double      *import_seconds,
                      GError     **error)
{
  g_autofree char *dump = ensure_dump (measures_bin, store, error);
  g_autofree char *name = g_strdup_printf ("strategy_%u", size);
  g_autofree char *conninfo = NULL;
  g_autofree char *err = NULL;
  int status;
  gint64 start;

  if (dump == NULL || !pg_cluster_create_database (name, NULL, error))
    return NULL;

  conninfo = pg_cluster_conninfo (name);
  {
    const char *argv[] = { measures_bin, "--database", conninfo, "--import-json", dump, NULL };

    start = g_get_monotonic_time ();
    if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                       &err, &status, error) ||
        !g_spawn_check_wait_status (status, error))
      {
        g_prefix_error (error, "--import-json into %s: %s ", conninfo, err ? err : "");
        return NULL;
      }
    *import_seconds = (g_get_monotonic_time () - start) / 1e6;
  }

  return g_steal_pointer (&conninfo);
}

static double
since (gint64 start)
{
  return (g_get_monotonic_time () - start) / 1000.0;
}

static void
put (GHashTable *figures,
     const char *name,
     double      value)
{
  double *stored = g_new (double, 1);

  *stored = value;
  g_hash_table_insert (figures, g_strdup (name), stored);
}

static double
trips (MeasuresStore *store)
{
  return measures_pg_store_get_round_trips (MEASURES_PG_STORE (store));
}

/* Another workstation ------------------------------------------------------ */

typedef struct {
  MeasuresStore *store;
  gint64 measure_id;
  guint expected;
  gint64 done;
} Watch;

static void
measure_changed (MeasuresStore *store,
                 gint64         measure_id,
                 Watch         *watch)
{
  g_autoptr(MeasuresMeasure) measure = NULL;

  if (measure_id != watch->measure_id || watch->done != 0)
    return;

  measure = measures_store_get_measure (store, measure_id, NULL);
  if (measure != NULL && measures_measure_get_progress (measure) == watch->expected)
    watch->done = g_get_monotonic_time ();
}

static gboolean
give_up (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

static void
measure_other_workstation (const char    *conninfo,
                           MeasuresStore *store,
                           gint64         measure_id,
                           guint          n,
                           GHashTable    *figures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) other = measures_store_open (conninfo, &error);
  g_autofree double *from_commit = g_new0 (double, n);
  g_autofree double *from_write = g_new0 (double, n);
  Watch watch = { store, measure_id, 0, 0 };
  gulong handler;
  guint missed = 0;

  if (other == NULL)
    g_error ("A second connection to %s: %s", conninfo, error->message);

  handler = g_signal_connect (store, "measure-changed", G_CALLBACK (measure_changed), &watch);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MeasuresMeasure) measure = measures_store_get_measure (other, measure_id, &error);
      gboolean late = FALSE;
      guint timeout;
      gint64 start, committed;

      g_assert_no_error (error);
      /* Let everything before this write settle. */
      while (g_main_context_iteration (NULL, FALSE))
        ;

      watch.expected = 20 + (i % 70);
      if (watch.expected == measures_measure_get_progress (measure))
        watch.expected++;
      watch.done = 0;

      start = g_get_monotonic_time ();
      if (measures_store_add_log_entry (other, measure_id, measures_measure_get_revision (measure),
                                        MEASURES_STATUS_IN_PROGRESS, watch.expected,
                                        "Von einem anderen Arbeitsplatz.", AUTHOR, NULL,
                                        &error) <= 0)
        g_error ("The second connection's report: %s", error->message);
      committed = g_get_monotonic_time ();

      timeout = g_timeout_add (5000, give_up, &late);
      while (watch.done == 0 && !late)
        g_main_context_iteration (NULL, TRUE);
      if (!late)
        g_source_remove (timeout);

      if (watch.done == 0)
        {
          missed++;
          from_commit[i] = from_write[i] = 5000;
        }
      else
        {
          from_commit[i] = (watch.done - committed) / 1000.0;
          from_write[i] = (watch.done - start) / 1000.0;
        }
    }
  g_signal_handler_disconnect (store, handler);

  bench_median (from_commit, n);
  bench_median (from_write, n);
  put (figures, "other-refresh-median", from_commit[n / 2]);
  put (figures, "other-refresh-p95", from_commit[MIN (n - 1, (n * 95 + 99) / 100 - 1)]);
  put (figures, "other-write-refresh-p95", from_write[MIN (n - 1, (n * 95 + 99) / 100 - 1)]);
  put (figures, "other-refresh-missed", missed);
}

/**
 * bench_server_measure:
 * @conninfo: a database bench_server_prepare() made
 * @figures: (element-type utf8 double): where the figures go
 */
void
bench_server_measure (const char *conninfo,
                      guint       runs,
                      GHashTable *figures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = NULL;
  g_autofree double *times = g_new0 (double, runs);
  g_autofree double *counts = g_new0 (double, runs);
  gint64 measure_id = 0;
  gint64 start;

  start = g_get_monotonic_time ();
  store = measures_store_open (conninfo, &error);
  if (store == NULL)
    g_error ("Could not open %s: %s", conninfo, error->message);
  put (figures, "open", since (start));

  /* All summaries, as the list reads them. The first run prepares the
   * statement and is not counted. */
  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr(GArray) summaries = NULL;
      double before = trips (store);

      start = g_get_monotonic_time ();
      if (!measures_store_list_summaries (store, NULL, -1, 0, &summaries, &error))
        g_error ("Summaries: %s", error->message);
      if (i > 0)
        {
          times[i - 1] = since (start);
          counts[i - 1] = trips (store) - before;
        }
      measure_id = g_array_index (summaries, MeasuresSummary, 0).id;
      put (figures, "summaries-count", summaries->len);
    }
  put (figures, "summaries", bench_median (times, runs));
  put (figures, "summaries-round-trips", bench_median (counts, runs));

  /* The list model of all measures, as the window makes it. */
  for (guint i = 0; i < runs; i++)
    {
      g_autoptr(MeasuresMeasureList) list = NULL;

      start = g_get_monotonic_time ();
      list = measures_measure_list_new (store, NULL, -1, &error);
      if (list == NULL)
        g_error ("The list: %s", error->message);
      times[i] = since (start);
    }
  put (figures, "list-new", bench_median (times, runs));

  /* Search, the store's part of a keystroke. */
  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr(GArray) ids = NULL;

      start = g_get_monotonic_time ();
      if (!measures_store_search_ids (store, "karlsruhe", &ids, &error))
        g_error ("Search: %s", error->message);
      if (i > 0)
        times[i - 1] = since (start);
    }
  put (figures, "search-store", bench_median (times, runs));

  /* A sheet saved with one changed field, and a progress report: the
   * first of each prepares its statements and is not counted. */
  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr(MeasuresMeasure) measure = measures_store_get_measure (store, measure_id, &error);
      g_autofree char *title = g_strdup_printf ("Europatag, überarbeitet (%u)", i + 1);
      g_autoptr(MeasuresMeasure) edited = NULL;
      double before = trips (store);

      g_assert_no_error (error);
      edited = measures_measure_copy_with (measure, "title", title, NULL);
      start = g_get_monotonic_time ();
      if (!measures_store_update_measure (store, edited, measures_measure_get_revision (measure),
                                          AUTHOR, NULL, &error))
        g_error ("Save: %s", error->message);
      if (i > 0)
        {
          times[i - 1] = since (start);
          counts[i - 1] = trips (store) - before;
        }
    }
  put (figures, "save", bench_median (times, runs));
  put (figures, "save-round-trips", bench_median (counts, runs));

  for (guint i = 0; i <= runs; i++)
    {
      g_autoptr(MeasuresMeasure) measure = measures_store_get_measure (store, measure_id, &error);
      double before = trips (store);

      g_assert_no_error (error);
      start = g_get_monotonic_time ();
      if (measures_store_add_log_entry (store, measure_id, measures_measure_get_revision (measure),
                                        MEASURES_STATUS_IN_PROGRESS, 10 + i,
                                        "Die Projektgruppe hat den Zeitplan aktualisiert.",
                                        AUTHOR, NULL, &error) <= 0)
        g_error ("Report: %s", error->message);
      if (i > 0)
        {
          times[i - 1] = since (start);
          counts[i - 1] = trips (store) - before;
        }
    }
  put (figures, "report", bench_median (times, runs));
  put (figures, "report-round-trips", bench_median (counts, runs));

  /* At least 20 reports from elsewhere, for a 95th percentile. */
  measure_other_workstation (conninfo, store, measure_id, MAX (20, runs * 4), figures);
}
