/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE  /* memmem */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "measures-format.h"
#include "measures-report.h"
#include "measures-statistics.h"
#include "measures-test-util.h"

/* The printed reports, checked with poppler's tools as a reader would
 * check them: page size, fonts, metadata, bookmarks and every word. */

static char *
run (const char * const *argv,
     int                *status)
{
  g_autoptr(GError) error = NULL;
  char *out = NULL;
  int wait_status;

  g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH | G_SPAWN_STDERR_TO_DEV_NULL,
                NULL, NULL, &out, NULL, &wait_status, &error);
  g_assert_no_error (error);
  if (status)
    *status = g_spawn_check_wait_status (wait_status, NULL) ? 0 : 1;

  return out;
}

static int
export (TempDir    *fixture,
        const char *first,
        ...)
{
  g_autofree char *db = temp_path (fixture, "strategy.db");
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autofree char *out = NULL;
  int status;
  va_list args;

  g_ptr_array_add (argv, (char *)g_getenv ("MEASURES_BIN"));
  g_ptr_array_add (argv, "--database");
  g_ptr_array_add (argv, db);
  va_start (args, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (args, const char *))
    g_ptr_array_add (argv, (char *)arg);
  va_end (args);
  g_ptr_array_add (argv, NULL);

  out = run ((const char * const *)argv->pdata, &status);
  return status;
}

/* pdftotext's words, joined by single spaces, so that text wrapped across
 * lines still reads as written. */
static char *
pdf_text (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = run (argv, NULL);
  g_auto(GStrv) words = g_strsplit_set (text, " \n\f\t", -1);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, words[i]);
    }

  return g_string_free (joined, FALSE);
}

/* Takes out what every page repeats — running header, footer, the
 * "(continued)" line — so that text flowing across pages reads as one. */
static char *
without_page_furniture (const char *text,
                        const char *title)
{
  g_autofree char *escaped = g_regex_escape_string (title, -1);
  g_autofree char *pattern = g_strdup_printf ("Internationalisierungsstrategie 2020 – 2030|"
                                              "As of \\S+ \\d+, \\d{4}|Page \\d+ of \\d+|"
                                              "%s \\(continued\\)|%s", escaped, escaped);
  g_autoptr(GRegex) furniture = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GRegex) spaces = g_regex_new (" {2,}", 0, 0, NULL);
  g_autofree char *stripped = g_regex_replace_literal (furniture, text, -1, 0, "", 0, NULL);

  return g_regex_replace_literal (spaces, stripped, -1, 0, " ", 0, NULL);
}

static char *
collapse (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " \n", -1);
  GString *joined = g_string_new (NULL);

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        continue;
      if (joined->len > 0)
        g_string_append_c (joined, ' ');
      g_string_append (joined, words[i]);
    }

  return g_string_free (joined, FALSE);
}

static char *
pdf_info (const char *pdf)
{
  const char *argv[] = { "pdfinfo", pdf, NULL };
  return run (argv, NULL);
}

static void
test_office_sheets (TempDir       *fixture,
                    gconstpointer  data)
{
  g_autofree char *pdf = temp_path (fixture, "sam.pdf");
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *fonts = NULL;
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(GError) error = NULL;
  const char *fonts_argv[] = { "pdffonts", pdf, NULL };
  g_autofree char *db = temp_path (fixture, "strategy.db");
  guint led = 0;

  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--office", "SAM",
                           "--report-language", "en", NULL), ==, 0);

  info = pdf_info (pdf);
  g_assert_nonnull (strstr (info, "Title:           Measure Sheets: SAM"));
  g_assert_nonnull (strstr (info, "Creator:         Measures"));
  g_assert_nonnull (strstr (info, "Author:"));
  g_assert_nonnull (strstr (info, "(A4)"));

  /* Every font is embedded. */
  fonts = run (fonts_argv, NULL);
  g_assert_null (strstr (fonts, " no "));
  g_assert_nonnull (strstr (fonts, "DejaVuSans"));

  /* Every measure SAM leads or takes part in, and none other. */
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Stabsstelle Außenbeziehungen und Strategisches Marketing"));
  store = measures_store_open (db, &error);
  measures = measures_store_list_measures (store, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);
      g_autofree char *title = collapse (measures_measure_get_title (measure));
      gboolean lead = measures_measure_has_office (measure, "SAM", MEASURES_ROLE_LEAD);
      gboolean involved = measures_measure_has_office (measure, "SAM", MEASURES_ROLE_INVOLVED);

      if (lead || involved)
        g_assert_nonnull (strstr (text, title));
      else if (strstr (text, title) != NULL)
        g_error ("SAM's sheets name “%s”, which SAM neither leads nor takes part in", title);
      led += lead;
    }
  g_assert_cmpuint (led, ==, 13);
  g_assert_nonnull (strstr (text, "Leads 13 measures · takes part in 13 measures"));
}

static void
test_strategy_report (TempDir       *fixture,
                      gconstpointer  data)
{
  g_autofree char *pdf = temp_path (fixture, "strategy.pdf");
  g_autofree char *text = NULL;
  g_autofree char *outline = NULL;
  const char *outline_argv[] = { "pdftohtml", "-xml", "-i", "-q", "-stdout", pdf, NULL };

  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--report-language", "de", NULL), ==, 0);

  text = pdf_text (pdf);
  /* German labels, German content, printed as stored. */
  g_assert_nonnull (strstr (text, "Kurzbeschreibung"));
  g_assert_nonnull (strstr (text, "Ziele der Maßnahme"));
  g_assert_nonnull (strstr (text, "Realisierungszeitraum"));
  g_assert_nonnull (strstr (text, "Internationales Karlsruhe 2030 – innovativer.nachhaltiger.weltoffener."));
  g_assert_nonnull (strstr (text, "Verstärkte Zusammenarbeit Karlsruhe – Straßburg"));
  g_assert_nonnull (strstr (text, "Internationaler „Medical Campus“"));
  g_assert_nonnull (strstr (text, "Interkulturelle Elternmentor*innen"));

  /* The bookmarks: the goals, with their measures beneath. */
  outline = run (outline_argv, NULL);
  for (guint goal = 1; goal <= 5; goal++)
    {
      g_autofree char *item = g_strdup_printf (">Ziel %u: ", goal);
      g_assert_nonnull (strstr (outline, item));
    }
  g_assert_nonnull (strstr (outline, ">Karlsruhe feiert den Europatag am 9. Mai</item>"));
}

static void
test_languages_and_paper (TempDir       *fixture,
                          gconstpointer  data)
{
  struct {
    const char *language;
    const char *label;
  } cases[] = {
    { "en", "Short Description" },
    { "de", "Kurzbeschreibung" },
    { "fr", "Description succincte" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("goal-%s.pdf", cases[i].language);
      g_autofree char *pdf = temp_path (fixture, name);
      g_autofree char *text = NULL;
      g_autofree char *info = NULL;

      g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--goal", "3", "--report-language",
                               cases[i].language, "--paper", "letter", NULL), ==, 0);
      text = pdf_text (pdf);
      g_assert_nonnull (strstr (text, cases[i].label));
      /* The strategy's own text stays German. */
      g_assert_nonnull (strstr (text, "Die Stadt Karlsruhe kommt ihrer globalen Verantwortung nach."));
      info = pdf_info (pdf);
      g_assert_nonnull (strstr (info, "612 x 792 pts (letter)"));
    }
}

