/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "measures-measure.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_MEASURE_EDITOR (measures_measure_editor_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresMeasureEditor, measures_measure_editor, MEASURES, MEASURE_EDITOR,
                      AdwBin)

void             measures_measure_editor_edit         (MeasuresMeasureEditor *self,
                                                       MeasuresMeasure       *measure,
                                                       GListModel            *goals,
                                                       GListModel            *offices);
MeasuresMeasure *measures_measure_editor_get_original (MeasuresMeasureEditor *self);
gboolean         measures_measure_editor_get_modified (MeasuresMeasureEditor *self);
gboolean         measures_measure_editor_get_valid    (MeasuresMeasureEditor *self);
MeasuresMeasure *measures_measure_editor_build        (MeasuresMeasureEditor *self,
                                                       GError               **error);

MeasuresMeasure *measures_measure_editor_dup_draft    (MeasuresMeasureEditor *self);
void             measures_measure_editor_edit_draft   (MeasuresMeasureEditor *self,
                                                       MeasuresMeasure       *original,
                                                       MeasuresMeasure       *draft,
                                                       gboolean               modified,
                                                       GListModel            *goals,
                                                       GListModel            *offices);
GtkAdjustment   *measures_measure_editor_get_vadjustment (MeasuresMeasureEditor *self);
void             measures_measure_editor_set_conflict (MeasuresMeasureEditor *self,
                                                       const char            *message);
const char      *measures_measure_editor_get_conflict (MeasuresMeasureEditor *self);
void             measures_measure_editor_set_waiting  (MeasuresMeasureEditor *self,
                                                       gboolean               waiting);
gboolean         measures_measure_editor_get_waiting  (MeasuresMeasureEditor *self);
void             measures_measure_editor_set_heading  (MeasuresMeasureEditor *self,
                                                       const char            *heading);

gboolean measures_measure_editor_get_can_try_save (MeasuresMeasureEditor *self);

G_END_DECLS
