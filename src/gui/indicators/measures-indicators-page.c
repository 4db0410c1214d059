/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-indicators-page"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-format.h"
#include "measures-indicator-editor.h"
#include "measures-indicator-text.h"
#include "measures-indicator-view.h"
#include "measures-indicators-page.h"
#include "measures-navigation.h"
#include "measures-page.h"

/**
 * MeasuresIndicatorsPage:
 *
 * The strategy's indicators: a list grouped by goal, then by measure, each
 * row with its latest value, beside the selected indicator's definition,
 * values and history; folded one after the other when narrow. Creating,
 * editing and removing indicators and recording values go through the
 * undo stack that all windows share, so the window's Undo takes them back.
 * Changes made elsewhere (another window, a colleague on the server)
 * arrive through the store's "indicator-changed" signal.
 */
struct _MeasuresIndicatorsPage
{
  MeasuresPageBin parent_instance;

  /* Owned */
  MeasuresContext *context;
  MeasuresStore *store;         /* the context's */
  GListModel *goals;
  GListModel *offices;
  GPtrArray *indicators;        /* MeasuresIndicator, in the list's order */
  GHashTable *measures;         /* measure id → MeasuresMeasure, of the indicators */
  gint64 selected_id;
  gboolean warm;
  gboolean stale;               /* changed while out of view */
  gboolean selecting;

  /* Template widgets */
  GtkStack *page_stack;
  AdwLeaflet *indicators_leaflet;
  GtkWidget *list_pane;
  GtkListBox *indicator_list;
  GtkWidget *detail_pane;
  GtkWidget *back_button;
  GtkWidget *edit_button;
  GtkWidget *remove_button;
  GtkWidget *new_button;
  GtkWidget *empty_add_button;
  MeasuresIndicatorView *indicator_view;
};

static void measures_indicators_page_page_init (MeasuresPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MeasuresIndicatorsPage, measures_indicators_page,
                               MEASURES_TYPE_PAGE_BIN,
                               G_IMPLEMENT_INTERFACE (MEASURES_TYPE_PAGE,
                                                      measures_indicators_page_page_init))

static void update_actions (MeasuresIndicatorsPage *self);

static MeasuresIndicator *
find_indicator (MeasuresIndicatorsPage *self,
                gint64                  id)
{
  for (guint i = 0; self->indicators && i < self->indicators->len; i++)
    if (measures_indicator_get_id (g_ptr_array_index (self->indicators, i)) == id)
      return g_ptr_array_index (self->indicators, i);

  return NULL;
}

static MeasuresIndicator *
get_selected (MeasuresIndicatorsPage *self)
{
  return self->selected_id ? find_indicator (self, self->selected_id) : NULL;
}

static MeasuresGoal *
find_goal (MeasuresIndicatorsPage *self,
           guint                   number)
{
  for (guint i = 0; self->goals && i < g_list_model_get_n_items (self->goals); i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (self->goals, i);

      if (measures_goal_get_number (goal) == number)
        return goal;         /* the list keeps it alive */
    }

  return NULL;
}

/* The goal an indicator is counted under: its own, or its measure's. */
static guint
goal_of (MeasuresIndicatorsPage *self,
         MeasuresIndicator      *indicator)
{
  MeasuresMeasure *measure;

  if (measures_indicator_get_goal (indicator) != 0)
    return measures_indicator_get_goal (indicator);

  measure = g_hash_table_lookup (self->measures,
                                 &(gint64){ measures_indicator_get_measure_id (indicator) });
  return measure ? measures_measure_get_goal (measure) : 0;
}

static char *
goal_heading (MeasuresIndicatorsPage *self,
              guint                   number)
{
  MeasuresGoal *goal = find_goal (self, number);

  if (goal == NULL)
    /* Translators: a goal's number */
    return g_strdup_printf (_("Goal %u"), number);

  /* Translators: a goal's number and its title, e.g. "Goal 2: Europe" */
  return g_strdup_printf (_("Goal %u: %s"), number, measures_goal_get_title (goal));
}

