/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-connection-banner"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-connection-banner.h"

/**
 * MeasuresConnectionBanner:
 *
 * A bar along the window's foot that says how the strategy on a server
 * can be reached: connecting again after the connection was lost (reading
 * what is loaded), offline and read-only with a button to try at once, or
 * connected without encryption. It is hidden for a file and for a good
 * connection. The store reconnects by itself; the bar only says so.
 */
struct _MeasuresConnectionBanner
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkRevealer *revealer;
  GtkSpinner *spinner;
  GtkImage *icon;
  GtkLabel *label;
  GtkWidget *retry_button;

  /* Owned */
  MeasuresStore *store;
};

G_DEFINE_FINAL_TYPE (MeasuresConnectionBanner, measures_connection_banner, ADW_TYPE_BIN)

static void
update (MeasuresConnectionBanner *self)
{
  MeasuresConnection connection = self->store ? measures_store_get_connection (self->store)
                                              : MEASURES_CONNECTION_LOCAL;
  g_autofree char *name = self->store ? measures_store_dup_display_name (self->store) : NULL;
  g_autofree char *text = NULL;
  const char *icon_name = NULL;

  switch (connection)
    {
    case MEASURES_CONNECTION_RECONNECTING:
      /* Translators: %s names the strategy's database, e.g. "strategy on db.example.org" */
      text = g_strdup_printf (_("The connection to “%s” was lost. Connecting again…"), name);
      break;

    case MEASURES_CONNECTION_OFFLINE:
      text = g_strdup_printf (_("“%s” cannot be reached. The strategy is read-only until the "
                                "connection is back; an edit in progress is kept."), name);
      icon_name = "network-offline-symbolic";
      break;

    case MEASURES_CONNECTION_ONLINE:
      if (measures_store_get_unencrypted (self->store))
        {
          text = g_strdup_printf (_("The connection to “%s” is not encrypted: others on the "
                                    "network could read or change what is sent."), name);
          icon_name = "channel-insecure-symbolic";
        }
      break;

    case MEASURES_CONNECTION_LOCAL:
    default:
      break;
    }

  gtk_spinner_set_spinning (self->spinner, connection == MEASURES_CONNECTION_RECONNECTING);
  gtk_widget_set_visible (GTK_WIDGET (self->spinner),
                          connection == MEASURES_CONNECTION_RECONNECTING);
  gtk_image_set_from_icon_name (self->icon, icon_name);
  gtk_widget_set_visible (GTK_WIDGET (self->icon), icon_name != NULL);
  gtk_widget_set_visible (self->retry_button, connection == MEASURES_CONNECTION_OFFLINE);

  if (text != NULL)
    {
      gtk_label_set_text (self->label, text);
      /* Screen readers hear the change, as a sighted user sees it. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->label),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, text, -1);
    }
  gtk_revealer_set_reveal_child (self->revealer, text != NULL);
  gtk_widget_set_visible (GTK_WIDGET (self), text != NULL);
}

static void
retry_clicked (MeasuresConnectionBanner *self)
{
  if (self->store != NULL)
    measures_store_reconnect (self->store);
}

static void
measures_connection_banner_dispose (GObject *object)
{
  MeasuresConnectionBanner *self = (MeasuresConnectionBanner *)object;

  /* AdwBin unparents its child, the template's. */
  g_clear_object (&self->store);

  G_OBJECT_CLASS (measures_connection_banner_parent_class)->dispose (object);
}

static void
measures_connection_banner_class_init (MeasuresConnectionBannerClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_connection_banner_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/de/karlsruhe/Measures/widgets/"
                                               "measures-connection-banner.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresConnectionBanner, revealer);
  gtk_widget_class_bind_template_child (widget_class, MeasuresConnectionBanner, spinner);
  gtk_widget_class_bind_template_child (widget_class, MeasuresConnectionBanner, icon);
  gtk_widget_class_bind_template_child (widget_class, MeasuresConnectionBanner, label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresConnectionBanner, retry_button);
  gtk_widget_class_bind_template_callback (widget_class, retry_clicked);
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_STATUS);
}

static void
measures_connection_banner_init (MeasuresConnectionBanner *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}

/**
 * measures_connection_banner_set_store:
 * @store: (nullable): the strategy whose connection to show
 */
void
measures_connection_banner_set_store (MeasuresConnectionBanner *self,
                                      MeasuresStore            *store)
{
  g_return_if_fail (MEASURES_IS_CONNECTION_BANNER (self));
  g_return_if_fail (store == NULL || MEASURES_IS_STORE (store));

  if (self->store != NULL)
    g_signal_handlers_disconnect_by_data (self->store, self);
  g_set_object (&self->store, store);
  if (store != NULL)
    g_signal_connect_object (store, "notify::connection", G_CALLBACK (update), self,
                             G_CONNECT_SWAPPED);
  update (self);
}

/**
 * measures_connection_banner_get_text:
 *
 * Returns: (nullable): what the bar says, or %NULL while it is hidden
 */
const char *
measures_connection_banner_get_text (MeasuresConnectionBanner *self)
{
  g_return_val_if_fail (MEASURES_IS_CONNECTION_BANNER (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->revealer))
    return NULL;

  return gtk_label_get_text (self->label);
}
