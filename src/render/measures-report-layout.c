/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-report"

#include "config.h"

#include "measures-format.h"
#include "measures-i18n.h"
#include "measures-report-private.h"

/* Pagination: the blocks become Pango layouts as wide as the page allows
 * and are placed on pages. Paragraphs split between lines, headings stay
 * with what they introduce, and a sheet or table that runs on names itself
 * again at the top of the next page. */

static void
piece_free (Piece *piece)
{
  g_ptr_array_unref (piece->layouts);
  g_free (piece);
}

/* Blocks that are not text have no layouts. */
static void
layouts_unref (gpointer layouts)
{
  if (layouts != NULL)
    g_ptr_array_unref (layouts);
}

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->pieces);
  g_free (page);
}

void
_measures_report_clear_layout (MeasuresReport *self)
{
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->block_pages, g_array_unref);
  g_clear_pointer (&self->block_y, g_array_unref);
  g_clear_pointer (&self->block_layouts, g_ptr_array_unref);
  g_clear_pointer (&self->block_widths, g_array_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date_text, g_free);
  g_clear_pointer (&self->as_of_text, g_free);
  g_clear_pointer (&self->page_format, g_free);
}

static TextStyle base_style_of (BlockKind kind);

/* Two sheets side by side set their text a little smaller, as the printed
 * strategy does, so that most sheets fit their half page. */
#define TWO_PER_PAGE_SCALE 0.88

static TextStyle
text_style_of (MeasuresReport *self,
               BlockKind       kind)
{
  TextStyle style = base_style_of (kind);
  double scale = self->flow_width < _measures_report_content_width (self) ? TWO_PER_PAGE_SCALE
                                                                          : 1.0;

  /* The vision's page has room to spare. */
  if (kind == BLOCK_DISPLAY || kind == BLOCK_STATEMENT)
    scale = 1.0;

  style.size *= scale;
  style.before *= scale;
  style.after *= scale;
  return style;
}

static TextStyle
base_style_of (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_HEADING:
      return (TextStyle) { 17, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 16, 10 };
    case BLOCK_KICKER:
      return (TextStyle) { 8.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0, 4 };
    case BLOCK_TITLE:
      return (TextStyle) { 15, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0, 10 };
    case BLOCK_SUBHEADING:
      return (TextStyle) { 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 12, 5 };
    case BLOCK_LEAD:
      return (TextStyle) { 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 2, 8 };
    case BLOCK_NOTE:
      return (TextStyle) { 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 2, 6 };
    case BLOCK_STATUS:
      return (TextStyle) { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, 4 };
    case BLOCK_TABLE_HEADER:
      return (TextStyle) { 8.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0, 0 };
    case BLOCK_TABLE_ROW:
      return (TextStyle) { 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, 0 };
    case BLOCK_TABLE_GROUP:
      return (TextStyle) { 8.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0, 0 };
    case BLOCK_CHART:
      return (TextStyle) { 9, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 8, 10 };
    case BLOCK_ROW:
      return (TextStyle) { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, 0 };
    case BLOCK_TOC_ENTRY:
      return (TextStyle) { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, 3 };
    case BLOCK_BULLET:
      return (TextStyle) { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, 3 };
    case BLOCK_DISPLAY:
      return (TextStyle) { 24, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 6, 26 };
    case BLOCK_STATEMENT:
      return (TextStyle) { 13, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, 14 };
    case BLOCK_PARAGRAPH:
    default:
      return (TextStyle) { 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, 6 };
    }
}

/* No ligatures: a glyph for "fl" stands for two letters, which cairo
 * writes as /ActualText, and text extraction and screen readers then lose
 * words. Legibility does not suffer in a sans-serif. */
PangoAttrList *
_measures_report_text_attributes (void)
{
  static PangoAttrList *attributes;

  if (g_once_init_enter (&attributes))
    {
      PangoAttrList *list = pango_attr_list_new ();

      pango_attr_list_insert (list, pango_attr_font_features_new ("liga 0, clig 0"));
      g_once_init_leave (&attributes, list);
    }

  return attributes;
}

PangoLayout *
_measures_report_make_layout (MeasuresReport *self,
                              const char     *text,
                              TextStyle       style,
                              PangoWeight     weight,
                              double          width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = measures_render_style_new_font (self->style, style.size,
                                                                         weight, style.style);

  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, style.size * 0.25 * PANGO_SCALE);
  pango_layout_set_text (layout, text, -1);
  pango_layout_set_attributes (layout, _measures_report_text_attributes ());

  return layout;
}