static const char *
measure_title (MeasuresIndicatorsPage *self,
               gint64                  measure_id)
{
  MeasuresMeasure *measure = g_hash_table_lookup (self->measures, &measure_id);

  return measure ? measures_measure_get_title (measure) : "";
}

/* What an indicator belongs to, in words, for the view's link. */
static char *
belongs_to (MeasuresIndicatorsPage *self,
            MeasuresIndicator      *indicator)
{
  if (measures_indicator_get_measure_id (indicator) != 0)
    /* Translators: what an indicator belongs to: a measure's title */
    return g_strdup_printf (_("Measure: %s"),
                            measure_title (self, measures_indicator_get_measure_id (indicator)));

  return goal_heading (self, measures_indicator_get_goal (indicator));
}

/* The list --------------------------------------------------------------- */

static GtkWidget *
create_row (MeasuresIndicatorsPage *self,
            MeasuresIndicator      *indicator)
{
  g_autoptr(GListModel) values = NULL;
  g_autoptr(MeasuresIndicatorValue) latest = NULL;
  const char *unit = measures_indicator_get_unit (indicator);
  g_autofree char *latest_text = NULL;
  g_autofree char *due = NULL;
  g_autofree char *accessible = NULL;
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (measures_indicator_get_name (indicator));
  GtkWidget *detail;
  gboolean overdue = FALSE;

  values = measures_store_list_indicator_values (self->store, measures_indicator_get_id (indicator),
                                                 NULL);
  if (values != NULL && g_list_model_get_n_items (values) > 0)
    latest = g_list_model_get_item (values, g_list_model_get_n_items (values) - 1);

  if (latest != NULL)
    {
      g_autofree char *value = measures_indicator_format_value (
        measures_indicator_value_get_value (latest), unit);
      g_autofree char *day = measures_indicator_format_day (
        measures_indicator_value_get_date (latest));

      /* Translators: an indicator's latest value and its date, in the list */
      latest_text = g_strdup_printf (_("%s · %s"), value, day);
    }
  else if (unit[0] != '\0')
    /* Translators: in the list, an indicator without values: its unit */
    latest_text = g_strdup_printf (_("No values yet · in %s"), unit);
  else
    latest_text = g_strdup (_("No values yet"));

  due = measures_indicator_describe_due (indicator,
                                         latest ? measures_indicator_value_get_date (latest) : NULL,
                                         &overdue);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (name), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (name, "heading");
  gtk_box_append (GTK_BOX (box), name);

  detail = gtk_label_new (latest_text);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), detail);

  if (overdue)
    {
      GtkWidget *late = gtk_label_new (due);

      gtk_label_set_xalign (GTK_LABEL (late), 0);
      gtk_label_set_ellipsize (GTK_LABEL (late), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (late, "caption");
      gtk_widget_add_css_class (late, "error");
      gtk_box_append (GTK_BOX (box), late);
    }

  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  /* A screen reader reads the row as one sentence. */
  /* Translators: a row of the indicator list for screen readers: the
   * indicator's name, its latest value, and when the next one is due */
  accessible = g_strdup_printf (_("%s, %s%s%s"), measures_indicator_get_name (indicator),
                                latest_text, overdue ? ", " : "", overdue ? due : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, accessible,
                                  -1);

  return row;
}

static MeasuresIndicator *
row_indicator (MeasuresIndicatorsPage *self,
               GtkListBoxRow          *row)
{
  int index = gtk_list_box_row_get_index (row);

  if (index < 0 || (guint)index >= self->indicators->len)
    return NULL;

  return g_ptr_array_index (self->indicators, index);
}

