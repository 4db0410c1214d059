/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-types"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-types.h"

static const struct {
  const char *nick;
  const char *german;
  const char *label;
} priorities[MEASURES_N_PRIORITIES] = {
  [MEASURES_PRIORITY_HIGH] = { "high", "hoch", NC_("priority", "High") },
  [MEASURES_PRIORITY_MEDIUM] = { "medium", "mittel", NC_("priority", "Medium") },
  [MEASURES_PRIORITY_LOW] = { "low", "niedrig", NC_("priority", "Low") },
};

G_DEFINE_ENUM_TYPE (MeasuresPriority, measures_priority,
                    G_DEFINE_ENUM_VALUE (MEASURES_PRIORITY_HIGH, "high"),
                    G_DEFINE_ENUM_VALUE (MEASURES_PRIORITY_MEDIUM, "medium"),
                    G_DEFINE_ENUM_VALUE (MEASURES_PRIORITY_LOW, "low"))

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

  for (guint i = 0; string != NULL && i < MEASURES_N_PRIORITIES; i++)
    {
      if (g_str_equal (string, priorities[i].nick))
        {
          *priority = i;
          return TRUE;
        }
    }

  return FALSE;
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

  for (guint i = 0; printed != NULL && i < MEASURES_N_PRIORITIES; i++)
    {
      if (g_str_equal (printed, priorities[i].german))
        {
          *priority = i;
          return TRUE;
        }
    }

  return FALSE;
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

  return g_dpgettext2 (GETTEXT_PACKAGE, "priority", priorities[priority].label);
}
