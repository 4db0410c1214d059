/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "measures-export.h"
#include "measures-measure-diff.h"
#include "measures-test-util.h"
#include "measures-undo-stack.h"

/* Managing measures at the store level: edits, new and removed measures,
 * the progress log, the history, undo and redo, and search. */

static MeasuresMeasure *
measure_titled (MeasuresStore *store,
                const char    *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) measures = measures_store_list_measures (store, &error);

  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);

      if (g_str_equal (measures_measure_get_title (measure), title))
        return g_steal_pointer (&measure);
    }

  return NULL;
}

static MeasuresMeasure *
reload (MeasuresStore   *store,
        MeasuresMeasure *measure)
{
  g_autoptr(GError) error = NULL;
  MeasuresMeasure *fresh = measures_store_get_measure (store, measures_measure_get_id (measure),
                                                       &error);

  g_assert_no_error (error);
  return fresh;
}

static guint
count_present (MeasuresStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) measures = measures_store_list_measures (store, &error);

  g_assert_no_error (error);
  return g_list_model_get_n_items (measures);
}

static int
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return strcmp (*(const char * const *)a, *(const char * const *)b);
}

/* The titles of the measures a search finds, sorted, joined by "|". */
static char *
search_titles (MeasuresStore *store,
               const char    *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GListModel) measures = measures_store_list_measures (store, &error);
  g_autoptr(GPtrArray) titles = g_ptr_array_new ();

  g_assert_true (measures_store_search (store, text, &ids, &error));
  g_assert_no_error (error);
  if (ids == NULL)
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);
      gint64 id = measures_measure_get_id (measure);

      if (g_hash_table_contains (ids, &id))
        g_ptr_array_add (titles, (gpointer)measures_measure_get_title (measure));
    }

  g_ptr_array_sort (titles, compare_strings);
  g_ptr_array_add (titles, NULL);
  return g_strjoinv ("|", (GStrv)titles->pdata);
}

static void
test_derived_status (TempDir       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) measures = measures_store_list_measures (store, &error);
  guint in_progress = 0;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);
      gboolean printed = strstr (measures_measure_get_period (measure), "in Durchführung") != NULL;

      g_assert_true (measures_measure_get_status_derived (measure));
      g_assert_cmpuint (measures_measure_get_progress (measure), ==, 0);
      g_assert_null (measures_measure_get_updated (measure));
      g_assert_cmpint (measures_measure_get_status (measure), ==,
                       printed ? MEASURES_STATUS_IN_PROGRESS : MEASURES_STATUS_PLANNED);
      in_progress += printed;
    }

  /* 22 detail sheets print „in Durchführung“. */
  g_assert_cmpuint (in_progress, ==, 22);
}

static void
test_edit_records_history (TempDir       *fixture,
                           gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresMeasure) before = measure_titled (store, "Future Mobility Award");
  g_autoptr(MeasuresMeasure) after = NULL;
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  const char *objectives[] = { "Erstes Ziel", "Zweites Ziel", NULL };
  const char *lead[] = { "KMK", NULL };
  const char *involved[] = { "AEN", "SAM", NULL };
  guint changes_count;

  after = measures_measure_copy_with (before,
                                      "title", "Future Mobility Award 2027",
                                      "goal", 5,
                                      "objectives", objectives,
                                      "lead-offices", lead,
                                      "involved-offices", involved,
                                      "priority", MEASURES_PRIORITY_HIGH,
                                      "costs", "Sachkosten",
                                      NULL);
  g_assert_true (measures_store_update_measure (store, after, current_revision (store, measures_measure_get_id (after)), "Erika Mustermann", NULL, &error));
  g_assert_no_error (error);

  stored = reload (store, before);
  g_assert_cmpstr (measures_measure_get_title (stored), ==, "Future Mobility Award 2027");
  g_assert_cmpuint (measures_measure_get_goal (stored), ==, 5);
  g_assert_cmpuint (measures_measure_get_position (stored), ==, 9);
  g_assert_cmpstrv (measures_measure_get_objectives (stored), objectives);
  g_assert_cmpstrv (measures_measure_get_lead_offices (stored), lead);
  g_assert_cmpstrv (measures_measure_get_involved_offices (stored), involved);
  g_assert_cmpint (measures_measure_get_priority (stored), ==, MEASURES_PRIORITY_HIGH);
  g_assert_nonnull (measures_measure_get_updated (stored));
  /* The printed wording stays as it was. */
  g_assert_cmpstr (measures_measure_get_lead (stored), ==, "AEN, KMK");

  history = measures_store_list_history (store, measures_measure_get_id (before), &error);
  g_assert_no_error (error);
  changes_count = g_list_model_get_n_items (history);
  /* title, goal, objectives, lead and involved offices, priority, costs */
  g_assert_cmpuint (changes_count, ==, 7);
  for (guint i = 0; i < changes_count; i++)
    {
      g_autoptr(MeasuresChange) change = g_list_model_get_item (history, i);

      g_assert_cmpstr (measures_change_get_author (change), ==, "Erika Mustermann");
      if (g_str_equal (measures_change_get_field (change), "title"))
        {
          g_assert_cmpstr (measures_change_get_old_value (change), ==, "Future Mobility Award");
          g_assert_cmpstr (measures_change_get_new_value (change), ==,
                           "Future Mobility Award 2027");
        }
      if (g_str_equal (measures_change_get_field (change), "priority"))
        {
          g_assert_cmpstr (measures_change_get_old_value (change), ==, "medium");
          g_assert_cmpstr (measures_change_get_new_value (change), ==, "high");
        }
    }

  /* Saving the same again changes nothing and writes no history. */
  g_clear_object (&history);
  g_assert_true (measures_store_update_measure (store, after, current_revision (store, measures_measure_get_id (after)), "Erika Mustermann", NULL, &error));
  history = measures_store_list_history (store, measures_measure_get_id (before), &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, changes_count);

  /* The search index follows the edit. */
  {
    g_autofree char *found = search_titles (store, "Award 2027");
    g_assert_cmpstr (found, ==, "Future Mobility Award 2027");
  }
}

