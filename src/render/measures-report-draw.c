/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-report"

#include "config.h"

#include <hb.h>
#include <pango/pangocairo.h>

#ifdef HAVE_RSVG
#include <librsvg/rsvg.h>
#endif

#include "measures-chart.h"
#include "measures-i18n.h"
#include "measures-format.h"
#include "measures-report-private.h"

/* Drawing: the pages as measures_report_paginate() laid them out, in the
 * style's colours, with the header, the footer and the cover around them.
 *
 * While a PDF is written, the drawing is tagged too: a structure tree of
 * headings, paragraphs, lists, tables and figures, in the order a person
 * reads the pages, for screen readers and reflowing viewers (BITV 2.0).
 * Only the innermost tag of cairo's marks the content, so that what is
 * drawn outside a leaf tag — rules, the header and the footer, repeated
 * table headers — stays out of the tree. */

/* Tagging ----------------------------------------------------------------- */

/* Every structure element cairo makes is remembered, in the order cairo
 * numbers them, with what is to be added to it afterwards. */
static void
record (MeasuresReport *self,
        const char     *alt,
        const char     *language)
{
  StructElem elem = { g_strdup (alt), language, self->drawing_block, self->tag_depth == 1 };

  g_array_append_val (self->struct_elems, elem);
  self->tag_depth++;
}

static void
tag_begin (MeasuresReport *self,
           cairo_t        *cr,
           const char     *tag)
{
  if (!self->tagging)
    return;
  cairo_tag_begin (cr, tag, "");
  record (self, NULL, NULL);
}

/* A tag around a label the report adds, in the report's language. */
static void
label_begin (MeasuresReport *self,
             cairo_t        *cr,
             const char     *tag)
{
  if (!self->tagging)
    return;
  cairo_tag_begin (cr, tag, "");
  record (self, NULL, self->label_language);
}

static void
tag_end (MeasuresReport *self,
         cairo_t        *cr,
         const char     *tag)
{
  if (!self->tagging)
    return;
  cairo_tag_end (cr, tag);
  self->tag_depth--;
}

/* cairo 1.16 writes no /Alt of its own: the texts are kept in order and
 * added to the file's figures once it is written. */
static void
figure_begin (MeasuresReport *self,
              cairo_t        *cr,
              const char     *alt)
{
  if (!self->tagging)
    return;
  cairo_tag_begin (cr, "Figure", "");
  record (self, alt, self->label_language);
}

/* The tag that groups blocks of a kind: the items of a list, the rows of
 * a table, the entries of the contents. */
static const char *
group_of (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_BULLET:
    case BLOCK_STATEMENT:
      return "L";
    case BLOCK_ROW:
    case BLOCK_TABLE_HEADER:
    case BLOCK_TABLE_ROW:
    case BLOCK_TABLE_GROUP:
      return "Table";
    case BLOCK_TOC_ENTRY:
      return "TOC";
    default:
      return NULL;
    }
}

static void
close_group (MeasuresReport *self,
             cairo_t        *cr)
{
  if (self->open_group != NULL)
    tag_end (self, cr, self->open_group);
  self->open_group = NULL;
}

/* Opens the group a block belongs to, unless it continues the one open:
 * a list or table runs on across pages, a new table starts a new group. */
static void
enter_group (MeasuresReport *self,
             cairo_t        *cr,
             guint           index,
             gboolean        first_piece)
{
  Block *block = &g_array_index (self->blocks, Block, index);
  const char *group = group_of (block->kind);
  gboolean starts = FALSE;

  if (!self->tagging)
    return;

  if (first_piece && group != NULL)
    starts = block->kind == BLOCK_TABLE_HEADER || index == 0 ||
             group_of (g_array_index (self->blocks, Block, index - 1).kind) != group;

  if (g_strcmp0 (group, self->open_group) == 0 && !starts)
    return;

  close_group (self, cr);
  if (group != NULL)
    {
      tag_begin (self, cr, group);
      self->open_group = group;
    }
}

