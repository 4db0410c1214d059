/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-report"

#include "config.h"

#include <stdio.h>
#include <string.h>

#ifdef HAVE_RSVG
#include <librsvg/rsvg.h>
#endif

#include "measures-format.h"
#include "measures-i18n.h"
#include "measures-report-private.h"

/**
 * MeasuresReport:
 *
 * The printed documents: a measure sheet, an office's measure sheets, a
 * goal report, the overview table of all measures, the strategy report and
 * the monitoring report. One renderer lays them out on pages
 * and draws them with cairo and Pango, for the print dialog, for a direct
 * PDF export and for the command line alike.
 *
 * Building happens in two steps. measures_report_paginate() turns the
 * strategy's data into blocks of text in the report's language and breaks
 * them into pages; measures_report_draw_page() draws one of those pages.
 *
 * This file reads the data and assembles the blocks; the layout on pages,
 * the drawing, the PDF file and the offices' sheets each have a file of
 * their own beside it.
 */

G_DEFINE_FINAL_TYPE (MeasuresReport, measures_report, G_TYPE_OBJECT)

static void
block_clear (Block *block)
{
  g_strfreev (block->cells);
  g_free (block->outline_title);
  g_free (block->sheet);
  g_clear_pointer (&block->points, g_array_unref);
  g_free (block->unit);
  g_free (block->fitted);
}

static void
measures_report_finalize (GObject *object)
{
  MeasuresReport *self = (MeasuresReport *)object;

  _measures_report_clear_layout (self);
  g_free (self->office);
  g_free (self->strategy_title);
  g_free (self->vision_title);
  g_strfreev (self->statements);
  g_clear_object (&self->goals);
  g_clear_object (&self->offices);
  g_clear_pointer (&self->measures, g_ptr_array_unref);
  g_clear_pointer (&self->involved, g_ptr_array_unref);
  g_clear_pointer (&self->latest_log, g_hash_table_unref);
  g_free (self->language);
  g_free (self->author);
  g_clear_pointer (&self->date, g_date_time_unref);
  g_clear_pointer (&self->logo, cairo_surface_destroy);
  g_clear_object (&self->logo_svg);
  g_clear_pointer (&self->struct_elems, g_array_unref);
  _measures_report_monitoring_clear (self);

  G_OBJECT_CLASS (measures_report_parent_class)->finalize (object);
}

static void
measures_report_class_init (MeasuresReportClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = measures_report_finalize;
}

static void
measures_report_init (MeasuresReport *self)
{
  self->measures = g_ptr_array_new_with_free_func (g_object_unref);
  self->involved = g_ptr_array_new_with_free_func (g_object_unref);
  self->latest_log = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);
  self->date = g_date_time_new_now_local ();
  self->author = g_strdup (g_get_real_name ());
  self->style = measures_render_style_get_default ();
  self->interval_months = MEASURES_DEFAULT_REPORT_INTERVAL_MONTHS;
}

/* Reading the data ------------------------------------------------------- */

gboolean
_measures_report_load_common (MeasuresReport  *self,
                              MeasuresStore   *store,
                              GListModel     **measures,
                              GError         **error)
{
  if (!measures_store_load_vision (store, &self->strategy_title, &self->vision_title,
                                   &self->statements, error) ||
      !(self->goals = measures_store_list_goals (store, error)) ||
      !(self->offices = measures_store_list_offices (store, error)) ||
      !(*measures = measures_store_list_measures (store, error)))
    return FALSE;

  return TRUE;
}

static gboolean
load_latest_log (MeasuresReport  *self,
                 MeasuresStore   *store,
                 GPtrArray       *measures,
                 GError         **error)
{
  for (guint i = 0; i < measures->len; i++)
    {
      gint64 id = measures_measure_get_id (g_ptr_array_index (measures, i));
      g_autoptr(GListModel) log = measures_store_list_log (store, id, FALSE, error);
      gint64 *key;

      if (log == NULL)
        return FALSE;
      if (g_list_model_get_n_items (log) == 0)
        continue;

      key = g_new (gint64, 1);
      *key = id;
      g_hash_table_insert (self->latest_log, key, g_list_model_get_item (log, 0));
    }

  return TRUE;
}

MeasuresReport *
_measures_report_new (ReportKind kind)
{
  MeasuresReport *self = g_object_new (MEASURES_TYPE_REPORT, NULL);

  self->kind = kind;
  return self;
}

/* A report of every measure; the strategy report shows their latest
 * progress reports too, the overview table does not. */
