/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <errno.h>
#include <glib/gstdio.h>
#include <stdio.h>

#include "bench-generate.h"
#include "measures-import.h"
#include "measures-log-entry.h"

/* Synthetic strategies for the benchmarks: the embedded strategy first, then
 * measures recombined from its own German text — titles with a city
 * district, descriptions of three to six of its sentences, two to five of
 * its objectives, its offices in its own pairs of lead and involved — each
 * with ten progress reports. The same seed gives the same store.
 *
 * One word is rare on purpose: every 10 000th measure (and the first
 * synthetic one) mentions a "Städtepartnerschaftsjubiläum", so a search for
 * it finds a handful of measures at every size. */

#define LOG_ENTRIES_PER_MEASURE 10

static const char * const districts[] = {
  "Durlach", "Mühlburg", "Oststadt", "Weststadt", "Südstadt", "Nordstadt", "Grötzingen",
  "Neureut", "Knielingen", "Rüppurr", "Daxlanden", "Grünwinkel", "Hagsfeld", "Rintheim",
  "Waldstadt", "Oberreut", "Beiertheim-Bulach", "Weiherfeld-Dammerstock", "Stupferich",
  "Hohenwettersbach", "Wolfartsweier", "Palmbach", "Innenstadt-Ost", "Innenstadt-West",
  "Südweststadt", "Nordweststadt", "Wettersbach",
};

static const char * const reports[] = {
  "Die Auftaktveranstaltung hat mit rund %u Teilnehmenden stattgefunden.",
  "Das Konzept wurde mit den beteiligten Dienststellen abgestimmt; %u Rückmeldungen sind eingearbeitet.",
  "Die Finanzierung ist für das kommende Haushaltsjahr beantragt, %u Prozent sind bewilligt.",
  "Ein Workshop mit Vertreterinnen und Vertretern der Zivilgesellschaft ist für KW %u geplant.",
  "Die Umsetzung verzögert sich wegen fehlender Personalressourcen um etwa %u Wochen.",
  "Der Zwischenbericht wurde dem Gemeinderat vorgelegt; %u Fragen sind noch offen.",
  "Die mehrsprachigen Informationsmaterialien sind in %u Sprachen übersetzt.",
  "Mit den Partnerstädten wurden %u gemeinsame Termine vereinbart.",
  "Die Evaluation der ersten Phase ist abgeschlossen; %u Empfehlungen werden umgesetzt.",
  "Die Projektgruppe hat sich zum %u. Mal getroffen und den Zeitplan aktualisiert.",
};

static const char * const authors[] = {
  "A. Schneider", "B. Yilmaz", "C. Dubois", "D. Müller", "E. Rossi", "F. Nguyen",
};

typedef struct {
  GPtrArray *titles;
  GPtrArray *sentences;
  GPtrArray *objectives;
  GPtrArray *leads;            /* of GStrv */
  GPtrArray *involved;         /* of GStrv */
  GPtrArray *lead_texts;
  GPtrArray *actor_texts;
  GPtrArray *periods;
  GPtrArray *costs;
} Pool;

static void
pool_clear (Pool *pool)
{
  g_clear_pointer (&pool->titles, g_ptr_array_unref);
  g_clear_pointer (&pool->sentences, g_ptr_array_unref);
  g_clear_pointer (&pool->objectives, g_ptr_array_unref);
  g_clear_pointer (&pool->leads, g_ptr_array_unref);
  g_clear_pointer (&pool->involved, g_ptr_array_unref);
  g_clear_pointer (&pool->lead_texts, g_ptr_array_unref);
  g_clear_pointer (&pool->actor_texts, g_ptr_array_unref);
  g_clear_pointer (&pool->periods, g_ptr_array_unref);
  g_clear_pointer (&pool->costs, g_ptr_array_unref);
}

/* Splits a description into sentences at ". " followed by a capital. */
static void
add_sentences (GPtrArray  *sentences,
               const char *text)
{
  g_autofree char *flat = g_strdup (text);
  const char *start = flat;

  g_strdelimit (flat, "\n", ' ');
  for (char *p = flat; *p; p++)
    {
      if ((*p == '.' || *p == '!' || *p == '?') && p[1] == ' ' && g_ascii_isupper (p[2]))
        {
          g_ptr_array_add (sentences, g_strndup (start, p + 1 - start));
          start = p + 2;
        }
    }
  if (*start)
    g_ptr_array_add (sentences, g_strdup (start));
}

