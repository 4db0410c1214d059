/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the fuzz targets share: a store of their own in a temporary folder
 * that is removed at exit, and failing loudly enough for libFuzzer. */

#include <glib.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>

#include "measures-store.h"

static char *fuzz_folder;
static MeasuresStore *fuzz_store;

static G_GNUC_UNUSED G_NORETURN void
fuzz_fail (const char   *what,
           const GError *error)
{
  fprintf (stderr, "%s: %s%s%s\n", g_get_prgname () ? g_get_prgname () : "fuzz", what,
           error ? ": " : "", error ? error->message : "");
  abort ();
}

static G_GNUC_UNUSED void
fuzz_exec (MeasuresStore *store,
           const char    *sql)
{
  char *message = NULL;

  if (sqlite3_exec (measures_store_get_connection (store), sql, NULL, NULL, &message) !=
      SQLITE_OK)
    {
      fprintf (stderr, "%s: %s\n", sql, message ? message : "?");
      abort ();
    }
}

static void
fuzz_remove_store (void)
{
  const char *name;
  GDir *dir;

  g_clear_object (&fuzz_store);
  if (fuzz_folder == NULL)
    return;

  if ((dir = g_dir_open (fuzz_folder, 0, NULL)) != NULL)
    {
      while ((name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (fuzz_folder, name, NULL);
          g_remove (path);
        }
      g_dir_close (dir);
    }
  g_rmdir (fuzz_folder);
  g_clear_pointer (&fuzz_folder, g_free);
}

/* A new, empty store. Nothing here needs to survive a crash of the
 * machine, so commits skip waiting for the disk: many thousand inputs a
 * minute each commit at least once. */
static G_GNUC_UNUSED MeasuresStore *
fuzz_open_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  g_set_prgname (name);
  fuzz_folder = g_dir_make_tmp ("measures-fuzz-XXXXXX", &error);
  if (fuzz_folder == NULL)
    fuzz_fail ("could not make a temporary folder", error);

  path = g_build_filename (fuzz_folder, "strategy.db", NULL);
  fuzz_store = measures_store_open (path, &error);
  if (fuzz_store == NULL)
    fuzz_fail ("could not open a store", error);

  fuzz_exec (fuzz_store, "PRAGMA synchronous = OFF");
  atexit (fuzz_remove_store);

  return fuzz_store;
}
