/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measure-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-combo-row.h"
#include "measures-goal.h"
#include "measures-measure-editor.h"
#include "measures-objective-row.h"
#include "measures-office.h"
#include "measures-search-text.h"
#include "measures-store.h"

/**
 * MeasuresMeasureEditor:
 *
 * Edits every field of a measure's sheet: title, goal, short description,
 * objectives, the printed lead and actors wording with the offices chosen
 * from the directory, priority, realization period and costs. Nothing is
 * written here: measures_measure_editor_build() hands back the edited
 * copy, and what is wrong with it is shown at the field.
 */

typedef struct
{
  MeasuresMeasureEditor *editor;
  MeasuresRole role;
  GPtrArray *selected;
  GHashTable *checks;
  GtkListBox *list;
  GtkSearchEntry *search;
  AdwActionRow *row;
} OfficePicker;

struct _MeasuresMeasureEditor
{
  AdwBin parent_instance;

  /* Owned */
  MeasuresMeasure *original;
  GListModel *goals;
  OfficePicker pickers[2];
  gboolean loading;
  gboolean modified;
  gboolean valid;
  /* Problems show at a field once the user changed it, or tried to save */
  gboolean attempted;
  gboolean problem_shown;
  GHashTable *touched;
  GListModel *offices;
  /* Says when the printed lead and the lead offices name different offices */
  AdwActionRow *lead_mismatch_row;

  /* Template widgets */
  GtkRevealer *conflict_revealer;
  GtkLabel *conflict_label;
  GtkWidget *conflict_actions;
  gboolean waiting;             /* the message is that the server cannot be reached */
  GtkScrolledWindow *scroller;
  GtkLabel *heading;
  GtkLabel *error_label;
  AdwEntryRow *title_row;
  AdwComboRow *goal_row;
  GtkTextView *description_view;
  GtkListBox *objectives_list;
  GtkWidget *add_objective_button;
  AdwEntryRow *lead_row;
  AdwActionRow *lead_offices_row;
  GtkMenuButton *lead_offices_button;
  AdwEntryRow *actors_row;
  AdwActionRow *involved_offices_row;
  GtkMenuButton *involved_offices_button;
  AdwComboRow *priority_row;
  AdwEntryRow *period_row;
  AdwEntryRow *costs_row;
};

G_DEFINE_FINAL_TYPE (MeasuresMeasureEditor, measures_measure_editor, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MODIFIED,
  PROP_VALID,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void validate (MeasuresMeasureEditor *self);

static void
set_modified (MeasuresMeasureEditor *self,
              gboolean               modified)
{
  if (self->modified == modified)
    return;

  self->modified = modified;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
}

static void
field_changed (MeasuresMeasureEditor *self)
{
  if (self->loading)
    return;

  set_modified (self, TRUE);
  validate (self);
}

/* Objectives ------------------------------------------------------------- */

static void
number_objectives (MeasuresMeasureEditor *self)
{
  GtkListBox *list = self->objectives_list;
  guint n = 0;

  while (gtk_list_box_get_row_at_index (list, n) != NULL)
    n++;
  for (guint i = 0; i < n; i++)
    measures_objective_row_set_number (MEASURES_OBJECTIVE_ROW (gtk_list_box_get_row_at_index (list,
                                                                                             i)),
                                       i + 1, n);
}

static void
move_objective (MeasuresMeasureEditor *self,
                int                    delta,
                GtkWidget             *row)
{
  GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (row));
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row)) + delta;

  if (index < 0 || gtk_list_box_get_row_at_index (self->objectives_list, index) == NULL)
    return;

  g_object_ref (row);
  gtk_list_box_remove (self->objectives_list, row);
  gtk_list_box_insert (self->objectives_list, row, index);
  g_object_unref (row);
  number_objectives (self);

  /* The keyboard stays on the button pressed, or where the objective is
   * when it can go no further that way. */
  if (focus == NULL || !gtk_widget_is_ancestor (focus, row) || !gtk_widget_grab_focus (focus))
    measures_objective_row_focus_text (MEASURES_OBJECTIVE_ROW (row));
  field_changed (self);
}

static void
remove_objective (MeasuresMeasureEditor *self,
                  GtkWidget             *row)
{
  int index = gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (row));
  GtkListBoxRow *next;

  gtk_list_box_remove (self->objectives_list, row);
  number_objectives (self);

  /* The keyboard goes to the objective that took its place, or the one
   * before, or the button that adds one. */
  next = gtk_list_box_get_row_at_index (self->objectives_list, index);
  if (next == NULL && index > 0)
    next = gtk_list_box_get_row_at_index (self->objectives_list, index - 1);
  if (next != NULL)
    measures_objective_row_focus_text (MEASURES_OBJECTIVE_ROW (next));
  else
    gtk_widget_grab_focus (self->add_objective_button);
  field_changed (self);
}

