/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-navigation.h"
#include "measures-window-private.h"

G_DEFINE_FINAL_TYPE (MeasuresWindow, measures_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

void
_measures_window_show_toast (MeasuresWindow *self,
                             const char     *title)
{
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (title));
}

void
_measures_window_show_error_toast (MeasuresWindow *self,
                                   const GError   *error)
{
  g_warning ("%s", error->message);
  _measures_window_show_toast (self, error->message);
}

/* Sidebar ---------------------------------------------------------------- */

const ViewInfo _measures_window_views[N_VIEWS] = {
  /* The vision is the first frame's page. */
  [VIEW_VISION] = { "vision", "vision", N_("Vision and Goals"), FALSE },
  [VIEW_DASHBOARD] = { "dashboard", "dashboard", N_("Dashboard"), TRUE },
  [VIEW_GOAL] = { "goal", "measures", NULL, TRUE },
  [VIEW_ALL_MEASURES] = { "all", "measures", N_("All Measures"), TRUE },
  [VIEW_OFFICES] = { "offices", "offices", N_("Offices"), TRUE },
  [VIEW_INDICATORS] = { "indicators", "indicators", N_("Indicators"), TRUE },
};

static void
populate_sidebar (MeasuresWindow *self)
{
  for (View view = 0; view < N_VIEWS; view++)
    {
      if (_measures_window_views[view].title != NULL)
        {
          gtk_list_box_append (self->sidebar,
                               measures_sidebar_row_new (_(_measures_window_views[view].title),
                                                         NULL, view, 0));
          continue;
        }

      for (guint i = 0; i < g_list_model_get_n_items (self->goals); i++)
        {
          g_autoptr(MeasuresGoal) goal = g_list_model_get_item (self->goals, i);
          g_autofree char *title = NULL;

          /* Translators: a goal in the sidebar, above its title */
          title = g_strdup_printf (_("Goal %u"), measures_goal_get_number (goal));
          gtk_list_box_append (self->sidebar,
                               measures_sidebar_row_new (title, measures_goal_get_title (goal),
                                                         view, measures_goal_get_number (goal)));
        }
    }
}

/* Makes what the first frame did not need. A page that is warm already
 * catches up on what waited for the first frame. */
static void
warm_up (MeasuresWindow *self)
{
  self->warm = TRUE;
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (MEASURES_IS_PAGE (page))
      measures_page_warm_up (MEASURES_PAGE (page));
}

static gboolean
warm_up_idle (gpointer data)
{
  MeasuresWindow *self = data;

  warm_up (self);
  return G_SOURCE_REMOVE;
}

static void
first_frame_painted (GdkFrameClock  *clock,
                     MeasuresWindow *self)
{
  g_signal_handlers_disconnect_by_func (clock, first_frame_painted, self);
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, warm_up_idle, g_object_ref (self), g_object_unref);
}

static void
measures_window_map (GtkWidget *widget)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  GTK_WIDGET_CLASS (measures_window_parent_class)->map (widget);

  if (!self->warm)
    g_signal_connect_object (gtk_widget_get_frame_clock (widget), "after-paint",
                             G_CALLBACK (first_frame_painted), self, 0);
}

/* Views ------------------------------------------------------------------ */

static void
sidebar_row_selected (MeasuresWindow *self,
                      GtkListBoxRow  *row)
{
  const ViewInfo *info;

  if (row == NULL)
    return;

  info = &_measures_window_views[measures_sidebar_row_get_view (MEASURES_SIDEBAR_ROW (row))];
  if (info->warm_up)
    warm_up (self);
  /* The goals' views and all measures share a page. */
  if (gtk_stack_get_child_by_name (self->content_stack, info->page) ==
      GTK_WIDGET (self->measures_page))
    measures_measures_page_show_goal (self->measures_page,
                                      measures_sidebar_row_get_goal (MEASURES_SIDEBAR_ROW (row)));
  gtk_stack_set_visible_child_name (self->content_stack, info->page);

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (page == gtk_stack_get_visible_child (self->content_stack))
      measures_page_shown (MEASURES_PAGE (page));
    else
      measures_page_hidden (MEASURES_PAGE (page));

  _measures_window_actions_update (self);
}

