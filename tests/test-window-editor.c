/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "measures-measure-editor.h"
#include "measures-measure-view.h"
#include "window-test-util.h"

/* A measure's sheet and its editor as an official meets them in a day's
 * work: the history says what became of each objective, the office line
 * names the offices and leads to them, and the editor fits a phone-wide
 * window with whole goal names and objectives that wrap. */

#define VIEW_CHILD(view, name) child (view, MEASURES_TYPE_MEASURE_VIEW, name)
#define EDITOR_CHILD(editor, name) child (editor, MEASURES_TYPE_MEASURE_EDITOR, name)

static void
open_measure (Fixture *f,
              int      sidebar_row,
              guint    position)
{
  select_sidebar_row (f, sidebar_row);
  g_signal_emit_by_name (MEASURES_CHILD (f, "measure_list"), "activate", position);
  iterate ();
}

static void
activate (Fixture    *f,
          const char *action)
{
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  iterate ();
}

/* The window's width as the user sees it. (Without a compositor, as under
 * Xvfb, the window's surface adds a border of its own around it.) */
static int
window_width (Fixture *f)
{
  return gtk_widget_get_width (GTK_WIDGET (f->window));
}

/* Lets the window take the size its content asks for. */
static void
settle (Fixture *f)
{
  for (guint i = 0; i < 10; i++)
    {
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      iterate ();
    }
}

/* The first widget of @type under @widget, depth first. */
static GtkWidget *
find_descendant (GtkWidget *widget,
                 GType      type)
{
  if (G_TYPE_CHECK_INSTANCE_TYPE (widget, type))
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_descendant (c, type);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* A button under @widget whose tooltip is @name. */
static GtkWidget *
find_button (GtkWidget  *widget,
             const char *name)
{
  if (GTK_IS_BUTTON (widget) && g_strcmp0 (gtk_widget_get_tooltip_text (widget), name) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_button (c, name);

      if (found != NULL)
        return found;
    }

  return NULL;
}

static GtkListBoxRow *
objective_row (MeasuresMeasureEditor *editor,
               int                    index)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (EDITOR_CHILD (editor, "objectives_list"),
                                                      index);

  g_assert_nonnull (row);
  return row;
}

static GtkTextView *
objective_view (MeasuresMeasureEditor *editor,
                int                    index)
{
  GtkWidget *view = find_descendant (GTK_WIDGET (objective_row (editor, index)),
                                     GTK_TYPE_TEXT_VIEW);

  g_assert_nonnull (view);
  return GTK_TEXT_VIEW (view);
}

static void
click_objective_button (MeasuresMeasureEditor *editor,
                        int                    index,
                        const char            *name)
{
  GtkWidget *button = find_button (GTK_WIDGET (objective_row (editor, index)), name);

  g_assert_nonnull (button);
  g_signal_emit_by_name (button, "clicked");
  iterate ();
}

/* The history's row of the latest change of a field; the newest come
 * first. */
static AdwActionRow *
history_row (MeasuresMeasureView *view,
             const char          *field_label)
{
  GtkListBox *list = VIEW_CHILD (view, "history_list");
  AdwActionRow *found = NULL;

  gtk_expander_set_expanded (VIEW_CHILD (view, "history_expander"), TRUE);
  iterate ();
  for (guint i = 0; found == NULL && i < count_rows (list); i++)
    {
      AdwPreferencesRow *row = ADW_PREFERENCES_ROW (gtk_list_box_get_row_at_index (list, i));

      if (g_str_has_suffix (adw_preferences_row_get_title (row), field_label))
        found = ADW_ACTION_ROW (row);
    }

  g_assert_nonnull (found);
  return found;
}

/* The Europatag's three objectives: the last moved to the top, the
 * second removed, one added. The history tells each, every objective
 * whole. */