static GtkWidget *
append_objective (MeasuresMeasureEditor *self,
                  const char            *text)
{
  GtkWidget *row = measures_objective_row_new (text);

  g_signal_connect_object (row, "changed", G_CALLBACK (field_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "move", G_CALLBACK (move_objective), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (row, "remove", G_CALLBACK (remove_objective), self,
                           G_CONNECT_SWAPPED);
  gtk_list_box_append (self->objectives_list, row);
  number_objectives (self);

  return row;
}

static void
add_objective_clicked (MeasuresMeasureEditor *self)
{
  GtkWidget *row = append_objective (self, "");

  measures_objective_row_focus_text (MEASURES_OBJECTIVE_ROW (row));
  field_changed (self);
}

static GStrv
collect_objectives (MeasuresMeasureEditor *self)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  GtkListBoxRow *row;

  for (int i = 0; (row = gtk_list_box_get_row_at_index (self->objectives_list, i)); i++)
    {
      g_autofree char *text = measures_objective_row_dup_text (MEASURES_OBJECTIVE_ROW (row));

      /* An objective left empty is no objective. */
      if (text[0] != '\0')
        g_strv_builder_add (builder, text);
    }

  return g_strv_builder_end (builder);
}

/* Offices ---------------------------------------------------------------- */

static void
picker_update_row (OfficePicker *picker)
{
  g_autofree char *text = NULL;

  g_ptr_array_add (picker->selected, NULL);
  text = g_strjoinv (", ", (GStrv)picker->selected->pdata);
  g_ptr_array_remove_index (picker->selected, picker->selected->len - 1);

  adw_action_row_set_subtitle (picker->row, text[0] ? text : _("None"));
}

static gboolean
picker_has (OfficePicker *picker,
            const char   *abbreviation)
{
  for (guint i = 0; i < picker->selected->len; i++)
    if (g_str_equal (g_ptr_array_index (picker->selected, i), abbreviation))
      return TRUE;

  return FALSE;
}

static void
picker_remove (OfficePicker *picker,
               const char   *abbreviation)
{
  for (guint i = 0; i < picker->selected->len; i++)
    if (g_str_equal (g_ptr_array_index (picker->selected, i), abbreviation))
      {
        g_ptr_array_remove_index (picker->selected, i);
        return;
      }
}

static void
picker_check_toggled (GtkCheckButton *check,
                      OfficePicker   *picker)
{
  MeasuresMeasureEditor *self = picker->editor;
  const char *abbreviation = g_object_get_data (G_OBJECT (check), "abbreviation");
  OfficePicker *other = &self->pickers[picker->role == MEASURES_ROLE_LEAD ? 1 : 0];

  if (gtk_check_button_get_active (check))
    {
      if (!picker_has (picker, abbreviation))
        g_ptr_array_add (picker->selected, g_strdup (abbreviation));

      /* An office leads a measure or takes part in it, not both. */
      if (picker_has (other, abbreviation))
        gtk_check_button_set_active (g_hash_table_lookup (other->checks, abbreviation), FALSE);
    }
  else
    picker_remove (picker, abbreviation);

  picker_update_row (picker);
  field_changed (self);
}

static gboolean
picker_filter (GtkListBoxRow *row,
               gpointer       user_data)
{
  OfficePicker *picker = user_data;
  const char *key = g_object_get_data (G_OBJECT (row), "key");

  /* Every word, anywhere in the abbreviation or name, ignoring case and
   * accents: "kultur buro" finds "Kulturbüro". */
  return measures_search_text_matches (key, gtk_editable_get_text (GTK_EDITABLE (picker->search)));
}

static void
picker_search_changed (GtkSearchEntry *entry,
                       OfficePicker   *picker)
{
  gtk_list_box_invalidate_filter (picker->list);
}

static void
picker_init (OfficePicker          *picker,
             MeasuresMeasureEditor *self,
             MeasuresRole           role,
             AdwActionRow          *row,
             GtkMenuButton         *button)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *scroller = gtk_scrolled_window_new ();

  picker->editor = self;
  picker->role = role;
  picker->row = row;
  picker->selected = g_ptr_array_new_with_free_func (g_free);
  picker->checks = g_hash_table_new (g_str_hash, g_str_equal);

  picker->search = GTK_SEARCH_ENTRY (gtk_search_entry_new ());
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker->search), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Search offices"), -1);
  g_signal_connect (picker->search, "search-changed", G_CALLBACK (picker_search_changed), picker);

  picker->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (picker->list, GTK_SELECTION_NONE);
  gtk_list_box_set_filter_func (picker->list, picker_filter, picker, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (picker->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Offices"), -1);

  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (picker->list));
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_min_content_height (GTK_SCROLLED_WINDOW (scroller), 320);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);

  gtk_box_append (GTK_BOX (box), GTK_WIDGET (picker->search));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_popover_set_child (GTK_POPOVER (popover), box);
  gtk_menu_button_set_popover (button, popover);
}

