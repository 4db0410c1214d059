/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-sqlite"

#include "config.h"

#include <string.h>
#include <glib/gi18n.h>

#include "measures-measure-diff.h"
#include "measures-sqlite-private.h"

/* Measures: reading them in batches, adding, editing and removing them. */

static gboolean
add_links (MeasuresSqliteStore  *self,
           gint64                measure_id,
           const char           *measure_title,
           const char * const   *abbreviations,
           MeasuresRole          role,
           guint                *position,
           GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;

  stmt = sql_prepare (self,
                      "INSERT INTO measure_offices (measure_id, office_id, role, position) "
                      "SELECT ?, id, ?, ? FROM offices WHERE abbreviation = ?",
                      error);
  if (stmt == NULL)
    return FALSE;

  for (guint i = 0; abbreviations[i] != NULL; i++)
    {
      sqlite3_reset (stmt);
      sqlite3_bind_int64 (stmt, 1, measure_id);
      sqlite3_bind_int (stmt, 2, role);
      sqlite3_bind_int (stmt, 3, (*position)++);
      sql_bind_text (stmt, 4, abbreviations[i]);

      if (sqlite3_step (stmt) != SQLITE_DONE)
        {
          if (sqlite3_extended_errcode (self->db) == SQLITE_CONSTRAINT_PRIMARYKEY)
            {
              g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("The measure “%s” names the office “%s” twice."),
                           measure_title, abbreviations[i]);
              return FALSE;
            }
          return sql_set_error (self, sqlite3_extended_errcode (self->db), error);
        }

      if (sqlite3_changes (self->db) == 0)
        {
          g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                       _("The measure “%s” names the office “%s”, which is not in the "
                         "office directory."),
                       measure_title, abbreviations[i]);
          return FALSE;
        }
    }

  return TRUE;
}

