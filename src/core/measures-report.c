/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include "measures-i18n.h"
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <string.h>
#include <unistd.h>

#include "measures-format.h"
#include "measures-report.h"

/**
 * MeasuresReport:
 *
 * The printed documents: a measure sheet, an office's measure sheets, a
 * goal report, the overview table of all measures and the strategy report. One renderer lays them out on pages
 * and draws them with cairo and Pango, for the print dialog, for a direct
 * PDF export and for the command line alike.
 *
 * Building happens in two steps. measures_report_paginate() turns the
 * strategy's data into blocks of text in the report's language and breaks
 * them into pages; measures_report_draw_page() draws one of those pages.
 */

typedef enum {
  REPORT_STRATEGY,
  REPORT_OVERVIEW,
  REPORT_GOAL,
  REPORT_OFFICE,
  REPORT_MEASURE,
} ReportKind;

typedef enum {
  BLOCK_COVER,
  BLOCK_PAGE_BREAK,
  BLOCK_HEADING,      /* a section: goal, vision, overview, … */
  BLOCK_KICKER,       /* the small line above a measure's title */
  BLOCK_TITLE,        /* a measure's title */
  BLOCK_SUBHEADING,   /* "Short description", "Objectives", … */
  BLOCK_PARAGRAPH,
  BLOCK_LEAD,         /* a goal's headline */
  BLOCK_NOTE,         /* small print */
  BLOCK_BULLET,
  BLOCK_ROW,          /* label | value, the implementation table */
  BLOCK_STATUS,       /* status, progress bar, last update */
  BLOCK_TABLE_HEADER, /* the overview table's header, repeated on every page */
  BLOCK_TABLE_ROW,
  BLOCK_TOC_ENTRY,
} BlockKind;

typedef struct
{
  BlockKind kind;
  GStrv cells;          /* the block's texts: one, or one per column */
  int outline_level;    /* > 0: a bookmark at this block */
  char *outline_title;
  char *sheet;          /* BLOCK_PAGE_BREAK: the sheet that starts, or NULL */
  guint target;         /* BLOCK_TOC_ENTRY: the block it leads to */
  double progress;      /* BLOCK_STATUS */
  gboolean indented;    /* BLOCK_TOC_ENTRY: a sheet under its goal */
  gboolean keep_with_next;
} Block;

/* A block, or the lines of it, placed on a page. */
typedef struct
{
  guint block;
  GPtrArray *layouts;   /* one PangoLayout per cell */
  int first_line;       /* for a paragraph split across pages */
  int n_lines;          /* -1: all */
  double y;
  double height;
  gboolean continued;   /* the "(continued)" line of a sheet */
} Piece;

typedef struct
{
  GPtrArray *pieces;
} Page;

struct _MeasuresReport
{
  GObject parent_instance;

  ReportKind kind;
  guint goal;
  char *office;
  gint64 measure_id;

  /* The data, read when the report is made */
  char *strategy_title;
  char *vision_title;
  GStrv statements;
  GListModel *goals;
  GListModel *offices;
  GPtrArray *measures;      /* the sheets, in order */
  GPtrArray *involved;      /* REPORT_OFFICE: the measures it takes part in */
  GHashTable *latest_log;   /* measure id → its latest MeasuresLogEntry */

  char *language;
  char *author;
  GDateTime *date;

  /* The layout, made by measures_report_paginate() */
  GArray *blocks;
  GPtrArray *pages;
  GArray *block_pages;      /* the page each block starts on */
  GArray *block_y;
  PangoContext *context;
  double width;
  double height;
  char *title;              /* in the report's language */
  char *date_text;
  char *as_of_text;
  char *page_format;
};

G_DEFINE_FINAL_TYPE (MeasuresReport, measures_report, G_TYPE_OBJECT)

/* Geometry, in points */
#define MARGIN_SIDE 56.0
#define MARGIN_TOP 70.0
#define MARGIN_BOTTOM 64.0
#define FONT "DejaVu Sans"
#define LABEL_WIDTH 132.0
#define BULLET_INDENT 14.0

static const struct {
  double red, green, blue;
} ink = { 0.13, 0.13, 0.15 }, dim = { 0.40, 0.40, 0.44 }, accent = { 0.10, 0.33, 0.60 },
  rule = { 0.78, 0.80, 0.84 }, fill = { 0.94, 0.95, 0.97 };

static void
block_clear (Block *block)
{
  g_strfreev (block->cells);
  g_free (block->outline_title);
  g_free (block->sheet);
}

static void
piece_free (Piece *piece)
{
  g_ptr_array_unref (piece->layouts);
  g_free (piece);
}

static void
page_free (Page *page)
{
  g_ptr_array_unref (page->pieces);
  g_free (page);
}

