/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-dashboard-page"

#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "measures-dashboard-page-private.h"
#include "measures-format.h"
#include "measures-goal.h"
#include "measures-indicator.h"
#include "measures-office.h"

/* The dashboard's sections: where the measures stand, the progress over
 * time, the overdue reports by office, the indicators. */

/* How many overdue measures an office lists before "more", and how many
 * offices are listed, those with the most first: a strategy of thousands
 * would otherwise list thousands. Choosing an office lists all of its. */
#define OVERDUE_ROWS_PER_OFFICE 3
#define OVERDUE_OFFICES 10
#define OVERDUE_ROWS_OF_ONE_OFFICE 500

static void
remove_children (GtkWidget *parent)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (parent)) != NULL)
    {
      if (GTK_IS_BOX (parent))
        gtk_box_remove (GTK_BOX (parent), child);
      else if (GTK_IS_LIST_BOX (parent))
        gtk_list_box_remove (GTK_LIST_BOX (parent), child);
      else
        gtk_widget_unparent (child);
    }
}

static GtkWidget *
new_label (const char *text,
           const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  if (css_class != NULL)
    gtk_widget_add_css_class (label, css_class);
  return label;
}

static MeasuresOffice *
find_office (MeasuresDashboardPage *self,
             const char            *abbreviation)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->offices));

  for (guint i = 0; abbreviation != NULL && i < n; i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (G_LIST_MODEL (self->offices), i);

      if (g_str_equal (measures_office_get_abbreviation (office), abbreviation))
        return office;
    }

  return NULL;
}

/* "Amt für Umwelt- und Gesundheitsschutz (UA)", or the abbreviation alone
 * when it is the name. */
static char *
office_title (MeasuresDashboardPage *self,
              const char            *abbreviation)
{
  MeasuresOffice *office = find_office (self, abbreviation);

  if (abbreviation == NULL)
    /* Translators: the heading of the overdue measures no office leads */
    return g_strdup (_("No lead office"));
  if (office == NULL ||
      g_str_equal (measures_office_get_name (office), abbreviation))
    return g_strdup (abbreviation);

  /* Translators: an office's full name and its abbreviation */
  return g_strdup_printf (_("%1$s (%2$s)"), measures_office_get_name (office), abbreviation);
}

/* Charts and their tables ------------------------------------------------- */

/* Shows a slot's chart, or its table in place of it. */
static void
slot_update (MeasuresDashboardPage *self,
             GtkStack              *slot)
{
  GtkWidget *chart = gtk_stack_get_child_by_name (slot, "chart");
  GtkWidget *table = gtk_stack_get_child_by_name (slot, "table");

  if (table != NULL)
    gtk_stack_remove (slot, table);

  if (self->show_table)
    {
      gtk_stack_add_named (slot, measures_chart_view_new_table (MEASURES_CHART_VIEW (chart)),
                           "table");
      gtk_stack_set_visible_child_name (slot, "table");
    }
  else
    gtk_stack_set_visible_child_name (slot, "chart");
}

static GtkWidget *
slot_new (MeasuresDashboardPage *self,
          GtkWidget             *chart)
{
  GtkWidget *slot = gtk_stack_new ();

  gtk_stack_set_vhomogeneous (GTK_STACK (slot), FALSE);
  gtk_stack_add_named (GTK_STACK (slot), chart, "chart");
  g_ptr_array_add (self->slots, slot);
  slot_update (self, GTK_STACK (slot));
  return slot;
}

/* Shows every chart, or its table, as the page's show-table says. */
void
_measures_dashboard_page_show_tables (MeasuresDashboardPage *self)
{
  for (guint i = 0; i < self->slots->len; i++)
    slot_update (self, g_ptr_array_index (self->slots, i));
  for (guint i = 0; i < self->sparklines->len; i++)
    gtk_widget_set_visible (g_ptr_array_index (self->sparklines, i), !self->show_table);
}

/* Where the measures stand ------------------------------------------------ */

static char *
describe_progress (const MeasuresStatistics *statistics)
{
  guint n = measures_statistics_get_n_measures (statistics);
  g_autofree char *count = measures_format_number (n);
  g_autofree char *mean = NULL;

  if (n == 0)
    return g_strdup (_("No measures"));

  mean = measures_format_decimal (round (100 * measures_statistics_get_mean_progress (statistics)),
                                  0);
  /* Translators: under a status chart, e.g. "12 measures · 35 % progress
   * on average" */
  return g_strdup_printf (ngettext ("%1$s measure · %2$s %% progress on average",
                                    "%1$s measures · %2$s %% progress on average", n),
                          count, mean);
}

