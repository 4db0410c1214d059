/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * MeasuresDay:
 *
 * A calendar day as a Julian day number, the way #GDate counts them
 * (1 is January 1 of the year 1); 0 is no day. Statistics over thousands
 * of dates compare and subtract these instead of parsing strings again.
 */
typedef guint32 MeasuresDay;

MeasuresDay measures_day_new            (guint        year,
                                         guint        month,
                                         guint        day);
MeasuresDay measures_day_from_iso8601   (const char  *iso8601);
MeasuresDay measures_day_from_date_time (GDateTime   *date_time);
MeasuresDay measures_day_today          (void);
MeasuresDay measures_day_add_months     (MeasuresDay  day,
                                         int          months);
MeasuresDay measures_day_end_of_month   (MeasuresDay  day);
void        measures_day_get_ymd        (MeasuresDay  day,
                                         guint       *year,
                                         guint       *month,
                                         guint       *day_of_month);
double      measures_day_to_years       (MeasuresDay  day);

G_END_DECLS
