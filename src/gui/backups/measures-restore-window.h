/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_RESTORE_WINDOW (measures_restore_window_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresRestoreWindow, measures_restore_window, MEASURES, RESTORE_WINDOW,
                      AdwWindow)

GtkWidget *measures_restore_window_new           (GtkWindow             *parent,
                                                  const char            *database);
void       measures_restore_window_show_restored (MeasuresRestoreWindow *self,
                                                  const char            *backup,
                                                  const char            *before,
                                                  gboolean               undone);

G_END_DECLS
