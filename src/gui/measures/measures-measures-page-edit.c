/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measures-page"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-format.h"
#include "measures-measure-diff.h"
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

/* In a narrow window the header bar has no room for the editor's title
 * beside Cancel, Save and the window's buttons: the form shows it instead,
 * on as many lines as it needs, and the two buttons take less room. */
void
_measures_measures_page_update_heading (MeasuresMeasuresPage *self)
{
  gboolean in_form = _measures_measures_page_is_editing (self) &&
                     adw_leaflet_get_folded (self->measures_leaflet);

  gtk_widget_set_visible (GTK_WIDGET (self->detail_title), !in_form);
  if (in_form)
    {
      gtk_widget_add_css_class (self->cancel_button, "narrow");
      gtk_widget_add_css_class (self->save_button, "narrow");
    }
  else
    {
      gtk_widget_remove_css_class (self->cancel_button, "narrow");
      gtk_widget_remove_css_class (self->save_button, "narrow");
    }
  if (self->measure_editor != NULL)
    measures_measure_editor_set_heading (self->measure_editor,
                                         in_form ? adw_window_title_get_title (self->detail_title)
                                                 : NULL);
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
  _measures_measures_page_update_heading (self);
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

  self->edit_stale = FALSE;
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
  self->edit_stale = FALSE;
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

  /* Its revision belongs to the strategy before the restore. */
  if (self->edit_stale)
    {
      measures_measures_page_strategy_replaced (self);
      return FALSE;
    }

  self->saving = TRUE;
  if (measures_measure_get_id (original) == 0)
    id = measures_undo_stack_create (undo_stack, edited, author, &error);
  else if (measures_undo_stack_edit (undo_stack, original, edited, author, &error))
    id = measures_measure_get_id (original);
  else
    id = 0;
  self->saving = FALSE;

  if (id == 0)
    {
      /* Someone else saved first: the edit stays, with what happened and
       * the ways on above it. */
      if (g_error_matches (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CONFLICT))
        measures_measure_editor_set_conflict (editor, error->message);
      /* The server cannot be reached: the edit waits, and is saved when
       * the connection is back (see measures_measures_page_connection_back). */
      else if (g_error_matches (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OFFLINE))
        measures_measure_editor_set_waiting (editor, TRUE);
      else
        measures_page_show_error (MEASURES_PAGE (self), error);
      return FALSE;
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
      MeasuresMeasureEditor *editor = _measures_measures_page_get_measure_editor (self);

      /* A changed edit is not thrown away unasked: the toast takes it back. */
      g_clear_object (&self->discarded_original);
      g_clear_object (&self->discarded_draft);
      if (measures_measure_editor_get_modified (editor))
        {
          AdwToast *toast = adw_toast_new (_("Changes discarded"));

          self->discarded_original = g_object_ref (measures_measure_editor_get_original (editor));
          self->discarded_draft = measures_measure_editor_dup_draft (editor);
          adw_toast_set_button_label (toast, _("_Undo"));
          adw_toast_set_action_name (toast, "win.resume-discarded-edit");
          adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
          measures_page_add_toast (MEASURES_PAGE (self), toast);
        }

      set_editing (self, FALSE, _("Measure"));
      _measures_measures_page_measure_selection_changed (self);
    }
  else if (gtk_search_bar_get_search_mode (self->search_bar))
    _measures_measures_page_search_stopped (self);
}

/**
 * measures_measures_page_resume_discarded_edit:
 *
 * Opens the editor again on the edit that Escape or Cancel left, as it was.
 */
void
measures_measures_page_resume_discarded_edit (MeasuresMeasuresPage *self)
{
  g_autoptr(MeasuresMeasure) original = NULL;
  g_autoptr(MeasuresMeasure) draft = NULL;

  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  original = g_steal_pointer (&self->discarded_original);
  draft = g_steal_pointer (&self->discarded_draft);
  if (original == NULL || draft == NULL || _measures_measures_page_is_editing (self))
    return;

  measures_measures_page_resume_edit (self, original, draft, TRUE);
  measures_navigate_to (self->measures_leaflet, self->measure_detail_pane, NULL);
  /* The sheet was made for another measure meanwhile, perhaps: tell it
   * if someone else changed this one since. */
  _measures_measures_page_edited_measure_changed (self, measures_measure_get_id (original));
}

