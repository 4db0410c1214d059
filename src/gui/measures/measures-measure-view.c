/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measure-view"

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "measures-i18n.h"

#include "measures-change-row.h"
#include "measures-format.h"
#include "measures-measure-view.h"
#include "measures-store.h"

/**
 * MeasuresMeasureView:
 *
 * A measure laid out like the strategy's printed detail sheet: goal, title,
 * short description, objectives and the implementation table.
 */
struct _MeasuresMeasureView
{
  AdwBin parent_instance;

  /* Owned */
  MeasuresMeasure *measure;
  MeasuresStore *store;
  GListModel *offices;          /* the directory, to name and link the measure's offices */

  /* Template widgets */
  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkLabel *goal_label;
  GtkLabel *title_label;
  GtkLabel *content_note;
  GtkLabel *description_heading;
  GtkLabel *description_label;
  GtkBox *objectives_box;
  GtkLabel *lead_label;
  GtkLabel *actors_label;
  GtkLabel *priority_label;
  GtkLabel *period_label;
  GtkLabel *costs_label;
  GtkLabel *offices_label;
  GtkLabel *overview_label;
  GtkLabel *status_label;
  GtkLabel *derived_label;
  GtkProgressBar *progress_bar;
  GtkLabel *updated_label;
  GtkMenuButton *add_entry_button;
  GtkPopover *entry_popover;
  GtkDropDown *entry_status;
  GtkSpinButton *entry_progress;
  GtkTextView *entry_note;
  GtkLabel *entry_heading;
  GtkEntry *entry_day;
  GtkWidget *entry_problem_box;
  GtkLabel *entry_problem;
  GtkButton *entry_fix_button;
  GtkButton *entry_add_button;
  GtkListBox *log_list;
  GtkExpander *history_expander;
  GtkListBox *history_list;

  /* What the two lists show; kept in step entry by entry. */
  GListStore *log_entries;
  GListStore *changes;

  /* The report the form corrects, or %NULL for a new one */
  MeasuresLogEntry *correcting;
  /* What the form's button next to the warning sets: a status, or a
   * progress */
  int fix_status;
  int fix_progress;
  gboolean can_report;
};

G_DEFINE_FINAL_TYPE (MeasuresMeasureView, measures_measure_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MEASURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CORRECT_REPORT,
  WITHDRAW_REPORT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clear_box (GtkBox *box)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (box))))
    gtk_box_remove (box, child);
}

static GtkWidget *
objective_row (const char *text)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);
  GtkWidget *bullet = gtk_label_new ("•");
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_yalign (GTK_LABEL (bullet), 0);
  gtk_accessible_update_state (GTK_ACCESSIBLE (bullet), GTK_ACCESSIBLE_STATE_HIDDEN, TRUE, -1);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (label), TRUE);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_box_append (GTK_BOX (row), bullet);
  gtk_box_append (GTK_BOX (row), label);

  return row;
}

static void
set_text (GtkLabel   *label,
          const char *text)
{
  /* An empty field is shown as such rather than as a gap in the table. */
  gtk_label_set_text (label, text[0] ? text : C_("empty field", "—"));
}

static void
show_priority (MeasuresMeasureView *self,
               MeasuresPriority     priority)
{
  static const char *classes[] = { "high", "medium", "low" };

  for (guint i = 0; i < G_N_ELEMENTS (classes); i++)
    gtk_widget_remove_css_class (GTK_WIDGET (self->priority_label), classes[i]);
  gtk_widget_add_css_class (GTK_WIDGET (self->priority_label), classes[priority]);
  gtk_label_set_text (self->priority_label, measures_priority_get_label (priority));
}

