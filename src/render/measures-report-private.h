/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the report's files share: the data a report reads, the blocks it
 * is built of, and their places on the pages. */

#include <pango/pango.h>

#include "measures-render-style.h"
#include "measures-report.h"
#include "measures-statistics.h"

G_BEGIN_DECLS

typedef enum {
  REPORT_STRATEGY,
  REPORT_OVERVIEW,
  REPORT_GOAL,
  REPORT_OFFICE,
  REPORT_MEASURE,
  REPORT_MONITORING,
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
  BLOCK_TABLE_GROUP,  /* a table's full-width row that names the rows below */
  BLOCK_CHART,        /* a label, a chart and its description beneath */
  BLOCK_DISPLAY,      /* the vision's title, set large */
  BLOCK_STATEMENT,    /* one of the vision's statements: a list item set large */
} BlockKind;

typedef enum {
  CHART_STATUS_BAR,
  CHART_LINE,
} ChartKind;

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
  gboolean soft_break;  /* BLOCK_PAGE_BREAK: what follows may start below
                         * what precedes it: a goal's heading above its first
                         * sheet, the overview below the goals' texts */
  gboolean balanced;    /* BLOCK_PAGE_BREAK: what follows, up to the next
                         * break, is a page of its own, set in its middle */
  int heading_level;    /* the structure tag's heading level, 0: the kind's */
  /* Tables other than the overview: the columns' shares of the width. */
  const double *columns;
  guint n_columns;
  double *fitted;       /* a table's shares, widened where a word would break */
  /* BLOCK_CHART, and a BLOCK_TABLE_ROW whose last cell is a sparkline */
  ChartKind chart;
  guint counts[MEASURES_N_STATUSES];
  GArray *points;       /* (element-type MeasuresPoint) */
  double chart_height;
  char *unit;
  double minimum;
  double maximum;
} Block;

/* What cairo 1.16 cannot write into a structure element, added to the
 * file once it is written: a figure's alternative text, the language of
 * a label in another language than the strategy's text. */
typedef struct
{
  char *alt;
  const char *language;
  guint block;        /* the block it was drawn for: the reading order */
  gboolean top;       /* a child of the Document element */
} StructElem;

/* The language the strategy's own text is written in. */
#define CONTENT_LANGUAGE "de"

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
  gboolean repeated;    /* a table's header or group repeated on a new page */
  double x;             /* the column the piece is set in */
  double width;
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
  MeasuresStatistics statistics;  /* of the measures the cover counts */

  /* REPORT_MONITORING */
  MeasuresStore *store;     /* to list the overdue reports again */
  guint interval_months;
  MeasuresMonitoring monitoring;
  GPtrArray *indicators;    /* (element-type MonitoredIndicator) */

  char *language;
  char *author;
  GDateTime *date;
  const MeasuresRenderStyle *style;
  MeasuresRenderStyle house_style;  /* the default with the house colour */
  gboolean has_house_color;
  MeasuresLayout layout;
  gboolean coordinator_notes;
  cairo_surface_t *logo;    /* a PNG's image, or NULL */
  gpointer logo_svg;        /* an RsvgHandle, or NULL */
  double logo_width;        /* its natural size, in points */
  double logo_height;

  /* Tagging, while measures_report_write_pdf() draws */
  gboolean tagging;
  const char *open_group;   /* "L", "Table" or "TOC", open across pieces */
  guint tag_depth;          /* how many tags are open */
  guint drawing_block;      /* the block being drawn */
  GArray *struct_elems;     /* (element-type StructElem) every tag, in order */
  const char *label_language;  /* the labels', where it differs from the text's */

  /* The layout, made by measures_report_paginate() */
  GArray *blocks;
  GPtrArray *pages;
  GArray *block_pages;      /* the page each block starts on */
  GArray *block_y;
  GPtrArray *block_layouts; /* each block's layouts, made at block_widths */
  GArray *block_widths;
  PangoContext *context;
  double width;
  double height;
  double flow_width;        /* the width blocks are set in while paginating */
  char *title;              /* in the report's language */
  char *date_text;
  char *as_of_text;
  char *page_format;
};

/* Geometry, in points */
#define MARGIN_SIDE 56.0
#define COLUMN_GAP 28.0      /* between two sheets side by side */
#define MARGIN_TOP 70.0
#define MARGIN_BOTTOM 64.0
#define LABEL_WIDTH 132.0
#define BULLET_INDENT 14.0
#define CELL_PAD 4.0
#define CHART_GAP 4.0        /* between a chart and its label or description */
#define CHART_NOTE_SIZE 7.5  /* a chart's description beneath it */
#define DISPLAY_INDENT 18.0  /* the vision's title, right of its bar */
#define STATEMENT_INDENT 22.0

/* The overview table's columns: goal, measure, lead, priority, status,
 * progress. */
#define N_COLUMNS 6
extern const double _measures_report_column_share[N_COLUMNS];

/* How a kind of block sets its text, and the space around it. */
typedef struct
{
  double size;
  PangoWeight weight;
  PangoStyle style;
  double before;
  double after;
} TextStyle;

/* measures-report-build.c */
void         _measures_report_build         (MeasuresReport *self);
MeasuresReport *_measures_report_new        (ReportKind      kind);
gboolean     _measures_report_load_common   (MeasuresReport *self,
                                             MeasuresStore  *store,
                                             GListModel    **measures,
                                             GError        **error);
guint        _measures_report_add_cells     (MeasuresReport *self,
                                             BlockKind       kind,
                                             GStrv           cells);
const char  *_measures_report_office_name   (MeasuresReport *self,
                                             const char     *abbreviation);
MeasuresGoal *_measures_report_find_goal    (MeasuresReport *self,
                                             guint           number);

/* measures-report-draw.c */
double       _measures_report_logo_height   (MeasuresReport *self);

/* measures-report-pdf.c */
gboolean     _measures_report_finish_pdf    (MeasuresReport *self,
                                             const char     *path,
                                             GError        **error);

/* measures-report-monitoring.c */
void         _measures_report_monitoring_clear (MeasuresReport *self);
void         _measures_report_build_monitoring (MeasuresReport *self);

/* measures-report-layout.c */
void         _measures_report_clear_layout  (MeasuresReport *self);
PangoAttrList *_measures_report_text_attributes (void);
PangoLayout *_measures_report_make_layout   (MeasuresReport *self,
                                             const char     *text,
                                             TextStyle       style,
                                             PangoWeight     weight,
                                             double          width);
double       _measures_report_layout_height (PangoLayout    *layout);
double       _measures_report_content_width (MeasuresReport *self);
double       _measures_report_label_width   (MeasuresReport *self);
guint        _measures_report_n_columns     (const Block    *block);
double       _measures_report_column_width  (const Block    *block,
                                             guint           column);
double       _measures_report_chart_top     (Block          *block,
                                             GPtrArray      *layouts);

G_END_DECLS
