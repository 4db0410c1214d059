/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "measures-statistics.h"
#include "measures-test-util.h"

/* The statistics read from the store: the same counts as going through
 * every measure by hand, for the strategy, each goal and an office. */

static void
count_by_hand (MeasuresStore      *store,
               guint               goal,
               const char         *office,
               MeasuresRole        role,
               MeasuresStatistics *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) measures = measures_store_list_measures (store, &error);

  g_assert_no_error (error);
  *expected = (MeasuresStatistics) { { 0 } };
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);

      if ((goal != 0 && measures_measure_get_goal (measure) != goal) ||
          (office != NULL && !measures_measure_has_office (measure, office, role)))
        continue;
      expected->counts[measures_measure_get_status (measure)]++;
      expected->progress_sum += measures_measure_get_progress (measure);
    }
}

static void
assert_statistics_equal (const MeasuresStatistics *statistics,
                         const MeasuresStatistics *expected)
{
  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    g_assert_cmpuint (statistics->counts[i], ==, expected->counts[i]);
  g_assert_cmpuint (statistics->progress_sum, ==, expected->progress_sum);
}

static void
test_counts (TempDir       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GListModel) goals = measures_store_list_goals (store, &error);
  g_autoptr(GListModel) measures = measures_store_list_measures (store, &error);
  g_autoptr(MeasuresMeasure) first = NULL;
  MeasuresStatistics statistics, expected;

  g_assert_no_error (error);

  /* Some progress to average: one measure half done. */
  first = g_list_model_get_item (measures, 0);
  g_assert_cmpint (measures_store_add_log_entry (store, measures_measure_get_id (first),
                                                 measures_measure_get_revision (first),
                                                 MEASURES_STATUS_IN_PROGRESS, 50, "Halfway",
                                                 "Tester", NULL, &error), >, 0);
  g_assert_no_error (error);

  g_assert_true (measures_statistics_load_strategy (&statistics, store, &error));
  g_assert_no_error (error);
  count_by_hand (store, 0, NULL, MEASURES_ROLE_LEAD, &expected);
  assert_statistics_equal (&statistics, &expected);
  g_assert_cmpuint (measures_statistics_get_n_measures (&statistics), ==, 50);
  g_assert_cmpfloat_with_epsilon (measures_statistics_get_mean_progress (&statistics),
                                  expected.progress_sum / 5000.0, 1e-9);
  g_assert_cmpuint (expected.progress_sum, >=, 50);

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (goals, i);
      guint number = measures_goal_get_number (goal);

      g_assert_true (measures_statistics_load_goal (&statistics, store, number, &error));
      g_assert_no_error (error);
      count_by_hand (store, number, NULL, MEASURES_ROLE_LEAD, &expected);
      assert_statistics_equal (&statistics, &expected);
    }

  for (MeasuresRole role = MEASURES_ROLE_LEAD; role <= MEASURES_ROLE_INVOLVED; role++)
    {
      g_assert_true (measures_statistics_load_office (&statistics, store, "SAM", role, &error));
      g_assert_no_error (error);
      count_by_hand (store, 0, "SAM", role, &expected);
      assert_statistics_equal (&statistics, &expected);
      g_assert_cmpuint (measures_statistics_get_n_measures (&statistics), >, 0);
    }
}

/* What the goal page, the office page and the reports' covers print. */
static void
test_describe (void)
{
  MeasuresStatistics statistics = { { 0 } };
  g_autofree char *none = measures_statistics_describe (&statistics);
  g_autofree char *some = NULL;

  g_assert_cmpstr (none, ==, "");
  g_assert_cmpuint (measures_statistics_get_n_measures (&statistics), ==, 0);
  g_assert_cmpfloat (measures_statistics_get_mean_progress (&statistics), ==, 0);

  statistics.counts[MEASURES_STATUS_PLANNED] = 3;
  statistics.counts[MEASURES_STATUS_COMPLETED] = 1;
  statistics.progress_sum = 100;
  some = measures_statistics_describe (&statistics);
  g_assert_cmpstr (some, ==, "Planned: 3 · Completed: 1");
  g_assert_cmpuint (measures_statistics_get_n_measures (&statistics), ==, 4);
  g_assert_cmpfloat_with_epsilon (measures_statistics_get_mean_progress (&statistics), 0.25,
                                  1e-9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/statistics/counts", TempDir, NULL, temp_dir_setup, test_counts,
              temp_dir_teardown);
  g_test_add_func ("/statistics/describe", test_describe);

  return g_test_run ();
}