static MeasuresOffice *
find_office (MeasuresMeasureView *self,
             const char          *abbreviation)
{
  for (guint i = 0; self->offices && i < g_list_model_get_n_items (self->offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (self->offices, i);

      if (g_str_equal (measures_office_get_abbreviation (office), abbreviation))
        return g_steal_pointer (&office);
    }

  return NULL;
}

/* The offices spelled out, each a link to it on the Offices page. */
static char *
office_links (MeasuresMeasureView *self,
              const char * const  *abbreviations)
{
  GString *markup = g_string_new (NULL);

  if (abbreviations[0] == NULL)
    {
      g_autofree char *none = g_markup_escape_text (C_("no offices", "none"), -1);

      g_string_append (markup, none);
    }

  for (guint i = 0; abbreviations[i] != NULL; i++)
    {
      g_autoptr(MeasuresOffice) office = find_office (self, abbreviations[i]);
      const char *name = office ? measures_office_get_name (office) : abbreviations[i];
      g_autofree char *text = NULL;
      g_autofree char *uri = NULL;
      g_autofree char *link = NULL;

      if (i > 0)
        g_string_append (markup, ", ");

      /* Organisations without an abbreviation go by their name alone. */
      if (g_str_equal (name, abbreviations[i]))
        text = g_strdup (name);
      else
        /* Translators: an office of the directory: its name (its abbreviation) */
        text = g_strdup_printf (C_("office", "%s (%s)"), name, abbreviations[i]);

      if (office == NULL)
        {
          g_autofree char *escaped = g_markup_escape_text (text, -1);

          g_string_append (markup, escaped);
          continue;
        }

      uri = g_strconcat ("office:", abbreviations[i], NULL);
      link = g_markup_printf_escaped ("<a href=\"%s\">%s</a>", uri, text);
      g_string_append (markup, link);
    }

  return g_string_free (markup, FALSE);
}

static void
show_links (MeasuresMeasureView *self)
{
  g_autofree char *format = NULL;
  g_autofree char *lead = NULL;
  g_autofree char *involved = NULL;
  g_autofree char *markup = NULL;

  if (self->measure == NULL)
    return;

  lead = office_links (self, measures_measure_get_lead_offices (self->measure));
  involved = office_links (self, measures_measure_get_involved_offices (self->measure));

  /* Translators: the offices of the directory that a measure is linked to;
   * %s are comma-separated offices, each "name (abbreviation)" */
  format = g_markup_escape_text (_("Office directory — lead: %s; involved: %s"), -1);
  markup = g_strdup_printf (format, lead, involved);
  gtk_label_set_markup (self->offices_label, markup);
}

/* A link of the office line: that office on the Offices page. */
static gboolean
office_link_activated (MeasuresMeasureView *self,
                       const char          *uri)
{
  if (!g_str_has_prefix (uri, "office:"))
    return FALSE;

  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-office", "s",
                              uri + strlen ("office:"));
  return TRUE;
}

static void
show_overview_variant (MeasuresMeasureView *self)
{
  const char *title = measures_measure_get_overview_title (self->measure);
  const char *lead = measures_measure_get_overview_lead (self->measure);
  g_autoptr(GString) text = g_string_new (NULL);

  /* The overview table of the printed strategy words a few measures
   * differently from their detail sheet; show it so nothing is lost. */
  if (title != NULL)
    g_string_append_printf (text, _("The strategy’s overview table lists this measure as “%s”."),
                            title);
  if (lead != NULL)
    {
      if (text->len > 0)
        g_string_append_c (text, ' ');
      g_string_append_printf (text, _("The overview table names the lead as “%s”."), lead);
    }

  gtk_label_set_text (self->overview_label, text->str);
  gtk_widget_set_visible (GTK_WIDGET (self->overview_label), text->len > 0);
}

/* The date and time the store wrote, local and in the interface language. */
static char *
format_date (const char *iso8601)
{
  return measures_format_iso_date (iso8601, TRUE);
}

/* A day as reports are dated (YYYY-MM-DD), in the interface language. */
static char *
format_day (const char *day)
{
  g_autoptr(GDateTime) date = NULL;
  int year, month, mday;

  if (day == NULL || sscanf (day, "%4d-%2d-%2d", &year, &month, &mday) != 3 ||
      !(date = g_date_time_new_local (year, month, mday, 12, 0, 0)))
    return g_strdup (day ? day : "");
  return measures_format_date (date);
}

