/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-store"

#include "config.h"

#include "measures-store-private.h"

/* The monitoring queries of #MeasuresStore: the few columns the overdue
 * reports and the progress over time are computed from, in one query each
 * instead of reading every measure. */

static void
measure_lead_clear (gpointer data)
{
  MeasuresMeasureLead *lead = data;

  g_free (lead->office);
}

/* The array an engine fills for list_measure_leads: it frees the offices. */
GArray *
measures_store_new_measure_leads (void)
{
  GArray *leads = g_array_new (FALSE, TRUE, sizeof (MeasuresMeasureLead));

  g_array_set_clear_func (leads, measure_lead_clear);
  return leads;
}

/**
 * measures_store_list_measure_leads:
 * @leads: (out) (transfer full): a #MeasuresMeasureLead for every measure
 *   that is not removed and each office that leads it, in no particular
 *   order
 *
 * Who leads which measure, and since when the measure exists, in one
 * query: with the progress log, what the overdue reports are computed
 * from instead of reading every measure.
 *
 * Returns: %FALSE with @error set if the database could not be read
 */
gboolean
measures_store_list_measure_leads (MeasuresStore  *self,
                                   GArray        **leads,
                                   GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (leads != NULL, FALSE);

  return MEASURES_STORE_GET_CLASS (self)->list_measure_leads (self, leads, error);
}

/**
 * measures_store_list_progress_log:
 * @entries: (out) (transfer full): a #MeasuresProgressEntry for every log
 *   entry that is not withdrawn, by measure id, then by day, then in the
 *   order they were written; those of removed measures too, which the
 *   caller leaves out as the summaries do
 *
 * The progress every measure reported over time, in one query, without the
 * entries' text: the progress over time and the latest reports are
 * computed from this.
 *
 * Returns: %FALSE with @error set if the database could not be read
 */
gboolean
measures_store_list_progress_log (MeasuresStore  *self,
                                  GArray        **entries,
                                  GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (entries != NULL, FALSE);

  return MEASURES_STORE_GET_CLASS (self)->list_progress_log (self, entries, error);
}