/* The measure as the store holds it now, for the one being edited. */
static MeasuresMeasure *
read_current (MeasuresMeasuresPage  *self,
              GError               **error)
{
  MeasuresMeasure *original = measures_measure_editor_get_original (
    _measures_measures_page_get_measure_editor (self));

  return measures_store_get_measure (self->store, measures_measure_get_id (original), error);
}

/* Tells an open editor that someone else (another window, process or
 * workstation) changed its measure since it was opened: saving it as it
 * is would be refused. */
void
_measures_measures_page_edited_measure_changed (MeasuresMeasuresPage *self,
                                                gint64                id)
{
  MeasuresMeasureEditor *editor;
  MeasuresMeasure *original;
  g_autoptr(MeasuresMeasure) current = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(MeasuresChange) latest = NULL;
  g_autofree char *when = NULL;
  g_autofree char *message = NULL;

  if (self->saving || id == 0 || !_measures_measures_page_is_editing (self))
    return;

  editor = _measures_measures_page_get_measure_editor (self);
  original = measures_measure_editor_get_original (editor);
  if (measures_measure_get_id (original) != id)
    return;

  current = read_current (self, NULL);
  if (current == NULL ||
      measures_measure_get_revision (current) <= measures_measure_get_revision (original))
    return;

  /* A progress report changes no field of the sheet. */
  if (measures_measure_get_removed (current) == NULL)
    {
      g_autoptr(GArray) changes = measures_measure_diff (original, current);

      if (changes->len == 0)
        return;
    }

  history = measures_store_list_history (self->store, id, NULL);
  if (history != NULL && g_list_model_get_n_items (history) > 0)
    latest = g_list_model_get_item (history, 0);
  when = measures_format_iso_date (latest ? measures_change_get_date (latest) : NULL, TRUE);

  if (measures_measure_get_removed (current) != NULL)
    /* Translators: "Anna Schmidt removed this measure on November 25, 2026, 14:05 …" */
    message = g_strdup_printf (_("%s removed this measure on %s, after you started editing it. "
                                 "Your edit is kept here: copy your text to keep it."),
                               latest ? measures_change_get_author (latest) : _("Someone"), when);
  else
    /* Translators: "Anna Schmidt changed this measure on November 25, 2026, 14:05 …" */
    message = g_strdup_printf (_("%s changed this measure on %s, after you started editing it. "
                                 "Your edit is kept here: see the current version and carry "
                                 "your changes over to it."),
                               latest ? measures_change_get_author (latest) : _("Someone"), when);
  measures_measure_editor_set_conflict (editor, message);
}

/**
 * measures_measures_page_copy_draft:
 *
 * Puts the text of the edit in progress on the clipboard.
 */
void
measures_measures_page_copy_draft (MeasuresMeasuresPage *self)
{
  g_autoptr(MeasuresMeasure) draft = NULL;
  g_autofree char *text = NULL;

  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  if (!_measures_measures_page_is_editing (self))
    return;

  draft = measures_measure_editor_dup_draft (_measures_measures_page_get_measure_editor (self));
  text = measures_measure_dup_text (draft);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
  measures_page_add_toast (MEASURES_PAGE (self), adw_toast_new (_("Your text is on the clipboard")));
}

/* What the dialog of the current version answers about. */
typedef struct {
  MeasuresMeasuresPage *page;   /* weak */
  MeasuresMeasure *current;
} CurrentVersion;

static void
current_version_free (gpointer  data,
                      GClosure *closure)
{
  CurrentVersion *version = data;

  g_clear_weak_pointer (&version->page);
  g_clear_object (&version->current);
  g_free (version);
}

