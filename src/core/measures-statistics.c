/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-statistics"

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "measures-i18n.h"
#include "measures-statistics.h"

static void
count (MeasuresStatistics *self,
       GArray             *summaries,
       guint               goal)
{
  memset (self, 0, sizeof *self);
  for (guint i = 0; i < summaries->len; i++)
    {
      const MeasuresSummary *summary = &g_array_index (summaries, MeasuresSummary, i);

      if (goal != 0 && summary->goal != goal)
        continue;
      self->counts[summary->status]++;
      self->progress_sum += summary->progress;
    }
}

/* Counts the measures the store lists with @office in @role (any office
 * when %NULL), of goal @goal (every goal when 0). The summaries are a few
 * bytes a measure, so even a strategy of thousands is counted quickly. */
static gboolean
load (MeasuresStatistics  *self,
      MeasuresStore       *store,
      guint                goal,
      const char          *office,
      int                  role,
      GError             **error)
{
  g_autoptr(GArray) summaries = NULL;

  g_assert (self != NULL);
  g_assert (MEASURES_IS_STORE (store));

  memset (self, 0, sizeof *self);

  if (!measures_store_list_summaries (store, office, role, 0, &summaries, error))
    return FALSE;

  count (self, summaries, goal);
  return TRUE;
}

/**
 * measures_statistics_load_strategy:
 * @self: (out caller-allocates): the statistics
 * @store: the strategy
 *
 * Counts every measure of the strategy.
 *
 * Returns: %FALSE with @error set if the store could not be read
 */
gboolean
measures_statistics_load_strategy (MeasuresStatistics  *self,
                                   MeasuresStore       *store,
                                   GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MEASURES_IS_STORE (store), FALSE);

  return load (self, store, 0, NULL, -1, error);
}

/**
 * measures_statistics_load_goal:
 * @self: (out caller-allocates): the statistics
 * @store: the strategy
 * @goal: a goal's number
 *
 * Counts the measures of one goal.
 *
 * Returns: %FALSE with @error set if the store could not be read
 */
gboolean
measures_statistics_load_goal (MeasuresStatistics  *self,
                               MeasuresStore       *store,
                               guint                goal,
                               GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MEASURES_IS_STORE (store), FALSE);
  g_return_val_if_fail (goal > 0, FALSE);

  return load (self, store, goal, NULL, -1, error);
}

/**
 * measures_statistics_load_office:
 * @self: (out caller-allocates): the statistics
 * @store: the strategy
 * @abbreviation: an office's abbreviation
 * @role: the measures it leads, or those it takes part in
 *
 * Counts an office's measures.
 *
 * Returns: %FALSE with @error set if the store could not be read
 */
gboolean
measures_statistics_load_office (MeasuresStatistics  *self,
                                 MeasuresStore       *store,
                                 const char          *abbreviation,
                                 MeasuresRole         role,
                                 GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MEASURES_IS_STORE (store), FALSE);
  g_return_val_if_fail (abbreviation != NULL, FALSE);

  return load (self, store, 0, abbreviation, role, error);
}

/**
 * measures_statistics_load_narrowed:
 * @self: (out caller-allocates): the statistics
 * @store: the strategy
 * @goal: a goal's number, or 0 for every goal
 * @office: (nullable): an office's abbreviation, or %NULL for every office
 *
 * Counts the measures of @goal that @office leads: the narrowing the
 * dashboard offers, the same as that of the overdue reports and the
 * progress over time.
 *
 * Returns: %FALSE with @error set if the store could not be read
 */
gboolean
measures_statistics_load_narrowed (MeasuresStatistics  *self,
                                   MeasuresStore       *store,
                                   guint                goal,
                                   const char          *office,
                                   GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MEASURES_IS_STORE (store), FALSE);

  return load (self, store, goal, office, office != NULL ? MEASURES_ROLE_LEAD : -1, error);
}

/**
 * measures_statistics_get_n_measures:
 *
 * Returns: how many measures are counted
 */
