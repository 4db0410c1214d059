/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

void     measures_navigate_to             (AdwLeaflet  *leaflet,
                                           GtkWidget   *child,
                                           GtkWidget   *focus);
gboolean measures_list_view_is_on_row     (GtkListView *list,
                                           double       x,
                                           double       y);
void     measures_list_tab_leaves         (GtkWidget   *list);

G_END_DECLS
