/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measures-page"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-format.h"
#include "measures-search-text.h"
#include "measures-measures-page-private.h"
#include "measures-statistics.h"
#include "measures-status-summary.h"

/* The measures page's list: search, filters and order, and the count
 * and goal above it. */

const char *
_measures_measures_page_get_office_filter (MeasuresMeasuresPage *self)
{
  return self->office;
}

static const char *
search_text (MeasuresMeasuresPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  return text[0] != '\0' ? text : NULL;
}

static guint
selected_choice (GtkDropDown *choices)
{
  guint index = choices ? gtk_drop_down_get_selected (choices) : 0;

  return index == GTK_INVALID_LIST_POSITION ? 0 : index;
}

/* The filters in the popover, not the search, which shows itself. */
static gboolean
choices_active (MeasuresMeasuresPage *self)
{
  return self->office != NULL || selected_choice (self->priority_filter) > 0 ||
         selected_choice (self->status_filter) > 0;
}

gboolean
_measures_measures_page_filters_active (MeasuresMeasuresPage *self)
{
  return search_text (self) != NULL || choices_active (self);
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
  guint priority = selected_choice (self->priority_filter);
  guint status = selected_choice (self->status_filter);

  /* The choices are filled in before the list exists. */
  if (self->measure_selection == NULL)
    return;

  filter.goal = self->goal;
  filter.priority = priority > 0 ? (int)priority - 1 : -1;
  filter.status = status > 0 ? (int)status - 1 : -1;
  filter.office = self->office;
  filter.office_role = self->office != NULL ? self->office_role : -1;
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
  if (self->office_role_filter != NULL)
    self->office_role = (int)selected_choice (self->office_role_filter) - 1;
  _measures_measures_page_refilter (self);
}

/* What the office button says: the office's abbreviation, its name when
 * it has no other. */
static void
update_office_button (MeasuresMeasuresPage *self)
{
  if (self->office_filter == NULL)
    return;

  gtk_menu_button_set_label (self->office_filter, self->office ? self->office : _("All offices"));
  gtk_widget_set_sensitive (GTK_WIDGET (self->office_role_filter), self->office != NULL);
  g_signal_handlers_block_by_func (self->office_role_filter, filters_changed, self);
  gtk_drop_down_set_selected (self->office_role_filter, self->office_role + 1);
  g_signal_handlers_unblock_by_func (self->office_role_filter, filters_changed, self);
}

void
_measures_measures_page_set_office_filter (MeasuresMeasuresPage *self,
                                           const char           *abbreviation,
                                           int                   role)
{
  g_free (self->office);
  self->office = g_strdup (abbreviation);
  self->office_role = abbreviation != NULL ? CLAMP (role, -1, MEASURES_ROLE_INVOLVED) : -1;
  update_office_button (self);
  _measures_measures_page_refilter (self);
}

/* The office choices: every office with measures, found by any part of
 * its abbreviation or name, ignoring case and accents. */
static gboolean
office_choice_visible (GtkListBoxRow *row,
                       gpointer       data)
{
  MeasuresMeasuresPage *self = data;
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->office_search));
  const char *key = gtk_widget_get_name (GTK_WIDGET (row));

  return measures_search_text_matches (key, text);
}

static GtkWidget *
office_choice_new (const char *abbreviation,
                   const char *name)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (abbreviation);
  g_autofree char *key = g_strconcat (abbreviation, " ", name, NULL);

  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_wrap (GTK_LABEL (title), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (title), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (title), 36);
  gtk_box_append (GTK_BOX (box), title);
  if (name != NULL && g_strcmp0 (name, abbreviation) != 0)
    {
      GtkWidget *subtitle = gtk_label_new (name);

      gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
      gtk_label_set_wrap (GTK_LABEL (subtitle), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (subtitle), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (subtitle), 36);
      gtk_widget_add_css_class (subtitle, "dim-label");
      gtk_widget_add_css_class (subtitle, "caption");
      gtk_box_append (GTK_BOX (box), subtitle);
      gtk_widget_add_css_class (title, "heading");
    }
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* The text the search looks at, and the abbreviation chosen. */
  gtk_widget_set_name (row, key);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, key, -1);
  return row;
}

