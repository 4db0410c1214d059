/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <poll.h>
#include <stdio.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "bench-generate.h"
#include "bench-util.h"
#include "measures-backup.h"
#ifdef MEASURES_BENCH_SERVER
#include "bench-server.h"
#endif

/* Measures at scale, in one run: synthetic strategies of 50, 1 000, 10 000
 * and 100 000 measures (made once, kept in MEASURES_BENCH_STORES), and for
 * each
 *
 *   - the first frame of the application opening it, and its peak memory;
 *   - what bench-window times in the window: search, filters, sort,
 *     scrolling, saving;
 *
 * then the reports (bench-reports). The first frame of a bare libadwaita
 * window with one list (bench-baseline) and of GNOME Text Editor are
 * measured in the same rounds, interleaved with Measures's, so that the
 * ratios compare like with like. Every first frame is timed the same way:
 * from just before the process is started to the end of its first paint,
 * as first-frame-probe reports it from inside the process.
 *
 * Where the PostgreSQL engine is built and a server is installed, the
 * strategies of up to 10 000 measures are moved onto a throwaway server
 * too (bench-server.c), and the same first frame and window figures are
 * taken there, over its Unix socket, beside the store's own.
 *
 * MEASURES_BENCH_SIZES ("50,1000") and MEASURES_BENCH_RUNS (11) choose
 * less. The programs come from the environment the build sets. */

typedef struct {
  const char *name;
  double value;
  const char *unit;
} Figure;

static const char *
need_env (const char *name)
{
  const char *value = g_getenv (name);

  if (value == NULL)
    g_error ("%s is not set; run this through `meson test --benchmark`", name);
  return value;
}

static double
median (GArray *values)
{
  g_autoptr(GArray) sorted = g_array_copy (values);

  return bench_median ((double *)sorted->data, sorted->len);
}

/* Starting a program and timing its first frame ---------------------------- */

typedef struct {
  double first_frame_ms;   /* < 0 when it showed none */
  double peak_rss_mb;
  int status;              /* as wait4() tells it */
} Start;

static Start
start_program (const char * const *argv,
               const char * const *extra_env,
               guint               linger_ms)
{
  Start result = { -1, 0, 0 };
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) env = g_get_environ ();
  g_autofree char *linger = g_strdup_printf ("%u", linger_ms);
  int fds[2];
  int source_fds[1], target_fds[1];
  GPid pid;
  gint64 start;
  char buffer[128] = { 0 };
  gsize length = 0;
  struct rusage usage;
  int status;

  if (pipe (fds) != 0)
    g_error ("pipe: %s", g_strerror (errno));

  env = g_environ_setenv (env, "LD_PRELOAD", need_env ("MEASURES_BENCH_PROBE"), TRUE);
  env = g_environ_setenv (env, "FIRST_FRAME_PROBE_FD", "3", TRUE);
  env = g_environ_setenv (env, "FIRST_FRAME_PROBE_LINGER_MS", linger, TRUE);
  for (guint i = 0; extra_env && extra_env[i] && extra_env[i + 1]; i += 2)
    env = g_environ_setenv (env, extra_env[i], extra_env[i + 1], TRUE);

  source_fds[0] = fds[1];
  target_fds[0] = 3;

  start = g_get_monotonic_time ();
  if (!g_spawn_async_with_pipes_and_fds (NULL, argv, (const char * const *)env,
                                         G_SPAWN_DO_NOT_REAP_CHILD | G_SPAWN_STDOUT_TO_DEV_NULL |
                                         (g_getenv ("MEASURES_BENCH_APP_STDERR") ? 0
                                                                                : G_SPAWN_STDERR_TO_DEV_NULL),
                                         NULL, NULL, -1, -1, -1, source_fds, target_fds, 1,
                                         &pid, NULL, NULL, NULL, &error))
    g_error ("Could not start %s: %s", argv[0], error->message);
  close (fds[1]);

  /* 20 s at most; then it is stopped. */
  while (length < sizeof buffer - 1)
    {
      struct pollfd poll_fd = { .fd = fds[0], .events = POLLIN };
      gssize n;

      if (poll (&poll_fd, 1, 20000) <= 0)
        {
          kill (pid, SIGKILL);
          break;
        }
      n = read (fds[0], buffer + length, sizeof buffer - 1 - length);
      if (n <= 0)
        break;
      length += n;
      if (memchr (buffer, '\n', length) != NULL)
        break;
    }
  close (fds[0]);

  if (wait4 (pid, &status, 0, &usage) < 0)
    g_error ("wait4: %s", g_strerror (errno));

  if (g_str_has_prefix (buffer, "first-frame "))
    result.first_frame_ms = (g_ascii_strtoll (buffer + strlen ("first-frame "), NULL, 10) - start)
                            / 1000.0;
  result.peak_rss_mb = usage.ru_maxrss / 1024.0;
  result.status = status;

  return result;
}

