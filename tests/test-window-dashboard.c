/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "measures-chart-view.h"
#include "measures-indicator.h"
#include "measures-indicators-page.h"
#include "measures-log-entry.h"
#include "measures-measure-view.h"
#include "measures-preferences-window.h"
#include "measures-statistics.h"
#include "window-test-util.h"

/* The dashboard in the real window, on the embedded strategy: the figures
 * it shows against the store's, the overdue reports and where they lead,
 * narrowing, the reporting interval, and the charts' words and tables. */

#define DASHBOARD_ROW 1

static MeasuresDashboardPage *
dashboard (Fixture *f)
{
  return WINDOW_CHILD (f, "dashboard_page");
}

static MeasuresStore *
store (Fixture *f)
{
  return measures_application_get_store (f->app);
}

/* Runs the main loop for up to two seconds, until @done says so. */
static gboolean
within (gboolean (*done) (gpointer),
        gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 2 * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (2000);
    }

  return done (data);
}

static void
open_dashboard (Fixture *f)
{
  select_sidebar_row (f, DASHBOARD_ROW);
  g_assert_true (gtk_stack_get_visible_child (WINDOW_CHILD (f, "content_stack")) ==
                 GTK_WIDGET (dashboard (f)));
  g_assert_true (measures_dashboard_page_get_computed (dashboard (f)));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
collect (GtkWidget *widget,
         GType      type,
         GPtrArray *found)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    g_ptr_array_add (found, widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    collect (c, type, found);
}

/* The widgets of @type under @widget, depth first. */
static GPtrArray *
find_all (gpointer widget,
          GType    type)
{
  GPtrArray *found = g_ptr_array_new ();

  collect (GTK_WIDGET (widget), type, found);
  return found;
}

static guint
count_visible (GPtrArray *widgets)
{
  guint n = 0;

  for (guint i = 0; i < widgets->len; i++)
    n += gtk_widget_get_visible (g_ptr_array_index (widgets, i));

  return n;
}

/* The status chart's table says how many of each status: the same as the
 * statistics of the store. */
static void
assert_counts (MeasuresChartView        *chart,
               const MeasuresStatistics *statistics)
{
  const MeasuresChartDescription *description = measures_chart_view_get_description (chart);

  g_assert_nonnull (description);
  g_assert_cmpuint (description->rows->len, ==, MEASURES_N_STATUSES);
  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    {
      GStrv row = g_ptr_array_index (description->rows, i);
      g_autofree char *count = g_strdup_printf ("%u", statistics->counts[i]);

      g_assert_cmpstr (row[0], ==, measures_status_get_label (i));
      g_assert_cmpstr (row[1], ==, count);
    }
}

static void
test_counts (Fixture       *f,
             gconstpointer  data)
{
  g_autoptr(GPtrArray) charts = NULL;
  g_autoptr(GError) error = NULL;
  MeasuresStatistics strategy, goal;
  const char *text;

  open_dashboard (f);
  pause_for_screenshot ("dashboard");

  g_assert_true (measures_statistics_load_strategy (&strategy, store (f), &error));
  g_assert_true (measures_statistics_load_goal (&goal, store (f), 2, &error));
  g_assert_no_error (error);

  /* The whole strategy, then each goal. */
  charts = find_all (DASHBOARD_CHILD (f, "status_box"), MEASURES_TYPE_CHART_VIEW);
  g_assert_cmpuint (charts->len, ==, 1 + 5);
  assert_counts (g_ptr_array_index (charts, 0), &strategy);
  assert_counts (g_ptr_array_index (charts, 2), &goal);

  /* Its words, for those who do not see it, name the counts. */
  text = measures_chart_view_get_description (g_ptr_array_index (charts, 0))->text;
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Whole Strategy: "));
  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    if (strategy.counts[i] > 0)
      {
        g_autofree char *count = g_strdup_printf ("%u %s", strategy.counts[i],
                                                  i == MEASURES_STATUS_PLANNED ? "planned"
                                                                               : "in progress");

        g_assert_nonnull (strstr (text, count));
      }
  g_assert_cmpstr (gtk_widget_get_tooltip_text (g_ptr_array_index (charts, 0)), ==, text);
  g_assert_true (shows_label (GTK_WIDGET (dashboard (f)),
                              "50 measures · 0 % progress on average"));

  /* The progress over time has words too, with no report yet. */
  text = measures_chart_view_get_description (DASHBOARD_CHILD (f, "progress_chart"))->text;
  g_assert_cmpstr (text, ==, "Mean progress: no data");
}

/* Scrolls the page to @widget, for a screenshot of it. */
static void
scroll_to (Fixture   *f,
           GtkWidget *widget)
{
  GtkWidget *scroller = DASHBOARD_CHILD (f, "scroller");
  graphene_point_t top = GRAPHENE_POINT_INIT (0, 0), point;

  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (gtk_widget_compute_point (widget, gtk_scrolled_window_get_child (
                                             GTK_SCROLLED_WINDOW (scroller)), &top, &point));
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller)),
                            point.y - 12);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