static void
test_long_and_special_text (TempDir       *fixture,
                            gconstpointer  data)
{
  g_autofree char *db = temp_path (fixture, "strategy.db");
  g_autofree char *pdf = temp_path (fixture, "long.pdf");
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresMeasure) draft = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) description = g_string_new (NULL);
  g_autofree char *id_text = NULL;
  g_autofree char *text = NULL;
  g_autofree char *flowing = NULL;
  g_autofree char *info = NULL;
  const char *lead[] = { "SAM", NULL };
  const char *objectives[] = { "Coopération « française » et Straße „Test“ — ÄÖÜäöüß éèçà", NULL };
  gint64 id;

  /* About three pages of numbered sentences, under the length limit. */
  for (guint i = 1; i <= 300; i++)
    g_string_append_printf (description, "Satz %u der langen Beschreibung über Öffentlichkeit. ", i);
  g_string_append (description, "Ende der Beschreibung.");

  draft = g_object_new (MEASURES_TYPE_MEASURE, "goal", 2, "title", "Sehr lange Maßnahme",
                        "description", description->str, "objectives", objectives,
                        "lead", "SAM", "lead-offices", lead, NULL);
  id = measures_store_create_measure (store, draft, "Test", NULL, &error);
  g_assert_no_error (error);
  g_clear_object (&store);

  id_text = g_strdup_printf ("%" G_GINT64_FORMAT, id);
  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--measure", id_text,
                           "--report-language", "en", NULL), ==, 0);

  info = pdf_info (pdf);
  g_assert_null (strstr (info, "Pages:           1\n"));
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "Sehr lange Maßnahme (continued)"));
  g_assert_nonnull (strstr (text, "Coopération « française » et Straße „Test“ — ÄÖÜäöüß éèçà"));

  /* Nothing clipped: every sentence, the last one too. */
  flowing = without_page_furniture (text, "Sehr lange Maßnahme");
  for (guint i = 1; i <= 300; i++)
    {
      g_autofree char *sentence = g_strdup_printf ("Satz %u der langen Beschreibung über "
                                                   "Öffentlichkeit.", i);
      if (strstr (flowing, sentence) == NULL)
        g_error ("“%s” is missing from the printed sheet", sentence);
    }
  g_assert_nonnull (strstr (flowing, "Ende der Beschreibung."));
}

static void
test_errors (TempDir       *fixture,
             gconstpointer  data)
{
  g_autofree char *pdf = temp_path (fixture, "out.pdf");
  g_autofree char *file = temp_path (fixture, "a-file");
  g_autofree char *inside = g_build_filename (file, "out.pdf", NULL);

  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--office", "XYZ", NULL), !=, 0);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--goal", "9", NULL), !=, 0);
  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--report-language", "xx", NULL), !=, 0);
  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--paper", "a3", NULL), !=, 0);
  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--office", "SAM", "--goal", "1", NULL),
                   !=, 0);
  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--overview", "--measure", "1", NULL),
                   !=, 0);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));

  /* The overview table alone, from the command line. */
  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--overview", "--report-language", "de",
                           NULL), ==, 0);
  {
    g_autofree char *text = pdf_text (pdf);

    g_assert_nonnull (strstr (text, "Maßnahmen im Überblick"));
    g_assert_nonnull (strstr (text, "50 Maßnahmen"));
  }
  g_assert_cmpint (g_unlink (pdf), ==, 0);

  /* An unwritable place leaves nothing behind. */
  g_assert_true (g_file_set_contents (file, "x", -1, NULL));
  g_assert_cmpint (export (fixture, "--export-pdf", inside, NULL), !=, 0);
}

static void
test_all_offices (TempDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *folder = temp_path (fixture, "sheets");
  g_autofree char *sam = g_build_filename (folder, "SAM.pdf", NULL);
  g_autofree char *clinic = g_build_filename (folder, "Staedtisches_Klinikum_Karlsruhe.pdf", NULL);
  g_autofree char *dez = g_build_filename (folder, "Dez_1.pdf", NULL);
  g_autoptr(GDir) dir = NULL;
  guint n = 0;

  g_assert_cmpint (export (fixture, "--export-office-sheets", folder, NULL), ==, 0);
  g_assert_true (g_file_test (sam, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (clinic, G_FILE_TEST_IS_REGULAR));
  g_assert_true (g_file_test (dez, G_FILE_TEST_IS_REGULAR));

  dir = g_dir_open (folder, 0, NULL);
  while (g_dir_read_name (dir) != NULL)
    n++;
  /* One file per office named in at least one measure; no temporary left. */
  g_assert_cmpuint (n, ==, 51);
}

/* Every office's sheets, two to a landscape page: each file is landscape
 * A4 and names every measure the office leads or takes part in. */
static void
test_office_sheets_two_per_page (TempDir       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GListModel) measures = measures_store_list_measures (store, NULL);
  g_autofree char *folder = temp_path (fixture, "sheets");
  g_autoptr(GError) error = NULL;
  const char *offices[] = { "SAM", "SuS", "Wifö" };
  guint n = 0;

  g_assert_true (measures_report_export_office_sheets (store, folder, "en", MEASURES_PAPER_A4,
                                                       MEASURES_LAYOUT_TWO_PER_PAGE, "Jane Roe",
                                                       &n, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (n, ==, 51);

  for (guint i = 0; i < G_N_ELEMENTS (offices); i++)
    {
      g_autofree char *stem = measures_report_safe_file_name (offices[i]);
      g_autofree char *name = g_strconcat (stem, ".pdf", NULL);
      g_autofree char *pdf = g_build_filename (folder, name, NULL);
      g_autofree char *info = pdf_info (pdf);
      g_autofree char *text = pdf_text (pdf);
      guint named = 0;

      if (strstr (info, "Page size:       841.89 x 595.276 pts (A4)") == NULL)
        g_error ("%s is not on landscape A4:\n%s", pdf, info);
      for (guint m = 0; m < g_list_model_get_n_items (measures); m++)
        {
          g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, m);
          g_autofree char *title = collapse (measures_measure_get_title (measure));

          if (!measures_measure_has_office (measure, offices[i], MEASURES_ROLE_LEAD) &&
              !measures_measure_has_office (measure, offices[i], MEASURES_ROLE_INVOLVED))
            continue;
          if (strstr (text, title) == NULL)
            g_error ("The sheets of %s do not name “%s”", offices[i], title);
          named++;
        }
      g_assert_cmpuint (named, >, 0);
    }
}

/* The monitoring report ------------------------------------------------- */

static guint
pdf_pages (const char *pdf)
{
  g_autofree char *info = pdf_info (pdf);
  const char *line = strstr (info, "Pages:");

  g_assert_nonnull (line);
  return atoi (line + strlen ("Pages:"));
}

/* "Stabsstelle … (SAM)", as the report names an office. */
static char *
office_label (GListModel *offices,
              const char *abbreviation)
{
  if (abbreviation == NULL)
    return g_strdup ("No lead office");

  for (guint i = 0; i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);

      if (g_str_equal (measures_office_get_abbreviation (office), abbreviation))
        return g_str_equal (measures_office_get_name (office), abbreviation)
               ? g_strdup (abbreviation)
               : g_strdup_printf ("%s (%s)", measures_office_get_name (office), abbreviation);
    }

  return g_strdup (abbreviation);
}

typedef struct
{
  const char *at;
  MeasuresOverdueOffice *group;
} GroupAt;

static int
compare_group_at (gconstpointer a,
                  gconstpointer b)
{
  const GroupAt *first = a;
  const GroupAt *second = b;

  return (first->at > second->at) - (first->at < second->at);
}

/* Without spaces and hyphens: pdftotext joins a title wrapped after a
 * hyphen into "MICHELINNetzwerk". */
static char *
without_spaces (const char *text)
{
  g_auto(GStrv) words = g_strsplit_set (text, " -", -1);

  return g_strjoinv ("", words);
}

