/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-render"

#include "config.h"

#include "measures-render-style.h"

#define RGB(hex) { ((hex) >> 16) / 255.0, (((hex) >> 8) & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

/* The status colours are the hues of the window's status badges
 * (ui/style.css), libadwaita's named colours: planned in the text's own colour
 * (dimmed here, so that a bar of planned measures does not shout), in
 * progress and continuous in the accent colour (charts hatch continuous to
 * tell the two apart), completed in the success colour, on hold in the
 * warning colour, dropped in the error colour. Each is taken in the
 * variant libadwaita uses for text, the one that keeps a contrast of at
 * least 3:1 to the background in its style; paper is the light style. */
#define LIGHT_STATUS { RGB (0x77767b), RGB (0x1c71d8), RGB (0x1c71d8), RGB (0x1b8553), \
                       RGB (0x9c6e03), RGB (0xc01c28) }
#define DARK_STATUS { RGB (0x9a9996), RGB (0x78aeed), RGB (0x78aeed), RGB (0x8ff0a4), \
                      RGB (0xf8e45c), RGB (0xff7b63) }

static const MeasuresRenderStyle styles[] = {
  [MEASURES_RENDER_THEME_PRINT] = {
    .font_family = "DejaVu Sans",
    .ink = { 0.13, 0.13, 0.15 },
    .dim = { 0.40, 0.40, 0.44 },
    .accent = { 0.10, 0.33, 0.60 },
    .rule = { 0.78, 0.80, 0.84 },
    .fill = { 0.94, 0.95, 0.97 },
    .background = RGB (0xffffff),
    .status = LIGHT_STATUS,
    .font_size = 8,
  },
  /* libadwaita's window colours: text at 80 % on the view's background. */
  [MEASURES_RENDER_THEME_LIGHT] = {
    .font_family = "Cantarell",
    .ink = RGB (0x333333),
    .dim = RGB (0x666666),
    .accent = RGB (0x1c71d8),
    .rule = RGB (0xd6d6d6),
    .fill = RGB (0xebebeb),
    .background = RGB (0xffffff),
    .status = LIGHT_STATUS,
    .font_size = 13,
  },
  [MEASURES_RENDER_THEME_DARK] = {
    .font_family = "Cantarell",
    .ink = RGB (0xffffff),
    .dim = RGB (0xb3b3b3),
    .accent = RGB (0x78aeed),
    .rule = RGB (0x4a4a4a),
    .fill = RGB (0x383838),
    .background = RGB (0x1e1e1e),
    .status = DARK_STATUS,
    .font_size = 13,
  },
};

/**
 * measures_render_style_get_default:
 *
 * Returns: (transfer none): the palette and font of the printed reports
 */
const MeasuresRenderStyle *
measures_render_style_get_default (void)
{
  return &styles[MEASURES_RENDER_THEME_PRINT];
}

/**
 * measures_render_style_get:
 * @theme: where the drawing is shown
 *
 * Returns: (transfer none): the palette and font for @theme; the window
 *   takes the light or dark one as libadwaita's style manager says
 */
const MeasuresRenderStyle *
measures_render_style_get (MeasuresRenderTheme theme)
{
  g_return_val_if_fail (theme <= MEASURES_RENDER_THEME_DARK, &styles[0]);

  return &styles[theme];
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