static GtkWidget *
new_status (MeasuresDashboardPage    *self,
            const char               *title,
            const char               *subtitle,
            const MeasuresStatistics *statistics)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *chart = measures_chart_view_new ();
  g_autofree char *progress = describe_progress (statistics);
  GtkWidget *label;

  gtk_box_append (GTK_BOX (box), new_label (title, "heading"));
  if (subtitle != NULL)
    {
      /* Wrapped at the width it gets, not asking for a line's worth:
       * two goals fit side by side. */
      label = new_label (subtitle, NULL);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
      gtk_box_append (GTK_BOX (box), label);
    }
  label = new_label (progress, "dim-label");
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_box_append (GTK_BOX (box), label);
  measures_chart_view_set_status_bar (MEASURES_CHART_VIEW (chart), title, statistics->counts);
  gtk_box_append (GTK_BOX (box), slot_new (self, chart));
  return box;
}

static char *
scope_title (MeasuresDashboardPage *self)
{
  g_autofree char *office = self->office ? office_title (self, self->office) : NULL;

  if (self->goal != 0 && office != NULL)
    /* Translators: a goal's measures that an office leads, e.g. "Goal 2 ·
     * Kulturamt (KA)" */
    return g_strdup_printf (_("Goal %1$u · %2$s"), self->goal, office);
  if (self->goal != 0)
    return g_strdup_printf (_("Goal %u"), self->goal);
  if (office != NULL)
    return g_steal_pointer (&office);
  /* Translators: the status chart of all measures */
  return g_strdup (_("Whole Strategy"));
}

gboolean
_measures_dashboard_page_show_status (MeasuresDashboardPage     *self,
                                      const MeasuresMonitoring  *monitoring,
                                      GError                   **error)
{
  g_autofree char *title = scope_title (self);
  g_autoptr(GArray) summaries = NULL;
  guint n_goals = g_list_model_get_n_items (self->goals);
  g_autofree MeasuresStatistics *by_goal = NULL;
  GtkWidget *goals;
  guint max_goal = 0;

  remove_children (GTK_WIDGET (self->status_box));
  gtk_box_append (self->status_box, new_status (self, title, NULL, &monitoring->statistics));
  if (self->goal != 0)
    return TRUE;

  /* Each goal's, from the same few bytes a measure. */
  if (!measures_store_list_summaries (self->store, self->office,
                                      self->office != NULL ? MEASURES_ROLE_LEAD : -1, 0,
                                      &summaries, error))
    return FALSE;

  for (guint i = 0; i < n_goals; i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (self->goals, i);

      max_goal = MAX (max_goal, measures_goal_get_number (goal));
    }
  by_goal = g_new0 (MeasuresStatistics, max_goal + 1);
  for (guint i = 0; i < summaries->len; i++)
    {
      const MeasuresSummary *summary = &g_array_index (summaries, MeasuresSummary, i);

      if (summary->goal > max_goal)
        continue;
      by_goal[summary->goal].counts[summary->status]++;
      by_goal[summary->goal].progress_sum += summary->progress;
    }

  /* The goals side by side where there is room, one under the other on a
   * narrow screen. */
  goals = gtk_flow_box_new ();
  gtk_widget_add_css_class (goals, "status-goals");
  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (goals), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (goals), FALSE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (goals), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (goals), 2);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (goals), 24);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (goals), 18);
  for (guint i = 0; i < n_goals; i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (self->goals, i);
      guint number = measures_goal_get_number (goal);
      g_autofree char *goal_title = g_strdup_printf (_("Goal %u"), number);
      GtkWidget *status = new_status (self, goal_title, measures_goal_get_title (goal),
                                      &by_goal[number]);

      /* Two charts side by side want 280 pixels each. */
      gtk_widget_set_size_request (status, 280, -1);
      gtk_flow_box_append (GTK_FLOW_BOX (goals), status);
      gtk_widget_set_focusable (gtk_widget_get_parent (status), FALSE);
    }
  gtk_box_append (self->status_box, goals);

  return TRUE;
}

/* Progress over time ------------------------------------------------------ */

