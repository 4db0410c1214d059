/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "measures-goal.h"
#include "measures-measure.h"
#include "measures-store.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_MEASURE_VIEW (measures_measure_view_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresMeasureView, measures_measure_view, MEASURES, MEASURE_VIEW, AdwBin)

void             measures_measure_view_set_store   (MeasuresMeasureView *self,
                                                    MeasuresStore       *store);
void             measures_measure_view_set_offices (MeasuresMeasureView *self,
                                                    GListModel          *offices);
MeasuresMeasure *measures_measure_view_get_measure (MeasuresMeasureView *self);
void             measures_measure_view_set_measure (MeasuresMeasureView *self,
                                                    MeasuresMeasure     *measure,
                                                    MeasuresGoal        *goal);

GtkAdjustment   *measures_measure_view_get_vadjustment (MeasuresMeasureView *self);

void             measures_measure_view_set_can_report (MeasuresMeasureView *self,
                                                       gboolean             can_report,
                                                       const char          *why);

G_END_DECLS
