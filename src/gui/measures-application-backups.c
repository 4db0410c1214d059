/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-application"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "measures-application-private.h"
#include "measures-backup.h"
#include "measures-restore-window.h"
#include "measures-window.h"

/* Keeping the file safe: the daily backup, and putting a backup (or a new
 * file from the embedded strategy) in the place of the database — which
 * may be open, or may have been refused as damaged. Only a file has
 * backups; a server keeps its own. */

static guint
backups_kept (MeasuresApplication *self)
{
  return self->settings ? g_settings_get_uint (self->settings, "backups-kept") : 7;
}

static void
daily_backup_done (GObject      *source,
                   GAsyncResult *result,
                   gpointer      user_data)
{
  g_autoptr(MeasuresApplication) self = user_data;
  g_autoptr(GError) error = NULL;

  if (!measures_backup_make_daily_finish (MEASURES_STORE (source), result, NULL, &error))
    g_warning ("%s", error->message);
  g_application_release (G_APPLICATION (self));
}

/* One backup a day, on the first start of that day, beside the window: a
 * large strategy takes seconds to copy. Quitting waits for it. */
void
_measures_application_start_daily_backup (MeasuresApplication *self)
{
  /* An engine without backup files (a server) is backed up by its own. */
  if (!(measures_store_get_features (self->store) & MEASURES_STORE_FEATURE_BACKUPS))
    return;

  g_application_hold (G_APPLICATION (self));
  measures_backup_make_daily_async (self->store, backups_kept (self), NULL, daily_backup_done,
                                    g_object_ref (self));
}

/* Renames a database that could not be opened, with its journal files, so
 * that a new one can take its place. Nothing is deleted. */
static char *
move_aside (const char  *database,
            GError     **error)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S");
  g_autofree char *aside = g_strdup_printf ("%s.damaged-%s", database, stamp);

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (database, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (aside, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        {
          int saved_errno = errno;

          g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                       _("Could not move the damaged file aside: %s"),
                       g_strerror (saved_errno));
          return NULL;
        }
    }

  return g_steal_pointer (&aside);
}

static void
put_back (const char *aside,
          const char *database)
{
  static const char * const suffixes[] = { "", "-wal", "-shm" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *from = g_strconcat (aside, suffixes[i], NULL);
      g_autofree char *to = g_strconcat (database, suffixes[i], NULL);

      if (g_file_test (from, G_FILE_TEST_EXISTS) && g_rename (from, to) != 0)
        g_warning ("Could not rename %s back: %s", from, g_strerror (errno));
    }
}

static void
show_error (MeasuresApplication *self,
            const char          *title,
            const GError        *error)
{
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *dialog;

  dialog = adw_message_dialog_new (parent, title, error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static MeasuresRestoreWindow *
find_restore_window (MeasuresApplication *self)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    if (MEASURES_IS_RESTORE_WINDOW (l->data))
      return l->data;

  return NULL;
}

/* Puts a backup in the database's place. The state before is kept: as a
 * backup when the database was open, renamed aside when it could not be
 * opened. When the restore fails, everything stays as it was. The list
 * of backups says how it went, and offers to undo it. */
void
_measures_application_restore_file (MeasuresApplication *self,
                                    const char          *backup,
                                    gboolean             undo)
{
  g_autofree char *database = _measures_application_dup_database_path (self);
  g_autofree char *aside = NULL;
  g_autofree char *before = NULL;
  g_autoptr(GError) error = NULL;
  gboolean was_open = self->store != NULL;
  MeasuresRestoreWindow *restore_window;

  g_application_hold (G_APPLICATION (self));

  if (was_open)
    {
      /* None pruned here: the backup about to be restored may be the
       * oldest. The next daily backup prunes. */
      before = measures_backup_make (self->store, "before-restore", 0, &error);
      if (before == NULL)
        goto failed;
      _measures_application_close_store (self);
    }
  else if (g_file_test (database, G_FILE_TEST_EXISTS) &&
           !(aside = move_aside (database, &error)))
    goto failed;

  if (!measures_backup_restore (backup, database, &error))
    {
      if (aside != NULL)
        put_back (aside, database);
      if (was_open)
        _measures_application_open_database (self, database);
      goto failed;
    }

  _measures_application_open_database (self, database);
  if ((restore_window = find_restore_window (self)) != NULL)
    {
      /* Above the new main window, where the user left it. */
      for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
        if (MEASURES_IS_WINDOW (l->data))
          gtk_window_set_transient_for (GTK_WINDOW (restore_window), l->data);
      gtk_window_present (GTK_WINDOW (restore_window));
      measures_restore_window_show_restored (restore_window, backup, before, undo);
    }
  g_application_release (G_APPLICATION (self));
  return;

failed:
  g_warning ("%s", error->message);
  if (self->store != NULL || find_restore_window (self) != NULL)
    show_error (self, _("Could Not Restore the Backup"), error);
  else
    _measures_application_show_open_error (self, error);
  g_application_release (G_APPLICATION (self));
}

/* Closed without a restore while no strategy is open: back to the
 * question what to do about the file that could not be opened. */
static gboolean
restore_window_close_request (MeasuresApplication *self)
{
  if (self->store == NULL)
    g_application_activate (G_APPLICATION (self));

  return FALSE;
}

/* One list of backups, above the window there is. */
void
_measures_application_show_restore_window (MeasuresApplication *self)
{
  g_autofree char *database = _measures_application_dup_database_path (self);
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWidget *window = GTK_WIDGET (find_restore_window (self));

  if (window == NULL)
    {
      window = measures_restore_window_new (MEASURES_IS_WINDOW (parent) ? parent : NULL,
                                            database);
      gtk_window_set_application (GTK_WINDOW (window), GTK_APPLICATION (self));
      g_signal_connect_object (window, "close-request",
                               G_CALLBACK (restore_window_close_request), self,
                               G_CONNECT_SWAPPED);
    }
  gtk_window_present (GTK_WINDOW (window));
}

/* Starts again from the embedded strategy at the usual place; the file
 * that could not be opened is kept beside it. */
void
_measures_application_start_new (MeasuresApplication *self)
{
  g_autofree char *database = _measures_application_dup_database_path (self);
  g_autofree char *aside = NULL;
  g_autoptr(GError) error = NULL;

  if (g_file_test (database, G_FILE_TEST_EXISTS) && !(aside = move_aside (database, &error)))
    {
      g_warning ("%s", error->message);
      _measures_application_show_open_error (self, error);
      return;
    }

  _measures_application_open_database (self, database);
}