static GtkWidget *
header_label (const char *text,
              const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (label, css_class);
  if (g_str_equal (css_class, "indicator-measure-header"))
    gtk_widget_add_css_class (label, "dim-label");
  /* Headings, so that a screen reader can jump from group to group. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (label), GTK_ACCESSIBLE_PROPERTY_LABEL, text, -1);
  return label;
}

/* A heading above the first indicator of each goal, and above the first of
 * each measure. */
static void
update_header (GtkListBoxRow *row,
               GtkListBoxRow *before,
               gpointer       data)
{
  MeasuresIndicatorsPage *self = data;
  MeasuresIndicator *indicator = row_indicator (self, row);
  MeasuresIndicator *previous = before ? row_indicator (self, before) : NULL;
  guint goal;
  gint64 measure_id;
  GtkWidget *box;

  if (indicator == NULL)
    return;

  goal = goal_of (self, indicator);
  measure_id = measures_indicator_get_measure_id (indicator);
  if (previous != NULL && goal_of (self, previous) == goal &&
      measures_indicator_get_measure_id (previous) == measure_id)
    {
      gtk_list_box_row_set_header (row, NULL);
      return;
    }

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  if (previous == NULL || goal_of (self, previous) != goal)
    {
      g_autofree char *heading = goal_heading (self, goal);

      gtk_box_append (GTK_BOX (box), header_label (heading, "indicator-goal-header"));
    }
  if (measure_id != 0)
    gtk_box_append (GTK_BOX (box),
                    header_label (measure_title (self, measure_id), "indicator-measure-header"));
  gtk_list_box_row_set_header (row, box);
}

static void
show_selected (MeasuresIndicatorsPage *self)
{
  MeasuresIndicator *indicator = get_selected (self);
  g_autofree char *where = indicator ? belongs_to (self, indicator) : NULL;

  update_actions (self);
  measures_indicator_view_set_indicator (self->indicator_view, indicator, where);
}

static void
row_selected (MeasuresIndicatorsPage *self,
              GtkListBoxRow          *row)
{
  MeasuresIndicator *indicator;

  if (self->selecting)
    return;

  indicator = row ? row_indicator (self, row) : NULL;
  self->selected_id = indicator ? measures_indicator_get_id (indicator) : 0;
  show_selected (self);
}

static void
row_activated (MeasuresIndicatorsPage *self,
               GtkListBoxRow          *row)
{
  measures_navigate_to (self->indicators_leaflet, self->detail_pane, self->back_button);
}

/* Reads the indicators and the measures they belong to, and shows them
 * again, keeping the selection. */
static void
reload (MeasuresIndicatorsPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) indicators = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GPtrArray) measures = NULL;
  GtkWidget *child;
  guint n;

  if (self->store == NULL)
    return;

  if (!self->warm || !gtk_widget_get_child_visible (GTK_WIDGET (self)))
    {
      self->stale = TRUE;
      return;
    }
  self->stale = FALSE;

  if (!(indicators = measures_store_list_indicators (self->store, &error)))
    {
      measures_page_show_error (MEASURES_PAGE (self), error);
      return;
    }

  g_ptr_array_set_size (self->indicators, 0);
  n = g_list_model_get_n_items (indicators);
  for (guint i = 0; i < n; i++)
    {
      MeasuresIndicator *indicator = g_list_model_get_item (indicators, i);
      gint64 measure_id = measures_indicator_get_measure_id (indicator);

      g_ptr_array_add (self->indicators, indicator);
      if (measure_id != 0 && !g_hash_table_contains (self->measures, &measure_id))
        g_array_append_val (ids, measure_id);
    }

  /* The measures' titles and goals, in one read. */
  if (ids->len > 0)
    {
      if (!(measures = measures_store_load_measures (self->store, (gint64 *)ids->data, ids->len,
                                                      &error)))
        g_warning ("Could not read the indicators' measures: %s", error->message);
      for (guint i = 0; measures && i < measures->len; i++)
        {
          MeasuresMeasure *measure = g_ptr_array_index (measures, i);
          gint64 *key = g_new (gint64, 1);

          if (measure == NULL)
            continue;
          *key = measures_measure_get_id (measure);
          g_hash_table_replace (self->measures, key, g_object_ref (measure));
        }
    }

  self->selecting = TRUE;
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->indicator_list))) != NULL)
    gtk_list_box_remove (self->indicator_list, child);
  for (guint i = 0; i < self->indicators->len; i++)
    {
      MeasuresIndicator *indicator = g_ptr_array_index (self->indicators, i);
      GtkWidget *row = create_row (self, indicator);

      gtk_list_box_append (self->indicator_list, row);
      if (measures_indicator_get_id (indicator) == self->selected_id)
        gtk_list_box_select_row (self->indicator_list, GTK_LIST_BOX_ROW (row));
    }
  self->selecting = FALSE;

  gtk_stack_set_visible_child_name (self->page_stack, n > 0 ? "indicators" : "empty");

  /* The selected indicator was removed: show the first instead. */
  if (get_selected (self) == NULL)
    {
      GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->indicator_list, 0);

      self->selected_id = 0;
      if (first != NULL)
        gtk_list_box_select_row (self->indicator_list, first);
      else
        show_selected (self);
    }
  else
    show_selected (self);
}

