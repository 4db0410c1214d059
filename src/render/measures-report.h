/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "measures-store.h"

G_BEGIN_DECLS

/**
 * MeasuresPaper:
 * @MEASURES_PAPER_A4: ISO A4, 210 × 297 mm
 * @MEASURES_PAPER_LETTER: US Letter, 8.5 × 11 in
 */
typedef enum {
  MEASURES_PAPER_A4,
  MEASURES_PAPER_LETTER,
} MeasuresPaper;

gboolean measures_paper_from_string (const char    *name,
                                     MeasuresPaper *paper);
void     measures_paper_get_size    (MeasuresPaper  paper,
                                     double        *width,
                                     double        *height);

/**
 * MeasuresLayout:
 * @MEASURES_LAYOUT_ONE_PER_PAGE: one measure sheet per portrait page
 * @MEASURES_LAYOUT_TWO_PER_PAGE: two sheets side by side on a landscape
 *   page, as the printed strategy has them
 */
typedef enum {
  MEASURES_LAYOUT_ONE_PER_PAGE,
  MEASURES_LAYOUT_TWO_PER_PAGE,
} MeasuresLayout;

gboolean measures_layout_from_string (const char     *name,
                                      MeasuresLayout *layout);

#define MEASURES_TYPE_REPORT (measures_report_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresReport, measures_report, MEASURES, REPORT, GObject)

MeasuresReport *measures_report_new_strategy    (MeasuresStore   *store,
                                                 GError         **error);
MeasuresReport *measures_report_new_overview    (MeasuresStore   *store,
                                                GError         **error);
MeasuresReport *measures_report_new_goal        (MeasuresStore   *store,
                                                 guint            goal,
                                                 GError         **error);
MeasuresReport *measures_report_new_office      (MeasuresStore   *store,
                                                 const char      *abbreviation,
                                                 GError         **error);
MeasuresReport *measures_report_new_measure     (MeasuresStore   *store,
                                                 gint64           measure_id,
                                                 GError         **error);
MeasuresReport *measures_report_new_monitoring  (MeasuresStore   *store,
                                                 guint            goal,
                                                 const char      *office,
                                                 GError         **error);

void            measures_report_set_language    (MeasuresReport  *self,
                                                 const char      *language);
void            measures_report_set_author      (MeasuresReport  *self,
                                                 const char      *author);
void            measures_report_set_report_interval (MeasuresReport *self,
                                                 guint            months);
void            measures_report_set_layout      (MeasuresReport  *self,
                                                 MeasuresLayout   layout);
MeasuresLayout  measures_report_get_layout      (MeasuresReport  *self);
void            measures_report_set_coordinator_notes (MeasuresReport *self,
                                                 gboolean         notes);
void            measures_report_set_house_color (MeasuresReport  *self,
                                                 const char      *color);
gboolean        measures_report_set_logo        (MeasuresReport  *self,
                                                 const char      *path,
                                                 GError         **error);
char           *measures_report_dup_file_name   (MeasuresReport  *self);

guint           measures_report_paginate        (MeasuresReport  *self,
                                                 PangoContext    *context,
                                                 double           page_width,
                                                 double           page_height);
guint           measures_report_get_n_pages     (MeasuresReport  *self);
void            measures_report_draw_page       (MeasuresReport  *self,
                                                 cairo_t         *cr,
                                                 guint            page);
gboolean        measures_report_write_pdf       (MeasuresReport  *self,
                                                 const char      *path,
                                                 MeasuresPaper    paper,
                                                 GError         **error);

gboolean        measures_report_export_office_sheets (MeasuresStore *store,
                                                 const char      *folder,
                                                 const char      *language,
                                                 MeasuresPaper    paper,
                                                 MeasuresLayout   layout,
                                                 const char      *author,
                                                 guint           *n_written,
                                                 GError         **error);
GPtrArray      *measures_report_list_offices    (MeasuresStore   *store,
                                                 GError         **error);
char           *measures_report_safe_file_name  (const char      *name);

G_END_DECLS
