/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-enums.h"
#include "measures-store.h"

G_BEGIN_DECLS

/**
 * MeasuresBackupKind:
 * @MEASURES_BACKUP_KIND_OTHER: a file from elsewhere, or made for another reason
 * @MEASURES_BACKUP_KIND_DAILY: the backup of the day's first start
 * @MEASURES_BACKUP_KIND_BEFORE_RESTORE: the state a restore replaced
 * @MEASURES_BACKUP_KIND_BEFORE_MIGRATION: the state before an update of Measures
 *   brought the file to a newer data version
 *
 * Why a backup was made.
 */
typedef enum {
  MEASURES_BACKUP_KIND_OTHER,
  MEASURES_BACKUP_KIND_DAILY,
  MEASURES_BACKUP_KIND_BEFORE_RESTORE,
  MEASURES_BACKUP_KIND_BEFORE_MIGRATION,
} MeasuresBackupKind;


#define MEASURES_TYPE_BACKUP (measures_backup_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresBackup, measures_backup, MEASURES, BACKUP, GObject)

MeasuresBackup     *measures_backup_new               (const char      *path);
gboolean            measures_backup_read              (MeasuresBackup  *self,
                                                       GError         **error);
const char         *measures_backup_get_path          (MeasuresBackup  *self);
GDateTime          *measures_backup_get_date          (MeasuresBackup  *self);
MeasuresBackupKind  measures_backup_get_kind          (MeasuresBackup  *self);
int                 measures_backup_get_n_measures    (MeasuresBackup  *self);
int                 measures_backup_get_n_log_entries (MeasuresBackup  *self);
char               *measures_backup_dup_title         (MeasuresBackup  *self);
char               *measures_backup_dup_summary       (MeasuresBackup  *self);

void        measures_backup_load_async  (const char           *database,
                                         GCancellable         *cancellable,
                                         GAsyncReadyCallback   callback,
                                         gpointer              user_data);
GListModel *measures_backup_load_finish (GAsyncResult         *result,
                                         GError              **error);

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
