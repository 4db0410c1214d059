/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-report"

#include "config.h"

#include "measures-chart.h"
#include "measures-format.h"
#include "measures-i18n.h"
#include "measures-report-private.h"

/* The monitoring report: where the measures of the strategy, of a goal or
 * of an office stand, as the dashboard shows it, for a meeting's table.
 * One heading instead of a title page, then the status bars, the progress
 * over time, a table of the lead offices, every overdue progress report
 * under its lead office, and the indicators. Offices get a row each, not a
 * page each: the report of the whole strategy stays a few pages long. */

typedef struct
{
  MeasuresIndicator *indicator;
  GArray *values;               /* (element-type MeasuresPoint) */
  MeasuresMeasure *measure;     /* (nullable): the measure it belongs to */
} MonitoredIndicator;

static void
monitored_indicator_free (MonitoredIndicator *self)
{
  g_clear_object (&self->indicator);
  g_clear_pointer (&self->values, g_array_unref);
  g_clear_object (&self->measure);
  g_free (self);
}

void
_measures_report_monitoring_clear (MeasuresReport *self)
{
  measures_monitoring_clear (&self->monitoring);
  g_clear_object (&self->store);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
}

/* Reading the data -------------------------------------------------------- */

static gboolean
in_scope (MeasuresReport  *self,
          MeasuresMeasure *measure)
{
  if (self->goal != 0 && measures_measure_get_goal (measure) != self->goal)
    return FALSE;

  return self->office == NULL ||
         measures_measure_has_office (measure, self->office, MEASURES_ROLE_LEAD);
}

static MeasuresDay
report_day (MeasuresReport *self)
{
  return measures_day_from_date_time (self->date);
}

static GArray *
load_values (MeasuresStore  *store,
             gint64          indicator_id,
             GError        **error)
{
  g_autoptr(GListModel) values = measures_store_list_indicator_values (store, indicator_id, error);
  GArray *points;

  if (values == NULL)
    return NULL;

  points = g_array_new (FALSE, FALSE, sizeof (MeasuresPoint));
  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(MeasuresIndicatorValue) value = g_list_model_get_item (values, i);
      MeasuresPoint point = {
        measures_day_from_iso8601 (measures_indicator_value_get_date (value)),
        measures_indicator_value_get_value (value),
      };

      if (point.day != 0)
        g_array_append_val (points, point);
    }

  return points;
}

/* The indicators of what the report covers: a goal's, and those of its
 * measures; an office's, and those of the measures it leads. */
static gboolean
load_indicators (MeasuresReport  *self,
                 MeasuresStore   *store,
                 GListModel      *measures,
                 GError         **error)
{
  g_autoptr(GListModel) indicators = measures_store_list_indicators (store, error);

  if (indicators == NULL)
    return FALSE;

  self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify)monitored_indicator_free);
  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(MeasuresIndicator) indicator = g_list_model_get_item (indicators, i);
      gint64 measure_id = measures_indicator_get_measure_id (indicator);
      g_autoptr(MeasuresMeasure) measure = NULL;
      MonitoredIndicator *item;
      gboolean wanted;

      for (guint j = 0; measure_id != 0 && j < g_list_model_get_n_items (measures); j++)
        {
          g_autoptr(MeasuresMeasure) candidate = g_list_model_get_item (measures, j);

          if (measures_measure_get_id (candidate) == measure_id)
            g_set_object (&measure, candidate);
        }

      /* An indicator of a removed measure goes with it. */
      if (measure_id != 0 && measure == NULL)
        continue;

      if (measure != NULL)
        wanted = in_scope (self, measure);
      else
        wanted = (self->goal == 0 || measures_indicator_get_goal (indicator) == self->goal) &&
                 (self->office == NULL ||
                  g_strcmp0 (measures_indicator_get_office (indicator), self->office) == 0);
      if (!wanted)
        continue;

      item = g_new0 (MonitoredIndicator, 1);
      item->indicator = g_object_ref (indicator);
      item->measure = g_steal_pointer (&measure);
      item->values = load_values (store, measures_indicator_get_id (indicator), error);
      g_ptr_array_add (self->indicators, item);
      if (item->values == NULL)
        return FALSE;
    }

  return TRUE;
}

