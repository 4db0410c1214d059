/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-print-preview"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-print-preview.h"

/**
 * MeasuresPrintPreview:
 *
 * The print dialog's preview: the pages as they will be printed, drawn by
 * the report renderer itself, so that no other program is needed.
 */
struct _MeasuresPrintPreview
{
  AdwWindow parent_instance;

  /* Owned */
  MeasuresReport *report;
  GtkPrintOperationPreview *preview;
  double page_width;
  double page_height;
  guint page;
  guint n_pages;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkDrawingArea *page_area;
};

G_DEFINE_FINAL_TYPE (MeasuresPrintPreview, measures_print_preview, ADW_TYPE_WINDOW)

static void
update (MeasuresPrintPreview *self)
{
  /* Translators: the page shown in the print preview */
  g_autofree char *subtitle = g_strdup_printf (_("Page %u of %u"), self->page + 1, self->n_pages);

  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->page > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next", self->page + 1 < self->n_pages);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  MeasuresPrintPreview *self = user_data;
  double margin = 16;
  double scale = MIN ((width - 2 * margin) / self->page_width,
                      (height - 2 * margin) / self->page_height);
  double x = (width - self->page_width * scale) / 2;
  double y = (height - self->page_height * scale) / 2;

  if (self->n_pages == 0 || scale <= 0)
    return;

  /* A sheet of paper on a grey desk. */
  cairo_set_source_rgb (cr, 0.85, 0.85, 0.86);
  cairo_paint (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill (cr);
  measures_report_draw_page (self->report, cr, self->page);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MeasuresPrintPreview *self = MEASURES_PRINT_PREVIEW (widget);

  if (self->page > 0)
    self->page--;
  update (self);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MeasuresPrintPreview *self = MEASURES_PRINT_PREVIEW (widget);

  if (self->page + 1 < self->n_pages)
    self->page++;
  update (self);
}

static void
measures_print_preview_dispose (GObject *object)
{
  MeasuresPrintPreview *self = (MeasuresPrintPreview *)object;

  /* The print operation waits for the preview to end. */
  if (self->preview != NULL)
    gtk_print_operation_preview_end_preview (self->preview);
  g_clear_object (&self->preview);
  g_clear_object (&self->report);
  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_PRINT_PREVIEW);

  G_OBJECT_CLASS (measures_print_preview_parent_class)->dispose (object);
}

static void
measures_print_preview_class_init (MeasuresPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_print_preview_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/reports/measures-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresPrintPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPrintPreview, page_area);

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, next_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
measures_print_preview_init (MeasuresPrintPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_drawing_area_set_draw_func (self->page_area, draw, self, NULL);
}

/**
 * measures_print_preview_new:
 * @report: the report, already laid out on pages of the given size
 * @preview: the print operation's preview, ended when the window closes
 *
 * Returns: (transfer full): the preview window
 */
GtkWidget *
measures_print_preview_new (GtkWindow                *parent,
                            MeasuresReport           *report,
                            GtkPrintOperationPreview *preview,
                            double                    page_width,
                            double                    page_height)
{
  MeasuresPrintPreview *self;

  g_return_val_if_fail (MEASURES_IS_REPORT (report), NULL);

  self = g_object_new (MEASURES_TYPE_PRINT_PREVIEW, "transient-for", parent, NULL);
  self->report = g_object_ref (report);
  self->preview = g_object_ref (preview);
  self->page_width = page_width;
  self->page_height = page_height;
  self->n_pages = measures_report_get_n_pages (report);
  update (self);

  return GTK_WIDGET (self);
}
