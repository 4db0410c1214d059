/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "measures-measure-view.h"
#include "measures-removed-window.h"
#include "window-test-util.h"

/* Finding a measure or an office, and seeing what narrows the list: links
 * that open what they name, filters that show, office search by name, Tab
 * from pane to pane, the goal's header in a short window, search matches
 * in bold, removed measures restored. MEASURES_TEST_DARK=1 and
 * MEASURES_TEST_WIDTH=360 show the same states dark and narrow, for
 * screenshots. */

static guint
list_count (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
    MEASURES_CHILD (f, "measure_list"))));
}

static MeasuresMeasure *
list_item (Fixture *f,
           guint    position)
{
  return g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (
    MEASURES_CHILD (f, "measure_list"))), position);
}

static MeasuresMeasure *
shown_measure (Fixture *f)
{
  return measures_measures_page_get_measure (WINDOW_CHILD (f, "measures_page"));
}

/* The window again, at another size (and dark when asked for). */
static void
reopen (Fixture *f,
        int      width,
        int      height)
{
  g_autoptr(MeasuresContext) context = g_object_ref (measures_window_get_context (f->window));
  const char *forced = g_getenv ("MEASURES_TEST_WIDTH");

  if (forced != NULL)
    width = atoi (forced);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = measures_window_new (f->app, context);
  gtk_window_set_default_size (GTK_WINDOW (f->window), width, height);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  iterate ();
}

static void
setup (Fixture       *f,
       gconstpointer  data)
{
  fixture_setup (f, data);
  if (g_getenv ("MEASURES_TEST_DARK") != NULL)
    adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                        ADW_COLOR_SCHEME_FORCE_DARK);
  if (g_getenv ("MEASURES_TEST_WIDTH") != NULL)
    reopen (f, 360, 720);
}

static void
type_text (GtkWidget  *widget,
           const char *text)
{
  for (const char *p = text; *p; p++)
    press_keys (widget, 0, gdk_unicode_to_keyval ((guchar)*p));
}

static gboolean
has_focus_within (GtkWidget *widget)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (widget));

  return focus != NULL && (focus == widget || gtk_widget_is_ancestor (focus, widget));
}

/* A link to a measure that the filters hide opens that measure, not the
 * one the list happens to select, and says the filters were cleared. */
static void
test_link_clears_filters (Fixture       *f,
                          gconstpointer  data)
{
  g_autoptr(MeasuresMeasure) europatag = NULL;
  g_autofree char *toast = NULL;

  select_sidebar_row (f, 3);
  europatag = list_item (f, 0);
  select_sidebar_row (f, 7);
  gtk_search_bar_set_search_mode (MEASURES_CHILD (f, "search_bar"), TRUE);
  gtk_editable_set_text (MEASURES_CHILD (f, "search_entry"), "Straßburg");
  search_now (f);
  g_assert_cmpuint (list_count (f), ==, 2);

  select_sidebar_row (f, 8);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-measure", "x",
                                             measures_measure_get_id (europatag)));
  iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  pause_for_screenshot ("link cleared filters");

  g_assert_nonnull (shown_measure (f));
  g_assert_cmpint (measures_measure_get_id (shown_measure (f)), ==,
                   measures_measure_get_id (europatag));
  g_assert_cmpstr (label_text (detail_page (f, "sheet"), MEASURES_TYPE_MEASURE_VIEW, "title_label"),
                   ==, measures_measure_get_title (europatag));
  g_assert_cmpuint (list_count (f), ==, 50);
  toast = g_strdup_printf ("Filters were cleared to show “%s”",
                           measures_measure_get_title (europatag));
  g_assert_true (shows_label (GTK_WIDGET (f->window), toast));
}

/* Filters show on their button, from goal to goal; an empty list offers
 * to clear them. */
