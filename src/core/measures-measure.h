/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "measures-types.h"

G_BEGIN_DECLS

/* Limits that keep every field readable on a sheet and in the database. */
#define MEASURES_MAX_TITLE_LENGTH 500
#define MEASURES_MAX_TEXT_LENGTH 20000
#define MEASURES_MAX_LINE_LENGTH 2000
#define MEASURES_MAX_OBJECTIVES 50

#define MEASURES_TYPE_MEASURE (measures_measure_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresMeasure, measures_measure, MEASURES, MEASURE, GObject)

gint64              measures_measure_get_id               (MeasuresMeasure *self);
gint64              measures_measure_get_revision         (MeasuresMeasure *self);
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
const char         *measures_measure_get_updated          (MeasuresMeasure *self);
const char         *measures_measure_get_removed          (MeasuresMeasure *self);
MeasuresStatus      measures_measure_get_status           (MeasuresMeasure *self);
gboolean            measures_measure_get_status_derived   (MeasuresMeasure *self);
guint               measures_measure_get_progress         (MeasuresMeasure *self);
MeasuresMeasure    *measures_measure_copy_with            (MeasuresMeasure *self,
                                                           const char      *first_property,
                                                           ...) G_GNUC_NULL_TERMINATED;
gboolean            measures_measure_validate             (MeasuresMeasure *self,
                                                           const char     **field,
                                                           GError         **error);
gboolean            measures_measure_has_office           (MeasuresMeasure *self,
                                                           const char      *abbreviation,
                                                           MeasuresRole     role);

G_END_DECLS
