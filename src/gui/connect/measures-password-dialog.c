/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-password-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-password-dialog.h"
#include "measures-server-address.h"

/**
 * MeasuresPasswordDialog:
 *
 * Asks for the password of a strategy's server, naming the server, the
 * database and the user, and offers to keep it in the keyring. Responds
 * "connect" or "cancel".
 */
struct _MeasuresPasswordDialog
{
  AdwMessageDialog parent_instance;

  /* Template widgets */
  AdwPasswordEntryRow *password_row;
  GtkCheckButton *remember_check;
  GtkLabel *wrong_label;
  GtkLabel *keyring_label;
};

G_DEFINE_FINAL_TYPE (MeasuresPasswordDialog, measures_password_dialog, ADW_TYPE_MESSAGE_DIALOG)

/* Enter in the password connects, as the default button would. */
static void
password_activated (MeasuresPasswordDialog *self)
{
  if (!adw_message_dialog_get_response_enabled (ADW_MESSAGE_DIALOG (self), "connect"))
    return;

  adw_message_dialog_response (ADW_MESSAGE_DIALOG (self), "connect");
  gtk_window_close (GTK_WINDOW (self));
}

static void
password_changed (MeasuresPasswordDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->password_row));

  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (self), "connect", text[0] != '\0');
}

/* The password's text would otherwise still have the focus while the
 * dialog is taken down after the response. */
static void
measures_password_dialog_response (AdwMessageDialog *dialog,
                                   const char       *response)
{
  gtk_window_set_focus (GTK_WINDOW (dialog), NULL);

  if (ADW_MESSAGE_DIALOG_CLASS (measures_password_dialog_parent_class)->response)
    ADW_MESSAGE_DIALOG_CLASS (measures_password_dialog_parent_class)->response (dialog, response);
}

static void
measures_password_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_PASSWORD_DIALOG);

  G_OBJECT_CLASS (measures_password_dialog_parent_class)->dispose (object);
}

static void
measures_password_dialog_class_init (MeasuresPasswordDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_password_dialog_dispose;
  ADW_MESSAGE_DIALOG_CLASS (klass)->response = measures_password_dialog_response;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/connect/measures-password-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresPasswordDialog, password_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPasswordDialog, remember_check);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPasswordDialog, wrong_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPasswordDialog, keyring_label);
  gtk_widget_class_bind_template_callback (widget_class, password_activated);
  gtk_widget_class_bind_template_callback (widget_class, password_changed);
}

static void
measures_password_dialog_init (MeasuresPasswordDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  password_changed (self);
}

/**
 * measures_password_dialog_new:
 * @parent: (nullable): the window to stay above
 * @address: the server's address, to name its parts
 * @wrong: whether a password given before was refused
 * @keyring_problem: (nullable): why a password cannot be kept, when the
 *   keyring cannot be reached
 *
 * Returns: (transfer full): the dialog, not yet shown
 */
GtkWidget *
measures_password_dialog_new (GtkWindow  *parent,
                              const char *address,
                              gboolean    wrong,
                              const char *keyring_problem)
{
  MeasuresPasswordDialog *self;
  g_autofree char *database = NULL;
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;
  g_autofree char *body = NULL;

  g_return_val_if_fail (address != NULL, NULL);

  self = g_object_new (MEASURES_TYPE_PASSWORD_DIALOG,
                       "transient-for", parent,
                       "modal", parent != NULL,
                       NULL);

  measures_server_address_describe (address, &database, &server, &user);
  if (server != NULL)
    /* Translators: the database, the server and the user's name on it */
    body = g_strdup_printf (_("The strategy “%s” on %s asks for the password of the user “%s”."),
                            database, server, user);
  else
    /* Translators: the database and the user's name on it */
    body = g_strdup_printf (_("The strategy “%s” asks for the password of the user “%s”."),
                            database, user);
  adw_message_dialog_set_body (ADW_MESSAGE_DIALOG (self), body);

  gtk_widget_set_visible (GTK_WIDGET (self->wrong_label), wrong);

  if (keyring_problem != NULL)
    {
      g_autofree char *note = g_strdup_printf (
        "%s %s", _("The password cannot be kept, and will be asked for each time."),
        keyring_problem);

      gtk_label_set_text (self->keyring_label, note);
      gtk_widget_set_visible (GTK_WIDGET (self->keyring_label), TRUE);
      gtk_check_button_set_active (self->remember_check, FALSE);
      gtk_widget_set_sensitive (GTK_WIDGET (self->remember_check), FALSE);
    }

  gtk_widget_grab_focus (GTK_WIDGET (self->password_row));
  return GTK_WIDGET (self);
}

/**
 * measures_password_dialog_get_password:
 *
 * Returns: the password typed
 */
const char *
measures_password_dialog_get_password (MeasuresPasswordDialog *self)
{
  g_return_val_if_fail (MEASURES_IS_PASSWORD_DIALOG (self), NULL);

  return gtk_editable_get_text (GTK_EDITABLE (self->password_row));
}

/**
 * measures_password_dialog_get_remember:
 *
 * Returns: whether the password is to be kept in the keyring
 */
gboolean
measures_password_dialog_get_remember (MeasuresPasswordDialog *self)
{
  g_return_val_if_fail (MEASURES_IS_PASSWORD_DIALOG (self), FALSE);

  return gtk_widget_get_sensitive (GTK_WIDGET (self->remember_check)) &&
         gtk_check_button_get_active (self->remember_check);
}