static gboolean
replace_objectives (MeasuresSqliteStore  *self,
                    gint64                measure_id,
                    const char * const   *objectives,
                    GError              **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  g_autoptr(sqlite3_stmt) insert = NULL;

  clear = sql_prepare (self, "DELETE FROM objectives WHERE measure_id = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, measure_id);
  if (!sql_step_done (self, clear, error))
    return FALSE;

  insert = sql_prepare (self,
                        "INSERT INTO objectives (measure_id, position, text) VALUES (?, ?, ?)",
                        error);
  if (insert == NULL)
    return FALSE;

  for (guint i = 0; objectives[i] != NULL; i++)
    {
      sqlite3_reset (insert);
      sqlite3_bind_int64 (insert, 1, measure_id);
      sqlite3_bind_int (insert, 2, i);
      sql_bind_text (insert, 3, objectives[i]);
      if (!sql_step_done (self, insert, error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
replace_links (MeasuresSqliteStore  *self,
               gint64                measure_id,
               MeasuresMeasure      *measure,
               GError              **error)
{
  g_autoptr(sqlite3_stmt) clear = NULL;
  const char *title = measures_measure_get_title (measure);
  guint position = 0;

  clear = sql_prepare (self, "DELETE FROM measure_offices WHERE measure_id = ?", error);
  if (clear == NULL)
    return FALSE;
  sqlite3_bind_int64 (clear, 1, measure_id);
  if (!sql_step_done (self, clear, error))
    return FALSE;

  return add_links (self, measure_id, title, measures_measure_get_lead_offices (measure),
                    MEASURES_ROLE_LEAD, &position, error) &&
         add_links (self, measure_id, title, measures_measure_get_involved_offices (measure),
                    MEASURES_ROLE_INVOLVED, &position, error);
}

/* The next free position at the end of a goal's measures. */
static gboolean
next_position (MeasuresSqliteStore  *self,
               guint                 goal,
               guint                *position,
               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = sql_prepare (self,
                      "SELECT coalesce(max(m.position), 0) + 1 FROM measures m "
                      "JOIN goals g ON g.id = m.goal_id WHERE g.number = ?",
                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, goal);
  rc = sqlite3_step (stmt);
  if (rc != SQLITE_ROW)
    return sql_set_error (self, rc, error);

  *position = sqlite3_column_int (stmt, 0);
  return TRUE;
}

static gint64
sqlite_add_measure (MeasuresStore    *store,
                    MeasuresMeasure  *measure,
                    GError          **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(sqlite3_stmt) stmt = NULL;
  gint64 measure_id;
  guint position;
  gint64 revision;

  /* Another window learns of the new measure by its revision. */
  if (!measures_sqlite_next_revision (self, &revision, error))
    return 0;

  position = measures_measure_get_position (measure);
  if (position == 0 && !next_position (self, measures_measure_get_goal (measure), &position, error))
    return 0;

  stmt = sql_prepare (self,
                      "INSERT INTO measures (goal_id, position, title, description, lead, actors,"
                      "                      priority, period, costs, overview_title, overview_lead,"
                      "                      status, status_derived, progress, updated, removed, id,"
                      "                      title_key, revision, sheet_revision, state_revision) "
                      "SELECT id, ?, ?2, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, nullif (?17, 0),"
                      "       measures_sort_key (?2), ?18, ?18, ?18 "
                      "FROM goals WHERE number = ?16",
                      error);
  if (stmt == NULL)
    return 0;

  sqlite3_bind_int (stmt, 1, position);
  sql_bind_text (stmt, 2, measures_measure_get_title (measure));
  sql_bind_text (stmt, 3, measures_measure_get_description (measure));
  sql_bind_text (stmt, 4, measures_measure_get_lead (measure));
  sql_bind_text (stmt, 5, measures_measure_get_actors (measure));
  sqlite3_bind_int (stmt, 6, measures_measure_get_priority (measure));
  sql_bind_text (stmt, 7, measures_measure_get_period (measure));
  sql_bind_text (stmt, 8, measures_measure_get_costs (measure));
  sql_bind_text (stmt, 9, measures_measure_get_overview_title (measure));
  sql_bind_text (stmt, 10, measures_measure_get_overview_lead (measure));
  sqlite3_bind_int (stmt, 11, measures_measure_get_status (measure));
  sqlite3_bind_int (stmt, 12, measures_measure_get_status_derived (measure));
  sqlite3_bind_int (stmt, 13, measures_measure_get_progress (measure));
  sql_bind_text (stmt, 14, measures_measure_get_updated (measure));
  sql_bind_text (stmt, 15, measures_measure_get_removed (measure));
  sqlite3_bind_int (stmt, 16, measures_measure_get_goal (measure));
  sqlite3_bind_int64 (stmt, 17, measures_measure_get_id (measure));
  sqlite3_bind_int64 (stmt, 18, revision);

  if (!sql_step_done (self, stmt, error))
    return 0;

  if (sqlite3_changes (self->db) == 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("The measure “%s” belongs to goal %u, which does not exist."),
                   measures_measure_get_title (measure), measures_measure_get_goal (measure));
      return 0;
    }

  measure_id = sqlite3_last_insert_rowid (self->db);
  /* This store's own: not news for its watch on other writers. */
  g_hash_table_add (self->own_revisions, g_memdup2 (&revision, sizeof revision));

  if (!replace_objectives (self, measure_id, measures_measure_get_objectives (measure), error) ||
      !replace_links (self, measure_id, measure, error) ||
      !measures_sqlite_refresh_search_index (self, measure_id, error))
    return 0;

  return measure_id;
}

/* Collects rows of (measure_id, text[, role]) into one string list per
 * measure, in tables[role] (or tables[0] when the query has no role). */
static gboolean
collect_by_measure (MeasuresSqliteStore  *self,
                    sqlite3_stmt         *stmt,
                    GHashTable          **tables,
                    guint                 n_tables,
                    GError              **error)
{
  int rc;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 measure_id = sqlite3_column_int64 (stmt, 0);
      guint role = n_tables > 1 ? (guint)sqlite3_column_int (stmt, 2) : 0;
      GHashTable *by_measure = tables[MIN (role, n_tables - 1)];
      GPtrArray *list = g_hash_table_lookup (by_measure, &measure_id);

      if (list == NULL)
        {
          gint64 *key = g_new (gint64, 1);

          *key = measure_id;
          list = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (by_measure, key, list);
        }

      g_ptr_array_add (list, g_strdup (sql_column_text (stmt, 1)));
    }

  if (rc != SQLITE_DONE)
    return sql_set_error (self, rc, error);

  return TRUE;
}

static GHashTable *
new_measure_table (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify)g_ptr_array_unref);
}

static const char * const *
lookup_strv (GHashTable *table,
             gint64      measure_id)
{
  static const char * const empty[] = { NULL };
  GPtrArray *list = g_hash_table_lookup (table, &measure_id);

  if (list == NULL)
    return empty;

  /* NULL-terminate once; the array is not appended to afterwards. */
  if (list->len == 0 || g_ptr_array_index (list, list->len - 1) != NULL)
    g_ptr_array_add (list, NULL);

  return (const char * const *)list->pdata;
}

typedef enum {
  LOAD_PRESENT,
  LOAD_REMOVED,
  LOAD_IDS,
} LoadWhich;

/* Reads measures with their objectives and offices, in three queries
 * whatever their number. The conditions are fixed SQL; the only parameter
 * is a JSON array of the ids for LOAD_IDS. */
static GPtrArray *
load_measures (MeasuresSqliteStore  *self,
               LoadWhich             which,
               const char           *ids,
               GError              **error)
{
  static const char * const objectives_sql[] = {
    [LOAD_PRESENT] = "SELECT measure_id, text FROM objectives WHERE ?1 IS NULL "
                     "ORDER BY measure_id, position",
    [LOAD_REMOVED] = "SELECT measure_id, text FROM objectives WHERE ?1 IS NULL "
                     "ORDER BY measure_id, position",
    [LOAD_IDS] = "SELECT measure_id, text FROM objectives "
                 "WHERE measure_id IN (SELECT value FROM json_each (?1)) "
                 "ORDER BY measure_id, position",
  };
  static const char * const offices_sql[] = {
    [LOAD_PRESENT] = "SELECT l.measure_id, o.abbreviation, l.role FROM measure_offices l "
                     "JOIN offices o ON o.id = l.office_id WHERE ?1 IS NULL "
                     "ORDER BY l.measure_id, l.position",
    [LOAD_REMOVED] = "SELECT l.measure_id, o.abbreviation, l.role FROM measure_offices l "
                     "JOIN offices o ON o.id = l.office_id WHERE ?1 IS NULL "
                     "ORDER BY l.measure_id, l.position",
    [LOAD_IDS] = "SELECT l.measure_id, o.abbreviation, l.role FROM measure_offices l "
                 "JOIN offices o ON o.id = l.office_id "
                 "WHERE l.measure_id IN (SELECT value FROM json_each (?1)) "
                 "ORDER BY l.measure_id, l.position",
  };
#define MEASURE_COLUMNS \
  "SELECT m.id, g.number, m.position, m.title, m.description, m.lead," \
  "       m.actors, m.priority, m.period, m.costs, m.overview_title," \
  "       m.overview_lead, m.status, m.status_derived, m.progress," \
  "       m.updated, m.removed, m.revision " \
  "FROM measures m JOIN goals g ON g.id = m.goal_id "
  static const char * const measures_sql[] = {
    [LOAD_PRESENT] = MEASURE_COLUMNS "WHERE m.removed IS NULL AND ?1 IS NULL "
                     "ORDER BY g.number, m.position, m.id",
    [LOAD_REMOVED] = MEASURE_COLUMNS "WHERE m.removed IS NOT NULL AND ?1 IS NULL "
                     "ORDER BY g.number, m.position, m.id",
    [LOAD_IDS] = MEASURE_COLUMNS "WHERE m.id IN (SELECT value FROM json_each (?1))",
  };
#undef MEASURE_COLUMNS
  g_autoptr(CachedStatement) objectives_stmt = NULL;
  g_autoptr(CachedStatement) offices_stmt = NULL;
  g_autoptr(CachedStatement) stmt = NULL;
  g_autoptr(GHashTable) objectives = new_measure_table ();
  g_autoptr(GHashTable) lead = new_measure_table ();
  g_autoptr(GHashTable) involved = new_measure_table ();
  GHashTable *by_role[] = { [MEASURES_ROLE_LEAD] = lead, [MEASURES_ROLE_INVOLVED] = involved };
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func (g_object_unref);
  int rc;

  objectives_stmt = sql_prepare_cached (self, objectives_sql[which], error);
  if (objectives_stmt == NULL)
    return NULL;
  sql_bind_text (objectives_stmt, 1, ids);
  if (!collect_by_measure (self, objectives_stmt, &objectives, 1, error))
    return NULL;

  offices_stmt = sql_prepare_cached (self, offices_sql[which], error);
  if (offices_stmt == NULL)
    return NULL;
  sql_bind_text (offices_stmt, 1, ids);
  if (!collect_by_measure (self, offices_stmt, by_role, G_N_ELEMENTS (by_role), error))
    return NULL;

  stmt = sql_prepare_cached (self, measures_sql[which], error);
  if (stmt == NULL)
    return NULL;
  sql_bind_text (stmt, 1, ids);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      gint64 measure_id = sqlite3_column_int64 (stmt, 0);
      int priority = sqlite3_column_int (stmt, 7);
      int status = sqlite3_column_int (stmt, 12);
      MeasuresMeasure *measure;

      measure = g_object_new (MEASURES_TYPE_MEASURE,
                              "id", measure_id,
                              "goal", (guint)sqlite3_column_int (stmt, 1),
                              "position", (guint)sqlite3_column_int (stmt, 2),
                              "title", sql_column_text (stmt, 3),
                              "description", sql_column_text (stmt, 4),
                              "lead", sql_column_text (stmt, 5),
                              "actors", sql_column_text (stmt, 6),
                              "priority", CLAMP (priority, 0, MEASURES_N_PRIORITIES - 1),
                              "period", sql_column_text (stmt, 8),
                              "costs", sql_column_text (stmt, 9),
                              "overview-title", sql_column_text (stmt, 10),
                              "overview-lead", sql_column_text (stmt, 11),
                              "status", CLAMP (status, 0, MEASURES_N_STATUSES - 1),
                              "status-derived", sqlite3_column_int (stmt, 13) != 0,
                              "progress", (guint)CLAMP (sqlite3_column_int (stmt, 14), 0, 100),
                              "updated", sql_column_text (stmt, 15),
                              "removed", sql_column_text (stmt, 16),
                              "revision", MAX (sqlite3_column_int64 (stmt, 17), 0),
                              "objectives", lookup_strv (objectives, measure_id),
                              "lead-offices", lookup_strv (lead, measure_id),
                              "involved-offices", lookup_strv (involved, measure_id),
                              NULL);
      g_ptr_array_add (measures, measure);
    }

  if (rc != SQLITE_DONE)
    {
      sql_set_error (self, rc, error);
      return NULL;
    }

  return g_steal_pointer (&measures);
}