static void
set_status_classes (GtkWidget      *label,
                    MeasuresStatus  status)
{
  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    gtk_widget_remove_css_class (label, measures_status_to_string (i));
  gtk_widget_add_css_class (label, measures_status_to_string (status));
}

static void
show_status (MeasuresMeasureView *self)
{
  MeasuresStatus status = measures_measure_get_status (self->measure);
  guint progress = measures_measure_get_progress (self->measure);
  const char *updated = measures_measure_get_updated (self->measure);
  g_autofree char *progress_text = NULL;
  g_autofree char *updated_text = NULL;

  gtk_label_set_text (self->status_label, measures_status_get_label (status));
  set_status_classes (GTK_WIDGET (self->status_label), status);
  gtk_widget_set_visible (GTK_WIDGET (self->derived_label),
                          measures_measure_get_status_derived (self->measure));

  /* Translators: a measure's progress, e.g. "40 %" */
  progress_text = g_strdup_printf (_("%u %%"), progress);
  gtk_progress_bar_set_fraction (self->progress_bar, progress / 100.0);
  gtk_progress_bar_set_text (self->progress_bar, progress_text);

  if (updated != NULL)
    {
      g_autofree char *date = format_date (updated);
      /* Translators: %s is a date and time */
      updated_text = g_strdup_printf (_("Last updated %s"), date);
    }
  else
    updated_text = g_strdup (_("Unchanged since the strategy was adopted"));
  gtk_label_set_text (self->updated_label, updated_text);
}

static void correct_clicked  (GtkButton *button,
                              gpointer   user_data);
static void withdraw_clicked (GtkButton *button,
                              gpointer   user_data);

static GtkWidget *
log_row_button (MeasuresMeasureView *self,
                MeasuresLogEntry    *entry,
                const char          *icon,
                const char          *label,
                GCallback            callback)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  gtk_widget_set_sensitive (button, self->can_report);
  g_object_set_data_full (G_OBJECT (button), "entry", g_object_ref (entry), g_object_unref);
  g_signal_connect (button, "clicked", callback, self);

  return button;
}

static GtkWidget *
create_log_row (gpointer item,
                gpointer user_data)
{
  MeasuresMeasureView *self = user_data;
  MeasuresLogEntry *entry = item;
  g_autofree char *day = format_day (measures_log_entry_get_reported_for (entry));
  g_autofree char *recorded = format_date (measures_log_entry_get_date (entry));
  g_autofree char *recorded_day = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *text = measures_log_entry_get_text (entry);
  GtkWidget *row = adw_action_row_new ();

  /* Translators: a progress log entry: the day it is about · author · status · percentage */
  title = g_strdup_printf (_("%s · %s · %s · %u %%"), day, measures_log_entry_get_author (entry),
                           measures_status_get_label (measures_log_entry_get_status (entry)),
                           measures_log_entry_get_progress (entry));

  /* A report written down later than the day it is about says when. */
  recorded_day = measures_format_iso_date (measures_log_entry_get_date (entry), FALSE);
  if (!g_str_equal (recorded_day, day))
    {
      /* Translators: below a report about an earlier day; %s is when it was written down */
      g_autofree char *note = g_strdup_printf (_("Recorded %s"), recorded);

      subtitle = text[0] ? g_strdup_printf ("%s\n%s", text, note) : g_steal_pointer (&note);
    }
  else
    subtitle = g_strdup (text);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             log_row_button (self, entry, "document-edit-symbolic",
                                             _("Correct Report"), G_CALLBACK (correct_clicked)));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             log_row_button (self, entry, "edit-undo-symbolic",
                                             _("Withdraw Report…"),
                                             G_CALLBACK (withdraw_clicked)));

  return row;
}

/* Longer values are cut in the history's rows; a button beside shows them
 * whole. */
static GtkWidget *
create_change_row (gpointer item,
                   gpointer user_data)
{
  return measures_change_row_new (item);
}

typedef gint64 (*GetId) (gpointer item);

