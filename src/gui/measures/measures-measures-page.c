/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measures-page"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-measure-row.h"
#include "measures-measures-page-private.h"
#include "measures-navigation.h"

/**
 * MeasuresMeasuresPage:
 *
 * The measures of a goal, or all of them: the goal above its list, which
 * search and filters narrow down, and beside it the selected measure's
 * sheet or its editor, folded one after the other when narrow. Print
 * prints the measure in view, else its goal.
 *
 * The window's actions (edit, save, remove, …) act on this page through
 * its functions, and follow its #MeasuresMeasuresPage:measure,
 * #MeasuresMeasuresPage:editing, #MeasuresMeasuresPage:can-save and
 * #MeasuresMeasuresPage:goal.
 */

static void measures_measures_page_page_init (MeasuresPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MeasuresMeasuresPage, measures_measures_page,
                               MEASURES_TYPE_PAGE_BIN,
                               G_IMPLEMENT_INTERFACE (MEASURES_TYPE_PAGE,
                                                      measures_measures_page_page_init))

enum {
  PROP_0,
  PROP_MEASURE,
  PROP_EDITING,
  PROP_CAN_SAVE,
  PROP_GOAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

MeasuresGoal *
_measures_measures_page_find_goal (MeasuresMeasuresPage *self,
                                   guint                 number)
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

gboolean
_measures_measures_page_is_editing (MeasuresMeasuresPage *self)
{
  return g_strcmp0 (gtk_stack_get_visible_child_name (self->detail_stack), "editor") == 0;
}

/* What is out of sight at start — the sheet, the editor, the list's rows —
 * is made after the window's first frame (see warm_up()), or when it is
 * first needed. */
MeasuresMeasureView *
_measures_measures_page_get_measure_view (MeasuresMeasuresPage *self)
{
  if (self->measure_view == NULL)
    {
      self->measure_view = g_object_new (MEASURES_TYPE_MEASURE_VIEW, NULL);
      measures_measure_view_set_store (self->measure_view, self->store);
      measures_measure_view_set_offices (self->measure_view, G_LIST_MODEL (self->offices));
      g_signal_connect_object (self->measure_view, "correct-report",
                               G_CALLBACK (_measures_measures_page_correct_report), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->measure_view, "withdraw-report",
                               G_CALLBACK (_measures_measures_page_withdraw_report), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->measure_view), "sheet");
      if (!_measures_measures_page_is_editing (self))
        gtk_stack_set_visible_child_name (self->detail_stack, "sheet");
    }

  return self->measure_view;
}

MeasuresMeasureEditor *
_measures_measures_page_get_measure_editor (MeasuresMeasuresPage *self)
{
  if (self->measure_editor == NULL)
    {
      _measures_measures_page_get_measure_view (self);
      self->measure_editor = g_object_new (MEASURES_TYPE_MEASURE_EDITOR, NULL);
      g_signal_connect_object (self->measure_editor, "notify::valid",
                               G_CALLBACK (_measures_measures_page_update_state), self,
                               G_CONNECT_SWAPPED);
      gtk_stack_add_named (self->detail_stack, GTK_WIDGET (self->measure_editor), "editor");
    }

  return self->measure_editor;
}

/* The window's actions follow the page through its properties: each is
 * notified when it changed since last time. */
void
_measures_measures_page_update_state (MeasuresMeasuresPage *self)
{
  MeasuresMeasure *measure = measures_measures_page_get_measure (self);
  gboolean editing = _measures_measures_page_is_editing (self);
  gboolean can_save = measures_measures_page_get_can_save (self);

  g_object_freeze_notify (G_OBJECT (self));
  if (self->notified_measure != measure)
    {
      self->notified_measure = measure;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
    }
  if (self->notified_editing != editing)
    {
      self->notified_editing = editing;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EDITING]);
    }
  if (self->notified_can_save != can_save)
    {
      self->notified_can_save = can_save;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_SAVE]);
    }
  if (self->notified_goal != self->goal)
    {
      self->notified_goal = self->goal;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_GOAL]);
    }
  g_object_thaw_notify (G_OBJECT (self));
}

