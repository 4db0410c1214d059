/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-export-dialog.h"
#include "measures-page.h"
#include "measures-print-operation.h"
#include "measures-removed-window.h"
#include "measures-report.h"
#include "measures-spreadsheet.h"
#include "measures-window-private.h"

/* The window's actions, installed in one place, and enabled or disabled in
 * one place: _measures_window_actions_update(). */

void
_measures_window_actions_update (MeasuresWindow *self)
{
  MeasuresUndoStack *stack = measures_context_get_undo_stack (self->context);
  gboolean editing = measures_measures_page_get_editing (self->measures_page);
  gboolean has_measure = measures_measures_page_get_measure (self->measures_page) != NULL;
  /* On a server, what the user's role allows; the server enforces it. */
  MeasuresPermissions allowed = measures_measures_page_get_permissions (self->measures_page);
  gboolean on_goal = measures_measures_page_get_goal (self->measures_page) != 0 &&
                     gtk_stack_get_visible_child (self->content_stack) ==
                       GTK_WIDGET (self->measures_page);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-measure",
                                 has_measure && !editing &&
                                 (allowed & MEASURES_PERMISSION_EDIT_SHEET));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-measure",
                                 has_measure && !editing && (allowed & MEASURES_PERMISSION_REMOVE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-log-entry",
                                 has_measure && !editing &&
                                 (allowed & MEASURES_PERMISSION_REPORT_PROGRESS));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-measure",
                                 !editing && (allowed & MEASURES_PERMISSION_CREATE));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 measures_measures_page_get_can_save (self->measures_page));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 !editing && stack && measures_undo_stack_get_can_undo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 !editing && stack && measures_undo_stack_get_can_redo (stack));
  /* The goal report, printed or as PDF, of the goal in view. */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-goal", on_goal);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export-goal", on_goal);
}

/* The measures page's actions, under the window's names that the menus
 * and accelerators use. */
static void
edit_measure_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  measures_measures_page_edit_measure (MEASURES_WINDOW (widget)->measures_page);
}

static void
new_measure_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  guint goal = measures_measures_page_get_goal (self->measures_page);

  if (gtk_stack_get_visible_child (self->content_stack) != GTK_WIDGET (self->measures_page))
    _measures_window_select_view (self, VIEW_GOAL, goal ? goal : 1);

  measures_measures_page_new_measure (self->measures_page);
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  measures_measures_page_save (MEASURES_WINDOW (widget)->measures_page);
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  measures_measures_page_cancel (MEASURES_WINDOW (widget)->measures_page);
}

static void
resume_discarded_edit_action (GtkWidget  *widget,
                              const char *action_name,
                              GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  if (gtk_stack_get_visible_child (self->content_stack) != GTK_WIDGET (self->measures_page))
    _measures_window_select_view (self, VIEW_GOAL,
                                  MAX (measures_measures_page_get_goal (self->measures_page), 1));
  measures_measures_page_resume_discarded_edit (self->measures_page);
}

static void
copy_draft_action (GtkWidget  *widget,
                   const char *action_name,
                   GVariant   *parameter)
{
  measures_measures_page_copy_draft (MEASURES_WINDOW (widget)->measures_page);
}

static void
show_current_version_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  measures_measures_page_show_current_version (MEASURES_WINDOW (widget)->measures_page);
}

static void
remove_measure_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  measures_measures_page_remove_measure (MEASURES_WINDOW (widget)->measures_page);
}

static void
add_log_entry_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  const char *text, *day;
  guint status, progress;

  /* The day the report is about; empty for today. */
  g_variant_get (parameter, "(uu&s&s)", &status, &progress, &text, &day);
  measures_measures_page_add_log_entry (MEASURES_WINDOW (widget)->measures_page, status, progress,
                                        text, day[0] ? day : NULL);
}

