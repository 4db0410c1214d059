/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-report"

#include "config.h"

#include <pango/pangocairo.h>

#include "measures-chart.h"
#include "measures-format.h"
#include "measures-report-private.h"

/* Drawing: the pages as measures_report_paginate() laid them out, in the
 * style's colours, with the header, the footer and the cover around them. */

static void
show_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            int          first,
            int          n_lines)
{
  PangoLayoutIter *iter;
  double offset;
  int index = 0;

  if (first == 0 && n_lines < 0)
    {
      cairo_move_to (cr, x, y);
      pango_cairo_show_layout (cr, layout);
      return;
    }

  /* Lines first … first + n_lines - 1, moved up to start at y. */
  iter = pango_layout_get_iter (layout);
  offset = 0;
  do
    {
      if (index >= first && index < first + n_lines)
        {
          int y0, y1, baseline;
          PangoRectangle logical;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          if (index == first)
            offset = (double)y0 / PANGO_SCALE;
          baseline = pango_layout_iter_get_baseline (iter);
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          cairo_move_to (cr, x + (double)logical.x / PANGO_SCALE,
                         y + (double)baseline / PANGO_SCALE - offset);
          pango_cairo_show_layout_line (cr, pango_layout_iter_get_line_readonly (iter));
        }
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

static void
draw_text (MeasuresReport *self,
           cairo_t        *cr,
           const char     *text,
           double          size,
           PangoWeight     weight,
           double          x,
           double          y,
           double          width,
           PangoAlignment  alignment)
{
  g_autoptr(PangoLayout) layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = measures_render_style_new_font (self->style, size, weight,
                                                                         PANGO_STYLE_NORMAL);

  /* Same metrics as the pages' layouts. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, layout);
}

static void
draw_cover (MeasuresReport *self,
            cairo_t        *cr,
            Block          *block)
{
  const MeasuresRenderStyle *style = self->style;
  double width = _measures_report_content_width (self);
  double y = self->height * 0.28;
  guint n = g_strv_length (block->cells);

  measures_render_style_set_source (cr, &style->accent);
  cairo_rectangle (cr, MARGIN_SIDE, y - 28, 48, 5);
  cairo_fill (cr);

  /* kicker, title, then the rest in smaller type */
  measures_render_style_set_source (cr, &style->dim);
  draw_text (self, cr, block->cells[0], 12, PANGO_WEIGHT_BOLD, MARGIN_SIDE, y, width,
             PANGO_ALIGN_LEFT);
  y += 24;
  measures_render_style_set_source (cr, &style->ink);
  {
    TextStyle big = { 26, PANGO_WEIGHT_BOLD };
    g_autoptr(PangoLayout) title = _measures_report_make_layout (self, block->cells[1], big,
                                                                 PANGO_WEIGHT_BOLD, width);

    cairo_move_to (cr, MARGIN_SIDE, y);
    pango_cairo_show_layout (cr, title);
    y += _measures_report_layout_height (title) + 14;
  }

  for (guint i = 2; i < n; i++)
    {
      TextStyle text = { i == 2 ? 13 : 10.5 };
      g_autoptr(PangoLayout) line = NULL;

      if (block->cells[i][0] == '\0')
        continue;
      line = _measures_report_make_layout (self, block->cells[i], text,
                                           i == 2 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, width);
      measures_render_style_set_source (cr, i == 2 ? &style->ink : &style->dim);
      cairo_move_to (cr, MARGIN_SIDE, y);
      pango_cairo_show_layout (cr, line);
      y += _measures_report_layout_height (line) + 8;
    }
}

static void
draw_header_and_footer (MeasuresReport *self,
                        cairo_t        *cr,
                        guint           page)
{
  const MeasuresRenderStyle *style = self->style;
  double width = _measures_report_content_width (self);
  g_autofree char *page_text = g_strdup_printf (self->page_format, page + 1, self->pages->len);

  measures_render_style_set_source (cr, &style->dim);
  draw_text (self, cr, self->strategy_title, 7.5, PANGO_WEIGHT_NORMAL, MARGIN_SIDE,
             MARGIN_TOP - 34, width / 2, PANGO_ALIGN_LEFT);
  draw_text (self, cr, self->title, 7.5, PANGO_WEIGHT_BOLD, MARGIN_SIDE + width / 2,
             MARGIN_TOP - 34, width / 2, PANGO_ALIGN_RIGHT);
  measures_render_style_set_source (cr, &style->rule);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN_SIDE, MARGIN_TOP - 16);
  cairo_line_to (cr, MARGIN_SIDE + width, MARGIN_TOP - 16);
  cairo_move_to (cr, MARGIN_SIDE, self->height - MARGIN_BOTTOM + 16);
  cairo_line_to (cr, MARGIN_SIDE + width, self->height - MARGIN_BOTTOM + 16);
  cairo_stroke (cr);

  measures_render_style_set_source (cr, &style->dim);
  draw_text (self, cr, self->as_of_text, 7.5, PANGO_WEIGHT_NORMAL, MARGIN_SIDE,
             self->height - MARGIN_BOTTOM + 22, width / 2, PANGO_ALIGN_LEFT);
  draw_text (self, cr, page_text, 7.5, PANGO_WEIGHT_NORMAL, MARGIN_SIDE + width / 2,
             self->height - MARGIN_BOTTOM + 22, width / 2, PANGO_ALIGN_RIGHT);
}

static void
draw_sparkline (MeasuresReport *self,
                cairo_t        *cr,
                Block          *block,
                double          x,
                double          y,
                double          width,
                double          height)
{
  cairo_rectangle_t area = { x, y, width, height };
  MeasuresChartSeries series = {
    .unit = block->unit,
    .points = (const MeasuresPoint *)(gpointer)block->points->data,
    .n_points = block->points->len,
  };

  measures_chart_draw_sparkline (cr, &area, self->style, &series);
}

/* A chart block: its label, the chart, and the chart's description in
 * small print beneath, so that the page says in words what it draws. */
static void
draw_chart (MeasuresReport *self,
            cairo_t        *cr,
            Block          *block,
            Piece          *piece,
            double          x,
            double          width)
{
  const MeasuresRenderStyle *style = self->style;
  double chart_y = piece->y + _measures_report_chart_top (block, piece->layouts);
  cairo_rectangle_t area = { x, chart_y, width, block->chart_height };

  measures_render_style_set_source (cr, &style->ink);
  if (block->cells[0][0] != '\0')
    show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, 0, -1);

  if (block->chart == CHART_STATUS_BAR)
    measures_chart_draw_status_bar (cr, &area, style, block->counts);
  else
    {
      MeasuresChartSeries series = {
        .unit = block->unit,
        .points = (const MeasuresPoint *)(gpointer)block->points->data,
        .n_points = block->points->len,
        .minimum = block->minimum,
        .maximum = block->maximum,
      };

      measures_chart_draw_line (cr, &area, style, &series);
    }

  measures_render_style_set_source (cr, &style->dim);
  show_lines (cr, g_ptr_array_index (piece->layouts, 1), x,
              chart_y + block->chart_height + CHART_GAP, 0, -1);
}

