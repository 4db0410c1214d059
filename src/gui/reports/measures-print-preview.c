/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-print-preview"

#include "config.h"

#include <math.h>

#include <glib/gi18n.h>

#include "measures-print-preview.h"

/**
 * MeasuresPrintPreview:
 *
 * The print dialog's preview: the pages selected for printing as they
 * will be printed, drawn by the print operation itself, so that no other
 * program is needed. The page fits the window, or is zoomed and scrolled;
 * Print leads on to the printer, closing just closes.
 *
 * The window ends the operation's preview exactly once: when it asks to
 * print, or when it goes away.
 */
struct _MeasuresPrintPreview
{
  AdwWindow parent_instance;

  /* Owned */
  GtkPrintOperationPreview *preview;    /* until the preview is ended */
  GtkPrintContext *context;
  GArray *pages;                        /* guint: those selected for printing */
  guint n_pages;                        /* all of the document's */
  guint position;                       /* of the page shown, in pages */
  cairo_surface_t *surface;             /* the page shown, as drawn */
  double page_width;                    /* in points */
  double page_height;
  double zoom;                          /* of the real size; 0 fits the page */
  double scrolled;                      /* Ctrl+scroll not yet turned into zoom */
  double centre[2];                     /* of the view, as parts of the page shown, to
                                           keep where it is after a zoom; < 0: none */
  guint resized_id;                     /* the fitted zoom to show anew */

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *previous_button;
  GtkWidget *next_button;
  GtkWidget *zoom_in_button;
  GtkWidget *print_button;
  GtkScrolledWindow *scroller;
  GtkDrawingArea *page_area;
  GtkLabel *zoom_label;
};

G_DEFINE_FINAL_TYPE (MeasuresPrintPreview, measures_print_preview, ADW_TYPE_WINDOW)

enum {
  PRINT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Grey around the sheet, in pixels. */
#define DESK 16

/* Points are 1/72 inch; the screen's real size counts 96 pixels to it. */
#define REAL_SIZE (96.0 / 72.0)

/* The steps of zooming, as parts of the real size. */
static const double zoom_levels[] = {
  0.25, 1.0 / 3, 0.5, 2.0 / 3, 0.8, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0
};

/* Pixels per point when the page fits into @width × @height pixels. */
static double
fit_scale (MeasuresPrintPreview *self,
           int                   width,
           int                   height)
{
  return MAX (MIN ((width - 2 * DESK) / self->page_width,
                   (height - 2 * DESK) / self->page_height), 0);
}

/* Pixels per point as the page is shown now. */
static double
current_scale (MeasuresPrintPreview *self)
{
  if (self->zoom > 0)
    return self->zoom * REAL_SIZE;

  return fit_scale (self, gtk_widget_get_width (GTK_WIDGET (self->scroller)),
                    gtk_widget_get_height (GTK_WIDGET (self->scroller)));
}

static void
update (MeasuresPrintPreview *self)
{
  guint n_shown = self->pages->len;
  double percent = current_scale (self) / REAL_SIZE * 100;
  g_autofree char *zoom = NULL;
  int width = 0;
  int height = 0;

  if (n_shown > 0)
    {
      /* Translators: the page shown in the print preview */
      g_autofree char *subtitle = g_strdup_printf (_("Page %u of %u"),
                                                   g_array_index (self->pages, guint,
                                                                  self->position) + 1,
                                                   self->n_pages);

      adw_window_title_set_subtitle (self->window_title, subtitle);
    }

  /* Zoomed, the page asks for its size, and the window scrolls it. */
  if (self->zoom > 0)
    {
      width = ceil (self->page_width * self->zoom * REAL_SIZE) + 2 * DESK;
      height = ceil (self->page_height * self->zoom * REAL_SIZE) + 2 * DESK;
    }
  gtk_drawing_area_set_content_width (self->page_area, width);
  gtk_drawing_area_set_content_height (self->page_area, height);

  /* Translators: the zoom of the print preview, e.g. "100 %" */
  zoom = g_strdup_printf (_("%u %%"), (guint) round (percent));
  gtk_label_set_label (self->zoom_label, zoom);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.previous", self->position > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.next",
                                 self->position + 1 < n_shown);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.print",
                                 self->preview != NULL && n_shown > 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 percent < zoom_levels[G_N_ELEMENTS (zoom_levels) - 1] * 100 - 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out",
                                 percent > zoom_levels[0] * 100 + 1);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-fit", self->zoom > 0);
  gtk_widget_queue_draw (GTK_WIDGET (self->page_area));
}

