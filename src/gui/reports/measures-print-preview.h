/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_PRINT_PREVIEW (measures_print_preview_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresPrintPreview, measures_print_preview, MEASURES, PRINT_PREVIEW,
                      AdwWindow)

GtkWidget *measures_print_preview_new (GtkWindow                *parent,
                                       GtkPrintOperationPreview *preview,
                                       GtkPrintContext          *context);

G_END_DECLS
