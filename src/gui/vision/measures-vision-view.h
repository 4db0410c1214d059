/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_VISION_VIEW (measures_vision_view_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresVisionView, measures_vision_view, MEASURES, VISION_VIEW, AdwBin)

void measures_vision_view_set_vision (MeasuresVisionView *self,
                                      const char         *strategy_title,
                                      const char         *vision_title,
                                      const char * const *statements,
                                      GListModel         *goals);

G_END_DECLS