static void
undo_redo (MeasuresWindow *self,
           gboolean        undo)
{
  MeasuresUndoStack *stack = measures_context_get_undo_stack (self->context);
  g_autoptr(GError) error = NULL;
  g_autofree char *author = measures_context_dup_author (self->context);
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;

  if (stack == NULL || measures_measures_page_get_editing (self->measures_page))
    return;

  what = undo ? measures_undo_stack_undo (stack, author, &error)
              : measures_undo_stack_redo (stack, author, &error);
  if (what == NULL)
    {
      _measures_window_show_error_toast (self, error);
      return;
    }

  /* Translators: %s says what, e.g. "Undone: changes to “Europatag”" */
  message = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), what);
  _measures_window_show_toast (self, message);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_redo (MEASURES_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_redo (MEASURES_WINDOW (widget), FALSE);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  /* The offices page searches its offices. */
  if (gtk_stack_get_visible_child (self->content_stack) == GTK_WIDGET (self->offices_page))
    {
      measures_offices_page_find (self->offices_page);
      return;
    }

  if (gtk_stack_get_visible_child (self->content_stack) != GTK_WIDGET (self->measures_page))
    _measures_window_select_view (self, VIEW_ALL_MEASURES, 0);

  measures_measures_page_find (self->measures_page);
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  measures_measures_page_clear_filters (MEASURES_WINDOW (widget)->measures_page);
}

static void
show_removed_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  gtk_window_present (GTK_WINDOW (measures_removed_window_new (GTK_WINDOW (self),
                                                               self->context)));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_pane);
}

/* Pages lead to each other through these. */
static void
show_goal_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  measures_window_show_goal (MEASURES_WINDOW (widget), g_variant_get_uint32 (parameter));
}

static void
show_measure_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  measures_window_show_measure (MEASURES_WINDOW (widget), g_variant_get_int64 (parameter));
}

/* An indicator, e.g. from the dashboard: the Indicators page shows it. */
static void
show_indicator_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  _measures_window_select_view (self, VIEW_INDICATORS, 0);
  measures_indicators_page_select_indicator (self->indicators_page,
                                             g_variant_get_int64 (parameter));
}

/* An office, e.g. from a measure's sheet: the Offices page shows it. */
static void
show_office_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  _measures_window_select_view (self, VIEW_OFFICES, 0);
  measures_offices_page_show_office (self->offices_page, g_variant_get_string (parameter, NULL));
}

/* All measures a large office leads, or takes part in: the measure list,
 * filtered by it alone, so that it shows as many as the button said. */
static void
show_office_measures_action (GtkWidget  *widget,
                             const char *action_name,
                             GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  const char *abbreviation;
  int role;

  g_variant_get (parameter, "(&si)", &abbreviation, &role);
  measures_measures_page_clear_filters (self->measures_page);
  measures_measures_page_filter_by_office (self->measures_page, abbreviation, role);
  _measures_window_select_view (self, VIEW_ALL_MEASURES, 0);
}

/* Printing and exporting ------------------------------------------------ */

typedef enum {
  DOCUMENT_CURRENT,
  DOCUMENT_MEASURE,
  DOCUMENT_GOAL,
  DOCUMENT_OFFICE,
  DOCUMENT_STRATEGY,
  DOCUMENT_OVERVIEW,
  DOCUMENT_MONITORING,
  N_DOCUMENTS
} Document;

/* What the menu calls each: printed, and exported as PDF. The mnemonics
 * differ among those the menu shows at once. */
static const struct {
  const char *print;
  const char *export;
} document_labels[N_DOCUMENTS] = {
  [DOCUMENT_MEASURE] = { N_("_Print This Measure…"), N_("_Export This Measure as PDF…") },
  [DOCUMENT_GOAL] = { N_("Print _Goal Report…"), N_("Export Goal Report as P_DF…") },
  /* Translators: the sheets of the measures an office leads or takes
   * part in, as one document */
  [DOCUMENT_OFFICE] = { N_("_Print Office Sheet…"), N_("_Export Office Sheet as PDF…") },
  [DOCUMENT_STRATEGY] = { N_("Print _Strategy Report…"),
                          N_("Export Strateg_y Report as PDF…") },
  [DOCUMENT_OVERVIEW] = { N_("Print _Overview Table…"), N_("Export Overview _Table as PDF…") },
  [DOCUMENT_MONITORING] = { N_("Print Mo_nitoring Report of This View…"),
                            N_("Export Monitoring Report of This _View as PDF…") },
};

/* What Print prints in the view: as the pages' reports have it, the
 * measure shown, else the goal, else the office, else the strategy. */
static Document
document_in_view (MeasuresWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);

  if (page == GTK_WIDGET (self->measures_page))
    {
      if (measures_measures_page_get_measure (self->measures_page) != NULL)
        return DOCUMENT_MEASURE;
      if (measures_measures_page_get_goal (self->measures_page) != 0)
        return DOCUMENT_GOAL;
    }
  else if (page == GTK_WIDGET (self->offices_page) &&
           measures_offices_page_get_office (self->offices_page) != NULL)
    return DOCUMENT_OFFICE;

  return DOCUMENT_STRATEGY;
}

