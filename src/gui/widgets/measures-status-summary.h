/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "measures-statistics.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_STATUS_SUMMARY (measures_status_summary_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresStatusSummary, measures_status_summary, MEASURES, STATUS_SUMMARY,
                      GtkBox)

void measures_status_summary_set_statistics (MeasuresStatusSummary    *self,
                                             const MeasuresStatistics *statistics);

G_END_DECLS
