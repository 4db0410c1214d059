/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-application.h"
#include "measures-context.h"
#include "measures-preferences-window.h"
#include "measures-server-address.h"

/**
 * MeasuresPreferencesWindow:
 *
 * The preferences: where the strategy is kept, the name written into the
 * progress log and history, the language, the reporting interval, reports
 * and backups.
 */
struct _MeasuresPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  GtkCheckButton *local_check;
  GtkCheckButton *server_check;
  AdwEntryRow *address_row;
  GtkLabel *address_message;
  GtkSpinner *connect_spinner;
  GtkButton *cancel_button;
  GtkButton *connect_button;
  AdwPreferencesGroup *log_group;
  AdwEntryRow *author_row;
  AdwComboRow *paper_row;
  AdwComboRow *layout_row;
  AdwEntryRow *logo_row;
  AdwEntryRow *house_color_row;
  AdwComboRow *language_row;
  GtkSpinButton *backups_spin;
  GtkSpinButton *interval_spin;

  /* Owned */
  GSettings *settings;
  char *open_address;           /* the server whose strategy is open, or NULL */
  char *address;                /* what is typed, when it is an address */
  char *failure;                /* why the last switch failed, until retyped */
  char *target;                 /* the server being connected to */
  GCancellable *connecting;
  gboolean updating;
};

/* The language choices, each named in itself; "" follows the system. */
static const char * const language_codes[] = { "", "de", "en", "fr" };

G_DEFINE_FINAL_TYPE (MeasuresPreferencesWindow, measures_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
measures_preferences_window_dispose (GObject *object)
{
  MeasuresPreferencesWindow *self = MEASURES_PREFERENCES_WINDOW (object);

  if (self->connecting != NULL)
    g_cancellable_cancel (self->connecting);
  g_clear_object (&self->connecting);
  g_clear_object (&self->settings);

  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (measures_preferences_window_parent_class)->dispose (object);
}

static void
measures_preferences_window_finalize (GObject *object)
{
  MeasuresPreferencesWindow *self = MEASURES_PREFERENCES_WINDOW (object);

  g_free (self->open_address);
  g_free (self->address);
  g_free (self->failure);
  g_free (self->target);

  G_OBJECT_CLASS (measures_preferences_window_parent_class)->finalize (object);
}

/* One place decides what the strategy group offers: the address is read
 * as it is typed, Connect only for a valid one, nothing else while
 * connecting. */
static void
update_strategy (MeasuresPreferencesWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->address_row));
  gboolean server = gtk_check_button_get_active (self->server_check);
  gboolean connecting = self->connecting != NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gboolean bad = FALSE;

  g_clear_pointer (&self->address, g_free);
  if (text[0] != '\0')
    self->address = measures_server_address_check (text, &error);

  if (connecting && self->target != NULL)
    {
      g_autofree char *database = NULL;
      g_autofree char *host = NULL;
      g_autofree char *name = NULL;

      measures_server_address_describe (self->target, &database, &host, NULL);
      /* Translators: a database on a server, e.g. "strategy on db.example.org" */
      name = host ? g_strdup_printf (_("%s on %s"), database, host) : g_strdup (database);
      /* Translators: %s names the strategy's database, and its server */
      message = g_strdup_printf (_("Connecting to “%s”…"), name);
    }
  else if (connecting)
    message = NULL;
  else if (error != NULL && server)
    {
      message = g_strdup (error->message);
      bad = TRUE;
    }
  else if (self->failure != NULL && server)
    {
      message = g_strdup (self->failure);
      bad = TRUE;
    }
  else if (server)
    message = g_strdup (_("A service name such as “strategy”, a connection string such as "
                          "“host=db.example.org dbname=strategy”, or a “postgresql://” "
                          "address. The password is asked for when connecting."));

  gtk_label_set_text (self->address_message, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->address_message), message != NULL);
  if (bad)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->address_message), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->address_message), "dim-label");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->address_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->address_message), "dim-label");
    }
  if (error != NULL && server)
    gtk_widget_add_css_class (GTK_WIDGET (self->address_row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->address_row), "error");

  gtk_widget_set_sensitive (GTK_WIDGET (self->local_check), !connecting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->server_check), !connecting);
  /* Not insensitive while connecting: it may have the focus, and the
   * text's cursor would keep blinking without it. */
  gtk_widget_set_sensitive (GTK_WIDGET (self->address_row), server);
  gtk_editable_set_editable (GTK_EDITABLE (self->address_row), !connecting);
  gtk_widget_set_visible (GTK_WIDGET (self->connect_spinner), connecting);
  gtk_spinner_set_spinning (self->connect_spinner, connecting);
  gtk_widget_set_visible (GTK_WIDGET (self->cancel_button), connecting);
  gtk_widget_set_visible (GTK_WIDGET (self->connect_button), server && !connecting);
  gtk_widget_set_sensitive (GTK_WIDGET (self->connect_button),
                            server && !connecting && self->address != NULL);
}