/* The page shown, drawn by the print operation as it will print it, at
 * 72 dots per inch, into a surface that keeps it as lines and text, so
 * that any zoom shows it sharp. */
static cairo_surface_t *
page_surface (MeasuresPrintPreview *self)
{
  cairo_t *cr;

  if (self->surface != NULL || self->preview == NULL || self->pages->len == 0)
    return self->surface;

  self->surface = cairo_recording_surface_create (CAIRO_CONTENT_COLOR_ALPHA, NULL);
  cr = cairo_create (self->surface);
  gtk_print_context_set_cairo_context (self->context, cr, 72, 72);
  gtk_print_operation_preview_render_page (self->preview,
                                           g_array_index (self->pages, guint, self->position));
  cairo_destroy (cr);

  return self->surface;
}

static void
draw (GtkDrawingArea *area,
      cairo_t        *cr,
      int             width,
      int             height,
      gpointer        user_data)
{
  MeasuresPrintPreview *self = user_data;
  cairo_surface_t *surface = page_surface (self);
  double scale = self->zoom > 0 ? self->zoom * REAL_SIZE : fit_scale (self, width, height);

  /* A sheet of paper on a grey desk, in the middle while it is smaller
   * than the window. */
  cairo_set_source_rgb (cr, 0.85, 0.85, 0.86);
  cairo_paint (cr);
  if (surface == NULL || scale <= 0)
    return;

  cairo_translate (cr, MAX (DESK, (width - self->page_width * scale) / 2),
                   MAX (DESK, (height - self->page_height * scale) / 2));
  cairo_scale (cr, scale, scale);
  cairo_rectangle (cr, 0, 0, self->page_width, self->page_height);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cairo_set_source_surface (cr, surface, 0, 0);
  cairo_paint (cr);
}

static void
show_position (MeasuresPrintPreview *self,
               guint                 position)
{
  if (position != self->position)
    g_clear_pointer (&self->surface, cairo_surface_destroy);
  self->position = position;
  update (self);
}

/* The operation has laid the document out: which of its pages are
 * printed, and so shown. */
static void
ready (MeasuresPrintPreview *self,
       GtkPrintContext      *context)
{
  int n_pages = 0;

  g_object_get (self->preview, "n-pages", &n_pages, NULL);
  self->n_pages = MAX (n_pages, 0);
  g_array_set_size (self->pages, 0);
  for (guint i = 0; i < self->n_pages; i++)
    if (gtk_print_operation_preview_is_selected (self->preview, i))
      g_array_append_val (self->pages, i);

  g_clear_pointer (&self->surface, cairo_surface_destroy);
  self->position = 0;
  update (self);
}

static void
got_page_size (MeasuresPrintPreview *self,
               GtkPrintContext      *context,
               GtkPageSetup         *page_setup)
{
  double width = gtk_page_setup_get_paper_width (page_setup, GTK_UNIT_POINTS);
  double height = gtk_page_setup_get_paper_height (page_setup, GTK_UNIT_POINTS);

  if (width == self->page_width && height == self->page_height)
    return;

  self->page_width = width;
  self->page_height = height;
  update (self);
}

/* Once, whichever comes first: Print, or the window going away. */
static void
end_preview (MeasuresPrintPreview *self)
{
  g_autoptr(GtkPrintOperationPreview) preview = g_steal_pointer (&self->preview);

  if (preview == NULL)
    return;

  g_signal_handlers_disconnect_by_data (preview, self);
  gtk_print_operation_preview_end_preview (preview);
}

static void
previous_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MeasuresPrintPreview *self = MEASURES_PRINT_PREVIEW (widget);

  if (self->position > 0)
    show_position (self, self->position - 1);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MeasuresPrintPreview *self = MEASURES_PRINT_PREVIEW (widget);

  if (self->position + 1 < self->pages->len)
    show_position (self, self->position + 1);
}

static GtkAdjustment *
adjustment (MeasuresPrintPreview *self,
            guint                 axis)
{
  return axis == 0 ? gtk_scrolled_window_get_hadjustment (self->scroller)
                   : gtk_scrolled_window_get_vadjustment (self->scroller);
}

/* Notes which part of the page is in the middle of the view, so that a
 * zoom keeps it there rather than jumping to the page's top left. */