static const char *
heading_tag (int level)
{
  static const char * const tags[] = { "H1", "H2", "H3", "H4" };

  return tags[CLAMP (level, 1, 4) - 1];
}

/* Text --------------------------------------------------------------------- */

/* Draws one line of a layout with its left end at x and its baseline at
 * y, run by run. Pango sets the space a line wraps after as no glyph at
 * all, which cairo writes as text without a glyph (/ActualText): a
 * marked-content sequence inside the tag's own, that text extraction
 * takes for the tag's end. So the space gets the font's space glyph,
 * zero wide: the words stay apart for a reader and the page looks the
 * same. Ligatures are off for the same reason (see
 * _measures_report_text_attributes()). */
static void
show_line (cairo_t         *cr,
           PangoLayout     *layout,
           PangoLayoutLine *line,
           double           x,
           double           y)
{
  const char *text = pango_layout_get_text (layout);
  double offset = 0;

  for (GSList *l = line->runs; l != NULL; l = l->next)
    {
      PangoGlyphItem *run = l->data;
      PangoGlyphString *glyphs = run->glyphs;
      int width = pango_glyph_string_get_width (glyphs);
      hb_codepoint_t space;

      cairo_move_to (cr, x + offset, y);
      if (l->next == NULL && glyphs->num_glyphs > 0 &&
          glyphs->glyphs[glyphs->num_glyphs - 1].glyph == PANGO_GLYPH_EMPTY &&
          hb_font_get_nominal_glyph (pango_font_get_hb_font (run->item->analysis.font), ' ',
                                     &space))
        {
          PangoGlyphItem *spaced = pango_glyph_item_copy (run);

          spaced->glyphs->glyphs[glyphs->num_glyphs - 1].glyph = space;
          spaced->glyphs->glyphs[glyphs->num_glyphs - 1].geometry.width = 0;
          pango_cairo_show_glyph_item (cr, text, spaced);
          pango_glyph_item_free (spaced);
        }
      else
        pango_cairo_show_glyph_item (cr, text, run);
      offset += (double)width / PANGO_SCALE;
    }
}

static void
show_lines (cairo_t     *cr,
            PangoLayout *layout,
            double       x,
            double       y,
            int          first,
            int          n_lines)
{
  PangoLayoutIter *iter;
  double offset = 0;
  int index = 0;

  /* Lines first … first + n_lines - 1, moved up to start at y. */
  iter = pango_layout_get_iter (layout);
  do
    {
      if (index >= first && (n_lines < 0 || index < first + n_lines))
        {
          int y0, y1, baseline;
          PangoRectangle logical;

          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          if (index == first)
            offset = (double)y0 / PANGO_SCALE;
          baseline = pango_layout_iter_get_baseline (iter);
          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          show_line (cr, layout, pango_layout_iter_get_line_readonly (iter),
                     x + (double)logical.x / PANGO_SCALE,
                     y + (double)baseline / PANGO_SCALE - offset);
        }
      index++;
    }
  while (pango_layout_iter_next_line (iter));
  pango_layout_iter_free (iter);
}

/* A line of the page's furniture, cut short with an ellipsis where it is
 * wider than @width. */