/* What is open, shown by the check buttons, without acting on it. */
static void
show_open (MeasuresPreferencesWindow *self)
{
  self->updating = TRUE;
  gtk_check_button_set_active (self->open_address ? self->server_check : self->local_check, TRUE);
  self->updating = FALSE;
}

static void
strategy_opened (GObject      *source,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(MeasuresPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  MeasuresApplication *app = MEASURES_APPLICATION (source);

  g_clear_object (&self->connecting);
  if (!measures_application_open_strategy_finish (app, result, &error) &&
      !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    self->failure = g_strdup (error->message);

  /* Whatever happened, the buttons tell what is open now. */
  g_free (self->open_address);
  self->open_address = g_strdup (measures_application_get_server_address (app));
  if (self->failure == NULL)
    show_open (self);
  update_strategy (self);
}

static void
open_strategy (MeasuresPreferencesWindow *self,
               const char                *address)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  if (self->connecting != NULL || !MEASURES_IS_APPLICATION (app))
    return;

  g_clear_pointer (&self->failure, g_free);
  g_free (self->target);
  self->target = g_strdup (address);
  self->connecting = g_cancellable_new ();
  update_strategy (self);
  measures_application_open_strategy_async (MEASURES_APPLICATION (app), address,
                                            GTK_WINDOW (self), self->connecting,
                                            strategy_opened, g_object_ref (self));
}

static void
local_toggled (MeasuresPreferencesWindow *self)
{
  if (self->updating || !gtk_check_button_get_active (self->local_check))
    return;

  g_clear_pointer (&self->failure, g_free);
  /* Back to the file at once: nothing to type, nothing to wait for. */
  if (self->open_address != NULL)
    open_strategy (self, NULL);
  update_strategy (self);
}

static void
server_toggled (MeasuresPreferencesWindow *self)
{
  update_strategy (self);
  if (!self->updating && gtk_check_button_get_active (self->server_check))
    gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
}

static void
address_changed (MeasuresPreferencesWindow *self)
{
  g_clear_pointer (&self->failure, g_free);
  update_strategy (self);
}

static void
connect_clicked (MeasuresPreferencesWindow *self)
{
  g_autofree char *address = g_strdup (self->address);

  if (address == NULL || !gtk_check_button_get_active (self->server_check))
    return;

  open_strategy (self, address);
}

static void
cancel_clicked (MeasuresPreferencesWindow *self)
{
  if (self->connecting != NULL)
    g_cancellable_cancel (self->connecting);
}

static void
measures_preferences_window_class_init (MeasuresPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_preferences_window_dispose;
  object_class->finalize = measures_preferences_window_finalize;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/preferences/measures-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, local_check);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, server_check);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, address_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, address_message);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, connect_spinner);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, connect_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, log_group);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, layout_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, logo_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, house_color_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, backups_spin);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, interval_spin);
  gtk_widget_class_bind_template_callback (widget_class, local_toggled);
  gtk_widget_class_bind_template_callback (widget_class, server_toggled);
  gtk_widget_class_bind_template_callback (widget_class, address_changed);
  gtk_widget_class_bind_template_callback (widget_class, connect_clicked);
  gtk_widget_class_bind_template_callback (widget_class, cancel_clicked);
}

static void
measures_preferences_window_init (MeasuresPreferencesWindow *self)
{
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->updating = TRUE;
  gtk_check_button_set_active (self->local_check, TRUE);
  self->updating = FALSE;
  update_strategy (self);

  {
    /* Languages are named in themselves, so that anyone finds their own. */
    const char *names[] = { _("System default"), "Deutsch", "English", "Français", NULL };
    g_autoptr(GtkStringList) list = gtk_string_list_new (names);

    adw_combo_row_set_model (self->language_row, G_LIST_MODEL (list));
  }

  /* Translators: %s is the user's name as the system knows it */
  description = g_strdup_printf (_("Written with every progress entry and change. "
                                   "When empty, “%s” is written."),
                                 measures_context_get_login_author ());
  adw_preferences_group_set_description (self->log_group, description);
}