static MeasuresReport *
new_for_all_measures (ReportKind      kind,
                      MeasuresStore  *store,
                      GError        **error)
{
  g_autoptr(MeasuresReport) self = _measures_report_new (kind);
  g_autoptr(GListModel) measures = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);

  if (!_measures_report_load_common (self, store, &measures, error))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    g_ptr_array_add (self->measures, g_list_model_get_item (measures, i));

  if (kind == REPORT_STRATEGY && !load_latest_log (self, store, self->measures, error))
    return NULL;
  if (kind == REPORT_OVERVIEW &&
      !measures_statistics_load_strategy (&self->statistics, store, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * measures_report_new_strategy:
 *
 * Returns: (transfer full): the strategy report: title page, contents,
 *   vision, goals, the overview table and every measure sheet; or %NULL
 *   with @error set
 */
MeasuresReport *
measures_report_new_strategy (MeasuresStore  *store,
                              GError        **error)
{
  return new_for_all_measures (REPORT_STRATEGY, store, error);
}

/**
 * measures_report_new_overview:
 *
 * Returns: (transfer full): the overview table of every measure, as the
 *   strategy report has it, on its own; or %NULL with @error set
 */
MeasuresReport *
measures_report_new_overview (MeasuresStore  *store,
                              GError        **error)
{
  return new_for_all_measures (REPORT_OVERVIEW, store, error);
}

/**
 * measures_report_new_goal:
 * @goal: a goal's number
 *
 * Returns: (transfer full): the report of one goal, or %NULL with @error
 *   set
 */
MeasuresReport *
measures_report_new_goal (MeasuresStore  *store,
                          guint           goal,
                          GError        **error)
{
  g_autoptr(MeasuresReport) self = _measures_report_new (REPORT_GOAL);
  g_autoptr(GListModel) measures = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);

  if (!_measures_report_load_common (self, store, &measures, error))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (self->goals); i++)
    {
      g_autoptr(MeasuresGoal) item = g_list_model_get_item (self->goals, i);
      found |= measures_goal_get_number (item) == goal;
    }

  if (!found)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("The strategy has no goal %u."), goal);
      return NULL;
    }

  self->goal = goal;
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);

      if (measures_measure_get_goal (measure) == goal)
        g_ptr_array_add (self->measures, g_steal_pointer (&measure));
    }

  if (!load_latest_log (self, store, self->measures, error) ||
      !measures_statistics_load_goal (&self->statistics, store, goal, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * measures_report_new_office:
 * @abbreviation: an office's abbreviation, as in the directory
 *
 * Returns: (transfer full): the office's measure sheets: a cover, a sheet
 *   for each measure it leads, and the measures it takes part in; or %NULL
 *   with @error set
 */
MeasuresReport *
measures_report_new_office (MeasuresStore  *store,
                            const char     *abbreviation,
                            GError        **error)
{
  g_autoptr(MeasuresReport) self = _measures_report_new (REPORT_OFFICE);
  g_autoptr(GListModel) measures = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);
  g_return_val_if_fail (abbreviation != NULL, NULL);

  if (!_measures_report_load_common (self, store, &measures, error))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (self->offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (self->offices, i);
      found |= g_str_equal (measures_office_get_abbreviation (office), abbreviation);
    }

  if (!found)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("There is no office “%s” in the directory."), abbreviation);
      return NULL;
    }

  self->office = g_strdup (abbreviation);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);

      if (measures_measure_has_office (measure, abbreviation, MEASURES_ROLE_LEAD))
        g_ptr_array_add (self->measures, g_object_ref (measure));
      else if (measures_measure_has_office (measure, abbreviation, MEASURES_ROLE_INVOLVED))
        g_ptr_array_add (self->involved, g_object_ref (measure));
    }

  /* The office answers for the measures it leads. */
  if (!load_latest_log (self, store, self->measures, error) ||
      !measures_statistics_load_office (&self->statistics, store, abbreviation,
                                        MEASURES_ROLE_LEAD, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * measures_report_new_measure:
 * @measure_id: a measure's id
 *
 * Returns: (transfer full): one measure's sheet, or %NULL with @error set
 */
MeasuresReport *
measures_report_new_measure (MeasuresStore  *store,
                             gint64          measure_id,
                             GError        **error)
{
  g_autoptr(MeasuresReport) self = _measures_report_new (REPORT_MEASURE);
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(MeasuresMeasure) measure = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);

  if (!_measures_report_load_common (self, store, &measures, error))
    return NULL;

  measure = measures_store_get_measure (store, measure_id, error);
  if (measure == NULL)
    return NULL;

  self->measure_id = measure_id;
  g_ptr_array_add (self->measures, g_steal_pointer (&measure));

  if (!load_latest_log (self, store, self->measures, error))
    return NULL;

  return g_steal_pointer (&self);
}

/**
 * measures_report_set_language:
 * @language: (nullable): "de", "en", "fr", or %NULL for the interface's
 *
 * Chooses the language of the report's labels. The strategy's own text
 * stays as stored.
 */
void
measures_report_set_language (MeasuresReport *self,
                              const char     *language)
{
  g_return_if_fail (MEASURES_IS_REPORT (self));

  g_free (self->language);
  self->language = g_strdup (language);
}

/**
 * measures_report_set_author:
 * @author: who is named as the PDF's author
 */
void
measures_report_set_author (MeasuresReport *self,
                            const char     *author)
{
  g_return_if_fail (MEASURES_IS_REPORT (self));

  g_free (self->author);
  self->author = g_strdup (author);
}

/**
 * measures_layout_from_string:
 * @name: "one-per-page" or "two-per-page"
 * @layout: (out): the layout
 *
 * Returns: %TRUE if @name names a layout
 */
gboolean
measures_layout_from_string (const char     *name,
                             MeasuresLayout *layout)
{
  g_return_val_if_fail (layout != NULL, FALSE);

  if (g_strcmp0 (name, "one-per-page") == 0)
    *layout = MEASURES_LAYOUT_ONE_PER_PAGE;
  else if (g_strcmp0 (name, "two-per-page") == 0)
    *layout = MEASURES_LAYOUT_TWO_PER_PAGE;
  else
    return FALSE;

  return TRUE;
}

/**
 * measures_report_set_layout:
 * @layout: one sheet per portrait page, or two side by side on a
 *   landscape page
 *
 * Chooses how measure sheets are set. With two per page,
 * measures_report_write_pdf() turns the paper to landscape; a caller that
 * paginates itself passes landscape sizes.
 *
 * Only a report with two sheets or more sets them side by side: a single
 * measure's sheet, the overview table and the monitoring report keep
 * their portrait pages, which a lone sheet or a table fills better than
 * half a landscape page; measures_report_get_layout() then says so.
 */
void
measures_report_set_layout (MeasuresReport *self,
                            MeasuresLayout  layout)
{
  gboolean has_sheets;

  g_return_if_fail (MEASURES_IS_REPORT (self));

  has_sheets = self->kind == REPORT_STRATEGY || self->kind == REPORT_GOAL ||
               self->kind == REPORT_OFFICE;
  self->layout = has_sheets && self->measures->len >= 2 ? layout : MEASURES_LAYOUT_ONE_PER_PAGE;
}

/**
 * measures_report_get_layout:
 *
 * Returns: the layout of the measure sheets, as the report sets them
 */
MeasuresLayout
measures_report_get_layout (MeasuresReport *self)
{
  g_return_val_if_fail (MEASURES_IS_REPORT (self), MEASURES_LAYOUT_ONE_PER_PAGE);

  return self->layout;
}

/**
 * measures_report_set_coordinator_notes:
 * @notes: whether sheets carry the notes meant for whoever keeps the
 *   strategy, such as how the overview table words a measure differently
 *
 * Off by default: the notes are not for the strategy's readers.
 */
void
measures_report_set_coordinator_notes (MeasuresReport *self,
                                       gboolean        notes)
{
  g_return_if_fail (MEASURES_IS_REPORT (self));

  self->coordinator_notes = notes;
}

/**
 * measures_report_set_house_color:
 * @color: (nullable): the city's colour, such as "#c8102e", or %NULL or ""
 *   for the neutral look
 *
 * Headings, rules, the progress bars and the cover's band take the
 * colour. A colour that cannot be read leaves the neutral look.
 */
void
measures_report_set_house_color (MeasuresReport *self,
                                 const char     *color)
{
  unsigned int red, green, blue;

  g_return_if_fail (MEASURES_IS_REPORT (self));

  self->style = measures_render_style_get_default ();
  self->has_house_color = FALSE;
  if (color == NULL || sscanf (color, "#%02x%02x%02x", &red, &green, &blue) != 3 ||
      strlen (color) != 7)
    return;

  self->house_style = *self->style;
  self->house_style.accent = (MeasuresRenderColor) { red / 255.0, green / 255.0, blue / 255.0 };
  self->style = &self->house_style;
  self->has_house_color = TRUE;
}

/**
 * measures_report_set_logo:
 * @path: (nullable): a PNG or SVG file, or %NULL or "" for none
 *
 * The city's logo, on the cover and in every page's header.
 *
 * Returns: %FALSE with @error set if the file cannot be read as an image;
 *   the report then has no logo
 */
gboolean
measures_report_set_logo (MeasuresReport  *self,
                          const char      *path,
                          GError         **error)
{
  g_return_val_if_fail (MEASURES_IS_REPORT (self), FALSE);

  g_clear_pointer (&self->logo, cairo_surface_destroy);
  g_clear_object (&self->logo_svg);
  if (path == NULL || path[0] == '\0')
    return TRUE;

#ifdef HAVE_RSVG
  if (g_str_has_suffix (path, ".svg") || g_str_has_suffix (path, ".SVG"))
    {
      g_autoptr(GObject) handle = (GObject *)rsvg_handle_new_from_file (path, error);
      double width, height;

      if (handle == NULL)
        return FALSE;
      rsvg_handle_set_dpi (RSVG_HANDLE (handle), 72);
      if (!rsvg_handle_get_intrinsic_size_in_pixels (RSVG_HANDLE (handle), &width, &height) ||
          width <= 0 || height <= 0)
        {
          RsvgRectangle viewport = { 0, 0, 100, 100 }, ink, logical;

          if (!rsvg_handle_get_geometry_for_layer (RSVG_HANDLE (handle), NULL, &viewport, &ink, &logical,
                                                   error))
            return FALSE;
          width = logical.width;
          height = logical.height;
        }
      self->logo_width = width;
      self->logo_height = height;
      self->logo_svg = g_steal_pointer (&handle);
      return TRUE;
    }
#endif

  self->logo = cairo_image_surface_create_from_png (path);
  if (cairo_surface_status (self->logo) != CAIRO_STATUS_SUCCESS ||
      cairo_image_surface_get_height (self->logo) == 0)
    {
      g_autofree char *display = g_filename_display_name (path);

      g_clear_pointer (&self->logo, cairo_surface_destroy);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
                   /* Translators: %s is a file name */
                   _("“%s” is not a logo Measures can read: choose a PNG or SVG file."), display);
      return FALSE;
    }
  self->logo_width = cairo_image_surface_get_width (self->logo);
  self->logo_height = cairo_image_surface_get_height (self->logo);

  return TRUE;
}

