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
 */
struct _MeasuresPrintOperation
{
  GtkPrintOperation parent_instance;

  /* Owned: the operation may outlive the page that ran it. */
  MeasuresReport *report;
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

/* The preview shows the pages with the report's own drawing, in a window
 * of ours, rather than through a viewer that may not be installed. */
static gboolean
measures_print_operation_preview (GtkPrintOperation        *operation,
                                  GtkPrintOperationPreview *preview,
                                  GtkPrintContext          *context,
                                  GtkWindow                *parent)
{
  MeasuresReport *report = MEASURES_PRINT_OPERATION (operation)->report;
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoContext *pango;
  GtkWidget *window;

  /* A preview handled here needs a cairo context to measure with; the
   * pages themselves are drawn by the preview window. */
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  pango = gtk_print_context_create_pango_context (context);
  pango_cairo_context_set_resolution (pango, 72);
  measures_report_paginate (report, pango, gtk_print_context_get_width (context),
                            gtk_print_context_get_height (context));
  g_object_unref (pango);

  window = measures_print_preview_new (parent, report, preview,
                                       gtk_print_context_get_width (context),
                                       gtk_print_context_get_height (context));
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
