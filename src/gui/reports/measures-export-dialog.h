/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "measures-context.h"
#include "measures-report.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_EXPORT_DIALOG (measures_export_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresExportDialog, measures_export_dialog, MEASURES, EXPORT_DIALOG,
                      GObject)

MeasuresExportDialog *measures_export_dialog_new  (GtkWindow            *parent,
                                                   MeasuresContext      *context,
                                                   MeasuresReport       *report);
void                  measures_export_dialog_show (MeasuresExportDialog *self);

G_END_DECLS