static void
test_invalid_edits_refused (TempDir       *fixture,
                            gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresMeasure) before = measure_titled (store, "Intercluster Collaboration");
  g_autoptr(GError) error = NULL;
  g_autofree char *huge = g_strnfill (100000, 'x');
  const char *unknown[] = { "XYZ", NULL };
  struct {
    const char *property;
    const char *value;
  } cases[] = {
    { "title", "" },
    { "title", "   " },
    { "description", huge },
    { "period", huge },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MeasuresMeasure) after = measures_measure_copy_with (before, cases[i].property,
                                                                     cases[i].value, NULL);

      g_assert_false (measures_store_update_measure (store, after, current_revision (store, measures_measure_get_id (after)), "Test", NULL, &error));
      g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }

  {
    g_autoptr(MeasuresMeasure) after = measures_measure_copy_with (before, "goal", 7, NULL);
    g_assert_false (measures_store_update_measure (store, after, current_revision (store, measures_measure_get_id (after)), "Test", NULL, &error));
    g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  {
    g_autoptr(MeasuresMeasure) after = measures_measure_copy_with (before, "title", "Neu",
                                                                   "lead-offices", unknown, NULL);
    g_assert_false (measures_store_update_measure (store, after, current_revision (store, measures_measure_get_id (after)), "Test", NULL, &error));
    g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }

  /* Nothing of the refused edits was written, half or whole. */
  {
    g_autoptr(MeasuresMeasure) stored = reload (store, before);
    g_autoptr(GListModel) history = measures_store_list_history (store,
                                                                 measures_measure_get_id (before),
                                                                 &error);
    g_assert_cmpstr (measures_measure_get_title (stored), ==, "Intercluster Collaboration");
    g_assert_cmpstrv (measures_measure_get_lead_offices (stored),
                      measures_measure_get_lead_offices (before));
    g_assert_cmpuint (g_list_model_get_n_items (history), ==, 0);
  }
}

static void
test_literal_text (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresMeasure) before = measure_titled (store, "Intercluster Collaboration");
  g_autoptr(GError) error = NULL;
  const char *texts[] = {
    "'; DROP TABLE measures; --",
    "Robert\"); DELETE FROM history WHERE (\"1\"=\"1",
    "Kooperation 🤝🌍 mit Partnern ✨",
    "التعاون الدولي — שיתוף פעולה",
    "NEAR(europa karlsruhe) OR title:* AND \"",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(MeasuresMeasure) after = measures_measure_copy_with (before, "title", texts[i],
                                                                     "description", texts[i],
                                                                     NULL);
      g_autoptr(MeasuresMeasure) stored = NULL;
      g_autofree char *found = NULL;

      g_assert_true (measures_store_update_measure (store, after, current_revision (store, measures_measure_get_id (after)), "Test", NULL, &error));
      g_assert_no_error (error);
      stored = reload (store, before);
      g_assert_cmpstr (measures_measure_get_title (stored), ==, texts[i]);
      g_assert_cmpstr (measures_measure_get_description (stored), ==, texts[i]);

      /* Searching for it is no syntax error either. */
      found = search_titles (store, texts[i]);
      g_assert_nonnull (found);
    }

  g_assert_cmpuint (count_present (store), ==, 50);
}