guint
measures_statistics_get_n_measures (const MeasuresStatistics *self)
{
  guint total = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    total += self->counts[i];

  return total;
}

/**
 * measures_statistics_get_mean_progress:
 *
 * Returns: the measures' average progress, from 0 to 1; 0 when there are
 *   none
 */
double
measures_statistics_get_mean_progress (const MeasuresStatistics *self)
{
  guint total;

  g_return_val_if_fail (self != NULL, 0);

  total = measures_statistics_get_n_measures (self);
  return total > 0 ? self->progress_sum / (100.0 * total) : 0;
}

/**
 * measures_statistics_describe:
 *
 * Describes the measures by status, for the overview of a goal or an
 * office. Statuses no measure has are left out.
 *
 * Returns: (transfer full): e.g. "Planned: 3 · In Progress: 5", in the
 *   interface language; empty when there are none
 */
char *
measures_statistics_describe (const MeasuresStatistics *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    {
      if (self->counts[i] == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: a count by status, e.g. "In Progress: 5" */
      g_string_append_printf (text, _("%s: %u"), measures_status_get_label (i), self->counts[i]);
    }

  return g_string_free (text, FALSE);
}

/* Overdue reports ----------------------------------------------------------- */

/**
 * measures_overdue_office_free:
 *
 * Frees an office's overdue reports.
 */
void
measures_overdue_office_free (MeasuresOverdueOffice *self)
{
  if (self == NULL)
    return;

  g_free (self->office);
  g_array_unref (self->measures);
  g_free (self);
}

static int
compare_overdue_offices (gconstpointer a,
                         gconstpointer b)
{
  const MeasuresOverdueOffice *first = *(MeasuresOverdueOffice * const *)a;
  const MeasuresOverdueOffice *second = *(MeasuresOverdueOffice * const *)b;

  /* The measures nobody leads come last: nobody in particular to ask. */
  if (first->office == NULL || second->office == NULL)
    return (first->office == NULL) - (second->office == NULL);
  return strcmp (first->office, second->office);
}

static int
compare_overdue_measures (gconstpointer a,
                          gconstpointer b)
{
  const MeasuresOverdueMeasure *first = a;
  const MeasuresOverdueMeasure *second = b;

  /* Never reported on first, then the longest overdue, then sheet order. */
  if ((first->days_since < 0) != (second->days_since < 0))
    return first->days_since < 0 ? -1 : 1;
  if (first->days_since != second->days_since)
    return first->days_since > second->days_since ? -1 : 1;
  if (first->goal != second->goal)
    return first->goal < second->goal ? -1 : 1;
  if (first->position != second->position)
    return first->position < second->position ? -1 : 1;
  return (first->measure_id > second->measure_id) - (first->measure_id < second->measure_id);
}

static int
compare_leads (gconstpointer a,
               gconstpointer b)
{
  const MeasuresMeasureLead *first = a;
  const MeasuresMeasureLead *second = b;

  return (first->measure_id > second->measure_id) - (first->measure_id < second->measure_id);
}

/* The overdue reports from the leads and the progress log (by measure id). */
static GPtrArray *
compute_overdue (GArray      *leads,
                 GArray      *entries,
                 MeasuresDay  today,
                 guint        interval_months,
                 guint        goal,
                 const char  *office)
{
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(GHashTable) by_office = NULL;
  MeasuresOverdueOffice *unled = NULL;
  MeasuresDay oldest;
  guint k = 0;

  /* Reported on this day or later: not overdue. */
  oldest = measures_day_add_months (today, -(int)interval_months);

  /* By id like the log, so that one walk through both finds each
   * measure's latest entry. */
  g_array_sort (leads, compare_leads);

  offices = g_ptr_array_new_with_free_func ((GDestroyNotify)measures_overdue_office_free);
  by_office = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < leads->len; i++)
    {
      const MeasuresMeasureLead *row = &g_array_index (leads, MeasuresMeasureLead, i);
      MeasuresDay latest_entry = 0;
      MeasuresDay last;
      MeasuresOverdueOffice *group;
      MeasuresOverdueMeasure measure;

      while (k < entries->len &&
             g_array_index (entries, MeasuresProgressEntry, k).measure_id < row->measure_id)
        k++;
      for (guint j = k; j < entries->len; j++)
        {
          const MeasuresProgressEntry *entry = &g_array_index (entries, MeasuresProgressEntry, j);

          if (entry->measure_id != row->measure_id || entry->day > today)
            break;
          latest_entry = entry->day;
        }

      last = latest_entry != 0 ? latest_entry : row->created;
      if ((goal != 0 && row->goal != goal) ||
          (office != NULL && g_strcmp0 (row->office, office) != 0) ||
          row->status == MEASURES_STATUS_COMPLETED || row->status == MEASURES_STATUS_DROPPED ||
          (last != 0 && last >= oldest))
        continue;

      group = row->office != NULL ? g_hash_table_lookup (by_office, row->office) : unled;
      if (group == NULL)
        {
          group = g_new0 (MeasuresOverdueOffice, 1);
          group->office = g_strdup (row->office);
          group->measures = g_array_new (FALSE, FALSE, sizeof (MeasuresOverdueMeasure));
          g_ptr_array_add (offices, group);
          if (group->office != NULL)
            g_hash_table_insert (by_office, group->office, group);
          else
            unled = group;
        }

      measure = (MeasuresOverdueMeasure) {
        .measure_id = row->measure_id,
        .goal = row->goal,
        .position = row->position,
        .status = row->status,
        .last_report = last,
        .days_since = last != 0 ? (int)today - (int)last : -1,
      };
      g_array_append_val (group->measures, measure);
    }

  g_ptr_array_sort (offices, compare_overdue_offices);
  for (guint i = 0; i < offices->len; i++)
    {
      MeasuresOverdueOffice *group = g_ptr_array_index (offices, i);

      g_array_sort (group->measures, compare_overdue_measures);
    }

  return g_steal_pointer (&offices);
}

