/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measures-page"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-measures-page-private.h"
#include "measures-navigation.h"

/* Editing on the measures page: opening a measure or a new one in the
 * editor, saving it, removing a measure and reporting progress, each
 * through the undo stack that all windows share. */

static void
show_toast (MeasuresMeasuresPage *self,
            const char           *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  measures_page_add_toast (MEASURES_PAGE (self), toast);
}

static void
set_editing (MeasuresMeasuresPage *self,
             gboolean              editing,
             const char           *title)
{
  gtk_stack_set_visible_child_name (self->detail_stack, editing ? "editor" : "sheet");
  gtk_widget_set_visible (self->cancel_button, editing);
  gtk_widget_set_visible (self->save_button, editing);
  gtk_widget_set_visible (self->edit_button, !editing);
  gtk_widget_set_visible (self->remove_button, !editing);
  gtk_widget_set_visible (self->measure_back_button,
                          !editing && adw_leaflet_get_folded (self->measures_leaflet));
  adw_window_title_set_title (self->detail_title, title);
  _measures_measures_page_update_state (self);

  /* Out of the editor, the keyboard goes back to the button that opened it
   * rather than into the sheet's first text, which would show a caret. */
  if (!editing && gtk_widget_get_mapped (self->edit_button))
    gtk_widget_grab_focus (self->edit_button);
}

/**
 * measures_measures_page_edit_measure:
 *
 * Opens the selected measure in the editor.
 */
void
measures_measures_page_edit_measure (MeasuresMeasuresPage *self)
{
  MeasuresMeasure *measure;

  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  measure = measures_measures_page_get_measure (self);
  if (measure == NULL)
    return;

  measures_measure_editor_edit (_measures_measures_page_get_measure_editor (self), measure, self->goals,
                                G_LIST_MODEL (self->offices));
  set_editing (self, TRUE, _("Edit Measure"));
  measures_navigate_to (self->measures_leaflet, self->measure_detail_pane, NULL);
}

/**
 * measures_measures_page_new_measure:
 *
 * Opens the editor on a new measure of the goal in view, or of the first.
 */
void
measures_measures_page_new_measure (MeasuresMeasuresPage *self)
{
  g_autoptr(MeasuresMeasure) draft = NULL;

  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  draft = g_object_new (MEASURES_TYPE_MEASURE,
                        "goal", self->goal ? self->goal : 1,
                        "priority", MEASURES_PRIORITY_MEDIUM,
                        NULL);
  measures_measure_editor_edit (_measures_measures_page_get_measure_editor (self), draft, self->goals,
                                G_LIST_MODEL (self->offices));
  set_editing (self, TRUE, _("New Measure"));
  measures_navigate_to (self->measures_leaflet, self->measure_detail_pane, NULL);
}

/**
 * measures_measures_page_save:
 *
 * Saves what the editor holds.
 *
 * Returns: %FALSE, showing why, if it cannot
 */
gboolean
measures_measures_page_save (MeasuresMeasuresPage *self)
{
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(MeasuresMeasure) original = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  MeasuresMeasureEditor *editor;
  MeasuresUndoStack *undo_stack;
  gint64 id;

  g_return_val_if_fail (MEASURES_IS_MEASURES_PAGE (self), FALSE);

  author = measures_context_dup_author (self->context);
  editor = _measures_measures_page_get_measure_editor (self);
  undo_stack = measures_context_get_undo_stack (self->context);
  original = g_object_ref (measures_measure_editor_get_original (editor));

  edited = measures_measure_editor_build (editor, &error);
  if (edited == NULL)
    return FALSE;

  if (measures_measure_get_id (original) == 0)
    {
      id = measures_undo_stack_create (undo_stack, edited, author, &error);
      if (id == 0)
        {
          measures_page_show_error (MEASURES_PAGE (self), error);
          return FALSE;
        }
    }
  else
    {
      id = measures_measure_get_id (original);
      if (!measures_undo_stack_edit (undo_stack, original, edited, author, &error))
        {
          measures_page_show_error (MEASURES_PAGE (self), error);
          return FALSE;
        }
    }

  set_editing (self, FALSE, _("Measure"));
  /* A measure moved to another goal follows into that goal's list. */
  if (!measures_measures_page_select_measure (self, id) &&
      self->goal != measures_measure_get_goal (edited))
    {
      gtk_widget_activate_action (GTK_WIDGET (self), "win.show-goal", "u",
                                  measures_measure_get_goal (edited));
      measures_measures_page_select_measure (self, id);
    }
  _measures_measures_page_measure_selection_changed (self);

  return TRUE;
}

/**
 * measures_measures_page_cancel:
 *
 * Leaves the editor without saving, or else ends the search.
 */
