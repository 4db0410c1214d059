/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-application"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-application-private.h"
#include "measures-backup.h"
#include "measures-context.h"
#include "measures-format.h"
#include "measures-import.h"
#include "measures-preferences-window.h"
#include "measures-resources.h"
#include "measures-restore-window.h"
#include "measures-window.h"

G_DEFINE_FINAL_TYPE (MeasuresApplication, measures_application, ADW_TYPE_APPLICATION)

/* The strategy to open: the one given (--database, or chosen in the
 * preferences while running), else the one chosen in the preferences
 * before, else the file on this computer. The command line runs before
 * the settings are read, and so works on the file unless told otherwise. */
char *
_measures_application_dup_database_path (MeasuresApplication *self)
{
  g_autofree char *chosen = NULL;

  if (self->database_path != NULL)
    return g_strdup (self->database_path);

  if (self->settings != NULL &&
      (chosen = g_settings_get_string (self->settings, "database"))[0] != '\0')
    return g_steal_pointer (&chosen);

  return measures_store_get_default_path ();
}

MeasuresStore *
_measures_application_open_store (MeasuresApplication  *self,
            GError              **error)
{
  g_autoptr(MeasuresStore) store = NULL;
  g_autofree char *path = _measures_application_dup_database_path (self);

  store = measures_store_open (path, error);
  if (store == NULL || !measures_import_ensure_data (store, error))
    return NULL;

  return g_steal_pointer (&store);
}

/* A large file is read through while the window is already open; if it
 * turns out damaged, the window closes and the user chooses what to do, as
 * for a file refused at once. Its daily backup waits for the check, lest
 * a damaged copy push out a good one. */
static void
store_checked (GObject      *source,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(MeasuresApplication) self = user_data;
  g_autoptr(GError) error = NULL;
  gboolean ok = measures_store_check_finish (MEASURES_STORE (source), result, &error);

  g_application_release (G_APPLICATION (self));
  if (source != (GObject *)self->store)
    return;

  if (ok)
    _measures_application_start_daily_backup (self);
  else
    {
      g_warning ("%s", error->message);
      _measures_application_close_store (self);
      _measures_application_show_open_error (self, error);
    }
}

MeasuresWindow *
_measures_application_find_main_window (MeasuresApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (MEASURES_IS_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* Another process restored a backup over the file: the window opens the
 * file again, where it was, and keeps an edit in progress — which must
 * then be checked against what the file holds now. */
static gboolean
reopen_replaced (gpointer data)
{
  MeasuresApplication *self = data;
  MeasuresWindow *window = _measures_application_find_main_window (self);
  g_autoptr(MeasuresWindowState) state = NULL;
  g_autofree char *database = _measures_application_dup_database_path (self);

  /* No window shows the strategy: nothing to open again. */
  if (window == NULL)
    return G_SOURCE_REMOVE;

  /* Moved or deleted, not replaced: say so rather than start anew there. */
  if (!g_file_test (database, G_FILE_TEST_EXISTS))
    {
      g_autofree char *name = g_filename_display_name (database);
      g_autoptr(GError) error = g_error_new (MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                                             _("“%s” was moved or deleted while it was open."),
                                             name);

      _measures_application_close_store (self);
      _measures_application_show_open_error (self, error);
      return G_SOURCE_REMOVE;
    }

  state = measures_window_save_state (window);
  g_application_hold (G_APPLICATION (self));
  _measures_application_close_store (self);
  _measures_application_open_database (self, database);
  window = _measures_application_find_main_window (self);
  if (window != NULL && state != NULL)
    {
      measures_window_restore_state (window, state);
      measures_window_strategy_replaced (window);
    }
  g_application_release (G_APPLICATION (self));

  return G_SOURCE_REMOVE;
}

static void
store_replaced (MeasuresApplication *self)
{
  g_idle_add_full (G_PRIORITY_DEFAULT, reopen_replaced, g_object_ref (self), g_object_unref);
}

GtkWindow *
_measures_application_show_main_window (MeasuresApplication *self)
{
  g_autoptr(MeasuresContext) context = NULL;
  GtkWindow *window;

  g_application_hold (G_APPLICATION (self));
  if (measures_store_get_check_pending (self->store))
    measures_store_check_async (self->store, NULL, store_checked, g_object_ref (self));
  else
    {
      _measures_application_start_daily_backup (self);
      g_application_release (G_APPLICATION (self));
    }

  if (self->undo_stack == NULL)
    self->undo_stack = measures_undo_stack_new (self->store);

  /* Offer only what the store's engine can do. */
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self),
                                                                            "restore-backup")),
                               (measures_store_get_features (self->store) &
                                MEASURES_STORE_FEATURE_BACKUPS) != 0);

  g_signal_connect_object (self->store, "replaced", G_CALLBACK (store_replaced), self,
                           G_CONNECT_SWAPPED);

  context = measures_context_new (self->store, self->undo_stack, self->settings);
  window = GTK_WINDOW (measures_window_new (self, context));
  if (self->settings != NULL)
    measures_window_load_settings (MEASURES_WINDOW (window), self->settings);
  gtk_window_present (window);
  return window;
}

