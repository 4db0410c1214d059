/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-day"

#include "config.h"

#include "measures-day.h"

/* January 1, 1970, as a Julian day number. */
#define UNIX_EPOCH_DAY 719163

/**
 * measures_day_new:
 * @year: from 1
 * @month: from 1 to 12
 * @day: the day of the month
 *
 * Returns: the day, or 0 if there is no such date
 */
MeasuresDay
measures_day_new (guint year,
                  guint month,
                  guint day)
{
  GDate date;

  if (year > G_MAXUINT16 || month > 12 || day > 31 || !g_date_valid_dmy (day, month, year))
    return 0;

  g_date_clear (&date, 1);
  g_date_set_dmy (&date, day, month, year);
  return g_date_get_julian (&date);
}

static gboolean
parse_digits (const char **p,
              guint        n,
              guint       *value)
{
  *value = 0;
  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit ((*p)[i]))
        return FALSE;
      *value = *value * 10 + ((*p)[i] - '0');
    }
  *p += n;
  return TRUE;
}

/**
 * measures_day_from_iso8601:
 * @iso8601: (nullable): a date ("2026-11-25") or a moment as the store
 *   writes it ("2026-11-25T14:05:00Z")
 *
 * A moment counts on the day it was in the local time zone, as
 * measures_format_iso_date() shows it. The store's own format is read
 * without #GDateTime: statistics read this for every log entry.
 *
 * Returns: the day, or 0 if @iso8601 is %NULL or cannot be read
 */
MeasuresDay
measures_day_from_iso8601 (const char *iso8601)
{
  const char *p = iso8601;
  guint year, month, day, hour, minute, second;
  MeasuresDay date;
  static gsize local;
  gint64 unix_time;
  int interval;

  if (p == NULL)
    return 0;

  if (!parse_digits (&p, 4, &year) || *p++ != '-' || !parse_digits (&p, 2, &month) ||
      *p++ != '-' || !parse_digits (&p, 2, &day) || (date = measures_day_new (year, month, day)) == 0)
    return 0;
  if (*p == '\0')
    return date;

  if (*p++ != 'T' || !parse_digits (&p, 2, &hour) || *p++ != ':' ||
      !parse_digits (&p, 2, &minute) || *p++ != ':' || !parse_digits (&p, 2, &second) ||
      !g_str_equal (p, "Z") || hour > 23 || minute > 59 || second > 60)
    {
      /* Fractions of seconds, other offsets: rare enough for the slow way. */
      g_autoptr(GDateTime) date_time = g_date_time_new_from_iso8601 (iso8601, NULL);

      return date_time ? measures_day_from_date_time (date_time) : 0;
    }

  /* The local zone of the process, kept: looking it up is not cheap. */
  if (g_once_init_enter (&local))
    g_once_init_leave (&local, (gsize)g_time_zone_new_local ());

  unix_time = (gint64)(date - UNIX_EPOCH_DAY) * 86400 + hour * 3600 + minute * 60 + second;
  interval = g_time_zone_find_interval ((GTimeZone *)local, G_TIME_TYPE_UNIVERSAL, unix_time);
  if (interval >= 0)
    unix_time += g_time_zone_get_offset ((GTimeZone *)local, interval);

  return UNIX_EPOCH_DAY + (MeasuresDay)(unix_time / 86400);
}

/**
 * measures_day_from_date_time:
 * @date_time: a moment
 *
 * Returns: the day of @date_time in the local time zone
 */
MeasuresDay
measures_day_from_date_time (GDateTime *date_time)
{
  g_autoptr(GDateTime) local = NULL;

  g_return_val_if_fail (date_time != NULL, 0);

  local = g_date_time_to_local (date_time);
  return measures_day_new (g_date_time_get_year (local), g_date_time_get_month (local),
                           g_date_time_get_day_of_month (local));
}

/**
 * measures_day_today:
 *
 * Returns: today, in the local time zone
 */
MeasuresDay
measures_day_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return measures_day_from_date_time (now);
}

/**
 * measures_day_add_months:
 * @day: a day
 * @months: how many months to go forward, or back when negative
 *
 * Returns: the same day of the month @months later; the last day of that
 *   month when it is shorter (January 31 and one month: February 28 or 29)
 */
MeasuresDay
measures_day_add_months (MeasuresDay day,
                         int         months)
{
  GDate date;

  g_return_val_if_fail (day > 0, 0);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (months >= 0)
    g_date_add_months (&date, months);
  else
    g_date_subtract_months (&date, -months);

  return g_date_get_julian (&date);
}

/**
 * measures_day_end_of_month:
 * @day: a day
 *
 * Returns: the last day of the month @day is in
 */
MeasuresDay
measures_day_end_of_month (MeasuresDay day)
{
  guint year, month, day_of_month;

  g_return_val_if_fail (day > 0, 0);

  measures_day_get_ymd (day, &year, &month, &day_of_month);
  return day + g_date_get_days_in_month (month, year) - day_of_month;
}

/**
 * measures_day_get_ymd:
 * @day: a day
 * @year: (out) (optional): its year
 * @month: (out) (optional): its month, from 1 to 12
 * @day_of_month: (out) (optional): its day of the month
 */
void
measures_day_get_ymd (MeasuresDay  day,
                      guint       *year,
                      guint       *month,
                      guint       *day_of_month)
{
  GDate date;

  g_return_if_fail (day > 0);

  g_date_clear (&date, 1);
  g_date_set_julian (&date, day);
  if (year != NULL)
    *year = g_date_get_year (&date);
  if (month != NULL)
    *month = g_date_get_month (&date);
  if (day_of_month != NULL)
    *day_of_month = g_date_get_day (&date);
}

/**
 * measures_day_to_years:
 * @day: a day
 *
 * Returns: @day in years of 365.25 days since the start of the count: the
 *   unit trends are given in (a change "per year")
 */
double
measures_day_to_years (MeasuresDay day)
{
  return day / 365.25;
}
