/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "measures-report.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_PRINT_OPERATION (measures_print_operation_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresPrintOperation, measures_print_operation, MEASURES,
                      PRINT_OPERATION, GtkPrintOperation)

MeasuresPrintOperation *measures_print_operation_new         (MeasuresReport         *report,
                                                              MeasuresPaper           paper);
MeasuresPrintOperation *measures_print_operation_new_from_preview
                                                             (MeasuresPrintOperation *previewed);
gboolean                measures_print_operation_get_print_requested
                                                             (MeasuresPrintOperation *self);

G_END_DECLS
