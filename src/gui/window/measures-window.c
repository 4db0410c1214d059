/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-format.h"
#include "measures-measure-editor.h"
#include "measures-measure-list.h"
#include "measures-measure-row.h"
#include "measures-measure-view.h"
#include "measures-office-view.h"
#include "measures-print-preview.h"
#include "measures-report.h"

#include <pango/pangocairo.h>
#include "measures-vision-view.h"
#include "measures-window.h"

/**
 * MeasuresWindow:
 *
 * The main window: views in a sidebar (vision, the goals, all measures,
 * offices), a list that search and filters narrow down, and the selected
 * measure's sheet, editor or office. Three leaflets fold the panes one
 * after another as the window narrows.
 */
struct _MeasuresWindow
{
  AdwApplicationWindow parent_instance;

  /* Owned */
  MeasuresStore *store;
  GListModel *goals;
  MeasuresMeasureList *measures;
  GListStore *offices;
  GtkSingleSelection *measure_selection;
  GtkSingleSelection *office_selection;
  guint goal;
  gboolean changing_list;
  gboolean warm;
  gboolean office_view_stale;
  guint pending_scroll;         /* position + 1 to bring into view after the first frame */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar_pane;
  GtkListBox *sidebar;
  GtkStack *content_stack;
  MeasuresVisionView *vision_view;
  AdwLeaflet *measures_leaflet;
  GtkWidget *measure_list_pane;
  AdwWindowTitle *measure_list_title;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkMenuButton *filter_button;
  /* In the filter button's popover, made by ensure_filters() */
  GtkDropDown *office_filter;
  GtkDropDown *priority_filter;
  GtkDropDown *status_filter;
  GtkDropDown *sort_dropdown;
  GtkWidget *goal_header;
  GtkLabel *goal_title_label;
  GtkLabel *goal_headline_label;
  GtkLabel *goal_summary_label;
  GtkProgressBar *goal_progress_bar;
  GtkLabel *goal_text_label;
  GtkStack *list_stack;
  GtkListView *measure_list;
  GtkWidget *measure_detail_pane;
  GtkWidget *measure_back_button;
  AdwWindowTitle *detail_title;
  GtkWidget *cancel_button;
  GtkWidget *save_button;
  GtkWidget *edit_button;
  GtkWidget *remove_button;
  GtkStack *detail_stack;
  MeasuresMeasureView *measure_view;
  MeasuresMeasureEditor *measure_editor;
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

/* The orders of the "Sort by" choice. */
typedef enum {
  SORT_GOAL,
  SORT_TITLE,
  SORT_PRIORITY,
  SORT_STATUS,
  SORT_UPDATED,
} SortKey;

static void update_actions (MeasuresWindow *self);
static void update_list_state (MeasuresWindow *self);
static void ensure_filters (MeasuresWindow *self);
static void measure_selection_changed (MeasuresWindow *self);
static void office_selection_changed (MeasuresWindow *self);

static MeasuresGoal *
find_goal (MeasuresWindow *self,
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

static MeasuresMeasure *
selected_measure (MeasuresWindow *self)
{
  return gtk_single_selection_get_selected_item (self->measure_selection);
}

static gboolean
is_editing (MeasuresWindow *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "editor") == 0;
}

static void editor_state_changed (MeasuresWindow *self);

/* What is out of sight at start — the sheet, the editor, the lists' rows,
 * the office page — is made after the first frame (see warm_up()), or
 * when it is first needed. */
static MeasuresMeasureView *
get_measure_view (MeasuresWindow *self)
{
  if (self->measure_view == NULL)
    {
      self->measure_view = g_object_new (MEASURES_TYPE_MEASURE_VIEW, NULL);
      measures_measure_view_set_store (self->measure_view, self->store);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->measure_view), "sheet");
      if (!is_editing (self))
        gtk_stack_set_visible_child_name (self->detail_stack, "sheet");
    }

  return self->measure_view;
}

static MeasuresMeasureEditor *
get_measure_editor (MeasuresWindow *self)
{
  if (self->measure_editor == NULL)
    {
      get_measure_view (self);
      self->measure_editor = g_object_new (MEASURES_TYPE_MEASURE_EDITOR, NULL);
      g_signal_connect_object (self->measure_editor, "notify::valid",
                               G_CALLBACK (editor_state_changed), self, G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->measure_editor), "editor");
    }

  return self->measure_editor;
}

static char *
dup_author (MeasuresWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app ? measures_application_dup_author (MEASURES_APPLICATION (app))
             : g_strdup (g_get_real_name ());
}

/* Shared by all windows: "undo" takes back the latest change anywhere. */
static MeasuresUndoStack *
get_undo_stack (MeasuresWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return app ? measures_application_get_undo_stack (MEASURES_APPLICATION (app)) : NULL;
}

static void
show_toast (MeasuresWindow *self,
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

static void
show_error_toast (MeasuresWindow *self,
                  const GError   *error)
{
  g_warning ("%s", error->message);
  show_toast (self, error->message, FALSE);
}

/* List item closures: the first argument is the list item. */

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
                                           "office_row_counts", G_CALLBACK (office_row_counts),
                                           "office_row_has_name", G_CALLBACK (office_row_has_name),
                                           NULL);

  return gtk_builder_list_item_factory_new_from_resource (scope, resource);
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

/* Filtering and sorting -------------------------------------------------- */

static const char *
selected_office (MeasuresWindow *self)
{
  guint index;
  GtkStringObject *item;

  if (self->office_filter == NULL)
    return NULL;
  index = gtk_drop_down_get_selected (self->office_filter);

  /* The first choice is "All offices". */
  if (index == 0 || index == GTK_INVALID_LIST_POSITION)
    return NULL;

  item = gtk_drop_down_get_selected_item (self->office_filter);
  return g_object_get_data (G_OBJECT (item), "abbreviation");
}

static const char *
search_text (MeasuresWindow *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return text[0] != '\0' ? text : NULL;
}

static gboolean
filters_active (MeasuresWindow *self)
{
  return search_text (self) != NULL ||
         (self->office_filter != NULL &&
          (gtk_drop_down_get_selected (self->office_filter) > 0 ||
           gtk_drop_down_get_selected (self->priority_filter) > 0 ||
           gtk_drop_down_get_selected (self->status_filter) > 0));
}

/* The selection would look for its measure among every changed row, and
 * read each of them from the store: it is put aside while the list changes
 * and set again by id. */
static MeasuresMeasure *
begin_list_change (MeasuresWindow *self)
{
  MeasuresMeasure *selected = selected_measure (self);

  if (selected != NULL)
    g_object_ref (selected);

  self->changing_list = TRUE;
  gtk_single_selection_set_autoselect (self->measure_selection, FALSE);
  gtk_single_selection_set_selected (self->measure_selection, GTK_INVALID_LIST_POSITION);

  return selected;
}

