/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "measures-backup.h"
#include "sqlite/measures-sqlite-private.h"

/* Backups sit beside the database, in "backups/", named by when and why
 * they were made: strategy-20261125-093000-123456-daily.db. The names sort
 * by time. */

#define PREFIX "strategy-"

/**
 * measures_backup_get_folder:
 * @database: the database's path
 *
 * Returns: (transfer full): where the database's backups are kept
 */
char *
measures_backup_get_folder (const char *database)
{
  g_autofree char *folder = g_path_get_dirname (database);

  return g_build_filename (folder, "backups", NULL);
}

static int
compare_newest_first (gconstpointer a,
                      gconstpointer b)
{
  return -strcmp (*(const char * const *)a, *(const char * const *)b);
}

/**
 * measures_backup_list:
 * @database: the database's path
 *
 * Returns: (transfer full) (element-type filename): the backups' paths,
 *   newest first
 */
GPtrArray *
measures_backup_list (const char *database)
{
  g_autofree char *folder = measures_backup_get_folder (database);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  GPtrArray *backups = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, PREFIX) && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (backups, g_build_filename (folder, name, NULL));

  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

static gboolean
copy_database (sqlite3     *from,
               const char  *to,
               GError     **error)
{
  g_autofree char *display = g_filename_display_name (to);
  sqlite3 *db = NULL;
  sqlite3_backup *backup;
  int fd, rc;

  /* Private from the start, like the database itself. */
  fd = g_open (to, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      int saved_errno = errno;

      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("Could not write the backup “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  rc = sqlite3_open (to, &db);
  if (rc == SQLITE_OK)
    {
      /* The online backup API copies a consistent state, pages and all,
       * while others may go on reading. */
      backup = sqlite3_backup_init (db, "main", from, "main");
      if (backup != NULL)
        {
          do
            {
              rc = sqlite3_backup_step (backup, 256);
              if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
                sqlite3_sleep (20);
            }
          while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
          sqlite3_backup_finish (backup);
        }
      rc = sqlite3_errcode (db);
    }

  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), display,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      g_unlink (to);
      return FALSE;
    }

  sqlite3_close (db);
  return TRUE;
}

static void
prune (const char *database,
       guint       keep)
{
  g_autoptr(GPtrArray) backups = measures_backup_list (database);
  g_autofree char *folder = measures_backup_get_folder (database);
  g_autoptr(GDir) dir = g_dir_open (folder, 0, NULL);
  const char *name;

  for (guint i = keep; i < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));

  /* A copy cut off by quitting or a crash is never listed: remove it. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, PREFIX) && g_str_has_suffix (name, ".db.part"))
      {
        g_autofree char *part = g_build_filename (folder, name, NULL);
        g_unlink (part);
      }
}

/* Copies the database at @database, read through @from, into its backups
 * folder; works on any thread with a connection of its own. */
static char *
make_backup (const char  *database,
             sqlite3     *from,
             const char  *reason,
             guint        keep,
             GError     **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *temp = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Microseconds too: names sort by time even within one second. */
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S-%f");

  folder = measures_backup_get_folder (database);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s” for backups: %s"), display,
                   g_strerror (saved_errno));
      return NULL;
    }

  name = g_strdup_printf (PREFIX "%s-%s.db", stamp, reason);
  path = g_build_filename (folder, name, NULL);
  /* Two backups in one second keep apart. */
  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (name);
      g_free (path);
      name = g_strdup_printf (PREFIX "%s-%s-%u.db", stamp, reason, n);
      path = g_build_filename (folder, name, NULL);
    }
  temp = g_strconcat (path, ".part", NULL);

  if (!copy_database (from, temp, error))
    return NULL;

  if (g_rename (temp, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (temp);
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), display, g_strerror (saved_errno));
      return NULL;
    }

  if (keep > 0)
    prune (database, keep);

  return g_steal_pointer (&path);
}

/**
 * measures_backup_make:
 * @store: the open store
 * @reason: a word for the file name: "daily", "migration", "restore"
 * @keep: how many backups to keep; older ones are deleted
 *
 * Makes a consistent copy of the store with SQLite's online backup API.
 *
 * Returns: (transfer full): the backup's path, or %NULL with @error set
 */
char *
measures_backup_make (MeasuresStore  *store,
                      const char     *reason,
                      guint           keep,
                      GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_SQLITE_STORE (store), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  return make_backup (measures_store_get_path (store),
                      measures_sqlite_store_get_db (MEASURES_SQLITE_STORE (store)),
                      reason, keep, error);
}

static gboolean
made_today (const char *database)
{
  g_autoptr(GPtrArray) backups = measures_backup_list (database);
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, PREFIX "%Y%m%d-");

  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (backups, i));

      if (g_str_has_prefix (name, today))
        return TRUE;
    }

  return FALSE;
}

