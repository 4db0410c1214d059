/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-pg"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-format.h"
#include "measures-measure-diff.h"
#include "measures-pg-private.h"

/* Measures: reading them in batches, adding, editing and removing them. */

static gboolean
replace_objectives (MeasuresPgStore     *self,
                    gint64               measure_id,
                    const char * const  *objectives,
                    GError             **error)
{
  g_auto(PgParams) clear = { NULL };
  g_auto(PgParams) insert = { NULL };

  pg_params_init (&clear);
  pg_params_int (&clear, measure_id);
  pg_params_init (&insert);
  pg_params_int (&insert, measure_id);
  pg_params_strv (&insert, objectives);

  return pg_send (self, "DELETE FROM objectives WHERE measure_id = $1::bigint", &clear,
                  NULL, NULL, NULL, FALSE, error) &&
         pg_send (self,
                  "INSERT INTO objectives (measure_id, position, text) "
                  "SELECT $1::bigint, ordinality - 1, text "
                  "FROM unnest ($2::text[]) WITH ORDINALITY AS o (text)",
                  &insert, NULL, NULL, NULL, FALSE, error);
}

/* What the answer to a link list's insert is checked against. */
typedef struct {
  char *title;
  GStrv names;
} LinkCheck;

static void
link_check_free (gpointer data)
{
  LinkCheck *check = data;

  g_free (check->title);
  g_strfreev (check->names);
  g_free (check);
}

/* An office missing from the directory gets no row: the first such one is
 * named. */
static gboolean
answer_links (MeasuresPgStore  *self,
              const PGresult   *result,
              gpointer          data,
              GError          **error)
{
  LinkCheck *check = data;
  g_autoptr(GHashTable) linked = NULL;

  if (!pg_result_ok (result))
    return pg_set_error (self, result, error);

  if ((guint)PQntuples (result) == g_strv_length (check->names))
    return TRUE;

  linked = g_hash_table_new (g_str_hash, g_str_equal);
  for (int row = 0; row < PQntuples (result); row++)
    g_hash_table_add (linked, (gpointer)pg_text (result, row, 0));
  for (guint i = 0; check->names[i] != NULL; i++)
    if (!g_hash_table_contains (linked, check->names[i]))
      {
        g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                     _("The measure “%s” names the office “%s”, which is not in the "
                       "office directory."),
                     check->title, check->names[i]);
        return FALSE;
      }

  return TRUE;
}

/* Both link lists in one statement; an office named twice or missing from
 * the directory is refused with the SQLite engine's messages, the missing
 * one when the answer comes, before the write commits. */
static gboolean
replace_links (MeasuresPgStore  *self,
               gint64            measure_id,
               MeasuresMeasure  *measure,
               GError          **error)
{
  const char * const *lead = measures_measure_get_lead_offices (measure);
  const char * const *involved = measures_measure_get_involved_offices (measure);
  const char *title = measures_measure_get_title (measure);
  g_autoptr(GStrvBuilder) names = g_strv_builder_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GString) roles = g_string_new ("{");
  g_auto(GStrv) all = NULL;
  g_auto(PgParams) clear = { NULL };
  g_auto(PgParams) insert = { NULL };
  LinkCheck *check;
  guint n = 0;

  for (guint role = 0; role < 2; role++)
    for (const char * const *a = role == MEASURES_ROLE_LEAD ? lead : involved; *a; a++)
      {
        if (!g_hash_table_add (seen, (gpointer)*a))
          {
            g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                         _("The measure “%s” names the office “%s” twice."), title, *a);
            return FALSE;
          }
        g_strv_builder_add (names, *a);
        g_string_append_printf (roles, "%s%u", n++ ? "," : "", role);
      }
  g_string_append_c (roles, '}');
  all = g_strv_builder_end (names);

  pg_params_init (&clear);
  pg_params_int (&clear, measure_id);
  if (!pg_send (self, "DELETE FROM measure_offices WHERE measure_id = $1::bigint", &clear,
                NULL, NULL, NULL, FALSE, error))
    return FALSE;

  pg_params_init (&insert);
  pg_params_int (&insert, measure_id);
  pg_params_strv (&insert, (const char * const *)all);
  pg_params_text (&insert, roles->str);
  check = g_new (LinkCheck, 1);
  check->title = g_strdup (title);
  check->names = g_steal_pointer (&all);
  return pg_send (self,
                  "INSERT INTO measure_offices (measure_id, office_id, role, position) "
                  "SELECT $1::bigint, o.id, a.role, a.ordinality - 1 "
                  "FROM unnest ($2::text[], $3::integer[]) WITH ORDINALITY"
                  "     AS a (abbreviation, role, ordinality) "
                  "JOIN offices o ON o.abbreviation = a.abbreviation "
                  "RETURNING (SELECT abbreviation FROM offices WHERE id = office_id)",
                  &insert, answer_links, check, link_check_free, TRUE, error);
}

