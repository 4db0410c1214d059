/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-change"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-change.h"

/**
 * MeasuresChange:
 *
 * One row of a measure's history: when, who, which field, the old and the
 * new value. History is only ever appended to; an undo is a change too.
 */
struct _MeasuresChange
{
  GObject parent_instance;

  gint64 id;
  gint64 measure_id;
  char *date;
  char *author;
  char *field;
  char *old_value;
  char *new_value;
};

G_DEFINE_FINAL_TYPE (MeasuresChange, measures_change, G_TYPE_OBJECT)

/* The stable field names written to the database, and how to show them. */
static const struct {
  const char *field;
  const char *label;
} field_labels[] = {
  { "created", N_("Created") },
  { "removed", N_("Removed") },
  { "restored", N_("Restored") },
  { "title", N_("Title") },
  { "goal", N_("Goal") },
  { "description", N_("Short description") },
  { "objectives", N_("Objectives") },
  { "lead", N_("Lead (printed)") },
  { "actors", N_("Involved (printed)") },
  { "lead_offices", N_("Lead offices") },
  { "involved_offices", N_("Involved offices") },
  { "priority", N_("Priority") },
  { "period", N_("Realization period") },
  { "costs", N_("Costs") },
  { "status", N_("Status") },
  { "progress", N_("Progress") },
  { "log", N_("Progress log") },
  { "report", N_("Progress report corrected") },
};

static void
measures_change_finalize (GObject *object)
{
  MeasuresChange *self = (MeasuresChange *)object;

  g_free (self->date);
  g_free (self->author);
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);

  G_OBJECT_CLASS (measures_change_parent_class)->finalize (object);
}

static void
measures_change_class_init (MeasuresChangeClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = measures_change_finalize;
}

static void
measures_change_init (MeasuresChange *self)
{
}

/**
 * measures_change_new:
 * @field: the changed field's stable name, e.g. "title"
 * @old_value: (nullable): the value before
 * @new_value: (nullable): the value after
 *
 * Returns: (transfer full): a history row as read from the store
 */
MeasuresChange *
measures_change_new (gint64      id,
                     gint64      measure_id,
                     const char *date,
                     const char *author,
                     const char *field,
                     const char *old_value,
                     const char *new_value)
{
  MeasuresChange *self = g_object_new (MEASURES_TYPE_CHANGE, NULL);

  self->id = id;
  self->measure_id = measure_id;
  self->date = g_strdup (date);
  self->author = g_strdup (author);
  self->field = g_strdup (field);
  self->old_value = g_strdup (old_value);
  self->new_value = g_strdup (new_value);

  return self;
}

gint64
measures_change_get_id (MeasuresChange *self)
{
  g_return_val_if_fail (MEASURES_IS_CHANGE (self), 0);
  return self->id;
}

const char *
measures_change_get_date (MeasuresChange *self)
{
  g_return_val_if_fail (MEASURES_IS_CHANGE (self), NULL);
  return self->date;
}

const char *
measures_change_get_author (MeasuresChange *self)
{
  g_return_val_if_fail (MEASURES_IS_CHANGE (self), NULL);
  return self->author;
}

const char *
measures_change_get_field (MeasuresChange *self)
{
  g_return_val_if_fail (MEASURES_IS_CHANGE (self), NULL);
  return self->field;
}

/**
 * measures_change_get_old_value:
 *
 * Returns: (nullable): the value before the change
 */
const char *
measures_change_get_old_value (MeasuresChange *self)
{
  g_return_val_if_fail (MEASURES_IS_CHANGE (self), NULL);
  return self->old_value;
}

/**
 * measures_change_get_new_value:
 *
 * Returns: (nullable): the value after the change
 */
const char *
measures_change_get_new_value (MeasuresChange *self)
{
  g_return_val_if_fail (MEASURES_IS_CHANGE (self), NULL);
  return self->new_value;
}

/**
 * measures_change_get_field_label:
 *
 * Returns: the changed field's name in the interface language
 */
const char *
measures_change_get_field_label (MeasuresChange *self)
{
  g_return_val_if_fail (MEASURES_IS_CHANGE (self), NULL);

  return measures_field_get_label (self->field);
}

/**
 * measures_field_get_label:
 * @field: a field's name as the history writes it, e.g. "lead_offices"
 *
 * Returns: the field's name in the interface language, or @field itself
 *   if it is not known
 */
const char *
measures_field_get_label (const char *field)
{
  g_return_val_if_fail (field != NULL, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (field_labels); i++)
    if (g_str_equal (field_labels[i].field, field))
      return _(field_labels[i].label);

  return field;
}
