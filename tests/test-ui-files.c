/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

#include "measures-application.h"
#include "measures-measure-editor.h"
#include "measures-measure-view.h"
#include "measures-measures-page.h"
#include "measures-office-view.h"
#include "measures-offices-page.h"
#include "measures-preferences-window.h"
#include "measures-print-preview.h"
#include "measures-status-summary.h"
#include "measures-vision-page.h"
#include "measures-vision-view.h"
#include "measures-window.h"

/* Every .ui file parses without a warning, with libadwaita's and our own
 * types known (which gtk4-builder-tool cannot know). Under G_DEBUG=
 * fatal-warnings a bad property, signal or child aborts the test. */

static void
test_template (gconstpointer data)
{
  GType type = GPOINTER_TO_SIZE (data);
  GtkWidget *widget = g_object_new (type, NULL);

  g_assert_true (GTK_IS_WIDGET (widget));
  if (GTK_IS_WINDOW (widget))
    gtk_window_destroy (GTK_WINDOW (widget));
  else
    g_object_unref (g_object_ref_sink (widget));
}

static void
test_shortcuts_window (void)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new ();
  g_autoptr(GError) error = NULL;
  GObject *overlay;

  gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/window/measures-shortcuts.ui", &error);
  g_assert_no_error (error);
  overlay = gtk_builder_get_object (builder, "help_overlay");
  g_assert_true (GTK_IS_SHORTCUTS_WINDOW (overlay));
  gtk_window_destroy (GTK_WINDOW (overlay));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MeasuresApplication) app = NULL;
  struct {
    const char *name;
    GType type;
  } templates[10];

  measures_application_init_i18n ();
  gtk_test_init (&argc, &argv, NULL);
  adw_init ();

  /* The application registers the resources. */
  app = measures_application_new ();

  templates[0].name = "measure-view";
  templates[0].type = MEASURES_TYPE_MEASURE_VIEW;
  templates[1].name = "measure-editor";
  templates[1].type = MEASURES_TYPE_MEASURE_EDITOR;
  templates[2].name = "office-view";
  templates[2].type = MEASURES_TYPE_OFFICE_VIEW;
  templates[3].name = "vision-view";
  templates[3].type = MEASURES_TYPE_VISION_VIEW;
  templates[4].name = "preferences-window";
  templates[4].type = MEASURES_TYPE_PREFERENCES_WINDOW;
  templates[5].name = "print-preview";
  templates[5].type = MEASURES_TYPE_PRINT_PREVIEW;
  templates[6].name = "vision-page";
  templates[6].type = MEASURES_TYPE_VISION_PAGE;
  templates[7].name = "offices-page";
  templates[7].type = MEASURES_TYPE_OFFICES_PAGE;
  templates[8].name = "measures-page";
  templates[8].type = MEASURES_TYPE_MEASURES_PAGE;
  templates[9].name = "status-summary";
  templates[9].type = MEASURES_TYPE_STATUS_SUMMARY;

  for (guint i = 0; i < G_N_ELEMENTS (templates); i++)
    {
      g_autofree char *path = g_strdup_printf ("/ui/%s", templates[i].name);
      g_test_add_data_func (path, GSIZE_TO_POINTER (templates[i].type), test_template);
    }
  g_test_add_func ("/ui/shortcuts-window", test_shortcuts_window);

  return g_test_run ();
}
