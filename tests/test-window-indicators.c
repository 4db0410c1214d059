/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "measures-date-button.h"
#include "measures-format.h"
#include "measures-indicator-editor.h"
#include "measures-indicator-view.h"
#include "measures-indicators-page.h"
#include "window-test-util.h"

/* Indicators in the real window, as an official uses them: the empty
 * state, a new indicator typed in German number format, values recorded
 * and taken back, the indicator removed and restored, and its history. */

#define INDICATORS_VIEW 9       /* the sidebar row after "Offices" */

#define PAGE_CHILD(f, name) \
  child (WINDOW_CHILD (f, "indicators_page"), MEASURES_TYPE_INDICATORS_PAGE, name)
#define VIEW_CHILD(f, name) \
  child (PAGE_CHILD (f, "indicator_view"), MEASURES_TYPE_INDICATOR_VIEW, name)
#define EDITOR_CHILD(editor, name) child (editor, MEASURES_TYPE_INDICATOR_EDITOR, name)

static void
activate (GtkWidget  *widget,
          const char *action,
          GVariant   *parameter)
{
  g_assert_true (gtk_widget_activate_action_variant (widget, action, parameter));
  iterate ();
}

/* The editor is a dialog of the window, not a window of the application. */
static MeasuresIndicatorEditor *
find_editor (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (MEASURES_IS_INDICATOR_EDITOR (window) &&
          gtk_widget_get_visible (GTK_WIDGET (window)))
        return MEASURES_INDICATOR_EDITOR (window);
    }

  return NULL;
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

/* Any label under @widget that contains @text, shown or not. */
/* Whether @text holds @part, a no-break space (between a number and its
 * unit, as the translations write it) taken for a space. */
static gboolean
text_contains (const char *text,
               const char *part)
{
  g_autoptr(GString) plain = g_string_new (text);

  g_string_replace (plain, "\u00a0", " ", 0);
  g_string_replace (plain, "\u202f", " ", 0);
  return strstr (plain->str, part) != NULL;
}

static gboolean
has_label_containing (GtkWidget  *widget,
                      const char *text)
{
  if (GTK_IS_LABEL (widget) && text_contains (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (has_label_containing (c, text))
      return TRUE;

  return FALSE;
}

static void
type (gpointer    editable,
      const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (editable), text);
  iterate ();
}

static gboolean
can_save (MeasuresIndicatorEditor *editor)
{
  iterate ();
  return gtk_widget_get_sensitive (EDITOR_CHILD (editor, "save_button"));
}

/* Scrolls to the end of what @widget shows, for the screenshot. */
static void
show_bottom (GtkWidget *widget)
{
  g_autoptr(GPtrArray) scrollers = g_ptr_array_new ();
  GtkAdjustment *adjustment;

  collect (widget, GTK_TYPE_SCROLLED_WINDOW, scrollers);
  /* The one on screen: a status page out of view has one too. */
  for (guint i = 0; i < scrollers->len; i++)
    if (!gtk_widget_get_mapped (scrollers->pdata[i]))
      g_ptr_array_remove_index (scrollers, i--);
  g_assert_cmpuint (scrollers->len, >, 0);
  adjustment = gtk_scrolled_window_get_vadjustment (scrollers->pdata[0]);
  /* The rows just made are measured over the next frames. */
  for (guint i = 0; i < 3; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
      iterate ();
      gtk_adjustment_set_value (adjustment, gtk_adjustment_get_upper (adjustment));
    }
  iterate ();
}

/* Switches the interface language through the preference, as the combo row
 * does, and follows the main window that is made anew in it. */
static void
switch_language (Fixture    *f,
                 const char *language)
{
  g_settings_set_string (measures_application_get_settings (f->app), "language", language);
  iterate ();
  f->window = MEASURES_WINDOW (find_window (f, MEASURES_TYPE_WINDOW));
  g_assert_nonnull (f->window);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  iterate ();
}

static void
set_narrow_and_dark (Fixture  *f,
                     gboolean  narrow_and_dark)
{
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      narrow_and_dark ? ADW_COLOR_SCHEME_FORCE_DARK
                                                      : ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_set_default_size (GTK_WINDOW (f->window), narrow_and_dark ? 360 : 1200, 800);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  iterate ();
  /* Folded, the window shows the sidebar until a view is opened. */
  select_sidebar_row (f, INDICATORS_VIEW);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  iterate ();
}

/* The embedded strategy has no indicators: the page invites to add one. */
static void
test_empty_state (Fixture       *f,
                  gconstpointer  data)
{
  GtkStack *stack;

  select_sidebar_row (f, INDICATORS_VIEW);
  g_assert_true (gtk_stack_get_visible_child (WINDOW_CHILD (f, "content_stack")) ==
                 GTK_WIDGET (WINDOW_CHILD (f, "indicators_page")));
  stack = PAGE_CHILD (f, "page_stack");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (stack), ==, "empty");
  g_assert_true (shows_label (GTK_WIDGET (stack), "No Indicators Yet"));
  g_assert_true (gtk_widget_get_sensitive (PAGE_CHILD (f, "empty_add_button")));
  pause_for_screenshot ("indicators-empty");

  set_narrow_and_dark (f, TRUE);
  g_assert_true (shows_label (GTK_WIDGET (stack), "No Indicators Yet"));
  pause_for_screenshot ("indicators-empty-narrow-dark");
  set_narrow_and_dark (f, FALSE);

  /* The button opens the editor; Escape cancels it. */
  g_signal_emit_by_name (PAGE_CHILD (f, "empty_add_button"), "clicked");
  iterate ();
  g_assert_nonnull (find_editor ());
  press_closing_keys (GTK_WINDOW (find_editor ()), 0, GDK_KEY_Escape);
  g_assert_null (find_editor ());
}