static void
test_filters_show (Fixture       *f,
                   gconstpointer  data)
{
  MeasuresMeasuresPage *page = WINDOW_CHILD (f, "measures_page");
  GtkWidget *button = MEASURES_CHILD (f, "filter_button");
  GtkWidget *clear = MEASURES_CHILD (f, "clear_filters_button");
  g_autofree char *tooltip = NULL;

  select_sidebar_row (f, 3);
  g_assert_false (gtk_widget_has_css_class (button, "accent"));

  gtk_drop_down_set_selected (filter_child (f, "priority_filter"), 1 + MEASURES_PRIORITY_HIGH);
  iterate ();
  g_assert_true (gtk_widget_has_css_class (button, "accent"));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Filters on: priority High");

  /* Another goal: still on, and still said. */
  select_sidebar_row (f, 4);
  g_assert_true (gtk_widget_has_css_class (button, "accent"));
  measures_measures_page_filter_by_office (page, "SAM", MEASURES_ROLE_LEAD);
  iterate ();
  tooltip = g_strdup (gtk_widget_get_tooltip_text (button));
  g_assert_cmpstr (tooltip, ==, "Filters on: led by SAM, priority High");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  pause_for_screenshot ("filters on");

  /* Nothing left: the empty list offers the way back. */
  gtk_drop_down_set_selected (filter_child (f, "status_filter"), 1 + MEASURES_STATUS_COMPLETED);
  iterate ();
  g_assert_cmpuint (list_count (f), ==, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (MEASURES_CHILD (f, "list_stack")), ==,
                   "empty");
  g_assert_true (gtk_widget_get_visible (clear));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  pause_for_screenshot ("empty list with clear filters");
  click (clear);
  iterate ();
  g_assert_cmpuint (list_count (f), >, 0);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (MEASURES_CHILD (f, "list_stack")), ==,
                   "list");
  g_assert_false (gtk_widget_has_css_class (button, "accent"));
}

/* The office filter: found by its full name, typed as the chooser opens;
 * lead, involved or both. */
static void
test_office_filter_by_name (Fixture       *f,
                            gconstpointer  data)
{
  MeasuresMeasuresPage *page = WINDOW_CHILD (f, "measures_page");
  GtkMenuButton *office = filter_child (f, "office_filter");
  GtkDropDown *role = filter_child (f, "office_role_filter");
  GtkWidget *search;

  select_sidebar_row (f, 7);
  gtk_menu_button_popup (MEASURES_CHILD (f, "filter_button"));
  iterate ();
  gtk_menu_button_popup (office);
  iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  search = gtk_widget_get_first_child (gtk_popover_get_child (gtk_menu_button_get_popover (office)));
  g_assert_true (GTK_IS_SEARCH_ENTRY (search));
  g_assert_true (has_focus_within (search));

  type_text (GTK_WIDGET (f->window), "stabsstelle au");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (search)), ==, "stabsstelle au");
  pause_for_screenshot ("office chooser");
  press_keys (GTK_WIDGET (f->window), 0, GDK_KEY_Return);
  iterate ();
  g_assert_cmpstr (gtk_menu_button_get_label (office), ==, "SAM");
  g_assert_cmpuint (list_count (f), ==, 26);
  gtk_menu_button_popdown (MEASURES_CHILD (f, "filter_button"));
  iterate ();

  g_assert_true (gtk_widget_get_sensitive (GTK_WIDGET (role)));
  gtk_drop_down_set_selected (role, 1 + MEASURES_ROLE_LEAD);
  iterate ();
  g_assert_cmpuint (list_count (f), ==, 13);
  for (guint i = 0; i < list_count (f); i++)
    {
      g_autoptr(MeasuresMeasure) measure = list_item (f, i);
      g_assert_true (measures_measure_has_office (measure, "SAM", MEASURES_ROLE_LEAD));
    }
  gtk_drop_down_set_selected (role, 1 + MEASURES_ROLE_INVOLVED);
  iterate ();
  g_assert_cmpuint (list_count (f), ==, 13);
  measures_measures_page_clear_filters (page);
  g_assert_cmpuint (list_count (f), ==, 50);
  g_assert_cmpstr (gtk_menu_button_get_label (office), ==, "All offices");

  /* An abbreviation typed whole is that office, though others have it
   * inside their names ("gemeinsam"). */
  gtk_menu_button_popup (MEASURES_CHILD (f, "filter_button"));
  iterate ();
  gtk_menu_button_popup (office);
  iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  type_text (GTK_WIDGET (f->window), "sam");
  press_keys (GTK_WIDGET (f->window), 0, GDK_KEY_Return);
  iterate ();
  g_assert_cmpstr (gtk_menu_button_get_label (office), ==, "SAM");
  gtk_menu_button_popdown (MEASURES_CHILD (f, "filter_button"));
  iterate ();
}