static void
end_list_change (MeasuresWindow  *self,
                 MeasuresMeasure *selected)
{
  guint position;

  if (selected != NULL &&
      measures_measure_list_find (self->measures, measures_measure_get_id (selected), &position))
    gtk_single_selection_set_selected (self->measure_selection, position);
  gtk_single_selection_set_autoselect (self->measure_selection, TRUE);
  self->changing_list = FALSE;

  /* The sheet is made again only for another measure, or a changed one. */
  if (selected_measure (self) != selected)
    measure_selection_changed (self);
  g_clear_object (&selected);
}

/* Another filter or order shows its list from the top. The view goes
 * there before the list changes, so that the change can reuse its rows
 * (see MeasuresMeasureList). */
static void
scroll_list_to_top (MeasuresWindow *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->measures)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->measure_list), "list.scroll-to-item", "u", 0);
}

static void
refilter (MeasuresWindow *self)
{
  g_autoptr(GError) error = NULL;
  MeasuresMeasureFilter filter = MEASURES_MEASURE_FILTER_INIT;
  guint priority = self->priority_filter ? gtk_drop_down_get_selected (self->priority_filter) : 0;
  guint status = self->status_filter ? gtk_drop_down_get_selected (self->status_filter) : 0;

  /* The choices are filled in before the list exists. */
  if (self->measure_selection == NULL)
    return;

  filter.goal = self->goal;
  filter.priority = priority > 0 && priority != GTK_INVALID_LIST_POSITION ? (int)priority - 1 : -1;
  filter.status = status > 0 && status != GTK_INVALID_LIST_POSITION ? (int)status - 1 : -1;
  filter.office = selected_office (self);
  filter.search = search_text (self);

  {
    MeasuresMeasure *selected = begin_list_change (self);

    scroll_list_to_top (self);
    if (!measures_measure_list_set_filter (self->measures, &filter, &error))
      show_error_toast (self, error);
    end_list_change (self, selected);
  }
  update_list_state (self);
}

static void
filters_changed (MeasuresWindow *self)
{
  refilter (self);
}

static void
sort_changed (MeasuresWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint sort;
  MeasuresMeasure *selected;

  if (self->measure_selection == NULL || self->sort_dropdown == NULL)
    return;
  sort = gtk_drop_down_get_selected (self->sort_dropdown);

  selected = begin_list_change (self);
  scroll_list_to_top (self);
  if (!measures_measure_list_set_sort (self->measures,
                                       sort == GTK_INVALID_LIST_POSITION ? MEASURES_SORT_GOAL
                                                                         : (MeasuresSort)sort,
                                       &error))
    show_error_toast (self, error);
  end_list_change (self, selected);
}

static void
search_changed (MeasuresWindow *self)
{
  refilter (self);
}

static void
search_stopped (MeasuresWindow *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

static void
update_goal_header (MeasuresWindow *self)
{
  MeasuresGoal *goal = self->goal ? find_goal (self, self->goal) : NULL;
  guint counts[MEASURES_N_STATUSES];
  guint64 progress_sum;
  g_autofree char *summary = NULL;
  g_autofree char *progress_text = NULL;
  double progress;

  gtk_widget_set_visible (self->goal_header, goal != NULL);
  if (goal == NULL)
    return;

  gtk_label_set_text (self->goal_title_label, measures_goal_get_title (goal));
  gtk_label_set_text (self->goal_headline_label, measures_goal_get_headline (goal));
  gtk_label_set_text (self->goal_text_label, measures_goal_get_text (goal));

  measures_measure_list_count_statuses (self->measures, self->goal, counts, &progress_sum);
  summary = measures_describe_status_counts (counts, progress_sum, &progress);
  gtk_label_set_text (self->goal_summary_label, summary);
  /* Translators: the average progress of a goal's measures, e.g. "Overall 35 %" */
  progress_text = g_strdup_printf (_("Overall %.0f %%"), progress * 100);
  gtk_progress_bar_set_fraction (self->goal_progress_bar, progress);
  gtk_progress_bar_set_text (self->goal_progress_bar, progress_text);
}

static void
update_list_state (MeasuresWindow *self)
{
  guint shown = g_list_model_get_n_items (G_LIST_MODEL (self->measure_selection));
  guint total = measures_measure_list_count_statuses (self->measures, self->goal, NULL, NULL);
  g_autofree char *shown_text = measures_format_number (shown);
  g_autofree char *total_text = measures_format_number (total);
  g_autofree char *count = NULL;
  g_autofree char *title = NULL;

  if (filters_active (self))
    /* Translators: the list's count while search or filters narrow it down,
     * e.g. "2 of 50 measures"; the numbers come with thousands separated */
    count = g_strdup_printf (ngettext ("%s of %s measure", "%s of %s measures", total),
                             shown_text, total_text);
  else
    /* Translators: the list's count, e.g. "50 measures" or "100,000 measures" */
    count = g_strdup_printf (ngettext ("%s measure", "%s measures", shown), shown_text);

  if (self->goal == 0)
    title = g_strdup (_("All Measures"));
  else
    title = g_strdup_printf (_("Goal %u"), self->goal);

  adw_window_title_set_title (self->measure_list_title, title);
  adw_window_title_set_subtitle (self->measure_list_title, count);
  gtk_stack_set_visible_child_name (self->list_stack, shown > 0 ? "list" : "empty");
  update_goal_header (self);
}

/* Makes what the first frame did not need. */
static void
warm_up (MeasuresWindow *self)
{
  if (self->warm)
    return;

  self->warm = TRUE;
  gtk_list_view_set_model (self->measure_list, GTK_SELECTION_MODEL (self->measure_selection));
  gtk_list_view_set_model (self->office_list, GTK_SELECTION_MODEL (self->office_selection));
  get_measure_editor (self);
  measure_selection_changed (self);
  office_selection_changed (self);
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
  self->goal = number && find_goal (self, number) ? number : 0;
  refilter (self);
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
      if (self->office_view_stale)
        office_selection_changed (self);
      break;
    default:
      g_assert_not_reached ();
    }

  update_actions (self);

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

/* Selects a measure in the list as it is now, if it is there. */
static gboolean
select_measure_id (MeasuresWindow *self,
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

static void
measure_selection_changed (MeasuresWindow *self)
{
  MeasuresMeasure *measure = selected_measure (self);
  MeasuresGoal *goal = measure ? find_goal (self, measures_measure_get_goal (measure)) : NULL;

  if (self->changing_list)
    return;

  /* The editor keeps its measure until saved or cancelled. */
  if (!is_editing (self) && (self->warm || self->measure_view != NULL))
    measures_measure_view_set_measure (get_measure_view (self), measure, goal);
  update_actions (self);
}

static void
measure_list_activated (MeasuresWindow *self,
                        guint           position)
{
  gtk_single_selection_set_selected (self->measure_selection, position);
  navigate_to (self->measures_leaflet, self->measure_detail_pane, self->measure_back_button);
}

/* Whether (@x, @y) of @list is on one of its rows rather than beside them. */
static gboolean
is_on_row (GtkListView *list,
           double       x,
           double       y)
{
  GtkWidget *widget = gtk_widget_pick (GTK_WIDGET (list), x, y, GTK_PICK_DEFAULT);

  while (widget != NULL && gtk_widget_get_parent (widget) != GTK_WIDGET (list))
    widget = gtk_widget_get_parent (widget);

  return widget != NULL;
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
  GtkWidget *list = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));

  if (n_press != 1 || !is_on_row (GTK_LIST_VIEW (list), x, y))
    return;

  if (list == GTK_WIDGET (self->measure_list))
    navigate_to (self->measures_leaflet, self->measure_detail_pane, self->measure_back_button);
  else
    navigate_to (self->offices_leaflet, self->office_detail_pane, self->office_back_button);
}

