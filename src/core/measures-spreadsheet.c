/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-spreadsheet"

#include "config.h"

#include <errno.h>
#include <string.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <xlsxwriter.h>

#include "measures-day.h"
#include "measures-format.h"
#include "measures-i18n.h"
#include "measures-spreadsheet.h"
#include "measures-statistics.h"

/* The strategy as a spreadsheet for the council and the offices: the
 * measures with every field, where they stand and their latest report; the
 * progress log; the indicators and their values — one sheet each, a header row that stays in view and
 * filters, dates as dates and numbers as numbers, labels in the chosen
 * language. The strategy's own text stays as stored. */

/* Measures are read this many at a time. */
#define BATCH 500

typedef struct
{
  lxw_workbook *workbook;
  lxw_format *header;
  lxw_format *text;     /* wraps, top-aligned */
  lxw_format *plain;    /* top-aligned */
  lxw_format *date;
  lxw_format *date_time;
  lxw_format *percent;
  GHashTable *goals;    /* number → title */
} Sheets;

typedef struct
{
  const char *title;
  double width;
  lxw_format **format;
} Column;

static void
write_header (Sheets        *sheets,
              lxw_worksheet *sheet,
              const Column  *columns,
              guint          n_columns)
{
  for (guint i = 0; i < n_columns; i++)
    {
      worksheet_write_string (sheet, 0, i, columns[i].title, sheets->header);
      worksheet_set_column (sheet, i, i, columns[i].width, *columns[i].format);
    }
  worksheet_freeze_panes (sheet, 1, 0);
}

static void
finish_sheet (lxw_worksheet *sheet,
              guint          n_rows,
              guint          n_columns)
{
  worksheet_autofilter (sheet, 0, 0, MAX (n_rows, 1), n_columns - 1);
}

/* A cell of text; an empty field stays an empty cell. */
static void
write_text (lxw_worksheet *sheet,
            guint          row,
            guint          column,
            const char    *text,
            lxw_format    *format)
{
  if (text != NULL && text[0] != '\0')
    worksheet_write_string (sheet, row, column, text, format);
}

/* A time as stored (ISO 8601, UTC) as a date the spreadsheet computes with,
 * in local time as the window shows it. */
static void
write_date (lxw_worksheet *sheet,
            guint          row,
            guint          column,
            const char    *iso8601,
            lxw_format    *format,
            gboolean       with_time)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) parsed = NULL;
  g_autoptr(GDateTime) local = NULL;
  lxw_datetime cell = { 0 };

  if (iso8601 == NULL || iso8601[0] == '\0')
    return;

  /* A day, as indicators are measured on: no time zone to convert. */
  if (strlen (iso8601) == 10 && measures_day_from_iso8601 (iso8601) != 0)
    {
      guint year, month, day;

      measures_day_get_ymd (measures_day_from_iso8601 (iso8601), &year, &month, &day);
      cell.year = year;
      cell.month = month;
      cell.day = day;
      worksheet_write_datetime (sheet, row, column, &cell, format);
      return;
    }

  parsed = g_date_time_new_from_iso8601 (iso8601, utc);
  if (parsed == NULL)
    {
      /* Not a time after all: keep what is there, as text. */
      worksheet_write_string (sheet, row, column, iso8601, NULL);
      return;
    }

  local = g_date_time_to_local (parsed);
  cell.year = g_date_time_get_year (local);
  cell.month = g_date_time_get_month (local);
  cell.day = g_date_time_get_day_of_month (local);
  if (with_time)
    {
      cell.hour = g_date_time_get_hour (local);
      cell.min = g_date_time_get_minute (local);
    }
  worksheet_write_datetime (sheet, row, column, &cell, format);
}

static char *
join_lines (const char * const *lines)
{
  return g_strjoinv ("\n", (char **)lines);
}

static char *
join_offices (const char * const *offices)
{
  return g_strjoinv (", ", (char **)offices);
}