static void
test_objectives_history (Fixture       *f,
                         gconstpointer  data)
{
  MeasuresMeasureView *view = detail_page (f, "sheet");
  MeasuresMeasureEditor *editor;
  const char *added = "Jedes Jahr beteiligen sich mindestens zehn Vereine, Schulen und "
                      "Initiativen aus der Stadtgesellschaft mit eigenen Beiträgen am Europatag.";
  g_auto(GStrv) lines = NULL;
  AdwActionRow *row;

  open_measure (f, 3, 4);
  activate (f, "win.edit-measure");
  editor = detail_page (f, "editor");
  g_assert_cmpuint (count_rows (EDITOR_CHILD (editor, "objectives_list")), ==, 3);

  click_objective_button (editor, 2, "Move Up");
  click_objective_button (editor, 1, "Move Up");
  click_objective_button (editor, 2, "Remove Objective");
  g_signal_emit_by_name (EDITOR_CHILD (editor, "add_objective_button"), "clicked");
  iterate ();
  g_assert_cmpuint (count_rows (EDITOR_CHILD (editor, "objectives_list")), ==, 3);
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (objective_view (editor, 2)), added, -1);
  iterate ();
  activate (f, "win.save");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (MEASURES_CHILD (f, "detail_stack")), ==,
                   "sheet");

  row = history_row (view, "Objectives");
  lines = g_strsplit (adw_action_row_get_subtitle (row), "\n", -1);
  g_assert_cmpuint (g_strv_length (lines), ==, 3);
  g_assert_cmpstr (lines[0], ==,
                   "Removed: “Die Vernetzung von Europa-Akteurinnen und -Akteuren wird gestärkt "
                   "und ausgebaut.”");
  g_assert_cmpstr (lines[1], ==,
                   "Moved from 3 to 1: “Europa und die europäischen Grundwerte Demokratie, "
                   "Rechtsstaatlichkeit und Vielfalt werden positiv verankert.”");
  {
    g_autofree char *line = g_strdup_printf ("Added: “%s”", added);

    g_assert_cmpstr (lines[2], ==, line);
  }
  g_assert_null (strstr (adw_action_row_get_subtitle (row), "…"));
  gtk_widget_grab_focus (GTK_WIDGET (row));
  pause_for_screenshot ("objectives-history");

  /* One word of an objective edited in place. */
  activate (f, "win.edit-measure");
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (objective_view (editor, 1)),
                            "Europäische Themen und Aktivitäten werden in und gemeinsam mit der "
                            "Stadtgesellschaft erlebbar gemacht.", -1);
  iterate ();
  activate (f, "win.save");
  row = history_row (view, "Objectives");
  g_assert_cmpstr (adw_action_row_get_subtitle (row), ==,
                   "Changed: “Europäische Themen und Aktivitäten werden in und gemeinsam mit der "
                   "Stadtgesellschaft sichtbar gemacht.” → “Europäische Themen und Aktivitäten "
                   "werden in und gemeinsam mit der Stadtgesellschaft erlebbar gemacht.”");
}

/* A long description is cut in its history row, and shown whole on
 * request. */
static void
test_long_change_whole (Fixture       *f,
                        gconstpointer  data)
{
  MeasuresMeasureView *view = detail_page (f, "sheet");
  MeasuresMeasureEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  AdwActionRow *row;
  GtkWidget *button;
  const char *added = " Ab 2024 mit einem Bürgerfest auf dem Marktplatz.";

  open_measure (f, 3, 4);
  activate (f, "win.edit-measure");
  editor = detail_page (f, "editor");
  buffer = gtk_text_view_get_buffer (EDITOR_CHILD (editor, "description_view"));
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_insert (buffer, &end, added, -1);
  iterate ();
  activate (f, "win.save");

  row = history_row (view, "Short description");
  g_assert_null (strstr (adw_action_row_get_subtitle (row), "Marktplatz"));
  button = find_button (GTK_WIDGET (row), "Show Whole Text");
  g_assert_nonnull (button);
  gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (button), TRUE);
  iterate ();
  g_assert_nonnull (strstr (adw_action_row_get_subtitle (row), added + 1));
  g_assert_cmpstr (gtk_widget_get_tooltip_text (button), ==, "Shorten Text");
}

/* The office line spells each office out, and its links lead to the
 * office on the Offices page, by keyboard as by pointer. */