/* The next free position at the end of a goal's measures. */
static gboolean
next_position (MeasuresPgStore  *self,
               guint             goal,
               guint            *position,
               GError          **error)
{
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  pg_params_init (&params);
  pg_params_int (&params, goal);
  result = pg_query (self,
                     "SELECT coalesce (max (m.position), 0) + 1 FROM measures m "
                     "JOIN goals g ON g.id = m.goal_id WHERE g.number = $1::integer",
                     &params, error);
  if (result == NULL)
    return FALSE;

  *position = (guint)pg_int (result, 0, 0);
  return TRUE;
}

static void
set_goal_missing_error (MeasuresMeasure  *measure,
                        GError          **error)
{
  g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
               _("The measure “%s” belongs to goal %u, which does not exist."),
               measures_measure_get_title (measure), measures_measure_get_goal (measure));
}

static gint64
pg_add_measure (MeasuresStore    *store,
                MeasuresMeasure  *measure,
                GError          **error)
{
  MeasuresPgStore *self = MEASURES_PG_STORE (store);
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  g_autofree char *title_key = measures_sort_key (measures_measure_get_title (measure));
  gint64 measure_id;
  guint position;
  gint64 revision;

  /* Another window learns of the new measure by its revision. */
  if (!measures_pg_next_revision (self, &revision, error))
    return 0;

  position = measures_measure_get_position (measure);
  if (position == 0 && !next_position (self, measures_measure_get_goal (measure), &position, error))
    return 0;

  pg_params_init (&params);
  pg_params_int (&params, position);
  pg_params_text (&params, measures_measure_get_title (measure));
  pg_params_text (&params, measures_measure_get_description (measure));
  pg_params_text (&params, measures_measure_get_lead (measure));
  pg_params_text (&params, measures_measure_get_actors (measure));
  pg_params_int (&params, measures_measure_get_priority (measure));
  pg_params_text (&params, measures_measure_get_period (measure));
  pg_params_text (&params, measures_measure_get_costs (measure));
  pg_params_text (&params, measures_measure_get_overview_title (measure));
  pg_params_text (&params, measures_measure_get_overview_lead (measure));
  pg_params_int (&params, measures_measure_get_status (measure));
  pg_params_bool (&params, measures_measure_get_status_derived (measure));
  pg_params_int (&params, measures_measure_get_progress (measure));
  pg_params_text (&params, measures_measure_get_updated (measure));
  pg_params_text (&params, measures_measure_get_removed (measure));
  pg_params_int (&params, measures_measure_get_goal (measure));
  pg_params_int (&params, measures_measure_get_id (measure));
  pg_params_int (&params, revision);
  pg_params_text (&params, title_key);

  /* Ids as SQLite gives rowids: the one asked for, or the largest plus one
   * (writers hold the writers' lock). */
  result = pg_query (self,
                     "INSERT INTO measures (goal_id, position, title, description, lead, actors,"
                     "                      priority, period, costs, overview_title, overview_lead,"
                     "                      status, status_derived, progress, updated, removed, id,"
                     "                      title_key, revision, sheet_revision, state_revision) "
                     "SELECT g.id, $1::integer, $2::text, $3::text, $4::text, $5::text,"
                     "       $6::integer, $7::text, $8::text, $9::text, $10::text, $11::integer,"
                     "       $12::boolean, $13::integer, $14::text, $15::text,"
                     "       coalesce (nullif ($17::bigint, 0),"
                     "                 (SELECT coalesce (max (id), 0) + 1 FROM measures)),"
                     "       $19::text, $18::bigint, $18::bigint, $18::bigint "
                     "FROM goals g WHERE g.number = $16::integer "
                     "RETURNING id",
                     &params, error);
  if (result == NULL)
    return 0;

  if (PQntuples (result) == 0)
    {
      set_goal_missing_error (measure, error);
      return 0;
    }

  measure_id = pg_int (result, 0, 0);

  if (!replace_objectives (self, measure_id, measures_measure_get_objectives (measure), error) ||
      !replace_links (self, measure_id, measure, error) ||
      !measures_pg_refresh_search (self, measure_id, error))
    return 0;

  return measure_id;
}

