/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-indicator-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-combo-row.h"
#include "measures-date-button.h"
#include "measures-format.h"
#include "measures-indicator-editor.h"
#include "measures-indicator-text.h"

/**
 * MeasuresIndicatorEditor:
 *
 * A dialog to create or edit an indicator. Every field is checked as it is
 * typed: a number must be a number in the user's language, and the
 * message says so beside the field; Save stays off while anything is
 * wrong. Ctrl+S saves, Escape cancels. Saving goes through the undo stack;
 * when the store refuses (someone else changed the indicator meanwhile),
 * the dialog stays open with the store's message and everything typed, and
 * a second Save puts the user's version over theirs.
 */
struct _MeasuresIndicatorEditor
{
  AdwWindow parent_instance;

  /* Owned */
  MeasuresContext *context;
  MeasuresStore *store;
  GListModel *goals;
  GListModel *offices;
  MeasuresIndicator *original;  /* the version the edit saves over; NULL: new */
  GArray *goal_numbers;
  GArray *measure_ids;          /* of the measure row's items; 0: the goal itself */
  GPtrArray *office_abbreviations; /* of the office row's items; "": none */
  GArray *intervals;            /* months, of the interval row's items */
  GPtrArray *targets;           /* TargetRow */
  gboolean name_touched;
  gboolean baseline_touched;
  gboolean loading;

  /* Template widgets */
  AdwWindowTitle *window_title;
  GtkWidget *save_button;
  GtkRevealer *error_revealer;
  GtkLabel *error_label;
  AdwComboRow *goal_row;
  AdwComboRow *measure_row;
  AdwEntryRow *name_row;
  AdwActionRow *name_message;
  AdwEntryRow *unit_row;
  AdwActionRow *unit_message;
  AdwEntryRow *description_row;
  AdwComboRow *office_row;
  AdwEntryRow *baseline_value_row;
  AdwActionRow *baseline_message;
  MeasuresDateButton *baseline_date;
  AdwPreferencesGroup *targets_group;
  GtkWidget *add_target_button;
  AdwActionRow *targets_message;
  AdwComboRow *direction_row;
  AdwComboRow *interval_row;
};

typedef struct
{
  GtkWidget *row;
  MeasuresDateButton *date;
  GtkEntry *value;
} TargetRow;

G_DEFINE_FINAL_TYPE (MeasuresIndicatorEditor, measures_indicator_editor, ADW_TYPE_WINDOW)

enum {
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static const guint standard_intervals[] = { 0, 1, 3, 6, 12, 24, 36, 60 };

static void validate (MeasuresIndicatorEditor *self);

/* Choices ------------------------------------------------------------------ */

static void
fill_measures (MeasuresIndicatorEditor *self,
               gint64                   select)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(GError) error = NULL;
  guint goal_index = adw_combo_row_get_selected (self->goal_row);
  guint goal = goal_index < self->goal_numbers->len
                 ? g_array_index (self->goal_numbers, guint, goal_index)
                 : 0;
  guint selected = 0;
  gint64 none = 0;

  g_array_set_size (self->measure_ids, 0);
  gtk_string_list_append (names, _("None: the goal itself"));
  g_array_append_val (self->measure_ids, none);

  if (!(measures = measures_store_list_measures (self->store, &error)))
    g_warning ("Could not list the measures: %s", error->message);
  for (guint i = 0; measures && i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);
      gint64 id = measures_measure_get_id (measure);

      if (measures_measure_get_goal (measure) != goal)
        continue;
      if (id == select)
        selected = self->measure_ids->len;
      gtk_string_list_append (names, measures_measure_get_title (measure));
      g_array_append_val (self->measure_ids, id);
    }

  adw_combo_row_set_model (self->measure_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->measure_row, selected);
}

static void
goal_changed (MeasuresIndicatorEditor *self)
{
  if (self->loading)
    return;

  fill_measures (self, 0);
  validate (self);
}

