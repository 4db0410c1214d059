/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>

#include "measures-print-preview.h"
#include "window-test-util.h"

/* Printing and exporting from the window through GTK's print dialog and
 * file chooser, as a user does. A program of its own: the dialogs'
 * libraries keep memory for the life of the process, which the sanitizer
 * run can tell from ours only with whole stacks (see the test's
 * environment in meson.build). */

/* Runs the main loop for up to @seconds, until @done says so. */
static gboolean
within (guint       seconds,
        gboolean  (*done) (gpointer),
        gpointer    data)
{
  gint64 end = g_get_monotonic_time () + seconds * G_USEC_PER_SEC;

  while (!done (data) && g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (5000);
    }

  return done (data);
}

static gboolean
within_a_second (gboolean (*done) (gpointer),
                 gpointer   data)
{
  return within (1, done, data);
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

/* The text of a PDF as pdftotext gives it. */
static char *
pdf_text (const char *path)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", path, "-", NULL };
  g_autoptr(GError) error = NULL;
  char *out = NULL;

  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &out,
                               NULL, NULL, &error));
  g_assert_no_error (error);
  return out;
}

/* Chooses @name in @folder in the file chooser that is up, as a user
 * would once it has read the folder it starts in, and accepts. */
static void
choose_and_accept (const char *folder,
                   const char *name)
{
  GtkFileChooser *chooser = find_file_chooser ();
  g_autoptr(GFile) dir = g_file_new_for_path (folder);
  g_autofree char *path = name ? g_build_filename (folder, name, NULL) : g_strdup (folder);
  gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (5000);
  g_assert_true (gtk_file_chooser_set_current_folder (chooser, dir, NULL));
  if (name != NULL)
    gtk_file_chooser_set_current_name (chooser, name);
  g_assert_true (within_a_second (file_chosen, path));
  gtk_dialog_response (GTK_DIALOG (chooser), GTK_RESPONSE_ACCEPT);
}

/* The goal report, which can be printed, is exported as PDF too: the
 * same report, through the same dialog. */
static void
test_goal_report_as_pdf (Fixture       *f,
                         gconstpointer  data)
{
  g_autofree char *path = temp_path (&f->tmp, "Ziel 1.pdf");
  g_autofree char *name = NULL;
  g_autofree char *text = NULL;
  GtkFileChooser *chooser;

  select_sidebar_row (f, 2);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-goal", NULL));
  g_assert_true (within_a_second (file_chooser_shown, NULL));
  chooser = find_file_chooser ();
  name = gtk_file_chooser_get_current_name (chooser);
  g_assert_true (g_str_has_suffix (name, ".pdf"));
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "language"), ==, "");
  choose_and_accept (f->tmp.dir, "Ziel 1.pdf");
  g_assert_true (within_a_second (file_written, path));
  g_assert_true (shows_label (GTK_WIDGET (f->window), "Exported “Ziel 1.pdf”"));

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Goal 1: Internationale Stadtgesellschaft"));
}

/* Picks @label in the drop-down of the file chooser that offers it, as a
 * user does. */
static void
choose_option (GtkWidget  *widget,
               const char *label)
{
  for (GtkWidget *w = widget; w != NULL; )
    {
      GtkWidget *next;

      if (GTK_IS_DROP_DOWN (w) && GTK_IS_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (w))))
        {
          GtkStringList *options = GTK_STRING_LIST (gtk_drop_down_get_model (GTK_DROP_DOWN (w)));

          for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (options)); i++)
            if (g_str_equal (gtk_string_list_get_string (options, i), label))
              {
                gtk_drop_down_set_selected (GTK_DROP_DOWN (w), i);
                return;
              }
        }
      /* Depth first through the chooser's widgets. */
      if ((next = gtk_widget_get_first_child (w)) == NULL)
        while (w != widget && (next = gtk_widget_get_next_sibling (w)) == NULL)
          w = gtk_widget_get_parent (w);
      w = w == widget && next == NULL ? NULL : next;
    }

  g_error ("No drop-down offers “%s”", label);
}

/* Every office's sheets, in the language and layout chosen for them: here
 * French, two sheets to a landscape page. */