static gboolean
fill_pool (Pool           *pool,
           MeasuresStore  *store,
           GError        **error)
{
  g_autoptr(GListModel) measures = measures_store_list_measures (store, error);

  if (measures == NULL)
    return FALSE;

  pool->titles = g_ptr_array_new_with_free_func (g_free);
  pool->sentences = g_ptr_array_new_with_free_func (g_free);
  pool->objectives = g_ptr_array_new_with_free_func (g_free);
  pool->leads = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  pool->involved = g_ptr_array_new_with_free_func ((GDestroyNotify)g_strfreev);
  pool->lead_texts = g_ptr_array_new_with_free_func (g_free);
  pool->actor_texts = g_ptr_array_new_with_free_func (g_free);
  pool->periods = g_ptr_array_new_with_free_func (g_free);
  pool->costs = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);
      const char * const *objectives = measures_measure_get_objectives (measure);

      g_ptr_array_add (pool->titles, g_strdup (measures_measure_get_title (measure)));
      add_sentences (pool->sentences, measures_measure_get_description (measure));
      for (guint j = 0; objectives[j] != NULL; j++)
        g_ptr_array_add (pool->objectives, g_strdup (objectives[j]));
      g_ptr_array_add (pool->leads, g_strdupv ((GStrv)measures_measure_get_lead_offices (measure)));
      g_ptr_array_add (pool->involved,
                       g_strdupv ((GStrv)measures_measure_get_involved_offices (measure)));
      g_ptr_array_add (pool->lead_texts, g_strdup (measures_measure_get_lead (measure)));
      g_ptr_array_add (pool->actor_texts, g_strdup (measures_measure_get_actors (measure)));
      g_ptr_array_add (pool->periods, g_strdup (measures_measure_get_period (measure)));
      g_ptr_array_add (pool->costs, g_strdup (measures_measure_get_costs (measure)));
    }

  return TRUE;
}

#define PICK(rand, array) (g_ptr_array_index ((array), g_rand_int_range ((rand), 0, (array)->len)))

static char *
iso_date (GRand *rand,
          int    year_from,
          int    year_to)
{
  return g_strdup_printf ("%04d-%02d-%02dT%02d:%02d:%02dZ",
                          g_rand_int_range (rand, year_from, year_to + 1),
                          g_rand_int_range (rand, 1, 13), g_rand_int_range (rand, 1, 29),
                          g_rand_int_range (rand, 7, 19), g_rand_int_range (rand, 0, 60),
                          g_rand_int_range (rand, 0, 60));
}

static MeasuresMeasure *
make_measure (Pool  *pool,
              GRand *rand,
              guint  number)
{
  g_autoptr(GString) description = g_string_new (NULL);
  g_autoptr(GStrvBuilder) objectives = g_strv_builder_new ();
  g_auto(GStrv) objective_list = NULL;
  g_autofree char *title = NULL;
  g_autofree char *updated = NULL;
  guint source = g_rand_int_range (rand, 0, pool->titles->len);
  guint n_sentences = g_rand_int_range (rand, 3, 7);
  guint n_objectives = g_rand_int_range (rand, 2, 6);
  MeasuresStatus status = g_rand_int_range (rand, 0, MEASURES_N_STATUSES);

  title = g_strdup_printf ("%s in %s", (char *)g_ptr_array_index (pool->titles, source),
                           districts[g_rand_int_range (rand, 0, G_N_ELEMENTS (districts))]);

  for (guint i = 0; i < n_sentences; i++)
    {
      if (i > 0)
        g_string_append_c (description, ' ');
      g_string_append (description, PICK (rand, pool->sentences));
    }
  if (number % 10000 == 1)
    g_string_append (description, " Anlass ist das Städtepartnerschaftsjubiläum.");

  for (guint i = 0; i < n_objectives; i++)
    g_strv_builder_add (objectives, PICK (rand, pool->objectives));
  objective_list = g_strv_builder_end (objectives);
  updated = iso_date (rand, 2021, 2026);

  return g_object_new (MEASURES_TYPE_MEASURE,
                       "goal", (guint)g_rand_int_range (rand, 1, 6),
                       "title", title,
                       "description", description->str,
                       "objectives", objective_list,
                       "lead", g_ptr_array_index (pool->lead_texts, source),
                       "actors", g_ptr_array_index (pool->actor_texts, source),
                       "lead-offices", g_ptr_array_index (pool->leads, source),
                       "involved-offices", g_ptr_array_index (pool->involved, source),
                       "priority", g_rand_int_range (rand, 0, MEASURES_N_PRIORITIES),
                       "period", g_ptr_array_index (pool->periods, source),
                       "costs", g_ptr_array_index (pool->costs, source),
                       "status", status,
                       "status-derived", FALSE,
                       "progress", status == MEASURES_STATUS_COMPLETED
                                   ? 100u : (guint)g_rand_int_range (rand, 0, 100),
                       "updated", updated,
                       NULL);
}