static void
append_document (GMenu      *menu,
                 const char *label,
                 const char *action)
{
  g_autoptr(GMenuItem) item = g_menu_item_new (_(label), action);

  g_menu_append_item (menu, item);
}

/**
 * _measures_window_actions_update_menu:
 *
 * Names in the main menu what Print and Export as PDF make of the view,
 * and offers the other reports below; Ctrl+P prints what is in view.
 * Called as the menu opens.
 */
void
_measures_window_actions_update_menu (MeasuresWindow *self)
{
  Document in_view = document_in_view (self);

  g_menu_remove_all (self->view_section);
  append_document (self->view_section, document_labels[in_view].print, "win.print");
  append_document (self->view_section, document_labels[in_view].export, "win.export-pdf");

  g_menu_remove_all (self->reports_section);
  /* A measure's goal, while the measure is in view. */
  if (in_view == DOCUMENT_MEASURE && measures_measures_page_get_goal (self->measures_page) != 0)
    {
      append_document (self->reports_section, document_labels[DOCUMENT_GOAL].print,
                       "win.print-goal");
      append_document (self->reports_section, document_labels[DOCUMENT_GOAL].export,
                       "win.export-goal");
    }
  if (in_view != DOCUMENT_STRATEGY)
    {
      append_document (self->reports_section, document_labels[DOCUMENT_STRATEGY].print,
                       "win.print-strategy");
      append_document (self->reports_section, document_labels[DOCUMENT_STRATEGY].export,
                       "win.export-strategy");
    }
  for (Document document = DOCUMENT_OVERVIEW; document <= DOCUMENT_MONITORING; document++)
    {
      append_document (self->reports_section, document_labels[document].print,
                       document == DOCUMENT_OVERVIEW ? "win.print-overview"
                                                     : "win.print-monitoring");
      append_document (self->reports_section, document_labels[document].export,
                       document == DOCUMENT_OVERVIEW ? "win.export-overview"
                                                     : "win.export-monitoring");
    }
  append_document (self->reports_section, N_("Export All O_ffices’ Sheets…"),
                   "win.export-office-sheets");
}

/* The monitoring report of what the window shows: a goal, an office, or
 * else the whole strategy. */
static MeasuresReport *
create_monitoring_report (MeasuresWindow  *self,
                          GError         **error)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);
  GSettings *settings = measures_context_get_settings (self->context);
  const char *office = NULL;
  guint goal = 0;
  MeasuresReport *report;

  if (page == GTK_WIDGET (self->measures_page))
    goal = measures_measures_page_get_goal (self->measures_page);
  else if (page == GTK_WIDGET (self->offices_page))
    office = measures_offices_page_get_office (self->offices_page);

  report = measures_report_new_monitoring (self->store, goal, office, error);
  if (report != NULL)
    measures_report_set_report_interval (report, g_settings_get_uint (settings,
                                                                     "report-interval-months"));
  return report;
}

static MeasuresReport *
create_report (MeasuresWindow  *self,
               Document         document,
               GError         **error)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->content_stack);
  MeasuresReport *report = NULL;
  g_autofree char *author = measures_context_dup_author (self->context);

  /* A page says what it prints; one with nothing of its own prints the
   * whole strategy. */
  if (document == DOCUMENT_CURRENT && MEASURES_IS_PAGE (page))
    {
      g_autoptr(GError) local_error = NULL;

      report = measures_page_create_report (MEASURES_PAGE (page), &local_error);
      if (local_error != NULL)
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
      document = DOCUMENT_STRATEGY;
    }

  if (report == NULL)
    switch (document)
      {
      case DOCUMENT_GOAL:
        report = measures_report_new_goal (self->store,
                                           measures_measures_page_get_goal (self->measures_page),
                                           error);
        break;
      case DOCUMENT_OVERVIEW:
        report = measures_report_new_overview (self->store, error);
        break;
      case DOCUMENT_MONITORING:
        report = create_monitoring_report (self, error);
        break;
      case DOCUMENT_CURRENT:
      case DOCUMENT_STRATEGY:
      default:
        report = measures_report_new_strategy (self->store, error);
        break;
      }

  if (report != NULL)
    {
      GSettings *settings = measures_context_get_settings (self->context);
      g_autofree char *layout = g_settings_get_string (settings, "layout");
      g_autofree char *logo = g_settings_get_string (settings, "logo");
      g_autofree char *color = g_settings_get_string (settings, "house-color");
      MeasuresLayout sheets = MEASURES_LAYOUT_ONE_PER_PAGE;

      measures_report_set_author (report, author);
      measures_layout_from_string (layout, &sheets);
      measures_report_set_layout (report, sheets);
      measures_report_set_house_color (report, color);
      /* A logo that cannot be read leaves the neutral look. */
      if (!measures_report_set_logo (report, logo, NULL))
        g_warning ("The logo “%s” could not be read", logo);
    }

  return report;
}