static void
test_create_remove_restore (TempDir       *fixture,
                            gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresMeasure) draft = NULL;
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autoptr(GListModel) removed = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  const char *lead[] = { "SAM", NULL };
  gint64 id;

  draft = g_object_new (MEASURES_TYPE_MEASURE,
                        "goal", 2, "title", "Europawoche in den Stadtteilen",
                        "description", "Veranstaltungen in allen Stadtteilen.",
                        "lead", "SAM", "lead-offices", lead, "period", "kurzfristig",
                        "priority", MEASURES_PRIORITY_MEDIUM, NULL);
  id = measures_store_create_measure (store, draft, "Erika Mustermann", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  g_assert_cmpuint (count_present (store), ==, 51);

  stored = measures_store_get_measure (store, id, &error);
  g_assert_cmpuint (measures_measure_get_goal (stored), ==, 2);
  g_assert_cmpuint (measures_measure_get_position (stored), ==, 17);

  g_assert_true (measures_store_set_removed (store, id, current_revision (store, id), TRUE, "Erika Mustermann", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_present (store), ==, 50);
  removed = measures_store_list_removed_measures (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (removed), ==, 1);

  /* Removed measures are neither found nor counted for their offices. */
  {
    g_autofree char *found = search_titles (store, "Europawoche");
    g_assert_cmpstr (found, ==, "");
  }

  g_assert_true (measures_store_set_removed (store, id, current_revision (store, id), FALSE, "Erika Mustermann", NULL, &error));
  g_assert_cmpuint (count_present (store), ==, 51);

  history = measures_store_list_history (store, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 3);
  {
    const char *fields[] = { "restored", "removed", "created" };
    for (guint i = 0; i < 3; i++)
      {
        g_autoptr(MeasuresChange) change = g_list_model_get_item (history, i);
        g_assert_cmpstr (measures_change_get_field (change), ==, fields[i]);
      }
  }
}

static void
test_progress_log (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresMeasure) measure = measure_titled (store,
                                                       "Karlsruhe feiert den Europatag am 9. Mai");
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autoptr(GListModel) log = NULL;
  g_autoptr(MeasuresLogEntry) entry = NULL;
  g_autoptr(GError) error = NULL;
  gint64 entry_id;

  /* Its sheet prints „langfristig, in Planung“: planned. */
  g_assert_cmpint (measures_measure_get_status (measure), ==, MEASURES_STATUS_PLANNED);

  entry_id = measures_store_add_log_entry (store, measures_measure_get_id (measure), current_revision (store, measures_measure_get_id (measure)),
                                           MEASURES_STATUS_COMPLETED, 100,
                                           "Europatag 2026 mit 3.000 Gästen gefeiert.",
                                           "Erika Mustermann", NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (entry_id, >, 0);

  stored = reload (store, measure);
  g_assert_cmpint (measures_measure_get_status (stored), ==, MEASURES_STATUS_COMPLETED);
  g_assert_cmpuint (measures_measure_get_progress (stored), ==, 100);
  g_assert_false (measures_measure_get_status_derived (stored));
  g_assert_nonnull (measures_measure_get_updated (stored));

  log = measures_store_list_log (store, measures_measure_get_id (measure), FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
  entry = g_list_model_get_item (log, 0);
  g_assert_cmpstr (measures_log_entry_get_author (entry), ==, "Erika Mustermann");
  g_assert_cmpstr (measures_log_entry_get_text (entry), ==,
                   "Europatag 2026 mit 3.000 Gästen gefeiert.");
  g_assert_cmpint (measures_log_entry_get_status (entry), ==, MEASURES_STATUS_COMPLETED);
  g_assert_true (g_str_has_suffix (measures_log_entry_get_date (entry), "Z"));

  /* Out of range and too long are refused. */
  g_assert_cmpint (measures_store_add_log_entry (store, measures_measure_get_id (measure), current_revision (store, measures_measure_get_id (measure)),
                                                 MEASURES_STATUS_COMPLETED, 101, "", "T", NULL, &error),
                   ==, 0);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
  g_clear_error (&error);
  {
    g_autofree char *huge = g_strnfill (100000, 'a');
    g_assert_cmpint (measures_store_add_log_entry (store, measures_measure_get_id (measure), current_revision (store, measures_measure_get_id (measure)),
                                                   MEASURES_STATUS_COMPLETED, 50, huge, "T", NULL,
                                                   &error),
                     ==, 0);
    g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
    g_clear_error (&error);
  }
  g_clear_object (&log);
  log = measures_store_list_log (store, measures_measure_get_id (measure), TRUE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
}

static void
test_undo_redo (TempDir       *fixture,
                gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresUndoStack) stack = measures_undo_stack_new (store);
  g_autoptr(MeasuresMeasure) europatag = measure_titled (store,
                                                         "Karlsruhe feiert den Europatag am 9. Mai");
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  guint history_before_undo;

  g_assert_false (measures_undo_stack_get_can_undo (stack));

  /* Log entry: completed; then undo restores the derived status. */
  g_assert_cmpint (measures_undo_stack_add_log_entry (stack, europatag, MEASURES_STATUS_COMPLETED,
                                                      100, "Gefeiert.", "Erika", &error), >, 0);
  g_assert_true (measures_undo_stack_get_can_undo (stack));

  history = measures_store_list_history (store, measures_measure_get_id (europatag), &error);
  history_before_undo = g_list_model_get_n_items (history);
  g_clear_object (&history);

  message = measures_undo_stack_undo (stack, "Erika", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (message, ==, "progress entry for “Karlsruhe feiert den Europatag am 9. Mai”");
  stored = reload (store, europatag);
  g_assert_cmpint (measures_measure_get_status (stored), ==, MEASURES_STATUS_PLANNED);
  g_assert_cmpuint (measures_measure_get_progress (stored), ==, 0);
  g_assert_true (measures_measure_get_status_derived (stored));
  {
    g_autoptr(GListModel) log = measures_store_list_log (store,
                                                         measures_measure_get_id (europatag),
                                                         FALSE, &error);
    g_assert_cmpuint (g_list_model_get_n_items (log), ==, 0);
  }

  /* The undo added history; it removed none. */
  history = measures_store_list_history (store, measures_measure_get_id (europatag), &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), >, history_before_undo);
  g_clear_object (&history);

  g_clear_pointer (&message, g_free);
  message = measures_undo_stack_redo (stack, "Erika", &error);
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = reload (store, europatag);
  g_assert_cmpint (measures_measure_get_status (stored), ==, MEASURES_STATUS_COMPLETED);
  g_assert_cmpuint (measures_measure_get_progress (stored), ==, 100);

  /* Edit, undo, redo. */
  edited = measures_measure_copy_with (stored, "title", "Europatag", NULL);
  g_assert_true (measures_undo_stack_edit (stack, stored, edited, "Erika", &error));
  g_assert_false (measures_undo_stack_get_can_redo (stack));
  g_clear_pointer (&message, g_free);
  message = measures_undo_stack_undo (stack, "Erika", &error);
  g_assert_cmpstr (message, ==, "changes to “Europatag”");
  g_clear_object (&stored);
  stored = reload (store, europatag);
  g_assert_cmpstr (measures_measure_get_title (stored), ==,
                   "Karlsruhe feiert den Europatag am 9. Mai");
  /* Undoing the edit leaves the log entry's status alone. */
  g_assert_cmpint (measures_measure_get_status (stored), ==, MEASURES_STATUS_COMPLETED);
  g_clear_pointer (&message, g_free);
  message = measures_undo_stack_redo (stack, "Erika", &error);
  g_clear_object (&stored);
  stored = reload (store, europatag);
  g_assert_cmpstr (measures_measure_get_title (stored), ==, "Europatag");

  /* Remove, undo. */
  g_assert_true (measures_undo_stack_remove (stack, stored, "Erika", &error));
  g_assert_cmpuint (count_present (store), ==, 49);
  g_clear_pointer (&message, g_free);
  message = measures_undo_stack_undo (stack, "Erika", &error);
  g_assert_cmpstr (message, ==, "removal of “Europatag”");
  g_assert_cmpuint (count_present (store), ==, 50);

  /* Undo everything there is, then one more is refused. */
  while (measures_undo_stack_get_can_undo (stack))
    {
      g_autofree char *step = measures_undo_stack_undo (stack, "Erika", &error);
      g_assert_no_error (error);
    }
  g_assert_null (measures_undo_stack_undo (stack, "Erika", &error));
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_clear_object (&stored);
  stored = reload (store, europatag);
  g_assert_cmpstr (measures_measure_get_title (stored), ==,
                   "Karlsruhe feiert den Europatag am 9. Mai");
  g_assert_cmpint (measures_measure_get_status (stored), ==, MEASURES_STATUS_PLANNED);
}

static void
test_undo_create (TempDir       *fixture,
                  gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresUndoStack) stack = measures_undo_stack_new (store);
  g_autoptr(MeasuresMeasure) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  draft = g_object_new (MEASURES_TYPE_MEASURE, "goal", 1, "title", "Sprachcafé", NULL);
  g_assert_cmpint (measures_undo_stack_create (stack, draft, "Erika", &error), >, 0);
  g_assert_cmpuint (count_present (store), ==, 51);
  message = measures_undo_stack_undo (stack, "Erika", &error);
  g_assert_cmpstr (message, ==, "new measure “Sprachcafé”");
  g_assert_cmpuint (count_present (store), ==, 50);
  g_clear_pointer (&message, g_free);
  message = measures_undo_stack_redo (stack, "Erika", &error);
  g_assert_cmpuint (count_present (store), ==, 51);
}

static void
test_search_german (TempDir       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autofree char *strassburg = search_titles (store, "Strassburg");
  g_autofree char *strassburg_sz = search_titles (store, "straßburg");
  g_autofree char *europatag = search_titles (store, "europatag");
  g_autofree char *europa_prefix = search_titles (store, "europa");
  g_autofree char *umlaut = search_titles (store, "europaische kulturtage");
  g_autofree char *two_words = search_titles (store, "klinikum oberrhein");
  g_autofree char *office = search_titles (store, "Kulturbüro");
  g_autofree char *period = search_titles (store, "1983");
  g_autofree char *nothing = search_titles (store, "Quantencomputer");
  g_autofree char *empty = search_titles (store, "  ");

  g_assert_cmpstr (strassburg, ==, strassburg_sz);
  g_assert_cmpstr (strassburg, ==,
                   "Europakompetenz für Auszubildende – Projekt „Destination Europe“|"
                   "Verstärkte Zusammenarbeit Karlsruhe – Straßburg");
  g_assert_cmpstr (europatag, ==, "Karlsruhe feiert den Europatag am 9. Mai");
  /* "europa" is the start of "Europatag", "Europakompetenz", …: many match. */
  g_assert_nonnull (strstr (europa_prefix, "Karlsruhe feiert den Europatag am 9. Mai"));
  g_assert_cmpstr (umlaut, ==,
                   "Europäische Kulturtage Karlsruhe|Karlsruhe feiert den Europatag am 9. Mai");
  g_assert_cmpstr (two_words, ==, "Koordinierte Gremienarbeit am Oberrhein");
  g_assert_cmpstr (office, ==, "Europäische Kulturtage Karlsruhe");
  g_assert_cmpstr (period, ==, "Europäische Kulturtage Karlsruhe");
  g_assert_cmpstr (nothing, ==, "");
  g_assert_null (empty);
}

static void
test_search_accents (TempDir       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresMeasure) draft = NULL;
  g_autoptr(GError) error = NULL;
  const char *lead[] = { "SAM", NULL };

  /* The strategy's text has no French accents; a new measure brings some. */
  draft = g_object_new (MEASURES_TYPE_MEASURE,
                        "goal", 2, "title", "Coopération avec la Région Grand Est",
                        "description", "Échanges en français pour les services municipaux.",
                        "lead-offices", lead, NULL);
  g_assert_cmpint (measures_store_create_measure (store, draft, "Test", NULL, &error), >, 0);

  {
    g_autofree char *francais = search_titles (store, "francais");
    g_autofree char *cooperation = search_titles (store, "COOPERATION region");
    g_autofree char *echanges = search_titles (store, "echanges");
    g_assert_cmpstr (francais, ==, "Coopération avec la Région Grand Est");
    g_assert_cmpstr (cooperation, ==, "Coopération avec la Région Grand Est");
    g_assert_cmpstr (echanges, ==, "Coopération avec la Région Grand Est");
  }
}

