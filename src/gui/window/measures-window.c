/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-measure-row.h"
#include "measures-navigation.h"
#include "measures-window-private.h"

G_DEFINE_FINAL_TYPE (MeasuresWindow, measures_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_CONTEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

MeasuresGoal *
_measures_window_find_goal (MeasuresWindow *self,
                            guint           number)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->goals); i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (self->goals, i);

      /* The list keeps the goal alive. */
      if (measures_goal_get_number (goal) == number)
        return goal;
    }

  return NULL;
}

MeasuresMeasure *
_measures_window_get_selected_measure (MeasuresWindow *self)
{
  return gtk_single_selection_get_selected_item (self->measure_selection);
}

gboolean
_measures_window_is_editing (MeasuresWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "editor") == 0;
}

static void editor_state_changed (MeasuresWindow *self);

/* What is out of sight at start — the sheet, the editor, the lists' rows,
 * the office page — is made after the first frame (see warm_up()), or
 * when it is first needed. */
MeasuresMeasureView *
_measures_window_get_measure_view (MeasuresWindow *self)
{
  if (self->measure_view == NULL)
    {
      self->measure_view = g_object_new (MEASURES_TYPE_MEASURE_VIEW, NULL);
      measures_measure_view_set_store (self->measure_view, self->store);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->measure_view), "sheet");
      if (!_measures_window_is_editing (self))
        gtk_stack_set_visible_child_name (self->detail_stack, "sheet");
    }

  return self->measure_view;
}

MeasuresMeasureEditor *
_measures_window_get_measure_editor (MeasuresWindow *self)
{
  if (self->measure_editor == NULL)
    {
      _measures_window_get_measure_view (self);
      self->measure_editor = g_object_new (MEASURES_TYPE_MEASURE_EDITOR, NULL);
      g_signal_connect_object (self->measure_editor, "notify::valid",
                               G_CALLBACK (editor_state_changed), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->measure_editor), "editor");
    }

  return self->measure_editor;
}

void
_measures_window_show_toast (MeasuresWindow *self,
                             const char     *title,
                             gboolean        offer_undo)
{
  AdwToast *toast = adw_toast_new (title);

  if (offer_undo)
    {
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_action_name (toast, "win.undo");
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

void
_measures_window_show_error_toast (MeasuresWindow *self,
                                   const GError   *error)
{
  g_warning ("%s", error->message);
  _measures_window_show_toast (self, error->message, FALSE);
}

/* Sidebar ---------------------------------------------------------------- */

static GtkWidget *
create_sidebar_row (const char *title,
                    const char *subtitle,
                    View        view,
                    guint       goal)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  if (subtitle != NULL)
    {
      GtkWidget *caption = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (caption), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (caption), 28);
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_widget_add_css_class (caption, "sidebar-goal-title");
      gtk_box_append (GTK_BOX (box), caption);
    }

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* A row is read by its title; the goal's name comes as its description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (subtitle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    subtitle, -1);
  g_object_set_data (G_OBJECT (row), "view", GUINT_TO_POINTER (view));
  g_object_set_data (G_OBJECT (row), "goal", GUINT_TO_POINTER (goal));

  return row;
}

static void
populate_sidebar (MeasuresWindow *self)
{
  gtk_list_box_append (self->sidebar,
                       create_sidebar_row (_("Vision and Goals"), NULL, VIEW_VISION, 0));

  for (guint i = 0; i < g_list_model_get_n_items (self->goals); i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (self->goals, i);
      g_autofree char *title = NULL;

      /* Translators: a goal in the sidebar, above its title */
      title = g_strdup_printf (_("Goal %u"), measures_goal_get_number (goal));
      gtk_list_box_append (self->sidebar,
                           create_sidebar_row (title, measures_goal_get_title (goal), VIEW_GOAL,
                                               measures_goal_get_number (goal)));
    }

  gtk_list_box_append (self->sidebar,
                       create_sidebar_row (_("All Measures"), NULL, VIEW_ALL_MEASURES, 0));
  gtk_list_box_append (self->sidebar,
                       create_sidebar_row (_("Offices"), NULL, VIEW_OFFICES, 0));
}

static void
search_changed (MeasuresWindow *self)
{
  _measures_window_refilter (self);
}