static void
search_changed (MeasuresMeasuresPage *self)
{
  _measures_measures_page_refilter (self);
}

void
_measures_measures_page_search_stopped (MeasuresMeasuresPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), "");
  gtk_search_bar_set_search_mode (self->search_bar, FALSE);
}

void
_measures_measures_page_measure_selection_changed (MeasuresMeasuresPage *self)
{
  MeasuresMeasure *measure = measures_measures_page_get_measure (self);
  MeasuresGoal *goal =
    measure ? _measures_measures_page_find_goal (self, measures_measure_get_goal (measure)) : NULL;

  if (self->changing_list)
    return;

  /* The editor keeps its measure until saved or cancelled. */
  if (!_measures_measures_page_is_editing (self) && (self->warm || self->measure_view != NULL))
    measures_measure_view_set_measure (_measures_measures_page_get_measure_view (self), measure, goal);
  _measures_measures_page_update_state (self);
}

static void
measure_list_activated (MeasuresMeasuresPage *self,
                        guint                 position)
{
  gtk_single_selection_set_selected (self->measure_selection, position);
  measures_navigate_to (self->measures_leaflet, self->measure_detail_pane,
                        self->measure_back_button);
}

/* A click on a row selects it (the row's own gesture, which runs after
 * this one); in a folded page it also opens the row's pane. The list's
 * single-click-activate would do that too, but it selects whatever row the
 * pointer passes over, changing the measure shown under the user's hand. */
static void
list_clicked (MeasuresMeasuresPage *self,
              int                   n_press,
              double                x,
              double                y,
              GtkGestureClick      *gesture)
{
  if (n_press != 1 || !measures_list_view_is_on_row (self->measure_list, x, y))
    return;

  measures_navigate_to (self->measures_leaflet, self->measure_detail_pane,
                        self->measure_back_button);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MeasuresMeasuresPage *self = MEASURES_MEASURES_PAGE (widget);

  adw_leaflet_set_visible_child (self->measures_leaflet, self->measure_list_pane);
}

/* Keeping the list in step with the store ------------------------------- */

static void
measure_changed (MeasuresMeasuresPage *self,
                 gint64                id)
{
  g_autoptr(GError) error = NULL;
  MeasuresMeasure *shown = measures_measures_page_get_measure (self);
  gboolean was_shown = shown != NULL && measures_measure_get_id (shown) == id;
  MeasuresMeasure *selected = _measures_measures_page_begin_list_change (self);

  if (!measures_measure_list_reload (self->measures, id, &error))
    measures_page_show_error (MEASURES_PAGE (self), error);
  _measures_measures_page_end_list_change (self, selected);
  _measures_measures_page_update_list_state (self);

  /* A changed measure may have moved: keep it in sight. */
  if (was_shown)
    measures_measures_page_select_measure (self, id);
  _measures_measures_page_edited_measure_changed (self, id);
  _measures_measures_page_update_state (self);
}

/* MeasuresPage ----------------------------------------------------------- */

static void
measures_measures_page_warm_up (MeasuresPage *page)
{
  MeasuresMeasuresPage *self = MEASURES_MEASURES_PAGE (page);

  if (!self->warm)
    {
      self->warm = TRUE;
      gtk_list_view_set_model (self->measure_list, GTK_SELECTION_MODEL (self->measure_selection));
      _measures_measures_page_get_measure_editor (self);
      _measures_measures_page_measure_selection_changed (self);
    }

  /* A measure selected before the list drew is brought into view once it
   * did (see measures_measures_page_select_measure()). */
  if (self->pending_scroll > 0 && gtk_widget_get_mapped (GTK_WIDGET (self->measure_list)))
    {
      gtk_widget_activate_action (GTK_WIDGET (self->measure_list), "list.scroll-to-item", "u",
                                  self->pending_scroll - 1);
      self->pending_scroll = 0;
    }
}

/* Typing searches the list while the page is in view. */
static void
measures_measures_page_shown (MeasuresPage *page)
{
  MeasuresMeasuresPage *self = MEASURES_MEASURES_PAGE (page);

  gtk_search_bar_set_key_capture_widget (self->search_bar,
                                         GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self))));
}