static GPtrArray *
sqlite_load_measures (MeasuresStore  *store,
                      gboolean        removed,
                      GError        **error)
{
  return load_measures (MEASURES_SQLITE_STORE (store), removed ? LOAD_REMOVED : LOAD_PRESENT,
                        NULL, error);
}

static GPtrArray *
sqlite_load_measures_by_id (MeasuresStore  *store,
                            const gint64   *ids,
                            guint           n_ids,
                            GError        **error)
{
  GString *list = g_string_new ("[");
  g_autofree char *json = NULL;

  for (guint i = 0; i < n_ids; i++)
    g_string_append_printf (list, "%s%" G_GINT64_FORMAT, i ? "," : "", ids[i]);
  g_string_append_c (list, ']');
  json = g_string_free (list, FALSE);

  return load_measures (MEASURES_SQLITE_STORE (store), LOAD_IDS, json, error);
}

static int
compare_summaries (gconstpointer a,
                   gconstpointer b)
{
  const MeasuresSummary *x = a, *y = b;

  if (x->goal != y->goal)
    return x->goal < y->goal ? -1 : 1;
  if (x->position != y->position)
    return x->position < y->position ? -1 : 1;
  return x->id < y->id ? -1 : x->id > y->id;
}

static gboolean
sqlite_list_summaries (MeasuresStore  *store,
                       const char     *office,
                       int             role,
                       gint64          id,
                       GArray        **summaries,
                       GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (MeasuresSummary));
  int rc;

  /* One measure by its primary key; "?1 = 0 OR" would read them all. */
  stmt = sql_prepare_cached (self,
                             id != 0
                             ? "SELECT m.id, g.number, m.position, m.priority, m.status, m.progress "
                             "FROM measures m JOIN goals g ON g.id = m.goal_id "
                             "WHERE m.id = ?1 AND m.removed IS NULL AND"
                             "      (?2 IS NULL OR m.id IN (SELECT l.measure_id"
                             "                              FROM measure_offices l"
                             "                              JOIN offices o ON o.id = l.office_id"
                             "                              WHERE o.abbreviation = ?2"
                             "                                AND (?3 < 0 OR l.role = ?3)))"
                             : "SELECT m.id, g.number, m.position, m.priority, m.status, m.progress "
                             "FROM measures m JOIN goals g ON g.id = m.goal_id "
                             "WHERE m.removed IS NULL AND ?1 = 0 AND"
                             "      (?2 IS NULL OR m.id IN (SELECT l.measure_id"
                             "                              FROM measure_offices l"
                             "                              JOIN offices o ON o.id = l.office_id"
                             "                              WHERE o.abbreviation = ?2"
                             "                                AND (?3 < 0 OR l.role = ?3)))",
                             error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_int64 (stmt, 1, id);
  sql_bind_text (stmt, 2, office);
  sqlite3_bind_int (stmt, 3, role);

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      MeasuresSummary summary = {
        .id = sqlite3_column_int64 (stmt, 0),
        .goal = CLAMP (sqlite3_column_int (stmt, 1), 0, G_MAXUINT16),
        .position = MAX (sqlite3_column_int (stmt, 2), 0),
        .priority = CLAMP (sqlite3_column_int (stmt, 3), 0, MEASURES_N_PRIORITIES - 1),
        .status = CLAMP (sqlite3_column_int (stmt, 4), 0, MEASURES_N_STATUSES - 1),
        .progress = CLAMP (sqlite3_column_int (stmt, 5), 0, 100),
      };

      g_array_append_val (list, summary);
    }

  if (rc != SQLITE_DONE)
    return sql_set_error (self, rc, error);

  /* Sorting a few bytes a row here is quicker than SQLite's sorter. */
  g_array_sort (list, compare_summaries);
  *summaries = g_steal_pointer (&list);
  return TRUE;
}