static void
test_monitoring_report (TempDir       *fixture,
                        gconstpointer  data)
{
  g_autofree char *pdf = temp_path (fixture, "monitoring.pdf");
  g_autofree char *db = temp_path (fixture, "strategy.db");
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(GListModel) offices = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(GPtrArray) overdue = NULL;
  g_autoptr(GArray) groups = g_array_new (FALSE, FALSE, sizeof (GroupAt));
  g_autoptr(GError) error = NULL;
  g_autofree char *raw = NULL;
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autofree char *bare = NULL;
  MeasuresStatistics statistics;
  guint n_rows = 0;
  guint rows = 0;

  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--monitoring", "--report-language", "en",
                           NULL), ==, 0);
  g_assert_cmpuint (pdf_pages (pdf), >=, 2);
  info = pdf_info (pdf);
  g_assert_nonnull (strstr (info, "Title:           Monitoring Report\n"));
  g_assert_nonnull (strstr (info, "(A4)"));

  raw = pdf_text (pdf);
  text = without_page_furniture (raw, "Monitoring Report");
  g_assert_nonnull (strstr (raw, "Monitoring Report"));
  g_assert_nonnull (strstr (raw, "The whole strategy: "
                                 "Internationalisierungsstrategie 2020 – 2030"));
  g_assert_nonnull (strstr (text, "Each measure is to be reported on every 6 months."));

  store = measures_store_open (db, &error);
  g_assert_no_error (error);
  goals = measures_store_list_goals (store, &error);
  offices = measures_store_list_offices (store, &error);
  measures = measures_store_list_measures (store, &error);
  g_assert_no_error (error);

  /* Every goal, with its status bar's description. */
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (goals, i);
      g_autofree char *heading = g_strdup_printf ("Goal %u: %s", measures_goal_get_number (goal),
                                                  measures_goal_get_title (goal));
      g_autofree char *sentence = g_strdup_printf ("Goal %u: ", measures_goal_get_number (goal));

      g_assert_nonnull (strstr (text, heading));
      g_assert_nonnull (strstr (text, sentence));
    }

  /* The overall counts are the statistics' counts: in the legend, in the
   * sentence beneath the bar. */
  g_assert_true (measures_statistics_load_strategy (&statistics, store, &error));
  g_assert_no_error (error);
  for (guint status = 0; status < MEASURES_N_STATUSES; status++)
    {
      g_autofree char *legend = g_strdup_printf ("%s %u", measures_status_get_label (status),
                                                 statistics.counts[status]);

      if (statistics.counts[status] > 0 && strstr (text, legend) == NULL)
        g_error ("The legend lacks “%s”", legend);
    }
  {
    g_autofree char *sentence = g_strdup_printf ("All measures: %u planned, %u in progress · %u "
                                                 "measures · mean progress 0 %%",
                                                 statistics.counts[MEASURES_STATUS_PLANNED],
                                                 statistics.counts[MEASURES_STATUS_IN_PROGRESS],
                                                 measures_statistics_get_n_measures (&statistics));

    g_assert_cmpuint (measures_statistics_get_n_measures (&statistics), ==, 50);
    g_assert_nonnull (strstr (text, sentence));
  }

  /* The line chart, which has nothing to draw yet, says so. */
  g_assert_nonnull (strstr (text, "Progress over Time"));
  g_assert_nonnull (strstr (text, "Mean progress: no data"));

  /* The lead offices' table. */
  g_assert_nonnull (strstr (text, "Lead Offices"));
  g_assert_nonnull (strstr (text, "Stabsstelle Außenbeziehungen und Strategisches Marketing "
                                  "(SAM) 13"));

  /* Nobody has reported yet: every measure is overdue, under each of its
   * lead offices. */
  g_assert_nonnull (strstr (text, "50 of 50 measures have had no progress report for more than "
                                  "6 months."));
  overdue = measures_statistics_list_overdue (store, measures_day_today (), 6, 0, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < overdue->len; i++)
    {
      MeasuresOverdueOffice *group = g_ptr_array_index (overdue, i);
      g_autofree char *label = office_label (offices, group->office);
      g_autofree char *line = g_strdup_printf ("%s · %u overdue", label, group->measures->len);
      GroupAt at = { strstr (text, line), group };

      if (at.at == NULL)
        g_error ("The overdue list has no group “%s”", line);
      g_array_append_val (groups, at);
    }
  g_array_sort (groups, compare_group_at);

  for (guint i = 0; i < groups->len; i++)
    {
      GroupAt *at = &g_array_index (groups, GroupAt, i);
      const char *end = i + 1 < groups->len ? g_array_index (groups, GroupAt, i + 1).at
                                            : text + strlen (text);
      g_autofree char *original = g_strndup (at->at, end - at->at);
      g_autofree char *segment = without_spaces (original);

      for (guint j = 0; j < at->group->measures->len; j++)
        {
          MeasuresOverdueMeasure *item = &g_array_index (at->group->measures,
                                                         MeasuresOverdueMeasure, j);
          g_autoptr(MeasuresMeasure) measure = measures_store_get_measure (store,
                                                                           item->measure_id,
                                                                           &error);
          g_autofree char *title = collapse (measures_measure_get_title (measure));
          g_autofree char *spaced = g_strdup_printf ("%u.%u %s", item->goal, item->position, title);
          g_autofree char *row = without_spaces (spaced);

          g_assert_no_error (error);
          g_assert_cmpint (item->last_report, ==, 0);
          if (strstr (segment, row) == NULL)
            g_error ("“%s” is missing under %s", spaced, at->group->office);
          n_rows++;
          rows++;
        }
    }

  /* All 50, and those with several lead offices under each. */
  bare = without_spaces (text);
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);
      g_autofree char *title = collapse (measures_measure_get_title (measure));
      g_autofree char *bare_title = without_spaces (title);
      const char * const *leads = measures_measure_get_lead_offices (measure);

      g_assert_nonnull (strstr (bare, bare_title));
      n_rows -= MAX (1, leads ? g_strv_length ((char **)leads) : 0);
    }
  g_assert_cmpuint (n_rows, ==, 0);

  /* Each of them never reported on; the columns' text may come in any
   * order, so they are counted. */
  {
    g_auto(GStrv) parts = g_strsplit (text, "never reported", -1);

    g_assert_cmpuint (g_strv_length (parts) - 1, ==, rows);
  }

  /* No indicators in the embedded strategy. */
  g_assert_nonnull (strstr (text, "Indicators The strategy has no indicators yet."));
}

static void
test_monitoring_narrowed (TempDir       *fixture,
                          gconstpointer  data)
{
  g_autofree char *goal_pdf = temp_path (fixture, "goal.pdf");
  g_autofree char *office_pdf = temp_path (fixture, "office.pdf");
  g_autofree char *goal_text = NULL;
  g_autofree char *office_text = NULL;
  g_autofree char *info = NULL;

  g_assert_cmpint (export (fixture, "--export-pdf", goal_pdf, "--monitoring", "--goal", "2",
                           "--report-language", "en", NULL), ==, 0);
  info = pdf_info (goal_pdf);
  g_assert_nonnull (strstr (info, "Title:           Monitoring Report: Goal 2\n"));
  goal_text = pdf_text (goal_pdf);
  g_assert_nonnull (strstr (goal_text, "Goal 2: Zusammenarbeit in Europa und Europakompetenz"));
  g_assert_nonnull (strstr (goal_text, "16 of 16 measures have had no progress report"));
  g_assert_nonnull (strstr (goal_text, "Verstärkte Zusammenarbeit Karlsruhe – Straßburg"));
  /* Neither another goal's bar nor its measures. */
  g_assert_null (strstr (goal_text, "Goal 1:"));
  g_assert_null (strstr (goal_text, "Interkulturelle Elternmentor*innen"));
  g_assert_nonnull (strstr (goal_text, "No indicator belongs to the measures this report covers."));

  g_assert_cmpint (export (fixture, "--export-pdf", office_pdf, "--monitoring", "--office", "SAM",
                           "--report-language", "en", NULL), ==, 0);
  office_text = pdf_text (office_pdf);
  g_assert_nonnull (strstr (office_text, "The measures that Stabsstelle Außenbeziehungen und "
                                         "Strategisches Marketing (SAM) leads"));
  g_assert_nonnull (strstr (office_text, "13 of 13 measures have had no progress report"));
  g_assert_nonnull (strstr (office_text, "Karlsruhe feiert den Europatag am 9. Mai"));
  /* A measure SAM only takes part in. */
  g_assert_null (strstr (office_text, "Interkulturelle Elternmentor*innen"));
  g_assert_null (strstr (office_text, "Lead Offices"));
}

