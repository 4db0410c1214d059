/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "measures-backup.h"
#include "measures-measure-editor.h"
#include "measures-measure-view.h"
#include "measures-restore-window.h"
#include "window-test-util.h"

/* Keeping the strategy safe, in the real window: another process writing
 * to the same file, an edit left with Escape, restoring a backup. */

static const char *test_program;

static AdwMessageDialog *find_message_dialog (void);

/* Another process writes to the window's file, as a second window or a
 * colleague on a network drive does: this program run with
 * "--write DATABASE ID FIELD VALUE". */
static int
write_as_other_process (const char *path,
                        gint64      id,
                        const char *property,
                        const char *value)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = measures_store_open (path, &error);
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(MeasuresMeasure) edited = NULL;

  if (store == NULL || !(measure = measures_store_get_measure (store, id, &error)))
    g_error ("%s", error->message);

  edited = measures_measure_copy_with (measure, property, value, NULL);
  if (!measures_store_update_measure (store, edited, measures_measure_get_revision (measure),
                                      "Bea Beispiel", NULL, &error))
    g_error ("%s", error->message);

  return 0;
}

/* Another process restores a backup over the window's file: this program
 * run with "--restore BACKUP DATABASE". */
static int
restore_as_other_process (const char *backup,
                          const char *database)
{
  g_autoptr(GError) error = NULL;

  if (!measures_backup_restore (backup, database, &error))
    g_error ("%s", error->message);

  return 0;
}

static void
other_process_restores (const char *backup,
                        const char *database)
{
  const char *argv[] = { test_program, "--restore", backup, database, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
}

static void
other_process_writes (Fixture    *f,
                      gint64      id,
                      const char *property,
                      const char *value)
{
  g_autofree char *path = temp_path (&f->tmp, "strategy.db");
  g_autofree char *id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  const char *argv[] = { test_program, "--write", path, id_text, property, value, NULL };
  g_autoptr(GError) error = NULL;
  int status = -1;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));
}

/* Runs the main loop for up to @seconds, until @done says so. */
static gboolean
within (double      seconds,
        gboolean  (*done) (gpointer),
        gpointer    data)
{
  gint64 start = g_get_monotonic_time ();
  gint64 end = start + seconds * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }

  g_test_message ("waited %.2f s", (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC);
  return done (data);
}

/* Runs the main loop for up to a second, until @done says so. */
static gboolean
within_a_second (gboolean (*done) (gpointer),
                 gpointer   data)
{
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }

  return done (data);
}

static MeasuresMeasureView *
sheet (Fixture *f)
{
  return detail_page (f, "sheet");
}

static MeasuresMeasureEditor *
editor (Fixture *f)
{
  return detail_page (f, "editor");
}

static gboolean
sheet_shows_other_title (gpointer data)
{
  return g_strcmp0 (label_text (sheet (data), MEASURES_TYPE_MEASURE_VIEW, "title_label"),
                    "Titel aus dem anderen Fenster") == 0;
}

static gboolean
editor_told (gpointer data)
{
  return measures_measure_editor_get_conflict (editor (data)) != NULL;
}

static const char *
detail_child_name (Fixture *f)
{
  return gtk_stack_get_visible_child_name (MEASURES_CHILD (f, "detail_stack"));
}

/* Keys pressed through the display server arrive when they arrive: what
 * they do is waited for. */
static gboolean
save_refused (gpointer data)
{
  const char *conflict = measures_measure_editor_get_conflict (editor (data));

  return conflict != NULL && strstr (conflict, "was changed by Bea Beispiel") != NULL;
}

static gboolean
sheet_shown (gpointer data)
{
  return g_strcmp0 (detail_child_name (data), "sheet") == 0;
}

static gboolean
editor_shown (gpointer data)
{
  return g_strcmp0 (detail_child_name (data), "editor") == 0;
}

static gint64
open_first_measure_of_goal (Fixture *f,
                            guint    goal)
{
  MeasuresMeasure *measure;

  select_sidebar_row (f, goal + 1);
  g_signal_emit_by_name (MEASURES_CHILD (f, "measure_list"), "activate", 0);
  iterate ();
  measure = measures_measure_view_get_measure (sheet (f));
  g_assert_nonnull (measure);
  return measures_measure_get_id (measure);
}

static const char *
stored_text (Fixture    *f,
             gint64      id,
             const char *property)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresMeasure) measure =
    measures_store_get_measure (measures_application_get_store (f->app), id, &error);
  static char text[512];
  g_autofree char *value = NULL;

  g_assert_no_error (error);
  g_object_get (measure, property, &value, NULL);
  g_strlcpy (text, value ? value : "", sizeof text);
  return text;
}

/* Another process changes the measure in view: the sheet and the list
 * show it by themselves, within a second, and the selection stays. */