/* The title and the subtitle a row of overdue reports shows. */
static void
row_texts (GtkWidget   *row,
           const char **title,
           const char **subtitle)
{
  g_autoptr(GPtrArray) labels = find_all (row, GTK_TYPE_LABEL);

  g_assert_cmpuint (labels->len, ==, 2);
  *title = gtk_label_get_text (g_ptr_array_index (labels, 0));
  *subtitle = gtk_label_get_text (g_ptr_array_index (labels, 1));
}

/* The first row of the first office with overdue reports. */
static GtkListBoxRow *
first_overdue_row (Fixture     *f,
                   const char **heading)
{
  GtkWidget *group = gtk_widget_get_first_child (DASHBOARD_CHILD (f, "overdue_box"));
  GtkWidget *list;

  g_assert_nonnull (group);
  *heading = gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (group)));
  list = gtk_widget_get_last_child (group);
  return gtk_list_box_get_row_at_index (GTK_LIST_BOX (list), 0);
}

static gint64
row_measure (GtkWidget *row)
{
  GVariant *target = gtk_actionable_get_action_target_value (GTK_ACTIONABLE (row));

  g_assert_cmpstr (gtk_actionable_get_action_name (GTK_ACTIONABLE (row)), ==, "win.show-measure");
  return g_variant_get_int64 (target);
}

static gboolean
leads (MeasuresStore *store,
       gint64         id,
       const char    *abbreviation)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresMeasure) measure = measures_store_get_measure (store, id, &error);

  g_assert_no_error (error);
  return g_strv_contains (measures_measure_get_lead_offices (measure), abbreviation);
}

static void
test_overdue_opens_sheet (Fixture       *f,
                          gconstpointer  data)
{
  const char *heading, *title, *subtitle;
  GtkListBoxRow *row;
  g_autofree char *abbreviation = NULL;
  MeasuresMeasure *shown;
  gint64 id;

  open_dashboard (f);

  scroll_to (f, DASHBOARD_CHILD (f, "overdue_label"));
  pause_for_screenshot ("overdue");

  /* Nothing is reported on in the printed strategy: all is overdue. */
  g_assert_cmpstr (gtk_label_get_text (DASHBOARD_CHILD (f, "overdue_label")), ==,
                   "50 measures have no progress report within the last 6 months.");
  row = first_overdue_row (f, &heading);
  row_texts (GTK_WIDGET (row), &title, &subtitle);
  g_assert_cmpstr (subtitle, ==, "Never reported");
  id = row_measure (GTK_WIDGET (row));
  g_test_message ("%s: %s", heading, title);
  g_assert_true (g_regex_match_simple ("^[1-5]\\.[0-9]+ .+", title, 0, 0));

  /* Listed under its lead office: "Full Name (ABBR)". */
  g_assert_true (g_str_has_suffix (heading, ")"));
  abbreviation = g_strndup (strrchr (heading, '(') + 1, strlen (strrchr (heading, '(')) - 2);
  g_assert_true (leads (store (f), id, abbreviation));

  /* One activation opens its sheet. */
  g_signal_emit_by_name (row, "activate");
  iterate ();
  g_assert_true (gtk_stack_get_visible_child (WINDOW_CHILD (f, "content_stack")) ==
                 GTK_WIDGET (WINDOW_CHILD (f, "measures_page")));
  shown = measures_measure_view_get_measure (detail_page (f, "sheet"));
  g_assert_nonnull (shown);
  g_assert_cmpint (measures_measure_get_id (shown), ==, id);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (MEASURES_CHILD (f, "detail_stack")), ==,
                   "sheet");
}

static guint
choose (GtkDropDown *choice,
        const char  *text)
{
  GListModel *model = gtk_drop_down_get_model (choice);

  for (guint i = 0; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr(GtkStringObject) item = g_list_model_get_item (model, i);

      if (g_str_equal (gtk_string_object_get_string (item), text))
        {
          gtk_drop_down_set_selected (choice, i);
          iterate ();
          return i;
        }
    }

  g_error ("No “%s” to choose", text);
}