void
_measures_dashboard_page_show_progress (MeasuresDashboardPage    *self,
                                        const MeasuresMonitoring *monitoring)
{
  MeasuresChartSeries series = {
    /* Translators: the line chart of the measures' progress over time */
    .title = _("Mean progress"),
    .unit = "%",
    .points = (const MeasuresPoint *)monitoring->progress->data,
    .n_points = monitoring->progress->len,
    .minimum = 0,
    .maximum = 100,
    .decimals = 0,
  };

  measures_chart_view_set_series (self->progress_chart, MEASURES_CHART_KIND_LINE, &series);
  slot_update (self, self->progress_slot);
}

/* Overdue reports --------------------------------------------------------- */

static char *
describe_last_report (const MeasuresOverdueMeasure *measure)
{
  guint months;

  if (measure->days_since < 0)
    /* Translators: an overdue measure that was never reported on */
    return g_strdup (_("Never reported"));

  months = (guint)(measure->days_since / 30.44);
  if (months >= 24)
    /* Translators: when an overdue measure was last reported on */
    return g_strdup_printf (ngettext ("Last report %u year ago", "Last report %u years ago",
                                      months / 12), months / 12);

  /* Translators: when an overdue measure was last reported on */
  return g_strdup_printf (ngettext ("Last report %u month ago", "Last report %u months ago",
                                    months), months);
}

/* A row that leads somewhere: a title and, smaller, what to know of it.
 * Two labels that do not wrap, not an AdwActionRow's dozen widgets: the
 * rows are made and measured for the page's first frame, and wrapped
 * text is what costs most there. A title too long for the row ends in
 * "…" and is whole in the tooltip and for assistive technology. */
static GtkWidget *
new_link_row (const char *title,
              const char *subtitle,
              const char *action,
              GVariant   *target)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (texts), label);
  if (subtitle != NULL)
    {
      label = gtk_label_new (subtitle);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "caption");
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (texts), label);
    }
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_widget_set_valign (texts, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_widget_add_css_class (box, "link-row");
  gtk_widget_set_tooltip_text (row, title);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), action != NULL);
  if (action != NULL)
    {
      gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), action);
      gtk_actionable_set_action_target_value (GTK_ACTIONABLE (row), target);
    }

  return row;
}

static GtkWidget *
new_overdue_row (MeasuresOverdueMeasure *overdue,
                 MeasuresMeasure        *measure)
{
  g_autofree char *title = NULL;
  g_autofree char *subtitle = describe_last_report (overdue);

  /* Translators: a measure by its goal's number, its place in the goal and
   * its title, e.g. "2.4 Europatag" */
  title = g_strdup_printf (_("%1$u.%2$u %3$s"), overdue->goal, overdue->position,
                           measure ? measures_measure_get_title (measure) : "");
  /* One click opens its sheet. */
  return new_link_row (title, subtitle, "win.show-measure",
                       g_variant_new_int64 (overdue->measure_id));
}

static int
compare_overdue_counts (gconstpointer a,
                        gconstpointer b)
{
  const MeasuresOverdueOffice *first = *(MeasuresOverdueOffice * const *)a;
  const MeasuresOverdueOffice *second = *(MeasuresOverdueOffice * const *)b;

  /* The measures nobody leads stay last, as they come. */
  if (first->office == NULL || second->office == NULL)
    return (first->office == NULL) - (second->office == NULL);
  return (first->measures->len < second->measures->len) -
         (first->measures->len > second->measures->len);
}