/* The stores --------------------------------------------------------------- */

static char *
ensure_store (guint size)
{
  const char *folder = need_env ("MEASURES_BENCH_STORES");
  g_autofree char *name = g_strdup_printf ("strategy-%u.db", size);
  char *path = g_build_filename (folder, name, NULL);
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    return path;

  g_mkdir_with_parents (folder, 0700);
  start = g_get_monotonic_time ();
  if (!bench_generate_store (path, size, &error))
    g_error ("Could not generate %s: %s", path, error->message);
  printf ("# generated %u measures in %.1f s: %s\n", size,
          (g_get_monotonic_time () - start) / 1e6, path);
  fflush (stdout);

  return path;
}

/* A copy to open and change, with today's backup made already: the first
 * start of a day copies the database aside once, on a thread (README,
 * "Keeping the data safe"); it is not what these starts measure. */
static char *
working_copy (const char *store,
              const char *folder,
              guint       size)
{
  g_autofree char *dir = g_strdup_printf ("%s/%u", folder, size);
  char *path = g_build_filename (dir, "strategy.db", NULL);
  g_autofree char *command = NULL;
  g_autoptr(MeasuresStore) opened = NULL;
  g_autoptr(GError) error = NULL;

  g_mkdir_with_parents (dir, 0700);
  command = g_strdup_printf ("cp '%s' '%s'", store, path);
  if (system (command) != 0)
    g_error ("Could not copy %s", store);

  opened = measures_store_open (path, &error);
  if (opened == NULL || !measures_backup_make_daily (opened, 1, NULL, &error))
    g_error ("Could not prepare %s: %s", path, error->message);

  return path;
}

/* The window --------------------------------------------------------------- */

static GHashTable *
new_figures (void)
{
  return g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
}

static GHashTable *
run_window_bench (const char *database)
{
  const char *argv[] = { need_env ("MEASURES_BENCH_WINDOW"), database, NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *figures = new_figures ();
  int status;

  if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err, &status,
                     &error) ||
      !g_spawn_check_wait_status (status, &error))
    g_error ("bench-window failed on %s: %s\n%s", database, error->message, err ? err : "");

  lines = g_strsplit (out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) words = g_strsplit (lines[i], " ", 3);

      if (g_strv_length (words) >= 2)
        {
          double *value = g_new (double, 1);

          *value = g_ascii_strtod (words[1], NULL);
          g_hash_table_insert (figures, g_strdup (words[0]), value);
        }
    }

  return figures;
}

static double
figure (GHashTable *figures,
        const char *name)
{
  double *value = g_hash_table_lookup (figures, name);

  return value ? *value : -1;
}

/* Targets ------------------------------------------------------------------ */

static guint n_missed;

static void
target (const char *what,
        double      value,
        gboolean    below,
        double      limit,
        const char *unit)
{
  gboolean holds = below ? value < limit : value <= limit;

  printf ("  %-52s %10.2f %-3s  target %s %g %s: %s\n", what, value, unit, below ? "<" : "≤",
          limit, unit, holds ? "holds" : "MISSED");
  n_missed += !holds;
}