static void
draw_piece (MeasuresReport *self,
            cairo_t        *cr,
            Piece          *piece)
{
  const MeasuresRenderStyle *style = self->style;
  double x = MARGIN_SIDE;
  double width = _measures_report_content_width (self);
  Block *block;

  if (piece->continued)
    {
      measures_render_style_set_source (cr, &style->dim);
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, 0, -1);
      return;
    }

  block = &g_array_index (self->blocks, Block, piece->block);

  switch (block->kind)
    {
    case BLOCK_HEADING:
      measures_render_style_set_source (cr, &style->accent);
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, 0, -1);
      cairo_set_line_width (cr, 1.2);
      cairo_move_to (cr, x, piece->y + piece->height + 4);
      cairo_line_to (cr, x + width, piece->y + piece->height + 4);
      cairo_stroke (cr);
      break;

    case BLOCK_KICKER:
      measures_render_style_set_source (cr, &style->accent);
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, 0, -1);
      break;

    case BLOCK_BULLET:
      measures_render_style_set_source (cr, &style->ink);
      if (piece->first_line == 0)
        {
          cairo_new_path (cr);
          cairo_arc (cr, x + 4, piece->y + 6.5, 1.8, 0, 2 * G_PI);
          cairo_fill (cr);
        }
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x + BULLET_INDENT, piece->y,
                  piece->first_line, piece->n_lines);
      break;

    case BLOCK_ROW:
      measures_render_style_set_source (cr, &style->fill);
      cairo_rectangle (cr, x, piece->y, LABEL_WIDTH, piece->height);
      cairo_fill (cr);
      measures_render_style_set_source (cr, &style->rule);
      cairo_set_line_width (cr, 0.6);
      cairo_rectangle (cr, x, piece->y, width, piece->height);
      cairo_move_to (cr, x + LABEL_WIDTH, piece->y);
      cairo_line_to (cr, x + LABEL_WIDTH, piece->y + piece->height);
      cairo_stroke (cr);
      measures_render_style_set_source (cr, &style->ink);
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x + CELL_PAD, piece->y + CELL_PAD,
                  0, -1);
      show_lines (cr, g_ptr_array_index (piece->layouts, 1), x + LABEL_WIDTH + CELL_PAD,
                  piece->y + CELL_PAD, 0, -1);
      break;

    case BLOCK_TABLE_HEADER:
    case BLOCK_TABLE_ROW:
      {
        double cx = x;

        if (block->kind == BLOCK_TABLE_HEADER)
          {
            measures_render_style_set_source (cr, &style->fill);
            cairo_rectangle (cr, x, piece->y, width, piece->height);
            cairo_fill (cr);
          }
        measures_render_style_set_source (cr, &style->rule);
        cairo_set_line_width (cr, 0.5);
        cairo_move_to (cr, x, piece->y + piece->height);
        cairo_line_to (cr, x + width, piece->y + piece->height);
        cairo_stroke (cr);
        measures_render_style_set_source (cr, &style->ink);
        for (guint i = 0; i < piece->layouts->len; i++)
          {
            double column = width * _measures_report_column_width (block, i);

            /* An indicator's row ends in a sparkline of its values. */
            if (block->points != NULL && i + 1 == piece->layouts->len)
              draw_sparkline (self, cr, block, cx + CELL_PAD, piece->y + CELL_PAD,
                              column - 2 * CELL_PAD, MIN (piece->height - 2 * CELL_PAD, 24));
            else
              show_lines (cr, g_ptr_array_index (piece->layouts, i), cx + CELL_PAD,
                          piece->y + CELL_PAD, 0, -1);
            cx += column;
          }
      }
      break;

    case BLOCK_TABLE_GROUP:
      measures_render_style_set_source (cr, &style->fill);
      cairo_rectangle (cr, x, piece->y, width, piece->height);
      cairo_fill (cr);
      measures_render_style_set_source (cr, &style->rule);
      cairo_set_line_width (cr, 0.5);
      cairo_move_to (cr, x, piece->y + piece->height);
      cairo_line_to (cr, x + width, piece->y + piece->height);
      cairo_stroke (cr);
      measures_render_style_set_source (cr, &style->ink);
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x + CELL_PAD, piece->y + CELL_PAD,
                  0, -1);
      break;

    case BLOCK_CHART:
      draw_chart (self, cr, block, piece, x, width);
      break;

    case BLOCK_STATUS:
      {
        double bar_y = piece->y + piece->height - 14;

        measures_render_style_set_source (cr, &style->fill);
        cairo_rectangle (cr, x, piece->y, width, piece->height);
        cairo_fill (cr);
        measures_render_style_set_source (cr, &style->ink);
        show_lines (cr, g_ptr_array_index (piece->layouts, 0), x + 8, piece->y + 5, 0, -1);
        measures_render_style_set_source (cr, &style->rule);
        cairo_rectangle (cr, x + 8, bar_y, width - 16, 6);
        cairo_fill (cr);
        measures_render_style_set_source (cr, &style->accent);
        cairo_rectangle (cr, x + 8, bar_y, (width - 16) * block->progress, 6);
        cairo_fill (cr);
      }
      break;

    case BLOCK_TOC_ENTRY:
      {
        guint target_page = g_array_index (self->block_pages, guint, block->target);
        double target_y = g_array_index (self->block_y, double, block->target);
        double indent = block->indented ? 18 : 0;
        g_autofree char *number = g_strdup_printf ("%u", target_page + 1);
        g_autofree char *link = g_strdup_printf ("page=%u pos=[%g %g]", target_page + 1,
                                                 MARGIN_SIDE, MAX (0, target_y - 12));

        cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
        measures_render_style_set_source (cr, &style->ink);
        show_lines (cr, g_ptr_array_index (piece->layouts, 0), x + indent, piece->y, 0, -1);
        draw_text (self, cr, number, 9.5, PANGO_WEIGHT_NORMAL, x + width - 50, piece->y, 50,
                   PANGO_ALIGN_RIGHT);
        cairo_tag_end (cr, CAIRO_TAG_LINK);
      }
      break;

    case BLOCK_NOTE:
    case BLOCK_LEAD:
      measures_render_style_set_source (cr, block->kind == BLOCK_NOTE ? &style->dim
                                                                        : &style->ink);
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, piece->first_line,
                  piece->n_lines);
      break;

    default:
      measures_render_style_set_source (cr, &style->ink);
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, piece->first_line,
                  piece->n_lines);
      break;
    }
}

