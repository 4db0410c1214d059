/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measure-diff"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-change.h"
#include "measures-measure-diff.h"

static void
field_change_clear (gpointer data)
{
  MeasuresFieldChange *change = data;

  g_free (change->old_text);
  g_free (change->new_text);
}

/**
 * measures_field_changes_new:
 *
 * Returns: (transfer full) (element-type MeasuresFieldChange): an empty
 *   list of changed fields, a measure's or an indicator's, that frees its
 *   texts
 */
GArray *
measures_field_changes_new (void)
{
  GArray *changes = g_array_new (FALSE, FALSE, sizeof (MeasuresFieldChange));

  g_array_set_clear_func (changes, field_change_clear);
  return changes;
}

/**
 * measures_field_changes_add:
 * @changes: a list from measures_field_changes_new()
 * @field: the history's name of the field, a static string
 * @old_text: (transfer full) (nullable): the field before
 * @new_text: (transfer full) (nullable): the field after
 *
 * Adds the field to @changes when the two texts differ.
 */
void
measures_field_changes_add (GArray     *changes,
                            const char *field,
                            char       *old_text,
                            char       *new_text)
{
  MeasuresFieldChange change = { field, old_text, new_text };

  if (g_strcmp0 (old_text, new_text) == 0)
    {
      field_change_clear (&change);
      return;
    }

  g_array_append_val (changes, change);
}

/**
 * measures_measure_state_diff:
 * @before: the measure as stored
 * @status: its new status
 * @progress: its new progress
 *
 * Compares a measure's state, as a progress report or its withdrawal
 * changes it, in the format of measures_measure_diff().
 *
 * Returns: (transfer full) (element-type MeasuresFieldChange): "status"
 *   and "progress" where they differ; empty if neither does
 */