/* The width of an implementation table's labels. */
double
_measures_report_label_width (MeasuresReport *self)
{
  return self->layout == MEASURES_LAYOUT_TWO_PER_PAGE ? 100.0 : LABEL_WIDTH;
}

double
_measures_report_content_width (MeasuresReport *self)
{
  return self->width - 2 * MARGIN_SIDE;
}

const double _measures_report_column_share[N_COLUMNS] = { 0.07, 0.37, 0.20, 0.10, 0.13, 0.13 };

/* A table's columns: the overview's, or those the block brings. */
guint
_measures_report_n_columns (const Block *block)
{
  return block->columns != NULL ? block->n_columns : N_COLUMNS;
}

double
_measures_report_column_width (const Block *block,
                               guint        column)
{
  if (block->fitted != NULL)
    return block->fitted[column];
  return block->columns != NULL ? block->columns[column] : _measures_report_column_share[column];
}

/* Where a chart block's chart starts, below its label. */
double
_measures_report_chart_top (Block     *block,
                            GPtrArray *layouts)
{
  if (block->cells[0][0] == '\0')
    return 0;

  return _measures_report_layout_height (g_ptr_array_index (layouts, 0)) + CHART_GAP;
}

static void
add_layout (MeasuresReport *self,
            GPtrArray      *layouts,
            const char     *text,
            TextStyle       style,
            PangoWeight     weight,
            double          width)
{
  g_ptr_array_add (layouts, _measures_report_make_layout (self, text, style, weight, width));
}

/* Large type, but not so large that a word breaks: the vision's title
 * has words such as "innovativer.nachhaltiger.weltoffener.". */
static double
display_size (MeasuresReport *self,
              const char     *text,
              TextStyle       style,
              double          width)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  double widest = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autoptr(PangoLayout) layout = NULL;
      int word_width;

      if (words[i][0] == '\0')
        continue;
      layout = _measures_report_make_layout (self, words[i], style, style.weight, -1);
      pango_layout_set_width (layout, -1);
      pango_layout_get_size (layout, &word_width, NULL);
      widest = MAX (widest, (double)word_width / PANGO_SCALE);
    }

  if (widest <= width)
    return style.size;
  /* Not below the size of a title. */
  return MAX (text_style_of (self, BLOCK_TITLE).size, (int)(style.size * width / widest));
}

static GPtrArray *
layouts_for (MeasuresReport *self,
             Block          *block)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);
  TextStyle style = text_style_of (self, block->kind);
  double width = self->flow_width;

  switch (block->kind)
    {
    case BLOCK_BULLET:
      add_layout (self, layouts, block->cells[0], style, style.weight, width - BULLET_INDENT);
      break;
    case BLOCK_DISPLAY:
      style.size = display_size (self, block->cells[0], style, width - DISPLAY_INDENT);
      add_layout (self, layouts, block->cells[0], style, style.weight, width - DISPLAY_INDENT);
      break;
    case BLOCK_STATEMENT:
      add_layout (self, layouts, block->cells[0], style, style.weight, width - STATEMENT_INDENT);
      break;
    case BLOCK_ROW:
      add_layout (self, layouts, block->cells[0], style, PANGO_WEIGHT_BOLD,
                  _measures_report_label_width (self) - 2 * CELL_PAD);
      add_layout (self, layouts, block->cells[1], style, style.weight,
                  width - _measures_report_label_width (self) - 2 * CELL_PAD);
      break;
    case BLOCK_TABLE_HEADER:
    case BLOCK_TABLE_ROW:
      for (guint i = 0; block->cells[i] != NULL && i < _measures_report_n_columns (block); i++)
        add_layout (self, layouts, block->cells[i], style, style.weight,
                    width * _measures_report_column_width (block, i) - 2 * CELL_PAD);
      break;
    case BLOCK_TABLE_GROUP:
      add_layout (self, layouts, block->cells[0], style, style.weight, width - 2 * CELL_PAD);
      break;
    case BLOCK_CHART:
      {
        /* The label above the chart, its description in small print beneath. */
        TextStyle note = { CHART_NOTE_SIZE, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL };

        add_layout (self, layouts, block->cells[0], style, style.weight, width);
        add_layout (self, layouts, block->cells[1], note, note.weight, width);
      }
      break;
    case BLOCK_TOC_ENTRY:
      add_layout (self, layouts, block->cells[0], style,
                  block->indented ? PANGO_WEIGHT_NORMAL : PANGO_WEIGHT_BOLD,
                  width - 60 - (block->indented ? 18 : 0));
      break;
    case BLOCK_STATUS:
      add_layout (self, layouts, block->cells[0], style, style.weight, width - 16);
      break;
    default:
      add_layout (self, layouts, block->cells[0], style, style.weight, width);
      break;
    }

  return layouts;
}

