/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the engines share with the abstract store, and nothing else sees. */

#include "measures-store.h"

G_BEGIN_DECLS

void      measures_store_set_path             (MeasuresStore       *self,
                                               const char          *path);
char     *measures_store_now                  (void);
void      measures_store_set_conflict_error   (GError             **error,
                                               const char          *title,
                                               const char          *author,
                                               const char          *date,
                                               gboolean             removed);
gboolean  measures_store_check_log_text       (const char          *text,
                                               GError             **error);
void      measures_store_set_connection       (MeasuresStore       *self,
                                               MeasuresConnection   connection);
void      measures_store_emit_replaced        (MeasuresStore       *self);
void      measures_store_set_replaced_error   (GError             **error);
GArray   *measures_store_new_measure_leads   (void);
void      measures_store_emit_changed         (MeasuresStore       *self,
                                               const gint64        *ids,
                                               guint                n_ids,
                                               gboolean             counts_changed);

GListModel *measures_store_list_model_of     (GType                item_type,
                                               GPtrArray           *objects);
gboolean  measures_store_insert_history       (MeasuresStore       *self,
                                               MeasuresHistoryKind  kind,
                                               gint64               owner_id,
                                               MeasuresChange      *change,
                                               GError             **error);

void      measures_store_emit_indicator_changed (MeasuresStore     *self,
                                                 gint64             indicator_id);
char     *measures_store_targets_to_json      (MeasuresIndicator   *indicator);
GPtrArray *measures_store_targets_from_json   (const char          *json);

G_END_DECLS