gboolean
_measures_dashboard_page_show_overdue (MeasuresDashboardPage     *self,
                                       GPtrArray                 *overdue,
                                       guint                      interval,
                                       GError                   **error)
{
  guint limit = self->office != NULL ? OVERDUE_ROWS_OF_ONE_OFFICE : OVERDUE_ROWS_PER_OFFICE;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GHashTable) distinct = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GHashTable) by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_autoptr(GPtrArray) measures = NULL;
  g_autofree char *months = NULL;
  g_autofree char *count = NULL;
  g_autofree char *text = NULL;
  guint n;

  guint n_offices = self->office != NULL ? overdue->len : MIN (overdue->len, OVERDUE_OFFICES);

  remove_children (GTK_WIDGET (self->overdue_box));

  /* The offices with the most first (a stable sort keeps those with as
   * many by abbreviation); the titles of the rows shown read at once. */
  g_ptr_array_sort (overdue, compare_overdue_counts);
  for (guint i = 0; i < overdue->len; i++)
    {
      MeasuresOverdueOffice *group = g_ptr_array_index (overdue, i);

      for (guint j = 0; j < group->measures->len; j++)
        {
          MeasuresOverdueMeasure *measure = &g_array_index (group->measures,
                                                            MeasuresOverdueMeasure, j);

          g_hash_table_add (distinct, &measure->measure_id);
          if (j < limit && i < n_offices)
            g_array_append_val (ids, measure->measure_id);
        }
    }
  if (ids->len > 0 &&
      !(measures = measures_store_load_measures (self->store, (const gint64 *)ids->data, ids->len,
                                                 error)))
    return FALSE;
  for (guint i = 0; measures && i < measures->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (measures, i);
      gint64 *id = g_new (gint64, 1);

      *id = measures_measure_get_id (measure);
      g_hash_table_insert (by_id, id, measure);
    }

  n = g_hash_table_size (distinct);
  /* Translators: the reporting interval, as in "within the last 6 months" */
  months = g_strdup_printf (ngettext ("%u month", "%u months", interval), interval);
  count = measures_format_number (n);
  if (n == 0)
    /* Translators: %s is the reporting interval, e.g. "6 months" */
    text = g_strdup_printf (_("All reports are up to date: every measure under way was "
                              "reported on within the last %s."), months);
  else
    /* Translators: %2$s is the reporting interval, e.g. "6 months" */
    text = g_strdup_printf (ngettext ("%1$s measure has no progress report within the last %2$s.",
                                      "%1$s measures have no progress report within the last %2$s.",
                                      n),
                            count, months);
  gtk_label_set_text (self->overdue_label, text);
  if (n == 0)
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_label), "dim-label");
      gtk_widget_add_css_class (GTK_WIDGET (self->overdue_label), "success");
    }
  else
    {
      gtk_widget_remove_css_class (GTK_WIDGET (self->overdue_label), "success");
      gtk_widget_add_css_class (GTK_WIDGET (self->overdue_label), "dim-label");
    }

  for (guint i = 0; i < n_offices; i++)
    {
      MeasuresOverdueOffice *group = g_ptr_array_index (overdue, i);
      g_autofree char *heading = office_title (self, group->office);
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
      GtkWidget *list = gtk_list_box_new ();

      gtk_list_box_set_selection_mode (GTK_LIST_BOX (list), GTK_SELECTION_NONE);
      gtk_widget_add_css_class (list, "boxed-list");
      gtk_accessible_update_property (GTK_ACCESSIBLE (list), GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                      -1);
      gtk_box_append (GTK_BOX (box), new_label (heading, "heading"));

      for (guint j = 0; j < group->measures->len && j < limit; j++)
        {
          MeasuresOverdueMeasure *measure = &g_array_index (group->measures,
                                                            MeasuresOverdueMeasure, j);

          gtk_list_box_append (GTK_LIST_BOX (list),
                               new_overdue_row (measure,
                                                g_hash_table_lookup (by_id, &measure->measure_id)));
        }

      if (group->measures->len > limit)
        {
          guint more = group->measures->len - limit;
          g_autofree char *number = measures_format_number (more);
          g_autofree char *title = NULL;

          /* Translators: the last row of an office's overdue measures */
          title = g_strdup_printf (ngettext ("%s more overdue measure", "%s more overdue measures",
                                             more), number);
          gtk_list_box_append (GTK_LIST_BOX (list),
                               group->office != NULL
                               ? new_link_row (title, _("Show all measures this office leads"),
                                               "win.show-office-measures",
                                               g_variant_new ("(si)", group->office,
                                                              MEASURES_ROLE_LEAD))
                               : new_link_row (title, NULL, NULL, NULL));
        }

      gtk_box_append (GTK_BOX (box), list);
      gtk_box_append (self->overdue_box, box);
    }

  if (n_offices < overdue->len)
    {
      guint more = overdue->len - n_offices;
      g_autofree char *number = measures_format_number (more);
      g_autofree char *rest = NULL;

      /* Translators: below the offices with the most overdue reports */
      rest = g_strdup_printf (ngettext ("%s more office has overdue reports: choose it above "
                                        "to see them.",
                                        "%s more offices have overdue reports: choose one above "
                                        "to see them.", more), number);
      gtk_box_append (self->overdue_box, new_label (rest, "dim-label"));
    }

  return TRUE;
}

/* Indicators -------------------------------------------------------------- */

/* Whether the window offers to open an indicator: the Indicators page
 * installs "win.show-indicator" when it is there. */
