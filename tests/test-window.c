/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "measures-context.h"
#include "measures-measure-view.h"
#include "measures-office-view.h"
#include "measures-vision-view.h"
#include "window-test-util.h"

/* Finding one's way: the vision, a goal's measures, the offices, search and
 * filters, and a window narrow enough to fold. */

static void
test_starts_on_vision (Fixture       *f,
                       gconstpointer  data)
{
  MeasuresVisionView *vision = VISION_CHILD (f, "vision_view");
  GtkStack *stack = WINDOW_CHILD (f, "content_stack");

  pause_for_screenshot ("vision");

  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "vision");
  g_assert_cmpstr (label_text (vision, MEASURES_TYPE_VISION_VIEW, "vision_label"), ==,
                   "Internationales Karlsruhe 2030 – innovativer.nachhaltiger.weltoffener.");
  g_assert_cmpuint (count_rows (child (vision, MEASURES_TYPE_VISION_VIEW, "goals_list")), ==, 5);
  g_assert_true (shows_label (GTK_WIDGET (f->window),
                              "Gemeinsam übernehmen wir globale Verantwortung im Sinne der "
                              "UN-Nachhaltigkeitsziele."));

  /* Opening a goal from the vision page shows its measures. */
  g_signal_emit_by_name (vision, "goal-activated", 5);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "measures");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      MEASURES_CHILD (f, "measure_list")))), ==, 8);
}

static void
test_goal_and_measure (Fixture       *f,
                       gconstpointer  data)
{
  GtkListView *list = MEASURES_CHILD (f, "measure_list");
  MeasuresMeasureView *view = detail_page (f, "sheet");
  AdwWindowTitle *title = MEASURES_CHILD (f, "measure_list_title");
  GtkBox *objectives;
  GType type = MEASURES_TYPE_MEASURE_VIEW;

  /* Goal 2 is the third row, after "Vision and Goals" and Goal 1. */
  select_sidebar_row (f, 3);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 16);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Goal 2");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "16 measures");
  g_assert_cmpstr (gtk_label_get_text (MEASURES_CHILD (f, "goal_headline_label")), ==,
                   "Karlsruhe steht für internationale Zusammenarbeit auf allen Ebenen in einem "
                   "vereinten Europa.");
  g_assert_true (shows_label (GTK_WIDGET (list), "Karlsruhe feiert den Europatag am 9. Mai"));
  g_assert_false (shows_label (GTK_WIDGET (list), "Interkulturelle Elternmentor*innen"));

  /* Click the fourth measure. */
  g_signal_emit_by_name (list, "activate", 3);
  iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  pause_for_screenshot ("measure");

  g_assert_cmpstr (label_text (view, type, "goal_label"), ==,
                   "Goal 2: Zusammenarbeit in Europa und Europakompetenz");
  g_assert_cmpstr (label_text (view, type, "title_label"), ==, "Europäische Kulturtage Karlsruhe");
  g_assert_true (g_str_has_prefix (label_text (view, type, "description_label"),
                                   "Die Europäischen Kulturtage Karlsruhe (EKT) beleuchten"));
  g_assert_cmpstr (label_text (view, type, "lead_label"), ==, "KA, Kulturbüro");
  g_assert_cmpstr (label_text (view, type, "actors_label"), ==, "KTG, KME, SAM, Stk");
  g_assert_cmpstr (label_text (view, type, "priority_label"), ==, "High");
  g_assert_cmpstr (label_text (view, type, "period_label"), ==,
                   "mittelfristig, in Durchführung seit 1983");
  g_assert_cmpstr (label_text (view, type, "costs_label"), ==, "Personal- und Sachkosten");

  objectives = child (view, type, "objectives_box");
  g_assert_true (shows_label (GTK_WIDGET (objectives),
                              "Kulturaustausch, der auf Nachhaltigkeit zielt"));
  {
    guint n = 0;
    for (GtkWidget *c = gtk_widget_get_first_child (GTK_WIDGET (objectives)); c;
         c = gtk_widget_get_next_sibling (c))
      n++;
    g_assert_cmpuint (n, ==, 6);
  }

  /* All measures: all fifty, and the sheet stays on the same measure. */
  select_sidebar_row (f, 7);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 50);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "50 measures");
  g_assert_cmpstr (label_text (view, type, "title_label"), ==, "Europäische Kulturtage Karlsruhe");
}

