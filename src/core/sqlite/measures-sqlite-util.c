/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-sqlite"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "measures-sqlite-private.h"

/* Statement helpers and error messages of the SQLite engine. */

/* Turns an SQLite result code into a message an official can act on. */
gboolean
sql_set_error (MeasuresSqliteStore  *self,
               int                   rc,
               GError              **error)
{
  const char *detail = self->db ? sqlite3_errmsg (self->db) : sqlite3_errstr (rc);

  switch (rc & 0xff)
    {
    case SQLITE_NOTADB:
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_NOT_A_DATABASE,
                   _("“%s” is not a strategy database: the file is not an SQLite database. "
                     "It was left unchanged."),
                   self->display_name);
      break;
    case SQLITE_CORRUPT:
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CORRUPT,
                   _("“%s” is damaged and cannot be read safely (%s). "
                     "It was left unchanged; restore a backup."),
                   self->display_name, detail);
      break;
    case SQLITE_IOERR:
      /* A write that hit a full disk, a quota or a file size limit. SQLite
       * does not always keep the system's error number for a short write. */
      if (rc == SQLITE_IOERR_WRITE && self->db != NULL &&
          sqlite3_system_errno (self->db) != EIO)
        return sql_set_error (self, SQLITE_FULL, error);
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FAILED,
                   _("The database “%s” reported an error: %s"),
                   self->display_name, detail);
      break;
    case SQLITE_READONLY:
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_READ_ONLY,
                   _("“%s” cannot be changed: the file or its folder is read-only."),
                   self->display_name);
      break;
    case SQLITE_FULL:
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FULL,
                   _("Could not write to “%s”: the disk is full."),
                   self->display_name);
      break;
    case SQLITE_CANTOPEN:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("Could not open “%s” (%s)."),
                   self->display_name, detail);
      break;
    case SQLITE_CONSTRAINT:
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("A value does not fit the strategy’s data (%s)."),
                   detail);
      break;
    default:
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_FAILED,
                   _("The database “%s” reported an error: %s"),
                   self->display_name, detail);
      break;
    }

  return FALSE;
}

sqlite3_stmt *
sql_prepare (MeasuresSqliteStore  *self,
             const char           *sql,
             GError              **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sql_set_error (self, rc, error);
      return NULL;
    }

  return stmt;
}

void
sql_release_statement (CachedStatement *stmt)
{
  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
}

CachedStatement *
sql_prepare_cached (MeasuresSqliteStore  *self,
                    const char           *sql,
                    GError              **error)
{
  sqlite3_stmt *stmt = g_hash_table_lookup (self->statements, sql);
  int rc;

  if (stmt != NULL)
    return stmt;

  rc = sqlite3_prepare_v3 (self->db, sql, -1, SQLITE_PREPARE_PERSISTENT, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      sql_set_error (self, rc, error);
      return NULL;
    }

  g_hash_table_insert (self->statements, g_strdup (sql), stmt);
  return stmt;
}

/* Runs a statement that returns no rows. */
gboolean
sql_step_done (MeasuresSqliteStore  *self,
               sqlite3_stmt         *stmt,
               GError              **error)
{
  int rc = sqlite3_step (stmt);

  if (rc != SQLITE_DONE && rc != SQLITE_ROW)
    return sql_set_error (self, rc, error);

  return TRUE;
}

/* For fixed SQL without parameters only: pragmas, migrations, transactions. */
gboolean
sql_exec (MeasuresSqliteStore  *self,
          const char           *sql,
          GError              **error)
{
  int rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);

  if (rc != SQLITE_OK)
    return sql_set_error (self, rc, error);

  return TRUE;
}

void
sql_bind_text (sqlite3_stmt *stmt,
               int           column,
               const char   *text)
{
  if (text == NULL)
    sqlite3_bind_null (stmt, column);
  else
    sqlite3_bind_text (stmt, column, text, -1, SQLITE_TRANSIENT);
}

const char *
sql_column_text (sqlite3_stmt *stmt,
                 int           column)
{
  const char *text = (const char *)sqlite3_column_text (stmt, column);

  return text ? text : "";
}

gboolean
sql_query_int (MeasuresSqliteStore  *self,
               const char           *sql,
               int                  *value,
               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = sql_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return sql_set_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  *value = sqlite3_column_int (stmt, 0);
  return TRUE;
}

int
sql_compare_ids (gconstpointer a,
                 gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return x < y ? -1 : x > y;
}

/* Collects the first column of @stmt's rows, in the order they come. */
GArray *
sql_collect_ids (MeasuresSqliteStore  *self,
                 sqlite3_stmt         *stmt,
                 GError              **error)
{
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);

      g_array_append_val (ids, id);
    }

  if (rc != SQLITE_DONE)
    {
      sql_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&ids);
}

/* Transactions ------------------------------------------------------------ */

gboolean
measures_sqlite_begin (MeasuresSqliteStore  *self,
                       GError              **error)
{
  /* A write into a file that was replaced meanwhile would be lost. */
  if (!measures_sqlite_check_not_replaced (self, error))
    return FALSE;

  return sql_exec (self, "BEGIN IMMEDIATE", error);
}

gboolean
measures_sqlite_commit (MeasuresSqliteStore  *self,
                        GError              **error)
{
  return sql_exec (self, "COMMIT", error);
}

void
measures_sqlite_rollback (MeasuresSqliteStore *self)
{
  if (!sqlite3_get_autocommit (self->db))
    sql_exec (self, "ROLLBACK", NULL);
}
