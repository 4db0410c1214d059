/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>
#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>

#include "measures-application.h"
#include "measures-backup.h"
#include "measures-measure-editor.h"
#include "measures-measure-view.h"
#include "measures-office-view.h"
#include "measures-preferences-window.h"
#include "measures-restore-window.h"
#include "measures-test-util.h"
#include "measures-vision-view.h"
#include "measures-window.h"

/* The real window under a real (virtual) display, driven as a user drives
 * it: rows are selected and activated, and the test reads what the labels
 * show. Set MEASURES_TEST_PAUSE=seconds to hold each state for a
 * screenshot. */

typedef struct
{
  TempDir tmp;
  MeasuresApplication *app;
  MeasuresWindow *window;
} Fixture;

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
pause_for_screenshot (const char *state)
{
  const char *pause = g_getenv ("MEASURES_TEST_PAUSE");
  gint64 end;

  if (pause == NULL)
    return;

  g_printerr ("# state: %s\n", state);
  end = g_get_monotonic_time () + g_ascii_strtoll (pause, NULL, 10) * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
}

static gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  gpointer found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return found;
}

#define WINDOW_CHILD(f, name) child ((f)->window, MEASURES_TYPE_WINDOW, name)

/* The filters are made when their button is first opened, as a user opens
 * it; found by their ids in the popover's file. */
static gpointer
filter_child (Fixture    *f,
              const char *id)
{
  GtkMenuButton *button = WINDOW_CHILD (f, "filter_button");
  GtkWidget *popover;

  gtk_menu_button_popup (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_nonnull (popover);
  for (GtkWidget *w = gtk_widget_get_first_child (popover); w != NULL; )
    {
      const char *buildable_id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));
      GtkWidget *next;

      if (g_strcmp0 (buildable_id, id) == 0)
        {
          gtk_menu_button_popdown (button);
          return w;
        }
      /* Depth first through the popover's widgets. */
      if ((next = gtk_widget_get_first_child (w)) == NULL)
        while ((next = gtk_widget_get_next_sibling (w)) == NULL &&
               (w = gtk_widget_get_parent (w)) != popover)
          ;
      w = next;
    }

  g_error ("The filter popover has no “%s”", id);
}

/* The sheet and the editor are made after the first frame. */
static gpointer
detail_page (Fixture    *f,
             const char *name)
{
  gpointer page = gtk_stack_get_child_by_name (WINDOW_CHILD (f, "detail_stack"), name);

  g_assert_nonnull (page);
  return page;
}

/* On a session bus, an application stays exported under its id until the
 * process ends, so every test gets an id of its own. */
static MeasuresApplication *
new_application (void)
{
  static guint serial;
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APP_ID, ++serial);
  MeasuresApplication *app = measures_application_new ();

  g_application_set_application_id (G_APPLICATION (app), id);
  return app;
}

static void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GList *windows;

  temp_dir_setup (&f->tmp, data);
  path = temp_path (&f->tmp, "strategy.db");

  f->app = new_application ();
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  measures_application_set_database (f->app, path);
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, &error));
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (f->app));
  windows = gtk_application_get_windows (GTK_APPLICATION (f->app));
  g_assert_nonnull (windows);

  if (MEASURES_IS_WINDOW (windows->data))
    {
      f->window = windows->data;
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      iterate ();
    }
}

static void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GSettings *settings = f->app ? measures_application_get_settings (f->app) : NULL;
  GList *windows;

  if (f->window)
    g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  while (f->app && (windows = gtk_application_get_windows (GTK_APPLICATION (f->app))))
    gtk_window_destroy (windows->data);
  iterate ();

  /* Closing the window lets go of it and of everything it showed. */
  g_assert_null (f->window);

  /* Settings live in memory for the whole run: every test starts afresh. */
  if (settings != NULL)
    {
      g_autoptr(GSettingsSchema) schema = NULL;
      g_auto(GStrv) keys = NULL;

      g_object_get (settings, "settings-schema", &schema, NULL);
      keys = g_settings_schema_list_keys (schema);
      for (guint i = 0; keys[i] != NULL; i++)
        g_settings_reset (settings, keys[i]);
      iterate ();
    }
  g_clear_object (&f->app);
  temp_dir_teardown (&f->tmp, data);
}

static void
select_sidebar_row (Fixture *f,
                    int      index)
{
  GtkListBox *sidebar = WINDOW_CHILD (f, "sidebar");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, index);

  g_assert_nonnull (row);
  /* What a click does: select, then activate. */
  gtk_list_box_select_row (sidebar, row);
  g_signal_emit_by_name (sidebar, "row-activated", row);
  iterate ();
}

/* Pointer input through the display server, as a mouse gives it: the
 * events reach the window's controllers like a user's. */