static void
test_offices (Fixture       *f,
              gconstpointer  data)
{
  GtkListView *list = OFFICES_CHILD (f, "office_list");
  MeasuresOfficeView *view = OFFICES_CHILD (f, "office_view");
  GtkSelectionModel *model;
  GType type = MEASURES_TYPE_OFFICE_VIEW;
  guint sam = G_MAXUINT;

  select_sidebar_row (f, 8);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (WINDOW_CHILD (f, "content_stack")), ==,
                   "offices");

  model = gtk_list_view_get_model (list);
  /* The 39 offices that no measure names are left out at first. */
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 90 - 39);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (model)); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (G_LIST_MODEL (model), i);

      if (g_str_equal (measures_office_get_abbreviation (office), "SAM"))
        sam = i;
    }
  g_assert_cmpuint (sam, !=, G_MAXUINT);

  g_signal_emit_by_name (list, "activate", sam);
  iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  pause_for_screenshot ("office");

  g_assert_cmpstr (label_text (view, type, "abbreviation_label"), ==, "SAM");
  g_assert_cmpstr (label_text (view, type, "name_label"), ==,
                   "Stabsstelle Außenbeziehungen und Strategisches Marketing");
  g_assert_cmpstr (label_text (view, type, "lead_heading"), ==, "Leads 13 Measures");
  g_assert_cmpstr (label_text (view, type, "involved_heading"), ==, "Takes Part in 13 Measures");
  g_assert_cmpuint (count_rows (child (view, type, "lead_list")), ==, 13);
  g_assert_cmpuint (count_rows (child (view, type, "involved_list")), ==, 13);

  /* Opening one of the office's measures shows its sheet. */
  {
    GtkListBox *lead = child (view, type, "lead_list");
    GtkListBoxRow *row = gtk_list_box_get_row_at_index (lead, 0);

    g_signal_emit_by_name (lead, "row-activated", row);
    iterate ();
    g_assert_cmpstr (gtk_stack_get_visible_child_name (WINDOW_CHILD (f, "content_stack")), ==,
                     "measures");
    g_assert_cmpstr (label_text (detail_page (f, "sheet"), MEASURES_TYPE_MEASURE_VIEW,
                                 "title_label"),
                     ==, "Verstärkte Zusammenarbeit Karlsruhe – Straßburg");
  }
}

/* An office with more measures than its page lists: the first hundred,
 * and a button that shows all of them in the measure list. */
static void
test_large_office (Fixture       *f,
                   gconstpointer  data)
{
  MeasuresStore *store = measures_application_get_store (f->app);
  MeasuresOfficeView *view = OFFICES_CHILD (f, "office_view");
  GType type = MEASURES_TYPE_OFFICE_VIEW;
  GtkButton *more;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < 110; i++)
    {
      g_autofree char *title = g_strdup_printf ("Sprechstunde im Stadtteil %u", i + 1);
      g_autoptr(MeasuresMeasure) draft = g_object_new (MEASURES_TYPE_MEASURE, "goal", 2u,
                                                       "title", title,
                                                       "lead-offices",
                                                       (const char *[]){ "SAM", NULL },
                                                       NULL);

      g_assert_cmpint (measures_store_create_measure (store, draft, "Test", NULL, &error), >, 0);
    }
  g_assert_no_error (error);

  open_office (f, "SAM");
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_cmpstr (label_text (view, type, "lead_heading"), ==, "Leads 123 Measures");
  g_assert_cmpuint (count_rows (child (view, type, "lead_list")), ==, 100);
  more = child (view, type, "lead_more_button");
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (more)));
  g_assert_cmpstr (gtk_button_get_label (more), ==, "Show All 123 Measures in the List");
  g_assert_false (gtk_widget_get_visible (child (view, type, "involved_more_button")));
  pause_for_screenshot ("large office");

  /* All the measures SAM leads, as the button says. */
  g_signal_emit_by_name (more, "clicked");
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (WINDOW_CHILD (f, "content_stack")), ==,
                   "measures");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      MEASURES_CHILD (f, "measure_list")))), ==, 123);
}

/* A search that leaves out the selected measure selects the first match;
 * opening and closing the filters keeps it. */