/* Reads the measures asked for, or all that are not removed, in batches. */
static GPtrArray *
load_measures (MeasuresStore  *store,
               const gint64   *ids,
               guint           n_ids,
               GError        **error)
{
  g_autoptr(GArray) all = NULL;
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func (g_object_unref);

  if (ids == NULL)
    {
      g_autoptr(GListModel) listed = measures_store_list_measures (store, error);

      if (listed == NULL)
        return NULL;

      all = g_array_new (FALSE, FALSE, sizeof (gint64));
      for (guint i = 0; i < g_list_model_get_n_items (listed); i++)
        {
          g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (listed, i);
          gint64 id = measures_measure_get_id (measure);

          g_array_append_val (all, id);
        }
      ids = (const gint64 *)(gpointer)all->data;
      n_ids = all->len;
    }

  for (guint start = 0; start < n_ids; start += BATCH)
    {
      g_autoptr(GPtrArray) batch = measures_store_load_measures (store, ids + start,
                                                                 MIN (BATCH, n_ids - start),
                                                                 error);
      if (batch == NULL)
        return NULL;

      for (guint i = 0; i < batch->len; i++)
        g_ptr_array_add (measures, g_object_ref (g_ptr_array_index (batch, i)));
    }

  return g_steal_pointer (&measures);
}

static void
write_measures (Sheets     *sheets,
                GPtrArray  *measures,
                GPtrArray  *logs)
{
  const Column columns[] = {
    { C_("spreadsheet column", "Goal"), 6, &sheets->plain },
    { C_("spreadsheet column", "Goal title"), 30, &sheets->text },
    { C_("spreadsheet column", "No."), 5, &sheets->plain },
    { C_("spreadsheet column", "Measure"), 40, &sheets->text },
    { C_("spreadsheet column", "Short description"), 60, &sheets->text },
    { C_("spreadsheet column", "Objectives"), 50, &sheets->text },
    { C_("spreadsheet column", "Lead"), 30, &sheets->text },
    { C_("spreadsheet column", "Lead offices"), 15, &sheets->text },
    { C_("spreadsheet column", "Involved"), 30, &sheets->text },
    { C_("spreadsheet column", "Involved offices"), 15, &sheets->text },
    { C_("spreadsheet column", "Priority"), 10, &sheets->plain },
    { C_("spreadsheet column", "Realization period"), 18, &sheets->text },
    { C_("spreadsheet column", "Costs"), 25, &sheets->text },
    { C_("spreadsheet column", "Status"), 14, &sheets->plain },
    { C_("spreadsheet column", "Progress"), 10, &sheets->percent },
    { C_("spreadsheet column", "Last report"), 12, &sheets->date },
    { C_("spreadsheet column", "Last report text"), 50, &sheets->text },
    { C_("spreadsheet column", "Last change"), 12, &sheets->date },
  };
  lxw_worksheet *sheet = workbook_add_worksheet (sheets->workbook,
                                                 C_("spreadsheet sheet", "Measures"));

  write_header (sheets, sheet, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);
      GListModel *log = g_ptr_array_index (logs, i);
      g_autoptr(MeasuresLogEntry) latest = NULL;
      g_autofree char *objectives = join_lines (measures_measure_get_objectives (measure));
      g_autofree char *lead = join_offices (measures_measure_get_lead_offices (measure));
      g_autofree char *involved = join_offices (measures_measure_get_involved_offices (measure));
      guint goal = measures_measure_get_goal (measure);
      guint row = i + 1, c = 0;

      /* The latest report that stands: withdrawn ones are in the log only. */
      for (guint j = 0; latest == NULL && j < g_list_model_get_n_items (log); j++)
        {
          g_autoptr(MeasuresLogEntry) entry = g_list_model_get_item (log, j);

          if (measures_log_entry_get_withdrawn (entry) == NULL)
            latest = g_steal_pointer (&entry);
        }

      worksheet_write_number (sheet, row, c++, goal, sheets->plain);
      write_text (sheet, row, c++, g_hash_table_lookup (sheets->goals, GUINT_TO_POINTER (goal)),
                  sheets->text);
      worksheet_write_number (sheet, row, c++, measures_measure_get_position (measure),
                              sheets->plain);
      write_text (sheet, row, c++, measures_measure_get_title (measure), sheets->text);
      write_text (sheet, row, c++, measures_measure_get_description (measure), sheets->text);
      write_text (sheet, row, c++, objectives, sheets->text);
      write_text (sheet, row, c++, measures_measure_get_lead (measure), sheets->text);
      write_text (sheet, row, c++, lead, sheets->text);
      write_text (sheet, row, c++, measures_measure_get_actors (measure), sheets->text);
      write_text (sheet, row, c++, involved, sheets->text);
      write_text (sheet, row, c++,
                  measures_priority_get_label (measures_measure_get_priority (measure)),
                  sheets->plain);
      write_text (sheet, row, c++, measures_measure_get_period (measure), sheets->text);
      write_text (sheet, row, c++, measures_measure_get_costs (measure), sheets->text);
      write_text (sheet, row, c++,
                  measures_status_get_label (measures_measure_get_status (measure)),
                  sheets->plain);
      worksheet_write_number (sheet, row, c++, measures_measure_get_progress (measure) / 100.0,
                              sheets->percent);
      if (latest != NULL)
        {
          write_date (sheet, row, c++, measures_log_entry_get_date (latest), sheets->date, FALSE);
          write_text (sheet, row, c++, measures_log_entry_get_text (latest), sheets->text);
        }
      else
        c += 2;
      write_date (sheet, row, c++, measures_measure_get_updated (measure), sheets->date, FALSE);
    }

  finish_sheet (sheet, measures->len, G_N_ELEMENTS (columns));
}

