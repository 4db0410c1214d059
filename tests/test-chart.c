/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "measures-chart.h"
#include "measures-format.h"

/* The charts of the dashboard and the monitoring report: each drawn in
 * every style, from a thumbnail to a page, with data and without, never
 * outside its rectangle; and described in every language. */

#define MARGIN 16

typedef enum {
  CHART_STATUS_BAR,
  CHART_LINE,
  CHART_INDICATOR,
  CHART_SPARKLINE,
  N_CHARTS,
} Chart;

static const char * const chart_names[] = { "status bar", "line", "indicator", "sparkline" };

#define POINT(y, m, d, v) ((MeasuresPoint) { measures_day_new (y, m, d), v })

typedef struct {
  guint counts[MEASURES_N_STATUSES];
  MeasuresPoint progress[4];
  MeasuresPoint values[3];
  MeasuresPoint baseline;
  MeasuresPoint targets[2];
} Data;

static void
data_init (Data *data)
{
  *data = (Data) {
    .counts = { 4, 3, 2, 1, 1, 1 },
    .progress = { POINT (2024, 3, 31, 10), POINT (2025, 3, 31, 18), POINT (2026, 1, 31, 30),
                  POINT (2026, 11, 15, 35) },
    .values = { POINT (2021, 12, 31, 1200), POINT (2023, 12, 31, 1180),
                POINT (2025, 12, 31, 1234) },
    .baseline = POINT (2020, 12, 31, 1300),
    .targets = { POINT (2030, 12, 31, 900), POINT (2025, 12, 31, 1100) },
  };
}

static MeasuresChartSeries
progress_series (const Data *data,
                 gboolean    empty)
{
  return (MeasuresChartSeries) {
    .title = "Mean progress",
    .unit = "%",
    .points = data->progress,
    .n_points = empty ? 0 : G_N_ELEMENTS (data->progress),
    .minimum = 0,
    .maximum = 100,
  };
}

static MeasuresChartSeries
indicator_series (const Data *data,
                  gboolean    empty)
{
  return (MeasuresChartSeries) {
    .title = "CO₂ emissions",
    .unit = "t CO₂",
    .points = data->values,
    .n_points = empty ? 0 : G_N_ELEMENTS (data->values),
    .baseline = &data->baseline,
    .targets = data->targets,
    .n_targets = G_N_ELEMENTS (data->targets),
    .lower_is_better = TRUE,
  };
}

static void
draw (cairo_t                   *cr,
      Chart                      chart,
      const cairo_rectangle_t   *area,
      const MeasuresRenderStyle *style,
      const Data                *data,
      gboolean                   empty)
{
  static const guint none[MEASURES_N_STATUSES] = { 0 };
  MeasuresChartSeries progress = progress_series (data, empty);
  MeasuresChartSeries indicator = indicator_series (data, empty);

  switch (chart)
    {
    case CHART_STATUS_BAR:
      measures_chart_draw_status_bar (cr, area, style, empty ? none : data->counts);
      break;
    case CHART_LINE:
      measures_chart_draw_line (cr, area, style, &progress);
      break;
    case CHART_INDICATOR:
      /* Without values an indicator still has its baseline and targets. */
      indicator.baseline = empty ? NULL : indicator.baseline;
      indicator.n_targets = empty ? 0 : indicator.n_targets;
      measures_chart_draw_line (cr, area, style, &indicator);
      break;
    case CHART_SPARKLINE:
      measures_chart_draw_sparkline (cr, area, style, &indicator);
      break;
    default:
      g_assert_not_reached ();
    }
}

/* Draws onto a transparent surface larger than the chart's rectangle and
 * counts the pixels touched inside it; fails on any touched outside. */
static guint
draw_and_count (Chart                      chart,
                int                        width,
                int                        height,
                const MeasuresRenderStyle *style,
                gboolean                   empty)
{
  cairo_surface_t *surface;
  cairo_t *cr;
  cairo_rectangle_t area = { MARGIN, MARGIN, width, height };
  const guint32 *pixels;
  int stride;
  guint inside = 0;
  Data data;

  data_init (&data);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, width + 2 * MARGIN,
                                        height + 2 * MARGIN);
  cr = cairo_create (surface);
  draw (cr, chart, &area, style, &data, empty);
  g_assert_cmpint (cairo_status (cr), ==, CAIRO_STATUS_SUCCESS);
  cairo_destroy (cr);
  cairo_surface_flush (surface);

  pixels = (const guint32 *)cairo_image_surface_get_data (surface);
  stride = cairo_image_surface_get_stride (surface) / 4;
  for (int y = 0; y < height + 2 * MARGIN; y++)
    for (int x = 0; x < width + 2 * MARGIN; x++)
      {
        gboolean touched = (pixels[y * stride + x] >> 24) != 0;
        gboolean within = x >= MARGIN && x < MARGIN + width && y >= MARGIN && y < MARGIN + height;

        if (touched && !within)
          g_error ("%s %d×%d%s: pixel (%d, %d) is outside the rectangle", chart_names[chart],
                   width, height, empty ? " without data" : "", x - MARGIN, y - MARGIN);
        inside += touched;
      }

  cairo_surface_destroy (surface);
  return inside;
}