/**
 * measures_statistics_list_overdue:
 * @store: the strategy
 * @today: the day to judge on, usually measures_day_today()
 * @interval_months: how often a measure is to be reported on, in months
 *   (see %MEASURES_DEFAULT_REPORT_INTERVAL_MONTHS)
 * @goal: a goal's number, or 0 for every goal
 * @office: (nullable): only the measures this office leads, or %NULL for
 *   all
 * @error: return location for an error
 *
 * Lists the measures whose progress report is overdue, by the office that
 * leads them: a measure that several offices lead is listed under each,
 * one that no office leads under %NULL.
 *
 * A measure that is neither completed nor dropped (nor removed) was last
 * reported on the day of its latest log entry that is not withdrawn (up to
 * @today); with
 * none, the day it was created in Measures. Its creation and not its
 * latest edit: correcting a sheet's typo is no progress report. A measure
 * with neither, as those of the printed strategy before their first
 * report, was never reported on and is always overdue. It is overdue when
 * that day lies more than @interval_months before @today: reported on 5
 * months ago it is not overdue at 6 months, 7 months ago it is, exactly 6
 * months ago (the same day of the month) not yet.
 *
 * Returns: (transfer full) (element-type MeasuresOverdueOffice): the
 *   offices with overdue reports, by abbreviation, %NULL last; or %NULL
 *   with @error set if the store could not be read
 */
GPtrArray *
measures_statistics_list_overdue (MeasuresStore  *store,
                                  MeasuresDay     today,
                                  guint           interval_months,
                                  guint           goal,
                                  const char     *office,
                                  GError        **error)
{
  g_autoptr(GArray) leads = NULL;
  g_autoptr(GArray) entries = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);
  g_return_val_if_fail (today > 0, NULL);
  g_return_val_if_fail (interval_months > 0 && interval_months <= 1200, NULL);

  if (!measures_store_list_measure_leads (store, &leads, error) ||
      !measures_store_list_progress_log (store, &entries, error))
    return NULL;

  return compute_overdue (leads, entries, today, interval_months, goal, office);
}

