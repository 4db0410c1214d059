/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-undo-stack"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-undo-stack.h"

/**
 * MeasuresUndoStack:
 *
 * Makes the changes an official can take back: edits of a measure's sheet,
 * new and removed measures, and progress log entries; and the same of
 * indicators: edits, new and removed ones, values recorded and removed. Each change is
 * written through the store, so the history records the undo as well; the
 * history itself is never rewritten.
 */

/* How many steps can be undone; older ones are forgotten. */
#define MAX_DEPTH 200

typedef enum {
  OP_EDIT,
  OP_CREATE,
  OP_REMOVE,
  OP_LOG,
  OP_LOG_EDIT,
  OP_LOG_WITHDRAW,
  OP_INDICATOR_EDIT,
  OP_INDICATOR_CREATE,
  OP_INDICATOR_REMOVE,
  OP_VALUE_ADD,
  OP_VALUE_REMOVE,
} OpKind;

/* Whether a step is on an indicator: ids of measures and indicators are
 * counted apart. */
#define IS_INDICATOR_OP(kind) ((kind) >= OP_INDICATOR_EDIT)

typedef struct
{
  OpKind kind;
  gint64 measure_id;
  char *title;

  /* The measure's revision after this step, and whether someone else has
   * written to the measure since; then taking the step back is checked
   * against this revision, not against the latest of this stack's. */
  gint64 revision;
  gboolean broken;

  /* OP_EDIT: the sheet before and after */
  MeasuresMeasure *before;
  MeasuresMeasure *after;

  /* OP_LOG, OP_LOG_WITHDRAW: the entry, and the measure's state before
   * it (or before the withdrawal) */
  gint64 entry_id;
  MeasuresStatus status;
  guint progress;
  gboolean derived;

  /* OP_LOG_EDIT: the report before and after the correction */
  MeasuresLogEntry *report_before;
  MeasuresLogEntry *report_after;

  /* OP_INDICATOR_EDIT: the indicator before and after */
  MeasuresIndicator *indicator_before;
  MeasuresIndicator *indicator_after;

  /* OP_VALUE_ADD, OP_VALUE_REMOVE: the value, and its id while it exists */
  gint64 value_id;
  char *date;
  double value;
  char *note;
} Op;

struct _MeasuresUndoStack
{
  GObject parent_instance;

  MeasuresStore *store;
  GQueue undo;
  GQueue redo;

  /* Measure id → the revision of this stack's latest write to it */
  GHashTable *known;
  /* The same for indicators */
  GHashTable *known_indicators;
};

