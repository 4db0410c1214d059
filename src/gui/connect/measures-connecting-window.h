/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_CONNECTING_WINDOW (measures_connecting_window_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresConnectingWindow, measures_connecting_window, MEASURES,
                      CONNECTING_WINDOW, AdwWindow)

GtkWidget *measures_connecting_window_new (GtkApplication *application,
                                           const char     *address);

G_END_DECLS