static void
current_version_response (AdwMessageDialog *dialog,
                          const char       *response,
                          CurrentVersion   *version)
{
  MeasuresMeasuresPage *self = version->page;
  MeasuresMeasure *current = version->current;
  MeasuresMeasureEditor *editor;
  g_autoptr(MeasuresMeasure) draft = NULL;
  g_autoptr(MeasuresMeasure) rebased = NULL;
  g_autoptr(MeasuresMeasure) original = NULL;

  if (self == NULL || !g_str_equal (response, "carry-over") ||
      !_measures_measures_page_is_editing (self))
    return;

  editor = _measures_measures_page_get_measure_editor (self);
  original = g_object_ref (measures_measure_editor_get_original (editor));
  draft = measures_measure_editor_dup_draft (editor);
  rebased = measures_measure_rebase (original, draft, current);
  measures_measures_page_resume_edit (self, current, rebased, TRUE);
  self->edit_stale = FALSE;
  measures_page_add_toast (MEASURES_PAGE (self),
                           adw_toast_new (_("Your changes are now on the current version: "
                                            "check them, then save")));
}

/**
 * measures_measures_page_show_current_version:
 *
 * Shows, field by field, how the measure being edited is saved now and
 * what the edit holds, and offers to carry the edit's changes over to the
 * current version.
 */