G_DEFINE_FINAL_TYPE (MeasuresUndoStack, measures_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
op_free (Op *op)
{
  g_clear_object (&op->before);
  g_clear_object (&op->after);
  g_clear_object (&op->indicator_before);
  g_clear_object (&op->indicator_after);
  g_clear_object (&op->report_before);
  g_clear_object (&op->report_after);
  g_free (op->date);
  g_free (op->note);
  g_free (op->title);
  g_free (op);
}

static Op *
op_new_for (OpKind      kind,
            gint64      id,
            const char *title)
{
  Op *op = g_new0 (Op, 1);

  op->kind = kind;
  op->measure_id = id;
  op->title = g_strdup (title);

  return op;
}

static Op *
op_new (OpKind           kind,
        MeasuresMeasure *measure)
{
  return op_new_for (kind, measures_measure_get_id (measure),
                     measures_measure_get_title (measure));
}

static char *
op_describe (const Op *op)
{
  switch (op->kind)
    {
    case OP_EDIT:
      /* Translators: what an undo or redo took back, e.g. "Undone: changes to …" */
      return g_strdup_printf (_("changes to “%s”"), op->title);
    case OP_CREATE:
      return g_strdup_printf (_("new measure “%s”"), op->title);
    case OP_REMOVE:
      return g_strdup_printf (_("removal of “%s”"), op->title);
    case OP_LOG:
      return g_strdup_printf (_("progress entry for “%s”"), op->title);
    case OP_LOG_EDIT:
      return g_strdup_printf (_("correction of a report on “%s”"), op->title);
    case OP_LOG_WITHDRAW:
      return g_strdup_printf (_("withdrawal of a report on “%s”"), op->title);
    case OP_INDICATOR_EDIT:
      return g_strdup_printf (_("changes to the indicator “%s”"), op->title);
    case OP_INDICATOR_CREATE:
      return g_strdup_printf (_("new indicator “%s”"), op->title);
    case OP_INDICATOR_REMOVE:
      return g_strdup_printf (_("removal of the indicator “%s”"), op->title);
    case OP_VALUE_ADD:
      return g_strdup_printf (_("value recorded for “%s”"), op->title);
    case OP_VALUE_REMOVE:
      return g_strdup_printf (_("removal of a value of “%s”"), op->title);
    default:
      g_assert_not_reached ();
    }
}

static void
notify_state (MeasuresUndoStack *self)
{
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
}

static void
mark_broken (GQueue   *queue,
             gboolean  indicator,
             gint64    measure_id)
{
  for (GList *link = queue->head; link != NULL; link = link->next)
    {
      Op *op = link->data;

      if (op->measure_id == measure_id && !IS_INDICATOR_OP (op->kind) == !indicator)
        op->broken = TRUE;
    }
}

/* Remembers the revision this stack wrote. A write that started from
 * another revision than the one this stack wrote last means someone else
 * wrote in between: the earlier steps on that measure can then be taken
 * back only where they do not overwrite that (see apply()). */
static void
wrote_to (MeasuresUndoStack *self,
          gboolean           indicator,
          gint64             measure_id,
          gint64             base_revision,
          gint64             revision)
{
  GHashTable *table = indicator ? self->known_indicators : self->known;
  gint64 *known = g_hash_table_lookup (table, &measure_id);

  if (known != NULL && *known != base_revision)
    {
      mark_broken (&self->undo, indicator, measure_id);
      mark_broken (&self->redo, indicator, measure_id);
    }

  g_hash_table_insert (table, g_memdup2 (&measure_id, sizeof measure_id),
                       g_memdup2 (&revision, sizeof revision));
}

/* A new change makes the steps that were undone unreachable. */
static void
push (MeasuresUndoStack *self,
      Op                *op)
{
  g_queue_clear_full (&self->redo, (GDestroyNotify)op_free);
  g_queue_push_head (&self->undo, op);
  while (g_queue_get_length (&self->undo) > MAX_DEPTH)
    op_free (g_queue_pop_tail (&self->undo));
  notify_state (self);
}

/* Keeps a step that was written: the revision it left, after @base_revision,
 * on its measure or indicator. */
static void
push_written (MeasuresUndoStack *self,
              Op                *op,
              gint64             base_revision,
              gint64             revision)
{
  op->revision = revision;
  wrote_to (self, IS_INDICATOR_OP (op->kind), op->measure_id, base_revision, revision);
  push (self, op);
}

static void
measures_undo_stack_finalize (GObject *object)
{
  MeasuresUndoStack *self = (MeasuresUndoStack *)object;

  g_queue_clear_full (&self->undo, (GDestroyNotify)op_free);
  g_queue_clear_full (&self->redo, (GDestroyNotify)op_free);
  g_clear_pointer (&self->known, g_hash_table_unref);
  g_clear_pointer (&self->known_indicators, g_hash_table_unref);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (measures_undo_stack_parent_class)->finalize (object);
}

static void
measures_undo_stack_get_property (GObject    *object,
                                  guint       prop_id,
                                  GValue     *value,
                                  GParamSpec *pspec)
{
  MeasuresUndoStack *self = MEASURES_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, measures_undo_stack_get_can_undo (self));
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, measures_undo_stack_get_can_redo (self));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_undo_stack_class_init (MeasuresUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = measures_undo_stack_finalize;
  object_class->get_property = measures_undo_stack_get_property;

  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
measures_undo_stack_init (MeasuresUndoStack *self)
{
  g_queue_init (&self->undo);
  g_queue_init (&self->redo);
  self->known = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  self->known_indicators = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
}

/**
 * measures_undo_stack_new:
 * @store: the store the changes are written to
 *
 * Returns: (transfer full): an empty undo stack
 */
MeasuresUndoStack *
measures_undo_stack_new (MeasuresStore *store)
{
  MeasuresUndoStack *self;

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);

  self = g_object_new (MEASURES_TYPE_UNDO_STACK, NULL);
  self->store = g_object_ref (store);

  return self;
}

