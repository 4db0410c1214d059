/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>

#include "window-test-util.h"

/* Every badge that colours a status, a priority or an indicator's rating,
 * and every word in a colour of its own, is readable in the light and the dark style: its text against its own
 * background, as drawn on each surface it appears on (the window, a list
 * of cards, the measure list), reaches WCAG's 4.5:1 for normal text. */

typedef struct
{
  const char *kind;
  const char *value;
} Badge;

static const Badge badges[] = {
  { "priority", "high" },
  { "priority", "medium" },
  { "priority", "low" },
  { "status", "planned" },
  { "status", "in-progress" },
  { "status", "continuous" },
  { "status", "completed" },
  { "status", "on-hold" },
  { "status", "dropped" },
  { "rating", "on-track" },
  { "rating", "reached" },
  { "rating", "behind" },
  { "rating", "no-data" },
  /* Words in libadwaita's colours: "No measure is overdue", a warning
   * beside the lead, an error under a field. */
  { "success", NULL },
  { "warning", NULL },
  { "error", NULL },
};

#define N_BADGES G_N_ELEMENTS (badges)

static double
channel (double c)
{
  return c <= 0.04045 ? c / 12.92 : pow ((c + 0.055) / 1.055, 2.4);
}

static double
luminance (const double rgb[3])
{
  return 0.2126 * channel (rgb[0]) + 0.7152 * channel (rgb[1]) + 0.0722 * channel (rgb[2]);
}

static double
contrast (const double a[3],
          const double b[3])
{
  double la = luminance (a), lb = luminance (b);

  return (MAX (la, lb) + 0.05) / (MIN (la, lb) + 0.05);
}

static GtkWidget *
badge_label (const Badge *badge)
{
  const char *classes[] = { badge->kind, badge->value, NULL };
  GtkWidget *label = gtk_label_new ("Mittel");

  gtk_widget_set_css_classes (label, classes);
  gtk_widget_set_halign (label, GTK_ALIGN_START);
  return label;
}

/* A row of all badges on one of the surfaces they are shown on. */
static GtkWidget *
badge_row (GtkWidget **labels)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  for (guint i = 0; i < N_BADGES; i++)
    gtk_box_append (GTK_BOX (box), labels[i] = badge_label (&badges[i]));
  return box;
}

static GtkWidget *
list_row_factory (gpointer item,
                  gpointer user_data)
{
  GtkWidget *row = gtk_list_box_row_new ();

  /* At rest: a row under the pointer is shaded only for a moment. */
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), badge_row (user_data));
  return row;
}

/* The badge's background as drawn: a pixel of its padding, left of the
 * text, halfway down. */
static void
background_of (const guchar *pixels,
               gsize         stride,
               GtkWidget    *label,
               GtkWidget    *window,
               double        rgb[3])
{
  graphene_rect_t bounds;
  const guchar *p;
  int x, y;

  g_assert_true (gtk_widget_compute_bounds (label, window, &bounds));
  /* Words without a badge stand on the surface itself, left of them. */
  x = (int)bounds.origin.x + (gtk_widget_has_css_class (label, "status") ||
                              gtk_widget_has_css_class (label, "priority") ||
                              gtk_widget_has_css_class (label, "rating") ? 5 : -4);
  y = (int)(bounds.origin.y + bounds.size.height / 2);
  /* Cairo's ARGB32 in memory on a little-endian machine: B, G, R, A. */
  p = pixels + y * stride + x * 4;
  rgb[0] = p[2] / 255.0;
  rgb[1] = p[1] / 255.0;
  rgb[2] = p[0] / 255.0;
}

static void
text_colour_of (GtkWidget *label,
                double     rgb[3])
{
  GdkRGBA colour;

  gtk_style_context_get_color (gtk_widget_get_style_context (label), &colour);
  /* The text is drawn over the badge's background, which the test reads
   * off the window; its colour may be translucent itself. */
  rgb[0] = colour.red;
  rgb[1] = colour.green;
  rgb[2] = colour.blue;
  g_object_set_data (G_OBJECT (label), "alpha", GUINT_TO_POINTER ((guint)(colour.alpha * 1000)));
}