/* A block's layouts at the width blocks are set in now: made once, as
 * keeping a heading with what follows measures the blocks it keeps with
 * before they are placed. */
static GPtrArray *
cached_layouts_for (MeasuresReport *self,
                    guint           index)
{
  GPtrArray **cached = (GPtrArray **)&g_ptr_array_index (self->block_layouts, index);
  double *width = &g_array_index (self->block_widths, double, index);

  if (*cached == NULL || *width != self->flow_width)
    {
      g_clear_pointer (cached, g_ptr_array_unref);
      *cached = layouts_for (self, &g_array_index (self->blocks, Block, index));
      *width = self->flow_width;
    }

  return g_ptr_array_ref (*cached);
}

double
_measures_report_layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

/* The width of the widest word of @text: a layout that wraps at words
 * only, one point wide, sets each word on a line of its own. */
static double
widest_word (MeasuresReport *self,
             const char     *text,
             TextStyle       style)
{
  g_autoptr(PangoLayout) layout = _measures_report_make_layout (self, text, style, style.weight,
                                                                1);
  PangoRectangle logical;

  pango_layout_set_wrap (layout, PANGO_WRAP_WORD);
  pango_layout_get_extents (layout, NULL, &logical);
  return (double)logical.width / PANGO_SCALE;
}

/* Widens a table's columns where a word of theirs would break in the
 * middle, as "In Durchführung" would in the status column, taking the room
 * from the columns that have some to spare. The table is the header at
 * @header and the rows and groups that follow it. */
static void
fit_columns (MeasuresReport *self,
             guint           header)
{
  Block *first = &g_array_index (self->blocks, Block, header);
  guint n = _measures_report_n_columns (first);
  g_autofree double *need = g_new0 (double, n);
  g_autofree double *have = g_new0 (double, n);
  g_autoptr(GHashTable) widths = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, g_free);
  double width = self->flow_width, deficit = 0, slack = 0;
  guint end = header + 1;

  while (end < self->blocks->len &&
         (g_array_index (self->blocks, Block, end).kind == BLOCK_TABLE_ROW ||
          g_array_index (self->blocks, Block, end).kind == BLOCK_TABLE_GROUP))
    end++;

  for (guint i = header; i < end; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      TextStyle style = text_style_of (self, block->kind);

      if (block->kind == BLOCK_TABLE_GROUP)
        continue;
      for (guint c = 0; c < n && block->cells[c] != NULL; c++)
        {
          double *word;

          /* A sparkline has no words. */
          if (block->points != NULL && c + 1 == n)
            continue;
          /* Statuses and priorities repeat: each is measured once. */
          if ((word = g_hash_table_lookup (widths, block->cells[c])) == NULL)
            {
              word = g_new (double, 1);
              *word = widest_word (self, block->cells[c], style);
              g_hash_table_insert (widths, block->cells[c], word);
            }
          need[c] = MAX (need[c], *word + 2 * CELL_PAD + 1);
        }
    }

  for (guint c = 0; c < n; c++)
    {
      have[c] = width * _measures_report_column_width (first, c);
      deficit += MAX (0, need[c] - have[c]);
      slack += MAX (0, have[c] - need[c]);
    }

  /* Nothing breaks, or nothing can be done about it. */
  if (deficit == 0 || deficit > slack)
    return;

  for (guint c = 0; c < n; c++)
    have[c] = have[c] < need[c] ? need[c] : have[c] - (have[c] - need[c]) * deficit / slack;
  for (guint i = header; i < end; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      block->fitted = g_new (double, n);
      for (guint c = 0; c < n; c++)
        block->fitted[c] = have[c] / width;
      /* Laid out at the old widths, to keep the heading with the table. */
      g_clear_pointer (&g_ptr_array_index (self->block_layouts, i), g_ptr_array_unref);
    }
}