gboolean
measures_undo_stack_get_can_undo (MeasuresUndoStack *self)
{
  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), FALSE);

  return !g_queue_is_empty (&self->undo);
}

gboolean
measures_undo_stack_get_can_redo (MeasuresUndoStack *self)
{
  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), FALSE);

  return !g_queue_is_empty (&self->redo);
}

/**
 * measures_undo_stack_edit:
 * @before: the measure as it was shown when editing began
 * @after: the edited measure, with the same id
 *
 * Saves an edit of a measure's sheet.
 */
gboolean
measures_undo_stack_edit (MeasuresUndoStack  *self,
                          MeasuresMeasure    *before,
                          MeasuresMeasure    *after,
                          const char         *author,
                          GError            **error)
{
  g_autoptr(MeasuresMeasure) keep_before = g_object_ref (before);
  g_autoptr(MeasuresMeasure) keep_after = g_object_ref (after);
  gint64 base = measures_measure_get_revision (before);
  gint64 revision = 0;
  Op *op;

  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (measures_measure_get_id (before) == measures_measure_get_id (after), FALSE);

  if (!measures_store_update_measure (self->store, after, base, author, &revision, error))
    return FALSE;

  op = op_new (OP_EDIT, after);
  op->before = g_object_ref (before);
  op->after = g_object_ref (after);
  push_written (self, op, base, revision);

  return TRUE;
}

/**
 * measures_undo_stack_create:
 * @measure: the new measure
 *
 * Returns: the new measure's id, or 0 with @error set
 */
gint64
measures_undo_stack_create (MeasuresUndoStack  *self,
                            MeasuresMeasure    *measure,
                            const char         *author,
                            GError            **error)
{
  g_autoptr(MeasuresMeasure) keep = g_object_ref (measure);
  gint64 revision = 0;
  gint64 id;
  Op *op;

  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), 0);

  id = measures_store_create_measure (self->store, measure, author, &revision, error);
  if (id == 0)
    return 0;

  op = op_new (OP_CREATE, measure);
  op->measure_id = id;
  push_written (self, op, 0, revision);

  return id;
}

/**
 * measures_undo_stack_remove:
 * @measure: the measure to remove
 *
 * Removes a measure, so that it can be restored.
 */
gboolean
measures_undo_stack_remove (MeasuresUndoStack  *self,
                            MeasuresMeasure    *measure,
                            const char         *author,
                            GError            **error)
{
  g_autoptr(MeasuresMeasure) keep = g_object_ref (measure);
  gint64 base = measures_measure_get_revision (measure);
  gint64 revision = 0;
  Op *op;

  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), FALSE);

  if (!measures_store_set_removed (self->store, measures_measure_get_id (measure), base, TRUE,
                                   author, &revision, error))
    return FALSE;

  op = op_new (OP_REMOVE, measure);
  push_written (self, op, base, revision);
  return TRUE;
}

/**
 * measures_undo_stack_add_log_entry:
 * @measure: the measure as it is now
 *
 * Adds a progress log entry, which also sets the measure's status and
 * progress.
 *
 * Returns: the entry's id, or 0 with @error set
 */
