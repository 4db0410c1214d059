/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "measures-store.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_INDICATOR_VIEW (measures_indicator_view_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresIndicatorView, measures_indicator_view, MEASURES, INDICATOR_VIEW,
                      AdwBin)

void               measures_indicator_view_set_store        (MeasuresIndicatorView *self,
                                                             MeasuresStore         *store);
void               measures_indicator_view_set_indicator    (MeasuresIndicatorView *self,
                                                             MeasuresIndicator     *indicator,
                                                             const char            *belongs_to);
MeasuresIndicator *measures_indicator_view_get_indicator    (MeasuresIndicatorView *self);
void               measures_indicator_view_set_can_report   (MeasuresIndicatorView *self,
                                                             gboolean               can_report,
                                                             const char            *why);
void               measures_indicator_view_value_recorded   (MeasuresIndicatorView *self);
void               measures_indicator_view_show_record_error (MeasuresIndicatorView *self,
                                                             const char            *message);

G_END_DECLS
