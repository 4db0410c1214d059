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
run_measures (Result             *result,
              const char * const *args)
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

  g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL,
                &result->out, &result->err, &result->status, &error);
  g_assert_no_error (error);
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

#undef ADD

  return g_test_run ();
}