gint64
measures_undo_stack_add_log_entry (MeasuresUndoStack  *self,
                                   MeasuresMeasure    *measure,
                                   MeasuresStatus      status,
                                   guint               progress,
                                   const char         *text,
                                   const char         *author,
                                   GError            **error)
{
  return measures_undo_stack_add_report (self, measure, status, progress, text, NULL, author,
                                         error);
}

/**
 * measures_undo_stack_add_report:
 * @measure: the measure as it is now
 * @reported_for: (nullable): the day the report is about, %NULL for today
 *
 * Adds a progress report (see measures_store_add_report()); undone, it is
 * withdrawn.
 *
 * Returns: the entry's id, or 0 with @error set
 */
gint64
measures_undo_stack_add_report (MeasuresUndoStack  *self,
                                MeasuresMeasure    *measure,
                                MeasuresStatus      status,
                                guint               progress,
                                const char         *text,
                                const char         *reported_for,
                                const char         *author,
                                GError            **error)
{
  /* Listeners to the store's signal may drop the caller's copy. */
  g_autoptr(MeasuresMeasure) keep = g_object_ref (measure);
  gint64 base = measures_measure_get_revision (measure);
  gint64 revision = 0;
  gint64 entry_id;
  Op *op;

  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), 0);

  entry_id = measures_store_add_report (self->store, measures_measure_get_id (measure), base,
                                        status, progress, text, reported_for, author, &revision,
                                        error);
  if (entry_id == 0)
    return 0;

  op = op_new (OP_LOG, measure);
  op->entry_id = entry_id;
  op->status = measures_measure_get_status (measure);
  op->progress = measures_measure_get_progress (measure);
  op->derived = measures_measure_get_status_derived (measure);
  push_written (self, op, base, revision);

  return entry_id;
}

/**
 * measures_undo_stack_update_report:
 * @measure: the measure as the user saw it
 * @before: the report as the user saw it
 * @after: the corrected report, with the same id
 *
 * Corrects a report (see measures_store_update_report()); undone, it says
 * again what it said before.
 */
gboolean
measures_undo_stack_update_report (MeasuresUndoStack  *self,
                                   MeasuresMeasure    *measure,
                                   MeasuresLogEntry   *before,
                                   MeasuresLogEntry   *after,
                                   const char         *author,
                                   GError            **error)
{
  g_autoptr(MeasuresMeasure) keep = g_object_ref (measure);
  gint64 base = measures_measure_get_revision (measure);
  gint64 revision = 0;
  Op *op;

  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (measures_log_entry_get_id (before) == measures_log_entry_get_id (after),
                        FALSE);

  if (!measures_store_update_report (self->store, measures_log_entry_get_id (after), base,
                                     measures_log_entry_get_status (after),
                                     measures_log_entry_get_progress (after),
                                     measures_log_entry_get_text (after),
                                     measures_log_entry_get_reported_for (after), author,
                                     &revision, error))
    return FALSE;

  op = op_new (OP_LOG_EDIT, measure);
  op->entry_id = measures_log_entry_get_id (after);
  op->report_before = g_object_ref (before);
  op->report_after = g_object_ref (after);
  push_written (self, op, base, revision);

  return TRUE;
}

/**
 * measures_undo_stack_withdraw_report:
 * @measure: the measure as the user saw it
 * @entry: the report to withdraw
 *
 * Withdraws a report: it stays in the store, marked withdrawn, and the
 * measure takes the status and progress of its latest report left;
 * undone, the report is reinstated.
 */
