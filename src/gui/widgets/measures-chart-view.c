/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-chart-view"

#include "config.h"

#include <adwaita.h>
#include <string.h>

#include "measures-chart-view.h"

/**
 * MeasuresChartView:
 *
 * A chart of the chart module in the window: drawn with the same cairo
 * function as the reports, in the window's light or dark palette, with
 * what it shows in words as its accessible description, and as a table
 * for those who would rather read the figures.
 */
struct _MeasuresChartView
{
  GtkWidget parent_instance;

  MeasuresChartKind kind;

  /* Owned: what is drawn, copied from the caller */
  guint counts[MEASURES_N_STATUSES];
  char *title;
  char *unit;
  GArray *points;               /* MeasuresPoint */
  GArray *targets;              /* MeasuresPoint */
  MeasuresPoint baseline;
  gboolean has_baseline;
  MeasuresChartSeries series;   /* pointing into the above */
  MeasuresChartDescription *description;
};

G_DEFINE_FINAL_TYPE (MeasuresChartView, measures_chart_view, GTK_TYPE_WIDGET)

/* The heights a chart asks for: a bar with its legend, a plot with its
 * axes, a line beside a figure. */
static const int natural_heights[] = {
  [MEASURES_CHART_KIND_STATUS_BAR] = 52,
  [MEASURES_CHART_KIND_LINE] = 200,
  [MEASURES_CHART_KIND_SPARKLINE] = 28,
};

static void
measures_chart_view_measure (GtkWidget      *widget,
                             GtkOrientation  orientation,
                             int             for_size,
                             int            *minimum,
                             int            *natural,
                             int            *minimum_baseline,
                             int            *natural_baseline)
{
  MeasuresChartView *self = MEASURES_CHART_VIEW (widget);

  /* Any width: the chart module leaves out what does not fit. */
  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->kind == MEASURES_CHART_KIND_SPARKLINE ? 48 : 80;
      *natural = self->kind == MEASURES_CHART_KIND_SPARKLINE ? 96 : 400;
    }
  else
    *minimum = *natural = natural_heights[self->kind];
}

static void
measures_chart_view_snapshot (GtkWidget   *widget,
                              GtkSnapshot *snapshot)
{
  MeasuresChartView *self = MEASURES_CHART_VIEW (widget);
  int width = gtk_widget_get_width (widget);
  int height = gtk_widget_get_height (widget);
  gboolean dark = adw_style_manager_get_dark (adw_style_manager_get_default ());
  const MeasuresRenderStyle *style =
    measures_render_style_get (dark ? MEASURES_RENDER_THEME_DARK : MEASURES_RENDER_THEME_LIGHT);
  cairo_rectangle_t area = { 0, 0, width, height };
  cairo_t *cr;

  if (width <= 0 || height <= 0)
    return;

  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  switch (self->kind)
    {
    case MEASURES_CHART_KIND_STATUS_BAR:
      measures_chart_draw_status_bar (cr, &area, style, self->counts);
      break;
    case MEASURES_CHART_KIND_LINE:
      measures_chart_draw_line (cr, &area, style, &self->series);
      break;
    case MEASURES_CHART_KIND_SPARKLINE:
      measures_chart_draw_sparkline (cr, &area, style, &self->series);
      break;
    default:
      g_assert_not_reached ();
    }
  cairo_destroy (cr);
}

static void
measures_chart_view_dispose (GObject *object)
{
  MeasuresChartView *self = MEASURES_CHART_VIEW (object);

  g_clear_pointer (&self->points, g_array_unref);
  g_clear_pointer (&self->targets, g_array_unref);
  g_clear_pointer (&self->description, measures_chart_description_free);

  G_OBJECT_CLASS (measures_chart_view_parent_class)->dispose (object);
}

static void
measures_chart_view_finalize (GObject *object)
{
  MeasuresChartView *self = MEASURES_CHART_VIEW (object);

  g_free (self->title);
  g_free (self->unit);

  G_OBJECT_CLASS (measures_chart_view_parent_class)->finalize (object);
}

static void
measures_chart_view_class_init (MeasuresChartViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_chart_view_dispose;
  object_class->finalize = measures_chart_view_finalize;
  widget_class->measure = measures_chart_view_measure;
  widget_class->snapshot = measures_chart_view_snapshot;

  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
  gtk_widget_class_set_css_name (widget_class, "chart");
}

static void
measures_chart_view_init (MeasuresChartView *self)
{
  /* The palette follows the window's style as it changes. */
  g_signal_connect_object (adw_style_manager_get_default (), "notify::dark",
                           G_CALLBACK (gtk_widget_queue_draw), self, G_CONNECT_SWAPPED);
}

/**
 * measures_chart_view_new:
 *
 * Returns: (transfer floating): a chart that shows nothing yet
 */
GtkWidget *
measures_chart_view_new (void)
{
  return g_object_new (MEASURES_TYPE_CHART_VIEW, NULL);
}

/* Tells assistive technology what the chart shows, and draws it anew. */
static void
changed (MeasuresChartView        *self,
         MeasuresChartDescription *description,
         const char               *title)
{
  g_clear_pointer (&self->description, measures_chart_description_free);
  self->description = description;

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, description->text,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self), description->text);
  gtk_widget_queue_resize (GTK_WIDGET (self));
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