static void
picker_clear (OfficePicker *picker)
{
  g_clear_pointer (&picker->selected, g_ptr_array_unref);
  g_clear_pointer (&picker->checks, g_hash_table_unref);
}

static void
picker_fill (OfficePicker       *picker,
             GListModel         *offices,
             const char * const *selected)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (picker->list))))
    gtk_list_box_remove (picker->list, child);
  g_hash_table_remove_all (picker->checks);
  g_ptr_array_set_size (picker->selected, 0);

  for (guint i = 0; selected[i] != NULL; i++)
    g_ptr_array_add (picker->selected, g_strdup (selected[i]));

  for (guint i = 0; i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);
      const char *abbreviation = measures_office_get_abbreviation (office);
      const char *name = measures_office_get_name (office);
      g_autofree char *label = NULL;
      GtkWidget *check;
      GtkWidget *row;

      label = g_str_equal (abbreviation, name) ? g_strdup (name)
                                                : g_strdup_printf ("%s — %s", abbreviation, name);
      check = gtk_check_button_new_with_label (label);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check), g_strv_contains (selected,
                                                                              abbreviation));
      g_object_set_data_full (G_OBJECT (check), "abbreviation", g_strdup (abbreviation), g_free);
      g_signal_connect (check, "toggled", G_CALLBACK (picker_check_toggled), picker);

      row = gtk_list_box_row_new ();
      gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), check);
      g_object_set_data_full (G_OBJECT (row), "key",
                              g_utf8_casefold (label, -1), g_free);
      gtk_list_box_append (picker->list, row);

      /* The key lives as long as the check button, which owns it. */
      g_hash_table_insert (picker->checks, g_object_get_data (G_OBJECT (check), "abbreviation"),
                           check);
    }

  gtk_editable_set_text (GTK_EDITABLE (picker->search), "");
  picker_update_row (picker);
}

static GStrv
picker_dup_selected (OfficePicker *picker)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; i < picker->selected->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (picker->selected, i));

  return g_strv_builder_end (builder);
}

/* Building and checking -------------------------------------------------- */

static char *
dup_description (MeasuresMeasureEditor *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->description_view);
  GtkTextIter start, end;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
}

static guint
selected_goal (MeasuresMeasureEditor *self)
{
  guint index = adw_combo_row_get_selected (self->goal_row);
  g_autoptr(MeasuresGoal) goal = NULL;

  if (self->goals == NULL || index >= g_list_model_get_n_items (self->goals))
    return 0;

  goal = g_list_model_get_item (self->goals, index);
  return measures_goal_get_number (goal);
}

static MeasuresMeasure *
build_candidate (MeasuresMeasureEditor *self)
{
  g_autofree char *title = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->title_row))));
  g_autofree char *description = dup_description (self);
  g_auto(GStrv) objectives = collect_objectives (self);
  g_auto(GStrv) lead_offices = picker_dup_selected (&self->pickers[0]);
  g_auto(GStrv) involved_offices = picker_dup_selected (&self->pickers[1]);
  guint priority = adw_combo_row_get_selected (self->priority_row);

  return measures_measure_copy_with (self->original,
                                     "title", title,
                                     "goal", selected_goal (self),
                                     "description", description,
                                     "objectives", objectives,
                                     "lead", gtk_editable_get_text (GTK_EDITABLE (self->lead_row)),
                                     "actors", gtk_editable_get_text (GTK_EDITABLE (self->actors_row)),
                                     "lead-offices", lead_offices,
                                     "involved-offices", involved_offices,
                                     /* None chosen yet: the draft keeps the original's */
                                     "priority", priority < MEASURES_N_PRIORITIES
                                                 ? priority
                                                 : measures_measure_get_priority (self->original),
                                     "period", gtk_editable_get_text (GTK_EDITABLE (self->period_row)),
                                     "costs", gtk_editable_get_text (GTK_EDITABLE (self->costs_row)),
                                     NULL);
}

static GtkWidget *
widget_for_field (MeasuresMeasureEditor *self,
                  const char            *field)
{
  const struct {
    const char *field;
    gpointer widget;
  } fields[] = {
    { "title", self->title_row },
    { "description", self->description_view },
    { "objectives", self->objectives_list },
    { "lead", self->lead_row },
    { "actors", self->actors_row },
    { "period", self->period_row },
    { "costs", self->costs_row },
  };

  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (fields); i++)
    if (g_str_equal (fields[i].field, field))
      return fields[i].widget;

  return NULL;
}

static void
show_problem (MeasuresMeasureEditor *self,
              const char            *field,
              const char            *message)
{
  GtkWidget *widgets[] = {
    GTK_WIDGET (self->title_row), GTK_WIDGET (self->description_view),
    GTK_WIDGET (self->objectives_list), GTK_WIDGET (self->lead_row),
    GTK_WIDGET (self->actors_row), GTK_WIDGET (self->period_row),
    GTK_WIDGET (self->costs_row),
  };
  GtkWidget *problem = widget_for_field (self, field);

  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    {
      if (widgets[i] == problem)
        gtk_widget_add_css_class (widgets[i], "error");
      else
        gtk_widget_remove_css_class (widgets[i], "error");
    }

  gtk_label_set_text (self->error_label, message ? message : "");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), message != NULL);
}

