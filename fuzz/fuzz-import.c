/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-import"

/* libFuzzer target for the strategy import: every input is read as a
 * strategy file into a store that is emptied after each input.
 *
 * Besides "no crash, no leak", each input checks what the import promises:
 * a failed import leaves the store as empty as it was, and what a
 * successful one stored can be dumped and read back. */

#include "config.h"

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

      store = fuzz_reset_store ();
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

      store = fuzz_reset_store ();
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