static void
test_office_links (Fixture       *f,
                   gconstpointer  data)
{
  MeasuresMeasureView *view = detail_page (f, "sheet");
  GtkLabel *label;
  gboolean handled = FALSE;

  /* The Europäische Kulturtage: led by KA, with KTG, KME, SAM and Stk. */
  open_measure (f, 3, 3);
  label = VIEW_CHILD (view, "offices_label");
  g_assert_nonnull (strstr (gtk_label_get_text (label), "lead: Kulturamt (KA);"));
  g_assert_nonnull (strstr (gtk_label_get_text (label),
                            "Stabsstelle Außenbeziehungen und Strategisches Marketing (SAM)"));
  /* An organisation without an abbreviation is named once. */
  g_assert_nonnull (strstr (gtk_label_get_text (label), ", Stk"));
  g_assert_null (strstr (gtk_label_get_text (label), "Stk (Stk)"));

  /* Tab to the first link, Enter. */
  g_assert_true (gtk_widget_child_focus (GTK_WIDGET (label), GTK_DIR_TAB_FORWARD));
  iterate ();
  pause_for_screenshot ("office-links");
  g_signal_emit_by_name (label, "activate-current-link");
  iterate ();
  g_assert_true (gtk_stack_get_visible_child (WINDOW_CHILD (f, "content_stack")) ==
                 WINDOW_CHILD (f, "offices_page"));
  g_assert_cmpstr (measures_offices_page_get_office (WINDOW_CHILD (f, "offices_page")), ==, "KA");
  g_assert_true (shows_label (GTK_WIDGET (OFFICES_CHILD (f, "office_view")), "Kulturamt"));

  /* An office the offices' search hides is shown all the same. */
  gtk_editable_set_text (OFFICES_CHILD (f, "office_search"), "Kultur");
  iterate ();
  open_measure (f, 3, 3);
  g_signal_emit_by_name (label, "activate-link", "office:SAM", &handled);
  iterate ();
  g_assert_true (handled);
  g_assert_cmpstr (measures_offices_page_get_office (WINDOW_CHILD (f, "offices_page")), ==,
                   "SAM");
}

/* The editor in a window 360 pixels wide, in German: the window stays that
 * wide, the header's title is whole, the goals are whole in the drop-down,
 * objectives wrap. */