static void
clear_layout (MeasuresReport *self)
{
  g_clear_pointer (&self->blocks, g_array_unref);
  g_clear_pointer (&self->pages, g_ptr_array_unref);
  g_clear_pointer (&self->block_pages, g_array_unref);
  g_clear_pointer (&self->block_y, g_array_unref);
  g_clear_object (&self->context);
  g_clear_pointer (&self->title, g_free);
  g_clear_pointer (&self->date_text, g_free);
  g_clear_pointer (&self->as_of_text, g_free);
  g_clear_pointer (&self->page_format, g_free);
}

static void
measures_report_finalize (GObject *object)
{
  MeasuresReport *self = (MeasuresReport *)object;

  clear_layout (self);
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
}

/* Paper ------------------------------------------------------------------ */

/**
 * measures_paper_from_string:
 * @name: "a4" or "letter"
 * @paper: (out): the paper
 *
 * Returns: %TRUE if @name names a paper size
 */
gboolean
measures_paper_from_string (const char    *name,
                            MeasuresPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_strcmp0 (name, "a4") == 0 || g_strcmp0 (name, "A4") == 0)
    *paper = MEASURES_PAPER_A4;
  else if (g_ascii_strcasecmp (name ? name : "", "letter") == 0)
    *paper = MEASURES_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/**
 * measures_paper_get_size:
 * @width: (out): the width in points
 * @height: (out): the height in points
 */
void
measures_paper_get_size (MeasuresPaper  paper,
                         double        *width,
                         double        *height)
{
  if (paper == MEASURES_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.2756;
      *height = 841.8898;
    }
}

/* Reading the data ------------------------------------------------------- */

static gboolean
load_common (MeasuresReport  *self,
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

static MeasuresReport *
report_new (ReportKind kind)
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
  g_autoptr(MeasuresReport) self = report_new (kind);
  g_autoptr(GListModel) measures = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);

  if (!load_common (self, store, &measures, error))
    return NULL;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    g_ptr_array_add (self->measures, g_list_model_get_item (measures, i));

  if (kind == REPORT_STRATEGY && !load_latest_log (self, store, self->measures, error))
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
  g_autoptr(MeasuresReport) self = report_new (REPORT_GOAL);
  g_autoptr(GListModel) measures = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);

  if (!load_common (self, store, &measures, error))
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

  if (!load_latest_log (self, store, self->measures, error))
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
  g_autoptr(MeasuresReport) self = report_new (REPORT_OFFICE);
  g_autoptr(GListModel) measures = NULL;
  gboolean found = FALSE;

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);
  g_return_val_if_fail (abbreviation != NULL, NULL);

  if (!load_common (self, store, &measures, error))
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

  if (!load_latest_log (self, store, self->measures, error))
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
  g_autoptr(MeasuresReport) self = report_new (REPORT_MEASURE);
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(MeasuresMeasure) measure = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);

  if (!load_common (self, store, &measures, error))
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
 * measures_report_set_date:
 * @date: the report's "as of" date
 */
void
measures_report_set_date (MeasuresReport *self,
                          GDateTime      *date)
{
  g_return_if_fail (MEASURES_IS_REPORT (self));
  g_return_if_fail (date != NULL);

  g_date_time_unref (self->date);
  self->date = g_date_time_ref (date);
}

/* Building the blocks ---------------------------------------------------- */