static void
office_selection_changed (MeasuresWindow *self)
{
  MeasuresOffice *office = gtk_single_selection_get_selected_item (self->office_selection);

  /* An office's page lists up to 200 measures: made again only in view. */
  self->office_view_stale = !self->warm ||
    g_strcmp0 (gtk_stack_get_visible_child_name (self->content_stack), "offices") != 0;
  if (!self->office_view_stale)
    measures_office_view_set_office (self->office_view, office, self->store);
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

/* All measures of a large office: the measure list, filtered by it. */
static void
office_show_all (MeasuresWindow *self,
                 const char     *abbreviation)
{
  GListModel *choices;

  ensure_filters (self);
  choices = gtk_drop_down_get_model (self->office_filter);

  for (guint i = 1; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GObject) choice = g_list_model_get_item (choices, i);

      if (g_strcmp0 (g_object_get_data (choice, "abbreviation"), abbreviation) == 0)
        {
          gtk_drop_down_set_selected (self->office_filter, i);
          break;
        }
    }
  select_sidebar_row (self, VIEW_ALL_MEASURES, 0);
}

/* Keeping the lists in step with the store ------------------------------ */

static void
reload_offices (MeasuresWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) offices = measures_store_list_offices (self->store, &error);
  MeasuresOffice *shown = gtk_single_selection_get_selected_item (self->office_selection);
  g_autofree char *abbreviation = shown ? g_strdup (measures_office_get_abbreviation (shown)) : NULL;
  guint n;

  if (offices == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  n = g_list_model_get_n_items (offices);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);
      g_autoptr(MeasuresOffice) old = g_list_model_get_item (G_LIST_MODEL (self->offices), i);

      /* Same order, new counts: replace the rows whose counts changed, one
       * by one to keep the selection; an edit usually changes none. */
      if (old == NULL)
        g_list_store_append (self->offices, office);
      else if (measures_office_get_n_lead (old) != measures_office_get_n_lead (office) ||
               measures_office_get_n_involved (old) != measures_office_get_n_involved (office) ||
               g_strcmp0 (measures_office_get_abbreviation (old),
                          measures_office_get_abbreviation (office)) != 0)
        g_list_store_splice (self->offices, i, 1, (gpointer *)&office, 1);
    }

  if (abbreviation != NULL)
    for (guint i = 0; i < n; i++)
      {
        g_autoptr(MeasuresOffice) office = g_list_model_get_item (G_LIST_MODEL (self->offices), i);

        if (g_str_equal (measures_office_get_abbreviation (office), abbreviation))
          {
            gtk_single_selection_set_selected (self->office_selection, i);
            break;
          }
      }

  office_selection_changed (self);
}

static void
measure_changed (MeasuresWindow *self,
                 gint64          id)
{
  g_autoptr(GError) error = NULL;
  MeasuresMeasure *shown = selected_measure (self);
  gboolean was_shown = shown != NULL && measures_measure_get_id (shown) == id;
  MeasuresMeasure *selected = begin_list_change (self);

  if (!measures_measure_list_reload (self->measures, id, &error))
    show_error_toast (self, error);
  end_list_change (self, selected);
  update_list_state (self);

  /* A changed measure may have moved: keep it in sight. */
  if (was_shown)
    select_measure_id (self, id);
  update_actions (self);
}

/* Actions ---------------------------------------------------------------- */

static void
set_editing (MeasuresWindow *self,
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
  update_actions (self);

  /* Out of the editor, the keyboard goes back to the button that opened it
   * rather than into the sheet's first text, which would show a caret. */
  if (!editing && gtk_widget_get_mapped (self->edit_button))
    gtk_widget_grab_focus (self->edit_button);
}

static void
editor_state_changed (MeasuresWindow *self)
{
  update_actions (self);
}

static void
update_actions (MeasuresWindow *self)
{
  MeasuresUndoStack *stack = get_undo_stack (self);
  gboolean editing = is_editing (self);
  gboolean has_measure = selected_measure (self) != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.edit-measure", has_measure && !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.remove-measure", has_measure && !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-log-entry", has_measure && !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.new-measure", !editing);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save",
                                 editing && measures_measure_editor_get_valid (get_measure_editor (self)));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo",
                                 !editing && stack && measures_undo_stack_get_can_undo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo",
                                 !editing && stack && measures_undo_stack_get_can_redo (stack));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-goal",
                                 self->goal != 0 &&
                                 g_str_equal (gtk_stack_get_visible_child_name (self->content_stack),
                                              "measures"));
}

static void
edit_measure_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  MeasuresMeasure *measure = selected_measure (self);

  if (measure == NULL)
    return;

  measures_measure_editor_edit (get_measure_editor (self), measure, self->goals,
                                G_LIST_MODEL (self->offices));
  set_editing (self, TRUE, _("Edit Measure"));
  navigate_to (self->measures_leaflet, self->measure_detail_pane, NULL);
}

static void
new_measure_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_autoptr(MeasuresMeasure) draft = NULL;
  guint goal = self->goal ? self->goal : 1;

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "measures"))
    select_sidebar_row (self, VIEW_GOAL, goal);

  draft = g_object_new (MEASURES_TYPE_MEASURE,
                        "goal", goal,
                        "priority", MEASURES_PRIORITY_MEDIUM,
                        NULL);
  measures_measure_editor_edit (get_measure_editor (self), draft, self->goals,
                                G_LIST_MODEL (self->offices));
  set_editing (self, TRUE, _("New Measure"));
  navigate_to (self->measures_leaflet, self->measure_detail_pane, NULL);
}

