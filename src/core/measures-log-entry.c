/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-log-entry"

#include "config.h"

#include <string.h>

#include "measures-day.h"
#include "measures-log-entry.h"

/**
 * MeasuresLogEntry:
 *
 * One dated entry of a measure's progress log: who reported what status,
 * which percentage, and a note. An undone entry is kept, marked withdrawn.
 */
struct _MeasuresLogEntry
{
  GObject parent_instance;

  gint64 id;
  gint64 measure_id;
  char *date;
  char *author;
  MeasuresStatus status;
  guint progress;
  char *text;
  char *withdrawn;
  char *reported_for;
};

G_DEFINE_FINAL_TYPE (MeasuresLogEntry, measures_log_entry, G_TYPE_OBJECT)

static void
measures_log_entry_finalize (GObject *object)
{
  MeasuresLogEntry *self = (MeasuresLogEntry *)object;

  g_free (self->date);
  g_free (self->author);
  g_free (self->text);
  g_free (self->withdrawn);
  g_free (self->reported_for);

  G_OBJECT_CLASS (measures_log_entry_parent_class)->finalize (object);
}

static void
measures_log_entry_class_init (MeasuresLogEntryClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = measures_log_entry_finalize;
}

static void
measures_log_entry_init (MeasuresLogEntry *self)
{
}

/**
 * measures_log_entry_new:
 * @date: when the entry was made, ISO 8601 in UTC
 * @withdrawn: (nullable): when the entry was undone, or %NULL
 *
 * Returns: (transfer full): a log entry as read from the store
 */
MeasuresLogEntry *
measures_log_entry_new (gint64          id,
                        gint64          measure_id,
                        const char     *date,
                        const char     *author,
                        MeasuresStatus  status,
                        guint           progress,
                        const char     *text,
                        const char     *withdrawn)
{
  MeasuresLogEntry *self = g_object_new (MEASURES_TYPE_LOG_ENTRY, NULL);

  self->id = id;
  self->measure_id = measure_id;
  self->date = g_strdup (date);
  self->author = g_strdup (author);
  self->status = status;
  self->progress = progress;
  self->text = g_strdup (text);
  self->withdrawn = g_strdup (withdrawn);

  return self;
}

gint64
measures_log_entry_get_id (MeasuresLogEntry *self)
{
  g_return_val_if_fail (MEASURES_IS_LOG_ENTRY (self), 0);
  return self->id;
}

/**
 * measures_log_entry_get_measure_id:
 *
 * Returns: the id of the measure the entry reports on
 */
gint64
measures_log_entry_get_measure_id (MeasuresLogEntry *self)
{
  g_return_val_if_fail (MEASURES_IS_LOG_ENTRY (self), 0);
  return self->measure_id;
}

const char *
measures_log_entry_get_date (MeasuresLogEntry *self)
{
  g_return_val_if_fail (MEASURES_IS_LOG_ENTRY (self), NULL);
  return self->date;
}

const char *
measures_log_entry_get_author (MeasuresLogEntry *self)
{
  g_return_val_if_fail (MEASURES_IS_LOG_ENTRY (self), NULL);
  return self->author;
}

MeasuresStatus
measures_log_entry_get_status (MeasuresLogEntry *self)
{
  g_return_val_if_fail (MEASURES_IS_LOG_ENTRY (self), MEASURES_STATUS_PLANNED);
  return self->status;
}

guint
measures_log_entry_get_progress (MeasuresLogEntry *self)
{
  g_return_val_if_fail (MEASURES_IS_LOG_ENTRY (self), 0);
  return self->progress;
}

const char *
measures_log_entry_get_text (MeasuresLogEntry *self)
{
  g_return_val_if_fail (MEASURES_IS_LOG_ENTRY (self), NULL);
  return self->text;
}

/**
 * measures_log_entry_get_withdrawn:
 *
 * Returns: (nullable): when the entry was undone, or %NULL
 */
const char *
measures_log_entry_get_withdrawn (MeasuresLogEntry *self)
{
  g_return_val_if_fail (MEASURES_IS_LOG_ENTRY (self), NULL);
  return self->withdrawn;
}

/**
 * measures_log_entry_get_reported_for:
 *
 * The day the report is about, which may be before the day it was
 * written down (measures_log_entry_get_date() is when it was recorded).
 * Entries recorded before reports could be dated are about the day they
 * were recorded.
 *
 * Returns: (nullable): an ISO 8601 date, YYYY-MM-DD; %NULL when neither
 *   it nor the time of recording tells a day
 */
const char *
measures_log_entry_get_reported_for (MeasuresLogEntry *self)
{
  g_return_val_if_fail (MEASURES_IS_LOG_ENTRY (self), NULL);

  if (self->reported_for == NULL && self->date != NULL)
    {
      g_autofree char *day = g_strndup (self->date, 10);

      /* A time of recording that is no time (an imported file's) tells
       * no day either. */
      if (strlen (day) == 10 && measures_day_from_iso8601 (day) != 0)
        self->reported_for = g_steal_pointer (&day);
    }
  return self->reported_for;
}

/**
 * measures_log_entry_set_reported_for:
 * @day: (nullable): an ISO 8601 date, or %NULL for the day it was recorded
 */
void
measures_log_entry_set_reported_for (MeasuresLogEntry *self,
                                     const char       *day)
{
  g_return_if_fail (MEASURES_IS_LOG_ENTRY (self));

  g_free (self->reported_for);
  self->reported_for = g_strdup (day);
}