/* Collects rows of (measure_id, text[, role]) into one string list per
 * measure, in tables[role] (or tables[0] when the query has no role). */
static void
collect_by_measure (const PGresult  *result,
                    GHashTable     **tables,
                    guint            n_tables)
{
  for (int row = 0; row < PQntuples (result); row++)
    {
      gint64 measure_id = pg_int (result, row, 0);
      guint role = n_tables > 1 ? (guint)pg_int (result, row, 2) : 0;
      GHashTable *by_measure = tables[MIN (role, n_tables - 1)];
      GStrvBuilder *list = g_hash_table_lookup (by_measure, &measure_id);

      if (list == NULL)
        {
          list = g_strv_builder_new ();
          g_hash_table_insert (by_measure, g_memdup2 (&measure_id, sizeof measure_id), list);
        }

      g_strv_builder_add (list, pg_text (result, row, 1));
    }
}

static GHashTable *
new_measure_table (void)
{
  return g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                (GDestroyNotify)g_strv_builder_unref);
}

static GStrv
lookup_strv (GHashTable *table,
             gint64      measure_id)
{
  GStrvBuilder *list = g_hash_table_lookup (table, &measure_id);

  return list ? g_strv_builder_end (list) : g_new0 (char *, 1);
}

/* Where an answer of (measure_id, text[, role]) rows goes. */
typedef struct {
  GHashTable **tables;
  guint n_tables;
} Collect;

static gboolean
answer_collect (MeasuresPgStore  *self,
                const PGresult   *result,
                gpointer          data,
                GError          **error)
{
  Collect *collect = data;

  if (!pg_result_ok (result))
    return pg_set_error (self, result, error);

  collect_by_measure (result, collect->tables, collect->n_tables);
  return TRUE;
}

/* A copy of @from for pg_send (), which takes its parameters over. */
static PgParams *
copy_params (PgParams *from,
             PgParams *to)
{
  if (from != NULL)
    to->values = g_ptr_array_copy (from->values, (GCopyFunc)(void (*) (void))g_strdup, NULL);
  return to;
}

typedef enum {
  LOAD_PRESENT,
  LOAD_REMOVED,
  LOAD_IDS,
} LoadWhich;

/* Reads measures with their objectives and offices, in three queries
 * whatever their number. The conditions are fixed SQL; the only parameter
 * is the array of ids for LOAD_IDS. */