void
measures_measures_page_cancel (MeasuresMeasuresPage *self)
{
  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  if (_measures_measures_page_is_editing (self))
    {
      set_editing (self, FALSE, _("Measure"));
      _measures_measures_page_measure_selection_changed (self);
    }
  else if (gtk_search_bar_get_search_mode (self->search_bar))
    _measures_measures_page_search_stopped (self);
}

/**
 * measures_measures_page_finish_edit:
 *
 * An edit in progress is never left half-written: a valid one is saved
 * when the window closes, one that cannot be saved is discarded.
 */
void
measures_measures_page_finish_edit (MeasuresMeasuresPage *self)
{
  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  if (_measures_measures_page_is_editing (self) && measures_measure_editor_get_modified (_measures_measures_page_get_measure_editor (self)) &&
      !measures_measures_page_save (self))
    g_message ("Closed with an edit that could not be saved; it was discarded");
}

/**
 * measures_measures_page_remove_measure:
 *
 * Removes the selected measure, with a toast that offers to undo it.
 */
void
measures_measures_page_remove_measure (MeasuresMeasuresPage *self)
{
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  if (measures_measures_page_get_measure (self) == NULL)
    return;

  author = measures_context_dup_author (self->context);
  measure = g_object_ref (measures_measures_page_get_measure (self));
  if (!measures_undo_stack_remove (measures_context_get_undo_stack (self->context), measure, author,
                                   &error))
    {
      measures_page_show_error (MEASURES_PAGE (self), error);
      return;
    }

  /* Translators: %s is a measure's title */
  message = g_strdup_printf (_("“%s” removed"), measures_measure_get_title (measure));
  show_toast (self, message);
}

/**
 * measures_measures_page_add_log_entry:
 * @status: the measure's status now
 * @progress: its progress now, in percent
 * @text: what happened
 *
 * Reports progress on the measure in view, with a toast that offers to
 * undo it.
 */
void
measures_measures_page_add_log_entry (MeasuresMeasuresPage *self,
                                      MeasuresStatus        status,
                                      guint                 progress,
                                      const char           *text)
{
  MeasuresMeasureView *view;
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *message = NULL;

  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  /* The sheet shows a fresh copy once the entry is stored: keep this one. */
  view = _measures_measures_page_get_measure_view (self);
  if (measures_measure_view_get_measure (view) == NULL)
    return;
  measure = g_object_ref (measures_measure_view_get_measure (view));

  if (status >= MEASURES_N_STATUSES)
    return;

  author = measures_context_dup_author (self->context);
  if (measures_undo_stack_add_log_entry (measures_context_get_undo_stack (self->context), measure,
                                         status, progress, text, author, &error) == 0)
    {
      measures_page_show_error (MEASURES_PAGE (self), error);
      return;
    }

  /* Translators: %s is a measure's title */
  message = g_strdup_printf (_("Progress reported for “%s”"),
                             measures_measure_get_title (measure));
  show_toast (self, message);
}

/**
 * measures_measures_page_get_edit:
 * @original: (out) (transfer full) (optional): the measure as it was
 * @draft: (out) (transfer full) (optional): what the editor holds
 * @modified: (out) (optional): whether the user changed it
 *
 * Notes an edit in progress, to go on with it in another window.
 *
 * Returns: whether the editor is open
 */
gboolean
measures_measures_page_get_edit (MeasuresMeasuresPage  *self,
                                 MeasuresMeasure      **original,
                                 MeasuresMeasure      **draft,
                                 gboolean              *modified)
{
  MeasuresMeasureEditor *editor;

  g_return_val_if_fail (MEASURES_IS_MEASURES_PAGE (self), FALSE);

  if (!_measures_measures_page_is_editing (self))
    return FALSE;

  editor = _measures_measures_page_get_measure_editor (self);
  if (original != NULL)
    *original = g_object_ref (measures_measure_editor_get_original (editor));
  if (draft != NULL)
    *draft = measures_measure_editor_dup_draft (editor);
  if (modified != NULL)
    *modified = measures_measure_editor_get_modified (editor);

  return TRUE;
}

/**
 * measures_measures_page_resume_edit:
 * @original: the measure as it was
 * @draft: what the editor held
 * @modified: whether the user changed it
 *
 * Goes on with an edit that measures_measures_page_get_edit() noted.
 */
void
measures_measures_page_resume_edit (MeasuresMeasuresPage *self,
                                    MeasuresMeasure      *original,
                                    MeasuresMeasure      *draft,
                                    gboolean              modified)
{
  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));
  g_return_if_fail (MEASURES_IS_MEASURE (original));
  g_return_if_fail (MEASURES_IS_MEASURE (draft));

  measures_measure_editor_edit_draft (_measures_measures_page_get_measure_editor (self), original, draft, modified,
                                      self->goals, G_LIST_MODEL (self->offices));
  set_editing (self, TRUE, measures_measure_get_id (original) == 0 ? _("New Measure")
                                                                   : _("Edit Measure"));
}
