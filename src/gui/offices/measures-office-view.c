/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-office-view"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-format.h"
#include "measures-measure-list.h"
#include "measures-navigation.h"
#include "measures-office-view.h"
#include "measures-statistics.h"
#include "measures-status-summary.h"

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
  MeasuresStatusSummary *summary;
  GtkLabel *lead_heading;
  GtkListBox *lead_list;
  GtkButton *lead_more_button;
  GtkLabel *involved_heading;
  GtkListBox *involved_list;
  GtkButton *involved_more_button;

  char *abbreviation;
};

/* A large office's lists show their first measures; the measure list
 * shows all of them, filtered by the office. */
#define SHOWN_MEASURES 100

G_DEFINE_FINAL_TYPE (MeasuresOfficeView, measures_office_view, ADW_TYPE_BIN)

enum {
  MEASURE_ACTIVATED,
  SHOW_ALL,
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

/* "Show all" under the measures the office leads lists those, not also
 * the ones it takes part in. */
static void
show_all_clicked (MeasuresOfficeView *self,
                  GtkButton          *button)
{
  int role = button == self->lead_more_button ? MEASURES_ROLE_LEAD : MEASURES_ROLE_INVOLVED;

  if (self->abbreviation != NULL)
    g_signal_emit (self, signals[SHOW_ALL], 0, self->abbreviation, role);
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

/* Binds @list to the first measures of the office in @role; the button
 * below leads to all of them when there are more. */
static MeasuresMeasureList *
bind_measures (GtkListBox     *list,
               GtkButton      *more_button,
               MeasuresStore  *store,
               MeasuresOffice *office,
               MeasuresRole    role)
{
  g_autoptr(GError) error = NULL;
  MeasuresMeasureList *measures;
  g_autoptr(GtkSliceListModel) first = NULL;
  g_autofree char *label = NULL;
  g_autofree char *number = NULL;
  guint n;

  measures = measures_measure_list_new (store, measures_office_get_abbreviation (office), role,
                                        &error);
  if (error != NULL)
    g_warning ("Could not list the measures of %s: %s",
               measures_office_get_abbreviation (office), error->message);

  first = gtk_slice_list_model_new (G_LIST_MODEL (g_object_ref (measures)), 0, SHOWN_MEASURES);
  gtk_list_box_bind_model (list, G_LIST_MODEL (first), create_measure_row, NULL, NULL);

  n = g_list_model_get_n_items (G_LIST_MODEL (measures));
  number = measures_format_number (n);
  /* Translators: below the first 100 of an office's measures; the number
   * comes with thousands separated */
  label = g_strdup_printf (ngettext ("Show All %s Measure in the List",
                                     "Show All %s Measures in the List", n), number);
  gtk_button_set_label (more_button, label);
  gtk_widget_set_visible (GTK_WIDGET (more_button), n > SHOWN_MEASURES);

  return measures;
}

static void
measures_office_view_dispose (GObject *object)
{
  /* AdwBin unparents its child itself; let it do so before the template
   * drops its references. */
  g_clear_pointer (&MEASURES_OFFICE_VIEW (object)->abbreviation, g_free);
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

  /**
   * MeasuresOfficeView::show-all:
   * @self: the view
   * @abbreviation: the office's abbreviation
   * @role: the #MeasuresRole whose measures to show
   *
   * Emitted when the user asks for all the measures a large office leads,
   * or all those it takes part in.
   */
  signals[SHOW_ALL] =
    g_signal_new ("show-all", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 2, G_TYPE_STRING, G_TYPE_INT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/offices/measures-office-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, stack);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, abbreviation_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, name_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, summary);
  g_type_ensure (MEASURES_TYPE_STATUS_SUMMARY);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, lead_heading);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, lead_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, involved_heading);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, involved_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, lead_more_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficeView, involved_more_button);
  gtk_widget_class_bind_template_callback (widget_class, measure_row_activated);
  gtk_widget_class_bind_template_callback (widget_class, show_all_clicked);
}

static void
measures_office_view_init (MeasuresOfficeView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  measures_list_tab_leaves (GTK_WIDGET (self->lead_list));
  measures_list_tab_leaves (GTK_WIDGET (self->involved_list));

  gtk_list_box_set_placeholder (self->lead_list,
                                create_empty_label (_("This office leads no measure.")));
  gtk_list_box_set_placeholder (self->involved_list,
                                create_empty_label (_("This office takes part in no measure.")));
}

/**
 * measures_office_view_set_office:
 * @office: (nullable): the office to show, or %NULL for the empty state
 * @store: the strategy
 */
void
measures_office_view_set_office (MeasuresOfficeView *self,
                                 MeasuresOffice     *office,
                                 MeasuresStore      *store)
{
  g_autofree char *lead = NULL;
  g_autofree char *involved = NULL;
  g_autoptr(MeasuresMeasureList) led = NULL;
  g_autoptr(MeasuresMeasureList) involved_model = NULL;
  MeasuresStatistics statistics;
  guint n_lead, n_involved;

  g_return_if_fail (MEASURES_IS_OFFICE_VIEW (self));
  g_return_if_fail (!office || MEASURES_IS_OFFICE (office));
  g_return_if_fail (MEASURES_IS_STORE (store));

  g_free (self->abbreviation);
  self->abbreviation = office ? g_strdup (measures_office_get_abbreviation (office)) : NULL;
  gtk_stack_set_visible_child_name (self->stack, office ? "office" : "empty");
  if (office == NULL)
    {
      gtk_widget_set_visible (GTK_WIDGET (self->lead_more_button), FALSE);
      gtk_widget_set_visible (GTK_WIDGET (self->involved_more_button), FALSE);
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

  led = bind_measures (self->lead_list, self->lead_more_button, store, office,
                       MEASURES_ROLE_LEAD);
  involved_model = bind_measures (self->involved_list, self->involved_more_button, store, office,
                                  MEASURES_ROLE_INVOLVED);

  /* The office answers for the measures it leads. */
  measures_measure_list_count_statuses (led, 0, statistics.counts, &statistics.progress_sum);
  measures_status_summary_set_statistics (self->summary, &statistics);
}