static gboolean
can_show_indicators (MeasuresDashboardPage *self)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (GTK_WIDGET (self)));
  const GVariantType *parameter_type;
  const char *property;
  const char *name;
  GType owner;

  if (window == NULL)
    return FALSE;

  /* GTK 4.8 writes every result: none may be NULL. */
  for (guint i = 0;
       gtk_widget_class_query_action (GTK_WIDGET_GET_CLASS (window), i, &owner, &name,
                                      &parameter_type, &property);
       i++)
    if (g_str_equal (name, "win.show-indicator"))
      return TRUE;

  return G_IS_ACTION_MAP (window) &&
         g_action_map_lookup_action (G_ACTION_MAP (window), "show-indicator") != NULL;
}

/* An indicator belongs to what the page shows when it is attached to one
 * of the measures shown, or to the goal shown and is the office's. */
static gboolean
indicator_in_scope (MeasuresDashboardPage *self,
                    MeasuresIndicator     *indicator,
                    GHashTable            *measure_ids)
{
  gint64 measure_id = measures_indicator_get_measure_id (indicator);

  if (self->goal == 0 && self->office == NULL)
    return TRUE;
  if (measure_id != 0)
    return g_hash_table_contains (measure_ids, &measure_id);

  return (self->goal == 0 || measures_indicator_get_goal (indicator) == self->goal) &&
         (self->office == NULL ||
          g_strcmp0 (measures_indicator_get_office (indicator), self->office) == 0);
}

static const char *
rating_css_class (MeasuresIndicatorRating rating)
{
  switch (rating)
    {
    case MEASURES_RATING_ON_TRACK:
      return "on-track";
    case MEASURES_RATING_BEHIND:
      return "behind";
    case MEASURES_RATING_REACHED:
      return "reached";
    case MEASURES_RATING_NO_DATA:
    case MEASURES_RATING_NO_TARGET:
    default:
      return "no-data";
    }
}

/* As many decimals as the figures have, at most two: "12.25", "15". */
static guint
decimals_of (double value)
{
  for (guint decimals = 0; decimals < 2; decimals++)
    {
      double scaled = value * pow (10, decimals);

      if (fabs (scaled - round (scaled)) < 1e-6)
        return decimals;
    }

  return 2;
}

