/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-export-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-export-dialog.h"

/**
 * MeasuresExportDialog:
 *
 * Asks where to export a report as PDF, and in which language, then
 * writes it there; without a report, asks for a folder and writes every
 * office's sheet into it. Says how it went through its signals.
 *
 * GTK 4.8 has no GtkFileDialog: this wraps a GtkFileChooserNative, which
 * uses the desktop's own dialog where there is one.
 */
struct _MeasuresExportDialog
{
  GObject parent_instance;

  /* Owned */
  GtkWindow *parent;
  MeasuresContext *context;
  MeasuresReport *report;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (MeasuresExportDialog, measures_export_dialog, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PARENT,
  PROP_CONTEXT,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  EXPORTED,
  FAILED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gboolean
write_chosen (MeasuresExportDialog  *self,
              const char            *path,
              GError               **error)
{
  GtkFileChooser *chooser = GTK_FILE_CHOOSER (self->chooser);
  MeasuresStore *store = measures_context_get_store (self->context);
  MeasuresPaper paper = measures_context_get_paper (self->context);
  g_autofree char *author = NULL;
  g_autofree char *layout_name = NULL;
  MeasuresLayout layout = MEASURES_LAYOUT_ONE_PER_PAGE;
  guint n;

  if (self->report != NULL)
    {
      const char *language = gtk_file_chooser_get_choice (chooser, "language");

      /* "" is the interface's language. */
      measures_report_set_language (self->report, language && language[0] ? language : NULL);
      measures_report_set_layout (self->report,
                                  g_strcmp0 (gtk_file_chooser_get_choice (chooser, "layout"),
                                             "two-per-page") == 0
                                    ? MEASURES_LAYOUT_TWO_PER_PAGE
                                    : MEASURES_LAYOUT_ONE_PER_PAGE);
      return measures_report_write_pdf (self->report, path, paper, error);
    }

  /* The sheets as the preferences set them. */
  author = measures_context_dup_author (self->context);
  layout_name = g_settings_get_string (measures_context_get_settings (self->context), "layout");
  measures_layout_from_string (layout_name, &layout);
  return measures_report_export_office_sheets (store, path, NULL, paper, layout, author, &n,
                                               error);
}

static void
chooser_response (MeasuresExportDialog *self,
                  int                   response)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (self->chooser));
      path = g_file_get_path (file);
      if (write_chosen (self, path, &error))
        g_signal_emit (self, signals[EXPORTED], 0, file);
      else
        g_signal_emit (self, signals[FAILED], 0, error);
    }

  gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  /* Taken in measures_export_dialog_show(). */
  g_object_unref (self);
}

static void
measures_export_dialog_constructed (GObject *object)
{
  MeasuresExportDialog *self = MEASURES_EXPORT_DIALOG (object);
  GtkFileChooser *chooser;

  G_OBJECT_CLASS (measures_export_dialog_parent_class)->constructed (object);

  self->chooser = gtk_file_chooser_native_new (self->report ? _("Export as PDF")
                                                            : _("Export All Office Sheets"),
                                               self->parent,
                                               self->report ? GTK_FILE_CHOOSER_ACTION_SAVE
                                                            : GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                               _("_Export"), _("_Cancel"));
  chooser = GTK_FILE_CHOOSER (self->chooser);
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (self->chooser), TRUE);

  if (self->report != NULL)
    {
      g_autofree char *name = measures_report_dup_file_name (self->report);
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_chooser_add_filter (chooser, filter);
      gtk_file_chooser_set_current_name (chooser, name);
      gtk_file_chooser_add_choice (chooser, "language", _("Report language"),
                                   (const char *[]) { "", "de", "en", "fr", NULL },
                                   (const char *[]) { _("Interface language"), "Deutsch",
                                                      "English", "Français", NULL });
      gtk_file_chooser_set_choice (chooser, "language", "");
      gtk_file_chooser_add_choice (chooser, "layout", _("Measure sheets"),
                                   (const char *[]) { "one-per-page", "two-per-page", NULL },
                                   (const char *[]) { _("One per page"),
                                                      _("Two per page, landscape"), NULL });
      gtk_file_chooser_set_choice (chooser, "layout",
                                   measures_report_get_layout (self->report) ==
                                       MEASURES_LAYOUT_TWO_PER_PAGE
                                     ? "two-per-page"
                                     : "one-per-page");
    }

  g_signal_connect_swapped (self->chooser, "response", G_CALLBACK (chooser_response), self);
}

static void
measures_export_dialog_dispose (GObject *object)
{
  MeasuresExportDialog *self = MEASURES_EXPORT_DIALOG (object);

  g_clear_object (&self->chooser);
  g_clear_object (&self->report);
  g_clear_object (&self->context);
  g_clear_object (&self->parent);

  G_OBJECT_CLASS (measures_export_dialog_parent_class)->dispose (object);
}

static void
measures_export_dialog_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  MeasuresExportDialog *self = MEASURES_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PARENT:
      g_value_set_object (value, self->parent);
      break;
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_export_dialog_set_property (GObject      *object,
                                     guint         prop_id,
                                     const GValue *value,
                                     GParamSpec   *pspec)
{
  MeasuresExportDialog *self = MEASURES_EXPORT_DIALOG (object);

  switch (prop_id)
    {
    case PROP_PARENT:
      self->parent = g_value_dup_object (value);
      break;
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      break;
    case PROP_REPORT:
      self->report = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_export_dialog_class_init (MeasuresExportDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = measures_export_dialog_constructed;
  object_class->dispose = measures_export_dialog_dispose;
  object_class->get_property = measures_export_dialog_get_property;
  object_class->set_property = measures_export_dialog_set_property;

  properties[PROP_PARENT] =
    g_param_spec_object ("parent", NULL, NULL, GTK_TYPE_WINDOW,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, MEASURES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* None: every office's sheet, into a folder. */
  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, MEASURES_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MeasuresExportDialog::exported:
   * @self: the dialog
   * @file: the PDF file or the folder just written
   *
   * Emitted when the export is written.
   */
  signals[EXPORTED] =
    g_signal_new ("exported", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_FILE);

  /**
   * MeasuresExportDialog::failed:
   * @self: the dialog
   * @error: why the export could not be written
   *
   * Emitted when the chosen file or folder could not be written.
   */
  signals[FAILED] =
    g_signal_new ("failed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_ERROR);
}

static void
measures_export_dialog_init (MeasuresExportDialog *self)
{
}

/**
 * measures_export_dialog_new:
 * @parent: the window the dialog belongs to
 * @context: the open strategy and the settings
 * @report: (nullable): the report to export, or %NULL for every office's
 *   sheet
 *
 * Returns: (transfer full): a dialog, not shown yet
 */
MeasuresExportDialog *
measures_export_dialog_new (GtkWindow       *parent,
                            MeasuresContext *context,
                            MeasuresReport  *report)
{
  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MEASURES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (report == NULL || MEASURES_IS_REPORT (report), NULL);

  return g_object_new (MEASURES_TYPE_EXPORT_DIALOG,
                       "parent", parent,
                       "context", context,
                       "report", report,
                       NULL);
}

/**
 * measures_export_dialog_show:
 *
 * Shows the dialog; it keeps itself alive until the user has answered.
 */
void
measures_export_dialog_show (MeasuresExportDialog *self)
{
  g_return_if_fail (MEASURES_IS_EXPORT_DIALOG (self));

  g_object_ref (self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}
