/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measure"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-measure.h"
#include "measures-copy-with.h"
#include "measures-store.h"

/**
 * MeasuresMeasure:
 *
 * One measure of the strategy, as printed on its detail sheet: title, short
 * description, objectives and the implementation block. The printed lead and
 * actors text is kept next to the offices derived from it, so nothing of the
 * source is lost. Create one with g_object_new() and its properties.
 */
struct _MeasuresMeasure
{
  GObject parent_instance;

  gint64 id;
  gint64 revision;
  guint goal;
  guint position;
  MeasuresPriority priority;
  MeasuresStatus status;
  gboolean status_derived;
  guint progress;
  char *strings[10];
  GStrv objectives;
  GStrv lead_offices;
  GStrv involved_offices;
};

G_DEFINE_FINAL_TYPE (MeasuresMeasure, measures_measure, G_TYPE_OBJECT)

/* The string properties come first so that their ids index self->strings. */
enum {
  PROP_0,
  PROP_TITLE,
  PROP_DESCRIPTION,
  PROP_LEAD,
  PROP_ACTORS,
  PROP_PERIOD,
  PROP_COSTS,
  PROP_OVERVIEW_TITLE,
  PROP_OVERVIEW_LEAD,
  PROP_UPDATED,
  PROP_REMOVED,
  PROP_ID,
  PROP_REVISION,
  PROP_GOAL,
  PROP_POSITION,
  PROP_PRIORITY,
  PROP_STATUS,
  PROP_STATUS_DERIVED,
  PROP_PROGRESS,
  PROP_OBJECTIVES,
  PROP_LEAD_OFFICES,
  PROP_INVOLVED_OFFICES,
  N_PROPS
};

#define STRING_INDEX(prop) ((prop) - PROP_TITLE)

static GParamSpec *properties[N_PROPS];

static void
measures_measure_finalize (GObject *object)
{
  MeasuresMeasure *self = (MeasuresMeasure *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);
  g_strfreev (self->objectives);
  g_strfreev (self->lead_offices);
  g_strfreev (self->involved_offices);

  G_OBJECT_CLASS (measures_measure_parent_class)->finalize (object);
}

