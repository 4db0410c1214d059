/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "measures-day.h"
#include "measures-indicator.h"
#include "measures-store.h"
#include "measures-types.h"

G_BEGIN_DECLS

/**
 * MeasuresStatistics:
 * @counts: how many measures have each #MeasuresStatus
 * @progress_sum: the sum of their progress, in percent
 *
 * Where a set of measures stands: a goal's, an office's or the whole
 * strategy's, for the pages that show it and the reports that print it.
 */
typedef struct {
  guint counts[MEASURES_N_STATUSES];
  guint64 progress_sum;
} MeasuresStatistics;

gboolean measures_statistics_load_strategy     (MeasuresStatistics        *self,
                                                MeasuresStore             *store,
                                                GError                   **error);
gboolean measures_statistics_load_goal         (MeasuresStatistics        *self,
                                                MeasuresStore             *store,
                                                guint                      goal,
                                                GError                   **error);
gboolean measures_statistics_load_office       (MeasuresStatistics        *self,
                                                MeasuresStore             *store,
                                                const char                *abbreviation,
                                                MeasuresRole               role,
                                                GError                   **error);
gboolean measures_statistics_load_narrowed     (MeasuresStatistics        *self,
                                                MeasuresStore             *store,
                                                guint                      goal,
                                                const char                *office,
                                                GError                   **error);

guint    measures_statistics_get_n_measures    (const MeasuresStatistics  *self);
double   measures_statistics_get_mean_progress (const MeasuresStatistics  *self);
char    *measures_statistics_describe          (const MeasuresStatistics  *self);

/**
 * MeasuresPoint:
 * @day: when
 * @value: what was measured or computed then
 *
 * One point of a series over time: the progress over time, an indicator's
 * baseline, targets and values.
 */
typedef struct {
  MeasuresDay day;
  double value;
} MeasuresPoint;

/* How often a measure is reported on unless a setting says otherwise. */
#define MEASURES_DEFAULT_REPORT_INTERVAL_MONTHS 6

/**
 * MeasuresOverdueMeasure:
 * @measure_id: the measure's id
 * @goal: its goal's number
 * @position: its place among its goal's sheets
 * @status: its #MeasuresStatus
 * @last_report: the day it was last reported on (see
 *   measures_statistics_list_overdue()); 0 when never
 * @days_since: how many days @last_report is ago; -1 when never
 *
 * A measure whose progress report is overdue. Its title is left out: read
 * for thousands of measures it would cost more than all the rest. Load the
 * measures shown with measures_store_load_measures().
 */
typedef struct {
  gint64 measure_id;
  guint goal;
  guint position;
  MeasuresStatus status;
  MeasuresDay last_report;
  int days_since;
} MeasuresOverdueMeasure;

/**
 * MeasuresOverdueOffice:
 * @office: (nullable): the abbreviation of the office that leads the
 *   measures; %NULL for measures no office leads
 * @measures: (element-type MeasuresOverdueMeasure): the office's overdue
 *   measures, longest overdue first
 *
 * The overdue reports of one lead office.
 */
typedef struct {
  char *office;
  GArray *measures;
} MeasuresOverdueOffice;

void       measures_overdue_office_free              (MeasuresOverdueOffice     *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresOverdueOffice, measures_overdue_office_free)

GPtrArray *measures_statistics_list_overdue          (MeasuresStore             *store,
                                                      MeasuresDay                today,
                                                      guint                      interval_months,
                                                      guint                      goal,
                                                      const char                *office,
                                                      GError                   **error);
GArray    *measures_statistics_list_progress_series  (MeasuresStore             *store,
                                                      MeasuresDay                today,
                                                      guint                      goal,
                                                      const char                *office,
                                                      GError                   **error);

/**
 * MeasuresMonitoring:
 * @statistics: the counts by status and the progress now
 * @overdue: (element-type MeasuresOverdueOffice): the overdue reports, as
 *   measures_statistics_list_overdue() lists them
 * @progress: (element-type MeasuresPoint): the progress over time, as
 *   measures_statistics_list_progress_series() computes it
 *
 * Everything the dashboard and the monitoring report show of a goal, an
 * office or the strategy, read at once.
 */
typedef struct {
  MeasuresStatistics statistics;
  GPtrArray *overdue;
  GArray *progress;
} MeasuresMonitoring;

gboolean   measures_monitoring_load                  (MeasuresMonitoring        *self,
                                                      MeasuresStore             *store,
                                                      MeasuresDay                today,
                                                      guint                      interval_months,
                                                      guint                      goal,
                                                      const char                *office,
                                                      GError                   **error);
void       measures_monitoring_clear                 (MeasuresMonitoring        *self);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (MeasuresMonitoring, measures_monitoring_clear)

/**
 * MeasuresIndicatorRating:
 * @MEASURES_RATING_NO_DATA: no value was measured yet
 * @MEASURES_RATING_NO_TARGET: the indicator has no target to be measured
 *   against
 * @MEASURES_RATING_ON_TRACK: the latest value is where the path to the
 *   next target says it should be by then, or further
 * @MEASURES_RATING_BEHIND: it is short of that path, or a target's date
 *   has passed without the target reached
 * @MEASURES_RATING_REACHED: the latest value reaches the last target
 *
 * How an indicator stands against its targets.
 */
typedef enum {
  MEASURES_RATING_NO_DATA,
  MEASURES_RATING_NO_TARGET,
  MEASURES_RATING_ON_TRACK,
  MEASURES_RATING_BEHIND,
  MEASURES_RATING_REACHED,
} MeasuresIndicatorRating;

const char *measures_indicator_rating_get_label      (MeasuresIndicatorRating    rating);

/**
 * MeasuresIndicatorEvaluation:
 * @rating: how the indicator stands
 * @latest: the latest value; its day is 0 when there is none
 * @has_trend: whether @trend_per_year is known: it takes values of two days
 * @trend_per_year: the slope of the least-squares line through the
 *   values, in the indicator's unit per year
 * @expected: where the path through the baseline and the targets was on
 *   the day of the latest value
 * @target: the index, among the targets sorted by day, of the target the
 *   latest value is measured against: the next one after it, or the last
 *   one once all are due; -1 without targets
 */
typedef struct {
  MeasuresIndicatorRating rating;
  MeasuresPoint latest;
  gboolean has_trend;
  double trend_per_year;
  MeasuresPoint expected;
  int target;
} MeasuresIndicatorEvaluation;

void measures_statistics_evaluate_indicator (const MeasuresPoint         *baseline,
                                             const MeasuresPoint         *targets,
                                             guint                        n_targets,
                                             gboolean                     lower_is_better,
                                             const MeasuresPoint         *values,
                                             guint                        n_values,
                                             MeasuresIndicatorEvaluation *evaluation);
void measures_statistics_rate_indicator     (MeasuresIndicator           *indicator,
                                             GListModel                  *values,
                                             MeasuresIndicatorEvaluation *evaluation);

G_END_DECLS
