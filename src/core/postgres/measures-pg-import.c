/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-pg"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-format.h"
#include "measures-pg-private.h"

/* Imports: a batch of measures with their logs and histories in a few
 * statements, each table's rows sent as arrays and unnested by the server,
 * rather than some twenty round trips a measure. What ends up in the
 * database is what add_measure, insert_log_entry and record_history write
 * row by row: ids as asked for or the largest plus one, the strategy's
 * next revisions in order, positions at the end of their goals, the search
 * text; the log's and the history's rows in the order given, through the
 * same triggers and row-level security. The checks that need an answer
 * (goals, offices) read the directory once, before anything is sent. */

/* One column of many rows, as text. */
typedef GPtrArray Column;

static Column *
column_new (guint size)
{
  return g_ptr_array_new_full (size, g_free);
}

static void
column_int (Column *column,
            gint64  value)
{
  g_ptr_array_add (column, g_strdup_printf ("%" G_GINT64_FORMAT, value));
}

static void
column_text (Column     *column,
             const char *text)
{
  g_ptr_array_add (column, g_strdup (text));
}

static void
column_bool (Column   *column,
             gboolean  value)
{
  g_ptr_array_add (column, g_strdup (value ? "t" : "f"));
}

/* Binds the columns as arrays, $1 … $n, and frees them. */
static void
bind_columns (PgParams *params,
              Column  **columns,
              guint     n_columns)
{
  pg_params_init (params);
  for (guint i = 0; i < n_columns; i++)
    {
      pg_params_array (params, (const char * const *)columns[i]->pdata, columns[i]->len);
      g_clear_pointer (&columns[i], g_ptr_array_unref);
    }
}

/* What the directory holds, read once per batch. */
typedef struct {
  GHashTable *last_position;   /* goal number → its largest position */
  GHashTable *offices;         /* abbreviation → Office */
} Directory;

typedef struct {
  gint64 id;
  char *words;                 /* what the search text holds of it */
} Office;

static void
office_free (gpointer data)
{
  Office *office = data;

  g_free (office->words);
  g_free (office);
}

static gboolean
answer_goals (MeasuresPgStore  *self,
              const PGresult   *result,
              gpointer          data,
              GError          **error)
{
  Directory *directory = data;

  if (!pg_result_ok (result))
    return pg_set_error (self, result, error);

  for (int row = 0; row < PQntuples (result); row++)
    g_hash_table_insert (directory->last_position, GUINT_TO_POINTER (pg_int (result, row, 0)),
                         GUINT_TO_POINTER (pg_int (result, row, 1)));
  return TRUE;
}

static gboolean
answer_offices (MeasuresPgStore  *self,
                const PGresult   *result,
                gpointer          data,
                GError          **error)
{
  Directory *directory = data;

  if (!pg_result_ok (result))
    return pg_set_error (self, result, error);

  for (int row = 0; row < PQntuples (result); row++)
    {
      Office *office = g_new (Office, 1);

      office->id = pg_int (result, row, 1);
      office->words = g_strdup_printf ("%s %s", pg_text (result, row, 0),
                                       pg_text (result, row, 2));
      g_hash_table_insert (directory->offices, g_strdup (pg_text (result, row, 0)), office);
    }
  return TRUE;
}

static int
compare_office_ids (gconstpointer a,
                    gconstpointer b)
{
  const Office *office_a = *(const Office * const *)a;
  const Office *office_b = *(const Office * const *)b;

  return (office_a->id > office_b->id) - (office_a->id < office_b->id);
}

/* The measure's offices, checked as replace_links () checks them, into the
 * link columns; their words for the search text into @words, in the order
 * of their ids, as the server reads them back to make it. */
