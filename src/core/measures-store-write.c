/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-store"

#include "config.h"

#include <math.h>
#include <string.h>
#include <glib/gi18n.h>

#include "measures-day.h"
#include "measures-measure-diff.h"
#include "measures-store-private.h"

/* The writes with history, the same for every engine: each is one
 * transaction that checks the revision its writer read, changes what it
 * changes, records it in the history, gives the measure the strategy's next
 * revision and commits; the engine only provides the steps (see
 * MeasuresStoreClass). The signals are emitted once it has committed. */

#define ENGINE(self) MEASURES_STORE_GET_CLASS (self)

/* Rolls back a write that failed; for "return fail (self)". */
static gboolean
fail (MeasuresStore *self)
{
  ENGINE (self)->rollback (self);
  return FALSE;
}

/* What a write does, for the message when the user's role does not allow
 * it. */
typedef enum {
  WRITE_SHEET,
  WRITE_PROGRESS,
  WRITE_REMOVAL,
  WRITE_RESTORATION,
  WRITE_CREATION,
  WRITE_INDICATOR_SHEET,
  WRITE_INDICATOR_VALUES,
  WRITE_INDICATOR_REMOVAL,
  WRITE_INDICATOR_RESTORATION,
  WRITE_INDICATOR_CREATION,
} WriteKind;

/* Rolls back a write that failed, as fail (); when the server refused it
 * for the user's role, the message says what was refused and who may do
 * it, rather than which table the server protects. */
static gboolean
fail_write (MeasuresStore  *self,
            WriteKind       kind,
            const char     *title,
            GError        **error)
{
  g_autofree char *message = NULL;

  ENGINE (self)->rollback (self);
  if (error == NULL ||
      !g_error_matches (*error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_NOT_ALLOWED))
    return FALSE;

  switch (kind)
    {
    case WRITE_SHEET:
      message = g_strdup_printf (_("You may not change the sheet of “%s”: only coordinators "
                                   "may."), title);
      break;
    case WRITE_PROGRESS:
      message = g_strdup_printf (_("You may not report progress on “%s”: only coordinators and "
                                   "the offices that lead it or take part in it may."), title);
      break;
    case WRITE_REMOVAL:
      message = g_strdup_printf (_("You may not remove “%s”: only coordinators may."), title);
      break;
    case WRITE_RESTORATION:
      message = g_strdup_printf (_("You may not restore “%s”: only coordinators may."), title);
      break;
    case WRITE_CREATION:
      message = g_strdup (_("You may not create measures: only coordinators may."));
      break;
    case WRITE_INDICATOR_SHEET:
      message = g_strdup_printf (_("You may not change the indicator “%s”: only coordinators "
                                   "may."), title);
      break;
    case WRITE_INDICATOR_VALUES:
      message = g_strdup_printf (_("You may not record or remove values of “%s”: only "
                                   "coordinators and the office responsible for the indicator "
                                   "may."), title);
      break;
    case WRITE_INDICATOR_REMOVAL:
      message = g_strdup_printf (_("You may not remove the indicator “%s”: only coordinators "
                                   "may."), title);
      break;
    case WRITE_INDICATOR_RESTORATION:
      message = g_strdup_printf (_("You may not restore the indicator “%s”: only coordinators "
                                   "may."), title);
      break;
    case WRITE_INDICATOR_CREATION:
      message = g_strdup (_("You may not create indicators: only coordinators may."));
      break;
    default:
      g_assert_not_reached ();
    }

  g_debug ("Refused by the server: %s", (*error)->message);
  g_clear_error (error);
  g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_NOT_ALLOWED, message);
  return FALSE;
}

/* Commits, then tells the listeners. An engine may send the steps of a
 * write together with its commit, so that a refusal of the user's role
 * comes only now: it is told as fail_write () tells it. */
static gboolean
commit (MeasuresStore *self,
        MeasuresWrite *write,
        gint64        *revision,
        WriteKind      kind,
        const char    *title,
        GError       **error)
{
  if (!ENGINE (self)->finish_write (self, write, error))
    return fail_write (self, kind, title, error);

  if (revision != NULL)
    *revision = write->revision;
  if (write->indicator)
    measures_store_emit_indicator_changed (self, write->measure_id);
  else
    measures_store_emit_changed (self, &write->measure_id, 1, write->counts_changed);
  return TRUE;
}

/* Nothing to write after all: the measure or indicator keeps the revision
 * it is stored with. */
static gboolean
unchanged (MeasuresStore *self,
           gint64         stored_revision,
           gint64        *revision)
{
  ENGINE (self)->rollback (self);
  if (revision != NULL)
    *revision = stored_revision;
  return TRUE;
}

/* Begins a write of @part of a measure that its writer read at
 * @base_revision, and reads the measure as it is stored now. */
static MeasuresMeasure *
begin (MeasuresStore  *self,
       gint64          measure_id,
       gint64          base_revision,
       MeasuresPart    part,
       GError        **error)
{
  MeasuresMeasure *stored;

  if (!ENGINE (self)->begin (self, error))
    return NULL;

  if (!ENGINE (self)->check_revision (self, measure_id, base_revision, part, error) ||
      !(stored = measures_store_get_measure (self, measure_id, error)))
    {
      fail (self);
      return NULL;
    }

  return stored;
}

/* A history row of the measure or indicator @id. */
static gboolean
record (MeasuresStore        *self,
        MeasuresHistoryKind   kind,
        gint64                id,
        const char           *now,
        const char           *author,
        const char           *field,
        const char           *old_value,
        const char           *new_value,
        GError              **error)
{
  return ENGINE (self)->record_history (self, kind, id, now, author, field, old_value,
                                        new_value, error);
}

/* One history row for each #MeasuresFieldChange in @changes. */
static gboolean
record_changes (MeasuresStore        *self,
                MeasuresHistoryKind   kind,
                gint64                id,
                const char           *now,
                const char           *author,
                GArray               *changes,
                GError              **error)
{
  for (guint i = 0; i < changes->len; i++)
    {
      const MeasuresFieldChange *change = &g_array_index (changes, MeasuresFieldChange, i);

      if (!record (self, kind, id, now, author, change->field, change->old_text,
                   change->new_text, error))
        return FALSE;
    }

  return TRUE;
}

