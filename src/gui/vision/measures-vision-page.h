/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-page-bin.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_VISION_PAGE (measures_vision_page_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresVisionPage, measures_vision_page, MEASURES, VISION_PAGE,
                      MeasuresPageBin)

void measures_vision_page_set_vision (MeasuresVisionPage *self,
                                      const char         *strategy_title,
                                      const char         *vision_title,
                                      const char * const *statements,
                                      GListModel         *goals);

G_END_DECLS