static void
fill_choices (MeasuresIndicatorEditor *self,
              guint                    goal,
              gint64                   measure_id,
              const char              *office,
              guint                    interval)
{
  g_autoptr(GtkStringList) goals = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) offices = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) intervals = gtk_string_list_new (NULL);
  guint goal_index = 0, office_index = 0, interval_index = G_MAXUINT;

  for (guint i = 0; i < g_list_model_get_n_items (self->goals); i++)
    {
      g_autoptr(MeasuresGoal) item = g_list_model_get_item (self->goals, i);
      guint number = measures_goal_get_number (item);
      g_autofree char *text = NULL;

      /* Translators: a goal's number and its title, e.g. "Goal 2: Europe" */
      text = g_strdup_printf (_("Goal %u: %s"), number, measures_goal_get_title (item));
      gtk_string_list_append (goals, text);
      g_array_append_val (self->goal_numbers, number);
      if (number == goal)
        goal_index = i;
    }

  gtk_string_list_append (offices, _("None"));
  g_ptr_array_add (self->office_abbreviations, g_strdup (""));
  for (guint i = 0; i < g_list_model_get_n_items (self->offices); i++)
    {
      g_autoptr(MeasuresOffice) item = g_list_model_get_item (self->offices, i);
      const char *abbreviation = measures_office_get_abbreviation (item);
      const char *name = measures_office_get_name (item);
      g_autofree char *text = NULL;

      if (g_strcmp0 (name, abbreviation) != 0)
        /* Translators: an office: its abbreviation and its full name */
        text = g_strdup_printf (_("%s — %s"), abbreviation, name);
      else
        text = g_strdup (abbreviation);
      gtk_string_list_append (offices, text);
      g_ptr_array_add (self->office_abbreviations, g_strdup (abbreviation));
      if (g_strcmp0 (office, abbreviation) == 0)
        office_index = self->office_abbreviations->len - 1;
    }

  for (guint i = 0; i < G_N_ELEMENTS (standard_intervals); i++)
    {
      g_autofree char *text = measures_indicator_interval_label (standard_intervals[i]);

      gtk_string_list_append (intervals, text);
      g_array_append_val (self->intervals, standard_intervals[i]);
      if (standard_intervals[i] == interval)
        interval_index = i;
    }
  /* An interval set elsewhere that is none of ours stays as it is. */
  if (interval_index == G_MAXUINT)
    {
      g_autofree char *text = measures_indicator_interval_label (interval);

      gtk_string_list_append (intervals, text);
      g_array_append_val (self->intervals, interval);
      interval_index = self->intervals->len - 1;
    }

  self->loading = TRUE;
  adw_combo_row_set_model (self->goal_row, G_LIST_MODEL (goals));
  adw_combo_row_set_selected (self->goal_row, goal_index);
  fill_measures (self, measure_id);
  adw_combo_row_set_model (self->office_row, G_LIST_MODEL (offices));
  adw_combo_row_set_selected (self->office_row, office_index);
  adw_combo_row_set_model (self->interval_row, G_LIST_MODEL (intervals));
  adw_combo_row_set_selected (self->interval_row, interval_index);
  self->loading = FALSE;
}

/* Targets ------------------------------------------------------------------ */

static void
target_row_free (gpointer data)
{
  g_free (data);
}

static void
number_targets (MeasuresIndicatorEditor *self)
{
  for (guint i = 0; i < self->targets->len; i++)
    {
      TargetRow *target = g_ptr_array_index (self->targets, i);
      g_autofree char *title = g_strdup_printf (_("Target %u"), i + 1);
      g_autofree char *date_name = g_strdup_printf (_("Date of target %u"), i + 1);
      g_autofree char *value_name = g_strdup_printf (_("Value of target %u"), i + 1);

      /* The row has no title of its own: at 360 pixels it would leave no
       * room for the date and the value, which carry its name. */
      gtk_accessible_update_property (GTK_ACCESSIBLE (target->row), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      title, -1);
      measures_date_button_set_name (target->date, date_name);
      gtk_accessible_update_property (GTK_ACCESSIBLE (target->value),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, value_name, -1);
    }

  gtk_widget_set_sensitive (self->add_target_button,
                            self->targets->len < MEASURES_MAX_INDICATOR_TARGETS);
}