static void
measures_measures_page_hidden (MeasuresPage *page)
{
  MeasuresMeasuresPage *self = MEASURES_MEASURES_PAGE (page);

  gtk_search_bar_set_key_capture_widget (self->search_bar, NULL);
}

static MeasuresReport *
measures_measures_page_create_report (MeasuresPage  *page,
                                      GError       **error)
{
  MeasuresMeasuresPage *self = MEASURES_MEASURES_PAGE (page);
  MeasuresMeasure *measure = measures_measures_page_get_measure (self);

  if (measure != NULL)
    return measures_report_new_measure (self->store, measures_measure_get_id (measure), error);
  if (self->goal != 0)
    return measures_report_new_goal (self->store, self->goal, error);

  return NULL;
}

static void
measures_measures_page_save_state (MeasuresPage *page,
                                   GVariantDict *state)
{
  MeasuresMeasuresPage *self = MEASURES_MEASURES_PAGE (page);
  MeasuresMeasure *measure = measures_measures_page_get_measure (self);
  const char *office_filter = _measures_measures_page_get_office_filter (self);

  g_variant_dict_insert (state, "measure-id", "x", measure ? measures_measure_get_id (measure) : 0);
  g_variant_dict_insert (state, "search", "s",
                         gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  g_variant_dict_insert (state, "searching", "b",
                         gtk_search_bar_get_search_mode (self->search_bar));
  if (office_filter != NULL)
    {
      g_variant_dict_insert (state, "office-filter", "s", office_filter);
      g_variant_dict_insert (state, "office-role", "i", self->office_role);
    }
  if (self->office_filter != NULL)
    {
      g_variant_dict_insert (state, "priority-filter", "u",
                             gtk_drop_down_get_selected (self->priority_filter));
      g_variant_dict_insert (state, "status-filter", "u",
                             gtk_drop_down_get_selected (self->status_filter));
      g_variant_dict_insert (state, "sort", "u", gtk_drop_down_get_selected (self->sort_dropdown));
    }
  g_variant_dict_insert (state, "list-scroll", "d", gtk_adjustment_get_value (
    gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->measure_list))));
  /* Not made yet, not scrolled yet. */
  g_variant_dict_insert (state, "sheet-scroll", "d", self->measure_view == NULL ? 0 :
    gtk_adjustment_get_value (measures_measure_view_get_vadjustment (self->measure_view)));
  g_variant_dict_insert (state, "editor-scroll", "d", self->measure_editor == NULL ? 0 :
    gtk_adjustment_get_value (measures_measure_editor_get_vadjustment (self->measure_editor)));
}

static void
adjustment_changed (GtkAdjustment *adjustment,
                    double        *value)
{
  if (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) >= *value)
    {
      gtk_adjustment_set_value (adjustment, *value);
      /* Frees @value. */
      g_signal_handlers_disconnect_by_func (adjustment, adjustment_changed, value);
    }
}

static void
restore_scroll (GtkAdjustment *adjustment,
                double         value)
{
  double *waiting;

  /* The lists fill in over the first frames; wait for the room. */
  if (gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_page_size (adjustment) >= value)
    {
      gtk_adjustment_set_value (adjustment, value);
      return;
    }

  waiting = g_new (double, 1);
  *waiting = value;
  g_signal_connect_data (adjustment, "changed", G_CALLBACK (adjustment_changed), waiting,
                         (GClosureNotify)(void (*) (void))g_free, 0);
}