/* Sets status and progress, with a history row for each that changed. */
static gboolean
write_state (MeasuresStore    *self,
             MeasuresMeasure  *stored,
             MeasuresStatus    status,
             guint             progress,
             gboolean          derived,
             const char       *now,
             const char       *author,
             GError          **error)
{
  gint64 id = measures_measure_get_id (stored);
  g_autoptr(GArray) changes = measures_measure_state_diff (stored, status, progress);

  return ENGINE (self)->write_state (self, id, status, progress, derived, error) &&
         record_changes (self, MEASURES_HISTORY_MEASURE, id, now, author, changes, error);
}

/**
 * measures_store_create_measure:
 * @measure: the new measure; its id and position are ignored, it is added
 *   at the end of its goal
 * @author: who creates it, for the history
 * @revision: (out) (optional): the new measure's revision
 *
 * Creates a measure in one transaction and records it in the history.
 *
 * Returns: the new measure's id, or 0 with @error set
 */
gint64
measures_store_create_measure (MeasuresStore    *self,
                               MeasuresMeasure  *measure,
                               const char       *author,
                               gint64           *revision,
                               GError          **error)
{
  g_autoptr(MeasuresMeasure) fresh = NULL;
  g_autofree char *now = measures_store_now ();
  MeasuresWrite write = { .counts_changed = TRUE };
  gint64 id;

  g_return_val_if_fail (MEASURES_IS_STORE (self), 0);
  g_return_val_if_fail (MEASURES_IS_MEASURE (measure), 0);
  g_return_val_if_fail (author != NULL, 0);

  if (!measures_measure_validate (measure, NULL, error))
    return 0;

  fresh = measures_measure_copy_with (measure,
                                      "id", (gint64)0,
                                      "position", 0,
                                      "updated", now,
                                      "removed", NULL,
                                      NULL);

  if (!ENGINE (self)->begin (self, error))
    return 0;

  id = ENGINE (self)->add_measure (self, fresh, error);
  if (id == 0 ||
      !record (self, MEASURES_HISTORY_MEASURE, id, now, author, "created", NULL,
               measures_measure_get_title (fresh), error) ||
      !ENGINE (self)->bump_revision (self, id, MEASURES_PART_ALL, now, &write, error))
    return fail_write (self, WRITE_CREATION, NULL, error);

  if (!commit (self, &write, revision, WRITE_CREATION, NULL, error))
    return 0;

  return id;
}

/**
 * measures_store_update_measure:
 * @measure: the measure as edited, with the id of the stored one
 * @base_revision: the revision of the measure that the edit started from
 * @author: who edits it, for the history
 * @revision: (out) (optional): the measure's revision after the write
 *
 * Saves the fields of a measure's sheet (title, goal, description,
 * objectives, lead, actors, offices, priority, period, costs) in one
 * transaction, with one history row for each field that changed. Status
 * and progress change through the progress log only.
 *
 * Refused with %MEASURES_STORE_ERROR_CONFLICT when someone else changed
 * the sheet, or removed the measure, after @base_revision; a progress
 * report meanwhile is no conflict.
 *
 * Returns: %FALSE with @error set if nothing was saved
 */
