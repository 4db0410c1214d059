/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-indicators"

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "measures-format.h"
#include "measures-indicator-text.h"

/**
 * measures_indicator_parse_day:
 * @date: (nullable): an ISO 8601 day, as the store keeps it
 *
 * Returns: (transfer full) (nullable): noon of that day, local time
 */
GDateTime *
measures_indicator_parse_day (const char *date)
{
  guint year, month, day;

  if (!measures_indicator_check_date (date) ||
      sscanf (date, "%4u-%2u-%2u", &year, &month, &day) != 3)
    return NULL;

  return g_date_time_new_local (year, month, day, 12, 0, 0);
}

/**
 * measures_indicator_format_day:
 *
 * Returns: (transfer full): @date as the app writes dates, "1. Dezember
 *   2026", or @date itself if it is no date
 */
char *
measures_indicator_format_day (const char *date)
{
  g_autoptr(GDateTime) day = measures_indicator_parse_day (date);

  return day ? measures_format_date (day) : g_strdup (date ? date : "");
}

/**
 * measures_indicator_format_value:
 * @unit: (nullable): the indicator's unit
 *
 * Returns: (transfer full): the value in the user's number format, with
 *   its unit: "1.234,5 t CO₂"
 */
char *
measures_indicator_format_value (double      value,
                                 const char *unit)
{
  g_autofree char *number = measures_format_decimal (value, -1);

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&number);

  /* Translators: a value and its unit, e.g. "1.234,5 t CO₂" */
  return g_strdup_printf (C_("value with unit", "%s %s"), number, unit);
}

const char *
measures_indicator_direction_label (MeasuresDirection direction)
{
  return direction == MEASURES_DIRECTION_DOWN ? _("Lower is better") : _("Higher is better");
}

/**
 * measures_indicator_interval_label:
 * @months: the reporting interval, 0 for none
 *
 * Returns: (transfer full): e.g. "Every 3 months"
 */
char *
measures_indicator_interval_label (guint months)
{
  switch (months)
    {
    case 0:
      return g_strdup (_("No fixed interval"));
    case 1:
      return g_strdup (_("Monthly"));
    case 3:
      return g_strdup (_("Quarterly"));
    case 6:
      return g_strdup (_("Every six months"));
    case 12:
      return g_strdup (_("Yearly"));
    default:
      return g_strdup_printf (ngettext ("Every %u month", "Every %u months", months), months);
    }
}

/**
 * measures_indicator_due_date:
 * @latest: (nullable): the date of the latest recorded value
 *
 * When the next value is due: one interval after the latest value, or
 * after the baseline while there is none.
 *
 * Returns: (transfer full) (nullable): an ISO 8601 day, or %NULL when the
 *   indicator has no reporting interval or nothing to count from
 */
char *
measures_indicator_due_date (MeasuresIndicator *indicator,
                             const char        *latest)
{
  guint months = measures_indicator_get_interval_months (indicator);
  g_autoptr(GDateTime) from = NULL;
  g_autoptr(GDateTime) due = NULL;

  if (months == 0)
    return NULL;

  from = measures_indicator_parse_day (latest ? latest
                                              : measures_indicator_get_baseline_date (indicator));
  if (from == NULL)
    return NULL;

  due = g_date_time_add_months (from, months);
  return g_date_time_format (due, "%Y-%m-%d");
}

/**
 * measures_indicator_describe_due:
 * @latest: (nullable): the date of the latest recorded value
 * @overdue: (out) (optional): whether the due date has passed
 *
 * Returns: (transfer full) (nullable): when the next value is due, in
 *   words, or %NULL when the indicator has no reporting interval
 */
char *
measures_indicator_describe_due (MeasuresIndicator *indicator,
                                 const char        *latest,
                                 gboolean          *overdue)
{
  g_autofree char *due = measures_indicator_due_date (indicator, latest);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *day = NULL;

  if (overdue != NULL)
    *overdue = FALSE;

  if (measures_indicator_get_interval_months (indicator) == 0)
    return NULL;

  if (due == NULL)
    {
      if (overdue != NULL)
        *overdue = TRUE;
      return g_strdup (_("Due now: no value recorded yet"));
    }

  day = measures_indicator_format_day (due);
  if (strcmp (due, today) < 0)
    {
      if (overdue != NULL)
        *overdue = TRUE;
      /* Translators: %s is the date the next value was due */
      return g_strdup_printf (_("Overdue since %s"), day);
    }

  /* Translators: %s is the date the next value is due */
  return g_strdup_printf (_("Due %s"), day);
}