/* Saves what the editor holds. Returns %FALSE, showing why, if it cannot. */
static gboolean
save_edit (MeasuresWindow *self)
{
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(MeasuresMeasure) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = dup_author (self);
  gint64 id;

  original = g_object_ref (measures_measure_editor_get_original (get_measure_editor (self)));

  edited = measures_measure_editor_build (get_measure_editor (self), &error);
  if (edited == NULL)
    return FALSE;

  if (measures_measure_get_id (original) == 0)
    {
      id = measures_undo_stack_create (get_undo_stack (self), edited, author, &error);
      if (id == 0)
        {
          show_error_toast (self, error);
          return FALSE;
        }
    }
  else
    {
      id = measures_measure_get_id (original);
      if (!measures_undo_stack_edit (get_undo_stack (self), original, edited, author, &error))
        {
          show_error_toast (self, error);
          return FALSE;
        }
    }

  set_editing (self, FALSE, _("Measure"));
  /* A measure moved to another goal follows into that goal's list. */
  if (!select_measure_id (self, id) && self->goal != measures_measure_get_goal (edited))
    {
      select_sidebar_row (self, VIEW_GOAL, measures_measure_get_goal (edited));
      select_measure_id (self, id);
    }
  measure_selection_changed (self);

  return TRUE;
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  save_edit (MEASURES_WINDOW (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  if (is_editing (self))
    {
      set_editing (self, FALSE, _("Measure"));
      measure_selection_changed (self);
    }
  else if (gtk_search_bar_get_search_mode (self->search_bar))
    search_stopped (self);
}

static void
remove_measure_action (GtkWidget  *widget,
                       const char *action_name,
                       GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = dup_author (self);
  g_autofree char *message = NULL;

  if (selected_measure (self) == NULL)
    return;

  measure = g_object_ref (selected_measure (self));
  if (!measures_undo_stack_remove (get_undo_stack (self), measure, author, &error))
    {
      show_error_toast (self, error);
      return;
    }

  /* Translators: %s is a measure's title */
  message = g_strdup_printf (_("“%s” removed"), measures_measure_get_title (measure));
  show_toast (self, message, TRUE);
}

static void
add_log_entry_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = dup_author (self);
  g_autofree char *message = NULL;
  const char *text;
  guint status, progress;

  /* The sheet shows a fresh copy once the entry is stored: keep this one. */
  if (measures_measure_view_get_measure (get_measure_view (self)) == NULL)
    return;
  measure = g_object_ref (measures_measure_view_get_measure (get_measure_view (self)));

  g_variant_get (parameter, "(uu&s)", &status, &progress, &text);
  if (status >= MEASURES_N_STATUSES)
    return;

  if (measures_undo_stack_add_log_entry (get_undo_stack (self), measure, status, progress, text,
                                         author, &error) == 0)
    {
      show_error_toast (self, error);
      return;
    }

  /* Translators: %s is a measure's title */
  message = g_strdup_printf (_("Progress reported for “%s”"),
                             measures_measure_get_title (measure));
  show_toast (self, message, TRUE);
}

static void
undo_redo (MeasuresWindow *self,
           gboolean        undo)
{
  MeasuresUndoStack *stack = get_undo_stack (self);
  g_autoptr(GError) error = NULL;
  g_autofree char *author = dup_author (self);
  g_autofree char *what = NULL;
  g_autofree char *message = NULL;

  if (stack == NULL || is_editing (self))
    return;

  what = undo ? measures_undo_stack_undo (stack, author, &error)
              : measures_undo_stack_redo (stack, author, &error);
  if (what == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  /* Translators: %s says what, e.g. "Undone: changes to “Europatag”" */
  message = g_strdup_printf (undo ? _("Undone: %s") : _("Redone: %s"), what);
  show_toast (self, message, FALSE);
}

static void
undo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_redo (MEASURES_WINDOW (widget), TRUE);
}

static void
redo_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  undo_redo (MEASURES_WINDOW (widget), FALSE);
}

static void
find_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  if (!g_str_equal (gtk_stack_get_visible_child_name (self->content_stack), "measures"))
    select_sidebar_row (self, VIEW_ALL_MEASURES, 0);

  navigate_to (self->measures_leaflet, self->measure_list_pane, NULL);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

static void
clear_filters_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  if (self->office_filter != NULL)
    {
      gtk_drop_down_set_selected (self->office_filter, 0);
      gtk_drop_down_set_selected (self->priority_filter, 0);
      gtk_drop_down_set_selected (self->status_filter, 0);
    }
  search_stopped (self);
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

/* An edit in progress is never left half-written: a valid one is saved
 * when the window closes, one that cannot be saved is discarded. */
static gboolean
measures_window_close_request (GtkWindow *window)
{
  MeasuresWindow *self = MEASURES_WINDOW (window);
  GtkApplication *app = gtk_window_get_application (window);
  GSettings *settings = app ? measures_application_get_settings (MEASURES_APPLICATION (app)) : NULL;

  if (settings != NULL)
    measures_window_save_settings (self, settings);

  if (is_editing (self) && measures_measure_editor_get_modified (get_measure_editor (self)) &&
      !save_edit (self))
    g_message ("Closed with an edit that could not be saved; it was discarded");

  return GTK_WINDOW_CLASS (measures_window_parent_class)->close_request (window);
}

/* Printing and exporting ------------------------------------------------ */

typedef enum {
  DOCUMENT_MEASURE,
  DOCUMENT_GOAL,
  DOCUMENT_OFFICE,
  DOCUMENT_STRATEGY,
  DOCUMENT_OVERVIEW,
} Document;

/* What Print prints: what is in view. */
static Document
current_document (MeasuresWindow *self)
{
  const char *page = gtk_stack_get_visible_child_name (self->content_stack);

  if (g_str_equal (page, "offices") &&
      gtk_single_selection_get_selected_item (self->office_selection) != NULL)
    return DOCUMENT_OFFICE;
  if (g_str_equal (page, "measures") && selected_measure (self) != NULL)
    return DOCUMENT_MEASURE;
  if (g_str_equal (page, "measures") && self->goal != 0)
    return DOCUMENT_GOAL;

  return DOCUMENT_STRATEGY;
}

static MeasuresReport *
create_report (MeasuresWindow  *self,
               Document         document,
               GError         **error)
{
  MeasuresReport *report = NULL;
  g_autofree char *author = dup_author (self);

  switch (document)
    {
    case DOCUMENT_MEASURE:
      report = measures_report_new_measure (self->store,
                                            measures_measure_get_id (selected_measure (self)),
                                            error);
      break;
    case DOCUMENT_GOAL:
      report = measures_report_new_goal (self->store, self->goal, error);
      break;
    case DOCUMENT_OFFICE:
      report = measures_report_new_office (
        self->store,
        measures_office_get_abbreviation (gtk_single_selection_get_selected_item (
          self->office_selection)),
        error);
      break;
    case DOCUMENT_OVERVIEW:
      report = measures_report_new_overview (self->store, error);
      break;
    case DOCUMENT_STRATEGY:
    default:
      report = measures_report_new_strategy (self->store, error);
      break;
    }

  if (report != NULL)
    measures_report_set_author (report, author);

  return report;
}

static MeasuresPaper
export_paper (MeasuresWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));
  GSettings *settings = app ? measures_application_get_settings (MEASURES_APPLICATION (app)) : NULL;
  g_autofree char *name = settings ? g_settings_get_string (settings, "paper") : NULL;
  MeasuresPaper paper = MEASURES_PAPER_A4;

  if (name != NULL)
    measures_paper_from_string (name, &paper);

  return paper;
}