gboolean
measures_store_update_measure (MeasuresStore    *self,
                               MeasuresMeasure  *measure,
                               gint64            base_revision,
                               const char       *author,
                               gint64           *revision,
                               GError          **error)
{
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autofree char *now = measures_store_now ();
  MeasuresWrite write = { 0 };
  const char *title;
  gint64 id;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (MEASURES_IS_MEASURE (measure), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  if (!measures_measure_validate (measure, NULL, error))
    return FALSE;

  id = measures_measure_get_id (measure);
  if (!(stored = begin (self, id, base_revision, MEASURES_PART_SHEET, error)))
    return FALSE;

  changes = measures_measure_diff (stored, measure);
  if (changes->len == 0)
    return unchanged (self, measures_measure_get_revision (stored), revision);
  title = measures_measure_get_title (stored);

  for (guint i = 0; i < changes->len; i++)
    {
      const MeasuresFieldChange *change = &g_array_index (changes, MeasuresFieldChange, i);
      gboolean offices = g_str_has_suffix (change->field, "_offices");

      /* Both lists of offices are written together, once. */
      if (!(offices && write.counts_changed) &&
          !ENGINE (self)->write_field (self, measure, change->field, change->new_text, error))
        return fail_write (self, WRITE_SHEET, title, error);
      write.counts_changed |= offices;

      if (!record (self, MEASURES_HISTORY_MEASURE, id, now, author, change->field,
                   change->old_text, change->new_text, error))
        return fail_write (self, WRITE_SHEET, title, error);
    }

  if (!ENGINE (self)->refresh_search (self, id, error) ||
      !ENGINE (self)->bump_revision (self, id, MEASURES_PART_SHEET, now, &write, error))
    return fail_write (self, WRITE_SHEET, title, error);

  return commit (self, &write, revision, WRITE_SHEET, title, error);
}

/**
 * measures_store_set_removed:
 * @id: a measure's id
 * @base_revision: the revision of the measure that the user saw
 * @removed: %TRUE to remove the measure from the strategy, %FALSE to
 *   restore it
 * @author: who does it, for the history
 * @revision: (out) (optional): the measure's revision after the write
 *
 * Removes a measure, keeping everything about it so that it can be
 * restored, or restores it. Refused with %MEASURES_STORE_ERROR_CONFLICT
 * when anyone changed the measure after @base_revision.
 *
 * Returns: %FALSE with @error set if nothing changed
 */
gboolean
measures_store_set_removed (MeasuresStore  *self,
                            gint64          id,
                            gint64          base_revision,
                            gboolean        removed,
                            const char     *author,
                            gint64         *revision,
                            GError        **error)
{
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autofree char *now = measures_store_now ();
  MeasuresWrite write = { .counts_changed = TRUE };

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  if (!(stored = begin (self, id, base_revision, MEASURES_PART_ALL, error)))
    return FALSE;

  if ((measures_measure_get_removed (stored) != NULL) == !!removed)
    return unchanged (self, measures_measure_get_revision (stored), revision);

  if (!ENGINE (self)->write_removed (self, id, removed ? now : NULL, error) ||
      !record (self, MEASURES_HISTORY_MEASURE, id, now, author,
               removed ? "removed" : "restored", NULL, measures_measure_get_title (stored),
               error) ||
      !ENGINE (self)->bump_revision (self, id, MEASURES_PART_ALL, now, &write, error))
    return fail_write (self, removed ? WRITE_REMOVAL : WRITE_RESTORATION,
                       measures_measure_get_title (stored), error);

  return commit (self, &write, revision, removed ? WRITE_REMOVAL : WRITE_RESTORATION,
                 measures_measure_get_title (stored), error);
}

/**
 * measures_store_today:
 *
 * Returns: (transfer full): today in the local time zone, as reports are
 *   dated: YYYY-MM-DD
 */
char *
measures_store_today (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();

  return g_date_time_format (now, "%F");
}

/**
 * measures_store_check_report:
 * @status: the status a report gives
 * @progress: the progress it gives, in percent
 * @text: (nullable): what it says
 * @reported_for: (nullable): the day it is about, YYYY-MM-DD; %NULL for
 *   today
 *
 * The rules every progress report keeps, new or corrected: a completed
 * measure is at 100 % and a measure at 100 % is completed; the day is a
 * real day and not in the future. The form checks them before it offers
 * to save, the store again before it writes.
 *
 * Returns: %FALSE with @error (%MEASURES_STORE_ERROR_INVALID) set if the
 *   report breaks one
 */
gboolean
measures_store_check_report (MeasuresStatus   status,
                             guint            progress,
                             const char      *text,
                             const char      *reported_for,
                             GError         **error)
{
  if (status >= MEASURES_N_STATUSES || progress > 100)
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("The progress must be between 0 and 100 percent."));
      return FALSE;
    }

  if (status == MEASURES_STATUS_COMPLETED && progress != 100)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("A completed measure is at 100 %%, not %u %%: set the progress to 100 %% "
                     "or choose another status."),
                   progress);
      return FALSE;
    }

  if (status != MEASURES_STATUS_COMPLETED && progress == 100)
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           /* xgettext:no-c-format */
                           _("A measure at 100 % is completed: choose the status “Completed”, "
                             "or a lower progress."));
      return FALSE;
    }

  if (text != NULL && !measures_store_check_log_text (text, error))
    return FALSE;

  if (reported_for != NULL)
    {
      g_autofree char *today = measures_store_today ();
      MeasuresDay day = measures_day_from_iso8601 (reported_for);

      if (day == 0 || strlen (reported_for) != 10)
        {
          g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                       _("The date “%s” cannot be read: write it as year-month-day, "
                         "e.g. 2026-03-31."),
                       reported_for);
          return FALSE;
        }
      if (strcmp (reported_for, today) > 0)
        {
          g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                               _("A report cannot be about a day in the future: choose today "
                                 "or an earlier day."));
          return FALSE;
        }
    }

  return TRUE;
}

/* A report that says nothing: no text, and the status and progress it
 * gives are those the measure had before it. */
static gboolean
check_says_something (MeasuresStatus   status,
                      guint            progress,
                      const char      *text,
                      MeasuresStatus   before_status,
                      guint            before_progress,
                      GError         **error)
{
  g_autofree char *stripped = g_strstrip (g_strdup (text ? text : ""));

  if (stripped[0] == '\0' && status == before_status && progress == before_progress)
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("The report says nothing new: write what happened, or change the "
                             "status or the progress."));
      return FALSE;
    }

  return TRUE;
}

/* The report that decides the measure's status and progress: of those not
 * withdrawn, the one about the latest day, and of one day the one
 * recorded last (the log's order). %NULL without @error if there is none. */
static MeasuresLogEntry *
latest_report (MeasuresStore  *self,
               gint64          measure_id,
               GError        **error)
{
  g_autoptr(GListModel) log = ENGINE (self)->list_log (self, measure_id, FALSE, error);

  if (log == NULL || g_list_model_get_n_items (log) == 0)
    return NULL;
  return g_list_model_get_item (log, 0);
}

/* Gives the measure the status and progress of its latest report, or, when
 * no report is left, @status and @progress (where it stood before any). */
static gboolean
sync_state (MeasuresStore    *self,
            MeasuresMeasure  *stored,
            MeasuresStatus    status,
            guint             progress,
            gboolean          derived,
            const char       *now,
            const char       *author,
            GError          **error)
{
  g_autoptr(MeasuresLogEntry) latest = NULL;
  g_autoptr(GError) local_error = NULL;

  latest = latest_report (self, measures_measure_get_id (stored), &local_error);
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  if (latest != NULL)
    {
      status = measures_log_entry_get_status (latest);
      progress = measures_log_entry_get_progress (latest);
      derived = FALSE;
    }
  else if (measures_measure_get_status (stored) == status &&
           measures_measure_get_progress (stored) == progress &&
           measures_measure_get_status_derived (stored) == derived)
    return TRUE;

  return write_state (self, stored, status, progress, derived, now, author, error);
}

/* A report as the history keeps it when it is corrected: the day, the
 * status's name, the progress and the text, a line each. */
static char *
report_value (MeasuresLogEntry *entry)
{
  return g_strdup_printf ("%s\n%s\n%u\n%s", measures_log_entry_get_reported_for (entry),
                          measures_status_to_string (measures_log_entry_get_status (entry)),
                          measures_log_entry_get_progress (entry),
                          measures_log_entry_get_text (entry));
}

