/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* The PostgreSQL engine beside the file: a throwaway server, the generated
 * strategies moved onto it, and what is timed on the store itself. */

gboolean  bench_server_start    (GError     **error);
void      bench_server_stop     (void);
char     *bench_server_prepare  (const char  *measures_bin,
                                 const char  *store,
                                 guint        size,
                                 double      *import_seconds,
                                 GError     **error);
void      bench_server_measure  (const char  *conninfo,
                                 guint        runs,
                                 GHashTable  *figures);