static void
indicator_changed (MeasuresIndicatorsPage *self,
                   gint64                  indicator_id)
{
  /* A measure renamed elsewhere shows under its new title. */
  g_hash_table_remove_all (self->measures);
  reload (self);
}

/* Permissions ------------------------------------------------------------- */

static void
explain (GtkWidget  *widget,
         gboolean    allowed,
         const char *tooltip,
         const char *why)
{
  gtk_widget_set_tooltip_text (widget, allowed ? tooltip : why);
}

static void
update_actions (MeasuresIndicatorsPage *self)
{
  const char *offline_why = _("Read-only until the connection to the server is back");
  MeasuresIndicator *indicator = get_selected (self);
  MeasuresPermissions allowed, general;
  MeasuresConnection connection;
  gboolean offline;

  if (self->store == NULL)
    return;

  connection = measures_store_get_connection (self->store);
  offline = connection == MEASURES_CONNECTION_RECONNECTING ||
            connection == MEASURES_CONNECTION_OFFLINE;
  general = offline ? MEASURES_PERMISSION_NONE
                    : measures_store_get_indicator_permissions (self->store, 0);
  allowed = offline || indicator == NULL
              ? MEASURES_PERMISSION_NONE
              : measures_store_get_indicator_permissions (self->store,
                                                          measures_indicator_get_id (indicator));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.new",
                                 (general & MEASURES_PERMISSION_CREATE) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.edit",
                                 (allowed & MEASURES_PERMISSION_EDIT_SHEET) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.remove",
                                 (allowed & MEASURES_PERMISSION_EDIT_SHEET) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.record-value",
                                 (allowed & MEASURES_PERMISSION_REPORT_PROGRESS) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "indicators.remove-value",
                                 (allowed & MEASURES_PERMISSION_REPORT_PROGRESS) != 0);

  explain (self->new_button, general & MEASURES_PERMISSION_CREATE, _("Add Indicator"),
           offline ? offline_why : _("Only coordinators may add indicators"));
  explain (self->empty_add_button, general & MEASURES_PERMISSION_CREATE, NULL,
           offline ? offline_why : _("Only coordinators may add indicators"));
  explain (self->edit_button, allowed & MEASURES_PERMISSION_EDIT_SHEET, _("Edit Indicator"),
           offline ? offline_why : _("Only coordinators may change an indicator"));
  explain (self->remove_button, allowed & MEASURES_PERMISSION_EDIT_SHEET, _("Remove Indicator"),
           offline ? offline_why : _("Only coordinators may remove an indicator"));
  measures_indicator_view_set_can_report (self->indicator_view,
                                          (allowed & MEASURES_PERMISSION_REPORT_PROGRESS) != 0,
                                          offline ? offline_why : NULL);
}

/* Actions ------------------------------------------------------------------ */

