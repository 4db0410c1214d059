/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "measures-change.h"
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


/* A small strategy with hand-picked dates --------------------------------- */

/* Written through the import path, which keeps the dates it is given, as
 * an imported strategy keeps those of its history. Judged on
 * November 15, 2026:
 *
 *   m1  goal 1  AAA      in progress  entries Mar 10 (10 %), Jun 15 (40 %)
 *   m2  goal 1  AAA BBB  planned      entry Apr 15 (20 %); Oct 1 withdrawn
 *   m3  goal 2  BBB      completed    entry Feb 20 (100 %)
 *   m4  goal 2  —        continuous   no entry, created Jan 10
 *   m5  goal 2  AAA      on hold      no entry, never created here
 *   m6  goal 1  BBB      dropped      no entry
 *   m7  goal 1  AAA      removed      entry Dec 1, 2025 (50 %)
 *   m8  goal 1  AAA      in progress  entry May 15 (30 %)
 */
typedef struct {
  TempDir dir;
  MeasuresStore *store;
  gint64 ids[9];
} Strategy;

static gint64
add_measure (MeasuresStore      *store,
             guint               goal,
             const char         *title,
             const char * const *leads,
             MeasuresStatus      status,
             guint               progress,
             const char         *removed)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresMeasure) measure = NULL;
  gint64 id;

  measure = g_object_new (MEASURES_TYPE_MEASURE, "goal", goal, "title", title,
                          "lead-offices", leads, "status", status, "status-derived", FALSE,
                          "progress", progress, "removed", removed, NULL);
  id = measures_store_add_measure (store, measure, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static void
add_entry (MeasuresStore *store,
           gint64         measure_id,
           const char    *date,
           guint          progress,
           const char    *withdrawn)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresLogEntry) entry = NULL;

  entry = measures_log_entry_new (0, measure_id, date, "Tester", MEASURES_STATUS_IN_PROGRESS,
                                  progress, "Report", withdrawn);
  g_assert_true (measures_store_insert_log_entry (store, measure_id, entry, &error));
  g_assert_no_error (error);
}

static void
strategy_setup (Strategy      *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autoptr(MeasuresChange) created = NULL;
  const char *aaa[] = { "AAA", NULL };
  const char *bbb[] = { "BBB", NULL };
  const char *both[] = { "AAA", "BBB", NULL };
  const char *none[] = { NULL };
  MeasuresStore *store;
  gint64 *ids = fixture->ids;

  temp_dir_setup (&fixture->dir, data);
  path = temp_path (&fixture->dir, "small.db");
  store = fixture->store = measures_store_open (path, &error);
  g_assert_no_error (error);

  g_assert_true (measures_store_begin (store, &error));
  g_assert_true (measures_store_add_goal (store, 1, "One", "", "", &error));
  g_assert_true (measures_store_add_goal (store, 2, "Two", "", "", &error));
  g_assert_true (measures_store_add_office (store, "AAA", "Office A", &error));
  g_assert_true (measures_store_add_office (store, "BBB", "Office B", &error));
  g_assert_no_error (error);

  ids[1] = add_measure (store, 1, "m1", aaa, MEASURES_STATUS_IN_PROGRESS, 40, NULL);
  ids[2] = add_measure (store, 1, "m2", both, MEASURES_STATUS_PLANNED, 20, NULL);
  ids[3] = add_measure (store, 2, "m3", bbb, MEASURES_STATUS_COMPLETED, 100, NULL);
  ids[4] = add_measure (store, 2, "m4", none, MEASURES_STATUS_CONTINUOUS, 0, NULL);
  ids[5] = add_measure (store, 2, "m5", aaa, MEASURES_STATUS_ON_HOLD, 0, NULL);
  ids[6] = add_measure (store, 1, "m6", bbb, MEASURES_STATUS_DROPPED, 0, NULL);
  ids[7] = add_measure (store, 1, "m7", aaa, MEASURES_STATUS_IN_PROGRESS, 50,
                        "2026-01-05T12:00:00Z");
  ids[8] = add_measure (store, 1, "m8", aaa, MEASURES_STATUS_IN_PROGRESS, 30, NULL);

  add_entry (store, ids[1], "2026-03-10T12:00:00Z", 10, NULL);
  add_entry (store, ids[1], "2026-06-15T12:00:00Z", 40, NULL);
  add_entry (store, ids[2], "2026-04-15T12:00:00Z", 20, NULL);
  add_entry (store, ids[2], "2026-10-01T12:00:00Z", 90, "2026-10-02T12:00:00Z");
  add_entry (store, ids[3], "2026-02-20T12:00:00Z", 100, NULL);
  add_entry (store, ids[7], "2025-12-01T12:00:00Z", 50, NULL);
  add_entry (store, ids[8], "2026-05-15T12:00:00Z", 30, NULL);

  created = measures_change_new (0, ids[4], "2026-01-10T12:00:00Z", "Tester", "created", NULL,
                                 "m4");
  g_assert_true (measures_store_insert_change (store, ids[4], created, &error));
  g_assert_true (measures_store_commit (store, &error));
  g_assert_no_error (error);
}

