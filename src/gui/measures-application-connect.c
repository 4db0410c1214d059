/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-application"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-application-private.h"
#include "measures-connect.h"
#include "measures-connecting-window.h"
#include "measures-import.h"
#include "measures-measures-page.h"
#include "measures-window.h"

/* Where the strategy is kept: a server connected to at start (with a
 * window that says so, and what to do when it cannot be reached), the
 * questions asked at the first start (where the strategy is kept, and
 * whose name the log writes), and switching to another strategy from the
 * preferences while running. */

static void
connect_error_response (AdwMessageDialog    *dialog,
                        const char          *response,
                        MeasuresApplication *self)
{
  g_autofree char *address = g_object_steal_data (G_OBJECT (dialog), "address");

  if (g_str_equal (response, "retry"))
    _measures_application_connect_at_start (self, address);
  else if (g_str_equal (response, "local"))
    {
      /* For this session: the server stays the choice, and is tried again
       * at the next start, unless the preferences say otherwise. */
      g_autofree char *file = measures_store_get_default_path ();

      _measures_application_open_database (self, file);
    }
}

/* A server that could not be opened at start: its own words, and what
 * can be done — try again, or work on the file on this computer. Nothing
 * offered for a broken file (moving it aside, backups) fits a server. */
static void
show_connect_error (MeasuresApplication *self,
                    const char          *address,
                    const GError        *error)
{
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("Try again when the server can be reached, or work on the "
                            "strategy on this computer meanwhile. Preferences tell where "
                            "the strategy is kept."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Could Not Open the Strategy"),
                                                       body));
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  adw_message_dialog_add_response (dialog, "local", _("Work on This _Computer"));
  adw_message_dialog_add_response (dialog, "retry", _("_Try Again"));
  adw_message_dialog_set_response_appearance (dialog, "retry", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "retry");
  adw_message_dialog_set_close_response (dialog, "quit");
  g_object_set_data_full (G_OBJECT (dialog), "address", g_strdup (address), g_free);
  g_signal_connect (dialog, "response", G_CALLBACK (connect_error_response), self);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
connected_at_start (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(MeasuresApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = measures_connect_finish (result, &error);
  g_autofree char *address = g_object_steal_data (G_OBJECT (self->connecting), "address");
  GtkWidget *waiting = self->connecting_window;

  g_clear_object (&self->connecting);
  g_clear_weak_pointer (&self->connecting_window);

  /* The next window first, so that the application never has none. */
  if (store != NULL)
    {
      self->store = g_steal_pointer (&store);
      _measures_application_show_main_window (self);
    }
  else if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      g_warning ("%s", error->message);
      show_connect_error (self, address, error);
    }

  /* Cancelled: closing the last window quits. */
  if (waiting != NULL)
    gtk_window_destroy (GTK_WINDOW (waiting));
  g_application_release (G_APPLICATION (self));
}

static gboolean
connecting_window_close_request (MeasuresApplication *self)
{
  if (self->connecting != NULL)
    g_cancellable_cancel (self->connecting);

  return FALSE;
}

/* A server may take seconds to answer, or ask for a password: a small
 * window says what is going on at once, and Cancel quits. */
void
_measures_application_connect_at_start (MeasuresApplication *self,
                                        const char          *address)
{
  GtkWidget *window = measures_connecting_window_new (GTK_APPLICATION (self), address);

  g_clear_object (&self->connecting);
  self->connecting = g_cancellable_new ();
  g_object_set_data_full (G_OBJECT (self->connecting), "address", g_strdup (address), g_free);
  g_set_weak_pointer (&self->connecting_window, window);
  g_signal_connect_object (window, "close-request", G_CALLBACK (connecting_window_close_request),
                           self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (window));

  g_application_hold (G_APPLICATION (self));
  measures_connect_async (address, GTK_WINDOW (window), self->connecting, connected_at_start,
                          g_object_ref (self));
}

