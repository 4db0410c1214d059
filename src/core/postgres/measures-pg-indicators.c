/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-pg"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-format.h"
#include "measures-pg-private.h"

/* Indicators, their values and history (schema version 4), with the same
 * rules as the SQLite engine's; what a role may do, the server decides
 * (see the schema's policies). */

static void
params_double (PgParams *params,
               double    value)
{
  char buffer[G_ASCII_DTOSTR_BUF_SIZE];

  pg_params_text (params, g_ascii_dtostr (buffer, sizeof buffer, value));
}

static double
pg_double (const PGresult *result,
           int             row,
           int             column)
{
  return g_ascii_strtod (pg_text (result, row, column), NULL);
}

static MeasuresIndicator *
indicator_from_row (const PGresult *result,
                    int             row)
{
  g_autoptr(GPtrArray) targets = measures_store_targets_from_json (pg_text (result, row, 12));

  return g_object_new (MEASURES_TYPE_INDICATOR,
                       "id", pg_int (result, row, 0),
                       "revision", pg_int (result, row, 1),
                       "goal", (guint)pg_int (result, row, 2),
                       "measure-id", pg_int (result, row, 3),
                       "name", pg_text (result, row, 4),
                       "unit", pg_text (result, row, 5),
                       "description", pg_text (result, row, 6),
                       "office", pg_text (result, row, 7),
                       "baseline-value", pg_double (result, row, 8),
                       "baseline-date", pg_text_or_null (result, row, 9),
                       "direction", (int)CLAMP (pg_int (result, row, 10), MEASURES_DIRECTION_UP,
                                                MEASURES_DIRECTION_DOWN),
                       "interval-months", (guint)CLAMP (pg_int (result, row, 11), 0, 60),
                       "targets", targets,
                       "updated", pg_text_or_null (result, row, 13),
                       "removed", pg_text_or_null (result, row, 14),
                       NULL);
}

static GPtrArray *
pg_load_indicators (MeasuresStore  *store,
                    gint64          id,
                    gboolean        removed,
                    GError        **error)
{
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  GPtrArray *indicators;

  pg_params_init (&params);
  pg_params_int (&params, id);
  pg_params_bool (&params, removed);
  result = pg_query (MEASURES_PG_STORE (store),
                     "SELECT i.id, i.revision, coalesce (g.number, 0),"
                     "       coalesce (i.measure_id, 0), i.name, i.unit, i.description,"
                     "       coalesce (o.abbreviation, ''), i.baseline_value, i.baseline_date,"
                     "       i.direction, i.interval_months, i.targets, i.updated, i.removed "
                     "FROM indicators i "
                     "LEFT JOIN goals g ON g.id = i.goal_id "
                     "LEFT JOIN measures m ON m.id = i.measure_id "
                     "LEFT JOIN goals mg ON mg.id = m.goal_id "
                     "LEFT JOIN offices o ON o.id = i.office_id "
                     "WHERE CASE WHEN $1::bigint = 0"
                     "           THEN (i.removed IS NOT NULL) = $2::boolean"
                     "           ELSE i.id = $1::bigint END "
                     "ORDER BY coalesce (g.number, mg.number), m.position NULLS FIRST,"
                     "         i.name_key COLLATE \"C\", i.id",
                     &params, error);
  if (result == NULL)
    return NULL;

  indicators = g_ptr_array_new_full (PQntuples (result), g_object_unref);
  for (int row = 0; row < PQntuples (result); row++)
    g_ptr_array_add (indicators, indicator_from_row (result, row));

  return indicators;
}

