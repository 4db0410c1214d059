/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-sqlite"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/vfs.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "measures-backup.h"
#include "measures-sqlite-private.h"

/* The file: whether it is ours and whole before anything is written, and
 * how it is opened. */

/* Files up to this size are checked page by page before anything is
 * written (milliseconds); larger ones on a thread while the window opens,
 * since reading hundreds of megabytes takes seconds. */
#define SYNC_CHECK_LIMIT (16 * 1024 * 1024)

/* SQLite takes a file shorter than one page for an empty database and would
 * write a new one over it: a file cut short, or a short file of another
 * kind, is refused by looking at its header first. An empty file is a new
 * database. */
static gboolean
check_header (MeasuresSqliteStore  *self,
              GError              **error)
{
  static const char magic[16] = "SQLite format 3";
  g_autoptr(GError) read_error = NULL;
  g_autoptr(GMappedFile) file = NULL;
  const guint8 *header;
  gsize length;
  guint page_size;

  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    return TRUE;

  file = g_mapped_file_new (self->path, FALSE, &read_error);
  if (file == NULL)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("Could not open “%s” (%s)."), self->display_name, read_error->message);
      return FALSE;
    }

  length = g_mapped_file_get_length (file);
  header = (const guint8 *)g_mapped_file_get_contents (file);
  if (length == 0)
    return TRUE;

  if (length < 100 || memcmp (header, magic, sizeof magic) != 0)
    return sql_set_error (self, SQLITE_NOTADB, error);

  page_size = (guint)header[16] << 8 | header[17];
  if (page_size == 1)
    page_size = 65536;
  /* A power of two from 512 to 65536, or SQLite would not read it either. */
  if (page_size < 512 || (page_size & (page_size - 1)) != 0)
    return sql_set_error (self, SQLITE_NOTADB, error);
  /* A database is whole pages; anything else was cut or is not one. */
  if (length < page_size || length % page_size != 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read safely (%s). "
                     "It was left unchanged; restore a backup."),
                   self->display_name, _("the file is cut short"));
      return FALSE;
    }

  return TRUE;
}

/* Decides, before anything is written, whether the file is ours to use. */
static gboolean
check_file_is_ours (MeasuresSqliteStore  *self,
                    int                  *version,
                    GError              **error)
{
  int n_objects;

  /* The first read makes SQLite look at the file: a text file or a PDF
   * fails here with SQLITE_NOTADB, before we could write anything. */
  if (!sql_query_int (self, "PRAGMA user_version", version, error) ||
      !sql_query_int (self, "SELECT count(*) FROM sqlite_schema", &n_objects, error))
    return FALSE;

  /* No version of Measures writes a negative one: a damaged header. */
  if (*version < 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read safely (%s). "
                     "It was left unchanged; restore a backup."),
                   self->display_name, _("the data version is not valid"));
      return FALSE;
    }

  if (*version > (int)measures_sqlite_store_get_schema_version ())
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Measures (data version %d; "
                     "this version reads up to %d). Update Measures to open it."),
                   self->display_name, *version, (int)measures_sqlite_store_get_schema_version ());
      return FALSE;
    }

  if (*version == 0 && n_objects > 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FOREIGN,
                   _("“%s” is a database of another application. "
                     "It was left unchanged; choose another file."),
                   self->display_name);
      return FALSE;
    }

  return TRUE;
}

/* Reads every page once: a truncated file or one with damaged pages is
 * refused here, before anything is written, instead of failing later in
 * the middle of an official's work. It takes milliseconds at our size. */
static gboolean
check_integrity (MeasuresSqliteStore  *self,
                 GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = sql_prepare (self, "PRAGMA integrity_check(1)", error);
  const char *result;
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return sql_set_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  result = (const char *)sqlite3_column_text (stmt, 0);
  if (g_strcmp0 (result, "ok") != 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read safely (%s). "
                     "It was left unchanged; restore a backup."),
                   self->display_name, result ? result : "");
      return FALSE;
    }

  return TRUE;
}

