/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-indicator-view"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "measures-date-button.h"
#include "measures-format.h"
#include "measures-indicator-text.h"
#include "measures-indicator-view.h"

/**
 * MeasuresIndicatorView:
 *
 * An indicator as an official reads it: what it belongs to (a link there),
 * its definition, when the next value is due, the values recorded (newest
 * first) and its history. Recording a value is a small form in a popover;
 * the page that holds the view does the writing through its
 * "indicators.record-value" action and tells the view how it went, so that
 * a refused value stays in the form.
 */
struct _MeasuresIndicatorView
{
  AdwBin parent_instance;

  /* Owned */
  MeasuresStore *store;
  MeasuresIndicator *indicator;
  GPtrArray *value_rows;
  gboolean can_report;
  char *why;
  gboolean value_valid;
  double value;

  /* Template widgets */
  GtkStack *stack;
  GtkButton *belongs_button;
  GtkLabel *belongs_label;
  GtkLabel *name_label;
  GtkLabel *description_label;
  GtkMenuButton *record_button;
  GtkPopover *record_popover;
  MeasuresDateButton *record_date;
  GtkEntry *record_value;
  GtkLabel *record_value_message;
  GtkEntry *record_note;
  GtkLabel *record_error;
  GtkWidget *record_add_button;
  AdwActionRow *unit_row;
  AdwActionRow *office_row;
  AdwActionRow *baseline_row;
  AdwActionRow *targets_row;
  AdwActionRow *direction_row;
  AdwActionRow *interval_row;
  AdwActionRow *due_row;
  AdwPreferencesGroup *values_group;
  AdwActionRow *no_values_row;
  GtkExpander *history_expander;
  GtkListBox *history_list;
};

G_DEFINE_FINAL_TYPE (MeasuresIndicatorView, measures_indicator_view, ADW_TYPE_BIN)

static char *
or_dash (const char *text)
{
  return g_strdup (text != NULL && text[0] != '\0' ? text : C_("empty field", "—"));
}

/* Recording a value --------------------------------------------------------- */

static void
update_record_form (MeasuresIndicatorView *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->record_value));
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;

  self->value_valid = FALSE;
  if (text[0] == '\0')
    message = g_strdup ("");
  else if (!measures_format_parse_number (text, &self->value, &error))
    {
      g_autofree char *example = measures_format_decimal (1234.5, 1);

      /* Translators: under a value that is not a number; %s is an example
       * in the user's number format, e.g. "1.234,5" */
      message = g_strdup_printf (_("Not a number: write it as %s"), example);
    }
  else
    {
      g_autofree char *shown = NULL;

      self->value_valid = TRUE;
      shown = measures_indicator_format_value (self->value,
                                               self->indicator
                                                 ? measures_indicator_get_unit (self->indicator)
                                                 : NULL);
      /* Translators: under the value being typed: how it will be recorded */
      message = g_strdup_printf (_("Records %s"), shown);
    }

  gtk_label_set_text (self->record_value_message, message);
  gtk_widget_set_visible (GTK_WIDGET (self->record_value_message), message[0] != '\0');
  if (text[0] != '\0' && !self->value_valid)
    {
      gtk_widget_add_css_class (GTK_WIDGET (self->record_value), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->record_value_message), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->record_value_message), "dim-label");
      gtk_accessible_update_state (GTK_ACCESSIBLE (self->record_value),
                                   GTK_ACCESSIBLE_STATE_INVALID, GTK_ACCESSIBLE_INVALID_TRUE, -1);
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->record_value), "error");
      gtk_widget_remove_css_class (GTK_WIDGET (self->record_value_message), "error");
      gtk_widget_add_css_class (GTK_WIDGET (self->record_value_message), "dim-label");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (self->record_value),
                                  GTK_ACCESSIBLE_STATE_INVALID);
    }

  gtk_widget_set_sensitive (self->record_add_button,
                            self->value_valid &&
                            measures_date_button_get_date (self->record_date) != NULL);
}

