/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-measure-view.h"
#include "measures-office-view.h"
#include "measures-vision-view.h"
#include "measures-window.h"

/**
 * MeasuresWindow:
 *
 * The main window: views in a sidebar (vision, the goals, all measures,
 * offices), a list, and the selected measure's sheet or office. Three
 * leaflets fold the panes one after another as the window narrows.
 */
struct _MeasuresWindow
{
  AdwApplicationWindow parent_instance;

  /* Owned */
  MeasuresStore *store;
  GListModel *goals;
  GListModel *measures;
  GListModel *offices;
  GtkCustomFilter *goal_filter;
  GtkSingleSelection *measure_selection;
  GtkSingleSelection *office_selection;
  guint goal;

  /* Template widgets */
  AdwLeaflet *leaflet;
  GtkWidget *sidebar_pane;
  GtkListBox *sidebar;
  GtkStack *content_stack;
  MeasuresVisionView *vision_view;
  AdwLeaflet *measures_leaflet;
  GtkWidget *measure_list_pane;
  AdwWindowTitle *measure_list_title;
  GtkWidget *goal_header;
  GtkLabel *goal_title_label;
  GtkLabel *goal_headline_label;
  GtkLabel *goal_text_label;
  GtkListView *measure_list;
  GtkWidget *measure_detail_pane;
  GtkWidget *measure_back_button;
  MeasuresMeasureView *measure_view;
  AdwLeaflet *offices_leaflet;
  GtkWidget *office_list_pane;
  GtkListView *office_list;
  GtkWidget *office_detail_pane;
  GtkWidget *office_back_button;
  MeasuresOfficeView *office_view;
};

G_DEFINE_FINAL_TYPE (MeasuresWindow, measures_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* What a sidebar row shows; goals carry their number as well. */
typedef enum {
  VIEW_VISION,
  VIEW_GOAL,
  VIEW_ALL_MEASURES,
  VIEW_OFFICES,
} View;

static MeasuresGoal *
find_goal (MeasuresWindow *self,
           guint           number)
{
  for (guint i = 0; i < g_list_model_get_n_items (self->goals); i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (self->goals, i);

      if (measures_goal_get_number (goal) == number)
        return goal;
    }

  return NULL;
}

/* List item closures: the first argument is the list item. */

static char *
measure_row_subtitle (GtkListItem     *list_item,
                      MeasuresMeasure *measure)
{
  const char * const *lead;
  g_autofree char *offices = NULL;

  if (measure == NULL)
    return NULL;

  lead = measures_measure_get_lead_offices (measure);
  offices = lead[0] ? g_strjoinv (", ", (GStrv)lead) : g_strdup (measures_measure_get_lead (measure));

  /* Translators: under a measure's title in the list: "Goal 2 · SAM" */
  return g_strdup_printf (_("Goal %u · %s"), measures_measure_get_goal (measure), offices);
}

static char *
priority_label (GtkListItem      *list_item,
                MeasuresPriority  priority)
{
  return g_strdup (measures_priority_get_label (priority));
}

static GStrv
priority_css_classes (GtkListItem      *list_item,
                      MeasuresPriority  priority)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  g_strv_builder_add (builder, "priority");
  g_strv_builder_add (builder, measures_priority_to_string (priority));

  return g_strv_builder_end (builder);
}

static char *
office_row_counts (GtkListItem    *list_item,
                   MeasuresOffice *office)
{
  if (office == NULL)
    return NULL;

  /* Translators: under an office's name: how many measures it leads and
   * in how many it takes part */
  return g_strdup_printf (_("Leads %u · Involved in %u"), measures_office_get_n_lead (office),
                          measures_office_get_n_involved (office));
}

/* Organisations outside the glossary have no abbreviation of their own:
 * their name would only repeat the heading. */
static gboolean
office_row_has_name (GtkListItem    *list_item,
                     MeasuresOffice *office)
{
  return office != NULL && g_strcmp0 (measures_office_get_name (office),
                                      measures_office_get_abbreviation (office)) != 0;
}

static GtkListItemFactory *
create_factory (const char *resource)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "measure_row_subtitle", G_CALLBACK (measure_row_subtitle),
                                           "priority_label", G_CALLBACK (priority_label),
                                           "priority_css_classes", G_CALLBACK (priority_css_classes),
                                           "office_row_counts", G_CALLBACK (office_row_counts),
                                           "office_row_has_name", G_CALLBACK (office_row_has_name),
                                           NULL);

  return gtk_builder_list_item_factory_new_from_resource (scope, resource);
}

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

static gboolean
goal_filter_match (gpointer item,
                   gpointer user_data)
{
  MeasuresWindow *self = user_data;

  return self->goal == 0 || measures_measure_get_goal (item) == self->goal;
}