static void
test_office_sheets_in_french (Fixture       *f,
                              gconstpointer  data)
{
  g_autofree char *folder = temp_path (&f->tmp, "sheets");
  /* The Kulturamt's three sheets: a single sheet keeps its portrait page. */
  g_autofree char *path = g_build_filename (folder, "KA.pdf", NULL);
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  const char *argv[] = { "pdfinfo", path, NULL };
  g_autoptr(GError) error = NULL;
  GtkFileChooser *chooser;

  g_assert_cmpint (g_mkdir (folder, 0755), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.export-office-sheets",
                                             NULL));
  g_assert_true (within_a_second (file_chooser_shown, NULL));
  chooser = find_file_chooser ();
  choose_option (GTK_WIDGET (chooser), "Français");
  choose_option (GTK_WIDGET (chooser), "Two per page, landscape");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "language"), ==, "fr");
  g_assert_cmpstr (gtk_file_chooser_get_choice (chooser, "layout"), ==, "two-per-page");
  choose_and_accept (folder, NULL);
  g_assert_true (within (5, file_written, path));

  text = pdf_text (path);
  g_assert_nonnull (strstr (text, "Fiches des mesures"));
  g_assert_nonnull (strstr (text, "Description succincte"));
  g_assert_null (strstr (text, "Short Description"));
  /* A4 turned: wider than high. */
  g_assert_true (g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, &info,
                               NULL, NULL, &error));
  g_assert_nonnull (strstr (info, "841.89 x 595.276 pts"));
}

/* The main menu ------------------------------------------------------- */

/* The label of the main menu's item for @action, as the menu shows it
 * when it opens on the window's view; %NULL without one. */
static char *
menu_label (GMenuModel *model,
            const char *action)
{
  for (int i = 0; i < g_menu_model_get_n_items (model); i++)
    {
      g_autofree char *name = NULL;
      g_autoptr(GMenuModel) section = NULL;
      char *label = NULL;

      if (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_ACTION, "s", &name) &&
          g_str_equal (name, action))
        {
          g_assert_true (g_menu_model_get_item_attribute (model, i, G_MENU_ATTRIBUTE_LABEL, "s",
                                                          &label));
          return label;
        }
      section = g_menu_model_get_item_link (model, i, G_MENU_LINK_SECTION);
      if (section != NULL && (label = menu_label (section, action)) != NULL)
        return label;
    }
  return NULL;
}

static GMenuModel *
open_menu (Fixture    *f,
           const char *state)
{
  GtkMenuButton *button = WINDOW_CHILD (f, "primary_menu_button");

  gtk_menu_button_popup (button);
  iterate ();
  pause_for_screenshot (state);
  gtk_menu_button_popdown (button);
  iterate ();
  return gtk_menu_button_get_menu_model (button);
}

#define assert_menu_label(model, action, expected) \
  G_STMT_START { \
    g_autofree char *label_ = menu_label (model, action); \
    g_assert_cmpstr (label_, ==, expected); \
  } G_STMT_END

/* Each Print… and Export… names what it makes, following the view, and
 * Ctrl+P prints what is in view. */
static void
test_menu_names_documents (Fixture       *f,
                           gconstpointer  data)
{
  g_auto(GStrv) accels = gtk_application_get_accels_for_action (GTK_APPLICATION (f->app),
                                                                "win.print");
  GMenuModel *menu;

  g_assert_true (g_strv_contains ((const char * const *) accels, "<Control>p"));

  /* The vision: the strategy, once, first. */
  menu = open_menu (f, "menu-on-vision");
  assert_menu_label (menu, "win.print", "Print _Strategy Report…");
  assert_menu_label (menu, "win.export-pdf", "Export Strateg_y Report as PDF…");
  assert_menu_label (menu, "win.print-strategy", NULL);
  assert_menu_label (menu, "win.print-goal", NULL);
  assert_menu_label (menu, "win.print-overview", "Print _Overview Table…");
  assert_menu_label (menu, "win.export-overview", "Export Overview _Table as PDF…");
  assert_menu_label (menu, "win.print-monitoring", "Print Mo_nitoring Report of This View…");
  assert_menu_label (menu, "win.export-monitoring",
                     "Export Monitoring Report of This _View as PDF…");
  assert_menu_label (menu, "win.export-office-sheets", "Export All O_ffices’ Sheets…");
  assert_menu_label (menu, "win.export-spreadsheet", "Export Measure _List as Spreadsheet…");

  select_sidebar_row (f, 3);
  g_signal_emit_by_name (MEASURES_CHILD (f, "measure_list"), "activate", 0);
  iterate ();
  menu = open_menu (f, "menu-on-measure");
  /* A measure of goal 2: the measure, and its goal's report below. */
  assert_menu_label (menu, "win.print", "_Print This Measure…");
  assert_menu_label (menu, "win.export-pdf", "_Export This Measure as PDF…");
  assert_menu_label (menu, "win.print-goal", "Print _Goal Report…");
  assert_menu_label (menu, "win.export-goal", "Export Goal Report as P_DF…");
  assert_menu_label (menu, "win.print-strategy", "Print _Strategy Report…");
  assert_menu_label (menu, "win.export-strategy", "Export Strateg_y Report as PDF…");
  /* The goal's list with no measure shown: the goal's report. */
  gtk_widget_activate_action (GTK_WIDGET (f->window), "win.find", NULL);
  gtk_editable_set_text (MEASURES_CHILD (f, "search_entry"), "xyzzy");
  search_now (f);
  g_assert_null (measures_measures_page_get_measure (WINDOW_CHILD (f, "measures_page")));
  menu = open_menu (f, "menu-on-goal");
  assert_menu_label (menu, "win.print", "Print _Goal Report…");
  assert_menu_label (menu, "win.export-pdf", "Export Goal Report as P_DF…");
  assert_menu_label (menu, "win.print-goal", NULL);
  assert_menu_label (menu, "win.print-strategy", "Print _Strategy Report…");

  /* An office: its sheet. */
  open_office (f, "ZJD");
  menu = open_menu (f, "menu-on-office");
  assert_menu_label (menu, "win.print", "_Print Office Sheet…");
  assert_menu_label (menu, "win.export-pdf", "_Export Office Sheet as PDF…");
  assert_menu_label (menu, "win.print-goal", NULL);
  assert_menu_label (menu, "win.print-strategy", "Print _Strategy Report…");

  /* The dashboard prints the strategy. */
  select_sidebar_row (f, 1);
  menu = open_menu (f, "menu-on-dashboard");
  assert_menu_label (menu, "win.print", "Print _Strategy Report…");
  assert_menu_label (menu, "win.print-strategy", NULL);
}