static void
remove_target_clicked (GtkButton               *button,
                       MeasuresIndicatorEditor *self)
{
  for (guint i = 0; i < self->targets->len; i++)
    {
      TargetRow *target = g_ptr_array_index (self->targets, i);

      if (gtk_widget_is_ancestor (GTK_WIDGET (button), target->row))
        {
          adw_preferences_group_remove (self->targets_group, target->row);
          g_ptr_array_remove_index (self->targets, i);
          break;
        }
    }

  number_targets (self);
  validate (self);
}

static TargetRow *
add_target (MeasuresIndicatorEditor *self,
            const char              *date,
            const char              *value)
{
  TargetRow *target = g_new0 (TargetRow, 1);
  GtkWidget *remove = gtk_button_new_from_icon_name ("list-remove-symbolic");
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  target->row = adw_action_row_new ();
  target->date = MEASURES_DATE_BUTTON (measures_date_button_new ());
  target->value = GTK_ENTRY (gtk_entry_new ());

  measures_date_button_set_date (target->date, date);
  gtk_editable_set_text (GTK_EDITABLE (target->value), value ? value : "");
  gtk_entry_set_input_purpose (target->value, GTK_INPUT_PURPOSE_NUMBER);
  gtk_editable_set_width_chars (GTK_EDITABLE (target->value), 8);
  gtk_entry_set_placeholder_text (target->value, _("Value"));
  gtk_widget_set_valign (GTK_WIDGET (target->value), GTK_ALIGN_CENTER);
  gtk_widget_set_hexpand (GTK_WIDGET (target->value), TRUE);

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _("Remove Target"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Remove target"), -1);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_target_clicked), self, 0);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (target->date));
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (target->value));
  gtk_box_append (GTK_BOX (box), remove);
  gtk_widget_set_hexpand (box, TRUE);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  adw_action_row_add_prefix (ADW_ACTION_ROW (target->row), box);
  gtk_widget_add_css_class (target->row, "indicator-target");

  g_signal_connect_object (target->date, "notify::date", G_CALLBACK (validate), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (target->value, "changed", G_CALLBACK (validate), self,
                           G_CONNECT_SWAPPED);

  /* Before the message row, which stays last. */
  adw_preferences_group_remove (self->targets_group, GTK_WIDGET (self->targets_message));
  adw_preferences_group_add (self->targets_group, target->row);
  adw_preferences_group_add (self->targets_group, GTK_WIDGET (self->targets_message));
  g_ptr_array_add (self->targets, target);
  number_targets (self);

  return target;
}

static void
add_target_clicked (MeasuresIndicatorEditor *self)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *date = NULL;
  TargetRow *target;

  /* The end of a year: the next one after the targets so far. */
  date = g_strdup_printf ("%d-12-31", g_date_time_get_year (now) + (int)self->targets->len + 1);
  target = add_target (self, date, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (target->value));
  validate (self);
}

/* Validation --------------------------------------------------------------- */

static void
set_message (GtkWidget    *field,
             AdwActionRow *message_row,
             const char   *message)
{
  gboolean wrong = message != NULL && message[0] != '\0';

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (message_row), wrong ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (message_row), wrong);
  if (field == NULL)
    return;

  if (wrong)
    {
      gtk_widget_add_css_class (field, "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      gtk_accessible_update_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                      message, -1);
    }
  else
    {
      gtk_widget_remove_css_class (field, "error");
      gtk_accessible_reset_state (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_STATE_INVALID);
      gtk_accessible_reset_property (GTK_ACCESSIBLE (field), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION);
    }
}

static char *
not_a_number (void)
{
  g_autofree char *example = measures_format_decimal (1234.5, 1);

  /* Translators: beside a field that is not a number; %s is an example in
   * the user's number format, e.g. "1.234,5" */
  return g_strdup_printf (_("Not a number: write it as %s"), example);
}