/**
 * measures_backup_make_daily:
 * @made: (out) (optional) (nullable): the backup's path if one was made
 *
 * Makes a backup unless one was made today already.
 */
gboolean
measures_backup_make_daily (MeasuresStore  *store,
                            guint           keep,
                            char          **made,
                            GError        **error)
{
  char *path;

  g_return_val_if_fail (MEASURES_IS_STORE (store), FALSE);

  if (made)
    *made = NULL;

  if (made_today (measures_store_get_path (store)))
    return TRUE;

  path = measures_backup_make (store, "daily", keep, error);
  if (path == NULL)
    return FALSE;

  if (made)
    *made = path;
  else
    g_free (path);

  return TRUE;
}

typedef struct {
  char *database;
  guint keep;
} DailyBackup;

static void
daily_backup_free (DailyBackup *data)
{
  g_free (data->database);
  g_free (data);
}

static void
make_daily_thread (GTask        *task,
                   gpointer      source_object,
                   gpointer      task_data,
                   GCancellable *cancellable)
{
  DailyBackup *data = task_data;
  g_autoptr(GError) error = NULL;
  sqlite3 *db = NULL;
  char *path = NULL;
  int rc;

  if (made_today (data->database))
    {
      g_task_return_pointer (task, NULL, NULL);
      return;
    }

  /* A reader of its own: in WAL mode it sees the last commit while the
   * window goes on writing through the store's connection. */
  rc = sqlite3_open_v2 (data->database, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    g_set_error (&error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                 _("Could not read “%s” for a backup: %s"), data->database,
                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  else
    {
      sqlite3_busy_timeout (db, 5000);
      path = make_backup (data->database, db, "daily", data->keep, &error);
    }
  sqlite3_close (db);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_pointer (task, path, g_free);
}

/**
 * measures_backup_make_daily_async:
 * @keep: how many backups to keep
 *
 * As measures_backup_make_daily(), on a thread of its own with a
 * connection of its own: a large strategy's copy does not hold up the
 * window.
 */
void
measures_backup_make_daily_async (MeasuresStore       *store,
                                  guint                keep,
                                  GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  DailyBackup *data;

  g_return_if_fail (MEASURES_IS_STORE (store));

  data = g_new0 (DailyBackup, 1);
  data->database = g_strdup (measures_store_get_path (store));
  data->keep = keep;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, measures_backup_make_daily_async);
  g_task_set_task_data (task, data, (GDestroyNotify)daily_backup_free);
  g_task_run_in_thread (task, make_daily_thread);
}

/**
 * measures_backup_make_daily_finish:
 * @made: (out) (optional) (nullable): the backup's path if one was made
 *
 * Returns: %FALSE with @error set if the backup failed
 */
gboolean
measures_backup_make_daily_finish (MeasuresStore  *store,
                                   GAsyncResult   *result,
                                   char          **made,
                                   GError        **error)
{
  g_autoptr(GError) task_error = NULL;
  char *path;

  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  path = g_task_propagate_pointer (G_TASK (result), &task_error);
  if (made)
    *made = path;
  else
    g_free (path);

  if (task_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&task_error));
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_backup_restore:
 * @backup: a backup's path
 * @database: the database to replace; no store may have it open
 *
 * Puts a backup in the database's place. The backup is checked first;
 * the database is replaced only by a complete copy.
 */
gboolean
measures_backup_restore (const char  *backup,
                         const char  *database,
                         GError     **error)
{
  g_autoptr(MeasuresStore) check = NULL;
  g_autofree char *temp = g_strconcat (database, ".restoring", NULL);
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);
  g_autofree char *shm = g_strconcat (database, "-shm", NULL);
  sqlite3 *source = NULL;
  gboolean copied;

  g_return_val_if_fail (backup != NULL && database != NULL, FALSE);

  /* Opening it as a store checks that it is a strategy database we can
   * read, and brings an older one up to date. */
  check = measures_store_open (backup, error);
  if (check == NULL)
    return FALSE;
  g_clear_object (&check);

  if (sqlite3_open_v2 (backup, &source, SQLITE_OPEN_READONLY, NULL) != SQLITE_OK)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("Could not open the backup: %s"), sqlite3_errmsg (source));
      sqlite3_close (source);
      return FALSE;
    }
  copied = copy_database (source, temp, error);
  sqlite3_close (source);
  if (!copied)
    return FALSE;

  /* The old write-ahead log belongs to the old file. */
  g_unlink (wal);
  g_unlink (shm);
  if (g_rename (temp, database) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (database);

      g_unlink (temp);
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FAILED,
                   _("Could not replace “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