static void
test_narrow_by_office (Fixture       *f,
                       gconstpointer  data)
{
  g_autoptr(GPtrArray) rows = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) offices = measures_store_list_offices (store (f), &error);
  g_autoptr(MeasuresOffice) office = NULL;
  MeasuresStatistics statistics;
  g_autofree char *expected_heading = NULL;
  const char *abbreviation = NULL;
  const char *heading;

  /* An office that leads several measures. */
  for (guint i = 0; i < g_list_model_get_n_items (offices) && abbreviation == NULL; i++)
    {
      g_set_object (&office, g_list_model_get_item (offices, i));
      g_object_unref (office);
      if (measures_office_get_n_lead (office) >= 3 &&
          !g_str_equal (measures_office_get_name (office),
                        measures_office_get_abbreviation (office)))
        abbreviation = measures_office_get_abbreviation (office);
    }
  g_assert_nonnull (abbreviation);

  open_dashboard (f);
  choose (DASHBOARD_CHILD (f, "office_choice"), measures_office_get_name (office));
  pause_for_screenshot ("narrowed by office");

  /* One group, of its measures only. */
  g_assert_nonnull (gtk_widget_get_first_child (DASHBOARD_CHILD (f, "overdue_box")));
  g_assert_null (gtk_widget_get_next_sibling (
    gtk_widget_get_first_child (DASHBOARD_CHILD (f, "overdue_box"))));
  first_overdue_row (f, &heading);
  expected_heading = g_strdup_printf ("%s (%s)", measures_office_get_name (office), abbreviation);
  g_assert_cmpstr (heading, ==, expected_heading);
  rows = find_all (DASHBOARD_CHILD (f, "overdue_box"), GTK_TYPE_LIST_BOX_ROW);
  g_assert_cmpuint (rows->len, ==, measures_office_get_n_lead (office));
  for (guint i = 0; i < rows->len; i++)
    g_assert_true (leads (store (f), row_measure (g_ptr_array_index (rows, i)), abbreviation));

  /* The counts are the office's alone, with no goal bars. */
  g_assert_true (measures_statistics_load_narrowed (&statistics, store (f), 0, abbreviation,
                                                    &error));
  g_assert_no_error (error);
  {
    g_autoptr(GPtrArray) charts = find_all (DASHBOARD_CHILD (f, "status_box"),
                                            MEASURES_TYPE_CHART_VIEW);

    g_assert_cmpuint (charts->len, ==, 1 + 5);
    assert_counts (g_ptr_array_index (charts, 0), &statistics);
  }

  /* A goal on top narrows further; the choice stays while the window is
   * open, on other pages and back. */
  choose (DASHBOARD_CHILD (f, "goal_choice"), "All Goals");
  select_sidebar_row (f, 0);
  select_sidebar_row (f, DASHBOARD_ROW);
  g_assert_cmpstr (gtk_string_object_get_string (
                     gtk_drop_down_get_selected_item (DASHBOARD_CHILD (f, "office_choice"))), ==,
                   measures_office_get_name (office));
}

/* A report dated @months_ago months before today, written through the
 * import path, which keeps the dates it is given. */
static void
report (Fixture *f,
        gint64   id,
        int      months_ago)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  g_autoptr(GDateTime) then = g_date_time_add_months (now, -months_ago);
  g_autofree char *date = g_date_time_format (then, "%Y-%m-%dT12:00:00Z");
  g_autoptr(MeasuresLogEntry) entry = NULL;

  entry = measures_log_entry_new (0, id, date, "Tester", MEASURES_STATUS_IN_PROGRESS, 30,
                                  "Report", NULL);
  g_assert_true (measures_store_begin (store (f), &error));
  g_assert_true (measures_store_insert_log_entry (store (f), id, entry, &error));
  g_assert_true (measures_store_commit (store (f), &error));
  g_assert_no_error (error);
}

static gboolean
overdue_lists (GPtrArray *rows,
               gint64     id)
{
  for (guint i = 0; i < rows->len; i++)
    if (row_measure (g_ptr_array_index (rows, i)) == id)
      return TRUE;

  return FALSE;
}

typedef struct {
  Fixture *f;
  gint64 id;
  gboolean listed;
} Expectation;

