/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_DATE_BUTTON (measures_date_button_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresDateButton, measures_date_button, MEASURES, DATE_BUTTON, AdwBin)

GtkWidget  *measures_date_button_new      (void);
const char *measures_date_button_get_date (MeasuresDateButton *self);
void        measures_date_button_set_date (MeasuresDateButton *self,
                                           const char         *date);
void        measures_date_button_set_name (MeasuresDateButton *self,
                                           const char         *name);

G_END_DECLS
