/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <glib/gstdio.h>

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

G_END_DECLS