/**
 * measures_report_new_monitoring:
 * @goal: a goal's number, or 0 for every goal
 * @office: (nullable): an office's abbreviation: only the measures it
 *   leads; %NULL for those of every office
 *
 * The monitoring report, as of now: where the measures stand, the progress
 * over time, the lead offices, the overdue progress reports (every
 * %MEASURES_DEFAULT_REPORT_INTERVAL_MONTHS months unless
 * measures_report_set_report_interval() says otherwise) and the
 * indicators.
 *
 * Returns: (transfer full): the report, or %NULL with @error set
 */
MeasuresReport *
measures_report_new_monitoring (MeasuresStore  *store,
                                guint           goal,
                                const char     *office,
                                GError        **error)
{
  g_autoptr(MeasuresReport) self = _measures_report_new (REPORT_MONITORING);
  g_autoptr(GListModel) measures = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);

  if (!_measures_report_load_common (self, store, &measures, error))
    return NULL;

  if (goal != 0 && _measures_report_find_goal (self, goal) == NULL)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("The strategy has no goal %u."), goal);
      return NULL;
    }

  /* The directory's lookup answers an unknown office with its abbreviation. */
  if (office != NULL && _measures_report_office_name (self, office) == office)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("There is no office “%s” in the directory."), office);
      return NULL;
    }

  self->goal = goal;
  self->office = g_strdup (office);
  self->store = g_object_ref (store);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);

      if (in_scope (self, measure))
        g_ptr_array_add (self->measures, g_steal_pointer (&measure));
    }

  if (!measures_monitoring_load (&self->monitoring, store, report_day (self),
                                 self->interval_months, goal, office, error) ||
      !load_indicators (self, store, measures, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * measures_report_set_report_interval:
 * @months: how often each measure is to be reported on, in months
 *
 * Sets the interval after which the monitoring report counts a measure's
 * progress report as overdue; the default is
 * %MEASURES_DEFAULT_REPORT_INTERVAL_MONTHS. Other reports ignore it.
 */
void
measures_report_set_report_interval (MeasuresReport *self,
                                     guint           months)
{
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MEASURES_IS_REPORT (self));
  g_return_if_fail (months > 0);

  if (months == self->interval_months)
    return;

  self->interval_months = months;
  if (self->kind != REPORT_MONITORING)
    return;

  /* The rest was read when the report was made and does not depend on it. */
  overdue = measures_statistics_list_overdue (self->store, report_day (self), months, self->goal,
                                              self->office, &error);
  if (overdue == NULL)
    {
      g_warning ("Could not list the overdue progress reports: %s", error->message);
      return;
    }

  g_clear_pointer (&self->monitoring.overdue, g_ptr_array_unref);
  self->monitoring.overdue = g_steal_pointer (&overdue);
}

/* Building the blocks ----------------------------------------------------- */

/* Columns of the three tables, as shares of the width. */
static const double office_columns[] = { 0.35, 0.15, 0.23, 0.15, 0.12 };
static const double overdue_columns[] = { 0.09, 0.55, 0.22, 0.14 };
static const double indicator_columns[] = { 0.19, 0.08, 0.13, 0.12, 0.14, 0.13, 0.11, 0.10 };

static guint
add (MeasuresReport *self,
     BlockKind       kind,
     const char     *first,
     ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    g_strv_builder_add (builder, text);
  va_end (args);

  return _measures_report_add_cells (self, kind, g_strv_builder_end (builder));
}

static Block *
block_at (MeasuresReport *self,
          guint           index)
{
  return &g_array_index (self->blocks, Block, index);
}

static guint
add_heading (MeasuresReport *self,
             const char     *text)
{
  guint heading = add (self, BLOCK_HEADING, text, NULL);

  block_at (self, heading)->outline_level = 1;
  block_at (self, heading)->outline_title = g_strdup (text);
  block_at (self, heading)->keep_with_next = TRUE;
  return heading;
}

static void
set_columns (MeasuresReport *self,
             guint           block,
             const double   *columns,
             guint           n_columns)
{
  block_at (self, block)->columns = columns;
  block_at (self, block)->n_columns = n_columns;
}

static char *
format_day (MeasuresDay day)
{
  g_autoptr(GDateTime) date_time = NULL;
  guint year, month, day_of_month;

  measures_day_get_ymd (day, &year, &month, &day_of_month);
  date_time = g_date_time_new_local (year, month, day_of_month, 12, 0, 0);
  return measures_format_date (date_time);
}

static char *
format_value (double      value,
              const char *unit)
{
  g_autofree char *number = measures_format_decimal (value, -1);

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&number);

  /* Translators: a value and its unit, e.g. "1,234 t CO₂" or "35 %"; the
   * space is a no-break space */
  return g_strdup_printf (C_("value and unit", "%1$s %2$s"), number, unit);
}

