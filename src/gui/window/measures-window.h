/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "measures-application.h"
#include "measures-context.h"

G_BEGIN_DECLS

typedef struct _MeasuresWindowState MeasuresWindowState;

#define MEASURES_TYPE_WINDOW (measures_window_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresWindow, measures_window, MEASURES, WINDOW, AdwApplicationWindow)

MeasuresWindow  *measures_window_new          (MeasuresApplication *application,
                                               MeasuresContext     *context);
MeasuresContext *measures_window_get_context  (MeasuresWindow      *self);
void             measures_window_show_goal    (MeasuresWindow      *self,
                                               guint                number);
void             measures_window_show_measure (MeasuresWindow      *self,
                                               gint64               measure_id);

void                 measures_window_strategy_replaced (MeasuresWindow  *self);
MeasuresWindowState *measures_window_save_state    (MeasuresWindow      *self);
void                 measures_window_restore_state (MeasuresWindow      *self,
                                                    MeasuresWindowState *state);
void                 measures_window_state_free    (MeasuresWindowState *state);
void                 measures_window_save_settings (MeasuresWindow      *self,
                                                    GSettings           *settings);
void                 measures_window_load_settings (MeasuresWindow      *self,
                                                    GSettings           *settings);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (MeasuresWindowState, measures_window_state_free)

G_END_DECLS