static void
note_centre (MeasuresPrintPreview *self)
{
  for (guint axis = 0; axis < 2; axis++)
    {
      GtkAdjustment *a = adjustment (self, axis);
      double lower = gtk_adjustment_get_lower (a);
      double upper = gtk_adjustment_get_upper (a) - lower;
      double middle = gtk_adjustment_get_value (a) - lower + gtk_adjustment_get_page_size (a) / 2;

      self->centre[axis] = upper > 0 ? middle / upper : -1;
    }
}

/* Once the zoomed page has its size: the noted part back in the middle. */
static void
adjustment_changed (MeasuresPrintPreview *self,
                    GtkAdjustment        *a)
{
  guint axis = a == adjustment (self, 0) ? 0 : 1;
  double upper = gtk_adjustment_get_upper (a) - gtk_adjustment_get_lower (a);

  if (self->centre[axis] < 0)
    return;

  gtk_adjustment_set_value (a, gtk_adjustment_get_lower (a) + self->centre[axis] * upper -
                               gtk_adjustment_get_page_size (a) / 2);
  self->centre[axis] = -1;
}

/* From the zoom shown, fitted or not, one step further. */
static void
zoom_by (MeasuresPrintPreview *self,
         int                   steps)
{
  double zoom = current_scale (self) / REAL_SIZE;
  guint n = G_N_ELEMENTS (zoom_levels);

  note_centre (self);

  if (steps > 0)
    {
      guint i = 0;

      while (i < n - 1 && zoom_levels[i] <= zoom * 1.01)
        i++;
      zoom = MAX (zoom, zoom_levels[i]);
    }
  else
    {
      guint i = n - 1;

      while (i > 0 && zoom_levels[i] >= zoom * 0.99)
        i--;
      zoom = MIN (zoom, zoom_levels[i]);
    }

  self->zoom = zoom;
  update (self);
}

static void
zoom_in_action (GtkWidget  *widget,
                const char *action_name,
                GVariant   *parameter)
{
  zoom_by (MEASURES_PRINT_PREVIEW (widget), 1);
}

static void
zoom_out_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  zoom_by (MEASURES_PRINT_PREVIEW (widget), -1);
}

static void
zoom_fit_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  MeasuresPrintPreview *self = MEASURES_PRINT_PREVIEW (widget);

  self->zoom = 0;
  update (self);
}

/* Print goes on with what the preview shows: whoever runs the operation
 * hears it first, then the preview ends. */
static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MeasuresPrintPreview *self = MEASURES_PRINT_PREVIEW (widget);

  if (self->preview == NULL)
    return;

  g_signal_emit (self, signals[PRINT], 0);
  end_preview (self);
  gtk_window_destroy (GTK_WINDOW (self));
}

/* Ctrl and the wheel zoom, as in a document viewer; the wheel alone
 * scrolls. */
static gboolean
scrolled (MeasuresPrintPreview     *self,
          double                    dx,
          double                    dy,
          GtkEventControllerScroll *controller)
{
  GdkModifierType state =
    gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  if (!(state & GDK_CONTROL_MASK))
    return FALSE;

  /* A touchpad scrolls in small amounts: a step of zoom per wheel click. */
  self->scrolled += dy;
  while (self->scrolled <= -1)
    {
      zoom_by (self, 1);
      self->scrolled += 1;
    }
  while (self->scrolled >= 1)
    {
      zoom_by (self, -1);
      self->scrolled -= 1;
    }

  return TRUE;
}

static gboolean
resized_idle (gpointer data)
{
  MeasuresPrintPreview *self = data;

  self->resized_id = 0;
  update (self);
  return G_SOURCE_REMOVE;
}

/* The fitted page follows the window's size, and its zoom is shown anew;
 * but not while the window is being laid out, as the header bar is. */
static void
scroller_resized (MeasuresPrintPreview *self)
{
  if (self->zoom == 0 && self->resized_id == 0)
    self->resized_id = g_idle_add (resized_idle, self);
}

static void
measures_print_preview_dispose (GObject *object)
{
  MeasuresPrintPreview *self = (MeasuresPrintPreview *)object;

  end_preview (self);
  g_clear_handle_id (&self->resized_id, g_source_remove);
  g_clear_object (&self->context);
  g_clear_pointer (&self->surface, cairo_surface_destroy);
  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_PRINT_PREVIEW);

  G_OBJECT_CLASS (measures_print_preview_parent_class)->dispose (object);
}

static void
measures_print_preview_finalize (GObject *object)
{
  MeasuresPrintPreview *self = (MeasuresPrintPreview *)object;

  g_array_unref (self->pages);

  G_OBJECT_CLASS (measures_print_preview_parent_class)->finalize (object);
}