/**
 * measures_store_add_log_entry:
 * @measure_id: the measure the entry reports on
 * @base_revision: the revision of the measure that the reporter saw
 * @status: the measure's status as of this entry
 * @progress: the measure's progress as of this entry, 0 to 100
 * @text: (nullable): what happened
 * @author: who reports it
 * @revision: (out) (optional): the measure's revision after the write
 *
 * Adds a report about today; see measures_store_add_report().
 *
 * Returns: the entry's id, or 0 with @error set
 */
gint64
measures_store_add_log_entry (MeasuresStore   *self,
                              gint64           measure_id,
                              gint64           base_revision,
                              MeasuresStatus   status,
                              guint            progress,
                              const char      *text,
                              const char      *author,
                              gint64          *revision,
                              GError         **error)
{
  return measures_store_add_report (self, measure_id, base_revision, status, progress, text, NULL,
                                    author, revision, error);
}

/**
 * measures_store_add_report:
 * @measure_id: the measure the entry reports on
 * @base_revision: the revision of the measure that the reporter saw
 * @status: the measure's status as of this entry
 * @progress: the measure's progress as of this entry, 0 to 100
 * @text: (nullable): what happened
 * @reported_for: (nullable): the day the report is about, YYYY-MM-DD, not
 *   in the future; %NULL for today
 * @author: who reports it
 * @revision: (out) (optional): the measure's revision after the write
 *
 * Adds an entry to a measure's progress log, in one transaction; the
 * entry keeps when it was recorded and the day it is about. The measure
 * takes the status and progress of its latest report: this one, unless
 * another is about a later day. The report keeps the rules of
 * measures_store_check_report(), and says something: a text, or a status
 * or progress other than the measure's. Refused with
 * %MEASURES_STORE_ERROR_CONFLICT when someone else reported on the
 * measure, or removed it, after @base_revision; a sheet edit meanwhile is
 * no conflict.
 *
 * Returns: the entry's id, or 0 with @error set
 */
gint64
measures_store_add_report (MeasuresStore   *self,
                           gint64           measure_id,
                           gint64           base_revision,
                           MeasuresStatus   status,
                           guint            progress,
                           const char      *text,
                           const char      *reported_for,
                           const char      *author,
                           gint64          *revision,
                           GError         **error)
{
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autoptr(MeasuresLogEntry) entry = NULL;
  g_autofree char *now = measures_store_now ();
  g_autofree char *today = measures_store_today ();
  MeasuresWrite write = { 0 };
  gint64 entry_id = 0;

  g_return_val_if_fail (MEASURES_IS_STORE (self), 0);
  g_return_val_if_fail (author != NULL, 0);

  if (text == NULL)
    text = "";
  if (reported_for == NULL)
    reported_for = today;

  if (!measures_store_check_report (status, progress, text, reported_for, error) ||
      !(stored = begin (self, measure_id, base_revision, MEASURES_PART_STATE, error)))
    return 0;

  if (!check_says_something (status, progress, text, measures_measure_get_status (stored),
                             measures_measure_get_progress (stored), error))
    {
      fail (self);
      return 0;
    }

  entry = measures_log_entry_new (0, measure_id, now, author, status, progress, text, NULL);
  measures_log_entry_set_reported_for (entry, reported_for);
  /* The entry's id is known by the commit at the latest. */
  if (!ENGINE (self)->insert_log_entry (self, measure_id, entry, &entry_id, error) ||
      !record (self, MEASURES_HISTORY_MEASURE, measure_id, now, author, "log", NULL, text,
               error) ||
      !sync_state (self, stored, status, progress, FALSE, now, author, error) ||
      !ENGINE (self)->bump_revision (self, measure_id, MEASURES_PART_STATE, now, &write, error))
    return fail_write (self, WRITE_PROGRESS, measures_measure_get_title (stored), error);

  if (!commit (self, &write, revision, WRITE_PROGRESS, measures_measure_get_title (stored),
               error))
    return 0;

  g_assert (entry_id > 0);
  return entry_id;
}

/**
 * measures_store_update_report:
 * @entry_id: the report to correct
 * @base_revision: the revision of the measure that the user saw
 * @status: the corrected status
 * @progress: the corrected progress
 * @text: (nullable): the corrected text
 * @reported_for: the corrected day the report is about, YYYY-MM-DD
 * @author: who corrects it
 * @revision: (out) (optional): the measure's revision after the write
 *
 * Corrects a report that is not withdrawn. It keeps its author and when
 * it was recorded; the history keeps the report as it was and as it is now
 * (field "report"), and the measure takes the status and progress of its
 * latest report. The rules are those of measures_store_add_report(); a
 * report without text must change the status or progress of the report
 * before it. Refused with %MEASURES_STORE_ERROR_CONFLICT when someone
 * else reported on the measure after @base_revision.
 *
 * Returns: %FALSE with @error set if it was refused
 */