static const char *
office_name (MeasuresReport *self,
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

static MeasuresGoal *
find_goal (MeasuresReport *self,
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

static guint
add_block (MeasuresReport *self,
           BlockKind       kind,
           const char     *first,
           ...)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  Block block = { kind };
  va_list args;

  va_start (args, first);
  for (const char *text = first; text != NULL; text = va_arg (args, const char *))
    g_strv_builder_add (builder, text);
  va_end (args);

  block.cells = g_strv_builder_end (builder);
  g_array_append_val (self->blocks, block);

  return self->blocks->len - 1;
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

      if (paragraph[0] != '\0')
        add_block (self, BLOCK_PARAGRAPH, paragraph, NULL);
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
  MeasuresGoal *goal = find_goal (self, measures_measure_get_goal (measure));
  const char * const *objectives = measures_measure_get_objectives (measure);
  gint64 id = measures_measure_get_id (measure);
  MeasuresLogEntry *latest = g_hash_table_lookup (self->latest_log, &id);
  g_autofree char *kicker = NULL;
  g_autofree char *status = NULL;
  g_autofree char *updated = NULL;
  g_autofree char *progress = progress_text (measure);
  guint title;

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
  add_block (self, BLOCK_ROW, _("Lead"), or_dash (measures_measure_get_lead (measure)), NULL);
  add_block (self, BLOCK_ROW, _("Involved"), or_dash (measures_measure_get_actors (measure)), NULL);
  add_block (self, BLOCK_ROW, _("Priority"),
             measures_priority_get_label (measures_measure_get_priority (measure)), NULL);
  add_block (self, BLOCK_ROW, _("Realization Period"),
             or_dash (measures_measure_get_period (measure)), NULL);
  add_block (self, BLOCK_ROW, _("Costs"), or_dash (measures_measure_get_costs (measure)), NULL);

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

  if (measures_measure_get_overview_title (measure) || measures_measure_get_overview_lead (measure))
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

  add_page_break (self, NULL);
  heading = add_block (self, BLOCK_HEADING, _("Overview of the Measures"), NULL);
  mark (self, heading, outline_level, _("Overview of the Measures"));
  /* Translators: the overview table's narrow first column, a goal's number */
  add_block (self, BLOCK_TABLE_HEADER, C_("table column", "Goal"), _("Measure"), _("Lead"),
             _("Priority"), _("Status"), NULL);

  for (guint i = 0; i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);
      g_autofree char *goal = g_strdup_printf ("%u", measures_measure_get_goal (measure));

      add_block (self, BLOCK_TABLE_ROW, goal, measures_measure_get_title (measure),
                 or_dash (measures_measure_get_lead (measure)),
                 measures_priority_get_label (measures_measure_get_priority (measure)),
                 measures_status_get_label (measures_measure_get_status (measure)), NULL);
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
  add_block (self, BLOCK_LEAD, measures_goal_get_headline (goal), NULL);
  add_paragraphs (self, measures_goal_get_text (goal));
}

static char *
counts_by_status (GPtrArray *measures)
{
  g_autoptr(GListStore) list = g_list_store_new (MEASURES_TYPE_MEASURE);
  double progress;
  g_autofree char *counts = NULL;
  g_autofree char *overall = NULL;

  for (guint i = 0; i < measures->len; i++)
    g_list_store_append (list, g_ptr_array_index (measures, i));

  counts = measures_measure_describe_statuses (G_LIST_MODEL (list), &progress);
  if (measures->len == 0)
    return g_steal_pointer (&counts);

  /* Translators: the counts by status, then the average progress */
  return g_strdup_printf (_("%s · overall progress %.0f %%"), counts, progress * 100);
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
        g_autofree char *counts = counts_by_status (self->measures);
        g_autofree char *number = g_strdup_printf (ngettext ("%u measure", "%u measures",
                                                             self->measures->len),
                                                   self->measures->len);
        g_autofree char *line = g_strdup_printf ("%s · %s", number, counts);

        add_block (self, BLOCK_COVER, self->title, self->strategy_title, as_of, line, NULL);
      }
      break;
    case REPORT_GOAL:
      {
        MeasuresGoal *goal = find_goal (self, self->goal);
        g_autofree char *title = g_strdup_printf (_("Goal %u: %s"), self->goal,
                                                  measures_goal_get_title (goal));
        g_autofree char *counts = counts_by_status (self->measures);
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
        g_autofree char *counts = counts_by_status (self->measures);
        const char *name = office_name (self, self->office);

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

static void
build (MeasuresReport *self)
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

        add_page_break (self, NULL);
        vision = add_block (self, BLOCK_HEADING, _("Vision"), NULL);
        mark (self, vision, 1, _("Vision"));
        g_array_append_val (toc, vision);
        add_block (self, BLOCK_LEAD, self->vision_title, NULL);
        for (guint i = 0; self->statements[i] != NULL; i++)
          add_block (self, BLOCK_BULLET, self->statements[i], NULL);

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

            for (guint j = 0; j < self->measures->len; j++)
              {
                MeasuresMeasure *measure = g_ptr_array_index (self->measures, j);

                if (measures_measure_get_goal (measure) != measures_goal_get_number (goal))
                  continue;
                add_measure_sheet (self, measure, 2);
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
        MeasuresGoal *goal = find_goal (self, self->goal);

        self->title = g_strdup_printf (_("Goal %u: %s"), self->goal, measures_goal_get_title (goal));
        build_cover (self);
        add_goal_text (self, goal, 1, TRUE);
        add_overview (self, self->measures, 1);
        for (guint i = 0; i < self->measures->len; i++)
          add_measure_sheet (self, g_ptr_array_index (self->measures, i), 1);
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
                add_block (self, BLOCK_NOTE, line, NULL);
              }
          }
      }
      break;

    case REPORT_MEASURE:
    default:
      self->title = g_strdup (measures_measure_get_title (g_ptr_array_index (self->measures, 0)));
      add_measure_sheet (self, g_ptr_array_index (self->measures, 0), 1);
      break;
    }
}

/* Laying out -------------------------------------------------------------- */

typedef struct
{
  const char *family;
  double size;
  PangoWeight weight;
  PangoStyle style;
  double before;
  double after;
} Style;