int
main (int   argc,
      char *argv[])
{
  const char *sizes_text = g_getenv ("MEASURES_BENCH_SIZES");
  guint runs = g_getenv ("MEASURES_BENCH_RUNS") ? atoi (g_getenv ("MEASURES_BENCH_RUNS")) : 11;
  g_auto(GStrv) size_list = g_strsplit (sizes_text ? sizes_text : "50,1000,10000,100000", ",", -1);
  g_autofree char *work = g_dir_make_tmp ("measures-bench-XXXXXX", NULL);
  g_autofree char *editor = g_find_program_in_path ("gnome-text-editor");
  g_autofree char *editor_home = g_build_filename (work, "text-editor", NULL);
  guint n_sizes = g_strv_length (size_list);
  g_autofree guint *sizes = g_new0 (guint, n_sizes);
  g_autofree char **stores = g_new0 (char *, n_sizes + 1);
  g_autofree char **copies = g_new0 (char *, n_sizes + 1);
  g_autoptr(GArray) baseline = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GArray) text_editor = g_array_new (FALSE, FALSE, sizeof (double));
  g_autoptr(GPtrArray) app = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autofree double *rss = g_new0 (double, n_sizes);
  g_autofree double *window_rss = g_new0 (double, n_sizes);
  g_autoptr(GPtrArray) window = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
  const char *editor_env[] = {
    "XDG_CONFIG_HOME", NULL, "XDG_DATA_HOME", NULL, "XDG_STATE_HOME", NULL, "XDG_CACHE_HOME", NULL,
    NULL,
  };
  double app_50 = -1, baseline_ms, editor_ms;
  /* On the server: its address for each size, NULL where not measured. */
  g_autofree char **servers = g_new0 (char *, n_sizes + 1);
  g_autofree double *import_s = g_new0 (double, n_sizes);
  g_autofree double *server_rss = g_new0 (double, n_sizes);
  g_autofree guint *server_failed = g_new0 (guint, n_sizes);
  g_autoptr(GPtrArray) server_app = g_ptr_array_new_with_free_func ((GDestroyNotify)g_array_unref);
  g_autoptr(GPtrArray) server_window = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
  g_autoptr(GPtrArray) server_store = g_ptr_array_new_with_free_func ((GDestroyNotify)g_hash_table_unref);
  gboolean on_server = FALSE;
  const char *main_window_only[] = { "FIRST_FRAME_PROBE_WINDOW", "MeasuresWindow", NULL };
  int reports_status;

  if (work == NULL)
    g_error ("Could not make a temporary folder");
  editor_env[1] = editor_env[3] = editor_env[5] = editor_env[7] = editor_home;

  printf ("Measures benchmarks — %u runs per figure, medians\n", runs);
  for (guint i = 0; i < n_sizes; i++)
    {
      sizes[i] = atoi (size_list[i]);
      stores[i] = ensure_store (sizes[i]);
      copies[i] = working_copy (stores[i], work, sizes[i]);
      g_ptr_array_add (app, g_array_new (FALSE, FALSE, sizeof (double)));
      g_ptr_array_add (server_app, g_array_new (FALSE, FALSE, sizeof (double)));
      g_ptr_array_add (server_window, new_figures ());
      g_ptr_array_add (server_store, new_figures ());
    }

#ifdef MEASURES_BENCH_SERVER
  {
    g_autoptr(GError) error = NULL;

    if (!bench_server_start (&error))
      printf ("# no PostgreSQL server for the benchmark: %s\n", error->message);
    else
      {
        on_server = TRUE;
        for (guint i = 0; i < n_sizes; i++)
          {
            if (sizes[i] > 10000)
              continue;
            servers[i] = bench_server_prepare (need_env ("MEASURES_BIN"), stores[i], sizes[i],
                                               &import_s[i], &error);
            if (servers[i] == NULL)
              g_error ("Could not move %u measures onto the server: %s", sizes[i],
                       error->message);
            printf ("# moved %u measures onto the server in %.2f s: %s\n", sizes[i], import_s[i],
                    servers[i]);
            fflush (stdout);
          }
      }
  }

  /* The server's own figures only, without the windows: for work on the
   * engine. */
  if (on_server && g_getenv ("MEASURES_BENCH_SERVER_ONLY") != NULL)
    {
      for (guint i = 0; i < n_sizes; i++)
        if (servers[i] != NULL)
          {
            GHashTable *store = g_ptr_array_index (server_store, i);
            static const char * const names[] = {
              "summaries", "save", "save-round-trips", "report", "report-round-trips",
              "other-refresh-median", "other-refresh-p95",
            };

            bench_server_measure (servers[i], runs, store);
            printf ("On the server, %u measures: moved onto it in %.2f s\n", sizes[i], import_s[i]);
            for (guint n = 0; n < G_N_ELEMENTS (names); n++)
              printf ("  %-28s %10.2f\n", names[n], figure (store, names[n]));
          }
      bench_server_stop ();
      return 0;
    }