static void
record_clicked (MeasuresIndicatorView *self)
{
  g_autofree char *note = NULL;

  if (!self->value_valid || self->indicator == NULL)
    return;

  note = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->record_note))));
  gtk_widget_set_visible (GTK_WIDGET (self->record_error), FALSE);
  gtk_widget_activate_action (GTK_WIDGET (self), "indicators.record-value", "(sds)",
                              measures_date_button_get_date (self->record_date), self->value,
                              note);
}

static void
record_value_activated (MeasuresIndicatorView *self)
{
  if (gtk_widget_get_sensitive (self->record_add_button))
    record_clicked (self);
}

static void
reset_record_form (MeasuresIndicatorView *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

  measures_date_button_set_date (self->record_date, today);
  gtk_editable_set_text (GTK_EDITABLE (self->record_value), "");
  gtk_editable_set_text (GTK_EDITABLE (self->record_note), "");
  gtk_widget_set_visible (GTK_WIDGET (self->record_error), FALSE);
  update_record_form (self);
}

/* Values and history ------------------------------------------------------- */

static void
clear_rows (AdwPreferencesGroup *group,
            GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void
show_values (MeasuresIndicatorView *self,
             GListModel            *values)
{
  const char *unit = measures_indicator_get_unit (self->indicator);
  guint n = values ? g_list_model_get_n_items (values) : 0;
  g_autofree char *why = NULL;

  clear_rows (self->values_group, self->value_rows);
  gtk_widget_set_visible (GTK_WIDGET (self->no_values_row), n == 0);

  /* Newest first: the store lists them in the order they were measured. */
  for (guint i = n; i-- > 0;)
    {
      g_autoptr(MeasuresIndicatorValue) value = g_list_model_get_item (values, i);
      g_autofree char *shown = measures_indicator_format_value (
        measures_indicator_value_get_value (value), unit);
      g_autofree char *day = measures_indicator_format_day (
        measures_indicator_value_get_date (value));
      const char *note = measures_indicator_value_get_note (value);
      const char *author = measures_indicator_value_get_author (value);
      g_autofree char *subtitle = NULL;
      g_autofree char *remove_label = NULL;
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

      /* Translators: a recorded value's date and who recorded it */
      subtitle = g_strdup_printf (_("%s · %s"), day, author && author[0] ? author : _("Unknown"));
      if (note != NULL && note[0] != '\0')
        {
          char *with_note = g_strconcat (subtitle, "\n", note, NULL);

          g_free (subtitle);
          subtitle = with_note;
        }

      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), shown);
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
      adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);
      gtk_widget_add_css_class (row, "indicator-value");

      /* Translators: the button that removes a recorded value, for screen
       * readers: %s is the value and its date */
      remove_label = g_strdup_printf (_("Remove the value %s of %s"), shown, day);
      gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (remove, "flat");
      gtk_widget_set_sensitive (remove, self->can_report);
      gtk_widget_set_tooltip_text (remove, self->can_report ? _("Remove Value") : self->why);
      gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      remove_label, -1);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (remove), "indicators.remove-value");
      gtk_actionable_set_action_target (GTK_ACTIONABLE (remove), "x",
                                        measures_indicator_value_get_id (value));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);

      adw_preferences_group_add (self->values_group, row);
      g_ptr_array_add (self->value_rows, row);
    }

  /* Translators: the heading of an indicator's recorded values */
  why = g_strdup_printf (ngettext ("Values (%u)", "Values (%u)", n), n);
  adw_preferences_group_set_title (self->values_group, why);
}