/* The offices of the directory that the printed lead names: the parts
 * between commas, semicolons, slashes and "und" that are abbreviations. */
static GStrv
offices_in_text (MeasuresMeasureEditor *self,
                 const char            *text)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_autoptr(GRegex) separators = g_regex_new ("\\s*(?:[,;/&+]|\\bund\\b|\\band\\b)\\s*", 0, 0,
                                              NULL);
  g_auto(GStrv) parts = g_regex_split (separators, text, 0);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      g_strstrip (parts[i]);
      for (guint j = 0; self->offices && j < g_list_model_get_n_items (self->offices); j++)
        {
          g_autoptr(MeasuresOffice) office = g_list_model_get_item (self->offices, j);
          const char *abbreviation = measures_office_get_abbreviation (office);

          if (g_str_equal (parts[i], abbreviation) && !g_hash_table_contains (seen, parts[i]))
            {
              g_hash_table_add (seen, parts[i]);
              g_strv_builder_add (builder, abbreviation);
            }
        }
    }

  return g_strv_builder_end (builder);
}

static gboolean
same_set (const char * const *a,
          const char * const *b)
{
  if (g_strv_length ((GStrv)a) != g_strv_length ((GStrv)b))
    return FALSE;
  for (guint i = 0; a[i] != NULL; i++)
    if (!g_strv_contains (b, a[i]))
      return FALSE;
  return TRUE;
}

/* Shows whether the printed lead and the lead offices agree. Only the
 * abbreviations of the directory count: a lead printed as a name the
 * directory does not know ("Stadtmarketing Karlsruhe GmbH") is no
 * mismatch, unless it names none and offices are chosen. */
static void
check_lead (MeasuresMeasureEditor *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->lead_row));
  g_auto(GStrv) named = offices_in_text (self, text);
  g_auto(GStrv) chosen = picker_dup_selected (&self->pickers[MEASURES_ROLE_LEAD]);
  g_autofree char *named_text = g_strjoinv (", ", named);
  g_autofree char *chosen_text = g_strjoinv (", ", chosen);
  g_autofree char *message = NULL;
  gboolean mismatch = named[0] != NULL && !same_set ((const char * const *)named,
                                                      (const char * const *)chosen);

  if (mismatch)
    /* Translators: the printed lead names some offices, the lead offices
     * chosen are others; both %s are comma-separated abbreviations */
    message = g_strdup_printf (_("The printed lead names %s, the lead offices are %s."),
                               named_text, chosen[0] ? chosen_text : _("none"));
  gtk_widget_set_visible (GTK_WIDGET (self->lead_mismatch_row), mismatch);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->lead_mismatch_row),
                                 message ? message : "");
}

static void
lead_offices_from_text (MeasuresMeasureEditor *self)
{
  OfficePicker *picker = &self->pickers[MEASURES_ROLE_LEAD];
  g_auto(GStrv) named = offices_in_text (self, gtk_editable_get_text (GTK_EDITABLE (self->lead_row)));
  g_auto(GStrv) chosen = picker_dup_selected (picker);

  /* Through the check buttons, so that an office moves out of the
   * involved ones as when the user ticks it. */
  for (guint i = 0; chosen[i] != NULL; i++)
    if (!g_strv_contains ((const char * const *)named, chosen[i]))
      gtk_check_button_set_active (g_hash_table_lookup (picker->checks, chosen[i]), FALSE);
  for (guint i = 0; named[i] != NULL; i++)
    if (g_hash_table_lookup (picker->checks, named[i]) != NULL)
      gtk_check_button_set_active (g_hash_table_lookup (picker->checks, named[i]), TRUE);
  check_lead (self);
}

static void
lead_text_from_offices (MeasuresMeasureEditor *self)
{
  g_auto(GStrv) chosen = picker_dup_selected (&self->pickers[MEASURES_ROLE_LEAD]);
  g_autofree char *text = g_strjoinv (", ", chosen);

  gtk_editable_set_text (GTK_EDITABLE (self->lead_row), text);
  check_lead (self);
}

static void
set_group_problem (GtkWidget  *widget,
                   const char *message)
{
  GtkWidget *group = gtk_widget_get_ancestor (widget, ADW_TYPE_PREFERENCES_GROUP);

  if (group != NULL)
    adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group), message);
  if (message != NULL)
    gtk_widget_add_css_class (widget, "error");
  else
    gtk_widget_remove_css_class (widget, "error");
}

