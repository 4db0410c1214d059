/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "measures-test-util.h"

typedef struct
{
  char *out;
  char *err;
  int status;
} Result;

static void
result_clear (Result *result)
{
  g_free (result->out);
  g_free (result->err);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Result, result_clear)

/* Runs the binary as a user would, without a display. */
static void
run_measures_in (Result             *result,
                 const char * const *args,
                 const char * const *language)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_get_environ ();
  const char *binary = g_getenv ("MEASURES_BIN");

  g_assert_nonnull (binary);
  g_ptr_array_add (argv, (char *)binary);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);

  /* No display: the command line must not need one. */
  env = g_environ_unsetenv (env, "DISPLAY");
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  /* The locale variables as given, and no others. */
  if (language != NULL)
    {
      const char *names[] = { "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG" };

      for (guint i = 0; i < G_N_ELEMENTS (names); i++)
        env = g_environ_unsetenv (env, names[i]);
      for (guint i = 0; language[i] != NULL; i += 2)
        env = g_environ_setenv (env, language[i], language[i + 1], TRUE);
    }

  g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &result->status, &error);
  g_assert_no_error (error);
}

static void
run_measures (Result             *result,
              const char * const *args)
{
  run_measures_in (result, args, NULL);
}

static void
test_dump_json (TempDir       *fixture,
                gconstpointer  data)
{
  g_autofree char *path = temp_path (fixture, "strategy.db");
  const char *args[] = { "--database", path, "--dump-json", NULL };
  g_auto(Result) result = { 0 };
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  JsonObject *root;

  run_measures (&result, args);
  g_assert_true (g_spawn_check_wait_status (result.status, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (result.err, ==, "");

  g_assert_true (json_parser_load_from_data (parser, result.out, -1, &error));
  g_assert_no_error (error);
  root = json_node_get_object (json_parser_get_root (parser));
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (root, "vision"),
                                                  "title"),
                   ==, "Internationales Karlsruhe 2030 – innovativer.nachhaltiger.weltoffener.");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "measures")), ==, 50);
  g_assert_true (g_file_test (path, G_FILE_TEST_IS_REGULAR));
}

static void
test_dump_json_relative_path (TempDir       *fixture,
                              gconstpointer  data)
{
  const char *args[] = { "-d", "relative.db", "--dump-json", NULL };
  g_autofree char *cwd = g_get_current_dir ();
  g_autofree char *expected = temp_path (fixture, "relative.db");
  g_auto(Result) result = { 0 };

  g_assert_cmpint (g_chdir (fixture->dir), ==, 0);
  run_measures (&result, args);
  g_assert_cmpint (g_chdir (cwd), ==, 0);

  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_test (expected, G_FILE_TEST_IS_REGULAR));
}

static void
test_not_a_database (TempDir       *fixture,
                     gconstpointer  data)
{
  static const char letter[] = "Sehr geehrte Damen und Herren,\n";
  g_autofree char *path = temp_path (fixture, "brief.txt");
  g_autofree char *contents = NULL;
  const char *args[] = { "--database", path, "--dump-json", NULL };
  g_auto(Result) result = { 0 };

  g_assert_true (g_file_set_contents (path, letter, -1, NULL));

  run_measures (&result, args);
  g_assert_false (g_spawn_check_wait_status (result.status, NULL));
  g_assert_cmpstr (result.out, ==, "");
  g_assert_nonnull (strstr (result.err, path));
  g_assert_nonnull (strstr (result.err, "not an SQLite database"));

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  g_assert_cmpstr (contents, ==, letter);
}

static void
test_uncreatable_path (TempDir       *fixture,
                       gconstpointer  data)
{
  g_autofree char *file = temp_path (fixture, "datei");
  g_autofree char *path = g_build_filename (file, "strategy.db", NULL);
  const char *args[] = { "--database", path, "--dump-json", NULL };
  g_auto(Result) result = { 0 };

  g_assert_true (g_file_set_contents (file, "", -1, NULL));

  run_measures (&result, args);
  g_assert_false (g_spawn_check_wait_status (result.status, NULL));
  g_assert_nonnull (strstr (result.err, file));
}