static const char *
field_label (const char *field)
{
  static const struct {
    const char *field;
    const char *label;
  } labels[] = {
    { "created", N_("Created") },
    { "removed", N_("Removed") },
    { "restored", N_("Restored") },
    { "name", N_("Name") },
    { "unit", N_("Unit") },
    { "description", N_("Description") },
    { "goal", N_("Goal") },
    { "measure", N_("Measure") },
    { "office", N_("Responsible office") },
    { "baseline_value", N_("Baseline") },
    { "baseline_date", N_("Baseline date") },
    { "direction", N_("Direction") },
    { "interval", N_("Reporting interval") },
    { "targets", N_("Targets") },
    { "value", N_("Value") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
    if (g_str_equal (labels[i].field, field))
      return _(labels[i].label);

  return field;
}

/* "2030-12-31 50": a day and a number in C notation, as the history
 * keeps targets and values; the rest of the line, if any, follows. */
static char *
describe_dated_number (const char *text,
                       const char *unit)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);
  GString *out = g_string_new (NULL);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = lines[i];
      const char *space = strchr (line, ' ');
      g_autofree char *day = NULL;
      char *end = NULL;
      double number;

      if (i > 0)
        g_string_append (out, "; ");
      if (space != NULL && space - line == 10)
        {
          g_autofree char *date = g_strndup (line, 10);

          number = g_ascii_strtod (space + 1, &end);
          if (measures_indicator_check_date (date) && end != space + 1 && *end == '\0')
            {
              g_autofree char *value = measures_indicator_format_value (number, unit);

              day = measures_indicator_format_day (date);
              /* Translators: a value and the day it is of, e.g. "1.300 km on
               * May 1, 2026" */
              g_string_append_printf (out, C_("value and its day", "%s on %s"), value, day);
              continue;
            }
        }
      g_string_append (out, line);
    }

  return g_string_free (out, FALSE);
}

static char *
describe_value (const char *field,
                const char *value,
                const char *unit)
{
  if (value == NULL || value[0] == '\0')
    return g_strdup (C_("empty field", "—"));

  if (g_str_equal (field, "baseline_value"))
    return measures_indicator_format_value (g_ascii_strtod (value, NULL), unit);
  if (g_str_equal (field, "baseline_date"))
    return measures_indicator_format_day (value);
  if (g_str_equal (field, "direction"))
    return g_strdup (measures_indicator_direction_label (g_str_equal (value, "down")
                                                           ? MEASURES_DIRECTION_DOWN
                                                           : MEASURES_DIRECTION_UP));
  if (g_str_equal (field, "interval"))
    return measures_indicator_interval_label ((guint)g_ascii_strtoull (value, NULL, 10));
  if (g_str_equal (field, "goal"))
    /* Translators: a goal's number in the history */
    return g_strdup_printf (_("Goal %s"), value);
  if (g_str_equal (field, "targets") || g_str_equal (field, "value"))
    return describe_dated_number (value, unit);

  return g_strdup (value);
}

static GtkWidget *
create_change_row (MeasuresIndicatorView *self,
                   MeasuresChange        *change)
{
  const char *field = measures_change_get_field (change);
  const char *unit = measures_indicator_get_unit (self->indicator);
  g_autofree char *date = measures_format_iso_date (measures_change_get_date (change), TRUE);
  g_autofree char *old_value = describe_value (field, measures_change_get_old_value (change), unit);
  g_autofree char *new_value = describe_value (field, measures_change_get_new_value (change), unit);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  GtkWidget *row = adw_action_row_new ();

  /* Translators: a history row: date · author · changed field */
  title = g_strdup_printf (_("%s · %s · %s"), date, measures_change_get_author (change),
                           field_label (field));
  if (g_str_equal (field, "created") || g_str_equal (field, "removed") ||
      g_str_equal (field, "restored"))
    subtitle = g_strdup (new_value);
  else if (g_str_equal (field, "value") && measures_change_get_old_value (change) == NULL)
    /* Translators: a value recorded, in the history */
    subtitle = g_strdup_printf (_("Recorded %s"), new_value);
  else if (g_str_equal (field, "value"))
    /* Translators: a value removed, in the history */
    subtitle = g_strdup_printf (_("Removed %s"), old_value);
  else
    /* Translators: a changed value: old → new */
    subtitle = g_strdup_printf (_("%s → %s"), old_value, new_value);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  return row;
}

static void
show_history (MeasuresIndicatorView *self,
              GListModel            *history)
{
  guint n = history ? g_list_model_get_n_items (history) : 0;
  g_autofree char *title = NULL;
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->history_list))) != NULL)
    gtk_list_box_remove (self->history_list, row);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MeasuresChange) change = g_list_model_get_item (history, i);

      gtk_list_box_append (self->history_list, create_change_row (self, change));
    }

  title = g_strdup_printf (ngettext ("History (%u change)", "History (%u changes)", n), n);
  gtk_expander_set_label (self->history_expander, title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->history_expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  gtk_widget_set_visible (GTK_WIDGET (self->history_expander), n > 0);
}

