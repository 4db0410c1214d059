/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-store.h"

G_BEGIN_DECLS

char      *measures_backup_get_folder (const char     *database);
char      *measures_backup_make       (MeasuresStore  *store,
                                       const char     *reason,
                                       guint           keep,
                                       GError        **error);
gboolean   measures_backup_make_daily (MeasuresStore  *store,
                                       guint           keep,
                                       char          **made,
                                       GError        **error);
void       measures_backup_make_daily_async  (MeasuresStore       *store,
                                              guint                keep,
                                              GCancellable        *cancellable,
                                              GAsyncReadyCallback  callback,
                                              gpointer             user_data);
gboolean   measures_backup_make_daily_finish (MeasuresStore       *store,
                                              GAsyncResult        *result,
                                              char               **made,
                                              GError             **error);
GPtrArray *measures_backup_list       (const char     *database);
gboolean   measures_backup_restore    (const char     *backup,
                                       const char     *database,
                                       GError        **error);

G_END_DECLS