static gboolean
add_links (MeasuresMeasure  *measure,
           gint64            measure_id,
           Directory        *directory,
           Column          **links,
           GString          *words,
           GError          **error)
{
  g_autoptr(GPtrArray) linked = g_ptr_array_new ();
  const char *title = measures_measure_get_title (measure);
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) roles = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint role = 0; role < 2; role++)
    for (const char * const *a = role == MEASURES_ROLE_LEAD
                                 ? measures_measure_get_lead_offices (measure)
                                 : measures_measure_get_involved_offices (measure);
         *a; a++)
      {
        if (!g_hash_table_add (seen, (gpointer)*a))
          {
            g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                         _("The measure “%s” names the office “%s” twice."), title, *a);
            return FALSE;
          }
        g_ptr_array_add (names, (gpointer)*a);
        g_array_append_val (roles, role);
      }

  for (guint i = 0; i < names->len; i++)
    if (!g_hash_table_contains (directory->offices, g_ptr_array_index (names, i)))
      {
        g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                     _("The measure “%s” names the office “%s”, which is not in the "
                       "office directory."),
                     title, (const char *)g_ptr_array_index (names, i));
        return FALSE;
      }

  for (guint i = 0; i < names->len; i++)
    {
      column_int (links[0], measure_id);
      column_text (links[1], g_ptr_array_index (names, i));
      column_int (links[2], g_array_index (roles, guint, i));
      column_int (links[3], i);
      g_ptr_array_add (linked, g_hash_table_lookup (directory->offices,
                                                    g_ptr_array_index (names, i)));
    }

  g_ptr_array_sort (linked, compare_office_ids);
  for (guint i = 0; i < linked->len; i++)
    {
      if (i > 0)
        g_string_append_c (words, ' ');
      g_string_append (words, ((Office *)g_ptr_array_index (linked, i))->words);
    }

  return TRUE;
}