/* The definition ------------------------------------------------------------ */

static char *
office_text (MeasuresIndicatorView *self,
             const char            *abbreviation)
{
  g_autoptr(GListModel) offices = NULL;

  if (abbreviation == NULL || abbreviation[0] == '\0')
    return g_strdup (_("None"));

  offices = measures_store_list_offices (self->store, NULL);
  for (guint i = 0; offices && i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);

      if (g_str_equal (measures_office_get_abbreviation (office), abbreviation) &&
          g_strcmp0 (measures_office_get_name (office), abbreviation) != 0)
        /* Translators: an office: its abbreviation and its full name */
        return g_strdup_printf (_("%s — %s"), abbreviation, measures_office_get_name (office));
    }

  return g_strdup (abbreviation);
}

static void
set_row (AdwActionRow *row,
         const char   *text)
{
  adw_action_row_set_subtitle (row, text);
}

static void
show_definition (MeasuresIndicatorView *self,
                 const char            *latest)
{
  MeasuresIndicator *indicator = self->indicator;
  const char *unit = measures_indicator_get_unit (indicator);
  const char *description = measures_indicator_get_description (indicator);
  g_autofree char *office = office_text (self, measures_indicator_get_office (indicator));
  g_autofree char *baseline = measures_indicator_format_value (
    measures_indicator_get_baseline_value (indicator), unit);
  g_autofree char *interval = measures_indicator_interval_label (
    measures_indicator_get_interval_months (indicator));
  g_autofree char *unit_text = or_dash (unit);
  g_autofree char *due = NULL;
  GString *targets = g_string_new (NULL);
  gboolean overdue = FALSE;

  gtk_label_set_text (self->name_label, measures_indicator_get_name (indicator));
  gtk_label_set_text (self->description_label, description);
  gtk_widget_set_visible (GTK_WIDGET (self->description_label), description[0] != '\0');

  set_row (self->unit_row, unit_text);
  set_row (self->office_row, office);
  if (measures_indicator_get_baseline_date (indicator) != NULL)
    {
      g_autofree char *day = measures_indicator_format_day (
        measures_indicator_get_baseline_date (indicator));
      /* Translators: a value and the day it is of, e.g. "1.300 km on
       * May 1, 2026" */
      g_autofree char *text = g_strdup_printf (C_("value and its day", "%s on %s"), baseline, day);

      set_row (self->baseline_row, text);
    }
  else
    set_row (self->baseline_row, baseline);

  for (guint i = 0; i < measures_indicator_get_n_targets (indicator); i++)
    {
      const MeasuresIndicatorTarget *target = measures_indicator_get_target (indicator, i);
      g_autofree char *value = measures_indicator_format_value (target->value, unit);
      g_autofree char *day = measures_indicator_format_day (target->date);

      if (i > 0)
        g_string_append_c (targets, '\n');
      /* Translators: a target: the value to reach, and by when */
      g_string_append_printf (targets, _("%s by %s"), value, day);
    }
  if (targets->len == 0)
    g_string_append (targets, _("None"));
  set_row (self->targets_row, targets->str);
  g_string_free (targets, TRUE);

  set_row (self->direction_row,
           measures_indicator_direction_label (measures_indicator_get_direction (indicator)));
  set_row (self->interval_row, interval);

  due = measures_indicator_describe_due (indicator, latest, &overdue);
  gtk_widget_set_visible (GTK_WIDGET (self->due_row), due != NULL);
  set_row (self->due_row, due);
  if (overdue)
    gtk_widget_add_css_class (GTK_WIDGET (self->due_row), "overdue");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (self->due_row), "overdue");
}

