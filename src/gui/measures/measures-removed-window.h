/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "measures-context.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_REMOVED_WINDOW (measures_removed_window_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresRemovedWindow, measures_removed_window, MEASURES, REMOVED_WINDOW,
                      AdwWindow)

MeasuresRemovedWindow *measures_removed_window_new     (GtkWindow             *parent,
                                                        MeasuresContext       *context);
gboolean               measures_removed_window_restore (MeasuresRemovedWindow *self,
                                                        gint64                 id);

G_END_DECLS