static char *
mean_progress (const MeasuresStatistics *statistics)
{
  /* Translators: the mean progress of some measures, e.g. "mean progress 35 %" */
  return g_strdup_printf (_("mean progress %.0f %%"),
                          measures_statistics_get_mean_progress (statistics) * 100);
}

static void
count (MeasuresStatistics *statistics,
       MeasuresMeasure    *measure)
{
  statistics->counts[measures_measure_get_status (measure)]++;
  statistics->progress_sum += measures_measure_get_progress (measure);
}

/* A status bar: what it counts above it ("Goal 2: Title"); beneath, the
 * sentence that says in words what it draws, with the number of measures
 * and their mean progress. */
static void
add_status_bar (MeasuresReport           *self,
                const char               *label,
                const char               *short_label,
                const MeasuresStatistics *statistics)
{
  guint n = measures_statistics_get_n_measures (statistics);
  g_autofree char *number = g_strdup_printf (ngettext ("%u measure", "%u measures", n), n);
  g_autofree char *progress = mean_progress (statistics);
  g_autofree char *line = NULL;
  g_autoptr(MeasuresChartDescription) description = NULL;
  guint block;

  description = measures_chart_describe_status_bar (short_label, statistics->counts);
  /* Translators: beneath a status bar: what it shows in words, how many
   * measures, their mean progress, e.g. "Goal 2: 4 planned, 8 in progress ·
   * 12 measures · mean progress 10 %" */
  line = g_strdup_printf (_("%1$s · %2$s · %3$s"), description->text, number, progress);
  block = add (self, BLOCK_CHART, label, line, NULL);
  block_at (self, block)->chart = CHART_STATUS_BAR;
  block_at (self, block)->chart_height = 36;
  memcpy (block_at (self, block)->counts, statistics->counts, sizeof statistics->counts);
}

static void
build_status (MeasuresReport *self)
{
  /* Translators: what the overall status bar counts */
  const char *all = self->goal != 0 || self->office != NULL ? _("These measures")
                                                            : _("All measures");

  add_heading (self, _("Where the Measures Stand"));
  add_status_bar (self, all, all, &self->monitoring.statistics);

  /* Goal by goal, unless the report is about one goal. */
  if (self->goal != 0)
    return;

  for (guint i = 0; i < g_list_model_get_n_items (self->goals); i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (self->goals, i);
      guint number = measures_goal_get_number (goal);
      MeasuresStatistics statistics = { { 0 } };
      g_autofree char *label = NULL;
      g_autofree char *short_label = NULL;

      for (guint j = 0; j < self->measures->len; j++)
        {
          MeasuresMeasure *measure = g_ptr_array_index (self->measures, j);

          if (measures_measure_get_goal (measure) == number)
            count (&statistics, measure);
        }

      /* An office's report leaves out the goals it leads nothing in. */
      if (self->office != NULL && measures_statistics_get_n_measures (&statistics) == 0)
        continue;

      label = g_strdup_printf (_("Goal %u: %s"), number, measures_goal_get_title (goal));
      short_label = g_strdup_printf (_("Goal %u"), number);
      add_status_bar (self, label, short_label, &statistics);
    }
}

static void
build_progress (MeasuresReport *self)
{
  GArray *progress = self->monitoring.progress;
  MeasuresChartSeries series = {
    /* Translators: the line chart's values: the mean progress of the measures */
    .title = _("Mean progress"),
    .unit = "%",
    .points = (const MeasuresPoint *)(gpointer)progress->data,
    .n_points = progress->len,
    .minimum = 0,
    .maximum = 100,
    .decimals = 0,
  };
  g_autoptr(MeasuresChartDescription) description = measures_chart_describe_series (&series);
  guint block;

  add_heading (self, _("Progress over Time"));
  block = add (self, BLOCK_CHART, "", description->text, NULL);
  block_at (self, block)->chart = CHART_LINE;
  block_at (self, block)->chart_height = progress->len > 0 ? 150 : 40;
  block_at (self, block)->points = g_array_ref (progress);
  block_at (self, block)->unit = g_strdup ("%");
  block_at (self, block)->minimum = 0;
  block_at (self, block)->maximum = 100;
}