static void
test_dump_includes_monitoring (TempDir       *fixture,
                               gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresStore) copy = NULL;
  g_autoptr(MeasuresMeasure) measure = measure_titled (store, "Aufbau eines Afrika-Netzwerks in Karlsruhe");
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *second = NULL;
  g_autofree char *copy_path = temp_path (fixture, "copy.db");
  g_autoptr(GBytes) bytes = NULL;

  g_assert_cmpint (measures_store_add_log_entry (store, measures_measure_get_id (measure), current_revision (store, measures_measure_get_id (measure)),
                                                 MEASURES_STATUS_ON_HOLD, 40,
                                                 "Wartet auf Fördermittel.", "Erika", NULL, &error),
                   >, 0);
  g_assert_true (measures_store_set_removed (store, measures_measure_get_id (measure), current_revision (store, measures_measure_get_id (measure)), TRUE,
                                             "Erika", NULL, &error));

  dump = measures_export_json (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (dump, "\"status\" : \"on-hold\""));
  g_assert_nonnull (strstr (dump, "\"progress\" : 40"));
  g_assert_nonnull (strstr (dump, "\"text\" : \"Wartet auf Fördermittel.\""));
  g_assert_nonnull (strstr (dump, "\"field\" : \"removed\""));
  g_assert_nonnull (strstr (dump, "\"status_derived\" : false"));

  /* All of it reads back. */
  copy = measures_store_open (copy_path, &error);
  bytes = g_bytes_new (dump, strlen (dump));
  g_assert_true (measures_import_strategy (copy, bytes, "dump.json", &error));
  g_assert_no_error (error);
  second = measures_export_json (copy, &error);
  g_assert_cmpstr (dump, ==, second);
}