static gboolean
same_item (GListModel *a,
           guint       i,
           GListModel *b,
           guint       j,
           GetId       get_id)
{
  g_autoptr(GObject) x = g_list_model_get_item (a, i);
  g_autoptr(GObject) y = g_list_model_get_item (b, j);

  return get_id (x) == get_id (y);
}

/* Makes @list hold the items of @fresh, replacing only the run of items
 * whose ids differ: a new report or change adds one row instead of making
 * every row again. */
static void
sync_list (GListStore *list,
           GListModel *fresh,
           GetId       get_id)
{
  guint old_n = g_list_model_get_n_items (G_LIST_MODEL (list));
  guint new_n = fresh ? g_list_model_get_n_items (fresh) : 0;
  guint prefix = 0, suffix = 0;
  g_autoptr(GPtrArray) added = g_ptr_array_new_with_free_func (g_object_unref);

  while (prefix < old_n && prefix < new_n &&
         same_item (G_LIST_MODEL (list), prefix, fresh, prefix, get_id))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         same_item (G_LIST_MODEL (list), old_n - 1 - suffix, fresh, new_n - 1 - suffix, get_id))
    suffix++;

  for (guint i = prefix; i < new_n - suffix; i++)
    g_ptr_array_add (added, g_list_model_get_item (fresh, i));

  if (added->len > 0 || old_n - prefix - suffix > 0)
    g_list_store_splice (list, prefix, old_n - prefix - suffix, added->pdata, added->len);
}

static void
history_expanded (MeasuresMeasureView *self)
{
  /* The history's rows are made when someone opens it. */
  if (gtk_expander_get_expanded (self->history_expander))
    gtk_list_box_bind_model (self->history_list, G_LIST_MODEL (self->changes), create_change_row,
                             NULL, NULL);
  else
    gtk_list_box_bind_model (self->history_list, NULL, NULL, NULL, NULL);
}

static void
show_log_and_history (MeasuresMeasureView *self)
{
  g_autoptr(GListModel) log = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *history_title = NULL;
  guint n_changes = 0;

  if (self->store != NULL && self->measure != NULL && measures_measure_get_id (self->measure) > 0)
    {
      gint64 id = measures_measure_get_id (self->measure);

      if (!(log = measures_store_list_log (self->store, id, FALSE, &error)) ||
          !(history = measures_store_list_history (self->store, id, &error)))
        g_warning ("Could not read the log of measure %" G_GINT64_FORMAT ": %s", id,
                   error->message);
    }

  sync_list (self->log_entries, log, (GetId)measures_log_entry_get_id);
  sync_list (self->changes, history, (GetId)measures_change_get_id);

  n_changes = history ? g_list_model_get_n_items (history) : 0;
  history_title = g_strdup_printf (ngettext ("History (%u change)", "History (%u changes)",
                                             n_changes),
                                   n_changes);
  gtk_expander_set_label (self->history_expander, history_title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->history_expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, history_title, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->history_expander), n_changes > 0);
}

static char *
entry_dup_text (MeasuresMeasureView *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->entry_note);
  GtkTextIter start, end;
  char *text;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (text);
}

/* Checks the form as the store will, and says what is wrong next to the
 * button, with a button that fixes it where one click can. */