static void
test_bounds (void)
{
  const int sizes[][2] = { { 60, 20 }, { 20, 60 }, { 100, 30 }, { 160, 48 }, { 320, 120 },
                           { 640, 360 }, { 1400, 800 } };

  for (MeasuresRenderTheme theme = MEASURES_RENDER_THEME_PRINT;
       theme <= MEASURES_RENDER_THEME_DARK; theme++)
    for (Chart chart = 0; chart < N_CHARTS; chart++)
      for (guint i = 0; i < G_N_ELEMENTS (sizes); i++)
        for (int empty = 0; empty <= 1; empty++)
          {
            const MeasuresRenderStyle *style = measures_render_style_get (theme);
            guint inside = draw_and_count (chart, sizes[i][0], sizes[i][1], style, empty);

            /* Something is drawn, "no data" included. */
            if (inside == 0)
              g_error ("%s %d×%d%s, theme %d: nothing drawn", chart_names[chart], sizes[i][0],
                       sizes[i][1], empty ? " without data" : "", theme);
          }
}

/* Large charts show their labels: more is drawn than the bare lines. */
static void
test_labels (void)
{
  const MeasuresRenderStyle *style = measures_render_style_get_default ();
  guint small = draw_and_count (CHART_LINE, 60, 20, style, FALSE);
  guint large = draw_and_count (CHART_LINE, 600, 300, style, FALSE);
  guint bar = draw_and_count (CHART_STATUS_BAR, 600, 80, style, FALSE);
  guint bare_bar = draw_and_count (CHART_STATUS_BAR, 600, 12, style, FALSE);

  g_assert_cmpuint (small, >, 0);
  g_assert_cmpuint (large, >, small);
  /* The legend adds to the bar; a strip as thin as 12 is all bar. */
  g_assert_cmpuint (bar, >, bare_bar);
  g_assert_cmpuint (bare_bar, ==, 600 * 12);
}

/* WCAG's contrast of graphical objects: at least 3:1 to the background. */
static double
luminance (const MeasuresRenderColor *color)
{
  double channels[] = { color->red, color->green, color->blue };
  double weights[] = { 0.2126, 0.7152, 0.0722 };
  double sum = 0;

  for (guint i = 0; i < 3; i++)
    {
      double c = channels[i];

      sum += weights[i] * (c <= 0.03928 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4));
    }
  return sum;
}

static void
test_contrast (void)
{
  for (MeasuresRenderTheme theme = MEASURES_RENDER_THEME_PRINT;
       theme <= MEASURES_RENDER_THEME_DARK; theme++)
    {
      const MeasuresRenderStyle *style = measures_render_style_get (theme);
      double background = luminance (&style->background);
      const MeasuresRenderColor *colors[MEASURES_N_STATUSES + 2];

      for (guint i = 0; i < MEASURES_N_STATUSES; i++)
        colors[i] = &style->status[i];
      colors[MEASURES_N_STATUSES] = &style->accent;
      colors[MEASURES_N_STATUSES + 1] = &style->ink;

      for (guint i = 0; i < G_N_ELEMENTS (colors); i++)
        {
          double color = luminance (colors[i]);
          double ratio = (MAX (color, background) + 0.05) / (MIN (color, background) + 0.05);

          g_test_message ("theme %d, colour %u: %.2f:1", theme, i, ratio);
          g_assert_cmpfloat (ratio, >=, 3);
        }
    }

  /* The app's colours: those of ui/style.css's status labels. */
  g_assert_cmpfloat_with_epsilon (measures_render_style_get (MEASURES_RENDER_THEME_LIGHT)
                                    ->status[MEASURES_STATUS_COMPLETED].green,
                                  0x85 / 255.0, 1e-9);
}