static void
measures_measure_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MeasuresMeasure *self = MEASURES_MEASURE (object);

  switch (prop_id)
    {
    case PROP_TITLE ... PROP_REMOVED:
      g_value_set_string (value, self->strings[STRING_INDEX (prop_id)]);
      break;
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_REVISION:
      g_value_set_int64 (value, self->revision);
      break;
    case PROP_GOAL:
      g_value_set_uint (value, self->goal);
      break;
    case PROP_POSITION:
      g_value_set_uint (value, self->position);
      break;
    case PROP_PRIORITY:
      g_value_set_enum (value, self->priority);
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_STATUS_DERIVED:
      g_value_set_boolean (value, self->status_derived);
      break;
    case PROP_PROGRESS:
      g_value_set_uint (value, self->progress);
      break;
    case PROP_OBJECTIVES:
      g_value_set_boxed (value, self->objectives);
      break;
    case PROP_LEAD_OFFICES:
      g_value_set_boxed (value, self->lead_offices);
      break;
    case PROP_INVOLVED_OFFICES:
      g_value_set_boxed (value, self->involved_offices);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
set_strv (GStrv        *field,
          const GValue *value)
{
  const char * const *strv = g_value_get_boxed (value);
  static const char * const empty[] = { NULL };

  g_strfreev (*field);
  *field = g_strdupv ((GStrv)(strv ? strv : empty));
}

static void
measures_measure_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MeasuresMeasure *self = MEASURES_MEASURE (object);

  switch (prop_id)
    {
    case PROP_TITLE ... PROP_REMOVED:
      g_free (self->strings[STRING_INDEX (prop_id)]);
      self->strings[STRING_INDEX (prop_id)] = g_value_dup_string (value);
      if (self->strings[STRING_INDEX (prop_id)] == NULL)
        self->strings[STRING_INDEX (prop_id)] = g_strdup ("");
      break;
    case PROP_ID:
      self->id = g_value_get_int64 (value);
      break;
    case PROP_REVISION:
      self->revision = g_value_get_int64 (value);
      break;
    case PROP_GOAL:
      self->goal = g_value_get_uint (value);
      break;
    case PROP_POSITION:
      self->position = g_value_get_uint (value);
      break;
    case PROP_PRIORITY:
      self->priority = g_value_get_enum (value);
      break;
    case PROP_STATUS:
      self->status = g_value_get_enum (value);
      break;
    case PROP_STATUS_DERIVED:
      self->status_derived = g_value_get_boolean (value);
      break;
    case PROP_PROGRESS:
      self->progress = g_value_get_uint (value);
      break;
    case PROP_OBJECTIVES:
      set_strv (&self->objectives, value);
      break;
    case PROP_LEAD_OFFICES:
      set_strv (&self->lead_offices, value);
      break;
    case PROP_INVOLVED_OFFICES:
      set_strv (&self->involved_offices, value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_measure_class_init (MeasuresMeasureClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const string_names[] = {
    "title", "description", "lead", "actors", "period", "costs",
    "overview-title", "overview-lead", "updated", "removed",
  };
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = measures_measure_finalize;
  object_class->get_property = measures_measure_get_property;
  object_class->set_property = measures_measure_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (string_names) == PROP_REMOVED - PROP_TITLE + 1);
  for (guint i = 0; i < G_N_ELEMENTS (string_names); i++)
    properties[PROP_TITLE + i] = g_param_spec_string (string_names[i], NULL, NULL, NULL, flags);

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /**
   * MeasuresMeasure:revision:
   *
   * The store's revision of the measure when it was read: a write made on
   * this copy is refused if someone else changed the measure since.
   */
  properties[PROP_REVISION] =
    g_param_spec_int64 ("revision", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_GOAL] =
    g_param_spec_uint ("goal", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_POSITION] =
    g_param_spec_uint ("position", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_PRIORITY] =
    g_param_spec_enum ("priority", NULL, NULL, MEASURES_TYPE_PRIORITY,
                       MEASURES_PRIORITY_HIGH, flags);
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, MEASURES_TYPE_STATUS,
                       MEASURES_STATUS_PLANNED, flags);
  properties[PROP_STATUS_DERIVED] =
    g_param_spec_boolean ("status-derived", NULL, NULL, FALSE, flags);
  properties[PROP_PROGRESS] =
    g_param_spec_uint ("progress", NULL, NULL, 0, 100, 0, flags);
  properties[PROP_OBJECTIVES] =
    g_param_spec_boxed ("objectives", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_LEAD_OFFICES] =
    g_param_spec_boxed ("lead-offices", NULL, NULL, G_TYPE_STRV, flags);
  properties[PROP_INVOLVED_OFFICES] =
    g_param_spec_boxed ("involved-offices", NULL, NULL, G_TYPE_STRV, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
measures_measure_init (MeasuresMeasure *self)
{
  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    self->strings[i] = g_strdup ("");
  self->objectives = g_new0 (char *, 1);
  self->lead_offices = g_new0 (char *, 1);
  self->involved_offices = g_new0 (char *, 1);
}

#define STRING_GETTER(name, PROP) \
  const char * \
  measures_measure_get_##name (MeasuresMeasure *self) \
  { \
    g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL); \
    return self->strings[STRING_INDEX (PROP)]; \
  }

STRING_GETTER (title, PROP_TITLE)
STRING_GETTER (description, PROP_DESCRIPTION)
STRING_GETTER (lead, PROP_LEAD)
STRING_GETTER (actors, PROP_ACTORS)
STRING_GETTER (period, PROP_PERIOD)
STRING_GETTER (costs, PROP_COSTS)

static const char *
nullable (const char *value)
{
  return value[0] ? value : NULL;
}

/**
 * measures_measure_get_overview_title:
 *
 * Returns: (nullable): the title as the overview table prints it, or %NULL
 *   when it is the same as the detail sheet's
 */
const char *
measures_measure_get_overview_title (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);
  return nullable (self->strings[STRING_INDEX (PROP_OVERVIEW_TITLE)]);
}

/**
 * measures_measure_get_overview_lead:
 *
 * Returns: (nullable): the lead as the overview table prints it, or %NULL
 *   when it is the same as the detail sheet's
 */
const char *
measures_measure_get_overview_lead (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);
  return nullable (self->strings[STRING_INDEX (PROP_OVERVIEW_LEAD)]);
}

/**
 * measures_measure_get_updated:
 *
 * Returns: (nullable): when the measure was last changed (ISO 8601, UTC),
 *   or %NULL if it is as imported
 */
const char *
measures_measure_get_updated (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);
  return nullable (self->strings[STRING_INDEX (PROP_UPDATED)]);
}

/**
 * measures_measure_get_removed:
 *
 * Returns: (nullable): when the measure was removed (ISO 8601, UTC), or
 *   %NULL if it is part of the strategy
 */
const char *
measures_measure_get_removed (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);
  return nullable (self->strings[STRING_INDEX (PROP_REMOVED)]);
}

gint64
measures_measure_get_revision (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), 0);
  return self->revision;
}

MeasuresStatus
measures_measure_get_status (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), MEASURES_STATUS_PLANNED);
  return self->status;
}

/**
 * measures_measure_get_status_derived:
 *
 * Returns: %TRUE while the status is the one derived from the printed
 *   realization period, and nobody has set it yet
 */
gboolean
measures_measure_get_status_derived (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), FALSE);
  return self->status_derived;
}

guint
measures_measure_get_progress (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), 0);
  return self->progress;
}