static void
test_editor_narrow (Fixture       *f,
                    gconstpointer  data)
{
  GSettings *settings = measures_application_get_settings (f->app);
  MeasuresMeasureEditor *editor;
  AdwComboRow *goal_row;
  GtkWidget *popover;
  GtkLabel *title;
  GtkTextView *objective;
  g_autofree char *layout = NULL;
  int minimum, natural, width;

  /* GNOME's title buttons: a close button alone. */
  g_object_get (gtk_settings_get_default (), "gtk-decoration-layout", &layout, NULL);
  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", "appmenu:close", NULL);
  g_settings_set_string (settings, "language", "de");
  iterate ();
  f->window = MEASURES_WINDOW (find_window (f, MEASURES_TYPE_WINDOW));
  g_assert_nonnull (f->window);
  gtk_window_set_default_size (GTK_WINDOW (f->window), 360, 800);
  settle (f);
  /* What a window 360 pixels wide holds, inside the frame it draws. */
  width = window_width (f);
  g_assert_cmpint (width, <=, 360);
  open_measure (f, 3, 4);
  settle (f);
  /* The sheet fits. */
  g_assert_cmpint (window_width (f), ==, width);

  activate (f, "win.edit-measure");
  settle (f);
  editor = detail_page (f, "editor");
  pause_for_screenshot ("editor-narrow");

  /* Every objective's field shows its text as soon as the editor opens,
   * before anything is clicked or focused. */
  for (int i = 0; gtk_list_box_get_row_at_index (EDITOR_CHILD (editor, "objectives_list"), i);
       i++)
    {
      GtkTextView *view = objective_view (editor, i);
      GtkTextIter start;
      GdkRectangle line;

      gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (view), &start);
      gtk_text_view_get_iter_location (view, &start, &line);
      g_assert_cmpint (line.height, >, 0);
      g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (view)), >=, line.height);
    }

  gtk_widget_measure (GTK_WIDGET (editor), GTK_ORIENTATION_HORIZONTAL, -1, &minimum, &natural,
                      NULL, NULL);
  g_assert_cmpint (minimum, <=, 360);
  g_assert_cmpint (window_width (f), ==, width);

  /* What is being done is said whole: where the header bar has no room,
   * above the form; a title in the header bar is not cut either. */
  title = find_label (MEASURES_CHILD (f, "measure_detail_pane"), "Maßnahme bearbeiten");
  g_assert_nonnull (title);
  g_assert_true (shows_whole (title));
  title = find_label (MEASURES_CHILD (f, "detail_title"), "Maßnahme bearbeiten");
  g_assert_true (title == NULL || !gtk_widget_get_mapped (GTK_WIDGET (title)) ||
                 shows_whole (title));

  /* The goal chosen, whole, in the row. */
  goal_row = EDITOR_CHILD (editor, "goal_row");
  title = find_label (GTK_WIDGET (goal_row),
                      "Ziel 2: Zusammenarbeit in Europa und Europakompetenz");
  g_assert_nonnull (title);
  g_assert_true (shows_whole (title));

  /* Each goal whole in the list it offers. */
  g_signal_emit_by_name (goal_row, "activate");
  popover = find_descendant (GTK_WIDGET (goal_row), GTK_TYPE_POPOVER);
  g_assert_nonnull (popover);
  /* The popover's rows are made and laid out over a few frames. */
  for (guint i = 0; i < 50; i++)
    {
      title = find_label (popover, "Ziel 3: Globale Verantwortung, Nachhaltigkeit und "
                                   "außereuropäische Kooperationen");
      if (title != NULL && gtk_widget_get_width (GTK_WIDGET (title)) > 0 &&
          gtk_widget_get_mapped (GTK_WIDGET (title)))
        break;
      g_usleep (20000);
      iterate ();
    }
  pause_for_screenshot ("editor-narrow-goals");
  g_assert_nonnull (title);
  g_assert_true (shows_whole (title));
  gtk_popover_popdown (GTK_POPOVER (popover));
  iterate ();

  /* An objective takes the lines it needs. */
  objective = objective_view (editor, 2);
  gtk_widget_grab_focus (GTK_WIDGET (objective));
  settle (f);
  pause_for_screenshot ("editor-narrow-objectives");
  g_assert_cmpint (gtk_text_view_get_wrap_mode (objective), !=, GTK_WRAP_NONE);
  {
    GtkTextIter start;
    GdkRectangle first_line;
    int lines = 0;

    gtk_text_buffer_get_start_iter (gtk_text_view_get_buffer (objective), &start);
    gtk_text_view_get_iter_location (objective, &start, &first_line);
    do
      lines++;
    while (gtk_text_view_forward_display_line (objective, &start));
    g_assert_cmpint (lines, >=, 2);
    g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (objective)), >=, 2 * first_line.height);
  }
  g_assert_cmpint (window_width (f), ==, width);

  g_object_set (gtk_settings_get_default (), "gtk-decoration-layout", layout, NULL);
}

/* An objective is one paragraph: Enter does not break it, a line break
 * pasted in becomes a space; a new objective takes the keyboard. */
static void
test_objective_field (Fixture       *f,
                      gconstpointer  data)
{
  MeasuresMeasureEditor *editor;
  GtkTextBuffer *buffer;
  g_autoptr(MeasuresMeasure) draft = NULL;
  GtkTextView *view;

  open_measure (f, 3, 4);
  activate (f, "win.edit-measure");
  editor = detail_page (f, "editor");

  g_signal_emit_by_name (EDITOR_CHILD (editor, "add_objective_button"), "clicked");
  iterate ();
  view = objective_view (editor, 3);
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == GTK_WIDGET (view));
  buffer = gtk_text_view_get_buffer (view);
  gtk_text_buffer_insert_at_cursor (buffer, "Zwei Zeilen\naus der Zwischenablage", -1);
  press_keys (GTK_WIDGET (view), 0, GDK_KEY_Return);
  iterate ();

  draft = measures_measure_editor_dup_draft (editor);
  g_assert_cmpuint (g_strv_length ((GStrv)measures_measure_get_objectives (draft)), ==, 4);
  g_assert_cmpstr (measures_measure_get_objectives (draft)[3], ==,
                   "Zwei Zeilen aus der Zwischenablage");
  g_assert_true (measures_measure_editor_get_modified (editor));
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  ADD ("objectives-history", test_objectives_history);
  ADD ("long-change-whole", test_long_change_whole);
  ADD ("office-links", test_office_links);
  ADD ("editor-narrow", test_editor_narrow);
  ADD ("objective-field", test_objective_field);

  return g_test_run ();
}
