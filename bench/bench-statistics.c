/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench-generate.h"
#include "bench-util.h"

#include <stdio.h>

#include "measures-statistics.h"

/* What the dashboard's first paint computes, as the medians of repeated
 * runs on a generated strategy:
 *
 *   bench-statistics [N-MEASURES [STORE]]
 *
 * the counts by status, the overdue reports and the progress over time of
 * the whole strategy, and of one goal and one office; each alone and all
 * three at once, as the dashboard reads them. STORE is generated
 * (10 000 measures by default) when it does not exist. */

#define RUNS 9

typedef gboolean (*Compute) (MeasuresStore *store, guint goal, const char *office);

static gboolean
compute_counts (MeasuresStore *store,
                guint          goal,
                const char    *office)
{
  MeasuresStatistics statistics;

  return measures_statistics_load_narrowed (&statistics, store, goal, office, NULL);
}

static gboolean
compute_overdue (MeasuresStore *store,
                 guint          goal,
                 const char    *office)
{
  g_autoptr(GPtrArray) offices = measures_statistics_list_overdue (store, measures_day_today (),
                                                                   6, goal, office, NULL);
  return offices != NULL;
}

static gboolean
compute_series (MeasuresStore *store,
                guint          goal,
                const char    *office)
{
  g_autoptr(GArray) series = measures_statistics_list_progress_series (store,
                                                                       measures_day_today (),
                                                                       goal, office, NULL);
  return series != NULL;
}

/* What the overdue reports and the progress over time both read. */
static gboolean
read_progress_log (MeasuresStore *store,
                   guint          goal,
                   const char    *office)
{
  g_autoptr(GArray) entries = NULL;

  return measures_store_list_progress_log (store, &entries, NULL);
}

static gboolean
compute_all (MeasuresStore *store,
             guint          goal,
             const char    *office)
{
  g_auto(MeasuresMonitoring) monitoring = { { { 0 } } };

  return measures_monitoring_load (&monitoring, store, measures_day_today (), 6, goal, office,
                                   NULL);
}

static double
time_ms (MeasuresStore *store,
         Compute        compute,
         guint          goal,
         const char    *office)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      if (!compute (store, goal, office))
        g_error ("Could not compute the statistics");
      times[i] = (g_get_monotonic_time () - start) / 1e3;
    }

  return bench_median (times, RUNS);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = NULL;
  guint n_measures = argc > 1 ? (guint)g_ascii_strtoull (argv[1], NULL, 10) : 10000;
  g_autofree char *path = argc > 2 ? g_strdup (argv[2])
                                   : g_strdup_printf ("strategy-%u.db", n_measures);
  struct {
    const char *name;
    Compute compute;
  } figures[] = {
    { "reading the log", read_progress_log },
    { "counts by status", compute_counts },
    { "overdue reports", compute_overdue },
    { "progress over time", compute_series },
    { "all at once", compute_all },
  };

  if (!g_file_test (path, G_FILE_TEST_EXISTS) &&
      !bench_generate_store (path, MAX (n_measures, 50), &error))
    g_error ("Could not generate %s: %s", path, error->message);

  store = measures_store_open (path, &error);
  if (store == NULL)
    g_error ("Could not open %s: %s", path, error->message);

  printf ("# %s\n", path);
  for (guint i = 0; i < G_N_ELEMENTS (figures); i++)
    printf ("%-20s  strategy %6.1f ms   goal 3 %6.1f ms   office SAM %6.1f ms\n",
            figures[i].name, time_ms (store, figures[i].compute, 0, NULL),
            time_ms (store, figures[i].compute, 3, NULL),
            time_ms (store, figures[i].compute, 0, "SAM"));

  return 0;
}