static gboolean
expectation_met (gpointer data)
{
  Expectation *expectation = data;
  g_autoptr(GPtrArray) rows = find_all (DASHBOARD_CHILD (expectation->f, "overdue_box"),
                                        GTK_TYPE_LIST_BOX_ROW);

  return overdue_lists (rows, expectation->id) == expectation->listed;
}

static void
test_interval (Fixture       *f,
               gconstpointer  data)
{
  GSettings *settings = measures_application_get_settings (f->app);
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) summaries = NULL;
  g_autofree char *abbreviation = NULL;
  g_autoptr(MeasuresMeasure) measure = NULL;
  Expectation expectation = { f, 0, FALSE };
  GtkWindow *preferences;
  GtkSpinButton *spin;
  gint64 id;

  /* A measure reported on four months ago, and its office shown alone so
   * that none of its rows waits behind "more". */
  g_assert_true (measures_store_list_summaries (store (f), NULL, -1, 0, &summaries, &error));
  id = g_array_index (summaries, MeasuresSummary, 0).id;
  measure = measures_store_get_measure (store (f), id, &error);
  g_assert_no_error (error);
  abbreviation = g_strdup (measures_measure_get_lead_offices (measure)[0]);
  report (f, id, 4);
  g_clear_object (&measure);
  measure = measures_store_get_measure (store (f), id, &error);
  g_assert_no_error (error);
  expectation.id = id;

  open_dashboard (f);
  measures_dashboard_page_narrow (dashboard (f), 0, abbreviation);
  iterate ();

  /* Within six months: not overdue. */
  expectation.listed = FALSE;
  g_assert_true (expectation_met (&expectation));

  /* Every three months, chosen in the preferences: overdue, at once. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  iterate ();
  preferences = find_window (f, MEASURES_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (preferences);
  spin = child (preferences, MEASURES_TYPE_PREFERENCES_WINDOW, "interval_spin");
  g_assert_cmpfloat (gtk_spin_button_get_value (spin), ==, 6);
  gtk_spin_button_set_value (spin, 3);
  g_assert_cmpuint (g_settings_get_uint (settings, "report-interval-months"), ==, 3);
  gtk_window_destroy (preferences);
  expectation.listed = TRUE;
  g_assert_true (within (expectation_met, &expectation));
  {
    g_autoptr(GPtrArray) rows = find_all (DASHBOARD_CHILD (f, "overdue_box"),
                                          GTK_TYPE_LIST_BOX_ROW);
    const char *title, *subtitle;

    for (guint i = 0; i < rows->len; i++)
      if (row_measure (g_ptr_array_index (rows, i)) == id)
        {
          row_texts (g_ptr_array_index (rows, i), &title, &subtitle);
          g_assert_cmpstr (subtitle, ==, "Last report 4 months ago");
        }
  }
  g_assert_nonnull (strstr (gtk_label_get_text (DASHBOARD_CHILD (f, "overdue_label")),
                            "within the last 3 months"));

  /* A report today, as a user adds one: the dashboard follows. */
  g_assert_cmpint (measures_store_add_log_entry (store (f), id,
                                                 measures_measure_get_revision (measure),
                                                 MEASURES_STATUS_IN_PROGRESS, 40, "Weiter so",
                                                 "Tester", NULL, &error), >, 0);
  g_assert_no_error (error);
  expectation.listed = FALSE;
  g_assert_true (within (expectation_met, &expectation));
}

static void
test_table (Fixture       *f,
            gconstpointer  data)
{
  GtkStack *progress = NULL;
  g_autoptr(GPtrArray) stacks = NULL;
  GtkWidget *table;

  open_dashboard (f);
  gtk_widget_activate_action (GTK_WIDGET (dashboard (f)), "dashboard.show-table", NULL);
  iterate ();
  pause_for_screenshot ("as tables");
  scroll_to (f, DASHBOARD_CHILD (f, "progress_slot"));
  pause_for_screenshot ("progress as a table");

  /* Each chart gives way to its table: a row of titles, then one a figure. */
  stacks = find_all (DASHBOARD_CHILD (f, "status_box"), GTK_TYPE_STACK);
  g_assert_cmpuint (stacks->len, ==, 6);
  for (guint i = 0; i < stacks->len; i++)
    {
      g_assert_cmpstr (gtk_stack_get_visible_child_name (g_ptr_array_index (stacks, i)), ==,
                       "table");
      table = gtk_stack_get_visible_child (g_ptr_array_index (stacks, i));
      g_assert_true (gtk_widget_get_mapped (table));
      g_assert_cmpuint (count_rows (GTK_LIST_BOX (table)), ==, 1 + MEASURES_N_STATUSES);
    }
  g_assert_true (shows_label (GTK_WIDGET (dashboard (f)), "Planned"));
  g_assert_true (shows_label (GTK_WIDGET (dashboard (f)), "Share"));

  progress = DASHBOARD_CHILD (f, "progress_slot");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (progress), ==, "table");

  /* And back. */
  gtk_widget_activate_action (GTK_WIDGET (dashboard (f)), "dashboard.show-table", NULL);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (progress), ==, "chart");
}