/* Progress over time -------------------------------------------------------- */

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 first = *(const gint64 *)a;
  gint64 second = *(const gint64 *)b;

  return (first > second) - (first < second);
}

static guint
month_number (MeasuresDay day)
{
  guint year, month;

  measures_day_get_ymd (day, &year, &month, NULL);
  return year * 12 + month - 1;
}

/* The progress over time of the measures of @goal among @summaries, from
 * the progress log (by measure id), which it leaves filtered. */
static GArray *
compute_series (GArray      *summaries,
                GArray      *entries,
                MeasuresDay  today,
                guint        goal)
{
  g_autoptr(GArray) ids = NULL;
  g_autofree gint64 *changes = NULL;
  GArray *series;
  MeasuresDay first = 0;
  guint first_month, n_months;
  gint64 sum = 0;
  guint k = 0;

  /* The measures counted, by id: the entries come by id too, so one walk
   * through both finds each entry's measure. */
  ids = g_array_sized_new (FALSE, FALSE, sizeof (gint64), summaries->len);
  for (guint i = 0; i < summaries->len; i++)
    {
      const MeasuresSummary *summary = &g_array_index (summaries, MeasuresSummary, i);

      if (goal == 0 || summary->goal == goal)
        g_array_append_val (ids, summary->id);
    }
  g_array_sort (ids, compare_ids);

  series = g_array_new (FALSE, FALSE, sizeof (MeasuresPoint));

  /* Drop the entries of other measures and of later days, in place. */
  for (guint i = 0, kept = 0; i <= entries->len; i++)
    {
      const MeasuresProgressEntry *entry;

      if (i == entries->len)
        {
          g_array_set_size (entries, kept);
          break;
        }

      entry = &g_array_index (entries, MeasuresProgressEntry, i);
      while (k < ids->len && g_array_index (ids, gint64, k) < entry->measure_id)
        k++;
      if (k == ids->len || g_array_index (ids, gint64, k) != entry->measure_id ||
          entry->day > today)
        continue;

      if (first == 0 || entry->day < first)
        first = entry->day;
      g_array_index (entries, MeasuresProgressEntry, kept++) = *entry;
    }

  if (first == 0 || ids->len == 0)
    return series;

  /* How much the sum of progress changes in each month: a measure's entry
   * replaces its previous progress from its month on. */
  first_month = month_number (first);
  n_months = month_number (today) - first_month + 1;
  changes = g_new0 (gint64, n_months);
  for (guint i = 0; i < entries->len; i++)
    {
      const MeasuresProgressEntry *entry = &g_array_index (entries, MeasuresProgressEntry, i);
      const MeasuresProgressEntry *previous = i > 0 ? entry - 1 : NULL;
      int before = 0;

      if (previous != NULL && previous->measure_id == entry->measure_id)
        before = previous->progress;
      changes[month_number (entry->day) - first_month] += (int)entry->progress - before;
    }

  g_array_set_size (series, n_months);
  for (guint month = 0; month < n_months; month++)
    {
      MeasuresPoint *point = &g_array_index (series, MeasuresPoint, month);
      guint number = first_month + month;

      sum += changes[month];
      point->day = month + 1 < n_months
                   ? measures_day_end_of_month (measures_day_new (number / 12, number % 12 + 1, 1))
                   : today;
      point->value = (double)sum / ids->len;
    }

  return series;
}