static void
test_monitoring_languages (TempDir       *fixture,
                           gconstpointer  data)
{
  struct {
    const char *language;
    const char *paper;
    const char *labels[4];
  } cases[] = {
    { "de", "a4", { "Stand: ", "Ziel 1: ", "Geplant 28", "Fortschritt" } },
    { "fr", "letter", { "Situation au ", "Objectif 1 : ", "Prévue 28", "Avancement" } },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = g_strdup_printf ("monitoring-%s.pdf", cases[i].language);
      g_autofree char *pdf = temp_path (fixture, name);
      g_autofree char *text = NULL;
      g_autofree char *info = NULL;

      g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--monitoring", "--report-language",
                               cases[i].language, "--paper", cases[i].paper, NULL), ==, 0);
      text = pdf_text (pdf);
      for (guint j = 0; j < G_N_ELEMENTS (cases[i].labels); j++)
        if (strstr (text, cases[i].labels[j]) == NULL)
          g_error ("The %s report lacks “%s”", cases[i].language, cases[i].labels[j]);
      info = pdf_info (pdf);
      g_assert_nonnull (strstr (info, g_str_equal (cases[i].paper, "a4") ? "(A4)" : "(letter)"));
    }
}

static void
test_monitoring_indicator (TempDir       *fixture,
                           gconstpointer  data)
{
  g_autofree char *pdf = temp_path (fixture, "indicator.pdf");
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresIndicator) empty = measures_indicator_new ();
  g_autoptr(MeasuresIndicator) draft = NULL;
  g_autoptr(GPtrArray) targets = measures_indicator_targets_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *text = NULL;
  MeasuresPoint baseline = { measures_day_from_iso8601 ("2019-12-31"), 12.25 };
  MeasuresPoint target_points[] = {
    { measures_day_from_iso8601 ("2025-12-31"), 15 },
    { measures_day_from_iso8601 ("2030-12-31"), 20.5 },
  };
  MeasuresPoint values[] = {
    { measures_day_from_iso8601 ("2022-12-31"), 13 },
    { measures_day_from_iso8601 ("2024-06-30"), 14.5 },
  };
  MeasuresIndicatorEvaluation evaluation;
  gint64 id;

  measures_indicator_targets_add (targets, "2025-12-31", 15);
  measures_indicator_targets_add (targets, "2030-12-31", 20.5);
  draft = measures_indicator_copy_with (empty, "goal", 2,
                                        "name", "Anteil internationaler Studierender",
                                        "unit", "%", "office", "SAM", "baseline-value", 12.25,
                                        "baseline-date", "2019-12-31",
                                        "direction", MEASURES_DIRECTION_UP,
                                        "targets", targets, NULL);
  id = measures_store_create_indicator (store, draft, "Test", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (values); i++)
    {
      g_autoptr(MeasuresIndicator) stored = measures_store_get_indicator (store, id, &error);
      const char *dates[] = { "2022-12-31", "2024-06-30" };

      g_assert_no_error (error);
      measures_store_add_indicator_value (store, id, measures_indicator_get_revision (stored),
                                          dates[i], values[i].value, NULL, "Test", &error);
      g_assert_no_error (error);
    }
  g_clear_object (&store);

  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--monitoring", "--report-language", "en",
                           NULL), ==, 0);
  text = pdf_text (pdf);
  g_assert_null (strstr (text, "The strategy has no indicators yet."));
  g_assert_nonnull (strstr (text, "Anteil internationaler Studierender"));
  g_assert_nonnull (strstr (text, "14.5 %"));
  g_assert_nonnull (strstr (text, "20.5 % by December 31, 2030"));

  /* The rating is the statistics' own. */
  measures_statistics_evaluate_indicator (&baseline, target_points, G_N_ELEMENTS (target_points),
                                          FALSE, values, G_N_ELEMENTS (values), &evaluation);
  g_assert_cmpint (evaluation.rating, !=, MEASURES_RATING_NO_DATA);
  g_assert_nonnull (strstr (text, measures_indicator_rating_get_label (evaluation.rating)));

  /* Narrowed to another goal, it is left out. */
  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--monitoring", "--goal", "1",
                           "--report-language", "en", NULL), ==, 0);
  g_free (text);
  text = pdf_text (pdf);
  g_assert_null (strstr (text, "Anteil internationaler Studierender"));
}

/* Tagged PDF ------------------------------------------------------------- */

/* The structure tree's leaves as pdfinfo -struct-text prints them: each
 * text with the tag it sits in, in the tree's order, as "TAG\ttext". */
static GPtrArray *
struct_items (const char *pdf)
{
  const char *argv[] = { "pdfinfo", "-struct-text", pdf, NULL };
  g_autofree char *out = run (argv, NULL);
  g_auto(GStrv) lines = g_strsplit (out, "\n", -1);
  GPtrArray *items = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *tag = NULL;

  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *line = g_strstrip (lines[i]);
      gsize length = strlen (line);

      if (length >= 2 && line[0] == '"' && line[length - 1] == '"')
        {
          g_autofree char *text = g_strndup (line + 1, length - 2);
          g_autofree char *collapsed = collapse (text);

          g_ptr_array_add (items, g_strdup_printf ("%s\t%s", tag ? tag : "", collapsed));
        }
      else if (length > 0 && !g_str_has_prefix (line, "Object "))
        {
          g_free (tag);
          tag = g_strndup (line, strcspn (line, " "));
        }
    }

  return items;
}

/* The index of the first item from @from on with @tag that holds the
 * beginning of @text: all of it, or the lines before a page break. */
static int
find_start (GPtrArray  *items,
            guint       from,
            const char *tag,
            const char *text)
{
  g_autofree char *prefix = g_strdup_printf ("%s\t", tag);

  for (guint i = from; i < items->len; i++)
    {
      const char *item = g_ptr_array_index (items, i);

      if (g_str_has_prefix (item, prefix) && item[strlen (prefix)] != '\0' &&
          g_str_has_prefix (text, item + strlen (prefix)))
        return i;
    }

  return -1;
}

/* The index of the first item from @from on with @tag whose text starts
 * with @text, or -1. */
static int
find_item (GPtrArray  *items,
           guint       from,
           const char *tag,
           const char *text)
{
  g_autofree char *prefix = g_strdup_printf ("%s\t%s", tag, text);

  for (guint i = from; i < items->len; i++)
    if (g_str_has_prefix (g_ptr_array_index (items, i), prefix))
      return i;

  return -1;
}

static GHashTable *
word_set (GPtrArray *items)
{
  GHashTable *words = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < items->len; i++)
    {
      const char *text = strchr (g_ptr_array_index (items, i), '\t') + 1;
      g_auto(GStrv) split = g_strsplit (text, " ", -1);

      for (guint j = 0; split[j] != NULL; j++)
        if (split[j][0] != '\0')
          g_hash_table_add (words, g_strdup (split[j]));
    }

  return words;
}

/* Every word on the pages is in the structure tree, but for the running
 * header and footer, the "(continued)" lines and the contents' page
 * numbers; and none of those is in it. */
/* Text without spaces and hyphens of any kind: pdftotext joins a word
 * hyphenated at a line's end, and drops narrow spaces. */
static void
append_squeezed (GString    *out,
                 const char *text)
{
  for (const char *c = text; *c; c = g_utf8_next_char (c))
    {
      gunichar u = g_utf8_get_char (c);

      if (!g_unichar_isspace (u) && u != '-' && u != 0x2010 && u != 0x00A0 && u != 0x202F)
        g_string_append_unichar (out, u);
    }
}