static void
test_popover_keeps_selection (Fixture       *f,
                              gconstpointer  data)
{
  GtkSingleSelection *selection;
  GtkMenuButton *menu = MEASURES_CHILD (f, "filter_button");
  g_autoptr(MeasuresMeasure) before = NULL;
  g_autoptr(MeasuresMeasure) after = NULL;

  select_sidebar_row (f, 3);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (MEASURES_CHILD (f, "measure_list")));
  gtk_single_selection_set_selected (selection, 3);
  gtk_widget_grab_focus (MEASURES_CHILD (f, "measure_list"));
  iterate ();
  gtk_search_bar_set_search_mode (MEASURES_CHILD (f, "search_bar"), TRUE);
  gtk_editable_set_text (MEASURES_CHILD (f, "search_entry"), "Straßburg");
  search_now (f);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  before = g_object_ref (gtk_single_selection_get_selected_item (selection));
  g_assert_cmpstr (measures_measure_get_title (before), ==,
                   "Verstärkte Zusammenarbeit Karlsruhe – Straßburg");

  gtk_menu_button_popup (menu);
  iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  gtk_menu_button_popdown (menu);
  iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  after = g_object_ref (gtk_single_selection_get_selected_item (selection));
  g_assert_cmpint (measures_measure_get_id (after), ==, measures_measure_get_id (before));
}

/* The pointer passing over the list leaves the selection alone; a click
 * selects the row under it. */
static void
test_pointer_selects_on_click (Fixture       *f,
                               gconstpointer  data)
{
  GtkListView *list = MEASURES_CHILD (f, "measure_list");
  GtkSingleSelection *selection;
  MeasuresMeasure *shown;
  g_autofree char *hovered = NULL;

  select_sidebar_row (f, 3);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (list));
  gtk_single_selection_set_selected (selection, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  shown = gtk_single_selection_get_selected_item (selection);

  for (guint n = 1; n <= 4; n++)
    {
      pointer_to (drawn_row (list, n));
      g_assert_true (gtk_single_selection_get_selected_item (selection) == shown);
    }
  g_assert_cmpstr (label_text (detail_page (f, "sheet"), MEASURES_TYPE_MEASURE_VIEW, "title_label"), ==,
                   measures_measure_get_title (shown));

  hovered = g_strdup (first_label (drawn_row (list, 4)));
  g_assert_cmpstr (hovered, !=, measures_measure_get_title (shown));
  click (drawn_row (list, 4));
  shown = gtk_single_selection_get_selected_item (selection);
  g_assert_cmpstr (measures_measure_get_title (shown), ==, hovered);
  g_assert_cmpstr (label_text (detail_page (f, "sheet"), MEASURES_TYPE_MEASURE_VIEW, "title_label"), ==, hovered);
}

/* Another filter shows its list from the top, wherever the last one was
 * scrolled to. */
static void
test_filter_starts_at_top (Fixture       *f,
                           gconstpointer  data)
{
  GtkListView *list = MEASURES_CHILD (f, "measure_list");
  GtkAdjustment *scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  g_autoptr(MeasuresMeasure) first = NULL;

  select_sidebar_row (f, 7);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), >, 0);

  select_sidebar_row (f, 3);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), ==, 0);
  first = g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (list)), 0);
  g_assert_cmpuint (measures_measure_get_goal (first), ==, 2);
  g_assert_cmpstr (first_label (drawn_row (list, 0)), ==, measures_measure_get_title (first));
}