static Display *
x_display (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

static void
sync_input (GtkWidget *widget)
{
  XSync (x_display (widget), False);
  iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
  iterate ();
}

/* Moves the pointer to the middle of @widget. */
static void
pointer_to (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                 gtk_widget_get_height (widget) / 2.0);
  graphene_point_t point;
  double dx, dy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &middle, &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  XWarpPointer (x_display (widget), None, gdk_x11_surface_get_xid (surface), 0, 0, 0, 0,
                (int) (point.x + dx), (int) (point.y + dy));
  sync_input (widget);
}

/* A click may take @widget away: what follows is waited for on its window. */
static void
click (GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));

  pointer_to (widget);
  XTestFakeButtonEvent (x_display (window), 1, True, CurrentTime);
  XTestFakeButtonEvent (x_display (window), 1, False, CurrentTime);
  sync_input (window);
}

/* The row @n of a list view as it is drawn, and the title it shows. */
static GtkWidget *
drawn_row (GtkListView *list,
           guint        n)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));

  for (guint i = 0; i < n && row != NULL; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  return row;
}

static const char *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      const char *text = first_label (c);

      if (text != NULL)
        return text;
    }
  return NULL;
}

/* The offices page, on the office @abbreviation, as activating its row does. */
static void
open_office (Fixture    *f,
             const char *abbreviation)
{
  GtkListView *list = WINDOW_CHILD (f, "office_list");
  GListModel *offices;

  select_sidebar_row (f, 7);
  offices = G_LIST_MODEL (gtk_list_view_get_model (list));
  for (guint i = 0; i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);

      if (g_str_equal (measures_office_get_abbreviation (office), abbreviation))
        g_signal_emit_by_name (list, "activate", i);
    }
  iterate ();
}

static const char *
label_text (gpointer    widget,
            GType       type,
            const char *name)
{
  return gtk_label_get_text (child (widget, type, name));
}

/* Finds a label that is on screen and shows @text. */
static gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;

  return FALSE;
}

/* The search entry waits a moment after typing; tests do not. */
static void
search_now (Fixture *f)
{
  g_signal_emit_by_name (WINDOW_CHILD (f, "search_entry"), "search-changed");
  iterate ();
}

static guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

static void
test_starts_on_vision (Fixture       *f,
                       gconstpointer  data)
{
  MeasuresVisionView *vision = WINDOW_CHILD (f, "vision_view");
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
                      WINDOW_CHILD (f, "measure_list")))), ==, 8);
}

static void
test_goal_and_measure (Fixture       *f,
                       gconstpointer  data)
{
  GtkListView *list = WINDOW_CHILD (f, "measure_list");
  MeasuresMeasureView *view = detail_page (f, "sheet");
  AdwWindowTitle *title = WINDOW_CHILD (f, "measure_list_title");
  GtkBox *objectives;
  GType type = MEASURES_TYPE_MEASURE_VIEW;

  /* Goal 2 is the third row, after "Vision and Goals" and Goal 1. */
  select_sidebar_row (f, 2);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));

  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 16);
  g_assert_cmpstr (adw_window_title_get_title (title), ==, "Goal 2");
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "16 measures");
  g_assert_cmpstr (gtk_label_get_text (WINDOW_CHILD (f, "goal_headline_label")), ==,
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
  select_sidebar_row (f, 6);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (list))), ==, 50);
  g_assert_cmpstr (adw_window_title_get_subtitle (title), ==, "50 measures");
  g_assert_cmpstr (label_text (view, type, "title_label"), ==, "Europäische Kulturtage Karlsruhe");
}

static void
test_offices (Fixture       *f,
              gconstpointer  data)
{
  GtkListView *list = WINDOW_CHILD (f, "office_list");
  MeasuresOfficeView *view = WINDOW_CHILD (f, "office_view");
  GtkSelectionModel *model;
  GType type = MEASURES_TYPE_OFFICE_VIEW;
  guint sam = G_MAXUINT;

  select_sidebar_row (f, 7);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (WINDOW_CHILD (f, "content_stack")), ==,
                   "offices");

  model = gtk_list_view_get_model (list);
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (model)), ==, 90);
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
  MeasuresOfficeView *view = WINDOW_CHILD (f, "office_view");
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

  /* All of SAM's measures: led and taken part in. */
  g_signal_emit_by_name (more, "clicked");
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (WINDOW_CHILD (f, "content_stack")), ==,
                   "measures");
  g_assert_cmpuint (g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
                      WINDOW_CHILD (f, "measure_list")))), ==, 123 + 13);
}

/* A search that leaves out the selected measure selects the first match;
 * opening and closing the filters keeps it. */