/* The indicator as the fields describe it, or NULL with the message for
 * each field that is wrong shown beside it. */
static MeasuresIndicator *
build (MeasuresIndicatorEditor *self)
{
  g_autoptr(MeasuresIndicator) base = self->original ? g_object_ref (self->original)
                                                     : measures_indicator_new ();
  g_autoptr(GPtrArray) targets = measures_indicator_targets_new ();
  g_autoptr(MeasuresIndicator) indicator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->name_row))));
  const char *unit = gtk_editable_get_text (GTK_EDITABLE (self->unit_row));
  const char *baseline_text = gtk_editable_get_text (GTK_EDITABLE (self->baseline_value_row));
  guint goal_index = adw_combo_row_get_selected (self->goal_row);
  guint measure_index = adw_combo_row_get_selected (self->measure_row);
  guint office_index = adw_combo_row_get_selected (self->office_row);
  guint interval_index = adw_combo_row_get_selected (self->interval_row);
  guint goal = goal_index < self->goal_numbers->len
                 ? g_array_index (self->goal_numbers, guint, goal_index)
                 : 0;
  gint64 measure_id = measure_index < self->measure_ids->len
                        ? g_array_index (self->measure_ids, gint64, measure_index)
                        : 0;
  g_autofree char *unit_message = NULL;
  g_autofree char *targets_message = NULL;
  const char *field = NULL;
  gboolean valid = TRUE;
  double baseline = 0;

  /* The name: said only once the user has been there. */
  set_message (GTK_WIDGET (self->name_row), self->name_message,
               name[0] == '\0' && self->name_touched ? _("An indicator needs a name.") : NULL);
  valid &= name[0] != '\0';

  if (g_utf8_strlen (unit, -1) > MEASURES_MAX_UNIT_LENGTH)
    unit_message = g_strdup_printf (_("The unit is too long: at most %d characters."),
                                    MEASURES_MAX_UNIT_LENGTH);
  set_message (GTK_WIDGET (self->unit_row), self->unit_message, unit_message);
  valid &= unit_message == NULL;

  if (baseline_text[0] == '\0')
    {
      set_message (GTK_WIDGET (self->baseline_value_row), self->baseline_message,
                   self->baseline_touched ? _("Enter the value the indicator starts from.")
                                          : NULL);
      valid = FALSE;
    }
  else if (!measures_format_parse_number (baseline_text, &baseline, NULL))
    {
      g_autofree char *message = not_a_number ();

      set_message (GTK_WIDGET (self->baseline_value_row), self->baseline_message, message);
      valid = FALSE;
    }
  else
    set_message (GTK_WIDGET (self->baseline_value_row), self->baseline_message, NULL);

  for (guint i = 0; i < self->targets->len; i++)
    {
      TargetRow *target = g_ptr_array_index (self->targets, i);
      const char *text = gtk_editable_get_text (GTK_EDITABLE (target->value));
      const char *date = measures_date_button_get_date (target->date);
      double value;

      if (measures_format_parse_number (text, &value, NULL) && date != NULL)
        {
          measures_indicator_targets_add (targets, date, value);
          gtk_widget_remove_css_class (GTK_WIDGET (target->value), "error");
          gtk_accessible_reset_state (GTK_ACCESSIBLE (target->value),
                                      GTK_ACCESSIBLE_STATE_INVALID);
          continue;
        }

      valid = FALSE;
      if (text[0] == '\0')
        {
          if (targets_message == NULL)
            /* Translators: %u is the target's number, from 1 */
            targets_message = g_strdup_printf (_("Enter the value of target %u."), i + 1);
          continue;
        }
      gtk_widget_add_css_class (GTK_WIDGET (target->value), "error");
      gtk_accessible_update_state (GTK_ACCESSIBLE (target->value), GTK_ACCESSIBLE_STATE_INVALID,
                                   GTK_ACCESSIBLE_INVALID_TRUE, -1);
      if (targets_message == NULL)
        {
          g_autofree char *example = measures_format_decimal (1234.5, 1);

          /* Translators: %u is the target's number, %s an example number in
           * the user's format, e.g. "1.234,5" */
          targets_message = g_strdup_printf (_("Target %u is not a number: write it as %s"),
                                             i + 1, example);
        }
    }
  set_message (NULL, self->targets_message, targets_message);

  if (!valid)
    return NULL;

  indicator = measures_indicator_copy_with (
    base,
    "goal", measure_id != 0 ? 0u : goal,
    "measure-id", measure_id,
    "name", name,
    "unit", unit,
    "description", gtk_editable_get_text (GTK_EDITABLE (self->description_row)),
    "office", office_index < self->office_abbreviations->len
                ? (const char *)g_ptr_array_index (self->office_abbreviations, office_index)
                : "",
    "baseline-value", baseline,
    "baseline-date", measures_date_button_get_date (self->baseline_date),
    "direction", adw_combo_row_get_selected (self->direction_row) == 1 ? MEASURES_DIRECTION_DOWN
                                                                       : MEASURES_DIRECTION_UP,
    "interval-months", interval_index < self->intervals->len
                         ? g_array_index (self->intervals, guint, interval_index)
                         : 0u,
    "targets", targets,
    NULL);

  /* What the model itself demands, in its own words. */
  if (!measures_indicator_validate (indicator, &field, &error))
    {
      if (g_strcmp0 (field, "name") == 0)
        set_message (GTK_WIDGET (self->name_row), self->name_message, error->message);
      else if (g_strcmp0 (field, "unit") == 0)
        set_message (GTK_WIDGET (self->unit_row), self->unit_message, error->message);
      else if (g_strcmp0 (field, "targets") == 0)
        set_message (NULL, self->targets_message, error->message);
      else
        set_message (GTK_WIDGET (self->baseline_value_row), self->baseline_message,
                     error->message);
      return NULL;
    }

  return g_steal_pointer (&indicator);
}