/* An edit refused because someone else saved first is carried over to
 * their version: the fields the user changed, on top of theirs. */
static void
test_rebase_edit (TempDir       *fixture,
                  gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GListModel) measures = measures_store_list_measures (store, NULL);
  g_autoptr(MeasuresMeasure) original = g_list_model_get_item (measures, 4);
  g_autoptr(MeasuresMeasure) draft = NULL;
  g_autoptr(MeasuresMeasure) theirs = NULL;
  g_autoptr(MeasuresMeasure) rebased = NULL;
  g_autofree char *text = NULL;
  g_autofree char *differences = NULL;

  draft = measures_measure_copy_with (original, "costs", "Meine Kosten",
                                      "lead-offices", (const char *[]){ "SAM", NULL }, NULL);
  theirs = measures_measure_copy_with (original, "title", "Ihr Titel", "revision", (gint64)99,
                                       NULL);

  rebased = measures_measure_rebase (original, draft, theirs);
  g_assert_cmpstr (measures_measure_get_title (rebased), ==, "Ihr Titel");
  g_assert_cmpstr (measures_measure_get_costs (rebased), ==, "Meine Kosten");
  g_assert_cmpstr (measures_measure_get_lead_offices (rebased)[0], ==, "SAM");
  g_assert_null (measures_measure_get_lead_offices (rebased)[1]);
  g_assert_cmpint (measures_measure_get_revision (rebased), ==, 99);

  /* What the clipboard gets: every text field under its name. */
  text = measures_measure_dup_text (draft);
  g_assert_nonnull (strstr (text, "Title:\n"));
  g_assert_nonnull (strstr (text, measures_measure_get_title (original)));
  g_assert_nonnull (strstr (text, "Costs:\nMeine Kosten"));

  /* What differs between theirs and the draft, field by field. */
  differences = measures_measure_describe_differences (original, draft, theirs);
  g_assert_nonnull (strstr (differences, "Title:\nSaved now: Ihr Titel\n"
                                         "Your edit: unchanged, the saved text is kept"));
  g_assert_nonnull (strstr (differences, "Costs:\nSaved now: "));
  g_assert_nonnull (strstr (differences, "\nYour edit: Meine Kosten"));
  g_assert_null (strstr (differences, "Short description"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/monitoring/" name, TempDir, NULL, temp_dir_setup, func, temp_dir_teardown)

  ADD ("derived-status", test_derived_status);
  ADD ("edit-records-history", test_edit_records_history);
  ADD ("invalid-edits-refused", test_invalid_edits_refused);
  ADD ("literal-text", test_literal_text);
  ADD ("create-remove-restore", test_create_remove_restore);
  ADD ("progress-log", test_progress_log);
  ADD ("undo-redo", test_undo_redo);
  ADD ("undo-create", test_undo_create);
  ADD ("search-german", test_search_german);
  ADD ("search-accents", test_search_accents);
  ADD ("dump-includes-monitoring", test_dump_includes_monitoring);
  ADD ("rebase-edit", test_rebase_edit);

#undef ADD

  return g_test_run ();
}
