/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "measures-report.h"
#include "measures-store.h"
#include "measures-undo-stack.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_CONTEXT (measures_context_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresContext, measures_context, MEASURES, CONTEXT, GObject)

MeasuresContext   *measures_context_new            (MeasuresStore     *store,
                                                    MeasuresUndoStack *undo_stack,
                                                    GSettings         *settings);
MeasuresStore     *measures_context_get_store      (MeasuresContext   *self);
MeasuresUndoStack *measures_context_get_undo_stack (MeasuresContext   *self);
GSettings         *measures_context_get_settings   (MeasuresContext   *self);
char              *measures_context_dup_author     (MeasuresContext   *self);
MeasuresPaper      measures_context_get_paper      (MeasuresContext   *self);

const char        *measures_context_get_login_author (void);

G_END_DECLS
