/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "measures-measure-editor.h"
#include "measures-measure-view.h"
#include "window-test-util.h"

/* Editing and reporting as an official does it in the window: the report
 * form's checks, correcting and withdrawing reports, the editor's checks.
 * MEASURES_TEST_PAUSE=seconds holds each state for a screenshot. */

#define VIEW_CHILD(view, name) child (view, MEASURES_TYPE_MEASURE_VIEW, name)

static MeasuresMeasureView *
open_measure (Fixture *f,
              guint    goal,
              guint    position)
{
  MeasuresMeasureView *view = detail_page (f, "sheet");

  select_sidebar_row (f, goal + 1);
  g_signal_emit_by_name (MEASURES_CHILD (f, "measure_list"), "activate", position);
  iterate ();
  return view;
}

static void
set_note (MeasuresMeasureView *view,
          const char          *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (VIEW_CHILD (view, "entry_note")), text, -1);
  iterate ();
}

static gboolean
problem_shown (MeasuresMeasureView *view)
{
  return gtk_widget_get_visible (VIEW_CHILD (view, "entry_problem_box"));
}

static GListModel *
log_of (Fixture             *f,
        MeasuresMeasureView *view)
{
  MeasuresStore *store = measures_application_get_store (f->app);
  gint64 id = measures_measure_get_id (measures_measure_view_get_measure (view));

  return measures_store_list_log (store, id, FALSE, NULL);
}

/* The n-th suffix button of the first log row: correct, withdraw. */
static GtkWidget *
log_row_button (MeasuresMeasureView *view,
                guint                n)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (VIEW_CHILD (view, "log_list"), 0);
  const char *names[] = { "Correct Report", "Withdraw Report…" };
  GtkWidget *found = NULL;

  g_assert_nonnull (row);
  for (GtkWidget *w = GTK_WIDGET (row); w != NULL && found == NULL;)
    {
      /* Depth-first through the row for a button with the tooltip. */
      if (GTK_IS_BUTTON (w) && g_strcmp0 (gtk_widget_get_tooltip_text (w), names[n]) == 0)
        found = w;
      else if (gtk_widget_get_first_child (w) != NULL)
        w = gtk_widget_get_first_child (w);
      else
        {
          while (w != GTK_WIDGET (row) && gtk_widget_get_next_sibling (w) == NULL)
            w = gtk_widget_get_parent (w);
          w = w == GTK_WIDGET (row) ? NULL : gtk_widget_get_next_sibling (w);
        }
    }
  g_assert_nonnull (found);
  return found;
}

static AdwMessageDialog *
find_dialog (void)
{
  GListModel *toplevels = gtk_window_get_toplevels ();

  for (guint i = 0; i < g_list_model_get_n_items (toplevels); i++)
    {
      g_autoptr(GObject) window = g_list_model_get_item (toplevels, i);

      if (ADW_IS_MESSAGE_DIALOG (window))
        return ADW_MESSAGE_DIALOG (window);
    }
  return NULL;
}

