/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "measures-measure-editor.h"
#include "measures-measure-view.h"
#include "measures-page.h"
#include "measures-preferences-window.h"
#include "measures-print-operation.h"
#include "window-test-util.h"

/* Changing the strategy and keeping it: editing, printing, switching the
 * language with an edit open, the window's state across starts, and a
 * strategy that cannot be opened. */

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
  select_sidebar_row (f, 3);
  g_signal_emit_by_name (MEASURES_CHILD (f, "measure_list"), "activate", 4);
  iterate ();
  g_assert_cmpstr (label_text (view, view_type, "title_label"), ==,
                   "Karlsruhe feiert den Europatag am 9. Mai");
  europatag_id = measures_measure_get_id (measures_measure_view_get_measure (view));
  g_assert_cmpstr (label_text (view, view_type, "status_label"), ==, "Planned");
  g_assert_true (gtk_widget_get_visible (child (view, view_type, "derived_label")));

  /* Edit: a new title; an empty one is refused at the field. */
  activate (f, "win.edit-measure", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (MEASURES_CHILD (f, "detail_stack")), ==,
                   "editor");
  gtk_editable_set_text (child (editor, MEASURES_TYPE_MEASURE_EDITOR, "title_row"), "");
  iterate ();
  g_assert_false (measures_measure_editor_get_valid (editor));
  g_assert_true (gtk_widget_get_visible (child (editor, MEASURES_TYPE_MEASURE_EDITOR,
                                                "error_label")));
  g_assert_false (gtk_widget_is_sensitive (MEASURES_CHILD (f, "save_button")));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (MEASURES_CHILD (f, "detail_stack")), ==,
                   "editor");
  gtk_editable_set_text (child (editor, MEASURES_TYPE_MEASURE_EDITOR, "title_row"),
                         "Europatag am 9. Mai");
  iterate ();
  g_assert_true (measures_measure_editor_get_valid (editor));
  pause_for_screenshot ("editor");
  activate (f, "win.save", NULL);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (MEASURES_CHILD (f, "detail_stack")), ==,
                   "sheet");
  g_assert_cmpstr (label_text (view, view_type, "title_label"), ==, "Europatag am 9. Mai");
  g_assert_true (shows_label (GTK_WIDGET (MEASURES_CHILD (f, "measure_list")),
                              "Europatag am 9. Mai"));
  /* The keyboard is back on the edit button, not in the sheet's title. */
  g_assert_true (gtk_root_get_focus (GTK_ROOT (f->window)) == MEASURES_CHILD (f, "edit_button"));

  /* Report progress: completed, with a note. */
  activate (f, "win.add-log-entry",
            g_variant_new ("(uuss)", MEASURES_STATUS_COMPLETED, 100, "Mit 3.000 Gästen gefeiert.",
                           ""));
  g_assert_cmpstr (label_text (view, view_type, "status_label"), ==, "Completed");
  g_assert_false (gtk_widget_get_visible (child (view, view_type, "derived_label")));
  g_assert_cmpuint (count_rows (child (view, view_type, "log_list")), ==, 1);
  g_assert_true (shows_label (GTK_WIDGET (view), "Mit 3.000 Gästen gefeiert."));
  /* Its row in the list, with the rows around it, shows the new status. */
  {
    GtkListView *list = MEASURES_CHILD (f, "measure_list");
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
  g_signal_emit_by_name (MEASURES_CHILD (f, "measure_list"), "activate", 0);
  iterate ();
  activate (f, "win.remove-measure", NULL);
  /* Asked first; the toast still offers Undo after. */
  g_assert_cmpuint (list_count (f), ==, 16);
  {
    AdwMessageDialog *ask = ADW_MESSAGE_DIALOG (find_window (f, ADW_TYPE_MESSAGE_DIALOG));
    g_autofree char *heading = g_strdup_printf ("Remove “%s”?", measures_measure_get_title (first));

    g_assert_cmpstr (adw_message_dialog_get_heading (ask), ==, heading);
    g_assert_cmpint (adw_message_dialog_get_response_appearance (ask, "remove"), ==,
                     ADW_RESPONSE_DESTRUCTIVE);
    adw_message_dialog_response (ask, "remove");
    iterate ();
  }
  g_assert_cmpuint (list_count (f), ==, 15);
  activate (f, "win.undo", NULL);
  g_assert_cmpuint (list_count (f), ==, 16);

  /* Search within goal 2, then across all measures. */
  activate (f, "win.find", NULL);
  gtk_editable_set_text (MEASURES_CHILD (f, "search_entry"), "Straßburg");
  search_now (f);
  g_assert_cmpstr (adw_window_title_get_subtitle (MEASURES_CHILD (f, "measure_list_title")), ==,
                   "2 of 16 measures");
  select_sidebar_row (f, 7);
  gtk_editable_set_text (MEASURES_CHILD (f, "search_entry"), "Straßburg");
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
  g_assert_cmpstr (adw_window_title_get_subtitle (MEASURES_CHILD (f, "measure_list_title")), ==,
                   "2 of 50 measures");
  pause_for_screenshot ("search");

  gtk_editable_set_text (MEASURES_CHILD (f, "search_entry"), "Quantencomputer");
  search_now (f);
  g_assert_cmpstr (gtk_stack_get_visible_child_name (MEASURES_CHILD (f, "list_stack")), ==,
                   "empty");
  gtk_editable_set_text (MEASURES_CHILD (f, "search_entry"), "");
  search_now (f);

  /* SAM's high-priority measures: office and priority filters together. */
  {
    measures_measures_page_filter_by_office (WINDOW_CHILD (f, "measures_page"), "SAM", -1);
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
  g_autoptr(MeasuresReport) report = NULL;
  g_autoptr(MeasuresPrintOperation) operation = NULL;
  g_autofree char *out = NULL;
  g_autoptr(GError) error = NULL;
  const char *argv[] = { "pdftotext", pdf, "-", NULL };

  /* The offices page prints the selected office's sheets, through the
   * print system as Print does, into a file instead of the dialog. */
  open_office (f, "ZJD");
  report = measures_page_create_report (WINDOW_CHILD (f, "offices_page"), &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  operation = measures_print_operation_new (report, MEASURES_PAPER_A4);
  gtk_print_operation_set_export_filename (GTK_PRINT_OPERATION (operation), pdf);
  g_assert_cmpint (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                                            GTK_PRINT_OPERATION_ACTION_EXPORT,
                                            GTK_WINDOW (f->window), &error),
                   ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_assert_no_error (error);

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, NULL, &error));
  g_assert_nonnull (strstr (out, "Zentraler Juristischer Dienst"));
  g_assert_nonnull (strstr (out, "Aufbau Fachkompetenz Europarecht im ZJD"));
  g_assert_nonnull (strstr (out, "Page 2 of 2"));
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
  g_assert_cmpstr (adw_window_title_get_title (MEASURES_CHILD (f, "measure_list_title")), ==, goal);
  g_assert_cmpstr (label_text (view, MEASURES_TYPE_MEASURE_VIEW, "description_heading"), ==,
                   description);
  g_assert_true (shows_label (GTK_WIDGET (WINDOW_CHILD (f, "sidebar")), all_measures));
  g_assert_nonnull (dialog);
  g_assert_cmpstr (gtk_window_get_title (dialog), ==, preferences);

  /* Still the same measure, shown as stored. */
  g_assert_cmpstr (label_text (view, MEASURES_TYPE_MEASURE_VIEW, "title_label"), ==,
                   "Europäische Kulturtage Karlsruhe");
}

