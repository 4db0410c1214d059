/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-context.h"
#include "measures-page-bin.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_INDICATORS_PAGE (measures_indicators_page_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresIndicatorsPage, measures_indicators_page, MEASURES,
                      INDICATORS_PAGE, MeasuresPageBin)

void     measures_indicators_page_load               (MeasuresIndicatorsPage *self,
                                                      MeasuresContext        *context,
                                                      GListModel             *goals,
                                                      GListModel             *offices);
gboolean measures_indicators_page_select_indicator   (MeasuresIndicatorsPage *self,
                                                      gint64                  indicator_id);
gint64   measures_indicators_page_get_selected_id    (MeasuresIndicatorsPage *self);

G_END_DECLS
