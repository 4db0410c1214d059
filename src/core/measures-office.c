/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-office"

#include "config.h"

#include "measures-office.h"

/**
 * MeasuresOffice:
 *
 * An office, municipal company or outside organisation that leads or takes
 * part in measures. Most come from the strategy's glossary of
 * abbreviations; organisations named only in a measure's text use their
 * printed name as abbreviation.
 */
struct _MeasuresOffice
{
  GObject parent_instance;

  gint64 id;
  char *abbreviation;
  char *name;
  guint n_lead;
  guint n_involved;
};

G_DEFINE_FINAL_TYPE (MeasuresOffice, measures_office, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_ABBREVIATION,
  PROP_NAME,
  PROP_N_LEAD,
  PROP_N_INVOLVED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
measures_office_finalize (GObject *object)
{
  MeasuresOffice *self = (MeasuresOffice *)object;

  g_free (self->abbreviation);
  g_free (self->name);

  G_OBJECT_CLASS (measures_office_parent_class)->finalize (object);
}

static void
measures_office_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MeasuresOffice *self = MEASURES_OFFICE (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_ABBREVIATION:
      g_value_set_string (value, self->abbreviation);
      break;
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_N_LEAD:
      g_value_set_uint (value, self->n_lead);
      break;
    case PROP_N_INVOLVED:
      g_value_set_uint (value, self->n_involved);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_office_class_init (MeasuresOfficeClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = measures_office_finalize;
  object_class->get_property = measures_office_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_ABBREVIATION] =
    g_param_spec_string ("abbreviation", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NAME] =
    g_param_spec_string ("name", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_LEAD] =
    g_param_spec_uint ("n-lead", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_INVOLVED] =
    g_param_spec_uint ("n-involved", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
measures_office_init (MeasuresOffice *self)
{
}

/**
 * measures_office_new:
 * @n_lead: how many measures the office leads
 * @n_involved: in how many measures it takes part
 *
 * Returns: (transfer full): an office as read from the store
 */
MeasuresOffice *
measures_office_new (gint64      id,
                     const char *abbreviation,
                     const char *name,
                     guint       n_lead,
                     guint       n_involved)
{
  MeasuresOffice *self = g_object_new (MEASURES_TYPE_OFFICE, NULL);

  self->id = id;
  self->abbreviation = g_strdup (abbreviation);
  self->name = g_strdup (name);
  self->n_lead = n_lead;
  self->n_involved = n_involved;

  return self;
}

const char *
measures_office_get_abbreviation (MeasuresOffice *self)
{
  g_return_val_if_fail (MEASURES_IS_OFFICE (self), NULL);
  return self->abbreviation;
}

const char *
measures_office_get_name (MeasuresOffice *self)
{
  g_return_val_if_fail (MEASURES_IS_OFFICE (self), NULL);
  return self->name;
}

guint
measures_office_get_n_lead (MeasuresOffice *self)
{
  g_return_val_if_fail (MEASURES_IS_OFFICE (self), 0);
  return self->n_lead;
}

guint
measures_office_get_n_involved (MeasuresOffice *self)
{
  g_return_val_if_fail (MEASURES_IS_OFFICE (self), 0);
  return self->n_involved;
}