static void
fill_office_choices (MeasuresMeasuresPage *self)
{
  GtkWidget *all;

  while (gtk_widget_get_first_child (GTK_WIDGET (self->office_choices)) != NULL)
    gtk_list_box_remove (self->office_choices,
                         gtk_widget_get_first_child (GTK_WIDGET (self->office_choices)));

  all = office_choice_new (_("All offices"), NULL);
  /* Found by nothing typed but the empty search. */
  gtk_widget_set_name (all, "");
  gtk_list_box_append (self->office_choices, all);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->offices)); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (G_LIST_MODEL (self->offices), i);

      /* Offices that no measure names would only lengthen the list. */
      if (measures_office_get_n_lead (office) + measures_office_get_n_involved (office) == 0)
        continue;
      gtk_list_box_append (self->office_choices,
                           office_choice_new (measures_office_get_abbreviation (office),
                                              measures_office_get_name (office)));
    }
}

static void
office_search_changed (MeasuresMeasuresPage *self)
{
  gtk_list_box_invalidate_filter (self->office_choices);
}

static void
office_chosen (MeasuresMeasuresPage *self,
               GtkListBoxRow        *row)
{
  int index = gtk_list_box_row_get_index (row);
  const char *abbreviation = NULL;

  /* The rows after "All offices" are the offices with measures, in order. */
  for (guint i = 0, n = 0; index > 0 && i < g_list_model_get_n_items (G_LIST_MODEL (self->offices)); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (G_LIST_MODEL (self->offices), i);

      if (measures_office_get_n_lead (office) + measures_office_get_n_involved (office) > 0 &&
          ++n == (guint)index)
        {
          /* The list keeps the office alive. */
          abbreviation = measures_office_get_abbreviation (office);
          break;
        }
    }

  gtk_popover_popdown (self->office_popover);
  _measures_measures_page_set_office_filter (self, abbreviation, self->office_role);
}

/* The abbreviation a choice shows, as its title. */
static const char *
office_choice_abbreviation (GtkWidget *row)
{
  GtkWidget *box = gtk_list_box_row_get_child (GTK_LIST_BOX_ROW (row));

  return gtk_label_get_text (GTK_LABEL (gtk_widget_get_first_child (box)));
}

/* Enter takes the office whose abbreviation was typed whole ("sam" is SAM,
 * not the first office with "gemeinsam" in its name), else the first
 * office found. */
static void
office_search_activated (MeasuresMeasuresPage *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->office_search));
  g_autofree char *typed = g_strstrip (g_utf8_casefold (text, -1));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->office_choices));
       row != NULL && typed[0] != '\0';
       row = gtk_widget_get_next_sibling (row))
    {
      g_autofree char *abbreviation = g_utf8_casefold (office_choice_abbreviation (row), -1);

      if (g_str_equal (abbreviation, typed))
        {
          office_chosen (self, GTK_LIST_BOX_ROW (row));
          return;
        }
    }

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->office_choices));
       row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (gtk_widget_get_child_visible (row) &&
        office_choice_visible (GTK_LIST_BOX_ROW (row), self))
      {
        office_chosen (self, GTK_LIST_BOX_ROW (row));
        return;
      }
}

/* The search starts empty and has the keyboard: what is typed as the
 * chooser opens is not lost. */