static guint
office_index (GListModel *offices,
              const char *abbreviation)
{
  for (guint i = 0; i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);

      if (g_str_equal (measures_office_get_abbreviation (office), abbreviation))
        return i;
    }

  return G_MAXUINT;
}

/* The offices page: those with measures, found as the user types any part
 * of a name. */
static void
test_offices_search (Fixture       *f,
                     gconstpointer  data)
{
  GListModel *offices;
  GtkEditable *search = OFFICES_CHILD (f, "office_search");

  select_sidebar_row (f, 8);
  offices = G_LIST_MODEL (gtk_list_view_get_model (OFFICES_CHILD (f, "office_list")));
  g_assert_cmpuint (g_list_model_get_n_items (offices), ==, 90 - 39);

  /* Typing on the page searches. */
  gtk_widget_grab_focus (GTK_WIDGET (OFFICES_CHILD (f, "office_list")));
  type_text (GTK_WIDGET (f->window), "kultur");
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "kultur");
  g_assert_cmpuint (g_list_model_get_n_items (offices), >, 0);
  g_assert_cmpuint (office_index (offices, "KA"), !=, G_MAXUINT);
  for (guint i = 0; i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);
      g_autofree char *text = g_utf8_casefold (measures_office_get_name (office), -1);
      g_autofree char *abbreviation = g_utf8_casefold (measures_office_get_abbreviation (office), -1);

      g_assert_true (strstr (text, "kultur") || strstr (abbreviation, "kultur"));
    }
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  pause_for_screenshot ("offices search");

  /* Escape empties the search; Ctrl+F comes back to it. */
  press_keys (GTK_WIDGET (f->window), 0, GDK_KEY_Escape);
  g_assert_cmpstr (gtk_editable_get_text (search), ==, "");
  g_assert_cmpuint (g_list_model_get_n_items (offices), ==, 90 - 39);
  press_keys (GTK_WIDGET (f->window), GDK_CONTROL_MASK, GDK_KEY_f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (WINDOW_CHILD (f, "content_stack")), ==,
                   "offices");
  g_assert_true (has_focus_within (GTK_WIDGET (search)));

  gtk_editable_set_text (search, "Stabsstelle Außen");
  iterate ();
  g_assert_cmpuint (g_list_model_get_n_items (offices), ==, 1);
  g_assert_cmpuint (office_index (offices, "SAM"), ==, 0);

  /* Offices without measures, when asked for. */
  gtk_editable_set_text (search, "");
  iterate ();
  gtk_check_button_set_active (OFFICES_CHILD (f, "with_measures_check"), FALSE);
  g_assert_cmpuint (g_list_model_get_n_items (offices), ==, 90);
  gtk_editable_set_text (search, "abfallwirtschaft");
  iterate ();
  g_assert_cmpuint (office_index (offices, "AfA"), ==, 0);
}

/* Tab moves from pane to pane, the arrows within a list; Tab in the
 * sidebar does not change the view. */