gboolean
measures_undo_stack_withdraw_report (MeasuresUndoStack  *self,
                                     MeasuresMeasure    *measure,
                                     MeasuresLogEntry   *entry,
                                     const char         *author,
                                     GError            **error)
{
  g_autoptr(MeasuresMeasure) keep = g_object_ref (measure);
  MeasuresStatus status = measures_status_from_period (measures_measure_get_period (measure));
  gint64 base = measures_measure_get_revision (measure);
  gint64 revision = 0;
  Op *op;

  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), FALSE);

  /* With no report left, the measure goes back to where the strategy put
   * it: the status its realization period gives, no progress. */
  if (!measures_store_set_log_entry_withdrawn (self->store, measures_log_entry_get_id (entry),
                                               base, TRUE, status, 0, TRUE, author, &revision,
                                               error))
    return FALSE;

  op = op_new (OP_LOG_WITHDRAW, measure);
  op->entry_id = measures_log_entry_get_id (entry);
  op->status = status;
  op->progress = 0;
  op->derived = TRUE;
  push_written (self, op, base, revision);

  return TRUE;
}

static Op *
indicator_op_new (OpKind             kind,
                  MeasuresIndicator *indicator)
{
  return op_new_for (kind, measures_indicator_get_id (indicator),
                     measures_indicator_get_name (indicator));
}

/**
 * measures_undo_stack_edit_indicator:
 * @before: the indicator as it was shown when editing began
 * @after: the edited indicator, with the same id
 *
 * Saves an edit of an indicator's definition.
 */
gboolean
measures_undo_stack_edit_indicator (MeasuresUndoStack  *self,
                                    MeasuresIndicator  *before,
                                    MeasuresIndicator  *after,
                                    const char         *author,
                                    GError            **error)
{
  g_autoptr(MeasuresIndicator) keep_before = g_object_ref (before);
  g_autoptr(MeasuresIndicator) keep_after = g_object_ref (after);
  gint64 base = measures_indicator_get_revision (before);
  gint64 revision = 0;
  Op *op;

  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (measures_indicator_get_id (before) == measures_indicator_get_id (after),
                        FALSE);

  if (!measures_store_update_indicator_with_revision (self->store, after, base, author,
                                                      &revision, error))
    return FALSE;

  op = indicator_op_new (OP_INDICATOR_EDIT, after);
  op->indicator_before = g_object_ref (before);
  op->indicator_after = g_object_ref (after);
  push_written (self, op, base, revision);

  return TRUE;
}

/**
 * measures_undo_stack_create_indicator:
 * @indicator: the new indicator
 *
 * Returns: the new indicator's id, or 0 with @error set
 */
gint64
measures_undo_stack_create_indicator (MeasuresUndoStack  *self,
                                      MeasuresIndicator  *indicator,
                                      const char         *author,
                                      GError            **error)
{
  g_autoptr(MeasuresIndicator) keep = g_object_ref (indicator);
  gint64 revision = 0;
  gint64 id;
  Op *op;

  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), 0);

  id = measures_store_create_indicator_with_revision (self->store, indicator, author, &revision,
                                                      error);
  if (id == 0)
    return 0;

  op = indicator_op_new (OP_INDICATOR_CREATE, indicator);
  op->measure_id = id;
  push_written (self, op, 0, revision);

  return id;
}

/**
 * measures_undo_stack_remove_indicator:
 * @indicator: the indicator to remove, as the user saw it
 *
 * Removes an indicator, so that it can be restored.
 */
gboolean
measures_undo_stack_remove_indicator (MeasuresUndoStack  *self,
                                      MeasuresIndicator  *indicator,
                                      const char         *author,
                                      GError            **error)
{
  g_autoptr(MeasuresIndicator) keep = g_object_ref (indicator);
  gint64 base = measures_indicator_get_revision (indicator);
  gint64 revision = 0;
  Op *op;

  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), FALSE);

  if (!measures_store_set_indicator_removed (self->store, measures_indicator_get_id (indicator),
                                             base, TRUE, author, &revision, error))
    return FALSE;

  op = indicator_op_new (OP_INDICATOR_REMOVE, indicator);
  push_written (self, op, base, revision);
  return TRUE;
}