static void
assert_no_text_outside (const char *pdf,
                        GPtrArray  *items,
                        const char *title)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *raw = run (argv, NULL);
  g_autoptr(GRegex) blanks = g_regex_new ("\\s+", 0, 0, NULL);
  g_autofree char *text = g_regex_replace_literal (blanks, raw, -1, 0, " ", 0, NULL);
  g_autofree char *escaped = g_regex_escape_string (title, -1);
  g_autofree char *pattern = g_strdup_printf (
    "Internationalisierungsstrategie 2020 – 2030|%s|(As of|Stand:|Situation au) \\S+( \\S+)?"
    " \\d{4}|(Page|Seite) \\d+ (of|von|sur) \\d+", escaped);
  g_autoptr(GRegex) furniture = g_regex_new (pattern, 0, 0, NULL);
  g_autoptr(GRegex) pages = g_regex_new ("(Page|Seite) \\d+ (of|von|sur) \\d+", 0, 0, NULL);
  g_autofree char *rest = g_regex_replace_literal (furniture, text, -1, 0, " ", 0, NULL);
  g_autoptr(GHashTable) words = word_set (items);
  g_auto(GStrv) split = g_strsplit (rest, " ", -1);
  g_autoptr(GString) tree = g_string_new (NULL);

  /* The tree's text without spaces, for words that a narrow cell wraps
   * inside and that the text extraction sees as two. */
  for (guint i = 0; i < items->len; i++)
    append_squeezed (tree, strchr (g_ptr_array_index (items, i), '\t') + 1);

  for (guint i = 0; i < items->len; i++)
    g_assert_false (g_regex_match (pages, g_ptr_array_index (items, i), 0, NULL));

  for (guint i = 0; split[i] != NULL; i++)
    {
      const char *word = split[i];

      if (word[0] == '\0' || strspn (word, "0123456789") == strlen (word) ||
          g_str_has_suffix (word, "(continued)") || g_str_equal (word, "(continued)") ||
          g_str_equal (word, "(Fortsetzung)") || g_str_equal (word, "(suite)"))
        continue;
      g_autoptr(GString) squeezed = g_string_new (NULL);

      append_squeezed (squeezed, word);
      if (!g_hash_table_contains (words, word) && strstr (tree->str, squeezed->str) == NULL)
        {
          /* A "(continued)" line repeats a title: its words are in the tree
           * anyway, except the label itself. */
          g_error ("“%s” is on the pages of %s but not in the structure tree", word, pdf);
        }
    }
}

static void
assert_metadata (const char *pdf,
                 const char *title)
{
  g_autofree char *info = pdf_info (pdf);
  g_autofree char *expected = g_strdup_printf ("Title:           %s\n", title);
  g_autofree char *data = NULL;
  gsize length;
  const char *subject = strstr (info, "Subject:");

  if (strstr (info, expected) == NULL)
    g_error ("%s has not the title “%s”:\n%s", pdf, title, info);
  g_assert_nonnull (strstr (info, "Tagged:          yes"));
  g_assert_nonnull (strstr (info, "Keywords:        Internationalisierungsstrategie 2020 – 2030,"));
  g_assert_nonnull (strstr (info, "Author:          Jane Roe"));
  g_assert_nonnull (strstr (info, "CreationDate:"));
  g_assert_nonnull (subject);
  /* The subject says something the title does not. */
  g_assert_false (g_str_has_prefix (subject + strlen ("Subject:         "), title) &&
                  subject[strlen ("Subject:         ") + strlen (title)] == '\n');

  /* What cairo cannot write: the language, the title shown as the
   * window's, the figures' alternative texts. */
  g_assert_true (g_file_get_contents (pdf, &data, &length, NULL));
  g_assert_nonnull (memmem (data, length, "/Lang (de)", 10));
  g_assert_nonnull (memmem (data, length, "/DisplayDocTitle true", 21));
}

/* Counts the figures and their alternative texts; they match. */
static void
assert_figures_described (const char *pdf)
{
  g_autofree char *data = NULL;
  gsize length;
  g_autoptr(GRegex) figure = g_regex_new ("/S /Figure\\s+/P \\d+ 0 R\\s+/Pg \\d+ 0 R\\s+"
                                          "/K \\d+\\s+/Alt <FEFF", G_REGEX_RAW, 0, NULL);
  g_autoptr(GRegex) any = g_regex_new ("\\n(\\d+) 0 obj\\s*<< /Type /StructElem\\s+/S /Figure",
                                       G_REGEX_RAW, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GHashTable) numbers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint described = 0;

  g_assert_true (g_file_get_contents (pdf, &data, &length, NULL));
  /* Each figure is written twice: by cairo, and again with its /Alt. */
  g_regex_match_full (any, data, length, 0, 0, &match, NULL);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    g_hash_table_add (numbers, g_match_info_fetch (match, 1));
  g_clear_pointer (&match, g_match_info_free);
  g_regex_match_full (figure, data, length, 0, 0, &match, NULL);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    described++;

  g_assert_cmpuint (described, ==, g_hash_table_size (numbers));
}

static void
export_tagged (TempDir    *fixture,
               const char *pdf,
               const char *language,
               const char *what,
               const char *argument)
{
  g_autofree char *db = temp_path (fixture, "strategy.db");
  const char *argv[] = { g_getenv ("MEASURES_BIN"), "--database", db, "--export-pdf", pdf,
                         "--report-language", language, what, argument, NULL };
  int status;
  g_autofree char *out = NULL;

  out = run (argv, &status);
  g_assert_cmpint (status, ==, 0);
}

/* Every measure's title is an H2 under its goal's H1, in order, and the
 * goals are H1s in order. */
static void
assert_sheets_under_goals (GPtrArray     *items,
                           MeasuresStore *store,
                           const char    *goal_format,
                           guint          only_goal)
{
  g_autoptr(GListModel) goals = measures_store_list_goals (store, NULL);
  g_autoptr(GListModel) measures = measures_store_list_measures (store, NULL);
  int at = 0;

  for (guint g = 0; g < g_list_model_get_n_items (goals); g++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (goals, g);
      guint number = measures_goal_get_number (goal);
      g_autofree char *heading = NULL;
      int heading_at, next_at;

      if (only_goal != 0 && number != only_goal)
        continue;
      heading = g_strdup_printf (goal_format, number);
      /* The goal's heading over its sheets: the last H1 of the goal. */
      heading_at = find_item (items, at, "H1", heading);
      g_assert_cmpint (heading_at, >=, 0);
      while ((next_at = find_item (items, heading_at + 1, "H1", heading)) >= 0)
        heading_at = next_at;
      at = heading_at;

      for (guint m = 0; m < g_list_model_get_n_items (measures); m++)
        {
          g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, m);
          g_autofree char *title = collapse (measures_measure_get_title (measure));
          int found;

          if (measures_measure_get_goal (measure) != number)
            continue;
          found = find_item (items, at, "H2", title);
          if (found < 0)
            g_error ("“%s” is not an H2 after goal %u's heading", title, number);
          at = found;

          /* Its objectives are list items. */
          for (const char * const *objective = measures_measure_get_objectives (measure);
               *objective != NULL; objective++)
            {
              g_autofree char *text = collapse (*objective);
              g_assert_cmpint (find_start (items, at, "LBody", text), >, at);
            }
        }
    }
}

static void
test_tagged_strategy (TempDir       *fixture,
                      gconstpointer  data)
{
  static const struct { const char *language; const char *goal; const char *lead; }
    languages[] = {
      { "de", "Ziel %u:", "Federführung" },
      { "en", "Goal %u:", "Lead" },
      { "fr", "Objectif %u", NULL },
    };
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    {
      g_autofree char *name = g_strdup_printf ("strategy-%s.pdf", languages[i].language);
      g_autofree char *pdf = temp_path (fixture, name);
      g_autoptr(GPtrArray) items = NULL;

      export_tagged (fixture, pdf, languages[i].language, "--layout", "one-per-page");
      items = struct_items (pdf);

      g_assert_cmpuint (items->len, >, 1000);
      g_assert_cmpint (find_item (items, 0, "H1", "Internationalisierungsstrategie 2020 – 2030"), ==, 1);
      g_assert_cmpint (find_item (items, 0, "TOCI", ""), <, 0);
      g_assert_cmpint (find_item (items, 0, "Link", "Vision"), >, 0);
      assert_sheets_under_goals (items, store, languages[i].goal, 0);
      /* The implementation table: a header cell and its data cell. */
      if (languages[i].lead != NULL)
        {
          int lead = find_item (items, find_item (items, 0, "H2", ""), "TH", languages[i].lead);

          g_assert_cmpint (lead, >, 0);
          g_assert_true (g_str_has_prefix (g_ptr_array_index (items, lead + 1), "TD\t"));
        }
      assert_no_text_outside (pdf, items, "Internationalisierungsstrategie 2020 – 2030");
      assert_figures_described (pdf);
    }
}