/* "Stabsstelle Außenbeziehungen (SAM)", or the abbreviation alone when the
 * directory names it so. */
static char *
office_label (MeasuresReport *self,
              const char     *abbreviation)
{
  const char *name;

  if (abbreviation == NULL || abbreviation[0] == '\0')
    /* Translators: in the monitoring report, for measures no office leads */
    return g_strdup (_("No lead office"));

  name = _measures_report_office_name (self, abbreviation);
  if (g_str_equal (name, abbreviation))
    return g_strdup (name);

  /* Translators: an office's name and abbreviation */
  return g_strdup_printf (_("%1$s (%2$s)"), name, abbreviation);
}

static guint
overdue_in (MeasuresReport *self,
            const char     *office)
{
  GPtrArray *overdue = self->monitoring.overdue;

  for (guint i = 0; i < overdue->len; i++)
    {
      MeasuresOverdueOffice *group = g_ptr_array_index (overdue, i);

      if (g_strcmp0 (group->office, office) == 0)
        return group->measures->len;
    }

  return 0;
}

typedef struct
{
  char *abbreviation;    /* "" for measures no office leads */
  char *label;
  MeasuresStatistics statistics;
} OfficeRow;

static void
office_row_free (OfficeRow *row)
{
  g_free (row->abbreviation);
  g_free (row->label);
  g_free (row);
}

static int
compare_office_rows (gconstpointer a,
                     gconstpointer b)
{
  const OfficeRow *first = *(OfficeRow **)a;
  const OfficeRow *second = *(OfficeRow **)b;

  /* Measures no office leads come last. */
  if ((first->abbreviation[0] == '\0') != (second->abbreviation[0] == '\0'))
    return first->abbreviation[0] == '\0' ? 1 : -1;

  return g_utf8_collate (first->label, second->label);
}

/* The offices that lead measures, a row each. */
static void
build_offices (MeasuresReport *self)
{
  g_autoptr(GHashTable) rows = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) sorted = g_ptr_array_new_with_free_func ((GDestroyNotify)office_row_free);
  guint header;

  for (guint i = 0; i < self->measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (self->measures, i);
      const char * const *leads = measures_measure_get_lead_offices (measure);
      const char * const none[] = { "", NULL };

      if (leads == NULL || leads[0] == NULL)
        leads = none;

      for (guint j = 0; leads[j] != NULL; j++)
        {
          OfficeRow *row = g_hash_table_lookup (rows, leads[j]);

          if (row == NULL)
            {
              row = g_new0 (OfficeRow, 1);
              row->abbreviation = g_strdup (leads[j]);
              row->label = office_label (self, leads[j]);
              g_hash_table_insert (rows, row->abbreviation, row);
              g_ptr_array_add (sorted, row);
            }
          count (&row->statistics, measure);
        }
    }

  g_ptr_array_sort (sorted, compare_office_rows);

  add_heading (self, _("Lead Offices"));
  add (self, BLOCK_NOTE,
       _("The offices that lead these measures: how many each leads, where they stand, and how "
         "many of their progress reports are overdue. A measure that several offices lead "
         "counts for each."), NULL);
  header = add (self, BLOCK_TABLE_HEADER, _("Office"), _("Measures"), _("Status"),
                /* Translators: a column: the mean progress of an office's measures */
                _("Progress"),
                /* Translators: a column: how many of an office's progress reports are overdue */
                _("Overdue"), NULL);
  set_columns (self, header, office_columns, G_N_ELEMENTS (office_columns));
  block_at (self, header)->keep_with_next = TRUE;

  for (guint i = 0; i < sorted->len; i++)
    {
      OfficeRow *row = g_ptr_array_index (sorted, i);
      guint n = measures_statistics_get_n_measures (&row->statistics);
      g_autofree char *measures = measures_format_number (n);
      g_autofree char *described = measures_statistics_describe (&row->statistics);
      g_auto(GStrv) statuses = g_strsplit (described, " · ", -1);
      /* A status a line: a narrow column then breaks between them only. */
      g_autofree char *status = g_strjoinv ("\n", statuses);
      double mean = measures_statistics_get_mean_progress (&row->statistics);
      g_autofree char *progress = g_strdup_printf (_("%u %%"), (guint)(mean * 100 + 0.5));
      g_autofree char *overdue = NULL;
      guint block;

      overdue = measures_format_number (overdue_in (self, row->abbreviation[0] ? row->abbreviation
                                                                              : NULL));
      block = add (self, BLOCK_TABLE_ROW, row->label, measures, status, progress, overdue, NULL);
      set_columns (self, block, office_columns, G_N_ELEMENTS (office_columns));
    }
}