static void
validate (MeasuresIndicatorEditor *self)
{
  g_autoptr(MeasuresIndicator) indicator = NULL;

  if (self->loading)
    return;

  indicator = build (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "editor.save", indicator != NULL);
}

static void
name_changed (MeasuresIndicatorEditor *self)
{
  self->name_touched = TRUE;
  validate (self);
}

static void
baseline_changed (MeasuresIndicatorEditor *self)
{
  self->baseline_touched = TRUE;
  validate (self);
}

/* Saving ------------------------------------------------------------------- */

static void
show_error (MeasuresIndicatorEditor *self,
            const char              *message)
{
  gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/**
 * measures_indicator_editor_save:
 *
 * Saves the indicator as the fields describe it, and closes the dialog;
 * if the store refuses, says why and stays open.
 */
void
measures_indicator_editor_save (MeasuresIndicatorEditor *self)
{
  MeasuresUndoStack *stack;
  g_autoptr(MeasuresIndicator) indicator = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  gint64 id;

  g_return_if_fail (MEASURES_IS_INDICATOR_EDITOR (self));

  self->name_touched = self->baseline_touched = TRUE;
  if (!(indicator = build (self)))
    {
      validate (self);
      return;
    }

  stack = measures_context_get_undo_stack (self->context);
  author = measures_context_dup_author (self->context);
  if (self->original == NULL)
    id = measures_undo_stack_create_indicator (stack, indicator, author, &error);
  else if (measures_undo_stack_edit_indicator (stack, self->original, indicator, author, &error))
    id = measures_indicator_get_id (self->original);
  else
    id = 0;

  if (id == 0)
    {
      g_warning ("%s", error->message);
      if (g_error_matches (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CONFLICT) &&
          self->original != NULL)
        {
          g_autoptr(MeasuresIndicator) current = NULL;
          g_autofree char *message = NULL;

          /* Nothing typed is lost: the next Save puts it over theirs. */
          current = measures_store_get_indicator (self->store,
                                                  measures_indicator_get_id (self->original),
                                                  NULL);
          if (current != NULL && measures_indicator_get_removed (current) == NULL)
            {
              g_set_object (&self->original, current);
              /* Translators: after the store's message that someone else
               * changed the indicator */
              message = g_strdup_printf (_("%s Save again to replace their changes with "
                                           "yours, or cancel to keep theirs."),
                                         error->message);
            }
          show_error (self, message ? message : error->message);
        }
      else
        show_error (self, error->message);
      return;
    }

  g_signal_emit (self, signals[SAVED], 0, id, self->original == NULL);
  gtk_window_destroy (GTK_WINDOW (self));
}

static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  measures_indicator_editor_save (MEASURES_INDICATOR_EDITOR (widget));
}