static GPtrArray *
load_measures (MeasuresPgStore  *self,
               LoadWhich         which,
               const gint64     *ids,
               guint             n_ids,
               GError          **error)
{
  static const char * const objectives_sql[] = {
    [LOAD_PRESENT] = "SELECT measure_id, text FROM objectives ORDER BY measure_id, position",
    [LOAD_REMOVED] = "SELECT measure_id, text FROM objectives ORDER BY measure_id, position",
    [LOAD_IDS] = "SELECT measure_id, text FROM objectives WHERE measure_id = ANY ($1::bigint[]) "
                 "ORDER BY measure_id, position",
  };
  static const char * const offices_sql[] = {
    [LOAD_PRESENT] = "SELECT l.measure_id, o.abbreviation, l.role FROM measure_offices l "
                     "JOIN offices o ON o.id = l.office_id ORDER BY l.measure_id, l.position",
    [LOAD_REMOVED] = "SELECT l.measure_id, o.abbreviation, l.role FROM measure_offices l "
                     "JOIN offices o ON o.id = l.office_id ORDER BY l.measure_id, l.position",
    [LOAD_IDS] = "SELECT l.measure_id, o.abbreviation, l.role FROM measure_offices l "
                 "JOIN offices o ON o.id = l.office_id WHERE l.measure_id = ANY ($1::bigint[]) "
                 "ORDER BY l.measure_id, l.position",
  };
#define MEASURE_COLUMNS \
  "SELECT m.id, g.number, m.position, m.title, m.description, m.lead," \
  "       m.actors, m.priority, m.period, m.costs, m.overview_title," \
  "       m.overview_lead, m.status, m.status_derived, m.progress," \
  "       m.updated, m.removed, m.revision " \
  "FROM measures m JOIN goals g ON g.id = m.goal_id "
  static const char * const measures_sql[] = {
    [LOAD_PRESENT] = MEASURE_COLUMNS "WHERE m.removed IS NULL ORDER BY g.number, m.position, m.id",
    [LOAD_REMOVED] = MEASURE_COLUMNS "WHERE m.removed IS NOT NULL "
                     "ORDER BY g.number, m.position, m.id",
    [LOAD_IDS] = MEASURE_COLUMNS "WHERE m.id = ANY ($1::bigint[])",
  };
#undef MEASURE_COLUMNS
  g_auto(PgParams) params = { NULL };
  PgParams *bound = which == LOAD_IDS ? &params : NULL;
  g_autoptr(PGresult) rows = NULL;
  g_auto(PgParams) objectives_params = { NULL };
  g_auto(PgParams) offices_params = { NULL };
  Collect objectives_query, offices_query;
  g_autoptr(GHashTable) objectives = new_measure_table ();
  g_autoptr(GHashTable) lead = new_measure_table ();
  g_autoptr(GHashTable) involved = new_measure_table ();
  GHashTable *by_role[] = { [MEASURES_ROLE_LEAD] = lead, [MEASURES_ROLE_INVOLVED] = involved };
  g_autoptr(GPtrArray) measures = g_ptr_array_new_with_free_func (g_object_unref);

  pg_params_init (&params);
  pg_params_ids (&params, ids, n_ids);

  /* The three in one pipeline: one round trip. */
  objectives_query.tables = &objectives;
  objectives_query.n_tables = 1;
  offices_query.tables = by_role;
  offices_query.n_tables = G_N_ELEMENTS (by_role);
  if (!pg_send (self, objectives_sql[which], copy_params (bound, &objectives_params),
                answer_collect, &objectives_query, NULL, FALSE, error) ||
      !pg_send (self, offices_sql[which], copy_params (bound, &offices_params), answer_collect,
                &offices_query, NULL, FALSE, error))
    return NULL;

  rows = pg_query (self, measures_sql[which], bound, error);
  if (rows == NULL)
    return NULL;

  for (int row = 0; row < PQntuples (rows); row++)
    {
      gint64 measure_id = pg_int (rows, row, 0);
      gint64 priority = pg_int (rows, row, 7);
      gint64 status = pg_int (rows, row, 12);
      g_auto(GStrv) objective_list = lookup_strv (objectives, measure_id);
      g_auto(GStrv) lead_list = lookup_strv (lead, measure_id);
      g_auto(GStrv) involved_list = lookup_strv (involved, measure_id);
      MeasuresMeasure *measure;

      measure = g_object_new (MEASURES_TYPE_MEASURE,
                              "id", measure_id,
                              "goal", (guint)pg_int (rows, row, 1),
                              "position", (guint)MAX (pg_int (rows, row, 2), 0),
                              "title", pg_text (rows, row, 3),
                              "description", pg_text (rows, row, 4),
                              "lead", pg_text (rows, row, 5),
                              "actors", pg_text (rows, row, 6),
                              "priority", (int)CLAMP (priority, 0, MEASURES_N_PRIORITIES - 1),
                              "period", pg_text (rows, row, 8),
                              "costs", pg_text (rows, row, 9),
                              "overview-title", pg_text (rows, row, 10),
                              "overview-lead", pg_text (rows, row, 11),
                              "status", (int)CLAMP (status, 0, MEASURES_N_STATUSES - 1),
                              "status-derived", pg_bool (rows, row, 13),
                              "progress", (guint)CLAMP (pg_int (rows, row, 14), 0, 100),
                              "updated", pg_text_or_null (rows, row, 15),
                              "removed", pg_text_or_null (rows, row, 16),
                              "revision", MAX (pg_int (rows, row, 17), 0),
                              "objectives", objective_list,
                              "lead-offices", lead_list,
                              "involved-offices", involved_list,
                              NULL);
      g_ptr_array_add (measures, measure);
    }

  return g_steal_pointer (&measures);
}

static GPtrArray *
pg_load_measures (MeasuresStore  *store,
                  gboolean        removed,
                  GError        **error)
{
  return load_measures (MEASURES_PG_STORE (store), removed ? LOAD_REMOVED : LOAD_PRESENT,
                        NULL, 0, error);
}

static GPtrArray *
pg_load_measures_by_id (MeasuresStore  *store,
                        const gint64   *ids,
                        guint           n_ids,
                        GError        **error)
{
  return load_measures (MEASURES_PG_STORE (store), LOAD_IDS, ids, n_ids, error);
}