static void
check_thread (GTask        *task,
              gpointer      source_object,
              gpointer      task_data,
              GCancellable *cancellable)
{
  MeasuresSqliteStore *self = source_object;
  sqlite3 *db = NULL;
  sqlite3_stmt *stmt = NULL;
  g_autofree char *result = NULL;
  int rc;

  /* A connection of its own: the window reads and writes through the
   * store's meanwhile (WAL). */
  rc = sqlite3_open_v2 (self->path, &db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc == SQLITE_OK)
    {
      sqlite3_busy_timeout (db, 5000);
      rc = sqlite3_prepare_v2 (db, "PRAGMA integrity_check(1)", -1, &stmt, NULL);
    }
  if (rc == SQLITE_OK)
    rc = sqlite3_step (stmt);
  if (rc == SQLITE_ROW)
    result = g_strdup ((const char *)sqlite3_column_text (stmt, 0));
  else
    result = g_strdup (db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
  sqlite3_finalize (stmt);
  sqlite3_close (db);

  if (g_strcmp0 (result, "ok") == 0)
    g_task_return_boolean (task, TRUE);
  else
    g_task_return_new_error (task, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CORRUPT,
                             _("“%s” is damaged and cannot be read safely (%s). "
                               "It was left unchanged; restore a backup."),
                             self->display_name, result ? result : "");
}

static gboolean
sqlite_get_check_pending (MeasuresStore *store)
{
  return MEASURES_SQLITE_STORE (store)->check_pending;
}

static void
sqlite_check_async (MeasuresStore       *store,
                    GCancellable        *cancellable,
                    GAsyncReadyCallback  callback,
                    gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  task = g_task_new (store, cancellable, callback, user_data);
  g_task_set_source_tag (task, sqlite_check_async);
  g_task_run_in_thread (task, check_thread);
}

static gboolean
sqlite_check_finish (MeasuresStore  *store,
                     GAsyncResult   *result,
                     GError        **error)
{
  g_return_val_if_fail (g_task_is_valid (result, store), FALSE);

  if (!g_task_propagate_boolean (G_TASK (result), error))
    return FALSE;

  MEASURES_SQLITE_STORE (store)->check_pending = FALSE;
  return TRUE;
}

void
measures_sqlite_file_init_class (MeasuresStoreClass *store_class)
{
  store_class->get_check_pending = sqlite_get_check_pending;
  store_class->check_async = sqlite_check_async;
  store_class->check_finish = sqlite_check_finish;
}

/* SQLite's WAL needs memory shared between all its users, which a file
 * system shared between machines cannot give: on NFS or SMB, two
 * workstations in WAL mode would each see only their own writes, and then
 * damage the file. There the database keeps a rollback journal and takes
 * the server's file locks instead. */
static gboolean
is_network_file_system (const char *folder)
{
  static const long network_types[] = {
    0x6969,               /* NFS */
    0x517B,               /* SMB */
    (long)0xFF534D42,     /* CIFS */
    (long)0xFE534D42,     /* SMB2 */
    0x564c,               /* NCP */
    0x73757245,           /* Coda */
    0x47504653,           /* GPFS */
    0x5346414F,           /* AFS */
    0x6B414653,           /* kAFS */
    0x013111A8,           /* IBRIX */
    0x65735546,           /* FUSE: sshfs and other mounts of remote folders */
  };
  struct statfs buf;
  const char *forced = g_getenv ("MEASURES_NETWORK_FILE_SYSTEM");

  /* For testing the journal mode on a local disk. */
  if (forced != NULL)
    return g_str_equal (forced, "1");

  if (statfs (folder, &buf) != 0)
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (network_types); i++)
    if ((long)buf.f_type == network_types[i])
      return TRUE;

  return FALSE;
}

/* Opens self->path, creating it and its folder when missing, refuses a
 * file that is not ours or is damaged, and brings the schema up to date. */