static void
test_describe_english (void)
{
  g_autoptr(MeasuresChartDescription) bar = NULL;
  g_autoptr(MeasuresChartDescription) empty_bar = NULL;
  g_autoptr(MeasuresChartDescription) progress = NULL;
  g_autoptr(MeasuresChartDescription) indicator = NULL;
  g_autoptr(MeasuresChartDescription) nothing = NULL;
  const guint counts[MEASURES_N_STATUSES] = { 4, 3, 0, 1, 0, 0 };
  const guint none[MEASURES_N_STATUSES] = { 0 };
  MeasuresPoint two[] = { POINT (2026, 11, 30, 35), POINT (2024, 3, 31, 10) };
  MeasuresChartSeries series = { .title = "Mean progress", .unit = "%", .points = two,
                                 .n_points = 2 };
  Data data;
  MeasuresChartSeries emissions;
  const char * const *row;

  data_init (&data);
  emissions = indicator_series (&data, FALSE);

  bar = measures_chart_describe_status_bar ("Goal 2", counts);
  g_assert_cmpstr (bar->text, ==, "Goal 2: 4 planned, 3 in progress, 1 completed");
  g_assert_cmpuint (g_strv_length (bar->columns), ==, 3);
  g_assert_cmpuint (bar->rows->len, ==, MEASURES_N_STATUSES);
  row = g_ptr_array_index (bar->rows, MEASURES_STATUS_PLANNED);
  g_assert_cmpstr (row[0], ==, "Planned");
  g_assert_cmpstr (row[1], ==, "4");
  g_assert_cmpstr (row[2], ==, "50 %");

  empty_bar = measures_chart_describe_status_bar ("Goal 3", none);
  g_assert_cmpstr (empty_bar->text, ==, "Goal 3: no measures");

  progress = measures_chart_describe_series (&series);
  g_assert_cmpstr (progress->text, ==,
                   "Mean progress rose from 10 % in March 2024 to 35 % in November 2026");
  g_assert_cmpuint (progress->rows->len, ==, 2);
  row = g_ptr_array_index (progress->rows, 0);
  g_assert_cmpstr (row[0], ==, "March 31, 2024");
  g_assert_cmpstr (row[1], ==, "10 %");

  /* 1234 in 2025 against 1100 by 2025: the first target is due, the path
   * goes on to 900 by 2030, and 1234 is short of it. */
  indicator = measures_chart_describe_series (&emissions);
  g_assert_cmpstr (indicator->text, ==,
                   "CO₂ emissions: 1,234 t CO₂ (target 900 t CO₂ by 2030): Behind");
  g_assert_cmpuint (indicator->rows->len, ==, 3 + 1 + 2);
  row = g_ptr_array_index (indicator->rows, 0);
  g_assert_cmpstr (row[2], ==, "Baseline");

  series.n_points = 0;
  nothing = measures_chart_describe_series (&series);
  g_assert_cmpstr (nothing->text, ==, "Mean progress: no data");
  g_assert_cmpuint (nothing->rows->len, ==, 0);
}

/* Every language the interface speaks describes every chart. */
static void
test_describe_languages (void)
{
  const char * const languages[] = { "de", "en", "fr" };

  measures_i18n_setup (g_getenv ("MEASURES_LOCALEDIR"));
  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *previous = measures_i18n_switch_language (languages[i]);
      Data data;

      data_init (&data);
      for (int empty = 0; empty <= 1; empty++)
        {
          static const guint none[MEASURES_N_STATUSES] = { 0 };
          MeasuresChartSeries progress = progress_series (&data, empty);
          MeasuresChartSeries indicator = indicator_series (&data, empty);
          g_autoptr(MeasuresChartDescription) bar = NULL;
          g_autoptr(MeasuresChartDescription) line = NULL;
          g_autoptr(MeasuresChartDescription) values = NULL;

          bar = measures_chart_describe_status_bar ("Ziel 2", empty ? none : data.counts);
          line = measures_chart_describe_series (&progress);
          values = measures_chart_describe_series (&indicator);
          g_test_message ("%s: %s | %s | %s", languages[i], bar->text, line->text, values->text);
          g_assert_cmpstr (bar->text, !=, "");
          g_assert_cmpstr (line->text, !=, "");
          g_assert_cmpstr (values->text, !=, "");
          g_assert_true (g_utf8_validate (line->text, -1, NULL));
          g_assert_cmpuint (bar->rows->len, ==, MEASURES_N_STATUSES);
          for (guint j = 0; j < line->rows->len; j++)
            g_assert_cmpstr (((char **)g_ptr_array_index (line->rows, j))[0], !=, "");
        }

      /* And draws them, with its own dates on the axis. */
      for (Chart chart = 0; chart < N_CHARTS; chart++)
        g_assert_cmpuint (draw_and_count (chart, 480, 200, measures_render_style_get_default (),
                                          FALSE), >, 0);

      g_free (measures_i18n_switch_language (previous));
    }
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "UTC", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/chart/bounds", test_bounds);
  g_test_add_func ("/chart/labels", test_labels);
  g_test_add_func ("/chart/contrast", test_contrast);
  g_test_add_func ("/chart/describe-english", test_describe_english);
  g_test_add_func ("/chart/describe-languages", test_describe_languages);

  return g_test_run ();
}