static void
sidebar_row_activated (MeasuresWindow *self,
                       GtkListBoxRow  *row)
{
  measures_navigate_to (self->leaflet, GTK_WIDGET (self->content_stack), NULL);
}

void
_measures_window_select_view (MeasuresWindow *self,
                              View            view,
                              guint           goal)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->sidebar));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    {
      if (measures_sidebar_row_get_view (MEASURES_SIDEBAR_ROW (row)) == view &&
          measures_sidebar_row_get_goal (MEASURES_SIDEBAR_ROW (row)) == goal)
        {
          gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
          measures_navigate_to (self->leaflet, GTK_WIDGET (self->content_stack), NULL);
          return;
        }
    }
}

/* An edit in progress is never left half-written: a valid one is saved
 * when the window closes, one that cannot be saved is discarded. */
static gboolean
measures_window_close_request (GtkWindow *window)
{
  MeasuresWindow *self = MEASURES_WINDOW (window);
  GSettings *settings = measures_context_get_settings (self->context);

  if (settings != NULL)
    measures_window_save_settings (self, settings);

  /* An edit that someone else's change refused stays open, with why. */
  if (!measures_measures_page_finish_edit (self->measures_page))
    {
      gtk_window_present (window);
      return TRUE;
    }

  return GTK_WINDOW_CLASS (measures_window_parent_class)->close_request (window);
}

/* Setting up ------------------------------------------------------------- */

/* What the window's actions follow on the measures page. */
static const char * const measures_page_state[] = {
  "notify::measure",
  "notify::editing",
  "notify::can-save",
  "notify::goal",
};