static void
write_log (Sheets    *sheets,
           GPtrArray *measures,
           GPtrArray *logs)
{
  const Column columns[] = {
    { C_("spreadsheet column", "Goal"), 6, &sheets->plain },
    { C_("spreadsheet column", "No."), 5, &sheets->plain },
    { C_("spreadsheet column", "Measure"), 40, &sheets->text },
    { C_("spreadsheet column", "Date"), 17, &sheets->date_time },
    { C_("spreadsheet column", "Reported by"), 20, &sheets->text },
    { C_("spreadsheet column", "Status"), 14, &sheets->plain },
    { C_("spreadsheet column", "Progress"), 10, &sheets->percent },
    { C_("spreadsheet column", "Report"), 70, &sheets->text },
    { C_("spreadsheet column", "Withdrawn"), 17, &sheets->date_time },
  };
  lxw_worksheet *sheet = workbook_add_worksheet (sheets->workbook,
                                                 C_("spreadsheet sheet", "Progress log"));
  guint row = 0;

  write_header (sheets, sheet, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);
      GListModel *log = g_ptr_array_index (logs, i);

      /* Oldest first, as a log is read. */
      for (guint j = g_list_model_get_n_items (log); j > 0; j--)
        {
          g_autoptr(MeasuresLogEntry) entry = g_list_model_get_item (log, j - 1);
          guint c = 0;

          row++;
          worksheet_write_number (sheet, row, c++, measures_measure_get_goal (measure),
                                  sheets->plain);
          worksheet_write_number (sheet, row, c++, measures_measure_get_position (measure),
                                  sheets->plain);
          write_text (sheet, row, c++, measures_measure_get_title (measure), sheets->text);
          write_date (sheet, row, c++, measures_log_entry_get_date (entry), sheets->date_time,
                      TRUE);
          write_text (sheet, row, c++, measures_log_entry_get_author (entry), sheets->text);
          write_text (sheet, row, c++,
                      measures_status_get_label (measures_log_entry_get_status (entry)),
                      sheets->plain);
          worksheet_write_number (sheet, row, c++,
                                  measures_log_entry_get_progress (entry) / 100.0,
                                  sheets->percent);
          write_text (sheet, row, c++, measures_log_entry_get_text (entry), sheets->text);
          write_date (sheet, row, c++, measures_log_entry_get_withdrawn (entry),
                      sheets->date_time, TRUE);
        }
    }

  finish_sheet (sheet, row, G_N_ELEMENTS (columns));
}

/* The indicators of the goals and measures exported, with their values. */
typedef struct
{
  MeasuresIndicator *indicator;
  GListModel *values;
  MeasuresMeasure *measure;     /* the measure it belongs to; NULL for a goal's */
} IndicatorRow;

static void
indicator_row_free (IndicatorRow *row)
{
  g_object_unref (row->indicator);
  g_clear_object (&row->values);
  g_clear_object (&row->measure);
  g_free (row);
}

