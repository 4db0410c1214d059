/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "measures-types.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_MEASURE (measures_measure_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresMeasure, measures_measure, MEASURES, MEASURE, GObject)

gint64              measures_measure_get_id               (MeasuresMeasure *self);
guint               measures_measure_get_goal             (MeasuresMeasure *self);
guint               measures_measure_get_position         (MeasuresMeasure *self);
const char         *measures_measure_get_title            (MeasuresMeasure *self);
const char         *measures_measure_get_description      (MeasuresMeasure *self);
const char * const *measures_measure_get_objectives       (MeasuresMeasure *self);
const char         *measures_measure_get_lead             (MeasuresMeasure *self);
const char         *measures_measure_get_actors           (MeasuresMeasure *self);
const char * const *measures_measure_get_lead_offices     (MeasuresMeasure *self);
const char * const *measures_measure_get_involved_offices (MeasuresMeasure *self);
MeasuresPriority    measures_measure_get_priority         (MeasuresMeasure *self);
const char         *measures_measure_get_period           (MeasuresMeasure *self);
const char         *measures_measure_get_costs            (MeasuresMeasure *self);
const char         *measures_measure_get_overview_title   (MeasuresMeasure *self);
const char         *measures_measure_get_overview_lead    (MeasuresMeasure *self);
gboolean            measures_measure_has_office           (MeasuresMeasure *self,
                                                           const char      *abbreviation,
                                                           MeasuresRole     role);

G_END_DECLS