static void
add_zoom_binding (GtkWidgetClass *widget_class,
                  guint           keyval,
                  const char     *action)
{
  gtk_widget_class_add_binding_action (widget_class, keyval, GDK_CONTROL_MASK, action, NULL);
}

static void
measures_print_preview_class_init (MeasuresPrintPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_print_preview_dispose;
  object_class->finalize = measures_print_preview_finalize;

  /**
   * MeasuresPrintPreview::print:
   * @self: the preview
   *
   * Emitted when the user asks to print what the preview shows, just
   * before the preview ends and the window closes.
   */
  signals[PRINT] =
    g_signal_new ("print", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/reports/measures-print-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresPrintPreview, window_title);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPrintPreview, previous_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPrintPreview, next_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPrintPreview, zoom_in_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPrintPreview, print_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPrintPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPrintPreview, page_area);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPrintPreview, zoom_label);

  gtk_widget_class_install_action (widget_class, "preview.previous", NULL, previous_action);
  gtk_widget_class_install_action (widget_class, "preview.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_fit_action);
  gtk_widget_class_install_action (widget_class, "preview.print", NULL, print_action);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, 0, "preview.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, 0, "preview.next", NULL);
  add_zoom_binding (widget_class, GDK_KEY_plus, "preview.zoom-in");
  add_zoom_binding (widget_class, GDK_KEY_equal, "preview.zoom-in");
  add_zoom_binding (widget_class, GDK_KEY_KP_Add, "preview.zoom-in");
  add_zoom_binding (widget_class, GDK_KEY_minus, "preview.zoom-out");
  add_zoom_binding (widget_class, GDK_KEY_KP_Subtract, "preview.zoom-out");
  add_zoom_binding (widget_class, GDK_KEY_0, "preview.zoom-fit");
  add_zoom_binding (widget_class, GDK_KEY_KP_0, "preview.zoom-fit");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK,
                                       "preview.print", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
measures_print_preview_init (MeasuresPrintPreview *self)
{
  GtkEventController *scroll;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->pages = g_array_new (FALSE, FALSE, sizeof (guint));
  /* Until the operation tells: A4. */
  self->page_width = 595.2756;
  self->page_height = 841.8898;
  gtk_drawing_area_set_draw_func (self->page_area, draw, self, NULL);
  self->centre[0] = self->centre[1] = -1;
  for (guint axis = 0; axis < 2; axis++)
    g_signal_connect_object (adjustment (self, axis), "changed", G_CALLBACK (adjustment_changed),
                             self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->page_area, "resize", G_CALLBACK (scroller_resized), self,
                           G_CONNECT_SWAPPED);

  /* Before the scrolled window scrolls. */
  scroll = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_VERTICAL);
  gtk_event_controller_set_propagation_phase (scroll, GTK_PHASE_CAPTURE);
  g_signal_connect_object (scroll, "scroll", G_CALLBACK (scrolled), self, G_CONNECT_SWAPPED);
  gtk_widget_add_controller (GTK_WIDGET (self->scroller), scroll);

  update (self);
}

/**
 * measures_print_preview_new:
 * @parent: (nullable): the window the preview belongs to
 * @preview: the print operation's preview, ended when the window prints or
 *   closes
 * @context: the operation's print context, on which the pages are drawn
 *
 * The window shows the pages once the operation has laid them out, that is
 * once @preview is ready.
 *
 * Returns: (transfer full): the preview window
 */
GtkWidget *
measures_print_preview_new (GtkWindow                *parent,
                            GtkPrintOperationPreview *preview,
                            GtkPrintContext          *context)
{
  MeasuresPrintPreview *self;

  g_return_val_if_fail (parent == NULL || GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (GTK_IS_PRINT_OPERATION_PREVIEW (preview), NULL);
  g_return_val_if_fail (GTK_IS_PRINT_CONTEXT (context), NULL);

  self = g_object_new (MEASURES_TYPE_PRINT_PREVIEW, "transient-for", parent, NULL);
  self->preview = g_object_ref (preview);
  self->context = g_object_ref (context);
  if (gtk_print_context_get_width (context) > 0 && gtk_print_context_get_height (context) > 0)
    {
      self->page_width = gtk_print_context_get_width (context);
      self->page_height = gtk_print_context_get_height (context);
    }
  g_signal_connect_swapped (preview, "ready", G_CALLBACK (ready), self);
  g_signal_connect_swapped (preview, "got-page-size", G_CALLBACK (got_page_size), self);
  update (self);

  return GTK_WIDGET (self);
}