gboolean
measures_store_update_report (MeasuresStore   *self,
                              gint64           entry_id,
                              gint64           base_revision,
                              MeasuresStatus   status,
                              guint            progress,
                              const char      *text,
                              const char      *reported_for,
                              const char      *author,
                              gint64          *revision,
                              GError         **error)
{
  g_autoptr(MeasuresLogEntry) entry = NULL;
  g_autoptr(MeasuresLogEntry) corrected = NULL;
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autoptr(GListModel) log = NULL;
  g_autofree char *now = measures_store_now ();
  g_autofree char *old_value = NULL;
  g_autofree char *new_value = NULL;
  MeasuresWrite write = { 0 };
  gint64 measure_id;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);
  g_return_val_if_fail (reported_for != NULL, FALSE);

  if (text == NULL)
    text = "";

  if (!measures_store_check_report (status, progress, text, reported_for, error) ||
      !ENGINE (self)->begin (self, error))
    return FALSE;

  if (!(entry = ENGINE (self)->load_log_entry (self, entry_id, error)))
    return fail (self);
  measure_id = measures_log_entry_get_measure_id (entry);

  if (!ENGINE (self)->check_revision (self, measure_id, base_revision, MEASURES_PART_STATE,
                                      error) ||
      !(stored = measures_store_get_measure (self, measure_id, error)))
    return fail (self);

  if (measures_log_entry_get_withdrawn (entry) != NULL)
    {
      fail (self);
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("The report was withdrawn: reinstate it before you correct it."));
      return FALSE;
    }

  if (measures_log_entry_get_status (entry) == status &&
      measures_log_entry_get_progress (entry) == progress &&
      g_str_equal (measures_log_entry_get_text (entry), text) &&
      g_strcmp0 (measures_log_entry_get_reported_for (entry), reported_for) == 0)
    return unchanged (self, measures_measure_get_revision (stored), revision);

  /* Without a text, the report must change what the one before it said. */
  if (!(log = ENGINE (self)->list_log (self, measure_id, FALSE, error)))
    return fail (self);
  for (guint i = 0; i < g_list_model_get_n_items (log); i++)
    {
      g_autoptr(MeasuresLogEntry) item = g_list_model_get_item (log, i);
      g_autoptr(MeasuresLogEntry) before = NULL;

      if (measures_log_entry_get_id (item) != entry_id)
        continue;
      if (i + 1 < g_list_model_get_n_items (log))
        before = g_list_model_get_item (log, i + 1);
      if (before != NULL &&
          !check_says_something (status, progress, text, measures_log_entry_get_status (before),
                                 measures_log_entry_get_progress (before), error))
        return fail (self);
      break;
    }

  corrected = measures_log_entry_new (entry_id, measure_id, measures_log_entry_get_date (entry),
                                      measures_log_entry_get_author (entry), status, progress,
                                      text, NULL);
  measures_log_entry_set_reported_for (corrected, reported_for);
  old_value = report_value (entry);
  new_value = report_value (corrected);

  if (!ENGINE (self)->write_log_entry (self, corrected, error) ||
      !record (self, MEASURES_HISTORY_MEASURE, measure_id, now, author, "report", old_value,
               new_value, error) ||
      !sync_state (self, stored, status, progress, FALSE, now, author, error) ||
      !ENGINE (self)->bump_revision (self, measure_id, MEASURES_PART_STATE, now, &write, error))
    return fail_write (self, WRITE_PROGRESS, measures_measure_get_title (stored), error);

  return commit (self, &write, revision, WRITE_PROGRESS, measures_measure_get_title (stored),
                 error);
}

/**
 * measures_store_set_log_entry_withdrawn:
 * @entry_id: the log entry
 * @base_revision: the revision of the measure that the user saw
 * @withdrawn: %TRUE to withdraw the entry, %FALSE to reinstate it
 * @status: with @withdrawn, the status to go back to when no report is left
 * @progress: with @withdrawn, the progress to go back to when no report is
 *   left
 * @derived: with @withdrawn, whether that status was the derived one
 * @author: who does it
 * @revision: (out) (optional): the measure's revision after the write
 *
 * Withdraws a log entry: the entry is kept but marked withdrawn; or
 * reinstates it. Either way the measure takes the status and progress of
 * its latest report that is not withdrawn (so withdrawing an older report
 * changes neither), or, when none is left, @status and @progress. Refused
 * with %MEASURES_STORE_ERROR_CONFLICT when someone else reported on the
 * measure after @base_revision.
 *
 * Returns: %FALSE with @error set if nothing changed
 */
gboolean
measures_store_set_log_entry_withdrawn (MeasuresStore   *self,
                                        gint64           entry_id,
                                        gint64           base_revision,
                                        gboolean         withdrawn,
                                        MeasuresStatus   status,
                                        guint            progress,
                                        gboolean         derived,
                                        const char      *author,
                                        gint64          *revision,
                                        GError         **error)
{
  g_autoptr(MeasuresLogEntry) entry = NULL;
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autofree char *now = measures_store_now ();
  MeasuresWrite write = { 0 };
  const char *text;
  gint64 measure_id;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);
  g_return_val_if_fail (status < MEASURES_N_STATUSES && progress <= 100, FALSE);

  if (!ENGINE (self)->begin (self, error))
    return FALSE;

  if (!(entry = ENGINE (self)->load_log_entry (self, entry_id, error)))
    return fail (self);

  measure_id = measures_log_entry_get_measure_id (entry);
  text = measures_log_entry_get_text (entry);

  if (!ENGINE (self)->check_revision (self, measure_id, base_revision, MEASURES_PART_STATE,
                                      error) ||
      !(stored = measures_store_get_measure (self, measure_id, error)))
    return fail (self);

  if ((measures_log_entry_get_withdrawn (entry) != NULL) == !!withdrawn)
    return unchanged (self, measures_measure_get_revision (stored), revision);

  if (!ENGINE (self)->write_withdrawn (self, entry_id, withdrawn ? now : NULL, error) ||
      !record (self, MEASURES_HISTORY_MEASURE, measure_id, now, author, "log",
               withdrawn ? text : NULL, withdrawn ? NULL : text, error) ||
      !sync_state (self, stored, status, progress, derived, now, author, error) ||
      !ENGINE (self)->bump_revision (self, measure_id, MEASURES_PART_STATE, now, &write, error))
    return fail_write (self, WRITE_PROGRESS, measures_measure_get_title (stored), error);

  return commit (self, &write, revision, WRITE_PROGRESS, measures_measure_get_title (stored),
                 error);
}

/* Indicators ------------------------------------------------------------------
 *
 * The same rules as for measures: every write checks the revision its
 * writer read, inside its transaction. An indicator's definition (its
 * "sheet") and its recorded values are two parts, as a measure's sheet and
 * its progress are: recording a value does not conflict with an edit of
 * the definition made at the same time, nor the other way round; but a
 * value recorded from a stale copy, after someone else recorded or removed
 * one, is refused like a stale progress report, so that nobody records
 * the same figure twice without seeing the other's first. Removing and
 * restoring the indicator conflicts with everything. */

/* Begins a write of @part of an indicator that its writer read at
 * @base_revision, and reads it as it is stored now. */