static void
cancel_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  gtk_window_destroy (GTK_WINDOW (widget));
}

/* GObject ------------------------------------------------------------------ */

static void
measures_indicator_editor_dispose (GObject *object)
{
  MeasuresIndicatorEditor *self = MEASURES_INDICATOR_EDITOR (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_INDICATOR_EDITOR);
  g_clear_object (&self->original);
  g_clear_object (&self->goals);
  g_clear_object (&self->offices);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (measures_indicator_editor_parent_class)->dispose (object);
}

static void
measures_indicator_editor_finalize (GObject *object)
{
  MeasuresIndicatorEditor *self = MEASURES_INDICATOR_EDITOR (object);

  g_array_unref (self->goal_numbers);
  g_array_unref (self->measure_ids);
  g_array_unref (self->intervals);
  g_ptr_array_unref (self->office_abbreviations);
  g_ptr_array_unref (self->targets);

  G_OBJECT_CLASS (measures_indicator_editor_parent_class)->finalize (object);
}

static void
measures_indicator_editor_class_init (MeasuresIndicatorEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_indicator_editor_dispose;
  object_class->finalize = measures_indicator_editor_finalize;

  /**
   * MeasuresIndicatorEditor::saved:
   * @self: the editor
   * @indicator_id: the indicator saved
   * @created: whether it is a new one
   *
   * Emitted when the indicator was saved, before the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 2, G_TYPE_INT64, G_TYPE_BOOLEAN);

  g_type_ensure (MEASURES_TYPE_DATE_BUTTON);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/indicators/measures-indicator-editor.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, MeasuresIndicatorEditor, name)
  CHILD (window_title);
  CHILD (save_button);
  CHILD (error_revealer);
  CHILD (error_label);
  CHILD (goal_row);
  CHILD (measure_row);
  CHILD (name_row);
  CHILD (name_message);
  CHILD (unit_row);
  CHILD (unit_message);
  CHILD (description_row);
  CHILD (office_row);
  CHILD (baseline_value_row);
  CHILD (baseline_message);
  CHILD (baseline_date);
  CHILD (targets_group);
  CHILD (add_target_button);
  CHILD (targets_message);
  CHILD (direction_row);
  CHILD (interval_row);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, goal_changed);
  gtk_widget_class_bind_template_callback (widget_class, validate);
  gtk_widget_class_bind_template_callback (widget_class, name_changed);
  gtk_widget_class_bind_template_callback (widget_class, baseline_changed);
  gtk_widget_class_bind_template_callback (widget_class, add_target_clicked);

  gtk_widget_class_install_action (widget_class, "editor.save", NULL, save_action);
  gtk_widget_class_install_action (widget_class, "editor.cancel", NULL, cancel_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "editor.save",
                                       NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "editor.cancel", NULL);
}

static void
measures_indicator_editor_init (MeasuresIndicatorEditor *self)
{
  self->goal_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  self->measure_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->intervals = g_array_new (FALSE, FALSE, sizeof (guint));
  self->office_abbreviations = g_ptr_array_new_with_free_func (g_free);
  self->targets = g_ptr_array_new_with_free_func (target_row_free);

  gtk_widget_init_template (GTK_WIDGET (self));
  measures_date_button_set_name (self->baseline_date, _("Baseline date"));
  /* Goals', measures' and offices' names are long. */
  measures_combo_row_show_whole (self->goal_row);
  measures_combo_row_show_whole (self->measure_row);
  measures_combo_row_show_whole (self->office_row);
}