void
_measures_window_search_stopped (MeasuresWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

/* Makes what the first frame did not need. */
static void
warm_up (MeasuresWindow *self)
{
  if (self->warm)
    return;

  self->warm = TRUE;
  gtk_list_view_set_model (self->measure_list, GTK_SELECTION_MODEL (self->measure_selection));
  _measures_window_get_measure_editor (self);
  _measures_window_measure_selection_changed (self);
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
  if (self->pending_scroll > 0)
    {
      gtk_widget_activate_action (GTK_WIDGET (self->measure_list), "list.scroll-to-item", "u",
                                  self->pending_scroll - 1);
      self->pending_scroll = 0;
    }
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

static void
show_measures_of_goal (MeasuresWindow *self,
                       guint           number)
{
  warm_up (self);
  self->goal = number && _measures_window_find_goal (self, number) ? number : 0;
  _measures_window_refilter (self);
  gtk_stack_set_visible_child_name (self->content_stack, "measures");
}

/* Views ------------------------------------------------------------------ */

static void
sidebar_row_selected (MeasuresWindow *self,
                      GtkListBoxRow  *row)
{
  if (row == NULL)
    return;

  switch ((View)GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "view")))
    {
    case VIEW_VISION:
      gtk_stack_set_visible_child_name (self->content_stack, "vision");
      break;
    case VIEW_GOAL:
      show_measures_of_goal (self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "goal")));
      break;
    case VIEW_ALL_MEASURES:
      show_measures_of_goal (self, 0);
      break;
    case VIEW_OFFICES:
      warm_up (self);
      gtk_stack_set_visible_child_name (self->content_stack, "offices");
      break;
    default:
      g_assert_not_reached ();
    }

  if (MEASURES_IS_PAGE (gtk_stack_get_visible_child (self->content_stack)))
    measures_page_shown (MEASURES_PAGE (gtk_stack_get_visible_child (self->content_stack)));

  _measures_window_actions_update (self);

  /* Typing searches the list, where there is one to search. */
  gtk_search_bar_set_key_capture_widget (
    self->search_bar,
    g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "measures")
      ? GTK_WIDGET (self) : NULL);
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
      if (GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "view")) == view &&
          GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "goal")) == goal)
        {
          gtk_list_box_select_row (self->sidebar, GTK_LIST_BOX_ROW (row));
          measures_navigate_to (self->leaflet, GTK_WIDGET (self->content_stack), NULL);
          return;
        }
    }
}

/* Selects a measure in the list as it is now, if it is there. */
gboolean
_measures_window_select_measure_id (MeasuresWindow *self,
                                    gint64          id)
{
  guint position;

  if (!measures_measure_list_find (self->measures, id, &position))
    return FALSE;

  gtk_single_selection_set_selected (self->measure_selection, position);
  /* Before the list has drawn, its rows' heights are guesses, and GTK 4.8
   * would leave the rows above the measure blank: scroll once it drew. */
  if (gtk_widget_get_mapped (GTK_WIDGET (self->measure_list)))
    gtk_widget_activate_action (GTK_WIDGET (self->measure_list), "list.scroll-to-item", "u",
                                position);
  else
    self->pending_scroll = position + 1;
  return TRUE;
}

void
_measures_window_measure_selection_changed (MeasuresWindow *self)
{
  MeasuresMeasure *measure = _measures_window_get_selected_measure (self);
  MeasuresGoal *goal =
    measure ? _measures_window_find_goal (self, measures_measure_get_goal (measure)) : NULL;

  if (self->changing_list)
    return;

  /* The editor keeps its measure until saved or cancelled. */
  if (!_measures_window_is_editing (self) && (self->warm || self->measure_view != NULL))
    measures_measure_view_set_measure (_measures_window_get_measure_view (self), measure, goal);
  _measures_window_actions_update (self);
}

static void
measure_list_activated (MeasuresWindow *self,
                        guint           position)
{
  gtk_single_selection_set_selected (self->measure_selection, position);
  measures_navigate_to (self->measures_leaflet, self->measure_detail_pane,
                        self->measure_back_button);
}

/* A click on a row selects it (the row's own gesture, which runs after
 * this one); in a folded window it also opens the row's pane. The lists'
 * single-click-activate would do that too, but it selects whatever row the
 * pointer passes over, changing the measure shown under the user's hand. */
static void
list_clicked (MeasuresWindow  *self,
              int              n_press,
              double           x,
              double           y,
              GtkGestureClick *gesture)
{
  if (n_press != 1 || !measures_list_view_is_on_row (self->measure_list, x, y))
    return;

  measures_navigate_to (self->measures_leaflet, self->measure_detail_pane,
                        self->measure_back_button);
}

/* Keeping the lists in step with the store ------------------------------ */

static void
measure_changed (MeasuresWindow *self,
                 gint64          id)
{
  g_autoptr(GError) error = NULL;
  MeasuresMeasure *shown = _measures_window_get_selected_measure (self);
  gboolean was_shown = shown != NULL && measures_measure_get_id (shown) == id;
  MeasuresMeasure *selected = _measures_window_begin_list_change (self);

  if (!measures_measure_list_reload (self->measures, id, &error))
    _measures_window_show_error_toast (self, error);
  _measures_window_end_list_change (self, selected);
  _measures_window_update_list_state (self);

  /* A changed measure may have moved: keep it in sight. */
  if (was_shown)
    _measures_window_select_measure_id (self, id);
  _measures_window_actions_update (self);
}

/* Editing ---------------------------------------------------------------- */

