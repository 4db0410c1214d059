/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

#include "measures-store.h"
#include "measures-types.h"

G_BEGIN_DECLS

/**
 * MeasuresStatistics:
 * @counts: how many measures have each #MeasuresStatus
 * @progress_sum: the sum of their progress, in percent
 *
 * Where a set of measures stands: a goal's, an office's or the whole
 * strategy's, for the pages that show it and the reports that print it.
 */
typedef struct {
  guint counts[MEASURES_N_STATUSES];
  guint64 progress_sum;
} MeasuresStatistics;

gboolean measures_statistics_load_strategy     (MeasuresStatistics        *self,
                                                MeasuresStore             *store,
                                                GError                   **error);
gboolean measures_statistics_load_goal         (MeasuresStatistics        *self,
                                                MeasuresStore             *store,
                                                guint                      goal,
                                                GError                   **error);
gboolean measures_statistics_load_office       (MeasuresStatistics        *self,
                                                MeasuresStore             *store,
                                                const char                *abbreviation,
                                                MeasuresRole               role,
                                                GError                   **error);

guint    measures_statistics_get_n_measures    (const MeasuresStatistics  *self);
double   measures_statistics_get_mean_progress (const MeasuresStatistics  *self);
char    *measures_statistics_describe          (const MeasuresStatistics  *self);

G_END_DECLS
