/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-indicator"

#include "config.h"

#include <math.h>
#include <stdio.h>
#include <string.h>
#include <glib/gi18n.h>

#include "measures-copy-with.h"
#include "measures-indicator.h"
#include "measures-measure-diff.h"
#include "measures-store.h"

/**
 * MeasuresIndicator:
 *
 * An impact goal or key figure of the strategy: what is measured, in which
 * unit, where it started (the baseline), which way it should go and which
 * values it should reach by when (the targets). It belongs to a goal or to
 * one measure, and one office answers for its values. Immutable, like
 * #MeasuresMeasure: an edit is a copy made with measures_indicator_copy_with().
 */
struct _MeasuresIndicator
{
  GObject parent_instance;

  gint64 id;
  gint64 revision;
  guint goal;
  gint64 measure_id;
  double baseline_value;
  MeasuresDirection direction;
  guint interval_months;
  char *strings[7];
  GPtrArray *targets;
};

G_DEFINE_FINAL_TYPE (MeasuresIndicator, measures_indicator, G_TYPE_OBJECT)

/* The string properties come first so that their ids index self->strings;
 * the nullable ones last. */
enum {
  PROP_0,
  PROP_NAME,
  PROP_UNIT,
  PROP_DESCRIPTION,
  PROP_OFFICE,
  PROP_BASELINE_DATE,
  PROP_UPDATED,
  PROP_REMOVED,
  PROP_ID,
  PROP_REVISION,
  PROP_GOAL,
  PROP_MEASURE_ID,
  PROP_BASELINE_VALUE,
  PROP_DIRECTION,
  PROP_INTERVAL_MONTHS,
  PROP_TARGETS,
  N_PROPS
};

#define STRING_INDEX(prop) ((prop) - PROP_NAME)
#define FIRST_NULLABLE PROP_BASELINE_DATE

static GParamSpec *properties[N_PROPS];

/* Targets ----------------------------------------------------------------- */

static void
target_free (gpointer data)
{
  MeasuresIndicatorTarget *target = data;

  g_free (target->date);
  g_free (target);
}

/**
 * measures_indicator_targets_new:
 *
 * Returns: (transfer full) (element-type MeasuresIndicatorTarget): an
 *   empty list of targets, for the "targets" property
 */
GPtrArray *
measures_indicator_targets_new (void)
{
  return g_ptr_array_new_with_free_func (target_free);
}

/**
 * measures_indicator_targets_add:
 * @targets: a list made with measures_indicator_targets_new()
 * @date: by when, an ISO 8601 date
 * @value: the value to reach
 */
void
measures_indicator_targets_add (GPtrArray  *targets,
                                const char *date,
                                double      value)
{
  MeasuresIndicatorTarget *target = g_new0 (MeasuresIndicatorTarget, 1);

  g_return_if_fail (targets != NULL);

  target->date = g_strdup (date ? date : "");
  target->value = value;
  g_ptr_array_add (targets, target);
}

static GPtrArray *
targets_copy (GPtrArray *targets)
{
  GPtrArray *copy = measures_indicator_targets_new ();

  for (guint i = 0; targets != NULL && i < targets->len; i++)
    {
      const MeasuresIndicatorTarget *target = g_ptr_array_index (targets, i);

      measures_indicator_targets_add (copy, target->date, target->value);
    }

  return copy;
}

/* A GPtrArray of its own type, so that the property says what it holds. */
typedef GPtrArray MeasuresIndicatorTargets;

G_DEFINE_BOXED_TYPE (MeasuresIndicatorTargets, measures_indicator_targets,
                     targets_copy, g_ptr_array_unref)

/* The object ---------------------------------------------------------------- */

static void
measures_indicator_finalize (GObject *object)
{
  MeasuresIndicator *self = (MeasuresIndicator *)object;

  for (guint i = 0; i < G_N_ELEMENTS (self->strings); i++)
    g_free (self->strings[i]);
  g_clear_pointer (&self->targets, g_ptr_array_unref);

  G_OBJECT_CLASS (measures_indicator_parent_class)->finalize (object);
}