static gboolean
pg_add_measures (MeasuresStore                *store,
                 const MeasuresMeasureImport  *measures,
                 guint                         n_measures,
                 gint64                       *ids,
                 GError                      **error)
{
  MeasuresPgStore *self = MEASURES_PG_STORE (store);
  g_autoptr(GHashTable) last_position = g_hash_table_new (NULL, NULL);
  g_autoptr(GHashTable) offices = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                         office_free);
  Directory directory = { last_position, offices };
  g_autoptr(PGresult) next = NULL;
  g_auto(PgParams) measure_params = { NULL };
  g_auto(PgParams) objective_params = { NULL };
  g_auto(PgParams) link_params = { NULL };
  g_auto(PgParams) log_params = { NULL };
  g_auto(PgParams) history_params = { NULL };
  Column *columns[20];
  Column *objectives[3];
  Column *links[4];
  Column *log[8];
  Column *history[6];
  g_autoptr(GString) search = g_string_new (NULL);
  g_autoptr(GString) words = g_string_new (NULL);
  gint64 next_id, revision;

  if (n_measures == 0)
    return TRUE;

  /* The directory and where ids and revisions go on, in one round trip. */
  if (!pg_send (self,
                "SELECT g.number, coalesce (max (m.position), 0) FROM goals g "
                "LEFT JOIN measures m ON m.goal_id = g.id GROUP BY g.number",
                NULL, answer_goals, &directory, NULL, FALSE, error) ||
      !pg_send (self, "SELECT abbreviation, id, name FROM offices", NULL, answer_offices,
                &directory, NULL, FALSE, error))
    return FALSE;
  next = pg_query (self,
                   "SELECT (SELECT coalesce (max (id), 0) + 1 FROM measures),"
                   "       greatest ((SELECT coalesce (max (revision), 0) FROM measures),"
                   "                 (SELECT coalesce (max (revision), 0) FROM indicators)) + 1",
                   NULL, error);
  if (next == NULL)
    return FALSE;
  next_id = pg_int (next, 0, 0);
  revision = pg_int (next, 0, 1);

  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    columns[c] = column_new (n_measures);
  for (guint c = 0; c < G_N_ELEMENTS (objectives); c++)
    objectives[c] = column_new (n_measures);
  for (guint c = 0; c < G_N_ELEMENTS (links); c++)
    links[c] = column_new (n_measures);
  for (guint c = 0; c < G_N_ELEMENTS (log); c++)
    log[c] = column_new (n_measures);
  for (guint c = 0; c < G_N_ELEMENTS (history); c++)
    history[c] = column_new (n_measures);

  for (guint i = 0; i < n_measures; i++)
    {
      MeasuresMeasure *measure = measures[i].measure;
      guint goal = measures_measure_get_goal (measure);
      guint position = measures_measure_get_position (measure);
      const char * const *objective_list = measures_measure_get_objectives (measure);
      g_autofree char *title_key = measures_sort_key (measures_measure_get_title (measure));
      gpointer last;

      if (!g_hash_table_lookup_extended (last_position, GUINT_TO_POINTER (goal), NULL, &last))
        {
          g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                       _("The measure “%s” belongs to goal %u, which does not exist."),
                       measures_measure_get_title (measure), goal);
          goto failed;
        }
      if (position == 0)
        position = GPOINTER_TO_UINT (last) + 1;
      g_hash_table_insert (last_position, GUINT_TO_POINTER (goal),
                           GUINT_TO_POINTER (MAX (position, GPOINTER_TO_UINT (last))));

      ids[i] = measures_measure_get_id (measure) != 0 ? measures_measure_get_id (measure)
                                                      : next_id;
      next_id = MAX (next_id, ids[i] + 1);

      column_int (columns[0], goal);
      column_int (columns[1], position);
      column_text (columns[2], measures_measure_get_title (measure));
      column_text (columns[3], measures_measure_get_description (measure));
      column_text (columns[4], measures_measure_get_lead (measure));
      column_text (columns[5], measures_measure_get_actors (measure));
      column_int (columns[6], measures_measure_get_priority (measure));
      column_text (columns[7], measures_measure_get_period (measure));
      column_text (columns[8], measures_measure_get_costs (measure));
      column_text (columns[9], measures_measure_get_overview_title (measure));
      column_text (columns[10], measures_measure_get_overview_lead (measure));
      column_int (columns[11], measures_measure_get_status (measure));
      column_bool (columns[12], measures_measure_get_status_derived (measure));
      column_int (columns[13], measures_measure_get_progress (measure));
      column_text (columns[14], measures_measure_get_updated (measure));
      column_text (columns[15], measures_measure_get_removed (measure));
      column_int (columns[16], ids[i]);
      column_text (columns[17], title_key);
      column_int (columns[18], revision + i);

      for (guint o = 0; objective_list[o] != NULL; o++)
        {
          column_int (objectives[0], ids[i]);
          column_int (objectives[1], o);
          column_text (objectives[2], objective_list[o]);
        }

      /* The search text, as measures_pg_refresh_search () makes it. */
      g_string_truncate (search, 0);
      g_string_append_printf (search, "%s %s", measures_measure_get_title (measure),
                              measures_measure_get_description (measure));
      if (objective_list[0] != NULL)
        g_string_append_c (search, ' ');
      for (guint o = 0; objective_list[o] != NULL; o++)
        g_string_append_printf (search, "%s%s", o ? " " : "", objective_list[o]);
      g_string_append_printf (search, " %s %s", measures_measure_get_lead (measure),
                              measures_measure_get_actors (measure));
      g_string_truncate (words, 0);
      if (!add_links (measure, ids[i], &directory, links, words, error))
        goto failed;
      if (words->len > 0)
        g_string_append_printf (search, " %s", words->str);
      g_string_append_printf (search, " %s", measures_measure_get_period (measure));
      if (measures_measure_get_costs (measure) != NULL)
        g_string_append_printf (search, " %s", measures_measure_get_costs (measure));
      column_text (columns[19], search->str);

      for (guint j = 0; measures[i].log != NULL && j < measures[i].log->len; j++)
        {
          MeasuresLogEntry *entry = g_ptr_array_index (measures[i].log, j);

          column_int (log[0], ids[i]);
          column_text (log[1], measures_log_entry_get_date (entry));
          column_text (log[2], measures_log_entry_get_author (entry));
          column_int (log[3], measures_log_entry_get_status (entry));
          column_int (log[4], measures_log_entry_get_progress (entry));
          column_text (log[5], measures_log_entry_get_text (entry));
          column_text (log[6], measures_log_entry_get_withdrawn (entry));
          column_text (log[7], measures_log_entry_get_reported_for (entry));
        }

      for (guint j = 0; measures[i].history != NULL && j < measures[i].history->len; j++)
        {
          MeasuresChange *change = g_ptr_array_index (measures[i].history, j);

          column_int (history[0], ids[i]);
          column_text (history[1], measures_change_get_date (change));
          column_text (history[2], measures_change_get_author (change));
          column_text (history[3], measures_change_get_field (change));
          column_text (history[4], measures_change_get_old_value (change));
          column_text (history[5], measures_change_get_new_value (change));
        }
    }

  /* Each table in one statement. Nothing waits for them: they go with the
   * next statement that waits, or the commit. */
  bind_columns (&measure_params, columns, G_N_ELEMENTS (columns));
  bind_columns (&objective_params, objectives, G_N_ELEMENTS (objectives));
  bind_columns (&link_params, links, G_N_ELEMENTS (links));
  bind_columns (&log_params, log, G_N_ELEMENTS (log));
  bind_columns (&history_params, history, G_N_ELEMENTS (history));

  return pg_send (self,
                  "INSERT INTO measures (goal_id, position, title, description, lead, actors,"
                  "                      priority, period, costs, overview_title, overview_lead,"
                  "                      status, status_derived, progress, updated, removed, id,"
                  "                      title_key, revision, sheet_revision, state_revision,"
                  "                      search) "
                  "SELECT g.id, u.position, u.title, u.description, u.lead, u.actors,"
                  "       u.priority, u.period, u.costs, u.overview_title, u.overview_lead,"
                  "       u.status, u.status_derived, u.progress, u.updated, u.removed, u.id,"
                  "       u.title_key, u.revision, u.revision, u.revision,"
                  "       to_tsvector ('measures.search', u.search) "
                  "FROM unnest ($1::integer[], $2::integer[], $3::text[], $4::text[], $5::text[],"
                  "             $6::text[], $7::integer[], $8::text[], $9::text[], $10::text[],"
                  "             $11::text[], $12::integer[], $13::boolean[], $14::integer[],"
                  "             $15::text[], $16::text[], $17::bigint[], $18::text[],"
                  "             $19::bigint[], $20::text[]) WITH ORDINALITY"
                  "     AS u (goal, position, title, description, lead, actors, priority, period,"
                  "           costs, overview_title, overview_lead, status, status_derived,"
                  "           progress, updated, removed, id, title_key, revision, search,"
                  "           ordinality) "
                  "JOIN goals g ON g.number = u.goal "
                  "ORDER BY u.ordinality",
                  &measure_params, NULL, NULL, NULL, FALSE, error) &&
         pg_send (self,
                  "INSERT INTO objectives (measure_id, position, text) "
                  "SELECT * FROM unnest ($1::bigint[], $2::integer[], $3::text[])",
                  &objective_params, NULL, NULL, NULL, FALSE, error) &&
         pg_send (self,
                  "INSERT INTO measure_offices (measure_id, office_id, role, position) "
                  "SELECT u.measure_id, o.id, u.role, u.position "
                  "FROM unnest ($1::bigint[], $2::text[], $3::integer[], $4::integer[])"
                  "     AS u (measure_id, abbreviation, role, position) "
                  "JOIN offices o ON o.abbreviation = u.abbreviation",
                  &link_params, NULL, NULL, NULL, FALSE, error) &&
         pg_send (self,
                  "INSERT INTO log_entries (measure_id, date, author, status, progress, text,"
                  "                         withdrawn, reported_for) "
                  "SELECT u.measure_id, u.date, u.author, u.status, u.progress, u.text,"
                  "       u.withdrawn, u.reported_for "
                  "FROM unnest ($1::bigint[], $2::text[], $3::text[], $4::integer[],"
                  "             $5::integer[], $6::text[], $7::text[], $8::text[]) WITH ORDINALITY"
                  "     AS u (measure_id, date, author, status, progress, text, withdrawn,"
                  "           reported_for, ordinality) "
                  "ORDER BY u.ordinality",
                  &log_params, NULL, NULL, NULL, FALSE, error) &&
         pg_send (self,
                  "INSERT INTO history (measure_id, date, author, field, old_value, new_value) "
                  "SELECT u.measure_id, u.date, u.author, u.field, u.old_value, u.new_value "
                  "FROM unnest ($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[],"
                  "             $6::text[]) WITH ORDINALITY"
                  "     AS u (measure_id, date, author, field, old_value, new_value,"
                  "           ordinality) "
                  "ORDER BY u.ordinality",
                  &history_params, NULL, NULL, NULL, FALSE, error);

failed:
  for (guint c = 0; c < G_N_ELEMENTS (columns); c++)
    g_clear_pointer (&columns[c], g_ptr_array_unref);
  for (guint c = 0; c < G_N_ELEMENTS (objectives); c++)
    g_clear_pointer (&objectives[c], g_ptr_array_unref);
  for (guint c = 0; c < G_N_ELEMENTS (links); c++)
    g_clear_pointer (&links[c], g_ptr_array_unref);
  for (guint c = 0; c < G_N_ELEMENTS (log); c++)
    g_clear_pointer (&log[c], g_ptr_array_unref);
  for (guint c = 0; c < G_N_ELEMENTS (history); c++)
    g_clear_pointer (&history[c], g_ptr_array_unref);
  return FALSE;
}

void
measures_pg_import_init_class (MeasuresStoreClass *store_class)
{
  store_class->add_measures = pg_add_measures;
}