typedef void (*FileChosen) (MeasuresApplication *self,
                            GFile               *file);

static void
file_chooser_response (GtkNativeDialog *dialog,
                       int              response,
                       gpointer         user_data)
{
  MeasuresApplication *self = g_object_get_data (G_OBJECT (dialog), "application");
  FileChosen chosen = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      chosen (self, file);
    }

  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_application_release (G_APPLICATION (self));
}

/* Asks for a file; the application stays up while the dialog is open. */
static void
choose_file (MeasuresApplication  *self,
             GtkFileChooserAction  action,
             const char           *title,
             const char           *accept,
             const char           *folder,
             FileChosen            chosen)
{
  GtkFileChooserNative *dialog;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  dialog = gtk_file_chooser_native_new (title, parent, action, accept, _("_Cancel"));
  if (folder != NULL)
    {
      g_autoptr(GFile) file = g_file_new_for_path (folder);
      gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (dialog), file, NULL);
    }

  g_object_set_data (G_OBJECT (dialog), "application", self);
  g_signal_connect (dialog, "response", G_CALLBACK (file_chooser_response), chosen);
  g_application_hold (G_APPLICATION (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
database_chosen (MeasuresApplication *self,
                 GFile               *file)
{
  g_autofree char *path = g_file_get_path (file);

  _measures_application_open_database (self, path);
}

void
_measures_application_close_store (MeasuresApplication *self)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* The list of backups stays: it tells how a restore went. */
  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (MEASURES_IS_RESTORE_WINDOW (l->data))
        continue;
      if (MEASURES_IS_WINDOW (l->data) && self->settings != NULL)
        measures_window_save_settings (l->data, self->settings);
      gtk_window_destroy (l->data);
    }
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);
}

static void
open_error_response (AdwMessageDialog    *dialog,
                     const char          *response,
                     MeasuresApplication *self)
{
  g_autofree char *database = _measures_application_dup_database_path (self);
  g_autofree char *folder = g_path_get_dirname (database);

  if (g_str_equal (response, "other"))
    choose_file (self, GTK_FILE_CHOOSER_ACTION_OPEN, _("Open a Strategy"), _("_Open"), folder,
                 database_chosen);
  else if (g_str_equal (response, "new"))
    _measures_application_start_new (self);
  else if (g_str_equal (response, "backup"))
    _measures_application_show_restore_window (self);
}

