/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measure-diff"

#include "config.h"

#include "measures-measure-diff.h"

static void
field_change_clear (gpointer data)
{
  MeasuresFieldChange *change = data;

  g_free (change->old_text);
  g_free (change->new_text);
}

static void
add (GArray     *changes,
     const char *field,
     char       *old_text,
     char       *new_text)
{
  MeasuresFieldChange change = { field, old_text, new_text };

  if (g_str_equal (old_text, new_text))
    {
      field_change_clear (&change);
      return;
    }

  g_array_append_val (changes, change);
}

static char *
join (const char * const *strv,
      const char         *separator)
{
  return g_strjoinv (separator, (GStrv)strv);
}

/**
 * measures_measure_diff:
 * @before: the measure as stored
 * @after: the measure as edited
 *
 * Compares the fields of a measure's sheet: title, goal, description,
 * objectives, lead and actors wording, offices, priority, period and
 * costs. Status and progress change through the progress log, and are not
 * compared here.
 *
 * Returns: (transfer full) (element-type MeasuresFieldChange): the fields
 *   that differ, in the order the sheet shows them; empty if none
 */
GArray *
measures_measure_diff (MeasuresMeasure *before,
                       MeasuresMeasure *after)
{
  GArray *changes;

  g_return_val_if_fail (MEASURES_IS_MEASURE (before), NULL);
  g_return_val_if_fail (MEASURES_IS_MEASURE (after), NULL);

  changes = g_array_new (FALSE, FALSE, sizeof (MeasuresFieldChange));
  g_array_set_clear_func (changes, field_change_clear);

#define TEXT(name) \
  add (changes, #name, g_strdup (measures_measure_get_##name (before)), \
       g_strdup (measures_measure_get_##name (after)))
  TEXT (title);
  TEXT (description);
  TEXT (lead);
  TEXT (actors);
  TEXT (period);
  TEXT (costs);
#undef TEXT
  add (changes, "priority",
       g_strdup (measures_priority_to_string (measures_measure_get_priority (before))),
       g_strdup (measures_priority_to_string (measures_measure_get_priority (after))));
  add (changes, "goal",
       g_strdup_printf ("%u", measures_measure_get_goal (before)),
       g_strdup_printf ("%u", measures_measure_get_goal (after)));
  add (changes, "objectives",
       join (measures_measure_get_objectives (before), "\n"),
       join (measures_measure_get_objectives (after), "\n"));
  add (changes, "lead_offices",
       join (measures_measure_get_lead_offices (before), ", "),
       join (measures_measure_get_lead_offices (after), ", "));
  add (changes, "involved_offices",
       join (measures_measure_get_involved_offices (before), ", "),
       join (measures_measure_get_involved_offices (after), ", "));

  return changes;
}