/* Building the blocks ---------------------------------------------------- */

const char *
_measures_report_office_name (MeasuresReport *self,
                              const char     *abbreviation)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (self->offices, i);

      /* The list keeps the office alive. */
      if (g_str_equal (measures_office_get_abbreviation (office), abbreviation))
        return measures_office_get_name (office);
    }

  return abbreviation;
}

MeasuresGoal *
_measures_report_find_goal (MeasuresReport *self,
                            guint           number)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->goals); i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (self->goals, i);

      if (measures_goal_get_number (goal) == number)
        return goal;
    }

  return NULL;
}

/**
 * _measures_report_add_cells:
 * @cells: (transfer full): the block's texts
 *
 * Returns: the new block's index
 */
guint
_measures_report_add_cells (MeasuresReport *self,
                            BlockKind       kind,
                            GStrv           cells)
{
  Block block = { kind };

  block.cells = cells;
  g_array_append_val (self->blocks, block);

  return self->blocks->len - 1;
}

static guint
add_block (MeasuresReport *self,
           BlockKind       kind,
           const char     *first,
           ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  va_list args;

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    g_strv_builder_add (builder, text);
  va_end (args);

  return _measures_report_add_cells (self, kind, g_strv_builder_end (builder));
}

static Block *
last_block (MeasuresReport *self)
{
  return &g_array_index (self->blocks, Block, self->blocks->len - 1);
}

