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

/**
 * MeasuresListEditKind:
 * @MEASURES_LIST_EDIT_ADDED: an item only the new list has
 * @MEASURES_LIST_EDIT_REMOVED: an item only the old list has
 * @MEASURES_LIST_EDIT_MOVED: an item both lists have, in another order
 * @MEASURES_LIST_EDIT_CHANGED: an item edited where it stands
 *
 * What happened to one item of a list, see measures_list_diff().
 */
typedef enum {
  MEASURES_LIST_EDIT_ADDED,
  MEASURES_LIST_EDIT_REMOVED,
  MEASURES_LIST_EDIT_MOVED,
  MEASURES_LIST_EDIT_CHANGED,
} MeasuresListEditKind;

/**
 * MeasuresListEdit:
 * @kind: what happened to the item
 * @old_position: its place in the old list, from 0; -1 if added
 * @new_position: its place in the new list, from 0; -1 if removed
 * @old_text: (nullable): the item before; %NULL if added
 * @new_text: (nullable): the item after; %NULL if removed
 * @moved: whether the item moved: always for %MEASURES_LIST_EDIT_MOVED,
 *   and for a changed item that also moved
 *
 * One edit of a list of texts, such as a measure's objectives.
 */
typedef struct {
  MeasuresListEditKind kind;
  int old_position;
  int new_position;
  char *old_text;
  char *new_text;
  gboolean moved;
} MeasuresListEdit;

GArray          *measures_list_diff                     (const char * const *before,
                                                        const char * const *after);

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
