/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-chart"

#include "config.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <stdlib.h>

#include "measures-chart.h"
#include "measures-format.h"
#include "measures-i18n.h"

/* The charts of the dashboard and the monitoring report: drawn with cairo
 * and Pango alone, so that the window, the print preview, the PDF and the
 * command line draw the same. Every chart stays inside the rectangle it is
 * given, whatever its size: what does not fit (labels, the legend) is left
 * out, never drawn over the neighbours; its description says it all. */

/* Text ---------------------------------------------------------------------- */

static PangoLayout *
new_layout (cairo_t                   *cr,
            const MeasuresRenderStyle *style,
            double                     size)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = NULL;

  /* 72 dpi: a size in points is a size in the surface's units, on paper as
   * on screen. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  font = measures_render_style_new_font (style, size, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL);
  pango_layout_set_font_description (layout, font);

  return layout;
}

static void
measure_text (PangoLayout *layout,
              const char  *text,
              double      *width,
              double      *height)
{
  PangoRectangle logical;

  pango_layout_set_text (layout, text, -1);
  pango_layout_get_extents (layout, NULL, &logical);
  if (width != NULL)
    *width = (double)logical.width / PANGO_SCALE;
  if (height != NULL)
    *height = (double)logical.height / PANGO_SCALE;
}

static void
show_text (cairo_t                   *cr,
           PangoLayout               *layout,
           const char                *text,
           double                     x,
           double                     y,
           const MeasuresRenderColor *color)
{
  pango_layout_set_text (layout, text, -1);
  measures_render_style_set_source (cr, color);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

/* Draws @text centred in @box if it fits there, and says whether it did. */
static gboolean
show_centred (cairo_t                   *cr,
              PangoLayout               *layout,
              const char                *text,
              const cairo_rectangle_t   *box,
              const MeasuresRenderColor *color)
{
  double width, height;

  measure_text (layout, text, &width, &height);
  if (width > box->width || height > box->height)
    return FALSE;

  show_text (cr, layout, text, box->x + (box->width - width) / 2,
             box->y + (box->height - height) / 2, color);
  return TRUE;
}

static char *
format_value (double      value,
              guint       decimals,
              const char *unit)
{
  g_autofree char *number = measures_format_decimal (value, decimals);

  if (unit == NULL || unit[0] == '\0')
    return g_steal_pointer (&number);

  /* Translators: a value and its unit, e.g. "1,234 t CO₂" or "35 %"; the
   * space is a no-break space */
  return g_strdup_printf (C_("value and unit", "%1$s %2$s"), number, unit);
}

static char *
format_day (MeasuresDay day)
{
  g_autoptr(GDateTime) date_time = NULL;
  guint year, month, day_of_month;

  measures_day_get_ymd (day, &year, &month, &day_of_month);
  date_time = g_date_time_new_local (year, month, day_of_month, 12, 0, 0);
  return measures_format_date (date_time);
}

static char *
format_month_of (MeasuresDay day)
{
  guint year, month;

  measures_day_get_ymd (day, &year, &month, NULL);
  return measures_format_month (year, month);
}

static guint
year_of (MeasuresDay day)
{
  guint year;

  measures_day_get_ymd (day, &year, NULL, NULL);
  return year;
}

/* Descriptions -------------------------------------------------------------- */

/**
 * measures_chart_description_free:
 *
 * Frees a chart's description.
 */
void
measures_chart_description_free (MeasuresChartDescription *self)
{
  if (self == NULL)
    return;

  g_free (self->text);
  g_strfreev (self->columns);
  g_clear_pointer (&self->rows, g_ptr_array_unref);
  g_free (self);
}

static MeasuresChartDescription *
description_new (const char *first_column,
                 ...)
{
  MeasuresChartDescription *self = g_new0 (MeasuresChartDescription, 1);
  g_autoptr(GStrvBuilder) columns = g_strv_builder_new ();
  va_list args;

  va_start (args, first_column);
  for (const char *column = first_column; column != NULL; column = va_arg (args, const char *))
    g_strv_builder_add (columns, column);
  va_end (args);

  self->columns = g_strv_builder_end (columns);
  self->rows = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  return self;
}

/* Adds a row of as many cells as there are columns; takes the cells. */
static void
description_add_row (MeasuresChartDescription *self,
                     ...)
{
  guint n_columns = g_strv_length (self->columns);
  GStrv row = g_new0 (char *, n_columns + 1);
  va_list args;

  va_start (args, self);
  for (guint i = 0; i < n_columns; i++)
    row[i] = va_arg (args, char *);
  va_end (args);

  g_ptr_array_add (self->rows, row);
}

/* Status bar ---------------------------------------------------------------- */