static void
add_page_break (MeasuresReport *self,
                const char     *sheet)
{
  add_block (self, BLOCK_PAGE_BREAK, NULL);
  last_block (self)->sheet = g_strdup (sheet);
}

static void
mark (MeasuresReport *self,
      guint           block,
      int             level,
      const char     *title)
{
  Block *b = &g_array_index (self->blocks, Block, block);

  b->outline_level = level;
  b->outline_title = g_strdup (title);
}

/* Paragraphs of the stored text: a blank line separates them, a single
 * line break is kept inside one. */
static void
add_paragraphs (MeasuresReport *self,
                const char     *text)
{
  g_auto(GStrv) paragraphs = g_strsplit (text, "\n\n", -1);

  for (guint i = 0; paragraphs[i] != NULL; i++)
    {
      g_autofree char *paragraph = g_strstrip (g_strdup (paragraphs[i]));

      /* A space before a line break, so that the words on either side
       * stay apart for whoever reads the PDF's text rather than sees it. */
      g_auto(GStrv) lines = g_strsplit (paragraph, "\n", -1);
      g_autofree char *spaced = NULL;

      for (guint j = 0; lines[j] != NULL; j++)
        g_strchomp (lines[j]);
      spaced = g_strjoinv (" \n", lines);
      if (spaced[0] != '\0')
        add_block (self, BLOCK_PARAGRAPH, spaced, NULL);
    }
}

