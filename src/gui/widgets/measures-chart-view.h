/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "measures-chart.h"

G_BEGIN_DECLS

/**
 * MeasuresChartKind:
 * @MEASURES_CHART_KIND_STATUS_BAR: measures by status, one stacked bar
 * @MEASURES_CHART_KIND_LINE: a series over time, with axes
 * @MEASURES_CHART_KIND_SPARKLINE: a series as a small line, no axes
 *
 * What a #MeasuresChartView draws.
 */
typedef enum {
  MEASURES_CHART_KIND_STATUS_BAR,
  MEASURES_CHART_KIND_LINE,
  MEASURES_CHART_KIND_SPARKLINE,
} MeasuresChartKind;

#define MEASURES_TYPE_CHART_VIEW (measures_chart_view_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresChartView, measures_chart_view, MEASURES, CHART_VIEW, GtkWidget)

GtkWidget                      *measures_chart_view_new             (void);
void                            measures_chart_view_set_status_bar  (MeasuresChartView *self,
                                                                     const char        *title,
                                                                     const guint       *counts);
void                            measures_chart_view_set_series
                                  (MeasuresChartView         *self,
                                   MeasuresChartKind          kind,
                                   const MeasuresChartSeries *series);
MeasuresChartKind               measures_chart_view_get_kind        (MeasuresChartView *self);
const MeasuresChartDescription *measures_chart_view_get_description (MeasuresChartView *self);
GtkWidget                      *measures_chart_view_new_table       (MeasuresChartView *self);

G_END_DECLS