/* Printing ------------------------------------------------------------ */

/* GTK's print dialog, once it is up; its type is in gtk4-unix-print, which
 * the application does not otherwise need. */
static GtkDialog *
find_print_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();
  GType type = g_type_from_name ("GtkPrintUnixDialog");

  for (guint i = 0; type != 0 && i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (G_TYPE_CHECK_INSTANCE_TYPE (window, type) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return GTK_DIALOG (window);
    }

  return NULL;
}

static gboolean
print_dialog_shown (gpointer data)
{
  return find_print_dialog () != NULL;
}

static gboolean
print_dialog_gone (gpointer data)
{
  return find_print_dialog () == NULL;
}

static MeasuresPrintPreview *
find_preview (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (MEASURES_IS_PRINT_PREVIEW (window) && gtk_widget_get_visible (GTK_WIDGET (window)))
        return MEASURES_PRINT_PREVIEW (window);
    }

  return NULL;
}

#define PREVIEW_CHILD(preview, name) child (preview, MEASURES_TYPE_PRINT_PREVIEW, name)

static gboolean
preview_ready (gpointer data)
{
  MeasuresPrintPreview *preview = find_preview ();
  const char *subtitle;

  if (preview == NULL || !gtk_widget_get_mapped (GTK_WIDGET (preview)))
    return FALSE;

  /* Once the operation has laid the pages out. */
  subtitle = adw_window_title_get_subtitle (PREVIEW_CHILD (preview, "window_title"));
  return subtitle != NULL && subtitle[0] != '\0';
}

static gboolean
preview_gone (gpointer data)
{
  return find_preview () == NULL;
}

/* How each print operation ended, in the order they ended. */
static gboolean
operation_done (GSignalInvocationHint *hint,
                guint                  n_values,
                const GValue          *values,
                gpointer               data)
{
  GArray *results = data;
  int result = g_value_get_enum (&values[1]);

  g_array_append_val (results, result);
  return TRUE;
}

static GArray *
watch_print_operations (gulong *hook)
{
  GArray *results = g_array_new (FALSE, FALSE, sizeof (int));
  guint done;

  /* The signal is there once the class is. */
  g_type_class_unref (g_type_class_ref (GTK_TYPE_PRINT_OPERATION));
  done = g_signal_lookup ("done", GTK_TYPE_PRINT_OPERATION);

  *hook = g_signal_add_emission_hook (done, 0, operation_done, results, NULL);
  return results;
}

/* A toast is on screen, e.g. an error. */
static gboolean
shows_toast (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;
  if (g_str_equal (gtk_widget_get_css_name (widget), "toast"))
    return TRUE;
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows_toast (c))
      return TRUE;
  return FALSE;
}

static const char *
preview_subtitle (MeasuresPrintPreview *preview)
{
  return adw_window_title_get_subtitle (PREVIEW_CHILD (preview, "window_title"));
}

