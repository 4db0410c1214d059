/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "window-test-util.h"

/* Exporting from the window through the file chooser, as a user does. A
 * program of its own: the chooser's libraries keep memory for the life of
 * the process, which the sanitizer run can tell from ours only with whole
 * stacks (see the test's environment in meson.build). */

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

/* The file chooser that a "Save" action shows, once it is up. */
static GtkFileChooser *
find_file_chooser (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (GTK_IS_FILE_CHOOSER (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_FILE_CHOOSER (window);
    }

  return NULL;
}

static gboolean
file_chosen (gpointer path)
{
  g_autoptr(GFile) file = gtk_file_chooser_get_file (find_file_chooser ());

  return file != NULL && g_strcmp0 (g_file_peek_path (file), path) == 0;
}

static gboolean
file_written (gpointer path)
{
  return g_file_test (path, G_FILE_TEST_EXISTS);
}

static gboolean
file_chooser_shown (gpointer data)
{
  return find_file_chooser () != NULL;
}

/* Export as Spreadsheet writes the list as the user sees it: a goal's
 * measures, narrowed by a filter, in the order shown — and says so with
 * a way to open the file. */
static void
test_spreadsheet_as_shown (Fixture       *f,
                           gconstpointer  data)
{
  g_autofree char *path = temp_path (&f->tmp, "Liste.xlsx");
  g_autofree char *name = NULL;
  g_autoptr(JsonObject) book = NULL;
  GtkDropDown *status_filter;
  GtkFileChooser *chooser;
  const gint64 *ids;
  JsonArray *rows;
  guint n_ids;

  /* Goal 1, only the measures in progress. */
  select_sidebar_row (f, 2);
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.show-goal", "u", 1);
  iterate ();
  status_filter = filter_child (f, "status_filter");
  gtk_drop_down_set_selected (status_filter, 1 + MEASURES_STATUS_IN_PROGRESS);
  iterate ();
  ids = measures_measures_page_get_shown_ids (WINDOW_CHILD (f, "measures_page"), &n_ids);
  g_assert_cmpuint (n_ids, >, 0);
  g_assert_cmpuint (n_ids, <, 10);

  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-spreadsheet", NULL);
  g_assert_true (within_a_second (file_chooser_shown, NULL));
  chooser = find_file_chooser ();
  /* Named after what it holds, in the interface's language. */
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_cmpstr (name, ==, "Measures of goal 1.xlsx");
  /* Once the chooser has read the folder it starts in, as a user would
   * find it: then another folder and name. */
  {
    g_autoptr(GFile) folder = g_file_new_for_path (f->tmp.dir);
    gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE), g_usleep (5000);
    g_assert_true (gtk_file_chooser_set_current_folder (chooser, folder, NULL));
    gtk_file_chooser_set_current_name (chooser, "Liste.xlsx");
  }
  g_assert_true (within_a_second (file_chosen, path));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
  g_assert_true (within_a_second (file_written, path));
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Exported “Liste.xlsx”"));

  book = read_spreadsheet (path);
  if (book == NULL)
    {
      g_test_skip ("No spreadsheet library to read it back (python3-openpyxl)");
      return;
    }
  rows = json_object_get_array_member (json_array_get_object_element (
    json_object_get_array_member (book, "sheets"), 0), "rows");
  g_assert_cmpuint (json_array_get_length (rows), ==, n_ids + 1);
  for (guint i = 0; i < n_ids; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MeasuresMeasure) measure =
        measures_store_get_measure (measures_application_get_store (f->app), ids[i], &error);
      JsonArray *cells = json_array_get_array_element (rows, i + 1);

      g_assert_no_error (error);
      /* Column 4: the measure's title. */
      g_assert_cmpstr (json_array_get_string_element (json_array_get_array_element (cells, 3), 1),
                       ==, measures_measure_get_title (measure));
      g_assert_cmpint (measures_measure_get_status (measure), ==, MEASURES_STATUS_IN_PROGRESS);
    }
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  ADD ("spreadsheet-as-shown", test_spreadsheet_as_shown);

  return g_test_run ();
}