static void
test_indicators (Fixture       *f,
                 gconstpointer  data)
{
  MeasuresIndicatorEditor *editor;
  g_autoptr(GPtrArray) entries = g_ptr_array_new ();
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = NULL;
  g_autofree char *latest = NULL;
  g_autofree char *first = NULL;
  GtkWidget *page;
  GtkListBox *list;
  GtkWidget *row;
  MeasuresIndicator *shown;

  /* A German interface: numbers as Germans write them. */
  switch_language (f, "de");
  today = measures_format_date (now);
  select_sidebar_row (f, INDICATORS_VIEW);
  page = GTK_WIDGET (WINDOW_CHILD (f, "indicators_page"));

  activate (page, "indicators.new", NULL);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_false (can_save (editor));

  /* At its narrowest, the goal it belongs to is named whole, not cut. */
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 700);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  iterate ();
  {
    GtkLabel *goal = find_label (EDITOR_CHILD (editor, "goal_row"),
                                 "Ziel 1: Internationale Stadtgesellschaft und "
                                 "Willkommenskultur");

    g_assert_nonnull (goal);
    g_assert_true (shows_whole (goal));
  }

  type (EDITOR_CHILD (editor, "name_row"), "Radwegenetz");
  type (EDITOR_CHILD (editor, "unit_row"), "km");
  type (EDITOR_CHILD (editor, "description_row"), "Länge der Radwege in der Stadt");

  /* Not a number: said beside the field, and Save stays off. */
  type (EDITOR_CHILD (editor, "baseline_value_row"), "1.234,5 km");
  g_assert_true (gtk_widget_get_visible (EDITOR_CHILD (editor, "baseline_message")));
  g_assert_true (gtk_widget_has_css_class (EDITOR_CHILD (editor, "baseline_value_row"), "error"));
  g_assert_false (can_save (editor));
  pause_for_screenshot ("editor-invalid");

  type (EDITOR_CHILD (editor, "baseline_value_row"), "1.234,5");
  g_assert_false (gtk_widget_get_visible (EDITOR_CHILD (editor, "baseline_message")));
  g_assert_true (can_save (editor));
  measures_date_button_set_date (EDITOR_CHILD (editor, "baseline_date"), "2024-01-01");

  /* Two targets, typed in German too. */
  g_signal_emit_by_name (EDITOR_CHILD (editor, "add_target_button"), "clicked");
  g_signal_emit_by_name (EDITOR_CHILD (editor, "add_target_button"), "clicked");
  iterate ();
  collect (EDITOR_CHILD (editor, "targets_group"), GTK_TYPE_ENTRY, entries);
  g_assert_cmpuint (entries->len, ==, 2);
  g_assert_false (can_save (editor));           /* targets without values */
  type (entries->pdata[0], "1.500");
  type (entries->pdata[1], "zwei");
  g_assert_true (gtk_widget_get_visible (EDITOR_CHILD (editor, "targets_message")));
  g_assert_false (can_save (editor));
  type (entries->pdata[1], "2.000,75");
  g_assert_true (can_save (editor));
  show_bottom (GTK_WIDGET (editor));
  pause_for_screenshot ("editor");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_FORCE_DARK);
  gtk_window_set_default_size (GTK_WINDOW (editor), 360, 700);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (editor));
  show_bottom (GTK_WIDGET (editor));
  pause_for_screenshot ("editor-narrow-dark");
  adw_style_manager_set_color_scheme (adw_style_manager_get_default (),
                                      ADW_COLOR_SCHEME_DEFAULT);

  /* Ctrl+S saves and closes. */
  press_closing_keys (GTK_WINDOW (editor), GDK_CONTROL_MASK, GDK_KEY_s);
  iterate ();
  g_assert_null (find_editor ());

  g_assert_cmpstr (gtk_stack_get_visible_child_name (PAGE_CHILD (f, "page_stack")), ==,
                   "indicators");
  shown = measures_indicator_view_get_indicator (PAGE_CHILD (f, "indicator_view"));
  g_assert_nonnull (shown);
  g_assert_cmpstr (measures_indicator_get_name (shown), ==, "Radwegenetz");
  g_assert_cmpfloat (measures_indicator_get_baseline_value (shown), ==, 1234.5);
  g_assert_cmpuint (measures_indicator_get_n_targets (shown), ==, 2);
  g_assert_cmpfloat (measures_indicator_get_target (shown, 0)->value, ==, 1500);
  g_assert_cmpfloat (measures_indicator_get_target (shown, 1)->value, ==, 2000.75);
  g_assert_true (text_contains (adw_action_row_get_subtitle (VIEW_CHILD (f, "baseline_row")),
                                "1.234,5 km"));
  g_assert_true (text_contains (adw_action_row_get_subtitle (VIEW_CHILD (f, "targets_row")),
                                "2.000,75 km"));

  /* Two values recorded, as an office records them: parsed in German,
   * shown back formatted. */
  type (VIEW_CHILD (f, "record_value"), "1.300");
  g_assert_true (gtk_widget_get_sensitive (VIEW_CHILD (f, "record_add_button")));
  g_assert_true (has_label_containing (VIEW_CHILD (f, "record_value_message"), "1.300 km"));
  g_signal_emit_by_name (VIEW_CHILD (f, "record_add_button"), "clicked");
  iterate ();
  type (VIEW_CHILD (f, "record_value"), "1.400,25");
  type (VIEW_CHILD (f, "record_note"), "Zählung des Tiefbauamts");
  g_signal_emit_by_name (VIEW_CHILD (f, "record_add_button"), "clicked");
  iterate ();
  g_assert_cmpstr (gtk_editable_get_text (VIEW_CHILD (f, "record_value")), ==, "");

  /* The list shows the latest value, formatted, with its date. */
  list = PAGE_CHILD (f, "indicator_list");
  g_assert_cmpuint (count_rows (list), ==, 1);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  latest = g_strdup_printf ("1.400,25 km · %s", today);
  g_assert_true (has_label_containing (row, latest));
  g_assert_true (has_label_containing (VIEW_CHILD (f, "values_group"), "Zählung des Tiefbauamts"));
  pause_for_screenshot ("detail-with-values");

  set_narrow_and_dark (f, TRUE);
  g_signal_emit_by_name (list, "row-activated", row);
  iterate ();
  pause_for_screenshot ("detail-narrow-dark");
  set_narrow_and_dark (f, FALSE);

  /* Undo takes the last value back. */
  activate (GTK_WIDGET (f->window), "win.undo", NULL);
  row = GTK_WIDGET (gtk_list_box_get_row_at_index (list, 0));
  first = g_strdup_printf ("1.300 km · %s", today);
  g_assert_true (has_label_containing (row, first));
  g_assert_false (has_label_containing (VIEW_CHILD (f, "values_group"), "1.400,25"));

  /* Removed, and back with Undo. */
  activate (page, "indicators.remove", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (PAGE_CHILD (f, "page_stack")), ==, "empty");
  activate (GTK_WIDGET (f->window), "win.undo", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (PAGE_CHILD (f, "page_stack")), ==,
                   "indicators");
  g_assert_cmpuint (count_rows (list), ==, 1);

  /* The history lists each change, field by field. */
  g_assert_true (gtk_widget_get_visible (VIEW_CHILD (f, "history_expander")));
  gtk_expander_set_expanded (VIEW_CHILD (f, "history_expander"), TRUE);
  iterate ();
  g_assert_cmpuint (count_rows (VIEW_CHILD (f, "history_list")), >=, 6);
  g_assert_true (has_label_containing (VIEW_CHILD (f, "history_list"), "Erfasst: 1.300 km"));
  g_assert_true (has_label_containing (VIEW_CHILD (f, "history_list"), "Entfernt: 1.400,25 km"));

  /* Editing: the editor opens on the indicator, numbers in German. */
  activate (page, "indicators.edit", NULL);
  editor = find_editor ();
  g_assert_nonnull (editor);
  g_assert_cmpstr (gtk_editable_get_text (EDITOR_CHILD (editor, "baseline_value_row")), ==,
                   "1.234,5");
  type (EDITOR_CHILD (editor, "baseline_value_row"), "1.200");
  measures_indicator_editor_save (editor);
  iterate ();
  g_assert_null (find_editor ());
  gtk_expander_set_expanded (VIEW_CHILD (f, "history_expander"), TRUE);
  iterate ();
  g_assert_true (has_label_containing (VIEW_CHILD (f, "history_list"), "1.234,5 km → 1.200 km"));
  show_bottom (GTK_WIDGET (PAGE_CHILD (f, "indicator_view")));
  pause_for_screenshot ("history");

  switch_language (f, "");
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  ADD ("indicators/empty", test_empty_state);
  ADD ("indicators/manage", test_indicators);

  return g_test_run ();
}