static GPtrArray *
load_indicators (MeasuresStore  *store,
                 GPtrArray      *measures,
                 gboolean        all,
                 GError        **error)
{
  g_autoptr(GListModel) indicators = measures_store_list_indicators (store, error);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GHashTable) goals = g_hash_table_new (NULL, NULL);
  g_autoptr(GPtrArray) rows = g_ptr_array_new_with_free_func ((GDestroyNotify)indicator_row_free);

  if (indicators == NULL)
    return NULL;

  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);
      gint64 id = measures_measure_get_id (measure);

      g_hash_table_insert (by_id, g_memdup2 (&id, sizeof id), measure);
      g_hash_table_add (goals, GUINT_TO_POINTER (measures_measure_get_goal (measure)));
    }

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(MeasuresIndicator) indicator = g_list_model_get_item (indicators, i);
      gint64 measure_id = measures_indicator_get_measure_id (indicator);
      guint goal = measures_indicator_get_goal (indicator);
      MeasuresMeasure *measure = measure_id ? g_hash_table_lookup (by_id, &measure_id) : NULL;
      IndicatorRow *row;

      /* Those of the goals and measures in the spreadsheet; every one when
       * it holds the whole strategy. */
      if (!all && (measure_id ? measure == NULL
                              : !g_hash_table_contains (goals, GUINT_TO_POINTER (goal))))
        continue;

      row = g_new0 (IndicatorRow, 1);
      row->indicator = g_object_ref (indicator);
      g_ptr_array_add (rows, row);
      if (measure != NULL)
        row->measure = g_object_ref (measure);
      else if (measure_id != 0 &&
               !(row->measure = measures_store_get_measure (store, measure_id, error)))
        return NULL;

      row->values = measures_store_list_indicator_values (store,
                                                          measures_indicator_get_id (indicator),
                                                          error);
      if (row->values == NULL)
        return NULL;
    }

  return g_steal_pointer (&rows);
}

static char *
describe_targets (MeasuresIndicator *indicator)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < measures_indicator_get_n_targets (indicator); i++)
    {
      const MeasuresIndicatorTarget *target = measures_indicator_get_target (indicator, i);
      g_autofree char *value = measures_format_decimal (target->value, -1);
      g_autofree char *date = measures_format_iso_date (target->date, FALSE);

      if (i > 0)
        g_string_append (text, "; ");
      /* Translators: an indicator's target: a value and by when, e.g.
       * "900 by December 31, 2030" */
      g_string_append_printf (text, _("%s by %s"), value, date);
    }

  return g_string_free (text, FALSE);
}

static void
write_indicators (Sheets    *sheets,
                  GPtrArray *rows)
{
  const Column columns[] = {
    { C_("spreadsheet column", "Goal"), 6, &sheets->plain },
    { C_("spreadsheet column", "Measure"), 30, &sheets->text },
    { C_("spreadsheet column", "Indicator"), 30, &sheets->text },
    { C_("spreadsheet column", "Unit"), 10, &sheets->plain },
    { C_("spreadsheet column", "Description"), 50, &sheets->text },
    { C_("spreadsheet column", "Responsible office"), 14, &sheets->plain },
    { C_("spreadsheet column", "Baseline"), 12, &sheets->plain },
    { C_("spreadsheet column", "Baseline date"), 12, &sheets->date },
    { C_("spreadsheet column", "Targets"), 30, &sheets->text },
    { C_("spreadsheet column", "Better when"), 12, &sheets->plain },
    { C_("spreadsheet column", "Reporting interval (months)"), 12, &sheets->plain },
    { C_("spreadsheet column", "Latest value"), 12, &sheets->plain },
    { C_("spreadsheet column", "Measured on"), 12, &sheets->date },
    { C_("spreadsheet column", "Rating"), 14, &sheets->plain },
  };
  lxw_worksheet *sheet = workbook_add_worksheet (sheets->workbook,
                                                 C_("spreadsheet sheet", "Indicators"));

  write_header (sheets, sheet, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < rows->len; i++)
    {
      IndicatorRow *row = g_ptr_array_index (rows, i);
      MeasuresIndicator *indicator = row->indicator;
      g_autofree char *targets = describe_targets (indicator);
      guint n_values = g_list_model_get_n_items (row->values);
      MeasuresIndicatorEvaluation evaluation;
      guint r = i + 1, c = 0;

      measures_statistics_rate_indicator (indicator, row->values, &evaluation);
      worksheet_write_number (sheet, r, c++,
                              row->measure ? measures_measure_get_goal (row->measure)
                                           : measures_indicator_get_goal (indicator),
                              sheets->plain);
      write_text (sheet, r, c++, row->measure ? measures_measure_get_title (row->measure) : NULL,
                  sheets->text);
      write_text (sheet, r, c++, measures_indicator_get_name (indicator), sheets->text);
      write_text (sheet, r, c++, measures_indicator_get_unit (indicator), sheets->plain);
      write_text (sheet, r, c++, measures_indicator_get_description (indicator), sheets->text);
      write_text (sheet, r, c++, measures_indicator_get_office (indicator), sheets->plain);
      worksheet_write_number (sheet, r, c++, measures_indicator_get_baseline_value (indicator),
                              sheets->plain);
      write_date (sheet, r, c++, measures_indicator_get_baseline_date (indicator), sheets->date,
                  FALSE);
      write_text (sheet, r, c++, targets, sheets->text);
      write_text (sheet, r, c++,
                  measures_indicator_get_direction (indicator) == MEASURES_DIRECTION_DOWN
                    ? C_("indicator direction", "lower")
                    : C_("indicator direction", "higher"),
                  sheets->plain);
      if (measures_indicator_get_interval_months (indicator) > 0)
        worksheet_write_number (sheet, r, c, measures_indicator_get_interval_months (indicator),
                                sheets->plain);
      c++;
      if (n_values > 0)
        {
          g_autoptr(MeasuresIndicatorValue) latest = g_list_model_get_item (row->values,
                                                                            n_values - 1);

          worksheet_write_number (sheet, r, c++, measures_indicator_value_get_value (latest),
                                  sheets->plain);
          write_date (sheet, r, c++, measures_indicator_value_get_date (latest), sheets->date,
                      FALSE);
        }
      else
        c += 2;
      write_text (sheet, r, c++, measures_indicator_rating_get_label (evaluation.rating),
                  sheets->plain);
    }

  finish_sheet (sheet, rows->len, G_N_ELEMENTS (columns));
}

