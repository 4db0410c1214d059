/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum {
  PG_CLUSTER_UNIX = 0,
  PG_CLUSTER_TCP = 1 << 0,
  PG_CLUSTER_TLS = 1 << 1,
} PgClusterFlags;

gboolean  pg_cluster_start           (GError     **error);
void      pg_cluster_stop            (void);
gboolean  pg_cluster_start_with      (PgClusterFlags   flags,
                                      GError         **error);
char     *pg_cluster_tcp_conninfo    (const char  *host,
                                      const char  *dbname,
                                      const char  *user);
char     *pg_cluster_get_certificate (void);
void      pg_cluster_server_stop     (void);
gboolean  pg_cluster_server_start    (GError     **error);
void      pg_cluster_test_available  (const char  *missing);
char     *pg_cluster_conninfo        (const char  *dbname);
gboolean  pg_cluster_create_database (const char  *name,
                                      const char  *template_name,
                                      GError     **error);
char     *pg_cluster_query           (const char  *dbname,
                                      const char  *sql,
                                      const char  *param,
                                      GError     **error);

gboolean  pg_cluster_add_password_role (const char  *role,
                                        const char  *password,
                                        GError     **error);

G_END_DECLS