static void
measures_measures_page_restore_state (MeasuresPage *page,
                                      GVariantDict *state)
{
  MeasuresMeasuresPage *self = MEASURES_MEASURES_PAGE (page);
  const char *office_filter = NULL;
  const char *search = "";
  gboolean searching = FALSE;
  guint priority_filter = 0, status_filter = 0, sort = 0;
  int office_role = -1;
  gint64 measure_id = 0;
  GtkAdjustment *adjustments[3];
  double values[3] = { 0, 0, 0 };

  g_variant_dict_lookup (state, "office-filter", "&s", &office_filter);
  g_variant_dict_lookup (state, "office-role", "i", &office_role);
  g_variant_dict_lookup (state, "priority-filter", "u", &priority_filter);
  g_variant_dict_lookup (state, "status-filter", "u", &status_filter);
  g_variant_dict_lookup (state, "sort", "u", &sort);
  g_variant_dict_lookup (state, "search", "&s", &search);
  g_variant_dict_lookup (state, "searching", "b", &searching);
  g_variant_dict_lookup (state, "measure-id", "x", &measure_id);
  g_variant_dict_lookup (state, "list-scroll", "d", &values[0]);
  g_variant_dict_lookup (state, "sheet-scroll", "d", &values[1]);
  g_variant_dict_lookup (state, "editor-scroll", "d", &values[2]);

  /* The filters are made for a choice to restore only. */
  if (priority_filter > 0 || status_filter > 0 || sort > 0)
    _measures_measures_page_ensure_filters (self);
  g_free (self->office);
  self->office = g_strdup (office_filter);
  self->office_role = office_filter != NULL ? CLAMP (office_role, -1, MEASURES_ROLE_INVOLVED) : -1;
  if (self->office_filter != NULL)
    {
      gtk_drop_down_set_selected (self->priority_filter, priority_filter);
      gtk_drop_down_set_selected (self->status_filter, status_filter);
      gtk_drop_down_set_selected (self->sort_dropdown, sort);
    }

  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), search);
  gtk_search_bar_set_search_mode (self->search_bar, searching);
  _measures_measures_page_refilter (self);

  if (measure_id != 0)
    measures_measures_page_select_measure (self, measure_id);

  adjustments[0] = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->measure_list));
  /* The sheet and the editor are made for a position to restore only. */
  adjustments[1] = self->measure_view == NULL && values[1] == 0 ? NULL
                   : measures_measure_view_get_vadjustment (_measures_measures_page_get_measure_view (self));
  adjustments[2] = self->measure_editor == NULL && values[2] == 0 ? NULL
                   : measures_measure_editor_get_vadjustment (_measures_measures_page_get_measure_editor (self));
  for (guint i = 0; i < G_N_ELEMENTS (adjustments); i++)
    if (adjustments[i] != NULL)
      restore_scroll (adjustments[i], values[i]);
}

static void
measures_measures_page_page_init (MeasuresPageInterface *iface)
{
  iface->warm_up = measures_measures_page_warm_up;
  iface->shown = measures_measures_page_shown;
  iface->hidden = measures_measures_page_hidden;
  iface->create_report = measures_measures_page_create_report;
  iface->save_state = measures_measures_page_save_state;
  iface->restore_state = measures_measures_page_restore_state;
}

/* The goal's header and its text take at most half of the list's pane,
 * so that a short window still shows measures; the header scrolls within
 * that. Its height is set from what the header needs at its width: a
 * scrolled window would measure its wrapped labels at their widest, and
 * cut them off. Set after the allocation that told the sizes. */
static int
goal_header_height (MeasuresMeasuresPage *self,
                    int                   page_height)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->goal_header_scroller));
  int natural = 0;

  if (width <= 0 || !gtk_widget_get_visible (self->goal_header))
    return -1;

  gtk_widget_measure (self->goal_header, GTK_ORIENTATION_VERTICAL, width, NULL, &natural, NULL,
                      NULL);
  return MIN (natural, MAX (page_height / 2, 80));
}

static gboolean
limit_goal_header (gpointer data)
{
  MeasuresMeasuresPage *self = data;
  int height = goal_header_height (self, gtk_widget_get_height (GTK_WIDGET (self)));

  self->goal_header_idle = 0;
  if (height > 0 && gtk_scrolled_window_get_max_content_height (self->goal_header_scroller) != height)
    {
      /* The maximum first: the minimum may not exceed it. */
      gtk_scrolled_window_set_min_content_height (self->goal_header_scroller, -1);
      gtk_scrolled_window_set_max_content_height (self->goal_header_scroller, height);
      gtk_scrolled_window_set_min_content_height (self->goal_header_scroller, height);
    }
  return G_SOURCE_REMOVE;
}

/* The page lays its child out itself, as GtkBinLayout would, to learn its
 * height. */
