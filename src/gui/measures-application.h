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

G_END_DECLS