static void
show_toast (MeasuresIndicatorsPage *self,
            const char             *title)
{
  AdwToast *toast = adw_toast_new (title);

  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo");
  measures_page_add_toast (MEASURES_PAGE (self), toast);
}

static void
editor_saved (MeasuresIndicatorsPage *self,
              gint64                  id,
              gboolean                created)
{
  MeasuresIndicator *indicator;
  g_autofree char *message = NULL;

  self->selected_id = id;
  reload (self);
  indicator = get_selected (self);
  if (indicator == NULL)
    return;

  message = g_strdup_printf (created ? _("Indicator “%s” added") : _("Indicator “%s” saved"),
                             measures_indicator_get_name (indicator));
  show_toast (self, message);
  measures_navigate_to (self->indicators_leaflet, self->detail_pane, self->back_button);
}

static void
open_editor (MeasuresIndicatorsPage *self,
             MeasuresIndicator      *indicator)
{
  MeasuresIndicatorEditor *editor;
  MeasuresIndicator *selected = get_selected (self);
  guint goal = selected ? goal_of (self, selected) : 1;

  editor = measures_indicator_editor_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                          self->context, self->goals, self->offices, indicator,
                                          goal);
  g_signal_connect_object (editor, "saved", G_CALLBACK (editor_saved), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (editor));
}

static void
new_action (GtkWidget  *widget,
            const char *action_name,
            GVariant   *parameter)
{
  open_editor (MEASURES_INDICATORS_PAGE (widget), NULL);
}

static void
edit_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  MeasuresIndicatorsPage *self = MEASURES_INDICATORS_PAGE (widget);
  MeasuresIndicator *indicator = get_selected (self);

  if (indicator != NULL)
    open_editor (self, indicator);
}

static void
remove_action (GtkWidget  *widget,
               const char *action_name,
               GVariant   *parameter)
{
  MeasuresIndicatorsPage *self = MEASURES_INDICATORS_PAGE (widget);
  g_autoptr(MeasuresIndicator) indicator = NULL;
  g_autofree char *author = measures_context_dup_author (self->context);
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;

  if (get_selected (self) == NULL)
    return;

  indicator = g_object_ref (get_selected (self));
  if (!measures_undo_stack_remove_indicator (measures_context_get_undo_stack (self->context),
                                             indicator, author, &error))
    {
      measures_page_show_error (MEASURES_PAGE (self), error);
      reload (self);
      return;
    }

  /* Translators: %s is the indicator's name */
  message = g_strdup_printf (_("Indicator “%s” removed"), measures_indicator_get_name (indicator));
  show_toast (self, message);
}

static void
record_value_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MeasuresIndicatorsPage *self = MEASURES_INDICATORS_PAGE (widget);
  /* Held: the write's signal reads the list anew. */
  g_autoptr(MeasuresIndicator) indicator = get_selected (self) ? g_object_ref (get_selected (self))
                                                               : NULL;
  g_autofree char *author = measures_context_dup_author (self->context);
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  const char *date, *note;
  double value;

  if (indicator == NULL)
    return;

  g_variant_get (parameter, "(&sd&s)", &date, &value, &note);
  if (!measures_undo_stack_add_indicator_value (measures_context_get_undo_stack (self->context),
                                                indicator, date, value, note, author, &error))
    {
      g_warning ("%s", error->message);
      /* Someone else recorded meanwhile: show theirs, keep ours in the
       * form to record again. */
      reload (self);
      measures_indicator_view_show_record_error (self->indicator_view, error->message);
      return;
    }

  measures_indicator_view_value_recorded (self->indicator_view);
  shown = measures_indicator_format_value (value, measures_indicator_get_unit (indicator));
  /* Translators: %s is the value recorded, with its unit */
  message = g_strdup_printf (_("Value %s recorded"), shown);
  show_toast (self, message);
}