void
measures_measures_page_show_current_version (MeasuresMeasuresPage *self)
{
  g_autoptr(MeasuresMeasure) current = NULL;
  g_autoptr(MeasuresMeasure) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *differences = NULL;
  g_autofree char *heading = NULL;
  MeasuresMeasureEditor *editor;
  CurrentVersion *version;
  GtkWidget *dialog;

  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  if (!_measures_measures_page_is_editing (self))
    return;

  current = read_current (self, &error);
  if (current == NULL)
    {
      measures_page_show_error (MEASURES_PAGE (self), error);
      return;
    }

  editor = _measures_measures_page_get_measure_editor (self);
  draft = measures_measure_editor_dup_draft (editor);
  differences = measures_measure_describe_differences (measures_measure_editor_get_original (editor),
                                                       draft, current);
  /* Translators: %s is a measure's title */
  heading = g_strdup_printf (_("“%s” as Saved Now"), measures_measure_get_title (current));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   differences[0] ? differences
                                                  : _("The saved version and your edit are the "
                                                      "same."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "keep", _("_Keep Editing"),
                                    "carry-over", _("_Carry My Changes Over"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "carry-over",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "carry-over");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "keep");
  /* Removed meanwhile: there is nothing to carry the changes over to. */
  adw_message_dialog_set_response_enabled (ADW_MESSAGE_DIALOG (dialog), "carry-over",
                                           measures_measure_get_removed (current) == NULL);
  version = g_new0 (CurrentVersion, 1);
  g_set_weak_pointer (&version->page, self);
  version->current = g_steal_pointer (&current);
  g_signal_connect_data (dialog, "response", G_CALLBACK (current_version_response), version,
                         current_version_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * measures_measures_page_finish_edit:
 *
 * An edit in progress is never left half-written: a valid one is saved
 * when the window closes, one that cannot be saved is discarded. One that
 * someone else's change refused stays open, so that nothing is lost.
 *
 * Returns: %FALSE if the window should stay open for the edit
 */
gboolean
measures_measures_page_finish_edit (MeasuresMeasuresPage *self)
{
  MeasuresMeasureEditor *editor;

  g_return_val_if_fail (MEASURES_IS_MEASURES_PAGE (self), TRUE);

  if (!_measures_measures_page_is_editing (self))
    return TRUE;

  editor = _measures_measures_page_get_measure_editor (self);
  if (!measures_measure_editor_get_modified (editor) || measures_measures_page_save (self))
    return TRUE;

  /* Refused by someone else's change, or waiting for the server. */
  if (measures_measure_editor_get_conflict (editor) != NULL)
    return FALSE;

  g_message ("Closed with an edit that could not be saved; it was discarded");
  return TRUE;
}

static void
remove_confirmed (MeasuresMeasuresPage *self,
                  const char           *response,
                  AdwMessageDialog     *dialog)
{
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *message = NULL;
  gint64 id = self->removing_id;

  self->removing_id = 0;
  if (!g_str_equal (response, "remove") || id == 0)
    return;

  /* The measure as it is now: the list may have changed under the dialog. */
  measure = measures_store_get_measure (self->store, id, &error);
  if (measure == NULL)
    {
      measures_page_show_error (MEASURES_PAGE (self), error);
      return;
    }

  author = measures_context_dup_author (self->context);
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
 * measures_measures_page_remove_measure:
 *
 * Asks whether to remove the selected measure, then removes it, with a
 * toast that offers to undo it; removed measures can also be restored
 * later, from the removed measures' window.
 */
void
measures_measures_page_remove_measure (MeasuresMeasuresPage *self)
{
  MeasuresMeasure *measure;
  GtkWidget *dialog;
  g_autofree char *heading = NULL;

  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  measure = measures_measures_page_get_measure (self);
  if (measure == NULL || self->removing_id != 0)
    return;

  self->removing_id = measures_measure_get_id (measure);
  /* Translators: %s is a measure's title */
  heading = g_strdup_printf (_("Remove “%s”?"), measures_measure_get_title (measure));
  dialog = adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading,
                                   _("The measure leaves the lists and reports. It can be "
                                     "restored under Removed Measures in the main menu."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "remove", _("_Remove"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (remove_confirmed), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

/**
 * measures_measures_page_add_log_entry:
 * @status: the measure's status now
 * @progress: its progress now, in percent
 * @text: what happened
 * @day: (nullable): the day the report is about, %NULL for today
 *
 * Reports progress on the measure in view, with a toast that offers to
 * undo it.
 */
void
measures_measures_page_add_log_entry (MeasuresMeasuresPage *self,
                                      MeasuresStatus        status,
                                      guint                 progress,
                                      const char           *text,
                                      const char           *day)
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
  if (measures_undo_stack_add_report (measures_context_get_undo_stack (self->context), measure,
                                      status, progress, text, day, author, &error) == 0)
    {
      /* The server cannot be reached: the report is kept and sent when
       * the connection is back, checked against what happened meanwhile. */
      if (g_error_matches (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OFFLINE))
        {
          g_clear_pointer (&self->pending_report, pending_report_free);
          self->pending_report = g_new0 (PendingReport, 1);
          self->pending_report->measure = g_object_ref (measure);
          self->pending_report->status = status;
          self->pending_report->progress = progress;
          self->pending_report->text = g_strdup (text);
          self->pending_report->day = g_strdup (day);
          /* Translators: %s is a measure's title */
          message = g_strdup_printf (_("Not reported yet: the server cannot be reached. Your "
                                       "report on “%s” is kept and sent when the connection "
                                       "is back."),
                                     measures_measure_get_title (measure));
          show_toast (self, message);
          return;
        }

      measures_page_show_error (MEASURES_PAGE (self), error);
      return;
    }

  /* Translators: %s is a measure's title */
  message = g_strdup_printf (_("Progress reported for “%s”"),
                             measures_measure_get_title (measure));
  show_toast (self, message);
}

/* The measure in view, as the sheet shows it. */
static MeasuresMeasure *
dup_viewed_measure (MeasuresMeasuresPage *self)
{
  MeasuresMeasureView *view = _measures_measures_page_get_measure_view (self);
  MeasuresMeasure *measure = measures_measure_view_get_measure (view);

  return measure ? g_object_ref (measure) : NULL;
}

/* A report corrected in the sheet's form, with a toast that offers to
 * undo it. */
void
_measures_measures_page_correct_report (MeasuresMeasuresPage *self,
                                        MeasuresLogEntry     *before,
                                        MeasuresLogEntry     *after)
{
  g_autoptr(MeasuresMeasure) measure = dup_viewed_measure (self);
  g_autofree char *author = measures_context_dup_author (self->context);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (measure == NULL)
    return;

  if (!measures_undo_stack_update_report (measures_context_get_undo_stack (self->context), measure,
                                          before, after, author, &error))
    {
      measures_page_show_error (MEASURES_PAGE (self), error);
      return;
    }

  /* Translators: %s is a measure's title */
  message = g_strdup_printf (_("Report on “%s” corrected"), measures_measure_get_title (measure));
  show_toast (self, message);
}

/* A report withdrawn from the sheet's log, once the user confirmed it. */
void
_measures_measures_page_withdraw_report (MeasuresMeasuresPage *self,
                                         MeasuresLogEntry     *entry)
{
  g_autoptr(MeasuresMeasure) measure = dup_viewed_measure (self);
  g_autofree char *author = measures_context_dup_author (self->context);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (measure == NULL)
    return;

  if (!measures_undo_stack_withdraw_report (measures_context_get_undo_stack (self->context),
                                            measure, entry, author, &error))
    {
      measures_page_show_error (MEASURES_PAGE (self), error);
      return;
    }

  /* Translators: %s is a measure's title */
  message = g_strdup_printf (_("Report on “%s” withdrawn"), measures_measure_get_title (measure));
  show_toast (self, message);
}

void
pending_report_free (PendingReport *report)
{
  g_clear_object (&report->measure);
  g_free (report->text);
  g_free (report->day);
  g_free (report);
}

/**
 * measures_measures_page_connection_back:
 *
 * The server can be reached again: an edit that waited for it is saved,
 * and a report that waited is sent — both with the revision they were
 * made on, so that what others changed meanwhile is not overwritten (an
 * edit refused that way stays open with why).
 */
void
measures_measures_page_connection_back (MeasuresMeasuresPage *self)
{
  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  if (_measures_measures_page_is_editing (self) &&
      measures_measure_editor_get_waiting (_measures_measures_page_get_measure_editor (self)))
    {
      MeasuresMeasureEditor *editor = _measures_measures_page_get_measure_editor (self);
      g_autoptr(MeasuresMeasure) draft = measures_measure_editor_dup_draft (editor);

      measures_measure_editor_set_waiting (editor, FALSE);
      if (measures_measures_page_save (self))
        {
          g_autofree char *message = NULL;

          /* Translators: %s is a measure's title */
          message = g_strdup_printf (_("“%s” saved now that the connection is back"),
                                     measures_measure_get_title (draft));
          show_toast (self, message);
        }
    }

  if (self->pending_report != NULL)
    {
      PendingReport *report = g_steal_pointer (&self->pending_report);
      MeasuresUndoStack *stack = measures_context_get_undo_stack (self->context);
      g_autofree char *author = measures_context_dup_author (self->context);
      g_autofree char *message = NULL;
      g_autoptr(GError) error = NULL;

      if (measures_undo_stack_add_report (stack, report->measure, report->status,
                                          report->progress, report->text, report->day, author,
                                          &error) != 0)
        {
          /* Translators: %s is a measure's title */
          message = g_strdup_printf (_("Progress reported for “%s” now that the connection "
                                       "is back"),
                                     measures_measure_get_title (report->measure));
          show_toast (self, message);
        }
      else if (g_error_matches (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OFFLINE))
        /* Lost again at once: it waits for the next time. */
        self->pending_report = g_steal_pointer (&report);
      else
        measures_page_show_error (MEASURES_PAGE (self), error);

      g_clear_pointer (&report, pending_report_free);
    }
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

/**
 * measures_measures_page_strategy_replaced:
 *
 * The strategy was replaced by a restored backup after an edit in
 * progress began: the edit stays, but is saved only once its changes have
 * been carried over to the measure as restored.
 */
void
measures_measures_page_strategy_replaced (MeasuresMeasuresPage *self)
{
  MeasuresMeasureEditor *editor;
  MeasuresMeasure *original;

  g_return_if_fail (MEASURES_IS_MEASURES_PAGE (self));

  if (!_measures_measures_page_is_editing (self))
    return;

  editor = _measures_measures_page_get_measure_editor (self);
  original = measures_measure_editor_get_original (editor);
  /* A new measure does not depend on what was there. */
  if (measures_measure_get_id (original) == 0)
    return;

  self->edit_stale = TRUE;
  measures_measure_editor_set_conflict (editor,
                                        _("Another window restored a backup after you started "
                                          "this edit. Your edit is kept here: see the current "
                                          "version and carry your changes over to it."));
}