/**
 * measures_chart_view_set_status_bar:
 * @title: what is counted, e.g. "Goal 2", for the description
 * @counts: (array fixed-size=6): how many measures have each status
 *
 * Shows measures by status as one stacked bar.
 */
void
measures_chart_view_set_status_bar (MeasuresChartView *self,
                                    const char        *title,
                                    const guint       *counts)
{
  g_return_if_fail (MEASURES_IS_CHART_VIEW (self));
  g_return_if_fail (title != NULL);
  g_return_if_fail (counts != NULL);

  self->kind = MEASURES_CHART_KIND_STATUS_BAR;
  memcpy (self->counts, counts, sizeof self->counts);
  g_free (self->title);
  self->title = g_strdup (title);
  changed (self, measures_chart_describe_status_bar (title, counts), title);
}

static GArray *
copy_points (const MeasuresPoint *points,
             guint                n_points)
{
  GArray *copy = g_array_sized_new (FALSE, FALSE, sizeof (MeasuresPoint), n_points);

  if (n_points > 0)
    g_array_append_vals (copy, points, n_points);
  return copy;
}

/**
 * measures_chart_view_set_series:
 * @kind: %MEASURES_CHART_KIND_LINE or %MEASURES_CHART_KIND_SPARKLINE
 * @series: what to draw; copied
 *
 * Shows a series over time.
 */
void
measures_chart_view_set_series (MeasuresChartView         *self,
                                MeasuresChartKind          kind,
                                const MeasuresChartSeries *series)
{
  g_return_if_fail (MEASURES_IS_CHART_VIEW (self));
  g_return_if_fail (kind == MEASURES_CHART_KIND_LINE || kind == MEASURES_CHART_KIND_SPARKLINE);
  g_return_if_fail (series != NULL);

  self->kind = kind;
  g_free (self->title);
  self->title = g_strdup (series->title);
  g_free (self->unit);
  self->unit = g_strdup (series->unit);
  g_clear_pointer (&self->points, g_array_unref);
  self->points = copy_points (series->points, series->n_points);
  g_clear_pointer (&self->targets, g_array_unref);
  self->targets = copy_points (series->targets, series->n_targets);
  self->has_baseline = series->baseline != NULL;
  if (self->has_baseline)
    self->baseline = *series->baseline;

  self->series = *series;
  self->series.title = self->title;
  self->series.unit = self->unit;
  self->series.points = (const MeasuresPoint *)self->points->data;
  self->series.targets = (const MeasuresPoint *)self->targets->data;
  self->series.baseline = self->has_baseline ? &self->baseline : NULL;

  changed (self, measures_chart_describe_series (&self->series),
           self->title != NULL ? self->title : "");
}

/**
 * measures_chart_view_get_kind:
 *
 * Returns: what the chart draws
 */
MeasuresChartKind
measures_chart_view_get_kind (MeasuresChartView *self)
{
  g_return_val_if_fail (MEASURES_IS_CHART_VIEW (self), 0);

  return self->kind;
}

/**
 * measures_chart_view_get_description:
 *
 * Returns: (transfer none) (nullable): what the chart shows, in words and
 *   as a table; %NULL before it shows anything
 */
const MeasuresChartDescription *
measures_chart_view_get_description (MeasuresChartView *self)
{
  g_return_val_if_fail (MEASURES_IS_CHART_VIEW (self), NULL);

  return self->description;
}

static GtkWidget *
new_table_row (const char * const *cells,
               gboolean            header)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_box_set_homogeneous (GTK_BOX (box), TRUE);
  gtk_widget_add_css_class (box, "chart-table-row");
  for (guint i = 0; cells[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (cells[i]);

      /* The first column names the row; the figures line up on the right. */
      gtk_label_set_xalign (GTK_LABEL (label), i == 0 ? 0 : 1);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      if (header)
        gtk_widget_add_css_class (label, "heading");
      else if (i > 0)
        gtk_widget_add_css_class (label, "numeric");
      gtk_box_append (GTK_BOX (box), label);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  return row;
}

/**
 * measures_chart_view_new_table:
 *
 * The chart's figures as a table, to show instead of the chart: a row of
 * column titles, then a row for each figure.
 *
 * Returns: (transfer floating): a list of the chart's rows
 */
GtkWidget *
measures_chart_view_new_table (MeasuresChartView *self)
{
  GtkWidget *list;

  g_return_val_if_fail (MEASURES_IS_CHART_VIEW (self), NULL);

  list = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (list, "boxed-list");
  gtk_widget_add_css_class (list, "chart-table");
  if (self->description == NULL)
    return list;

  gtk_accessible_update_property (GTK_ACCESSIBLE (list),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, self->title ? self->title : "",
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, self->description->text,
                                  -1);
  gtk_list_box_append (GTK_LIST_BOX (list),
                       new_table_row ((const char * const *)self->description->columns, TRUE));
  for (guint i = 0; i < self->description->rows->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         new_table_row (g_ptr_array_index (self->description->rows, i), FALSE));
  /* No figures: the words say so. */
  if (self->description->rows->len == 0)
    gtk_list_box_append (GTK_LIST_BOX (list),
                         new_table_row ((const char *[]) { self->description->text, NULL },
                                        FALSE));

  return list;
}
