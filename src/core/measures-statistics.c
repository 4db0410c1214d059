/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-statistics"

#include "config.h"

#include <string.h>

#include "measures-i18n.h"
#include "measures-statistics.h"

/* Counts the measures the store lists with @office in @role (any office
 * when %NULL), of goal @goal (every goal when 0). The summaries are a few
 * bytes a measure, so even a strategy of thousands is counted quickly. */
static gboolean
load (MeasuresStatistics  *self,
      MeasuresStore       *store,
      guint                goal,
      const char          *office,
      int                  role,
      GError             **error)
{
  g_autoptr(GArray) summaries = NULL;

  g_assert (self != NULL);
  g_assert (MEASURES_IS_STORE (store));

  memset (self, 0, sizeof *self);

  if (!measures_store_list_summaries (store, office, role, 0, &summaries, error))
    return FALSE;

  for (guint i = 0; i < summaries->len; i++)
    {
      const MeasuresSummary *summary = &g_array_index (summaries, MeasuresSummary, i);

      if (goal != 0 && summary->goal != goal)
        continue;
      self->counts[summary->status]++;
      self->progress_sum += summary->progress;
    }

  return TRUE;
}

/**
 * measures_statistics_load_strategy:
 * @self: (out caller-allocates): the statistics
 * @store: the strategy
 *
 * Counts every measure of the strategy.
 *
 * Returns: %FALSE with @error set if the store could not be read
 */
gboolean
measures_statistics_load_strategy (MeasuresStatistics  *self,
                                   MeasuresStore       *store,
                                   GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MEASURES_IS_STORE (store), FALSE);

  return load (self, store, 0, NULL, -1, error);
}

/**
 * measures_statistics_load_goal:
 * @self: (out caller-allocates): the statistics
 * @store: the strategy
 * @goal: a goal's number
 *
 * Counts the measures of one goal.
 *
 * Returns: %FALSE with @error set if the store could not be read
 */
gboolean
measures_statistics_load_goal (MeasuresStatistics  *self,
                               MeasuresStore       *store,
                               guint                goal,
                               GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MEASURES_IS_STORE (store), FALSE);
  g_return_val_if_fail (goal > 0, FALSE);

  return load (self, store, goal, NULL, -1, error);
}

/**
 * measures_statistics_load_office:
 * @self: (out caller-allocates): the statistics
 * @store: the strategy
 * @abbreviation: an office's abbreviation
 * @role: the measures it leads, or those it takes part in
 *
 * Counts an office's measures.
 *
 * Returns: %FALSE with @error set if the store could not be read
 */
gboolean
measures_statistics_load_office (MeasuresStatistics  *self,
                                 MeasuresStore       *store,
                                 const char          *abbreviation,
                                 MeasuresRole         role,
                                 GError             **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (MEASURES_IS_STORE (store), FALSE);
  g_return_val_if_fail (abbreviation != NULL, FALSE);

  return load (self, store, 0, abbreviation, role, error);
}

/**
 * measures_statistics_get_n_measures:
 *
 * Returns: how many measures are counted
 */
guint
measures_statistics_get_n_measures (const MeasuresStatistics *self)
{
  guint total = 0;

  g_return_val_if_fail (self != NULL, 0);

  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    total += self->counts[i];

  return total;
}

/**
 * measures_statistics_get_mean_progress:
 *
 * Returns: the measures' average progress, from 0 to 1; 0 when there are
 *   none
 */
double
measures_statistics_get_mean_progress (const MeasuresStatistics *self)
{
  guint total;

  g_return_val_if_fail (self != NULL, 0);

  total = measures_statistics_get_n_measures (self);
  return total > 0 ? self->progress_sum / (100.0 * total) : 0;
}

/**
 * measures_statistics_describe:
 *
 * Describes the measures by status, for the overview of a goal or an
 * office. Statuses no measure has are left out.
 *
 * Returns: (transfer full): e.g. "Planned: 3 · In Progress: 5", in the
 *   interface language; empty when there are none
 */
char *
measures_statistics_describe (const MeasuresStatistics *self)
{
  GString *text;

  g_return_val_if_fail (self != NULL, NULL);

  text = g_string_new (NULL);
  for (guint i = 0; i < MEASURES_N_STATUSES; i++)
    {
      if (self->counts[i] == 0)
        continue;
      if (text->len > 0)
        g_string_append (text, " · ");
      /* Translators: a count by status, e.g. "In Progress: 5" */
      g_string_append_printf (text, _("%s: %u"), measures_status_get_label (i), self->counts[i]);
    }

  return g_string_free (text, FALSE);
}