/**
 * measures_undo_stack_add_indicator_value:
 * @indicator: the indicator as the user saw it
 * @date: as of when the value was measured, an ISO 8601 date
 * @value: the value
 * @note: (nullable): a note
 *
 * Records a value of an indicator; undone, the value is removed again.
 *
 * Returns: the value's id, or 0 with @error set
 */
gint64
measures_undo_stack_add_indicator_value (MeasuresUndoStack  *self,
                                         MeasuresIndicator  *indicator,
                                         const char         *date,
                                         double              value,
                                         const char         *note,
                                         const char         *author,
                                         GError            **error)
{
  g_autoptr(MeasuresIndicator) keep = g_object_ref (indicator);
  gint64 base = measures_indicator_get_revision (indicator);
  gint64 revision = 0;
  gint64 value_id;
  Op *op;

  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), 0);

  value_id = measures_store_add_indicator_value_with_revision (self->store,
                                                              measures_indicator_get_id (indicator),
                                                              base, date, value, note, author,
                                                              &revision, error);
  if (value_id == 0)
    return 0;

  op = indicator_op_new (OP_VALUE_ADD, indicator);
  op->value_id = value_id;
  op->date = g_strdup (date);
  op->value = value;
  op->note = g_strdup (note);
  push_written (self, op, base, revision);

  return value_id;
}

/**
 * measures_undo_stack_remove_indicator_value:
 * @indicator: the indicator as the user saw it
 * @value: the value to remove
 *
 * Removes a recorded value; undone, it is recorded again.
 */
gboolean
measures_undo_stack_remove_indicator_value (MeasuresUndoStack       *self,
                                            MeasuresIndicator       *indicator,
                                            MeasuresIndicatorValue  *value,
                                            const char              *author,
                                            GError                 **error)
{
  g_autoptr(MeasuresIndicator) keep = g_object_ref (indicator);
  g_autoptr(MeasuresIndicatorValue) keep_value = g_object_ref (value);
  gint64 base = measures_indicator_get_revision (indicator);
  gint64 revision = 0;
  Op *op;

  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (measures_indicator_value_get_indicator_id (value) ==
                        measures_indicator_get_id (indicator), FALSE);

  if (!measures_store_remove_indicator_value_with_revision (self->store,
                                                            measures_indicator_value_get_id (value),
                                                            base, author, &revision, error))
    return FALSE;

  op = indicator_op_new (OP_VALUE_REMOVE, indicator);
  op->value_id = measures_indicator_value_get_id (value);
  op->date = g_strdup (measures_indicator_value_get_date (value));
  op->value = measures_indicator_value_get_value (value);
  op->note = g_strdup (measures_indicator_value_get_note (value));
  push_written (self, op, base, revision);
  return TRUE;
}

