/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measures-page"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-format.h"
#include "measures-measures-page-private.h"
#include "measures-statistics.h"
#include "measures-status-summary.h"

/* The measures page's list: search, filters and order, and the count
 * and goal above it. */

const char *
_measures_measures_page_get_office_filter (MeasuresMeasuresPage *self)
{
  guint index;
  GtkStringObject *item;

  if (self->office_filter == NULL)
    return NULL;
  index = gtk_drop_down_get_selected (self->office_filter);

  /* The first choice is "All offices". */
  if (index == 0 || index == GTK_INVALID_LIST_POSITION)
    return NULL;

  /* The other choices are the offices' abbreviations. */
  item = gtk_drop_down_get_selected_item (self->office_filter);
  return gtk_string_object_get_string (item);
}

static const char *
search_text (MeasuresMeasuresPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return text[0] != '\0' ? text : NULL;
}

static gboolean
filters_active (MeasuresMeasuresPage *self)
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
MeasuresMeasure *
_measures_measures_page_begin_list_change (MeasuresMeasuresPage *self)
{
  MeasuresMeasure *selected = measures_measures_page_get_measure (self);

  if (selected != NULL)
    g_object_ref (selected);

  self->changing_list = TRUE;
  gtk_single_selection_set_autoselect (self->measure_selection, FALSE);
  gtk_single_selection_set_selected (self->measure_selection, GTK_INVALID_LIST_POSITION);

  return selected;
}

void
_measures_measures_page_end_list_change (MeasuresMeasuresPage *self,
                                         MeasuresMeasure      *selected)
{
  guint position;

  if (selected != NULL &&
      measures_measure_list_find (self->measures, measures_measure_get_id (selected), &position))
    gtk_single_selection_set_selected (self->measure_selection, position);
  gtk_single_selection_set_autoselect (self->measure_selection, TRUE);
  self->changing_list = FALSE;

  /* The sheet is made again only for another measure, or a changed one. */
  if (measures_measures_page_get_measure (self) != selected)
    _measures_measures_page_measure_selection_changed (self);
  g_clear_object (&selected);
}

/* Another filter or order shows its list from the top. The view goes
 * there before the list changes, so that the change can reuse its rows
 * (see MeasuresMeasureList). */
static void
scroll_list_to_top (MeasuresMeasuresPage *self)
{
  if (g_list_model_get_n_items (G_LIST_MODEL (self->measures)) > 0)
    gtk_widget_activate_action (GTK_WIDGET (self->measure_list), "list.scroll-to-item", "u", 0);
}

void
_measures_measures_page_refilter (MeasuresMeasuresPage *self)
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
  filter.office = _measures_measures_page_get_office_filter (self);
  filter.search = search_text (self);

  {
    MeasuresMeasure *selected = _measures_measures_page_begin_list_change (self);

    scroll_list_to_top (self);
    if (!measures_measure_list_set_filter (self->measures, &filter, &error))
      measures_page_show_error (MEASURES_PAGE (self), error);
    _measures_measures_page_end_list_change (self, selected);
  }
  _measures_measures_page_update_list_state (self);
}

static void
filters_changed (MeasuresMeasuresPage *self)
{
  _measures_measures_page_refilter (self);
}

static void
sort_changed (MeasuresMeasuresPage *self)
{
  g_autoptr(GError) error = NULL;
  guint sort;
  MeasuresMeasure *selected;

  if (self->measure_selection == NULL || self->sort_dropdown == NULL)
    return;
  sort = gtk_drop_down_get_selected (self->sort_dropdown);

  selected = _measures_measures_page_begin_list_change (self);
  scroll_list_to_top (self);
  if (!measures_measure_list_set_sort (self->measures,
                                       sort == GTK_INVALID_LIST_POSITION ? MEASURES_SORT_GOAL
                                                                         : (MeasuresSort)sort,
                                       &error))
    measures_page_show_error (MEASURES_PAGE (self), error);
  _measures_measures_page_end_list_change (self, selected);
}

static void
update_goal_header (MeasuresMeasuresPage *self)
{
  MeasuresGoal *goal = self->goal ? _measures_measures_page_find_goal (self, self->goal) : NULL;
  MeasuresStatistics statistics;

  gtk_widget_set_visible (self->goal_header, goal != NULL);
  if (goal == NULL)
    return;

  gtk_label_set_text (self->goal_title_label, measures_goal_get_title (goal));
  gtk_label_set_text (self->goal_headline_label, measures_goal_get_headline (goal));
  gtk_label_set_text (self->goal_text_label, measures_goal_get_text (goal));

  measures_measure_list_count_statuses (self->measures, self->goal, statistics.counts,
                                        &statistics.progress_sum);
  measures_status_summary_set_statistics (self->goal_summary, &statistics);
}

void
_measures_measures_page_update_list_state (MeasuresMeasuresPage *self)
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
static void
fill_filter_choices (MeasuresMeasuresPage *self)
{
  g_autoptr(GtkStringList) offices = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sorts = gtk_string_list_new (NULL);

  gtk_string_list_append (offices, _("All offices"));
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->offices)); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (G_LIST_MODEL (self->offices), i);

      /* Offices that no measure names would only lengthen the list. */
      if (measures_office_get_n_lead (office) + measures_office_get_n_involved (office) == 0)
        continue;
      gtk_string_list_append (offices, measures_office_get_abbreviation (office));
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
void
_measures_measures_page_ensure_filters (MeasuresMeasuresPage *self)
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
  /* The handlers get the page, as in the page's own template. */
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/measures/measures-filters.ui",
                                      &error))
    g_error ("%s", error->message);

  self->office_filter = GTK_DROP_DOWN (gtk_builder_get_object (builder, "office_filter"));
  self->priority_filter = GTK_DROP_DOWN (gtk_builder_get_object (builder, "priority_filter"));
  self->status_filter = GTK_DROP_DOWN (gtk_builder_get_object (builder, "status_filter"));
  self->sort_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "sort_dropdown"));
  gtk_menu_button_set_popover (self->filter_button,
                               GTK_WIDGET (gtk_builder_get_object (builder, "filter_popover")));
  fill_filter_choices (self);
}