static gboolean
sqlite_list_office_ids (MeasuresStore  *store,
                        const char     *abbreviation,
                        GArray        **ids,
                        GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;

  stmt = sql_prepare_cached (self,
                             "SELECT l.measure_id FROM measure_offices l JOIN offices o ON o.id = l.office_id "
                             "WHERE o.abbreviation = ?",
                             error);
  if (stmt == NULL)
    return FALSE;
  sql_bind_text (stmt, 1, abbreviation);

  *ids = sql_collect_ids (self, stmt, error);
  if (*ids == NULL)
    return FALSE;

  g_array_sort (*ids, sql_compare_ids);
  return TRUE;
}

static gboolean
sqlite_list_ranks (MeasuresStore  *store,
                   MeasuresOrder   order,
                   GArray        **ranks,
                   GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  static const char * const queries[] = {
    [MEASURES_ORDER_TITLE] = "SELECT id, title_key FROM measures ORDER BY title_key",
    [MEASURES_ORDER_UPDATED] = "SELECT id, updated FROM measures ORDER BY updated DESC",
  };
  g_autoptr(sqlite3_stmt) stmt = NULL;
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (MeasuresRank));
  g_autofree char *last_key = NULL;
  guint32 rank = 0;
  int rc;

  stmt = sql_prepare (self, queries[order], error);
  if (stmt == NULL)
    return FALSE;

  while ((rc = sqlite3_step (stmt)) == SQLITE_ROW)
    {
      const char *key = sql_column_text (stmt, 1);
      MeasuresRank entry;

      if (last_key == NULL || !g_str_equal (key, last_key))
        {
          rank = list->len;
          g_free (last_key);
          last_key = g_strdup (key);
        }
      entry.id = sqlite3_column_int64 (stmt, 0);
      entry.rank = rank;
      g_array_append_val (list, entry);
    }

  if (rc != SQLITE_DONE)
    return sql_set_error (self, rc, error);

  *ranks = g_steal_pointer (&list);
  return TRUE;
}

