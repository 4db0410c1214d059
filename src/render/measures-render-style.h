/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

#include "measures-types.h"

G_BEGIN_DECLS

/**
 * MeasuresRenderColor:
 * @red: from 0 to 1
 * @green: from 0 to 1
 * @blue: from 0 to 1
 */
typedef struct {
  double red, green, blue;
} MeasuresRenderColor;

/**
 * MeasuresRenderStyle:
 * @font_family: the family of every text
 * @ink: text
 * @dim: secondary text: kickers above titles, headers, footers, notes
 * @accent: headings, the progress bar's fill
 * @rule: lines, table borders, the progress bar's track
 * @fill: the background of table headers, labels and status boxes
 * @background: what charts are drawn on: the page or the window
 * @status: the colour of each #MeasuresStatus in charts
 * @font_size: the size of charts' labels, in the units of the surface
 *   drawn on (points on paper, pixels on screen)
 *
 * The palette and font of everything Measures draws with cairo, so that
 * printed pages and whatever else draws the strategy look alike.
 */
typedef struct {
  const char *font_family;
  MeasuresRenderColor ink;
  MeasuresRenderColor dim;
  MeasuresRenderColor accent;
  MeasuresRenderColor rule;
  MeasuresRenderColor fill;
  MeasuresRenderColor background;
  MeasuresRenderColor status[MEASURES_N_STATUSES];
  double font_size;
} MeasuresRenderStyle;

/**
 * MeasuresRenderTheme:
 * @MEASURES_RENDER_THEME_PRINT: on paper, as the reports print
 * @MEASURES_RENDER_THEME_LIGHT: in the window, light style
 * @MEASURES_RENDER_THEME_DARK: in the window, dark style
 */
typedef enum {
  MEASURES_RENDER_THEME_PRINT,
  MEASURES_RENDER_THEME_LIGHT,
  MEASURES_RENDER_THEME_DARK,
} MeasuresRenderTheme;

const MeasuresRenderStyle *measures_render_style_get_default (void);
const MeasuresRenderStyle *measures_render_style_get         (MeasuresRenderTheme        theme);

void                  measures_render_style_set_source (cairo_t                   *cr,
                                                        const MeasuresRenderColor *color);
PangoFontDescription *measures_render_style_new_font   (const MeasuresRenderStyle *self,
                                                        double                     size,
                                                        PangoWeight                weight,
                                                        PangoStyle                 style);

G_END_DECLS