static PangoLayout *
make_line (MeasuresReport *self,
           cairo_t        *cr,
           const char     *text,
           double          size,
           PangoWeight     weight,
           double          width,
           PangoAlignment  alignment)
{
  PangoLayout *layout = pango_cairo_create_layout (cr);
  g_autoptr(PangoFontDescription) font = measures_render_style_new_font (self->style, size, weight,
                                                                         PANGO_STYLE_NORMAL);

  /* Same metrics as the pages' layouts. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  pango_layout_set_alignment (layout, alignment);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, _measures_report_text_attributes ());

  return layout;
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
  g_autoptr(PangoLayout) layout = make_line (self, cr, text, size, weight, width, alignment);

  show_lines (cr, layout, x, y, 0, -1);
}

/* The logo, @height points high, its width as its proportions say. */
static void
draw_logo (MeasuresReport *self,
           cairo_t        *cr,
           double          x,
           double          y,
           double          height)
{
  double scale = height / self->logo_height;

  cairo_save (cr);
  cairo_translate (cr, x, y);
  cairo_scale (cr, scale, scale);
  if (self->logo != NULL)
    {
      cairo_set_source_surface (cr, self->logo, 0, 0);
      cairo_paint (cr);
    }
#ifdef HAVE_RSVG
  else
    rsvg_handle_render_document (self->logo_svg, cr,
                                 &(RsvgRectangle) { 0, 0, self->logo_width, self->logo_height },
                                 NULL);
#endif
  cairo_restore (cr);
}

double
_measures_report_logo_height (MeasuresReport *self)
{
  return self->logo != NULL || self->logo_svg != NULL ? 22 : 0;
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

  /* The city's look: its colour across the top, its logo above the title. */
  if (self->has_house_color)
    {
      measures_render_style_set_source (cr, &style->accent);
      cairo_rectangle (cr, 0, 0, self->width, 18);
      cairo_fill (cr);
    }
  if (self->logo != NULL || self->logo_svg != NULL)
    draw_logo (self, cr, MARGIN_SIDE, MIN (MARGIN_TOP, y - 28 - 72 - 24), 72);

  measures_render_style_set_source (cr, &style->accent);
  cairo_rectangle (cr, MARGIN_SIDE, y - 28, 48, 5);
  cairo_fill (cr);

  /* kicker, title, then the rest in smaller type */
  measures_render_style_set_source (cr, &style->dim);
  tag_begin (self, cr, "P");
  draw_text (self, cr, block->cells[0], 12, PANGO_WEIGHT_BOLD, MARGIN_SIDE, y, width,
             PANGO_ALIGN_LEFT);
  tag_end (self, cr, "P");
  y += 24;
  measures_render_style_set_source (cr, &style->ink);
  {
    TextStyle big = { 26, PANGO_WEIGHT_BOLD };
    g_autoptr(PangoLayout) title = _measures_report_make_layout (self, block->cells[1], big,
                                                                 PANGO_WEIGHT_BOLD, width);

    tag_begin (self, cr, "H1");
    show_lines (cr, title, MARGIN_SIDE, y, 0, -1);
    tag_end (self, cr, "H1");
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
      tag_begin (self, cr, "P");
      show_lines (cr, line, MARGIN_SIDE, y, 0, -1);
      tag_end (self, cr, "P");
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

  double logo = _measures_report_logo_height (self);

  /* Furniture, not content: none of it is tagged. */
  if (logo > 0)
    draw_logo (self, cr, MARGIN_SIDE, MARGIN_TOP - 19 - logo, logo);
  if (self->has_house_color)
    {
      measures_render_style_set_source (cr, &style->accent);
      cairo_rectangle (cr, 0, 0, self->width, 6);
      cairo_fill (cr);
    }

  measures_render_style_set_source (cr, &style->dim);
  {
    double indent = logo > 0 ? logo * self->logo_width / self->logo_height + 8 : 0;
    g_autoptr(PangoLayout) left = make_line (self, cr, self->strategy_title, 7.5,
                                             PANGO_WEIGHT_NORMAL, width / 2 - indent,
                                             PANGO_ALIGN_LEFT);
    PangoRectangle used;

    show_lines (cr, left, MARGIN_SIDE + indent, MARGIN_TOP - 34, 0, -1);
    /* The report's title, such as a goal's, takes the room the strategy's
     * leaves, on one line: a second would run into the rule beneath. */
    pango_layout_get_pixel_extents (left, NULL, &used);
    indent += used.width + 16;
    draw_text (self, cr, self->title, 7.5, PANGO_WEIGHT_BOLD, MARGIN_SIDE + indent,
               MARGIN_TOP - 34, width - indent, PANGO_ALIGN_RIGHT);
  }
  measures_render_style_set_source (cr, self->has_house_color ? &style->accent : &style->rule);
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
    {
      tag_begin (self, cr, "P");
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, 0, -1);
      tag_end (self, cr, "P");
    }

  /* The description beneath says in words what the chart draws. */
  figure_begin (self, cr, block->cells[1]);
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
  tag_end (self, cr, "Figure");

  measures_render_style_set_source (cr, &style->dim);
  tag_begin (self, cr, "P");
  show_lines (cr, g_ptr_array_index (piece->layouts, 1), x,
              chart_y + block->chart_height + CHART_GAP, 0, -1);
  tag_end (self, cr, "P");
}

/* One cell of a table's row, as a header cell or a data cell. */
static void
draw_cell (MeasuresReport *self,
           cairo_t        *cr,
           const char     *tag,
           PangoLayout    *layout,
           double          x,
           double          y)
{
  /* Header cells are the report's labels. */
  if (g_str_equal (tag, "TH"))
    label_begin (self, cr, tag);
  else
    tag_begin (self, cr, tag);
  show_lines (cr, layout, x, y, 0, -1);
  tag_end (self, cr, tag);
}

static void
draw_piece (MeasuresReport *self,
            cairo_t        *cr,
            Piece          *piece)
{
  const MeasuresRenderStyle *style = self->style;
  double x = piece->x;
  double width = piece->width;
  double label_width;
  Block *block;

  /* "(continued)" lines and repeated table headers are furniture. */
  if (piece->continued)
    {
      measures_render_style_set_source (cr, &style->dim);
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, 0, -1);
      return;
    }

  block = &g_array_index (self->blocks, Block, piece->block);
  if (piece->repeated)
    {
      gboolean tagging = self->tagging;

      self->tagging = FALSE;
      draw_piece (self, cr, &(Piece) { .block = piece->block, .layouts = piece->layouts,
                                       .n_lines = -1, .y = piece->y, .height = piece->height,
                                       .x = piece->x, .width = piece->width });
      self->tagging = tagging;
      return;
    }

  self->drawing_block = piece->block;
  enter_group (self, cr, piece->block, piece->first_line == 0);

  switch (block->kind)
    {
    case BLOCK_HEADING:
    case BLOCK_TITLE:
    case BLOCK_SUBHEADING:
      {
        int level = block->heading_level ? block->heading_level
                    : block->kind == BLOCK_HEADING ? 1
                    : block->kind == BLOCK_TITLE   ? 2
                                                   : 3;

        measures_render_style_set_source (cr, block->kind == BLOCK_HEADING ? &style->accent
                                                                             : &style->ink);
        if (block->kind == BLOCK_SUBHEADING && block->heading_level == 0)
          label_begin (self, cr, heading_tag (level));
        else
          tag_begin (self, cr, heading_tag (level));
        show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, piece->first_line,
                    piece->n_lines);
        tag_end (self, cr, heading_tag (level));
        if (block->kind == BLOCK_HEADING)
          {
            cairo_set_line_width (cr, 1.2);
            cairo_move_to (cr, x, piece->y + piece->height + 4);
            cairo_line_to (cr, x + width, piece->y + piece->height + 4);
            cairo_stroke (cr);
          }
      }
      break;

    case BLOCK_KICKER:
      measures_render_style_set_source (cr, &style->accent);
      tag_begin (self, cr, "P");
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, 0, -1);
      tag_end (self, cr, "P");
      break;

    case BLOCK_BULLET:
      measures_render_style_set_source (cr, &style->ink);
      tag_begin (self, cr, "LI");
      if (piece->first_line == 0)
        {
          tag_begin (self, cr, "Lbl");
          cairo_new_path (cr);
          cairo_arc (cr, x + 4, piece->y + 6.5, 1.8, 0, 2 * G_PI);
          cairo_fill (cr);
          tag_end (self, cr, "Lbl");
        }
      tag_begin (self, cr, "LBody");
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x + BULLET_INDENT, piece->y,
                  piece->first_line, piece->n_lines);
      tag_end (self, cr, "LBody");
      tag_end (self, cr, "LI");
      break;

    case BLOCK_DISPLAY:
      /* A bar in the city's colour beside it, as a pull quote has. */
      measures_render_style_set_source (cr, &style->accent);
      cairo_rectangle (cr, x, piece->y + 2, 4, piece->height - 2);
      cairo_fill (cr);
      measures_render_style_set_source (cr, &style->ink);
      tag_begin (self, cr, "P");
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x + DISPLAY_INDENT, piece->y,
                  piece->first_line, piece->n_lines);
      tag_end (self, cr, "P");
      break;

    case BLOCK_STATEMENT:
      tag_begin (self, cr, "LI");
      if (piece->first_line == 0)
        {
          PangoLayoutIter *iter = pango_layout_get_iter (g_ptr_array_index (piece->layouts, 0));
          int y0, y1;

          /* A square in the city's colour, in the middle of the first line. */
          pango_layout_iter_get_line_yrange (iter, &y0, &y1);
          pango_layout_iter_free (iter);
          tag_begin (self, cr, "Lbl");
          measures_render_style_set_source (cr, &style->accent);
          cairo_rectangle (cr, x + 2, piece->y + (y0 + y1) / 2.0 / PANGO_SCALE - 3, 6, 6);
          cairo_fill (cr);
          tag_end (self, cr, "Lbl");
        }
      measures_render_style_set_source (cr, &style->ink);
      tag_begin (self, cr, "LBody");
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x + STATEMENT_INDENT, piece->y,
                  piece->first_line, piece->n_lines);
      tag_end (self, cr, "LBody");
      tag_end (self, cr, "LI");
      break;

    case BLOCK_ROW:
      label_width = _measures_report_label_width (self);
      measures_render_style_set_source (cr, &style->fill);
      cairo_rectangle (cr, x, piece->y, label_width, piece->height);
      cairo_fill (cr);
      measures_render_style_set_source (cr, &style->rule);
      cairo_set_line_width (cr, 0.6);
      cairo_rectangle (cr, x, piece->y, width, piece->height);
      cairo_move_to (cr, x + label_width, piece->y);
      cairo_line_to (cr, x + label_width, piece->y + piece->height);
      cairo_stroke (cr);
      measures_render_style_set_source (cr, &style->ink);
      tag_begin (self, cr, "TR");
      draw_cell (self, cr, "TH", g_ptr_array_index (piece->layouts, 0), x + CELL_PAD,
                 piece->y + CELL_PAD);
      draw_cell (self, cr, "TD", g_ptr_array_index (piece->layouts, 1),
                 x + label_width + CELL_PAD, piece->y + CELL_PAD);
      tag_end (self, cr, "TR");
      break;

    case BLOCK_TABLE_HEADER:
    case BLOCK_TABLE_ROW:
      {
        const char *cell = block->kind == BLOCK_TABLE_HEADER ? "TH" : "TD";
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
        tag_begin (self, cr, "TR");
        for (guint i = 0; i < piece->layouts->len; i++)
          {
            double column = width * _measures_report_column_width (block, i);

            /* An indicator's row ends in a sparkline of its values. */
            if (block->points != NULL && i + 1 == piece->layouts->len)
              {
                /* Translators: a chart's alternative text, %s is an indicator's name */
                g_autofree char *alt = g_strdup_printf (ngettext ("Trend of %s: %u value",
                                                                  "Trend of %s: %u values",
                                                                  block->points->len),
                                                        block->cells[0], block->points->len);

                tag_begin (self, cr, cell);
                figure_begin (self, cr, alt);
                draw_sparkline (self, cr, block, cx + CELL_PAD, piece->y + CELL_PAD,
                                column - 2 * CELL_PAD, MIN (piece->height - 2 * CELL_PAD, 24));
                tag_end (self, cr, "Figure");
                tag_end (self, cr, cell);
              }
            else
              draw_cell (self, cr, cell, g_ptr_array_index (piece->layouts, i), cx + CELL_PAD,
                         piece->y + CELL_PAD);
            cx += column;
          }
        tag_end (self, cr, "TR");
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
      tag_begin (self, cr, "TR");
      draw_cell (self, cr, "TH", g_ptr_array_index (piece->layouts, 0), x + CELL_PAD,
                 piece->y + CELL_PAD);
      tag_end (self, cr, "TR");
      break;

    case BLOCK_CHART:
      draw_chart (self, cr, block, piece, x, width);
      break;

    case BLOCK_STATUS:
      {
        double bar_y = piece->y + piece->height - 14;
        /* Translators: the alternative text of a sheet's progress bar */
        g_autofree char *alt = g_strdup_printf (_("Progress bar: %.0f %% done"),
                                                block->progress * 100);

        measures_render_style_set_source (cr, &style->fill);
        cairo_rectangle (cr, x, piece->y, width, piece->height);
        cairo_fill (cr);
        measures_render_style_set_source (cr, &style->ink);
        label_begin (self, cr, "P");
        show_lines (cr, g_ptr_array_index (piece->layouts, 0), x + 8, piece->y + 5, 0, -1);
        tag_end (self, cr, "P");
        figure_begin (self, cr, alt);
        measures_render_style_set_source (cr, &style->rule);
        cairo_rectangle (cr, x + 8, bar_y, width - 16, 6);
        cairo_fill (cr);
        measures_render_style_set_source (cr, &style->accent);
        cairo_rectangle (cr, x + 8, bar_y, (width - 16) * block->progress, 6);
        cairo_fill (cr);
        tag_end (self, cr, "Figure");
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

        tag_begin (self, cr, "TOCI");
        cairo_tag_begin (cr, CAIRO_TAG_LINK, link);
        if (self->tagging)
          record (self, NULL, NULL);
        measures_render_style_set_source (cr, &style->ink);
        show_lines (cr, g_ptr_array_index (piece->layouts, 0), x + indent, piece->y, 0, -1);
        draw_text (self, cr, number, 9.5, PANGO_WEIGHT_NORMAL, x + width - 50, piece->y, 50,
                   PANGO_ALIGN_RIGHT);
        cairo_tag_end (cr, CAIRO_TAG_LINK);
        if (self->tagging)
          self->tag_depth--;
        tag_end (self, cr, "TOCI");
      }
      break;

    case BLOCK_NOTE:
    case BLOCK_LEAD:
    default:
      measures_render_style_set_source (cr, block->kind == BLOCK_NOTE ? &style->dim
                                                                        : &style->ink);
      tag_begin (self, cr, "P");
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, piece->first_line,
                  piece->n_lines);
      tag_end (self, cr, "P");
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

  if (page == 0)
    {
      if (self->struct_elems != NULL)
        g_array_set_size (self->struct_elems, 0);
      self->open_group = NULL;
      self->tag_depth = 0;
      self->drawing_block = 0;
      tag_begin (self, cr, "Document");
    }

  for (guint i = 0; i < p->pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (p->pieces, i);

      if (!piece->continued && g_array_index (self->blocks, Block, piece->block).kind == BLOCK_COVER)
        {
          close_group (self, cr);
          self->drawing_block = piece->block;
          draw_cover (self, cr, &g_array_index (self->blocks, Block, piece->block));
          cover = TRUE;
        }
      else
        draw_piece (self, cr, piece);
    }

  if (!cover)
    draw_header_and_footer (self, cr, page);

  if (page + 1 == self->pages->len)
    {
      close_group (self, cr);
      tag_end (self, cr, "Document");
    }

  if (self->language != NULL)
    g_free (measures_i18n_switch_language (previous));

  cairo_restore (cr);
}