static void
test_popover_keeps_selection (Fixture       *f,
                              gconstpointer  data)
{
  GtkSingleSelection *selection;
  GtkMenuButton *menu = WINDOW_CHILD (f, "filter_button");
  g_autoptr(MeasuresMeasure) before = NULL;
  g_autoptr(MeasuresMeasure) after = NULL;

  select_sidebar_row (f, 2);
  selection = GTK_SINGLE_SELECTION (gtk_list_view_get_model (WINDOW_CHILD (f, "measure_list")));
  gtk_single_selection_set_selected (selection, 3);
  gtk_widget_grab_focus (WINDOW_CHILD (f, "measure_list"));
  iterate ();
  gtk_search_bar_set_search_mode (WINDOW_CHILD (f, "search_bar"), TRUE);
  gtk_editable_set_text (WINDOW_CHILD (f, "search_entry"), "Straßburg");
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
  GtkListView *list = WINDOW_CHILD (f, "measure_list");
  GtkSingleSelection *selection;
  MeasuresMeasure *shown;
  g_autofree char *hovered = NULL;

  select_sidebar_row (f, 2);
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
  GtkListView *list = WINDOW_CHILD (f, "measure_list");
  GtkAdjustment *scroll = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  g_autoptr(MeasuresMeasure) first = NULL;

  select_sidebar_row (f, 6);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  gtk_adjustment_set_value (scroll, gtk_adjustment_get_upper (scroll));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_cmpfloat (gtk_adjustment_get_value (scroll), >, 0);

  select_sidebar_row (f, 2);
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
  AdwLeaflet *measures_leaflet = WINDOW_CHILD (f, "measures_leaflet");

  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = measures_window_new (f->app, measures_application_get_store (f->app));
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 720);
  gtk_window_present (GTK_WINDOW (f->window));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  iterate ();

  leaflet = WINDOW_CHILD (f, "leaflet");
  measures_leaflet = WINDOW_CHILD (f, "measures_leaflet");
  g_assert_true (adw_leaflet_get_folded (leaflet));

  /* Back to the views, then into goal 1 and one of its measures. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sidebar", NULL);
  iterate ();
  g_assert_true (adw_leaflet_get_visible_child (leaflet) == WINDOW_CHILD (f, "sidebar_pane"));

  select_sidebar_row (f, 1);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  g_assert_true (adw_leaflet_get_folded (measures_leaflet));
  g_assert_true (adw_leaflet_get_visible_child (measures_leaflet) ==
                 WINDOW_CHILD (f, "measure_list_pane"));

  /* One click opens the measure, once the list has slid in. */
  while (adw_leaflet_get_child_transition_running (leaflet) ||
         adw_leaflet_get_child_transition_running (measures_leaflet))
    g_main_context_iteration (NULL, TRUE);
  click (drawn_row (WINDOW_CHILD (f, "measure_list"), 0));
  pause_for_screenshot ("narrow");
  g_assert_true (adw_leaflet_get_visible_child (measures_leaflet) ==
                 WINDOW_CHILD (f, "measure_detail_pane"));
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Interkulturelle Elternmentor*innen"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-measure-list", NULL);
  iterate ();
  g_assert_true (adw_leaflet_get_visible_child (measures_leaflet) ==
                 WINDOW_CHILD (f, "measure_list_pane"));

  /* So does Enter on it. */
  g_signal_emit_by_name (WINDOW_CHILD (f, "measure_list"), "activate", 1);
  iterate ();
  g_assert_true (adw_leaflet_get_visible_child (measures_leaflet) ==
                 WINDOW_CHILD (f, "measure_detail_pane"));

  /* And a click on an office opens its page. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-sidebar", NULL);
  select_sidebar_row (f, 7);
  while (adw_leaflet_get_child_transition_running (leaflet))
    g_main_context_iteration (NULL, TRUE);
  click (drawn_row (WINDOW_CHILD (f, "office_list"), 0));
  g_assert_true (adw_leaflet_get_visible_child (WINDOW_CHILD (f, "offices_leaflet")) ==
                 WINDOW_CHILD (f, "office_detail_pane"));
}

static guint
list_count (Fixture *f)
{
  return g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (
    WINDOW_CHILD (f, "measure_list"))));
}

static MeasuresMeasure *
list_item (Fixture *f,
           guint    position)
{
  return g_list_model_get_item (G_LIST_MODEL (gtk_list_view_get_model (
    WINDOW_CHILD (f, "measure_list"))), position);
}

static void
activate (Fixture    *f,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (GTK_WIDGET (f->window), action, parameter));
  iterate ();
}

/* What an official does in a day: edit a sheet, report progress, remove
 * a measure and take it back, search — and find it all after a restart. */
