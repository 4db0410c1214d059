/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <sqlite3.h>
#include <stdio.h>

#include "measures-backup.h"
#include "measures-format.h"
#include "measures-measure-list.h"
#include "measures-report.h"
#include "measures-search-text.h"
#include "measures-test-util.h"

/* The list that stays quick at a hundred thousand measures: what it shows
 * for every filter and order, that its change signals describe exactly how
 * it changed, and the store's parts of it — sort keys, office counts, the
 * overview report, the check of a large file on a thread. */

/* A copy of the list kept up to date from items-changed alone: if the
 * signals are right, it always equals the list. */
typedef struct {
  GPtrArray *ids;
  guint n_signals;
} Mirror;

static gint64
id_at (GListModel *list,
       guint       position)
{
  g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (list, position);

  g_assert_nonnull (measure);
  return measures_measure_get_id (measure);
}

static void
mirror_changed (GListModel *list,
                guint       position,
                guint       removed,
                guint       added,
                Mirror     *mirror)
{
  g_assert_cmpuint (position + removed, <=, mirror->ids->len);
  g_ptr_array_remove_range (mirror->ids, position, removed);
  for (guint i = 0; i < added; i++)
    g_ptr_array_insert (mirror->ids, position + i,
                        GSIZE_TO_POINTER ((gsize)id_at (list, position + i)));
  g_assert_cmpuint (mirror->ids->len, ==, g_list_model_get_n_items (list));
  mirror->n_signals++;
}

static void
mirror_init (Mirror     *mirror,
             GListModel *list)
{
  mirror->ids = g_ptr_array_new ();
  mirror->n_signals = 0;
  mirror_changed (list, 0, 0, g_list_model_get_n_items (list), mirror);
  g_signal_connect (list, "items-changed", G_CALLBACK (mirror_changed), mirror);
}

static void
mirror_check (Mirror     *mirror,
              GListModel *list)
{
  g_assert_cmpuint (mirror->ids->len, ==, g_list_model_get_n_items (list));
  for (guint i = 0; i < mirror->ids->len; i++)
    g_assert_cmpint ((gint64)GPOINTER_TO_SIZE (g_ptr_array_index (mirror->ids, i)), ==,
                     id_at (list, i));
}

/* What the full measures say, for comparison with what the list shows. */
static guint
count_matching (MeasuresStore *store,
                int            goal,
                int            priority,
                int            status,
                const char    *office)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) all = measures_store_list_measures (store, &error);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(MeasuresMeasure) m = g_list_model_get_item (all, i);

      n += (goal == 0 || measures_measure_get_goal (m) == (guint)goal) &&
           (priority < 0 || measures_measure_get_priority (m) == (MeasuresPriority)priority) &&
           (status < 0 || measures_measure_get_status (m) == (MeasuresStatus)status) &&
           (office == NULL || measures_measure_has_office (m, office, MEASURES_ROLE_LEAD) ||
            measures_measure_has_office (m, office, MEASURES_ROLE_INVOLVED));
    }

  return n;
}

