/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-store.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_UNDO_STACK (measures_undo_stack_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresUndoStack, measures_undo_stack, MEASURES, UNDO_STACK, GObject)

MeasuresUndoStack *measures_undo_stack_new           (MeasuresStore      *store);
gboolean           measures_undo_stack_get_can_undo  (MeasuresUndoStack  *self);
gboolean           measures_undo_stack_get_can_redo  (MeasuresUndoStack  *self);

gboolean           measures_undo_stack_edit          (MeasuresUndoStack  *self,
                                                      MeasuresMeasure    *before,
                                                      MeasuresMeasure    *after,
                                                      const char         *author,
                                                      GError            **error);
gint64             measures_undo_stack_create        (MeasuresUndoStack  *self,
                                                      MeasuresMeasure    *measure,
                                                      const char         *author,
                                                      GError            **error);
gboolean           measures_undo_stack_remove        (MeasuresUndoStack  *self,
                                                      MeasuresMeasure    *measure,
                                                      const char         *author,
                                                      GError            **error);
gint64             measures_undo_stack_add_log_entry (MeasuresUndoStack  *self,
                                                      MeasuresMeasure    *measure,
                                                      MeasuresStatus      status,
                                                      guint               progress,
                                                      const char         *text,
                                                      const char         *author,
                                                      GError            **error);
gint64             measures_undo_stack_add_report    (MeasuresUndoStack  *self,
                                                      MeasuresMeasure    *measure,
                                                      MeasuresStatus      status,
                                                      guint               progress,
                                                      const char         *text,
                                                      const char         *reported_for,
                                                      const char         *author,
                                                      GError            **error);
gboolean           measures_undo_stack_update_report (MeasuresUndoStack  *self,
                                                      MeasuresMeasure    *measure,
                                                      MeasuresLogEntry   *before,
                                                      MeasuresLogEntry   *after,
                                                      const char         *author,
                                                      GError            **error);
gboolean           measures_undo_stack_withdraw_report (MeasuresUndoStack *self,
                                                      MeasuresMeasure    *measure,
                                                      MeasuresLogEntry   *entry,
                                                      const char         *author,
                                                      GError            **error);
gboolean           measures_undo_stack_edit_indicator   (MeasuresUndoStack  *self,
                                                         MeasuresIndicator  *before,
                                                         MeasuresIndicator  *after,
                                                         const char         *author,
                                                         GError            **error);
gint64             measures_undo_stack_create_indicator (MeasuresUndoStack  *self,
                                                         MeasuresIndicator  *indicator,
                                                         const char         *author,
                                                         GError            **error);
gboolean           measures_undo_stack_remove_indicator (MeasuresUndoStack  *self,
                                                         MeasuresIndicator  *indicator,
                                                         const char         *author,
                                                         GError            **error);
gint64             measures_undo_stack_add_indicator_value (MeasuresUndoStack *self,
                                                         MeasuresIndicator  *indicator,
                                                         const char         *date,
                                                         double              value,
                                                         const char         *note,
                                                         const char         *author,
                                                         GError            **error);
gboolean           measures_undo_stack_remove_indicator_value (MeasuresUndoStack *self,
                                                         MeasuresIndicator  *indicator,
                                                         MeasuresIndicatorValue *value,
                                                         const char         *author,
                                                         GError            **error);
char              *measures_undo_stack_undo          (MeasuresUndoStack  *self,
                                                      const char         *author,
                                                      GError            **error);
char              *measures_undo_stack_redo          (MeasuresUndoStack  *self,
                                                      const char         *author,
                                                      GError            **error);

G_END_DECLS
