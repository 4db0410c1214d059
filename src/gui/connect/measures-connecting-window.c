/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-connecting-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-connecting-window.h"
#include "measures-server-address.h"

/**
 * MeasuresConnectingWindow:
 *
 * Shown at once while a strategy on a server is connected to, so that a
 * slow server never holds up the first frame. Cancel closes it; whoever
 * opened it decides what closing means.
 */
struct _MeasuresConnectingWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  GtkLabel *message_label;
  GtkSpinner *spinner;
};

G_DEFINE_FINAL_TYPE (MeasuresConnectingWindow, measures_connecting_window, ADW_TYPE_WINDOW)

static void
cancel_clicked (MeasuresConnectingWindow *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
measures_connecting_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_CONNECTING_WINDOW);

  G_OBJECT_CLASS (measures_connecting_window_parent_class)->dispose (object);
}

static void
measures_connecting_window_class_init (MeasuresConnectingWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_connecting_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/connect/measures-connecting-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresConnectingWindow, message_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresConnectingWindow, spinner);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
}

static void
measures_connecting_window_init (MeasuresConnectingWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * measures_connecting_window_new:
 * @application: the application, kept running by the window
 * @address: the server's address, named in the window
 *
 * Returns: (transfer full): the window, not yet shown
 */
GtkWidget *
measures_connecting_window_new (GtkApplication *application,
                                const char     *address)
{
  MeasuresConnectingWindow *self;
  g_autofree char *database = NULL;
  g_autofree char *server = NULL;
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (address != NULL, NULL);

  self = g_object_new (MEASURES_TYPE_CONNECTING_WINDOW, "application", application, NULL);

  measures_server_address_describe (address, &database, &server, NULL);
  /* Translators: a database on a server, e.g. "strategy on db.example.org" */
  name = server ? g_strdup_printf (_("%s on %s"), database, server) : g_strdup (database);
  /* Translators: %s names the strategy's database, and its server */
  message = g_strdup_printf (_("Connecting to “%s”…"), name);
  gtk_label_set_text (self->message_label, message);

  return GTK_WIDGET (self);
}
