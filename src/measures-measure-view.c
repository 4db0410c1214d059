/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measure-view"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-measure-view.h"

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

  /* Template widgets */
  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkLabel *goal_label;
  GtkLabel *title_label;
  GtkLabel *description_label;
  GtkBox *objectives_box;
  GtkLabel *lead_label;
  GtkLabel *actors_label;
  GtkLabel *priority_label;
  GtkLabel *period_label;
  GtkLabel *costs_label;
  GtkLabel *offices_label;
  GtkLabel *overview_label;
};

G_DEFINE_FINAL_TYPE (MeasuresMeasureView, measures_measure_view, ADW_TYPE_BIN)

enum {
  PROP_0,
  PROP_MEASURE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

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

static void
show_links (MeasuresMeasureView *self)
{
  g_autofree char *lead = NULL;
  g_autofree char *involved = NULL;
  g_autofree char *text = NULL;

  lead = g_strjoinv (", ", (GStrv)measures_measure_get_lead_offices (self->measure));
  involved = g_strjoinv (", ", (GStrv)measures_measure_get_involved_offices (self->measure));

  /* Translators: the offices of the directory that a measure is linked to;
   * %s are comma-separated abbreviations */
  text = g_strdup_printf (_("Office directory — lead: %s; involved: %s"),
                          lead[0] ? lead : C_("no offices", "none"),
                          involved[0] ? involved : C_("no offices", "none"));
  gtk_label_set_text (self->offices_label, text);
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

static void
measures_measure_view_dispose (GObject *object)
{
  MeasuresMeasureView *self = (MeasuresMeasureView *)object;

  /* AdwBin unparents its child itself; let it do so before the template
   * drops its references. */
  adw_bin_set_child (ADW_BIN (self), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_MEASURE_VIEW);
  g_clear_object (&self->measure);

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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/measures-measure-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, stack);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, scroller);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, goal_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, title_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, description_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, objectives_box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, lead_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, actors_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, priority_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, period_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, costs_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, offices_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresMeasureView, overview_label);
}

static void
measures_measure_view_init (MeasuresMeasureView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
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
 */
void
measures_measure_view_set_measure (MeasuresMeasureView *self,
                                   MeasuresMeasure     *measure,
                                   MeasuresGoal        *goal)
{
  const char * const *objectives;
  GtkAdjustment *vadjustment;

  g_return_if_fail (MEASURES_IS_MEASURE_VIEW (self));
  g_return_if_fail (!measure || MEASURES_IS_MEASURE (measure));
  g_return_if_fail (!goal || MEASURES_IS_GOAL (goal));

  if (!g_set_object (&self->measure, measure))
    return;

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

      /* A new sheet starts at its top. */
      vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
      gtk_adjustment_set_value (vadjustment, gtk_adjustment_get_lower (vadjustment));
    }

  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MEASURE]);
}