static void
test_manage_measures (Fixture       *f,
                      gconstpointer  data)
{
  MeasuresMeasureView *view = detail_page (f, "sheet");
  MeasuresMeasureEditor *editor = detail_page (f, "editor");
  GType view_type = MEASURES_TYPE_MEASURE_VIEW;
  g_autofree char *path = temp_path (&f->tmp, "strategy.db");
  g_autoptr(MeasuresMeasure) first = NULL;
  g_autoptr(GError) error = NULL;
  gint64 europatag_id, removed_id;

  /* Goal 2, the Europatag. */
  select_sidebar_row (f, 2);
  g_signal_emit_by_name (WINDOW_CHILD (f, "measure_list"), "activate", 4);
  iterate ();
  g_assert_cmpstr (label_text (view, view_type, "title_label"), ==,
                   "Karlsruhe feiert den Europatag am 9. Mai");
  europatag_id = measures_measure_get_id (measures_measure_view_get_measure (view));
  g_assert_cmpstr (label_text (view, view_type, "status_label"), ==, "Planned");
  g_assert_true (gtk_widget_get_visible (child (view, view_type, "derived_label")));

  /* Edit: a new title; an empty one is refused at the field. */
  activate (f, "win.edit-measure", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (WINDOW_CHILD (f, "detail_stack")), ==,
                   "editor");
  gtk_editable_set_text (child (editor, MEASURES_TYPE_MEASURE_EDITOR, "title_row"), "");
  iterate ();
  g_assert_false (measures_measure_editor_get_valid (editor));
  g_assert_true (gtk_widget_get_visible (child (editor, MEASURES_TYPE_MEASURE_EDITOR,
                                                "error_label")));
  g_assert_false (gtk_widget_is_sensitive (WINDOW_CHILD (f, "save_button")));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (WINDOW_CHILD (f, "detail_stack")), ==,
                   "editor");
  gtk_editable_set_text (child (editor, MEASURES_TYPE_MEASURE_EDITOR, "title_row"),
                         "Europatag am 9. Mai");
  iterate ();
  g_assert_true (measures_measure_editor_get_valid (editor));
  pause_for_screenshot ("editor");
  activate (f, "win.save", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (WINDOW_CHILD (f, "detail_stack")), ==,
                   "sheet");
  g_assert_cmpstr (label_text (view, view_type, "title_label"), ==, "Europatag am 9. Mai");
  g_assert_true (shows_label (GTK_WIDGET (WINDOW_CHILD (f, "measure_list")),
                              "Europatag am 9. Mai"));
  /* The keyboard is back on the edit button, not in the sheet's title. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == WINDOW_CHILD (f, "edit_button"));

  /* Report progress: completed, with a note. */
  activate (f, "win.add-log-entry",
            g_variant_new ("(uus)", MEASURES_STATUS_COMPLETED, 100, "Mit 3.000 Gästen gefeiert."));
  g_assert_cmpstr (label_text (view, view_type, "status_label"), ==, "Completed");
  g_assert_false (gtk_widget_get_visible (child (view, view_type, "derived_label")));
  g_assert_cmpuint (count_rows (child (view, view_type, "log_list")), ==, 1);
  g_assert_true (shows_label (GTK_WIDGET (view), "Mit 3.000 Gästen gefeiert."));
  /* Its row in the list, with the rows around it, shows the new status. */
  {
    GtkListView *list = WINDOW_CHILD (f, "measure_list");
    GtkWidget *row = NULL;

    for (guint i = 0; row == NULL; i++)
      if (g_strcmp0 (first_label (drawn_row (list, i)), "Europatag am 9. Mai") == 0)
        row = drawn_row (list, i);
    g_assert_true (shows_label (row, "Completed"));
    g_assert_false (shows_label (drawn_row (list, 0), "Completed"));
  }
  pause_for_screenshot ("log");

  /* Undo the report, redo it. */
  activate (f, "win.undo", NULL);
  g_assert_cmpstr (label_text (view, view_type, "status_label"), ==, "Planned");
  activate (f, "win.redo", NULL);
  g_assert_cmpstr (label_text (view, view_type, "status_label"), ==, "Completed");

  /* The history shows the title change. */
  /* The history's rows are made when it is opened. */
  g_assert_cmpuint (count_rows (child (view, view_type, "history_list")), ==, 0);
  gtk_expander_set_expanded (child (view, view_type, "history_expander"), TRUE);
  g_assert_cmpuint (count_rows (child (view, view_type, "history_list")), >=, 4);

  /* Remove the first measure of goal 2, then undo. */
  first = list_item (f, 0);
  removed_id = measures_measure_get_id (first);
  g_signal_emit_by_name (WINDOW_CHILD (f, "measure_list"), "activate", 0);
  iterate ();
  activate (f, "win.remove-measure", NULL);
  g_assert_cmpuint (list_count (f), ==, 15);
  activate (f, "win.undo", NULL);
  g_assert_cmpuint (list_count (f), ==, 16);

  /* Search within goal 2, then across all measures. */
  activate (f, "win.find", NULL);
  gtk_editable_set_text (WINDOW_CHILD (f, "search_entry"), "Straßburg");
  search_now (f);
  g_assert_cmpstr (adw_window_title_get_subtitle (WINDOW_CHILD (f, "measure_list_title")), ==,
                   "2 of 16 measures");
  select_sidebar_row (f, 6);
  gtk_editable_set_text (WINDOW_CHILD (f, "search_entry"), "Straßburg");
  search_now (f);
  g_assert_cmpuint (list_count (f), ==, 2);
  {
    g_autoptr(MeasuresMeasure) a = list_item (f, 0);
    g_autoptr(MeasuresMeasure) b = list_item (f, 1);
    g_assert_cmpstr (measures_measure_get_title (a), ==,
                     "Verstärkte Zusammenarbeit Karlsruhe – Straßburg");
    g_assert_cmpstr (measures_measure_get_title (b), ==,
                     "Europakompetenz für Auszubildende – Projekt „Destination Europe“");
  }
  g_assert_cmpstr (adw_window_title_get_subtitle (WINDOW_CHILD (f, "measure_list_title")), ==,
                   "2 of 50 measures");
  pause_for_screenshot ("search");

  gtk_editable_set_text (WINDOW_CHILD (f, "search_entry"), "Quantencomputer");
  search_now (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (WINDOW_CHILD (f, "list_stack")), ==, "empty");
  gtk_editable_set_text (WINDOW_CHILD (f, "search_entry"), "");
  search_now (f);

  /* SAM's high-priority measures: office and priority filters together. */
  {
    GtkDropDown *office = filter_child (f, "office_filter");
    GListModel *choices = gtk_drop_down_get_model (office);
    guint sam = GTK_INVALID_LIST_POSITION;

    for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
      {
        g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);
        if (g_str_equal (gtk_string_object_get_string (choice), "SAM"))
          sam = i;
      }
    g_assert_cmpuint (sam, !=, GTK_INVALID_LIST_POSITION);
    gtk_drop_down_set_selected (office, sam);
    gtk_drop_down_set_selected (filter_child (f, "priority_filter"), 1 + MEASURES_PRIORITY_HIGH);
    iterate ();
    /* SAM leads 8 high-priority measures and takes part in 9 more. */
    g_assert_cmpuint (list_count (f), ==, 17);
    for (guint i = 0; i < list_count (f); i++)
      {
        g_autoptr(MeasuresMeasure) measure = list_item (f, i);
        g_assert_cmpint (measures_measure_get_priority (measure), ==, MEASURES_PRIORITY_HIGH);
        g_assert_true (measures_measure_has_office (measure, "SAM", MEASURES_ROLE_LEAD) ||
                       measures_measure_has_office (measure, "SAM", MEASURES_ROLE_INVOLVED));
      }
    pause_for_screenshot ("filtered");
  }

  /* Close and open again: everything as it was left. */
  gtk_window_destroy (GTK_WINDOW (f->window));
  f->window = NULL;
  iterate ();
  g_clear_object (&f->app);
  {
    g_autoptr(MeasuresStore) store = measures_store_open (path, &error);
    g_autoptr(MeasuresMeasure) europatag = measures_store_get_measure (store, europatag_id, &error);
    g_autoptr(MeasuresMeasure) restored = measures_store_get_measure (store, removed_id, &error);
    g_autoptr(GListModel) log = measures_store_list_log (store, europatag_id, FALSE, &error);

    g_assert_no_error (error);
    g_assert_cmpstr (measures_measure_get_title (europatag), ==, "Europatag am 9. Mai");
    g_assert_cmpint (measures_measure_get_status (europatag), ==, MEASURES_STATUS_COMPLETED);
    g_assert_cmpuint (measures_measure_get_progress (europatag), ==, 100);
    g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
    g_assert_null (measures_measure_get_removed (restored));
  }
}