/* The window made anew is as large as the one it replaces, on screen and
 * in the settings kept for the next start. */
static void
assert_size (Fixture *f,
             int      width,
             int      height,
             int      saved_width,
             int      saved_height)
{
  GSettings *settings = measures_application_get_settings (f->app);

  g_assert_cmpint (gtk_widget_get_width (GTK_WIDGET (f->window)), ==, width);
  g_assert_cmpint (gtk_widget_get_height (GTK_WIDGET (f->window)), ==, height);
  measures_window_save_settings (f->window, settings);
  g_assert_cmpint (g_settings_get_int (settings, "window-width"), ==, saved_width);
  g_assert_cmpint (g_settings_get_int (settings, "window-height"), ==, saved_height);
}

static void
test_switch_language (Fixture       *f,
                      gconstpointer  data)
{
  GSettings *settings = measures_application_get_settings (f->app);
  MeasuresMeasureView *view;
  int width, height, saved_width, saved_height;

  select_sidebar_row (f, 3);
  g_signal_emit_by_name (MEASURES_CHILD (f, "measure_list"), "activate", 3);
  activate (f, "win.find", NULL);
  gtk_editable_set_text (MEASURES_CHILD (f, "search_entry"), "kultur");
  search_now (f);
  g_assert_true (g_action_group_has_action (G_ACTION_GROUP (f->app), "preferences"));
  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  iterate ();

  assert_labels (f, "Goal 2", "Short Description", "All Measures", "Preferences");
  view = detail_page (f, "sheet");
  g_assert_true (gtk_widget_get_visible (child (view, MEASURES_TYPE_MEASURE_VIEW, "content_note")));
  width = gtk_widget_get_width (GTK_WIDGET (f->window));
  height = gtk_widget_get_height (GTK_WIDGET (f->window));
  measures_window_save_settings (f->window, settings);
  saved_width = g_settings_get_int (settings, "window-width");
  saved_height = g_settings_get_int (settings, "window-height");

  switch_language (f, "de");
  assert_size (f, width, height, saved_width, saved_height);
  pause_for_screenshot ("german");
  assert_labels (f, "Ziel 2", "Kurzbeschreibung", "Alle Maßnahmen", "Einstellungen");
  view = detail_page (f, "sheet");
  /* German content in a German interface needs no note. */
  g_assert_false (gtk_widget_get_visible (child (view, MEASURES_TYPE_MEASURE_VIEW,
                                                 "content_note")));
  /* The search text and its result survive the switch. */
  g_assert_cmpstr (gtk_editable_get_text (MEASURES_CHILD (f, "search_entry")), ==, "kultur");
  g_assert_cmpstr (label_text (view, MEASURES_TYPE_MEASURE_VIEW, "priority_label"), ==, "Hoch");

  switch_language (f, "fr");
  pause_for_screenshot ("french");
  assert_size (f, width, height, saved_width, saved_height);
  assert_labels (f, "Objectif 2", "Description succincte", "Toutes les mesures", "Préférences");
  view = detail_page (f, "sheet");
  g_assert_cmpstr (label_text (view, MEASURES_TYPE_MEASURE_VIEW, "priority_label"), ==, "Haute");

  switch_language (f, "");
  assert_labels (f, "Goal 2", "Short Description", "All Measures", "Preferences");
  assert_size (f, width, height, saved_width, saved_height);
}