static void
show_indicator (MeasuresIndicatorView *self)
{
  g_autoptr(GListModel) values = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresIndicatorValue) latest = NULL;
  gint64 id;

  if (self->indicator == NULL || self->store == NULL)
    {
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  id = measures_indicator_get_id (self->indicator);
  if (!(values = measures_store_list_indicator_values (self->store, id, &error)) ||
      !(history = measures_store_list_indicator_history (self->store, id, &error)))
    g_warning ("Could not read the values of indicator %" G_GINT64_FORMAT ": %s", id,
               error->message);

  if (values != NULL && g_list_model_get_n_items (values) > 0)
    latest = g_list_model_get_item (values, g_list_model_get_n_items (values) - 1);

  show_definition (self, latest ? measures_indicator_value_get_date (latest) : NULL);
  show_values (self, values);
  show_history (self, history);
  update_record_form (self);
  gtk_stack_set_visible_child_name (self->stack, "indicator");
}

/* GObject ------------------------------------------------------------------ */

static void
measures_indicator_view_dispose (GObject *object)
{
  MeasuresIndicatorView *self = MEASURES_INDICATOR_VIEW (object);

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_INDICATOR_VIEW);
  g_clear_object (&self->indicator);
  g_clear_object (&self->store);

  G_OBJECT_CLASS (measures_indicator_view_parent_class)->dispose (object);
}

static void
measures_indicator_view_finalize (GObject *object)
{
  MeasuresIndicatorView *self = MEASURES_INDICATOR_VIEW (object);

  g_ptr_array_unref (self->value_rows);
  g_free (self->why);

  G_OBJECT_CLASS (measures_indicator_view_parent_class)->finalize (object);
}

static void
measures_indicator_view_class_init (MeasuresIndicatorViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_indicator_view_dispose;
  object_class->finalize = measures_indicator_view_finalize;

  g_type_ensure (MEASURES_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/indicators/measures-indicator-view.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, MeasuresIndicatorView, name)
  CHILD (stack);
  CHILD (belongs_button);
  CHILD (belongs_label);
  CHILD (name_label);
  CHILD (description_label);
  CHILD (record_button);
  CHILD (record_popover);
  CHILD (record_date);
  CHILD (record_value);
  CHILD (record_value_message);
  CHILD (record_note);
  CHILD (record_error);
  CHILD (record_add_button);
  CHILD (unit_row);
  CHILD (office_row);
  CHILD (baseline_row);
  CHILD (targets_row);
  CHILD (direction_row);
  CHILD (interval_row);
  CHILD (due_row);
  CHILD (values_group);
  CHILD (no_values_row);
  CHILD (history_expander);
  CHILD (history_list);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, update_record_form);
  gtk_widget_class_bind_template_callback (widget_class, record_clicked);
  gtk_widget_class_bind_template_callback (widget_class, record_value_activated);
}

static void
measures_indicator_view_init (MeasuresIndicatorView *self)
{
  self->value_rows = g_ptr_array_new ();
  self->can_report = TRUE;

  gtk_widget_init_template (GTK_WIDGET (self));
  measures_date_button_set_name (self->record_date, _("Date"));
  g_signal_connect_object (self->record_date, "notify::date", G_CALLBACK (update_record_form),
                           self, G_CONNECT_SWAPPED);
  reset_record_form (self);
}

/**
 * measures_indicator_view_set_store:
 * @store: where the indicator's values and history are read from
 */
void
measures_indicator_view_set_store (MeasuresIndicatorView *self,
                                   MeasuresStore         *store)
{
  g_return_if_fail (MEASURES_IS_INDICATOR_VIEW (self));
  g_return_if_fail (MEASURES_IS_STORE (store));

  g_set_object (&self->store, store);
}

/**
 * measures_indicator_view_set_indicator:
 * @indicator: (nullable): the indicator to show
 * @belongs_to: (nullable): what it belongs to, in words: "Goal 2: …"
 *
 * Shows @indicator, or shows it again with its current values and
 * history. A value being typed stays when the same indicator is shown
 * again.
 */
