/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-sqlite"

#include "config.h"

#include "measures-search-text.h"
#include "measures-sqlite-private.h"

/* Full-text search: an FTS5 index of folded text, written with every change. */

gboolean
measures_sqlite_refresh_search_index (MeasuresSqliteStore  *self,
                                      gint64                measure_id,
                                      GError              **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) read = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;
  int rc;

  clear = sql_prepare (self, "DELETE FROM measures_search WHERE rowid = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, measure_id);
  if (!sql_step_done (self, clear, error))
    return FALSE;

  /* The offices column holds the printed wording and the linked offices'
   * abbreviations and full names, so that "Kulturbüro" finds what KA
   * leads. */
  read = sql_prepare (self,
                      "SELECT m.title, m.description,"
                      "       (SELECT group_concat (text, ' ') FROM objectives o"
                      "        WHERE o.measure_id = m.id),"
                      "       m.lead || ' ' || m.actors || ' ' ||"
                      "       coalesce ((SELECT group_concat (f.abbreviation || ' ' || f.name, ' ')"
                      "                  FROM measure_offices l JOIN offices f ON f.id = l.office_id"
                      "                  WHERE l.measure_id = m.id), ''),"
                      "       m.period, m.costs "
                      "FROM measures m WHERE m.id = ?",
                      error);
  if (read == NULL)
    return FALSE;
  sqlite3_bind_int64 (read, 1, measure_id);
  rc = sqlite3_step (read);
  if (rc != SQLITE_ROW)
    return sql_set_error (self, rc == SQLITE_DONE ? SQLITE_CORRUPT : rc, error);

  insert = sql_prepare (self,
                        "INSERT INTO measures_search (rowid, title, description, objectives, offices,"
                        "                             period, costs) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        error);
  if (insert == NULL)
    return FALSE;

  sqlite3_bind_int64 (insert, 1, measure_id);
  for (int i = 0; i < 6; i++)
    {
      g_autofree char *folded = measures_search_text_fold (sql_column_text (read, i));

      sqlite3_bind_text (insert, i + 2, folded, -1, SQLITE_TRANSIENT);
    }

  return sql_step_done (self, insert, error);
}

/* The search index is derived data: rebuild it when it does not cover every
 * measure, e.g. right after the migration that created it. */
gboolean
measures_sqlite_ensure_search_index (MeasuresSqliteStore  *self,
                                     GError              **error)
{
  g_autoptr(sqlite3_stmt) ids = NULL;
  int missing = 0;
  int rc;

  if (!sql_query_int (self,
                      "SELECT count(*) FROM measures m WHERE NOT EXISTS "
                      "(SELECT 1 FROM measures_search s WHERE s.rowid = m.id)",
                      &missing, error))
    return FALSE;

  if (missing == 0)
    return TRUE;

  ids = sql_prepare (self, "SELECT id FROM measures", error);
  if (ids == NULL || !measures_sqlite_begin (self, error))
    return FALSE;

  while ((rc = sqlite3_step (ids)) == SQLITE_ROW)
    {
      if (!measures_sqlite_refresh_search_index (self, sqlite3_column_int64 (ids, 0), error))
        {
          measures_sqlite_rollback (self);
          return FALSE;
        }
    }

  if (rc != SQLITE_DONE)
    {
      measures_sqlite_rollback (self);
      return sql_set_error (self, rc, error);
    }

  return measures_sqlite_commit (self, error);
}

/* Turns what a user typed into an FTS5 query: every word must occur, as
 * the start of a word. Each word is quoted, so nothing typed is syntax. */
static char *
build_match_query (const char *text)
{
  g_auto(GStrv) words = measures_search_text_words (text);
  GString *query;

  if (words[0] == NULL)
    return NULL;

  query = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (query, " AND ");
      g_string_append_c (query, '"');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (query, '"');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "\"*");
    }

  return g_string_free (query, FALSE);
}

static gboolean
sqlite_search_ids (MeasuresStore  *store,
                   const char     *text,
                   GArray        **ids,
                   GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;
  g_autofree char *query = NULL;
  GArray *found;

  query = build_match_query (text);
  if (query == NULL)
    return TRUE;

  stmt = sql_prepare_cached (self,
                             "SELECT rowid FROM measures_search WHERE measures_search MATCH ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sql_bind_text (stmt, 1, query);

  found = sql_collect_ids (self, stmt, error);
  if (found == NULL)
    return FALSE;

  /* FTS5 gives rowids in ascending order; do not depend on it. */
  g_array_sort (found, sql_compare_ids);
  *ids = found;
  return TRUE;
}

static gboolean
sqlite_refresh_search (MeasuresStore  *store,
                       gint64          measure_id,
                       GError        **error)
{
  return measures_sqlite_refresh_search_index (MEASURES_SQLITE_STORE (store), measure_id, error);
}

void
measures_sqlite_search_init_class (MeasuresStoreClass *store_class)
{
  store_class->search_ids = sqlite_search_ids;
  store_class->refresh_search = sqlite_refresh_search;
}