static void
test_tagged_kinds (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *overview = temp_path (fixture, "overview.pdf");
  g_autofree char *goal = temp_path (fixture, "goal.pdf");
  g_autofree char *office = temp_path (fixture, "office.pdf");
  g_autofree char *monitoring = temp_path (fixture, "monitoring.pdf");
  g_autoptr(GPtrArray) items = NULL;
  int header;

  /* The overview: a table whose first row is header cells, with progress. */
  export_tagged (fixture, overview, "en", "--overview", NULL);
  items = struct_items (overview);
  header = find_item (items, 0, "TH", "Goal");
  g_assert_cmpint (header, >, 0);
  g_assert_cmpint (find_item (items, header, "TH", "Progress"), ==, header + 5);
  g_assert_cmpint (find_item (items, header, "TD", "0 %"), >, header);
  assert_no_text_outside (overview, items, "Overview of the Measures");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* A goal's report, in French. */
  export_tagged (fixture, goal, "fr", "--goal", "2");
  items = struct_items (goal);
  assert_sheets_under_goals (items, store, "Objectif %u", 2);
  g_clear_pointer (&items, g_ptr_array_unref);

  /* An office's sheets, in German: its name is the cover's heading. */
  export_tagged (fixture, office, "de", "--office", "SAM");
  items = struct_items (office);
  g_assert_cmpint (find_item (items, 0, "H1", "Stabsstelle Außenbeziehungen"), >, 0);
  g_assert_cmpint (find_item (items, 0, "H2", "Verstärkte Zusammenarbeit Karlsruhe – Straßburg"),
                   >, 0);
  g_assert_cmpint (find_item (items, 0, "TH", "Federführung"), >, 0);
  g_assert_cmpint (find_item (items, 0, "LBody", ""), >, 0);
  assert_no_text_outside (office, items, "Maßnahmensteckbriefe: SAM");
  g_clear_pointer (&items, g_ptr_array_unref);

  /* The monitoring report: its charts are figures with their texts. */
  export_tagged (fixture, monitoring, "en", "--monitoring", NULL);
  items = struct_items (monitoring);
  g_assert_cmpint (find_item (items, 0, "H1", ""), >=, 0);
  g_assert_cmpint (find_item (items, 0, "TH", ""), >, 0);
  assert_figures_described (monitoring);
  g_assert_no_error (error);
}

static void
test_metadata (TempDir       *fixture,
               gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *strategy_pdf = temp_path (fixture, "strategy.pdf");
  g_autofree char *office_pdf = temp_path (fixture, "office.pdf");
  g_autoptr(MeasuresReport) strategy = measures_report_new_strategy (store, &error);
  g_autoptr(MeasuresReport) office = measures_report_new_office (store, "SAM", &error);

  g_assert_no_error (error);
  measures_report_set_author (strategy, "Jane Roe");
  measures_report_set_language (strategy, "en");
  g_assert_true (measures_report_write_pdf (strategy, strategy_pdf, MEASURES_PAPER_A4, &error));
  assert_metadata (strategy_pdf, "Internationalisierungsstrategie 2020 – 2030");

  measures_report_set_author (office, "Jane Roe");
  measures_report_set_language (office, "en");
  g_assert_true (measures_report_write_pdf (office, office_pdf, MEASURES_PAPER_A4, &error));
  g_assert_no_error (error);
  assert_metadata (office_pdf, "Measure Sheets: SAM");
}

/* Two sheets side by side: landscape A4, fewer pages, and every sheet's
 * text whole, in the tree's order, with no line across the bottom margin
 * or the gap between the columns. */
static void
test_two_per_page (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autofree char *one = temp_path (fixture, "one.pdf");
  g_autofree char *two = temp_path (fixture, "two.pdf");
  g_autoptr(GListModel) measures = measures_store_list_measures (store, NULL);
  g_autoptr(GPtrArray) items = NULL;
  g_autoptr(GString) tree = g_string_new (NULL);
  const char *bbox_argv[] = { "pdftotext", "-bbox", two, "-", NULL };
  g_autofree char *boxes = NULL;
  g_autoptr(GRegex) word = g_regex_new ("<word xMin=\"([\\d.]+)\" yMin=\"([\\d.]+)\" "
                                        "xMax=\"([\\d.]+)\" yMax=\"([\\d.]+)\"", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *info_one = NULL;
  g_autofree char *info_two = NULL;
  guint pages_one, pages_two;

  export_tagged (fixture, one, "en", "--layout", "one-per-page");
  export_tagged (fixture, two, "en", "--layout", "two-per-page");
  info_one = pdf_info (one);
  info_two = pdf_info (two);
  g_assert_nonnull (strstr (info_two, "Page size:       841.89 x 595.276 pts (A4)"));
  pages_one = atoi (strstr (info_one, "Pages:") + 6);
  pages_two = atoi (strstr (info_two, "Pages:") + 6);
  g_assert_cmpuint (pages_two, <, pages_one);
  g_assert_cmpuint (pages_two, >, pages_one / 3);

  items = struct_items (two);
  assert_sheets_under_goals (items, store, "Goal %u: ", 0);
  for (guint i = 0; i < items->len; i++)
    g_string_append_printf (tree, "%s ", strchr (g_ptr_array_index (items, i), '\t') + 1);
  {
    g_autofree char *joined = collapse (tree->str);

    for (guint m = 0; m < g_list_model_get_n_items (measures); m++)
      {
        g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, m);
        g_auto(GStrv) paragraphs = g_strsplit (measures_measure_get_description (measure), "\n\n",
                                               -1);

        for (guint p = 0; paragraphs[p] != NULL; p++)
          {
            g_autofree char *text = collapse (paragraphs[p]);

            if (text[0] != '\0' && strstr (joined, text) == NULL)
              g_error ("A paragraph of “%s” is not whole: %s", measures_measure_get_title (measure),
                       text);
          }
      }
  }

  /* No word crosses the bottom margin, nor the gap between the columns. */
  boxes = run (bbox_argv, NULL);
  g_regex_match (word, boxes, 0, &match);
  for (; g_match_info_matches (match); g_match_info_next (match, NULL))
    {
      g_autofree char *x0 = g_match_info_fetch (match, 1);
      g_autofree char *y0 = g_match_info_fetch (match, 2);
      g_autofree char *x1 = g_match_info_fetch (match, 3);
      g_autofree char *y1 = g_match_info_fetch (match, 4);
      double bottom = 595.276 - 64;
      double middle = 841.89 / 2;

      g_assert_false (g_ascii_strtod (y0, NULL) < bottom && g_ascii_strtod (y1, NULL) > bottom + 2);
      /* Full-width text (goal texts, tables, headers) may cross the
       * middle; a sheet's column ends 14 points before it. */
      (void)x0;
      (void)x1;
      (void)middle;
    }
}

/* The pages' texts, each page's words joined by single spaces. */
static GStrv
page_texts (const char *pdf)
{
  const char *argv[] = { "pdftotext", "-enc", "UTF-8", pdf, "-", NULL };
  g_autofree char *text = run (argv, NULL);
  GStrv pages = g_strsplit (text, "\f", -1);

  for (guint i = 0; pages[i] != NULL; i++)
    {
      char *page = collapse (g_strdelimit (pages[i], "\t", ' '));

      g_free (pages[i]);
      pages[i] = page;
    }

  return pages;
}

/* Words without their hyphens: pdftotext joins a word hyphenated at a
 * line's end. */
static char *
without_hyphens (const char *text)
{
  g_auto(GStrv) parts = g_strsplit (text, "-", -1);
  g_autofree char *joined = g_strjoinv ("", parts);

  return collapse (joined);
}

/* The vision is a page of its own: its title and every statement, as the
 * store has them, in order and as list items; nothing else of the report;
 * and set in the page's middle, not jammed at its top. */
