/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-render"

#include "config.h"

#include "measures-render-style.h"

static const MeasuresRenderStyle default_style = {
  .font_family = "DejaVu Sans",
  .ink = { 0.13, 0.13, 0.15 },
  .dim = { 0.40, 0.40, 0.44 },
  .accent = { 0.10, 0.33, 0.60 },
  .rule = { 0.78, 0.80, 0.84 },
  .fill = { 0.94, 0.95, 0.97 },
};

/**
 * measures_render_style_get_default:
 *
 * Returns: (transfer none): the palette and font of the printed reports
 */
const MeasuresRenderStyle *
measures_render_style_get_default (void)
{
  return &default_style;
}

/**
 * measures_render_style_set_source:
 * @cr: a cairo context
 * @color: one of a #MeasuresRenderStyle's colours
 *
 * Makes @color the source that @cr paints, fills and strokes with.
 */
void
measures_render_style_set_source (cairo_t                   *cr,
                                  const MeasuresRenderColor *color)
{
  g_return_if_fail (cr != NULL);
  g_return_if_fail (color != NULL);

  cairo_set_source_rgb (cr, color->red, color->green, color->blue);
}

/**
 * measures_render_style_new_font:
 * @size: in points
 * @weight: the weight
 * @style: normal or italic
 *
 * Returns: (transfer full): the style's font at @size
 */
PangoFontDescription *
measures_render_style_new_font (const MeasuresRenderStyle *self,
                                double                     size,
                                PangoWeight                weight,
                                PangoStyle                 style)
{
  PangoFontDescription *font;

  g_return_val_if_fail (self != NULL, NULL);

  font = pango_font_description_new ();
  pango_font_description_set_family (font, self->font_family);
  pango_font_description_set_size (font, size * PANGO_SCALE);
  pango_font_description_set_weight (font, weight);
  pango_font_description_set_style (font, style);

  return font;
}