static void
office_popover_shown (MeasuresMeasuresPage *self)
{
  fill_office_choices (self);
  gtk_editable_set_text (GTK_EDITABLE (self->office_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->office_search));
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

/* Filters that are on show on their button, which says which: they stay
 * on from goal to goal. */
static void
update_filter_button (MeasuresMeasuresPage *self)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *list = NULL;
  g_autofree char *tooltip = NULL;
  guint priority = selected_choice (self->priority_filter);
  guint status = selected_choice (self->status_filter);

  if (self->office != NULL && self->office_role == MEASURES_ROLE_LEAD)
    /* Translators: an active filter, e.g. "led by SAM" */
    g_ptr_array_add (parts, g_strdup_printf (_("led by %s"), self->office));
  else if (self->office != NULL && self->office_role == MEASURES_ROLE_INVOLVED)
    /* Translators: an active filter, e.g. "SAM takes part" */
    g_ptr_array_add (parts, g_strdup_printf (_("%s takes part"), self->office));
  else if (self->office != NULL)
    /* Translators: an active filter, e.g. "office SAM" */
    g_ptr_array_add (parts, g_strdup_printf (_("office %s"), self->office));
  if (priority > 0)
    /* Translators: an active filter, e.g. "priority High" */
    g_ptr_array_add (parts, g_strdup_printf (_("priority %s"),
                                             measures_priority_get_label (priority - 1)));
  if (status > 0)
    /* Translators: an active filter, e.g. "status In progress" */
    g_ptr_array_add (parts, g_strdup_printf (_("status %s"),
                                             measures_status_get_label (status - 1)));

  if (parts->len == 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->filter_button), "accent");
      gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), _("Filter and Sort"));
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Filter and sort"), -1);
      return;
    }

  g_ptr_array_add (parts, NULL);
  /* Translators: the separator between active filters */
  list = g_strjoinv (_(", "), (char **)parts->pdata);
  /* Translators: the filter button's tooltip while filters narrow the
   * list, e.g. "Filters on: office SAM, priority High" */
  tooltip = g_strdup_printf (_("Filters on: %s"), list);
  gtk_widget_add_css_class (GTK_WIDGET (self->filter_button), "accent");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->filter_button), tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->filter_button),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip, -1);
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

  if (_measures_measures_page_filters_active (self))
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
  update_filter_button (self);

  /* An empty list says why, and offers the way back. */
  gtk_widget_set_visible (self->clear_filters_button, _measures_measures_page_filters_active (self));
  if (_measures_measures_page_filters_active (self))
    {
      adw_status_page_set_title (self->empty_page, _("No Matching Measures"));
      adw_status_page_set_description (self->empty_page,
                                       _("No measures match the search and filters."));
    }
  else
    {
      adw_status_page_set_title (self->empty_page, _("No Measures"));
      adw_status_page_set_description (self->empty_page, NULL);
    }
}
static void
fill_filter_choices (MeasuresMeasuresPage *self)
{
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) sorts = gtk_string_list_new (NULL);

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
                                           "office_popover_shown", G_CALLBACK (office_popover_shown),
                                           "office_search_changed", G_CALLBACK (office_search_changed),
                                           "office_search_activated",
                                           G_CALLBACK (office_search_activated),
                                           "office_chosen", G_CALLBACK (office_chosen),
                                           NULL);
  gtk_builder_set_scope (builder, scope);
  /* The handlers get the page, as in the page's own template. */
  gtk_builder_set_current_object (builder, G_OBJECT (self));
  if (!gtk_builder_add_from_resource (builder, RESOURCE_PREFIX "/measures/measures-filters.ui",
                                      &error))
    g_error ("%s", error->message);

  self->office_filter = GTK_MENU_BUTTON (gtk_builder_get_object (builder, "office_filter"));
  self->office_popover = GTK_POPOVER (gtk_builder_get_object (builder, "office_popover"));
  self->office_search = GTK_SEARCH_ENTRY (gtk_builder_get_object (builder, "office_search"));
  self->office_choices = GTK_LIST_BOX (gtk_builder_get_object (builder, "office_choices"));
  self->office_role_filter = GTK_DROP_DOWN (gtk_builder_get_object (builder,
                                                                    "office_role_filter"));
  self->priority_filter = GTK_DROP_DOWN (gtk_builder_get_object (builder, "priority_filter"));
  self->status_filter = GTK_DROP_DOWN (gtk_builder_get_object (builder, "status_filter"));
  self->sort_dropdown = GTK_DROP_DOWN (gtk_builder_get_object (builder, "sort_dropdown"));
  gtk_menu_button_set_popover (self->filter_button,
                               GTK_WIDGET (gtk_builder_get_object (builder, "filter_popover")));
  fill_filter_choices (self);
  gtk_list_box_set_filter_func (self->office_choices, office_choice_visible, self, NULL);
  gtk_search_entry_set_key_capture_widget (self->office_search, GTK_WIDGET (self->office_popover));
  update_office_button (self);
}
