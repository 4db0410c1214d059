/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the fuzz targets share: a store of their own in a temporary folder
 * that is removed at exit, and failing loudly enough for libFuzzer. They
 * use the store's public API only. */

#include <glib.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>

#include "measures-store.h"

static char *fuzz_folder;
static MeasuresStore *fuzz_store;
static GBytes *fuzz_empty_store;

static G_GNUC_UNUSED G_NORETURN void
fuzz_fail (const char   *what,
           const GError *error)
{
  fprintf (stderr, "%s: %s%s%s\n", g_get_prgname () ? g_get_prgname () : "fuzz", what,
           error ? ": " : "", error ? error->message : "");
  abort ();
}

static void
fuzz_remove_store (void)
{
  const char *name;
  GDir *dir;

  g_clear_object (&fuzz_store);
  g_clear_pointer (&fuzz_empty_store, g_bytes_unref);
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

static char *
fuzz_store_path (void)
{
  return g_build_filename (fuzz_folder, "strategy.db", NULL);
}

/* A new, empty store, in memory where the system has a folder for that:
 * many thousand inputs a minute each commit at least once, and a commit
 * there does not wait for a disk. */
static G_GNUC_UNUSED MeasuresStore *
fuzz_open_store (const char *name)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;
  g_autofree char *template = NULL;
  char *contents = NULL;
  gsize length = 0;

  g_set_prgname (name);
  template = g_build_filename (g_file_test ("/dev/shm", G_FILE_TEST_IS_DIR) ? "/dev/shm"
                                                                            : g_get_tmp_dir (),
                               "measures-fuzz-XXXXXX", NULL);
  fuzz_folder = g_mkdtemp (g_steal_pointer (&template));
  if (fuzz_folder == NULL)
    fuzz_fail ("could not make a temporary folder", NULL);
  atexit (fuzz_remove_store);

  path = fuzz_store_path ();
  fuzz_store = measures_store_open (path, &error);
  if (fuzz_store == NULL)
    fuzz_fail ("could not open a store", error);

  /* The empty store as a file, to start each input from (see
   * fuzz_reset_store()): quicker than creating the schema again. */
  g_clear_object (&fuzz_store);
  if (!g_file_get_contents (path, &contents, &length, &error))
    fuzz_fail ("could not read the empty store", error);
  fuzz_empty_store = g_bytes_new_take (contents, length);

  fuzz_store = measures_store_open (path, &error);
  if (fuzz_store == NULL)
    fuzz_fail ("could not open a store", error);

  return fuzz_store;
}

/* Empties the store: the file is put back as it was when new. */
static G_GNUC_UNUSED MeasuresStore *
fuzz_reset_store (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fuzz_store_path ();
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  gsize length = 0;
  const char *contents = g_bytes_get_data (fuzz_empty_store, &length);

  g_clear_object (&fuzz_store);
  g_remove (wal);
  g_remove (shm);
  if (!g_file_set_contents (path, contents, length, &error))
    fuzz_fail ("could not empty the store", error);

  fuzz_store = measures_store_open (path, &error);
  if (fuzz_store == NULL)
    fuzz_fail ("could not open the emptied store", error);

  return fuzz_store;
}