static Style
style_of (BlockKind kind)
{
  switch (kind)
    {
    case BLOCK_HEADING:
      return (Style) { FONT, 17, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 6, 10 };
    case BLOCK_KICKER:
      return (Style) { FONT, 8.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0, 4 };
    case BLOCK_TITLE:
      return (Style) { FONT, 15, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0, 10 };
    case BLOCK_SUBHEADING:
      return (Style) { FONT, 10.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 12, 5 };
    case BLOCK_LEAD:
      return (Style) { FONT, 11, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 2, 8 };
    case BLOCK_NOTE:
      return (Style) { FONT, 8, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 2, 6 };
    case BLOCK_STATUS:
      return (Style) { FONT, 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, 4 };
    case BLOCK_TABLE_HEADER:
      return (Style) { FONT, 8.5, PANGO_WEIGHT_BOLD, PANGO_STYLE_NORMAL, 0, 0 };
    case BLOCK_TABLE_ROW:
      return (Style) { FONT, 8.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, 0 };
    case BLOCK_ROW:
      return (Style) { FONT, 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, 0 };
    case BLOCK_TOC_ENTRY:
      return (Style) { FONT, 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, 3 };
    case BLOCK_BULLET:
      return (Style) { FONT, 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, 3 };
    case BLOCK_PARAGRAPH:
    default:
      return (Style) { FONT, 9.5, PANGO_WEIGHT_NORMAL, PANGO_STYLE_NORMAL, 0, 6 };
    }
}

static PangoLayout *
make_layout (MeasuresReport *self,
             const char     *text,
             Style           style,
             PangoWeight     weight,
             double          width)
{
  PangoLayout *layout = pango_layout_new (self->context);
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  pango_font_description_set_family (font, style.family);
  pango_font_description_set_size (font, style.size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style.style);
  pango_layout_set_font_description (layout, font);
  pango_layout_set_width (layout, width * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, style.size * 0.25 * PANGO_SCALE);
  pango_layout_set_text (layout, text, -1);

  return layout;
}

static double
content_width (MeasuresReport *self)
{
  return self->width - 2 * MARGIN_SIDE;
}

/* Table columns: goal, measure, lead, priority, status. */
static const double column_share[] = { 0.09, 0.43, 0.22, 0.11, 0.15 };
#define CELL_PAD 4.0

static GPtrArray *
layouts_for (MeasuresReport *self,
             Block          *block)
{
  GPtrArray *layouts = g_ptr_array_new_with_free_func (g_object_unref);
  Style style = style_of (block->kind);
  double width = content_width (self);

  switch (block->kind)
    {
    case BLOCK_BULLET:
      g_ptr_array_add (layouts, make_layout (self, block->cells[0], style, style.weight,
                                             width - BULLET_INDENT));
      break;
    case BLOCK_ROW:
      g_ptr_array_add (layouts, make_layout (self, block->cells[0], style, PANGO_WEIGHT_BOLD,
                                             LABEL_WIDTH - 2 * CELL_PAD));
      g_ptr_array_add (layouts, make_layout (self, block->cells[1], style, style.weight,
                                             width - LABEL_WIDTH - 2 * CELL_PAD));
      break;
    case BLOCK_TABLE_HEADER:
    case BLOCK_TABLE_ROW:
      for (guint i = 0; block->cells[i] != NULL && i < G_N_ELEMENTS (column_share); i++)
        g_ptr_array_add (layouts, make_layout (self, block->cells[i], style, style.weight,
                                               width * column_share[i] - 2 * CELL_PAD));
      break;
    case BLOCK_TOC_ENTRY:
      g_ptr_array_add (layouts, make_layout (self, block->cells[0], style,
                                             block->indented ? PANGO_WEIGHT_NORMAL
                                                             : PANGO_WEIGHT_BOLD,
                                             width - 60 - (block->indented ? 18 : 0)));
      break;
    case BLOCK_STATUS:
      g_ptr_array_add (layouts, make_layout (self, block->cells[0], style, style.weight,
                                             width - 16));
      break;
    default:
      g_ptr_array_add (layouts, make_layout (self, block->cells[0], style, style.weight, width));
      break;
    }

  return layouts;
}

static double
layout_height (PangoLayout *layout)
{
  int height;

  pango_layout_get_size (layout, NULL, &height);
  return (double)height / PANGO_SCALE;
}