void
_measures_application_show_open_error (MeasuresApplication *self,
                                       const GError        *error)
{
  g_autofree char *database = _measures_application_dup_database_path (self);
  g_autoptr(GPtrArray) backups = measures_backup_list (database);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  body = g_strdup_printf ("%s\n\n%s", error->message,
                          _("Starting over begins again with the embedded strategy; the file "
                            "that could not be opened is kept beside it, renamed."));
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (NULL, _("Could Not Open the Strategy"),
                                                       body));
  /* What can be done: another file, a backup, or starting over from the
   * embedded strategy. The file that failed is never written to or deleted. */
  adw_message_dialog_add_response (dialog, "quit", _("_Quit"));
  adw_message_dialog_add_response (dialog, "other", _("_Open Another File…"));
  if (backups->len > 0)
    {
      adw_message_dialog_add_response (dialog, "backup", _("_Restore a Backup…"));
      adw_message_dialog_set_response_appearance (dialog, "backup", ADW_RESPONSE_SUGGESTED);
    }
  adw_message_dialog_add_response (dialog, "new", _("Start _Over"));
  adw_message_dialog_set_default_response (dialog, backups->len > 0 ? "backup" : "other");
  adw_message_dialog_set_close_response (dialog, "quit");
  g_signal_connect (dialog, "response", G_CALLBACK (open_error_response), self);
  gtk_window_set_application (GTK_WINDOW (dialog), GTK_APPLICATION (self));
  gtk_window_present (GTK_WINDOW (dialog));
}

void
_measures_application_open_database (MeasuresApplication *self,
                                     const char          *path)
{
  g_autoptr(GError) error = NULL;

  g_free (self->database_path);
  self->database_path = g_strdup (path);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);

  if (!(self->store = _measures_application_open_store (self, &error)))
    {
      g_warning ("%s", error->message);
      _measures_application_show_open_error (self, error);
      return;
    }

  _measures_application_show_main_window (self);
}

/* Started again: show the window there is, whether or not it had focus. */
static gboolean
present_window (MeasuresApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      if (MEASURES_IS_WINDOW (l->data))
        {
          gtk_window_present (l->data);
          return TRUE;
        }
    }

  return FALSE;
}

static void
measures_application_activate (GApplication *app)
{
  MeasuresApplication *self = MEASURES_APPLICATION (app);
  g_autoptr(GError) error = NULL;
  g_autofree char *database = NULL;
  GtkWindow *window;
  gboolean given = self->database_path != NULL;

  if (present_window (self))
    return;
  /* Still connecting: the window that says so is there. */
  if (self->connecting_window != NULL)
    {
      gtk_window_present (GTK_WINDOW (self->connecting_window));
      return;
    }

  /* From now on, starting Measures again on this file comes here. */
  if (self->database_path != NULL && self->instance == NULL &&
      (g_application_get_flags (app) & G_APPLICATION_NON_UNIQUE) != 0)
    {
      self->instance = measures_instance_new (self->database_path);
      g_signal_connect_object (self->instance, "present", G_CALLBACK (present_window), self,
                               G_CONNECT_SWAPPED);
    }

  database = _measures_application_dup_database_path (self);
  if (self->store == NULL && measures_store_is_server_address (database))
    {
      _measures_application_connect_at_start (self, database);
      return;
    }

  if (self->store == NULL && !(self->store = _measures_application_open_store (self, &error)))
    {
      g_warning ("%s", error->message);
      _measures_application_show_open_error (self, error);
      return;
    }

  window = _measures_application_show_main_window (self);

  /* Never when the tests, or the user, named the strategy. */
  if (!given && self->settings != NULL &&
      !g_settings_get_boolean (self->settings, "database-chosen"))
    _measures_application_ask_where_kept (self, window);
  else if (!given)
    _measures_application_ask_author (self, window);
}

static void
restore_backup_activated (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  _measures_application_show_restore_window (MEASURES_APPLICATION (user_data));
}

/* What the list of backups asks for once the user confirmed. */
static void
restore_file_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  _measures_application_restore_file (MEASURES_APPLICATION (user_data),
                                      g_variant_get_string (parameter, NULL), FALSE);
}

/* The toast's Undo: the backup of the state before, without asking. */
static void
undo_restore_activated (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer       user_data)
{
  _measures_application_restore_file (MEASURES_APPLICATION (user_data),
                                      g_variant_get_string (parameter, NULL), TRUE);
}