/**
 * measures_indicator_editor_new:
 * @parent: the window the dialog belongs to
 * @context: the open strategy and its undo stack
 * @goals: the strategy's goals
 * @offices: the strategy's offices
 * @indicator: (nullable): the indicator to edit, or %NULL for a new one
 * @goal: for a new one, the goal it starts in
 *
 * Returns: (transfer none): the dialog, not yet shown; it destroys itself
 *   when it closes
 */
MeasuresIndicatorEditor *
measures_indicator_editor_new (GtkWindow         *parent,
                               MeasuresContext   *context,
                               GListModel        *goals,
                               GListModel        *offices,
                               MeasuresIndicator *indicator,
                               guint              goal)
{
  MeasuresIndicatorEditor *self;
  guint measure_goal = goal;

  g_return_val_if_fail (MEASURES_IS_CONTEXT (context), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (goals), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (offices), NULL);
  g_return_val_if_fail (indicator == NULL || MEASURES_IS_INDICATOR (indicator), NULL);

  self = g_object_new (MEASURES_TYPE_INDICATOR_EDITOR,
                       "transient-for", parent,
                       "modal", TRUE,
                       "destroy-with-parent", TRUE,
                       NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (measures_context_get_store (context));
  self->goals = g_object_ref (goals);
  self->offices = g_object_ref (offices);
  self->original = indicator ? g_object_ref (indicator) : NULL;

  if (indicator != NULL && measures_indicator_get_measure_id (indicator) != 0)
    {
      g_autoptr(MeasuresMeasure) measure =
        measures_store_get_measure (self->store, measures_indicator_get_measure_id (indicator),
                                    NULL);

      measure_goal = measure ? measures_measure_get_goal (measure) : goal;
    }
  else if (indicator != NULL)
    measure_goal = measures_indicator_get_goal (indicator);

  fill_choices (self, measure_goal, indicator ? measures_indicator_get_measure_id (indicator) : 0,
                indicator ? measures_indicator_get_office (indicator) : NULL,
                indicator ? measures_indicator_get_interval_months (indicator) : 12);

  self->loading = TRUE;
  if (indicator != NULL)
    {
      g_autofree char *baseline = measures_format_decimal (
        measures_indicator_get_baseline_value (indicator), -1);

      adw_window_title_set_title (self->window_title, _("Edit Indicator"));
      gtk_window_set_title (GTK_WINDOW (self), _("Edit Indicator"));
      gtk_editable_set_text (GTK_EDITABLE (self->name_row), measures_indicator_get_name (indicator));
      gtk_editable_set_text (GTK_EDITABLE (self->unit_row), measures_indicator_get_unit (indicator));
      gtk_editable_set_text (GTK_EDITABLE (self->description_row),
                             measures_indicator_get_description (indicator));
      gtk_editable_set_text (GTK_EDITABLE (self->baseline_value_row), baseline);
      measures_date_button_set_date (self->baseline_date,
                                     measures_indicator_get_baseline_date (indicator));
      adw_combo_row_set_selected (self->direction_row,
                                  measures_indicator_get_direction (indicator) ==
                                    MEASURES_DIRECTION_DOWN);
      for (guint i = 0; i < measures_indicator_get_n_targets (indicator); i++)
        {
          const MeasuresIndicatorTarget *target = measures_indicator_get_target (indicator, i);
          g_autofree char *value = measures_format_decimal (target->value, -1);

          add_target (self, target->date, value);
        }
      self->name_touched = self->baseline_touched = TRUE;
    }
  self->loading = FALSE;
  validate (self);

  return self;
}

/**
 * measures_indicator_editor_get_can_save:
 *
 * Returns: whether the fields describe an indicator that may be saved
 */
gboolean
measures_indicator_editor_get_can_save (MeasuresIndicatorEditor *self)
{
  g_autoptr(MeasuresIndicator) indicator = NULL;

  g_return_val_if_fail (MEASURES_IS_INDICATOR_EDITOR (self), FALSE);

  indicator = build (self);
  return indicator != NULL;
}