static void
update_measure_list_title (MeasuresWindow *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->measure_selection));
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;

  count = g_strdup_printf (ngettext ("%u measure", "%u measures", n), n);
  if (self->goal == 0)
    title = g_strdup (_("All Measures"));
  else
    title = g_strdup_printf (_("Goal %u"), self->goal);

  adw_window_title_set_title (self->measure_list_title, title);
  adw_window_title_set_subtitle (self->measure_list_title, count);
}

static void
show_measures_of_goal (MeasuresWindow *self,
                       guint           number)
{
  MeasuresGoal *goal = number ? find_goal (self, number) : NULL;

  self->goal = goal ? number : 0;
  gtk_filter_changed (GTK_FILTER (self->goal_filter), GTK_FILTER_CHANGE_DIFFERENT);

  gtk_widget_set_visible (self->goal_header, goal != NULL);
  if (goal != NULL)
    {
      gtk_label_set_text (self->goal_title_label, measures_goal_get_title (goal));
      gtk_label_set_text (self->goal_headline_label, measures_goal_get_headline (goal));
      gtk_label_set_text (self->goal_text_label, measures_goal_get_text (goal));
    }

  update_measure_list_title (self);
  gtk_stack_set_visible_child_name (self->content_stack, "measures");
}

/* Shows @child of a folded leaflet. An unfolded leaflet shows all its
 * children already, and moving its visible child would also move the
 * keyboard focus into that pane. */
static void
navigate_to (AdwLeaflet *leaflet,
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
      gtk_stack_set_visible_child_name (self->content_stack, "offices");
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
sidebar_row_activated (MeasuresWindow *self,
                       GtkListBoxRow  *row)
{
  navigate_to (self->leaflet, GTK_WIDGET (self->content_stack), NULL);
}

static void
select_sidebar_row (MeasuresWindow *self,
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
          navigate_to (self->leaflet, GTK_WIDGET (self->content_stack), NULL);
          return;
        }
    }
}

static void
measure_selection_changed (MeasuresWindow *self)
{
  MeasuresMeasure *measure = gtk_single_selection_get_selected_item (self->measure_selection);
  MeasuresGoal *goal = measure ? find_goal (self, measures_measure_get_goal (measure)) : NULL;

  measures_measure_view_set_measure (self->measure_view, measure, goal);
}

static void
measure_list_activated (MeasuresWindow *self,
                        guint           position)
{
  gtk_single_selection_set_selected (self->measure_selection, position);
  navigate_to (self->measures_leaflet, self->measure_detail_pane, self->measure_back_button);
}

static void
office_selection_changed (MeasuresWindow *self)
{
  MeasuresOffice *office = gtk_single_selection_get_selected_item (self->office_selection);

  measures_office_view_set_office (self->office_view, office, self->measures);
}

static void
office_list_activated (MeasuresWindow *self,
                       guint           position)
{
  gtk_single_selection_set_selected (self->office_selection, position);
  navigate_to (self->offices_leaflet, self->office_detail_pane, self->office_back_button);
}

static void
vision_goal_activated (MeasuresWindow *self,
                       guint           number)
{
  measures_window_show_goal (self, number);
}

static void
office_measure_activated (MeasuresWindow  *self,
                          MeasuresMeasure *measure)
{
  measures_window_show_measure (self, measures_measure_get_id (measure));
}

static void
show_sidebar_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  adw_leaflet_set_visible_child (self->leaflet, self->sidebar_pane);
}

static void
show_measure_list_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  adw_leaflet_set_visible_child (self->measures_leaflet, self->measure_list_pane);
}

