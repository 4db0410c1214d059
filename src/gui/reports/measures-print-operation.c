/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-print-operation"

#include "config.h"

#include <pango/pangocairo.h>

#include "measures-print-operation.h"
#include "measures-print-preview.h"

/**
 * MeasuresPrintOperation:
 *
 * Prints a report through the print system, on the paper of the
 * preferences, with a preview of our own. The page that asks for it only
 * runs it.
 *
 * Print in the preview ends the preview and notes that the user wants the
 * pages printed: whoever ran the operation then prints them with
 * measures_print_operation_new_from_preview().
 */
struct _MeasuresPrintOperation
{
  GtkPrintOperation parent_instance;

  /* Owned: the operation may outlive the page that ran it. */
  MeasuresReport *report;

  gboolean print_requested;
};

G_DEFINE_FINAL_TYPE (MeasuresPrintOperation, measures_print_operation, GTK_TYPE_PRINT_OPERATION)

enum {
  PROP_0,
  PROP_REPORT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
measures_print_operation_begin_print (GtkPrintOperation *operation,
                                      GtkPrintContext   *context)
{
  MeasuresReport *report = MEASURES_PRINT_OPERATION (operation)->report;
  PangoContext *pango = gtk_print_context_create_pango_context (context);

  /* The report measures in points; so does this print context. */
  pango_cairo_context_set_resolution (pango, 72);
  gtk_print_operation_set_n_pages (operation,
                                   measures_report_paginate (report, pango,
                                                             gtk_print_context_get_width (context),
                                                             gtk_print_context_get_height (context)));
  g_object_unref (pango);
}

static void
print_requested (MeasuresPrintOperation *self)
{
  self->print_requested = TRUE;
}

/* The preview shows the pages with the report's own drawing, in a window
 * of ours, rather than through a viewer that may not be installed. */
static gboolean
measures_print_operation_preview (GtkPrintOperation        *operation,
                                  GtkPrintOperationPreview *preview,
                                  GtkPrintContext          *context,
                                  GtkWindow                *parent)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  GtkWidget *window;

  /* The operation lays the report out before the first page is shown,
   * with a cairo context to measure with; the preview window draws each
   * page on one of its own. */
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  window = measures_print_preview_new (parent, preview, context);
  g_signal_connect_object (window, "print", G_CALLBACK (print_requested), operation,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));

  return TRUE;
}

static void
measures_print_operation_draw_page (GtkPrintOperation *operation,
                                    GtkPrintContext   *context,
                                    int                page)
{
  MeasuresReport *report = MEASURES_PRINT_OPERATION (operation)->report;

  measures_report_draw_page (report, gtk_print_context_get_cairo_context (context), page);
}

static void
measures_print_operation_constructed (GObject *object)
{
  MeasuresPrintOperation *self = MEASURES_PRINT_OPERATION (object);
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (object);
  g_autofree char *name = NULL;

  G_OBJECT_CLASS (measures_print_operation_parent_class)->constructed (object);

  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  name = measures_report_dup_file_name (self->report);
  gtk_print_operation_set_job_name (operation, name);
}

static void
measures_print_operation_dispose (GObject *object)
{
  MeasuresPrintOperation *self = MEASURES_PRINT_OPERATION (object);

  g_clear_object (&self->report);

  G_OBJECT_CLASS (measures_print_operation_parent_class)->dispose (object);
}

static void
measures_print_operation_get_property (GObject    *object,
                                       guint       prop_id,
                                       GValue     *value,
                                       GParamSpec *pspec)
{
  MeasuresPrintOperation *self = MEASURES_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_print_operation_set_property (GObject      *object,
                                       guint         prop_id,
                                       const GValue *value,
                                       GParamSpec   *pspec)
{
  MeasuresPrintOperation *self = MEASURES_PRINT_OPERATION (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      self->report = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_print_operation_class_init (MeasuresPrintOperationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkPrintOperationClass *operation_class = GTK_PRINT_OPERATION_CLASS (klass);

  object_class->constructed = measures_print_operation_constructed;
  object_class->dispose = measures_print_operation_dispose;
  object_class->get_property = measures_print_operation_get_property;
  object_class->set_property = measures_print_operation_set_property;
  operation_class->begin_print = measures_print_operation_begin_print;
  operation_class->draw_page = measures_print_operation_draw_page;
  operation_class->preview = measures_print_operation_preview;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, MEASURES_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
measures_print_operation_init (MeasuresPrintOperation *self)
{
}

/**
 * measures_print_operation_new:
 * @report: what to print
 * @paper: the paper of the preferences, which the print dialog offers first
 *
 * Returns: (transfer full): an operation that prints @report
 */
MeasuresPrintOperation *
measures_print_operation_new (MeasuresReport *report,
                              MeasuresPaper   paper)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) size = NULL;

  g_return_val_if_fail (MEASURES_IS_REPORT (report), NULL);

  size = gtk_paper_size_new (paper == MEASURES_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                            : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, size);
  /* Two sheets side by side need the paper turned. */
  if (measures_report_get_layout (report) == MEASURES_LAYOUT_TWO_PER_PAGE)
    gtk_page_setup_set_orientation (setup, GTK_PAGE_ORIENTATION_LANDSCAPE);

  return g_object_new (MEASURES_TYPE_PRINT_OPERATION,
                       "report", report,
                       "default-page-setup", setup,
                       NULL);
}

/**
 * measures_print_operation_get_print_requested:
 *
 * Returns: whether the user asked in the preview to print what it showed
 */
gboolean
measures_print_operation_get_print_requested (MeasuresPrintOperation *self)
{
  g_return_val_if_fail (MEASURES_IS_PRINT_OPERATION (self), FALSE);

  return self->print_requested;
}

/**
 * measures_print_operation_new_from_preview:
 * @previewed: an operation whose preview has ended
 *
 * What the preview showed, to print: the same report, with the print
 * settings and the page setup chosen in the print dialog, which shows
 * them again for the user to choose the printer.
 *
 * Returns: (transfer full): an operation that prints what @previewed showed
 */
MeasuresPrintOperation *
measures_print_operation_new_from_preview (MeasuresPrintOperation *previewed)
{
  GtkPrintOperation *operation = GTK_PRINT_OPERATION (previewed);
  GtkPrintSettings *settings;
  GtkPageSetup *setup;
  g_autoptr(GtkPrintSettings) settings_copy = NULL;
  g_autoptr(GtkPageSetup) setup_copy = NULL;

  g_return_val_if_fail (MEASURES_IS_PRINT_OPERATION (previewed), NULL);

  settings = gtk_print_operation_get_print_settings (operation);
  setup = gtk_print_operation_get_default_page_setup (operation);
  if (settings != NULL)
    settings_copy = gtk_print_settings_copy (settings);
  if (setup != NULL)
    setup_copy = gtk_page_setup_copy (setup);

  return g_object_new (MEASURES_TYPE_PRINT_OPERATION,
                       "report", previewed->report,
                       "default-page-setup", setup_copy,
                       "print-settings", settings_copy,
                       NULL);
}
