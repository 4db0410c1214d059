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
#include "measures-format.h"
#include "measures-i18n.h"
#include "measures-sqlite-private.h"

/* Backups sit beside the database, in "backups/", named by when and why
 * they were made: strategy-20261125-093000-123456-daily.db. The names sort
 * by time. A backup is a self-contained file in SQLite's rollback journal
 * mode: reading it leaves no "-wal" or "-shm" file beside it. */

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
    if (g_str_has_prefix (name, MEASURES_BACKUP_PREFIX) && g_str_has_suffix (name, ".db"))
      g_ptr_array_add (backups, g_build_filename (folder, name, NULL));

  g_ptr_array_sort (backups, compare_newest_first);
  return backups;
}

/* Removes a database file with whatever SQLite may have left beside it. */
static void
remove_with_journal (const char *path)
{
  static const char * const suffixes[] = { "-wal", "-shm", "-journal" };

  for (guint i = 0; i < G_N_ELEMENTS (suffixes); i++)
    {
      g_autofree char *companion = g_strconcat (path, suffixes[i], NULL);
      g_unlink (companion);
    }
  g_unlink (path);
}

static gboolean
in_wal_mode (const char *path)
{
  g_autoptr(GFile) file = g_file_new_for_path (path);
  g_autoptr(GFileInputStream) stream = g_file_read (file, NULL, NULL);
  guint8 header[20];
  gsize n = 0;

  /* Bytes 18 and 19 of the header are 2 in WAL mode. */
  return stream != NULL &&
         g_input_stream_read_all (G_INPUT_STREAM (stream), header, sizeof header, &n, NULL,
                                  NULL) &&
         n == sizeof header && header[18] == 2;
}

/* Backups of earlier versions were left in WAL mode, and every reading
 * left "-wal" and "-shm" files beside them. Switching such a backup to
 * rollback mode folds in a log with content and removes both; what the
 * backup holds stays the same. */