static int
compare_overdue_groups (gconstpointer a,
                        gconstpointer b,
                        gpointer      user_data)
{
  MeasuresReport *self = user_data;
  const MeasuresOverdueOffice *first = *(MeasuresOverdueOffice **)a;
  const MeasuresOverdueOffice *second = *(MeasuresOverdueOffice **)b;
  g_autofree char *first_label = NULL;
  g_autofree char *second_label = NULL;

  if ((first->office == NULL) != (second->office == NULL))
    return first->office == NULL ? 1 : -1;

  first_label = office_label (self, first->office);
  second_label = office_label (self, second->office);
  return g_utf8_collate (first_label, second_label);
}

/* Every overdue progress report, under the office that leads the measure. */
static void
build_overdue (MeasuresReport *self)
{
  GPtrArray *overdue = self->monitoring.overdue;
  /* The groups in the order of their offices' names; the monitoring owns them. */
  g_autoptr(GPtrArray) groups = g_ptr_array_new ();
  g_autoptr(GHashTable) measures = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  MeasuresDay today = report_day (self);
  g_autofree char *months = NULL;
  g_autofree char *summary = NULL;
  guint n_measures = self->measures->len;
  guint header;

  for (guint i = 0; i < overdue->len; i++)
    {
      MeasuresOverdueOffice *group = g_ptr_array_index (overdue, i);

      g_ptr_array_add (groups, group);
      for (guint j = 0; j < group->measures->len; j++)
        g_hash_table_add (measures, &g_array_index (group->measures, MeasuresOverdueMeasure,
                                                    j).measure_id);
    }

  /* The titles, looked up by id: thousands of rows on a large strategy. */
  for (guint i = 0; i < self->measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (self->measures, i);
      gint64 *id = g_new (gint64, 1);

      *id = measures_measure_get_id (measure);
      g_hash_table_insert (by_id, id, measure);
    }

  add_heading (self, _("Overdue Progress Reports"));

  /* Translators: part of "12 of 50 measures have had no progress report
   * for more than 6 months." */
  months = g_strdup_printf (ngettext ("more than %u month", "more than %u months",
                                      self->interval_months),
                            self->interval_months);
  if (g_hash_table_size (measures) == 0)
    /* Translators: %s is e.g. "more than 6 months" */
    summary = g_strdup_printf (_("Every measure has had a progress report in the last %s."),
                               months);
  else
    /* Translators: %1$u of %2$u measures; %3$s is e.g. "more than 6 months" */
    summary = g_strdup_printf (ngettext ("%1$u of %2$u measures has had no progress report for "
                                         "%3$s.",
                                         "%1$u of %2$u measures have had no progress report for "
                                         "%3$s.", g_hash_table_size (measures)),
                               g_hash_table_size (measures), n_measures, months);
  add (self, BLOCK_PARAGRAPH, summary, NULL);

  if (overdue->len == 0)
    return;

  add (self, BLOCK_NOTE,
       _("By lead office; a measure that several offices lead is listed under each. Days "
         "overdue count from the day the next report was due."), NULL);

  header = add (self, BLOCK_TABLE_HEADER,
                /* Translators: a column: a measure's number, e.g. "2.3" */
                C_("table column", "No."),
                _("Measure"), _("Last report"),
                /* Translators: a column: how many days a progress report is overdue */
                _("Days overdue"), NULL);
  set_columns (self, header, overdue_columns, G_N_ELEMENTS (overdue_columns));
  block_at (self, header)->keep_with_next = TRUE;

  g_ptr_array_sort_with_data (groups, compare_overdue_groups, self);
  for (guint i = 0; i < groups->len; i++)
    {
      MeasuresOverdueOffice *group = g_ptr_array_index (groups, i);
      g_autofree char *label = office_label (self, group->office);
      g_autofree char *line = NULL;
      guint block;

      /* Translators: a group of the overdue list: an office and how many of
       * its reports are overdue */
      line = g_strdup_printf (ngettext ("%1$s · %2$u overdue", "%1$s · %2$u overdue",
                                        group->measures->len),
                              label, group->measures->len);
      block = add (self, BLOCK_TABLE_GROUP, line, NULL);
      block_at (self, block)->keep_with_next = TRUE;
      block_at (self, block)->outline_level = 2;
      block_at (self, block)->outline_title = g_strdup (label);

      for (guint j = 0; j < group->measures->len; j++)
        {
          MeasuresOverdueMeasure *item = &g_array_index (group->measures, MeasuresOverdueMeasure,
                                                         j);
          MeasuresMeasure *measure = g_hash_table_lookup (by_id, &item->measure_id);
          g_autofree char *number = g_strdup_printf ("%u.%u", item->goal, item->position);
          g_autofree char *last = NULL;
          g_autofree char *days = NULL;

          if (item->last_report == 0)
            {
              /* Translators: in the overdue list, instead of a date */
              last = g_strdup (_("never reported"));
              days = g_strdup ("—");
            }
          else
            {
              MeasuresDay due = measures_day_add_months (item->last_report, self->interval_months);

              last = format_day (item->last_report);
              days = measures_format_number (today > due ? today - due : 0);
            }

          block = add (self, BLOCK_TABLE_ROW, number,
                       measure ? measures_measure_get_title (measure) : "—", last, days, NULL);
          set_columns (self, block, overdue_columns, G_N_ELEMENTS (overdue_columns));
        }
    }
}

