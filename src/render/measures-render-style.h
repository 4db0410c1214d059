/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <cairo.h>
#include <pango/pango.h>

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
} MeasuresRenderStyle;

const MeasuresRenderStyle *measures_render_style_get_default (void);

void                  measures_render_style_set_source (cairo_t                   *cr,
                                                        const MeasuresRenderColor *color);
PangoFontDescription *measures_render_style_new_font   (const MeasuresRenderStyle *self,
                                                        double                     size,
                                                        PangoWeight                weight,
                                                        PangoStyle                 style);

G_END_DECLS