static void
tidy_backup (const char *path)
{
  g_autofree char *wal = g_strconcat (path, "-wal", NULL);
  g_autofree char *shm = g_strconcat (path, "-shm", NULL);
  sqlite3 *db = NULL;
  int rc;

  if (!in_wal_mode (path) && !g_file_test (wal, G_FILE_TEST_EXISTS) &&
      !g_file_test (shm, G_FILE_TEST_EXISTS))
    return;

  rc = sqlite3_open_v2 (path, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    }
  if (rc != SQLITE_OK)
    g_debug ("Could not tidy the backup %s: %s", path,
             db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_close (db);
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
      /* The copy has the journal mode of the original, WAL: whoever
       * opened it later for reading would leave "-wal" and "-shm" files
       * beside it. In rollback mode it is one self-contained file. */
      if (rc == SQLITE_OK || rc == SQLITE_DONE)
        rc = sqlite3_exec (db, "PRAGMA journal_mode = DELETE", NULL, NULL, NULL);
    }

  if (rc != SQLITE_OK && rc != SQLITE_DONE)
    {
      g_set_error (error, MEASURES_STORE_ERROR,
                   rc == SQLITE_NOTADB ? MEASURES_STORE_ERROR_NOT_A_DATABASE
                                       : MEASURES_STORE_ERROR_FAILED,
                   _("Could not write the backup “%s”: %s"), display,
                   db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
      sqlite3_close (db);
      remove_with_journal (to);
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
    remove_with_journal (g_ptr_array_index (backups, i));

  /* A copy cut off by quitting or a crash is never listed: remove it. */
  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    if (g_str_has_prefix (name, MEASURES_BACKUP_PREFIX) && g_str_has_suffix (name, ".db.part"))
      {
        g_autofree char *part = g_build_filename (folder, name, NULL);
        remove_with_journal (part);
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

  name = g_strdup_printf (MEASURES_BACKUP_PREFIX "%s-%s.db", stamp, reason);
  path = g_build_filename (folder, name, NULL);
  /* Two backups in one second keep apart. */
  for (guint n = 2; g_file_test (path, G_FILE_TEST_EXISTS); n++)
    {
      g_free (name);
      g_free (path);
      name = g_strdup_printf (MEASURES_BACKUP_PREFIX "%s-%s-%u.db", stamp, reason, n);
      path = g_build_filename (folder, name, NULL);
    }
  temp = g_strconcat (path, ".part", NULL);

  if (!copy_database (from, temp, error))
    return NULL;

  if (g_rename (temp, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      remove_with_journal (temp);
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
  g_autofree char *today = g_date_time_format (now, MEASURES_BACKUP_PREFIX "%Y%m%d-");

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

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  g_autoptr(GPtrArray) paths = measures_backup_list (task_data);
  g_autoptr(GListStore) backups = g_list_store_new (MEASURES_TYPE_BACKUP);

  for (guint i = 0; i < paths->len; i++)
    {
      const char *path = g_ptr_array_index (paths, i);
      g_autoptr(MeasuresBackup) backup = NULL;
      g_autoptr(GError) error = NULL;

      if (g_task_return_error_if_cancelled (task))
        return;

      tidy_backup (path);
      backup = measures_backup_new (path);
      /* Listed all the same: the user sees that it cannot be read. */
      if (!measures_backup_read (backup, &error))
        g_debug ("%s", error->message);
      g_list_store_append (backups, backup);
    }

  g_task_return_pointer (task, g_steal_pointer (&backups), g_object_unref);
}

/**
 * measures_backup_load_async:
 * @database: the database's path
 *
 * Lists the database's backups, newest first, with what each holds: read
 * on a thread, so that a window showing them opens at once. Backups left
 * in WAL mode by earlier versions are put in rollback mode on the way.
 */
void
measures_backup_load_async (const char          *database,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (database != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, measures_backup_load_async);
  g_task_set_task_data (task, g_strdup (database), g_free);
  g_task_run_in_thread (task, load_thread);
}

/**
 * measures_backup_load_finish:
 *
 * Returns: (transfer full): a #GListModel of #MeasuresBackup, newest
 *   first, or %NULL when cancelled
 */
GListModel *
measures_backup_load_finish (GAsyncResult  *result,
                             GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * measures_backup_restore:
 * @backup: a backup's path, in the backups folder or elsewhere
 * @database: the database to replace; no store may have it open
 *
 * Puts a backup in the database's place. The backup is read, never
 * written to; the database is replaced only by a complete, checked copy,
 * and no "-wal" or "-shm" file of the old database is left beside it.
 */
gboolean
measures_backup_restore (const char  *backup,
                         const char  *database,
                         GError     **error)
{
  g_autoptr(MeasuresBackup) info = NULL;
  g_autoptr(MeasuresStore) check = NULL;
  g_autoptr(GError) copy_error = NULL;
  g_autofree char *temp = g_strconcat (database, ".restoring", NULL);
  g_autofree char *wal = g_strconcat (database, "-wal", NULL);
  g_autofree char *shm = g_strconcat (database, "-shm", NULL);
  g_autofree char *folder = NULL;
  g_autofree char *backup_folder = NULL;
  Reader reader = { NULL };
  gboolean copied;

  g_return_val_if_fail (backup != NULL && database != NULL, FALSE);

  folder = measures_backup_get_folder (database);
  backup_folder = g_path_get_dirname (backup);
  if (g_str_equal (folder, backup_folder))
    tidy_backup (backup);

  /* That it is a strategy database this version reads, named as the user
   * chose it when it is not. */
  info = measures_backup_new (backup);
  if (!measures_backup_read (info, error))
    return FALSE;

  if (!measures_sqlite_reader_open (&reader, backup, error))
    {
      measures_sqlite_reader_close (&reader);
      return FALSE;
    }
  copied = copy_database (reader.db, temp, &copy_error);
  measures_sqlite_reader_close (&reader);
  if (!copied)
    {
      g_autofree char *name = g_filename_display_basename (backup);

      g_set_error (error, MEASURES_STORE_ERROR, copy_error->code, _("Could not restore “%s”: %s"),
                   name, copy_error->message);
      return FALSE;
    }

  /* Opening the copy as a store reads every page, and brings a backup of
   * an older version up to date, before anything is replaced. */
  check = measures_store_open (temp, error);
  if (check == NULL)
    {
      remove_with_journal (temp);
      return FALSE;
    }
  g_clear_object (&check);

  /* The old write-ahead log belongs to the old file. */
  g_unlink (wal);
  g_unlink (shm);
  if (g_rename (temp, database) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (database);

      remove_with_journal (temp);
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FAILED,
                   _("Could not replace “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}