static const char *
or_dash (const char *text)
{
  return text && text[0] ? text : "—";
}

static char *
progress_text (MeasuresMeasure *measure)
{
  /* Translators: a measure's progress, e.g. "40 %" */
  return g_strdup_printf (_("%u %%"), measures_measure_get_progress (measure));
}

static void
add_measure_sheet (MeasuresReport  *self,
                   MeasuresMeasure *measure,
                   int              outline_level)
{
  MeasuresGoal *goal = _measures_report_find_goal (self, measures_measure_get_goal (measure));
  const char * const *objectives = measures_measure_get_objectives (measure);
  gint64 id = measures_measure_get_id (measure);
  MeasuresLogEntry *latest = g_hash_table_lookup (self->latest_log, &id);
  g_autofree char *kicker = NULL;
  g_autofree char *status = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *progress = progress_text (measure);
  guint title, first_row;

  add_page_break (self, measures_measure_get_title (measure));

  kicker = goal ? g_strdup_printf (_("Goal %u: %s"), measures_goal_get_number (goal),
                                   measures_goal_get_title (goal))
                : g_strdup ("");
  add_block (self, BLOCK_KICKER, kicker, NULL);
  title = add_block (self, BLOCK_TITLE, measures_measure_get_title (measure), NULL);
  if (outline_level > 0)
    mark (self, title, outline_level, measures_measure_get_title (measure));

  /* Where the measure stands: what the source did not print, and what
   * officials come to the sheet for. */
  if (measures_measure_get_updated (measure) != NULL)
    {
      g_autofree char *date = measures_format_iso_date (measures_measure_get_updated (measure),
                                                        FALSE);
      /* Translators: %s is a date */
      updated = g_strdup_printf (_("last updated %s"), date);
    }
  else
    updated = g_strdup (measures_measure_get_status_derived (measure)
                          ? _("derived from the printed realization period")
                          : "");
  /* Translators: status line of a printed sheet: status · progress · update */
  status = g_strdup_printf (_("Status: %s · Progress: %s · %s"),
                            measures_status_get_label (measures_measure_get_status (measure)),
                            progress, updated);
  add_block (self, BLOCK_STATUS, status, NULL);
  last_block (self)->progress = measures_measure_get_progress (measure) / 100.0;

  add_block (self, BLOCK_SUBHEADING, _("Short Description"), NULL);
  last_block (self)->keep_with_next = TRUE;
  if (measures_measure_get_description (measure)[0] != '\0')
    add_paragraphs (self, measures_measure_get_description (measure));
  else
    add_block (self, BLOCK_PARAGRAPH, "—", NULL);

  add_block (self, BLOCK_SUBHEADING, _("Objectives"), NULL);
  last_block (self)->keep_with_next = TRUE;
  for (guint i = 0; objectives[i] != NULL; i++)
    add_block (self, BLOCK_BULLET, objectives[i], NULL);
  if (objectives[0] == NULL)
    add_block (self, BLOCK_PARAGRAPH, "—", NULL);

  add_block (self, BLOCK_SUBHEADING, _("Implementation"), NULL);
  last_block (self)->keep_with_next = TRUE;
  first_row = self->blocks->len;
  add_block (self, BLOCK_ROW, _("Lead"), or_dash (measures_measure_get_lead (measure)), NULL);
  add_block (self, BLOCK_ROW, _("Involved"), or_dash (measures_measure_get_actors (measure)), NULL);
  add_block (self, BLOCK_ROW, _("Priority"),
             measures_priority_get_label (measures_measure_get_priority (measure)), NULL);
  add_block (self, BLOCK_ROW, _("Realization Period"),
             or_dash (measures_measure_get_period (measure)), NULL);
  add_block (self, BLOCK_ROW, _("Costs"), or_dash (measures_measure_get_costs (measure)), NULL);
  /* The table stays together where it can: a lone row reads badly. */
  for (guint i = first_row; i + 1 < self->blocks->len; i++)
    g_array_index (self->blocks, Block, i).keep_with_next = TRUE;

  if (latest != NULL)
    {
      g_autofree char *date = measures_format_iso_date (measures_log_entry_get_date (latest), FALSE);
      g_autofree char *heading = NULL;

      /* Translators: heading of the latest log entry on a sheet: date, author */
      heading = g_strdup_printf (_("Latest Progress Report, %s, %s"), date,
                                 measures_log_entry_get_author (latest));
      add_block (self, BLOCK_SUBHEADING, heading, NULL);
      last_block (self)->keep_with_next = TRUE;
      add_paragraphs (self, measures_log_entry_get_text (latest)[0]
                              ? measures_log_entry_get_text (latest) : "—");
    }

  /* Where the strategy's overview table words the measure differently: a
   * note for whoever keeps the strategy, not for its readers. */
  if (self->coordinator_notes &&
      (measures_measure_get_overview_title (measure) || measures_measure_get_overview_lead (measure)))
    {
      g_autoptr(GString) note = g_string_new (NULL);

      if (measures_measure_get_overview_title (measure))
        g_string_append_printf (note, _("The strategy’s overview table lists this measure as “%s”."),
                                measures_measure_get_overview_title (measure));
      if (measures_measure_get_overview_lead (measure))
        {
          if (note->len)
            g_string_append_c (note, ' ');
          g_string_append_printf (note, _("The overview table names the lead as “%s”."),
                                  measures_measure_get_overview_lead (measure));
        }
      add_block (self, BLOCK_NOTE, note->str, NULL);
    }
}