static void
test_report_form (Fixture       *f,
                  gconstpointer  data)
{
  MeasuresMeasureView *view = open_measure (f, 2, 4);
  GtkWidget *add = VIEW_CHILD (view, "entry_add_button");
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) later = g_date_time_add_days (now, 1);
  g_autoptr(GDateTime) before = g_date_time_add_days (now, -20);
  g_autofree char *today = g_date_time_format (now, "%F");
  g_autofree char *tomorrow = g_date_time_format (later, "%F");
  g_autofree char *earlier = g_date_time_format (before, "%F");
  g_autoptr(GListModel) log = NULL;
  g_autoptr(MeasuresLogEntry) entry = NULL;
  AdwMessageDialog *dialog;

  gtk_menu_button_popup (VIEW_CHILD (view, "add_entry_button"));
  iterate ();

  /* Dated today; nothing said yet: no saving, and why. */
  g_assert_cmpstr (gtk_editable_get_text (VIEW_CHILD (view, "entry_day")), ==, today);
  g_assert_true (problem_shown (view));
  g_assert_false (gtk_widget_get_sensitive (add));

  /* Completed at 0 %: a warning, and one click puts it right. */
  gtk_drop_down_set_selected (VIEW_CHILD (view, "entry_status"), MEASURES_STATUS_COMPLETED);
  iterate ();
  g_assert_true (problem_shown (view));
  g_assert_true (gtk_widget_get_visible (VIEW_CHILD (view, "entry_fix_button")));
  g_assert_false (gtk_widget_get_sensitive (add));
  pause_for_screenshot ("report-completed-at-zero");
  g_signal_emit_by_name (VIEW_CHILD (view, "entry_fix_button"), "clicked");
  iterate ();
  g_assert_cmpint (gtk_spin_button_get_value_as_int (VIEW_CHILD (view, "entry_progress")), ==,
                   100);
  g_assert_false (problem_shown (view));
  g_assert_true (gtk_widget_get_sensitive (add));

  /* 100 % in progress: the other way round. */
  gtk_drop_down_set_selected (VIEW_CHILD (view, "entry_status"), MEASURES_STATUS_IN_PROGRESS);
  iterate ();
  g_assert_true (problem_shown (view));
  g_signal_emit_by_name (VIEW_CHILD (view, "entry_fix_button"), "clicked");
  iterate ();
  g_assert_cmpuint (gtk_drop_down_get_selected (VIEW_CHILD (view, "entry_status")), ==,
                    MEASURES_STATUS_COMPLETED);

  /* Not about tomorrow; about three weeks ago it goes in. */
  set_note (view, "Mit 3.000 Gästen gefeiert.");
  gtk_editable_set_text (VIEW_CHILD (view, "entry_day"), tomorrow);
  iterate ();
  g_assert_true (problem_shown (view));
  g_assert_false (gtk_widget_get_sensitive (add));
  gtk_editable_set_text (VIEW_CHILD (view, "entry_day"), earlier);
  iterate ();
  g_assert_false (problem_shown (view));
  g_signal_emit_by_name (add, "clicked");
  iterate ();
  log = log_of (f, view);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
  entry = g_list_model_get_item (log, 0);
  g_assert_cmpstr (measures_log_entry_get_reported_for (entry), ==, earlier);
  g_assert_cmpint (measures_measure_get_status (measures_measure_view_get_measure (view)), ==,
                   MEASURES_STATUS_COMPLETED);
  pause_for_screenshot ("report-log-with-actions");

  /* Corrected: the form comes back with the report in it. */
  g_signal_emit_by_name (log_row_button (view, 0), "clicked");
  iterate ();
  g_assert_cmpstr (gtk_label_get_text (VIEW_CHILD (view, "entry_heading")), ==, "Correct Report");
  g_assert_cmpstr (gtk_editable_get_text (VIEW_CHILD (view, "entry_day")), ==, earlier);
  gtk_drop_down_set_selected (VIEW_CHILD (view, "entry_status"), MEASURES_STATUS_IN_PROGRESS);
  gtk_spin_button_set_value (VIEW_CHILD (view, "entry_progress"), 80);
  set_note (view, "Fast fertig: die Abrechnung fehlt.");
  pause_for_screenshot ("report-correction");
  g_assert_true (gtk_widget_get_sensitive (add));
  g_signal_emit_by_name (add, "clicked");
  iterate ();
  g_clear_object (&log);
  g_clear_object (&entry);
  log = log_of (f, view);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
  entry = g_list_model_get_item (log, 0);
  g_assert_cmpstr (measures_log_entry_get_text (entry), ==, "Fast fertig: die Abrechnung fehlt.");
  g_assert_cmpuint (measures_measure_get_progress (measures_measure_view_get_measure (view)), ==,
                    80);

  /* Withdrawn, after a question; undo brings it back. */
  g_signal_emit_by_name (log_row_button (view, 1), "clicked");
  iterate ();
  dialog = find_dialog ();
  g_assert_nonnull (dialog);
  pause_for_screenshot ("report-withdraw-question");
  adw_message_dialog_response (dialog, "withdraw");
  iterate ();
  g_clear_object (&log);
  log = log_of (f, view);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 0);
  g_assert_cmpuint (count_rows (VIEW_CHILD (view, "log_list")), ==, 0);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.undo", NULL));
  iterate ();
  g_clear_object (&log);
  log = log_of (f, view);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
}

/* A visible row of the editor with the "warning" style: the lead mismatch. */
static GtkWidget *
find_warning_row (GtkWidget *widget)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (ADW_IS_ACTION_ROW (c) && gtk_widget_has_css_class (c, "warning"))
        return c;
      if ((found = find_warning_row (c)))
        return found;
    }
  return NULL;
}

