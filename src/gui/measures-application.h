/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "measures-store.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_APPLICATION (measures_application_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresApplication, measures_application, MEASURES, APPLICATION,
                      AdwApplication)

void                 measures_application_init_i18n    (void);
MeasuresApplication *measures_application_new          (void);
void                 measures_application_set_database (MeasuresApplication *self,
                                                        const char          *path);
MeasuresStore       *measures_application_get_store    (MeasuresApplication *self);
GSettings           *measures_application_get_settings (MeasuresApplication *self);
const char          *measures_application_get_server_address (MeasuresApplication *self);
void                 measures_application_open_strategy_async  (MeasuresApplication *self,
                                                                const char          *address,
                                                                GtkWindow           *parent,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
gboolean             measures_application_open_strategy_finish (MeasuresApplication *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

G_END_DECLS