static void
set_row_problem (AdwActionRow *row,
                 const char   *message,
                 const char   *otherwise)
{
  adw_action_row_set_subtitle (row, message ? message : otherwise);
  if (message != NULL)
    gtk_widget_add_css_class (GTK_WIDGET (row), "error");
  else
    gtk_widget_remove_css_class (GTK_WIDGET (row), "error");
}

/* Remembers the fields the user changed, to show their problems. */
static void
note_touched (MeasuresMeasureEditor *self,
              MeasuresMeasure       *candidate)
{
  const char *fields[] = { "title", "description", "objectives", "lead", "actors",
                           "lead-offices", "period", "costs" };

  if (self->loading)
    return;

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_auto(GValue) a = G_VALUE_INIT;
      g_auto(GValue) b = G_VALUE_INIT;
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (candidate), fields[i]);

      g_value_init (&a, pspec->value_type);
      g_value_init (&b, pspec->value_type);
      g_object_get_property (G_OBJECT (candidate), fields[i], &a);
      g_object_get_property (G_OBJECT (self->original), fields[i], &b);
      if (G_VALUE_HOLDS (&a, G_TYPE_STRV))
        {
          const char *none[] = { NULL };
          const char * const *x = g_value_get_boxed (&a);
          const char * const *y = g_value_get_boxed (&b);

          if (!g_strv_equal (x ? x : none, y ? y : none))
            g_hash_table_add (self->touched, (gpointer)fields[i]);
        }
      else if (g_param_values_cmp (pspec, &a, &b) != 0)
        g_hash_table_add (self->touched, (gpointer)fields[i]);
    }
}

static gboolean
shows (MeasuresMeasureEditor *self,
       const char            *field)
{
  return field != NULL && (self->attempted || g_hash_table_contains (self->touched, field));
}

/* Checks the form; shows each problem at its field once the user changed
 * the field or tried to save. A new measure needs more than the rules of
 * every measure: who leads it, what it is and what it is to achieve, and
 * a priority chosen on purpose. */
static void
validate (MeasuresMeasureEditor *self)
{
  g_autoptr(MeasuresMeasure) candidate = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *description = NULL;
  const char *field = NULL;
  const char *description_problem = NULL;
  const char *objectives_problem = NULL;
  const char *lead_problem = NULL;
  const char *priority_problem = NULL;
  gboolean is_new, valid, shown;

  if (self->original == NULL)
    return;

  candidate = build_candidate (self);
  note_touched (self, candidate);
  valid = measures_measure_validate (candidate, &field, &error);

  is_new = measures_measure_get_id (self->original) == 0;
  description = g_strstrip (g_strdup (measures_measure_get_description (candidate)));
  if (is_new && description[0] == '\0')
    description_problem = _("Describe the measure in a few sentences.");
  if (is_new && measures_measure_get_objectives (candidate)[0] == NULL)
    objectives_problem = _("Add at least one objective: what the measure is to achieve.");
  if (is_new && measures_measure_get_lead_offices (candidate)[0] == NULL)
    lead_problem = _("Choose the office or offices that lead the measure.");
  if (adw_combo_row_get_selected (self->priority_row) >= MEASURES_N_PRIORITIES)
    priority_problem = _("Choose a priority.");

  if (!valid && shows (self, field))
    show_problem (self, field, error->message);
  else
    show_problem (self, NULL, NULL);
  set_group_problem (GTK_WIDGET (self->description_view),
                     shows (self, "description") ? description_problem : NULL);
  set_group_problem (GTK_WIDGET (self->objectives_list),
                     shows (self, "objectives") ? objectives_problem : NULL);
  {
    g_auto(GStrv) chosen = picker_dup_selected (&self->pickers[MEASURES_ROLE_LEAD]);
    g_autofree char *text = g_strjoinv (", ", chosen);

    set_row_problem (self->lead_offices_row, shows (self, "lead-offices") ? lead_problem : NULL,
                     text[0] ? text : _("None"));
  }
  set_row_problem (ADW_ACTION_ROW (self->priority_row), self->attempted ? priority_problem : NULL,
                   NULL);
  check_lead (self);

  shown = gtk_widget_get_visible (GTK_WIDGET (self->error_label)) ||
          (description_problem && shows (self, "description")) ||
          (objectives_problem && shows (self, "objectives")) ||
          (lead_problem && shows (self, "lead-offices")) || (priority_problem && self->attempted);
  valid = valid && !description_problem && !objectives_problem && !lead_problem &&
          !priority_problem;
  if (valid != self->valid || shown != self->problem_shown)
    {
      self->valid = valid;
      self->problem_shown = shown;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);
    }
}

/* GObject ---------------------------------------------------------------- */

static void
measures_measure_editor_dispose (GObject *object)
{
  MeasuresMeasureEditor *self = (MeasuresMeasureEditor *)object;

  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_MEASURE_EDITOR);
  g_clear_object (&self->original);
  g_clear_object (&self->goals);
  g_clear_object (&self->offices);

  G_OBJECT_CLASS (measures_measure_editor_parent_class)->dispose (object);
}