static void
measures_indicator_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  MeasuresIndicator *self = MEASURES_INDICATOR (object);

  switch (prop_id)
    {
    case PROP_NAME ... PROP_REMOVED:
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
    case PROP_MEASURE_ID:
      g_value_set_int64 (value, self->measure_id);
      break;
    case PROP_BASELINE_VALUE:
      g_value_set_double (value, self->baseline_value);
      break;
    case PROP_DIRECTION:
      g_value_set_enum (value, self->direction);
      break;
    case PROP_INTERVAL_MONTHS:
      g_value_set_uint (value, self->interval_months);
      break;
    case PROP_TARGETS:
      g_value_set_boxed (value, self->targets);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_indicator_set_property (GObject      *object,
                                 guint         prop_id,
                                 const GValue *value,
                                 GParamSpec   *pspec)
{
  MeasuresIndicator *self = MEASURES_INDICATOR (object);
  char **field;

  switch (prop_id)
    {
    case PROP_NAME ... PROP_REMOVED:
      field = &self->strings[STRING_INDEX (prop_id)];
      g_free (*field);
      *field = g_value_dup_string (value);
      /* Empty and unset are the same; the nullable ones keep NULL. */
      if (prop_id >= FIRST_NULLABLE && *field != NULL && (*field)[0] == '\0')
        g_clear_pointer (field, g_free);
      else if (prop_id < FIRST_NULLABLE && *field == NULL)
        *field = g_strdup ("");
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
    case PROP_MEASURE_ID:
      self->measure_id = g_value_get_int64 (value);
      break;
    case PROP_BASELINE_VALUE:
      self->baseline_value = g_value_get_double (value);
      break;
    case PROP_DIRECTION:
      self->direction = g_value_get_enum (value);
      break;
    case PROP_INTERVAL_MONTHS:
      self->interval_months = g_value_get_uint (value);
      break;
    case PROP_TARGETS:
      g_clear_pointer (&self->targets, g_ptr_array_unref);
      self->targets = targets_copy (g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_indicator_class_init (MeasuresIndicatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  static const char * const string_names[] = {
    "name", "unit", "description", "office", "baseline-date", "updated", "removed",
  };
  const GParamFlags flags = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = measures_indicator_finalize;
  object_class->get_property = measures_indicator_get_property;
  object_class->set_property = measures_indicator_set_property;

  G_STATIC_ASSERT (G_N_ELEMENTS (string_names) == PROP_REMOVED - PROP_NAME + 1);
  for (guint i = 0; i < G_N_ELEMENTS (string_names); i++)
    properties[PROP_NAME + i] = g_param_spec_string (string_names[i], NULL, NULL, NULL, flags);

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /**
   * MeasuresIndicator:revision:
   *
   * The store's revision of the indicator when it was read: a write made
   * on this copy is refused if someone else changed it since.
   */
  properties[PROP_REVISION] =
    g_param_spec_int64 ("revision", NULL, NULL, 0, G_MAXINT64, 0, flags);
  properties[PROP_GOAL] =
    g_param_spec_uint ("goal", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_MEASURE_ID] =
    g_param_spec_int64 ("measure-id", NULL, NULL, 0, G_MAXINT64, 0, flags);
  /* Any double, so that measures_indicator_validate() can name a value
   * that is not finite instead of GObject refusing it silently. */
  properties[PROP_BASELINE_VALUE] =
    g_param_spec_double ("baseline-value", NULL, NULL, -INFINITY, INFINITY, 0, flags);
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, MEASURES_TYPE_DIRECTION, MEASURES_DIRECTION_UP,
                       flags);
  properties[PROP_INTERVAL_MONTHS] =
    g_param_spec_uint ("interval-months", NULL, NULL, 0, G_MAXUINT, 0, flags);
  properties[PROP_TARGETS] =
    g_param_spec_boxed ("targets", NULL, NULL, MEASURES_TYPE_INDICATOR_TARGETS, flags);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
measures_indicator_init (MeasuresIndicator *self)
{
  for (guint i = 0; i < STRING_INDEX (FIRST_NULLABLE); i++)
    self->strings[i] = g_strdup ("");
  self->targets = measures_indicator_targets_new ();
}

/**
 * measures_indicator_new:
 *
 * Returns: (transfer full): an empty indicator, to fill with
 *   measures_indicator_copy_with()
 */
MeasuresIndicator *
measures_indicator_new (void)
{
  return g_object_new (MEASURES_TYPE_INDICATOR, NULL);
}

/**
 * measures_indicator_copy_with:
 * @first_property: the name of the first property to change, or %NULL
 * @...: its value, then more name/value pairs, ending with %NULL
 *
 * Indicators are immutable; an edit makes a changed copy.
 *
 * Returns: (transfer full): a copy of @self with the given properties
 *   changed
 */
MeasuresIndicator *
measures_indicator_copy_with (MeasuresIndicator *self,
                              const char        *first_property,
                              ...)
{
  MeasuresIndicator *copy;
  va_list args;

  g_return_val_if_fail (MEASURES_IS_INDICATOR (self), NULL);

  va_start (args, first_property);
  copy = measures_copy_with_valist (G_OBJECT (self), properties + 1, N_PROPS - 1, first_property,
                                    args);
  va_end (args);

  return copy;
}

/* Getters ------------------------------------------------------------------- */

gint64
measures_indicator_get_id (MeasuresIndicator *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR (self), 0);
  return self->id;
}

gint64
measures_indicator_get_revision (MeasuresIndicator *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR (self), 0);
  return self->revision;
}

/**
 * measures_indicator_get_goal:
 *
 * Returns: the number of the goal the indicator belongs to, or 0 when it
 *   belongs to a measure
 */
guint
measures_indicator_get_goal (MeasuresIndicator *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR (self), 0);
  return self->goal;
}

/**
 * measures_indicator_get_measure_id:
 *
 * Returns: the id of the measure the indicator belongs to, or 0 when it
 *   belongs to a goal
 */
gint64
measures_indicator_get_measure_id (MeasuresIndicator *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR (self), 0);
  return self->measure_id;
}