/* Writing with history ------------------------------------------------------ */

static gboolean
update_column (MeasuresSqliteStore  *self,
               const char           *sql,
               gint64                measure_id,
               const GValue         *value,
               GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = sql_prepare (self, sql, error);

  if (stmt == NULL)
    return FALSE;

  if (G_VALUE_HOLDS_STRING (value))
    sql_bind_text (stmt, 1, g_value_get_string (value));
  else
    sqlite3_bind_int64 (stmt, 1, g_value_get_int64 (value));
  sqlite3_bind_int64 (stmt, 2, measure_id);

  return sql_step_done (self, stmt, error);
}

static gboolean
move_to_goal (MeasuresSqliteStore  *self,
              MeasuresMeasure      *measure,
              GError              **error)
{
  g_autoptr(sqlite3_stmt) stmt = NULL;
  guint position;

  if (!next_position (self, measures_measure_get_goal (measure), &position, error))
    return FALSE;

  stmt = sql_prepare (self,
                      "UPDATE measures SET goal_id = (SELECT id FROM goals"
                      "                               WHERE number = ?),"
                      " position = ? WHERE id = ?",
                      error);
  if (stmt == NULL)
    return FALSE;

  sqlite3_bind_int (stmt, 1, measures_measure_get_goal (measure));
  sqlite3_bind_int (stmt, 2, position);
  sqlite3_bind_int64 (stmt, 3, measures_measure_get_id (measure));
  if (sqlite3_step (stmt) != SQLITE_DONE)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("The measure “%s” belongs to goal %u, which does not exist."),
                   measures_measure_get_title (measure), measures_measure_get_goal (measure));
      return FALSE;
    }

  return TRUE;
}