/**
 * measures_statistics_list_progress_series:
 * @store: the strategy
 * @today: the last day of the series, usually measures_day_today()
 * @goal: a goal's number, or 0 for every goal
 * @office: (nullable): only the measures this office leads, or %NULL for
 *   all
 * @error: return location for an error
 *
 * The mean progress of the measures (not removed) of @goal that @office
 * leads, at the end of every month from the month of their first log
 * entry to @today. A measure's progress at a time is that of its latest
 * log entry (not withdrawn) up to then, and 0 before its first: measures
 * added later pull the mean down from then on, as they do on the
 * dashboard today. Entries dated after @today are left out.
 *
 * The whole log is read in one query and each entry is visited once, so
 * that the dashboard draws this for thousands of measures at once.
 *
 * Returns: (transfer full) (element-type MeasuresPoint): one point a
 *   month, dated its last day, the last one dated @today, valued in percent;
 *   empty when there is no entry; or %NULL with @error set
 */
GArray *
measures_statistics_list_progress_series (MeasuresStore  *store,
                                          MeasuresDay     today,
                                          guint           goal,
                                          const char     *office,
                                          GError        **error)
{
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GArray) entries = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);
  g_return_val_if_fail (today > 0, NULL);

  if (!measures_store_list_summaries (store, office, office != NULL ? MEASURES_ROLE_LEAD : -1, 0,
                                      &summaries, error) ||
      !measures_store_list_progress_log (store, &entries, error))
    return NULL;

  return compute_series (summaries, entries, today, goal);
}

/* Everything at once -------------------------------------------------------- */

/**
 * measures_monitoring_load:
 * @self: (out caller-allocates): where to put it all; clear it with
 *   measures_monitoring_clear()
 * @store: the strategy
 * @today: the day to judge on, usually measures_day_today()
 * @interval_months: how often a measure is to be reported on
 * @goal: a goal's number, or 0 for every goal
 * @office: (nullable): only the measures this office leads, or %NULL for
 *   all
 * @error: return location for an error
 *
 * The counts, the overdue reports and the progress over time with each
 * query run once: what the dashboard's first paint needs.
 *
 * Returns: %FALSE with @error set if the store could not be read
 */
gboolean
measures_monitoring_load (MeasuresMonitoring  *self,
                          MeasuresStore       *store,
                          MeasuresDay          today,
                          guint                interval_months,
                          guint                goal,
                          const char          *office,
                          GError             **error)
{
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GArray) leads = NULL;
  g_autoptr(GArray) entries = NULL;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MEASURES_IS_STORE (store), FALSE);
  g_return_val_if_fail (today > 0, FALSE);
  g_return_val_if_fail (interval_months > 0 && interval_months <= 1200, FALSE);

  *self = (MeasuresMonitoring) { { { 0 } } };
  if (!measures_store_list_summaries (store, office, office != NULL ? MEASURES_ROLE_LEAD : -1, 0,
                                      &summaries, error) ||
      !measures_store_list_measure_leads (store, &leads, error) ||
      !measures_store_list_progress_log (store, &entries, error))
    return FALSE;

  count (&self->statistics, summaries, goal);
  /* Before the series, which leaves only its own measures' entries. */
  self->overdue = compute_overdue (leads, entries, today, interval_months, goal, office);
  self->progress = compute_series (summaries, entries, today, goal);
  return TRUE;
}

/**
 * measures_monitoring_clear:
 *
 * Frees what measures_monitoring_load() read.
 */
void
measures_monitoring_clear (MeasuresMonitoring *self)
{
  g_return_if_fail (self != NULL);

  g_clear_pointer (&self->overdue, g_ptr_array_unref);
  g_clear_pointer (&self->progress, g_array_unref);
}

/* Indicators ---------------------------------------------------------------- */

/**
 * measures_indicator_rating_get_label:
 *
 * Returns: the rating in words, in the interface language
 */
const char *
measures_indicator_rating_get_label (MeasuresIndicatorRating rating)
{
  switch (rating)
    {
    case MEASURES_RATING_NO_DATA:
      /* Translators: an indicator's rating: no value was measured yet */
      return _("No data");
    case MEASURES_RATING_NO_TARGET:
      /* Translators: an indicator's rating: it has no target to compare with */
      return _("No target");
    case MEASURES_RATING_ON_TRACK:
      /* Translators: an indicator's rating: on the way to its target in time */
      return _("On track");
    case MEASURES_RATING_BEHIND:
      /* Translators: an indicator's rating: not as far as it should be by now */
      return _("Behind");
    case MEASURES_RATING_REACHED:
      /* Translators: an indicator's rating */
      return _("Target reached");
    default:
      g_return_val_if_reached ("");
    }
}

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const MeasuresPoint *first = a;
  const MeasuresPoint *second = b;

  return (first->day > second->day) - (first->day < second->day);
}