static void run_print_operation (MeasuresWindow         *self,
                                 MeasuresPrintOperation *operation);

/* A preview that was closed has done its work; one whose Print was
 * pressed leads on to the printer. */
static void
print_done (MeasuresWindow          *self,
            GtkPrintOperationResult  result,
            GtkPrintOperation       *operation)
{
  MeasuresPrintOperation *previewed = MEASURES_PRINT_OPERATION (operation);

  if (result == GTK_PRINT_OPERATION_RESULT_ERROR)
    {
      g_autoptr(GError) error = NULL;

      gtk_print_operation_get_error (operation, &error);
      if (error != NULL)
        _measures_window_show_error_toast (self, error);
    }
  else if (measures_print_operation_get_print_requested (previewed))
    {
      g_autoptr(MeasuresPrintOperation) again =
        measures_print_operation_new_from_preview (previewed);

      run_print_operation (self, again);
    }
}

/* Without waiting: the print dialog and the preview are windows of their
 * own, and the operation says in "done" how it went. */
static void
run_print_operation (MeasuresWindow         *self,
                     MeasuresPrintOperation *operation)
{
  g_autoptr(GError) error = NULL;

  gtk_print_operation_set_allow_async (GTK_PRINT_OPERATION (operation), TRUE);
  g_signal_connect_object (operation, "done", G_CALLBACK (print_done), self, G_CONNECT_SWAPPED);
  if (gtk_print_operation_run (GTK_PRINT_OPERATION (operation),
                               GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR &&
      error != NULL)
    _measures_window_show_error_toast (self, error);
}

static void
print_document (MeasuresWindow *self,
                Document        document)
{
  g_autoptr(MeasuresReport) report = NULL;
  g_autoptr(MeasuresPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  report = create_report (self, document, &error);
  if (report == NULL)
    {
      _measures_window_show_error_toast (self, error);
      return;
    }

  operation = measures_print_operation_new (report, measures_context_get_paper (self->context));
  run_print_operation (self, operation);
}

static void
exported (MeasuresWindow *self,
          GFile          *file)
{
  g_autofree char *basename = g_file_get_basename (file);
  g_autofree char *message = NULL;
  g_autofree char *uri = g_file_get_uri (file);
  AdwToast *toast;

  /* Translators: %s is the name of the PDF file or folder just written */
  message = g_strdup_printf (_("Exported “%s”"), basename);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_detailed_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_document (MeasuresWindow *self,
                 MeasuresReport *report)
{
  g_autoptr(MeasuresExportDialog) dialog = NULL;

  dialog = measures_export_dialog_new (GTK_WINDOW (self), self->context, report);
  g_signal_connect_object (dialog, "exported", G_CALLBACK (exported), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (dialog, "failed", G_CALLBACK (_measures_window_show_error_toast), self,
                           G_CONNECT_SWAPPED);
  measures_export_dialog_show (dialog);
}

static void
export_current (MeasuresWindow *self,
                Document        document)
{
  g_autoptr(MeasuresReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = create_report (self, document, &error);
  if (report == NULL)
    {
      _measures_window_show_error_toast (self, error);
      return;
    }

  export_document (self, report);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  if (g_str_equal (action_name, "win.print-goal"))
    print_document (self, DOCUMENT_GOAL);
  else if (g_str_equal (action_name, "win.print-strategy"))
    print_document (self, DOCUMENT_STRATEGY);
  else if (g_str_equal (action_name, "win.print-overview"))
    print_document (self, DOCUMENT_OVERVIEW);
  else if (g_str_equal (action_name, "win.print-monitoring"))
    print_document (self, DOCUMENT_MONITORING);
  else
    print_document (self, DOCUMENT_CURRENT);
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  if (g_str_equal (action_name, "win.export-office-sheets"))
    export_document (self, NULL);
  else if (g_str_equal (action_name, "win.export-goal"))
    export_current (self, DOCUMENT_GOAL);
  else if (g_str_equal (action_name, "win.export-strategy"))
    export_current (self, DOCUMENT_STRATEGY);
  else if (g_str_equal (action_name, "win.export-overview"))
    export_current (self, DOCUMENT_OVERVIEW);
  else if (g_str_equal (action_name, "win.export-monitoring"))
    export_current (self, DOCUMENT_MONITORING);
  else
    export_current (self, DOCUMENT_CURRENT);
}

static void
spreadsheet_chosen (GtkNativeDialog *dialog,
                    int              response,
                    MeasuresWindow  *self)
{
  g_autoptr(GFile) file = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GError) error = NULL;
  const gint64 *ids;
  guint n_ids;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_debug ("Spreadsheet to export: %s", file ? g_file_peek_path (file) : "none");
  if (file == NULL)
    return;

  /* The list as the user sees it: the goal, the filters, the order. */
  path = g_file_get_path (file);
  ids = measures_measures_page_get_shown_ids (self->measures_page, &n_ids);
  if (!measures_spreadsheet_export (self->store, ids, n_ids, NULL, path, &error))
    _measures_window_show_error_toast (self, error);
  else
    exported (self, file);
}

/* The measures the list shows, with every field and their progress log,
 * for a spreadsheet program. */
static void
export_spreadsheet_action (GtkWidget  *widget,
                           const char *action_name,
                           GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  GtkFileChooserNative *dialog;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  guint goal = measures_measures_page_get_goal (self->measures_page);
  g_autofree char *name = NULL;

  /* The list the user looks at: on another page, the one last shown. */
  if (gtk_stack_get_visible_child (self->content_stack) != GTK_WIDGET (self->measures_page))
    _measures_window_select_view (self, goal ? VIEW_GOAL : VIEW_ALL_MEASURES, goal);

  dialog = gtk_file_chooser_native_new (_("Export as Spreadsheet"), GTK_WINDOW (self),
                                        GTK_FILE_CHOOSER_ACTION_SAVE, _("_Export"), _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Spreadsheets"));
  gtk_file_filter_add_suffix (filter, "xlsx");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
  if (goal != 0)
    /* Translators: a file name, e.g. "Measures of goal 2.xlsx" */
    name = g_strdup_printf (_("Measures of goal %u.xlsx"), goal);
  else
    /* Translators: a file name */
    name = g_strdup (_("Measures.xlsx"));
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
  g_signal_connect_object (dialog, "response", G_CALLBACK (spreadsheet_chosen), self, 0);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* The shortcuts window is made when asked for, not with every window. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX
                                                                 "/window/measures-shortcuts.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (overlay, GTK_WINDOW (widget));
  gtk_window_set_modal (overlay, TRUE);
  gtk_window_set_destroy_with_parent (overlay, TRUE);
  gtk_window_present (overlay);
}

void
_measures_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-goal", "u", show_goal_action);
  gtk_widget_class_install_action (widget_class, "win.show-measure", "x", show_measure_action);
  gtk_widget_class_install_action (widget_class, "win.show-indicator", "x",
                                   show_indicator_action);
  gtk_widget_class_install_action (widget_class, "win.show-office", "s", show_office_action);
  gtk_widget_class_install_action (widget_class, "win.show-office-measures", "(si)",
                                   show_office_measures_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.show-removed", NULL, show_removed_action);
  gtk_widget_class_install_action (widget_class, "win.new-measure", NULL, new_measure_action);
  gtk_widget_class_install_action (widget_class, "win.edit-measure", NULL, edit_measure_action);
  gtk_widget_class_install_action (widget_class, "win.remove-measure", NULL,
                                   remove_measure_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "win.resume-discarded-edit", NULL,
                                   resume_discarded_edit_action);
  gtk_widget_class_install_action (widget_class, "win.copy-draft", NULL, copy_draft_action);
  gtk_widget_class_install_action (widget_class, "win.show-current-version", NULL,
                                   show_current_version_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add-log-entry", "(uuss)",
                                   add_log_entry_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-goal", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-strategy", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-overview", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-monitoring", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-goal", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-strategy", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-overview", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-monitoring", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-office-sheets", NULL,
                                   export_action);
  gtk_widget_class_install_action (widget_class, "win.export-spreadsheet", NULL,
                                   export_spreadsheet_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);

  /* A binding, not an accelerator: popovers and the search entry see
   * Escape first and close themselves. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel", NULL);
}