/* @action, then Preview in the print dialog with pages 2 and 3 chosen:
 * the preview window, on the first of them. */
static MeasuresPrintPreview *
open_preview (Fixture    *f,
              const char *action)
{
  g_autoptr(GtkPrintSettings) settings = gtk_print_settings_new ();
  GtkPageRange range = { 1, 2 };
  GtkDialog *dialog;

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), action, NULL));
  g_assert_true (within (5, print_dialog_shown, NULL));
  dialog = find_print_dialog ();
  g_assert_true (gtk_window_get_transient_for (GTK_WINDOW (dialog)) == GTK_WINDOW (f->window));
  gtk_print_settings_set_print_pages (settings, GTK_PRINT_PAGES_RANGES);
  gtk_print_settings_set_page_ranges (settings, &range, 1);
  g_object_set (dialog, "print-settings", settings, NULL);
  gtk_dialog_response (dialog, GTK_RESPONSE_APPLY);

  g_assert_true (within (5, preview_ready, NULL));
  g_assert_true (print_dialog_gone (NULL));
  return find_preview ();
}

/* The preview shows the pages chosen in the print dialog, zooms, and its
 * Print button leads back to the print dialog with what was chosen there,
 * to pick the printer. */
static void
test_preview_prints (Fixture       *f,
                     gconstpointer  data)
{
  gulong hook;
  g_autoptr(GArray) results = watch_print_operations (&hook);
  MeasuresPrintPreview *preview;
  GtkWidget *print_button, *area, *scroller;
  g_autoptr(GtkPrintSettings) settings = NULL;
  g_autofree GtkPageRange *ranges = NULL;
  int fit_width, fit_height, zoomed_height, n_ranges;
  const char *subtitle;

  /* Goal 1's report: more than three pages. */
  select_sidebar_row (f, 2);
  preview = open_preview (f, "win.print-goal");
  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  subtitle = preview_subtitle (preview);
  g_assert_true (g_str_has_prefix (subtitle, "Page 2 of "));
  g_assert_false (gtk_widget_is_sensitive (PREVIEW_CHILD (preview, "previous_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (preview), "preview.next", NULL));
  g_assert_true (g_str_has_prefix (preview_subtitle (preview), "Page 3 of "));
  /* Page 4 was not chosen. */
  g_assert_false (gtk_widget_is_sensitive (PREVIEW_CHILD (preview, "next_button")));
  press_keys (GTK_WIDGET (preview), 0, GDK_KEY_Page_Up);
  g_assert_true (g_str_has_prefix (preview_subtitle (preview), "Page 2 of "));

  /* The page fits the window at first; zoomed in, it is larger and
   * scrolls; Ctrl+0 fits it again. */
  area = GTK_WIDGET (PREVIEW_CHILD (preview, "page_area"));
  scroller = GTK_WIDGET (PREVIEW_CHILD (preview, "scroller"));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (preview));
  fit_width = gtk_widget_get_width (area);
  fit_height = gtk_widget_get_height (area);
  g_assert_cmpint (fit_height, ==, gtk_widget_get_height (scroller));
  pause_for_screenshot ("preview-fit");
  click (GTK_WIDGET (PREVIEW_CHILD (preview, "zoom_in_button")));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (preview));
  g_assert_cmpint (gtk_widget_get_height (area), >, fit_height);
  g_assert_cmpint (gtk_widget_get_width (area), >=, fit_width);
  zoomed_height = gtk_widget_get_height (area);
  /* Ctrl+plus, as the key without Shift gives it. */
  press_keys (GTK_WIDGET (preview), GDK_CONTROL_MASK, GDK_KEY_equal);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (preview));
  g_assert_cmpint (gtk_widget_get_height (area), >, zoomed_height);
  press_keys (GTK_WIDGET (preview), GDK_CONTROL_MASK, GDK_KEY_equal);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (preview));
  g_assert_cmpint (gtk_widget_get_width (area), >, fit_width);
  pause_for_screenshot ("preview-zoomed");
  /* Zooming keeps what is in the middle of the view there: scrolled down
   * a third of the page, a zoom does not jump back to the top. */
  {
    GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scroller));
    double middle;

    gtk_adjustment_set_value (v, gtk_adjustment_get_upper (v) / 3);
    middle = (gtk_adjustment_get_value (v) + gtk_adjustment_get_page_size (v) / 2) /
             gtk_adjustment_get_upper (v);
    press_keys (GTK_WIDGET (preview), GDK_CONTROL_MASK, GDK_KEY_equal);
    gtk_test_widget_wait_for_draw (GTK_WIDGET (preview));
    iterate ();
    g_assert_cmpfloat (fabs ((gtk_adjustment_get_value (v) + gtk_adjustment_get_page_size (v) / 2) /
                             gtk_adjustment_get_upper (v) - middle), <, 0.02);
    press_keys (GTK_WIDGET (preview), GDK_CONTROL_MASK, GDK_KEY_minus);
  }
  press_keys (GTK_WIDGET (preview), GDK_CONTROL_MASK, GDK_KEY_minus);
  press_keys (GTK_WIDGET (preview), GDK_CONTROL_MASK, GDK_KEY_0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (preview));
  g_assert_cmpint (gtk_widget_get_height (area), ==, fit_height);
  g_assert_cmpint (gtk_widget_get_width (area), ==, fit_width);

  /* Print: the preview is done with, and the print dialog is back, with
   * the pages chosen before. */
  print_button = GTK_WIDGET (PREVIEW_CHILD (preview, "print_button"));
  g_assert_true (gtk_widget_has_css_class (print_button, "suggested-action"));
  g_assert_true (gtk_widget_is_sensitive (print_button));
  g_assert_cmpuint (results->len, ==, 0);
  g_signal_emit_by_name (print_button, "clicked");
  g_assert_true (within (5, print_dialog_shown, NULL));
  iterate ();
  g_assert_null (preview);
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (g_array_index (results, int, 0), ==, GTK_PRINT_OPERATION_RESULT_APPLY);
  g_object_get (find_print_dialog (), "print-settings", &settings, NULL);
  g_assert_cmpint (gtk_print_settings_get_print_pages (settings), ==, GTK_PRINT_PAGES_RANGES);
  ranges = gtk_print_settings_get_page_ranges (settings, &n_ranges);
  g_assert_cmpint (n_ranges, ==, 1);
  g_assert_cmpint (ranges[0].start, ==, 1);
  g_assert_cmpint (ranges[0].end, ==, 2);

  /* Cancelled there, it is over, and nothing is said. */
  gtk_dialog_response (find_print_dialog (), GTK_RESPONSE_CANCEL);
  g_assert_true (within_a_second (print_dialog_gone, NULL));
  iterate ();
  g_assert_cmpuint (results->len, ==, 2);
  g_assert_cmpint (g_array_index (results, int, 1), ==, GTK_PRINT_OPERATION_RESULT_CANCEL);
  g_assert_false (shows_toast (GTK_WIDGET (f->window)));

  g_signal_remove_emission_hook (g_signal_lookup ("done", GTK_TYPE_PRINT_OPERATION), hook);
}

