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