static void
build_indicators (MeasuresReport *self)
{
  guint header;

  add_heading (self, _("Indicators"));

  if (self->indicators->len == 0)
    {
      add (self, BLOCK_PARAGRAPH,
           self->goal == 0 && self->office == NULL
             ? _("The strategy has no indicators yet.")
             : _("No indicator belongs to the measures this report covers."),
           NULL);
      return;
    }

  header = add (self, BLOCK_TABLE_HEADER, _("Indicator"), _("Unit"),
                /* Translators: a column: the goal or measure an indicator belongs to */
                _("Belongs to"), _("Baseline"), _("Targets"),
                /* Translators: a column: an indicator's latest value and its date */
                _("Latest value"),
                /* Translators: a column: on track, behind, reached, no data */
                _("Rating"),
                /* Translators: a column: a small chart of an indicator's values */
                _("Trend"), NULL);
  set_columns (self, header, indicator_columns, G_N_ELEMENTS (indicator_columns));
  block_at (self, header)->keep_with_next = TRUE;

  for (guint i = 0; i < self->indicators->len; i++)
    {
      MonitoredIndicator *item = g_ptr_array_index (self->indicators, i);
      MeasuresIndicator *indicator = item->indicator;
      const char *unit = measures_indicator_get_unit (indicator);
      guint n_targets = measures_indicator_get_n_targets (indicator);
      g_autofree MeasuresPoint *targets = g_new0 (MeasuresPoint, MAX (n_targets, 1));
      g_autoptr(GString) target_text = g_string_new (NULL);
      MeasuresPoint baseline = {
        measures_indicator_get_baseline_date (indicator)
          ? measures_day_from_iso8601 (measures_indicator_get_baseline_date (indicator)) : 0,
        measures_indicator_get_baseline_value (indicator),
      };
      MeasuresIndicatorEvaluation evaluation;
      g_autofree char *belongs = NULL;
      g_autofree char *baseline_text = NULL;
      g_autofree char *latest = NULL;
      guint block;

      for (guint j = 0; j < n_targets; j++)
        {
          const MeasuresIndicatorTarget *target = measures_indicator_get_target (indicator, j);
          g_autofree char *value = format_value (target->value, unit);
          g_autofree char *when = NULL;

          targets[j].day = measures_day_from_iso8601 (target->date);
          targets[j].value = target->value;
          when = targets[j].day ? format_day (targets[j].day) : g_strdup ("—");
          if (target_text->len > 0)
            g_string_append_c (target_text, '\n');
          /* Translators: an indicator's target, e.g. "900 t by December 31, 2030" */
          g_string_append_printf (target_text, _("%1$s by %2$s"), value, when);
        }

      measures_statistics_evaluate_indicator (&baseline, targets, n_targets,
                                              measures_indicator_get_direction (indicator) ==
                                                MEASURES_DIRECTION_DOWN,
                                              (const MeasuresPoint *)(gpointer)item->values->data,
                                              item->values->len, &evaluation);

      if (item->measure != NULL)
        /* Translators: what an indicator belongs to: a measure's number and title */
        belongs = g_strdup_printf (_("Measure %u.%u: %s"),
                                   measures_measure_get_goal (item->measure),
                                   measures_measure_get_position (item->measure),
                                   measures_measure_get_title (item->measure));
      else
        belongs = g_strdup_printf (_("Goal %u"), measures_indicator_get_goal (indicator));

      baseline_text = format_value (baseline.value, unit);
      if (baseline.day != 0)
        {
          g_autofree char *value = g_steal_pointer (&baseline_text);
          g_autofree char *when = format_day (baseline.day);

          baseline_text = g_strdup_printf ("%s\n%s", value, when);
        }

      if (evaluation.latest.day != 0)
        {
          g_autofree char *value = format_value (evaluation.latest.value, unit);
          g_autofree char *when = format_day (evaluation.latest.day);

          latest = g_strdup_printf ("%s\n%s", value, when);
        }
      else
        latest = g_strdup ("—");

      block = add (self, BLOCK_TABLE_ROW, measures_indicator_get_name (indicator),
                   unit && unit[0] ? unit : "—", belongs, baseline_text,
                   target_text->len ? target_text->str : "—", latest,
                   measures_indicator_rating_get_label (evaluation.rating), "", NULL);
      set_columns (self, block, indicator_columns, G_N_ELEMENTS (indicator_columns));
      block_at (self, block)->points = g_array_ref (item->values);
      block_at (self, block)->unit = g_strdup (unit);
      block_at (self, block)->chart = CHART_LINE;
    }
}

