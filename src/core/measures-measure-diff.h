/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-measure.h"

G_BEGIN_DECLS

/**
 * MeasuresFieldChange:
 * @field: the history's name of the field: "title", "goal", "objectives",
 *   "lead_offices", …
 * @old_text: the field before, as the history writes it
 * @new_text: the field after
 *
 * One changed field of a measure's sheet, in the one format that every
 * engine writes into the history.
 */
typedef struct {
  const char *field;
  char *old_text;
  char *new_text;
} MeasuresFieldChange;

GArray          *measures_field_changes_new             (void);
void             measures_field_changes_add             (GArray          *changes,
                                                        const char      *field,
                                                        char            *old_text,
                                                        char            *new_text);

GArray          *measures_measure_diff                  (MeasuresMeasure *before,
                                                        MeasuresMeasure *after);
GArray          *measures_measure_state_diff            (MeasuresMeasure *before,
                                                        MeasuresStatus   status,
                                                        guint            progress);
MeasuresMeasure *measures_measure_rebase                (MeasuresMeasure *original,
                                                        MeasuresMeasure *draft,
                                                        MeasuresMeasure *current);
char            *measures_measure_dup_text              (MeasuresMeasure *measure);
char            *measures_measure_describe_differences  (MeasuresMeasure *original,
                                                        MeasuresMeasure *draft,
                                                        MeasuresMeasure *current);

G_END_DECLS