#define STRING_GETTER(name, PROP) \
  const char * \
  measures_indicator_get_##name (MeasuresIndicator *self) \
  { \
    g_return_val_if_fail (MEASURES_IS_INDICATOR (self), NULL); \
    return self->strings[STRING_INDEX (PROP)]; \
  }

STRING_GETTER (name, PROP_NAME)
STRING_GETTER (unit, PROP_UNIT)
STRING_GETTER (description, PROP_DESCRIPTION)

/**
 * measures_indicator_get_office:
 *
 * Returns: the abbreviation of the office that answers for the values,
 *   or "" when none does (then only coordinators record them)
 */
STRING_GETTER (office, PROP_OFFICE)

/**
 * measures_indicator_get_baseline_date:
 *
 * Returns: (nullable): when the baseline was measured, an ISO 8601 date
 */
STRING_GETTER (baseline_date, PROP_BASELINE_DATE)

/**
 * measures_indicator_get_updated:
 *
 * Returns: (nullable): when the indicator or its values last changed
 *   (ISO 8601, UTC)
 */
STRING_GETTER (updated, PROP_UPDATED)

/**
 * measures_indicator_get_removed:
 *
 * Returns: (nullable): when the indicator was removed (ISO 8601, UTC), or
 *   %NULL while it is part of the strategy
 */
STRING_GETTER (removed, PROP_REMOVED)

double
measures_indicator_get_baseline_value (MeasuresIndicator *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR (self), 0);
  return self->baseline_value;
}

MeasuresDirection
measures_indicator_get_direction (MeasuresIndicator *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR (self), MEASURES_DIRECTION_UP);
  return self->direction;
}

guint
measures_indicator_get_interval_months (MeasuresIndicator *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR (self), 0);
  return self->interval_months;
}

guint
measures_indicator_get_n_targets (MeasuresIndicator *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR (self), 0);
  return self->targets->len;
}

