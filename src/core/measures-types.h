/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * MeasuresPriority:
 * @MEASURES_PRIORITY_HIGH: printed as „hoch“
 * @MEASURES_PRIORITY_MEDIUM: printed as „mittel“
 * @MEASURES_PRIORITY_LOW: printed as „niedrig“
 *
 * The priority an office gave its measure. The values are stored in the
 * database and sort from most to least urgent, so never renumber them.
 */
typedef enum {
  MEASURES_PRIORITY_HIGH = 0,
  MEASURES_PRIORITY_MEDIUM = 1,
  MEASURES_PRIORITY_LOW = 2,
} MeasuresPriority;

#define MEASURES_N_PRIORITIES 3

#define MEASURES_TYPE_PRIORITY (measures_priority_get_type ())
GType measures_priority_get_type (void);

const char *measures_priority_to_string   (MeasuresPriority  priority);
gboolean    measures_priority_from_string (const char       *string,
                                           MeasuresPriority *priority);
gboolean    measures_priority_from_german (const char       *printed,
                                           MeasuresPriority *priority);
const char *measures_priority_get_label   (MeasuresPriority  priority);

/**
 * MeasuresStatus:
 * @MEASURES_STATUS_PLANNED: not started yet („in Planung“)
 * @MEASURES_STATUS_IN_PROGRESS: being carried out („in Durchführung“)
 * @MEASURES_STATUS_CONTINUOUS: an ongoing task without an end
 * @MEASURES_STATUS_COMPLETED: done
 * @MEASURES_STATUS_ON_HOLD: paused
 * @MEASURES_STATUS_DROPPED: given up
 *
 * Where a measure stands. The last four are the categories of the
 * strategy's 2012 review. Stored in the database: never renumber.
 */
typedef enum {
  MEASURES_STATUS_PLANNED = 0,
  MEASURES_STATUS_IN_PROGRESS = 1,
  MEASURES_STATUS_CONTINUOUS = 2,
  MEASURES_STATUS_COMPLETED = 3,
  MEASURES_STATUS_ON_HOLD = 4,
  MEASURES_STATUS_DROPPED = 5,
} MeasuresStatus;

#define MEASURES_N_STATUSES 6

#define MEASURES_TYPE_STATUS (measures_status_get_type ())
GType measures_status_get_type (void);

const char     *measures_status_to_string   (MeasuresStatus  status);
gboolean        measures_status_from_string (const char     *string,
                                             MeasuresStatus *status);
const char     *measures_status_get_label   (MeasuresStatus  status);
MeasuresStatus  measures_status_from_period (const char     *period);

/**
 * MeasuresRole:
 * @MEASURES_ROLE_LEAD: the office leads the measure (Federführung)
 * @MEASURES_ROLE_INVOLVED: the office takes part (Beteiligte Akteure)
 *
 * How an office is linked to a measure. Stored in the database.
 */
typedef enum {
  MEASURES_ROLE_LEAD = 0,
  MEASURES_ROLE_INVOLVED = 1,
} MeasuresRole;

G_END_DECLS