/* Heights of rows and padded boxes around the text. */
static double
block_height (Block     *block,
              GPtrArray *layouts)
{
  double height = 0;

  if (block->kind == BLOCK_CHART)
    return _measures_report_chart_top (block, layouts) + block->chart_height + CHART_GAP +
           _measures_report_layout_height (g_ptr_array_index (layouts, 1));

  for (guint i = 0; i < layouts->len; i++)
    height = MAX (height, _measures_report_layout_height (g_ptr_array_index (layouts, i)));

  switch (block->kind)
    {
    case BLOCK_ROW:
    case BLOCK_TABLE_ROW:
    case BLOCK_TABLE_HEADER:
    case BLOCK_TABLE_GROUP:
      return height + 2 * CELL_PAD + 1;
    case BLOCK_STATUS:
      return height + 24;
    default:
      return height;
    }
}

/* Where the text of line @line of @layout starts and ends, from the top. */
static void
line_extent (PangoLayout *layout,
             int          line,
             double      *top,
             double      *bottom)
{
  PangoLayoutIter *iter = pango_layout_get_iter (layout);
  int y0 = 0, y1 = 0;

  for (int i = 0; i < line; i++)
    pango_layout_iter_next_line (iter);
  pango_layout_iter_get_line_yrange (iter, &y0, &y1);
  pango_layout_iter_free (iter);

  *top = (double)y0 / PANGO_SCALE;
  *bottom = (double)y1 / PANGO_SCALE;
}

typedef struct
{
  MeasuresReport *self;
  Page *page;
  guint page_index;
  guint n_placed;        /* pieces in this column of this page */
  double x;              /* the column blocks are set in */
  double width;
  double y;
  const char *sheet;     /* the sheet being laid out, for "(continued)" */
  gint table_header;     /* the table's header block, or -1 */
  gint table_group;      /* the group of rows being laid out, or -1 */
} Cursor;

static double
top (void)
{
  return MARGIN_TOP;
}

static double
bottom (MeasuresReport *self)
{
  return self->height - MARGIN_BOTTOM;
}

static Piece *
place (Cursor    *cursor,
       guint      block,
       GPtrArray *layouts,
       int        first_line,
       int        n_lines,
       double     height)
{
  Piece *piece = g_new0 (Piece, 1);

  piece->block = block;
  piece->layouts = g_ptr_array_ref (layouts);
  piece->first_line = first_line;
  piece->n_lines = n_lines;
  piece->y = cursor->y;
  piece->height = height;
  piece->x = cursor->x;
  piece->width = cursor->width;
  g_ptr_array_add (cursor->page->pieces, piece);
  cursor->y += height;
  cursor->n_placed++;

  return piece;
}

/* Moves the cursor to page @index, making the pages up to it. */
static void
go_to_page (Cursor *cursor,
            guint   index)
{
  MeasuresReport *self = cursor->self;

  while (self->pages->len <= index)
    {
      Page *page = g_new0 (Page, 1);

      page->pieces = g_ptr_array_new_with_free_func ((GDestroyNotify)piece_free);
      g_ptr_array_add (self->pages, page);
    }

  cursor->page_index = index;
  cursor->page = g_ptr_array_index (self->pages, index);
  cursor->n_placed = 0;
  cursor->y = top ();
}