static void
where_kept_response (AdwMessageDialog    *dialog,
                     const char          *response,
                     MeasuresApplication *self)
{
  GtkWindow *parent = gtk_window_get_transient_for (GTK_WINDOW (dialog));

  g_settings_set_boolean (self->settings, "database-chosen", TRUE);
  if (g_str_equal (response, "server"))
    _measures_application_show_preferences (self, parent, TRUE);
  else
    _measures_application_ask_author (self, parent);
}

/* Asked once, over the window on the embedded strategy: most offices share
 * their strategy on a server, and a new user would not find the choice in
 * the preferences by themselves. */
void
_measures_application_ask_where_kept (MeasuresApplication *self,
                                      GtkWindow           *window)
{
  AdwMessageDialog *dialog;

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    window, _("Where Is Your Strategy Kept?"),
    _("This window shows the city’s strategy in a file on this computer. If your office "
      "shares its strategy on a server, connect to it. Preferences can change this later.")));
  adw_message_dialog_add_response (dialog, "computer", _("On This _Computer"));
  adw_message_dialog_add_response (dialog, "server", _("On a _Server…"));
  adw_message_dialog_set_default_response (dialog, "computer");
  adw_message_dialog_set_close_response (dialog, "computer");
  g_signal_connect_object (dialog, "response", G_CALLBACK (where_kept_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* A real name, never the login name: "root" or "asam" in the log helps
 * nobody find whom to ask. */
static char *
suggested_author (void)
{
  const char *real = g_get_real_name ();

  if (g_strcmp0 (real, "Unknown") == 0 || g_strcmp0 (real, g_get_user_name ()) == 0)
    return g_strdup ("");
  return g_strdup (real);
}

static void
author_changed (GtkEditable      *entry,
                AdwMessageDialog *dialog)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  adw_message_dialog_set_response_enabled (dialog, "save", name[0] != '\0');
}

static void
author_response (AdwMessageDialog    *dialog,
                 const char          *response,
                 MeasuresApplication *self)
{
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  g_settings_set_boolean (self->settings, "author-asked", TRUE);
  if (g_str_equal (response, "save") && name[0] != '\0')
    g_settings_set_string (self->settings, "author-name", name);
}

/* Asked once, on a strategy on this computer: every report and change is
 * written with a name, and a new user would not look for it in the
 * preferences. A server writes its user's name itself. */
void
_measures_application_ask_author (MeasuresApplication *self,
                                  GtkWindow           *window)
{
  g_autofree char *suggested = suggested_author ();
  g_autofree char *current = NULL;
  AdwMessageDialog *dialog;
  GtkWidget *entry;

  if (self->settings == NULL || g_settings_get_boolean (self->settings, "author-asked") ||
      measures_application_get_server_address (self) != NULL)
    return;
  current = g_strstrip (g_settings_get_string (self->settings, "author-name"));

  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (
    window, _("What Is Your Name?"),
    _("Measures writes your name beside every progress report and change you make, so that "
      "colleagues know whom to ask. Preferences can change it later.")));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), current[0] != '\0' ? current : suggested);
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _("First and last name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Your name"), -1);
  adw_message_dialog_set_extra_child (dialog, entry);

  adw_message_dialog_add_response (dialog, "skip", _("_Not Now"));
  adw_message_dialog_add_response (dialog, "save", _("_Use This Name"));
  adw_message_dialog_set_response_appearance (dialog, "save", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "save");
  adw_message_dialog_set_close_response (dialog, "skip");
  g_signal_connect_object (entry, "changed", G_CALLBACK (author_changed), dialog, 0);
  author_changed (GTK_EDITABLE (entry), dialog);
  g_signal_connect_object (dialog, "response", G_CALLBACK (author_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/**
 * measures_application_get_server_address:
 *
 * Returns: (nullable): the address of the server whose strategy is open,
 *   or %NULL when it is a file on this computer
 */
const char *
measures_application_get_server_address (MeasuresApplication *self)
{
  const char *path;

  g_return_val_if_fail (MEASURES_IS_APPLICATION (self), NULL);

  if (self->store == NULL)
    return NULL;
  path = measures_store_get_path (self->store);
  return path != NULL && measures_store_is_server_address (path) ? path : NULL;
}

/* The window shows another strategy where it was, as after a restore by
 * another process: the new window first, its state from the old one, and
 * the windows above the old one (the preferences) moved above the new. */
static void
switch_store (MeasuresApplication *self,
              MeasuresStore       *store,
              const char          *path)
{
  MeasuresWindow *old = _measures_application_find_main_window (self);
  g_autoptr(MeasuresWindowState) state = old ? measures_window_save_state (old) : NULL;
  g_autoptr(GList) windows = NULL;
  GtkWindow *window;

  if (old != NULL && self->settings != NULL)
    measures_window_save_settings (old, self->settings);

  g_free (self->database_path);
  self->database_path = g_strdup (path);
  g_clear_object (&self->undo_stack);
  g_set_object (&self->store, store);

  window = _measures_application_show_main_window (self);
  if (state != NULL)
    {
      measures_window_restore_state (MEASURES_WINDOW (window), state);
      /* An edit in progress is checked against the strategy now shown,
       * without the window's word for a restored backup. */
      measures_measures_page_strategy_replaced (MEASURES_MEASURES_PAGE (
        gtk_widget_get_template_child (GTK_WIDGET (window), MEASURES_TYPE_WINDOW,
                                       "measures_page")));
    }

  if (old != NULL)
    {
      windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
      for (GList *l = windows; l != NULL; l = l->next)
        if (gtk_window_get_transient_for (l->data) == GTK_WINDOW (old))
          gtk_window_set_transient_for (l->data, window);
      gtk_window_destroy (GTK_WINDOW (old));
    }
}

static void
remember_choice (MeasuresApplication *self,
                 const char          *address)
{
  if (self->settings == NULL)
    return;

  g_settings_set_string (self->settings, "database", address ? address : "");
  g_settings_set_boolean (self->settings, "database-chosen", TRUE);
}

static void
strategy_connected (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  MeasuresApplication *self = g_task_get_source_object (task);
  const char *address = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = measures_connect_finish (result, &error);

  if (store == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  switch_store (self, store, address);
  remember_choice (self, address);
  g_task_return_boolean (task, TRUE);
}

/**
 * measures_application_open_strategy_async:
 * @address: (nullable): a server's address, or %NULL for the file on this
 *   computer
 * @parent: (nullable): the window above which a password is asked for
 * @cancellable: (nullable): to give up and keep the strategy that is open
 *
 * Opens another strategy in place of the one open, keeping the window
 * where it was, and keeps the choice in the settings. A server is
 * connected to on a worker thread, with the password from the keyring or
 * asked for; the strategy open stays until the new one is.
 */
void
measures_application_open_strategy_async (MeasuresApplication *self,
                                          const char          *address,
                                          GtkWindow           *parent,
                                          GCancellable        *cancellable,
                                          GAsyncReadyCallback  callback,
                                          gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  g_autoptr(GError) error = NULL;

  g_return_if_fail (MEASURES_IS_APPLICATION (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, measures_application_open_strategy_async);
  g_task_set_task_data (task, g_strdup (address), g_free);

  if (address != NULL)
    measures_connect_async (address, parent, cancellable, strategy_connected,
                            g_steal_pointer (&task));
  else
    {
      g_autofree char *file = measures_store_get_default_path ();
      g_autoptr(MeasuresStore) store = measures_store_open (file, &error);

      if (store == NULL || !measures_import_ensure_data (store, &error))
        {
          g_task_return_error (task, g_steal_pointer (&error));
          return;
        }

      switch_store (self, store, file);
      remember_choice (self, NULL);
      g_task_return_boolean (task, TRUE);
    }
}

/**
 * measures_application_open_strategy_finish:
 *
 * Returns: %FALSE with @error set if the strategy could not be opened;
 *   %G_IO_ERROR_CANCELLED when the user gave up
 */
gboolean
measures_application_open_strategy_finish (MeasuresApplication  *self,
                                           GAsyncResult         *result,
                                           GError              **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}