void
measures_indicator_view_set_indicator (MeasuresIndicatorView *self,
                                       MeasuresIndicator     *indicator,
                                       const char            *belongs_to)
{
  gboolean same;

  g_return_if_fail (MEASURES_IS_INDICATOR_VIEW (self));
  g_return_if_fail (indicator == NULL || MEASURES_IS_INDICATOR (indicator));

  same = indicator != NULL && self->indicator != NULL &&
         measures_indicator_get_id (indicator) == measures_indicator_get_id (self->indicator);
  g_set_object (&self->indicator, indicator);
  if (!same)
    {
      gtk_popover_popdown (self->record_popover);
      reset_record_form (self);
    }

  if (indicator != NULL)
    {
      g_autofree char *link_label = NULL;

      gtk_label_set_text (self->belongs_label, belongs_to ? belongs_to : "");
      /* Translators: a link to what an indicator belongs to, for screen
       * readers: %s is e.g. "Goal 2: Karlsruhe as a European city" */
      link_label = g_strdup_printf (_("Belongs to %s; opens it"), belongs_to ? belongs_to : "");
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->belongs_button),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, link_label, -1);
      /* The target first: the old action may take another type. */
      gtk_actionable_set_action_name (GTK_ACTIONABLE (self->belongs_button), NULL);
      if (measures_indicator_get_measure_id (indicator) != 0)
        {
          gtk_actionable_set_action_target (GTK_ACTIONABLE (self->belongs_button), "x",
                                            measures_indicator_get_measure_id (indicator));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->belongs_button),
                                          "win.show-measure");
        }
      else
        {
          gtk_actionable_set_action_target (GTK_ACTIONABLE (self->belongs_button), "u",
                                            measures_indicator_get_goal (indicator));
          gtk_actionable_set_action_name (GTK_ACTIONABLE (self->belongs_button), "win.show-goal");
        }
    }

  show_indicator (self);
}

/**
 * measures_indicator_view_get_indicator:
 *
 * Returns: (transfer none) (nullable): the indicator shown
 */
MeasuresIndicator *
measures_indicator_view_get_indicator (MeasuresIndicatorView *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATOR_VIEW (self), NULL);

  return self->indicator;
}

/**
 * measures_indicator_view_set_can_report:
 * @can_report: whether the user may record and remove values
 * @why: (nullable): why not, if not because of the user's role
 *
 * Offers Record Value only to those whose role allows it, and says why to
 * the others.
 */
void
measures_indicator_view_set_can_report (MeasuresIndicatorView *self,
                                        gboolean               can_report,
                                        const char            *why)
{
  g_return_if_fail (MEASURES_IS_INDICATOR_VIEW (self));

  if (why == NULL)
    why = _("Only the responsible office and coordinators may record values of this indicator");

  if (self->can_report == can_report && g_strcmp0 (self->why, why) == 0)
    return;

  self->can_report = can_report;
  g_free (self->why);
  self->why = g_strdup (why);
  gtk_widget_set_sensitive (GTK_WIDGET (self->record_button), can_report);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->record_button),
                               can_report ? _("Record a measured value") : why);
  if (!can_report)
    gtk_popover_popdown (self->record_popover);
  /* The values' remove buttons follow. */
  if (self->indicator != NULL)
    show_indicator (self);
}

/**
 * measures_indicator_view_value_recorded:
 *
 * Closes the form once its value is recorded, empty for the next one.
 */
void
measures_indicator_view_value_recorded (MeasuresIndicatorView *self)
{
  g_return_if_fail (MEASURES_IS_INDICATOR_VIEW (self));

  gtk_popover_popdown (self->record_popover);
  reset_record_form (self);
}

/**
 * measures_indicator_view_show_record_error:
 * @message: why the value was not recorded
 *
 * Keeps the form open with what was typed, and says why.
 */
void
measures_indicator_view_show_record_error (MeasuresIndicatorView *self,
                                           const char            *message)
{
  g_return_if_fail (MEASURES_IS_INDICATOR_VIEW (self));

  gtk_label_set_text (self->record_error, message);
  gtk_widget_set_visible (GTK_WIDGET (self->record_error), TRUE);
  if (gtk_widget_get_sensitive (GTK_WIDGET (self->record_button)))
    gtk_menu_button_popup (self->record_button);
}