static void
strategy_teardown (Strategy      *fixture,
                   gconstpointer  data)
{
  g_clear_object (&fixture->store);
  temp_dir_teardown (&fixture->dir, data);
}

static void
test_narrowed_counts (Strategy      *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  MeasuresStatistics statistics;

  /* Goal 1 without the removed m7: m1, m2, m6, m8. */
  g_assert_true (measures_statistics_load_narrowed (&statistics, fixture->store, 1, NULL,
                                                    &error));
  g_assert_no_error (error);
  g_assert_cmpuint (statistics.counts[MEASURES_STATUS_PLANNED], ==, 1);
  g_assert_cmpuint (statistics.counts[MEASURES_STATUS_IN_PROGRESS], ==, 2);
  g_assert_cmpuint (statistics.counts[MEASURES_STATUS_DROPPED], ==, 1);
  g_assert_cmpuint (measures_statistics_get_n_measures (&statistics), ==, 4);
  g_assert_cmpuint (statistics.progress_sum, ==, 40 + 20 + 30);

  /* Led by AAA: m1, m2, m5, m8. */
  g_assert_true (measures_statistics_load_narrowed (&statistics, fixture->store, 0, "AAA",
                                                    &error));
  g_assert_cmpuint (statistics.counts[MEASURES_STATUS_PLANNED], ==, 1);
  g_assert_cmpuint (statistics.counts[MEASURES_STATUS_IN_PROGRESS], ==, 2);
  g_assert_cmpuint (statistics.counts[MEASURES_STATUS_ON_HOLD], ==, 1);
  g_assert_cmpuint (measures_statistics_get_n_measures (&statistics), ==, 4);

  /* Both: goal 2 led by BBB is m3 alone. */
  g_assert_true (measures_statistics_load_narrowed (&statistics, fixture->store, 2, "BBB",
                                                    &error));
  g_assert_cmpuint (statistics.counts[MEASURES_STATUS_COMPLETED], ==, 1);
  g_assert_cmpuint (measures_statistics_get_n_measures (&statistics), ==, 1);
}

/* "AAA: m5 (never), m2 (214)" — one office's overdue reports, for asserting. */
static char *
describe_overdue (Strategy  *fixture,
                  GPtrArray *offices)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < offices->len; i++)
    {
      const MeasuresOverdueOffice *office = g_ptr_array_index (offices, i);

      if (i > 0)
        g_string_append (text, "; ");
      g_string_append_printf (text, "%s:", office->office ? office->office : "-");
      for (guint j = 0; j < office->measures->len; j++)
        {
          const MeasuresOverdueMeasure *measure = &g_array_index (office->measures,
                                                                  MeasuresOverdueMeasure, j);

          guint number = 0;

          for (guint k = 1; k < G_N_ELEMENTS (fixture->ids); k++)
            if (fixture->ids[k] == measure->measure_id)
              number = k;
          g_assert_cmpuint (number, >, 0);
          if (measure->days_since < 0)
            g_string_append_printf (text, " m%u (never)", number);
          else
            g_string_append_printf (text, " m%u (%d)", number, measure->days_since);
        }
    }

  return g_string_free (text, FALSE);
}

static char *
overdue (Strategy   *fixture,
         MeasuresDay today,
         guint       interval,
         guint       goal,
         const char *office)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) offices = NULL;

  offices = measures_statistics_list_overdue (fixture->store, today, interval, goal, office,
                                              &error);
  g_assert_no_error (error);
  g_assert_nonnull (offices);
  return describe_overdue (fixture, offices);
}