static void
quit_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (user_data)));

  /* Closing each window saves an edit in progress and the window's state. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

void
_measures_application_show_preferences (MeasuresApplication *self,
                                        GtkWindow           *parent,
                                        gboolean             choose_server)
{
  GtkWidget *window = measures_preferences_window_new (parent, self->settings);

  /* One of the application's windows, so that a language switch finds it. */
  gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
  measures_preferences_window_show_strategy (MEASURES_PREFERENCES_WINDOW (window),
                                             measures_application_get_server_address (self),
                                             choose_server);
  gtk_window_present (GTK_WINDOW (window));
}

/* Makes every window anew in the language now in force, where the user
 * left it: GTK keeps the words a widget was made with. */
static void
rebuild_windows (MeasuresApplication *self)
{
  g_autoptr(GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  gboolean preferences_open = FALSE;
  GtkWindow *main_window = NULL;

  for (GList *l = windows; l != NULL; l = l->next)
    {
      if (MEASURES_IS_WINDOW (l->data))
        {
          g_autoptr(MeasuresWindowState) state = measures_window_save_state (l->data);
          MeasuresWindow *window = measures_window_new (self,
                                                        measures_window_get_context (l->data));

          /* The new window first, so that the application never has none. */
          measures_window_restore_state (window, state);
          gtk_window_present (GTK_WINDOW (window));
          gtk_window_destroy (l->data);
          main_window = GTK_WINDOW (window);
        }
      else if (MEASURES_IS_PREFERENCES_WINDOW (l->data))
        {
          preferences_open = TRUE;
          gtk_window_destroy (l->data);
        }
    }

  if (preferences_open && self->settings != NULL)
    _measures_application_show_preferences (self, main_window, FALSE);
}

static void
apply_language (MeasuresApplication *self,
                gboolean             rebuild)
{
  g_autofree char *chosen = g_settings_get_string (self->settings, "language");

  g_free (measures_i18n_switch_language (chosen[0] ? chosen
                                                   : measures_i18n_get_system_language ()));
  if (rebuild)
    rebuild_windows (self);
}

static void
language_changed (MeasuresApplication *self)
{
  apply_language (self, TRUE);
}

static void
preferences_activated (GSimpleAction *action,
                       GVariant      *parameter,
                       gpointer       user_data)
{
  MeasuresApplication *self = MEASURES_APPLICATION (user_data);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));

  _measures_application_show_preferences (self, parent, FALSE);
}

static void
about_activated (GSimpleAction *action,
                 GVariant      *parameter,
                 gpointer       user_data)
{
  static const char *developers[] = { "Measures contributors", NULL };
  GtkApplication *app = GTK_APPLICATION (user_data);
  GtkWidget *about;

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", gtk_application_get_active_window (app),
                        "application-name", _("Measures"),
                        "application-icon", APP_ID,
                        "version", PACKAGE_VERSION,
                        "developer-name", _("Measures contributors"),
                        "developers", developers,
                        "license-type", GTK_LICENSE_GPL_3_0,
                        "comments", _("Keep track of a city strategy’s goals and measures."),
                        "website", "https://www.karlsruhe.de/",
                        /* Translators: put your name here, one per line */
                        "translator-credits", _("translator-credits"),
                        NULL);
  adw_about_window_add_legal_section (ADW_ABOUT_WINDOW (about), _("Embedded strategy"),
                                      _("Internationalisierungsstrategie 2020 – 2030, "
                                        "Stadt Karlsruhe: the vision, goals, measures and "
                                        "glossary as the city published them."),
                                      GTK_LICENSE_UNKNOWN, NULL);
  gtk_window_present (GTK_WINDOW (about));
}

/* The user's guide, as Yelp finds it: help/<lang>/measures/ under the data
 * folders, in the language of the desktop. */
static void
help_activated (GSimpleAction *action,
                GVariant      *parameter,
                gpointer       user_data)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (user_data));

  gtk_show_uri (parent, "help:" PACKAGE_NAME, GDK_CURRENT_TIME);
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated },
  { "preferences", preferences_activated },
  { "about", about_activated },
  { "help", help_activated },
  { "restore-backup", restore_backup_activated },
  { "restore-file", restore_file_activated, "s" },
  { "undo-restore", undo_restore_activated, "s" },
};