static void
test_print (Fixture       *f,
            gconstpointer  data)
{
  g_autofree char *pdf = temp_path (&f->tmp, "printed.pdf");
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", pdf, "-", NULL };

  /* The offices page prints the selected office's sheets. */
  open_office (f, "ZJD");

  g_assert_true (measures_window_print_to_file (f->window, pdf, &error));
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, NULL, &error));
  g_assert_nonnull (strstr (out, "Zentraler Juristischer Dienst"));
  g_assert_nonnull (strstr (out, "Aufbau Fachkompetenz Europarecht im ZJD"));
  g_assert_nonnull (strstr (out, "Page 2 of 2"));
}

static GtkWindow *
find_window (Fixture *f,
             GType    type)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (f->app)); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  return NULL;
}

/* Switches the language through the preference, as the combo row does, and
 * follows the main window that is made anew in it. */
static void
switch_language (Fixture    *f,
                 const char *language)
{
  GSettings *settings = measures_application_get_settings (f->app);

  g_settings_set_string (settings, "language", language);
  iterate ();
  f->window = MEASURES_WINDOW (find_window (f, MEASURES_TYPE_WINDOW));
  g_assert_nonnull (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  iterate ();
}

static void
assert_labels (Fixture    *f,
               const char *goal,
               const char *description,
               const char *all_measures,
               const char *preferences)
{
  MeasuresMeasureView *view = detail_page (f, "sheet");
  GtkWindow *dialog = find_window (f, MEASURES_TYPE_PREFERENCES_WINDOW);

  /* The list's header, the sheet, the sidebar and the open dialog. */
  g_assert_cmpstr (adw_window_title_get_title (WINDOW_CHILD (f, "measure_list_title")), ==, goal);
  g_assert_cmpstr (label_text (view, MEASURES_TYPE_MEASURE_VIEW, "description_heading"), ==,
                   description);
  g_assert_true (shows_label (GTK_WIDGET (WINDOW_CHILD (f, "sidebar")), all_measures));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, preferences);

  /* Still the same measure, shown as stored. */
  g_assert_cmpstr (label_text (view, MEASURES_TYPE_MEASURE_VIEW, "title_label"), ==,
                   "Europäische Kulturtage Karlsruhe");
}

