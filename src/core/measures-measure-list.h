/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "measures-store.h"

G_BEGIN_DECLS

/**
 * MeasuresSort:
 * @MEASURES_SORT_GOAL: by goal, then in the order of the detail sheets
 * @MEASURES_SORT_TITLE: by title
 * @MEASURES_SORT_PRIORITY: highest priority first
 * @MEASURES_SORT_STATUS: in the order of #MeasuresStatus
 * @MEASURES_SORT_UPDATED: latest update first
 *
 * Measures that compare equal keep goal and sheet order.
 */
typedef enum {
  MEASURES_SORT_GOAL,
  MEASURES_SORT_TITLE,
  MEASURES_SORT_PRIORITY,
  MEASURES_SORT_STATUS,
  MEASURES_SORT_UPDATED,
} MeasuresSort;

/**
 * MeasuresMeasureFilter:
 * @goal: a goal's number, or 0 for every goal
 * @priority: a #MeasuresPriority, or -1 for any
 * @status: a #MeasuresStatus, or -1 for any
 * @office: (nullable): an office's abbreviation: the measures it leads or
 *   takes part in
 * @search: (nullable): what the user typed into the search
 * @office_role: with @office, a #MeasuresRole (the measures it leads, or
 *   those it takes part in), or -1 for both
 */
typedef struct {
  guint goal;
  int priority;
  int status;
  const char *office;
  const char *search;
  int office_role;
} MeasuresMeasureFilter;

#define MEASURES_MEASURE_FILTER_INIT { 0, -1, -1, NULL, NULL, -1 }

#define MEASURES_TYPE_MEASURE_LIST (measures_measure_list_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresMeasureList, measures_measure_list, MEASURES, MEASURE_LIST, GObject)

MeasuresMeasureList *measures_measure_list_new            (MeasuresStore               *store,
                                                           const char                  *office,
                                                           int                          role,
                                                           GError                     **error);
gboolean             measures_measure_list_set_filter     (MeasuresMeasureList         *self,
                                                           const MeasuresMeasureFilter *filter,
                                                           GError                     **error);
gboolean             measures_measure_list_set_sort       (MeasuresMeasureList         *self,
                                                           MeasuresSort                 sort,
                                                           GError                     **error);
gboolean             measures_measure_list_reload         (MeasuresMeasureList         *self,
                                                           gint64                       id,
                                                           GError                     **error);
gboolean             measures_measure_list_find           (MeasuresMeasureList         *self,
                                                           gint64                       id,
                                                           guint                       *position);
const gint64        *measures_measure_list_get_ids        (MeasuresMeasureList         *self,
                                                           guint                       *n_ids);
guint                measures_measure_list_count_statuses (MeasuresMeasureList         *self,
                                                           guint                        goal,
                                                           guint                        counts[MEASURES_N_STATUSES],
                                                           guint64                     *progress_sum);

G_END_DECLS
