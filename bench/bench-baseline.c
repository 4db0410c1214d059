/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <adwaita.h>

/* The least a libadwaita application can show: a window with a header bar
 * and one list of fifty rows, as Measures's list shows fifty measures. The
 * benchmark measures its first frame beside Measures's, in the same run. */

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                 gtk_string_object_get_string (item));
  return row;
}

static void
activate (GApplication *application)
{
  g_autoptr(GtkStringList) strings = gtk_string_list_new (NULL);
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (application));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *list = gtk_list_box_new ();

  for (guint i = 1; i <= 50; i++)
    {
      g_autofree char *title = g_strdup_printf ("Row %u", i);
      gtk_string_list_append (strings, title);
    }

  gtk_list_box_bind_model (GTK_LIST_BOX (list), G_LIST_MODEL (strings), create_row, NULL, NULL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), list);
  gtk_widget_set_vexpand (scrolled, TRUE);
  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  gtk_box_append (GTK_BOX (box), scrolled);
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 1000, 700);
  gtk_window_present (GTK_WINDOW (window));
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(AdwApplication) application = NULL;

  application = adw_application_new ("de.karlsruhe.Measures.Baseline", G_APPLICATION_NON_UNIQUE);
  g_signal_connect (application, "activate", G_CALLBACK (activate), NULL);

  return g_application_run (G_APPLICATION (application), argc, argv);
}
