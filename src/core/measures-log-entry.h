/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "measures-types.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_LOG_ENTRY (measures_log_entry_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresLogEntry, measures_log_entry, MEASURES, LOG_ENTRY, GObject)

MeasuresLogEntry *measures_log_entry_new          (gint64            id,
                                                   gint64            measure_id,
                                                   const char       *date,
                                                   const char       *author,
                                                   MeasuresStatus    status,
                                                   guint             progress,
                                                   const char       *text,
                                                   const char       *withdrawn);
gint64            measures_log_entry_get_id         (MeasuresLogEntry *self);
gint64            measures_log_entry_get_measure_id (MeasuresLogEntry *self);
const char       *measures_log_entry_get_date       (MeasuresLogEntry *self);
const char       *measures_log_entry_get_author     (MeasuresLogEntry *self);
MeasuresStatus    measures_log_entry_get_status     (MeasuresLogEntry *self);
guint             measures_log_entry_get_progress   (MeasuresLogEntry *self);
const char       *measures_log_entry_get_text       (MeasuresLogEntry *self);
const char       *measures_log_entry_get_withdrawn  (MeasuresLogEntry *self);
const char       *measures_log_entry_get_reported_for (MeasuresLogEntry *self);
void              measures_log_entry_set_reported_for (MeasuresLogEntry *self,
                                                       const char       *day);

G_END_DECLS