static void
write_indicator_values (Sheets    *sheets,
                        GPtrArray *rows)
{
  const Column columns[] = {
    { C_("spreadsheet column", "Goal"), 6, &sheets->plain },
    { C_("spreadsheet column", "Indicator"), 30, &sheets->text },
    { C_("spreadsheet column", "Unit"), 10, &sheets->plain },
    { C_("spreadsheet column", "Measured on"), 12, &sheets->date },
    { C_("spreadsheet column", "Value"), 12, &sheets->plain },
    { C_("spreadsheet column", "Note"), 50, &sheets->text },
    { C_("spreadsheet column", "Recorded by"), 20, &sheets->text },
    { C_("spreadsheet column", "Recorded"), 17, &sheets->date_time },
  };
  lxw_worksheet *sheet = workbook_add_worksheet (sheets->workbook,
                                                 C_("spreadsheet sheet", "Indicator values"));
  guint r = 0;

  write_header (sheets, sheet, columns, G_N_ELEMENTS (columns));

  for (guint i = 0; i < rows->len; i++)
    {
      IndicatorRow *row = g_ptr_array_index (rows, i);

      for (guint j = 0; j < g_list_model_get_n_items (row->values); j++)
        {
          g_autoptr(MeasuresIndicatorValue) value = g_list_model_get_item (row->values, j);
          guint c = 0;

          r++;
          worksheet_write_number (sheet, r, c++,
                                  row->measure ? measures_measure_get_goal (row->measure)
                                               : measures_indicator_get_goal (row->indicator),
                                  sheets->plain);
          write_text (sheet, r, c++, measures_indicator_get_name (row->indicator), sheets->text);
          write_text (sheet, r, c++, measures_indicator_get_unit (row->indicator), sheets->plain);
          write_date (sheet, r, c++, measures_indicator_value_get_date (value), sheets->date,
                      FALSE);
          worksheet_write_number (sheet, r, c++, measures_indicator_value_get_value (value),
                                  sheets->plain);
          write_text (sheet, r, c++, measures_indicator_value_get_note (value), sheets->text);
          write_text (sheet, r, c++, measures_indicator_value_get_author (value), sheets->text);
          write_date (sheet, r, c++, measures_indicator_value_get_recorded (value),
                      sheets->date_time, TRUE);
        }
    }

  finish_sheet (sheet, r, G_N_ELEMENTS (columns));
}

static void
add_formats (Sheets *sheets)
{
  sheets->header = workbook_add_format (sheets->workbook);
  format_set_bold (sheets->header);
  format_set_text_wrap (sheets->header);
  format_set_align (sheets->header, LXW_ALIGN_VERTICAL_TOP);

  sheets->text = workbook_add_format (sheets->workbook);
  format_set_text_wrap (sheets->text);
  format_set_align (sheets->text, LXW_ALIGN_VERTICAL_TOP);

  sheets->plain = workbook_add_format (sheets->workbook);
  format_set_align (sheets->plain, LXW_ALIGN_VERTICAL_TOP);

  /* The spreadsheet program's short date, in its user's language. */
  sheets->date = workbook_add_format (sheets->workbook);
  format_set_num_format_index (sheets->date, 14);
  format_set_align (sheets->date, LXW_ALIGN_VERTICAL_TOP);

  sheets->date_time = workbook_add_format (sheets->workbook);
  format_set_num_format_index (sheets->date_time, 22);
  format_set_align (sheets->date_time, LXW_ALIGN_VERTICAL_TOP);

  sheets->percent = workbook_add_format (sheets->workbook);
  format_set_num_format_index (sheets->percent, 9);
  format_set_align (sheets->percent, LXW_ALIGN_VERTICAL_TOP);
}

