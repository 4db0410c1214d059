/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-preferences-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-preferences-window.h"

/**
 * MeasuresPreferencesWindow:
 *
 * The preferences: the name written into the progress log and history.
 */
struct _MeasuresPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  /* Template widgets */
  AdwPreferencesGroup *log_group;
  AdwEntryRow *author_row;
  AdwComboRow *paper_row;
  AdwComboRow *language_row;
  GtkSpinButton *backups_spin;
};

/* The language choices, each named in itself; "" follows the system. */
static const char * const language_codes[] = { "", "de", "en", "fr" };

G_DEFINE_FINAL_TYPE (MeasuresPreferencesWindow, measures_preferences_window,
                     ADW_TYPE_PREFERENCES_WINDOW)

static void
measures_preferences_window_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_PREFERENCES_WINDOW);

  G_OBJECT_CLASS (measures_preferences_window_parent_class)->dispose (object);
}

static void
measures_preferences_window_class_init (MeasuresPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_preferences_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/preferences/measures-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, log_group);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, paper_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresPreferencesWindow, backups_spin);
}

static void
measures_preferences_window_init (MeasuresPreferencesWindow *self)
{
  g_autofree char *description = NULL;

  gtk_widget_init_template (GTK_WIDGET (self));

  {
    /* Languages are named in themselves, so that anyone finds their own. */
    const char *names[] = { _("System default"), "Deutsch", "English", "Français", NULL };
    g_autoptr(GtkStringList) list = gtk_string_list_new (names);

    adw_combo_row_set_model (self->language_row, G_LIST_MODEL (list));
  }

  /* Translators: %s is the user's name as the system knows it */
  description = g_strdup_printf (_("Written with every progress entry and change. "
                                   "When empty, “%s” is written."),
                                 g_get_real_name ());
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
  g_settings_bind (settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, language_to_row, row_to_language, NULL,
                                NULL);
  g_settings_bind (settings, "backups-kept", gtk_spin_button_get_adjustment (self->backups_spin),
                   "value", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "paper", self->paper_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, paper_to_row, row_to_paper, NULL, NULL);

  return GTK_WIDGET (self);
}