static void
test_narrow_window_folds (Fixture       *f,
                          gconstpointer  data)
{
  AdwLeaflet *leaflet = WINDOW_CHILD (f, "leaflet");
  AdwLeaflet *measures_leaflet = MEASURES_CHILD (f, "measures_leaflet");
  g_autoptr(MeasuresContext) context = g_object_ref (measures_window_get_context (f->window));
  g_autofree char *layout = NULL;
  int width;

  /* The title buttons of GNOME, where a narrow window is a phone's or
   * half a laptop's screen. */
  g_object_get (gtk_settings_get_default (), "gtk-decoration-layout", &layout, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = measures_window_new (f->app, context);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  iterate ();

  leaflet = WINDOW_CHILD (f, "leaflet");
  measures_leaflet = MEASURES_CHILD (f, "measures_leaflet");
  g_assert_true (adw_leaflet_get_folded (leaflet));
  width = gtk_widget_get_width (GTK_WIDGET (f->window));

  /* Back to the views, then into goal 1 and one of its measures. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sidebar", NULL);
  iterate ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == WINDOW_CHILD (f, "sidebar_pane"));

  select_sidebar_row (f, 2);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (adw_leaflet_get_folded (measures_leaflet));
  g_assert_true (adw_leaflet_get_visible_child (measures_leaflet) ==
                 MEASURES_CHILD (f, "measure_list_pane"));

  /* One click opens the measure, once the list has slid in. */
  while (adw_leaflet_get_child_transition_running (leaflet) ||
         adw_leaflet_get_child_transition_running (measures_leaflet))
    g_main_context_iteration (NULL, TRUE);
  click (drawn_row (MEASURES_CHILD (f, "measure_list"), 0));
  pause_for_screenshot ("narrow");
  g_assert_true (adw_leaflet_get_visible_child (measures_leaflet) ==
                 MEASURES_CHILD (f, "measure_detail_pane"));
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Interkulturelle Elternmentor*innen"));
  /* The sheet fits the narrow window: nothing makes it wider. */
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, width);

  gtk_widget_activate_action (WINDOW_CHILD (f, "measures_page"), "measures.show-list", NULL);
  iterate ();
  g_assert_true (adw_leaflet_get_visible_child (measures_leaflet) ==
                 MEASURES_CHILD (f, "measure_list_pane"));

  /* So does Enter on it. */
  g_signal_emit_by_name (MEASURES_CHILD (f, "measure_list"), "activate", 1);
  iterate ();
  g_assert_true (adw_leaflet_get_visible_child (measures_leaflet) ==
                 MEASURES_CHILD (f, "measure_detail_pane"));

  /* And a click on an office opens its page. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sidebar", NULL);
  select_sidebar_row (f, 8);
  while (adw_leaflet_get_child_transition_running (leaflet))
    g_main_context_iteration (NULL, TRUE);
  click (drawn_row (OFFICES_CHILD (f, "office_list"), 0));
  g_assert_true (adw_leaflet_get_visible_child (OFFICES_CHILD (f, "offices_leaflet")) ==
                 OFFICES_CHILD (f, "office_detail_pane"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, width);

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
}

static GtkMenuButton *
find_primary_menu_button (GtkWidget *widget)
{
  if (GTK_IS_MENU_BUTTON (widget) && gtk_menu_button_get_primary (GTK_MENU_BUTTON (widget)))
    return GTK_MENU_BUTTON (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkMenuButton *found = find_primary_menu_button (c);

      if (found != NULL)
        return found;
    }
  return NULL;
}

static gboolean
menu_has_action (GMenuModel *model,
                 const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        return TRUE;
      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      if (section != NULL && menu_has_action (section, action))
        return TRUE;
    }
  return FALSE;
}

/* F1 and the main menu's Help open the user's guide, help:measures. */
static void
test_help (Fixture       *f,
           gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app),
                                                                "app.help");
  GtkMenuButton *menu_button = find_primary_menu_button (GTK_WIDGET (f->window));

  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (f->app), "help"));
  g_assert_true (g_strv_contains ((const char * const *) accels, "F1"));
  g_assert_nonnull (menu_button);
  g_assert_true (menu_has_action (gtk_menu_button_get_menu_model (menu_button), "app.help"));
}

/* The dialog over the window with @heading, once it is shown. */
static AdwMessageDialog *
wait_for_question (Fixture    *f,
                   const char *heading)
{
  gint64 end = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < end)
    {
      AdwMessageDialog *dialog = (AdwMessageDialog *)find_window (f, ADW_TYPE_MESSAGE_DIALOG);

      if (dialog != NULL && g_strcmp0 (adw_message_dialog_get_heading (dialog), heading) == 0)
        {
          gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
          return dialog;
        }
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }
  return NULL;
}

static void
start_without_strategy (Fixture *f)
{
  g_autoptr(GError) error = NULL;

  f->app = new_application ();
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, &error));
  g_assert_no_error (error);
  g_application_activate (G_APPLICATION (f->app));
  f->window = MEASURES_WINDOW (find_window (f, MEASURES_TYPE_WINDOW));
  g_assert_nonnull (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
}

