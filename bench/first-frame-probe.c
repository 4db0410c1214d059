/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <gtk/gtk.h>
#include <stdio.h>
#include <unistd.h>

/* Loaded into a GTK 4 application with LD_PRELOAD, this measures the same
 * thing in any of them — Measures, the bare window, another application:
 * the moment a frame clock first finishes painting: the first window's
 * first frame. It writes "first-frame MICROSECONDS" (CLOCK_MONOTONIC, as
 * g_get_monotonic_time() reads it) to the file descriptor in
 * FIRST_FRAME_PROBE_FD and ends the process at once, or after
 * FIRST_FRAME_PROBE_LINGER_MS so the application settles, for its peak
 * memory.
 *
 * With FIRST_FRAME_PROBE_WINDOW set to a type name ("MeasuresWindow"), only
 * a frame of a window of that type counts: an application that shows a
 * window of its own while it connects to a server is timed until the
 * window the user works in has painted. */

/* Whether @clock paints a window of the type the environment names, or
 * no type is named. */
static gboolean
counts (GdkFrameClock *clock)
{
  const char *type = g_getenv ("FIRST_FRAME_PROBE_WINDOW");
  g_autoptr(GList) windows = NULL;

  if (type == NULL || *type == '\0')
    return TRUE;

  windows = gtk_window_list_toplevels ();
  for (GList *l = windows; l != NULL; l = l->next)
    {
      GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (l->data));

      if (surface != NULL && gdk_surface_get_frame_clock (surface) == clock &&
          g_str_equal (G_OBJECT_TYPE_NAME (l->data), type))
        return TRUE;
    }

  return FALSE;
}

static void
finish (void)
{
  /* No clean-up: what is measured is the application up to its first
   * frame, not its shutdown. */
  _exit (0);
}

static gboolean
linger_done (gpointer data)
{
  finish ();
  return G_SOURCE_REMOVE;
}

/* The first emission of "after-paint" on any frame clock (or on one of
 * the window type asked for) is that window's first frame. */
static gboolean
after_paint (GSignalInvocationHint *hint,
             guint                  n_values,
             const GValue          *values,
             gpointer               data)
{
  gint64 now = g_get_monotonic_time ();
  const char *fd_text = g_getenv ("FIRST_FRAME_PROBE_FD");
  const char *linger = g_getenv ("FIRST_FRAME_PROBE_LINGER_MS");
  int fd = fd_text ? atoi (fd_text) : 2;
  char line[64];
  int length;

  if (!counts (g_value_get_object (&values[0])))
    return TRUE;

  length = g_snprintf (line, sizeof line, "first-frame %" G_GINT64_FORMAT "\n", now);
  if (write (fd, line, length) != length)
    perror ("first-frame-probe");

  if (linger != NULL && atoi (linger) > 0)
    g_timeout_add (atoi (linger), linger_done, NULL);
  else
    finish ();

  return FALSE;
}

__attribute__((constructor)) static void
first_frame_probe_init (void)
{
  GTypeClass *klass = g_type_class_ref (GDK_TYPE_FRAME_CLOCK);

  g_signal_add_emission_hook (g_signal_lookup ("after-paint", GDK_TYPE_FRAME_CLOCK), 0,
                              after_paint, NULL, NULL);
  g_type_class_unref (klass);
}
