/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>

#include "measures-import.h"
#include "measures-store.h"
#include "measures-test-util.h"

/* The writer of the crash test: opens the store as the app does, then
 * reports progress and edits measures without end, printing the number of
 * every change once the store has committed it. The test kills it. */

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(GError) error = NULL;
  gint64 next;

  if (argc != 3)
    {
      fprintf (stderr, "usage: torture-writer DATABASE FIRST-NUMBER\n");
      return 2;
    }

  next = g_ascii_strtoll (argv[2], NULL, 10);
  store = measures_store_open (argv[1], &error);
  if (store == NULL || !measures_import_ensure_data (store, &error) ||
      !(measures = measures_store_list_measures (store, &error)))
    {
      fprintf (stderr, "torture-writer: %s\n", error->message);
      return 1;
    }

  for (;; next++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures,
                                                                  next % g_list_model_get_n_items (measures));
      g_autofree char *text = g_strdup_printf ("torture %" G_GINT64_FORMAT, next);

      /* Every third change edits a sheet, with its history rows. */
      if (next % 3 == 2)
        {
          g_autoptr(MeasuresMeasure) fresh = measures_store_get_measure (store,
                                                                         measures_measure_get_id (measure),
                                                                         &error);
          g_autoptr(MeasuresMeasure) edited = NULL;

          if (fresh == NULL)
            break;
          edited = measures_measure_copy_with (fresh, "costs", text, NULL);
          if (!measures_store_update_measure (store, edited, current_revision (store, measures_measure_get_id (edited)), "Torture", NULL, &error))
            break;
        }
      else
        {
          /* A report keeps the rules: completed is 100 %, and 100 % is
           * completed. */
          MeasuresStatus status = next % MEASURES_N_STATUSES;
          guint progress = status == MEASURES_STATUS_COMPLETED ? 100 : next % 100;

          if (measures_store_add_log_entry (store, measures_measure_get_id (measure),
                                            current_revision (store,
                                                              measures_measure_get_id (measure)),
                                            status, progress, text, "Torture", NULL,
                                            &error) == 0)
            break;
        }

      printf ("%" G_GINT64_FORMAT "\n", next);
      fflush (stdout);
    }

  fprintf (stderr, "torture-writer: %s\n", error->message);
  return 1;
}