/* Whether @value is at least as good as @than, in the indicator's direction.
 * A tolerance of rounding keeps a value exactly on the path on track. */
static gboolean
at_least (double   value,
          double   than,
          gboolean lower_is_better)
{
  double tolerance = 1e-9 * MAX (1.0, fabs (than));

  return lower_is_better ? value <= than + tolerance : value >= than - tolerance;
}

/**
 * measures_statistics_evaluate_indicator:
 * @baseline: (nullable): the value the indicator started from, and when;
 *   a day of 0 when that is not known
 * @targets: (array length=n_targets): the values to reach, by their days,
 *   in any order
 * @n_targets: how many targets there are
 * @lower_is_better: %TRUE when the indicator should fall (its direction is
 *   "down")
 * @values: (array length=n_values): the values measured, in any order
 * @n_values: how many values there are
 * @evaluation: (out caller-allocates): where the indicator stands
 *
 * Judges an indicator on its data alone. The targets lay out a path: a
 * straight line from the baseline to the first target, from there to the
 * next, and so on. The latest value is on track when it is at least as far
 * along as that path on the day it was measured, in the indicator's
 * direction — with one target, exactly as far from the baseline toward the
 * target as the time elapsed since the baseline's day would require. It
 * is behind when it falls short, or when the last target's day has passed
 * without the target reached; a value that reaches the last target has
 * reached it, whenever that was. Without a baseline day the path starts
 * at the first value's day; without a baseline at the first value.
 *
 * The trend is the slope of the least-squares line through all values, per
 * year: unlike the latest value against the one before, one odd
 * measurement does not turn it around.
 */