static void
test_overdue (Strategy      *fixture,
              gconstpointer  data)
{
  MeasuresDay today = measures_day_new (2026, 11, 15);
  MeasuresDay tomorrow = today + 1;
  struct {
    MeasuresDay today;
    guint interval;
    guint goal;
    const char *office;
    const char *expected;
  } cases[] = {
    /* m1 reported 5 months ago and m8 6 months ago to the day are not
     * overdue at 6 months, m2 7 months ago is, under both its offices;
     * m4 counts from its creation, m5 was never reported on; m3 is
     * completed, m6 dropped, m7 removed. */
    { today, 6, 0, NULL, "AAA: m5 (never) m2 (214); BBB: m2 (214); -: m4 (309)" },
    { tomorrow, 6, 0, NULL, "AAA: m5 (never) m2 (215) m8 (185); BBB: m2 (215); -: m4 (310)" },
    { today, 7, 0, NULL, "AAA: m5 (never); -: m4 (309)" },
    { today, 4, 0, NULL,
      "AAA: m5 (never) m2 (214) m8 (184) m1 (153); BBB: m2 (214); -: m4 (309)" },
    { today, 6, 1, NULL, "AAA: m2 (214); BBB: m2 (214)" },
    { today, 6, 0, "BBB", "BBB: m2 (214)" },
    { today, 6, 2, "BBB", "" },
    { today, 12, 0, NULL, "AAA: m5 (never)" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *text = overdue (fixture, cases[i].today, cases[i].interval, cases[i].goal,
                                       cases[i].office);

      g_test_message ("case %u: %s", i, text);
      g_assert_cmpstr (text, ==, cases[i].expected);
    }
}

static void
assert_series (MeasuresStore *store,
               MeasuresDay    today,
               guint          goal,
               const char    *office,
               MeasuresDay    first_day,
               const double  *expected,
               guint          n_expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) series = NULL;

  series = measures_statistics_list_progress_series (store, today, goal, office, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (series->len, ==, n_expected);
  for (guint i = 0; i < n_expected; i++)
    {
      const MeasuresPoint *point = &g_array_index (series, MeasuresPoint, i);

      g_assert_cmpfloat_with_epsilon (point->value, expected[i], 1e-9);
      if (i == 0)
        g_assert_cmpuint (point->day, ==, first_day);
      else if (i + 1 == n_expected)
        g_assert_cmpuint (point->day, ==, today);
      else
        g_assert_cmpuint (point->day, ==,
                          measures_day_end_of_month (measures_day_add_months (first_day, i)));
    }
}

/* All at once gives what each gives alone. */
static void
test_monitoring (Strategy      *fixture,
                 gconstpointer  data)
{
  MeasuresDay today = measures_day_new (2026, 11, 15);
  const struct {
    guint goal;
    const char *office;
  } narrowings[] = { { 0, NULL }, { 1, NULL }, { 0, "AAA" }, { 2, "BBB" } };

  for (guint i = 0; i < G_N_ELEMENTS (narrowings); i++)
    {
      g_autoptr(GError) error = NULL;
      g_auto(MeasuresMonitoring) monitoring = { { { 0 } } };
      g_autoptr(GArray) series = NULL;
      g_autofree char *alone = overdue (fixture, today, 6, narrowings[i].goal,
                                        narrowings[i].office);
      g_autofree char *together = NULL;
      MeasuresStatistics statistics;

      g_assert_true (measures_monitoring_load (&monitoring, fixture->store, today, 6,
                                               narrowings[i].goal, narrowings[i].office, &error));
      g_assert_no_error (error);
      together = describe_overdue (fixture, monitoring.overdue);
      g_assert_cmpstr (together, ==, alone);

      g_assert_true (measures_statistics_load_narrowed (&statistics, fixture->store,
                                                        narrowings[i].goal, narrowings[i].office,
                                                        &error));
      g_assert_cmpmem (&statistics, sizeof statistics, &monitoring.statistics,
                       sizeof monitoring.statistics);

      series = measures_statistics_list_progress_series (fixture->store, today,
                                                         narrowings[i].goal,
                                                         narrowings[i].office, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (series->len, ==, monitoring.progress->len);
      for (guint j = 0; j < series->len; j++)
        {
          g_assert_cmpuint (g_array_index (series, MeasuresPoint, j).day, ==,
                            g_array_index (monitoring.progress, MeasuresPoint, j).day);
          g_assert_cmpfloat (g_array_index (series, MeasuresPoint, j).value, ==,
                             g_array_index (monitoring.progress, MeasuresPoint, j).value);
        }
    }
}

static void
test_progress_series (Strategy      *fixture,
                      gconstpointer  data)
{
  MeasuresDay today = measures_day_new (2026, 11, 15);
  /* Seven measures not removed; m7's December entry does not count, nor
   * m2's withdrawn one. */
  const double strategy[] = {
    100 / 7., 110 / 7., 130 / 7., 160 / 7., 190 / 7.,
    190 / 7., 190 / 7., 190 / 7., 190 / 7., 190 / 7.,
  };
  /* Goal 1: m1, m2, m6, m8 from March on. */
  const double goal[] = { 10 / 4., 30 / 4., 60 / 4., 90 / 4., 90 / 4., 90 / 4., 90 / 4.,
                          90 / 4., 90 / 4. };
  /* Led by BBB: m2, m3, m6. */
  const double office[] = { 100 / 3., 100 / 3., 120 / 3., 120 / 3., 120 / 3., 120 / 3.,
                            120 / 3., 120 / 3., 120 / 3., 120 / 3. };
  /* On April 10, m2's report of April 15 is yet to come. */
  const double early[] = { 100 / 7., 110 / 7., 110 / 7. };

  assert_series (fixture->store, today, 0, NULL, measures_day_new (2026, 2, 28), strategy,
                 G_N_ELEMENTS (strategy));
  assert_series (fixture->store, today, 1, NULL, measures_day_new (2026, 3, 31), goal,
                 G_N_ELEMENTS (goal));
  assert_series (fixture->store, today, 0, "BBB", measures_day_new (2026, 2, 28), office,
                 G_N_ELEMENTS (office));
  assert_series (fixture->store, measures_day_new (2026, 4, 10), 0, NULL,
                 measures_day_new (2026, 2, 28), early, G_N_ELEMENTS (early));
  /* Before the first entry, and an office that leads nothing here. */
  assert_series (fixture->store, measures_day_new (2026, 1, 1), 0, NULL, 0, NULL, 0);
  assert_series (fixture->store, today, 2, "AAA", 0, NULL, 0);
}

/* Indicators --------------------------------------------------------------- */

#define POINT(y, m, d, v) ((MeasuresPoint) { measures_day_new (y, m, d), v })

static MeasuresIndicatorRating
rate (MeasuresPoint              baseline,
      const MeasuresPoint       *targets,
      guint                      n_targets,
      gboolean                   lower_is_better,
      MeasuresPoint              value)
{
  MeasuresIndicatorEvaluation evaluation;

  measures_statistics_evaluate_indicator (&baseline, targets, n_targets, lower_is_better, &value,
                                          1, &evaluation);
  g_assert_cmpuint (evaluation.latest.day, ==, value.day);
  return evaluation.rating;
}

static void
test_indicator (void)
{
  /* Emissions, down from 1000 in 2020 to 500 in 2030: halfway through
   * (January 1, 2025, 1827 of 3653 days) the path is at 749.93. */
  MeasuresPoint down_baseline = POINT (2020, 1, 1, 1000);
  MeasuresPoint down_target[] = { POINT (2030, 1, 1, 500) };
  /* Partnerships, up from 10 to 60 over the same years: 35.007 then. */
  MeasuresPoint up_baseline = POINT (2020, 1, 1, 10);
  MeasuresPoint up_target[] = { POINT (2030, 1, 1, 60) };
  /* Two targets, given out of order: 20 by 2022, 100 by 2030. */
  MeasuresPoint steps[] = { POINT (2030, 1, 1, 100), POINT (2022, 1, 1, 20) };
  MeasuresPoint values[] = { POINT (2022, 1, 1, 80), POINT (2020, 1, 1, 100) };
  MeasuresPoint halve[] = { POINT (2030, 1, 1, 50) };
  MeasuresIndicatorEvaluation evaluation;

  g_assert_cmpint (rate (down_baseline, down_target, 1, TRUE, POINT (2025, 1, 1, 740)), ==,
                   MEASURES_RATING_ON_TRACK);
  g_assert_cmpint (rate (down_baseline, down_target, 1, TRUE, POINT (2025, 1, 1, 749.9)), ==,
                   MEASURES_RATING_ON_TRACK);
  g_assert_cmpint (rate (down_baseline, down_target, 1, TRUE, POINT (2025, 1, 1, 760)), ==,
                   MEASURES_RATING_BEHIND);
  g_assert_cmpint (rate (down_baseline, down_target, 1, TRUE, POINT (2025, 1, 1, 500)), ==,
                   MEASURES_RATING_REACHED);
  g_assert_cmpint (rate (down_baseline, down_target, 1, TRUE, POINT (2031, 1, 1, 480)), ==,
                   MEASURES_RATING_REACHED);
  g_assert_cmpint (rate (down_baseline, down_target, 1, TRUE, POINT (2031, 1, 1, 520)), ==,
                   MEASURES_RATING_BEHIND);
  /* Rising when it should fall is behind however high. */
  g_assert_cmpint (rate (down_baseline, down_target, 1, TRUE, POINT (2021, 1, 1, 1100)), ==,
                   MEASURES_RATING_BEHIND);

  g_assert_cmpint (rate (up_baseline, up_target, 1, FALSE, POINT (2025, 1, 1, 36)), ==,
                   MEASURES_RATING_ON_TRACK);
  g_assert_cmpint (rate (up_baseline, up_target, 1, FALSE, POINT (2025, 1, 1, 34)), ==,
                   MEASURES_RATING_BEHIND);
  g_assert_cmpint (rate (up_baseline, up_target, 1, FALSE, POINT (2025, 1, 1, 60)), ==,
                   MEASURES_RATING_REACHED);
  g_assert_cmpint (rate (up_baseline, up_target, 1, FALSE, POINT (2020, 1, 1, 10)), ==,
                   MEASURES_RATING_ON_TRACK);

  /* Along two targets: measured against the next one, from the last. */
  g_assert_cmpint (rate (POINT (2020, 1, 1, 0), steps, 2, FALSE, POINT (2022, 1, 1, 20)), ==,
                   MEASURES_RATING_ON_TRACK);
  g_assert_cmpint (rate (POINT (2020, 1, 1, 0), steps, 2, FALSE, POINT (2021, 1, 1, 9)), ==,
                   MEASURES_RATING_BEHIND);
  g_assert_cmpint (rate (POINT (2020, 1, 1, 0), steps, 2, FALSE, POINT (2021, 1, 1, 10.5)), ==,
                   MEASURES_RATING_ON_TRACK);
  g_assert_cmpint (rate (POINT (2020, 1, 1, 0), steps, 2, FALSE, POINT (2026, 1, 1, 55)), ==,
                   MEASURES_RATING_BEHIND);
  g_assert_cmpint (rate (POINT (2020, 1, 1, 0), steps, 2, FALSE, POINT (2026, 1, 1, 65)), ==,
                   MEASURES_RATING_ON_TRACK);

  /* Nothing measured; nothing to measure against. */
  measures_statistics_evaluate_indicator (&down_baseline, down_target, 1, TRUE, NULL, 0,
                                          &evaluation);
  g_assert_cmpint (evaluation.rating, ==, MEASURES_RATING_NO_DATA);
  g_assert_cmpuint (evaluation.latest.day, ==, 0);
  g_assert_false (evaluation.has_trend);
  g_assert_cmpint (rate (down_baseline, NULL, 0, TRUE, POINT (2025, 1, 1, 740)), ==,
                   MEASURES_RATING_NO_TARGET);

  /* The latest value whatever the order, and the trend per year. */
  measures_statistics_evaluate_indicator (NULL, halve, 1, TRUE, values, 2, &evaluation);
  g_assert_cmpfloat (evaluation.latest.value, ==, 80);
  g_assert_true (evaluation.has_trend);
  g_assert_cmpfloat_with_epsilon (evaluation.trend_per_year, -20 / (731 / 365.25), 1e-9);
  /* Without a baseline the path starts at the first value: from 100 in
   * 2020 to 50 in 2030 it is at 90 in 2022. */
  g_assert_cmpint (evaluation.rating, ==, MEASURES_RATING_ON_TRACK);
  g_assert_cmpint (evaluation.target, ==, 0);
  g_assert_cmpstr (measures_indicator_rating_get_label (evaluation.rating), ==, "On track");
}

int
main (int   argc,
      char *argv[])
{
  /* Dates as written, whatever the zone of the machine. */
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add ("/statistics/counts", TempDir, NULL, temp_dir_setup, test_counts,
              temp_dir_teardown);
  g_test_add_func ("/statistics/describe", test_describe);
  g_test_add ("/statistics/narrowed-counts", Strategy, NULL, strategy_setup,
              test_narrowed_counts, strategy_teardown);
  g_test_add ("/statistics/overdue", Strategy, NULL, strategy_setup, test_overdue,
              strategy_teardown);
  g_test_add ("/statistics/progress-series", Strategy, NULL, strategy_setup,
              test_progress_series, strategy_teardown);
  g_test_add ("/statistics/monitoring", Strategy, NULL, strategy_setup, test_monitoring,
              strategy_teardown);
  g_test_add_func ("/statistics/indicator", test_indicator);

  return g_test_run ();
}