/* What an indicator's definition holds, as $1 … $12. */
static void
params_definition (PgParams          *params,
                   MeasuresIndicator *indicator)
{
  g_autofree char *name_key = measures_sort_key (measures_indicator_get_name (indicator));
  g_autofree char *targets = measures_store_targets_to_json (indicator);

  pg_params_init (params);
  pg_params_int (params, measures_indicator_get_goal (indicator));
  pg_params_int (params, measures_indicator_get_measure_id (indicator));
  pg_params_text (params, measures_indicator_get_name (indicator));
  pg_params_text (params, name_key);
  pg_params_text (params, measures_indicator_get_unit (indicator));
  pg_params_text (params, measures_indicator_get_description (indicator));
  pg_params_text (params, measures_indicator_get_office (indicator));
  params_double (params, measures_indicator_get_baseline_value (indicator));
  pg_params_text (params, measures_indicator_get_baseline_date (indicator));
  pg_params_int (params, measures_indicator_get_direction (indicator));
  pg_params_int (params, measures_indicator_get_interval_months (indicator));
  pg_params_text (params, targets);
}

static gint64
pg_add_indicator (MeasuresStore      *store,
                  MeasuresIndicator  *indicator,
                  GError            **error)
{
  MeasuresPgStore *self = MEASURES_PG_STORE (store);
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  gint64 revision;

  /* Another workstation learns of the new indicator by its revision. */
  if (!measures_pg_next_revision (self, &revision, error))
    return 0;

  params_definition (&params, indicator);
  pg_params_text (&params, measures_indicator_get_updated (indicator));
  pg_params_text (&params, measures_indicator_get_removed (indicator));
  pg_params_int (&params, measures_indicator_get_id (indicator));
  pg_params_int (&params, revision);
  /* Ids as for measures: the largest plus one, under the writers' lock. */
  result = pg_query (self,
                     "INSERT INTO indicators (goal_id, measure_id, name, name_key, unit,"
                     "                        description, office_id, baseline_value,"
                     "                        baseline_date, direction, interval_months, targets,"
                     "                        updated, removed, id, revision, sheet_revision,"
                     "                        values_revision) "
                     "VALUES ((SELECT id FROM goals WHERE number = $1::integer),"
                     "        nullif ($2::bigint, 0), $3::text, $4::text, $5::text, $6::text,"
                     "        (SELECT id FROM offices WHERE abbreviation = $7::text),"
                     "        $8::double precision, $9::text, $10::integer, $11::integer,"
                     "        $12::text, $13::text, $14::text,"
                     "        coalesce (nullif ($15::bigint, 0),"
                     "                  (SELECT coalesce (max (id), 0) + 1 FROM indicators)),"
                     "        $16::bigint, $16::bigint, $16::bigint) "
                     "RETURNING id",
                     &params, error);
  if (result == NULL)
    return 0;

  return pg_int (result, 0, 0);
}

static gboolean
pg_write_indicator (MeasuresStore      *store,
                    MeasuresIndicator  *indicator,
                    GError            **error)
{
  g_auto(PgParams) params = { NULL };

  params_definition (&params, indicator);
  pg_params_int (&params, measures_indicator_get_id (indicator));
  return pg_exec (MEASURES_PG_STORE (store),
                  "UPDATE indicators SET"
                  "  goal_id = (SELECT id FROM goals WHERE number = $1::integer),"
                  "  measure_id = nullif ($2::bigint, 0), name = $3::text, name_key = $4::text,"
                  "  unit = $5::text, description = $6::text,"
                  "  office_id = (SELECT id FROM offices WHERE abbreviation = $7::text),"
                  "  baseline_value = $8::double precision, baseline_date = $9::text,"
                  "  direction = $10::integer, interval_months = $11::integer,"
                  "  targets = $12::text "
                  "WHERE id = $13::bigint",
                  &params, error);
}

static gboolean
pg_write_indicator_removed (MeasuresStore  *store,
                            gint64          indicator_id,
                            const char     *removed,
                            GError        **error)
{
  g_auto(PgParams) params = { NULL };

  pg_params_init (&params);
  pg_params_text (&params, removed);
  pg_params_int (&params, indicator_id);
  return pg_exec (MEASURES_PG_STORE (store),
                  "UPDATE indicators SET removed = $1::text WHERE id = $2::bigint",
                  &params, error);
}

/* Refuses a write when someone else wrote @part of the indicator after
 * @base_revision, naming whoever wrote that part last. */
