/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>
#include <json-glib/json-glib.h>

#include "measures-import.h"
#include "measures-store.h"

G_BEGIN_DECLS

/* A fresh folder per test, removed with everything in it afterwards. */
typedef struct
{
  char *dir;
} TempDir;

static inline void
temp_dir_setup (TempDir       *fixture,
                gconstpointer  data)
{
  g_autoptr(GError) error = NULL;

  fixture->dir = g_dir_make_tmp ("measures-test-XXXXXX", &error);
  g_assert_no_error (error);
}

static inline void
temp_dir_teardown (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autofree char *command = g_strdup_printf ("chmod -R u+rwx '%s'", fixture->dir);
  g_autofree char *remove = g_strdup_printf ("rm -rf '%s'", fixture->dir);

  g_assert_true (g_spawn_command_line_sync (command, NULL, NULL, NULL, NULL));
  g_assert_true (g_spawn_command_line_sync (remove, NULL, NULL, NULL, NULL));
  g_free (fixture->dir);
}

static inline char *
temp_path (TempDir    *fixture,
           const char *name)
{
  return g_build_filename (fixture->dir, name, NULL);
}

/* Opens a store in the fixture's folder, filled with the embedded strategy. */
static inline MeasuresStore *
open_filled_store (TempDir *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (fixture, "strategy.db");
  g_autoptr(MeasuresStore) store = measures_store_open (path, &error);

  g_assert_no_error (error);
  g_assert_true (measures_import_ensure_data (store, &error));
  g_assert_no_error (error);

  return g_steal_pointer (&store);
}

/* The revision of a measure as stored now: what a writer that has just
 * read the measure writes against. */
static inline gint64
current_revision (MeasuresStore *store,
                  gint64         id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresMeasure) measure = measures_store_get_measure (store, id, &error);

  g_assert_no_error (error);
  return measures_measure_get_revision (measure);
}

/* The measure at @position in the store's order, which must be there. */
static inline MeasuresMeasure *
measure_at (MeasuresStore *store,
            guint          position)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) measures = measures_store_list_measures (store, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (measures), >, position);
  return g_list_model_get_item (measures, position);
}

/* Reads a spreadsheet back with a spreadsheet library (tests/read-xlsx.py):
 * NULL when there is none to read it with. */
static inline JsonObject *
read_spreadsheet (const char *path)
{
  const char *python = g_getenv ("MEASURES_PYTHON");
  g_autofree char *script = g_test_build_filename (G_TEST_DIST, "read-xlsx.py", NULL);
  const char *argv[] = { python, script, path, NULL };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  int status = -1;

  if (python == NULL || !g_file_test (python, G_FILE_TEST_IS_EXECUTABLE))
    return NULL;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("Could not read %s back: %s", path, err);
  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  return json_object_ref (json_node_get_object (json_parser_get_root (parser)));
}

G_END_DECLS