static void
test_switch_language (Fixture       *f,
                      gconstpointer  data)
{
  MeasuresMeasureView *view;

  select_sidebar_row (f, 2);
  g_signal_emit_by_name (WINDOW_CHILD (f, "measure_list"), "activate", 3);
  activate (f, "win.find", NULL);
  gtk_editable_set_text (WINDOW_CHILD (f, "search_entry"), "kultur");
  search_now (f);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  iterate ();

  assert_labels (f, "Goal 2", "Short Description", "All Measures", "Preferences");
  view = detail_page (f, "sheet");
  g_assert_true (gtk_widget_get_visible (child (view, MEASURES_TYPE_MEASURE_VIEW, "content_note")));

  switch_language (f, "de");
  pause_for_screenshot ("german");
  assert_labels (f, "Ziel 2", "Kurzbeschreibung", "Alle Maßnahmen", "Einstellungen");
  view = detail_page (f, "sheet");
  /* German content in a German interface needs no note. */
  g_assert_false (gtk_widget_get_visible (child (view, MEASURES_TYPE_MEASURE_VIEW,
                                                 "content_note")));
  /* The search text and its result survive the switch. */
  g_assert_cmpstr (gtk_editable_get_text (WINDOW_CHILD (f, "search_entry")), ==, "kultur");
  g_assert_cmpstr (label_text (view, MEASURES_TYPE_MEASURE_VIEW, "priority_label"), ==, "Hoch");

  switch_language (f, "fr");
  pause_for_screenshot ("french");
  assert_labels (f, "Objectif 2", "Description succincte", "Toutes les mesures", "Préférences");
  view = detail_page (f, "sheet");
  g_assert_cmpstr (label_text (view, MEASURES_TYPE_MEASURE_VIEW, "priority_label"), ==, "Haute");

  switch_language (f, "");
  assert_labels (f, "Goal 2", "Short Description", "All Measures", "Preferences");
}

static void
test_switch_keeps_edit (Fixture       *f,
                        gconstpointer  data)
{
  MeasuresMeasureEditor *editor;

  select_sidebar_row (f, 1);
  g_signal_emit_by_name (WINDOW_CHILD (f, "measure_list"), "activate", 0);
  activate (f, "win.edit-measure", NULL);
  editor = detail_page (f, "editor");
  gtk_editable_set_text (child (editor, MEASURES_TYPE_MEASURE_EDITOR, "title_row"),
                         "Interkulturelle Elternmentor*innen (neu)");
  iterate ();

  switch_language (f, "de");

  /* The unsaved edit is still there, still unsaved, and can be saved. */
  editor = detail_page (f, "editor");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (WINDOW_CHILD (f, "detail_stack")), ==,
                   "editor");
  g_assert_cmpstr (gtk_editable_get_text (child (editor, MEASURES_TYPE_MEASURE_EDITOR,
                                                 "title_row")),
                   ==, "Interkulturelle Elternmentor*innen (neu)");
  g_assert_true (measures_measure_editor_get_modified (editor));
  activate (f, "win.save", NULL);
  g_assert_cmpstr (label_text (detail_page (f, "sheet"), MEASURES_TYPE_MEASURE_VIEW,
                               "title_label"),
                   ==, "Interkulturelle Elternmentor*innen (neu)");
}

