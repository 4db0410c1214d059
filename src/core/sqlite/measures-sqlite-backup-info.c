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

/* What a backup is to the user who chooses among them: when and why it
 * was made, read from its name, and what it holds, read from the file. */


/**
 * MeasuresBackup:
 *
 * One backup as the user chooses among them: when and why it was made and
 * what it holds. The counts are read from the file by
 * measures_backup_read(); until then they are -1.
 */
struct _MeasuresBackup
{
  GObject parent_instance;

  /* Owned */
  char *path;
  GDateTime *date;

  MeasuresBackupKind kind;
  int n_measures;
  int n_log_entries;
};

G_DEFINE_FINAL_TYPE (MeasuresBackup, measures_backup, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_PATH,
  PROP_DATE,
  PROP_KIND,
  PROP_N_MEASURES,
  PROP_N_LOG_ENTRIES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

/* Reads "strategy-20261130-233114-079060-daily.db" (and "-daily-2.db", of
 * two in one second): the local time it was made and why. Names of older
 * versions have no microseconds. */
static gboolean
parse_name (const char          *name,
            GDateTime          **date,
            MeasuresBackupKind  *kind)
{
  static const struct {
    const char *reason;
    MeasuresBackupKind kind;
  } reasons[] = {
    { "daily", MEASURES_BACKUP_KIND_DAILY },
    { "before-restore", MEASURES_BACKUP_KIND_BEFORE_RESTORE },
    { "before-migration", MEASURES_BACKUP_KIND_BEFORE_MIGRATION },
  };
  int year, month, day, hour, minute, second, consumed = 0;
  guint microsecond = 0;
  g_autofree char *reason = NULL;
  char *end;

  if (!g_str_has_prefix (name, MEASURES_BACKUP_PREFIX) || !g_str_has_suffix (name, ".db"))
    return FALSE;
  name += strlen (MEASURES_BACKUP_PREFIX);

  if (sscanf (name, "%4d%2d%2d-%2d%2d%2d-%n", &year, &month, &day, &hour, &minute, &second,
              &consumed) != 6 || consumed != 16)
    return FALSE;
  name += consumed;
  if (strspn (name, "0123456789") == 6 && name[6] == '-')
    {
      microsecond = (guint)g_ascii_strtoull (name, NULL, 10);
      name += 7;
    }

  *date = g_date_time_new_local (year, month, day, hour, minute,
                                 second + microsecond / (double)G_USEC_PER_SEC);
  if (*date == NULL)
    return FALSE;

  /* The reason, less ".db" and a counter. */
  reason = g_strndup (name, strlen (name) - strlen (".db"));
  end = strrchr (reason, '-');
  if (end != NULL && end[1] != '\0' && strspn (end + 1, "0123456789") == strlen (end + 1))
    *end = '\0';

  *kind = MEASURES_BACKUP_KIND_OTHER;
  for (guint i = 0; i < G_N_ELEMENTS (reasons); i++)
    if (g_str_equal (reason, reasons[i].reason))
      *kind = reasons[i].kind;

  return TRUE;
}

static void
measures_backup_constructed (GObject *object)
{
  MeasuresBackup *self = (MeasuresBackup *)object;
  g_autofree char *name = g_path_get_basename (self->path);

  G_OBJECT_CLASS (measures_backup_parent_class)->constructed (object);

  /* A file from elsewhere is dated by when it was last written. */
  if (!parse_name (name, &self->date, &self->kind))
    {
      GStatBuf buf;

      self->kind = MEASURES_BACKUP_KIND_OTHER;
      self->date = g_stat (self->path, &buf) == 0
                   ? g_date_time_new_from_unix_local (buf.st_mtime)
                   : g_date_time_new_now_local ();
    }
}

static void
measures_backup_finalize (GObject *object)
{
  MeasuresBackup *self = (MeasuresBackup *)object;

  g_free (self->path);
  g_clear_pointer (&self->date, g_date_time_unref);

  G_OBJECT_CLASS (measures_backup_parent_class)->finalize (object);
}

static void
measures_backup_get_property (GObject    *object,
                              guint       prop_id,
                              GValue     *value,
                              GParamSpec *pspec)
{
  MeasuresBackup *self = MEASURES_BACKUP (object);

  switch (prop_id)
    {
    case PROP_PATH:
      g_value_set_string (value, self->path);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_N_MEASURES:
      g_value_set_int (value, self->n_measures);
      break;
    case PROP_N_LOG_ENTRIES:
      g_value_set_int (value, self->n_log_entries);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_backup_set_property (GObject      *object,
                              guint         prop_id,
                              const GValue *value,
                              GParamSpec   *pspec)
{
  MeasuresBackup *self = MEASURES_BACKUP (object);

  switch (prop_id)
    {
    case PROP_PATH:
      self->path = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_backup_class_init (MeasuresBackupClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = measures_backup_constructed;
  object_class->finalize = measures_backup_finalize;
  object_class->get_property = measures_backup_get_property;
  object_class->set_property = measures_backup_set_property;

  properties[PROP_PATH] =
    g_param_spec_string ("path", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE_TIME,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, MEASURES_TYPE_BACKUP_KIND,
                       MEASURES_BACKUP_KIND_OTHER, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_MEASURES] =
    g_param_spec_int ("n-measures", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_N_LOG_ENTRIES] =
    g_param_spec_int ("n-log-entries", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
measures_backup_init (MeasuresBackup *self)
{
  self->n_measures = -1;
  self->n_log_entries = -1;
}

/**
 * measures_backup_new:
 * @path: a backup's path, in the backups folder or elsewhere
 *
 * Tells when and why the backup was made from its name, without opening
 * it; measures_backup_read() reads what it holds.
 *
 * Returns: (transfer full): the backup
 */
MeasuresBackup *
measures_backup_new (const char *path)
{
  g_return_val_if_fail (path != NULL, NULL);

  return g_object_new (MEASURES_TYPE_BACKUP, "path", path, NULL);
}

/**
 * measures_backup_get_path:
 *
 * Returns: the backup's path
 */
const char *
measures_backup_get_path (MeasuresBackup *self)
{
  g_return_val_if_fail (MEASURES_IS_BACKUP (self), NULL);

  return self->path;
}

/**
 * measures_backup_get_date:
 *
 * Returns: (transfer none): when the backup was made, in local time
 */
GDateTime *
measures_backup_get_date (MeasuresBackup *self)
{
  g_return_val_if_fail (MEASURES_IS_BACKUP (self), NULL);

  return self->date;
}

/**
 * measures_backup_get_kind:
 *
 * Returns: why the backup was made
 */
MeasuresBackupKind
measures_backup_get_kind (MeasuresBackup *self)
{
  g_return_val_if_fail (MEASURES_IS_BACKUP (self), MEASURES_BACKUP_KIND_OTHER);

  return self->kind;
}

/**
 * measures_backup_get_n_measures:
 *
 * Returns: the measures in the strategy (not those removed), or -1 before
 *   measures_backup_read() succeeded
 */
int
measures_backup_get_n_measures (MeasuresBackup *self)
{
  g_return_val_if_fail (MEASURES_IS_BACKUP (self), -1);

  return self->n_measures;
}

/**
 * measures_backup_get_n_log_entries:
 *
 * Returns: the progress reports (not those withdrawn), or -1 before
 *   measures_backup_read() succeeded
 */
int
measures_backup_get_n_log_entries (MeasuresBackup *self)
{
  g_return_val_if_fail (MEASURES_IS_BACKUP (self), -1);

  return self->n_log_entries;
}

/**
 * measures_backup_dup_title:
 *
 * Returns: (transfer full): when and why, in the interface language:
 *   "Tuesday, December 1, 2026, 09:14 — daily backup"
 */
char *
measures_backup_dup_title (MeasuresBackup *self)
{
  g_autofree char *date = NULL;
  const char *kind;

  g_return_val_if_fail (MEASURES_IS_BACKUP (self), NULL);

  switch (self->kind)
    {
    case MEASURES_BACKUP_KIND_DAILY:
      kind = C_("backup kind", "daily backup");
      break;
    case MEASURES_BACKUP_KIND_BEFORE_RESTORE:
      /* Translators: the state a restore replaced, kept as a backup */
      kind = C_("backup kind", "before a restore");
      break;
    case MEASURES_BACKUP_KIND_BEFORE_MIGRATION:
      /* Translators: the state before a new version of Measures updated
       * the file's data version */
      kind = C_("backup kind", "before an update");
      break;
    case MEASURES_BACKUP_KIND_OTHER:
    default:
      kind = C_("backup kind", "backup");
      break;
    }

  date = measures_format_day_and_time (self->date);
  /* Translators: a backup in the list: %1$s is when it was made
   * ("Tuesday, December 1, 2026, 09:14"), %2$s why ("daily backup") */
  return g_strdup_printf (C_("backup title", "%1$s — %2$s"), date, kind);
}

/**
 * measures_backup_dup_summary:
 *
 * Returns: (transfer full): what the backup holds, in the interface
 *   language: "50 measures, 12 log entries"
 */
char *
measures_backup_dup_summary (MeasuresBackup *self)
{
  g_autofree char *n_measures = NULL;
  g_autofree char *n_log_entries = NULL;
  g_autofree char *measures = NULL;
  g_autofree char *log_entries = NULL;

  g_return_val_if_fail (MEASURES_IS_BACKUP (self), NULL);

  if (self->n_measures < 0)
    return g_strdup (_("Could not be read"));

  n_measures = measures_format_number (self->n_measures);
  n_log_entries = measures_format_number (self->n_log_entries);
  measures = g_strdup_printf (ngettext ("%s measure", "%s measures", self->n_measures),
                              n_measures);
  log_entries = g_strdup_printf (ngettext ("%s log entry", "%s log entries",
                                           self->n_log_entries), n_log_entries);
  /* Translators: what a backup holds: "50 measures, 12 log entries" */
  return g_strdup_printf (C_("backup summary", "%1$s, %2$s"), measures, log_entries);
}


static void
set_read_error (GError     **error,
                const char  *path,
                int          rc,
                sqlite3     *db)
{
  g_autofree char *name = g_filename_display_basename (path);

  if (rc == SQLITE_NOTADB)
    g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_NOT_A_DATABASE,
                 _("“%s” is not a strategy database."), name);
  else if (rc == SQLITE_CORRUPT)
    g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CORRUPT,
                 _("“%s” is damaged."), name);
  else
    g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                 _("Could not read “%s”: %s"), name,
                 db ? sqlite3_errmsg (db) : sqlite3_errstr (rc));
}

gboolean
measures_sqlite_reader_open (Reader      *reader,
             const char  *path,
             GError     **error)
{
  int rc;

  reader->wal = g_strconcat (path, "-wal", NULL);
  reader->shm = g_strconcat (path, "-shm", NULL);
  reader->had_wal = g_file_test (reader->wal, G_FILE_TEST_EXISTS);
  reader->had_shm = g_file_test (reader->shm, G_FILE_TEST_EXISTS);

  rc = sqlite3_open_v2 (path, &reader->db, SQLITE_OPEN_READONLY | SQLITE_OPEN_NOFOLLOW, NULL);
  if (rc != SQLITE_OK)
    {
      set_read_error (error, path, rc, reader->db);
      return FALSE;
    }
  sqlite3_extended_result_codes (reader->db, FALSE);
  sqlite3_busy_timeout (reader->db, 5000);

  return TRUE;
}

void
measures_sqlite_reader_close (Reader *reader)
{
  GStatBuf buf;

  g_clear_pointer (&reader->db, sqlite3_close);

  /* A reader never writes to the log: one it made is empty. */
  if (!reader->had_wal && g_stat (reader->wal, &buf) == 0 && buf.st_size == 0)
    g_unlink (reader->wal);
  if (!reader->had_shm && !g_file_test (reader->wal, G_FILE_TEST_EXISTS))
    g_unlink (reader->shm);

  g_clear_pointer (&reader->wal, g_free);
  g_clear_pointer (&reader->shm, g_free);
}

static gboolean
query_count (sqlite3     *db,
             const char  *sql,
             int         *count,
             int         *rc)
{
  sqlite3_stmt *stmt = NULL;

  *rc = sqlite3_prepare_v2 (db, sql, -1, &stmt, NULL);
  if (*rc == SQLITE_OK && (*rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      *count = sqlite3_column_int (stmt, 0);
      *rc = SQLITE_OK;
    }
  sqlite3_finalize (stmt);

  return *rc == SQLITE_OK;
}

/**
 * measures_backup_read:
 * @error: why the file is not a backup that can be restored
 *
 * Reads what the backup holds, without writing to it; works on any thread.
 *
 * Returns: %TRUE if it is a strategy database this version can restore
 */
gboolean
measures_backup_read (MeasuresBackup  *self,
                      GError         **error)
{
  g_autofree char *name = NULL;
  Reader reader = { NULL };
  int version = 0, n_measures = 0, n_log_entries = 0, rc = SQLITE_OK;
  gboolean ok;

  g_return_val_if_fail (MEASURES_IS_BACKUP (self), FALSE);

  name = g_filename_display_basename (self->path);
  if (!measures_sqlite_reader_open (&reader, self->path, error))
    {
      measures_sqlite_reader_close (&reader);
      return FALSE;
    }

  /* Version 1 had neither removed measures nor a log. */
  ok = query_count (reader.db, "PRAGMA user_version", &version, &rc);
  if (ok && version >= 1 && version <= measures_sqlite_store_get_schema_version ())
    ok = query_count (reader.db,
                      version < 2 ? "SELECT count(*) FROM measures"
                                  : "SELECT count(*) FROM measures WHERE removed IS NULL",
                      &n_measures, &rc) &&
         (version < 2 ||
          query_count (reader.db, "SELECT count(*) FROM log_entries WHERE withdrawn IS NULL",
                       &n_log_entries, &rc));

  if (!ok)
    set_read_error (error, self->path, rc, reader.db);
  measures_sqlite_reader_close (&reader);
  if (!ok)
    return FALSE;

  if (version < 1)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FOREIGN,
                   _("“%s” is not a strategy database."), name);
      return FALSE;
    }
  if (version > measures_sqlite_store_get_schema_version ())
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_TOO_NEW,
                   _("“%s” was saved by a newer version of Measures. Update Measures to "
                     "restore it."), name);
      return FALSE;
    }

  self->n_measures = n_measures;
  self->n_log_entries = n_log_entries;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_MEASURES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_LOG_ENTRIES]);

  return TRUE;
}