static void
measures_measures_page_measure (GtkWidget      *widget,
                                GtkOrientation  orientation,
                                int             for_size,
                                int            *minimum,
                                int            *natural,
                                int            *minimum_baseline,
                                int            *natural_baseline)
{
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));

  *minimum = *natural = 0;
  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_measure (child, orientation, for_size, minimum, natural, minimum_baseline,
                        natural_baseline);
}

static void
measures_measures_page_size_allocate (GtkWidget *widget,
                                      int        width,
                                      int        height,
                                      int        baseline)
{
  MeasuresMeasuresPage *self = MEASURES_MEASURES_PAGE (widget);
  GtkWidget *child = adw_bin_get_child (ADW_BIN (widget));
  int header;

  if (child != NULL && gtk_widget_should_layout (child))
    gtk_widget_allocate (child, width, height, baseline, NULL);

  header = goal_header_height (self, height);
  if (header > 0 &&
      header != gtk_scrolled_window_get_max_content_height (self->goal_header_scroller) &&
      self->goal_header_idle == 0)
    self->goal_header_idle = g_idle_add_full (G_PRIORITY_HIGH_IDLE, limit_goal_header, self, NULL);
}

/* GObject ---------------------------------------------------------------- */

static void
create_filter_popover (GtkMenuButton *button,
                       gpointer       data)
{
  _measures_measures_page_ensure_filters (data);
}

static void
measures_measures_page_dispose (GObject *object)
{
  MeasuresMeasuresPage *self = MEASURES_MEASURES_PAGE (object);

  /* AdwBin unparents its child itself; let it do so before the template
   * drops its references. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_MEASURES_PAGE);
  /* The detail stack held them. */
  self->measure_view = NULL;
  self->measure_editor = NULL;
  self->notified_measure = NULL;
  g_clear_object (&self->measure_selection);
  g_clear_object (&self->goals);
  g_clear_object (&self->measures);
  g_clear_object (&self->offices);
  g_clear_object (&self->store);
  g_clear_object (&self->context);
  g_clear_object (&self->discarded_original);
  g_clear_object (&self->discarded_draft);
  g_clear_pointer (&self->pending_report, pending_report_free);
  g_clear_pointer (&self->office, g_free);
  g_clear_handle_id (&self->goal_header_idle, g_source_remove);

  G_OBJECT_CLASS (measures_measures_page_parent_class)->dispose (object);
}