static void
close_windows (Fixture *f)
{
  GList *windows;

  while ((windows = gtk_application_get_windows (GTK_APPLICATION (f->app))))
    gtk_window_destroy (windows->data);
  iterate ();
  g_clear_object (&f->app);
  f->window = NULL;
}

/* A new user, started from the desktop on the strategy of this computer, is
 * asked where the strategy is kept and then for their name, prefilled with
 * their real name; the log writes that name, and the next start asks
 * nothing. */
static void
test_first_start_questions (void)
{
  Fixture f = { 0 };
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *author = NULL;
  const char *real = g_get_real_name ();
  AdwMessageDialog *dialog;
  GtkEditable *entry;

  start_without_strategy (&f);
  settings = g_object_ref (measures_application_get_settings (f.app));
  dialog = wait_for_question (&f, "Where Is Your Strategy Kept?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "computer");
  iterate ();

  dialog = wait_for_question (&f, "What Is Your Name?");
  g_assert_nonnull (dialog);
  pause_for_screenshot ("first-start-name");
  entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  /* The real name, never the login name. */
  if (g_strcmp0 (real, "Unknown") != 0 && g_strcmp0 (real, g_get_user_name ()) != 0)
    g_assert_cmpstr (gtk_editable_get_text (entry), ==, real);
  else
    g_assert_cmpstr (gtk_editable_get_text (entry), ==, "");
  g_assert_true (gtk_root_get_focus (GTK_ROOT (dialog)) == GTK_WIDGET (entry) ||
                 gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (dialog)), GTK_WIDGET (entry)));
  /* No name, nothing to use. */
  gtk_editable_set_text (entry, "  ");
  g_assert_false (adw_message_dialog_get_response_enabled (dialog, "save"));
  gtk_editable_set_text (entry, " Anna Sam ");
  g_assert_true (adw_message_dialog_get_response_enabled (dialog, "save"));
  adw_message_dialog_response (dialog, "save");
  iterate ();

  author = g_settings_get_string (settings, "author-name");
  g_assert_cmpstr (author, ==, "Anna Sam");
  g_clear_pointer (&author, g_free);
  author = measures_context_dup_author (measures_window_get_context (f.window));
  g_assert_cmpstr (author, ==, "Anna Sam");
  close_windows (&f);

  /* Asked once: the next start shows the window alone. */
  start_without_strategy (&f);
  g_assert_null (wait_for_question (&f, "What Is Your Name?"));
  g_assert_null (find_window (&f, ADW_TYPE_MESSAGE_DIALOG));
  close_windows (&f);

  /* Not now: asked no more, and the log keeps a name of its own. */
  g_settings_reset (settings, "author-name");
  g_settings_reset (settings, "author-asked");
  start_without_strategy (&f);
  dialog = wait_for_question (&f, "What Is Your Name?");
  g_assert_nonnull (dialog);
  adw_message_dialog_response (dialog, "skip");
  iterate ();
  g_assert_true (g_settings_get_boolean (settings, "author-asked"));
  g_clear_pointer (&author, g_free);
  author = measures_context_dup_author (measures_window_get_context (f.window));
  g_assert_cmpstr (author, !=, "");
  g_assert_cmpstr (author, !=, "Unknown");
  close_windows (&f);
  reset_settings (settings);
}

int
main (int   argc,
      char *argv[])
{
  TempDir data_home;
  int status;

  /* The strategy a first start makes, for the test that names none. */
  temp_dir_setup (&data_home, NULL);
  g_setenv ("XDG_DATA_HOME", data_home.dir, TRUE);
  window_test_init (&argc, &argv);

  ADD ("starts-on-vision", test_starts_on_vision);
  ADD ("goal-and-measure", test_goal_and_measure);
  ADD ("offices", test_offices);
  ADD ("large-office", test_large_office);
  ADD ("popover-keeps-selection", test_popover_keeps_selection);
  ADD ("pointer-selects-on-click", test_pointer_selects_on_click);
  ADD ("filter-starts-at-top", test_filter_starts_at_top);
  ADD ("narrow-window-folds", test_narrow_window_folds);
  ADD ("help", test_help);
  g_test_add_func ("/window/first-start-questions", test_first_start_questions);

  status = g_test_run ();
  temp_dir_teardown (&data_home, NULL);
  return status;
}
