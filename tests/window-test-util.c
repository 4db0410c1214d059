/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/extensions/XTest.h>
#include <X11/keysym.h>

#include "window-test-util.h"

/* As the application starts: its catalogs before GTK. */
void
window_test_init (int    *argc,
                  char ***argv)
{
  measures_application_init_i18n ();
  gtk_test_init (argc, argv, NULL);
  adw_init ();
}

void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

void
pause_for_screenshot (const char *state)
{
  const char *pause = g_getenv ("MEASURES_TEST_PAUSE");
  gint64 end;

  if (pause == NULL)
    return;

  g_printerr ("# state: %s\n", state);
  end = g_get_monotonic_time () + g_ascii_strtoll (pause, NULL, 10) * G_USEC_PER_SEC;
  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE), g_usleep (10000);
}

gpointer
child (gpointer    widget,
       GType       type,
       const char *name)
{
  gpointer found = gtk_widget_get_template_child (GTK_WIDGET (widget), type, name);

  g_assert_nonnull (found);
  return found;
}

/* The filters are made when their button is first opened, as a user opens
 * it; found by their ids in the popover's file. */
gpointer
filter_child (Fixture    *f,
              const char *id)
{
  GtkMenuButton *button = MEASURES_CHILD (f, "filter_button");
  GtkWidget *popover;

  gtk_menu_button_popup (button);
  popover = GTK_WIDGET (gtk_menu_button_get_popover (button));
  g_assert_nonnull (popover);
  for (GtkWidget *w = gtk_widget_get_first_child (popover); w != NULL; )
    {
      const char *buildable_id = gtk_buildable_get_buildable_id (GTK_BUILDABLE (w));
      GtkWidget *next;

      if (g_strcmp0 (buildable_id, id) == 0)
        {
          gtk_menu_button_popdown (button);
          return w;
        }
      /* Depth first through the popover's widgets. */
      if ((next = gtk_widget_get_first_child (w)) == NULL)
        while ((next = gtk_widget_get_next_sibling (w)) == NULL &&
               (w = gtk_widget_get_parent (w)) != popover)
          ;
      w = next;
    }

  g_error ("The filter popover has no “%s”", id);
}

/* The sheet and the editor are made after the first frame. */
gpointer
detail_page (Fixture    *f,
             const char *name)
{
  gpointer page = gtk_stack_get_child_by_name (MEASURES_CHILD (f, "detail_stack"), name);

  g_assert_nonnull (page);
  return page;
}

/* On a session bus, an application stays exported under its id until the
 * process ends, so every test gets an id of its own. */
MeasuresApplication *
new_application (void)
{
  static guint serial;
  g_autofree char *id = g_strdup_printf ("%s.Test%u", APP_ID, ++serial);
  MeasuresApplication *app = measures_application_new ();

  g_application_set_application_id (G_APPLICATION (app), id);
  return app;
}

void
fixture_setup (Fixture       *f,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  GList *windows;

  temp_dir_setup (&f->tmp, data);
  path = temp_path (&f->tmp, "strategy.db");

  f->app = new_application ();
  g_application_set_flags (G_APPLICATION (f->app), G_APPLICATION_NON_UNIQUE);
  measures_application_set_database (f->app, path);
  g_assert_true (g_application_register (G_APPLICATION (f->app), NULL, &error));
  g_assert_no_error (error);

  g_application_activate (G_APPLICATION (f->app));
  windows = gtk_application_get_windows (GTK_APPLICATION (f->app));
  g_assert_nonnull (windows);

  if (MEASURES_IS_WINDOW (windows->data))
    {
      f->window = windows->data;
      gtk_test_widget_wait_for_draw (GTK_WIDGET (f->window));
      iterate ();
    }
}

/* Every key back to its default, as a new user's. */
void
reset_settings (GSettings *settings)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_auto(GStrv) keys = NULL;

  g_object_get (settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    g_settings_reset (settings, keys[i]);
  iterate ();
}

