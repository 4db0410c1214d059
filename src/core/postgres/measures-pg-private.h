/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the files of the PostgreSQL engine share; nothing outside the
 * engine includes this. */

#include "measures-pg-libpq.h"

#include "measures-store-private.h"
#include "measures-pg-store.h"

G_BEGIN_DECLS

/* What every write NOTIFYs and every store LISTENs to (measures-pg-notify.c) */
#define MEASURES_PG_CHANNEL "measures_changed"

struct _MeasuresPgStore
{
  MeasuresStore parent_instance;

  PGconn *conn;
  /* Held while a statement is on the connection. A store is opened and
   * filled on a worker thread while the main loop already watches its
   * socket: the watch must not read the answer from under the worker. */
  GRecMutex conn_lock;
  char *display_name;
  char *user_name;           /* as the server knows the user */
  gboolean in_transaction;
  GHashTable *statements;    /* SQL → name of its prepared statement */
  guint64 round_trips;       /* requests that waited for the server's answer */
  /* Statements whose answers nothing waits for: sent together, in one
   * pipeline, with the next statement whose answer is needed (pg_send) */
  GPtrArray *queue;

  /* The connection and connecting again (measures-pg-connection.c) */
  GStrv keywords;            /* the first connection's parameters, and the */
  GStrv values;              /* password, for every later one */
  guint connect_timeout;     /* seconds an attempt may take */
  gboolean opened;           /* opening is done: a lost connection is retried */
  gboolean lost;             /* conn is dead: nothing is sent on it */
  PGconn *attempt;           /* a connection under way */
  guint attempt_watch_id;
  guint attempt_timeout_id;
  guint retry_id;
  guint retry_delay_ms;
  int found_version;         /* the schema version found at opening, 0 if none */

  /* Other writers, announced through LISTEN/NOTIFY (measures-pg-notify.c) */
  guint socket_watch_id;
  guint announce_id;
  gboolean notified;         /* a notification came that was not looked into yet */
  gint64 seen_revision;      /* the latest revision announced */
  GHashTable *own_revisions; /* revisions this store wrote, not to announce twice */

  /* What the user may do (measures-pg-roles.c) */
  gboolean permissions_known;
  gboolean coordinator;
  GHashTable *reportable;    /* ids of the measures the user's offices take part in */
  GHashTable *recordable;    /* ids of the indicators the user's offices answer for */
};

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* The parameters of one statement, as text: libpq sends them apart from
 * the SQL, so nothing a user typed ever becomes SQL. */
typedef struct {
  GPtrArray *values;
} PgParams;

void             pg_params_init       (PgParams             *params);
void             pg_params_clear      (PgParams             *params);
void             pg_params_text       (PgParams             *params,
                                       const char           *text);
void             pg_params_int        (PgParams             *params,
                                       gint64                value);
void             pg_params_bool       (PgParams             *params,
                                       gboolean              value);
void             pg_params_ids        (PgParams             *params,
                                       const gint64         *ids,
                                       guint                 n_ids);
void             pg_params_strv       (PgParams             *params,
                                       const char * const   *strv);
void             pg_params_array      (PgParams             *params,
                                       const char * const   *texts,
                                       guint                 n_texts);

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (PgParams, pg_params_clear)

/* What to do with the answer to a statement sent with pg_send (): called
 * with the result whatever its status, in the order the statements were
 * sent; %FALSE with @error set refuses the write. */
typedef gboolean (*PgAnswer) (MeasuresPgStore  *self,
                              const PGresult   *result,
                              gpointer          data,
                              GError          **error);

/* measures-pg-util.c */
gboolean         pg_result_ok         (const PGresult       *result);
gboolean         pg_send              (MeasuresPgStore      *self,
                                       const char           *sql,
                                       PgParams             *params,
                                       PgAnswer              answer,
                                       gpointer              data,
                                       GDestroyNotify        destroy,
                                       gboolean              refuses,
                                       GError              **error);
gboolean         pg_flush             (MeasuresPgStore      *self,
                                       GError              **error);
gboolean         pg_set_error         (MeasuresPgStore      *self,
                                       const PGresult       *result,
                                       GError              **error);
PGresult        *pg_query             (MeasuresPgStore      *self,
                                       const char           *sql,
                                       PgParams             *params,
                                       GError              **error);