static void
check_surface (const char  *style,
               const char  *surface,
               const guchar *pixels,
               gsize        stride,
               GtkWidget  **labels,
               GtkWidget   *window,
               GString     *failures)
{
  for (guint i = 0; i < N_BADGES; i++)
    {
      double background[3], text[3], ratio, alpha;

      background_of (pixels, stride, labels[i], window, background);
      text_colour_of (labels[i], text);
      alpha = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (labels[i]), "alpha")) / 1000.0;
      for (guint c = 0; c < 3; c++)
        text[c] = alpha * text[c] + (1 - alpha) * background[c];
      ratio = contrast (text, background);
      g_test_message ("%s, %s: %s %s %.2f:1 (text #%02x%02x%02x on #%02x%02x%02x)", style,
                      surface, badges[i].kind, badges[i].value ? badges[i].value : "", ratio,
                      (guint)(text[0] * 255), (guint)(text[1] * 255), (guint)(text[2] * 255),
                      (guint)(background[0] * 255), (guint)(background[1] * 255),
                      (guint)(background[2] * 255));
      if (ratio < 4.5)
        g_string_append_printf (failures, "%s style, %s: .%s.%s has %.2f:1\n", style, surface,
                                badges[i].kind, badges[i].value ? badges[i].value : "", ratio);
    }
}

static void
test_badge_contrast (void)
{
  g_autoptr(MeasuresApplication) app = new_application ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) failures = g_string_new (NULL);
  g_autoptr(GListStore) one = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr(GObject) item = g_object_new (G_TYPE_OBJECT, NULL);
  GtkWidget *plain[N_BADGES], *card[N_BADGES], *sidebar[N_BADGES];
  GtkWidget *window, *box, *boxed, *navigation;
  AdwStyleManager *styles = adw_style_manager_get_default ();

  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  g_assert_true (g_application_register (G_APPLICATION (app), NULL, &error));
  g_assert_no_error (error);

  window = gtk_window_new ();
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (app));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_window_set_child (GTK_WINDOW (window), box);

  /* The window's own background: the sheet. */
  gtk_box_append (GTK_BOX (box), badge_row (plain));
  /* Cards: the dashboard and the indicators. */
  g_list_store_append (one, item);
  boxed = gtk_list_box_new ();
  gtk_widget_add_css_class (boxed, "boxed-list");
  gtk_list_box_bind_model (GTK_LIST_BOX (boxed), G_LIST_MODEL (one), list_row_factory, card,
                           NULL);
  gtk_box_append (GTK_BOX (box), boxed);
  /* The measure list. */
  navigation = gtk_list_box_new ();
  gtk_widget_add_css_class (navigation, "navigation-sidebar");
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (navigation), GTK_SELECTION_NONE);
  gtk_list_box_bind_model (GTK_LIST_BOX (navigation), G_LIST_MODEL (one), list_row_factory,
                           sidebar, NULL);
  gtk_box_append (GTK_BOX (box), navigation);
  gtk_window_present (GTK_WINDOW (window));

  for (guint s = 0; s < 2; s++)
    {
      const char *style = s == 0 ? "light" : "dark";
      g_autoptr(GdkPaintable) paintable = NULL;
      g_autoptr(GtkSnapshot) snapshot = NULL;
      g_autoptr(GskRenderNode) node = NULL;
      g_autoptr(GdkTexture) texture = NULL;
      g_autofree guchar *pixels = NULL;
      int width, height;
      gsize stride;

      adw_style_manager_set_color_scheme (styles, s == 0 ? ADW_COLOR_SCHEME_FORCE_LIGHT
                                                         : ADW_COLOR_SCHEME_FORCE_DARK);
      gtk_test_widget_wait_for_draw (window);
      iterate ();
      g_assert_true (adw_style_manager_get_dark (styles) == (s == 1));

      width = gtk_widget_get_width (window);
      height = gtk_widget_get_height (window);
      paintable = gtk_widget_paintable_new (window);
      snapshot = gtk_snapshot_new ();
      gdk_paintable_snapshot (paintable, snapshot, width, height);
      node = gtk_snapshot_free_to_node (g_steal_pointer (&snapshot));
      g_assert_nonnull (node);
      texture = gsk_renderer_render_texture (gtk_native_get_renderer (GTK_NATIVE (window)), node,
                                             &GRAPHENE_RECT_INIT (0, 0, width, height));
      stride = (gsize)width * 4;
      pixels = g_malloc (stride * height);
      gdk_texture_download (texture, pixels, stride);

      check_surface (style, "window", pixels, stride, plain, window, failures);
      check_surface (style, "card", pixels, stride, card, window, failures);
      check_surface (style, "measure list", pixels, stride, sidebar, window, failures);
      pause_for_screenshot (style);
    }

  adw_style_manager_set_color_scheme (styles, ADW_COLOR_SCHEME_DEFAULT);
  gtk_window_destroy (GTK_WINDOW (window));
  iterate ();

  if (failures->len > 0)
    g_error ("Badges below 4.5:1:\n%s", failures->str);
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  g_test_add_func ("/window/badge-contrast", test_badge_contrast);

  return g_test_run ();
}