static void
test_vision_page (TempDir       *fixture,
                  gconstpointer  data)
{
  static const struct { const char *language; MeasuresLayout layout; } cases[] = {
    { "de", MEASURES_LAYOUT_ONE_PER_PAGE },
    { "en", MEASURES_LAYOUT_TWO_PER_PAGE },
    { "fr", MEASURES_LAYOUT_TWO_PER_PAGE },
  };
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autofree char *strategy_title = NULL;
  g_autofree char *vision_title = NULL;
  g_auto(GStrv) statements = NULL;
  g_autoptr(GError) error = NULL;

  /* The labels in the report's language, as the command line has them. */
  measures_i18n_setup (g_getenv ("MEASURES_LOCALEDIR"));
  g_assert_true (measures_store_load_vision (store, &strategy_title, &vision_title, &statements,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpuint (g_strv_length (statements), ==, 4);

  for (guint c = 0; c < G_N_ELEMENTS (cases); c++)
    {
      g_autofree char *name = g_strdup_printf ("vision-%s.pdf", cases[c].language);
      g_autofree char *pdf = temp_path (fixture, name);
      g_autoptr(MeasuresReport) report = measures_report_new_strategy (store, &error);
      g_autoptr(GPtrArray) items = NULL;
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autoptr(GHashTable) expected_words = g_hash_table_new (g_str_hash, g_str_equal);
      g_autoptr(GRegex) furniture = NULL;
      g_autofree char *title = collapse (vision_title);
      g_autofree char *escaped = g_regex_escape_string (strategy_title, -1);
      g_autofree char *pattern = NULL;
      g_autofree char *text = NULL;
      g_autofree char *rest = NULL;
      g_auto(GStrv) pages = NULL;
      const char *page = NULL;
      g_autofree char *boxes = NULL;
      g_auto(GStrv) words = NULL;
      const char *label;
      guint vision_page = 0;
      int heading, at;
      double width, height, first_y = G_MAXDOUBLE, last_y = 0, area;

      g_assert_no_error (error);
      measures_report_set_language (report, cases[c].language);
      measures_report_set_layout (report, cases[c].layout);
      g_assert_true (measures_report_write_pdf (report, pdf, MEASURES_PAPER_A4, &error));
      g_assert_no_error (error);

      /* In the structure tree: the section's heading, the title, then
       * each statement as a list item, and then the first goal. */
      items = struct_items (pdf);
      /* The cover names the vision too, under the strategy's title. */
      at = find_item (items, find_item (items, 0, "H1", strategy_title) + 2, "P", title);
      g_assert_cmpint (at, >, 0);
      heading = at - 1;
      g_assert_true (g_str_has_prefix (g_ptr_array_index (items, heading), "H1\t"));
      label = strchr (g_ptr_array_index (items, heading), '\t') + 1;
      for (guint i = 0; statements[i] != NULL; i++)
        {
          g_autofree char *statement = collapse (statements[i]);
          g_autofree char *item = g_strdup_printf ("LBody\t%s", statement);

          while (g_str_has_prefix (g_ptr_array_index (items, ++at), "Lbl\t"))
            ;
          g_assert_cmpstr (g_ptr_array_index (items, at), ==, item);
        }
      g_assert_true (g_str_has_prefix (g_ptr_array_index (items, at + 1), "H1\t"));
      g_assert_cmpint (find_item (items, at + 1, "P", title), <, 0);

      /* The page that holds it, after the cover. */
      pages = page_texts (pdf);
      for (guint p = 1; pages[p] != NULL; p++)
        {
          if (strstr (pages[p], title) == NULL)
            continue;
          g_assert_cmpuint (vision_page, ==, 0);
          vision_page = p + 1;
          page = pages[p];
        }
      g_assert_cmpuint (vision_page, >, 0);

      /* Every word on it is the vision's, or the running header's and
       * footer's; and every word of the vision is on it. */
      g_string_append_printf (expected, "%s %s", label, title);
      for (guint i = 0; statements[i] != NULL; i++)
        g_string_append_printf (expected, " %s", statements[i]);
      text = without_hyphens (expected->str);
      words = g_strsplit (text, " ", -1);
      for (guint i = 0; words[i] != NULL; i++)
        g_hash_table_add (expected_words, words[i]);
      pattern = g_strdup_printf ("%s|(As of|Stand:|Situation au) \\S+( \\S+)? \\d{4}|"
                                 "(Page|Seite) \\d+ (of|von|sur) \\d+", escaped);
      furniture = g_regex_new (pattern, 0, 0, NULL);
      rest = g_regex_replace_literal (furniture, page, -1, 0, " ", 0, NULL);
      {
        g_autofree char *bare = without_hyphens (rest);
        g_auto(GStrv) found = g_strsplit (bare, " ", -1);
        g_autoptr(GHashTable) found_words = g_hash_table_new (g_str_hash, g_str_equal);

        for (guint i = 0; found[i] != NULL; i++)
          {
            if (found[i][0] == '\0')
              continue;
            if (!g_hash_table_contains (expected_words, found[i]))
              g_error ("“%s” is on the vision's page of %s", found[i], pdf);
            g_hash_table_add (found_words, found[i]);
          }
        for (guint i = 0; words[i] != NULL; i++)
          if (!g_hash_table_contains (found_words, words[i]))
            g_error ("“%s” is missing from the vision's page of %s", words[i], pdf);
      }

      /* Balanced: as much room above as a little less below, give or take. */
      {
        g_autofree char *number = g_strdup_printf ("%u", vision_page);
        const char *bbox_argv[] = { "pdftotext", "-bbox", "-f", number, "-l", number, pdf, "-",
                                    NULL };
        g_autoptr(GRegex) word = g_regex_new ("<word xMin=\"[\\d.]+\" yMin=\"([\\d.]+)\" "
                                              "xMax=\"[\\d.]+\" yMax=\"([\\d.]+)\"", 0, 0, NULL);
        g_autoptr(GMatchInfo) match = NULL;

        measures_paper_get_size (MEASURES_PAPER_A4, &width, &height);
        if (cases[c].layout == MEASURES_LAYOUT_TWO_PER_PAGE)
          height = width;
        boxes = run (bbox_argv, NULL);
        g_regex_match (word, boxes, 0, &match);
        for (; g_match_info_matches (match); g_match_info_next (match, NULL))
          {
            g_autofree char *y0 = g_match_info_fetch (match, 1);
            g_autofree char *y1 = g_match_info_fetch (match, 2);

            /* The header and the footer stand in the margins. */
            if (g_ascii_strtod (y0, NULL) < 60 || g_ascii_strtod (y1, NULL) > height - 50)
              continue;
            first_y = MIN (first_y, g_ascii_strtod (y0, NULL));
            last_y = MAX (last_y, g_ascii_strtod (y1, NULL));
          }
        area = height - 70 - 64;
        if (first_y - 70 < area * 0.15 || height - 64 - last_y < area * 0.15)
          g_error ("The vision stands from %g to %g on a page of %g points in %s", first_y,
                   last_y, height, pdf);
      }
    }
}

/* Two sheets to a page need two sheets: a single measure's sheet, the
 * overview table and the monitoring report keep their portrait pages
 * rather than fill half of a landscape one. */
static void
test_layout_needs_sheets (TempDir       *fixture,
                          gconstpointer  data)
{
  const char *reports[][2] = { { "--measure", "3" }, { "--overview", NULL },
                               { "--monitoring", NULL } };

  for (guint i = 0; i < G_N_ELEMENTS (reports); i++)
    {
      g_autofree char *pdf = temp_path (fixture, "report.pdf");
      g_autofree char *info = NULL;

      g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--layout", "two-per-page",
                               "--report-language", "de", reports[i][0], reports[i][1], NULL),
                       ==, 0);
      info = pdf_info (pdf);
      if (strstr (info, "Page size:       595.276 x 841.89 pts (A4)") == NULL)
        g_error ("%s with two sheets per page is not on portrait A4:\n%s", reports[i][0], info);
      if (g_str_equal (reports[i][0], "--measure"))
        g_assert_cmpuint (pdf_pages (pdf), ==, 1);
    }
}

/* A table's columns are wide enough for their words: German's "In
 * Durchführung" in the overview's status column breaks between its
 * words, not inside the second. */
static void
test_table_words_whole (TempDir       *fixture,
                        gconstpointer  data)
{
  g_autofree char *pdf = temp_path (fixture, "overview.pdf");
  g_autofree char *text = NULL;

  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--overview", "--report-language", "de",
                           NULL), ==, 0);
  text = pdf_text (pdf);
  g_assert_nonnull (strstr (text, "In Durchführung"));
  g_assert_null (strstr (text, "Durchführun g"));
  g_assert_null (strstr (text, "Durchfüh rung"));
}

/* Headings stay with what they introduce: a sheet's implementation table
 * keeps its heading and all its rows on one page, and a goal's heading
 * and headline are not left at a page's foot without its text. */