static void
entry_changed (MeasuresMeasureView *self)
{
  MeasuresStatus status = gtk_drop_down_get_selected (self->entry_status);
  guint progress = (guint)gtk_spin_button_get_value_as_int (self->entry_progress);
  g_autofree char *text = entry_dup_text (self);
  const char *day = gtk_editable_get_text (GTK_EDITABLE (self->entry_day));
  const char *fix = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  MeasuresStatus before_status;
  guint before_progress;

  if (self->measure == NULL || status >= MEASURES_N_STATUSES)
    return;

  self->fix_status = -1;
  self->fix_progress = -1;

  if (self->correcting != NULL)
    {
      before_status = measures_log_entry_get_status (self->correcting);
      before_progress = measures_log_entry_get_progress (self->correcting);
    }
  else
    {
      before_status = measures_measure_get_status (self->measure);
      before_progress = measures_measure_get_progress (self->measure);
    }

  if (status == MEASURES_STATUS_COMPLETED && progress != 100)
    {
      message = g_strdup_printf (_("A completed measure is at 100 %%, not %u %%."), progress);
      fix = _("Set _100 %");
      self->fix_progress = 100;
    }
  else if (status != MEASURES_STATUS_COMPLETED && progress == 100)
    {
      /* xgettext:no-c-format */
      message = g_strdup (_("At 100 % the measure is completed."));
      fix = _("Mark _Completed");
      self->fix_status = MEASURES_STATUS_COMPLETED;
    }
  else if (!measures_store_check_report (status, progress, text, day[0] ? day : NULL, &error))
    message = g_strdup (error->message);
  else if (self->correcting == NULL && text[0] == '\0' && status == before_status &&
           progress == before_progress)
    message = g_strdup (_("Write what happened, or change the status or the progress."));
  else if (self->correcting != NULL && status == before_status && progress == before_progress &&
           g_str_equal (text, measures_log_entry_get_text (self->correcting)) &&
           g_strcmp0 (day, measures_log_entry_get_reported_for (self->correcting)) == 0)
    message = NULL;

  gtk_widget_set_visible (self->entry_problem_box, message != NULL);
  gtk_label_set_text (self->entry_problem, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->entry_fix_button), fix != NULL);
  if (fix != NULL)
    gtk_button_set_label (self->entry_fix_button, fix);
  gtk_widget_set_sensitive (GTK_WIDGET (self->entry_add_button), message == NULL && day[0]);
}

static void
entry_fix_clicked (MeasuresMeasureView *self)
{
  if (self->fix_progress >= 0)
    gtk_spin_button_set_value (self->entry_progress, self->fix_progress);
  if (self->fix_status >= 0)
    gtk_drop_down_set_selected (self->entry_status, self->fix_status);
  entry_changed (self);
}

static void
entry_popover_show (MeasuresMeasureView *self)
{
  g_autofree char *today = measures_store_today ();

  if (self->measure == NULL)
    return;

  if (self->correcting != NULL)
    {
      gtk_label_set_text (self->entry_heading, _("Correct Report"));
      gtk_button_set_label (GTK_BUTTON (self->entry_add_button), _("_Save Correction"));
      gtk_drop_down_set_selected (self->entry_status,
                                  measures_log_entry_get_status (self->correcting));
      gtk_spin_button_set_value (self->entry_progress,
                                 measures_log_entry_get_progress (self->correcting));
      gtk_editable_set_text (GTK_EDITABLE (self->entry_day),
                             measures_log_entry_get_reported_for (self->correcting));
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->entry_note),
                                measures_log_entry_get_text (self->correcting), -1);
    }
  else
    {
      /* Start from where the measure stands; most reports change one thing. */
      gtk_label_set_text (self->entry_heading, _("Report Progress"));
      gtk_button_set_label (GTK_BUTTON (self->entry_add_button), _("_Add Entry"));
      gtk_drop_down_set_selected (self->entry_status, measures_measure_get_status (self->measure));
      gtk_spin_button_set_value (self->entry_progress, measures_measure_get_progress (self->measure));
      gtk_editable_set_text (GTK_EDITABLE (self->entry_day), today);
      gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->entry_note), "", -1);
    }
  entry_changed (self);
}

static void
entry_popover_closed (MeasuresMeasureView *self)
{
  g_clear_object (&self->correcting);
}

