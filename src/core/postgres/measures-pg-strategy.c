/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-pg"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-pg-private.h"

/* The strategy around the measures: vision, goals, offices. */

static gboolean
pg_set_vision (MeasuresStore       *store,
               const char          *strategy_title,
               const char          *vision_title,
               const char * const  *statements,
               GError             **error)
{
  MeasuresPgStore *self = MEASURES_PG_STORE (store);
  g_auto(PgParams) vision = { NULL };
  g_auto(PgParams) texts = { NULL };

  pg_params_init (&vision);
  pg_params_text (&vision, strategy_title);
  pg_params_text (&vision, vision_title);
  pg_params_init (&texts);
  pg_params_strv (&texts, statements);

  return pg_exec (self, "DELETE FROM vision_statements", NULL, error) &&
         pg_exec (self,
                  "INSERT INTO vision (id, strategy_title, title) VALUES (1, $1::text, $2::text) "
                  "ON CONFLICT (id) DO UPDATE SET strategy_title = excluded.strategy_title,"
                  "                               title = excluded.title",
                  &vision, error) &&
         pg_exec (self,
                  "INSERT INTO vision_statements (position, text) "
                  "SELECT ordinality - 1, text FROM unnest ($1::text[]) WITH ORDINALITY AS s (text)",
                  &texts, error);
}

static gboolean
pg_add_goal (MeasuresStore  *store,
             guint           number,
             const char     *title,
             const char     *headline,
             const char     *text,
             GError        **error)
{
  g_auto(PgParams) params = { NULL };

  pg_params_init (&params);
  pg_params_int (&params, number);
  pg_params_text (&params, title);
  pg_params_text (&params, headline);
  pg_params_text (&params, text);

  return pg_exec (MEASURES_PG_STORE (store),
                  "INSERT INTO goals (number, title, headline, text) "
                  "VALUES ($1::integer, $2::text, $3::text, $4::text)",
                  &params, error);
}

static gboolean
pg_add_office (MeasuresStore  *store,
               const char     *abbreviation,
               const char     *name,
               GError        **error)
{
  MeasuresPgStore *self = MEASURES_PG_STORE (store);
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;

  pg_params_init (&params);
  pg_params_text (&params, abbreviation);
  pg_params_text (&params, name);

  /* A duplicate is told apart from other failures without aborting. */
  result = pg_query (self,
                     "INSERT INTO offices (abbreviation, name) VALUES ($1::text, $2::text) "
                     "ON CONFLICT (abbreviation) DO NOTHING",
                     &params, error);
  if (result == NULL)
    return FALSE;

  if (g_ascii_strtoll (PQcmdTuples (result), NULL, 10) == 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("The office “%s” is listed twice."), abbreviation);
      return FALSE;
    }

  return TRUE;
}

static gboolean
pg_load_vision (MeasuresStore  *store,
                char          **strategy_title,
                char          **vision_title,
                GStrv          *statements,
                GError        **error)
{
  MeasuresPgStore *self = MEASURES_PG_STORE (store);
  g_autoptr(PGresult) vision = NULL;
  g_autoptr(PGresult) texts = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  gboolean found;

  vision = pg_query (self, "SELECT strategy_title, title FROM vision WHERE id = 1", NULL, error);
  if (vision == NULL)
    return FALSE;

  found = PQntuples (vision) > 0;
  if (strategy_title)
    *strategy_title = g_strdup (found ? pg_text (vision, 0, 0) : "");
  if (vision_title)
    *vision_title = g_strdup (found ? pg_text (vision, 0, 1) : "");

  if (statements == NULL)
    return TRUE;

  texts = pg_query (self, "SELECT text FROM vision_statements ORDER BY position", NULL, error);
  if (texts == NULL)
    return FALSE;

  for (int row = 0; row < PQntuples (texts); row++)
    g_strv_builder_add (builder, pg_text (texts, row, 0));

  *statements = g_strv_builder_end (builder);
  return TRUE;
}

static GListModel *
pg_list_goals (MeasuresStore  *store,
               GError        **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GListStore) goals = g_list_store_new (MEASURES_TYPE_GOAL);

  result = pg_query (MEASURES_PG_STORE (store),
                     "SELECT id, number, title, headline, text FROM goals ORDER BY number",
                     NULL, error);
  if (result == NULL)
    return NULL;

  for (int row = 0; row < PQntuples (result); row++)
    {
      g_autoptr(MeasuresGoal) goal = measures_goal_new (pg_int (result, row, 0),
                                                        (guint)pg_int (result, row, 1),
                                                        pg_text (result, row, 2),
                                                        pg_text (result, row, 3),
                                                        pg_text (result, row, 4));
      g_list_store_append (goals, goal);
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

static GListModel *
pg_list_offices (MeasuresStore  *store,
                 GError        **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GListStore) offices = g_list_store_new (MEASURES_TYPE_OFFICE);

  /* The counts of the measures that are not removed, in one query. */
  result = pg_query (MEASURES_PG_STORE (store),
                     "SELECT o.id, o.abbreviation, o.name,"
                     "       count (m.id) FILTER (WHERE l.role = 0),"
                     "       count (m.id) FILTER (WHERE l.role = 1) "
                     "FROM offices o "
                     "LEFT JOIN measure_offices l ON l.office_id = o.id "
                     "LEFT JOIN measures m ON m.id = l.measure_id AND m.removed IS NULL "
                     "GROUP BY o.id",
                     NULL, error);
  if (result == NULL)
    return NULL;

  for (int row = 0; row < PQntuples (result); row++)
    {
      g_autoptr(MeasuresOffice) office = measures_office_new (pg_int (result, row, 0),
                                                              pg_text (result, row, 1),
                                                              pg_text (result, row, 2),
                                                              (int)pg_int (result, row, 3),
                                                              (int)pg_int (result, row, 4));
      g_list_store_append (offices, office);
    }

  g_list_store_sort (offices, compare_offices, NULL);

  return G_LIST_MODEL (g_steal_pointer (&offices));
}

void
measures_pg_strategy_init_class (MeasuresStoreClass *store_class)
{
  store_class->set_vision = pg_set_vision;
  store_class->add_goal = pg_add_goal;
  store_class->add_office = pg_add_office;
  store_class->load_vision = pg_load_vision;
  store_class->list_goals = pg_list_goals;
  store_class->list_offices = pg_list_offices;
}