/* Heights of rows and padded boxes around the text. */
static double
block_height (Block     *block,
              GPtrArray *layouts)
{
  double height = 0;

  for (guint i = 0; i < layouts->len; i++)
    height = MAX (height, layout_height (g_ptr_array_index (layouts, i)));

  switch (block->kind)
    {
    case BLOCK_ROW:
    case BLOCK_TABLE_ROW:
    case BLOCK_TABLE_HEADER:
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
  double y;
  const char *sheet;     /* the sheet being laid out, for "(continued)" */
  gint table_header;     /* the overview table's header block, or -1 */
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
  g_ptr_array_add (cursor->page->pieces, piece);
  cursor->y += height;

  return piece;
}

static void
new_page (Cursor   *cursor,
          gboolean  continuing)
{
  MeasuresReport *self = cursor->self;

  cursor->page = g_new0 (Page, 1);
  cursor->page->pieces = g_ptr_array_new_with_free_func ((GDestroyNotify)piece_free);
  g_ptr_array_add (self->pages, cursor->page);
  cursor->y = top ();

  if (!continuing)
    return;

  /* A sheet that runs on names itself again at the top. */
  if (cursor->sheet != NULL)
    {
      g_autoptr(GPtrArray) layouts = g_ptr_array_new_with_free_func (g_object_unref);
      /* Translators: at the top of a page that continues a measure's sheet */
      g_autofree char *text = g_strdup_printf (_("%s (continued)"), cursor->sheet);
      Style style = style_of (BLOCK_KICKER);
      Piece *piece;

      g_ptr_array_add (layouts, make_layout (self, text, style, PANGO_WEIGHT_BOLD,
                                             content_width (self)));
      piece = place (cursor, G_MAXUINT, layouts, 0, -1,
                     layout_height (g_ptr_array_index (layouts, 0)) + 10);
      piece->continued = TRUE;
    }

  /* A table that runs on repeats its header. */
  if (cursor->table_header >= 0)
    {
      Block *header = &g_array_index (self->blocks, Block, cursor->table_header);
      g_autoptr(GPtrArray) layouts = layouts_for (self, header);

      place (cursor, cursor->table_header, layouts, 0, -1, block_height (header, layouts));
    }
}

static void
record_block_start (MeasuresReport *self,
                    guint           block,
                    Cursor         *cursor)
{
  guint page = self->pages->len - 1;

  g_array_index (self->block_pages, guint, block) = page;
  g_array_index (self->block_y, double, block) = cursor->y;
}

/* The first lines' height of the block after @index, to keep a heading
 * together with what it introduces. */
static double
next_block_start (MeasuresReport *self,
                  guint           index)
{
  g_autoptr(GPtrArray) layouts = NULL;
  Block *next;
  double top_y, bottom_y;

  if (index + 1 >= self->blocks->len)
    return 0;

  next = &g_array_index (self->blocks, Block, index + 1);
  if (next->kind == BLOCK_PAGE_BREAK || next->kind == BLOCK_COVER)
    return 0;

  layouts = layouts_for (self, next);
  if (next->kind == BLOCK_PARAGRAPH || next->kind == BLOCK_BULLET)
    {
      PangoLayout *layout = g_ptr_array_index (layouts, 0);
      int n = MIN (2, pango_layout_get_line_count (layout));

      line_extent (layout, n - 1, &top_y, &bottom_y);
      return bottom_y;
    }

  return block_height (next, layouts);
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
      if (cursor->y + (line_bottom - start) > bottom (cursor->self) &&
          cursor->page->pieces->len > 0)
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

static void
paginate (MeasuresReport *self)
{
  Cursor cursor = { self, NULL, 0, NULL, -1 };

  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify)page_free);
  self->block_pages = g_array_sized_new (FALSE, TRUE, sizeof (guint), self->blocks->len);
  self->block_y = g_array_sized_new (FALSE, TRUE, sizeof (double), self->blocks->len);
  g_array_set_size (self->block_pages, self->blocks->len);
  g_array_set_size (self->block_y, self->blocks->len);

  new_page (&cursor, FALSE);

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      g_autoptr(GPtrArray) layouts = NULL;
      Style style = style_of (block->kind);
      double height, needed;

      if (block->kind == BLOCK_PAGE_BREAK)
        {
          if (cursor.page->pieces->len > 0)
            new_page (&cursor, FALSE);
          cursor.sheet = block->sheet;
          cursor.table_header = -1;
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

      /* Rows continue a table; anything else ends it. */
      if (block->kind != BLOCK_TABLE_ROW)
        cursor.table_header = -1;

      layouts = layouts_for (self, block);
      height = block_height (block, layouts);

      if (cursor.y > top ())
        cursor.y += style.before;

      needed = height + (block->keep_with_next ? style.after + next_block_start (self, i) : 0);

      if (cursor.y + needed > bottom (self))
        {
          gboolean splittable = block->kind == BLOCK_PARAGRAPH || block->kind == BLOCK_BULLET;
          double first_top, first_bottom;

          line_extent (g_ptr_array_index (layouts, 0), 0, &first_top, &first_bottom);

          /* A long paragraph starts here if two lines fit; anything else,
           * and a paragraph that would leave a lone line, moves on. */
          if (!splittable || block->keep_with_next ||
              cursor.y + 2 * first_bottom > bottom (self))
            {
              if (cursor.page->pieces->len > 0)
                new_page (&cursor, TRUE);
            }
        }

      record_block_start (self, i, &cursor);

      if ((block->kind == BLOCK_PARAGRAPH || block->kind == BLOCK_BULLET) &&
          cursor.y + height > bottom (self))
        place_lines (&cursor, i, layouts);
      else
        place (&cursor, i, layouts, 0, -1, height);

      if (block->kind == BLOCK_TABLE_HEADER)
        cursor.table_header = i;

      cursor.y += style.after;
    }

  /* A trailing empty page, left by a cover or a break at the end, goes. */
  if (self->pages->len > 1 && cursor.page->pieces->len == 0)
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

  clear_layout (self);
  self->context = g_object_ref (context);
  self->width = page_width;
  self->height = page_height;

  /* Labels in the report's language; gettext is asked only while the
   * blocks and their layouts are made. */
  if (self->language != NULL)
    previous = measures_i18n_switch_language (self->language);

  build (self);
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

/* Drawing ----------------------------------------------------------------- */

static void
set_color (cairo_t *cr,
           double   red,
           double   green,
           double   blue)
{
  cairo_set_source_rgb (cr, red, green, blue);
}

#define SET(cr, c) set_color (cr, (c).red, (c).green, (c).blue)

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
  g_autoptr(PangoFontDescription) font = pango_font_description_new ();

  /* Same metrics as the pages' layouts. */
  pango_cairo_context_set_resolution (pango_layout_get_context (layout), 72);
  pango_layout_context_changed (layout);
  pango_font_description_set_family (font, FONT);
  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
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
  double width = content_width (self);
  double y = self->height * 0.28;
  guint n = g_strv_length (block->cells);

  SET (cr, accent);
  cairo_rectangle (cr, MARGIN_SIDE, y - 28, 48, 5);
  cairo_fill (cr);

  /* kicker, title, then the rest in smaller type */
  SET (cr, dim);
  draw_text (self, cr, block->cells[0], 12, PANGO_WEIGHT_BOLD, MARGIN_SIDE, y, width,
             PANGO_ALIGN_LEFT);
  y += 24;
  SET (cr, ink);
  {
    g_autoptr(PangoLayout) title = make_layout (self, block->cells[1],
                                                (Style) { FONT, 26, PANGO_WEIGHT_BOLD }, 
                                                PANGO_WEIGHT_BOLD, width);
    cairo_move_to (cr, MARGIN_SIDE, y);
    pango_cairo_show_layout (cr, title);
    y += layout_height (title) + 14;
  }

  for (guint i = 2; i < n; i++)
    {
      g_autoptr(PangoLayout) line = NULL;

      if (block->cells[i][0] == '\0')
        continue;
      line = make_layout (self, block->cells[i], (Style) { FONT, i == 2 ? 13 : 10.5 },
                          i == 2 ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL, width);
      SET (cr, i == 2 ? ink : dim);
      cairo_move_to (cr, MARGIN_SIDE, y);
      pango_cairo_show_layout (cr, line);
      y += layout_height (line) + 8;
    }
}