/* "4 planned": a count of a status, for the sentence that describes a bar. */
static char *
describe_count (MeasuresStatus status,
                guint          count)
{
  g_autofree char *number = measures_format_number (count);

  switch (status)
    {
    case MEASURES_STATUS_PLANNED:
      /* Translators: part of "Goal 2: 4 planned, 3 in progress, 1 completed" */
      return g_strdup_printf (ngettext ("%s planned", "%s planned", count), number);
    case MEASURES_STATUS_IN_PROGRESS:
      /* Translators: part of "Goal 2: 4 planned, 3 in progress, 1 completed" */
      return g_strdup_printf (ngettext ("%s in progress", "%s in progress", count), number);
    case MEASURES_STATUS_CONTINUOUS:
      /* Translators: part of "Goal 2: 4 planned, 2 continuous"; measures that
       * are ongoing tasks */
      return g_strdup_printf (ngettext ("%s continuous", "%s continuous", count), number);
    case MEASURES_STATUS_COMPLETED:
      /* Translators: part of "Goal 2: 4 planned, 3 in progress, 1 completed" */
      return g_strdup_printf (ngettext ("%s completed", "%s completed", count), number);
    case MEASURES_STATUS_ON_HOLD:
      /* Translators: part of "Goal 2: 4 planned, 1 on hold" */
      return g_strdup_printf (ngettext ("%s on hold", "%s on hold", count), number);
    case MEASURES_STATUS_DROPPED:
      /* Translators: part of "Goal 2: 4 planned, 1 dropped" */
      return g_strdup_printf (ngettext ("%s dropped", "%s dropped", count), number);
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * measures_chart_describe_status_bar:
 * @title: what the measures are, e.g. "Goal 2" or an office's name
 * @counts: (array fixed-size=6): how many measures have each
 *   #MeasuresStatus
 *
 * Returns: (transfer full): "Goal 2: 4 planned, 3 in progress, 1
 *   completed", and a table of each status's count and share
 */
MeasuresChartDescription *
measures_chart_describe_status_bar (const char  *title,
                                    const guint *counts)
{
  MeasuresChartDescription *self;
  g_autoptr(GString) list = g_string_new (NULL);
  guint total = 0;

  g_return_val_if_fail (title != NULL, NULL);
  g_return_val_if_fail (counts != NULL, NULL);

  /* Translators: the columns of the table that replaces the status chart */
  self = description_new (_("Status"), _("Measures"), _("Share"), NULL);

  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    total += counts[i];

  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    {
      if (counts[i] > 0)
        {
          g_autofree char *part = describe_count (i, counts[i]);

          if (list->len > 0)
            /* Translators: between the parts of a list, as in "4 planned, 3
             * in progress" */
            g_string_append (list, C_("list separator", ", "));
          g_string_append (list, part);
        }

      description_add_row (self, g_strdup (measures_status_get_label (i)),
                           measures_format_number (counts[i]),
                           g_strdup_printf (_("%u %%"),
                                            total > 0 ? (guint)round (100.0 * counts[i] / total)
                                                      : 0));
    }

  if (total == 0)
    /* Translators: a status chart of no measures, e.g. "Goal 2: no measures" */
    self->text = g_strdup_printf (_("%s: no measures"), title);
  else
    /* Translators: %1$s is what is counted, e.g. "Goal 2", %2$s the counts,
     * e.g. "4 planned, 3 in progress, 1 completed" */
    self->text = g_strdup_printf (_("%1$s: %2$s"), title, list->str);

  return self;
}

/* Continuous measures share the colour of those in progress, as in the
 * window: stripes of the background tell them apart without colour. */
static void
hatch (cairo_t                   *cr,
       const cairo_rectangle_t   *box,
       const MeasuresRenderStyle *style,
       double                     spacing)
{
  const MeasuresRenderColor *color = &style->background;

  cairo_save (cr);
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  cairo_clip (cr);
  cairo_set_source_rgba (cr, color->red, color->green, color->blue, 0.55);
  cairo_set_line_width (cr, spacing / 3);
  for (double x = box->x - box->height; x < box->x + box->width; x += spacing)
    {
      cairo_move_to (cr, x, box->y + box->height);
      cairo_line_to (cr, x + box->height, box->y);
    }
  cairo_stroke (cr);
  cairo_restore (cr);
}

static void
fill_status (cairo_t                   *cr,
             const cairo_rectangle_t   *box,
             const MeasuresRenderStyle *style,
             MeasuresStatus             status,
             double                     hatch_spacing)
{
  measures_render_style_set_source (cr, &style->status[status]);
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  cairo_fill (cr);
  if (status == MEASURES_STATUS_CONTINUOUS)
    hatch (cr, box, style, hatch_spacing);
}

/* Lays the legend out in lines within @width; returns how many lines it
 * takes, or 0 if one item alone is wider. */
static guint
layout_legend (PangoLayout  *layout,
               const guint  *counts,
               double        width,
               double        swatch,
               double        gap,
               char        **labels,
               double       *widths)
{
  guint lines = 1;
  double x = 0;

  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    {
      g_autofree char *number = NULL;
      double item;

      if (counts[i] == 0)
        continue;

      number = measures_format_number (counts[i]);
      /* Translators: a status chart's legend entry, e.g. "Planned 4" */
      labels[i] = g_strdup_printf (C_("legend", "%1$s %2$s"), measures_status_get_label (i),
                                   number);
      measure_text (layout, labels[i], &widths[i], NULL);
      item = swatch + gap / 2 + widths[i];
      if (item > width)
        return 0;
      if (x > 0 && x + gap + item > width)
        {
          lines++;
          x = 0;
        }
      x += (x > 0 ? gap : 0) + item;
    }

  return lines;
}

/**
 * measures_chart_draw_status_bar:
 * @cr: where to draw
 * @area: the rectangle to draw in; nothing is drawn outside it
 * @style: the colours and font, those of the window's style or of print
 * @counts: (array fixed-size=6): how many measures have each
 *   #MeasuresStatus
 *
 * Draws one horizontal bar of the measures by status, in the statuses'
 * colours, with a legend below it when there is room.
 */
void
measures_chart_draw_status_bar (cairo_t                   *cr,
                                const cairo_rectangle_t   *area,
                                const MeasuresRenderStyle *style,
                                const guint               *counts)
{
  g_autoptr(PangoLayout) layout = NULL;
  char *labels[MEASURES_N_STATUSES] = { NULL };
  double widths[MEASURES_N_STATUSES] = { 0 };
  double font_size, line_height, swatch, gap, bar_height, legend_height = 0;
  guint lines = 0;
  guint total = 0;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (counts != NULL);

  if (area->width <= 0 || area->height <= 0)
    return;

  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    total += counts[i];

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);

  font_size = style->font_size;
  layout = new_layout (cr, style, font_size);
  measure_text (layout, "Ag", NULL, &line_height);
  swatch = font_size * 0.8;
  gap = font_size;

  /* The legend when the bar keeps at least its own height beside it. */
  if (total > 0)
    lines = layout_legend (layout, counts, area->width, swatch, gap, labels, widths);
  if (lines > 0)
    legend_height = lines * line_height + font_size / 2;
  if (lines == 0 || area->height - legend_height < font_size)
    legend_height = 0;

  bar_height = MIN (area->height - legend_height, font_size * 2);

  if (total == 0)
    {
      cairo_rectangle_t bar = { area->x, area->y, area->width, bar_height };

      measures_render_style_set_source (cr, &style->fill);
      cairo_rectangle (cr, bar.x, bar.y, bar.width, bar.height);
      cairo_fill (cr);
      /* Translators: said in a chart that has nothing to show */
      show_centred (cr, layout, _("No data"), &bar, &style->dim);
    }
  else
    {
      guint sum = 0;
      double x = area->x;

      for (guint i = 0; i < MEASURES_N_STATUSES; i++)
        {
          cairo_rectangle_t segment;
          double end;

          if (counts[i] == 0)
            continue;

          sum += counts[i];
          end = area->x + round (area->width * sum / total);
          segment = (cairo_rectangle_t) { x, area->y, end - x, bar_height };
          fill_status (cr, &segment, style, i, MAX (3, bar_height / 3));

          /* A thin gap of the background between neighbours, where they are
           * wide enough to spare it. */
          if (x > area->x && segment.width >= 3)
            {
              measures_render_style_set_source (cr, &style->background);
              cairo_rectangle (cr, x, area->y, 1, bar_height);
              cairo_fill (cr);
            }
          x = end;
        }
    }

  if (legend_height > 0)
    {
      double x = area->x;
      double y = area->y + bar_height + font_size / 2;

      for (guint i = 0; i < MEASURES_N_STATUSES; i++)
        {
          double item;
          cairo_rectangle_t box;

          if (labels[i] == NULL)
            continue;

          item = swatch + gap / 2 + widths[i];
          if (x > area->x && x + gap + item > area->x + area->width)
            {
              x = area->x;
              y += line_height;
            }
          else if (x > area->x)
            x += gap;

          box = (cairo_rectangle_t) { x, y + (line_height - swatch) / 2, swatch, swatch };
          fill_status (cr, &box, style, i, MAX (2, swatch / 3));
          show_text (cr, layout, labels[i], x + swatch + gap / 2, y, &style->ink);
          x += item;
        }
    }

  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    g_free (labels[i]);
  cairo_restore (cr);
}

/* Series -------------------------------------------------------------------- */

static int
compare_points (gconstpointer a,
                gconstpointer b)
{
  const MeasuresPoint *first = a;
  const MeasuresPoint *second = b;

  return (first->day > second->day) - (first->day < second->day);
}

static MeasuresPoint *
sorted_points (const MeasuresChartSeries *series)
{
  MeasuresPoint *points = g_memdup2 (series->points, series->n_points * sizeof (MeasuresPoint));

  if (series->n_points > 1)
    qsort (points, series->n_points, sizeof (MeasuresPoint), compare_points);
  return points;
}

/* 1, 2 or 5 times a power of ten, at least @step. */
static double
nice_step (double step)
{
  double power = pow (10, floor (log10 (step)));
  double mantissa = step / power;

  return power * (mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10);
}

typedef struct {
  MeasuresDay first_day, last_day;
  double low, high;
} Range;

static void
include (Range               *range,
         const MeasuresPoint *point)
{
  if (point->day != 0)
    {
      range->first_day = range->first_day == 0 ? point->day : MIN (range->first_day, point->day);
      range->last_day = MAX (range->last_day, point->day);
    }
  range->low = MIN (range->low, point->value);
  range->high = MAX (range->high, point->value);
}

/* The days and values a series spans, its baseline and targets included
 * when @everything; FALSE when there is nothing to draw. */
static gboolean
series_range (const MeasuresChartSeries *series,
              gboolean                   everything,
              Range                     *range)
{
  *range = (Range) { 0, 0, INFINITY, -INFINITY };

  for (guint i = 0; i < series->n_points; i++)
    include (range, &series->points[i]);
  if (everything && series->baseline != NULL)
    include (range, series->baseline);
  for (guint i = 0; everything && i < series->n_targets; i++)
    include (range, &series->targets[i]);

  if (range->first_day == 0 || !isfinite (range->low) || !isfinite (range->high))
    return FALSE;

  if (series->minimum < series->maximum)
    {
      range->low = series->minimum;
      range->high = series->maximum;
    }
  else if (range->high - range->low < 1e-9)
    {
      double margin = MAX (fabs (range->high) / 10, 1);

      range->low -= margin;
      range->high += margin;
    }

  return TRUE;
}

typedef struct {
  cairo_rectangle_t plot;
  Range range;
} Frame;

static double
frame_x (const Frame *frame,
         MeasuresDay  day)
{
  if (frame->range.last_day == frame->range.first_day)
    return frame->plot.x + frame->plot.width / 2;
  return frame->plot.x + frame->plot.width * ((double)day - frame->range.first_day) /
                         (frame->range.last_day - frame->range.first_day);
}

static double
frame_y (const Frame *frame,
         double       value)
{
  double fraction = (value - frame->range.low) / (frame->range.high - frame->range.low);

  return frame->plot.y + frame->plot.height * (1 - CLAMP (fraction, 0, 1));
}

static void
draw_polyline (cairo_t                   *cr,
               const Frame               *frame,
               const MeasuresPoint       *points,
               guint                      n_points,
               const MeasuresRenderStyle *style,
               double                     line_width)
{
  measures_render_style_set_source (cr, &style->accent);
  cairo_set_line_width (cr, line_width);
  cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  /* Text leaves a current point behind, which the line must not start at. */
  cairo_new_path (cr);
  for (guint i = 0; i < n_points; i++)
    cairo_line_to (cr, frame_x (frame, points[i].day), frame_y (frame, points[i].value));
  cairo_stroke (cr);
}

/* The latest value: a dot ringed with the background, so that it stands
 * out from the line it ends. */
static void
draw_latest (cairo_t                   *cr,
             const Frame               *frame,
             const MeasuresPoint       *point,
             const MeasuresRenderStyle *style,
             double                     radius)
{
  double x = frame_x (frame, point->day);
  double y = frame_y (frame, point->value);

  measures_render_style_set_source (cr, &style->background);
  cairo_new_path (cr);
  cairo_arc (cr, x, y, radius * 1.5, 0, 2 * G_PI);
  cairo_fill (cr);
  measures_render_style_set_source (cr, &style->accent);
  cairo_arc (cr, x, y, radius, 0, 2 * G_PI);
  cairo_fill (cr);
}

static void
draw_no_data (cairo_t                   *cr,
              const cairo_rectangle_t   *area,
              const MeasuresRenderStyle *style,
              double                     font_size)
{
  g_autoptr(PangoLayout) layout = new_layout (cr, style, font_size);
  double line_width = MAX (1, font_size / 8);

  /* An empty axis, and the words when they fit. */
  measures_render_style_set_source (cr, &style->rule);
  cairo_set_line_width (cr, line_width);
  cairo_move_to (cr, area->x, area->y + area->height - line_width / 2);
  cairo_line_to (cr, area->x + area->width, area->y + area->height - line_width / 2);
  cairo_stroke (cr);
  show_centred (cr, layout, _("No data"), area, &style->dim);
}

/* The labels of the time axis: every year, or every few months, whichever
 * fits; a tick each at the first day of its year or month. */
static void
draw_time_axis (cairo_t                   *cr,
                PangoLayout               *layout,
                const Frame               *frame,
                const MeasuresRenderStyle *style,
                double                     label_y,
                double                     font_size)
{
  guint first_year, first_month, last_year, last_month;
  gboolean by_year = frame->range.last_day - frame->range.first_day > 730;
  static const guint month_steps[] = { 1, 2, 3, 6, 12 };
  double widest = 0;
  guint step = 1;

  measures_day_get_ymd (frame->range.first_day, &first_year, &first_month, NULL);
  measures_day_get_ymd (frame->range.last_day, &last_year, &last_month, NULL);

  /* The widest label decides how many fit. */
  if (by_year)
    measure_text (layout, "0000", &widest, NULL);
  else
    for (guint month = 1; month <= 12; month++)
      {
        g_autofree char *label = measures_format_month (first_year, month);
        double width;

        measure_text (layout, label, &width, NULL);
        widest = MAX (widest, width);
      }

  if (frame->range.last_day > frame->range.first_day)
    {
      double per_day = frame->plot.width / (frame->range.last_day - frame->range.first_day);
      double unit = (by_year ? 365.25 : 30.44) * per_day;
      double needed = widest + font_size;

      if (by_year)
        step = MAX (1, (guint)ceil (needed / unit));
      else
        {
          step = 0;
          for (guint i = 0; i < G_N_ELEMENTS (month_steps) && step == 0; i++)
            if (month_steps[i] * unit >= needed)
              step = month_steps[i];
          if (step == 0)
            return;
        }
    }

  for (guint number = first_year * 12 + first_month - 1;
       number <= last_year * 12 + last_month - 1; number++)
    {
      guint year = number / 12, month = number % 12 + 1;
      MeasuresDay day = measures_day_new (year, month, 1);
      g_autofree char *label = NULL;
      double width, x;

      if (by_year ? month != 1 || year % step != 0 : (number % step) != 0)
        continue;
      if (day < frame->range.first_day && frame->range.last_day > frame->range.first_day)
        continue;
      if (frame->range.last_day == frame->range.first_day)
        day = frame->range.first_day;

      label = by_year ? g_strdup_printf ("%u", year) : measures_format_month (year, month);
      measure_text (layout, label, &width, NULL);
      x = frame_x (frame, day);

      /* A label that would stick out of the chart is left out. */
      if (x - width / 2 < frame->plot.x - font_size * 3 ||
          x + width / 2 > frame->plot.x + frame->plot.width + font_size * 1.5)
        continue;

      measures_render_style_set_source (cr, &style->rule);
      cairo_set_line_width (cr, MAX (0.5, font_size / 16));
      cairo_move_to (cr, x, frame->plot.y + frame->plot.height);
      cairo_line_to (cr, x, frame->plot.y + frame->plot.height + font_size / 3);
      cairo_stroke (cr);
      show_text (cr, layout, label, x - width / 2, label_y, &style->dim);
      if (frame->range.last_day == frame->range.first_day)
        break;
    }
}

/* A target: a diamond, outlined in the text's colour. */
static void
draw_target (cairo_t                   *cr,
             const Frame               *frame,
             const MeasuresPoint       *target,
             const MeasuresRenderStyle *style,
             double                     size)
{
  double x = frame_x (frame, target->day);
  double y = frame_y (frame, target->value);

  cairo_move_to (cr, x, y - size);
  cairo_line_to (cr, x + size, y);
  cairo_line_to (cr, x, y + size);
  cairo_line_to (cr, x - size, y);
  cairo_close_path (cr);
  measures_render_style_set_source (cr, &style->background);
  cairo_fill_preserve (cr);
  measures_render_style_set_source (cr, &style->ink);
  cairo_set_line_width (cr, MAX (1, size / 3));
  cairo_stroke (cr);
}

/**
 * measures_chart_draw_line:
 * @cr: where to draw
 * @area: the rectangle to draw in; nothing is drawn outside it
 * @style: the colours and font, those of the window's style or of print
 * @series: what to draw
 *
 * Draws a line chart of @series over time, with a value axis, gridlines
 * and dates in the interface language, and an indicator's baseline (a
 * dashed line) and targets (diamonds). In an area too small for labels,
 * the chart is drawn without them.
 */
void
measures_chart_draw_line (cairo_t                   *cr,
                          const cairo_rectangle_t   *area,
                          const MeasuresRenderStyle *style,
                          const MeasuresChartSeries *series)
{
  g_autoptr(PangoLayout) layout = NULL;
  g_autofree MeasuresPoint *points = NULL;
  g_autofree MeasuresPoint *targets = NULL;
  double font_size, line_height, line_width, step, left = 0, widest = 0;
  gboolean labels;
  guint decimals;
  Frame frame;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (series != NULL);
  g_return_if_fail (series->n_points == 0 || series->points != NULL);
  g_return_if_fail (series->n_targets == 0 || series->targets != NULL);

  if (area->width <= 0 || area->height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);

  font_size = MIN (style->font_size, area->height / 2);
  if (!series_range (series, TRUE, &frame.range))
    {
      draw_no_data (cr, area, style, font_size);
      cairo_restore (cr);
      return;
    }

  layout = new_layout (cr, style, font_size);
  measure_text (layout, "Ag", NULL, &line_height);
  line_width = MAX (1, style->font_size / 6);

  /* Labels on both axes take four lines of height and a dozen characters
   * of width; a smaller chart goes without. */
  labels = area->height >= line_height * 5 && area->width >= font_size * 12;
  frame.plot = *area;
  if (labels)
    {
      frame.plot.y += line_height / 2;
      frame.plot.height -= line_height / 2 + line_height * 1.4;
    }
  else
    {
      /* Room for the line's width and the latest value's dot. */
      double inset = MIN (line_width * 3, MIN (area->width, area->height) / 4);

      frame.plot.x += inset;
      frame.plot.y += inset;
      frame.plot.width -= 2 * inset;
      frame.plot.height -= 2 * inset;
    }

  /* Round steps of the value axis, as many as fit two lines apart. */
  step = nice_step ((frame.range.high - frame.range.low) /
                    MAX (1, floor (frame.plot.height / (line_height * 2))));
  if (!(series->minimum < series->maximum))
    {
      frame.range.low = floor (frame.range.low / step) * step;
      frame.range.high = ceil (frame.range.high / step) * step;
    }
  decimals = step >= 1 ? 0 : (guint)MIN (6, ceil (-log10 (step)));

  if (labels)
    {
      for (double value = frame.range.low; value <= frame.range.high + step / 2; value += step)
        {
          g_autofree char *label = format_value (value, decimals, series->unit);
          double width;

          measure_text (layout, label, &width, NULL);
          widest = MAX (widest, width);
        }
      left = widest + font_size / 2;
      frame.plot.x += left;
      frame.plot.width -= left + font_size * 1.5;
    }

  if (frame.plot.width <= 0 || frame.plot.height <= 0)
    {
      draw_no_data (cr, area, style, font_size);
      cairo_restore (cr);
      return;
    }

  /* Gridlines and the value axis's labels. */
  cairo_set_line_width (cr, MAX (0.5, line_width / 2));
  for (double value = frame.range.low; value <= frame.range.high + step / 2; value += step)
    {
      double y = round (frame_y (&frame, value)) + 0.5;

      measures_render_style_set_source (cr, value == frame.range.low ? &style->dim : &style->rule);
      cairo_move_to (cr, frame.plot.x, y);
      cairo_line_to (cr, frame.plot.x + frame.plot.width, y);
      cairo_stroke (cr);

      if (labels)
        {
          g_autofree char *label = format_value (value, decimals, series->unit);
          double width;

          measure_text (layout, label, &width, NULL);
          show_text (cr, layout, label, frame.plot.x - font_size / 2 - width,
                     y - line_height / 2, &style->dim);
        }
    }

  if (labels)
    draw_time_axis (cr, layout, &frame, style,
                    frame.plot.y + frame.plot.height + line_height * 0.3, font_size);

  if (series->baseline != NULL)
    {
      double dashes[] = { line_width * 3, line_width * 2 };
      double y = frame_y (&frame, series->baseline->value);

      measures_render_style_set_source (cr, &style->dim);
      cairo_set_line_width (cr, MAX (0.5, line_width * 0.75));
      cairo_set_dash (cr, dashes, G_N_ELEMENTS (dashes), 0);
      cairo_move_to (cr, series->baseline->day != 0 ? frame_x (&frame, series->baseline->day)
                                                     : frame.plot.x, y);
      cairo_line_to (cr, frame.plot.x + frame.plot.width, y);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }

  points = sorted_points (series);
  if (series->n_points > 0)
    {
      draw_polyline (cr, &frame, points, series->n_points, style, line_width);
      draw_latest (cr, &frame, &points[series->n_points - 1], style, line_width * 1.6);
    }

  for (guint i = 0; i < series->n_targets; i++)
    if (series->targets[i].day != 0)
      draw_target (cr, &frame, &series->targets[i], style, MAX (2, font_size * 0.4));

  cairo_restore (cr);
}

/**
 * measures_chart_draw_sparkline:
 * @cr: where to draw
 * @area: the rectangle to draw in; nothing is drawn outside it
 * @style: the colours and font, those of the window's style or of print
 * @series: what to draw; its baseline and targets are left out
 *
 * Draws @series as a small line without axes, to sit beside a figure in
 * a list or a card, with the latest value marked.
 */
void
measures_chart_draw_sparkline (cairo_t                   *cr,
                               const cairo_rectangle_t   *area,
                               const MeasuresRenderStyle *style,
                               const MeasuresChartSeries *series)
{
  g_autofree MeasuresPoint *points = NULL;
  double line_width, radius, inset;
  Frame frame;

  g_return_if_fail (cr != NULL);
  g_return_if_fail (area != NULL);
  g_return_if_fail (style != NULL);
  g_return_if_fail (series != NULL);
  g_return_if_fail (series->n_points == 0 || series->points != NULL);

  if (area->width <= 0 || area->height <= 0)
    return;

  cairo_save (cr);
  cairo_rectangle (cr, area->x, area->y, area->width, area->height);
  cairo_clip (cr);

  if (!series_range (series, FALSE, &frame.range))
    {
      draw_no_data (cr, area, style, MIN (style->font_size, area->height * 0.6));
      cairo_restore (cr);
      return;
    }

  line_width = CLAMP (area->height / 16, 1, style->font_size / 6 + 1);
  radius = line_width * 1.6;
  inset = MIN (radius * 1.5, MIN (area->width, area->height) / 4);
  frame.plot = (cairo_rectangle_t) { area->x + inset, area->y + inset,
                                     area->width - 2 * inset, area->height - 2 * inset };

  points = sorted_points (series);
  draw_polyline (cr, &frame, points, series->n_points, style, line_width);
  draw_latest (cr, &frame, &points[series->n_points - 1], style, radius);

  cairo_restore (cr);
}

/**
 * measures_chart_describe_series:
 * @series: a series as drawn
 *
 * Describes @series. With targets: "CO₂ emissions: 1,234 t CO₂ (target
 * 900 t CO₂ by 2030): Behind", rated by
 * measures_statistics_evaluate_indicator(); without: "Mean progress rose
 * from 10 % in March 2024 to 35 % in November 2026". The table lists the
 * values by date, with the baseline and the targets.
 *
 * Returns: (transfer full): the description
 */
MeasuresChartDescription *
measures_chart_describe_series (const MeasuresChartSeries *series)
{
  g_autofree MeasuresPoint *points = NULL;
  MeasuresChartDescription *self;
  gboolean indicator;
  const char *title;

  g_return_val_if_fail (series != NULL, NULL);
  g_return_val_if_fail (series->n_points == 0 || series->points != NULL, NULL);
  g_return_val_if_fail (series->n_targets == 0 || series->targets != NULL, NULL);

  /* Translators: what a chart's values are when nobody said */
  title = series->title != NULL ? series->title : _("Value");
  indicator = series->baseline != NULL || series->n_targets > 0;
  if (indicator)
    /* Translators: the columns of the table that replaces an indicator's
     * chart: the date, the value, and whether it is measured, the baseline
     * or a target */
    self = description_new (_("Date"), title, _("Kind"), NULL);
  else
    self = description_new (_("Date"), title, NULL);

  points = sorted_points (series);

  if (series->n_targets > 0)
    {
      MeasuresIndicatorEvaluation evaluation;
      const MeasuresPoint *target;
      g_autofree char *target_text = NULL;

      measures_statistics_evaluate_indicator (series->baseline, series->targets,
                                              series->n_targets, series->lower_is_better,
                                              series->points, series->n_points, &evaluation);
      /* The target judged against, among the targets sorted by day. */
      {
        g_autofree MeasuresPoint *sorted = g_memdup2 (series->targets,
                                                      series->n_targets * sizeof (MeasuresPoint));

        qsort (sorted, series->n_targets, sizeof (MeasuresPoint), compare_points);
        target = &sorted[MAX (evaluation.target, 0)];
        target_text = format_value (target->value, series->decimals, series->unit);

        if (evaluation.rating == MEASURES_RATING_NO_DATA)
          /* Translators: an indicator without values, e.g. "CO₂ emissions: no
           * data yet (target 900 t CO₂ by 2030)" */
          self->text = g_strdup_printf (_("%1$s: no data yet (target %2$s by %3$u)"), title,
                                        target_text, target->day ? year_of (target->day) : 0);
        else
          {
            g_autofree char *latest = format_value (evaluation.latest.value, series->decimals,
                                                    series->unit);

            /* Translators: an indicator, e.g. "CO₂ emissions: 1,234 t CO₂
             * (target 900 t CO₂ by 2030): Behind"; %5$s is its rating */
            self->text = g_strdup_printf (_("%1$s: %2$s (target %3$s by %4$u): %5$s"), title,
                                          latest, target_text,
                                          target->day ? year_of (target->day) : 0,
                                          measures_indicator_rating_get_label (evaluation.rating));
          }
      }
    }
  else if (series->n_points == 0)
    /* Translators: a chart without values, e.g. "Mean progress: no data" */
    self->text = g_strdup_printf (_("%s: no data"), title);
  else if (series->n_points == 1)
    {
      g_autofree char *value = format_value (points[0].value, series->decimals, series->unit);
      g_autofree char *when = format_month_of (points[0].day);

      /* Translators: e.g. "Mean progress was 10 % in March 2024" */
      self->text = g_strdup_printf (_("%1$s was %2$s in %3$s"), title, value, when);
    }
  else
    {
      const MeasuresPoint *first = &points[0];
      const MeasuresPoint *last = &points[series->n_points - 1];
      g_autofree char *from = format_value (first->value, series->decimals, series->unit);
      g_autofree char *to = format_value (last->value, series->decimals, series->unit);
      g_autofree char *since = format_month_of (first->day);
      g_autofree char *until = format_month_of (last->day);

      if (g_str_equal (from, to))
        /* Translators: e.g. "Mean progress stayed at 10 % from March 2024 to
         * November 2026" */
        self->text = g_strdup_printf (_("%1$s stayed at %2$s from %3$s to %4$s"), title, from,
                                      since, until);
      else if (last->value > first->value)
        /* Translators: e.g. "Mean progress rose from 10 % in March 2024 to
         * 35 % in November 2026" */
        self->text = g_strdup_printf (_("%1$s rose from %2$s in %3$s to %4$s in %5$s"), title,
                                      from, since, to, until);
      else
        /* Translators: e.g. "CO₂ emissions fell from 1,234 t in March 2024 to
         * 900 t in November 2026" */
        self->text = g_strdup_printf (_("%1$s fell from %2$s in %3$s to %4$s in %5$s"), title,
                                      from, since, to, until);
    }

  /* The table: the values by date, the baseline and the targets among them. */
  {
    g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (MeasuresPoint));
    g_autoptr(GArray) kinds = g_array_new (FALSE, FALSE, sizeof (int));

    for (guint i = 0; i < series->n_points; i++)
      {
        const MeasuresPoint *point = &points[i];
        int kind = 0;

        g_array_append_val (rows, *point);
        g_array_append_val (kinds, kind);
      }
    if (series->baseline != NULL)
      {
        int kind = 1;

        g_array_append_val (rows, *series->baseline);
        g_array_append_val (kinds, kind);
      }
    for (guint i = 0; i < series->n_targets; i++)
      {
        int kind = 2;

        g_array_append_val (rows, series->targets[i]);
        g_array_append_val (kinds, kind);
      }

    /* A few rows: sorting by insertion keeps the kinds beside their points. */
    for (guint i = 1; i < rows->len; i++)
      for (guint j = i; j > 0 && g_array_index (rows, MeasuresPoint, j - 1).day >
                                 g_array_index (rows, MeasuresPoint, j).day; j--)
        {
          MeasuresPoint point = g_array_index (rows, MeasuresPoint, j);
          int kind = g_array_index (kinds, int, j);

          g_array_index (rows, MeasuresPoint, j) = g_array_index (rows, MeasuresPoint, j - 1);
          g_array_index (kinds, int, j) = g_array_index (kinds, int, j - 1);
          g_array_index (rows, MeasuresPoint, j - 1) = point;
          g_array_index (kinds, int, j - 1) = kind;
        }

    for (guint i = 0; i < rows->len; i++)
      {
        const MeasuresPoint *point = &g_array_index (rows, MeasuresPoint, i);
        const char *kinds_text[] = {
          /* Translators: in an indicator's table: a value that was measured */
          N_("Measured"),
          /* Translators: in an indicator's table: the value it started from */
          N_("Baseline"),
          /* Translators: in an indicator's table: a value to reach */
          N_("Target"),
        };
        char *date = point->day != 0 ? format_day (point->day) : g_strdup ("–");
        char *value = format_value (point->value, series->decimals, series->unit);

        if (indicator)
          description_add_row (self, date, value,
                               g_strdup (_(kinds_text[g_array_index (kinds, int, i)])));
        else
          description_add_row (self, date, value);
      }
  }

  return self;
}