static gboolean
language_to_row (GValue   *value,
                 GVariant *variant,
                 gpointer  user_data)
{
  const char *code = g_variant_get_string (variant, NULL);

  g_value_set_uint (value, 0);
  for (guint i = 0; i < G_N_ELEMENTS (language_codes); i++)
    if (g_str_equal (code, language_codes[i]))
      g_value_set_uint (value, i);

  return TRUE;
}

static GVariant *
row_to_language (const GValue       *value,
                 const GVariantType *type,
                 gpointer            user_data)
{
  guint index = g_value_get_uint (value);

  return g_variant_new_string (index < G_N_ELEMENTS (language_codes) ? language_codes[index] : "");
}

/* The paper row lists A4, then US Letter. */
static gboolean
paper_to_row (GValue   *value,
              GVariant *variant,
              gpointer  user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "letter") ? 1 : 0);
  return TRUE;
}

static GVariant *
row_to_paper (const GValue       *value,
              const GVariantType *type,
              gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "letter" : "a4");
}

/* The layout row lists one sheet per page, then two. */
static gboolean
layout_to_row (GValue   *value,
               GVariant *variant,
               gpointer  user_data)
{
  g_value_set_uint (value, g_str_equal (g_variant_get_string (variant, NULL), "two-per-page"));
  return TRUE;
}

static GVariant *
row_to_layout (const GValue       *value,
               const GVariantType *type,
               gpointer            user_data)
{
  return g_variant_new_string (g_value_get_uint (value) == 1 ? "two-per-page" : "one-per-page");
}

/**
 * measures_preferences_window_new:
 * @settings: the application's settings
 *
 * Returns: (transfer full): the preferences window
 */
GtkWidget *
measures_preferences_window_new (GtkWindow *parent,
                                 GSettings *settings)
{
  MeasuresPreferencesWindow *self;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  self = g_object_new (MEASURES_TYPE_PREFERENCES_WINDOW,
                       "transient-for", parent,
                       "modal", TRUE,
                       NULL);
  self->settings = g_object_ref (settings);
  g_settings_bind (settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_row, row_to_language, NULL,
                                NULL);
  g_settings_bind (settings, "backups-kept", gtk_spin_button_get_adjustment (self->backups_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  /* The dashboard follows the interval as it is spun. */
  g_settings_bind (settings, "report-interval-months",
                   gtk_spin_button_get_adjustment (self->interval_spin), "value",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "paper", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, paper_to_row, row_to_paper, NULL, NULL);
  g_settings_bind_with_mapping (settings, "layout", self->layout_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, layout_to_row, row_to_layout, NULL, NULL);
  g_settings_bind (settings, "logo", self->logo_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "house-color", self->house_color_row, "text",
                   G_SETTINGS_BIND_DEFAULT);

  return GTK_WIDGET (self);
}

/**
 * measures_preferences_window_show_strategy:
 * @open_address: (nullable): the server whose strategy is open, or %NULL
 *   for the file on this computer
 * @choose_server: whether to offer the server at once, with the address
 *   to type
 *
 * Shows where the strategy open now is kept.
 */
void
measures_preferences_window_show_strategy (MeasuresPreferencesWindow *self,
                                           const char                *open_address,
                                           gboolean                   choose_server)
{
  g_autofree char *chosen = NULL;

  g_return_if_fail (MEASURES_IS_PREFERENCES_WINDOW (self));

  g_free (self->open_address);
  self->open_address = g_strdup (open_address);
  show_open (self);

  /* The address open, else the one chosen before. */
  chosen = g_settings_get_string (self->settings, "database");
  self->updating = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->address_row), open_address ? open_address : chosen);
  if (choose_server)
    gtk_check_button_set_active (self->server_check, TRUE);
  self->updating = FALSE;
  update_strategy (self);

  if (choose_server)
    gtk_widget_grab_focus (GTK_WIDGET (self->address_row));
}