/* Closing the preview closes it: no dialog, no message, and its operation
 * ends once. */
static void
test_preview_closes (Fixture       *f,
                     gconstpointer  data)
{
  gulong hook;
  g_autoptr(GArray) results = watch_print_operations (&hook);
  MeasuresPrintPreview *preview;

  /* What is in view: the office's two pages. */
  open_office (f, "ZJD");
  preview = open_preview (f, "win.print");
  g_object_add_weak_pointer (G_OBJECT (preview), (gpointer *) &preview);
  g_assert_cmpuint (results->len, ==, 0);

  press_closing_keys (GTK_WINDOW (preview), 0, GDK_KEY_Escape);
  g_assert_true (within_a_second (preview_gone, NULL));
  iterate ();
  g_assert_null (preview);
  g_assert_true (print_dialog_gone (NULL));
  g_assert_false (shows_toast (GTK_WIDGET (f->window)));
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_cmpint (g_array_index (results, int, 0), ==, GTK_PRINT_OPERATION_RESULT_APPLY);

  /* Nothing more comes of it. */
  {
    gint64 end = g_get_monotonic_time () + G_USEC_PER_SEC / 2;

    while (g_get_monotonic_time () < end)
      g_main_context_iteration (NULL, FALSE), g_usleep (5000);
  }
  g_assert_cmpuint (results->len, ==, 1);
  g_assert_true (print_dialog_gone (NULL));
  g_assert_true (preview_gone (NULL));

  g_signal_remove_emission_hook (g_signal_lookup ("done", GTK_TYPE_PRINT_OPERATION), hook);
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  ADD ("spreadsheet-as-shown", test_spreadsheet_as_shown);
  ADD ("goal-report-as-pdf", test_goal_report_as_pdf);
  ADD ("office-sheets-in-french", test_office_sheets_in_french);
  ADD ("menu-names-documents", test_menu_names_documents);
  ADD ("preview-prints", test_preview_prints);
  ADD ("preview-closes", test_preview_closes);

  return g_test_run ();
}
