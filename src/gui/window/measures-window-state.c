/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-window-private.h"

/* What a window shows, noted to be shown again: in another window after a
 * switch of language, or at the next start through the settings. */

struct _MeasuresWindowState
{
  View view;
  guint goal;
  gint64 measure_id;
  GVariantDict *pages;          /* what each page noted, under keys of its own */
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
  g_clear_pointer (&state->pages, g_variant_dict_unref);
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
  MeasuresMeasure *measure = _measures_window_get_selected_measure (self);

  g_return_val_if_fail (MEASURES_IS_WINDOW (self), NULL);

  state->view = row ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "view")) : VIEW_VISION;
  state->goal = row ? GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "goal")) : 0;
  state->measure_id = measure ? measures_measure_get_id (measure) : 0;
  state->pages = g_variant_dict_new (NULL);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (MEASURES_IS_PAGE (page))
      measures_page_save_state (MEASURES_PAGE (page), state->pages);
  state->search = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  state->searching = gtk_search_bar_get_search_mode (self->search_bar);
  state->office_filter = g_strdup (_measures_window_get_office_filter (self));
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

  if (_measures_window_is_editing (self))
    {
      MeasuresMeasureEditor *editor = _measures_window_get_measure_editor (self);

      state->original = g_object_ref (measures_measure_editor_get_original (editor));
      state->draft = measures_measure_editor_dup_draft (editor);
      state->modified = measures_measure_editor_get_modified (editor);
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

  _measures_window_select_view (self, state->view, state->goal);

  /* The filters are made for a choice to restore only. */
  if (state->office_filter != NULL || state->priority_filter > 0 || state->status_filter > 0 ||
      state->sort > 0)
    _measures_window_ensure_filters (self);
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
  _measures_window_refilter (self);

  if (state->measure_id != 0)
    _measures_window_select_measure_id (self, state->measure_id);

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (MEASURES_IS_PAGE (page))
      measures_page_restore_state (MEASURES_PAGE (page), state->pages);

  if (state->draft != NULL)
    {
      measures_measure_editor_edit_draft (_measures_window_get_measure_editor (self),
                                          state->original, state->draft,
                                          state->modified, self->goals,
                                          G_LIST_MODEL (self->offices));
      _measures_window_set_editing (self, TRUE,
                                    measures_measure_get_id (state->original) == 0
                                      ? _("New Measure") : _("Edit Measure"));
    }

  adjustments[0] = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (self->measure_list));
  values[0] = state->list_scroll;
  values[1] = state->sheet_scroll;
  values[2] = state->editor_scroll;
  /* The sheet and the editor are made for a position to restore only. */
  adjustments[1] = self->measure_view == NULL && values[1] == 0 ? NULL
                   : measures_measure_view_get_vadjustment (
                       _measures_window_get_measure_view (self));
  adjustments[2] = self->measure_editor == NULL && values[2] == 0 ? NULL
                   : measures_measure_editor_get_vadjustment (
                       _measures_window_get_measure_editor (self));
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