void
_measures_window_set_editing (MeasuresWindow *self,
                              gboolean        editing,
                              const char     *title)
{
  gtk_stack_set_visible_child_name (self->detail_stack, editing ? "editor" : "sheet");
  gtk_widget_set_visible (self->cancel_button, editing);
  gtk_widget_set_visible (self->save_button, editing);
  gtk_widget_set_visible (self->edit_button, !editing);
  gtk_widget_set_visible (self->remove_button, !editing);
  gtk_widget_set_visible (self->measure_back_button,
                          !editing && adw_leaflet_get_folded (self->measures_leaflet));
  adw_window_title_set_title (self->detail_title, title);
  _measures_window_actions_update (self);

  /* Out of the editor, the keyboard goes back to the button that opened it
   * rather than into the sheet's first text, which would show a caret. */
  if (!editing && gtk_widget_get_mapped (self->edit_button))
    gtk_widget_grab_focus (self->edit_button);
}

static void
editor_state_changed (MeasuresWindow *self)
{
  _measures_window_actions_update (self);
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

  if (_measures_window_is_editing (self) &&
      measures_measure_editor_get_modified (_measures_window_get_measure_editor (self)) &&
      !_measures_window_save_edit (self))
    g_message ("Closed with an edit that could not be saved; it was discarded");

  return GTK_WINDOW_CLASS (measures_window_parent_class)->close_request (window);
}

/* Setting up ------------------------------------------------------------- */

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

  /* The list reads a few bytes of each measure now, the rest as rows
   * come into view. */
  self->measures = measures_measure_list_new (self->store, NULL, -1, &error);
  if (error != NULL)
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

  self->measure_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->measures)));

  g_signal_connect_object (self->measure_selection, "notify::selected-item",
                           G_CALLBACK (_measures_window_measure_selection_changed), self,
                           G_CONNECT_SWAPPED);

  g_signal_connect_object (self->store, "measure-changed", G_CALLBACK (measure_changed), self,
                           G_CONNECT_SWAPPED);

  populate_sidebar (self);
  _measures_window_measure_selection_changed (self);

  _measures_window_select_view (self, VIEW_VISION, 0);
  _measures_window_update_list_state (self);

  /* Start in the navigation, not in a selectable label whose text would
   * show up selected. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar)));
}

static void
measures_window_constructed (GObject *object)
{
  MeasuresWindow *self = (MeasuresWindow *)object;

  G_OBJECT_CLASS (measures_window_parent_class)->constructed (object);

  load (self);

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
  /* The detail stack held them. */
  self->measure_view = NULL;
  self->measure_editor = NULL;
  g_clear_object (&self->measure_selection);
  g_clear_object (&self->goals);
  g_clear_object (&self->measures);
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

  g_type_ensure (MEASURES_TYPE_MEASURE_EDITOR);
  g_type_ensure (MEASURES_TYPE_MEASURE_VIEW);
  g_type_ensure (MEASURES_TYPE_OFFICES_PAGE);
  g_type_ensure (MEASURES_TYPE_VISION_PAGE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/window/measures-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, name)
  CHILD (toast_overlay);
  CHILD (leaflet);
  CHILD (sidebar_pane);
  CHILD (sidebar);
  CHILD (content_stack);
  CHILD (vision_page);
  CHILD (measures_leaflet);
  CHILD (measure_list_pane);
  CHILD (measure_list_title);
  CHILD (search_bar);
  CHILD (search_entry);
  CHILD (filter_button);
  CHILD (goal_header);
  CHILD (goal_title_label);
  CHILD (goal_headline_label);
  CHILD (goal_summary_label);
  CHILD (goal_progress_bar);
  CHILD (goal_text_label);
  CHILD (list_stack);
  CHILD (measure_list);
  CHILD (measure_detail_pane);
  CHILD (measure_back_button);
  CHILD (detail_title);
  CHILD (cancel_button);
  CHILD (save_button);
  CHILD (edit_button);
  CHILD (remove_button);
  CHILD (detail_stack);
  CHILD (offices_page);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, measure_list_activated);
  gtk_widget_class_bind_template_callback (widget_class, list_clicked);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback_full (widget_class, "search_stopped",
                                                G_CALLBACK (_measures_window_search_stopped));

  _measures_window_class_actions_init (widget_class);
}

static void
create_filter_popover (GtkMenuButton *button,
                       gpointer       data)
{
  _measures_window_ensure_filters (data);
}

static void
measures_window_init (MeasuresWindow *self)
{
  g_autoptr(GtkListItemFactory) measure_rows = measures_measure_row_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_view_set_factory (self->measure_list, measure_rows);
  /* Each page leads back to the sidebar when it is folded away. */
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (MEASURES_IS_PAGE (page))
      g_object_bind_property (self->leaflet, "folded", page, "folded", G_BINDING_SYNC_CREATE);
  gtk_menu_button_set_create_popup_func (self->filter_button, create_filter_popover, self, NULL);
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
 * Shows the measure's sheet, in the list of all measures.
 */
void
measures_window_show_measure (MeasuresWindow *self,
                              gint64          measure_id)
{
  g_return_if_fail (MEASURES_IS_WINDOW (self));

  _measures_window_select_view (self, VIEW_ALL_MEASURES, 0);
  if (_measures_window_select_measure_id (self, measure_id))
    measures_navigate_to (self->measures_leaflet, self->measure_detail_pane,
                          self->measure_back_button);
}
