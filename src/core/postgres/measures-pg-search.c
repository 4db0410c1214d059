/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-pg"

#include "config.h"

#include "measures-search-text.h"
#include "measures-pg-private.h"

/* Full-text search: a tsvector per measure in the "measures.search"
 * configuration (simple's words, unaccented), written with every change,
 * matched by word prefixes as the SQLite engine's FTS5 index is. */

gboolean
measures_pg_refresh_search (MeasuresPgStore  *self,
                            gint64            measure_id,
                            GError          **error)
{
  g_auto(PgParams) params = { NULL };

  pg_params_init (&params);
  pg_params_int (&params, measure_id);

  /* What the SQLite index holds: title, description, objectives, the
   * printed offices with the linked offices' abbreviations and names, the
   * period and the costs; in an order of their own, not the table's, so
   * that an import (measures-pg-import.c) makes the same. */
  return pg_send (self,
                  "UPDATE measures m SET search = to_tsvector ('measures.search', concat_ws (' ',"
                  "  m.title, m.description,"
                  "  (SELECT string_agg (o.text, ' ' ORDER BY o.position) FROM objectives o"
                  "   WHERE o.measure_id = m.id),"
                  "  m.lead, m.actors,"
                  "  (SELECT string_agg (f.abbreviation || ' ' || f.name, ' ' ORDER BY f.id)"
                  "   FROM measure_offices l JOIN offices f ON f.id = l.office_id"
                  "   WHERE l.measure_id = m.id),"
                  "  m.period, m.costs)) "
                  "WHERE m.id = $1::bigint",
                  &params, NULL, NULL, NULL, FALSE, error);
}

/* Turns what a user typed into a tsquery: every word must occur, as the
 * start of a word. Each word is quoted, so nothing typed is syntax; the
 * query travels as a parameter, never as SQL. */
static char *
build_query (const char *text)
{
  g_auto(GStrv) words = measures_search_text_words (text);
  GString *query;

  if (words[0] == NULL)
    return NULL;

  query = g_string_new (NULL);
  for (guint i = 0; words[i] != NULL; i++)
    {
      if (i > 0)
        g_string_append (query, " & ");
      g_string_append_c (query, '\'');
      for (const char *p = words[i]; *p; p++)
        {
          if (*p == '\'' || *p == '\\')
            g_string_append_c (query, *p == '\'' ? '\'' : '\\');
          g_string_append_c (query, *p);
        }
      g_string_append (query, "':*");
    }

  return g_string_free (query, FALSE);
}

static gboolean
pg_search_ids (MeasuresStore  *store,
               const char     *text,
               GArray        **ids,
               GError        **error)
{
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  g_autofree char *query = build_query (text);

  if (query == NULL)
    return TRUE;

  pg_params_init (&params);
  pg_params_text (&params, query);
  result = pg_query (MEASURES_PG_STORE (store),
                     "SELECT id FROM measures "
                     "WHERE search @@ to_tsquery ('measures.search', $1::text) ORDER BY id",
                     &params, error);
  if (result == NULL)
    return FALSE;

  *ids = pg_collect_ids (result);
  return TRUE;
}

static gboolean
pg_refresh_search (MeasuresStore  *store,
                   gint64          measure_id,
                   GError        **error)
{
  return measures_pg_refresh_search (MEASURES_PG_STORE (store), measure_id, error);
}

void
measures_pg_search_init_class (MeasuresStoreClass *store_class)
{
  store_class->search_ids = pg_search_ids;
  store_class->refresh_search = pg_refresh_search;
}