static void
entry_add_clicked (MeasuresMeasureView *self)
{
  g_autofree char *text = entry_dup_text (self);
  g_autofree char *day = g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->entry_day)));
  MeasuresStatus status = gtk_drop_down_get_selected (self->entry_status);
  guint progress = (guint)gtk_spin_button_get_value_as_int (self->entry_progress);
  g_autoptr(MeasuresLogEntry) before = g_steal_pointer (&self->correcting);

  if (!gtk_widget_get_sensitive (GTK_WIDGET (self->entry_add_button)))
    return;

  gtk_popover_popdown (self->entry_popover);
  if (before != NULL)
    {
      g_autoptr(MeasuresLogEntry) after = NULL;

      after = measures_log_entry_new (measures_log_entry_get_id (before),
                                      measures_log_entry_get_measure_id (before),
                                      measures_log_entry_get_date (before),
                                      measures_log_entry_get_author (before), status, progress,
                                      text, NULL);
      measures_log_entry_set_reported_for (after, day);
      g_signal_emit (self, signals[CORRECT_REPORT], 0, before, after);
      return;
    }

  gtk_widget_activate_action (GTK_WIDGET (self), "win.add-log-entry", "(uuss)", status, progress,
                              text, day);
}

static void
correct_clicked (GtkButton *button,
                 gpointer   user_data)
{
  MeasuresMeasureView *self = user_data;
  MeasuresLogEntry *entry = g_object_get_data (G_OBJECT (button), "entry");

  g_set_object (&self->correcting, entry);
  gtk_menu_button_popup (self->add_entry_button);
}

static void
withdraw_response (AdwMessageDialog *dialog,
                   const char       *response,
                   gpointer          user_data)
{
  MeasuresMeasureView *self = user_data;
  MeasuresLogEntry *entry = g_object_get_data (G_OBJECT (dialog), "entry");

  if (g_str_equal (response, "withdraw"))
    g_signal_emit (self, signals[WITHDRAW_REPORT], 0, entry);
}

static void
withdraw_clicked (GtkButton *button,
                  gpointer   user_data)
{
  MeasuresMeasureView *self = user_data;
  MeasuresLogEntry *entry = g_object_get_data (G_OBJECT (button), "entry");
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  g_autofree char *day = format_day (measures_log_entry_get_reported_for (entry));
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %s is the day a progress report is about */
  body = g_strdup_printf (_("The report of %s stays in the history, marked withdrawn. The "
                            "measure takes the status and progress of the latest report left."),
                          day);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_IS_WINDOW (root) ? GTK_WINDOW (root)
                                                                             : NULL,
                                                       _("Withdraw Report?"), body));
  adw_message_dialog_add_responses (dialog, "cancel", _("_Cancel"), "withdraw", _("_Withdraw"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "withdraw", ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_default_response (dialog, "cancel");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "entry", g_object_ref (entry), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (withdraw_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
measures_measure_view_dispose (GObject *object)
{
  MeasuresMeasureView *self = (MeasuresMeasureView *)object;

  /* AdwBin unparents its child itself; let it do so before the template
   * drops its references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_MEASURE_VIEW);
  g_clear_object (&self->measure);
  g_clear_object (&self->store);
  g_clear_object (&self->offices);
  g_clear_object (&self->log_entries);
  g_clear_object (&self->changes);
  g_clear_object (&self->correcting);

  G_OBJECT_CLASS (measures_measure_view_parent_class)->dispose (object);
}

static void
measures_measure_view_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  MeasuresMeasureView *self = MEASURES_MEASURE_VIEW (object);

  switch (prop_id)
    {
    case PROP_MEASURE:
      g_value_set_object (value, self->measure);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_measure_view_class_init (MeasuresMeasureViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_measure_view_dispose;
  object_class->get_property = measures_measure_view_get_property;

  /**
   * MeasuresMeasureView:measure:
   *
   * The measure shown, or %NULL for the empty state.
   */
  properties[PROP_MEASURE] =
    g_param_spec_object ("measure", NULL, NULL, MEASURES_TYPE_MEASURE,
                         G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * MeasuresMeasureView::correct-report:
   * @before: the report as shown
   * @after: the report as the user corrected it
   *
   * The user corrected a report in the form.
   */
  signals[CORRECT_REPORT] =
    g_signal_new ("correct-report", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 2, MEASURES_TYPE_LOG_ENTRY, MEASURES_TYPE_LOG_ENTRY);

  /**
   * MeasuresMeasureView::withdraw-report:
   * @entry: the report
   *
   * The user confirmed that a report is to be withdrawn.
   */
  signals[WITHDRAW_REPORT] =
    g_signal_new ("withdraw-report", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, MEASURES_TYPE_LOG_ENTRY);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/measures/measures-measure-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, stack);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, scroller);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, goal_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, title_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, content_note);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, description_heading);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, description_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, objectives_box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, lead_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, actors_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, priority_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, period_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, costs_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, offices_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, overview_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, status_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, derived_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, updated_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, add_entry_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, entry_popover);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, entry_status);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, entry_progress);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, entry_note);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, entry_heading);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, entry_day);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, entry_problem_box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, entry_problem);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, entry_fix_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, entry_add_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, log_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, history_expander);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, history_list);
  gtk_widget_class_bind_template_callback (widget_class, entry_popover_show);
  gtk_widget_class_bind_template_callback (widget_class, entry_add_clicked);
  gtk_widget_class_bind_template_callback (widget_class, entry_changed);
  gtk_widget_class_bind_template_callback (widget_class, entry_fix_clicked);
  gtk_widget_class_bind_template_callback (widget_class, office_link_activated);
}