/* Closing remembers the view and the measure; the next window opens there. */
static void
test_window_state (Fixture       *f,
                   gconstpointer  data)
{
  GSettings *settings = measures_application_get_settings (f->app);
  MeasuresMeasureView *view;

  select_sidebar_row (f, 3);
  g_signal_emit_by_name (WINDOW_CHILD (f, "measure_list"), "activate", 2);
  iterate ();
  gtk_window_set_default_size (GTK_WINDOW (f->window), 1000, 700);
  iterate ();

  gtk_window_close (GTK_WINDOW (f->window));
  iterate ();
  {
    g_autofree char *view = g_settings_get_string (settings, "last-view");
    g_assert_cmpstr (view, ==, "goal");
  }
  g_assert_cmpuint (g_settings_get_uint (settings, "last-goal"), ==, 3);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, 1000);

  g_application_activate (G_APPLICATION (f->app));
  f->window = MEASURES_WINDOW (find_window (f, MEASURES_TYPE_WINDOW));
  g_assert_nonnull (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  iterate ();

  view = detail_page (f, "sheet");
  g_assert_cmpstr (adw_window_title_get_title (WINDOW_CHILD (f, "measure_list_title")), ==,
                   "Goal 3");
  g_assert_cmpstr (label_text (view, MEASURES_TYPE_MEASURE_VIEW, "title_label"), ==,
                   "Neue Projekte für die Klimapartnerschaft mit Los Bancos, Ecuador");
}

/* At twice the text size the window still lays out and folds. */
static void
test_large_text (Fixture       *f,
                 gconstpointer  data)
{
  GtkSettings *settings = gtk_settings_get_default ();
  int dpi;

  g_object_get (settings, "gtk-xft-dpi", &dpi, NULL);
  g_object_set (settings, "gtk-xft-dpi", 2 * 96 * 1024, NULL);

  select_sidebar_row (f, 2);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  iterate ();

  /* The list and the sheet no longer fit side by side: they fold, and
   * opening a measure shows its sheet in full. */
  g_assert_true (adw_leaflet_get_folded (WINDOW_CHILD (f, "measures_leaflet")));
  g_signal_emit_by_name (WINDOW_CHILD (f, "measure_list"), "activate", 3);
  iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  pause_for_screenshot ("large-text");
  g_assert_true (adw_leaflet_get_visible_child (WINDOW_CHILD (f, "measures_leaflet")) ==
                 WINDOW_CHILD (f, "measure_detail_pane"));
  g_assert_true (shows_label (WINDOW_CHILD (f, "measure_detail_pane"),
                              "Europäische Kulturtage Karlsruhe"));

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
}

/* Iterates until @done says so, for what a thread brings. */
static void
wait_until (gboolean (*done) (gpointer),
            gpointer   data)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!done (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (1000);
    }
  iterate ();
}

static gboolean
list_shown (gpointer window)
{
  return g_str_equal (gtk_stack_get_visible_child_name (
    child (window, MEASURES_TYPE_RESTORE_WINDOW, "stack")), "list");
}

static AdwMessageDialog *
find_message_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return ADW_MESSAGE_DIALOG (window);
    }

  return NULL;
}

/* The button a widget tree shows with @label, e.g. a toast's. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (widget)), label) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, label);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static const char *
stored_title (Fixture *f,
              gint64   id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresMeasure) measure =
    measures_store_get_measure (measures_application_get_store (f->app), id, &error);
  static char title[256];

  g_assert_no_error (error);
  g_strlcpy (title, measures_measure_get_title (measure), sizeof title);
  return title;
}

/* A title changed after the backup: restoring asks first, brings the old
 * title back and says so; Undo brings the changed title back. */