static void
test_tab_leaves_lists (Fixture       *f,
                       gconstpointer  data)
{
  GtkListBox *sidebar = WINDOW_CHILD (f, "sidebar");
  GtkWidget *list = MEASURES_CHILD (f, "measure_list");
  GtkListBoxRow *goal = NULL;

  select_sidebar_row (f, 3);
  goal = gtk_list_box_get_selected_row (sidebar);
  gtk_widget_grab_focus (GTK_WIDGET (goal));
  sync_input (GTK_WIDGET (f->window));

  press_keys (GTK_WIDGET (f->window), 0, GDK_KEY_Tab);
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == goal);
  g_assert_false (has_focus_within (GTK_WIDGET (sidebar)));
  /* To the pane beside it, the measures, not over it to the sheet. */
  g_assert_true (has_focus_within (MEASURES_CHILD (f, "measure_list_pane")));

  /* From the goal's folded explanation on to the measures: the folded
   * text does not hold Tab. */
  gtk_widget_grab_focus (MEASURES_CHILD (f, "goal_text_expander"));
  sync_input (GTK_WIDGET (f->window));
  press_keys (GTK_WIDGET (f->window), 0, GDK_KEY_Tab);
  g_assert_true (has_focus_within (list));

  /* Into the measures, then out of them again. */
  gtk_widget_grab_focus (list);
  sync_input (GTK_WIDGET (f->window));
  g_assert_true (has_focus_within (list));
  press_keys (GTK_WIDGET (f->window), 0, GDK_KEY_Down);
  g_assert_true (has_focus_within (list));
  press_keys (GTK_WIDGET (f->window), 0, GDK_KEY_Tab);
  g_assert_false (has_focus_within (list));
  g_assert_true (has_focus_within (MEASURES_CHILD (f, "measure_detail_pane")));
  gtk_widget_grab_focus (list);
  sync_input (GTK_WIDGET (f->window));
  press_keys (GTK_WIDGET (f->window), GDK_SHIFT_MASK, GDK_KEY_Tab);
  g_assert_false (has_focus_within (list));
  g_assert_true (gtk_list_box_get_selected_row (sidebar) == goal);
}

/* In a short window the goal's header takes a part of the pane, and the
 * list keeps the rest. */
static void
test_goal_header_short_window (Fixture       *f,
                               gconstpointer  data)
{
  GtkWidget *list;
  GtkWidget *header;
  GtkWidget *page;

  reopen (f, 1000, 420);
  select_sidebar_row (f, 3);
  gtk_expander_set_expanded (MEASURES_CHILD (f, "goal_text_expander"), TRUE);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  pause_for_screenshot ("short window");

  list = MEASURES_CHILD (f, "list_stack");
  header = MEASURES_CHILD (f, "goal_header_scroller");
  page = WINDOW_CHILD (f, "measures_page");
  g_assert_cmpint (gtk_widget_get_height (header), <=, gtk_widget_get_height (page) / 2 + 1);
  g_assert_cmpint (gtk_widget_get_height (list), >=, gtk_widget_get_height (page) / 3);
}

static GtkLabel *
row_label (GtkWidget *row,
           guint      n)
{
  guint i = 0;

  for (GtkWidget *w = gtk_widget_get_first_child (row); w != NULL; )
    {
      GtkWidget *next;

      if (GTK_IS_LABEL (w) && i++ == n)
        return GTK_LABEL (w);
      if ((next = gtk_widget_get_first_child (w)) == NULL)
        while ((next = gtk_widget_get_next_sibling (w)) == NULL &&
               (w = gtk_widget_get_parent (w)) != row)
          ;
      w = next;
    }

  return NULL;
}

/* Why a measure was found: the words in bold, and a field beside the
 * title when it matched there. */
