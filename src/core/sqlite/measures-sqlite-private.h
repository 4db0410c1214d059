/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of the SQLite engine share; nothing outside the engine
 * includes this. */

#include <sqlite3.h>

#include "measures-store-private.h"
#include "measures-sqlite-store.h"

G_BEGIN_DECLS

struct _MeasuresSqliteStore
{
  MeasuresStore parent_instance;

  sqlite3 *db;
  char *path;
  char *display_name;
  gboolean check_pending;
  gboolean network;         /* on a network file system: no WAL, see open_file() */
  GHashTable *statements;   /* SQL → prepared statement, see sql_prepare_cached() */

  /* Watching other writers of the same file */
  guint64 device;           /* the file opened, to notice it replaced by another */
  guint64 inode;
  gboolean replaced;
  guint watch_id;
  gint64 data_version;
  gint64 seen_revision;     /* the latest revision announced */
  GHashTable *own_revisions; /* revisions this store wrote, not to announce twice */
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

/* A statement run for every row a list shows, prepared once for the life
 * of the store. Reset it when done (g_autoptr(CachedStatement)): a
 * statement that is not reset keeps its read transaction open. */
typedef sqlite3_stmt CachedStatement;

void sql_release_statement (CachedStatement *stmt);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CachedStatement, sql_release_statement)

/* measures-sqlite-util.c */
gboolean         sql_set_error       (MeasuresSqliteStore  *self,
                                                  int                   rc,
                                                  GError              **error);
sqlite3_stmt    *sql_prepare         (MeasuresSqliteStore  *self,
                                                  const char           *sql,
                                                  GError              **error);
CachedStatement *sql_prepare_cached  (MeasuresSqliteStore  *self,
                                                  const char           *sql,
                                                  GError              **error);
gboolean         sql_step_done       (MeasuresSqliteStore  *self,
                                                  sqlite3_stmt         *stmt,
                                                  GError              **error);
gboolean         sql_exec            (MeasuresSqliteStore  *self,
                                                  const char           *sql,
                                                  GError              **error);
void             sql_bind_text       (sqlite3_stmt         *stmt,
                                                  int                   column,
                                                  const char           *text);
const char      *sql_column_text     (sqlite3_stmt         *stmt,
                                                  int                   column);
gboolean         sql_query_int       (MeasuresSqliteStore  *self,
                                                  const char           *sql,
                                                  int                  *value,
                                                  GError              **error);
GArray          *sql_collect_ids     (MeasuresSqliteStore  *self,
                                                  sqlite3_stmt         *stmt,
                                                  GError              **error);
int              sql_compare_ids     (gconstpointer         a,
                                                  gconstpointer         b);
gboolean         measures_sqlite_begin           (MeasuresSqliteStore  *self,
                                                  GError              **error);
gboolean         measures_sqlite_commit          (MeasuresSqliteStore  *self,
                                                  GError              **error);
void             measures_sqlite_rollback        (MeasuresSqliteStore  *self);

/* measures-sqlite-schema.c */
gboolean         measures_sqlite_migrate         (MeasuresSqliteStore  *self,
                                                  int                   from,
                                                  GError              **error);
void             measures_sqlite_add_functions   (MeasuresSqliteStore  *self);

/* measures-sqlite-file.c */
gboolean         measures_sqlite_open_file       (MeasuresSqliteStore  *self,
                                                  GError              **error);
void             measures_sqlite_file_init_class (MeasuresStoreClass   *store_class);

/* measures-sqlite-strategy.c */
void             measures_sqlite_strategy_init_class (MeasuresStoreClass *store_class);

/* measures-sqlite-measures.c */
void             measures_sqlite_measures_init_class (MeasuresStoreClass *store_class);

/* measures-sqlite-log.c */
void             measures_sqlite_log_init_class  (MeasuresStoreClass   *store_class);
/* Revisions, in measures-sqlite-log.c */

gboolean         measures_sqlite_check_revision  (MeasuresSqliteStore  *self,
                                                  gint64                measure_id,
                                                  gint64                base_revision,
                                                  MeasuresPart          part,
                                                  GError              **error);
gboolean         measures_sqlite_bump_revision   (MeasuresSqliteStore  *self,
                                                  MeasuresHistoryKind   kind,
                                                  gint64                id,
                                                  MeasuresPart          part,
                                                  const char           *now,
                                                  MeasuresWrite        *write,
                                                  GError              **error);
gboolean         measures_sqlite_next_revision   (MeasuresSqliteStore  *self,
                                                  gint64               *revision,
                                                  GError              **error);

/* measures-sqlite-indicators.c */
void             measures_sqlite_indicators_init_class (MeasuresStoreClass *store_class);

/* measures-sqlite-search.c */
gboolean         measures_sqlite_refresh_search_index (MeasuresSqliteStore *self,
                                                       gint64               measure_id,
                                                       GError             **error);
gboolean         measures_sqlite_ensure_search_index  (MeasuresSqliteStore *self,
                                                       GError             **error);
void             measures_sqlite_search_init_class    (MeasuresStoreClass  *store_class);

/* measures-sqlite-backup-info.c: backups sit beside the database, in
 * "backups/", named by when and why they were made:
 * strategy-20261125-093000-123456-daily.db. The names sort by time. */
#define MEASURES_BACKUP_PREFIX "strategy-"

/* A database opened for reading only. In WAL mode SQLite makes "-wal" and
 * "-shm" files to read it, and a reader cannot remove them when done:
 * those it made are removed on closing, so that reading a file from
 * elsewhere leaves nothing beside it. */
typedef struct {
  sqlite3 *db;
  char *wal;
  char *shm;
  gboolean had_wal;
  gboolean had_shm;
} Reader;

gboolean         measures_sqlite_reader_open     (Reader               *reader,
                                                  const char           *path,
                                                  GError              **error);
void             measures_sqlite_reader_close    (Reader               *reader);

/* measures-sqlite-store.c */
sqlite3         *measures_sqlite_store_get_db    (MeasuresSqliteStore  *self);
gboolean         measures_sqlite_check_not_replaced (MeasuresSqliteStore *self,
                                                     GError             **error);

G_END_DECLS
