/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>

#include "measures-render-style.h"
#include "measures-statistics.h"

G_BEGIN_DECLS

/**
 * MeasuresChartDescription:
 * @text: a sentence that says what the chart shows, for its accessible
 *   description and for readers who do not see it
 * @columns: the titles of the table's columns
 * @rows: (element-type GStrv): the table's rows, one string per column,
 *   formatted as the chart writes them
 *
 * What a chart shows, in words and as a table the window can switch to.
 */
typedef struct {
  char *text;
  GStrv columns;
  GPtrArray *rows;
} MeasuresChartDescription;

void measures_chart_description_free (MeasuresChartDescription *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresChartDescription, measures_chart_description_free)

/**
 * MeasuresChartSeries:
 * @title: what the values are, e.g. "Mean progress" or an indicator's name
 * @unit: (nullable): their unit, e.g. "%" or "t CO₂"
 * @points: (array length=n_points): the values over time, in any order
 * @n_points: how many there are
 * @baseline: (nullable): an indicator's baseline, drawn as a line
 * @targets: (array length=n_targets) (nullable): an indicator's targets,
 *   drawn as markers
 * @n_targets: how many there are
 * @lower_is_better: whether the indicator should fall
 * @minimum: the lower end of the value axis when @minimum < @maximum,
 *   e.g. 0 for progress in percent; otherwise the axis fits the data
 * @maximum: the upper end of the value axis, e.g. 100
 * @decimals: how many decimals values are written with at most
 *
 * A series of dated values to draw: the progress over time, or an
 * indicator with its baseline and targets.
 */
typedef struct {
  const char *title;
  const char *unit;
  const MeasuresPoint *points;
  guint n_points;
  const MeasuresPoint *baseline;
  const MeasuresPoint *targets;
  guint n_targets;
  gboolean lower_is_better;
  double minimum;
  double maximum;
  guint decimals;
} MeasuresChartSeries;

void                      measures_chart_draw_status_bar     (cairo_t                   *cr,
                                                              const cairo_rectangle_t   *area,
                                                              const MeasuresRenderStyle *style,
                                                              const guint               *counts);
MeasuresChartDescription *measures_chart_describe_status_bar (const char                *title,
                                                              const guint               *counts);

void                      measures_chart_draw_line           (cairo_t                   *cr,
                                                              const cairo_rectangle_t   *area,
                                                              const MeasuresRenderStyle *style,
                                                              const MeasuresChartSeries *series);
void                      measures_chart_draw_sparkline      (cairo_t                   *cr,
                                                              const cairo_rectangle_t   *area,
                                                              const MeasuresRenderStyle *style,
                                                              const MeasuresChartSeries *series);
MeasuresChartDescription *measures_chart_describe_series     (const MeasuresChartSeries *series);

G_END_DECLS