static gboolean
write_workbook (MeasuresStore  *store,
                GPtrArray      *measures,
                gboolean        all,
                const char     *path,
                GError        **error)
{
  g_autoptr(GPtrArray) logs = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GPtrArray) indicators = NULL;
  g_autoptr(GListModel) goals = NULL;
  g_autofree char *strategy_title = NULL;
  g_autofree char *vision_title = NULL;
  g_auto(GStrv) statements = NULL;
  lxw_workbook_options options = { .constant_memory = LXW_TRUE,
                                   .tmpdir = (char *)g_get_tmp_dir () };
  lxw_doc_properties properties = { 0 };
  Sheets sheets = { 0 };
  lxw_error status;

  if (!measures_store_load_vision (store, &strategy_title, &vision_title, &statements, error) ||
      !(goals = measures_store_list_goals (store, error)) ||
      !(indicators = load_indicators (store, measures, all, error)))
    return FALSE;

  for (guint i = 0; i < measures->len; i++)
    {
      gint64 id = measures_measure_get_id (g_ptr_array_index (measures, i));
      GListModel *log = measures_store_list_log (store, id, TRUE, error);

      if (log == NULL)
        return FALSE;
      g_ptr_array_add (logs, log);
    }

  sheets.goals = g_hash_table_new (NULL, NULL);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (goals, i);

      /* The list keeps the goal, and its title, alive. */
      g_hash_table_insert (sheets.goals, GUINT_TO_POINTER (measures_goal_get_number (goal)),
                           (gpointer)measures_goal_get_title (goal));
    }

  sheets.workbook = workbook_new_opt (path, &options);
  if (sheets.workbook == NULL)
    {
      g_hash_table_unref (sheets.goals);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not create “%s”."), path);
      return FALSE;
    }

  properties.title = strategy_title;
  properties.subject = (char *)_("Measures, their status and progress reports, and indicators");
  properties.comments = (char *)_("Exported from Measures");
  workbook_set_properties (sheets.workbook, &properties);

  add_formats (&sheets);
  write_measures (&sheets, measures, logs);
  write_log (&sheets, measures, logs);
  write_indicators (&sheets, indicators);
  write_indicator_values (&sheets, indicators);
  g_hash_table_unref (sheets.goals);

  status = workbook_close (sheets.workbook);
  if (status != LXW_NO_ERROR)
    {
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED,
                   /* Translators: the file, then the reason */
                   _("Could not write the spreadsheet “%s”: %s."), name, lxw_strerror (status));
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_spreadsheet_export:
 * @ids: (nullable) (array length=n_ids): the measures to export, in this
 *   order — e.g. the list as the window shows it; %NULL for all measures
 *   that are not removed
 * @language: (nullable): "de", "en" or "fr" for the labels and sheet
 *   names, or %NULL for the interface's
 * @path: the .xlsx file to write; replaced only once the new one is whole
 *
 * Writes the measures and their progress log as a spreadsheet (XLSX), with
 * the indicators of their goals and of themselves, and the indicators'
 * values.
 *
 * Returns: %FALSE with @error set if it could not be written
 */
gboolean
measures_spreadsheet_export (MeasuresStore  *store,
                             const gint64   *ids,
                             guint           n_ids,
                             const char     *language,
                             const char     *path,
                             GError        **error)
{
  g_autoptr(GPtrArray) measures = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *partial = NULL;
  gboolean done;

  g_return_val_if_fail (MEASURES_IS_STORE (store), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  measures = load_measures (store, ids, n_ids, error);
  if (measures == NULL)
    return FALSE;

  /* Beside the file, so that it can be renamed into place: a failed
   * export never leaves half a spreadsheet where a whole one was. */
  partial = g_strconcat (path, ".partial", NULL);
  if (language != NULL)
    previous = measures_i18n_switch_language (language);
  done = write_workbook (store, measures, ids == NULL, partial, error);
  if (language != NULL)
    g_free (measures_i18n_switch_language (previous));

  if (done && g_rename (partial, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *name = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write the spreadsheet “%s”: %s."), name,
                   g_strerror (saved_errno));
      done = FALSE;
    }

  if (!done)
    g_unlink (partial);

  return done;
}
