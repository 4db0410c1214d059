/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_PREFERENCES_WINDOW (measures_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresPreferencesWindow, measures_preferences_window, MEASURES,
                      PREFERENCES_WINDOW, AdwPreferencesWindow)

GtkWidget *measures_preferences_window_new           (GtkWindow                 *parent,
                                                      GSettings                 *settings);
void       measures_preferences_window_show_strategy (MeasuresPreferencesWindow *self,
                                                      const char                *open_address,
                                                      gboolean                   choose_server);

G_END_DECLS