static void
show_office_list_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  adw_leaflet_set_visible_child (self->offices_leaflet, self->office_list_pane);
}

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
  g_autoptr(GtkFilterListModel) goal_measures = NULL;

  if (!measures_store_load_vision (self->store, &strategy_title, &vision_title, &statements,
                                   &error) ||
      !(self->goals = measures_store_list_goals (self->store, &error)) ||
      !(self->measures = measures_store_list_measures (self->store, &error)) ||
      !(self->offices = measures_store_list_offices (self->store, &error)))
    {
      g_clear_object (&self->goals);
      g_clear_object (&self->measures);
      g_clear_object (&self->offices);
      self->goals = G_LIST_MODEL (g_list_store_new (MEASURES_TYPE_GOAL));
      self->measures = G_LIST_MODEL (g_list_store_new (MEASURES_TYPE_MEASURE));
      self->offices = G_LIST_MODEL (g_list_store_new (MEASURES_TYPE_OFFICE));
      show_load_error (self, error);
    }

  measures_vision_view_set_vision (self->vision_view,
                                   strategy_title ? strategy_title : "",
                                   vision_title ? vision_title : "",
                                   (const char * const *)(statements ? statements
                                                                     : (GStrv)(const char *[]){ NULL }),
                                   self->goals);

  self->goal_filter = gtk_custom_filter_new (goal_filter_match, self, NULL);
  goal_measures = gtk_filter_list_model_new (g_object_ref (self->measures),
                                             GTK_FILTER (g_object_ref (self->goal_filter)));
  self->measure_selection = gtk_single_selection_new (G_LIST_MODEL (g_steal_pointer (&goal_measures)));
  g_signal_connect_object (self->measure_selection, "notify::selected-item",
                           G_CALLBACK (measure_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->measure_list, GTK_SELECTION_MODEL (self->measure_selection));

  self->office_selection = gtk_single_selection_new (g_object_ref (self->offices));
  g_signal_connect_object (self->office_selection, "notify::selected-item",
                           G_CALLBACK (office_selection_changed), self, G_CONNECT_SWAPPED);
  gtk_list_view_set_model (self->office_list, GTK_SELECTION_MODEL (self->office_selection));

  populate_sidebar (self);
  measure_selection_changed (self);
  office_selection_changed (self);
  select_sidebar_row (self, VIEW_VISION, 0);

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
}

static void
measures_window_dispose (GObject *object)
{
  MeasuresWindow *self = (MeasuresWindow *)object;

  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_WINDOW);
  g_clear_object (&self->measure_selection);
  g_clear_object (&self->office_selection);
  g_clear_object (&self->goal_filter);
  g_clear_object (&self->goals);
  g_clear_object (&self->measures);
  g_clear_object (&self->offices);
  g_clear_object (&self->store);

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
    case PROP_STORE:
      self->store = g_value_dup_object (value);
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
    case PROP_STORE:
      g_value_set_object (value, self->store);
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

  object_class->constructed = measures_window_constructed;
  object_class->dispose = measures_window_dispose;
  object_class->get_property = measures_window_get_property;
  object_class->set_property = measures_window_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MEASURES_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MEASURES_TYPE_MEASURE_VIEW);
  g_type_ensure (MEASURES_TYPE_OFFICE_VIEW);
  g_type_ensure (MEASURES_TYPE_VISION_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/measures-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, leaflet);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, sidebar_pane);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, content_stack);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, vision_view);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, measures_leaflet);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, measure_list_pane);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, measure_list_title);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, goal_header);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, goal_title_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, goal_headline_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, goal_text_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, measure_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, measure_detail_pane);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, measure_view);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, measure_back_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, offices_leaflet);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, office_list_pane);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, office_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, office_detail_pane);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, office_view);
  gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, office_back_button);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, measure_list_activated);
  gtk_widget_class_bind_template_callback (widget_class, office_list_activated);
  gtk_widget_class_bind_template_callback (widget_class, vision_goal_activated);
  gtk_widget_class_bind_template_callback (widget_class, office_measure_activated);

  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-measure-list", NULL,
                                   show_measure_list_action);
  gtk_widget_class_install_action (widget_class, "win.show-office-list", NULL,
                                   show_office_list_action);
}

static void
measures_window_init (MeasuresWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_view_set_factory (self->measure_list,
                             create_factory (RESOURCE_PREFIX "/measures-measure-row.ui"));
  gtk_list_view_set_factory (self->office_list,
                             create_factory (RESOURCE_PREFIX "/measures-office-row.ui"));
}

/**
 * measures_window_new:
 * @store: the open strategy database
 *
 * Returns: (transfer full): a window showing the strategy in @store
 */
MeasuresWindow *
measures_window_new (MeasuresApplication *application,
                     MeasuresStore       *store)
{
  g_return_val_if_fail (MEASURES_IS_APPLICATION (application), NULL);
  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);

  return g_object_new (MEASURES_TYPE_WINDOW,
                       "application", application,
                       "store", store,
                       NULL);
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

  select_sidebar_row (self, VIEW_GOAL, number);
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
  GListModel *list;

  g_return_if_fail (MEASURES_IS_WINDOW (self));

  select_sidebar_row (self, VIEW_ALL_MEASURES, 0);

  list = G_LIST_MODEL (self->measure_selection);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (list, i);

      if (measures_measure_get_id (measure) == measure_id)
        {
          gtk_single_selection_set_selected (self->measure_selection, i);
          gtk_widget_activate_action (GTK_WIDGET (self->measure_list), "list.scroll-to-item",
                                      "u", i);
          navigate_to (self->measures_leaflet, self->measure_detail_pane,
                       self->measure_back_button);
          return;
        }
    }
}
