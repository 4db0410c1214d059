/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measure-diff"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

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

/* Lists of texts ---------------------------------------------------------- */

static void
list_edit_clear (gpointer data)
{
  MeasuresListEdit *edit = data;

  g_free (edit->old_text);
  g_free (edit->new_text);
}

static int
compare_words (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The words of @text, case-folded and sorted, to count shared words. */
static GPtrArray *
sorted_words (const char *text)
{
  GPtrArray *words = g_ptr_array_new_with_free_func (g_free);
  const char *start = NULL;

  for (const char *p = text;; p = g_utf8_next_char (p))
    {
      gboolean in_word = *p != '\0' && g_unichar_isalnum (g_utf8_get_char (p));

      if (in_word && start == NULL)
        start = p;
      else if (!in_word && start != NULL)
        {
          g_ptr_array_add (words, g_utf8_casefold (start, p - start));
          start = NULL;
        }
      if (*p == '\0')
        break;
    }

  g_ptr_array_sort (words, compare_words);
  return words;
}

/* How alike two texts are, from 0 to 1: twice the words they share over
 * the words of both (the Dice coefficient), so that one word edited in a
 * sentence of ten leaves 0.9, and in a sentence of two leaves 0.5. */
static double
similarity (GPtrArray *a,
            GPtrArray *b)
{
  guint i = 0, j = 0, shared = 0;

  if (a->len + b->len == 0)
    return 1;

  while (i < a->len && j < b->len)
    {
      int order = strcmp (g_ptr_array_index (a, i), g_ptr_array_index (b, j));

      if (order == 0)
        shared++;
      if (order <= 0)
        i++;
      if (order >= 0)
        j++;
    }

  return 2.0 * shared / (a->len + b->len);
}

typedef struct {
  int old_position;
  int new_position;
  double similarity;
} Pairing;

static int
compare_pairings (gconstpointer a,
                  gconstpointer b)
{
  const Pairing *x = a;
  const Pairing *y = b;
  int x_distance = ABS (x->old_position - x->new_position);
  int y_distance = ABS (y->old_position - y->new_position);

  if (x->similarity != y->similarity)
    return x->similarity > y->similarity ? -1 : 1;
  if (x_distance != y_distance)
    return x_distance - y_distance;
  return x->old_position - y->old_position;
}

/* Marks in @in_order the pairs that keep their order: the longest run of
 * pairs whose old positions increase along the new list. The others are
 * what moved: the fewest moves that explain the new order. @old_of_new
 * holds, for each new position, the paired old position or -1. */
static void
find_unmoved (const int *old_of_new,
              guint      n_new,
              gboolean  *in_order)
{
  g_autofree int *tails = g_new (int, n_new + 1);     /* new positions */
  g_autofree int *previous = g_new (int, n_new);
  guint length = 0;

  for (guint j = 0; j < n_new; j++)
    {
      guint low = 0, high = length;

      in_order[j] = FALSE;
      if (old_of_new[j] < 0)
        continue;

      while (low < high)
        {
          guint middle = (low + high) / 2;

          if (old_of_new[tails[middle]] < old_of_new[j])
            low = middle + 1;
          else
            high = middle;
        }
      previous[j] = low > 0 ? tails[low - 1] : -1;
      tails[low] = j;
      if (low == length)
        length++;
    }

  for (int j = length > 0 ? tails[length - 1] : -1; j >= 0; j = previous[j])
    in_order[j] = TRUE;
}

static void
append_edit (GArray               *edits,
             MeasuresListEditKind  kind,
             int                   old_position,
             int                   new_position,
             const char           *old_text,
             const char           *new_text,
             gboolean              moved)
{
  MeasuresListEdit edit = { kind, old_position, new_position, g_strdup (old_text),
                            g_strdup (new_text), moved };

  g_array_append_val (edits, edit);
}

/**
 * measures_list_diff:
 * @before: (array zero-terminated=1): the list before, e.g. a measure's
 *   objectives as stored
 * @after: (array zero-terminated=1): the list after
 *
 * Says what became of each item, as a person would tell it: which were
 * added, removed, moved or changed.
 *
 * Items with the same text pair first (repeated texts in their order).
 * Of the items left, an old and a new one pair as changed when they share
 * at least half of their words (see similarity()) or stand at the same
 * place; the most alike pair first, then those nearest each other. Of all
 * pairs, those outside the longest run that keeps its order moved: moving
 * one item of three to the top moves that one, not the other two. The
 * rest are removed or added.
 *
 * Returns: (transfer full) (element-type MeasuresListEdit): the removed
 *   items in their old order, then the added, moved and changed ones in
 *   their new order; empty if the lists are equal
 */
GArray *
measures_list_diff (const char * const *before,
                    const char * const *after)
{
  const double alike = 0.5;
  guint n_old, n_new;
  g_autofree int *new_of_old = NULL;
  g_autofree int *old_of_new = NULL;
  g_autofree gboolean *in_order = NULL;
  g_autoptr(GArray) pairings = NULL;
  g_autoptr(GPtrArray) old_words = NULL;
  g_autoptr(GPtrArray) new_words = NULL;
  GArray *edits;

  g_return_val_if_fail (before != NULL, NULL);
  g_return_val_if_fail (after != NULL, NULL);

  n_old = g_strv_length ((GStrv)before);
  n_new = g_strv_length ((GStrv)after);
  new_of_old = g_new (int, n_old + 1);
  old_of_new = g_new (int, n_new + 1);
  in_order = g_new (gboolean, n_new + 1);
  for (guint i = 0; i < n_old; i++)
    new_of_old[i] = -1;
  for (guint j = 0; j < n_new; j++)
    old_of_new[j] = -1;

  /* The same text: the same item. */
  for (guint j = 0; j < n_new; j++)
    for (guint i = 0; i < n_old; i++)
      if (new_of_old[i] < 0 && g_str_equal (before[i], after[j]))
        {
          new_of_old[i] = j;
          old_of_new[j] = i;
          break;
        }

  /* Alike texts, or texts at the same place: an item edited. */
  old_words = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  new_words = g_ptr_array_new_with_free_func ((GDestroyNotify)g_ptr_array_unref);
  for (guint i = 0; i < n_old; i++)
    g_ptr_array_add (old_words, sorted_words (before[i]));
  for (guint j = 0; j < n_new; j++)
    g_ptr_array_add (new_words, sorted_words (after[j]));

  pairings = g_array_new (FALSE, FALSE, sizeof (Pairing));
  for (guint i = 0; i < n_old; i++)
    for (guint j = 0; new_of_old[i] < 0 && j < n_new; j++)
      {
        Pairing pairing = { i, j, 0 };

        if (old_of_new[j] >= 0)
          continue;
        pairing.similarity = similarity (g_ptr_array_index (old_words, i),
                                         g_ptr_array_index (new_words, j));
        if (pairing.similarity >= alike || i == j)
          g_array_append_val (pairings, pairing);
      }
  g_array_sort (pairings, compare_pairings);
  for (guint k = 0; k < pairings->len; k++)
    {
      const Pairing *pairing = &g_array_index (pairings, Pairing, k);

      if (new_of_old[pairing->old_position] >= 0 || old_of_new[pairing->new_position] >= 0)
        continue;
      new_of_old[pairing->old_position] = pairing->new_position;
      old_of_new[pairing->new_position] = pairing->old_position;
    }

  find_unmoved (old_of_new, n_new, in_order);

  edits = g_array_new (FALSE, FALSE, sizeof (MeasuresListEdit));
  g_array_set_clear_func (edits, list_edit_clear);

  for (guint i = 0; i < n_old; i++)
    if (new_of_old[i] < 0)
      append_edit (edits, MEASURES_LIST_EDIT_REMOVED, i, -1, before[i], NULL, FALSE);

  for (guint j = 0; j < n_new; j++)
    {
      int i = old_of_new[j];

      if (i < 0)
        append_edit (edits, MEASURES_LIST_EDIT_ADDED, -1, j, NULL, after[j], FALSE);
      else if (!g_str_equal (before[i], after[j]))
        append_edit (edits, MEASURES_LIST_EDIT_CHANGED, i, j, before[i], after[j], !in_order[j]);
      else if (!in_order[j])
        append_edit (edits, MEASURES_LIST_EDIT_MOVED, i, j, before[i], after[j], TRUE);
    }

  return edits;
}