static MeasuresIndicator *
begin_indicator (MeasuresStore  *self,
                 gint64          indicator_id,
                 gint64          base_revision,
                 MeasuresPart    part,
                 GError        **error)
{
  MeasuresIndicator *stored;

  if (!ENGINE (self)->begin (self, error))
    return NULL;

  if (!ENGINE (self)->check_indicator_revision (self, indicator_id, base_revision, part, error) ||
      !(stored = measures_store_get_indicator (self, indicator_id, error)))
    {
      fail (self);
      return NULL;
    }

  return stored;
}

/* Whether the goal or measure the indicator belongs to, and its office,
 * exist: checked inside the write's transaction. */
static gboolean
check_links (MeasuresStore      *self,
             MeasuresIndicator  *indicator,
             GError            **error)
{
  guint goal = measures_indicator_get_goal (indicator);
  gint64 measure_id = measures_indicator_get_measure_id (indicator);
  const char *office = measures_indicator_get_office (indicator);
  gboolean found = FALSE;

  if (goal != 0)
    {
      g_autoptr(GListModel) goals = measures_store_list_goals (self, error);

      if (goals == NULL)
        return FALSE;
      for (guint i = 0; !found && i < g_list_model_get_n_items (goals); i++)
        {
          g_autoptr(MeasuresGoal) item = g_list_model_get_item (goals, i);

          found = measures_goal_get_number (item) == goal;
        }
      if (!found)
        {
          g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                       _("The strategy has no goal %u for the indicator to belong to."), goal);
          return FALSE;
        }
    }
  else
    {
      g_autoptr(GPtrArray) measures = measures_store_load_measures (self, &measure_id, 1, error);

      if (measures == NULL)
        return FALSE;
      if (measures->len == 0 ||
          measures_measure_get_removed (g_ptr_array_index (measures, 0)) != NULL)
        {
          g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                               _("The measure the indicator belongs to no longer exists."));
          return FALSE;
        }
    }

  if (office[0] != '\0')
    {
      g_autoptr(GListModel) offices = measures_store_list_offices (self, error);

      if (offices == NULL)
        return FALSE;
      found = FALSE;
      for (guint i = 0; !found && i < g_list_model_get_n_items (offices); i++)
        {
          g_autoptr(MeasuresOffice) item = g_list_model_get_item (offices, i);

          found = g_str_equal (measures_office_get_abbreviation (item), office);
        }
      if (!found)
        {
          g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                       _("The office “%s” responsible for the indicator is not in the office "
                         "directory."), office);
          return FALSE;
        }
    }

  return TRUE;
}

/**
 * measures_store_create_indicator_with_revision:
 * @indicator: the new indicator; its id, revision and dates are ignored
 * @author: who creates it, for the history
 * @revision: (out) (optional): the new indicator's revision
 *
 * As measures_store_create_indicator().
 *
 * Returns: the new indicator's id, or 0 with @error set
 */
gint64
measures_store_create_indicator_with_revision (MeasuresStore      *self,
                                               MeasuresIndicator  *indicator,
                                               const char         *author,
                                               gint64             *revision,
                                               GError            **error)
{
  g_autoptr(MeasuresIndicator) fresh = NULL;
  g_autofree char *now = measures_store_now ();
  MeasuresWrite write = { .indicator = TRUE };
  gint64 id;

  g_return_val_if_fail (MEASURES_IS_STORE (self), 0);
  g_return_val_if_fail (MEASURES_IS_INDICATOR (indicator), 0);
  g_return_val_if_fail (author != NULL, 0);

  if (!measures_indicator_validate (indicator, NULL, error))
    return 0;

  fresh = measures_indicator_copy_with (indicator,
                                        "id", (gint64)0,
                                        "revision", (gint64)0,
                                        "updated", now,
                                        "removed", NULL,
                                        NULL);

  if (!ENGINE (self)->begin (self, error))
    return 0;

  if (!check_links (self, fresh, error))
    return fail (self);

  id = ENGINE (self)->add_indicator (self, fresh, error);
  if (id == 0 ||
      !record (self, MEASURES_HISTORY_INDICATOR, id, now, author, "created", NULL,
               measures_indicator_get_name (fresh), error) ||
      !ENGINE (self)->bump_indicator_revision (self, id, MEASURES_PART_ALL, now, &write, error))
    return fail_write (self, WRITE_INDICATOR_CREATION, NULL, error);

  if (!commit (self, &write, revision, WRITE_INDICATOR_CREATION, NULL, error))
    return 0;

  return id;
}

/**
 * measures_store_create_indicator:
 * @indicator: the new indicator; its id, revision and dates are ignored
 * @author: who creates it, for the history
 *
 * Creates an indicator with its targets in one transaction and records it
 * in the history. Its goal or measure and its office must exist.
 *
 * Returns: the new indicator's id, or 0 with @error set
 */
gint64
measures_store_create_indicator (MeasuresStore      *self,
                                 MeasuresIndicator  *indicator,
                                 const char         *author,
                                 GError            **error)
{
  return measures_store_create_indicator_with_revision (self, indicator, author, NULL, error);
}

/**
 * measures_store_update_indicator_with_revision:
 * @revision: (out) (optional): the indicator's revision after the write
 *
 * As measures_store_update_indicator().
 */