GArray *
measures_measure_state_diff (MeasuresMeasure *before,
                             MeasuresStatus   status,
                             guint            progress)
{
  GArray *changes;

  g_return_val_if_fail (MEASURES_IS_MEASURE (before), NULL);

  changes = measures_field_changes_new ();
  measures_field_changes_add (changes, "status",
                              g_strdup (measures_status_to_string (
                                measures_measure_get_status (before))),
                              g_strdup (measures_status_to_string (status)));
  measures_field_changes_add (changes, "progress",
                              g_strdup_printf ("%u", measures_measure_get_progress (before)),
                              g_strdup_printf ("%u", progress));

  return changes;
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

  changes = measures_field_changes_new ();

#define TEXT(name) \
  measures_field_changes_add (changes, #name, g_strdup (measures_measure_get_##name (before)), \
                              g_strdup (measures_measure_get_##name (after)))
  TEXT (title);
  TEXT (description);
  TEXT (lead);
  TEXT (actors);
  TEXT (period);
  TEXT (costs);
#undef TEXT
  measures_field_changes_add (changes, "priority",
                              g_strdup (measures_priority_to_string (
                                measures_measure_get_priority (before))),
                              g_strdup (measures_priority_to_string (
                                measures_measure_get_priority (after))));
  measures_field_changes_add (changes, "goal",
                              g_strdup_printf ("%u", measures_measure_get_goal (before)),
                              g_strdup_printf ("%u", measures_measure_get_goal (after)));
  measures_field_changes_add (changes, "objectives",
                              join (measures_measure_get_objectives (before), "\n"),
                              join (measures_measure_get_objectives (after), "\n"));
  measures_field_changes_add (changes, "lead_offices",
                              join (measures_measure_get_lead_offices (before), ", "),
                              join (measures_measure_get_lead_offices (after), ", "));
  measures_field_changes_add (changes, "involved_offices",
                              join (measures_measure_get_involved_offices (before), ", "),
                              join (measures_measure_get_involved_offices (after), ", "));

  return changes;
}

/* The property of each field that measures_measure_diff() compares. */
static const char *
property_of (const char *field)
{
  if (g_str_equal (field, "lead_offices"))
    return "lead-offices";
  if (g_str_equal (field, "involved_offices"))
    return "involved-offices";
  return field;
}

/**
 * measures_measure_rebase:
 * @original: the measure as an edit started from it
 * @draft: the edit
 * @current: the measure as someone else has saved it since
 *
 * Carries an edit over to the measure's current version: the fields the
 * edit changed take the edit's values, the others keep the current ones,
 * and the result has the current revision. Where both changed the same
 * field, the edit's value wins: show the result to its author before it
 * is saved.
 *
 * Returns: (transfer full): the edit, made on @current
 */
MeasuresMeasure *
measures_measure_rebase (MeasuresMeasure *original,
                         MeasuresMeasure *draft,
                         MeasuresMeasure *current)
{
  g_autoptr(GArray) changes = NULL;
  g_autofree GParamSpec **specs = NULL;
  g_autofree const char **names = NULL;
  g_autofree GValue *values = NULL;
  MeasuresMeasure *rebased;
  guint n_specs;

  g_return_val_if_fail (MEASURES_IS_MEASURE (original), NULL);
  g_return_val_if_fail (MEASURES_IS_MEASURE (draft), NULL);
  g_return_val_if_fail (MEASURES_IS_MEASURE (current), NULL);

  changes = measures_measure_diff (original, draft);

  /* A measure's properties are set when it is made: make a new one with
   * the current values, and the edit's for the fields it changed. */
  specs = g_object_class_list_properties (G_OBJECT_GET_CLASS (current), &n_specs);
  names = g_new0 (const char *, n_specs);
  values = g_new0 (GValue, n_specs);
  for (guint i = 0; i < n_specs; i++)
    {
      MeasuresMeasure *from = current;

      for (guint j = 0; j < changes->len; j++)
        if (g_str_equal (property_of (g_array_index (changes, MeasuresFieldChange, j).field),
                         specs[i]->name))
          from = draft;

      names[i] = specs[i]->name;
      g_object_get_property (G_OBJECT (from), names[i], &values[i]);
    }

  rebased = MEASURES_MEASURE (g_object_new_with_properties (MEASURES_TYPE_MEASURE, n_specs, names,
                                                            values));
  for (guint i = 0; i < n_specs; i++)
    g_value_unset (&values[i]);

  return rebased;
}

static char *
shorten (const char *value,
         glong       limit)
{
  g_autofree char *start = NULL;

  if (value[0] == '\0')
    return g_strdup (_("(empty)"));
  if (g_utf8_strlen (value, -1) <= limit)
    return g_strdup (value);

  start = g_utf8_substring (value, 0, limit);
  return g_strconcat (start, "…", NULL);
}

static void
append_field (GString    *text,
              const char *field)
{
  if (text->len > 0)
    g_string_append (text, "\n\n");
  g_string_append_printf (text, "%s:\n", measures_field_get_label (field));
}

/**
 * measures_measure_dup_text:
 * @measure: a measure
 *
 * Returns: (transfer full): the text of the measure's sheet, each field
 *   under its name, for the clipboard
 */
char *
measures_measure_dup_text (MeasuresMeasure *measure)
{
  g_autoptr(MeasuresMeasure) empty = g_object_new (MEASURES_TYPE_MEASURE, NULL);
  g_autoptr(GArray) fields = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (MEASURES_IS_MEASURE (measure), NULL);

  fields = measures_measure_diff (empty, measure);
  for (guint i = 0; i < fields->len; i++)
    {
      const MeasuresFieldChange *field = &g_array_index (fields, MeasuresFieldChange, i);

      /* Priority and goal are choices, not text anyone typed. */
      if (g_str_equal (field->field, "priority") || g_str_equal (field->field, "goal"))
        continue;

      append_field (text, field->field);
      g_string_append (text, field->new_text);
    }

  return g_string_free (text, FALSE);
}

static gboolean
field_changed (GArray     *changes,
               const char *field)
{
  for (guint i = 0; i < changes->len; i++)
    if (g_str_equal (g_array_index (changes, MeasuresFieldChange, i).field, field))
      return TRUE;

  return FALSE;
}

/**
 * measures_measure_describe_differences:
 * @original: the measure as the edit started from it
 * @draft: the edit
 * @current: the measure as it is stored now
 *
 * Describes, for each field where the stored measure and the edit differ,
 * the text saved now and the edit's, and what measures_measure_rebase()
 * keeps: the edit's text where the edit changed the field, the saved one
 * where only someone else did.
 *
 * Returns: (transfer full): the description, shortened; an empty string
 *   if the two do not differ
 */
char *
measures_measure_describe_differences (MeasuresMeasure *original,
                                       MeasuresMeasure *draft,
                                       MeasuresMeasure *current)
{
  g_autoptr(GArray) changes = NULL;
  g_autoptr(GArray) edited = NULL;
  GString *text = g_string_new (NULL);

  g_return_val_if_fail (MEASURES_IS_MEASURE (original), NULL);
  g_return_val_if_fail (MEASURES_IS_MEASURE (draft), NULL);
  g_return_val_if_fail (MEASURES_IS_MEASURE (current), NULL);

  changes = measures_measure_diff (current, draft);
  edited = measures_measure_diff (original, draft);
  for (guint i = 0; i < changes->len; i++)
    {
      const MeasuresFieldChange *change = &g_array_index (changes, MeasuresFieldChange, i);
      g_autofree char *now = NULL;
      g_autofree char *yours = NULL;

      /* A priority in words of the interface, not as the history keeps it. */
      if (g_str_equal (change->field, "priority"))
        {
          now = g_strdup (measures_priority_get_label (measures_measure_get_priority (current)));
          yours = g_strdup (measures_priority_get_label (measures_measure_get_priority (draft)));
        }
      else
        {
          now = shorten (change->old_text, 300);
          yours = shorten (change->new_text, 300);
        }

      append_field (text, change->field);
      /* Translators: a field's text as saved now */
      g_string_append_printf (text, _("Saved now: %s"), now);
      g_string_append_c (text, '\n');
      if (field_changed (edited, change->field))
        /* Translators: a field's text as the user typed it */
        g_string_append_printf (text, _("Your edit: %s"), yours);
      else
        g_string_append (text, _("Your edit: unchanged, the saved text is kept"));
    }

  return g_string_free (text, FALSE);
}