static void
draw_header_and_footer (MeasuresReport *self,
                        cairo_t        *cr,
                        guint           page)
{
  double width = content_width (self);
  g_autofree char *page_text = g_strdup_printf (self->page_format, page + 1, self->pages->len);

  SET (cr, dim);
  draw_text (self, cr, self->strategy_title, 7.5, PANGO_WEIGHT_NORMAL, MARGIN_SIDE,
             MARGIN_TOP - 34, width / 2, PANGO_ALIGN_LEFT);
  draw_text (self, cr, self->title, 7.5, PANGO_WEIGHT_BOLD, MARGIN_SIDE + width / 2,
             MARGIN_TOP - 34, width / 2, PANGO_ALIGN_RIGHT);
  SET (cr, rule);
  cairo_set_line_width (cr, 0.6);
  cairo_move_to (cr, MARGIN_SIDE, MARGIN_TOP - 16);
  cairo_line_to (cr, MARGIN_SIDE + width, MARGIN_TOP - 16);
  cairo_move_to (cr, MARGIN_SIDE, self->height - MARGIN_BOTTOM + 16);
  cairo_line_to (cr, MARGIN_SIDE + width, self->height - MARGIN_BOTTOM + 16);
  cairo_stroke (cr);

  SET (cr, dim);
  draw_text (self, cr, self->as_of_text, 7.5, PANGO_WEIGHT_NORMAL, MARGIN_SIDE,
             self->height - MARGIN_BOTTOM + 22, width / 2, PANGO_ALIGN_LEFT);
  draw_text (self, cr, page_text, 7.5, PANGO_WEIGHT_NORMAL, MARGIN_SIDE + width / 2,
             self->height - MARGIN_BOTTOM + 22, width / 2, PANGO_ALIGN_RIGHT);
}