/**
 * measures_report_draw_page:
 * @cr: where to draw, with one unit one point and the origin at the
 *   paper's top left corner
 * @page: the page, from 0, after measures_report_paginate()
 *
 * Draws one page of the report.
 */
void
measures_report_draw_page (MeasuresReport *self,
                           cairo_t        *cr,
                           guint           page)
{
  g_autofree char *previous = NULL;
  Page *p;
  gboolean cover = FALSE;

  g_return_if_fail (MEASURES_IS_REPORT (self));
  g_return_if_fail (self->pages != NULL && page < self->pages->len);

  p = g_ptr_array_index (self->pages, page);
  cairo_save (cr);

  /* Charts write their legends and axes as they draw: in the report's
   * language too. */
  if (self->language != NULL)
    previous = measures_i18n_switch_language (self->language);

  for (guint i = 0; i < p->pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (p->pieces, i);

      if (!piece->continued && g_array_index (self->blocks, Block, piece->block).kind == BLOCK_COVER)
        {
          draw_cover (self, cr, &g_array_index (self->blocks, Block, piece->block));
          cover = TRUE;
        }
      else
        draw_piece (self, cr, piece);
    }

  if (!cover)
    draw_header_and_footer (self, cr, page);

  if (self->language != NULL)
    g_free (measures_i18n_switch_language (previous));

  cairo_restore (cr);
}