static GtkWidget *
find_button (GtkWidget  *widget,
             const char *label)
{
  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found;

      if (GTK_IS_BUTTON (c) && g_strcmp0 (gtk_button_get_label (GTK_BUTTON (c)), label) == 0)
        return c;
      if ((found = find_button (c, label)))
        return found;
    }
  return NULL;
}

#define EDITOR_CHILD(editor, name) child (editor, MEASURES_TYPE_MEASURE_EDITOR, name)

/* A new measure: no error before anything is typed; saving without lead,
 * description, objectives or a priority is refused, with messages at the
 * fields. */
static void
test_new_measure_form (Fixture       *f,
                       gconstpointer  data)
{
  MeasuresMeasureEditor *editor = detail_page (f, "editor");
  GtkWidget *priority;

  select_sidebar_row (f, 3);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.new-measure", NULL));
  iterate ();
  g_assert_false (gtk_widget_get_visible (EDITOR_CHILD (editor, "error_label")));
  priority = EDITOR_CHILD (editor, "priority_row");
  g_assert_cmpuint (adw_combo_row_get_selected (ADW_COMBO_ROW (priority)), ==,
                    GTK_INVALID_LIST_POSITION);
  g_assert_false (gtk_widget_has_css_class (priority, "error"));
  g_assert_false (measures_measure_editor_get_valid (editor));
  pause_for_screenshot ("new-measure-before-typing");

  gtk_editable_set_text (EDITOR_CHILD (editor, "title_row"), "Städtepartnerschaft mit Kyjiw");
  iterate ();
  g_assert_false (gtk_widget_has_css_class (EDITOR_CHILD (editor, "description_view"), "error"));

  /* Save is offered: trying shows what is missing. */
  g_assert_true (gtk_widget_is_sensitive (MEASURES_CHILD (f, "save_button")));
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.save", NULL));
  iterate ();
  g_assert_cmpstr (gtk_stack_get_visible_child_name (MEASURES_CHILD (f, "detail_stack")), ==,
                   "editor");
  g_assert_true (gtk_widget_has_css_class (EDITOR_CHILD (editor, "description_view"), "error"));
  g_assert_true (gtk_widget_has_css_class (EDITOR_CHILD (editor, "objectives_list"), "error"));
  g_assert_true (gtk_widget_has_css_class (EDITOR_CHILD (editor, "lead_offices_row"), "error"));
  g_assert_true (gtk_widget_has_css_class (priority, "error"));
  pause_for_screenshot ("new-measure-after-failed-save");
}

/* The printed lead names other offices than the lead offices: the editor
 * says so, and one click brings them together. */
static void
test_lead_mismatch (Fixture       *f,
                    gconstpointer  data)
{
  MeasuresMeasureEditor *editor = detail_page (f, "editor");
  GtkWidget *row;
  g_autoptr(MeasuresMeasure) draft = NULL;

  open_measure (f, 2, 4);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (f->window), "win.edit-measure", NULL));
  iterate ();
  row = find_warning_row (GTK_WIDGET (editor));
  g_assert_nonnull (row);
  g_assert_false (gtk_widget_get_visible (row));

  gtk_editable_set_text (EDITOR_CHILD (editor, "lead_row"), "AfA, AEN");
  iterate ();
  g_assert_true (gtk_widget_get_visible (row));
  pause_for_screenshot ("editor-lead-mismatch");

  g_signal_emit_by_name (find_button (row, "_Offices from Text"), "clicked");
  iterate ();
  g_assert_false (gtk_widget_get_visible (row));
  draft = measures_measure_editor_dup_draft (editor);
  g_assert_cmpuint (g_strv_length ((GStrv)measures_measure_get_lead_offices (draft)), ==, 2);
  g_assert_true (g_strv_contains (measures_measure_get_lead_offices (draft), "AfA"));
  g_assert_true (g_strv_contains (measures_measure_get_lead_offices (draft), "AEN"));
}

int
main (int   argc,
      char *argv[])
{
  window_test_init (&argc, &argv);

  ADD ("report-form", test_report_form);
  ADD ("new-measure-form", test_new_measure_form);
  ADD ("lead-mismatch", test_lead_mismatch);

  return g_test_run ();
}