void
measures_statistics_evaluate_indicator (const MeasuresPoint         *baseline,
                                        const MeasuresPoint         *targets,
                                        guint                        n_targets,
                                        gboolean                     lower_is_better,
                                        const MeasuresPoint         *values,
                                        guint                        n_values,
                                        MeasuresIndicatorEvaluation *evaluation)
{
  g_autofree MeasuresPoint *sorted_values = NULL;
  g_autofree MeasuresPoint *sorted_targets = NULL;
  MeasuresPoint start, previous, next;
  double mean_x = 0, mean_y = 0, sxx = 0, sxy = 0;
  guint next_index;

  g_return_if_fail (n_targets == 0 || targets != NULL);
  g_return_if_fail (n_values == 0 || values != NULL);
  g_return_if_fail (evaluation != NULL);

  *evaluation = (MeasuresIndicatorEvaluation) {
    .rating = MEASURES_RATING_NO_DATA,
    .target = -1,
  };

  sorted_targets = g_memdup2 (targets, n_targets * sizeof *targets);
  if (n_targets > 0)
    qsort (sorted_targets, n_targets, sizeof *sorted_targets, compare_points);
  if (n_targets > 0)
    evaluation->target = n_targets - 1;

  if (n_values == 0)
    return;

  sorted_values = g_memdup2 (values, n_values * sizeof *values);
  qsort (sorted_values, n_values, sizeof *sorted_values, compare_points);
  evaluation->latest = sorted_values[n_values - 1];

  /* Years since the first value keep the sums small and exact enough. */
  for (guint i = 0; i < n_values; i++)
    {
      mean_x += (double)(sorted_values[i].day - sorted_values[0].day) / 365.25;
      mean_y += sorted_values[i].value;
    }
  mean_x /= n_values;
  mean_y /= n_values;
  for (guint i = 0; i < n_values; i++)
    {
      double x = (double)(sorted_values[i].day - sorted_values[0].day) / 365.25 - mean_x;

      sxx += x * x;
      sxy += x * (sorted_values[i].value - mean_y);
    }
  evaluation->has_trend = sxx > 0;
  evaluation->trend_per_year = sxx > 0 ? sxy / sxx : 0;

  if (n_targets == 0)
    {
      evaluation->rating = MEASURES_RATING_NO_TARGET;
      return;
    }

  if (at_least (evaluation->latest.value, sorted_targets[n_targets - 1].value, lower_is_better))
    {
      evaluation->rating = MEASURES_RATING_REACHED;
      evaluation->expected = evaluation->latest;
      return;
    }

  start = baseline != NULL ? *baseline : sorted_values[0];
  if (start.day == 0)
    start.day = sorted_values[0].day;

  /* The segment of the path the latest value's day falls in. */
  for (next_index = 0; next_index < n_targets; next_index++)
    if (sorted_targets[next_index].day > evaluation->latest.day)
      break;
  if (next_index == n_targets)
    {
      /* Every target is due, the last not reached. */
      evaluation->rating = MEASURES_RATING_BEHIND;
      evaluation->expected = (MeasuresPoint) { evaluation->latest.day,
                                               sorted_targets[n_targets - 1].value };
      return;
    }

  next = sorted_targets[next_index];
  previous = next_index > 0 ? sorted_targets[next_index - 1] : start;
  evaluation->target = next_index;
  evaluation->expected.day = evaluation->latest.day;
  if (next.day <= previous.day)
    evaluation->expected.value = next.value;
  else
    {
      double elapsed = CLAMP (((double)evaluation->latest.day - previous.day) /
                              (next.day - previous.day), 0, 1);

      evaluation->expected.value = previous.value + (next.value - previous.value) * elapsed;
    }

  evaluation->rating = at_least (evaluation->latest.value, evaluation->expected.value,
                                 lower_is_better)
                       ? MEASURES_RATING_ON_TRACK : MEASURES_RATING_BEHIND;
}

/**
 * measures_statistics_rate_indicator:
 * @indicator: an indicator
 * @values: (element-type MeasuresIndicatorValue): its values, as
 *   measures_store_list_indicator_values() lists them
 * @evaluation: (out caller-allocates): how it stands
 *
 * measures_statistics_evaluate_indicator() for an indicator of the store:
 * its baseline, targets and direction, and its values.
 */
void
measures_statistics_rate_indicator (MeasuresIndicator           *indicator,
                                    GListModel                  *values,
                                    MeasuresIndicatorEvaluation *evaluation)
{
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (MeasuresPoint));
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (MeasuresPoint));
  MeasuresPoint baseline = {
    measures_day_from_iso8601 (measures_indicator_get_baseline_date (indicator)),
    measures_indicator_get_baseline_value (indicator),
  };

  g_return_if_fail (MEASURES_IS_INDICATOR (indicator));
  g_return_if_fail (G_IS_LIST_MODEL (values));
  g_return_if_fail (evaluation != NULL);

  for (guint i = 0; i < measures_indicator_get_n_targets (indicator); i++)
    {
      const MeasuresIndicatorTarget *target = measures_indicator_get_target (indicator, i);
      MeasuresPoint point = { measures_day_from_iso8601 (target->date), target->value };

      g_array_append_val (targets, point);
    }

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(MeasuresIndicatorValue) value = g_list_model_get_item (values, i);
      MeasuresPoint point = {
        measures_day_from_iso8601 (measures_indicator_value_get_date (value)),
        measures_indicator_value_get_value (value),
      };

      g_array_append_val (points, point);
    }

  measures_statistics_evaluate_indicator (&baseline,
                                          (const MeasuresPoint *)(gpointer)targets->data,
                                          targets->len,
                                          measures_indicator_get_direction (indicator) ==
                                            MEASURES_DIRECTION_DOWN,
                                          (const MeasuresPoint *)(gpointer)points->data,
                                          points->len, evaluation);
}
