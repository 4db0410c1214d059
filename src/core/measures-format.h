/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char *measures_format_date          (GDateTime  *date);
char *measures_format_day_and_time  (GDateTime  *date);
char *measures_format_iso_date      (const char *iso8601,
                                     gboolean    with_time);
char *measures_i18n_switch_language (const char *language);
void  measures_i18n_setup           (const char *localedir);
const char *measures_i18n_get_system_language (void);
char *measures_i18n_dup_language    (void);
char *measures_sort_key             (const char *text);
char *measures_format_number        (guint       n);
char *measures_format_decimal       (double      value,
                                     int         decimals);
gboolean measures_format_parse_number (const char  *text,
                                       double      *value,
                                       GError     **error);
char *measures_format_month         (guint       year,
                                     guint       month);

G_END_DECLS