gboolean
measures_sqlite_open_file (MeasuresSqliteStore  *self,
                           GError              **error)
{
  g_autofree char *folder = NULL;
  int version = 0;
  int rc;

  if (g_file_test (self->path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("Could not open “%s”: it is a folder, not a file."),
                   self->display_name);
      return FALSE;
    }

  folder = g_path_get_dirname (self->path);
  if (g_mkdir_with_parents (folder, 0700) != 0)
    {
      int saved_errno = errno;
      g_autofree char *folder_name = g_filename_display_name (folder);

      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("Could not create the folder “%s” for the database: %s"),
                   folder_name, g_strerror (saved_errno));
      return FALSE;
    }

  /* SQLite needs to create its journal beside the database: in a folder
   * that cannot be written to, it could not even read a database in WAL
   * mode, and would say so in its own words. */
  if (g_file_test (self->path, G_FILE_TEST_EXISTS) &&
      (g_access (self->path, W_OK) != 0 || g_access (folder, W_OK) != 0))
    {
      sql_set_error (self, SQLITE_READONLY, error);
      return FALSE;
    }

  /* The strategy, its log and its history are the office's business
   * alone: a new database is readable by its owner only (SQLite gives its
   * -wal and -shm files the same mode). */
  if (!g_file_test (self->path, G_FILE_TEST_EXISTS))
    {
      int fd = g_open (self->path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);

      if (fd < 0 && errno != EEXIST)
        {
          int saved_errno = errno;

          g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                       _("Could not create “%s”: %s"), self->display_name,
                       g_strerror (saved_errno));
          return FALSE;
        }
      if (fd >= 0)
        close (fd);
    }

  if (!check_header (self, error))
    return FALSE;

  rc = sqlite3_open_v2 (self->path, &self->db,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOFOLLOW,
                        NULL);
  if (rc != SQLITE_OK)
    {
      sql_set_error (self, rc, error);
      return FALSE;
    }

  sqlite3_extended_result_codes (self->db, TRUE);
  measures_sqlite_add_functions (self);

  /* The file opened, to notice when another one takes its place. */
  {
    GStatBuf buf;

    if (g_stat (self->path, &buf) == 0)
      {
        self->device = buf.st_dev;
        self->inode = buf.st_ino;
      }
  }
  /* A command-line export may read while the window writes: wait for the
   * other side's short transaction instead of failing. */
  sqlite3_busy_timeout (self->db, 5000);

  if (!check_file_is_ours (self, &version, error))
    return FALSE;
  {
    GStatBuf buf;

    if (g_stat (self->path, &buf) == 0 && buf.st_size > SYNC_CHECK_LIMIT)
      self->check_pending = TRUE;
    else if (!check_integrity (self, error))
      return FALSE;
  }

  /* SQLite opens a write-protected file read-only without saying so. */
  if (sqlite3_db_readonly (self->db, "main") == 1)
    {
      sql_set_error (self, SQLITE_READONLY, error);
      return FALSE;
    }

  /* WAL keeps readers and the writer out of each other's way, and with
   * synchronous=FULL a commit that returned is on disk even after a power
   * cut: edits are rare and small, so durability costs nothing noticeable.
   * On a network file system, a rollback journal (see
   * is_network_file_system()). */
  self->network = is_network_file_system (folder);
  if (!sql_exec (self, "PRAGMA foreign_keys = ON", error) ||
      !sql_exec (self, self->network ? "PRAGMA journal_mode = DELETE"
                 : "PRAGMA journal_mode = WAL", error) ||
      !sql_exec (self, "PRAGMA synchronous = FULL", error))
    return FALSE;

  /* An older database is copied aside before it is changed. */
  if (version > 0 && version < (int)measures_sqlite_store_get_schema_version ())
    {
      g_autofree char *backup = measures_backup_make (MEASURES_STORE (self), "before-migration", 0,
                                                      error);

      if (backup == NULL)
        return FALSE;
      g_debug ("Backed up %s to %s before migrating", self->display_name, backup);
    }

  /* The search index is written with every change; it needs filling only
   * when a migration has just made it. */
  if (!measures_sqlite_migrate (self, version, error) ||
      (version < measures_sqlite_store_get_schema_version () &&
       !measures_sqlite_ensure_search_index (self, error)))
    return FALSE;

  return TRUE;
}