gboolean
measures_store_update_indicator_with_revision (MeasuresStore      *self,
                                               MeasuresIndicator  *indicator,
                                               gint64              base_revision,
                                               const char         *author,
                                               gint64             *revision,
                                               GError            **error)
{
  g_autoptr(MeasuresIndicator) stored = NULL;
  g_autoptr(GArray) changes = NULL;
  g_autofree char *now = measures_store_now ();
  MeasuresWrite write = { .indicator = TRUE };
  const char *name;
  gint64 id;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (MEASURES_IS_INDICATOR (indicator), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  if (!measures_indicator_validate (indicator, NULL, error))
    return FALSE;

  id = measures_indicator_get_id (indicator);
  if (!(stored = begin_indicator (self, id, base_revision, MEASURES_PART_SHEET, error)))
    return FALSE;

  changes = measures_indicator_diff (stored, indicator);
  if (changes->len == 0)
    return unchanged (self, measures_indicator_get_revision (stored), revision);
  name = measures_indicator_get_name (stored);

  if (!check_links (self, indicator, error))
    return fail (self);

  if (!ENGINE (self)->write_indicator (self, indicator, error))
    return fail_write (self, WRITE_INDICATOR_SHEET, name, error);

  if (!record_changes (self, MEASURES_HISTORY_INDICATOR, id, now, author, changes, error) ||
      !ENGINE (self)->bump_indicator_revision (self, id, MEASURES_PART_SHEET, now, &write, error))
    return fail_write (self, WRITE_INDICATOR_SHEET, name, error);

  return commit (self, &write, revision, WRITE_INDICATOR_SHEET, name, error);
}

/**
 * measures_store_update_indicator:
 * @indicator: the indicator as edited, with the id of the stored one
 * @base_revision: the revision of the indicator the edit started from
 * @author: who edits it, for the history
 *
 * Saves an indicator's definition (everything but its values) in one
 * transaction, with one history row for each field that changed.
 * Refused with %MEASURES_STORE_ERROR_CONFLICT when someone else changed
 * the definition, or removed the indicator, after @base_revision; values
 * recorded meanwhile are no conflict.
 *
 * Returns: %FALSE with @error set if nothing was saved
 */
gboolean
measures_store_update_indicator (MeasuresStore      *self,
                                 MeasuresIndicator  *indicator,
                                 gint64              base_revision,
                                 const char         *author,
                                 GError            **error)
{
  return measures_store_update_indicator_with_revision (self, indicator, base_revision, author,
                                                        NULL, error);
}

/**
 * measures_store_set_indicator_removed:
 * @id: an indicator's id
 * @base_revision: the revision of the indicator the user saw
 * @removed: %TRUE to remove it, %FALSE to restore it
 * @author: who does it, for the history
 * @revision: (out) (optional): the indicator's revision after the write
 *
 * Removes an indicator, keeping it and its values so that it can be
 * restored, or restores it. Refused with %MEASURES_STORE_ERROR_CONFLICT
 * when anyone changed the indicator or its values after @base_revision.
 *
 * Returns: %FALSE with @error set if nothing changed
 */
gboolean
measures_store_set_indicator_removed (MeasuresStore  *self,
                                      gint64          id,
                                      gint64          base_revision,
                                      gboolean        removed,
                                      const char     *author,
                                      gint64         *revision,
                                      GError        **error)
{
  g_autoptr(MeasuresIndicator) stored = NULL;
  g_autofree char *now = measures_store_now ();
  MeasuresWrite write = { .indicator = TRUE };
  const char *name;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  if (!(stored = begin_indicator (self, id, base_revision, MEASURES_PART_ALL, error)))
    return FALSE;

  if ((measures_indicator_get_removed (stored) != NULL) == !!removed)
    return unchanged (self, measures_indicator_get_revision (stored), revision);

  name = measures_indicator_get_name (stored);
  if (!ENGINE (self)->write_indicator_removed (self, id, removed ? now : NULL, error) ||
      !record (self, MEASURES_HISTORY_INDICATOR, id, now, author,
               removed ? "removed" : "restored", NULL, name, error) ||
      !ENGINE (self)->bump_indicator_revision (self, id, MEASURES_PART_ALL, now, &write, error))
    return fail_write (self, removed ? WRITE_INDICATOR_REMOVAL : WRITE_INDICATOR_RESTORATION,
                       name, error);

  return commit (self, &write, revision,
                 removed ? WRITE_INDICATOR_REMOVAL : WRITE_INDICATOR_RESTORATION, name, error);
}

/**
 * measures_store_remove_indicator:
 * @id: an indicator's id
 * @base_revision: the revision of the indicator the user saw
 * @author: who removes it, for the history
 *
 * Removes an indicator from the strategy; it is kept with its values and
 * history, marked removed, so that measures_store_restore_indicator() can
 * bring it back. See measures_store_set_indicator_removed().
 *
 * Returns: %FALSE with @error set if nothing changed
 */
gboolean
measures_store_remove_indicator (MeasuresStore  *self,
                                 gint64          id,
                                 gint64          base_revision,
                                 const char     *author,
                                 GError        **error)
{
  return measures_store_set_indicator_removed (self, id, base_revision, TRUE, author, NULL,
                                               error);
}

/**
 * measures_store_restore_indicator:
 * @id: a removed indicator's id
 * @base_revision: the revision of the indicator the user saw
 * @author: who restores it, for the history
 *
 * Restores a removed indicator. See measures_store_set_indicator_removed().
 *
 * Returns: %FALSE with @error set if nothing changed
 */
gboolean
measures_store_restore_indicator (MeasuresStore  *self,
                                  gint64          id,
                                  gint64          base_revision,
                                  const char     *author,
                                  GError        **error)
{
  return measures_store_set_indicator_removed (self, id, base_revision, FALSE, author, NULL,
                                               error);
}

/* A value as the history keeps it: "2024-12-31 42.5", and the note on a
 * line of its own. */
static char *
value_text (MeasuresIndicatorValue *value)
{
  char number[G_ASCII_DTOSTR_BUF_SIZE];
  const char *note = measures_indicator_value_get_note (value);

  g_ascii_dtostr (number, sizeof number, measures_indicator_value_get_value (value));
  return g_strdup_printf ("%s %s%s%s", measures_indicator_value_get_date (value), number,
                          note[0] != '\0' ? "\n" : "", note);
}

/**
 * measures_store_add_indicator_value_with_revision:
 * @revision: (out) (optional): the indicator's revision after the write
 *
 * As measures_store_add_indicator_value().
 *
 * Returns: the value's id, or 0 with @error set
 */
gint64
measures_store_add_indicator_value_with_revision (MeasuresStore  *self,
                                                  gint64          indicator_id,
                                                  gint64          base_revision,
                                                  const char     *date,
                                                  double          value,
                                                  const char     *note,
                                                  const char     *author,
                                                  gint64         *revision,
                                                  GError        **error)
{
  g_autoptr(MeasuresIndicator) stored = NULL;
  g_autoptr(MeasuresIndicatorValue) recorded = NULL;
  g_autofree char *now = measures_store_now ();
  g_autofree char *text = NULL;
  MeasuresWrite write = { .indicator = TRUE };
  gint64 value_id;

  g_return_val_if_fail (MEASURES_IS_STORE (self), 0);
  g_return_val_if_fail (author != NULL, 0);

  if (note == NULL)
    note = "";

  if (!measures_indicator_check_date (date))
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("The value’s date “%s” is not a date such as 2030-12-31."),
                   date ? date : "");
      return 0;
    }
  if (!isfinite (value))
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("The value is not a number."));
      return 0;
    }

  if (!measures_store_check_log_text (note, error) ||
      !(stored = begin_indicator (self, indicator_id, base_revision, MEASURES_PART_STATE, error)))
    return 0;

  if (measures_indicator_get_removed (stored) != NULL)
    {
      fail (self);
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("The indicator “%s” was removed: restore it to record values."),
                   measures_indicator_get_name (stored));
      return 0;
    }

  recorded = measures_indicator_value_new (0, indicator_id, date, value, note, author, now);
  text = value_text (recorded);
  value_id = ENGINE (self)->insert_indicator_value (self, recorded, error);
  if (value_id == 0 ||
      !record (self, MEASURES_HISTORY_INDICATOR, indicator_id, now, author, "value", NULL,
               text, error) ||
      !ENGINE (self)->bump_indicator_revision (self, indicator_id, MEASURES_PART_STATE, now,
                                               &write, error))
    return fail_write (self, WRITE_INDICATOR_VALUES, measures_indicator_get_name (stored), error);

  if (!commit (self, &write, revision, WRITE_INDICATOR_VALUES,
               measures_indicator_get_name (stored), error))
    return 0;

  return value_id;
}