static void
remove_value_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  MeasuresIndicatorsPage *self = MEASURES_INDICATORS_PAGE (widget);
  g_autoptr(MeasuresIndicator) indicator = get_selected (self) ? g_object_ref (get_selected (self))
                                                               : NULL;
  g_autoptr(GListModel) values = NULL;
  g_autoptr(MeasuresIndicatorValue) found = NULL;
  g_autofree char *author = measures_context_dup_author (self->context);
  g_autofree char *shown = NULL;
  g_autofree char *message = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = g_variant_get_int64 (parameter);

  if (indicator == NULL ||
      !(values = measures_store_list_indicator_values (self->store,
                                                       measures_indicator_get_id (indicator),
                                                       &error)))
    {
      if (error != NULL)
        measures_page_show_error (MEASURES_PAGE (self), error);
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (values) && found == NULL; i++)
    {
      g_autoptr(MeasuresIndicatorValue) value = g_list_model_get_item (values, i);

      if (measures_indicator_value_get_id (value) == id)
        found = g_steal_pointer (&value);
    }
  if (found == NULL)
    return;

  if (!measures_undo_stack_remove_indicator_value (measures_context_get_undo_stack (self->context),
                                                   indicator, found, author, &error))
    {
      measures_page_show_error (MEASURES_PAGE (self), error);
      reload (self);
      return;
    }

  shown = measures_indicator_format_value (measures_indicator_value_get_value (found),
                                           measures_indicator_get_unit (indicator));
  /* Translators: %s is the value removed, with its unit */
  message = g_strdup_printf (_("Value %s removed"), shown);
  show_toast (self, message);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MeasuresIndicatorsPage *self = MEASURES_INDICATORS_PAGE (widget);

  adw_leaflet_set_visible_child (self->indicators_leaflet, self->list_pane);
}

/* MeasuresPage ----------------------------------------------------------- */

static void
measures_indicators_page_warm_up (MeasuresPage *page)
{
  MeasuresIndicatorsPage *self = MEASURES_INDICATORS_PAGE (page);

  if (self->warm)
    return;

  self->warm = TRUE;
  self->stale = TRUE;
}

static void
measures_indicators_page_shown (MeasuresPage *page)
{
  MeasuresIndicatorsPage *self = MEASURES_INDICATORS_PAGE (page);

  measures_indicators_page_warm_up (page);
  if (self->stale)
    reload (self);
  else
    update_actions (self);
}

static void
measures_indicators_page_save_state (MeasuresPage *page,
                                     GVariantDict *state)
{
  MeasuresIndicatorsPage *self = MEASURES_INDICATORS_PAGE (page);

  if (self->selected_id != 0)
    g_variant_dict_insert (state, "indicator-id", "x", self->selected_id);
}

static void
measures_indicators_page_restore_state (MeasuresPage *page,
                                        GVariantDict *state)
{
  MeasuresIndicatorsPage *self = MEASURES_INDICATORS_PAGE (page);
  gint64 id;

  if (g_variant_dict_lookup (state, "indicator-id", "x", &id))
    measures_indicators_page_select_indicator (self, id);
}

static void
measures_indicators_page_page_init (MeasuresPageInterface *iface)
{
  iface->warm_up = measures_indicators_page_warm_up;
  iface->shown = measures_indicators_page_shown;
  iface->save_state = measures_indicators_page_save_state;
  iface->restore_state = measures_indicators_page_restore_state;
}

/* GObject ---------------------------------------------------------------- */

static void
measures_indicators_page_dispose (GObject *object)
{
  MeasuresIndicatorsPage *self = MEASURES_INDICATORS_PAGE (object);

  /* The list unselects its rows as it goes: nothing to show any more. */
  if (self->indicator_list != NULL)
    g_signal_handlers_disconnect_by_data (self->indicator_list, self);
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_INDICATORS_PAGE);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_clear_pointer (&self->measures, g_hash_table_unref);
  g_clear_object (&self->goals);
  g_clear_object (&self->offices);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (measures_indicators_page_parent_class)->dispose (object);
}