static gboolean
add_log (MeasuresStore  *store,
         GRand          *rand,
         gint64          measure_id,
         GError        **error)
{
  for (guint i = 0; i < LOG_ENTRIES_PER_MEASURE; i++)
    {
      g_autofree char *date = iso_date (rand, 2020 + i / 2, 2020 + i / 2);
      g_autofree char *text = g_strdup_printf (reports[g_rand_int_range (rand, 0, G_N_ELEMENTS (reports))],
                                               (guint)g_rand_int_range (rand, 2, 200));
      g_autoptr(MeasuresLogEntry) entry = NULL;

      entry = measures_log_entry_new (0, measure_id, date,
                                      authors[g_rand_int_range (rand, 0, G_N_ELEMENTS (authors))],
                                      g_rand_int_range (rand, 0, MEASURES_N_STATUSES),
                                      i * 10, text, NULL);
      if (!measures_store_insert_log_entry (store, measure_id, entry, error))
        return FALSE;
    }

  return TRUE;
}

/**
 * bench_generate_store:
 * @path: where to write the store; an existing file is replaced
 * @n_measures: how many measures the store holds in all, at least 50
 *
 * Returns: %FALSE with @error set if the store could not be written
 */
gboolean
bench_generate_store (const char  *path,
                      guint        n_measures,
                      GError     **error)
{
  g_autofree char *partial = g_strconcat (path, ".partial", NULL);
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GRand) rand = g_rand_new_with_seed (n_measures);
  g_autoptr(GListModel) measures = NULL;
  Pool pool = { 0 };
  gboolean ok = FALSE;

  for (const char *suffix = ""; suffix != NULL;
       suffix = g_str_equal (suffix, "") ? "-wal" : g_str_equal (suffix, "-wal") ? "-shm" : NULL)
    {
      g_autofree char *file = g_strconcat (partial, suffix, NULL);
      g_unlink (file);
    }

  store = measures_store_open (partial, error);
  if (store == NULL || !measures_import_default (store, error) || !fill_pool (&pool, store, error))
    goto out;

  /* The embedded measures get their ten reports too. */
  measures = measures_store_list_measures (store, error);
  if (measures == NULL || !measures_store_begin (store, error))
    goto out;

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);

      if (!add_log (store, rand, measures_measure_get_id (measure), error))
        goto rollback;
    }

  for (guint number = 1; number + g_list_model_get_n_items (measures) <= n_measures; number++)
    {
      g_autoptr(MeasuresMeasure) measure = make_measure (&pool, rand, number);
      gint64 id = measures_store_add_measure (store, measure, error);

      if (id == 0 || !add_log (store, rand, id, error))
        goto rollback;

      /* Commit in parts: one transaction of 100 000 measures would keep
       * its whole WAL until the end. */
      if (number % 5000 == 0 &&
          (!measures_store_commit (store, error) || !measures_store_begin (store, error)))
        goto out;
    }

  if (!measures_store_commit (store, error))
    goto out;

  g_clear_object (&store);
  ok = g_rename (partial, path) == 0;
  if (!ok)
    g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno),
                 "Could not rename %s: %s", partial, g_strerror (errno));
  goto out;

rollback:
  measures_store_rollback (store);
out:
  pool_clear (&pool);
  return ok;
}