static void
test_switch_keeps_edit (Fixture       *f,
                        gconstpointer  data)
{
  MeasuresMeasureEditor *editor;

  select_sidebar_row (f, 2);
  g_signal_emit_by_name (MEASURES_CHILD (f, "measure_list"), "activate", 0);
  activate (f, "win.edit-measure", NULL);
  editor = detail_page (f, "editor");
  gtk_editable_set_text (child (editor, MEASURES_TYPE_MEASURE_EDITOR, "title_row"),
                         "Interkulturelle Elternmentor*innen (neu)");
  iterate ();

  switch_language (f, "de");

  /* The unsaved edit is still there, still unsaved, and can be saved. */
  editor = detail_page (f, "editor");
  g_assert_cmpstr (gtk_stack_get_visible_child_name (MEASURES_CHILD (f, "detail_stack")), ==,
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

  select_sidebar_row (f, 4);
  g_signal_emit_by_name (MEASURES_CHILD (f, "measure_list"), "activate", 2);
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
  g_assert_cmpstr (adw_window_title_get_title (MEASURES_CHILD (f, "measure_list_title")), ==,
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

  select_sidebar_row (f, 3);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  iterate ();

  /* The list and the sheet no longer fit side by side: they fold, and
   * opening a measure shows its sheet in full. */
  g_assert_true (adw_leaflet_get_folded (MEASURES_CHILD (f, "measures_leaflet")));
  g_signal_emit_by_name (MEASURES_CHILD (f, "measure_list"), "activate", 3);
  iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
  pause_for_screenshot ("large-text");
  g_assert_true (adw_leaflet_get_visible_child (MEASURES_CHILD (f, "measures_leaflet")) ==
                 MEASURES_CHILD (f, "measure_detail_pane"));
  g_assert_true (shows_label (MEASURES_CHILD (f, "measure_detail_pane"),
                              "Europäische Kulturtage Karlsruhe"));

  g_object_set (settings, "gtk-xft-dpi", dpi, NULL);
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

/* The group a widget of the preferences window is in. */
static AdwPreferencesGroup *
preferences_group_of (GtkWindow  *dialog,
                      const char *name)
{
  GtkWidget *widget = child (dialog, MEASURES_TYPE_PREFERENCES_WINDOW, name);

  widget = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP);
  g_assert_nonnull (widget);
  return ADW_PREFERENCES_GROUP (widget);
}

/* How many backups are kept is a setting of its own, not one of the
 * reports': in a group of its own, still the same setting. */
static void
test_backups_group (Fixture       *f,
                    gconstpointer  data)
{
  GSettings *settings = measures_application_get_settings (f->app);
  GtkWindow *dialog;
  GtkSpinButton *spin;

  g_action_group_activate_action (G_ACTION_GROUP (f->app), "preferences", NULL);
  iterate ();
  dialog = find_window (f, MEASURES_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (dialog);
  pause_for_screenshot ("preferences-backups");

  g_assert_cmpstr (adw_preferences_group_get_title (preferences_group_of (dialog, "paper_row")),
                   ==, "Reports");
  g_assert_cmpstr (adw_preferences_group_get_title (preferences_group_of (dialog,
                                                                          "backups_spin")),
                   ==, "Backups");

  spin = child (dialog, MEASURES_TYPE_PREFERENCES_WINDOW, "backups_spin");
  gtk_spin_button_set_value (spin, 12);
  iterate ();
  g_assert_cmpuint (g_settings_get_uint (settings, "backups-kept"), ==, 12);
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  ADD ("manage-measures", test_manage_measures);
  ADD ("print", test_print);
  ADD ("backups-group", test_backups_group);
  ADD ("switch-language", test_switch_language);
  ADD ("switch-keeps-edit", test_switch_keeps_edit);
  ADD ("window-state", test_window_state);
  ADD ("large-text", test_large_text);
  g_test_add_func ("/window/open-error-dialog", test_open_error_dialog);

  return g_test_run ();
}