static void
test_search_highlights (Fixture       *f,
                        gconstpointer  data)
{
  GtkListView *list = MEASURES_CHILD (f, "measure_list");
  GtkLabel *title, *match;

  select_sidebar_row (f, 7);
  gtk_search_bar_set_search_mode (MEASURES_CHILD (f, "search_bar"), TRUE);
  gtk_editable_set_text (MEASURES_CHILD (f, "search_entry"), "Straßburg");
  search_now (f);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  title = row_label (drawn_row (list, 0), 0);
  g_assert_cmpstr (gtk_label_get_label (title), ==,
                   "Verstärkte Zusammenarbeit Karlsruhe – <b>Straßburg</b>");

  /* Found by its costs. */
  {
    MeasuresStore *store = measures_application_get_store (f->app);
    g_autoptr(MeasuresMeasure) measure = list_item (f, 0);
    g_autoptr(MeasuresMeasure) edited = NULL;
    g_autoptr(GError) error = NULL;

    edited = measures_measure_copy_with (measure, "costs", "Zuschuss aus dem Zylinderfonds", NULL);
    g_assert_true (measures_store_update_measure (store, edited,
                                                  measures_measure_get_revision (measure), "Test",
                                                  NULL, &error));
    g_assert_no_error (error);
  }
  gtk_editable_set_text (MEASURES_CHILD (f, "search_entry"), "Zylinder");
  search_now (f);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  match = row_label (drawn_row (list, 0), 1);
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (match)));
  g_assert_true (g_str_has_prefix (gtk_label_get_text (match), "Costs: "));
  g_assert_cmpstr (gtk_label_get_label (match), ==, "Costs: Zuschuss aus dem <b>Zylinderfonds</b>");
  pause_for_screenshot ("search highlights");

  /* Markup in a title stays text. */
  gtk_editable_set_text (MEASURES_CHILD (f, "search_entry"), "");
  search_now (f);
  g_assert_cmpstr (gtk_label_get_text (row_label (drawn_row (list, 0), 0)), ==,
                   gtk_label_get_label (row_label (drawn_row (list, 0), 0)));
}

/* Removing asks first; removed measures can be restored later. */
static void
test_removed_measures (Fixture       *f,
                       gconstpointer  data)
{
  MeasuresRemovedWindow *removed;
  AdwMessageDialog *ask;
  g_autoptr(MeasuresMeasure) first = NULL;

  select_sidebar_row (f, 3);
  first = list_item (f, 0);
  g_signal_emit_by_name (MEASURES_CHILD (f, "measure_list"), "activate", 0);
  iterate ();
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-measure", NULL));
  iterate ();
  ask = ADW_MESSAGE_DIALOG (find_window (f, ADW_TYPE_MESSAGE_DIALOG));
  g_assert_nonnull (ask);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (ask));
  pause_for_screenshot ("remove asks");
  adw_message_dialog_response (ask, "cancel");
  iterate ();
  g_assert_cmpuint (list_count (f), ==, 16);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.remove-measure", NULL));
  iterate ();
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (find_window (f, ADW_TYPE_MESSAGE_DIALOG)),
                               "remove");
  iterate ();
  g_assert_cmpuint (list_count (f), ==, 15);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-removed", NULL));
  iterate ();
  removed = MEASURES_REMOVED_WINDOW (find_window (f, MEASURES_TYPE_REMOVED_WINDOW));
  g_assert_nonnull (removed);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (removed));
  g_assert_true (shows_label (GTK_WIDGET (removed), measures_measure_get_title (first)));
  pause_for_screenshot ("removed measures");

  g_assert_true (measures_removed_window_restore (removed, measures_measure_get_id (first)));
  iterate ();
  g_assert_cmpuint (list_count (f), ==, 16);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (child (removed, MEASURES_TYPE_REMOVED_WINDOW,
                                                            "stack")), ==, "empty");
  gtk_window_destroy (GTK_WINDOW (removed));
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

#undef ADD
#define ADD(name, func) \
  g_test_add ("/window/" name, Fixture, NULL, setup, func, fixture_teardown)
  ADD ("link-clears-filters", test_link_clears_filters);
  ADD ("filters-show", test_filters_show);
  ADD ("office-filter-by-name", test_office_filter_by_name);
  ADD ("offices-search", test_offices_search);
  ADD ("tab-leaves-lists", test_tab_leaves_lists);
  ADD ("goal-header-short-window", test_goal_header_short_window);
  ADD ("search-highlights", test_search_highlights);
  ADD ("removed-measures", test_removed_measures);

  return g_test_run ();
}