static void
test_other_writer_appears (Fixture       *f,
                           gconstpointer  data)
{
  gint64 id = open_first_measure_of_goal (f, 2);
  MeasuresMeasure *selected;

  other_process_writes (f, id, "title", "Titel aus dem anderen Fenster");
  g_assert_true (within_a_second (sheet_shows_other_title, f));
  g_assert_true (shows_label (GTK_WIDGET (MEASURES_CHILD (f, "measure_list")),
                              "Titel aus dem anderen Fenster"));
  selected = measures_measures_page_get_measure (WINDOW_CHILD (f, "measures_page"));
  g_assert_cmpint (measures_measure_get_id (selected), ==, id);
  pause_for_screenshot ("other-writer-appears");
}

/* Window B changes the title while window A has the editor open: A is
 * told, its save is refused with who and when, its edit stays; carried
 * over to the current version, it saves, and B's title stands. */
static void
test_stale_edit_is_refused (Fixture       *f,
                            gconstpointer  data)
{
  MeasuresMeasureEditor *form;
  AdwMessageDialog *dialog;
  GtkWidget *banner;
  gint64 id = open_first_measure_of_goal (f, 2);

  /* A starts editing and changes the costs. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-measure", NULL);
  iterate ();
  form = editor (f);
  g_assert_cmpstr (detail_child_name (f), ==, "editor");
  gtk_editable_set_text (child (form, MEASURES_TYPE_MEASURE_EDITOR, "costs_row"),
                         "Kosten aus Fenster A");
  iterate ();

  /* B saves a new title; A's editor says so by itself. */
  other_process_writes (f, id, "title", "Titel aus dem anderen Fenster");
  g_assert_true (within_a_second (editor_told, f));
  g_assert_nonnull (strstr (measures_measure_editor_get_conflict (form),
                            "Bea Beispiel changed this measure"));
  banner = child (form, MEASURES_TYPE_MEASURE_EDITOR, "conflict_revealer");
  g_assert_true (gtk_revealer_get_reveal_child (GTK_REVEALER (banner)));

  /* A saves anyway, with Ctrl+S: refused, nothing written, the edit stays. */
  gtk_widget_grab_focus (child (form, MEASURES_TYPE_MEASURE_EDITOR, "costs_row"));
  press_keys (GTK_WIDGET (f->window), GDK_CONTROL_MASK, GDK_KEY_s);
  g_assert_true (within_a_second (save_refused, f));
  g_assert_cmpstr (detail_child_name (f), ==, "editor");
  g_assert_cmpstr (stored_text (f, id, "title"), ==, "Titel aus dem anderen Fenster");
  g_assert_cmpstr (stored_text (f, id, "costs"), !=, "Kosten aus Fenster A");
  g_assert_cmpstr (gtk_editable_get_text (child (form, MEASURES_TYPE_MEASURE_EDITOR, "costs_row")),
                   ==, "Kosten aus Fenster A");
  pause_for_screenshot ("stale-edit-refused");

  /* Their version, field by field; A carries the change over. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-current-version", NULL);
  iterate ();
  dialog = ADW_MESSAGE_DIALOG (find_message_dialog ());
  g_assert_nonnull (dialog);
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Saved now: Titel aus dem anderen Fenster\n"
                            "Your edit: unchanged, the saved text is kept"));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (dialog),
                            "Your edit: Kosten aus Fenster A"));
  pause_for_screenshot ("current-version");
  adw_message_dialog_response (dialog, "carry-over");
  gtk_window_destroy (GTK_WINDOW (dialog));
  iterate ();
  g_assert_null (measures_measure_editor_get_conflict (form));
  g_assert_cmpstr (gtk_editable_get_text (child (form, MEASURES_TYPE_MEASURE_EDITOR, "title_row")),
                   ==, "Titel aus dem anderen Fenster");

  /* Ctrl+Enter saves: both changes stand. */
  press_keys (GTK_WIDGET (f->window), GDK_CONTROL_MASK, GDK_KEY_Return);
  g_assert_true (within_a_second (sheet_shown, f));
  g_assert_cmpstr (stored_text (f, id, "title"), ==, "Titel aus dem anderen Fenster");
  g_assert_cmpstr (stored_text (f, id, "costs"), ==, "Kosten aus Fenster A");
}

/* The window that was there is gone (f->window is a weak pointer then),
 * and a new one shows the strategy. */
static gboolean
window_replaced (gpointer data)
{
  Fixture *f = data;

  return f->window == NULL && find_window (f, MEASURES_TYPE_WINDOW) != NULL;
}

/* Another window restores a backup over the file while this one has an
 * edit open: the window shows the restored strategy by itself, says so,
 * keeps the edit, and does not save it over the restored measure before
 * it is carried over. */