static gint64
add_indicator (Fixture    *f,
               guint       goal,
               const char *name)
{
  g_autoptr(MeasuresIndicator) empty = measures_indicator_new ();
  g_autoptr(MeasuresIndicator) indicator = NULL;
  g_autoptr(GPtrArray) targets = measures_indicator_targets_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  measures_indicator_targets_add (targets, "2025-12-31", 15);
  measures_indicator_targets_add (targets, "2030-12-31", 20.5);
  indicator = measures_indicator_copy_with (empty, "goal", goal, "name", name, "unit", "%",
                                            "description", "", "baseline-value", 12.25,
                                            "baseline-date", "2019-12-31",
                                            "direction", MEASURES_DIRECTION_UP,
                                            "targets", targets, NULL);
  id = measures_store_create_indicator (store (f), indicator, "Tester", &error);
  g_assert_no_error (error);
  return id;
}

static void
add_value (Fixture    *f,
           gint64      id,
           const char *date,
           double      value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresIndicator) indicator = measures_store_get_indicator (store (f), id, &error);

  g_assert_no_error (error);
  g_assert_cmpint (measures_store_add_indicator_value (store (f), id,
                                                       measures_indicator_get_revision (indicator),
                                                       date, value, NULL, "Tester", &error),
                   >, 0);
  g_assert_no_error (error);
}

static gboolean
two_indicators (gpointer data)
{
  return count_rows (DASHBOARD_CHILD ((Fixture *)data, "indicator_list")) == 2;
}

static void
test_indicators (Fixture       *f,
                 gconstpointer  data)
{
  GtkListBox *list = DASHBOARD_CHILD (f, "indicator_list");
  g_autoptr(GPtrArray) labels = NULL;
  g_autoptr(GPtrArray) sparklines = NULL;
  gboolean opened_one;
  gint64 id;

  /* None yet: an invitation. */
  open_dashboard (f);
  g_assert_true (gtk_widget_get_mapped (DASHBOARD_CHILD (f, "indicator_empty")));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (list)));

  /* Recorded while the dashboard is shown: it follows. */
  id = add_indicator (f, 2, "Internationale Studierende");
  add_value (f, id, "2021-12-31", 13);
  add_value (f, id, "2023-12-31", 14.5);
  add_indicator (f, 1, "Willkommensbesuche");
  g_assert_true (within (two_indicators, f));
  g_assert_false (gtk_widget_get_visible (DASHBOARD_CHILD (f, "indicator_empty")));

  /* The rating in words, the latest value with its unit. */
  g_assert_true (shows_label (GTK_WIDGET (list), "On track"));
  g_assert_true (shows_label (GTK_WIDGET (list), "No data"));
  g_assert_true (shows_label (GTK_WIDGET (list), "14.50 % in December 2023"));
  sparklines = find_all (list, MEASURES_TYPE_CHART_VIEW);
  g_assert_cmpuint (sparklines->len, ==, 2);
  g_assert_cmpuint (count_visible (sparklines), ==, 1);
  for (guint i = 0; i < sparklines->len; i++)
    {
      const char *text = measures_chart_view_get_description (g_ptr_array_index (sparklines,
                                                                                 i))->text;

      g_test_message ("%s", text);
      if (g_str_has_prefix (text, "Internationale Studierende"))
        g_assert_nonnull (strstr (text, "On track"));
    }

  scroll_to (f, GTK_WIDGET (list));
  pause_for_screenshot ("indicators");

  /* One click opens the indicator on the Indicators page. */
  opened_one = FALSE;
  for (guint i = 0; i < count_rows (list); i++)
    {
      GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, i);
      g_autoptr(MeasuresIndicator) opened = NULL;
      gint64 selected;

      g_assert_true (gtk_list_box_row_get_activatable (row));
      if (!shows_label (GTK_WIDGET (row), "Internationale Studierende"))
        continue;
      g_signal_emit_by_name (row, "activate");
      iterate ();
      g_assert_true (gtk_stack_get_visible_child (WINDOW_CHILD (f, "content_stack")) ==
                     GTK_WIDGET (WINDOW_CHILD (f, "indicators_page")));
      selected = measures_indicators_page_get_selected_id (WINDOW_CHILD (f, "indicators_page"));
      opened = measures_store_get_indicator (measures_application_get_store (f->app), selected,
                                             NULL);
      g_assert_nonnull (opened);
      g_assert_cmpstr (measures_indicator_get_name (opened), ==, "Internationale Studierende");
      open_dashboard (f);
      opened_one = TRUE;
      break;
    }
  g_assert_true (opened_one);

  /* Goal 1 has one of them. */
  choose (DASHBOARD_CHILD (f, "goal_choice"), "Goal 1: Internationale Stadtgesellschaft und "
                                              "Willkommenskultur");
  g_assert_cmpuint (count_rows (list), ==, 1);
  g_assert_true (shows_label (GTK_WIDGET (list), "No data"));
}

