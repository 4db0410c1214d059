/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>
#include <gio/gio.h>

/* Starting Measures again on a file that a window already shows presents
 * that window, instead of a second window editing the same measures; on
 * another file it opens a window of its own. Runs the installed binary
 * under Xvfb with a session bus of its own. */

typedef struct
{
  GSubprocess *process;
  GString *output;
} Running;

static void
running_clear (Running *running)
{
  if (running->process != NULL)
    {
      g_subprocess_force_exit (running->process);
      g_subprocess_wait (running->process, NULL, NULL);
    }
  g_clear_object (&running->process);
  if (running->output != NULL)
    g_string_free (running->output, TRUE);
  running->output = NULL;
}

static GSubprocess *
start (const char *database,
       GError    **error)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);

  g_subprocess_launcher_setenv (launcher, "G_MESSAGES_DEBUG", "measures-instance", TRUE);
  return g_subprocess_launcher_spawn (launcher, error, g_getenv ("MEASURES_BIN"), "--database",
                                      database, NULL);
}

static gboolean
name_has_owner (GDBusConnection *bus,
                const char      *prefix)
{
  g_autoptr(GVariant) reply = NULL;
  g_autoptr(GVariantIter) names = NULL;
  const char *name;

  reply = g_dbus_connection_call_sync (bus, "org.freedesktop.DBus", "/org/freedesktop/DBus",
                                       "org.freedesktop.DBus", "ListNames", NULL,
                                       G_VARIANT_TYPE ("(as)"), G_DBUS_CALL_FLAGS_NONE, -1, NULL,
                                       NULL);
  g_assert_nonnull (reply);
  g_variant_get (reply, "(as)", &names);
  while (g_variant_iter_next (names, "&s", &name))
    if (g_str_has_prefix (name, prefix))
      return TRUE;

  return FALSE;
}

/* Reads what the process wrote to its standard output so far (debug messages go there). */
static void
read_output (Running *running)
{
  GInputStream *stream = g_subprocess_get_stdout_pipe (running->process);
  char buffer[4096];
  gssize n;

  if (running->output == NULL)
    running->output = g_string_new (NULL);

  while (g_pollable_input_stream_is_readable (G_POLLABLE_INPUT_STREAM (stream)) &&
         (n = g_pollable_input_stream_read_nonblocking (G_POLLABLE_INPUT_STREAM (stream), buffer,
                                                        sizeof buffer, NULL, NULL)) > 0)
    g_string_append_len (running->output, buffer, n);
}

static void
test_second_start_presents_window (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDBusConnection) bus = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, &error);
  g_autofree char *dir = g_dir_make_tmp ("measures-instance-XXXXXX", &error);
  g_autofree char *database = g_build_filename (dir, "strategy.db", NULL);
  g_autofree char *other = g_build_filename (dir, "other.db", NULL);
  g_autoptr(GSubprocess) second = NULL;
  g_autoptr(GSubprocess) third = NULL;
  g_autofree char *remove = NULL;
  Running first = { 0 };
  gint64 deadline;

  g_assert_no_error (error);
  first.process = start (database, &error);
  g_assert_no_error (error);

  /* The first window takes its name on the bus once it shows. */
  deadline = g_get_monotonic_time () + 30 * G_USEC_PER_SEC;
  while (!name_has_owner (bus, APP_ID ".Database.f"))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, deadline);
      g_usleep (50000);
    }

  /* The second start hands over and ends at once. */
  second = start (database, &error);
  g_assert_no_error (error);
  g_assert_true (g_subprocess_wait_check (second, NULL, &error));
  g_assert_no_error (error);

  deadline = g_get_monotonic_time () + 5 * G_USEC_PER_SEC;
  do
    {
      g_usleep (50000);
      read_output (&first);
    }
  while (strstr (first.output->str, "Asked to present the window") == NULL &&
         g_get_monotonic_time () < deadline);
  g_assert_nonnull (strstr (first.output->str, "Asked to present the window"));

  /* Another file is another window: that process keeps running. */
  third = start (other, &error);
  g_assert_no_error (error);
  g_usleep (2 * G_USEC_PER_SEC);
  g_subprocess_force_exit (third);
  g_subprocess_wait (third, NULL, NULL);
  g_assert_true (g_subprocess_get_if_signaled (third));

  running_clear (&first);
  remove = g_strdup_printf ("rm -rf '%s'", dir);
  g_assert_true (g_spawn_command_line_sync (remove, NULL, NULL, NULL, NULL));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/instance/second-start-presents-window", test_second_start_presents_window);

  return g_test_run ();
}
