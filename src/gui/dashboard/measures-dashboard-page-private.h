/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the dashboard's files share: measures-dashboard-page.c the page,
 * its narrowing and when it is computed; -sections.c what each of its
 * sections shows. */

#include "measures-chart-view.h"
#include "measures-context.h"
#include "measures-dashboard-page.h"
#include "measures-statistics.h"

G_BEGIN_DECLS

/**
 * MeasuresDashboardPage:
 *
 * The monitoring of the strategy at a glance: where the measures stand,
 * the whole strategy's and each goal's; the progress over time; the
 * measures whose progress report is overdue, by the office that leads
 * them; and the indicators against their targets. A goal and an office
 * narrow all of it.
 *
 * Everything comes from the store's summaries (measures_monitoring_load()),
 * never from whole measures, except the titles of the overdue measures
 * shown. It is computed when the page is first needed, kept, and computed
 * again, once for any number of changes, when the strategy, the offices,
 * the indicators or the reporting interval change.
 */
struct _MeasuresDashboardPage
{
  MeasuresPageBin parent_instance;

  /* Owned */
  MeasuresContext *context;
  MeasuresStore *store;         /* the context's */
  GListModel *goals;
  GListStore *offices;          /* the window's, kept in step with the store */
  GArray *goal_numbers;         /* guint: the goal choice's items after the first */
  GPtrArray *office_abbreviations; /* the office choice's items after the first */
  GPtrArray *slots;             /* GtkStack: a chart and maybe its table */
  GPtrArray *sparklines;        /* MeasuresChartView, hidden with the tables */
  char *office;                 /* the office chosen, or NULL for all */
  guint goal;                   /* the goal chosen, or 0 for all */
  gboolean show_table;
  gboolean warm;
  gboolean shown;
  gboolean stale;
  gboolean computed;
  gboolean updating_choices;
  guint recompute_source;

  /* Template widgets */
  GtkScrolledWindow *scroller;
  GtkDropDown *goal_choice;
  GtkDropDown *office_choice;
  GtkBox *status_box;
  GtkStack *progress_slot;
  MeasuresChartView *progress_chart;
  GtkLabel *overdue_label;
  GtkBox *overdue_box;
  GtkLabel *indicator_empty;
  GtkListBox *indicator_list;
};

void     _measures_dashboard_page_show_tables     (MeasuresDashboardPage     *self);
gboolean _measures_dashboard_page_show_status     (MeasuresDashboardPage     *self,
                                                  const MeasuresMonitoring  *monitoring,
                                                  GError                   **error);
void     _measures_dashboard_page_show_progress   (MeasuresDashboardPage     *self,
                                                  const MeasuresMonitoring  *monitoring);
gboolean _measures_dashboard_page_show_overdue    (MeasuresDashboardPage     *self,
                                                  GPtrArray                 *overdue,
                                                  guint                      interval,
                                                  GError                   **error);
gboolean _measures_dashboard_page_show_indicators (MeasuresDashboardPage     *self,
                                                  GError                   **error);

G_END_DECLS