static void
measures_measure_editor_finalize (GObject *object)
{
  MeasuresMeasureEditor *self = (MeasuresMeasureEditor *)object;

  picker_clear (&self->pickers[0]);
  picker_clear (&self->pickers[1]);
  g_clear_pointer (&self->touched, g_hash_table_unref);

  G_OBJECT_CLASS (measures_measure_editor_parent_class)->finalize (object);
}

static void
measures_measure_editor_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  MeasuresMeasureEditor *self = MEASURES_MEASURE_EDITOR (object);

  switch (prop_id)
    {
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    case PROP_VALID:
      g_value_set_boolean (value, self->valid);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_measure_editor_class_init (MeasuresMeasureEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_measure_editor_dispose;
  object_class->finalize = measures_measure_editor_finalize;
  object_class->get_property = measures_measure_editor_get_property;

  /**
   * MeasuresMeasureEditor:modified:
   *
   * Whether the user changed anything since editing began.
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * MeasuresMeasureEditor:valid:
   *
   * Whether the edited measure may be saved.
   */
  properties[PROP_VALID] =
    g_param_spec_boolean ("valid", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/measures/measures-measure-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, conflict_revealer);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, conflict_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, conflict_actions);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, heading);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, title_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, goal_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, objectives_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor,
                                        add_objective_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, lead_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, lead_offices_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, lead_offices_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, actors_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, involved_offices_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor,
                                        involved_offices_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, period_row);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureEditor, costs_row);
  gtk_widget_class_bind_template_callback (widget_class, field_changed);
  gtk_widget_class_bind_template_callback (widget_class, add_objective_clicked);
}

static void
measures_measure_editor_init (MeasuresMeasureEditor *self)
{
  g_autoptr(GtkStringList) priorities = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));

  for (guint i = 0; i < MEASURES_N_PRIORITIES; i++)
    gtk_string_list_append (priorities, measures_priority_get_label (i));
  adw_combo_row_set_model (self->priority_row, G_LIST_MODEL (priorities));

  measures_combo_row_show_whole (self->goal_row);

  picker_init (&self->pickers[MEASURES_ROLE_LEAD], self, MEASURES_ROLE_LEAD,
               self->lead_offices_row, self->lead_offices_button);
  picker_init (&self->pickers[MEASURES_ROLE_INVOLVED], self, MEASURES_ROLE_INVOLVED,
               self->involved_offices_row, self->involved_offices_button);

  g_signal_connect_swapped (gtk_text_view_get_buffer (self->description_view), "changed",
                            G_CALLBACK (field_changed), self);

  self->touched = g_hash_table_new (g_str_hash, g_str_equal);

  /* Below the lead offices: whether they agree with the printed lead, and
   * a click to bring them together either way. */
  {
    GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self->lead_offices_row));
    GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
    GtkWidget *from_text = gtk_button_new_with_mnemonic (_("_Offices from Text"));
    GtkWidget *from_offices = gtk_button_new_with_mnemonic (_("_Text from Offices"));

    self->lead_mismatch_row = ADW_ACTION_ROW (adw_action_row_new ());
    adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (self->lead_mismatch_row), FALSE);
    adw_action_row_set_title_lines (self->lead_mismatch_row, 0);
    adw_action_row_add_prefix (self->lead_mismatch_row,
                               gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
    gtk_widget_add_css_class (GTK_WIDGET (self->lead_mismatch_row), "warning");
    gtk_widget_set_tooltip_text (from_text, _("Choose as lead offices those the printed lead "
                                              "names"));
    gtk_widget_set_tooltip_text (from_offices, _("Write the lead offices chosen as the printed "
                                                 "lead"));
    gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
    gtk_box_append (GTK_BOX (buttons), from_text);
    gtk_box_append (GTK_BOX (buttons), from_offices);
    adw_action_row_add_suffix (self->lead_mismatch_row, buttons);
    g_signal_connect_swapped (from_text, "clicked", G_CALLBACK (lead_offices_from_text), self);
    g_signal_connect_swapped (from_offices, "clicked", G_CALLBACK (lead_text_from_offices), self);
    gtk_widget_set_visible (GTK_WIDGET (self->lead_mismatch_row), FALSE);
    gtk_list_box_insert (GTK_LIST_BOX (list), GTK_WIDGET (self->lead_mismatch_row),
                         gtk_list_box_row_get_index (GTK_LIST_BOX_ROW (self->lead_offices_row)) + 1);
  }
}

/**
 * measures_measure_editor_edit:
 * @measure: the measure to edit; for a new one, a measure with id 0 and
 *   its goal set
 * @goals: the strategy's #MeasuresGoal list
 * @offices: the office directory, a #MeasuresOffice list
 *
 * Fills the editor with @measure's fields.
 */
