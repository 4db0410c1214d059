/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-window"

#include "config.h"

#include "measures-window-private.h"

/* What a window shows, noted to be shown again: in another window after a
 * switch of language, or at the next start through the settings. */

struct _MeasuresWindowState
{
  View view;
  guint goal;
  GVariantDict *pages;          /* what each page noted, under keys of its own */
  MeasuresMeasure *original;    /* an edit in progress on the measures page */
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
  g_clear_object (&state->original);
  g_clear_object (&state->draft);
  g_free (state);
}

/**
 * measures_window_save_state:
 *
 * Notes everything a user would miss if the window were made anew: the
 * view, what each page shows (selection, search and filters, scroll
 * positions) and an edit in progress.
 *
 * Returns: (transfer full): the window's state
 */
MeasuresWindowState *
measures_window_save_state (MeasuresWindow *self)
{
  MeasuresWindowState *state = g_new0 (MeasuresWindowState, 1);
  GtkListBoxRow *row = gtk_list_box_get_selected_row (self->sidebar);

  g_return_val_if_fail (MEASURES_IS_WINDOW (self), NULL);

  state->view = row ? measures_sidebar_row_get_view (MEASURES_SIDEBAR_ROW (row)) : VIEW_VISION;
  state->goal = row ? measures_sidebar_row_get_goal (MEASURES_SIDEBAR_ROW (row)) : 0;
  state->pages = g_variant_dict_new (NULL);
  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    measures_page_save_state (MEASURES_PAGE (page), state->pages);
  measures_measures_page_get_edit (self->measures_page, &state->original, &state->draft,
                                   &state->modified);

  /* The size the window was given, as GTK keeps it up to date: its
   * allocation is smaller by the frame the window draws itself, and each
   * window made anew from it would lose that much. */
  gtk_window_get_default_size (GTK_WINDOW (self), &state->width, &state->height);
  state->maximized = gtk_window_is_maximized (GTK_WINDOW (self));

  return state;
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
  g_return_if_fail (MEASURES_IS_WINDOW (self));
  g_return_if_fail (state != NULL);

  gtk_window_set_default_size (GTK_WINDOW (self), state->width, state->height);
  if (state->maximized)
    gtk_window_maximize (GTK_WINDOW (self));

  _measures_window_select_view (self, state->view, state->goal);

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->content_stack));
       page != NULL;
       page = gtk_widget_get_next_sibling (page))
    measures_page_restore_state (MEASURES_PAGE (page), state->pages);

  if (state->draft != NULL)
    measures_measures_page_resume_edit (self->measures_page, state->original, state->draft,
                                        state->modified);
}

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
  gint64 measure_id = 0;
  int width, height;

  g_return_if_fail (MEASURES_IS_WINDOW (self));
  g_return_if_fail (G_IS_SETTINGS (settings));

  state = measures_window_save_state (self);
  g_variant_dict_lookup (state->pages, "measure-id", "x", &measure_id);
  gtk_window_get_default_size (GTK_WINDOW (self), &width, &height);

  g_settings_delay (settings);
  if (!state->maximized)
    {
      g_settings_set_int (settings, "window-width", width);
      g_settings_set_int (settings, "window-height", height);
    }
  g_settings_set_boolean (settings, "window-maximized", state->maximized);
  g_settings_set_string (settings, "last-view", _measures_window_views[state->view].setting);
  g_settings_set_uint (settings, "last-goal", state->goal);
  g_settings_set_int64 (settings, "last-measure", measure_id);
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
  for (View i = 0; i < N_VIEWS; i++)
    if (g_str_equal (view, _measures_window_views[i].setting))
      state->view = i;
  state->goal = g_settings_get_uint (settings, "last-goal");
  g_variant_dict_insert (state->pages, "measure-id", "x",
                         g_settings_get_int64 (settings, "last-measure"));
  state->width = g_settings_get_int (settings, "window-width");
  state->height = g_settings_get_int (settings, "window-height");
  state->maximized = g_settings_get_boolean (settings, "window-maximized");
  g_variant_dict_remove (state->pages, "list-scroll");
  g_variant_dict_remove (state->pages, "sheet-scroll");
  g_variant_dict_remove (state->pages, "editor-scroll");

  measures_window_restore_state (self, state);
}
