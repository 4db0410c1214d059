/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-sqlite"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-sqlite-private.h"

/* The strategy around the measures: vision, goals, offices. */

static gboolean
sqlite_set_vision (MeasuresStore       *store,
                   const char          *strategy_title,
                   const char          *vision_title,
                   const char * const  *statements,
                   GError             **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) vision = NULL;
  g_autoptr(sqlite3_stmt) statement = NULL;

  if (!sql_exec (self, "DELETE FROM vision_statements", error))
    return FALSE;

  vision = sql_prepare (self,
                        "INSERT OR REPLACE INTO vision (id, strategy_title, title) VALUES (1, ?, ?)",
                        error);
  if (vision == NULL)
    return FALSE;
  sql_bind_text (vision, 1, strategy_title);
  sql_bind_text (vision, 2, vision_title);
  if (!sql_step_done (self, vision, error))
    return FALSE;

  statement = sql_prepare (self, "INSERT INTO vision_statements (position, text) VALUES (?, ?)",
                           error);
  if (statement == NULL)
    return FALSE;

  for (guint i = 0; statements[i] != NULL; i++)
    {
      sqlite3_reset (statement);
      sqlite3_bind_int (statement, 1, i);
      sql_bind_text (statement, 2, statements[i]);
      if (!sql_step_done (self, statement, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
sqlite_add_goal (MeasuresStore  *store,
                 guint           number,
                 const char     *title,
                 const char     *headline,
                 const char     *text,
                 GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sql_prepare (self,
                      "INSERT INTO goals (number, title, headline, text) VALUES (?, ?, ?, ?)",
                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, number);
  sql_bind_text (stmt, 2, title);
  sql_bind_text (stmt, 3, headline);
  sql_bind_text (stmt, 4, text);

  return sql_step_done (self, stmt, error);
}

static gboolean
sqlite_add_office (MeasuresStore  *store,
                   const char     *abbreviation,
                   const char     *name,
                   GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sql_prepare (self, "INSERT INTO offices (abbreviation, name) VALUES (?, ?)", error);
  if (stmt == NULL)
    return FALSE;

  sql_bind_text (stmt, 1, abbreviation);
  sql_bind_text (stmt, 2, name);

  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_UNIQUE)
        {
          g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                       _("The office “%s” is listed twice."), abbreviation);
          return FALSE;
        }
      return sql_set_error (self, sqlite3_extended_errcode (self->db), error);
    }

  return TRUE;
}

static gboolean
sqlite_load_vision (MeasuresStore  *store,
                    char          **strategy_title,
                    char          **vision_title,
                    GStrv          *statements,
                    GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) vision = NULL;
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  int rc;

  vision = sql_prepare (self, "SELECT strategy_title, title FROM vision WHERE id = 1", error);
  if (vision == NULL)
    return FALSE;

  rc = sqlite3_step (vision);
  if (rc != SQLITE_ROW && rc != SQLITE_DONE)
    return sql_set_error (self, rc, error);

  if (strategy_title)
    *strategy_title = g_strdup (rc == SQLITE_ROW ? sql_column_text (vision, 0) : "");
  if (vision_title)
    *vision_title = g_strdup (rc == SQLITE_ROW ? sql_column_text (vision, 1) : "");

  if (statements == NULL)
    return TRUE;

  stmt = sql_prepare (self, "SELECT text FROM vision_statements ORDER BY position", error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    g_strv_builder_add (builder, sql_column_text (stmt, 0));
  if (rc != SQLITE_DONE)
    return sql_set_error (self, rc, error);

  *statements = g_strv_builder_end (builder);
  return TRUE;
}

