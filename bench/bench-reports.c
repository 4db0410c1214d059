/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench-util.h"

#include <glib/gstdio.h>
#include <stdio.h>

#include "measures-import.h"
#include "measures-report.h"

/* How long the reports take, as the medians of repeated runs:
 *
 *   bench-reports [STORE [LARGE-STORE]]
 *
 * one measure sheet, SAM's office sheets, the whole strategy report and
 * the monitoring report of STORE (the embedded strategy when none is
 * given), and the overview table and the monitoring report of
 * LARGE-STORE. For comparison, the time LibreOffice needs to turn an
 * HTML file of SAM's sheets into a PDF, measured in the same run, when
 * LibreOffice is installed. */

#define RUNS 7

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

  return bench_median (times, RUNS);
}

/* SAM's measure sheets as one HTML page, for the comparison: the measures
 * it leads or takes part in, the text of each sheet. */
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
      g_autofree char *title = NULL;
      g_autofree char *description = NULL;

      if (!measures_measure_has_office (measure, "SAM", MEASURES_ROLE_LEAD) &&
          !measures_measure_has_office (measure, "SAM", MEASURES_ROLE_INVOLVED))
        continue;
      title = g_markup_escape_text (measures_measure_get_title (measure), -1);
      description = g_markup_escape_text (measures_measure_get_description (measure), -1);

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

static gint64 first_measure;

static MeasuresReport *
make_monitoring (MeasuresStore  *store,
                 GError        **error)
{
  return measures_report_new_monitoring (store, 0, NULL, error);
}

static MeasuresReport *
make_measure (MeasuresStore  *store,
              GError        **error)
{
  return measures_report_new_measure (store, first_measure, error);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("measures-bench-XXXXXX", &error);
  g_autofree char *db = g_build_filename (dir, "strategy.db", NULL);
  g_autofree char *pdf = g_build_filename (dir, "report.pdf", NULL);
  g_autofree char *html = g_build_filename (dir, "sam.html", NULL);
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autofree char *office = g_find_program_in_path ("soffice");
  g_autofree char *cleanup = NULL;
  guint pages;
  double sam, seconds;

  if (dir == NULL)
    g_error ("%s", error->message);

  /* A copy: opening may migrate or write a backup. */
  if (argc > 1)
    {
      g_autofree char *command = g_strdup_printf ("cp '%s' '%s'", argv[1], db);

      if (system (command) != 0)
        g_error ("Could not copy %s", argv[1]);
    }
  if (!(store = measures_store_open (db, &error)) ||
      !measures_import_ensure_data (store, &error) ||
      !(measures = measures_store_list_measures (store, &error)))
    g_error ("%s", error->message);
  first_measure = measures_measure_get_id (g_list_model_get_item (measures, 0));
  g_object_unref (g_list_model_get_item (measures, 0));

  printf ("  median of %d runs, %u measures:\n", RUNS, g_list_model_get_n_items (measures));
  seconds = time_report (store, make_measure, pdf, &pages);
  printf ("  one measure sheet                %5u pages  %8.3f s\n", pages, seconds);
  sam = time_report (store, make_sam, pdf, &pages);
  printf ("  SAM's office sheets              %5u pages  %8.3f s   target < 0.5 s: %s\n",
          pages, sam, sam < 0.5 ? "holds" : "MISSED");
  seconds = time_report (store, measures_report_new_strategy, pdf, &pages);
  printf ("  the strategy report              %5u pages  %8.3f s\n", pages, seconds);
  seconds = time_report (store, make_monitoring, pdf, &pages);
  printf ("  the monitoring report            %5u pages  %8.3f s   target < 0.5 s: %s\n",
          pages, seconds, seconds < 0.5 ? "holds" : "MISSED");

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
      seconds = bench_median (times, G_N_ELEMENTS (times));
      printf ("  LibreOffice, SAM's sheets as HTML to PDF (median of 3) %8.3f s: "
              "Measures takes %.2f× its time\n", seconds, sam / seconds);
    }
  else
    printf ("  LibreOffice is not installed: no comparison (build-aux/run-benchmarks installs it).\n");

  if (argc > 2)
    {
      g_autofree char *large = g_build_filename (dir, "large.db", NULL);
      g_autofree char *command = g_strdup_printf ("cp '%s' '%s'", argv[2], large);
      g_autoptr(MeasuresStore) large_store = NULL;
      g_autoptr(GListModel) all = NULL;

      if (system (command) != 0 || !(large_store = measures_store_open (large, &error)) ||
          !(all = measures_store_list_measures (large_store, &error)))
        g_error ("Could not open %s: %s", argv[2], error ? error->message : "");
      seconds = time_report (large_store, measures_report_new_overview, pdf, &pages);
      printf ("  overview table, %u measures   %5u pages  %8.3f s\n",
              g_list_model_get_n_items (all), pages, seconds);
      seconds = time_report (large_store, make_monitoring, pdf, &pages);
      printf ("  monitoring report, %u measures %5u pages  %8.3f s\n",
              g_list_model_get_n_items (all), pages, seconds);
    }

  cleanup = g_strdup_printf ("rm -rf '%s'", dir);
  g_spawn_command_line_sync (cleanup, NULL, NULL, NULL, NULL);

  return 0;
}
