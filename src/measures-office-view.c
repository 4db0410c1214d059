/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-office-view"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-measure.h"
#include "measures-office-view.h"

/**
 * MeasuresOfficeView:
 *
 * An office's full name, the measures it leads and those it takes part in.
 */
struct _MeasuresOfficeView
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkStack *stack;
  GtkLabel *abbreviation_label;
  GtkLabel *name_label;
  GtkLabel *summary_label;
  GtkProgressBar *progress_bar;
  GtkLabel *lead_heading;
  GtkListBox *lead_list;
  GtkLabel *involved_heading;
  GtkListBox *involved_list;
};

G_DEFINE_FINAL_TYPE (MeasuresOfficeView, measures_office_view, ADW_TYPE_BIN)

enum {
  MEASURE_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
measure_row_activated (MeasuresOfficeView *self,
                       GtkListBoxRow      *row)
{
  MeasuresMeasure *measure = g_object_get_data (G_OBJECT (row), "measure");

  if (measure != NULL)
    g_signal_emit (self, signals[MEASURE_ACTIVATED], 0, measure);
}

static GtkWidget *
create_measure_row (gpointer item,
                    gpointer user_data)
{
  MeasuresMeasure *measure = item;
  g_autofree char *subtitle = NULL;
  GtkWidget *row;

  /* Translators: under a measure's title: "Goal 2 · Priority: High" */
  subtitle = g_strdup_printf (_("Goal %u · Priority: %s"), measures_measure_get_goal (measure),
                              measures_priority_get_label (measures_measure_get_priority (measure)));

  row = adw_action_row_new ();
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), measures_measure_get_title (measure));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "measure", g_object_ref (measure), g_object_unref);

  return row;
}

static GtkWidget *
create_empty_label (const char *text)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_bottom (label, 12);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);

  return label;
}

typedef struct
{
  char *abbreviation;
  MeasuresRole role;
} OfficeFilter;

static void
office_filter_free (OfficeFilter *filter)
{
  g_free (filter->abbreviation);
  g_free (filter);
}

static gboolean
office_filter_match (gpointer item,
                     gpointer user_data)
{
  OfficeFilter *filter = user_data;

  return measures_measure_has_office (item, filter->abbreviation, filter->role);
}

static GListModel *
bind_measures (GtkListBox     *list,
               GListModel     *measures,
               MeasuresOffice *office,
               MeasuresRole    role)
{
  GtkFilterListModel *model = NULL;
  OfficeFilter *filter = g_new0 (OfficeFilter, 1);

  filter->abbreviation = g_strdup (measures_office_get_abbreviation (office));
  filter->role = role;
  model = gtk_filter_list_model_new (g_object_ref (measures),
                                     GTK_FILTER (gtk_custom_filter_new (office_filter_match, filter,
                                                                        (GDestroyNotify)office_filter_free)));
  gtk_list_box_bind_model (list, G_LIST_MODEL (model), create_measure_row, NULL, NULL);

  return G_LIST_MODEL (model);
}

static void
measures_office_view_dispose (GObject *object)
{
  /* AdwBin unparents its child itself; let it do so before the template
   * drops its references. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_OFFICE_VIEW);

  G_OBJECT_CLASS (measures_office_view_parent_class)->dispose (object);
}

static void
measures_office_view_class_init (MeasuresOfficeViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_office_view_dispose;

  /**
   * MeasuresOfficeView::measure-activated:
   * @self: the view
   * @measure: the #MeasuresMeasure
   *
   * Emitted when the user opens one of the office's measures.
   */
  signals[MEASURE_ACTIVATED] =
    g_signal_new ("measure-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, MEASURES_TYPE_MEASURE);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/measures-office-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, stack);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, abbreviation_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, name_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, summary_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, progress_bar);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, lead_heading);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, lead_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, involved_heading);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, involved_list);
  gtk_widget_class_bind_template_callback (widget_class, measure_row_activated);
}

static void
measures_office_view_init (MeasuresOfficeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  gtk_list_box_set_placeholder (self->lead_list,
                                create_empty_label (_("This office leads no measure.")));
  gtk_list_box_set_placeholder (self->involved_list,
                                create_empty_label (_("This office takes part in no measure.")));
}

/**
 * measures_office_view_set_office:
 * @office: (nullable): the office to show, or %NULL for the empty state
 * @measures: all measures, a list of #MeasuresMeasure
 */
void
measures_office_view_set_office (MeasuresOfficeView *self,
                                 MeasuresOffice     *office,
                                 GListModel         *measures)
{
  g_autofree char *lead = NULL;
  g_autofree char *involved = NULL;
  g_autofree char *summary = NULL;
  g_autofree char *progress_text = NULL;
  g_autoptr(GListModel) led = NULL;
  g_autoptr(GListModel) involved_model = NULL;
  double progress;
  guint n_lead, n_involved;

  g_return_if_fail (MEASURES_IS_OFFICE_VIEW (self));
  g_return_if_fail (!office || MEASURES_IS_OFFICE (office));
  g_return_if_fail (G_IS_LIST_MODEL (measures));

  gtk_stack_set_visible_child_name (self->stack, office ? "office" : "empty");
  if (office == NULL)
    {
      gtk_list_box_bind_model (self->lead_list, NULL, NULL, NULL, NULL);
      gtk_list_box_bind_model (self->involved_list, NULL, NULL, NULL, NULL);
      return;
    }

  gtk_label_set_text (self->abbreviation_label, measures_office_get_abbreviation (office));
  gtk_label_set_text (self->name_label, measures_office_get_name (office));
  gtk_widget_set_visible (GTK_WIDGET (self->name_label),
                          g_strcmp0 (measures_office_get_name (office),
                                     measures_office_get_abbreviation (office)) != 0);

  n_lead = measures_office_get_n_lead (office);
  n_involved = measures_office_get_n_involved (office);
  lead = g_strdup_printf (ngettext ("Leads %u Measure", "Leads %u Measures", n_lead), n_lead);
  involved = g_strdup_printf (ngettext ("Takes Part in %u Measure", "Takes Part in %u Measures",
                                        n_involved), n_involved);
  gtk_label_set_text (self->lead_heading, lead);
  gtk_label_set_text (self->involved_heading, involved);

  led = bind_measures (self->lead_list, measures, office, MEASURES_ROLE_LEAD);
  involved_model = bind_measures (self->involved_list, measures, office, MEASURES_ROLE_INVOLVED);

  /* The office answers for the measures it leads. */
  summary = measures_measure_describe_statuses (led, &progress);
  gtk_label_set_text (self->summary_label, summary);
  gtk_widget_set_visible (GTK_WIDGET (self->summary_label), n_lead > 0);
  /* Translators: the average progress of the measures an office leads */
  progress_text = g_strdup_printf (_("Overall %.0f %%"), progress * 100);
  gtk_progress_bar_set_fraction (self->progress_bar, progress);
  gtk_progress_bar_set_text (self->progress_bar, progress_text);
  gtk_widget_set_visible (GTK_WIDGET (self->progress_bar), n_lead > 0);
}