static GListModel *
sqlite_list_goals (MeasuresStore  *store,
                   GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) goals = g_list_store_new (MEASURES_TYPE_GOAL);
  int rc;

  stmt = sql_prepare (self, "SELECT id, number, title, headline, text FROM goals ORDER BY number",
                      error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      g_autoptr(MeasuresGoal) goal = measures_goal_new (sqlite3_column_int64 (stmt, 0),
                                                        sqlite3_column_int (stmt, 1),
                                                        sql_column_text (stmt, 2),
                                                        sql_column_text (stmt, 3),
                                                        sql_column_text (stmt, 4));
      g_list_store_append (goals, goal);
    }

  if (rc != SQLITE_DONE)
    {
      sql_set_error (self, rc, error);
      return NULL;
    }

  return G_LIST_MODEL (g_steal_pointer (&goals));
}

static int
compare_offices (gconstpointer a,
                 gconstpointer b,
                 gpointer      user_data)
{
  g_autofree char *key_a = g_utf8_casefold (measures_office_get_abbreviation ((gpointer)a), -1);
  g_autofree char *key_b = g_utf8_casefold (measures_office_get_abbreviation ((gpointer)b), -1);

  return g_utf8_collate (key_a, key_b);
}

/* Adds @sign times the (office_id, role, count) rows of @sql to @counts,
 * office id → int[2] by role. */
static gboolean
add_link_counts (MeasuresSqliteStore  *self,
                 GHashTable           *counts,
                 int                   sign,
                 const char           *sql,
                 GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = sql_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 office = sqlite3_column_int64 (stmt, 0);
      int role = sqlite3_column_int (stmt, 1);
      int *n = g_hash_table_lookup (counts, &office);

      if (role != MEASURES_ROLE_LEAD && role != MEASURES_ROLE_INVOLVED)
        continue;
      if (n == NULL)
        {
          n = g_new0 (int, 2);
          g_hash_table_insert (counts, g_memdup2 (&office, sizeof office), n);
        }
      n[role] += sign * sqlite3_column_int (stmt, 2);
    }

  if (rc != SQLITE_DONE)
    return sql_set_error (self, rc, error);

  return TRUE;
}

static GListModel *
sqlite_list_offices (MeasuresStore  *store,
                     GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GListStore) offices = g_list_store_new (MEASURES_TYPE_OFFICE);
  g_autoptr(GHashTable) counts = NULL;
  int rc;

  /* Counted from the links' index, less the links of removed measures:
   * joining every link to its measure would read the whole table. */
  counts = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  if (!add_link_counts (self, counts, 1,
                        "SELECT office_id, role, count(*) FROM measure_offices "
                        "GROUP BY office_id, role",
                        error) ||
      !add_link_counts (self, counts, -1,
                        /* CROSS JOIN: from the few removed measures to their
                         * links, not from every link to its measure. */
                        "SELECT l.office_id, l.role, count(*) FROM measures m "
                        "CROSS JOIN measure_offices l ON l.measure_id = m.id "
                        "WHERE m.removed IS NOT NULL GROUP BY l.office_id, l.role",
                        error))
    return NULL;

  stmt = sql_prepare (self, "SELECT id, abbreviation, name FROM offices", error);
  if (stmt == NULL)
    return NULL;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 id = sqlite3_column_int64 (stmt, 0);
      const int *n = g_hash_table_lookup (counts, &id);
      g_autoptr(MeasuresOffice) office = measures_office_new (id,
                                                              sql_column_text (stmt, 1),
                                                              sql_column_text (stmt, 2),
                                                              n ? MAX (n[0], 0) : 0,
                                                              n ? MAX (n[1], 0) : 0);
      g_list_store_append (offices, office);
    }

  if (rc != SQLITE_DONE)
    {
      sql_set_error (self, rc, error);
      return NULL;
    }

  g_list_store_sort (offices, compare_offices, NULL);

  return G_LIST_MODEL (g_steal_pointer (&offices));
}

void
measures_sqlite_strategy_init_class (MeasuresStoreClass *store_class)
{
  store_class->set_vision = sqlite_set_vision;
  store_class->add_goal = sqlite_add_goal;
  store_class->add_office = sqlite_add_office;
  store_class->load_vision = sqlite_load_vision;
  store_class->list_goals = sqlite_list_goals;
  store_class->list_offices = sqlite_list_offices;
}
