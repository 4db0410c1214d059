/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-backup"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <sqlite3.h>
#include <string.h>
#include <unistd.h>

#include "measures-backup.h"

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

  for (guint i = keep; i < backups->len; i++)
    g_unlink (g_ptr_array_index (backups, i));
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
  g_autofree char *folder = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;
  g_autofree char *temp = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  /* Microseconds too: names sort by time even within one second. */
  g_autofree char *stamp = g_date_time_format (now, "%Y%m%d-%H%M%S-%f");

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);
  g_return_val_if_fail (reason != NULL, NULL);

  folder = measures_backup_get_folder (measures_store_get_path (store));
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

  if (!copy_database (measures_store_get_connection (store), temp, error))
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
    prune (measures_store_get_path (store), keep);

  return g_steal_pointer (&path);
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
  g_autoptr(GPtrArray) backups = measures_backup_list (measures_store_get_path (store));
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, PREFIX "%Y%m%d-");
  char *path;

  if (made)
    *made = NULL;

  for (guint i = 0; i < backups->len; i++)
    {
      g_autofree char *name = g_path_get_basename (g_ptr_array_index (backups, i));

      if (g_str_has_prefix (name, today))
        return TRUE;
    }

  path = measures_backup_make (store, "daily", keep, error);
  if (path == NULL)
    return FALSE;

  if (made)
    *made = path;
  else
    g_free (path);

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