static GtkWidget *
new_indicator_row (MeasuresDashboardPage *self,
                   MeasuresIndicator     *indicator,
                   GListModel            *values,
                   gboolean               activatable)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sparkline = measures_chart_view_new ();
  GtkWidget *rating_label;
  g_autoptr(GArray) points = g_array_new (FALSE, FALSE, sizeof (MeasuresPoint));
  g_autoptr(GArray) targets = g_array_new (FALSE, FALSE, sizeof (MeasuresPoint));
  MeasuresPoint baseline = {
    .day = measures_indicator_get_baseline_date (indicator)
           ? measures_day_from_iso8601 (measures_indicator_get_baseline_date (indicator)) : 0,
    .value = measures_indicator_get_baseline_value (indicator),
  };
  gboolean lower_is_better =
    measures_indicator_get_direction (indicator) == MEASURES_DIRECTION_DOWN;
  const char *unit = measures_indicator_get_unit (indicator);
  MeasuresIndicatorEvaluation evaluation;
  g_autofree char *name = g_markup_escape_text (measures_indicator_get_name (indicator), -1);
  g_autofree char *subtitle = NULL;
  MeasuresChartSeries series;
  guint decimals;

  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(MeasuresIndicatorValue) value = g_list_model_get_item (values, i);
      MeasuresPoint point = {
        .day = measures_day_from_iso8601 (measures_indicator_value_get_date (value)),
        .value = measures_indicator_value_get_value (value),
      };

      if (point.day != 0)
        g_array_append_val (points, point);
    }
  for (guint i = 0; i < measures_indicator_get_n_targets (indicator); i++)
    {
      const MeasuresIndicatorTarget *target = measures_indicator_get_target (indicator, i);
      MeasuresPoint point = { measures_day_from_iso8601 (target->date), target->value };

      if (point.day != 0)
        g_array_append_val (targets, point);
    }

  decimals = decimals_of (baseline.value);
  for (guint i = 0; i < points->len; i++)
    decimals = MAX (decimals, decimals_of (g_array_index (points, MeasuresPoint, i).value));
  for (guint i = 0; i < targets->len; i++)
    decimals = MAX (decimals, decimals_of (g_array_index (targets, MeasuresPoint, i).value));

  measures_statistics_evaluate_indicator (&baseline, (const MeasuresPoint *)targets->data,
                                          targets->len, lower_is_better,
                                          (const MeasuresPoint *)points->data, points->len,
                                          &evaluation);

  series = (MeasuresChartSeries) {
    .title = measures_indicator_get_name (indicator),
    .unit = unit,
    .points = (const MeasuresPoint *)points->data,
    .n_points = points->len,
    .baseline = baseline.day != 0 ? &baseline : NULL,
    .targets = (const MeasuresPoint *)targets->data,
    .n_targets = targets->len,
    .lower_is_better = lower_is_better,
    .decimals = decimals,
  };
  measures_chart_view_set_series (MEASURES_CHART_VIEW (sparkline), MEASURES_CHART_KIND_SPARKLINE,
                                  &series);
  gtk_widget_set_size_request (sparkline, 96, -1);
  gtk_widget_set_valign (sparkline, GTK_ALIGN_CENTER);
  /* Without values the rating says "No data" already. */
  gtk_widget_set_visible (sparkline, !self->show_table && points->len > 0);
  if (points->len > 0)
    g_ptr_array_add (self->sparklines, sparkline);

  if (evaluation.latest.day != 0)
    {
      g_autofree char *number = measures_format_decimal (evaluation.latest.value, decimals);
      g_autofree char *value = NULL;
      g_autofree char *when = NULL;
      guint year, month;

      measures_day_get_ymd (evaluation.latest.day, &year, &month, NULL);
      when = measures_format_month (year, month);
      value = unit != NULL && unit[0] != '\0'
              ? g_strdup_printf (C_("value and unit", "%1$s %2$s"), number, unit)
              : g_steal_pointer (&number);
      /* Translators: an indicator's latest value and its month, e.g.
       * "1,234 t CO₂ in March 2026" */
      subtitle = g_strdup_printf (_("%1$s in %2$s"), value, when);
    }
  else
    subtitle = g_strdup (_("No value recorded yet"));

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), name);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sparkline);

  /* The rating in words; the colour only repeats them. */
  rating_label = gtk_label_new (measures_indicator_rating_get_label (evaluation.rating));
  gtk_widget_set_valign (rating_label, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (rating_label, "rating");
  gtk_widget_add_css_class (rating_label, rating_css_class (evaluation.rating));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), rating_label);

  if (activatable)
    {
      gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
      gtk_actionable_set_action_name (GTK_ACTIONABLE (row), "win.show-indicator");
      gtk_actionable_set_action_target_value (
        GTK_ACTIONABLE (row), g_variant_new_int64 (measures_indicator_get_id (indicator)));
      adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("go-next-symbolic"));
    }

  return row;
}

gboolean
_measures_dashboard_page_show_indicators (MeasuresDashboardPage  *self,
                                          GError                **error)
{
  g_autoptr(GListModel) indicators = NULL;
  g_autoptr(GHashTable) measure_ids = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) summaries = NULL;
  gboolean activatable = can_show_indicators (self);
  guint shown = 0;

  remove_children (GTK_WIDGET (self->indicator_list));
  g_ptr_array_set_size (self->sparklines, 0);

  if (!(indicators = measures_store_list_indicators (self->store, error)))
    return FALSE;

  if (g_list_model_get_n_items (indicators) > 0 && (self->goal != 0 || self->office != NULL))
    {
      if (!measures_store_list_summaries (self->store, self->office,
                                          self->office != NULL ? MEASURES_ROLE_LEAD : -1, 0,
                                          &summaries, error))
        return FALSE;
      for (guint i = 0; i < summaries->len; i++)
        {
          MeasuresSummary *summary = &g_array_index (summaries, MeasuresSummary, i);

          if (self->goal == 0 || summary->goal == self->goal)
            g_hash_table_add (measure_ids, &summary->id);
        }
    }

  for (guint i = 0; i < g_list_model_get_n_items (indicators); i++)
    {
      g_autoptr(MeasuresIndicator) indicator = g_list_model_get_item (indicators, i);
      g_autoptr(GListModel) values = NULL;

      if (!indicator_in_scope (self, indicator, measure_ids))
        continue;
      if (!(values = measures_store_list_indicator_values (self->store,
                                                           measures_indicator_get_id (indicator),
                                                           error)))
        return FALSE;

      gtk_list_box_append (self->indicator_list,
                           new_indicator_row (self, indicator, values, activatable));
      shown++;
    }

  gtk_widget_set_visible (GTK_WIDGET (self->indicator_list), shown > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->indicator_empty), shown == 0);
  return TRUE;
}

/* Computing --------------------------------------------------------------- */