static void
new_page (Cursor   *cursor,
          gboolean  continuing)
{
  MeasuresReport *self = cursor->self;

  /* In a column, the next page may be there already, made by the other. */
  go_to_page (cursor, cursor->page != NULL ? cursor->page_index + 1 : 0);

  if (!continuing)
    return;

  /* A sheet that runs on names itself again at the top. */
  if (cursor->sheet != NULL)
    {
      g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
      /* Translators: at the top of a page that continues a measure's sheet */
      g_autofree char *text = g_strdup_printf (_("%s (continued)"), cursor->sheet);
      TextStyle style = text_style_of (self, BLOCK_KICKER);
      Piece *piece;

      add_layout (self, layouts, text, style, PANGO_WEIGHT_BOLD, cursor->width);
      piece = place (cursor, G_MAXUINT, layouts, 0, -1,
                     _measures_report_layout_height (g_ptr_array_index (layouts, 0)) + 10);
      piece->continued = TRUE;
      /* Furniture: it does not count as the column's content. */
      cursor->n_placed--;
    }

  /* A table that runs on repeats its header. */
  if (cursor->table_header >= 0)
    {
      Block *header = &g_array_index (self->blocks, Block, cursor->table_header);
      g_autoptr(GPtrArray) layouts = cached_layouts_for (self, cursor->table_header);

      place (cursor, cursor->table_header, layouts, 0, -1, block_height (header, layouts))
        ->repeated = TRUE;
      cursor->n_placed--;

      /* And the group of rows that runs on names itself again. */
      if (cursor->table_group >= 0)
        {
          Block *group = &g_array_index (self->blocks, Block, cursor->table_group);
          g_autoptr(GPtrArray) group_layouts = g_ptr_array_new_with_free_func (g_object_unref);
          g_autofree char *text = g_strdup_printf (_("%s (continued)"), group->cells[0]);

          add_layout (self, group_layouts, text, text_style_of (self, BLOCK_TABLE_GROUP),
                      PANGO_WEIGHT_BOLD, cursor->width - 2 * CELL_PAD);
          place (cursor, cursor->table_group, group_layouts, 0, -1,
                 block_height (group, group_layouts))->repeated = TRUE;
          cursor->n_placed--;
        }
    }
}

static void
record_block_start (MeasuresReport *self,
                    guint           block,
                    Cursor         *cursor)
{
  guint page = cursor->page_index;

  g_array_index (self->block_pages, guint, block) = page;
  g_array_index (self->block_y, double, block) = cursor->y;
}

/* Whether a block's text may break between its lines, across pages. */
static gboolean
flows (BlockKind kind)
{
  return kind == BLOCK_PARAGRAPH || kind == BLOCK_BULLET || kind == BLOCK_DISPLAY ||
         kind == BLOCK_STATEMENT;
}

/* The first lines' height of the block after @index, to keep a heading
 * together with what it introduces; and where that block keeps with the
 * next in turn, theirs too, up to @limit: a sheet's implementation table
 * stays together with its heading rather than losing its last rows to the
 * next page. */
static double
next_block_start (MeasuresReport *self,
                  guint           index,
                  double          limit)
{
  g_autoptr(GPtrArray) layouts = NULL;
  Block *next;
  double top_y, bottom_y, height;

  if (index + 1 >= self->blocks->len)
    return 0;

  next = &g_array_index (self->blocks, Block, index + 1);
  if (next->kind == BLOCK_PAGE_BREAK || next->kind == BLOCK_COVER)
    return 0;

  layouts = cached_layouts_for (self, index + 1);
  if (flows (next->kind))
    {
      PangoLayout *layout = g_ptr_array_index (layouts, 0);
      int n = MIN (2, pango_layout_get_line_count (layout));

      line_extent (layout, n - 1, &top_y, &bottom_y);
      return bottom_y;
    }

  height = block_height (next, layouts);
  if (next->keep_with_next && height < limit)
    height += text_style_of (self, next->kind).after +
              next_block_start (self, index + 1, limit - height);

  return height;
}

/* Places a paragraph line by line, across as many pages as it needs. */
static void
place_lines (Cursor    *cursor,
             guint      index,
             GPtrArray *layouts)
{
  PangoLayout *layout = g_ptr_array_index (layouts, 0);
  int n_lines = pango_layout_get_line_count (layout);
  int first = 0;

  while (first < n_lines)
    {
      double start, end, line_top, line_bottom;
      int last = first;

      line_extent (layout, first, &start, &end);
      /* How many lines fit from here. */
      while (last + 1 < n_lines)
        {
          line_extent (layout, last + 1, &line_top, &line_bottom);
          if (cursor->y + (line_bottom - start) > bottom (cursor->self))
            break;
          last++;
        }

      line_extent (layout, last, &line_top, &line_bottom);
      if (cursor->y + (line_bottom - start) > bottom (cursor->self) && cursor->n_placed > 0)
        {
          new_page (cursor, TRUE);
          continue;
        }

      place (cursor, index, layouts, first, last - first + 1, line_bottom - start);
      first = last + 1;
      if (first < n_lines)
        new_page (cursor, TRUE);
    }
}

/* Places one block of text, a table's row, a chart … where the cursor is,
 * or at the top of the next page if it does not fit. */
