/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-types"

#include "config.h"

#include "measures-i18n.h"
#include <string.h>

#include "measures-types.h"

/* The nicks are the names in exported JSON. They are spelled out here
 * rather than taken from the generated GTypes, whose nicks follow the
 * constants' names, so that renaming a constant cannot change the file
 * format. */
static const struct {
  const char *nick;
  const char *german;
  const char *label;
} priorities[MEASURES_N_PRIORITIES] = {
  [MEASURES_PRIORITY_HIGH] = { "high", "hoch", NC_("priority", "High") },
  [MEASURES_PRIORITY_MEDIUM] = { "medium", "mittel", NC_("priority", "Medium") },
  [MEASURES_PRIORITY_LOW] = { "low", "niedrig", NC_("priority", "Low") },
};

/* Finds the value whose name, as @name_of gives it, is @string. */
static gboolean
find_value (const char  *string,
            const char *(*name_of) (guint value),
            guint        n_values,
            guint       *value)
{
  for (guint i = 0; string != NULL && i < n_values; i++)
    {
      if (g_str_equal (string, name_of (i)))
        {
          *value = i;
          return TRUE;
        }
    }

  return FALSE;
}

static const char *
priority_nick (guint priority)
{
  return priorities[priority].nick;
}

static const char *
priority_german (guint priority)
{
  return priorities[priority].german;
}

/**
 * measures_priority_to_string:
 * @priority: a #MeasuresPriority
 *
 * Returns: the stable English name used in exported JSON ("high", "medium", "low")
 */
const char *
measures_priority_to_string (MeasuresPriority priority)
{
  g_return_val_if_fail (priority < MEASURES_N_PRIORITIES, NULL);

  return priorities[priority].nick;
}

/**
 * measures_priority_from_string:
 * @string: "high", "medium" or "low"
 * @priority: (out): where to store the priority
 *
 * Returns: %TRUE if @string names a priority
 */
gboolean
measures_priority_from_string (const char       *string,
                               MeasuresPriority *priority)
{
  g_return_val_if_fail (priority != NULL, FALSE);

  return find_value (string, priority_nick, MEASURES_N_PRIORITIES, (guint *)priority);
}

/**
 * measures_priority_from_german:
 * @printed: the priority as printed in the strategy ("hoch", "mittel", "niedrig")
 * @priority: (out): where to store the priority
 *
 * Returns: %TRUE if @printed names a priority
 */
gboolean
measures_priority_from_german (const char       *printed,
                               MeasuresPriority *priority)
{
  g_return_val_if_fail (priority != NULL, FALSE);

  return find_value (printed, priority_german, MEASURES_N_PRIORITIES, (guint *)priority);
}

/**
 * measures_priority_get_label:
 * @priority: a #MeasuresPriority
 *
 * Returns: the priority's name in the interface language
 */
const char *
measures_priority_get_label (MeasuresPriority priority)
{
  g_return_val_if_fail (priority < MEASURES_N_PRIORITIES, NULL);

  return measures_pgettext ("priority", priorities[priority].label);
}

static const struct {
  const char *nick;
  const char *label;
} statuses[MEASURES_N_STATUSES] = {
  [MEASURES_STATUS_PLANNED] = { "planned", NC_("status", "Planned") },
  [MEASURES_STATUS_IN_PROGRESS] = { "in-progress", NC_("status", "In Progress") },
  [MEASURES_STATUS_CONTINUOUS] = { "continuous", NC_("status", "Continuous") },
  [MEASURES_STATUS_COMPLETED] = { "completed", NC_("status", "Completed") },
  [MEASURES_STATUS_ON_HOLD] = { "on-hold", NC_("status", "On Hold") },
  [MEASURES_STATUS_DROPPED] = { "dropped", NC_("status", "Dropped") },
};

static const char *
status_nick (guint status)
{
  return statuses[status].nick;
}

/**
 * measures_status_to_string:
 * @status: a #MeasuresStatus
 *
 * Returns: the stable name used in exported JSON, e.g. "in-progress"
 */
const char *
measures_status_to_string (MeasuresStatus status)
{
  g_return_val_if_fail (status < MEASURES_N_STATUSES, NULL);

  return statuses[status].nick;
}

/**
 * measures_status_from_string:
 * @string: a name as measures_status_to_string() returns it
 * @status: (out): where to store the status
 *
 * Returns: %TRUE if @string names a status
 */
gboolean
measures_status_from_string (const char     *string,
                             MeasuresStatus *status)
{
  g_return_val_if_fail (status != NULL, FALSE);

  return find_value (string, status_nick, MEASURES_N_STATUSES, (guint *)status);
}

/**
 * measures_status_get_label:
 * @status: a #MeasuresStatus
 *
 * Returns: the status's name in the interface language
 */
const char *
measures_status_get_label (MeasuresStatus status)
{
  g_return_val_if_fail (status < MEASURES_N_STATUSES, NULL);

  return measures_pgettext ("status", statuses[status].label);
}

/**
 * measures_status_from_period:
 * @period: a realization period as printed, e.g. "in Durchführung seit 2020"
 *
 * Derives a measure's first status from its printed realization period:
 * „in Durchführung“ means in progress, anything else planned.
 *
 * Returns: the derived status
 */
MeasuresStatus
measures_status_from_period (const char *period)
{
  g_return_val_if_fail (period != NULL, MEASURES_STATUS_PLANNED);

  if (strstr (period, "in Durchführung") != NULL)
    return MEASURES_STATUS_IN_PROGRESS;

  return MEASURES_STATUS_PLANNED;
}