static gboolean
pg_check_indicator_revision (MeasuresStore  *store,
                             gint64          indicator_id,
                             gint64          base_revision,
                             MeasuresPart    part,
                             GError        **error)
{
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  gboolean found;
  gint64 revision;

  pg_params_init (&params);
  pg_params_int (&params, indicator_id);
  pg_params_int (&params, part);
  result = pg_query (MEASURES_PG_STORE (store),
                     "SELECT i.revision, i.sheet_revision, i.values_revision, i.name,"
                     "       i.removed IS NOT NULL, h.author, h.date "
                     "FROM indicators i "
                     "LEFT JOIN LATERAL (SELECT author, date FROM indicator_history"
                     "                   WHERE indicator_id = i.id"
                     "                     AND ($2::integer = 3 OR"
                     "                          (field = 'value') = ($2::integer = 2))"
                     "                   ORDER BY id DESC LIMIT 1) h ON true "
                     "WHERE i.id = $1::bigint",
                     &params, error);
  if (result == NULL)
    return FALSE;

  if (PQntuples (result) == 0)
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("The indicator no longer exists."));
      return FALSE;
    }

  revision = pg_int (result, 0, part == MEASURES_PART_ALL ? 0 : part == MEASURES_PART_SHEET ? 1 : 2);
  if (revision <= base_revision)
    return TRUE;

  found = !PQgetisnull (result, 0, 5);
  measures_store_set_conflict_error (error, pg_text (result, 0, 3),
                                     found ? pg_text (result, 0, 5) : NULL,
                                     found ? pg_text (result, 0, 6) : NULL,
                                     pg_bool (result, 0, 4));
  return FALSE;
}

/* Gives the indicator the strategy's next revision and tells the other
 * connections, inside the write's transaction. */
static gboolean
pg_bump_indicator_revision (MeasuresStore  *store,
                            gint64          indicator_id,
                            MeasuresPart    part,
                            const char     *now,
                            MeasuresWrite  *write,
                            GError        **error)
{
  /* One statement per part: an official, who may only record values, is
   * granted no update of sheet_revision, even to set it to itself. */
  static const char * const sql[] = {
    [MEASURES_PART_SHEET] = "UPDATE indicators SET revision = $1::bigint, updated = $2::text,"
                            "  sheet_revision = $1::bigint WHERE id = $3::bigint",
    [MEASURES_PART_STATE] = "UPDATE indicators SET revision = $1::bigint, updated = $2::text,"
                            "  values_revision = $1::bigint WHERE id = $3::bigint",
    [MEASURES_PART_ALL] = "UPDATE indicators SET revision = $1::bigint, updated = $2::text,"
                          "  sheet_revision = $1::bigint, values_revision = $1::bigint "
                          "WHERE id = $3::bigint",
  };
  MeasuresPgStore *self = MEASURES_PG_STORE (store);
  g_auto(PgParams) params = { NULL };
  gint64 revision;

  g_assert (part > 0 && part <= MEASURES_PART_ALL);

  if (!measures_pg_next_revision (self, &revision, error))
    return FALSE;

  pg_params_init (&params);
  pg_params_int (&params, revision);
  pg_params_text (&params, now);
  pg_params_int (&params, indicator_id);
  if (!pg_exec (self, sql[part], &params, error) ||
      !measures_pg_notify_write (self, indicator_id, error))
    return FALSE;

  write->measure_id = indicator_id;
  write->revision = revision;
  write->indicator = TRUE;
  return TRUE;
}