static void
add_overview (MeasuresReport *self,
              GPtrArray      *measures,
              int             outline_level)
{
  guint heading;

  /* Below the goals' texts where half the page is free, rather than
   * leaving them a page of their own. */
  add_page_break (self, NULL);
  last_block (self)->soft_break = TRUE;
  heading = add_block (self, BLOCK_HEADING, _("Overview of the Measures"), NULL);
  mark (self, heading, outline_level, _("Overview of the Measures"));
  last_block (self)->keep_with_next = TRUE;
  /* Translators: the overview table's narrow first column, a goal's number */
  add_block (self, BLOCK_TABLE_HEADER, C_("table column", "Goal"), _("Measure"), _("Lead"),
             _("Priority"), _("Status"), _("Progress"), NULL);
  last_block (self)->keep_with_next = TRUE;

  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);
      g_autofree char *goal = g_strdup_printf ("%u", measures_measure_get_goal (measure));
      g_autofree char *progress = progress_text (measure);
      /* The table names the lead as the strategy's overview does, where
       * that differs from the sheet's wording. */
      const char *lead = measures_measure_get_overview_lead (measure)
                           ? measures_measure_get_overview_lead (measure)
                           : measures_measure_get_lead (measure);

      add_block (self, BLOCK_TABLE_ROW, goal, measures_measure_get_title (measure), or_dash (lead),
                 measures_priority_get_label (measures_measure_get_priority (measure)),
                 measures_status_get_label (measures_measure_get_status (measure)), progress,
                 NULL);
    }
}

static void
add_goal_text (MeasuresReport *self,
               MeasuresGoal   *goal,
               int             outline_level,
               gboolean        new_page)
{
  g_autofree char *heading = g_strdup_printf (_("Goal %u: %s"), measures_goal_get_number (goal),
                                              measures_goal_get_title (goal));
  guint block;

  if (new_page)
    add_page_break (self, NULL);
  block = add_block (self, BLOCK_HEADING, heading, NULL);
  if (outline_level > 0)
    mark (self, block, outline_level, heading);
  /* Not a heading and its headline alone at a page's foot. */
  last_block (self)->keep_with_next = TRUE;
  add_block (self, BLOCK_LEAD, measures_goal_get_headline (goal), NULL);
  last_block (self)->keep_with_next = TRUE;
  add_paragraphs (self, measures_goal_get_text (goal));
}

static char *
counts_by_status (MeasuresReport *self)
{
  g_autofree char *counts = measures_statistics_describe (&self->statistics);

  if (measures_statistics_get_n_measures (&self->statistics) == 0)
    return g_steal_pointer (&counts);

  /* Translators: the counts by status, then the average progress */
  return g_strdup_printf (_("%s · overall progress %.0f %%"), counts,
                          measures_statistics_get_mean_progress (&self->statistics) * 100);
}

