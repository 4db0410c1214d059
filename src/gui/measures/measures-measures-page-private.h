/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the measures page's files share: measures-measures-page.c makes the
 * page, shows its measures, keeps them in step with the store and notes
 * what it shows; -edit.c edits them; -list.c narrows the list down with
 * search, filters and order. */

#include "measures-context.h"
#include "measures-measure-editor.h"
#include "measures-measure-list.h"
#include "measures-measure-view.h"
#include "measures-measures-page.h"
#include "measures-page.h"
#include "measures-status-summary.h"

G_BEGIN_DECLS

/* A progress report made while the server could not be reached */
typedef struct
{
  MeasuresMeasure *measure;     /* as the report was made on it: its revision */
  MeasuresStatus status;
  guint progress;
  char *text;
  char *day;
} PendingReport;

void pending_report_free (PendingReport *report);
void _measures_measures_page_correct_report  (MeasuresMeasuresPage *self,
                                              MeasuresLogEntry     *before,
                                              MeasuresLogEntry     *after);
void _measures_measures_page_withdraw_report (MeasuresMeasuresPage *self,
                                              MeasuresLogEntry     *entry);

struct _MeasuresMeasuresPage
{
  AdwBin parent_instance;

  /* Owned */
  MeasuresContext *context;
  MeasuresStore *store;         /* the context's */
  GListModel *goals;
  MeasuresMeasureList *measures;
  GListStore *offices;          /* the offices page keeps them in step with the store */
  GtkSingleSelection *measure_selection;
  guint goal;
  gboolean changing_list;
  gboolean saving;              /* the page's own save: its signal is no news */
  gboolean edit_stale;          /* the edit began on a strategy since replaced */
  /* An edit left with Escape or Cancel, for the toast's Undo */
  MeasuresMeasure *discarded_original;
  MeasuresMeasure *discarded_draft;
  PendingReport *pending_report;
  gboolean folded;
  gboolean warm;
  guint pending_scroll;
  guint goal_header_idle;
  gint64 removing_id;           /* the measure whose removal is being asked */       /* limits the goal's header to the new height */         /* position + 1 to bring into view after the first frame */
  /* What the properties said last, to notify only of a change */
  MeasuresMeasure *notified_measure;
  gboolean notified_editing;
  gboolean notified_can_save;
  guint notified_goal;

  /* Template widgets */
  AdwLeaflet *measures_leaflet;
  GtkWidget *measure_list_pane;
  AdwWindowTitle *measure_list_title;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkMenuButton *filter_button;
  char *office;                 /* the office filter's abbreviation, or NULL */
  int office_role;              /* with it: a MeasuresRole, or -1 for both */
  /* In the filter button's popover, made by _measures_measures_page_ensure_filters() */
  GtkMenuButton *office_filter;
  GtkPopover *office_popover;
  GtkSearchEntry *office_search;
  GtkListBox *office_choices;
  GtkDropDown *office_role_filter;
  GtkDropDown *priority_filter;
  GtkDropDown *status_filter;
  GtkDropDown *sort_dropdown;
  GtkWidget *goal_header;
  GtkLabel *goal_title_label;
  GtkLabel *goal_headline_label;
  MeasuresStatusSummary *goal_summary;
  GtkLabel *goal_text_label;
  GtkExpander *goal_text_expander;
  GtkStack *list_stack;
  AdwStatusPage *empty_page;
  GtkWidget *clear_filters_button;
  GtkScrolledWindow *goal_header_scroller;
  GtkListView *measure_list;
  GtkWidget *measure_detail_pane;
  GtkWidget *measure_back_button;
  AdwWindowTitle *detail_title;
  GtkWidget *cancel_button;
  GtkWidget *save_button;
  GtkWidget *edit_button;
  GtkWidget *remove_button;
  GtkStack *detail_stack;
  /* Made when first needed, held by the detail stack */
  MeasuresMeasureView *measure_view;
  MeasuresMeasureEditor *measure_editor;
};

/* measures-measures-page.c */
MeasuresGoal          *_measures_measures_page_find_goal                 (MeasuresMeasuresPage *self,
                                                                          guint                 number);
gboolean               _measures_measures_page_is_editing                (MeasuresMeasuresPage *self);
void                   _measures_measures_page_update_heading            (MeasuresMeasuresPage *self);
MeasuresMeasureView   *_measures_measures_page_get_measure_view          (MeasuresMeasuresPage *self);
MeasuresMeasureEditor *_measures_measures_page_get_measure_editor        (MeasuresMeasuresPage *self);
void                   _measures_measures_page_update_state              (MeasuresMeasuresPage *self);
void                   _measures_measures_page_search_stopped            (MeasuresMeasuresPage *self);
void                   _measures_measures_page_measure_selection_changed (MeasuresMeasuresPage *self);

/* measures-measures-page-edit.c */
void                   _measures_measures_page_edited_measure_changed    (MeasuresMeasuresPage *self,
                                                                          gint64                id);

/* measures-measures-page-list.c */
const char      *_measures_measures_page_get_office_filter  (MeasuresMeasuresPage *self);
void             _measures_measures_page_set_office_filter  (MeasuresMeasuresPage *self,
                                                             const char           *abbreviation,
                                                             int                   role);
gboolean         _measures_measures_page_filters_active     (MeasuresMeasuresPage *self);
MeasuresMeasure *_measures_measures_page_begin_list_change  (MeasuresMeasuresPage *self);
void             _measures_measures_page_end_list_change    (MeasuresMeasuresPage *self,
                                                             MeasuresMeasure      *selected);
void             _measures_measures_page_refilter           (MeasuresMeasuresPage *self);
void             _measures_measures_page_update_list_state  (MeasuresMeasuresPage *self);
void             _measures_measures_page_ensure_filters     (MeasuresMeasuresPage *self);

G_END_DECLS