/**
 * measures_measure_copy_with:
 * @first_property: the name of the first property to change, or %NULL
 * @...: its value, then more name/value pairs, ending with %NULL
 *
 * Measures are immutable; an edit makes a changed copy.
 *
 * Returns: (transfer full): a copy of @self with the given properties
 *   changed
 */
MeasuresMeasure *
measures_measure_copy_with (MeasuresMeasure *self,
                            const char      *first_property,
                            ...)
{
  MeasuresMeasure *copy;
  va_list args;

  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);

  va_start (args, first_property);
  copy = measures_copy_with_valist (G_OBJECT (self), properties + 1, N_PROPS - 1, first_property,
                                    args);
  va_end (args);

  return copy;
}

gint64
measures_measure_get_id (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), 0);
  return self->id;
}

guint
measures_measure_get_goal (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), 0);
  return self->goal;
}

guint
measures_measure_get_position (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), 0);
  return self->position;
}

MeasuresPriority
measures_measure_get_priority (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), MEASURES_PRIORITY_HIGH);
  return self->priority;
}

const char * const *
measures_measure_get_objectives (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);
  return (const char * const *)self->objectives;
}

const char * const *
measures_measure_get_lead_offices (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);
  return (const char * const *)self->lead_offices;
}

const char * const *
measures_measure_get_involved_offices (MeasuresMeasure *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), NULL);
  return (const char * const *)self->involved_offices;
}

/**
 * measures_measure_has_office:
 * @abbreviation: an office's abbreviation
 * @role: whether to look at the leading or the involved offices
 *
 * Returns: %TRUE if the office has @role in this measure
 */
gboolean
measures_measure_has_office (MeasuresMeasure *self,
                             const char      *abbreviation,
                             MeasuresRole     role)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE (self), FALSE);
  g_return_val_if_fail (abbreviation != NULL, FALSE);

  return g_strv_contains ((const char * const *)(role == MEASURES_ROLE_LEAD ?
                                                 self->lead_offices : self->involved_offices),
                          abbreviation);
}

static gboolean
too_long (const char *text,
          glong       limit)
{
  return g_utf8_strlen (text, -1) > limit;
}

/**
 * measures_measure_validate:
 * @measure: a measure about to be stored
 * @field: (out) (optional): the name of the offending field, e.g. "title"
 * @error: return location for a %MEASURES_STORE_ERROR_INVALID error
 *
 * Checks what every stored measure must satisfy: a title, text of sane
 * length, valid UTF-8 everywhere.
 *
 * Returns: %TRUE if @measure may be stored
 */
gboolean
measures_measure_validate (MeasuresMeasure  *measure,
                           const char      **field,
                           GError          **error)
{
  g_autofree char *title = NULL;
  const char * const *objectives;
  struct {
    const char *field;
    const char *text;
    glong limit;
  } texts[] = {
    { "title", measures_measure_get_title (measure), MEASURES_MAX_TITLE_LENGTH },
    { "description", measures_measure_get_description (measure), MEASURES_MAX_TEXT_LENGTH },
    { "lead", measures_measure_get_lead (measure), MEASURES_MAX_LINE_LENGTH },
    { "actors", measures_measure_get_actors (measure), MEASURES_MAX_LINE_LENGTH },
    { "period", measures_measure_get_period (measure), MEASURES_MAX_LINE_LENGTH },
    { "costs", measures_measure_get_costs (measure), MEASURES_MAX_LINE_LENGTH },
  };

  g_return_val_if_fail (MEASURES_IS_MEASURE (measure), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (!g_utf8_validate (texts[i].text, -1, NULL))
        {
          if (field)
            *field = texts[i].field;
          g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                               _("The text contains characters that are not valid."));
          return FALSE;
        }

      if (too_long (texts[i].text, texts[i].limit))
        {
          if (field)
            *field = texts[i].field;
          g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                       ngettext ("The text is too long: at most %ld character.",
                                 "The text is too long: at most %ld characters.",
                                 texts[i].limit),
                       texts[i].limit);
          return FALSE;
        }
    }

  title = g_strstrip (g_strdup (measures_measure_get_title (measure)));
  if (title[0] == '\0')
    {
      if (field)
        *field = "title";
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("A measure needs a title."));
      return FALSE;
    }

  objectives = measures_measure_get_objectives (measure);
  if (g_strv_length ((GStrv)objectives) > MEASURES_MAX_OBJECTIVES)
    {
      if (field)
        *field = "objectives";
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("A measure has at most %d objectives."), MEASURES_MAX_OBJECTIVES);
      return FALSE;
    }

  for (guint i = 0; objectives[i] != NULL; i++)
    {
      if (!g_utf8_validate (objectives[i], -1, NULL) ||
          too_long (objectives[i], MEASURES_MAX_LINE_LENGTH))
        {
          if (field)
            *field = "objectives";
          g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                       _("Objective %u is too long or not valid text: at most %d characters."),
                       i + 1, MEASURES_MAX_LINE_LENGTH);
          return FALSE;
        }
    }

  return TRUE;
}