const MeasuresIndicatorTarget *
measures_indicator_get_target (MeasuresIndicator *self,
                               guint              i)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR (self), NULL);
  g_return_val_if_fail (i < self->targets->len, NULL);
  return g_ptr_array_index (self->targets, i);
}

/* Validation ----------------------------------------------------------------- */

/**
 * measures_indicator_check_date:
 * @date: (nullable): text
 *
 * Returns: %TRUE if @date is a calendar date written as ISO 8601 does,
 *   "2030-12-31", and nothing else
 */
gboolean
measures_indicator_check_date (const char *date)
{
  guint year, month, day;
  int length = 0;

  if (date == NULL || strlen (date) != 10 ||
      sscanf (date, "%4u-%2u-%2u%n", &year, &month, &day, &length) != 3 || length != 10)
    return FALSE;

  for (guint i = 0; i < 10; i++)
    if ((i == 4 || i == 7) ? date[i] != '-' : !g_ascii_isdigit (date[i]))
      return FALSE;

  return year > 0 && g_date_valid_dmy (day, month, year);
}

static gboolean
set_invalid (GError     **error,
             const char **field,
             const char  *name,
             const char  *message)
{
  if (field != NULL)
    *field = name;
  g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID, message);
  return FALSE;
}

/**
 * measures_indicator_validate:
 * @self: an indicator about to be stored
 * @field: (out) (optional): the name of the offending property, e.g. "name"
 * @error: return location for a %MEASURES_STORE_ERROR_INVALID error
 *
 * Checks what every stored indicator must satisfy: a name, text of sane
 * length, a goal or a measure (not both), dates that are dates, numbers
 * that are finite, at most %MEASURES_MAX_INDICATOR_TARGETS targets and a
 * reporting interval of at most five years. Whether the goal, measure and
 * office exist, the store checks.
 *
 * Returns: %TRUE if @self may be stored
 */
gboolean
measures_indicator_validate (MeasuresIndicator  *self,
                             const char        **field,
                             GError            **error)
{
  g_autofree char *name = NULL;
  g_autofree char *message = NULL;
  struct {
    const char *field;
    const char *text;
    glong limit;
    const char *too_long;
  } texts[] = {
    /* Translators: %ld is a number of characters */
    { "name", self->strings[STRING_INDEX (PROP_NAME)], MEASURES_MAX_TITLE_LENGTH,
      N_("The indicator’s name is too long: at most %ld characters.") },
    { "unit", self->strings[STRING_INDEX (PROP_UNIT)], MEASURES_MAX_UNIT_LENGTH,
      N_("The unit is too long: at most %ld characters.") },
    { "description", self->strings[STRING_INDEX (PROP_DESCRIPTION)], MEASURES_MAX_TEXT_LENGTH,
      N_("The description is too long: at most %ld characters.") },
    { "office", self->strings[STRING_INDEX (PROP_OFFICE)], MEASURES_MAX_LINE_LENGTH,
      N_("The office is too long: at most %ld characters.") },
  };

  g_return_val_if_fail (MEASURES_IS_INDICATOR (self), FALSE);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      if (!g_utf8_validate (texts[i].text, -1, NULL))
        return set_invalid (error, field, texts[i].field,
                            _("The text contains characters that are not valid."));

      if (g_utf8_strlen (texts[i].text, -1) > texts[i].limit)
        {
          message = g_strdup_printf (_(texts[i].too_long), texts[i].limit);
          return set_invalid (error, field, texts[i].field, message);
        }
    }

  name = g_strstrip (g_strdup (self->strings[STRING_INDEX (PROP_NAME)]));
  if (name[0] == '\0')
    return set_invalid (error, field, "name", _("An indicator needs a name."));

  if (self->goal != 0 && self->measure_id != 0)
    return set_invalid (error, field, "goal",
                        _("An indicator belongs to a goal or to a measure, not to both."));
  if (self->goal == 0 && self->measure_id == 0)
    return set_invalid (error, field, "goal",
                        _("An indicator needs a goal or a measure it belongs to."));

  if (!isfinite (self->baseline_value))
    return set_invalid (error, field, "baseline-value", _("The baseline is not a number."));

  if (self->strings[STRING_INDEX (PROP_BASELINE_DATE)] != NULL &&
      !measures_indicator_check_date (self->strings[STRING_INDEX (PROP_BASELINE_DATE)]))
    {
      message = g_strdup_printf (_("The baseline’s date “%s” is not a date such as 2030-12-31."),
                                 self->strings[STRING_INDEX (PROP_BASELINE_DATE)]);
      return set_invalid (error, field, "baseline-date", message);
    }

  if (self->direction != MEASURES_DIRECTION_UP && self->direction != MEASURES_DIRECTION_DOWN)
    return set_invalid (error, field, "direction", _("The direction is not valid."));

  if (self->interval_months > 60)
    return set_invalid (error, field, "interval-months",
                        _("The reporting interval is at most 60 months."));

  if (self->targets->len > MEASURES_MAX_INDICATOR_TARGETS)
    {
      message = g_strdup_printf (_("An indicator has at most %d targets."),
                                 MEASURES_MAX_INDICATOR_TARGETS);
      return set_invalid (error, field, "targets", message);
    }

  for (guint i = 0; i < self->targets->len; i++)
    {
      const MeasuresIndicatorTarget *target = g_ptr_array_index (self->targets, i);

      if (!measures_indicator_check_date (target->date))
        {
          /* Translators: %u is the target's number, from 1 */
          message = g_strdup_printf (_("The date “%s” of target %u is not a date such as "
                                       "2030-12-31."), target->date, i + 1);
          return set_invalid (error, field, "targets", message);
        }
      if (!isfinite (target->value))
        {
          message = g_strdup_printf (_("The value of target %u is not a number."), i + 1);
          return set_invalid (error, field, "targets", message);
        }
    }

  return TRUE;
}