static gboolean
pg_list_summaries (MeasuresStore  *store,
                   const char     *office,
                   int             role,
                   gint64          id,
                   GArray        **summaries,
                   GError        **error)
{
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (MeasuresSummary));

  pg_params_init (&params);
  pg_params_int (&params, id);
  pg_params_text (&params, office);
  pg_params_int (&params, role);

  result = pg_query (MEASURES_PG_STORE (store),
                     "SELECT m.id, g.number, m.position, m.priority, m.status, m.progress "
                     "FROM measures m JOIN goals g ON g.id = m.goal_id "
                     "WHERE m.removed IS NULL AND ($1::bigint = 0 OR m.id = $1::bigint) AND"
                     "      ($2::text IS NULL OR m.id IN (SELECT l.measure_id"
                     "                                    FROM measure_offices l"
                     "                                    JOIN offices o ON o.id = l.office_id"
                     "                                    WHERE o.abbreviation = $2::text"
                     "                                      AND ($3::integer < 0"
                     "                                           OR l.role = $3::integer))) "
                     "ORDER BY g.number, m.position, m.id",
                     &params, error);
  if (result == NULL)
    return FALSE;

  for (int row = 0; row < PQntuples (result); row++)
    {
      MeasuresSummary summary = {
        .id = pg_int (result, row, 0),
        .goal = CLAMP (pg_int (result, row, 1), 0, G_MAXUINT16),
        .position = MAX (pg_int (result, row, 2), 0),
        .priority = CLAMP (pg_int (result, row, 3), 0, MEASURES_N_PRIORITIES - 1),
        .status = CLAMP (pg_int (result, row, 4), 0, MEASURES_N_STATUSES - 1),
        .progress = CLAMP (pg_int (result, row, 5), 0, 100),
      };

      g_array_append_val (list, summary);
    }

  *summaries = g_steal_pointer (&list);
  return TRUE;
}

static gboolean
pg_list_office_ids (MeasuresStore  *store,
                    const char     *abbreviation,
                    GArray        **ids,
                    GError        **error)
{
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  pg_params_init (&params);
  pg_params_text (&params, abbreviation);
  result = pg_query (MEASURES_PG_STORE (store),
                     "SELECT l.measure_id FROM measure_offices l "
                     "JOIN offices o ON o.id = l.office_id "
                     "WHERE o.abbreviation = $1::text ORDER BY l.measure_id",
                     &params, error);
  if (result == NULL)
    return FALSE;

  *ids = pg_collect_ids (result);
  return TRUE;
}

static gboolean
pg_list_ranks (MeasuresStore  *store,
               MeasuresOrder   order,
               GArray        **ranks,
               GError        **error)
{
  /* Byte order of the keys, as SQLite compares them; never updated last. */
  static const char * const queries[] = {
    [MEASURES_ORDER_TITLE] = "SELECT id, title_key FROM measures ORDER BY title_key COLLATE \"C\"",
    [MEASURES_ORDER_UPDATED] = "SELECT id, updated FROM measures "
                               "ORDER BY updated COLLATE \"C\" DESC NULLS LAST",
  };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (MeasuresRank));
  const char *last_key = NULL;
  guint32 rank = 0;

  result = pg_query (MEASURES_PG_STORE (store), queries[order], NULL, error);
  if (result == NULL)
    return FALSE;

  for (int row = 0; row < PQntuples (result); row++)
    {
      const char *key = pg_text (result, row, 1);
      MeasuresRank entry;

      if (last_key == NULL || !g_str_equal (key, last_key))
        {
          rank = list->len;
          last_key = key;
        }
      entry.id = pg_int (result, row, 0);
      entry.rank = rank;
      g_array_append_val (list, entry);
    }

  *ranks = g_steal_pointer (&list);
  return TRUE;
}

/* Writing with history ------------------------------------------------------ */

typedef struct {
  char *title;
  guint goal;
} GoalCheck;

static void
goal_check_free (gpointer data)
{
  GoalCheck *check = data;

  g_free (check->title);
  g_free (check);
}

static gboolean
answer_move (MeasuresPgStore  *self,
             const PGresult   *result,
             gpointer          data,
             GError          **error)
{
  GoalCheck *check = data;

  if (!pg_result_ok (result))
    return pg_set_error (self, result, error);

  if (g_ascii_strtoll (PQcmdTuples ((PGresult *)result), NULL, 10) == 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("The measure “%s” belongs to goal %u, which does not exist."),
                   check->title, check->goal);
      return FALSE;
    }

  return TRUE;
}

/* To the end of its new goal; a goal that does not exist refuses the write
 * when the answer comes, before it commits. */