static void
measures_measure_view_init (MeasuresMeasureView *self)
{
  g_autoptr(GtkStringList) statuses = gtk_string_list_new (NULL);
  GtkWidget *no_entries;

  gtk_widget_init_template (GTK_WIDGET (self));

  self->log_entries = g_list_store_new (MEASURES_TYPE_LOG_ENTRY);
  self->changes = g_list_store_new (MEASURES_TYPE_CHANGE);
  self->can_report = TRUE;
  gtk_list_box_bind_model (self->log_list, G_LIST_MODEL (self->log_entries), create_log_row,
                           self, NULL);
  g_signal_connect_object (gtk_text_view_get_buffer (self->entry_note), "changed",
                           G_CALLBACK (entry_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->entry_popover, "closed", G_CALLBACK (entry_popover_closed), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->history_expander, "notify::expanded",
                           G_CALLBACK (history_expanded), self, G_CONNECT_SWAPPED);

  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    gtk_string_list_append (statuses, measures_status_get_label (i));
  gtk_drop_down_set_model (self->entry_status, G_LIST_MODEL (statuses));

  no_entries = gtk_label_new (_("Nobody has reported progress yet."));
  gtk_widget_add_css_class (no_entries, "dim-label");
  gtk_widget_set_margin_top (no_entries, 12);
  gtk_widget_set_margin_bottom (no_entries, 12);
  gtk_list_box_set_placeholder (self->log_list, no_entries);
}

/**
 * measures_measure_view_set_store:
 * @store: where the shown measure's log and history are read from
 */
void
measures_measure_view_set_store (MeasuresMeasureView *self,
                                 MeasuresStore       *store)
{
  g_return_if_fail (MEASURES_IS_MEASURE_VIEW (self));
  g_return_if_fail (MEASURES_IS_STORE (store));

  g_set_object (&self->store, store);
}

/**
 * measures_measure_view_set_offices:
 * @offices: the office directory, a #MeasuresOffice list
 *
 * Names each office of the measure shown in full, with a link to it.
 */
void
measures_measure_view_set_offices (MeasuresMeasureView *self,
                                   GListModel          *offices)
{
  g_return_if_fail (MEASURES_IS_MEASURE_VIEW (self));
  g_return_if_fail (G_IS_LIST_MODEL (offices));

  if (self->offices != NULL)
    g_signal_handlers_disconnect_by_func (self->offices, show_links, self);
  g_set_object (&self->offices, offices);
  g_signal_connect_object (offices, "items-changed", G_CALLBACK (show_links), self,
                           G_CONNECT_SWAPPED);
  show_links (self);
}

/**
 * measures_measure_view_get_measure:
 *
 * Returns: (transfer none) (nullable): the measure shown
 */
MeasuresMeasure *
measures_measure_view_get_measure (MeasuresMeasureView *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_VIEW (self), NULL);

  return self->measure;
}

