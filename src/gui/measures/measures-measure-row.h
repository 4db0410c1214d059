/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "measures-measure.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_MEASURE_ROW (measures_measure_row_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresMeasureRow, measures_measure_row, MEASURES, MEASURE_ROW, GtkWidget)

GtkListItemFactory *measures_measure_row_factory_new  (GtkEditable        *search,
                                                       GListModel         *offices);
void                measures_measure_row_set_measure  (MeasuresMeasureRow *self,
                                                       MeasuresMeasure    *measure);

G_END_DECLS