void
fixture_teardown (Fixture       *f,
                  gconstpointer  data)
{
  GSettings *settings = f->app ? measures_application_get_settings (f->app) : NULL;
  GList *windows;

  if (f->window)
    g_object_add_weak_pointer (G_OBJECT (f->window), (gpointer *)&f->window);
  while (f->app && (windows = gtk_application_get_windows (GTK_APPLICATION (f->app))))
    gtk_window_destroy (windows->data);
  iterate ();

  /* Closing the window lets go of it and of everything it showed. */
  g_assert_null (f->window);

  /* Settings live in memory for the whole run: every test starts afresh. */
  if (settings != NULL)
    reset_settings (settings);
  g_clear_object (&f->app);
  temp_dir_teardown (&f->tmp, data);
}

void
select_sidebar_row (Fixture *f,
                    int      index)
{
  GtkListBox *sidebar = WINDOW_CHILD (f, "sidebar");
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (sidebar, index);

  g_assert_nonnull (row);
  /* What a click does: select, then activate. */
  gtk_list_box_select_row (sidebar, row);
  g_signal_emit_by_name (sidebar, "row-activated", row);
  iterate ();
}

/* Pointer input through the display server, as a mouse gives it: the
 * events reach the window's controllers like a user's. */
Display *
x_display (GtkWidget *widget)
{
  GdkDisplay *display = gtk_widget_get_display (widget);

  g_assert_true (GDK_IS_X11_DISPLAY (display));
  return gdk_x11_display_get_xdisplay (display);
}

void
sync_input (GtkWidget *widget)
{
  XSync (x_display (widget), False);
  iterate ();
  gtk_test_widget_wait_for_draw (GTK_WIDGET (gtk_widget_get_root (widget)));
  iterate ();
}

/* Moves the pointer to the middle of @widget. */
void
pointer_to (GtkWidget *widget)
{
  GtkNative *native = gtk_widget_get_native (widget);
  GdkSurface *surface = gtk_native_get_surface (native);
  graphene_point_t middle = GRAPHENE_POINT_INIT (gtk_widget_get_width (widget) / 2.0,
                                                 gtk_widget_get_height (widget) / 2.0);
  graphene_point_t point;
  double dx, dy;

  g_assert_true (gtk_widget_compute_point (widget, GTK_WIDGET (native), &middle, &point));
  gtk_native_get_surface_transform (native, &dx, &dy);
  XWarpPointer (x_display (widget), None, gdk_x11_surface_get_xid (surface), 0, 0, 0, 0,
                (int) (point.x + dx), (int) (point.y + dy));
  sync_input (widget);
}

/* A click may take @widget away: what follows is waited for on its window. */
void
click (GtkWidget *widget)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));

  pointer_to (widget);
  XTestFakeButtonEvent (x_display (window), 1, True, CurrentTime);
  XTestFakeButtonEvent (x_display (window), 1, False, CurrentTime);
  sync_input (window);
}

/* The row @n of a list view as it is drawn, and the title it shows. */
GtkWidget *
drawn_row (GtkListView *list,
           guint        n)
{
  GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (list));

  for (guint i = 0; i < n && row != NULL; i++)
    row = gtk_widget_get_next_sibling (row);
  g_assert_nonnull (row);
  return row;
}

const char *
first_label (GtkWidget *widget)
{
  if (GTK_IS_LABEL (widget))
    return gtk_label_get_text (GTK_LABEL (widget));

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      const char *text = first_label (c);

      if (text != NULL)
        return text;
    }
  return NULL;
}

/* The offices page, on the office @abbreviation, as activating its row does. */
void
open_office (Fixture    *f,
             const char *abbreviation)
{
  GtkListView *list = OFFICES_CHILD (f, "office_list");
  GListModel *offices;

  select_sidebar_row (f, 8);
  offices = G_LIST_MODEL (gtk_list_view_get_model (list));
  for (guint i = 0; i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);

      if (g_str_equal (measures_office_get_abbreviation (office), abbreviation))
        g_signal_emit_by_name (list, "activate", i);
    }
  iterate ();
}

const char *
label_text (gpointer    widget,
            GType       type,
            const char *name)
{
  return gtk_label_get_text (child (widget, type, name));
}

/* Finds a label that is on screen and shows @text. */
gboolean
shows_label (GtkWidget  *widget,
             const char *text)
{
  if (!gtk_widget_get_mapped (widget))
    return FALSE;

  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return TRUE;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    if (shows_label (c, text))
      return TRUE;

  return FALSE;
}