static void
test_restore_elsewhere_keeps_edit (Fixture       *f,
                                   gconstpointer  data)
{
  MeasuresStore *store = measures_application_get_store (f->app);
  g_autofree char *path = temp_path (&f->tmp, "strategy.db");
  g_autofree char *backup = NULL;
  g_autofree char *restored_costs = NULL;
  g_autoptr(GError) error = NULL;
  MeasuresMeasureEditor *form;
  gint64 id;

  backup = measures_backup_make (store, "daily", 7, &error);
  g_assert_no_error (error);
  id = open_first_measure_of_goal (f, 4);
  restored_costs = g_strdup (stored_text (f, id, "costs"));

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-measure", NULL);
  iterate ();
  gtk_editable_set_text (child (editor (f), MEASURES_TYPE_MEASURE_EDITOR, "costs_row"),
                         "Kosten vor der Wiederherstellung");
  iterate ();

  /* Noticed within a second, then the strategy is opened and checked again. */
  g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  other_process_restores (backup, path);
  g_assert_true (within (5, window_replaced, f));
  f->window = MEASURES_WINDOW (find_window (f, MEASURES_TYPE_WINDOW));
  iterate ();
  g_assert_true (shows_label (WINDOW_CHILD (f, "toast_overlay"),
                              "Another window restored a backup: this is the strategy as "
                              "restored"));
  form = editor (f);
  g_assert_cmpstr (detail_child_name (f), ==, "editor");
  g_assert_cmpstr (gtk_editable_get_text (child (form, MEASURES_TYPE_MEASURE_EDITOR, "costs_row")),
                   ==, "Kosten vor der Wiederherstellung");
  g_assert_nonnull (strstr (measures_measure_editor_get_conflict (form),
                            "Another window restored a backup"));
  pause_for_screenshot ("restored-elsewhere");

  /* Saving waits for the changes to be carried over. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL);
  iterate ();
  g_assert_cmpstr (detail_child_name (f), ==, "editor");
  g_assert_cmpstr (stored_text (f, id, "costs"), ==, restored_costs);
}

/* Escape with changes leaves the editor, and Undo on the toast brings the
 * edit back as it was; Ctrl+E opens the editor. */
static void
test_escape_keeps_edit (Fixture       *f,
                        gconstpointer  data)
{
  MeasuresMeasureEditor *form;
  GtkWidget *title_row;

  open_first_measure_of_goal (f, 3);
  press_keys (GTK_WIDGET (f->window), GDK_CONTROL_MASK, GDK_KEY_e);
  g_assert_true (within_a_second (editor_shown, f));
  form = editor (f);
  title_row = child (form, MEASURES_TYPE_MEASURE_EDITOR, "title_row");
  gtk_editable_set_text (GTK_EDITABLE (title_row), "Ein Titel, der nicht verloren geht");
  iterate ();

  press_keys (GTK_WIDGET (f->window), 0, GDK_KEY_Escape);
  g_assert_true (within_a_second (sheet_shown, f));
  g_assert_true (shows_label (WINDOW_CHILD (f, "toast_overlay"), "Changes discarded"));
  pause_for_screenshot ("changes-discarded");

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.resume-discarded-edit", NULL);
  iterate ();
  g_assert_cmpstr (detail_child_name (f), ==, "editor");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (title_row)), ==,
                   "Ein Titel, der nicht verloren geht");
  g_assert_true (measures_measure_editor_get_modified (form));

  /* Without changes, Escape just leaves. */
  measures_measures_page_resume_discarded_edit (WINDOW_CHILD (f, "measures_page"));
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.cancel", NULL);
  iterate ();
  g_assert_cmpstr (detail_child_name (f), ==, "sheet");
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
  g_assert_true (measures_store_update_measure (store, edited,
                                                measures_measure_get_revision (measure), "Test",
                                                NULL, &error));
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


int
main (int   argc,
      char *argv[])
{
  if (argc == 4 && g_str_equal (argv[1], "--restore"))
    return restore_as_other_process (argv[2], argv[3]);
  if (argc == 6 && g_str_equal (argv[1], "--write"))
    return write_as_other_process (argv[2], g_ascii_strtoll (argv[3], NULL, 10), argv[4],
                                   argv[5]);

  test_program = argv[0];
  window_test_init (&argc, &argv);

  ADD ("other-writer-appears", test_other_writer_appears);
  ADD ("stale-edit-is-refused", test_stale_edit_is_refused);
  ADD ("escape-keeps-edit", test_escape_keeps_edit);
  ADD ("restore-elsewhere-keeps-edit", test_restore_elsewhere_keeps_edit);
  ADD ("restore-backup", test_restore_backup);

  return g_test_run ();
}