static void
draw_piece (MeasuresReport *self,
            cairo_t        *cr,
            Piece          *piece)
{
  double x = MARGIN_SIDE;
  double width = content_width (self);
  Block *block;

  if (piece->continued)
    {
      SET (cr, dim);
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, 0, -1);
      return;
    }

  block = &g_array_index (self->blocks, Block, piece->block);

  switch (block->kind)
    {
    case BLOCK_HEADING:
      SET (cr, accent);
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, 0, -1);
      cairo_set_line_width (cr, 1.2);
      cairo_move_to (cr, x, piece->y + piece->height + 4);
      cairo_line_to (cr, x + width, piece->y + piece->height + 4);
      cairo_stroke (cr);
      break;

    case BLOCK_KICKER:
      SET (cr, accent);
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, 0, -1);
      break;

    case BLOCK_BULLET:
      SET (cr, ink);
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
      SET (cr, fill);
      cairo_rectangle (cr, x, piece->y, LABEL_WIDTH, piece->height);
      cairo_fill (cr);
      SET (cr, rule);
      cairo_set_line_width (cr, 0.6);
      cairo_rectangle (cr, x, piece->y, width, piece->height);
      cairo_move_to (cr, x + LABEL_WIDTH, piece->y);
      cairo_line_to (cr, x + LABEL_WIDTH, piece->y + piece->height);
      cairo_stroke (cr);
      SET (cr, ink);
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
            SET (cr, fill);
            cairo_rectangle (cr, x, piece->y, width, piece->height);
            cairo_fill (cr);
          }
        SET (cr, rule);
        cairo_set_line_width (cr, 0.5);
        cairo_move_to (cr, x, piece->y + piece->height);
        cairo_line_to (cr, x + width, piece->y + piece->height);
        cairo_stroke (cr);
        SET (cr, ink);
        for (guint i = 0; i < piece->layouts->len; i++)
          {
            show_lines (cr, g_ptr_array_index (piece->layouts, i), cx + CELL_PAD,
                        piece->y + CELL_PAD, 0, -1);
            cx += width * column_share[i];
          }
      }
      break;

    case BLOCK_STATUS:
      {
        double bar_y = piece->y + piece->height - 14;

        SET (cr, fill);
        cairo_rectangle (cr, x, piece->y, width, piece->height);
        cairo_fill (cr);
        SET (cr, ink);
        show_lines (cr, g_ptr_array_index (piece->layouts, 0), x + 8, piece->y + 5, 0, -1);
        SET (cr, rule);
        cairo_rectangle (cr, x + 8, bar_y, width - 16, 6);
        cairo_fill (cr);
        SET (cr, accent);
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
        SET (cr, ink);
        show_lines (cr, g_ptr_array_index (piece->layouts, 0), x + indent, piece->y, 0, -1);
        draw_text (self, cr, number, 9.5, PANGO_WEIGHT_NORMAL, x + width - 50, piece->y, 50,
                   PANGO_ALIGN_RIGHT);
        cairo_tag_end (cr, CAIRO_TAG_LINK);
      }
      break;

    case BLOCK_NOTE:
    case BLOCK_LEAD:
      SET (cr, block->kind == BLOCK_NOTE ? dim : ink);
      show_lines (cr, g_ptr_array_index (piece->layouts, 0), x, piece->y, piece->first_line,
                  piece->n_lines);
      break;

    default:
      SET (cr, ink);
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
  Page *p;
  gboolean cover = FALSE;

  g_return_if_fail (MEASURES_IS_REPORT (self));
  g_return_if_fail (self->pages != NULL && page < self->pages->len);

  p = g_ptr_array_index (self->pages, page);
  cairo_save (cr);

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

  cairo_restore (cr);
}

/* The PDF's bookmarks: goals, then their measures beneath them. */
static void
add_outline (MeasuresReport  *self,
             cairo_surface_t *surface)
{
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      g_autofree char *link = NULL;
      int id;

      if (block->outline_level == 0)
        continue;

      link = g_strdup_printf ("page=%u pos=[%g %g]", g_array_index (self->block_pages, guint, i) + 1,
                              MARGIN_SIDE, MAX (0, g_array_index (self->block_y, double, i) - 12));
      id = cairo_pdf_surface_add_outline (surface,
                                          block->outline_level == 1 ? CAIRO_PDF_OUTLINE_ROOT
                                                                    : parent,
                                          block->outline_title, link, 0);
      if (block->outline_level == 1)
        parent = id;
    }
}

/**
 * measures_report_write_pdf:
 * @path: the PDF file to write; it is replaced only once the new one is
 *   complete
 * @paper: the paper size
 *
 * Writes the report as a PDF with embedded fonts, metadata and bookmarks.
 *
 * Returns: %FALSE with @error set if the file could not be written
 */