static gboolean
write_step (MeasuresUndoStack  *self,
            Op                 *op,
            gboolean            undo,
            gint64              base,
            const char         *author,
            gint64             *revision,
            GError            **error)
{
  switch (op->kind)
    {
    case OP_EDIT:
      return measures_store_update_measure (self->store, undo ? op->before : op->after, base,
                                            author, revision, error);
    case OP_CREATE:
      return measures_store_set_removed (self->store, op->measure_id, base, undo, author,
                                         revision, error);
    case OP_REMOVE:
      return measures_store_set_removed (self->store, op->measure_id, base, !undo, author,
                                         revision, error);
    case OP_LOG:
      return measures_store_set_log_entry_withdrawn (self->store, op->entry_id, base, undo,
                                                     op->status, op->progress, op->derived,
                                                     author, revision, error);
    case OP_LOG_WITHDRAW:
      return measures_store_set_log_entry_withdrawn (self->store, op->entry_id, base, !undo,
                                                     op->status, op->progress, op->derived,
                                                     author, revision, error);
    case OP_LOG_EDIT:
      {
        MeasuresLogEntry *report = undo ? op->report_before : op->report_after;

        return measures_store_update_report (self->store, op->entry_id, base,
                                             measures_log_entry_get_status (report),
                                             measures_log_entry_get_progress (report),
                                             measures_log_entry_get_text (report),
                                             measures_log_entry_get_reported_for (report),
                                             author, revision, error);
      }
    case OP_INDICATOR_EDIT:
      return measures_store_update_indicator_with_revision (self->store,
                                                            undo ? op->indicator_before
                                                                 : op->indicator_after,
                                                            base, author, revision, error);
    case OP_INDICATOR_CREATE:
      return measures_store_set_indicator_removed (self->store, op->measure_id, base, undo, author,
                                                   revision, error);
    case OP_INDICATOR_REMOVE:
      return measures_store_set_indicator_removed (self->store, op->measure_id, base, !undo,
                                                   author, revision, error);
    case OP_VALUE_ADD:
    case OP_VALUE_REMOVE:
      /* Taking back a recording removes the value; taking back a removal
       * records it again, under a new id. */
      if ((op->kind == OP_VALUE_ADD) == !!undo)
        return measures_store_remove_indicator_value_with_revision (self->store, op->value_id,
                                                                    base, author, revision,
                                                                    error);
      op->value_id = measures_store_add_indicator_value_with_revision (self->store,
                                                                       op->measure_id, base,
                                                                       op->date, op->value,
                                                                       op->note, author,
                                                                       revision, error);
      return op->value_id != 0;
    default:
      g_assert_not_reached ();
    }
}

/* Takes a step back or makes it again, checked against the revision this
 * stack wrote last: when someone else changed the measure since, the
 * store refuses, and their change stays. */
static gboolean
apply (MeasuresUndoStack  *self,
       Op                 *op,
       gboolean            undo,
       const char         *author,
       GError            **error)
{
  gboolean indicator = IS_INDICATOR_OP (op->kind);
  GHashTable *table = indicator ? self->known_indicators : self->known;
  gint64 *known = g_hash_table_lookup (table, &op->measure_id);
  gint64 base = (known != NULL && !op->broken) ? *known : op->revision;
  gint64 revision = 0;

  if (!write_step (self, op, undo, base, author, &revision, error))
    return FALSE;

  wrote_to (self, indicator, op->measure_id, base, revision);
  op->revision = revision;
  return TRUE;
}

static char *
move (MeasuresUndoStack  *self,
      GQueue             *from,
      GQueue             *to,
      gboolean            undo,
      const char         *author,
      GError            **error)
{
  Op *op = g_queue_peek_head (from);

  if (op == NULL)
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           undo ? _("There is nothing to undo.") : _("There is nothing to redo."));
      return NULL;
    }

  /* A step that fails stays where it is, so nothing is lost. */
  if (!apply (self, op, undo, author, error))
    {
      g_autofree char *what = op_describe (op);

      /* Translators: "Could not undo changes to “…”: " followed by why */
      g_prefix_error (error, undo ? _("Could not undo %s: ") : _("Could not redo %s: "), what);
      return NULL;
    }

  g_queue_push_head (to, g_queue_pop_head (from));
  notify_state (self);

  return op_describe (op);
}

/**
 * measures_undo_stack_undo:
 * @author: who undoes, for the history
 *
 * Takes back the latest change.
 *
 * Returns: (transfer full): what was undone, to tell the user, or %NULL
 *   with @error set
 */
char *
measures_undo_stack_undo (MeasuresUndoStack  *self,
                          const char         *author,
                          GError            **error)
{
  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), NULL);

  return move (self, &self->undo, &self->redo, TRUE, author, error);
}

/**
 * measures_undo_stack_redo:
 * @author: who redoes, for the history
 *
 * Makes the latest undone change again.
 *
 * Returns: (transfer full): what was redone, to tell the user, or %NULL
 *   with @error set
 */
char *
measures_undo_stack_redo (MeasuresUndoStack  *self,
                          const char         *author,
                          GError            **error)
{
  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (self), NULL);

  return move (self, &self->redo, &self->undo, FALSE, author, error);
}
