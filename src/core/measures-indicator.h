/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "measures-types.h"

G_BEGIN_DECLS

/* Limits that keep an indicator readable on the dashboard and in print. */
#define MEASURES_MAX_INDICATOR_TARGETS 10
#define MEASURES_MAX_UNIT_LENGTH 40

/**
 * MeasuresDirection:
 * @MEASURES_DIRECTION_UP: the higher the value, the better
 * @MEASURES_DIRECTION_DOWN: the lower the value, the better
 *
 * Which way an indicator should move.
 */
typedef enum {
  MEASURES_DIRECTION_UP,
  MEASURES_DIRECTION_DOWN,
} MeasuresDirection;

/**
 * MeasuresIndicatorTarget:
 * @date: by when, an ISO 8601 date ("2030-12-31")
 * @value: the value to reach
 *
 * One target of an indicator.
 */
typedef struct {
  char *date;
  double value;
} MeasuresIndicatorTarget;

#define MEASURES_TYPE_INDICATOR_TARGETS (measures_indicator_targets_get_type ())

GType                          measures_indicator_targets_get_type    (void) G_GNUC_CONST;
GPtrArray                     *measures_indicator_targets_new         (void);
void                           measures_indicator_targets_add         (GPtrArray         *targets,
                                                                       const char        *date,
                                                                       double             value);

#define MEASURES_TYPE_INDICATOR (measures_indicator_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresIndicator, measures_indicator, MEASURES, INDICATOR, GObject)

/* An impact goal or key figure, attached to a goal (measure id 0) or to a
 * measure (goal 0). Immutable, like #MeasuresMeasure: a change is a copy
 * made with measures_indicator_copy_with(), saved with the revision the
 * original was read at. Properties, for copy_with: "goal" (uint),
 * "measure-id" (int64), "name", "unit", "description", "office"
 * (the responsible office's abbreviation), "baseline-value" (double),
 * "baseline-date" (string, nullable), "direction" (MeasuresDirection),
 * "interval-months" (uint, 0: no reporting interval), "targets" (a
 * GPtrArray of MeasuresIndicatorTarget, boxed as
 * MEASURES_TYPE_INDICATOR_TARGETS, made with measures_indicator_targets_new()).
 * Set by the store only: "id", "revision", "updated" and "removed"
 * (ISO 8601 times, nullable). */

gint64                         measures_indicator_get_id              (MeasuresIndicator *self);
gint64                         measures_indicator_get_revision        (MeasuresIndicator *self);
guint                          measures_indicator_get_goal            (MeasuresIndicator *self);
gint64                         measures_indicator_get_measure_id      (MeasuresIndicator *self);
const char                    *measures_indicator_get_name            (MeasuresIndicator *self);
const char                    *measures_indicator_get_unit            (MeasuresIndicator *self);
const char                    *measures_indicator_get_description     (MeasuresIndicator *self);
const char                    *measures_indicator_get_office          (MeasuresIndicator *self);
double                         measures_indicator_get_baseline_value  (MeasuresIndicator *self);
const char                    *measures_indicator_get_baseline_date   (MeasuresIndicator *self);
MeasuresDirection              measures_indicator_get_direction       (MeasuresIndicator *self);
guint                          measures_indicator_get_interval_months (MeasuresIndicator *self);
guint                          measures_indicator_get_n_targets       (MeasuresIndicator *self);
const MeasuresIndicatorTarget *measures_indicator_get_target          (MeasuresIndicator *self,
                                                                       guint              i);
const char                    *measures_indicator_get_updated         (MeasuresIndicator *self);
const char                    *measures_indicator_get_removed         (MeasuresIndicator *self);
MeasuresIndicator             *measures_indicator_new                 (void);
MeasuresIndicator             *measures_indicator_copy_with           (MeasuresIndicator *self,
                                                                       const char        *first_property,
                                                                       ...) G_GNUC_NULL_TERMINATED;
gboolean                       measures_indicator_validate            (MeasuresIndicator *self,
                                                                       const char       **field,
                                                                       GError           **error);
GArray                        *measures_indicator_diff                (MeasuresIndicator *before,
                                                                       MeasuresIndicator *after);
gboolean                       measures_indicator_check_date          (const char        *date);

#define MEASURES_TYPE_INDICATOR_VALUE (measures_indicator_value_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresIndicatorValue, measures_indicator_value, MEASURES,
                      INDICATOR_VALUE, GObject)

/* A measured value: when it was measured (an ISO date), the value, a note,
 * and who recorded it when (stamped by the store; on a server, by the
 * server). */
MeasuresIndicatorValue *measures_indicator_value_new              (gint64                  id,
                                                                   gint64                  indicator_id,
                                                                   const char             *date,
                                                                   double                  value,
                                                                   const char             *note,
                                                                   const char             *author,
                                                                   const char             *recorded);
gint64                  measures_indicator_value_get_id           (MeasuresIndicatorValue *self);
gint64                  measures_indicator_value_get_indicator_id (MeasuresIndicatorValue *self);
const char             *measures_indicator_value_get_date         (MeasuresIndicatorValue *self);
double                  measures_indicator_value_get_value        (MeasuresIndicatorValue *self);
const char             *measures_indicator_value_get_note         (MeasuresIndicatorValue *self);
const char             *measures_indicator_value_get_author       (MeasuresIndicatorValue *self);
const char             *measures_indicator_value_get_recorded     (MeasuresIndicatorValue *self);

G_END_DECLS
