/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-context.h"
#include "measures-page-bin.h"
#include "measures-measure.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_MEASURES_PAGE (measures_measures_page_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresMeasuresPage, measures_measures_page, MEASURES, MEASURES_PAGE,
                      MeasuresPageBin)

gboolean         measures_measures_page_load              (MeasuresMeasuresPage  *self,
                                                           MeasuresContext       *context,
                                                           GListModel            *goals,
                                                           GListStore            *offices,
                                                           GError               **error);
void             measures_measures_page_show_goal         (MeasuresMeasuresPage  *self,
                                                           guint                  number);
guint            measures_measures_page_get_goal          (MeasuresMeasuresPage  *self);
const gint64    *measures_measures_page_get_shown_ids     (MeasuresMeasuresPage  *self,
                                                           guint                 *n_ids);
MeasuresMeasure *measures_measures_page_get_measure       (MeasuresMeasuresPage  *self);
gboolean         measures_measures_page_get_editing       (MeasuresMeasuresPage  *self);
gboolean         measures_measures_page_get_can_save      (MeasuresMeasuresPage  *self);
gboolean         measures_measures_page_select_measure    (MeasuresMeasuresPage  *self,
                                                           gint64                 id);
void             measures_measures_page_show_sheet        (MeasuresMeasuresPage  *self);
void             measures_measures_page_edit_measure      (MeasuresMeasuresPage  *self);
void             measures_measures_page_new_measure       (MeasuresMeasuresPage  *self);
gboolean         measures_measures_page_save              (MeasuresMeasuresPage  *self);
void             measures_measures_page_cancel            (MeasuresMeasuresPage  *self);
gboolean         measures_measures_page_finish_edit       (MeasuresMeasuresPage  *self);
MeasuresPermissions measures_measures_page_get_permissions (MeasuresMeasuresPage *self);
void             measures_measures_page_resume_discarded_edit (MeasuresMeasuresPage *self);
void             measures_measures_page_copy_draft        (MeasuresMeasuresPage  *self);
void             measures_measures_page_show_current_version (MeasuresMeasuresPage *self);
void             measures_measures_page_strategy_replaced (MeasuresMeasuresPage  *self);
void             measures_measures_page_connection_back   (MeasuresMeasuresPage  *self);
void             measures_measures_page_remove_measure    (MeasuresMeasuresPage  *self);
void             measures_measures_page_add_log_entry     (MeasuresMeasuresPage  *self,
                                                           MeasuresStatus         status,
                                                           guint                  progress,
                                                           const char            *text,
                                                           const char            *day);
void             measures_measures_page_find              (MeasuresMeasuresPage  *self);
void             measures_measures_page_clear_filters     (MeasuresMeasuresPage  *self);
void             measures_measures_page_filter_by_office  (MeasuresMeasuresPage  *self,
                                                           const char            *abbreviation,
                                                           int                    role);
gboolean         measures_measures_page_reveal_measure    (MeasuresMeasuresPage  *self,
                                                           gint64                 id);
gboolean         measures_measures_page_get_edit          (MeasuresMeasuresPage  *self,
                                                           MeasuresMeasure      **original,
                                                           MeasuresMeasure      **draft,
                                                           gboolean              *modified);
void             measures_measures_page_resume_edit       (MeasuresMeasuresPage  *self,
                                                           MeasuresMeasure       *original,
                                                           MeasuresMeasure       *draft,
                                                           gboolean               modified);

G_END_DECLS