static gboolean
folded_on_dashboard (gpointer data)
{
  Fixture *f = data;

  return adw_leaflet_get_folded (WINDOW_CHILD (f, "leaflet")) &&
         gtk_widget_get_mapped (GTK_WIDGET (dashboard (f)));
}

/* On a phone's width the page fits, nothing cut off at the side. */
static void
test_narrow (Fixture       *f,
             gconstpointer  data)
{
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  open_dashboard (f);
  g_assert_true (within (folded_on_dashboard, f));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  pause_for_screenshot ("narrow");

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (dashboard (f))), <=, 360);
  g_assert_cmpint (gtk_widget_get_width (DASHBOARD_CHILD (f, "office_choice")), <=, 170);
}

static GtkWindow *
main_window (Fixture *f)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (f->app)); l; l = l->next)
    if (MEASURES_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* The window is made anew in another language: the dashboard shows what
 * it showed, the charts described in the new language. */
static void
test_switch_language (Fixture       *f,
                      gconstpointer  data)
{
  GSettings *settings = measures_application_get_settings (f->app);
  g_autoptr(GPtrArray) charts = NULL;
  const char *text;

  open_dashboard (f);
  choose (DASHBOARD_CHILD (f, "goal_choice"), "Goal 3: Globale Verantwortung, Nachhaltigkeit "
                                              "und außereuropäische Kooperationen");
  gtk_widget_activate_action (GTK_WIDGET (dashboard (f)), "dashboard.show-table", NULL);

  g_settings_set_string (settings, "language", "de");
  iterate ();
  f->window = MEASURES_WINDOW (main_window (f));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  iterate ();

  g_assert_true (gtk_stack_get_visible_child (WINDOW_CHILD (f, "content_stack")) ==
                 GTK_WIDGET (dashboard (f)));
  g_assert_cmpuint (gtk_drop_down_get_selected (DASHBOARD_CHILD (f, "goal_choice")), ==, 3);
  g_assert_true (gtk_widget_get_mapped (gtk_stack_get_visible_child (
                                          DASHBOARD_CHILD (f, "progress_slot"))));
  g_assert_cmpstr (gtk_stack_get_visible_child_name (DASHBOARD_CHILD (f, "progress_slot")), ==,
                   "table");
  charts = find_all (DASHBOARD_CHILD (f, "status_box"), MEASURES_TYPE_CHART_VIEW);
  g_assert_cmpuint (charts->len, ==, 1);
  text = measures_chart_view_get_description (g_ptr_array_index (charts, 0))->text;
  g_test_message ("%s", text);
  g_assert_true (g_str_has_prefix (text, "Ziel 3: "));

  g_settings_set_string (settings, "language", "");
  iterate ();
  f->window = MEASURES_WINDOW (main_window (f));
  iterate ();
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  ADD ("dashboard/counts", test_counts);
  ADD ("dashboard/overdue-opens-sheet", test_overdue_opens_sheet);
  ADD ("dashboard/narrow-by-office", test_narrow_by_office);
  ADD ("dashboard/interval", test_interval);
  ADD ("dashboard/table", test_table);
  ADD ("dashboard/indicators", test_indicators);
  ADD ("dashboard/narrow", test_narrow);
  ADD ("dashboard/switch-language", test_switch_language);

  return g_test_run ();
}
