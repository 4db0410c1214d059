/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-indicator.h"

G_BEGIN_DECLS

/* An indicator's figures and dates as the interface writes them, shared by
 * its list row, its view and its editor. */

GDateTime *measures_indicator_parse_day      (const char        *date);
char      *measures_indicator_format_day     (const char        *date);
char      *measures_indicator_format_value   (double             value,
                                              const char        *unit);
const char *measures_indicator_direction_label (MeasuresDirection direction);
char      *measures_indicator_interval_label (guint              months);
char      *measures_indicator_due_date       (MeasuresIndicator *indicator,
                                              const char        *latest);
char      *measures_indicator_describe_due   (MeasuresIndicator *indicator,
                                              const char        *latest,
                                              gboolean          *overdue);

G_END_DECLS