static void
build_cover (MeasuresReport *self)
{
  const char *as_of = self->as_of_text;

  switch (self->kind)
    {
    case REPORT_STRATEGY:
      add_block (self, BLOCK_COVER, _("Strategy Report"), self->strategy_title,
                 self->vision_title, as_of, NULL);
      break;
    case REPORT_OVERVIEW:
      {
        g_autofree char *counts = counts_by_status (self);
        g_autofree char *number = g_strdup_printf (ngettext ("%u measure", "%u measures",
                                                             self->measures->len),
                                                   self->measures->len);
        g_autofree char *line = g_strdup_printf ("%s · %s", number, counts);

        add_block (self, BLOCK_COVER, self->title, self->strategy_title, as_of, line, NULL);
      }
      break;
    case REPORT_GOAL:
      {
        MeasuresGoal *goal = _measures_report_find_goal (self, self->goal);
        g_autofree char *title = g_strdup_printf (_("Goal %u: %s"), self->goal,
                                                  measures_goal_get_title (goal));
        g_autofree char *counts = counts_by_status (self);
        g_autofree char *number = g_strdup_printf (ngettext ("%u measure", "%u measures",
                                                             self->measures->len),
                                                   self->measures->len);
        g_autofree char *line = g_strdup_printf ("%s · %s", number, counts);

        add_block (self, BLOCK_COVER, _("Goal Report"), title, self->strategy_title, as_of, line,
                   NULL);
      }
      break;
    case REPORT_OFFICE:
      {
        g_autofree char *leads = g_strdup_printf (ngettext ("Leads %u measure",
                                                            "Leads %u measures",
                                                            self->measures->len),
                                                  self->measures->len);
        g_autofree char *takes_part = g_strdup_printf (ngettext ("takes part in %u measure",
                                                                 "takes part in %u measures",
                                                                 self->involved->len),
                                                       self->involved->len);
        g_autofree char *line = g_strdup_printf ("%s · %s", leads, takes_part);
        g_autofree char *counts = counts_by_status (self);
        const char *name = _measures_report_office_name (self, self->office);

        add_block (self, BLOCK_COVER, _("Measure Sheets"), name,
                   g_str_equal (name, self->office) ? "" : self->office,
                   self->strategy_title, as_of, line, counts, NULL);
      }
      break;
    case REPORT_MEASURE:
    default:
      break;
    }
}

static void
build_contents (MeasuresReport *self)
{
  guint heading;

  /* Entries point at blocks made later; remember where they go. */
  add_page_break (self, NULL);
  heading = add_block (self, BLOCK_HEADING, _("Contents"), NULL);
  mark (self, heading, 1, _("Contents"));
}