/**
 * measures_store_add_indicator_value:
 * @indicator_id: the indicator the value is of
 * @base_revision: the revision of the indicator the user saw
 * @date: as of when the value was measured, an ISO 8601 date
 * @value: the value, a finite number
 * @note: (nullable): a note, e.g. where the figure comes from
 * @author: who records it (a server records its own user instead)
 *
 * Records a measured value of an indicator, in one transaction with a
 * history row. Refused with %MEASURES_STORE_ERROR_CONFLICT when someone
 * else recorded or removed a value of the indicator, or removed it, after
 * @base_revision; an edit of the indicator's definition meanwhile is no
 * conflict.
 *
 * Returns: the value's id, or 0 with @error set
 */
gint64
measures_store_add_indicator_value (MeasuresStore  *self,
                                    gint64          indicator_id,
                                    gint64          base_revision,
                                    const char     *date,
                                    double          value,
                                    const char     *note,
                                    const char     *author,
                                    GError        **error)
{
  return measures_store_add_indicator_value_with_revision (self, indicator_id, base_revision,
                                                           date, value, note, author, NULL,
                                                           error);
}

/**
 * measures_store_remove_indicator_value_with_revision:
 * @value_id: a recorded value
 * @base_revision: the revision of the indicator the user saw, or -1 not
 *   to check it
 * @revision: (out) (optional): the indicator's revision after the write
 *
 * As measures_store_remove_indicator_value(); with a @base_revision, the
 * removal is refused with %MEASURES_STORE_ERROR_CONFLICT when someone
 * else recorded or removed a value of the indicator after it.
 */
gboolean
measures_store_remove_indicator_value_with_revision (MeasuresStore  *self,
                                                     gint64          value_id,
                                                     gint64          base_revision,
                                                     const char     *author,
                                                     gint64         *revision,
                                                     GError        **error)
{
  g_autoptr(MeasuresIndicatorValue) value = NULL;
  g_autoptr(MeasuresIndicator) stored = NULL;
  g_autofree char *now = measures_store_now ();
  g_autofree char *text = NULL;
  MeasuresWrite write = { .indicator = TRUE };
  gint64 indicator_id;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (author != NULL, FALSE);

  if (!ENGINE (self)->begin (self, error))
    return FALSE;

  if (!(value = ENGINE (self)->load_indicator_value (self, value_id, error)))
    return fail (self);

  indicator_id = measures_indicator_value_get_indicator_id (value);
  if (!ENGINE (self)->check_indicator_revision (self, indicator_id,
                                                base_revision < 0 ? G_MAXINT64 : base_revision,
                                                MEASURES_PART_STATE, error) ||
      !(stored = measures_store_get_indicator (self, indicator_id, error)))
    return fail (self);

  text = value_text (value);
  if (!ENGINE (self)->delete_indicator_value (self, value_id, error) ||
      !record (self, MEASURES_HISTORY_INDICATOR, indicator_id, now, author, "value", text,
               NULL, error) ||
      !ENGINE (self)->bump_indicator_revision (self, indicator_id, MEASURES_PART_STATE, now,
                                               &write, error))
    return fail_write (self, WRITE_INDICATOR_VALUES, measures_indicator_get_name (stored), error);

  return commit (self, &write, revision, WRITE_INDICATOR_VALUES,
                 measures_indicator_get_name (stored), error);
}

/**
 * measures_store_remove_indicator_value:
 * @value_id: a recorded value
 * @author: who removes it, for the history
 *
 * Removes a recorded value, which the indicator's history keeps, in one
 * transaction. Values are removed one by one as the user sees them, so
 * this is not checked against a revision: see
 * measures_store_remove_indicator_value_with_revision().
 *
 * Returns: %FALSE with @error set if nothing changed
 */
gboolean
measures_store_remove_indicator_value (MeasuresStore  *self,
                                       gint64          value_id,
                                       const char     *author,
                                       GError        **error)
{
  return measures_store_remove_indicator_value_with_revision (self, value_id, -1, author, NULL,
                                                              error);
}