gboolean
measures_report_write_pdf (MeasuresReport  *self,
                           const char      *path,
                           MeasuresPaper    paper,
                           GError         **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *created = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *creator = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  cairo_surface_t *surface;
  cairo_status_t status;
  PangoContext *context;
  cairo_t *cr;
  double width, height;
  int fd;

  g_return_val_if_fail (MEASURES_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Write beside the target, then rename: never half a file at @path. */
  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s/.%s-XXXXXX", folder, base);
  fd = g_mkstemp_full (temp, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  measures_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create (temp, width, height);
  cr = cairo_create (surface);

  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  measures_report_paginate (self, context, width, height);
  g_object_unref (context);

  creator = g_strdup_printf ("%s %s", _("Measures"), PACKAGE_VERSION);
  created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  subject = g_strdup_printf ("%s — %s", self->strategy_title, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  for (guint i = 0; i < self->pages->len; i++)
    {
      measures_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  add_outline (self, surface);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || g_rename (temp, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (temp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), display,
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status)
                                                  : g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_report_dup_title:
 *
 * Returns: (transfer full): the report's title, after pagination in the
 *   report's language
 */
char *
measures_report_dup_title (MeasuresReport *self)
{
  g_return_val_if_fail (MEASURES_IS_REPORT (self), NULL);

  return g_strdup (self->title);
}

/**
 * measures_report_safe_file_name:
 * @name: an office's abbreviation or a title
 *
 * Returns: (transfer full): @name as a file name every file system takes:
 *   ASCII letters, digits, "-" and "_" only
 */
char *
measures_report_safe_file_name (const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *safe = g_string_new (NULL);

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-')
        g_string_append_c (safe, *p);
      else if (safe->len > 0 && safe->str[safe->len - 1] != '_')
        g_string_append_c (safe, '_');
    }

  while (safe->len > 0 && safe->str[safe->len - 1] == '_')
    g_string_truncate (safe, safe->len - 1);
  if (safe->len == 0)
    g_string_append (safe, "report");

  return g_string_free (safe, FALSE);
}

/**
 * measures_report_dup_file_name:
 *
 * Returns: (transfer full): a file name for the report's PDF
 */
char *
measures_report_dup_file_name (MeasuresReport *self)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (MEASURES_IS_REPORT (self), NULL);

  switch (self->kind)
    {
    case REPORT_OFFICE:
      stem = measures_report_safe_file_name (self->office);
      break;
    case REPORT_GOAL:
      stem = g_strdup_printf ("goal-%u", self->goal);
      break;
    case REPORT_MEASURE:
      stem = g_strdup_printf ("measure-%" G_GINT64_FORMAT, self->measure_id);
      break;
    case REPORT_OVERVIEW:
      stem = g_strdup ("overview");
      break;
    case REPORT_STRATEGY:
    default:
      stem = g_strdup ("strategy");
      break;
    }

  return g_strconcat (stem, ".pdf", NULL);
}

/**
 * measures_report_list_offices:
 *
 * Returns: (transfer full) (element-type utf8): the abbreviations of the
 *   offices that lead or take part in at least one measure, or %NULL with
 *   @error set
 */
GPtrArray *
measures_report_list_offices (MeasuresStore  *store,
                              GError        **error)
{
  g_autoptr(GListModel) offices = measures_store_list_offices (store, error);
  GPtrArray *names;

  if (offices == NULL)
    return NULL;

  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);

      if (measures_office_get_n_lead (office) + measures_office_get_n_involved (office) > 0)
        g_ptr_array_add (names, g_strdup (measures_office_get_abbreviation (office)));
    }

  return names;
}

/**
 * measures_report_export_office_sheets:
 * @folder: where to write; created when missing
 * @language: (nullable): the reports' language, or %NULL for the
 *   interface's
 * @author: (nullable): who is named as the PDFs' author
 * @n_written: (out) (optional): how many files were written
 *
 * Writes the measure sheets of every office that leads or takes part in a
 * measure, one PDF each, named after the office's abbreviation.
 *
 * Returns: %FALSE with @error set if a file could not be written
 */
gboolean
measures_report_export_office_sheets (MeasuresStore  *store,
                                      const char     *folder,
                                      const char     *language,
                                      MeasuresPaper   paper,
                                      const char     *author,
                                      guint          *n_written,
                                      GError        **error)
{
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (MEASURES_IS_STORE (store), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (n_written)
    *n_written = 0;

  offices = measures_report_list_offices (store, error);
  if (offices == NULL)
    return FALSE;

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < offices->len; i++)
    {
      const char *abbreviation = g_ptr_array_index (offices, i);
      g_autoptr(MeasuresReport) report = measures_report_new_office (store, abbreviation, error);
      g_autofree char *stem = measures_report_safe_file_name (abbreviation);
      g_autofree char *name = g_strconcat (stem, ".pdf", NULL);
      g_autofree char *path = NULL;

      if (report == NULL)
        return FALSE;

      /* "RP" and "RP Karlsruhe" must not end up in one file. */
      for (guint n = 2; g_hash_table_contains (names, name); n++)
        {
          g_free (name);
          name = g_strdup_printf ("%s-%u.pdf", stem, n);
        }
      g_hash_table_add (names, g_strdup (name));

      path = g_build_filename (folder, name, NULL);
      measures_report_set_language (report, language);
      if (author != NULL)
        measures_report_set_author (report, author);
      if (!measures_report_write_pdf (report, path, paper, error))
        return FALSE;

      if (n_written)
        (*n_written)++;
    }

  return TRUE;
}