static void
measures_measures_page_get_property (GObject    *object,
                                     guint       prop_id,
                                     GValue     *value,
                                     GParamSpec *pspec)
{
  MeasuresMeasuresPage *self = MEASURES_MEASURES_PAGE (object);

  switch (prop_id)
    {
    case PROP_MEASURE:
      g_value_set_object (value, measures_measures_page_get_measure (self));
      break;
    case PROP_EDITING:
      g_value_set_boolean (value, measures_measures_page_get_editing (self));
      break;
    case PROP_CAN_SAVE:
      g_value_set_boolean (value, measures_measures_page_get_can_save (self));
      break;
    case PROP_GOAL:
      g_value_set_uint (value, self->goal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_measures_page_class_init (MeasuresMeasuresPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_measures_page_dispose;
  object_class->get_property = measures_measures_page_get_property;
  widget_class->measure = measures_measures_page_measure;
  widget_class->size_allocate = measures_measures_page_size_allocate;

  /**
   * MeasuresMeasuresPage:measure:
   *
   * The selected measure, if any.
   */
  properties[PROP_MEASURE] =
    g_param_spec_object ("measure", NULL, NULL, MEASURES_TYPE_MEASURE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresMeasuresPage:editing:
   *
   * Whether the editor is open, on a measure or a new one.
   */
  properties[PROP_EDITING] =
    g_param_spec_boolean ("editing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresMeasuresPage:can-save:
   *
   * Whether the editor is open and holds a measure that can be saved.
   */
  properties[PROP_CAN_SAVE] =
    g_param_spec_boolean ("can-save", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresMeasuresPage:goal:
   *
   * The number of the goal whose measures are listed, 0 for all.
   */
  properties[PROP_GOAL] =
    g_param_spec_uint ("goal", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MEASURES_TYPE_MEASURE_EDITOR);
  g_type_ensure (MEASURES_TYPE_MEASURE_VIEW);
  g_type_ensure (MEASURES_TYPE_STATUS_SUMMARY);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/measures/measures-measures-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, MeasuresMeasuresPage, name)
  CHILD (measures_leaflet);
  CHILD (measure_list_pane);
  CHILD (measure_list_title);
  CHILD (search_bar);
  CHILD (search_entry);
  CHILD (filter_button);
  CHILD (goal_header);
  CHILD (goal_title_label);
  CHILD (goal_headline_label);
  CHILD (goal_summary);
  CHILD (goal_text_label);
  CHILD (goal_text_expander);
  CHILD (list_stack);
  CHILD (empty_page);
  CHILD (clear_filters_button);
  CHILD (goal_header_scroller);
  CHILD (measure_list);
  CHILD (measure_detail_pane);
  CHILD (measure_back_button);
  CHILD (detail_title);
  CHILD (cancel_button);
  CHILD (save_button);
  CHILD (edit_button);
  CHILD (remove_button);
  CHILD (detail_stack);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, measure_list_activated);
  gtk_widget_class_bind_template_callback (widget_class, list_clicked);
  gtk_widget_class_bind_template_callback (widget_class, search_changed);
  gtk_widget_class_bind_template_callback_full (widget_class, "search_stopped",
                                                G_CALLBACK (_measures_measures_page_search_stopped));

  gtk_widget_class_install_action (widget_class, "measures.show-list", NULL, show_list_action);
}

static void
measures_measures_page_init (MeasuresMeasuresPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_layout_manager (GTK_WIDGET (self), NULL);
  self->office_role = -1;
  measures_list_tab_leaves (GTK_WIDGET (self->measure_list));
  g_signal_connect_object (self->measures_leaflet, "notify::folded",
                           G_CALLBACK (_measures_measures_page_update_heading), self,
                           G_CONNECT_SWAPPED);
  gtk_menu_button_set_create_popup_func (self->filter_button, create_filter_popover, self, NULL);
}

/* API -------------------------------------------------------------------- */

static void
connection_changed (MeasuresMeasuresPage *self)
{
  if (measures_store_get_connection (self->store) == MEASURES_CONNECTION_ONLINE)
    measures_measures_page_connection_back (self);
}

/**
 * measures_measures_page_load:
 * @context: the open strategy
 * @goals: the strategy's #MeasuresGoal list
 * @offices: the strategy's #MeasuresOffice list, offered in the editor
 *
 * Lists the strategy's measures.
 *
 * Returns: %FALSE with @error set if the measures could not be read
 */
gboolean
measures_measures_page_load (MeasuresMeasuresPage  *self,
                             MeasuresContext       *context,
                             GListModel            *goals,
                             GListStore            *offices,
                             GError               **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (MEASURES_IS_MEASURES_PAGE (self), FALSE);
  g_return_val_if_fail (MEASURES_IS_CONTEXT (context), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (goals), FALSE);
  g_return_val_if_fail (G_IS_LIST_STORE (offices), FALSE);
  g_return_val_if_fail (self->context == NULL, FALSE);

  self->context = g_object_ref (context);
  self->store = g_object_ref (measures_context_get_store (context));
  self->goals = g_object_ref (goals);
  self->offices = g_object_ref (offices);
  {
    g_autoptr(GtkListItemFactory) rows =
      measures_measure_row_factory_new (GTK_EDITABLE (self->search_entry), G_LIST_MODEL (offices));

    gtk_list_view_set_factory (self->measure_list, rows);
  }

  /* The list reads a few bytes of each measure now, the rest as rows
   * come into view. */
  self->measures = measures_measure_list_new (self->store, NULL, -1, &local_error);

  self->measure_selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->measures)));
  g_signal_connect_object (self->measure_selection, "notify::selected-item",
                           G_CALLBACK (_measures_measures_page_measure_selection_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "measure-changed", G_CALLBACK (measure_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::connection", G_CALLBACK (connection_changed),
                           self, G_CONNECT_SWAPPED);

  _measures_measures_page_measure_selection_changed (self);
  _measures_measures_page_update_list_state (self);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_measures_page_show_goal:
 * @number: a goal's number, or 0 for all measures
 *
 * Lists the goal's measures under its headline and text.
 */
void
measures_measures_page_show_goal (MeasuresMeasuresPage *self,
                                  guint                 number)
{
  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  self->goal = number && _measures_measures_page_find_goal (self, number) ? number : 0;
  _measures_measures_page_refilter (self);
  _measures_measures_page_update_state (self);
}

/**
 * measures_measures_page_get_shown_ids:
 * @n_ids: (out): how many
 *
 * Returns: (array length=n_ids) (transfer none) (nullable): the measures
 *   the list shows, filtered and in the order shown
 */
const gint64 *
measures_measures_page_get_shown_ids (MeasuresMeasuresPage *self,
                                      guint                *n_ids)
{
  g_return_val_if_fail (MEASURES_IS_MEASURES_PAGE (self), NULL);

  *n_ids = 0;
  if (self->measures == NULL)
    return NULL;

  return measures_measure_list_get_ids (self->measures, n_ids);
}

/**
 * measures_measures_page_get_goal:
 *
 * Returns: the number of the goal whose measures are listed, 0 for all
 */
guint
measures_measures_page_get_goal (MeasuresMeasuresPage *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURES_PAGE (self), 0);

  return self->goal;
}

/**
 * measures_measures_page_get_measure:
 *
 * Returns: (transfer none) (nullable): the selected measure
 */
MeasuresMeasure *
measures_measures_page_get_measure (MeasuresMeasuresPage *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURES_PAGE (self), NULL);

  if (self->measure_selection == NULL)
    return NULL;

  return gtk_single_selection_get_selected_item (self->measure_selection);
}

/**
 * measures_measures_page_get_editing:
 *
 * Returns: whether the editor is open
 */
gboolean
measures_measures_page_get_editing (MeasuresMeasuresPage *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURES_PAGE (self), FALSE);

  return _measures_measures_page_is_editing (self);
}

/**
 * measures_measures_page_get_can_save:
 *
 * Returns: whether the editor is open and what it holds can be saved
 */
gboolean
measures_measures_page_get_can_save (MeasuresMeasuresPage *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURES_PAGE (self), FALSE);

  return _measures_measures_page_is_editing (self) &&
         measures_measure_editor_get_can_try_save (_measures_measures_page_get_measure_editor (self));
}