/* Turns the data into blocks, in the language gettext answers in now. */
void
_measures_report_build (MeasuresReport *self)
{
  self->blocks = g_array_new (FALSE, TRUE, sizeof (Block));
  g_array_set_clear_func (self->blocks, (GDestroyNotify)block_clear);

  self->date_text = measures_format_date (self->date);
  self->as_of_text = g_strdup_printf (_("As of %s"), self->date_text);
  /* Translators: page numbers in a printed report's footer */
  self->page_format = g_strdup (_("Page %u of %u"));

  switch (self->kind)
    {
    case REPORT_STRATEGY:
      {
        g_autoptr(GArray) toc = g_array_new (FALSE, FALSE, sizeof (guint));
        guint vision, first_entry, overview_at;

        self->title = g_strdup (self->strategy_title);
        build_cover (self);
        build_contents (self);
        first_entry = self->blocks->len;
        /* Placeholders for the entries: vision, overview, goals, measures. */
        for (guint i = 0; i < 2 + g_list_model_get_n_items (self->goals) + self->measures->len; i++)
          add_block (self, BLOCK_TOC_ENTRY, "", NULL);

        /* The vision as the strategy sets it: a page of its own, its
         * title large, its statements beneath. */
        add_page_break (self, NULL);
        last_block (self)->balanced = TRUE;
        vision = add_block (self, BLOCK_HEADING, _("Vision"), NULL);
        mark (self, vision, 1, _("Vision"));
        last_block (self)->keep_with_next = TRUE;
        g_array_append_val (toc, vision);
        add_block (self, BLOCK_DISPLAY, self->vision_title, NULL);
        for (guint i = 0; self->statements[i] != NULL; i++)
          add_block (self, BLOCK_STATEMENT, self->statements[i], NULL);

        for (guint i = 0; i < g_list_model_get_n_items (self->goals); i++)
          {
            g_autoptr(MeasuresGoal) goal = g_list_model_get_item (self->goals, i);
            add_goal_text (self, goal, 0, i == 0);
          }

        overview_at = self->blocks->len + 1;
        add_overview (self, self->measures, 1);
        g_array_append_val (toc, overview_at);

        for (guint i = 0; i < g_list_model_get_n_items (self->goals); i++)
          {
            g_autoptr(MeasuresGoal) goal = g_list_model_get_item (self->goals, i);
            g_autofree char *heading = g_strdup_printf (_("Goal %u: %s"),
                                                        measures_goal_get_number (goal),
                                                        measures_goal_get_title (goal));
            guint at;

            add_page_break (self, NULL);
            at = add_block (self, BLOCK_HEADING, heading, NULL);
            mark (self, at, 1, heading);
            add_block (self, BLOCK_LEAD, measures_goal_get_headline (goal), NULL);
            g_array_append_val (toc, at);

            for (guint j = 0, n = 0; j < self->measures->len; j++)
              {
                MeasuresMeasure *measure = g_ptr_array_index (self->measures, j);
                guint sheet = self->blocks->len;

                if (measures_measure_get_goal (measure) != measures_goal_get_number (goal))
                  continue;
                add_measure_sheet (self, measure, 2);
                /* The goal's heading and headline stand above its first
                 * sheet, not on a page of their own. */
                if (n++ == 0)
                  g_array_index (self->blocks, Block, sheet).soft_break = TRUE;
                /* The sheet's title is two blocks after its page break. */
                at = self->blocks->len;
                while (g_array_index (self->blocks, Block, --at).kind != BLOCK_TITLE)
                  ;
                g_array_append_val (toc, at);
              }
          }

        /* Fill the contents now that every target is known. */
        for (guint i = 0; i < toc->len; i++)
          {
            Block *entry = &g_array_index (self->blocks, Block, first_entry + i);
            Block *target = &g_array_index (self->blocks, Block, g_array_index (toc, guint, i));
            const char *text = target->outline_title ? target->outline_title : target->cells[0];

            g_strfreev (entry->cells);
            entry->cells = g_new0 (char *, 2);
            entry->cells[0] = g_strdup (text);
            entry->target = g_array_index (toc, guint, i);
            /* Sheets are indented under their goal. */
            entry->indented = target->kind == BLOCK_TITLE;
          }
      }
      break;

    case REPORT_OVERVIEW:
      /* Translators: a document's title: the table of all measures */
      self->title = g_strdup (_("Overview of the Measures"));
      build_cover (self);
      add_overview (self, self->measures, 1);
      break;

    case REPORT_GOAL:
      {
        MeasuresGoal *goal = _measures_report_find_goal (self, self->goal);

        self->title = g_strdup_printf (_("Goal %u: %s"), self->goal, measures_goal_get_title (goal));
        build_cover (self);
        add_goal_text (self, goal, 1, TRUE);
        add_overview (self, self->measures, 1);
        for (guint i = 0; i < self->measures->len; i++)
          {
            guint sheet = self->blocks->len;

            add_measure_sheet (self, g_ptr_array_index (self->measures, i), 1);
            /* Below the overview's last rows, rather than leave them a
             * page of their own. */
            if (i == 0)
              g_array_index (self->blocks, Block, sheet).soft_break = TRUE;
          }
      }
      break;

    case REPORT_OFFICE:
      {
        /* Translators: a document's title, %s is an office's abbreviation */
        self->title = g_strdup_printf (_("Measure Sheets: %s"), self->office);
        build_cover (self);
        for (guint i = 0; i < self->measures->len; i++)
          add_measure_sheet (self, g_ptr_array_index (self->measures, i), 1);

        if (self->involved->len > 0)
          {
            guint heading;

            add_page_break (self, NULL);
            heading = add_block (self, BLOCK_HEADING, _("Measures It Takes Part In"), NULL);
            mark (self, heading, 1, _("Measures It Takes Part In"));
            for (guint i = 0; i < self->involved->len; i++)
              {
                MeasuresMeasure *measure = g_ptr_array_index (self->involved, i);
                g_autofree char *line = NULL;

                /* Translators: under a measure's title in an office's list */
                line = g_strdup_printf (_("Goal %u · Lead: %s · Priority: %s · Status: %s"),
                                        measures_measure_get_goal (measure),
                                        or_dash (measures_measure_get_lead (measure)),
                                        measures_priority_get_label (
                                          measures_measure_get_priority (measure)),
                                        measures_status_get_label (
                                          measures_measure_get_status (measure)));
                add_block (self, BLOCK_SUBHEADING, measures_measure_get_title (measure), NULL);
                last_block (self)->keep_with_next = TRUE;
                last_block (self)->heading_level = 2;
                add_block (self, BLOCK_NOTE, line, NULL);
              }
          }
      }
      break;

    case REPORT_MONITORING:
      _measures_report_build_monitoring (self);
      break;

    case REPORT_MEASURE:
    default:
      self->title = g_strdup (measures_measure_get_title (g_ptr_array_index (self->measures, 0)));
      add_measure_sheet (self, g_ptr_array_index (self->measures, 0), 1);
      break;
    }
}
