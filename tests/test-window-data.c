/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "measures-backup.h"
#include "measures-restore-window.h"
#include "window-test-util.h"

/* Keeping the strategy safe, in the real window: restoring a backup. */

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
  window_test_init (&argc, &argv);

  ADD ("restore-backup", test_restore_backup);

  return g_test_run ();
}