/**
 * measures_measure_view_set_measure:
 * @measure: (nullable): the measure to show, or %NULL for the empty state
 * @goal: (nullable): the measure's goal
 *
 * Shows @measure, or shows it again with its current log and history.
 */
void
measures_measure_view_set_measure (MeasuresMeasureView *self,
                                   MeasuresMeasure     *measure,
                                   MeasuresGoal        *goal)
{
  const char * const *objectives;
  GtkAdjustment *vadjustment;
  gboolean same;

  g_return_if_fail (MEASURES_IS_MEASURE_VIEW (self));
  g_return_if_fail (!measure || MEASURES_IS_MEASURE (measure));
  g_return_if_fail (!goal || MEASURES_IS_GOAL (goal));

  same = measure != NULL && self->measure != NULL &&
         measures_measure_get_id (measure) == measures_measure_get_id (self->measure);
  g_set_object (&self->measure, measure);

  gtk_stack_set_visible_child_name (self->stack, measure ? "sheet" : "empty");

  if (measure != NULL)
    {
      g_autofree char *goal_text = NULL;

      if (goal != NULL)
        /* Translators: above a measure's title: "Goal 2: Zusammenarbeit in Europa …" */
        goal_text = g_strdup_printf (_("Goal %u: %s"), measures_goal_get_number (goal),
                                     measures_goal_get_title (goal));
      gtk_label_set_text (self->goal_label, goal_text ? goal_text : "");
      gtk_label_set_text (self->title_label, measures_measure_get_title (measure));
      {
        /* The strategy is the city's German text: say so in other languages,
         * lest it look like a missing translation. */
        g_autofree char *language = measures_i18n_dup_language ();
        gtk_widget_set_visible (GTK_WIDGET (self->content_note), !g_str_equal (language, "de"));
      }
      set_text (self->description_label, measures_measure_get_description (measure));

      clear_box (self->objectives_box);
      objectives = measures_measure_get_objectives (measure);
      for (guint i = 0; objectives[i] != NULL; i++)
        gtk_box_append (self->objectives_box, objective_row (objectives[i]));
      if (objectives[0] == NULL)
        gtk_box_append (self->objectives_box, objective_row (C_("empty field", "—")));

      set_text (self->lead_label, measures_measure_get_lead (measure));
      set_text (self->actors_label, measures_measure_get_actors (measure));
      show_priority (self, measures_measure_get_priority (measure));
      set_text (self->period_label, measures_measure_get_period (measure));
      set_text (self->costs_label, measures_measure_get_costs (measure));
      show_links (self);
      show_overview_variant (self);
      show_status (self);

      /* A new sheet starts at its top; the same one stays where it was. */
      if (!same)
        {
          vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
          gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
        }
    }

  show_log_and_history (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}

/**
 * measures_measure_view_get_vadjustment:
 *
 * Returns: (transfer none): the sheet's vertical scroll position
 */
GtkAdjustment *
measures_measure_view_get_vadjustment (MeasuresMeasureView *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_VIEW (self), NULL);

  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

/**
 * measures_measure_view_set_can_report:
 * @can_report: whether the user may report progress on the measure
 * @why: (nullable): why not, if not because of the user's role
 *
 * Offers Report Progress only to those whose role allows it, and says why
 * to the others.
 */
void
measures_measure_view_set_can_report (MeasuresMeasureView *self,
                                      gboolean             can_report,
                                      const char          *why)
{
  g_return_if_fail (MEASURES_IS_MEASURE_VIEW (self));

  if (why == NULL)
    why = _("Only the offices that lead or take part in this measure, and coordinators, may "
            "report on it");

  gtk_widget_set_sensitive (GTK_WIDGET (self->add_entry_button), can_report);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->add_entry_button), can_report ? NULL : why);

  /* The log's rows offer corrections to the same people. */
  if (self->can_report != !!can_report)
    {
      self->can_report = !!can_report;
      gtk_list_box_bind_model (self->log_list, G_LIST_MODEL (self->log_entries), create_log_row,
                               self, NULL);
    }
}