static gint64
pg_insert_indicator_value (MeasuresStore           *store,
                           MeasuresIndicatorValue  *value,
                           GError                 **error)
{
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  pg_params_init (&params);
  pg_params_int (&params, measures_indicator_value_get_indicator_id (value));
  pg_params_text (&params, measures_indicator_value_get_date (value));
  params_double (&params, measures_indicator_value_get_value (value));
  pg_params_text (&params, measures_indicator_value_get_note (value));
  pg_params_text (&params, measures_indicator_value_get_author (value));
  pg_params_text (&params, measures_indicator_value_get_recorded (value));
  result = pg_query (MEASURES_PG_STORE (store),
                     "INSERT INTO indicator_values (indicator_id, measured, value, note, author,"
                     "                              date) "
                     "VALUES ($1::bigint, $2::text, $3::double precision, $4::text, $5::text,"
                     "        $6::text) "
                     "RETURNING id",
                     &params, error);
  if (result == NULL)
    return 0;

  return pg_int (result, 0, 0);
}

static MeasuresIndicatorValue *
value_from_row (const PGresult *result,
                int             row,
                gint64          id,
                gint64          indicator_id)
{
  return measures_indicator_value_new (id, indicator_id, pg_text (result, row, 1),
                                       pg_double (result, row, 2), pg_text (result, row, 3),
                                       pg_text (result, row, 4), pg_text (result, row, 5));
}

static MeasuresIndicatorValue *
pg_load_indicator_value (MeasuresStore  *store,
                         gint64          value_id,
                         GError        **error)
{
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  pg_params_init (&params);
  pg_params_int (&params, value_id);
  result = pg_query (MEASURES_PG_STORE (store),
                     "SELECT indicator_id, measured, value, note, author, date "
                     "FROM indicator_values WHERE id = $1::bigint",
                     &params, error);
  if (result == NULL)
    return NULL;

  if (PQntuples (result) == 0)
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("The value no longer exists."));
      return NULL;
    }

  return value_from_row (result, 0, value_id, pg_int (result, 0, 0));
}

static gboolean
pg_delete_indicator_value (MeasuresStore  *store,
                           gint64          value_id,
                           GError        **error)
{
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  pg_params_init (&params);
  pg_params_int (&params, value_id);
  result = pg_query (MEASURES_PG_STORE (store),
                     "DELETE FROM indicator_values WHERE id = $1::bigint",
                     &params, error);
  if (result == NULL)
    return FALSE;

  /* The value was just read in this transaction: a row the policy hides
   * from the removal is another office's. */
  if (g_strcmp0 (PQcmdTuples (result), "0") == 0)
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_NOT_ALLOWED,
                           _("You may not remove this value."));
      return FALSE;
    }

  return TRUE;
}

static GListModel *
pg_list_indicator_values (MeasuresStore  *store,
                          gint64          indicator_id,
                          GError        **error)
{
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GListStore) values = g_list_store_new (MEASURES_TYPE_INDICATOR_VALUE);

  pg_params_init (&params);
  pg_params_int (&params, indicator_id);
  result = pg_query (MEASURES_PG_STORE (store),
                     "SELECT id, measured, value, note, author, date "
                     "FROM indicator_values WHERE indicator_id = $1::bigint "
                     "ORDER BY measured COLLATE \"C\", id",
                     &params, error);
  if (result == NULL)
    return NULL;

  for (int row = 0; row < PQntuples (result); row++)
    {
      g_autoptr(MeasuresIndicatorValue) value = NULL;

      value = value_from_row (result, row, pg_int (result, row, 0), indicator_id);
      g_list_store_append (values, value);
    }

  return G_LIST_MODEL (g_steal_pointer (&values));
}

void
measures_pg_indicators_init_class (MeasuresStoreClass *store_class)
{
  store_class->load_indicators = pg_load_indicators;
  store_class->add_indicator = pg_add_indicator;
  store_class->write_indicator = pg_write_indicator;
  store_class->write_indicator_removed = pg_write_indicator_removed;
  store_class->check_indicator_revision = pg_check_indicator_revision;
  store_class->bump_indicator_revision = pg_bump_indicator_revision;
  store_class->insert_indicator_value = pg_insert_indicator_value;
  store_class->load_indicator_value = pg_load_indicator_value;
  store_class->delete_indicator_value = pg_delete_indicator_value;
  store_class->list_indicator_values = pg_list_indicator_values;
}
