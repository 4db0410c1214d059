/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_SIDEBAR_ROW (measures_sidebar_row_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresSidebarRow, measures_sidebar_row, MEASURES, SIDEBAR_ROW,
                      GtkListBoxRow)

GtkWidget *measures_sidebar_row_new      (const char         *title,
                                          const char         *subtitle,
                                          guint               view,
                                          guint               goal);
guint      measures_sidebar_row_get_view (MeasuresSidebarRow *self);
guint      measures_sidebar_row_get_goal (MeasuresSidebarRow *self);

G_END_DECLS