/* Writes one changed field of the sheet: @new_text as the history has it,
 * or what @measure holds where that is not text. */
static gboolean
sqlite_write_field (MeasuresStore    *store,
                    MeasuresMeasure  *measure,
                    const char       *field,
                    const char       *new_text,
                    GError          **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  static const struct {
    const char *field;
    const char *sql;
  } columns[] = {
    { "title", "UPDATE measures SET title = ?1, title_key = measures_sort_key (?1) WHERE id = ?2" },
    { "description", "UPDATE measures SET description = ? WHERE id = ?" },
    { "lead", "UPDATE measures SET lead = ? WHERE id = ?" },
    { "actors", "UPDATE measures SET actors = ? WHERE id = ?" },
    { "period", "UPDATE measures SET period = ? WHERE id = ?" },
    { "costs", "UPDATE measures SET costs = ? WHERE id = ?" },
  };
  gint64 id = measures_measure_get_id (measure);
  g_auto(GValue) value = G_VALUE_INIT;

  if (g_str_equal (field, "priority"))
    {
      g_value_init (&value, G_TYPE_INT64);
      g_value_set_int64 (&value, measures_measure_get_priority (measure));
      return update_column (self, "UPDATE measures SET priority = ? WHERE id = ?", id, &value,
                            error);
    }

  if (g_str_equal (field, "goal"))
    return move_to_goal (self, measure, error);

  if (g_str_equal (field, "objectives"))
    return replace_objectives (self, id, measures_measure_get_objectives (measure), error);

  /* Both lists of offices are written together. */
  if (g_str_has_suffix (field, "_offices"))
    return replace_links (self, id, measure, error);

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_str_equal (field, columns[i].field))
      {
        g_value_init (&value, G_TYPE_STRING);
        g_value_set_string (&value, new_text);
        return update_column (self, columns[i].sql, id, &value, error);
      }

  g_assert_not_reached ();
}

static gboolean
sqlite_write_removed (MeasuresStore  *store,
                      gint64          measure_id,
                      const char     *removed,
                      GError        **error)
{
  MeasuresSqliteStore *self = MEASURES_SQLITE_STORE (store);
  g_autoptr(CachedStatement) stmt = NULL;

  stmt = sql_prepare_cached (self, "UPDATE measures SET removed = ? WHERE id = ?", error);
  if (stmt == NULL)
    return FALSE;
  sql_bind_text (stmt, 1, removed);
  sqlite3_bind_int64 (stmt, 2, measure_id);
  return sql_step_done (self, stmt, error);
}

void
measures_sqlite_measures_init_class (MeasuresStoreClass *store_class)
{
  store_class->add_measure = sqlite_add_measure;
  store_class->load_measures = sqlite_load_measures;
  store_class->load_measures_by_id = sqlite_load_measures_by_id;
  store_class->list_summaries = sqlite_list_summaries;
  store_class->list_office_ids = sqlite_list_office_ids;
  store_class->list_ranks = sqlite_list_ranks;
  store_class->write_field = sqlite_write_field;
  store_class->write_removed = sqlite_write_removed;
}