static void
begin_print (GtkPrintOperation *operation,
             GtkPrintContext   *context,
             MeasuresReport    *report)
{
  PangoContext *pango = gtk_print_context_create_pango_context (context);

  /* The report measures in points; so does this print context. */
  pango_cairo_context_set_resolution (pango, 72);
  gtk_print_operation_set_n_pages (operation,
                                   measures_report_paginate (report, pango,
                                                             gtk_print_context_get_width (context),
                                                             gtk_print_context_get_height (context)));
  g_object_unref (pango);
}

/* The preview shows the pages with the report's own drawing, in a window
 * of ours, rather than through a viewer that may not be installed. */
static gboolean
preview (GtkPrintOperation        *operation,
         GtkPrintOperationPreview *preview,
         GtkPrintContext          *context,
         GtkWindow                *parent,
         MeasuresReport           *report)
{
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 1, 1);
  cairo_t *cr = cairo_create (surface);
  PangoContext *pango;
  GtkWidget *window;

  /* A preview handled here needs a cairo context to measure with; the
   * pages themselves are drawn by the preview window. */
  gtk_print_context_set_cairo_context (context, cr, 72, 72);
  cairo_destroy (cr);
  cairo_surface_destroy (surface);

  pango = gtk_print_context_create_pango_context (context);
  pango_cairo_context_set_resolution (pango, 72);
  measures_report_paginate (report, pango, gtk_print_context_get_width (context),
                            gtk_print_context_get_height (context));
  g_object_unref (pango);

  window = measures_print_preview_new (parent, report, preview,
                                       gtk_print_context_get_width (context),
                                       gtk_print_context_get_height (context));
  gtk_window_present (GTK_WINDOW (window));

  return TRUE;
}

static void
draw_page (GtkPrintOperation *operation,
           GtkPrintContext   *context,
           int                page,
           MeasuresReport    *report)
{
  measures_report_draw_page (report, gtk_print_context_get_cairo_context (context), page);
}

static GtkPrintOperation *
create_print_operation (MeasuresWindow *self,
                        MeasuresReport *report)
{
  g_autoptr(GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr(GtkPaperSize) paper = NULL;
  GtkPrintOperation *operation;
  g_autofree char *name = NULL;

  paper = gtk_paper_size_new (export_paper (self) == MEASURES_PAPER_LETTER ? GTK_PAPER_NAME_LETTER
                                                                           : GTK_PAPER_NAME_A4);
  gtk_page_setup_set_paper_size_and_default_margins (setup, paper);

  operation = gtk_print_operation_new ();
  gtk_print_operation_set_default_page_setup (operation, setup);
  gtk_print_operation_set_unit (operation, GTK_UNIT_POINTS);
  gtk_print_operation_set_use_full_page (operation, TRUE);
  gtk_print_operation_set_embed_page_setup (operation, TRUE);
  name = measures_report_dup_file_name (report);
  gtk_print_operation_set_job_name (operation, name);
  /* The operation may outlive this call; it keeps the report. */
  g_object_set_data_full (G_OBJECT (operation), "report", g_object_ref (report), g_object_unref);
  g_signal_connect (operation, "begin-print", G_CALLBACK (begin_print), report);
  g_signal_connect (operation, "draw-page", G_CALLBACK (draw_page), report);
  g_signal_connect (operation, "preview", G_CALLBACK (preview), report);

  return operation;
}

static void
print_document (MeasuresWindow *self,
                Document        document)
{
  g_autoptr(MeasuresReport) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;
  g_autoptr(GError) error = NULL;

  report = create_report (self, document, &error);
  if (report == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  operation = create_print_operation (self, report);
  if (gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG,
                               GTK_WINDOW (self), &error) == GTK_PRINT_OPERATION_RESULT_ERROR)
    show_error_toast (self, error);
}

static void
export_chosen (GtkNativeDialog *dialog,
               int              response,
               MeasuresWindow  *self)
{
  MeasuresReport *report = g_object_get_data (G_OBJECT (dialog), "report");
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *message = NULL;
  g_autofree char *basename = NULL;
  g_autofree char *uri = NULL;
  AdwToast *toast;

  if (response != GTK_RESPONSE_ACCEPT)
    goto out;

  file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
  path = g_file_get_path (file);

  if (report != NULL)
    {
      const char *language = gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "language");

      /* "" is the interface's language. */
      measures_report_set_language (report, language && language[0] ? language : NULL);
      if (!measures_report_write_pdf (report, path, export_paper (self), &error))
        {
          show_error_toast (self, error);
          goto out;
        }
    }
  else
    {
      g_autofree char *author = dup_author (self);
      guint n;

      if (!measures_report_export_office_sheets (self->store, path, NULL, export_paper (self),
                                                 author, &n, &error))
        {
          show_error_toast (self, error);
          goto out;
        }
    }

  basename = g_file_get_basename (file);
  /* Translators: %s is the name of the PDF file or folder just written */
  message = g_strdup_printf (_("Exported “%s”"), basename);
  uri = g_file_get_uri (file);
  toast = adw_toast_new (message);
  adw_toast_set_button_label (toast, _("_Open"));
  adw_toast_set_detailed_action_name (toast, "win.open-exported");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

out:
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static void
export_document (MeasuresWindow *self,
                 MeasuresReport *report)
{
  GtkFileChooserNative *dialog;

  dialog = gtk_file_chooser_native_new (report ? _("Export as PDF") : _("Export All Office Sheets"),
                                        GTK_WINDOW (self),
                                        report ? GTK_FILE_CHOOSER_ACTION_SAVE
                                               : GTK_FILE_CHOOSER_ACTION_SELECT_FOLDER,
                                        _("_Export"), _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);

  if (report != NULL)
    {
      g_autofree char *name = measures_report_dup_file_name (report);
      g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

      gtk_file_filter_set_name (filter, _("PDF documents"));
      gtk_file_filter_add_mime_type (filter, "application/pdf");
      gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), filter);
      gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), name);
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (dialog), "language", _("Report language"),
                                   (const char *[]) { "", "de", "en", "fr", NULL },
                                   (const char *[]) { _("Interface language"), "Deutsch",
                                                      "English", "Français", NULL });
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (dialog), "language", "");
      g_object_set_data_full (G_OBJECT (dialog), "report", g_object_ref (report), g_object_unref);
    }

  g_signal_connect (dialog, "response", G_CALLBACK (export_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_current (MeasuresWindow *self,
                Document        document)
{
  g_autoptr(MeasuresReport) report = NULL;
  g_autoptr(GError) error = NULL;

  report = create_report (self, document, &error);
  if (report == NULL)
    {
      show_error_toast (self, error);
      return;
    }

  export_document (self, report);
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  if (g_str_equal (action_name, "win.print-goal"))
    print_document (self, DOCUMENT_GOAL);
  else if (g_str_equal (action_name, "win.print-strategy"))
    print_document (self, DOCUMENT_STRATEGY);
  else if (g_str_equal (action_name, "win.print-overview"))
    print_document (self, DOCUMENT_OVERVIEW);
  else
    print_document (self, current_document (self));
}

static void
export_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MeasuresWindow *self = MEASURES_WINDOW (widget);

  if (g_str_equal (action_name, "win.export-office-sheets"))
    export_document (self, NULL);
  else if (g_str_equal (action_name, "win.export-strategy"))
    export_current (self, DOCUMENT_STRATEGY);
  else if (g_str_equal (action_name, "win.export-overview"))
    export_current (self, DOCUMENT_OVERVIEW);
  else
    export_current (self, current_document (self));
}

static void
open_exported_action (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  gtk_show_uri (GTK_WINDOW (widget), g_variant_get_string (parameter, NULL), GDK_CURRENT_TIME);
}

/* The shortcuts window is made when asked for, not with every window. */
static void
show_help_overlay_action (GtkWidget  *widget,
                          const char *action_name,
                          GVariant   *parameter)
{
  g_autoptr(GtkBuilder) builder = gtk_builder_new_from_resource (RESOURCE_PREFIX
                                                                 "/window/measures-shortcuts.ui");
  GtkWindow *overlay = GTK_WINDOW (gtk_builder_get_object (builder, "help_overlay"));

  gtk_window_set_transient_for (overlay, GTK_WINDOW (widget));
  gtk_window_set_modal (overlay, TRUE);
  gtk_window_set_destroy_with_parent (overlay, TRUE);
  gtk_window_present (overlay);
}

/* Setting up ------------------------------------------------------------- */

static void
fill_filter_choices (MeasuresWindow *self)
{
  g_autoptr(GtkStringList) offices = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sorts = gtk_string_list_new (NULL);

  gtk_string_list_append (offices, _("All offices"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->offices)); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (G_LIST_MODEL (self->offices), i);
      g_autoptr(GtkStringObject) item = NULL;

      /* Offices that no measure names would only lengthen the list. */
      if (measures_office_get_n_lead (office) + measures_office_get_n_involved (office) == 0)
        continue;
      gtk_string_list_append (offices, measures_office_get_abbreviation (office));
      item = g_list_model_get_item (G_LIST_MODEL (offices),
                                    g_list_model_get_n_items (G_LIST_MODEL (offices)) - 1);
      g_object_set_data_full (G_OBJECT (item), "abbreviation",
                              g_strdup (measures_office_get_abbreviation (office)), g_free);
    }

  gtk_string_list_append (priorities, _("All priorities"));
  for (guint i = 0; i < MEASURES_N_PRIORITIES; i++)
    gtk_string_list_append (priorities, measures_priority_get_label (i));

  gtk_string_list_append (statuses, _("All statuses"));
  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    gtk_string_list_append (statuses, measures_status_get_label (i));

  gtk_string_list_append (sorts, _("Goal and sheet order"));
  gtk_string_list_append (sorts, _("Title"));
  gtk_string_list_append (sorts, _("Priority"));
  gtk_string_list_append (sorts, _("Status"));
  gtk_string_list_append (sorts, _("Last updated"));

  gtk_drop_down_set_model (self->office_filter, G_LIST_MODEL (offices));
  gtk_drop_down_set_expression (self->office_filter,
                                gtk_property_expression_new (GTK_TYPE_STRING_OBJECT, NULL,
                                                             "string"));
  gtk_drop_down_set_model (self->priority_filter, G_LIST_MODEL (priorities));
  gtk_drop_down_set_model (self->status_filter, G_LIST_MODEL (statuses));
  gtk_drop_down_set_model (self->sort_dropdown, G_LIST_MODEL (sorts));
}