static void
place_block (Cursor *cursor,
             guint   i)
{
  MeasuresReport *self = cursor->self;
  Block *block = &g_array_index (self->blocks, Block, i);
  g_autoptr(GPtrArray) layouts = NULL;
  TextStyle style = text_style_of (self, block->kind);
  double height, needed;

  /* Rows and groups of rows continue a table; anything else ends it.
   * A group ends the one before it. */
  if (block->kind != BLOCK_TABLE_ROW && block->kind != BLOCK_TABLE_GROUP)
    cursor->table_header = -1;
  if (block->kind != BLOCK_TABLE_ROW)
    cursor->table_group = -1;

  if (block->kind == BLOCK_TABLE_HEADER && block->fitted == NULL)
    fit_columns (self, i);

  layouts = cached_layouts_for (self, i);
  height = block_height (block, layouts);

  if (cursor->y > top ())
    cursor->y += style.before;

  /* What keeps together may take half the page at most. */
  needed = height + (block->keep_with_next
                       ? style.after + next_block_start (self, i, (bottom (self) - top ()) / 2)
                       : 0);

  if (cursor->y + needed > bottom (self))
    {
      gboolean splittable = flows (block->kind);
      double first_top, first_bottom;

      line_extent (g_ptr_array_index (layouts, 0), 0, &first_top, &first_bottom);

      /* A long paragraph starts here if two lines fit; anything else,
       * and a paragraph that would leave a lone line, moves on. */
      if (!splittable || block->keep_with_next || cursor->y + 2 * first_bottom > bottom (self))
        {
          if (cursor->n_placed > 0)
            new_page (cursor, TRUE);
        }
    }

  record_block_start (self, i, cursor);

  if (flows (block->kind) && cursor->y + height > bottom (self))
    place_lines (cursor, i, layouts);
  else
    place (cursor, i, layouts, 0, -1, height);

  if (block->kind == BLOCK_TABLE_HEADER)
    cursor->table_header = i;
  if (block->kind == BLOCK_TABLE_GROUP)
    cursor->table_group = i;

  cursor->y += style.after;
}

/* Whether a sheet or a section may start below what is on the page: when
 * its break is a soft one and half the page is still free. */
static gboolean
fits_below (Cursor *cursor,
            Block  *page_break)
{
  return page_break->soft_break && cursor->page->pieces->len > 0 &&
         cursor->y < top () + (bottom (cursor->self) - top ()) / 2;
}

static void
set_column (Cursor *cursor,
            double  x,
            double  width)
{
  cursor->x = x;
  cursor->width = width;
  cursor->self->flow_width = width;
}

/* Two sheets side by side: each sheet starts at the top of a half page
 * (or below its goal's heading), takes the half that comes free first,
 * and runs on in the same column of the next pages. The pages' pieces
 * stay in the order of the sheets, which is the order they are read in.
 * Returns the block after the last sheet. */
static guint
place_sheets (Cursor *cursor,
              guint   first)
{
  MeasuresReport *self = cursor->self;
  double full_width = _measures_report_content_width (self);
  double column_width = (full_width - COLUMN_GAP) / 2;
  guint column_page[2];
  double column_y[2];
  guint last_page;
  guint i = first;

  if (fits_below (cursor, &g_array_index (self->blocks, Block, first)))
    cursor->y += 12;
  else if (cursor->page->pieces->len > 0)
    new_page (cursor, FALSE);
  column_page[0] = column_page[1] = last_page = cursor->page_index;
  column_y[0] = column_y[1] = cursor->y;

  while (i < self->blocks->len)
    {
      Block *start = &g_array_index (self->blocks, Block, i);
      guint column, started;

      if (start->kind != BLOCK_PAGE_BREAK || start->sheet == NULL)
        break;

      column = column_page[0] <= column_page[1] ? 0 : 1;
      started = column_page[column];
      go_to_page (cursor, column_page[column]);
      cursor->y = column_y[column];
      set_column (cursor, MARGIN_SIDE + column * (column_width + COLUMN_GAP), column_width);
      cursor->sheet = start->sheet;
      cursor->table_header = -1;
      cursor->table_group = -1;
      record_block_start (self, i, cursor);

      for (i++; i < self->blocks->len; i++)
        {
          BlockKind kind = g_array_index (self->blocks, Block, i).kind;

          if (kind == BLOCK_PAGE_BREAK || kind == BLOCK_COVER)
            break;
          place_block (cursor, i);
        }

      last_page = MAX (last_page, cursor->page_index);
      /* A sheet that ran on and left the column half empty: the next
       * starts below it rather than on a page of its own. */
      if (cursor->page_index > started && cursor->y < top () + (bottom (self) - top ()) / 2)
        {
          column_page[column] = cursor->page_index;
          column_y[column] = cursor->y + 24;
        }
      else
        {
          column_page[column] = cursor->page_index + 1;
          column_y[column] = top ();
        }
    }

  /* What follows starts on a page of its own, across the full width. */
  go_to_page (cursor, last_page);
  cursor->n_placed = 1;
  cursor->sheet = NULL;
  set_column (cursor, MARGIN_SIDE, full_width);

  return i;
}

