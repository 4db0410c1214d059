/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-date-button"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-date-button.h"
#include "measures-format.h"
#include "measures-indicator-text.h"

/**
 * MeasuresDateButton:
 *
 * A day, picked from a calendar and shown as the app writes dates
 * ("1. Dezember 2026"), so that nobody has to type a date in a format the
 * app would have to guess. Optional dates ("the baseline's date") can be
 * cleared. The date is an ISO 8601 day, as the store keeps it.
 */
struct _MeasuresDateButton
{
  AdwBin parent_instance;

  /* Owned */
  char *date;                   /* "2030-12-31", or NULL for none */
  gboolean optional;
  gboolean syncing;
  char *name;                   /* what the date is, for screen readers */

  /* Template widgets */
  GtkMenuButton *button;
  GtkPopover *popover;
  GtkCalendar *calendar;
  GtkWidget *clear_button;
};

G_DEFINE_FINAL_TYPE (MeasuresDateButton, measures_date_button, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_DATE,
  PROP_OPTIONAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
update_label (MeasuresDateButton *self)
{
  g_autoptr(GDateTime) day = measures_indicator_parse_day (self->date);
  g_autofree char *text = day ? measures_format_date (day) : g_strdup (_("No date"));

  gtk_menu_button_set_label (self->button, text);
  if (self->name != NULL)
    {
      /* Translators: a date button for screen readers: what the date is,
       * and the date, e.g. "Baseline date: May 1, 2024" */
      g_autofree char *label = g_strdup_printf (_("%s: %s"), self->name, text);

      gtk_accessible_update_property (GTK_ACCESSIBLE (self->button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
    }
  gtk_widget_set_visible (self->clear_button, self->optional && self->date != NULL);
}

static void
day_selected (MeasuresDateButton *self)
{
  g_autoptr(GDateTime) day = NULL;
  g_autofree char *date = NULL;

  if (self->syncing)
    return;

  day = gtk_calendar_get_date (self->calendar);
  date = g_date_time_format (day, "%Y-%m-%d");
  measures_date_button_set_date (self, date);
  gtk_popover_popdown (self->popover);
}

static void
clear_clicked (MeasuresDateButton *self)
{
  measures_date_button_set_date (self, NULL);
  gtk_popover_popdown (self->popover);
}

/* The calendar opens on the date shown, or today. */
static void
popover_show (MeasuresDateButton *self)
{
  g_autoptr(GDateTime) day = measures_indicator_parse_day (self->date);

  if (day == NULL)
    day = g_date_time_new_now_local ();
  self->syncing = TRUE;
  gtk_calendar_select_day (self->calendar, day);
  self->syncing = FALSE;
}

static void
measures_date_button_dispose (GObject *object)
{
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_DATE_BUTTON);

  G_OBJECT_CLASS (measures_date_button_parent_class)->dispose (object);
}

static void
measures_date_button_finalize (GObject *object)
{
  MeasuresDateButton *self = MEASURES_DATE_BUTTON (object);

  g_free (self->date);
  g_free (self->name);

  G_OBJECT_CLASS (measures_date_button_parent_class)->finalize (object);
}

static void
measures_date_button_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  MeasuresDateButton *self = MEASURES_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_string (value, self->date);
      break;
    case PROP_OPTIONAL:
      g_value_set_boolean (value, self->optional);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_date_button_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  MeasuresDateButton *self = MEASURES_DATE_BUTTON (object);

  switch (prop_id)
    {
    case PROP_DATE:
      measures_date_button_set_date (self, g_value_get_string (value));
      break;
    case PROP_OPTIONAL:
      if (self->optional != g_value_get_boolean (value))
        {
          self->optional = g_value_get_boolean (value);
          update_label (self);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_date_button_class_init (MeasuresDateButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_date_button_dispose;
  object_class->finalize = measures_date_button_finalize;
  object_class->get_property = measures_date_button_get_property;
  object_class->set_property = measures_date_button_set_property;

  /**
   * MeasuresDateButton:date:
   *
   * The day picked, as an ISO 8601 date, or %NULL for none.
   */
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresDateButton:optional:
   *
   * Whether the date may be cleared.
   */
  properties[PROP_OPTIONAL] =
    g_param_spec_boolean ("optional", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/indicators/measures-date-button.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresDateButton, button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDateButton, popover);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDateButton, calendar);
  gtk_widget_class_bind_template_child (widget_class, MeasuresDateButton, clear_button);
  gtk_widget_class_bind_template_callback (widget_class, day_selected);
  gtk_widget_class_bind_template_callback (widget_class, clear_clicked);
  gtk_widget_class_bind_template_callback (widget_class, popover_show);
}

static void
measures_date_button_init (MeasuresDateButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update_label (self);
}

GtkWidget *
measures_date_button_new (void)
{
  return g_object_new (MEASURES_TYPE_DATE_BUTTON, NULL);
}

/**
 * measures_date_button_get_date:
 *
 * Returns: (nullable): the day picked, as an ISO 8601 date
 */
const char *
measures_date_button_get_date (MeasuresDateButton *self)
{
  g_return_val_if_fail (MEASURES_IS_DATE_BUTTON (self), NULL);

  return self->date;
}

/**
 * measures_date_button_set_date:
 * @date: (nullable): an ISO 8601 date, or %NULL for none
 *
 * Shows @date; one that is not a date counts as none.
 */
void
measures_date_button_set_date (MeasuresDateButton *self,
                               const char         *date)
{
  g_return_if_fail (MEASURES_IS_DATE_BUTTON (self));

  if (date != NULL && !measures_indicator_check_date (date))
    date = NULL;
  if (g_strcmp0 (self->date, date) == 0)
    return;

  g_free (self->date);
  self->date = g_strdup (date);
  update_label (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

/**
 * measures_date_button_set_name:
 * @name: what the date is, e.g. "Baseline date"
 *
 * Names the button for screen readers, with the date it shows.
 */
void
measures_date_button_set_name (MeasuresDateButton *self,
                               const char         *name)
{
  g_return_if_fail (MEASURES_IS_DATE_BUTTON (self));

  g_free (self->name);
  self->name = g_strdup (name);
  update_label (self);
}