#endif

  /* First frames, interleaved round by round. */
  for (guint run = 0; run <= runs; run++)
    {
      const char *baseline_argv[] = { need_env ("MEASURES_BENCH_BASELINE"), NULL };
      const char *editor_argv[] = { editor, "--standalone", NULL };
      Start start;

      /* Round 0 warms the disk cache and is not counted. */
      start = start_program (baseline_argv, NULL, 0);
      if (run > 0)
        g_array_append_val (baseline, start.first_frame_ms);

      for (guint i = 0; i < n_sizes; i++)
        {
          const char *app_argv[] = { need_env ("MEASURES_BIN"), "--database", copies[i], NULL };

          start = start_program (app_argv, NULL, 0);
          if (start.first_frame_ms < 0)
            g_error ("Measures showed no window on %s", copies[i]);
          if (run > 0)
            g_array_append_val (g_ptr_array_index (app, i), start.first_frame_ms);
        }

      /* On the server the application shows a window of its own while it
       * connects: the frame timed is the main window's. */
      for (guint i = 0; i < n_sizes; i++)
        {
          const char *app_argv[] = { need_env ("MEASURES_BIN"), "--database", servers[i], NULL };

          if (servers[i] == NULL)
            continue;
          start = start_program (app_argv, main_window_only, 0);
          /* Counted and told rather than fatal: now and then a start on
           * the server shows no main window within the minute (not found
           * out yet). */
          if (start.first_frame_ms < 0)
            {
              printf ("# Measures showed no main window on %s (wait status %d)\n", servers[i],
                      start.status);
              fflush (stdout);
              server_failed[i]++;
              continue;
            }
          if (run > 0)
            g_array_append_val (g_ptr_array_index (server_app, i), start.first_frame_ms);
        }

      if (editor != NULL)
        {
          start = start_program (editor_argv, editor_env, 0);
          if (run > 0 && start.first_frame_ms >= 0)
            g_array_append_val (text_editor, start.first_frame_ms);
        }
    }

  /* Peak memory: open, first frame, then three seconds to settle (the
   * rest of the window is made after the first frame, a large file is
   * checked on a thread). */
  for (guint i = 0; i < n_sizes; i++)
    {
      const char *app_argv[] = { need_env ("MEASURES_BIN"), "--database", copies[i], NULL };

      rss[i] = start_program (app_argv, NULL, 3000).peak_rss_mb;
    }
  for (guint i = 0; i < n_sizes; i++)
    {
      const char *app_argv[] = { need_env ("MEASURES_BIN"), "--database", servers[i], NULL };

      if (servers[i] != NULL)
        server_rss[i] = start_program (app_argv, main_window_only, 3000).peak_rss_mb;
    }

  for (guint i = 0; i < n_sizes; i++)
    {
      GHashTable *figures = run_window_bench (copies[i]);

      window_rss[i] = figure (figures, "peak-rss");
      g_ptr_array_add (window, figures);
    }

  for (guint i = 0; i < n_sizes; i++)
    if (servers[i] != NULL)
      {
        g_hash_table_unref (g_ptr_array_index (server_window, i));
        g_ptr_array_index (server_window, i) = run_window_bench (servers[i]);
#ifdef MEASURES_BENCH_SERVER
        bench_server_measure (servers[i], runs, g_ptr_array_index (server_store, i));
#endif
      }

  baseline_ms = median (baseline);
  editor_ms = median (text_editor);

  printf ("\nFirst frame (from starting the process to its first painted frame)\n");
  printf ("  %-28s %9.1f ms\n", "bare libadwaita window", baseline_ms);
  if (editor != NULL)
    printf ("  %-28s %9.1f ms\n", "GNOME Text Editor 43", editor_ms);
  else
    printf ("  GNOME Text Editor is not installed: no comparison (build-aux/run-benchmarks installs it)\n");
  for (guint i = 0; i < n_sizes; i++)
    {
      double ms = median (g_ptr_array_index (app, i));

      printf ("  Measures, %6u measures   %9.1f ms   peak RSS %6.1f MB (window test %6.1f MB)\n",
              sizes[i], ms, rss[i], window_rss[i]);
      if (sizes[i] == 50)
        app_50 = ms;
    }

  printf ("\nIn the window (ms unless said)\n");
  printf ("  %-34s", "measures");
  for (guint i = 0; i < n_sizes; i++)
    printf (" %10u", sizes[i]);
  printf ("\n");
  {
    static const char * const rows[][2] = {
      { "search-common", "search keystroke, common word" },
      { "search-common-found", "  measures found" },
      { "search-rare", "search keystroke, rare word" },
      { "search-rare-found", "  measures found" },
      { "filter-office", "filter by office (SAM)" },
      { "filter-office-clear", "  back to all offices" },
      { "filter-status", "filter by status" },
      { "filter-status-clear", "  back to all statuses" },
      { "sort-title", "sort by title" },
      { "sort-title-first", "  the first time" },
      { "sort-title-clear", "  back to goal order" },
      { "scroll-rows", "scroll: rows in one second" },
      { "scroll-frames", "  frames painted" },
      { "scroll-dropped", "  frames dropped" },
      { "scroll-longest-frame", "  longest frame" },
      { "save-edit", "save an edit" },
      { "add-log-entry", "add a progress report" },
    };

    for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
      {
        printf ("  %-34s", rows[r][1]);
        for (guint i = 0; i < n_sizes; i++)
          printf (" %10.2f", figure (g_ptr_array_index (window, i), rows[r][0]));
        printf ("\n");
      }
  }
  fflush (stdout);

  if (on_server)
    {
      static const char * const window_rows[][2] = {
        { "search-common", "search keystroke, common word" },
        { "search-rare", "search keystroke, rare word" },
        { "filter-office", "filter by office (SAM)" },
        { "filter-status", "filter by status" },
        { "sort-title", "sort by title" },
        { "scroll-dropped", "scroll: frames dropped" },
        { "save-edit", "save an edit" },
        { "save-edit-round-trips", "  round trips, window included" },
        { "add-log-entry", "add a progress report" },
        { "add-log-entry-round-trips", "  round trips, window included" },
      };
      static const char * const store_rows[][2] = {
        { "open", "open the store" },
        { "summaries", "all summaries" },
        { "summaries-count", "  measures" },
        { "summaries-round-trips", "  round trips" },
        { "list-new", "the list model of all measures" },
        { "search-store", "search, the store's part" },
        { "save", "save an edit (one field)" },
        { "save-round-trips", "  round trips" },
        { "report", "a progress report" },
        { "report-round-trips", "  round trips" },
        { "other-refresh-median", "another workstation's report, median" },
        { "other-refresh-p95", "  95th percentile" },
        { "other-write-refresh-p95", "  95th p., from the start of its write" },
        { "other-refresh-missed", "  not seen within 5 s" },
      };

      printf ("\nOn a PostgreSQL server, Unix socket: file / server (ms unless said)\n");
      printf ("  %-40s", "measures");
      for (guint i = 0; i < n_sizes; i++)
        if (servers[i] != NULL)
          printf (" %17u", sizes[i]);
      printf ("\n  %-40s", "move onto the server (--import-json, s)");
      for (guint i = 0; i < n_sizes; i++)
        if (servers[i] != NULL)
          printf (" %17.2f", import_s[i]);
      printf ("\n  %-40s", "first frame of the main window");
      for (guint i = 0; i < n_sizes; i++)
        if (servers[i] != NULL)
          printf ("   %6.1f / %6.1f", median (g_ptr_array_index (app, i)),
                  median (g_ptr_array_index (server_app, i)));
      printf ("\n  %-40s", "  starts without a main window");
      for (guint i = 0; i < n_sizes; i++)
        if (servers[i] != NULL)
          printf (" %17u", server_failed[i]);
      printf ("\n  %-40s", "peak RSS, open (MB)");
      for (guint i = 0; i < n_sizes; i++)
        if (servers[i] != NULL)
          printf ("   %6.1f / %6.1f", rss[i], server_rss[i]);
      printf ("\n");
      for (guint r = 0; r < G_N_ELEMENTS (window_rows); r++)
        {
          printf ("  %-40s", window_rows[r][1]);
          for (guint i = 0; i < n_sizes; i++)
            if (servers[i] != NULL)
              printf ("   %6.2f / %6.2f", figure (g_ptr_array_index (window, i), window_rows[r][0]),
                      figure (g_ptr_array_index (server_window, i), window_rows[r][0]));
          printf ("\n");
        }
      printf ("  the store alone, server only:\n");
      for (guint r = 0; r < G_N_ELEMENTS (store_rows); r++)
        {
          printf ("  %-40s", store_rows[r][1]);
          for (guint i = 0; i < n_sizes; i++)
            if (servers[i] != NULL)
              printf (" %17.2f", figure (g_ptr_array_index (server_store, i), store_rows[r][0]));
          printf ("\n");
        }
      fflush (stdout);
    }

  printf ("\nReports\n");
  fflush (stdout);
  {
    const char *reports_argv[] = { need_env ("MEASURES_BENCH_REPORTS"), NULL, NULL, NULL };
    g_autoptr(GError) error = NULL;
    g_autofree char *strategy = NULL;

    /* The sheets and the strategy report are of the 50 measures, whatever
     * sizes the window was measured with. */
    for (guint i = 0; i < n_sizes; i++)
      {
        if (sizes[i] == 50)
          reports_argv[1] = stores[i];
        if (sizes[i] == 10000)
          reports_argv[2] = stores[i];
      }
    if (reports_argv[1] == NULL)
      reports_argv[1] = strategy = ensure_store (50);
    if (!g_spawn_sync (NULL, (char **)reports_argv, NULL, G_SPAWN_CHILD_INHERITS_STDIN, NULL, NULL,
                       NULL, NULL, &reports_status, &error) ||
        !g_spawn_check_wait_status (reports_status, &error))
      g_error ("bench-reports failed: %s", error->message);
  }

  printf ("\nTargets (this machine: %u cores)\n", g_get_num_processors ());
  for (guint i = 0; i < n_sizes; i++)
    {
      GHashTable *figures = g_ptr_array_index (window, i);
      g_autofree char *what = NULL;

      if (sizes[i] == 50 && app_50 > 0)
        target ("first frame, embedded strategy ÷ bare window", app_50 / baseline_ms, FALSE,
                1.15, "×");
      if (sizes[i] == 50)
        target ("dashboard's first paint, 50", figure (figures, "dashboard-first-paint"), TRUE,
                16, "ms");
      if (sizes[i] == 10000)
        {
          target ("dashboard's first paint, 10 000", figure (figures, "dashboard-first-paint"),
                  TRUE, 100, "ms");
          target ("search keystroke, common word, 10 000", figure (figures, "search-common"),
                  TRUE, 16, "ms");
          target ("search keystroke, rare word, 10 000", figure (figures, "search-rare"),
                  TRUE, 16, "ms");
          target ("filter by office, 10 000", figure (figures, "filter-office"), TRUE, 16, "ms");
          target ("filter by status, 10 000", figure (figures, "filter-status"), TRUE, 16, "ms");
          target ("sort by title, 10 000", figure (figures, "sort-title"), TRUE, 16, "ms");
        }
      if (sizes[i] == 100000)
        {
          target ("search keystroke, common word, 100 000", figure (figures, "search-common"),
                  TRUE, 50, "ms");
          target ("search keystroke, rare word, 100 000", figure (figures, "search-rare"),
                  TRUE, 50, "ms");
          target ("peak RSS of the application, 100 000", rss[i], TRUE, 120, "MB");
          target ("peak RSS of the window test, 100 000", window_rss[i], TRUE, 120, "MB");
        }
      what = g_strdup_printf ("save an edit, %u", sizes[i]);
      target (what, figure (figures, "save-edit"), TRUE, 10, "ms");
      if (servers[i] != NULL && sizes[i] == 10000)
        {
          GHashTable *on = g_ptr_array_index (server_window, i);
          GHashTable *store = g_ptr_array_index (server_store, i);

          target ("server: all summaries, 10 000", figure (store, "summaries"), FALSE, 20, "ms");
          target ("server: search keystroke, common word, 10 000",
                  figure (on, "search-common"), FALSE, 16, "ms");
          target ("server: search keystroke, rare word, 10 000", figure (on, "search-rare"),
                  FALSE, 16, "ms");
          target ("server: save an edit in the window, 10 000", figure (on, "save-edit"),
                  FALSE, 10, "ms");
          target ("server: progress report in the window, 10 000", figure (on, "add-log-entry"),
                  FALSE, 10, "ms");
          target ("server: round trips of a save, 10 000", figure (store, "save-round-trips"),
                  FALSE, 3, "rt");
          target ("server: round trips of a report, 10 000", figure (store, "report-round-trips"),
                  FALSE, 3, "rt");
          target ("server: another workstation's report seen, p95, 10 000",
                  figure (store, "other-refresh-p95"), FALSE, 50, "ms");
          target ("server: moving 10 000 measures onto it", import_s[i], FALSE, 5, "s");
        }
    }
  printf ("  (SAM's sheets < 0.5 s: see Reports above)\n");
  if (editor != NULL)
    printf ("\nComparison: Measures's first frame ÷ GNOME Text Editor's: %.2f×\n",
            app_50 / editor_ms);
  printf ("%u target(s) missed\n", n_missed);

  {
    g_autofree char *command = g_strdup_printf ("rm -rf '%s'", work);
    if (system (command) != 0)
      g_warning ("Could not remove %s", work);
  }
  for (guint i = 0; i < n_sizes; i++)
    {
      g_free (stores[i]);
      g_free (copies[i]);
      g_free (servers[i]);
    }
#ifdef MEASURES_BENCH_SERVER
  if (on_server)
    bench_server_stop ();
#endif

  return 0;
}