static void
measures_application_startup (GApplication *app)
{
  static const struct {
    const char *action;
    const char *accels[4];
  } accels[] = {
    { "app.quit", { "<Control>q", NULL } },
    { "app.preferences", { "<Control>comma", NULL } },
    { "app.help", { "F1", NULL } },
    { "win.show-help-overlay", { "<Control>question", NULL } },
    { "window.close", { "<Control>w", NULL } },
    { "win.find", { "<Control>f", NULL } },
    { "win.print", { "<Control>p", NULL } },
    { "win.new-measure", { "<Control>n", NULL } },
    { "win.edit-measure", { "<Control>e", NULL } },
    { "win.save", { "<Control>s", "<Control>Return", "<Control>KP_Enter", NULL } },
    { "win.undo", { "<Control>z", NULL } },
    { "win.redo", { "<Control><Shift>z", "<Control>y", NULL } },
  };
  MeasuresApplication *self = MEASURES_APPLICATION (app);
  g_autoptr(GSettingsSchema) schema = NULL;

  G_APPLICATION_CLASS (measures_application_parent_class)->startup (app);

  /* Without its installed schema GSettings would abort; run with the
   * defaults instead and say why preferences are not kept. */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema != NULL)
    {
      self->settings = g_settings_new_full (schema, NULL, NULL);
      apply_language (self, FALSE);
      g_signal_connect_object (self->settings, "changed::language",
                               G_CALLBACK (language_changed), self, G_CONNECT_SWAPPED);
    }
  else
    g_warning ("The settings schema %s is not installed: preferences cannot be kept. "
               "Install Measures, or run it with “meson devenv”.", APP_ID);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (app),
                                                                            "preferences")),
                               self->settings != NULL);
}

static void
measures_application_finalize (GObject *object)
{
  MeasuresApplication *self = (MeasuresApplication *)object;

  g_free (self->database_path);

  G_OBJECT_CLASS (measures_application_parent_class)->finalize (object);
}

static void
measures_application_dispose (GObject *object)
{
  MeasuresApplication *self = (MeasuresApplication *)object;

  g_clear_object (&self->instance);
  g_clear_object (&self->connecting);
  g_clear_weak_pointer (&self->connecting_window);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (measures_application_parent_class)->dispose (object);
}

static void
measures_application_class_init (MeasuresApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  /* The templates of every widget, and the style sheet. */
  measures_register_resource ();

  object_class->dispose = measures_application_dispose;
  object_class->finalize = measures_application_finalize;

  app_class->handle_local_options = _measures_application_handle_local_options;
  app_class->startup = measures_application_startup;
  app_class->activate = measures_application_activate;
}

static void
measures_application_init (MeasuresApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), _measures_application_options);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Keep track of a city strategy’s goals and "
                                              "measures. Without options, opens the window."));
}

MeasuresApplication *
measures_application_new (void)
{
  return g_object_new (MEASURES_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", G_APPLICATION_DEFAULT_FLAGS,
                       "resource-base-path", RESOURCE_PREFIX,
                       NULL);
}

/**
 * measures_application_set_database:
 * @path: the database file to open on activation
 *
 * Chooses the database as `--database` does; for tests that build the
 * application in-process.
 */
void
measures_application_set_database (MeasuresApplication *self,
                                   const char          *path)
{
  g_return_if_fail (MEASURES_IS_APPLICATION (self));

  g_free (self->database_path);
  self->database_path = g_strdup (path);
}

/**
 * measures_application_get_store:
 *
 * Returns: (transfer none) (nullable): the open store, once activated
 */
MeasuresStore *
measures_application_get_store (MeasuresApplication *self)
{
  g_return_val_if_fail (MEASURES_IS_APPLICATION (self), NULL);

  return self->store;
}

/**
 * measures_application_get_settings:
 *
 * Returns: (transfer none) (nullable): the settings, once started up
 */
GSettings *
measures_application_get_settings (MeasuresApplication *self)
{
  g_return_val_if_fail (MEASURES_IS_APPLICATION (self), NULL);

  return self->settings;
}
