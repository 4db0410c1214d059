/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "measures-report.h"
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
  g_autofree char *clinic = g_build_filename (folder, "Stadtisches_Klinikum_Karlsruhe.pdf", NULL);
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

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/report/" name, TempDir, NULL, temp_dir_setup, func, temp_dir_teardown)

  ADD ("office-sheets", test_office_sheets);
  ADD ("strategy-report", test_strategy_report);
  ADD ("languages-and-paper", test_languages_and_paper);
  ADD ("long-and-special-text", test_long_and_special_text);
  ADD ("errors", test_errors);
  ADD ("all-offices", test_all_offices);

#undef ADD

  return g_test_run ();
}