gboolean         pg_exec              (MeasuresPgStore      *self,
                                       const char           *sql,
                                       PgParams             *params,
                                       GError              **error);
const char      *pg_text              (const PGresult       *result,
                                       int                   row,
                                       int                   column);
const char      *pg_text_or_null      (const PGresult       *result,
                                       int                   row,
                                       int                   column);
gint64           pg_int               (const PGresult       *result,
                                       int                   row,
                                       int                   column);
gboolean         pg_bool              (const PGresult       *result,
                                       int                   row,
                                       int                   column);
GArray          *pg_collect_ids       (const PGresult       *result);
gboolean         measures_pg_begin    (MeasuresPgStore      *self,
                                       GError              **error);
gboolean         measures_pg_commit   (MeasuresPgStore      *self,
                                       GError              **error);
void             measures_pg_rollback (MeasuresPgStore      *self);
gboolean         measures_pg_fail     (MeasuresPgStore      *self);

/* measures-pg-connection.c */
gboolean         measures_pg_connection_params   (MeasuresPgStore      *self,
                                                  const char           *conninfo,
                                                  const char           *password,
                                                  GError              **error);
gboolean         measures_pg_connection_setup    (MeasuresPgStore      *self,
                                                  GError              **error);
gboolean         measures_pg_check_ctype         (MeasuresPgStore      *self,
                                                  GError              **error);
gboolean         measures_pg_check_online        (MeasuresPgStore      *self,
                                                  GError              **error);
void             measures_pg_connection_lost     (MeasuresPgStore      *self);
void             measures_pg_connection_stop     (MeasuresPgStore      *self);
void             measures_pg_connection_init_class (MeasuresStoreClass *store_class);

/* measures-pg-schema.c */
gboolean         measures_pg_ensure_schema (MeasuresPgStore *self,
                                            GError         **error);

/* measures-pg-strategy.c */
void             measures_pg_strategy_init_class (MeasuresStoreClass *store_class);

/* measures-pg-measures.c */
void             measures_pg_measures_init_class (MeasuresStoreClass *store_class);

/* measures-pg-import.c */
void             measures_pg_import_init_class   (MeasuresStoreClass *store_class);

/* measures-pg-log.c: the history and the revisions, with the same rules as
 * the SQLite engine's. */

void             measures_pg_log_init_class      (MeasuresStoreClass   *store_class);
gboolean         measures_pg_next_revision       (MeasuresPgStore      *self,
                                                  gint64               *revision,
                                                  GError              **error);
gboolean         measures_pg_check_revision      (MeasuresPgStore      *self,
                                                  gint64                measure_id,
                                                  gint64                base_revision,
                                                  MeasuresPart          part,
                                                  GError              **error);
gboolean         measures_pg_bump_revision       (MeasuresPgStore      *self,
                                                  gint64                measure_id,
                                                  MeasuresPart          part,
                                                  const char           *now,
                                                  MeasuresWrite        *write,
                                                  GError              **error);

/* measures-pg-indicators.c */
void             measures_pg_indicators_init_class (MeasuresStoreClass *store_class);

/* measures-pg-roles.c */
void             measures_pg_roles_init_class    (MeasuresStoreClass   *store_class);
void             measures_pg_forget_permissions  (MeasuresPgStore      *self);

/* measures-pg-search.c */
gboolean         measures_pg_refresh_search      (MeasuresPgStore      *self,
                                                  gint64                measure_id,
                                                  GError              **error);
void             measures_pg_search_init_class   (MeasuresStoreClass   *store_class);

/* measures-pg-notify.c */
gboolean         measures_pg_notify_start        (MeasuresPgStore      *self,
                                                  GError              **error);
gboolean         measures_pg_notify_listen       (MeasuresPgStore      *self,
                                                  GError              **error);
void             measures_pg_notify_catch_up     (MeasuresPgStore      *self);
void             measures_pg_notify_stop         (MeasuresPgStore      *self);
void             measures_pg_notify_check        (MeasuresPgStore      *self);
gboolean         measures_pg_notify_write        (MeasuresPgStore      *self,
                                                  gint64                measure_id,
                                                  GError              **error);

G_END_DECLS
