/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "fuzz-text"

/* libFuzzer target for the core's small text readers, fed what a user
 * types or what an imported file carries:
 *
 * - the search: what is typed into the search field becomes an FTS5 query,
 *   run against the embedded strategy; no text may make it fail;
 * - the dates of the log and the history, written out for people;
 * - file names made from office abbreviations and titles;
 * - the names of priorities, statuses and paper sizes.
 *
 * The input is text: the search field and JSON only hand over UTF-8. */

#include "config.h"

#include <stdint.h>
#include <string.h>

#include "fuzz-util.h"
#include "measures-format.h"
#include "measures-import.h"
#include "measures-report.h"
#include "measures-types.h"

int LLVMFuzzerInitialize (int *argc, char ***argv);
int LLVMFuzzerTestOneInput (const uint8_t *data, size_t size);

static MeasuresStore *store;

int
LLVMFuzzerInitialize (int    *argc,
                      char ***argv)
{
  g_autoptr(GError) error = NULL;

  store = fuzz_open_store ("fuzz-text");
  if (!measures_import_default (store, &error))
    fuzz_fail ("could not import the embedded strategy", error);

  return 0;
}

int
LLVMFuzzerTestOneInput (const uint8_t *data,
                        size_t         size)
{
  g_autoptr(GHashTable) ids = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  g_autofree char *date = NULL;
  g_autofree char *date_time = NULL;
  g_autofree char *file_name = NULL;
  MeasuresPriority priority;
  MeasuresStatus status;
  MeasuresPaper paper;

  /* Not UTF-8, or cut short by a NUL: nothing hands that over. */
  if (size > 4096 || !g_utf8_validate_len ((const char *)data, size, NULL))
    return -1;
  text = g_strndup ((const char *)data, size);

  if (!measures_store_search (store, text, &ids, &error))
    fuzz_fail ("the search failed", error);

  date = measures_format_iso_date (text, FALSE);
  date_time = measures_format_iso_date (text, TRUE);
  if (date == NULL || date_time == NULL || !g_utf8_validate (date_time, -1, NULL))
    fuzz_fail ("a date was not written out", NULL);

  file_name = measures_report_safe_file_name (text);
  if (file_name[0] == '\0' || strspn (file_name,
                                      "abcdefghijklmnopqrstuvwxyz"
                                      "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                      "0123456789-_") != strlen (file_name))
    fuzz_fail ("a file name is not safe", NULL);

  if (measures_priority_from_string (text, &priority))
    g_assert_cmpstr (measures_priority_to_string (priority), ==, text);
  measures_priority_from_german (text, &priority);
  if (measures_status_from_string (text, &status))
    g_assert_cmpstr (measures_status_to_string (status), ==, text);
  measures_status_from_period (text);
  measures_paper_from_string (text, &paper);

  return 0;
}
