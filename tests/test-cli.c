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

#undef ADD

  return g_test_run ();
}