/* The filter popover, with its four drop-downs, is made when first opened:
 * not with the window, whose first frame does not show it. */
static void
ensure_filters (MeasuresWindow *self)
{
  g_autoptr(GtkBuilder) builder = NULL;
  g_autoptr(GtkBuilderScope) scope = NULL;
  g_autoptr(GError) error = NULL;

  if (self->office_filter != NULL)
    return;

  builder = gtk_builder_new ();
  scope = gtk_builder_cscope_new ();
  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "filters_changed", G_CALLBACK (filters_changed),
                                           "sort_changed", G_CALLBACK (sort_changed),
                                           NULL);
  gtk_builder_set_scope (builder, scope);
  /* The handlers get the window, as in the window's own template. */
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/measures/measures-filters.ui", &error))
    g_error ("%s", error->message);

  self->office_filter = GTK_DROP_DOWN (gtk_builder_get_object (builder, "office_filter"));
  self->priority_filter = GTK_DROP_DOWN (gtk_builder_get_object (builder, "priority_filter"));
  self->status_filter = GTK_DROP_DOWN (gtk_builder_get_object (builder, "status_filter"));
  self->sort_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "sort_dropdown"));
  gtk_menu_button_set_popover (self->filter_button,
                               GTK_WIDGET (gtk_builder_get_object (builder, "filter_popover")));
  fill_filter_choices (self);
}

static void
create_filter_popover (GtkMenuButton *button,
                       gpointer       data)
{
  ensure_filters (data);
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

  measures_vision_view_set_vision (self->vision_view,
                                   strategy_title ? strategy_title : "",
                                   vision_title ? vision_title : "",
                                   (const char * const *)(statements ? statements
                                                                     : (GStrv)(const char *[]){ NULL }),
                                   self->goals);


  self->measure_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->measures)));

  g_signal_connect_object (self->measure_selection, "notify::selected-item",
                           G_CALLBACK (measure_selection_changed), self, G_CONNECT_SWAPPED);


  self->office_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->offices)));
  g_signal_connect_object (self->office_selection, "notify::selected-item",
                           G_CALLBACK (office_selection_changed), self, G_CONNECT_SWAPPED);

  g_signal_connect_object (self->store, "measure-changed", G_CALLBACK (measure_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "offices-changed", G_CALLBACK (reload_offices), self,
                           G_CONNECT_SWAPPED);

  populate_sidebar (self);
  measure_selection_changed (self);
  office_selection_changed (self);

  select_sidebar_row (self, VIEW_VISION, 0);
  update_list_state (self);

  /* Start in the navigation, not in a selectable label whose text would
   * show up selected. */
  gtk_window_set_focus (GTK_WINDOW (self),
                        GTK_WIDGET (gtk_list_box_get_selected_row (self->sidebar)));
}

