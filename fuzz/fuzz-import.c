/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-import"

/* libFuzzer target for the strategy import: every input is read as a
 * strategy file into one store, opened once per process and emptied after
 * each input.
 *
 * Besides "no crash, no leak", each input checks what the import promises:
 * a failed import leaves the store as empty as it was, and what a
 * successful one stored can be dumped and read back. */

#include "config.h"

#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "fuzz-util.h"
#include "measures-export.h"
#include "measures-import.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static MeasuresStore *store;

static gboolean
store_is_empty (void)
{
  g_autoptr(GError) error = NULL;
  gboolean empty = FALSE;

  if (!measures_store_is_empty (store, &empty, &error))
    fuzz_fail ("could not look into the store", error);

  return empty;
}

/* Empties every table, so that each input starts from an empty store
 * without paying for opening and migrating a new one. The tables come from
 * the schema, so that a later migration's tables are emptied too; the
 * full-text index's shadow tables are emptied through the index itself. */
static void
clear_store (void)
{
  sqlite3 *db = measures_store_get_connection (store);
  g_autoptr(GString) sql = g_string_new ("PRAGMA foreign_keys = OFF; BEGIN;");
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (db,
                           "SELECT t.name FROM sqlite_schema t WHERE t.type = 'table'"
                           " AND t.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'"
                           " AND NOT EXISTS (SELECT 1 FROM sqlite_schema v"
                           "  WHERE v.type = 'table' AND v.sql LIKE 'CREATE VIRTUAL TABLE%'"
                           "  AND t.name LIKE v.name || '\\_%' ESCAPE '\\')",
                           -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    fuzz_fail (sqlite3_errmsg (db), NULL);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_string_append_printf (sql, "DELETE FROM \"%s\";", sqlite3_column_text (stmt, 0));
  sqlite3_finalize (stmt);
  if (rc != SQLITE_DONE)
    fuzz_fail (sqlite3_errmsg (db), NULL);

  g_string_append (sql, "COMMIT; PRAGMA foreign_keys = ON;");
  fuzz_exec (store, sql->str);
}

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  store = fuzz_open_store ("fuzz-import");
  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (data, size);
  g_autoptr(GBytes) dump_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *again = NULL;

  if (measures_import_strategy (store, bytes, "fuzz.json", &error))
    {
      g_assert_no_error (error);

      /* What was stored can be written out and read back. */
      dump = measures_export_json (store, &error);
      if (dump == NULL)
        fuzz_fail ("could not dump an imported strategy", error);

      clear_store ();
      dump_bytes = g_bytes_new_static (dump, strlen (dump));
      if (!measures_import_strategy (store, dump_bytes, "dump.json", &error))
        {
          fprintf (stderr, "fuzz-import: the dump that fails to import:\n%s\n", dump);
          fuzz_fail ("could not import the dump of an imported strategy", error);
        }

      /* ...and reads back as the same strategy. */
      again = measures_export_json (store, &error);
      if (again == NULL)
        fuzz_fail ("could not dump a re-imported strategy", error);
      if (g_strcmp0 (dump, again) != 0)
        {
          fprintf (stderr, "fuzz-import: first dump:\n%s\nsecond dump:\n%s\n", dump, again);
          fuzz_fail ("a dump does not read back as the same strategy", NULL);
        }

      clear_store ();
    }
  else
    {
      if (error == NULL)
        fuzz_fail ("an import failed without saying why", NULL);

      /* Either everything is stored or nothing is. */
      if (!store_is_empty ())
        fuzz_fail ("a failed import left data behind", error);
    }

  return 0;
}