/* The search entry waits a moment after typing; tests do not. */
void
search_now (Fixture *f)
{
  g_signal_emit_by_name (MEASURES_CHILD (f, "search_entry"), "search-changed");
  iterate ();
}

guint
count_rows (GtkListBox *list)
{
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;

  return n;
}

/* The application's window of @type, or a dialog of @type, or %NULL. */
GtkWindow *
find_window (Fixture *f,
             GType    type)
{
  g_autoptr(GList) toplevels = NULL;

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (f->app)); l; l = l->next)
    if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type))
      return l->data;

  /* A dialog over one of the application's windows need not belong to
   * the application itself. */
  toplevels = gtk_window_list_toplevels ();
  for (GList *l = toplevels; l; l = l->next)
    {
      GtkWindow *parent = gtk_window_get_transient_for (l->data);

      if (G_TYPE_CHECK_INSTANCE_TYPE (l->data, type) && gtk_widget_get_visible (l->data) &&
          parent != NULL && gtk_window_get_application (parent) == GTK_APPLICATION (f->app))
        return l->data;
    }

  return NULL;
}

/* Presses @keyval with @modifiers through the display server, as a
 * keyboard does: the focused widget and the window's shortcuts see it. */
static void
send_keys (GtkWidget *widget,
           guint      modifiers,
           guint      keyval)
{
  Display *display = x_display (widget);
  KeyCode control = XKeysymToKeycode (display, XK_Control_L);
  KeyCode shift = XKeysymToKeycode (display, XK_Shift_L);
  KeyCode key = XKeysymToKeycode (display, keyval);
  GdkSurface *surface = gtk_native_get_surface (gtk_widget_get_native (widget));

  /* Without a window manager, the keyboard goes where it is sent. */
  XSetInputFocus (display, gdk_x11_surface_get_xid (surface), RevertToParent, CurrentTime);

  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (display, control, True, CurrentTime);
  if (modifiers & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (display, shift, True, CurrentTime);
  XTestFakeKeyEvent (display, key, True, CurrentTime);
  XTestFakeKeyEvent (display, key, False, CurrentTime);
  if (modifiers & GDK_SHIFT_MASK)
    XTestFakeKeyEvent (display, shift, False, CurrentTime);
  if (modifiers & GDK_CONTROL_MASK)
    XTestFakeKeyEvent (display, control, False, CurrentTime);
}

void
press_keys (GtkWidget *widget,
            guint      modifiers,
            guint      keyval)
{
  send_keys (widget, modifiers, keyval);
  sync_input (widget);
}

/* As press_keys(), for keys that close @window: nothing is waited for on
 * it afterwards. */
void
press_closing_keys (GtkWindow *window,
                    guint      modifiers,
                    guint      keyval)
{
  g_autoptr(GtkWindow) held = g_object_ref (window);
  Display *display = x_display (GTK_WIDGET (held));

  send_keys (GTK_WIDGET (held), modifiers, keyval);
  XSync (display, False);
  for (guint i = 0; i < 20 && gtk_widget_get_visible (GTK_WIDGET (held)); i++)
    {
      g_usleep (10000);
      iterate ();
    }
  iterate ();
}

/* A label under @widget that shows @text: one on screen if any. */
GtkLabel *
find_label (GtkWidget  *widget,
            const char *text)
{
  GtkLabel *hidden = NULL;

  if (GTK_IS_LABEL (widget) && g_str_equal (gtk_label_get_text (GTK_LABEL (widget)), text))
    return GTK_LABEL (widget);

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkLabel *found = find_label (c, text);

      if (found != NULL && gtk_widget_get_mapped (GTK_WIDGET (found)))
        return found;
      if (found != NULL && hidden == NULL)
        hidden = found;
    }

  return hidden;
}

/* Whether the label shows all of its text: neither cut with "…" nor
 * wider than the room it has. */
gboolean
shows_whole (GtkLabel *label)
{
  PangoLayout *layout = gtk_label_get_layout (label);
  int width;

  pango_layout_get_pixel_size (layout, &width, NULL);
  return gtk_widget_get_mapped (GTK_WIDGET (label)) && !pango_layout_is_ellipsized (layout) &&
         width <= gtk_widget_get_width (GTK_WIDGET (label));
}