static void
measures_indicators_page_class_init (MeasuresIndicatorsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_indicators_page_dispose;

  g_type_ensure (MEASURES_TYPE_INDICATOR_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/indicators/measures-indicators-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, MeasuresIndicatorsPage, name)
  CHILD (page_stack);
  CHILD (indicators_leaflet);
  CHILD (list_pane);
  CHILD (indicator_list);
  CHILD (detail_pane);
  CHILD (back_button);
  CHILD (edit_button);
  CHILD (remove_button);
  CHILD (new_button);
  CHILD (empty_add_button);
  CHILD (indicator_view);
#undef CHILD
  gtk_widget_class_bind_template_callback (widget_class, row_selected);
  gtk_widget_class_bind_template_callback (widget_class, row_activated);

  gtk_widget_class_install_action (widget_class, "indicators.new", NULL, new_action);
  gtk_widget_class_install_action (widget_class, "indicators.edit", NULL, edit_action);
  gtk_widget_class_install_action (widget_class, "indicators.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "indicators.record-value", "(sds)",
                                   record_value_action);
  gtk_widget_class_install_action (widget_class, "indicators.remove-value", "x",
                                   remove_value_action);
  gtk_widget_class_install_action (widget_class, "indicators.show-list", NULL, show_list_action);
}

static void
measures_indicators_page_init (MeasuresIndicatorsPage *self)
{
  self->indicators = g_ptr_array_new_with_free_func (g_object_unref);
  self->measures = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_object_unref);

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_box_set_header_func (self->indicator_list, update_header, self, NULL);
}

/**
 * measures_indicators_page_load:
 * @context: the open strategy
 * @goals: the strategy's goals, for the list's headings and the editor
 * @offices: the strategy's offices, for the editor
 *
 * Shows the strategy's indicators, and keeps them in step with the store.
 */
void
measures_indicators_page_load (MeasuresIndicatorsPage *self,
                               MeasuresContext        *context,
                               GListModel             *goals,
                               GListModel             *offices)
{
  g_return_if_fail (MEASURES_IS_INDICATORS_PAGE (self));
  g_return_if_fail (MEASURES_IS_CONTEXT (context));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->store = g_object_ref (measures_context_get_store (context));
  self->goals = g_object_ref (goals);
  self->offices = g_object_ref (offices);
  measures_indicator_view_set_store (self->indicator_view, self->store);
  g_signal_connect_object (self->store, "indicator-changed", G_CALLBACK (indicator_changed),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "notify::connection", G_CALLBACK (update_actions),
                           self, G_CONNECT_SWAPPED);
  self->stale = TRUE;
  update_actions (self);
}

/**
 * measures_indicators_page_select_indicator:
 * @indicator_id: an indicator's id
 *
 * Selects the indicator and shows it.
 *
 * Returns: whether the list holds it
 */
gboolean
measures_indicators_page_select_indicator (MeasuresIndicatorsPage *self,
                                           gint64                  indicator_id)
{
  g_return_val_if_fail (MEASURES_IS_INDICATORS_PAGE (self), FALSE);

  self->selected_id = indicator_id;
  if (self->stale)
    reload (self);
  if (self->stale)
    return TRUE;         /* shown when the page comes into view */

  for (guint i = 0; i < self->indicators->len; i++)
    if (measures_indicator_get_id (g_ptr_array_index (self->indicators, i)) == indicator_id)
      {
        gtk_list_box_select_row (self->indicator_list,
                                 gtk_list_box_get_row_at_index (self->indicator_list, i));
        return TRUE;
      }

  return FALSE;
}

/**
 * measures_indicators_page_get_selected_id:
 *
 * Returns: the selected indicator's id, or 0
 */
gint64
measures_indicators_page_get_selected_id (MeasuresIndicatorsPage *self)
{
  g_return_val_if_fail (MEASURES_IS_INDICATORS_PAGE (self), 0);

  return self->selected_id;
}