/* The blocks of the monitoring report, in the language gettext answers in
 * now. */
void
_measures_report_build_monitoring (MeasuresReport *self)
{
  g_autofree char *covers = NULL;
  g_autofree char *due = NULL;
  const char *office = self->office;
  guint title;

  if (office != NULL && self->goal != 0)
    /* Translators: a document's title: an office's abbreviation, a goal's number */
    self->title = g_strdup_printf (_("Monitoring Report: %s, Goal %u"), office, self->goal);
  else if (office != NULL)
    /* Translators: a document's title, %s is an office's abbreviation */
    self->title = g_strdup_printf (_("Monitoring Report: %s"), office);
  else if (self->goal != 0)
    /* Translators: a document's title */
    self->title = g_strdup_printf (_("Monitoring Report: Goal %u"), self->goal);
  else
    /* Translators: a document's title: where the measures stand, the overdue
     * progress reports and the indicators */
    self->title = g_strdup (_("Monitoring Report"));

  if (self->goal != 0)
    {
      MeasuresGoal *goal = _measures_report_find_goal (self, self->goal);
      g_autofree char *goal_text = g_strdup_printf (_("Goal %u: %s"), self->goal,
                                                    measures_goal_get_title (goal));

      if (office != NULL)
        {
          g_autofree char *label = office_label (self, office);

          /* Translators: what a monitoring report covers: an office's
           * measures in one goal */
          covers = g_strdup_printf (_("The measures that %1$s leads in %2$s"), label, goal_text);
        }
      else
        covers = g_steal_pointer (&goal_text);
    }
  else if (office != NULL)
    {
      g_autofree char *label = office_label (self, office);

      /* Translators: what a monitoring report covers */
      covers = g_strdup_printf (_("The measures that %s leads"), label);
    }
  else
    /* Translators: what a monitoring report covers, %s is the strategy's title */
    covers = g_strdup_printf (_("The whole strategy: %s"), self->strategy_title);

  /* Translators: under a monitoring report's title */
  due = g_strdup_printf (ngettext ("Each measure is to be reported on every month.",
                                   "Each measure is to be reported on every %u months.",
                                   self->interval_months),
                         self->interval_months);

  add (self, BLOCK_KICKER, self->as_of_text, NULL);
  title = add (self, BLOCK_TITLE, self->title, NULL);
  block_at (self, title)->outline_level = 1;
  block_at (self, title)->outline_title = g_strdup (self->title);
  add (self, BLOCK_LEAD, covers, NULL);
  add (self, BLOCK_NOTE, due, NULL);

  build_status (self);
  build_progress (self);
  if (self->office == NULL)
    build_offices (self);
  build_overdue (self);
  build_indicators (self);
}
