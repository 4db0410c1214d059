/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean  pg_cluster_start           (GError     **error);
void      pg_cluster_stop            (void);
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