static gboolean
move_to_goal (MeasuresPgStore  *self,
              MeasuresMeasure  *measure,
              GError          **error)
{
  g_auto(PgParams) params = { NULL };
  GoalCheck *check = g_new (GoalCheck, 1);

  check->title = g_strdup (measures_measure_get_title (measure));
  check->goal = measures_measure_get_goal (measure);
  pg_params_init (&params);
  pg_params_int (&params, measures_measure_get_goal (measure));
  pg_params_int (&params, measures_measure_get_id (measure));
  return pg_send (self,
                  "UPDATE measures SET goal_id = g.id,"
                  "  position = (SELECT coalesce (max (m.position), 0) + 1 FROM measures m"
                  "              WHERE m.goal_id = g.id) "
                  "FROM goals g WHERE g.number = $1::integer AND measures.id = $2::bigint",
                  &params, answer_move, check, goal_check_free, TRUE, error);
}

/* Writes one changed field of the sheet: @new_text as the history has it,
 * or what @measure holds where that is not text. */
static gboolean
pg_write_field (MeasuresStore    *store,
                MeasuresMeasure  *measure,
                const char       *field,
                const char       *new_text,
                GError          **error)
{
  MeasuresPgStore *self = MEASURES_PG_STORE (store);
  static const struct {
    const char *field;
    const char *sql;
  } columns[] = {
    { "description", "UPDATE measures SET description = $1::text WHERE id = $2::bigint" },
    { "lead", "UPDATE measures SET lead = $1::text WHERE id = $2::bigint" },
    { "actors", "UPDATE measures SET actors = $1::text WHERE id = $2::bigint" },
    { "period", "UPDATE measures SET period = $1::text WHERE id = $2::bigint" },
    { "costs", "UPDATE measures SET costs = $1::text WHERE id = $2::bigint" },
  };
  gint64 id = measures_measure_get_id (measure);
  g_auto(PgParams) params = { NULL };

  if (g_str_equal (field, "goal"))
    return move_to_goal (self, measure, error);

  if (g_str_equal (field, "objectives"))
    return replace_objectives (self, id, measures_measure_get_objectives (measure), error);

  /* Both lists of offices are written together. */
  if (g_str_has_suffix (field, "_offices"))
    return replace_links (self, id, measure, error);

  pg_params_init (&params);

  if (g_str_equal (field, "priority"))
    {
      pg_params_int (&params, measures_measure_get_priority (measure));
      pg_params_int (&params, id);
      return pg_send (self, "UPDATE measures SET priority = $1::integer WHERE id = $2::bigint",
                      &params, NULL, NULL, NULL, FALSE, error);
    }

  if (g_str_equal (field, "title"))
    {
      g_autofree char *key = measures_sort_key (new_text);

      pg_params_text (&params, new_text);
      pg_params_int (&params, id);
      pg_params_text (&params, key);
      return pg_send (self,
                      "UPDATE measures SET title = $1::text, title_key = $3::text "
                      "WHERE id = $2::bigint",
                      &params, NULL, NULL, NULL, FALSE, error);
    }

  for (guint i = 0; i < G_N_ELEMENTS (columns); i++)
    if (g_str_equal (field, columns[i].field))
      {
        pg_params_text (&params, new_text);
        pg_params_int (&params, id);
        return pg_send (self, columns[i].sql, &params, NULL, NULL, NULL, FALSE, error);
      }

  g_assert_not_reached ();
}

static gboolean
pg_write_removed (MeasuresStore  *store,
                  gint64          measure_id,
                  const char     *removed,
                  GError        **error)
{
  g_auto(PgParams) params = { NULL };

  pg_params_init (&params);
  pg_params_text (&params, removed);
  pg_params_int (&params, measure_id);
  return pg_send (MEASURES_PG_STORE (store),
                  "UPDATE measures SET removed = $1::text WHERE id = $2::bigint",
                  &params, NULL, NULL, NULL, FALSE, error);
}

void
measures_pg_measures_init_class (MeasuresStoreClass *store_class)
{
  store_class->add_measure = pg_add_measure;
  store_class->load_measures = pg_load_measures;
  store_class->load_measures_by_id = pg_load_measures_by_id;
  store_class->list_summaries = pg_list_summaries;
  store_class->list_office_ids = pg_list_office_ids;
  store_class->list_ranks = pg_list_ranks;
  store_class->write_field = pg_write_field;
  store_class->write_removed = pg_write_removed;
}