/**
 * measures_measures_page_select_measure:
 * @id: a measure's id in the store
 *
 * Selects the measure in the list as it is now, if it is there.
 *
 * Returns: whether the list has the measure
 */
gboolean
measures_measures_page_select_measure (MeasuresMeasuresPage *self,
                                       gint64                id)
{
  guint position;

  g_return_val_if_fail (MEASURES_IS_MEASURES_PAGE (self), FALSE);

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

/**
 * measures_measures_page_show_sheet:
 *
 * Shows the selected measure's sheet, also when the page is folded.
 */
void
measures_measures_page_show_sheet (MeasuresMeasuresPage *self)
{
  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  measures_navigate_to (self->measures_leaflet, self->measure_detail_pane,
                        self->measure_back_button);
}

/**
 * measures_measures_page_find:
 *
 * Opens the search, also when the page is folded.
 */
void
measures_measures_page_find (MeasuresMeasuresPage *self)
{
  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  measures_navigate_to (self->measures_leaflet, self->measure_list_pane, NULL);
  gtk_search_bar_set_search_mode (self->search_bar, TRUE);
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
}

/**
 * measures_measures_page_clear_filters:
 *
 * Lists every measure of the goal again.
 */
void
measures_measures_page_clear_filters (MeasuresMeasuresPage *self)
{
  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  g_clear_pointer (&self->office, g_free);
  g_clear_handle_id (&self->goal_header_idle, g_source_remove);
  self->office_role = -1;
  if (self->office_filter != NULL)
    {
      gtk_drop_down_set_selected (self->priority_filter, 0);
      gtk_drop_down_set_selected (self->status_filter, 0);
      gtk_drop_down_set_selected (self->office_role_filter, 0);
      gtk_menu_button_set_label (self->office_filter, _("All offices"));
      gtk_widget_set_sensitive (GTK_WIDGET (self->office_role_filter), FALSE);
    }
  _measures_measures_page_search_stopped (self);
  _measures_measures_page_refilter (self);
}

/**
 * measures_measures_page_filter_by_office:
 * @abbreviation: an office's abbreviation
 * @role: a #MeasuresRole, or -1 for the measures it leads and those it
 *   takes part in
 *
 * Lists the measures the office leads or takes part in.
 */
void
measures_measures_page_filter_by_office (MeasuresMeasuresPage *self,
                                         const char           *abbreviation,
                                         int                   role)
{
  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  _measures_measures_page_set_office_filter (self, abbreviation, role);
}

/**
 * measures_measures_page_reveal_measure:
 * @id: a measure's id in the store
 *
 * Selects the measure and shows its sheet. When the search or the filters
 * hide it, they are cleared, and a toast says so: a link to a measure
 * never opens another one.
 *
 * Returns: whether the list has the measure
 */
gboolean
measures_measures_page_reveal_measure (MeasuresMeasuresPage *self,
                                       gint64                id)
{
  MeasuresMeasure *measure;
  g_autofree char *message = NULL;

  g_return_val_if_fail (MEASURES_IS_MEASURES_PAGE (self), FALSE);

  if (!measures_measures_page_select_measure (self, id))
    {
      if (!_measures_measures_page_filters_active (self))
        return FALSE;
      measures_measures_page_clear_filters (self);
      if (!measures_measures_page_select_measure (self, id))
        return FALSE;

      measure = measures_measures_page_get_measure (self);
      /* Translators: %s is a measure's title */
      message = g_strdup_printf (_("Filters were cleared to show “%s”"),
                                 measures_measure_get_title (measure));
      measures_page_add_toast (MEASURES_PAGE (self), adw_toast_new (message));
    }

  measures_measures_page_show_sheet (self);
  return TRUE;
}

/* Why a button is off although a measure is selected: its tooltip. */
static void
explain (GtkWidget  *button,
         gboolean    allowed,
         const char *why)
{
  gtk_widget_set_tooltip_text (button, allowed ? NULL : why);
}

/**
 * measures_measures_page_get_permissions:
 *
 * What the user may do with the measure in view, and in general, as the
 * store's roles allow it; the buttons that the roles switch off say why.
 *
 * Returns: the permissions
 */
MeasuresPermissions
measures_measures_page_get_permissions (MeasuresMeasuresPage *self)
{
  const char *offline_why = _("Read-only until the connection to the server is back");
  MeasuresMeasure *measure;
  MeasuresPermissions allowed;
  gboolean offline;

  g_return_val_if_fail (MEASURES_IS_MEASURES_PAGE (self), MEASURES_PERMISSION_NONE);

  if (self->store == NULL)
    return MEASURES_PERMISSION_NONE;

  measure = measures_measures_page_get_measure (self);
  offline = measures_store_get_connection (self->store) == MEASURES_CONNECTION_RECONNECTING ||
            measures_store_get_connection (self->store) == MEASURES_CONNECTION_OFFLINE;
  /* Nothing can be written while the server cannot be reached. */
  allowed = offline ? MEASURES_PERMISSION_NONE
                    : measures_store_get_permissions (self->store,
                                                      measure ? measures_measure_get_id (measure)
                                                              : 0);

  explain (self->edit_button, (allowed & MEASURES_PERMISSION_EDIT_SHEET) != 0,
           offline ? offline_why : _("Only coordinators may change a measure’s sheet"));
  explain (self->remove_button, (allowed & MEASURES_PERMISSION_REMOVE) != 0,
           offline ? offline_why : _("Only coordinators may remove a measure"));
  if (self->measure_view != NULL)
    measures_measure_view_set_can_report (self->measure_view,
                                          (allowed & MEASURES_PERMISSION_REPORT_PROGRESS) != 0,
                                          offline ? offline_why : NULL);

  return allowed;
}