static void
show_load_error (MeasuresWindow *self,
                 const GError   *error)
{
  GtkWidget *dialog;

  g_warning ("%s", error->message);
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _("Could Not Read the Strategy"),
                                   error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
load (MeasuresWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *strategy_title = NULL;
  g_autofree char *vision_title = NULL;
  g_auto(GStrv) statements = NULL;
  g_autoptr(GListModel) offices = NULL;

  self->offices = g_list_store_new (MEASURES_TYPE_OFFICE);

  if (!measures_store_load_vision (self->store, &strategy_title, &vision_title, &statements,
                                   &error) ||
      !(self->goals = measures_store_list_goals (self->store, &error)) ||
      !(offices = measures_store_list_offices (self->store, &error)))
    {
      g_clear_object (&self->goals);
      self->goals = G_LIST_MODEL (g_list_store_new (MEASURES_TYPE_GOAL));
      show_load_error (self, error);
      g_clear_error (&error);
    }

  if (!measures_measures_page_load (self->measures_page, self->context, self->goals, self->offices,
                                    &error))
    show_load_error (self, error);

  for (guint i = 0; offices && i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);
      g_list_store_append (self->offices, office);
    }

  measures_vision_page_set_vision (self->vision_page,
                                   strategy_title ? strategy_title : "",
                                   vision_title ? vision_title : "",
                                   (const char * const *)(statements ? statements
                                                                     : (GStrv)(const char *[]){ NULL }),
                                   self->goals);
  measures_offices_page_set_offices (self->offices_page, self->context, self->offices);
  measures_indicators_page_load (self->indicators_page, self->context, self->goals,
                                 G_LIST_MODEL (self->offices));
  measures_dashboard_page_set_strategy (self->dashboard_page, self->context, self->goals,
                                        self->offices);
  /* The window's actions follow what the measures page shows. */
  for (guint i = 0; i < G_N_ELEMENTS (measures_page_state); i++)
    g_signal_connect_object (self->measures_page, measures_page_state[i],
                             G_CALLBACK (_measures_window_actions_update), self,
                             G_CONNECT_SWAPPED);

  populate_sidebar (self);
  _measures_window_select_view (self, VIEW_VISION, 0);

  /* Start in the navigation, not in a selectable label whose text would
   * show up selected. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar)));
}

/* On a shared strategy, who is signed in, and where: two officials at one
 * desk, or one in two windows, tell their windows apart. */
static void
show_user (MeasuresWindow *self)
{
  g_autofree char *user = measures_store_dup_user_name (self->store);
  g_autofree char *name = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;

  if (user == NULL)
    return;

  name = measures_store_dup_display_name (self->store);
  /* Translators: the user signed in to a shared strategy, and its
   * database, e.g. "anna.sam · strategy on db.example.org" */
  subtitle = g_strdup_printf (_("%s · %s"), user, name);
  adw_window_title_set_subtitle (self->sidebar_title, subtitle);
  /* Translators: the window's title on a shared strategy: the user */
  title = g_strdup_printf (_("Measures — %s"), user);
  gtk_window_set_title (GTK_WINDOW (self), title);
}

/* The bar at the foot says how the server can be reached; what may be
 * changed follows (nothing while offline), and the user hears when the
 * connection is back. */
static void
connection_changed (MeasuresWindow *self)
{
  MeasuresConnection connection = measures_store_get_connection (self->store);

  if (connection == MEASURES_CONNECTION_ONLINE &&
      (self->connection == MEASURES_CONNECTION_RECONNECTING ||
       self->connection == MEASURES_CONNECTION_OFFLINE))
    {
      g_autofree char *name = measures_store_dup_display_name (self->store);
      g_autofree char *message = NULL;

      /* Translators: %s names the strategy's database */
      message = g_strdup_printf (_("Connected to “%s” again"), name);
      _measures_window_show_toast (self, message);
    }

  self->connection = connection;
  _measures_window_actions_update (self);
}

static void
measures_window_constructed (GObject *object)
{
  MeasuresWindow *self = (MeasuresWindow *)object;

  G_OBJECT_CLASS (measures_window_parent_class)->constructed (object);

  load (self);

  show_user (self);
  self->connection = measures_store_get_connection (self->store);
  measures_connection_banner_set_store (self->connection_banner, self->store);
  g_signal_connect_object (self->store, "notify::connection", G_CALLBACK (connection_changed),
                           self, G_CONNECT_SWAPPED);

  /* Shared by all windows: "undo" takes back the latest change anywhere. */
  g_signal_connect_object (measures_context_get_undo_stack (self->context), "notify::can-undo",
                           G_CALLBACK (_measures_window_actions_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (measures_context_get_undo_stack (self->context), "notify::can-redo",
                           G_CALLBACK (_measures_window_actions_update), self,
                           G_CONNECT_SWAPPED);
  _measures_window_actions_update (self);
}

static void
measures_window_dispose (GObject *object)
{
  MeasuresWindow *self = (MeasuresWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_WINDOW);
  g_clear_object (&self->goals);
  g_clear_object (&self->offices);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (measures_window_parent_class)->dispose (object);
}

static void
measures_window_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MeasuresWindow *self = MEASURES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      self->context = g_value_dup_object (value);
      self->store = g_object_ref (measures_context_get_store (self->context));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_window_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MeasuresWindow *self = MEASURES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_CONTEXT:
      g_value_set_object (value, self->context);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_window_class_init (MeasuresWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = measures_window_constructed;
  object_class->dispose = measures_window_dispose;
  object_class->get_property = measures_window_get_property;
  object_class->set_property = measures_window_set_property;
  window_class->close_request = measures_window_close_request;
  widget_class->map = measures_window_map;

  properties[PROP_CONTEXT] =
    g_param_spec_object ("context", NULL, NULL, MEASURES_TYPE_CONTEXT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MEASURES_TYPE_MEASURES_PAGE);
  g_type_ensure (MEASURES_TYPE_OFFICES_PAGE);
  g_type_ensure (MEASURES_TYPE_INDICATORS_PAGE);
  g_type_ensure (MEASURES_TYPE_VISION_PAGE);
  g_type_ensure (MEASURES_TYPE_DASHBOARD_PAGE);
  g_type_ensure (MEASURES_TYPE_CONNECTION_BANNER);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/window/measures-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, name)
  CHILD (toast_overlay);
  CHILD (leaflet);
  CHILD (sidebar_pane);
  CHILD (sidebar_title);
  CHILD (sidebar);
  CHILD (content_stack);
  CHILD (vision_page);
  CHILD (dashboard_page);
  CHILD (measures_page);
  CHILD (offices_page);
  CHILD (indicators_page);
  CHILD (connection_banner);
  CHILD (primary_menu_button);
  CHILD (view_section);
  CHILD (reports_section);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated);

  _measures_window_class_actions_init (widget_class);
}

static void
primary_menu_opens (GtkMenuButton *button,
                    gpointer       user_data)
{
  _measures_window_actions_update_menu (MEASURES_WINDOW (user_data));
}

static void
measures_window_init (MeasuresWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  measures_list_tab_leaves (GTK_WIDGET (self->sidebar));

  /* The main menu names what it prints in the view it opens on. */
  gtk_menu_button_set_create_popup_func (self->primary_menu_button, primary_menu_opens, self,
                                         NULL);
  _measures_window_actions_update_menu (self);

  /* Each page leads back to the sidebar when it is folded away. */
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (MEASURES_IS_PAGE (page))
      g_object_bind_property (self->leaflet, "folded", page, "folded", G_BINDING_SYNC_CREATE);
}

/**
 * measures_window_new:
 * @context: the open strategy, its undo stack and the settings
 *
 * Returns: (transfer full): a window showing the strategy in @context
 */
MeasuresWindow *
measures_window_new (MeasuresApplication *application,
                     MeasuresContext     *context)
{
  g_return_val_if_fail (MEASURES_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (MEASURES_IS_CONTEXT (context), NULL);

  return g_object_new (MEASURES_TYPE_WINDOW,
                       "application", application,
                       "context", context,
                       NULL);
}

/**
 * measures_window_get_context:
 *
 * Returns: (transfer none): what the window shows and shares with the
 *   other windows
 */
MeasuresContext *
measures_window_get_context (MeasuresWindow *self)
{
  g_return_val_if_fail (MEASURES_IS_WINDOW (self), NULL);

  return self->context;
}

/**
 * measures_window_show_goal:
 * @number: a goal's number
 *
 * Shows the goal's headline, text and measures.
 */
void
measures_window_show_goal (MeasuresWindow *self,
                           guint           number)
{
  g_return_if_fail (MEASURES_IS_WINDOW (self));

  _measures_window_select_view (self, VIEW_GOAL, number);
}

/**
 * measures_window_show_measure:
 * @measure_id: a measure's id in the store
 *
 * Shows the measure's sheet, in the list of all measures; filters that
 * hide it are cleared.
 */
void
measures_window_show_measure (MeasuresWindow *self,
                              gint64          measure_id)
{
  g_return_if_fail (MEASURES_IS_WINDOW (self));

  _measures_window_select_view (self, VIEW_ALL_MEASURES, 0);
  measures_measures_page_reveal_measure (self->measures_page, measure_id);
}

/**
 * measures_window_strategy_replaced:
 *
 * Tells the user that the window shows the strategy anew because another
 * window put a backup in its place, and holds back an edit in progress
 * until it is checked against the restored strategy.
 */
void
measures_window_strategy_replaced (MeasuresWindow *self)
{
  g_return_if_fail (MEASURES_IS_WINDOW (self));

  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Another window restored a backup: this is the "
                                                "strategy as restored")));
  measures_measures_page_strategy_replaced (self->measures_page);
}