void
measures_measure_editor_edit (MeasuresMeasureEditor *self,
                              MeasuresMeasure       *measure,
                              GListModel            *goals,
                              GListModel            *offices)
{
  g_autoptr(GtkStringList) goal_names = gtk_string_list_new (NULL);
  const char * const *objectives;
  GtkWidget *child;
  guint goal_index = 0;

  g_return_if_fail (MEASURES_IS_MEASURE_EDITOR (self));
  g_return_if_fail (MEASURES_IS_MEASURE (measure));
  g_return_if_fail (G_IS_LIST_MODEL (goals));
  g_return_if_fail (G_IS_LIST_MODEL (offices));

  self->loading = TRUE;
  self->attempted = FALSE;
  g_hash_table_remove_all (self->touched);
  measures_measure_editor_set_conflict (self, NULL);

  g_set_object (&self->original, measure);
  g_set_object (&self->goals, goals);
  g_set_object (&self->offices, offices);

  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (goals, i);
      g_autofree char *name = g_strdup_printf (_("Goal %u: %s"), measures_goal_get_number (goal),
                                               measures_goal_get_title (goal));

      gtk_string_list_append (goal_names, name);
      if (measures_goal_get_number (goal) == measures_measure_get_goal (measure))
        goal_index = i;
    }
  adw_combo_row_set_model (self->goal_row, G_LIST_MODEL (goal_names));
  adw_combo_row_set_selected (self->goal_row, goal_index);

  gtk_editable_set_text (GTK_EDITABLE (self->title_row), measures_measure_get_title (measure));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->description_view),
                            measures_measure_get_description (measure), -1);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->objectives_list))))
    gtk_list_box_remove (self->objectives_list, child);
  objectives = measures_measure_get_objectives (measure);
  for (guint i = 0; objectives[i] != NULL; i++)
    append_objective (self, objectives[i]);

  gtk_editable_set_text (GTK_EDITABLE (self->lead_row), measures_measure_get_lead (measure));
  gtk_editable_set_text (GTK_EDITABLE (self->actors_row), measures_measure_get_actors (measure));
  picker_fill (&self->pickers[MEASURES_ROLE_LEAD], offices,
               measures_measure_get_lead_offices (measure));
  picker_fill (&self->pickers[MEASURES_ROLE_INVOLVED], offices,
               measures_measure_get_involved_offices (measure));
  /* A new measure's priority is chosen, not assumed. */
  adw_combo_row_set_selected (self->priority_row,
                              measures_measure_get_id (measure) == 0
                              ? GTK_INVALID_LIST_POSITION
                              : measures_measure_get_priority (measure));
  gtk_editable_set_text (GTK_EDITABLE (self->period_row), measures_measure_get_period (measure));
  gtk_editable_set_text (GTK_EDITABLE (self->costs_row), measures_measure_get_costs (measure));

  self->loading = FALSE;
  set_modified (self, FALSE);
  self->valid = FALSE;
  validate (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_VALID]);

  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
  gtk_widget_grab_focus (GTK_WIDGET (self->title_row));
}

/**
 * measures_measure_editor_get_original:
 *
 * Returns: (transfer none) (nullable): the measure as it was when editing
 *   began
 */
MeasuresMeasure *
measures_measure_editor_get_original (MeasuresMeasureEditor *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_EDITOR (self), NULL);

  return self->original;
}

gboolean
measures_measure_editor_get_modified (MeasuresMeasureEditor *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_EDITOR (self), FALSE);

  return self->modified;
}

gboolean
measures_measure_editor_get_valid (MeasuresMeasureEditor *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_EDITOR (self), FALSE);

  return self->valid;
}

/**
 * measures_measure_editor_get_can_try_save:
 *
 * Saving is offered while the form is valid, and while none of its
 * problems is shown yet: a try shows every problem at its field, rather
 * than a Save button that is off for reasons the user has not seen.
 *
 * Returns: whether to offer Save
 */
gboolean
measures_measure_editor_get_can_try_save (MeasuresMeasureEditor *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_EDITOR (self), FALSE);

  return self->valid || !self->problem_shown;
}

/**
 * measures_measure_editor_build:
 *
 * Returns: (transfer full): the edited measure, or %NULL with @error set
 *   (and the problem shown at its field) if it cannot be saved
 */
MeasuresMeasure *
measures_measure_editor_build (MeasuresMeasureEditor  *self,
                               GError                **error)
{
  g_autoptr(MeasuresMeasure) candidate = NULL;
  g_autoptr(GError) local_error = NULL;
  const char *field = NULL;

  g_return_val_if_fail (MEASURES_IS_MEASURE_EDITOR (self), NULL);
  g_return_val_if_fail (self->original != NULL, NULL);

  /* From now on every problem shows at its field. */
  self->attempted = TRUE;
  validate (self);

  candidate = build_candidate (self);
  if (!measures_measure_validate (candidate, &field, &local_error))
    {
      show_problem (self, field, local_error->message);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  if (!self->valid)
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("Some fields are missing: see the messages at the fields."));
      return NULL;
    }

  return g_steal_pointer (&candidate);
}