static void
test_filters (TempDir       *fixture,
              gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresMeasureList) list = measures_measure_list_new (store, NULL, -1, &error);
  GListModel *model = G_LIST_MODEL (list);
  MeasuresMeasureFilter filter = MEASURES_MEASURE_FILTER_INIT;
  Mirror mirror;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 50);
  g_assert_true (g_list_model_get_item_type (model) == MEASURES_TYPE_MEASURE);
  mirror_init (&mirror, model);

  /* Goal and sheet order: goal 1's ten measures first, by position. */
  for (guint i = 1; i < 50; i++)
    {
      g_autoptr(MeasuresMeasure) a = g_list_model_get_item (model, i - 1);
      g_autoptr(MeasuresMeasure) b = g_list_model_get_item (model, i);

      g_assert_true (measures_measure_get_goal (a) < measures_measure_get_goal (b) ||
                     (measures_measure_get_goal (a) == measures_measure_get_goal (b) &&
                      measures_measure_get_position (a) < measures_measure_get_position (b)));
    }

  /* Every filter alone and together shows what the full measures say. */
  for (int goal = 0; goal <= 5; goal++)
    for (int priority = -1; priority < MEASURES_N_PRIORITIES; priority++)
      {
        filter.goal = goal;
        filter.priority = priority;
        filter.status = goal == 2 ? MEASURES_STATUS_IN_PROGRESS : -1;
        filter.office = goal == 3 ? "SAM" : NULL;
        g_assert_true (measures_measure_list_set_filter (list, &filter, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (g_list_model_get_n_items (model), ==,
                          count_matching (store, goal, priority, filter.status, filter.office));
        mirror_check (&mirror, model);
      }

  /* SAM leads or takes part in 17 of the 50 measures (issue 3). */
  filter = (MeasuresMeasureFilter)MEASURES_MEASURE_FILTER_INIT;
  filter.office = "SAM";
  g_assert_true (measures_measure_list_set_filter (list, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, count_matching (store, 0, -1, -1, "SAM"));

  /* SAM's measures it leads, and those it takes part in: both together
   * are the 17 (a measure where it does both counts once). */
  {
    guint lead, involved;

    filter.office_role = MEASURES_ROLE_LEAD;
    g_assert_true (measures_measure_list_set_filter (list, &filter, &error));
    lead = g_list_model_get_n_items (model);
    filter.office_role = MEASURES_ROLE_INVOLVED;
    g_assert_true (measures_measure_list_set_filter (list, &filter, &error));
    involved = g_list_model_get_n_items (model);
    g_assert_no_error (error);
    g_assert_cmpuint (lead, ==, 13);
    g_assert_cmpuint (involved, ==, 13);
    g_assert_cmpuint (lead + involved, >=, count_matching (store, 0, -1, -1, "SAM"));
    mirror_check (&mirror, model);
  }

  /* Search, as the store's index finds it; "ß" and "ss" are one. */
  filter = (MeasuresMeasureFilter)MEASURES_MEASURE_FILTER_INIT;
  filter.search = "Straßburg";
  g_assert_true (measures_measure_list_set_filter (list, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  filter.search = "strassburg";
  g_assert_true (measures_measure_list_set_filter (list, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 2);
  filter.search = "Straßburg";
  filter.goal = 1;
  g_assert_true (measures_measure_list_set_filter (list, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  mirror_check (&mirror, model);

  /* Back to everything. */
  filter = (MeasuresMeasureFilter)MEASURES_MEASURE_FILTER_INIT;
  g_assert_true (measures_measure_list_set_filter (list, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 50);
  mirror_check (&mirror, model);

  /* Counts ignore the filter: a goal's measures by status. */
  {
    guint counts[MEASURES_N_STATUSES];
    guint64 progress = 1;

    g_assert_cmpuint (measures_measure_list_count_statuses (list, 2, counts, &progress), ==, 16);
    g_assert_cmpuint (counts[MEASURES_STATUS_PLANNED] + counts[MEASURES_STATUS_IN_PROGRESS], ==,
                      16);
    g_assert_cmpuint (progress, ==, 0);
    g_assert_cmpuint (measures_measure_list_count_statuses (list, 0, NULL, NULL), ==, 50);
  }

  g_ptr_array_unref (mirror.ids);
}

static void
test_sort (TempDir       *fixture,
           gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresMeasureList) list = measures_measure_list_new (store, NULL, -1, &error);
  GListModel *model = G_LIST_MODEL (list);
  Mirror mirror;

  mirror_init (&mirror, model);

  g_assert_true (measures_measure_list_set_sort (list, MEASURES_SORT_TITLE, &error));
  g_assert_no_error (error);
  mirror_check (&mirror, model);
  for (guint i = 1; i < 50; i++)
    {
      g_autoptr(MeasuresMeasure) a = g_list_model_get_item (model, i - 1);
      g_autoptr(MeasuresMeasure) b = g_list_model_get_item (model, i);
      g_autofree char *ka = measures_sort_key (measures_measure_get_title (a));
      g_autofree char *kb = measures_sort_key (measures_measure_get_title (b));

      g_assert_cmpint (strcmp (ka, kb), <=, 0);
    }

  g_assert_true (measures_measure_list_set_sort (list, MEASURES_SORT_PRIORITY, &error));
  mirror_check (&mirror, model);
  for (guint i = 1; i < 50; i++)
    {
      g_autoptr(MeasuresMeasure) a = g_list_model_get_item (model, i - 1);
      g_autoptr(MeasuresMeasure) b = g_list_model_get_item (model, i);

      g_assert_cmpint (measures_measure_get_priority (a), <=, measures_measure_get_priority (b));
      /* Equal ones keep goal and sheet order. */
      if (measures_measure_get_priority (a) == measures_measure_get_priority (b))
        g_assert_true (measures_measure_get_goal (a) < measures_measure_get_goal (b) ||
                       (measures_measure_get_goal (a) == measures_measure_get_goal (b) &&
                        measures_measure_get_position (a) < measures_measure_get_position (b)));
    }

  g_assert_true (measures_measure_list_set_sort (list, MEASURES_SORT_STATUS, &error));
  for (guint i = 1; i < 50; i++)
    {
      g_autoptr(MeasuresMeasure) a = g_list_model_get_item (model, i - 1);
      g_autoptr(MeasuresMeasure) b = g_list_model_get_item (model, i);

      g_assert_cmpint (measures_measure_get_status (a), <=, measures_measure_get_status (b));
    }

  /* Latest update first: a report moves its measure to the top. */
  {
    g_autoptr(MeasuresMeasure) last = g_list_model_get_item (model, 49);
    gint64 id = measures_measure_get_id (last);
    guint position;

    g_assert_true (measures_measure_list_set_sort (list, MEASURES_SORT_UPDATED, &error));
    g_assert_cmpint (measures_store_add_log_entry (store, id, current_revision (store, id), MEASURES_STATUS_IN_PROGRESS, 20,
                                                   "Begonnen.", "Test", NULL, &error), >, 0);
    g_assert_true (measures_measure_list_reload (list, id, &error));
    g_assert_no_error (error);
    g_assert_true (measures_measure_list_find (list, id, &position));
    g_assert_cmpuint (position, ==, 0);
    mirror_check (&mirror, model);
  }

  g_assert_true (measures_measure_list_set_sort (list, MEASURES_SORT_GOAL, &error));
  mirror_check (&mirror, model);
  g_ptr_array_unref (mirror.ids);
}

/* Edits, new and removed measures reach the list as the smallest change,
 * and the item of a changed measure is read again. */
static void
test_reload (TempDir       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresMeasureList) list = measures_measure_list_new (store, NULL, -1, &error);
  GListModel *model = G_LIST_MODEL (list);
  g_autoptr(MeasuresMeasure) before = g_list_model_get_item (model, 12);
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(MeasuresMeasure) after = NULL;
  g_autoptr(MeasuresMeasure) draft = NULL;
  MeasuresMeasureFilter filter = MEASURES_MEASURE_FILTER_INIT;
  gint64 id = measures_measure_get_id (before), new_id;
  guint position;
  Mirror mirror;

  mirror_init (&mirror, model);

  /* While alive, an item is handed out as the same object. */
  {
    g_autoptr(MeasuresMeasure) again = g_list_model_get_item (model, 12);
    g_assert_true (again == before);
  }

  /* A title edited in place: one row changes, with a fresh item. */
  edited = measures_measure_copy_with (before, "title", "Europatag mit Straßenfest", NULL);
  g_assert_true (measures_store_update_measure (store, edited, current_revision (store, measures_measure_get_id (edited)), "Test", NULL, &error));
  mirror.n_signals = 0;
  g_assert_true (measures_measure_list_reload (list, id, &error));
  g_assert_cmpuint (mirror.n_signals, ==, 1);
  after = g_list_model_get_item (model, 12);
  g_assert_false (after == before);
  g_assert_cmpstr (measures_measure_get_title (after), ==, "Europatag mit Straßenfest");
  mirror_check (&mirror, model);

  /* A search follows the new words. */
  filter.search = "Straßenfest";
  g_assert_true (measures_measure_list_set_filter (list, &filter, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 1);
  filter.search = NULL;
  g_assert_true (measures_measure_list_set_filter (list, &filter, &error));

  /* Moved to goal 5: it goes to the end of goal 5, announced as one row
   * out and one in, so that a list view keeps the 36 between. */
  g_clear_object (&edited);
  edited = measures_measure_copy_with (after, "goal", 5u, NULL);
  g_assert_true (measures_store_update_measure (store, edited, current_revision (store, measures_measure_get_id (edited)), "Test", NULL, &error));
  mirror.n_signals = 0;
  g_assert_true (measures_measure_list_reload (list, id, &error));
  g_assert_true (measures_measure_list_find (list, id, &position));
  g_assert_cmpuint (position, ==, 49);
  g_assert_cmpuint (mirror.n_signals, ==, 2);
  mirror_check (&mirror, model);

  /* And back to goal 2, upwards. */
  g_assert_true (measures_store_update_measure (store, after, current_revision (store, measures_measure_get_id (after)), "Test", NULL, &error));
  mirror.n_signals = 0;
  g_assert_true (measures_measure_list_reload (list, id, &error));
  g_assert_true (measures_measure_list_find (list, id, &position));
  g_assert_cmpuint (position, <, 49);
  g_assert_cmpuint (mirror.n_signals, ==, 2);
  mirror_check (&mirror, model);
  g_assert_true (measures_store_update_measure (store, edited, current_revision (store, measures_measure_get_id (edited)), "Test", NULL, &error));
  g_assert_true (measures_measure_list_reload (list, id, &error));

  /* Removed, restored, created. */
  g_assert_true (measures_store_set_removed (store, id, current_revision (store, id), TRUE, "Test", NULL, &error));
  g_assert_true (measures_measure_list_reload (list, id, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 49);
  g_assert_false (measures_measure_list_find (list, id, &position));
  mirror_check (&mirror, model);
  g_assert_true (measures_store_set_removed (store, id, current_revision (store, id), FALSE, "Test", NULL, &error));
  g_assert_true (measures_measure_list_reload (list, id, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 50);
  mirror_check (&mirror, model);

  draft = g_object_new (MEASURES_TYPE_MEASURE, "goal", 1u, "title", "Neue Maßnahme",
                        "lead-offices", (const char *[]){ "SAM", NULL }, NULL);
  new_id = measures_store_create_measure (store, draft, "Test", NULL, &error);
  g_assert_no_error (error);
  g_assert_true (measures_measure_list_reload (list, new_id, &error));
  g_assert_true (measures_measure_list_find (list, new_id, &position));
  g_assert_cmpuint (position, ==, 10);
  mirror_check (&mirror, model);

  /* An office filter follows a new office link. */
  filter.office = "SAM";
  g_assert_true (measures_measure_list_set_filter (list, &filter, &error));
  g_assert_true (measures_measure_list_find (list, new_id, &position));
  mirror_check (&mirror, model);

  g_assert_no_error (error);
  g_ptr_array_unref (mirror.ids);
}

/* An office's own lists: the measures it leads, those it takes part in. */
static void
test_office_scope (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresMeasureList) led = measures_measure_list_new (store, "SAM", MEASURES_ROLE_LEAD,
                                                                  &error);
  g_autoptr(MeasuresMeasureList) involved = measures_measure_list_new (store, "SAM",
                                                                       MEASURES_ROLE_INVOLVED,
                                                                       &error);
  g_autoptr(GListModel) offices = measures_store_list_offices (store, &error);
  guint n_lead = 0, n_involved = 0;

  for (guint i = 0; i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);

      if (g_str_equal (measures_office_get_abbreviation (office), "SAM"))
        {
          n_lead = measures_office_get_n_lead (office);
          n_involved = measures_office_get_n_involved (office);
        }
    }

  /* The counts, the lists and the full measures agree. */
  {
    g_autoptr(GListModel) all = measures_store_list_measures (store, &error);
    guint lead = 0, part = 0;

    for (guint i = 0; i < g_list_model_get_n_items (all); i++)
      {
        g_autoptr(MeasuresMeasure) m = g_list_model_get_item (all, i);

        lead += measures_measure_has_office (m, "SAM", MEASURES_ROLE_LEAD);
        part += measures_measure_has_office (m, "SAM", MEASURES_ROLE_INVOLVED);
      }
    g_assert_cmpuint (n_lead, ==, lead);
    g_assert_cmpuint (n_involved, ==, part);
    g_assert_cmpuint (n_lead, >, 0);
    g_assert_cmpuint (n_involved, >, 0);
  }
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (led)), ==, n_lead);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (involved)), ==, n_involved);
  for (guint i = 0; i < n_lead; i++)
    {
      g_autoptr(MeasuresMeasure) m = g_list_model_get_item (G_LIST_MODEL (led), i);
      g_assert_true (measures_measure_has_office (m, "SAM", MEASURES_ROLE_LEAD));
    }

  /* A removed measure no longer counts. */
  {
    g_autoptr(MeasuresMeasure) first = g_list_model_get_item (G_LIST_MODEL (led), 0);
    g_autoptr(GListModel) after = NULL;

    g_assert_true (measures_store_set_removed (store, measures_measure_get_id (first), current_revision (store, measures_measure_get_id (first)), TRUE,
                                               "Test", NULL, &error));
    after = measures_store_list_offices (store, &error);
    for (guint i = 0; i < g_list_model_get_n_items (after); i++)
      {
        g_autoptr(MeasuresOffice) office = g_list_model_get_item (after, i);

        if (g_str_equal (measures_office_get_abbreviation (office), "SAM"))
          g_assert_cmpuint (measures_office_get_n_lead (office), ==, n_lead - 1);
      }
  }
  g_assert_no_error (error);
}

static void
test_sort_key (void)
{
  static const struct {
    const char *title;
    const char *key;
  } cases[] = {
    { "„Europatag“", "europatag" },
    { "Straße der Partnerstädte", "strasse der partnerstadte" },
    { "Ämter – und Büros", "amter und buros" },
    { "  Café  français ", "cafe francais" },
    { "Welcome Center 2.0", "welcome center 2 0" },
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *key = measures_sort_key (cases[i].title);
      g_assert_cmpstr (key, ==, cases[i].key);
    }
}

/* Large counts with their thousands separated as each language writes them. */
static void
test_format_number (void)
{
  static const struct {
    const char *language;
    guint n;
    const char *text;
  } cases[] = {
    { "en", 7, "7" },
    { "en", 100000, "100,000" },
    { "de", 100000, "100.000" },
    { "de", 1234567, "1.234.567" },
    { "fr", 10000, "10\u202f000" },
    { "fr", 999, "999" },
  };

  measures_i18n_setup (g_getenv ("MEASURES_LOCALEDIR"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *previous = measures_i18n_switch_language (cases[i].language);
      g_autofree char *text = measures_format_number (cases[i].n);

      g_assert_cmpstr (text, ==, cases[i].text);
      g_free (measures_i18n_switch_language (previous));
    }
}

/* Numbers as the user types them, in each language's way, and the other
 * ways where they are unambiguous. */
static void
test_parse_number (void)
{
  static const struct {
    const char *language;
    const char *text;
    double value;
  } cases[] = {
    { "de", "1.234,5", 1234.5 },
    { "de", "1234,5", 1234.5 },
    { "de", "1234.5", 1234.5 },
    { "de", "1.234", 1234 },
    { "de", "1.234.567", 1234567 },
    { "de", "1,234.5", 1234.5 },
    { "de", " -3,25 ", -3.25 },
    { "de", "0,5", 0.5 },
    { "en", "1,234.5", 1234.5 },
    { "en", "1234.5", 1234.5 },
    { "en", "1234,5", 1234.5 },
    { "en", "1,234", 1234 },
    { "en", "1.234", 1.234 },
    { "en", "\u22122", -2 },
    { "en", "42", 42 },
    { "fr", "1 234,5", 1234.5 },
    { "fr", "1\u202f234,5", 1234.5 },
    { "fr", "1\u00a0234\u00a0567", 1234567 },
    { "fr", "1234,5", 1234.5 },
    { "fr", "1234.5", 1234.5 },
  };
  static const char * const wrong[] = {
    "", "abc", "12a", "1,2,3", "1.2.3,4.5", "1,", "--1", "1 23,5", "1.23.456",
  };

  measures_i18n_setup (g_getenv ("MEASURES_LOCALEDIR"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *previous = measures_i18n_switch_language (cases[i].language);
      g_autoptr(GError) error = NULL;
      double value = 0;

      g_test_message ("%s: %s", cases[i].language, cases[i].text);
      g_assert_true (measures_format_parse_number (cases[i].text, &value, &error));
      g_assert_no_error (error);
      g_assert_cmpfloat (value, ==, cases[i].value);
      g_free (measures_i18n_switch_language (previous));
    }

  for (guint l = 0; l < 3; l++)
    {
      const char *languages[] = { "de", "en", "fr" };
      g_autofree char *previous = measures_i18n_switch_language (languages[l]);

      for (guint i = 0; i < G_N_ELEMENTS (wrong); i++)
        {
          g_autoptr(GError) error = NULL;
          double value = 0;

          g_test_message ("%s: %s", languages[l], wrong[i]);
          g_assert_false (measures_format_parse_number (wrong[i], &value, &error));
          g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
        }
      g_free (measures_i18n_switch_language (previous));
    }
}

/* And written back, so that it reads the same. */
static void
test_format_decimal (void)
{
  static const struct {
    const char *language;
    double value;
    int decimals;
    const char *text;
  } cases[] = {
    { "de", 1234.5, 1, "1.234,5" },
    { "en", 1234.5, 1, "1,234.5" },
    { "fr", 1234.5, 1, "1\u202f234,5" },
    { "de", -0.5, 2, "-0,50" },
    { "de", 1234567.25, -1, "1.234.567,25" },
    { "en", 20, -1, "20" },
    { "en", -1234.5678, -1, "-1,234.5678" },
  };

  measures_i18n_setup (g_getenv ("MEASURES_LOCALEDIR"));
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *previous = measures_i18n_switch_language (cases[i].language);
      g_autofree char *text = measures_format_decimal (cases[i].value, cases[i].decimals);
      double back = 0;

      g_assert_cmpstr (text, ==, cases[i].text);
      g_assert_true (measures_format_parse_number (text, &back, NULL));
      g_assert_cmpfloat_with_epsilon (back, cases[i].value, 0.006);
      g_free (measures_i18n_switch_language (previous));
    }
}

/* The overview table alone: every measure in one table. */
static void
test_overview_report (TempDir       *fixture,
                      gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresReport) report = measures_report_new_overview (store, &error);
  g_autofree char *pdf = temp_path (fixture, "overview.pdf");
  g_autofree char *command = g_strdup_printf ("pdftotext -layout '%s' -", pdf);
  g_autofree char *text = NULL;

  g_assert_no_error (error);
  measures_report_set_language (report, "en");
  g_assert_true (measures_report_write_pdf (report, pdf, MEASURES_PAPER_A4, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_command_line_sync (command, &text, NULL, NULL, &error));
  g_assert_nonnull (strstr (text, "Overview of the Measures"));
  /* The 50 rows: one priority in each. */
  {
    g_autoptr(GRegex) priority = g_regex_new ("  (High|Medium|Low)  ", 0, 0, NULL);
    g_autoptr(GMatchInfo) match = NULL;
    guint rows = 0;

    for (g_regex_match (priority, text, 0, &match); g_match_info_matches (match);
         g_match_info_next (match, NULL))
      rows++;
    g_assert_cmpuint (rows, ==, 50);
  }
  g_assert_nonnull (strstr (text, "Europatag"));
  /* No sheet: the table alone. */
  g_assert_null (strstr (text, "Short Description"));
  g_assert_nonnull (strstr (text, "50 measures"));
}

/* A file too large to read through before the window opens is read on a
 * thread; a damaged one is reported then. */
static void
got_result (GObject      *source,
            GAsyncResult *result,
            gpointer      data)
{
  *(GAsyncResult **)data = g_object_ref (result);
}

static void
wait_for (GAsyncResult **result)
{
  while (*result == NULL)
    g_main_context_iteration (NULL, TRUE);
}

static void
test_large_file_checked_on_thread (TempDir       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (fixture, "strategy.db");
  g_autofree char *long_text = NULL;
  g_autoptr(GAsyncResult) result = NULL;
  int root_page = 0;

  /* Over 16 MiB: 900 measures of 20 000 characters. */
  {
    g_autoptr(MeasuresStore) store = open_filled_store (fixture);
    GString *text = g_string_new (NULL);

    while (text->len < MEASURES_MAX_TEXT_LENGTH - 100)
      g_string_append (text, "Die Stadt fördert Begegnungen. ");
    long_text = g_string_free (text, FALSE);

    g_assert_true (measures_store_begin (store, &error));
    for (guint i = 0; i < 900; i++)
      {
        g_autoptr(MeasuresMeasure) m = g_object_new (MEASURES_TYPE_MEASURE, "goal", 1u,
                                                     "title", "Lang", "description", long_text,
                                                     NULL);
        g_assert_cmpint (measures_store_add_measure (store, m, &error), >, 0);
      }
    g_assert_true (measures_store_commit (store, &error));
    g_assert_no_error (error);
  }

  {
    g_autoptr(MeasuresStore) store = measures_store_open (path, &error);

    g_assert_no_error (error);
    g_assert_true (measures_store_get_check_pending (store));
    measures_store_check_async (store, NULL, got_result, &result);
    wait_for (&result);
    g_assert_true (measures_store_check_finish (store, result, &error));
    g_assert_no_error (error);
    g_assert_false (measures_store_get_check_pending (store));
    g_clear_object (&result);

    /* The log table's root page, to damage it below, read from the file
     * as any SQLite reader sees it. */
    {
      sqlite3 *db = NULL;
      sqlite3_stmt *stmt;

      g_assert_cmpint (sqlite3_open_v2 (path, &db, SQLITE_OPEN_READONLY, NULL), ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_prepare_v2 (db,
                                           "SELECT rootpage FROM sqlite_schema "
                                           "WHERE name = 'log_entries'", -1, &stmt, NULL),
                       ==, SQLITE_OK);
      g_assert_cmpint (sqlite3_step (stmt), ==, SQLITE_ROW);
      root_page = sqlite3_column_int (stmt, 0);
      sqlite3_finalize (stmt);
      sqlite3_close (db);
    }
  }

  /* A page type that does not exist: opened (the check comes later), then
   * reported as damaged. */
  {
    FILE *file = fopen (path, "r+b");
    g_autoptr(MeasuresStore) store = NULL;

    g_assert_nonnull (file);
    g_assert_cmpint (fseek (file, (long)(root_page - 1) * 4096, SEEK_SET), ==, 0);
    g_assert_cmpint (fputc (0x42, file), !=, EOF);
    fclose (file);

    store = measures_store_open (path, &error);
    g_assert_no_error (error);
    g_assert_true (measures_store_get_check_pending (store));
    measures_store_check_async (store, NULL, got_result, &result);
    wait_for (&result);
    g_assert_false (measures_store_check_finish (store, result, &error));
    g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CORRUPT);
    g_assert_nonnull (strstr (error->message, "damaged"));
  }
}

/* The daily backup on a thread: one a day. */
static void
test_daily_backup_on_thread (TempDir       *fixture,
                             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GAsyncResult) result = NULL;
  g_autofree char *made = NULL;
  g_autofree char *again = NULL;
  g_autoptr(GPtrArray) backups = NULL;

  measures_backup_make_daily_async (store, 3, NULL, got_result, &result);
  wait_for (&result);
  g_assert_true (measures_backup_make_daily_finish (store, result, &made, &error));
  g_assert_no_error (error);
  g_assert_nonnull (made);
  g_assert_true (g_str_has_suffix (made, "-daily.db"));
  g_clear_object (&result);

  measures_backup_make_daily_async (store, 3, NULL, got_result, &result);
  wait_for (&result);
  g_assert_true (measures_backup_make_daily_finish (store, result, &again, &error));
  g_assert_null (again);

  backups = measures_backup_list (measures_store_get_path (store));
  g_assert_cmpuint (backups->len, ==, 1);
  /* A complete copy: it opens with all measures. */
  {
    g_autoptr(MeasuresStore) copy = measures_store_open (made, &error);
    g_autoptr(GListModel) measures = NULL;

    g_assert_no_error (error);
    measures = measures_store_list_measures (copy, &error);
    g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 50);
  }
}

/* Offices are found by any part of their name or abbreviation; a
 * measure's row shows the words a search matched. */
static void
test_search_text (void)
{
  g_autofree char *plain = NULL;
  g_autofree char *marked = NULL;
  gboolean matched = TRUE;

  g_assert_true (measures_search_text_matches ("KA Kulturbüro", "kultur"));
  g_assert_true (measures_search_text_matches ("KA Kulturbüro", "BURO"));
  g_assert_true (measures_search_text_matches ("SAM Stabsstelle Außenbeziehungen", "stabsstelle aussen"));
  g_assert_false (measures_search_text_matches ("SAM Stabsstelle Außenbeziehungen", "kultur"));
  g_assert_true (measures_search_text_matches ("AfA", ""));

  marked = measures_search_text_highlight ("Europäische Kulturtage <Karlsruhe> & mehr",
                                           "kultur karlsruhe", &matched);
  g_assert_true (matched);
  g_assert_cmpstr (marked, ==,
                   "Europäische <b>Kulturtage</b> &lt;<b>Karlsruhe</b>&gt; &amp; mehr");
  plain = measures_search_text_highlight ("Straßburg & Kehl", "xylophon", &matched);
  g_assert_false (matched);
  g_assert_cmpstr (plain, ==, "Straßburg &amp; Kehl");
  g_clear_pointer (&marked, g_free);
  marked = measures_search_text_highlight ("Büro in Straßburg", "buro strassb", &matched);
  g_assert_cmpstr (marked, ==, "<b>Büro</b> in <b>Straßburg</b>");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/list/" name, TempDir, NULL, temp_dir_setup, func, temp_dir_teardown)
  ADD ("filters", test_filters);
  ADD ("sort", test_sort);
  ADD ("reload", test_reload);
  ADD ("office-scope", test_office_scope);
  ADD ("overview-report", test_overview_report);
  ADD ("large-file-checked-on-thread", test_large_file_checked_on_thread);
  ADD ("daily-backup-on-thread", test_daily_backup_on_thread);
#undef ADD
  g_test_add_func ("/list/sort-key", test_sort_key);
  g_test_add_func ("/list/search-text", test_search_text);
  g_test_add_func ("/list/format-number", test_format_number);
  g_test_add_func ("/list/parse-number", test_parse_number);
  g_test_add_func ("/list/format-decimal", test_format_decimal);

  return g_test_run ();
}