/* Moves what was placed on @page from piece @first_piece on down, so that
 * it stands a little above the page's middle, where the eye puts it. */
static void
balance (MeasuresReport *self,
         guint           page,
         guint           first_piece)
{
  Page *p = g_ptr_array_index (self->pages, page);
  double end = top (), offset;

  for (guint i = first_piece; i < p->pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (p->pieces, i);

      end = MAX (end, piece->y + piece->height);
    }

  offset = MAX (0, (bottom (self) - end) * 0.4);
  for (guint i = first_piece; i < p->pieces->len; i++)
    {
      Piece *piece = g_ptr_array_index (p->pieces, i);

      if (piece->block < self->blocks->len &&
          piece->y == g_array_index (self->block_y, double, piece->block))
        g_array_index (self->block_y, double, piece->block) += offset;
      piece->y += offset;
    }
}

/* The height of blocks @from … @to - 1, one below the other in the
 * column the cursor sets. */
static double
stack_height (MeasuresReport *self,
              guint           from,
              guint           to)
{
  double height = 0;

  for (guint i = from; i < to; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      g_autoptr(GPtrArray) layouts = cached_layouts_for (self, i);
      TextStyle style = text_style_of (self, block->kind);

      height += (i > from ? style.before : 0) + block_height (block, layouts) + style.after;
    }

  return height;
}

/* A page of its own, set in its middle: the vision. On a landscape page
 * its statements stand in two columns beneath its title, the first half
 * on the left, where they fit the page. What does not fit one page runs
 * on as any text does, and is set from the top. Returns the block after
 * the last. */
static guint
place_balanced (Cursor *cursor,
                guint   first)
{
  MeasuresReport *self = cursor->self;
  gboolean spread = self->layout == MEASURES_LAYOUT_TWO_PER_PAGE;
  double full_width = _measures_report_content_width (self);
  double column_width = (full_width - COLUMN_GAP) / 2;
  guint page, last_page, first_piece, n_statements = 0, statement = 0;
  guint columns_page = 0;
  double columns_y = 0;
  guint i;

  if (cursor->page->pieces->len > 0)
    new_page (cursor, FALSE);
  page = last_page = cursor->page_index;
  first_piece = cursor->page->pieces->len;
  cursor->sheet = NULL;
  cursor->table_header = -1;
  cursor->table_group = -1;
  record_block_start (self, first, cursor);

  for (i = first + 1; i < self->blocks->len; i++)
    {
      BlockKind kind = g_array_index (self->blocks, Block, i).kind;

      if (kind == BLOCK_PAGE_BREAK || kind == BLOCK_COVER)
        break;
      n_statements += kind == BLOCK_STATEMENT;
    }

  for (i = first + 1; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      if (block->kind == BLOCK_PAGE_BREAK || block->kind == BLOCK_COVER)
        break;

      if (spread && block->kind == BLOCK_STATEMENT)
        {
          if (statement == 0)
            {
              guint half = i + (n_statements + 1) / 2;

              /* Columns that run on would be read down the left one
               * across pages before the right one: one column then. */
              columns_page = cursor->page_index;
              columns_y = cursor->y;
              set_column (cursor, MARGIN_SIDE, column_width);
              if (columns_y + MAX (stack_height (self, i, half),
                                   stack_height (self, half, i + n_statements)) > bottom (self))
                {
                  spread = FALSE;
                  set_column (cursor, MARGIN_SIDE, full_width);
                }
            }
          else if (statement == (n_statements + 1) / 2)
            {
              last_page = MAX (last_page, cursor->page_index);
              go_to_page (cursor, columns_page);
              cursor->y = columns_y;
              cursor->n_placed = 1;
              set_column (cursor, MARGIN_SIDE + column_width + COLUMN_GAP, column_width);
            }
          statement++;
        }
      place_block (cursor, i);
    }

  last_page = MAX (last_page, cursor->page_index);
  if (last_page == page)
    balance (self, page, first_piece);

  /* What follows starts on a page of its own, across the full width. */
  go_to_page (cursor, last_page);
  cursor->n_placed = 1;
  set_column (cursor, MARGIN_SIDE, full_width);

  return i;
}