/**
 * measures_measure_editor_dup_draft:
 *
 * Returns: (transfer full): the measure as the form holds it now, valid or
 *   not, to carry an edit over into a new editor
 */
MeasuresMeasure *
measures_measure_editor_dup_draft (MeasuresMeasureEditor *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_EDITOR (self), NULL);
  g_return_val_if_fail (self->original != NULL, NULL);

  return build_candidate (self);
}

/**
 * measures_measure_editor_edit_draft:
 * @original: the measure as it was when editing began
 * @draft: the edit so far, from measures_measure_editor_dup_draft()
 *
 * Goes on with an edit begun in another editor.
 */
void
measures_measure_editor_edit_draft (MeasuresMeasureEditor *self,
                                    MeasuresMeasure       *original,
                                    MeasuresMeasure       *draft,
                                    gboolean               modified,
                                    GListModel            *goals,
                                    GListModel            *offices)
{
  g_return_if_fail (MEASURES_IS_MEASURE_EDITOR (self));
  g_return_if_fail (MEASURES_IS_MEASURE (original));
  g_return_if_fail (MEASURES_IS_MEASURE (draft));

  measures_measure_editor_edit (self, draft, goals, offices);
  g_set_object (&self->original, original);
  set_modified (self, modified);
}

/**
 * measures_measure_editor_get_vadjustment:
 *
 * Returns: (transfer none): the form's vertical scroll position
 */
GtkAdjustment *
measures_measure_editor_get_vadjustment (MeasuresMeasureEditor *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_EDITOR (self), NULL);

  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

/**
 * measures_measure_editor_set_conflict:
 * @message: (nullable): why the edit cannot be saved as it is: someone else
 *   changed the measure meanwhile; %NULL when it can
 *
 * Shows @message above the form, with a way to copy what was typed and to
 * see the measure as it is now (the window's `win.copy-draft` and
 * `win.show-current-version`). The edit itself stays as it is.
 */
void
measures_measure_editor_set_conflict (MeasuresMeasureEditor *self,
                                      const char            *message)
{
  g_return_if_fail (MEASURES_IS_MEASURE_EDITOR (self));

  self->waiting = FALSE;
  gtk_widget_set_visible (self->conflict_actions, TRUE);
  gtk_label_set_text (self->conflict_label, message ? message : "");
  gtk_revealer_set_reveal_child (self->conflict_revealer, message != NULL);
  if (message != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (self->conflict_label),
                                    GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, message, -1);
}

/**
 * measures_measure_editor_set_waiting:
 * @waiting: whether the edit waits for the server to be reached again
 *
 * Says above the form that the edit could not be saved because the
 * connection to the server was lost, and that it is kept and saved once
 * the connection is back. A conflict set afterwards replaces it.
 */
void
measures_measure_editor_set_waiting (MeasuresMeasureEditor *self,
                                     gboolean               waiting)
{
  const char *message = _("Not saved yet: the connection to the server was lost. Your edit is "
                          "kept and saved as soon as the connection is back.");

  g_return_if_fail (MEASURES_IS_MEASURE_EDITOR (self));

  if (!waiting)
    {
      if (self->waiting)
        measures_measure_editor_set_conflict (self, NULL);
      return;
    }

  measures_measure_editor_set_conflict (self, message);
  gtk_widget_set_visible (self->conflict_actions, FALSE);
  self->waiting = TRUE;
}

/**
 * measures_measure_editor_get_waiting:
 *
 * Returns: whether the edit waits for the server, see
 *   measures_measure_editor_set_waiting()
 */
gboolean
measures_measure_editor_get_waiting (MeasuresMeasureEditor *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_EDITOR (self), FALSE);

  return self->waiting && gtk_revealer_get_reveal_child (self->conflict_revealer);
}

/**
 * measures_measure_editor_get_conflict:
 *
 * Returns: (nullable): the message set with
 *   measures_measure_editor_set_conflict(), or %NULL
 */
const char *
measures_measure_editor_get_conflict (MeasuresMeasureEditor *self)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_EDITOR (self), NULL);

  if (!gtk_revealer_get_reveal_child (self->conflict_revealer))
    return NULL;
  return gtk_label_get_text (self->conflict_label);
}

/**
 * measures_measure_editor_set_heading:
 * @heading: (nullable): what the form is for, e.g. "Edit Measure"; %NULL
 *   where the header bar says it
 *
 * Shows @heading above the form, on as many lines as it needs.
 */
void
measures_measure_editor_set_heading (MeasuresMeasureEditor *self,
                                     const char            *heading)
{
  g_return_if_fail (MEASURES_IS_MEASURE_EDITOR (self));

  gtk_label_set_text (self->heading, heading ? heading : "");
  gtk_widget_set_visible (GTK_WIDGET (self->heading), heading != NULL);
}