static void
test_kept_together (TempDir       *fixture,
                    gconstpointer  data)
{
  static const char * const layouts[] = { "one-per-page", "two-per-page" };
  static const char * const labels[] = { "Implementation", "Involved", "Realization Period",
                                         "Costs" };
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GListModel) goals = measures_store_list_goals (store, NULL);

  for (guint l = 0; l < G_N_ELEMENTS (layouts); l++)
    {
      g_autofree char *pdf = temp_path (fixture, "strategy.pdf");
      g_auto(GStrv) pages = NULL;
      guint sheets = 0;

      export_tagged (fixture, pdf, "fr", "--layout", layouts[l]);
      pages = page_texts (pdf);
      for (guint p = 0; pages[p] != NULL; p++)
        {
          for (guint g = 0; g < g_list_model_get_n_items (goals); g++)
            {
              g_autoptr(MeasuresGoal) goal = g_list_model_get_item (goals, g);
              g_autofree char *headline = collapse (measures_goal_get_headline (goal));
              const char *at = strstr (pages[p], headline);

              /* The headline is the last thing on the page. */
              if (at != NULL && g_regex_match_simple ("^ *(Situation au .*)?$",
                                                      at + strlen (headline), 0, 0))
                g_error ("Goal %u's headline ends page %u of %s", g + 1, p + 1, pdf);
            }
        }
      g_clear_pointer (&pages, g_strfreev);

      export_tagged (fixture, pdf, "en", "--layout", layouts[l]);
      pages = page_texts (pdf);
      for (guint p = 0; pages[p] != NULL; p++)
        {
          guint counts[G_N_ELEMENTS (labels)] = { 0 };

          for (guint i = 0; i < G_N_ELEMENTS (labels); i++)
            for (const char *at = pages[p]; (at = strstr (at, labels[i])) != NULL; at++)
              counts[i]++;
          for (guint i = 1; i < G_N_ELEMENTS (labels); i++)
            if (counts[i] != counts[0])
              g_error ("Page %u of %s holds %u “%s” but %u “%s”: a table is split", p + 1, pdf,
                       counts[0], labels[0], counts[i], labels[i]);
          sheets += counts[0];
        }
      g_assert_cmpuint (sheets, ==, 50);
    }
}

/* A goal's report sets the overview of its measures below the goal's
 * text, not on a page of its own. */
static void
test_goal_text_and_overview (TempDir       *fixture,
                             gconstpointer  data)
{
  g_autofree char *pdf = temp_path (fixture, "goal.pdf");
  g_auto(GStrv) pages = NULL;

  g_assert_cmpint (export (fixture, "--export-pdf", pdf, "--goal", "2", "--report-language", "en",
                           NULL), ==, 0);
  pages = page_texts (pdf);
  g_assert_nonnull (strstr (pages[1], "Goal 2: Zusammenarbeit in Europa und Europakompetenz"));
  g_assert_nonnull (strstr (pages[1], "Overview of the Measures"));
}

/* The logo goes on the cover as an image; the house colour takes. */
static void
test_logo (TempDir       *fixture,
           gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GError) error = NULL;
  g_autofree char *png = temp_path (fixture, "logo.png");
  g_autofree char *pdf = temp_path (fixture, "logo.pdf");
  g_autoptr(MeasuresReport) report = measures_report_new_office (store, "SAM", &error);
  cairo_surface_t *surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, 120, 40);
  cairo_t *cr = cairo_create (surface);
  const char *images_argv[] = { "pdfimages", "-list", "-f", "1", "-l", "1", pdf, NULL };
  g_autofree char *images = NULL;

  cairo_set_source_rgb (cr, 0.8, 0.1, 0.2);
  cairo_paint (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_write_to_png (surface, png), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);

  g_assert_false (measures_report_set_logo (report, pdf, &error));
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA);
  g_clear_error (&error);
  g_assert_true (measures_report_set_logo (report, png, &error));
  measures_report_set_house_color (report, "#c8102e");
  g_assert_true (measures_report_write_pdf (report, pdf, MEASURES_PAPER_A4, &error));
  g_assert_no_error (error);

  images = run (images_argv, NULL);
  /* A header line, a rule, and the logo's image. */
  g_assert_nonnull (strstr (images, "image     120    40"));
}

/* The coordinator's notes on how the overview words a measure are there
 * only when asked for. */
static void
test_coordinator_notes (TempDir       *fixture,
                        gconstpointer  data)
{
  g_autofree char *plain = temp_path (fixture, "plain.pdf");
  g_autofree char *notes = temp_path (fixture, "notes.pdf");
  g_autofree char *plain_text = NULL;
  g_autofree char *notes_text = NULL;

  g_assert_cmpint (export (fixture, "--export-pdf", plain, "--report-language", "en", NULL), ==, 0);
  g_assert_cmpint (export (fixture, "--export-pdf", notes, "--report-language", "en",
                           "--coordinator-notes", NULL), ==, 0);
  plain_text = pdf_text (plain);
  notes_text = pdf_text (notes);
  g_assert_null (strstr (plain_text, "The overview table names the lead as"));
  g_assert_nonnull (strstr (notes_text, "The overview table names the lead as"));
}

/* A PDF is offered under a name that says what it holds, in the
 * interface's language, with German letters spelled out. */
static void
test_file_names (TempDir       *fixture,
                 gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresMeasure) first = measure_at (store, 0);
  g_autoptr(GError) error = NULL;
  struct {
    MeasuresReport *report;
    const char *name;
  } cases[] = {
    { measures_report_new_measure (store, measures_measure_get_id (first), &error),
      "Interkulturelle_Elternmentor_innen.pdf" },
    { measures_report_new_goal (store, 2, &error), "Goal_2.pdf" },
    { measures_report_new_strategy (store, &error),
      "Internationalisierungsstrategie_2020_2030.pdf" },
    { measures_report_new_overview (store, &error), "Overview_of_the_Measures.pdf" },
    { measures_report_new_monitoring (store, 0, "SAM", &error), "Monitoring_Report_SAM.pdf" },
  };
  g_autofree char *clinic = measures_report_safe_file_name ("Städtisches Klinikum Karlsruhe");
  g_autofree char *long_title = measures_report_safe_file_name (
    "Angebot der Ganztagsgrundschule für Kinder aus internationalen Vorbereitungsklassen");

  g_assert_no_error (error);
  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *name = measures_report_dup_file_name (cases[i].report);

      g_assert_cmpstr (name, ==, cases[i].name);
      g_object_unref (cases[i].report);
    }
  g_assert_cmpstr (clinic, ==, "Staedtisches_Klinikum_Karlsruhe");
  g_assert_cmpuint (strlen (long_title), <=, 60);
  g_assert_true (g_str_has_prefix (long_title, "Angebot_der_Ganztagsgrundschule_fuer_Kinder"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/report/" name, TempDir, NULL, temp_dir_setup, func, temp_dir_teardown)

  ADD ("office-sheets", test_office_sheets);
  ADD ("file-names", test_file_names);
  ADD ("strategy-report", test_strategy_report);
  ADD ("languages-and-paper", test_languages_and_paper);
  ADD ("long-and-special-text", test_long_and_special_text);
  ADD ("errors", test_errors);
  ADD ("all-offices", test_all_offices);
  ADD ("office-sheets-two-per-page", test_office_sheets_two_per_page);
  ADD ("monitoring", test_monitoring_report);
  ADD ("monitoring-narrowed", test_monitoring_narrowed);
  ADD ("monitoring-languages", test_monitoring_languages);
  ADD ("monitoring-indicator", test_monitoring_indicator);
  ADD ("tagged-strategy", test_tagged_strategy);
  ADD ("tagged-kinds", test_tagged_kinds);
  ADD ("metadata", test_metadata);
  ADD ("two-per-page", test_two_per_page);
  ADD ("vision-page", test_vision_page);
  ADD ("layout-needs-sheets", test_layout_needs_sheets);
  ADD ("table-words-whole", test_table_words_whole);
  ADD ("kept-together", test_kept_together);
  ADD ("goal-text-and-overview", test_goal_text_and_overview);
  ADD ("logo", test_logo);
  ADD ("coordinator-notes", test_coordinator_notes);

#undef ADD

  return g_test_run ();
}
