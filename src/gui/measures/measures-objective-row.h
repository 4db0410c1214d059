/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_OBJECTIVE_ROW (measures_objective_row_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresObjectiveRow, measures_objective_row, MEASURES, OBJECTIVE_ROW,
                      GtkListBoxRow)

GtkWidget *measures_objective_row_new        (const char           *text);
char      *measures_objective_row_dup_text   (MeasuresObjectiveRow *self);
void       measures_objective_row_set_number (MeasuresObjectiveRow *self,
                                              guint                 number,
                                              guint                 n_objectives);
void       measures_objective_row_focus_text (MeasuresObjectiveRow *self);

G_END_DECLS