static void
test_restore_backup (Fixture       *f,
                     gconstpointer  data)
{
  MeasuresStore *store = measures_application_get_store (f->app);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) measures = measures_store_list_measures (store, &error);
  g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, 0);
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autofree char *backup = NULL;
  g_autofree char *original = g_strdup (measures_measure_get_title (measure));
  MeasuresRestoreWindow *window;
  AdwMessageDialog *dialog;
  GtkListBoxRow *row;
  GtkWidget *undo;
  gint64 id = measures_measure_get_id (measure);

  backup = measures_backup_make (store, "daily", 7, &error);
  g_assert_no_error (error);
  edited = measures_measure_copy_with (measure, "title", "Geänderter Titel", NULL);
  g_assert_true (measures_store_update_measure (store, edited, current_revision (store, measures_measure_get_id (edited)), "Test", NULL, &error));
  g_assert_no_error (error);

  /* The menu's "Restore from Backup…": the list, newest first, in words. */
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "restore-backup", NULL);
  window = MEASURES_RESTORE_WINDOW (find_window (f, MEASURES_TYPE_RESTORE_WINDOW));
  g_assert_nonnull (window);
  wait_until (list_shown, window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  row = gtk_list_box_get_row_at_index (child (window, MEASURES_TYPE_RESTORE_WINDOW,
                                              "backup_list"), 0);
  g_assert_nonnull (row);
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                   " — daily backup"));
  g_assert_cmpstr (adw_action_row_get_subtitle (ADW_ACTION_ROW (row)), ==,
                   "50 measures, 0 log entries");
  pause_for_screenshot ("backup-list");

  /* Choosing it asks first; nothing has changed yet. */
  g_signal_emit_by_name (child (window, MEASURES_TYPE_RESTORE_WINDOW, "backup_list"),
                         "row-activated", row);
  iterate ();
  dialog = find_message_dialog ();
  g_assert_nonnull (dialog);
  g_assert_cmpstr (adw_message_dialog_get_heading (dialog), ==, "Restore This Backup?");
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog), "kept as a backup"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  pause_for_screenshot ("restore-confirmation");
  g_assert_cmpstr (stored_title (f, id), ==, "Geänderter Titel");

  /* As a click does: the answer, then the dialog closes. */
  g_signal_emit_by_name (find_button (GTK_WIDGET (dialog), "_Restore"), "clicked");
  iterate ();

  /* A new main window on the restored strategy; the list says so. */
  f->window = MEASURES_WINDOW (find_window (f, MEASURES_TYPE_WINDOW));
  g_assert_nonnull (f->window);
  g_assert_true (find_window (f, MEASURES_TYPE_RESTORE_WINDOW) == GTK_WINDOW (window));
  g_assert_cmpstr (stored_title (f, id), ==, original);
  wait_until (list_shown, window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate ();
  g_assert_true (shows_label (GTK_WIDGET (window), "Backup restored"));
  undo = find_button (GTK_WIDGET (window), "_Undo");
  g_assert_nonnull (undo);
  g_assert_true (gtk_widget_get_mapped (undo));
  /* The state before is the newest backup now. */
  row = gtk_list_box_get_row_at_index (child (window, MEASURES_TYPE_RESTORE_WINDOW,
                                              "backup_list"), 0);
  g_assert_true (g_str_has_suffix (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (row)),
                                   " — before a restore"));
  pause_for_screenshot ("restored-toast");

  /* Undo, without asking again. */
  g_signal_emit_by_name (undo, "clicked");
  iterate ();
  f->window = MEASURES_WINDOW (find_window (f, MEASURES_TYPE_WINDOW));
  g_assert_nonnull (f->window);
  g_assert_cmpstr (stored_title (f, id), ==, "Geänderter Titel");
  g_assert_null (find_message_dialog ());
  wait_until (list_shown, window);
  g_assert_true (shows_label (GTK_WIDGET (window), "Restore undone"));
  pause_for_screenshot ("restore-undone");
}

static void
test_open_error_dialog (void)
{
  g_autoptr(MeasuresApplication) app = new_application ();
  g_autoptr(GError) error = NULL;
  TempDir tmp;
  g_autofree char *path = NULL;
  g_autofree char *contents = NULL;
  GList *windows;

  temp_dir_setup (&tmp, NULL);
  path = temp_path (&tmp, "protokoll.txt");
  g_assert_true (g_file_set_contents (path, "Protokoll der Sitzung\n", -1, NULL));

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  measures_application_set_database (app, path);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_test_expect_message ("measures-application", G_LOG_LEVEL_WARNING, "*protokoll.txt*");
  g_application_activate (G_APPLICATION (app));
  g_test_assert_expected_messages ();
  iterate ();

  /* A dialog that names the file, and no main window. */
  windows = gtk_application_get_windows (GTK_APPLICATION (app));
  g_assert_cmpuint (g_list_length (windows), ==, 1);
  g_assert_true (ADW_IS_MESSAGE_DIALOG (windows->data));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (windows->data), path));
  pause_for_screenshot ("open-error");

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, "Protokoll der Sitzung\n");

  gtk_window_destroy (windows->data);
  iterate ();
  temp_dir_teardown (&tmp, NULL);
}

int
main (int   argc,
      char *argv[])
{
  measures_application_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

#define ADD(name, func) \
  g_test_add ("/window/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

  ADD ("starts-on-vision", test_starts_on_vision);
  ADD ("goal-and-measure", test_goal_and_measure);
  ADD ("offices", test_offices);
  ADD ("large-office", test_large_office);
  ADD ("popover-keeps-selection", test_popover_keeps_selection);
  ADD ("pointer-selects-on-click", test_pointer_selects_on_click);
  ADD ("filter-starts-at-top", test_filter_starts_at_top);
  ADD ("narrow-window-folds", test_narrow_window_folds);
  ADD ("manage-measures", test_manage_measures);
  ADD ("print", test_print);
  ADD ("switch-language", test_switch_language);
  ADD ("switch-keeps-edit", test_switch_keeps_edit);
  ADD ("window-state", test_window_state);
  ADD ("large-text", test_large_text);
  ADD ("restore-backup", test_restore_backup);
  g_test_add_func ("/window/open-error-dialog", test_open_error_dialog);

#undef ADD

  return g_test_run ();
}
