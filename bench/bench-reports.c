/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "measures-import.h"
#include "measures-report.h"

/* How long the reports take, as the medians of repeated runs: SAM's office
 * sheets and the whole strategy report. For comparison, the time LibreOffice
 * needs to turn an HTML file of the same content into a PDF, measured in the
 * same run, when LibreOffice is installed. */

#define RUNS 7

static int
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double
median (double *values,
        guint   n)
{
  qsort (values, n, sizeof (double), (int (*) (const void *, const void *))compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}

typedef MeasuresReport *(*MakeReport) (MeasuresStore *store, GError **error);

static MeasuresReport *
make_sam (MeasuresStore  *store,
          GError        **error)
{
  return measures_report_new_office (store, "SAM", error);
}

static double
time_report (MeasuresStore *store,
             MakeReport     make,
             const char    *path,
             guint         *pages)
{
  double times[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(MeasuresReport) report = NULL;
      gint64 start = g_get_monotonic_time ();

      /* Reading the data is part of making the report. */
      report = make (store, &error);
      if (report == NULL || !measures_report_write_pdf (report, path, MEASURES_PAPER_A4, &error))
        g_error ("%s", error->message);
      times[i] = (g_get_monotonic_time () - start) / 1e6;
    }

  if (pages != NULL)
    {
      g_autofree char *command = g_strdup_printf ("pdfinfo '%s'", path);
      g_autofree char *out = NULL;
      const char *line;

      *pages = 0;
      if (g_spawn_command_line_sync (command, &out, NULL, NULL, NULL) &&
          (line = strstr (out, "Pages:")) != NULL)
        *pages = atoi (line + strlen ("Pages:"));
    }

  return median (times, RUNS);
}

/* The strategy's measure sheets as one HTML page, for the comparison. */
static void
write_html (MeasuresStore *store,
            const char    *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) measures = measures_store_list_measures (store, &error);
  g_autoptr(GString) html = g_string_new ("<!DOCTYPE html><html><head><meta charset=\"utf-8\">"
                                          "<title>Strategie</title></head><body>");

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);
      const char * const *objectives = measures_measure_get_objectives (measure);
      g_autofree char *title = g_markup_escape_text (measures_measure_get_title (measure), -1);
      g_autofree char *description = g_markup_escape_text (measures_measure_get_description (measure), -1);

      g_string_append_printf (html, "<h2 style=\"page-break-before: always\">%s</h2>"
                                    "<h3>Kurzbeschreibung</h3><p>%s</p><h3>Ziele</h3><ul>",
                              title, description);
      for (guint j = 0; objectives[j]; j++)
        {
          g_autofree char *objective = g_markup_escape_text (objectives[j], -1);
          g_string_append_printf (html, "<li>%s</li>", objective);
        }
      g_string_append_printf (html, "</ul><table border=\"1\"><tr><th>Federführung</th><td>%s</td></tr>"
                                    "<tr><th>Beteiligte</th><td>%s</td></tr>"
                                    "<tr><th>Zeitraum</th><td>%s</td></tr>"
                                    "<tr><th>Kosten</th><td>%s</td></tr></table>",
                              measures_measure_get_lead (measure),
                              measures_measure_get_actors (measure),
                              measures_measure_get_period (measure),
                              measures_measure_get_costs (measure));
    }
  g_string_append (html, "</body></html>");

  if (!g_file_set_contents (path, html->str, html->len, &error))
    g_error ("%s", error->message);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("measures-bench-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "strategy.db", NULL);
  g_autofree char *sam_pdf = g_build_filename (dir, "sam.pdf", NULL);
  g_autofree char *strategy_pdf = g_build_filename (dir, "strategy.pdf", NULL);
  g_autofree char *html = g_build_filename (dir, "strategy.html", NULL);
  g_autoptr(MeasuresStore) store = NULL;
  g_autofree char *office = g_find_program_in_path ("soffice");
  g_autofree char *cleanup = NULL;
  guint sam_pages, strategy_pages;
  double sam, strategy;

  if (dir == NULL || !(store = measures_store_open (db, &error)) ||
      !measures_import_ensure_data (store, &error))
    g_error ("%s", error->message);

  sam = time_report (store, make_sam, sam_pdf, &sam_pages);
  strategy = time_report (store, measures_report_new_strategy, strategy_pdf, &strategy_pages);

  printf ("Reports, median of %d runs on this machine:\n", RUNS);
  printf ("  SAM's office sheets   %3u pages  %7.3f s\n", sam_pages, sam);
  printf ("  strategy report       %3u pages  %7.3f s\n", strategy_pages, strategy);

  if (office != NULL)
    {
      g_autofree char *command = NULL;
      double times[3];

      write_html (store, html);
      command = g_strdup_printf ("'%s' --headless --convert-to pdf --outdir '%s/libreoffice' '%s'",
                                 office, dir, html);
      for (guint i = 0; i < G_N_ELEMENTS (times); i++)
        {
          g_autofree char *out = NULL;
          g_autofree char *err = NULL;
          gint64 start = g_get_monotonic_time ();

          if (!g_spawn_command_line_sync (command, &out, &err, NULL, &error))
            g_error ("%s", error->message);
          times[i] = (g_get_monotonic_time () - start) / 1e6;
        }
      printf ("  LibreOffice, the same sheets as HTML to PDF, median of 3: %7.3f s\n",
              median (times, G_N_ELEMENTS (times)));
    }
  else
    printf ("  LibreOffice is not installed: no comparison.\n");

  cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  g_spawn_command_line_sync (cleanup, NULL, NULL, NULL, NULL);

  return 0;
}