static void
test_help (TempDir       *fixture,
           gconstpointer  data)
{
  const char *args[] = { "--help", NULL };
  g_auto(Result) result = { 0 };

  run_measures (&result, args);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_nonnull (strstr (result.out, "--database=FILE"));
  g_assert_nonnull (strstr (result.out, "--dump-json"));
}

static void
test_version (TempDir       *fixture,
              gconstpointer  data)
{
  const char *args[] = { "--version", NULL };
  g_auto(Result) result = { 0 };

  run_measures (&result, args);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_cmpstr (result.out, ==, PACKAGE_NAME " " PACKAGE_VERSION "\n");
}

/* The language comes from the environment, even where no locale is
 * installed, and English where it asks for none. */
static void
test_language_from_environment (TempDir       *fixture,
                                gconstpointer  data)
{
  const char *help[] = { "--help", NULL };
  struct {
    const char *environment[5];
    const char *expected;
  } cases[] = {
    { { NULL }, "Write the whole database to standard output as JSON" },
    { { "LANG", "C", NULL }, "Write the whole database to standard output as JSON" },
    { { "LANG", "POSIX", NULL }, "Write the whole database to standard output as JSON" },
    { { "LANG", "de_DE.UTF-8", NULL }, "Die gesamte Datenbank als JSON in die Standardausgabe" },
    { { "LC_ALL", "fr_FR.UTF-8", NULL }, "Écrire toute la base de données au format JSON" },
    { { "LANG", "C", "LANGUAGE", "de", NULL }, "Die gesamte Datenbank als JSON" },
    { { "LANG", "es_ES.UTF-8", NULL }, "Write the whole database to standard output as JSON" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(Result) result = { 0 };

      run_measures_in (&result, help, cases[i].environment);
      g_assert_cmpint (result.status, ==, 0);
      if (strstr (result.out, cases[i].expected) == NULL)
        g_error ("With %s=%s, --help says:\n%s", cases[i].environment[0],
                 cases[i].environment[1], result.out);
    }
}

static void
test_report_in_environment_language (TempDir       *fixture,
                                     gconstpointer  data)
{
  g_autofree char *db = temp_path (fixture, "strategy.db");
  g_autofree char *pdf = temp_path (fixture, "goal.pdf");
  const char *args[] = { "--database", db, "--export-pdf", pdf, "--goal", "1", NULL };
  const char *french[] = { "LANG", "fr_FR.UTF-8", NULL };
  const char *text_argv[] = { "pdftotext", pdf, "-", NULL };
  g_auto(Result) result = { 0 };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  run_measures_in (&result, args, french);
  g_assert_cmpint (result.status, ==, 0);

  g_assert_true (g_spawn_sync (NULL, (char **)text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_nonnull (strstr (text, "Description succincte"));
  /* The date in the footer is French too. */
  g_assert_nonnull (strstr (text, "Situation au "));
}

static JsonArray *
sheet_rows (JsonObject *book,
            guint       n,
            const char *name)
{
  JsonObject *sheet = json_array_get_object_element (json_object_get_array_member (book, "sheets"),
                                                     n);

  g_assert_cmpstr (json_object_get_string_member (sheet, "name"), ==, name);
  /* The header stays in view, and filters. */
  g_assert_cmpstr (json_object_get_string_member (sheet, "frozen"), ==, "A2");
  g_assert_nonnull (json_object_get_string_member (sheet, "filter"));
  return json_object_get_array_member (sheet, "rows");
}

/* [type, value] of a cell */
static const char *
cell_type (JsonArray *rows,
           guint      row,
           guint      column)
{
  JsonArray *cells = json_array_get_array_element (rows, row);

  return json_array_get_string_element (json_array_get_array_element (cells, column), 0);
}

static JsonNode *
cell_value (JsonArray *rows,
            guint      row,
            guint      column)
{
  JsonArray *cells = json_array_get_array_element (rows, row);

  return json_array_get_element (json_array_get_array_element (cells, column), 1);
}

static guint
find_column (JsonArray  *rows,
             const char *title)
{
  JsonArray *header = json_array_get_array_element (rows, 0);

  for (guint i = 0; i < json_array_get_length (header); i++)
    if (g_strcmp0 (json_node_get_string (cell_value (rows, 0, i)), title) == 0)
      return i;

  g_error ("No column “%s”", title);
}

/* An indicator of goal 1 with two measured values. */
static void
add_indicator_with_values (MeasuresStore *store)
{
  g_autoptr(MeasuresIndicator) empty = measures_indicator_new ();
  g_autoptr(MeasuresIndicator) indicator = NULL;
  g_autoptr(GPtrArray) targets = measures_indicator_targets_new ();
  g_autoptr(GError) error = NULL;
  gint64 id;

  measures_indicator_targets_add (targets, "2030-12-31", 2000);
  indicator = measures_indicator_copy_with (empty,
                                            "goal", 1,
                                            "name", "Austauschschüler*innen",
                                            "unit", "Personen",
                                            "baseline-value", 800.0,
                                            "baseline-date", "2019-12-31",
                                            "direction", MEASURES_DIRECTION_UP,
                                            "targets", targets,
                                            NULL);
  id = measures_store_create_indicator (store, indicator, "Koordination", &error);
  g_assert_no_error (error);

  for (guint i = 0; i < 2; i++)
    {
      const char *dates[] = { "2024-06-30", "2025-06-30" };
      const double values[] = { 1010, 1234.5 };
      const char *notes[] = { NULL, "Zählung des Schulamts" };
      g_autoptr(MeasuresIndicator) now = measures_store_get_indicator (store, id, &error);

      g_assert_no_error (error);
      g_assert_cmpint (measures_store_add_indicator_value (store, id,
                                                           measures_indicator_get_revision (now),
                                                           dates[i], values[i], notes[i],
                                                           "Koordination", &error), >, 0);
      g_assert_no_error (error);
    }
}

/* The measures and their log as a spreadsheet, in German: every measure
 * with its title intact, numbers as numbers, dates as dates, the log with
 * its reports; a spreadsheet program reads it back as written. */
static void
test_export_xlsx (TempDir       *fixture,
                  gconstpointer  data)
{
  g_autofree char *db = temp_path (fixture, "strategy.db");
  g_autofree char *xlsx = temp_path (fixture, "Maßnahmen.xlsx");
  const char *args[] = { "--database", db, "--export-xlsx", xlsx, "--report-language", "de",
                         NULL };
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GListModel) measures = measures_store_list_measures (store, NULL);
  g_autoptr(MeasuresMeasure) first = g_list_model_get_item (measures, 0);
  g_autoptr(JsonObject) book = NULL;
  g_auto(Result) result = { 0 };
  g_autoptr(GError) error = NULL;
  JsonArray *rows, *log;
  guint title, progress, goal, date, text;
  gint64 id = measures_measure_get_id (first);

  g_assert_cmpint (measures_store_add_log_entry (store, id, measures_measure_get_revision (first),
                                                 MEASURES_STATUS_IN_PROGRESS, 40,
                                                 "Erste Gespräche geführt", "Jörg Müller", NULL,
                                                 &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (measures_store_add_log_entry (store, id, current_revision (store, id),
                                                 MEASURES_STATUS_IN_PROGRESS, 55,
                                                 "Bürgerbüro geöffnet", "Jörg Müller", NULL,
                                                 &error), >, 0);
  g_assert_no_error (error);
  add_indicator_with_values (store);
  g_clear_object (&store);

  run_measures (&result, args);
  g_assert_cmpstr (result.err, ==, "");
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_file_test (xlsx, G_FILE_TEST_EXISTS));

  book = read_spreadsheet (xlsx);
  if (book == NULL)
    {
      g_test_skip ("No spreadsheet library to read it back (python3-openpyxl)");
      return;
    }

  rows = sheet_rows (book, 0, "Maßnahmen");
  g_assert_cmpuint (json_array_get_length (rows), ==, 1 + g_list_model_get_n_items (measures));
  title = find_column (rows, "Maßnahme");
  progress = find_column (rows, "Fortschritt");
  goal = find_column (rows, "Ziel");
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);

      g_assert_cmpstr (json_node_get_string (cell_value (rows, i + 1, title)), ==,
                       measures_measure_get_title (measure));
      g_assert_cmpstr (cell_type (rows, i + 1, goal), ==, "number");
      g_assert_cmpint (json_node_get_int (cell_value (rows, i + 1, goal)), ==,
                       measures_measure_get_goal (measure));
      g_assert_cmpstr (cell_type (rows, i + 1, progress), ==, "number");
    }
  /* The reported measure: its progress, and its latest report as a date. */
  g_assert_cmpfloat_with_epsilon (json_node_get_double (cell_value (rows, 1, progress)), 0.55,
                                  1e-9);
  g_assert_cmpstr (cell_type (rows, 1, find_column (rows, "Letzter Bericht")), ==, "date");
  g_assert_cmpstr (json_node_get_string (cell_value (rows, 1, find_column (rows,
                                                                           "Text des letzten Berichts"))),
                   ==, "Bürgerbüro geöffnet");

  log = sheet_rows (book, 1, "Fortschrittsprotokoll");
  g_assert_cmpuint (json_array_get_length (log), ==, 3);
  date = find_column (log, "Datum");
  text = find_column (log, "Bericht");
  g_assert_cmpstr (cell_type (log, 1, date), ==, "date");
  /* Oldest first. */
  g_assert_cmpstr (json_node_get_string (cell_value (log, 1, text)), ==, "Erste Gespräche geführt");
  g_assert_cmpstr (json_node_get_string (cell_value (log, 2, text)), ==, "Bürgerbüro geöffnet");
  g_assert_cmpstr (json_node_get_string (cell_value (log, 2, find_column (log, "Gemeldet von"))),
                   ==, "Jörg Müller");

  /* The indicator, where it stands, and its values as numbers and days. */
  rows = sheet_rows (book, 2, "Indikatoren");
  g_assert_cmpuint (json_array_get_length (rows), ==, 2);
  g_assert_cmpstr (json_node_get_string (cell_value (rows, 1, find_column (rows, "Indikator"))),
                   ==, "Austauschschüler*innen");
  g_assert_cmpstr (cell_type (rows, 1, find_column (rows, "Letzter Wert")), ==, "number");
  g_assert_cmpfloat_with_epsilon (json_node_get_double (cell_value (rows, 1,
                                                                    find_column (rows,
                                                                                 "Letzter Wert"))),
                                  1234.5, 1e-9);
  g_assert_cmpstr (cell_type (rows, 1, find_column (rows, "Ausgangsdatum")), ==, "date");
  g_assert_nonnull (json_node_get_string (cell_value (rows, 1, find_column (rows, "Bewertung"))));

  rows = sheet_rows (book, 3, "Indikatorwerte");
  g_assert_cmpuint (json_array_get_length (rows), ==, 3);
  date = find_column (rows, "Gemessen am");
  g_assert_cmpstr (cell_type (rows, 1, date), ==, "date");
  g_assert_cmpstr (json_node_get_string (cell_value (rows, 1, date)), ==, "2024-06-30T00:00:00");
  g_assert_cmpfloat_with_epsilon (json_node_get_double (cell_value (rows, 2,
                                                                    find_column (rows, "Wert"))),
                                  1234.5, 1e-9);
  g_assert_cmpstr (json_node_get_string (cell_value (rows, 2, find_column (rows, "Notiz"))), ==,
                   "Zählung des Schulamts");
}

/* A goal's measures only; a file that cannot be written is said, and
 * leaves nothing behind. */
static void
test_export_xlsx_goal_and_failure (TempDir       *fixture,
                                   gconstpointer  data)
{
  g_autofree char *db = temp_path (fixture, "strategy.db");
  g_autofree char *xlsx = temp_path (fixture, "goal-2.xlsx");
  g_autofree char *nowhere = temp_path (fixture, "missing/folder/out.xlsx");
  const char *goal_args[] = { "--database", db, "--export-xlsx", xlsx, "--goal", "2", NULL };
  const char *bad_args[] = { "--database", db, "--export-xlsx", nowhere, NULL };
  g_auto(Result) result = { 0 };
  g_auto(Result) failed = { 0 };
  g_autoptr(JsonObject) book = NULL;
  g_autofree char *partial = g_strconcat (nowhere, ".partial", NULL);
  JsonArray *rows;

  run_measures (&result, goal_args);
  g_assert_cmpint (result.status, ==, 0);
  book = read_spreadsheet (xlsx);
  if (book != NULL)
    {
      rows = sheet_rows (book, 0, "Measures");
      g_assert_cmpuint (json_array_get_length (rows), >, 1);
      for (guint i = 1; i < json_array_get_length (rows); i++)
        g_assert_cmpint (json_node_get_int (cell_value (rows, i, find_column (rows, "Goal"))),
                         ==, 2);
    }

  run_measures (&failed, bad_args);
  g_assert_cmpint (failed.status, !=, 0);
  g_assert_nonnull (strstr (failed.err, "out.xlsx"));
  g_assert_false (g_file_test (nowhere, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (partial, G_FILE_TEST_EXISTS));
}

/* The monitoring report from the command line, and what it refuses. */
static void
test_export_monitoring (TempDir       *fixture,
                        gconstpointer  data)
{
  g_autofree char *db = temp_path (fixture, "strategy.db");
  g_autofree char *pdf = temp_path (fixture, "monitoring.pdf");
  const char *help[] = { "--help", NULL };
  const char *goal[] = { "--database", db, "--export-pdf", pdf, "--monitoring", "--goal", "3",
                         "--report-interval", "12", "--report-language", "en", "--paper",
                         "letter", NULL };
  const char *with_overview[] = { "--database", db, "--export-pdf", pdf, "--monitoring",
                                  "--overview", NULL };
  const char *with_measure[] = { "--database", db, "--export-pdf", pdf, "--monitoring",
                                 "--measure", "1", NULL };
  const char *interval_alone[] = { "--database", db, "--export-pdf", pdf, "--report-interval",
                                   "3", NULL };
  const char *bad_interval[] = { "--database", db, "--export-pdf", pdf, "--monitoring",
                                 "--report-interval", "500", NULL };
  const char *unknown_office[] = { "--database", db, "--export-pdf", pdf, "--monitoring",
                                   "--office", "XYZ", NULL };
  const char *text_argv[] = { "pdftotext", pdf, "-", NULL };
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;

  {
    g_auto(Result) result = { 0 };

    run_measures (&result, help);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_nonnull (strstr (result.out, "--monitoring"));
    g_assert_nonnull (strstr (result.out, "--report-interval=MONTHS"));
  }

  {
    g_auto(Result) result = { 0 };

    run_measures (&result, goal);
    g_assert_cmpint (result.status, ==, 0);
    g_assert_true (g_spawn_sync (NULL, (char **)text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                                 &text, NULL, NULL, &error));
    g_assert_no_error (error);
    g_assert_nonnull (strstr (text, "Monitoring Report"));
    g_assert_nonnull (strstr (text, "Goal 3: Globale Verantwortung"));
    g_assert_nonnull (strstr (text, "every 12 months"));
    g_assert_cmpint (g_unlink (pdf), ==, 0);
  }

  {
    g_auto(Result) result = { 0 };

    run_measures (&result, with_overview);
    g_assert_cmpint (result.status, !=, 0);
    g_assert_nonnull (strstr (result.err, "cannot be combined with --measure or --overview"));
  }

  {
    g_auto(Result) result = { 0 };

    run_measures (&result, with_measure);
    g_assert_cmpint (result.status, !=, 0);
    g_assert_nonnull (strstr (result.err, "--monitoring"));
  }

  {
    g_auto(Result) result = { 0 };

    run_measures (&result, interval_alone);
    g_assert_cmpint (result.status, !=, 0);
    g_assert_nonnull (strstr (result.err, "--report-interval goes with --monitoring"));
  }

  /* Too long, none at all, and not a number. */
  for (guint i = 0; i < 3; i++)
    {
      const char *values[] = { "500", "0", "sechs" };
      g_auto(Result) result = { 0 };

      bad_interval[6] = values[i];
      run_measures (&result, bad_interval);
      g_assert_cmpint (result.status, !=, 0);
      g_assert_nonnull (strstr (result.err, "from 1 to 120"));
    }

  {
    g_auto(Result) result = { 0 };

    run_measures (&result, unknown_office);
    g_assert_cmpint (result.status, !=, 0);
    g_assert_nonnull (strstr (result.err, "XYZ"));
  }

  /* Nothing was written by a refused command. */
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
}

/* An export's options without an export are an error, not a window that
 * ignores them. */
static void
test_export_options_need_export (TempDir       *fixture,
                                 gconstpointer  data)
{
  g_autofree char *db = temp_path (fixture, "strategy.db");
  const char *options[][3] = {
    { "--office", "SAM", NULL }, { "--goal", "2", NULL }, { "--measure", "3", NULL },
    { "--overview", NULL, NULL }, { "--report-language", "fr", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (options); i++)
    {
      const char *args[] = { "--database", db, options[i][0], options[i][1], NULL };
      g_auto(Result) result = { 0 };

      run_measures (&result, args);
      g_assert_cmpint (result.status, !=, 0);
      g_assert_nonnull (strstr (result.err, options[i][0]));
      g_assert_nonnull (strstr (result.err, "--export-pdf"));
    }
}

/* An office in other case is the office; a wrong one is met with the
 * nearest names; a measure that never was is said so. */
static void
test_office_and_measure_named (TempDir       *fixture,
                               gconstpointer  data)
{
  g_autofree char *db = temp_path (fixture, "strategy.db");
  g_autofree char *pdf = temp_path (fixture, "sam.pdf");
  const char *lower[] = { "--database", db, "--export-pdf", pdf, "--office", "sam", NULL };
  const char *typo[] = { "--database", db, "--export-pdf", pdf, "--office", "SAMX", NULL };
  const char *missing[] = { "--database", db, "--export-pdf", pdf, "--measure", "999", NULL };
  g_auto(Result) ok = { 0 };
  g_auto(Result) near = { 0 };
  g_auto(Result) none = { 0 };

  run_measures (&ok, lower);
  g_assert_cmpstr (ok.err, ==, "");
  g_assert_cmpint (ok.status, ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));

  run_measures (&near, typo);
  g_assert_cmpint (near.status, !=, 0);
  g_assert_nonnull (strstr (near.err, "SAMX"));
  g_assert_nonnull (strstr (near.err, "Did you mean: SAM"));

  run_measures (&none, missing);
  g_assert_cmpint (none.status, !=, 0);
  g_assert_nonnull (strstr (none.err, "There is no measure 999"));
  g_assert_null (strstr (none.err, "no longer"));
}

/* The language, author, paper and layout chosen in the preferences are
 * the reports', unless the command line says otherwise. */
static void
test_preferences_for_reports (TempDir       *fixture,
                              gconstpointer  data)
{
  g_autofree char *db = temp_path (fixture, "strategy.db");
  g_autofree char *pdf = temp_path (fixture, "goal.pdf");
  g_autofree char *config = temp_path (fixture, "config");
  g_autofree char *folder = g_build_filename (config, "glib-2.0", "settings", NULL);
  g_autofree char *keyfile = g_build_filename (folder, "keyfile", NULL);
  const char *args[] = { "--database", db, "--export-pdf", pdf, "--goal", "1", NULL };
  const char *english[] = { "--database", db, "--export-pdf", pdf, "--goal", "1",
                            "--report-language", "en", NULL };
  const char *env[] = { "LANG", "C.UTF-8", "GSETTINGS_BACKEND", "keyfile",
                        "XDG_CONFIG_HOME", config, NULL };
  const char *text_argv[] = { "pdftotext", pdf, "-", NULL };
  const char *info_argv[] = { "pdfinfo", pdf, NULL };
  g_auto(Result) result = { 0 };
  g_auto(Result) again = { 0 };
  g_autofree char *text = NULL;
  g_autofree char *info = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpint (g_mkdir_with_parents (folder, 0700), ==, 0);
  g_assert_true (g_file_set_contents (keyfile, "[de/karlsruhe/Measures]\n"
                                               "language='fr'\n"
                                               "paper='letter'\n"
                                               "layout='two-per-page'\n"
                                               "author-name='Jeanne Dupont'\n", -1, &error));
  run_measures_in (&result, args, env);
  g_assert_cmpint (result.status, ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **)text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_nonnull (strstr (text, "Description succincte"));
  g_assert_true (g_spawn_sync (NULL, (char **)info_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &info, NULL, NULL, &error));
  g_assert_nonnull (strstr (info, "Jeanne Dupont"));
  /* Letter, turned: the goal's sheets two to a page. */
  g_assert_nonnull (strstr (info, "792 x 612 pts"));

  /* The option first. */
  g_clear_pointer (&text, g_free);
  run_measures_in (&again, english, env);
  g_assert_cmpint (again.status, ==, 0);
  g_assert_true (g_spawn_sync (NULL, (char **)text_argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &text, NULL, NULL, &error));
  g_assert_nonnull (strstr (text, "Short Description"));
}

/* Every office's sheets, two to a landscape page when asked for. */
static void
test_office_sheets_layout (TempDir       *fixture,
                           gconstpointer  data)
{
  g_autofree char *db = temp_path (fixture, "strategy.db");
  g_autofree char *one = temp_path (fixture, "one");
  g_autofree char *two = temp_path (fixture, "two");
  const char *portrait[] = { "--database", db, "--export-office-sheets", one, NULL };
  const char *landscape[] = { "--database", db, "--export-office-sheets", two,
                              "--layout", "two-per-page", NULL };
  const char *unknown[] = { "--database", db, "--export-office-sheets", two,
                            "--layout", "three-per-page", NULL };
  const char *sizes[] = { "595.276 x 841.89 pts (A4)", "841.89 x 595.276 pts (A4)" };
  const char *folders[] = { one, two };
  g_auto(Result) first = { 0 };
  g_auto(Result) second = { 0 };
  g_auto(Result) refused = { 0 };

  run_measures (&first, portrait);
  g_assert_cmpint (first.status, ==, 0);
  run_measures (&second, landscape);
  g_assert_cmpint (second.status, ==, 0);
  g_assert_cmpstr (second.err, ==, "");

  for (guint i = 0; i < G_N_ELEMENTS (folders); i++)
    {
      g_autofree char *pdf = g_build_filename (folders[i], "SAM.pdf", NULL);
      const char *info_argv[] = { "pdfinfo", pdf, NULL };
      g_autofree char *info = NULL;
      g_autoptr(GError) error = NULL;

      g_assert_true (g_spawn_sync (NULL, (char **)info_argv, NULL, G_SPAWN_SEARCH_PATH, NULL,
                                   NULL, &info, NULL, NULL, &error));
      g_assert_no_error (error);
      if (strstr (info, sizes[i]) == NULL)
        g_error ("%s is not %s:\n%s", pdf, sizes[i], info);
    }

  run_measures (&refused, unknown);
  g_assert_cmpint (refused.status, !=, 0);
  g_assert_nonnull (strstr (refused.err, "three-per-page"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/cli/" name, TempDir, NULL, temp_dir_setup, func, temp_dir_teardown)

  ADD ("dump-json", test_dump_json);
  ADD ("dump-json-relative-path", test_dump_json_relative_path);
  ADD ("not-a-database", test_not_a_database);
  ADD ("uncreatable-path", test_uncreatable_path);
  ADD ("help", test_help);
  ADD ("version", test_version);
  ADD ("language-from-environment", test_language_from_environment);
  ADD ("report-in-environment-language", test_report_in_environment_language);
  ADD ("export-xlsx", test_export_xlsx);
  ADD ("export-options-need-export", test_export_options_need_export);
  ADD ("office-and-measure-named", test_office_and_measure_named);
  ADD ("preferences-for-reports", test_preferences_for_reports);
  ADD ("export-xlsx-goal-and-failure", test_export_xlsx_goal_and_failure);
  ADD ("export-monitoring", test_export_monitoring);
  ADD ("office-sheets-layout", test_office_sheets_layout);

#undef ADD

  return g_test_run ();
}
