/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-status-summary"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-status-summary.h"

/**
 * MeasuresStatusSummary:
 *
 * Where a set of measures stands — a goal's, or those an office leads — as
 * the goal header and the office page show it: the counts by status in
 * words, and the mean progress as a bar. The numbers come from
 * #MeasuresStatistics, which the printed reports use too.
 */
struct _MeasuresStatusSummary
{
  GtkBox parent_instance;

  /* Template widgets */
  GtkLabel *counts_label;
  GtkProgressBar *progress_bar;

  /* Owned */
  char *progress_label;
};

G_DEFINE_FINAL_TYPE (MeasuresStatusSummary, measures_status_summary, GTK_TYPE_BOX)

enum {
  PROP_0,
  PROP_PROGRESS_LABEL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
measures_status_summary_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_STATUS_SUMMARY);

  G_OBJECT_CLASS (measures_status_summary_parent_class)->dispose (object);
}

static void
measures_status_summary_finalize (GObject *object)
{
  MeasuresStatusSummary *self = (MeasuresStatusSummary *)object;

  g_free (self->progress_label);

  G_OBJECT_CLASS (measures_status_summary_parent_class)->finalize (object);
}

static void
measures_status_summary_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  MeasuresStatusSummary *self = MEASURES_STATUS_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_PROGRESS_LABEL:
      g_value_set_string (value, self->progress_label);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_status_summary_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  MeasuresStatusSummary *self = MEASURES_STATUS_SUMMARY (object);

  switch (prop_id)
    {
    case PROP_PROGRESS_LABEL:
      if (g_strcmp0 (self->progress_label, g_value_get_string (value)) == 0)
        return;
      g_free (self->progress_label);
      self->progress_label = g_value_dup_string (value);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->progress_bar),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      self->progress_label ? self->progress_label : "", -1);
      g_object_notify_by_pspec (object, pspec);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_status_summary_class_init (MeasuresStatusSummaryClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_status_summary_dispose;
  object_class->finalize = measures_status_summary_finalize;
  object_class->get_property = measures_status_summary_get_property;
  object_class->set_property = measures_status_summary_set_property;

  /**
   * MeasuresStatusSummary:progress-label:
   *
   * What the progress bar measures, for assistive technology, e.g.
   * "Overall progress".
   */
  properties[PROP_PROGRESS_LABEL] =
    g_param_spec_string ("progress-label", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/widgets/measures-status-summary.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresStatusSummary, counts_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresStatusSummary, progress_bar);
}

static void
measures_status_summary_init (MeasuresStatusSummary *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * measures_status_summary_set_statistics:
 * @statistics: (nullable): where the measures stand, or %NULL when there
 *   are none to show
 *
 * Shows @statistics; hides the summary when there are no measures.
 */
void
measures_status_summary_set_statistics (MeasuresStatusSummary    *self,
                                        const MeasuresStatistics *statistics)
{
  g_autofree char *counts = NULL;
  g_autofree char *progress_text = NULL;
  double progress;

  g_return_if_fail (MEASURES_IS_STATUS_SUMMARY (self));

  gtk_widget_set_visible (GTK_WIDGET (self), statistics != NULL &&
                                             measures_statistics_get_n_measures (statistics) > 0);
  if (statistics == NULL)
    return;

  counts = measures_statistics_describe (statistics);
  progress = measures_statistics_get_mean_progress (statistics);
  /* Translators: the average progress of a set of measures, e.g. "Overall 35 %" */
  progress_text = g_strdup_printf (_("Overall %.0f %%"), progress * 100);
  gtk_label_set_text (self->counts_label, counts);
  gtk_progress_bar_set_fraction (self->progress_bar, progress);
  gtk_progress_bar_set_text (self->progress_bar, progress_text);
}
