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

/* The widgets Tab stops at, in order: focusable ones that can be reached,
 * a list counting as one stop (its selected row, or its first). */
/* GTK's order for Tab among siblings: from top to bottom by their middles,
 * and along the line of text where those are level. */
static int
compare_positions (gconstpointer a,
                   gconstpointer b,
                   gpointer      parent)
{
  GtkWidget *x = *(GtkWidget **)a;
  GtkWidget *y = *(GtkWidget **)b;
  graphene_rect_t bx, by;
  float mx, my;

  if (!gtk_widget_compute_bounds (x, parent, &bx) || !gtk_widget_compute_bounds (y, parent, &by))
    return 0;

  mx = bx.origin.y + bx.size.height / 2;
  my = by.origin.y + by.size.height / 2;
  if (G_APPROX_VALUE (mx, my, 0.5f))
    {
      int order = (bx.origin.x > by.origin.x) - (bx.origin.x < by.origin.x);

      return gtk_widget_get_direction (parent) == GTK_TEXT_DIR_RTL ? -order : order;
    }
  return mx < my ? -1 : 1;
}

static void
collect_stops (GtkWidget *widget,
               GPtrArray *stops)
{
  g_autoptr(GPtrArray) children = NULL;

  if (!gtk_widget_get_visible (widget) || !gtk_widget_get_child_visible (widget) ||
      !gtk_widget_is_sensitive (widget) || !gtk_widget_get_can_focus (widget))
    return;

  if (GTK_IS_LIST_BOX (widget) || GTK_IS_LIST_VIEW (widget))
    {
      g_ptr_array_add (stops, widget);
      return;
    }
  /* A scrolled window takes the focus only when nothing in it does. */
  if (gtk_widget_get_focusable (widget) && !GTK_IS_ROOT (widget) &&
      !GTK_IS_SCROLLED_WINDOW (widget) && !GTK_IS_VIEWPORT (widget))
    {
      g_ptr_array_add (stops, widget);
      /* An entry's text, a button's label: one stop. */
      return;
    }

  children = g_ptr_array_new ();
  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    g_ptr_array_add (children, child);
  /* In the order GTK's own Tab takes them: where they are, not where they
   * stand among their siblings (a leaflet keeps its shown pane last). */
  g_ptr_array_sort_with_data (children, compare_positions, widget);
  for (guint i = 0; i < children->len; i++)
    collect_stops (g_ptr_array_index (children, i), stops);
}

static gboolean
focus_stop (GtkWidget *stop)
{
  if (GTK_IS_LIST_BOX (stop))
    {
      GtkListBoxRow *row = gtk_list_box_get_selected_row (GTK_LIST_BOX (stop));

      if (row == NULL)
        row = gtk_list_box_get_row_at_index (GTK_LIST_BOX (stop), 0);
      return row != NULL && gtk_widget_grab_focus (GTK_WIDGET (row));
    }

  return gtk_widget_grab_focus (stop);
}

static gboolean
list_key_pressed (GtkEventControllerKey *controller,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  GtkWidget             *list)
{
  GtkWidget *root = GTK_WIDGET (gtk_widget_get_root (list));
  g_autoptr(GPtrArray) stops = NULL;
  gboolean backward;
  guint here;

  if (keyval != GDK_KEY_Tab && keyval != GDK_KEY_KP_Tab && keyval != GDK_KEY_ISO_Left_Tab)
    return FALSE;
  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || root == NULL)
    return FALSE;

  backward = (state & GDK_SHIFT_MASK) || keyval == GDK_KEY_ISO_Left_Tab;
  stops = g_ptr_array_new ();
  collect_stops (root, stops);
  if (!g_ptr_array_find (stops, list, &here))
    return FALSE;

  /* The next stop that takes the focus, around the window's end. */
  for (guint i = 1; i < stops->len; i++)
    {
      guint next = backward ? (here + stops->len - i) % stops->len : (here + i) % stops->len;

      if (focus_stop (g_ptr_array_index (stops, next)))
        break;
    }

  return TRUE;
}

/**
 * measures_list_tab_leaves:
 * @list: a #GtkListBox or #GtkListView
 *
 * Makes Tab and Shift+Tab move from the list to the next or previous
 * pane, as in GNOME's own applications, while the arrow keys move within
 * it. GTK 4.8's lists move to their next row on Tab, so that Tab never
 * leaves a long list, and a sidebar that selects on focus changes the
 * view with every Tab.
 */
void
measures_list_tab_leaves (GtkWidget *list)
{
  GtkEventController *keys;

  g_return_if_fail (GTK_IS_LIST_BOX (list) || GTK_IS_LIST_VIEW (list));

  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect_object (keys, "key-pressed", G_CALLBACK (list_key_pressed), list, 0);
  gtk_widget_add_controller (list, keys);
}
