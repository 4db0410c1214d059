/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "measures-context.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_INDICATOR_EDITOR (measures_indicator_editor_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresIndicatorEditor, measures_indicator_editor, MEASURES,
                      INDICATOR_EDITOR, AdwWindow)

MeasuresIndicatorEditor *measures_indicator_editor_new      (GtkWindow               *parent,
                                                             MeasuresContext         *context,
                                                             GListModel              *goals,
                                                             GListModel              *offices,
                                                             MeasuresIndicator       *indicator,
                                                             guint                    goal);
gboolean                 measures_indicator_editor_get_can_save (MeasuresIndicatorEditor *self);
void                     measures_indicator_editor_save     (MeasuresIndicatorEditor *self);

G_END_DECLS
