/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-navigation"

#include "config.h"

#include "measures-navigation.h"

/* Moving between the panes of the window's leaflets, shared by its pages. */

/* Shows @child of a folded leaflet. An unfolded leaflet shows all its
 * children already, and moving its visible child would also move the
 * keyboard focus into that pane. */
void
measures_navigate_to (AdwLeaflet *leaflet,
                      GtkWidget  *child,
                      GtkWidget  *focus)
{
  if (!adw_leaflet_get_folded (leaflet))
    return;

  adw_leaflet_set_visible_child (leaflet, child);
  /* Land on the pane's back button rather than in a selectable label,
   * which would show its whole text selected. */
  if (focus != NULL)
    gtk_widget_grab_focus (focus);
}

/* Whether (@x, @y) of @list is on one of its rows rather than beside them. */
gboolean
measures_list_view_is_on_row (GtkListView *list,
                              double       x,
                              double       y)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (list), x, y, GTK_PICK_DEFAULT);

  while (widget != NULL && gtk_widget_get_parent (widget) != GTK_WIDGET (list))
    widget = gtk_widget_get_parent (widget);

  return widget != NULL;
}