/* The application is set after construction; its undo stack with it. */
static void
application_changed (MeasuresWindow *self)
{
  MeasuresUndoStack *stack = get_undo_stack (self);

  if (stack != NULL)
    {
      g_signal_connect_object (stack, "notify::can-undo", G_CALLBACK (update_actions), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (stack, "notify::can-redo", G_CALLBACK (update_actions), self,
                               G_CONNECT_SWAPPED);
    }
  update_actions (self);
}

static void
measures_window_constructed (GObject *object)
{
  MeasuresWindow *self = (MeasuresWindow *)object;

  G_OBJECT_CLASS (measures_window_parent_class)->constructed (object);

  load (self);

  g_signal_connect (self, "notify::application", G_CALLBACK (application_changed), NULL);
  update_actions (self);
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
  g_clear_object (&self->office_selection);
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
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->constructed = measures_window_constructed;
  object_class->dispose = measures_window_dispose;
  object_class->get_property = measures_window_get_property;
  object_class->set_property = measures_window_set_property;
  window_class->close_request = measures_window_close_request;
  widget_class->map = measures_window_map;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MEASURES_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MEASURES_TYPE_MEASURE_EDITOR);
  g_type_ensure (MEASURES_TYPE_MEASURE_VIEW);
  g_type_ensure (MEASURES_TYPE_OFFICE_VIEW);
  g_type_ensure (MEASURES_TYPE_VISION_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/window/measures-window.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, MeasuresWindow, name)
  CHILD (toast_overlay);
  CHILD (leaflet);
  CHILD (sidebar_pane);
  CHILD (sidebar);
  CHILD (content_stack);
  CHILD (vision_view);
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
  CHILD (offices_leaflet);
  CHILD (office_list_pane);
  CHILD (office_list);
  CHILD (office_detail_pane);
  CHILD (office_back_button);
  CHILD (office_view);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_selected);
  gtk_widget_class_bind_template_callback (widget_class, sidebar_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, measure_list_activated);
  gtk_widget_class_bind_template_callback (widget_class, office_list_activated);
  gtk_widget_class_bind_template_callback (widget_class, list_clicked);
  gtk_widget_class_bind_template_callback (widget_class, vision_goal_activated);
  gtk_widget_class_bind_template_callback (widget_class, office_measure_activated);
  gtk_widget_class_bind_template_callback (widget_class, office_show_all);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback (widget_class, search_stopped);

  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.show-measure-list", NULL,
                                   show_measure_list_action);
  gtk_widget_class_install_action (widget_class, "win.show-office-list", NULL,
                                   show_office_list_action);
  gtk_widget_class_install_action (widget_class, "win.find", NULL, find_action);
  gtk_widget_class_install_action (widget_class, "win.show-help-overlay", NULL,
                                   show_help_overlay_action);
  gtk_widget_class_install_action (widget_class, "win.clear-filters", NULL, clear_filters_action);
  gtk_widget_class_install_action (widget_class, "win.new-measure", NULL, new_measure_action);
  gtk_widget_class_install_action (widget_class, "win.edit-measure", NULL, edit_measure_action);
  gtk_widget_class_install_action (widget_class, "win.remove-measure", NULL,
                                   remove_measure_action);
  gtk_widget_class_install_action (widget_class, "win.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "win.cancel", NULL, cancel_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.add-log-entry", "(uus)",
                                   add_log_entry_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-goal", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-strategy", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-overview", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.export-pdf", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-strategy", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-overview", NULL, export_action);
  gtk_widget_class_install_action (widget_class, "win.export-office-sheets", NULL,
                                   export_action);
  gtk_widget_class_install_action (widget_class, "win.open-exported", "s", open_exported_action);

  /* A binding, not an accelerator: popovers and the search entry see
   * Escape first and close themselves. */
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "win.cancel", NULL);
}

static void
measures_window_init (MeasuresWindow *self)
{
  g_autoptr(GtkListItemFactory) measure_rows = measures_measure_row_factory_new ();
  g_autoptr(GtkListItemFactory) office_rows = create_factory (RESOURCE_PREFIX
                                                              "/offices/measures-office-row.ui");

  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_view_set_factory (self->measure_list, measure_rows);
  gtk_list_view_set_factory (self->office_list, office_rows);
  gtk_menu_button_set_create_popup_func (self->filter_button, create_filter_popover, self, NULL);
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
  g_return_if_fail (MEASURES_IS_WINDOW (self));

  select_sidebar_row (self, VIEW_ALL_MEASURES, 0);
  if (select_measure_id (self, measure_id))
    navigate_to (self->measures_leaflet, self->measure_detail_pane, self->measure_back_button);
}

/**
 * measures_window_print_to_file:
 * @path: the PDF file to write
 *
 * Prints what is in view, as Print does, through the print system into a
 * PDF file, without a dialog.
 *
 * Returns: %FALSE with @error set if printing failed
 */
gboolean
measures_window_print_to_file (MeasuresWindow  *self,
                               const char      *path,
                               GError         **error)
{
  g_autoptr(MeasuresReport) report = NULL;
  g_autoptr(GtkPrintOperation) operation = NULL;

  g_return_val_if_fail (MEASURES_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  report = create_report (self, current_document (self), error);
  if (report == NULL)
    return FALSE;

  operation = create_print_operation (self, report);
  gtk_print_operation_set_export_filename (operation, path);

  return gtk_print_operation_run (operation, GTK_PRINT_OPERATION_ACTION_EXPORT, GTK_WINDOW (self),
                                  error) != GTK_PRINT_OPERATION_RESULT_ERROR;
}

struct _MeasuresWindowState
{
  View view;
  guint goal;
  gint64 measure_id;
  char *office;
  char *search;
  gboolean searching;
  char *office_filter;
  guint priority_filter;
  guint status_filter;
  guint sort;
  double list_scroll;
  double sheet_scroll;
  double editor_scroll;
  MeasuresMeasure *original;
  MeasuresMeasure *draft;
  gboolean modified;
  int width;
  int height;
  gboolean maximized;
};

/**
 * measures_window_state_free:
 */
void
measures_window_state_free (MeasuresWindowState *state)
{
  g_free (state->office);
  g_free (state->search);
  g_free (state->office_filter);
  g_clear_object (&state->original);
  g_clear_object (&state->draft);
  g_free (state);
}

/**
 * measures_window_save_state:
 *
 * Notes everything a user would miss if the window were made anew: the
 * view, the selection, search and filters, scroll positions and an edit
 * in progress.
 *
 * Returns: (transfer full): the window's state
 */
MeasuresWindowState *
measures_window_save_state (MeasuresWindow *self)
{
  MeasuresWindowState *state = g_new0 (MeasuresWindowState, 1);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);
  MeasuresOffice *office = gtk_single_selection_get_selected_item (self->office_selection);

  g_return_val_if_fail (MEASURES_IS_WINDOW (self), NULL);

  state->view = row ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "view")) : VIEW_VISION;
  state->goal = row ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "goal")) : 0;
  state->measure_id = selected_measure (self) ? measures_measure_get_id (selected_measure (self)) : 0;
  state->office = office ? g_strdup (measures_office_get_abbreviation (office)) : NULL;
  state->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  state->searching = gtk_search_bar_get_search_mode (self->search_bar);
  state->office_filter = g_strdup (selected_office (self));
  if (self->office_filter != NULL)
    {
      state->priority_filter = gtk_drop_down_get_selected (self->priority_filter);
      state->status_filter = gtk_drop_down_get_selected (self->status_filter);
      state->sort = gtk_drop_down_get_selected (self->sort_dropdown);
    }
  state->list_scroll = gtk_adjustment_get_value (
    gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->measure_list)));
  /* Not made yet, not scrolled yet. */
  state->sheet_scroll = self->measure_view == NULL ? 0 : gtk_adjustment_get_value (
    measures_measure_view_get_vadjustment (self->measure_view));
  state->editor_scroll = self->measure_editor == NULL ? 0 : gtk_adjustment_get_value (
    measures_measure_editor_get_vadjustment (self->measure_editor));

  if (is_editing (self))
    {
      state->original = g_object_ref (measures_measure_editor_get_original (get_measure_editor (self)));
      state->draft = measures_measure_editor_dup_draft (get_measure_editor (self));
      state->modified = measures_measure_editor_get_modified (get_measure_editor (self));
    }

  state->width = gtk_widget_get_width (GTK_WIDGET (self));
  state->height = gtk_widget_get_height (GTK_WIDGET (self));
  state->maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  return state;
}