static void
paginate (MeasuresReport *self)
{
  Cursor cursor = { self, NULL, 0, 0, MARGIN_SIDE, 0, 0, NULL, -1, -1 };

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)page_free);
  self->block_pages = g_array_sized_new (FALSE, TRUE, sizeof (guint), self->blocks->len);
  self->block_y = g_array_sized_new (FALSE, TRUE, sizeof (double), self->blocks->len);
  g_array_set_size (self->block_pages, self->blocks->len);
  g_array_set_size (self->block_y, self->blocks->len);
  self->block_layouts = g_ptr_array_new_full (self->blocks->len, layouts_unref);
  g_ptr_array_set_size (self->block_layouts, self->blocks->len);
  self->block_widths = g_array_sized_new (FALSE, TRUE, sizeof (double), self->blocks->len);
  g_array_set_size (self->block_widths, self->blocks->len);

  set_column (&cursor, MARGIN_SIDE, _measures_report_content_width (self));
  new_page (&cursor, FALSE);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (self->layout == MEASURES_LAYOUT_TWO_PER_PAGE && block->sheet != NULL)
            {
              i = place_sheets (&cursor, i) - 1;
              continue;
            }
          if (block->balanced)
            {
              i = place_balanced (&cursor, i) - 1;
              continue;
            }

          if (fits_below (&cursor, block))
            cursor.y += 12;
          else if (cursor.page->pieces->len > 0)
            new_page (&cursor, FALSE);
          cursor.sheet = block->sheet;
          cursor.table_header = -1;
          cursor.table_group = -1;
          record_block_start (self, i, &cursor);
          continue;
        }

      if (block->kind == BLOCK_COVER)
        {
          g_autoptr(GPtrArray) none = g_ptr_array_new_with_free_func (g_object_unref);

          /* The cover is a page of its own, drawn whole. */
          record_block_start (self, i, &cursor);
          place (&cursor, i, none, 0, -1, 0);
          new_page (&cursor, FALSE);
          continue;
        }

      place_block (&cursor, i);
    }

  /* A trailing empty page, left by a cover or a break at the end, goes. */
  if (self->pages->len > 1 &&
      ((Page *)g_ptr_array_index (self->pages, self->pages->len - 1))->pieces->len == 0)
    g_ptr_array_remove_index (self->pages, self->pages->len - 1);
}

/**
 * measures_report_paginate:
 * @context: the Pango context to lay text out with; its resolution must
 *   be 72 dots per inch, so that one unit is one point
 * @page_width: the paper's width in points
 * @page_height: the paper's height in points
 *
 * Lays the report out on pages of the given size, in the report's
 * language.
 *
 * Returns: the number of pages
 */
guint
measures_report_paginate (MeasuresReport *self,
                          PangoContext   *context,
                          double          page_width,
                          double          page_height)
{
  g_autofree char *previous = NULL;

  g_return_val_if_fail (MEASURES_IS_REPORT (self), 0);
  g_return_val_if_fail (PANGO_IS_CONTEXT (context), 0);

  _measures_report_clear_layout (self);
  self->context = g_object_ref (context);
  self->width = page_width;
  self->height = page_height;

  /* Labels in the report's language; gettext is asked only while the
   * blocks and their layouts are made. */
  if (self->language != NULL)
    previous = measures_i18n_switch_language (self->language);

  _measures_report_build (self);
  paginate (self);

  if (self->language != NULL)
    g_free (measures_i18n_switch_language (previous));

  return self->pages->len;
}

/**
 * measures_report_get_n_pages:
 *
 * Returns: the number of pages of the last measures_report_paginate()
 */
guint
measures_report_get_n_pages (MeasuresReport *self)
{
  g_return_val_if_fail (MEASURES_IS_REPORT (self), 0);

  return self->pages ? self->pages->len : 0;
}