/* Differences, for the history ----------------------------------------------- */

static char *
direction_text (MeasuresDirection direction)
{
  return g_strdup (direction == MEASURES_DIRECTION_DOWN ? "down" : "up");
}

/* Numbers as the history keeps them: in C notation, exact. */
static char *
number_text (double value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  return g_strdup (g_ascii_dtostr (buffer, sizeof buffer, value));
}

/* "2025-12-31 30\n2030-12-31 50": one target a line. */
static char *
targets_text (MeasuresIndicator *self)
{
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < self->targets->len; i++)
    {
      const MeasuresIndicatorTarget *target = g_ptr_array_index (self->targets, i);
      g_autofree char *value = number_text (target->value);

      g_string_append_printf (text, "%s%s %s", i > 0 ? "\n" : "", target->date, value);
    }

  return g_string_free (text, FALSE);
}

static char *
uint_text (guint64 value)
{
  return value != 0 ? g_strdup_printf ("%" G_GUINT64_FORMAT, value) : NULL;
}

/**
 * measures_indicator_diff:
 * @before: the indicator as stored
 * @after: the indicator as edited
 *
 * Compares what an edit of an indicator may change, in the format of
 * measures_measure_diff(): fields "name", "unit", "description", "goal",
 * "measure", "office", "baseline_value", "baseline_date", "direction",
 * "interval", "targets".
 *
 * Returns: (transfer full) (element-type MeasuresFieldChange): the fields
 *   that differ, empty if none does
 */