static void
restore_scroll (GtkAdjustment *adjustment,
                double         value)
{
  /* The lists fill in over the first frames; wait for the room. */
  if (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) >= value)
    gtk_adjustment_set_value (adjustment, value);
  else
    g_object_set_data_full (G_OBJECT (adjustment), "restore-to", g_memdup2 (&value, sizeof value),
                            g_free);
}

static void
adjustment_changed (GtkAdjustment *adjustment)
{
  double *value = g_object_get_data (G_OBJECT (adjustment), "restore-to");

  if (value != NULL &&
      gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) >= *value)
    {
      gtk_adjustment_set_value (adjustment, *value);
      g_object_set_data (G_OBJECT (adjustment), "restore-to", NULL);
    }
}

/**
 * measures_window_restore_state:
 * @state: what measures_window_save_state() noted in another window
 *
 * Brings this window to where the other one was.
 */
void
measures_window_restore_state (MeasuresWindow      *self,
                               MeasuresWindowState *state)
{
  GtkAdjustment *adjustments[3];
  double values[3];

  g_return_if_fail (MEASURES_IS_WINDOW (self));
  g_return_if_fail (state != NULL);

  gtk_window_set_default_size (GTK_WINDOW (self), state->width, state->height);
  if (state->maximized)
    gtk_window_maximize (GTK_WINDOW (self));

  select_sidebar_row (self, state->view, state->goal);

  /* The filters are made for a choice to restore only. */
  if (state->office_filter != NULL || state->priority_filter > 0 || state->status_filter > 0 ||
      state->sort > 0)
    ensure_filters (self);
  if (state->office_filter != NULL)
    {
      GListModel *choices = gtk_drop_down_get_model (self->office_filter);

      for (guint i = 1; i < g_list_model_get_n_items (choices); i++)
        {
          g_autoptr(GObject) choice = g_list_model_get_item (choices, i);

          if (g_strcmp0 (g_object_get_data (choice, "abbreviation"), state->office_filter) == 0)
            gtk_drop_down_set_selected (self->office_filter, i);
        }
    }
  if (self->office_filter != NULL)
    {
      gtk_drop_down_set_selected (self->priority_filter, state->priority_filter);
      gtk_drop_down_set_selected (self->status_filter, state->status_filter);
      gtk_drop_down_set_selected (self->sort_dropdown, state->sort);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), state->search);
  gtk_search_bar_set_search_mode (self->search_bar, state->searching);
  refilter (self);

  if (state->measure_id != 0)
    select_measure_id (self, state->measure_id);

  if (state->office != NULL)
    {
      for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->offices)); i++)
        {
          g_autoptr(MeasuresOffice) office = g_list_model_get_item (G_LIST_MODEL (self->offices), i);

          if (g_str_equal (measures_office_get_abbreviation (office), state->office))
            gtk_single_selection_set_selected (self->office_selection, i);
        }
    }

  if (state->draft != NULL)
    {
      measures_measure_editor_edit_draft (get_measure_editor (self), state->original, state->draft,
                                          state->modified, self->goals,
                                          G_LIST_MODEL (self->offices));
      set_editing (self, TRUE, measures_measure_get_id (state->original) == 0 ? _("New Measure")
                                                                              : _("Edit Measure"));
    }

  adjustments[0] = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->measure_list));
  values[0] = state->list_scroll;
  values[1] = state->sheet_scroll;
  values[2] = state->editor_scroll;
  /* The sheet and the editor are made for a position to restore only. */
  adjustments[1] = self->measure_view == NULL && values[1] == 0 ? NULL
                   : measures_measure_view_get_vadjustment (get_measure_view (self));
  adjustments[2] = self->measure_editor == NULL && values[2] == 0 ? NULL
                   : measures_measure_editor_get_vadjustment (get_measure_editor (self));
  for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
    {
      if (adjustments[i] == NULL)
        continue;
      g_signal_connect (adjustments[i], "changed", G_CALLBACK (adjustment_changed), NULL);
      restore_scroll (adjustments[i], values[i]);
    }
}

static const char * const view_names[] = {
  [VIEW_VISION] = "vision",
  [VIEW_GOAL] = "goal",
  [VIEW_ALL_MEASURES] = "all",
  [VIEW_OFFICES] = "offices",
};

/**
 * measures_window_save_settings:
 * @settings: the application's settings
 *
 * Remembers the window's size and what it showed, for the next start.
 */
void
measures_window_save_settings (MeasuresWindow *self,
                               GSettings      *settings)
{
  g_autoptr(MeasuresWindowState) state = NULL;
  int width, height;

  g_return_if_fail (MEASURES_IS_WINDOW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  state = measures_window_save_state (self);
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (settings);
  if (!state->maximized)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_boolean (settings, "window-maximized", state->maximized);
  g_settings_set_string (settings, "last-view", view_names[state->view]);
  g_settings_set_uint (settings, "last-goal", state->goal);
  g_settings_set_int64 (settings, "last-measure", state->measure_id);
  g_settings_apply (settings);
}

/**
 * measures_window_load_settings:
 * @settings: the application's settings
 *
 * Opens the window as it was left: size, view and measure.
 */
void
measures_window_load_settings (MeasuresWindow *self,
                               GSettings      *settings)
{
  g_autoptr(MeasuresWindowState) state = NULL;
  g_autofree char *view = NULL;

  g_return_if_fail (MEASURES_IS_WINDOW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  state = measures_window_save_state (self);
  view = g_settings_get_string (settings, "last-view");
  for (guint i = 0; i < G_N_ELEMENTS (view_names); i++)
    if (g_str_equal (view, view_names[i]))
      state->view = i;
  state->goal = g_settings_get_uint (settings, "last-goal");
  state->measure_id = g_settings_get_int64 (settings, "last-measure");
  state->width = g_settings_get_int (settings, "window-width");
  state->height = g_settings_get_int (settings, "window-height");
  state->maximized = g_settings_get_boolean (settings, "window-maximized");
  state->list_scroll = state->sheet_scroll = state->editor_scroll = 0;

  measures_window_restore_state (self, state);
}
