/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-context.h"
#include "measures-page-bin.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_DASHBOARD_PAGE (measures_dashboard_page_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresDashboardPage, measures_dashboard_page, MEASURES, DASHBOARD_PAGE,
                      MeasuresPageBin)

void     measures_dashboard_page_set_strategy (MeasuresDashboardPage *self,
                                               MeasuresContext       *context,
                                               GListModel            *goals,
                                               GListStore            *offices);
void     measures_dashboard_page_narrow       (MeasuresDashboardPage *self,
                                               guint                  goal,
                                               const char            *office);
gboolean measures_dashboard_page_get_computed (MeasuresDashboardPage *self);

G_END_DECLS