GArray *
measures_indicator_diff (MeasuresIndicator *before,
                         MeasuresIndicator *after)
{
  GArray *changes;

  g_return_val_if_fail (MEASURES_IS_INDICATOR (before), NULL);
  g_return_val_if_fail (MEASURES_IS_INDICATOR (after), NULL);

  changes = measures_field_changes_new ();

#define TEXT(name, prop) \
  measures_field_changes_add (changes, name, g_strdup (before->strings[STRING_INDEX (prop)]), \
                              g_strdup (after->strings[STRING_INDEX (prop)]))
  TEXT ("name", PROP_NAME);
  TEXT ("unit", PROP_UNIT);
  TEXT ("description", PROP_DESCRIPTION);
  measures_field_changes_add (changes, "goal", uint_text (before->goal),
                              uint_text (after->goal));
  measures_field_changes_add (changes, "measure", uint_text (before->measure_id),
                              uint_text (after->measure_id));
  TEXT ("office", PROP_OFFICE);
  measures_field_changes_add (changes, "baseline_value", number_text (before->baseline_value),
                              number_text (after->baseline_value));
  TEXT ("baseline_date", PROP_BASELINE_DATE);
#undef TEXT
  measures_field_changes_add (changes, "direction", direction_text (before->direction),
                              direction_text (after->direction));
  measures_field_changes_add (changes, "interval",
                              g_strdup_printf ("%u", before->interval_months),
                              g_strdup_printf ("%u", after->interval_months));
  measures_field_changes_add (changes, "targets", targets_text (before), targets_text (after));

  return changes;
}

/* Values ---------------------------------------------------------------------- */

/**
 * MeasuresIndicatorValue:
 *
 * One measured value of an indicator: as of which date, the value, a note,
 * and who recorded it when.
 */
struct _MeasuresIndicatorValue
{
  GObject parent_instance;

  gint64 id;
  gint64 indicator_id;
  char *date;
  double value;
  char *note;
  char *author;
  char *recorded;
};

G_DEFINE_FINAL_TYPE (MeasuresIndicatorValue, measures_indicator_value, G_TYPE_OBJECT)

static void
measures_indicator_value_finalize (GObject *object)
{
  MeasuresIndicatorValue *self = (MeasuresIndicatorValue *)object;

  g_free (self->date);
  g_free (self->note);
  g_free (self->author);
  g_free (self->recorded);

  G_OBJECT_CLASS (measures_indicator_value_parent_class)->finalize (object);
}

static void
measures_indicator_value_class_init (MeasuresIndicatorValueClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = measures_indicator_value_finalize;
}

static void
measures_indicator_value_init (MeasuresIndicatorValue *self)
{
}

/**
 * measures_indicator_value_new:
 * @date: as of when the value was measured, an ISO 8601 date
 * @note: (nullable): a note, e.g. the source
 * @author: (nullable): who recorded it
 * @recorded: (nullable): when it was recorded (ISO 8601, UTC)
 *
 * Returns: (transfer full): a value as read from the store, or to be
 *   stored
 */
MeasuresIndicatorValue *
measures_indicator_value_new (gint64      id,
                              gint64      indicator_id,
                              const char *date,
                              double      value,
                              const char *note,
                              const char *author,
                              const char *recorded)
{
  MeasuresIndicatorValue *self = g_object_new (MEASURES_TYPE_INDICATOR_VALUE, NULL);

  self->id = id;
  self->indicator_id = indicator_id;
  self->date = g_strdup (date ? date : "");
  self->value = value;
  self->note = g_strdup (note ? note : "");
  self->author = g_strdup (author ? author : "");
  self->recorded = g_strdup (recorded ? recorded : "");

  return self;
}

gint64
measures_indicator_value_get_id (MeasuresIndicatorValue *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR_VALUE (self), 0);
  return self->id;
}

gint64
measures_indicator_value_get_indicator_id (MeasuresIndicatorValue *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR_VALUE (self), 0);
  return self->indicator_id;
}

const char *
measures_indicator_value_get_date (MeasuresIndicatorValue *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR_VALUE (self), NULL);
  return self->date;
}

double
measures_indicator_value_get_value (MeasuresIndicatorValue *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR_VALUE (self), 0);
  return self->value;
}

const char *
measures_indicator_value_get_note (MeasuresIndicatorValue *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR_VALUE (self), NULL);
  return self->note;
}

const char *
measures_indicator_value_get_author (MeasuresIndicatorValue *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR_VALUE (self), NULL);
  return self->author;
}

const char *
measures_indicator_value_get_recorded (MeasuresIndicatorValue *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR_VALUE (self), NULL);
  return self->recorded;
}
