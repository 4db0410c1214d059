/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <math.h>
#include <string.h>
#include <json-glib/json-glib.h>

#include "measures-export.h"
#include "measures-test-util.h"
#include "measures-undo-stack.h"
#ifdef HAVE_POSTGRESQL
#include "pg-cluster.h"
#endif

/* The store's contract, run the same on every engine: what the window and
 * the command line rely on, whichever engine holds the strategy. Each
 * engine opens a new strategy, and a second, independent connection to the
 * same strategy — as a second process or a colleague's workstation would. */

typedef struct _Fixture Fixture;

typedef struct
{
  const char *name;
  /* A new strategy, filled with the embedded one */
  MeasuresStore *(*open_new) (Fixture *fixture);
  /* Another connection to the strategy that open_new() made */
  MeasuresStore *(*open_again) (Fixture *fixture);
  /* Where the strategy is, for measures_store_open() in another process */
  char *(*dup_address) (Fixture *fixture);
  /* Where an empty strategy can be made, to move one into */
  char *(*dup_empty_address) (Fixture *fixture);
} Engine;

/* What a test needs: the engine it runs on and its temporary folder. */
struct _Fixture
{
  TempDir dir;
  const Engine *engine;
  char *conninfo;  /* the test's own database, on the PostgreSQL engine */
};

static char *
sqlite_dup_address (Fixture *fixture)
{
  return temp_path (&fixture->dir, "strategy.db");
}

static char *
sqlite_dup_empty_address (Fixture *fixture)
{
  return temp_path (&fixture->dir, "moved.db");
}

static MeasuresStore *
sqlite_open_new (Fixture *fixture)
{
  return open_filled_store (&fixture->dir);
}

static MeasuresStore *
open_address (Fixture *fixture)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = fixture->engine->dup_address (fixture);
  MeasuresStore *store = measures_store_open (address, &error);

  g_assert_no_error (error);
  return store;
}

#ifdef HAVE_POSTGRESQL
/* One server for the whole program, the strategy imported once into a
 * template; each test case copies it into a database of its own. */
#define PG_TEMPLATE "measures_template"

/* The people of the roles test: roles are the cluster's, so they are made
 * once, as an administrator would (README); the template's grants go with
 * every copy. The official works in the office that leads the first
 * measure. */
#define COORDINATOR "coord_anna"
#define OFFICIAL "official_ben"
#define READER "reader_cleo"

static char *pg_official_office;

static gboolean
pg_run (const char  *sql,
        const char  *param,
        GError     **error)
{
  g_autofree char *value = pg_cluster_query (PG_TEMPLATE, sql, param, error);

  return value != NULL;
}

static gboolean
pg_prepare_roles (MeasuresStore  *store,
                  GError        **error)
{
  g_autoptr(GListModel) measures = measures_store_list_measures (store, error);
  g_autoptr(MeasuresMeasure) first = NULL;
  g_autofree char *office_role = NULL;
  g_autofree char *grant = NULL;

  if (measures == NULL)
    return FALSE;
  first = g_list_model_get_item (measures, 0);
  pg_official_office = g_strdup (measures_measure_get_lead_offices (first)[0]);

  office_role = pg_cluster_query (PG_TEMPLATE, "SELECT measures.office_role ($1)",
                                  pg_official_office, error);
  if (office_role == NULL)
    return FALSE;
  /* The role's name is the server's, made of [a-z0-9_] only. */
  grant = g_strdup_printf ("GRANT %s TO " OFFICIAL, office_role);

  return pg_run ("SELECT count (*) FROM measures.setup_roles ()", NULL, error) &&
         pg_run ("CREATE ROLE " COORDINATOR " LOGIN IN ROLE measures_coordinator", NULL, error) &&
         pg_run ("CREATE ROLE " OFFICIAL " LOGIN", NULL, error) &&
         pg_run (grant, NULL, error) &&
         pg_run ("CREATE ROLE " READER " LOGIN IN ROLE measures_reader", NULL, error);
}

static gboolean
pg_prepare_template (GError **error)
{
  g_autofree char *conninfo = pg_cluster_conninfo (PG_TEMPLATE);
  g_autoptr(MeasuresStore) store = NULL;

  if (!pg_cluster_create_database (PG_TEMPLATE, NULL, error))
    return FALSE;

  store = measures_store_open (conninfo, error);
  return store != NULL && measures_import_ensure_data (store, error) &&
         pg_prepare_roles (store, error);
}

static char *
pg_dup_address (Fixture *fixture)
{
  return g_strdup (fixture->conninfo);
}

static char *
pg_dup_empty_address (Fixture *fixture)
{
  static guint n_databases;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("moved_%u", ++n_databases);

  g_assert_true (pg_cluster_create_database (name, NULL, &error));
  g_assert_no_error (error);
  return pg_cluster_conninfo (name);
}

static MeasuresStore *
pg_open_new (Fixture *fixture)
{
  static guint n_databases;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("t_%u", ++n_databases);
  g_autoptr(MeasuresStore) store = NULL;

  g_assert_true (pg_cluster_create_database (name, PG_TEMPLATE, &error));
  g_assert_no_error (error);
  fixture->conninfo = pg_cluster_conninfo (name);

  store = open_address (fixture);
  g_assert_true (measures_import_ensure_data (store, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&store);
}
#endif

static const Engine engines[] = {
  { "sqlite", sqlite_open_new, open_address, sqlite_dup_address, sqlite_dup_empty_address },
#ifdef HAVE_POSTGRESQL
  { "postgresql", pg_open_new, open_address, pg_dup_address, pg_dup_empty_address },
#endif
};

static char *pg_missing;

/* Whether the engine can be tested here: PostgreSQL needs its server. */
static gboolean
engine_available (const Engine *engine)
{
  return !g_str_equal (engine->name, "postgresql") || pg_missing == NULL;
}

static void
fixture_setup (Fixture       *fixture,
               gconstpointer  data)
{
  temp_dir_setup (&fixture->dir, data);
  fixture->engine = data;
  fixture->conninfo = NULL;
}

static void
fixture_teardown (Fixture       *fixture,
                  gconstpointer  data)
{
  temp_dir_teardown (&fixture->dir, data);
  g_free (fixture->conninfo);
}

static MeasuresMeasure *
reread (MeasuresStore   *store,
        MeasuresMeasure *measure)
{
  g_autoptr(GError) error = NULL;
  MeasuresMeasure *fresh = measures_store_get_measure (store, measures_measure_get_id (measure),
                                                       &error);

  g_assert_no_error (error);
  return fresh;
}

/* Reading ------------------------------------------------------------------ */

static void
test_read_strategy (Fixture       *fixture,
                    gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) goals = measures_store_list_goals (store, &error);
  g_autoptr(GListModel) measures = measures_store_list_measures (store, &error);
  g_autoptr(GListModel) offices = measures_store_list_offices (store, &error);
  g_autoptr(GArray) summaries = NULL;
  g_autoptr(GPtrArray) batch = NULL;
  g_autofree char *strategy_title = NULL;
  g_auto(GStrv) statements = NULL;
  gint64 ids[3];
  gboolean empty = TRUE;

  g_assert_no_error (error);
  g_assert_true (measures_store_is_empty (store, &empty, &error));
  g_assert_false (empty);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 50);
  g_assert_cmpuint (g_list_model_get_n_items (offices), >, 40);

  g_assert_true (measures_store_load_vision (store, &strategy_title, NULL, &statements, &error));
  g_assert_cmpstr (strategy_title, ==, "Internationalisierungsstrategie 2020 – 2030");
  g_assert_cmpuint (g_strv_length (statements), ==, 4);

  g_assert_true (measures_store_list_summaries (store, NULL, -1, 0, &summaries, &error));
  g_assert_cmpuint (summaries->len, ==, 50);

  /* A batch comes back whole, in one call; a missing id is left out. */
  for (guint i = 0; i < 2; i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i * 20);

      ids[i] = measures_measure_get_id (measure);
      g_assert_cmpint (measures_measure_get_revision (measure), >, 0);
    }
  ids[2] = 999999;
  batch = measures_store_load_measures (store, ids, G_N_ELEMENTS (ids), &error);
  g_assert_no_error (error);
  g_assert_cmpuint (batch->len, ==, 2);

  /* Whoever set the strategy up may do everything, with roles or without. */
  g_assert_cmpint (measures_store_get_permissions (store, ids[0]), ==, MEASURES_PERMISSION_ALL);
  g_assert_cmpint (measures_store_get_permissions (store, 0), ==, MEASURES_PERMISSION_ALL);
}

static guint
count_matches (MeasuresStore *store,
               const char    *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  g_assert_true (measures_store_search_ids (store, text, &ids, &error));
  g_assert_no_error (error);
  return ids ? ids->len : 0;
}

static void
test_search_is_forgiving (Fixture       *fixture,
                          gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);

  /* Case, accents, ß and ss, the start of a word. */
  g_assert_cmpuint (count_matches (store, "strassburg"), ==, count_matches (store, "Straßburg"));
  g_assert_cmpuint (count_matches (store, "strassburg"), >, 0);
  g_assert_cmpuint (count_matches (store, "francais"), ==, count_matches (store, "Français"));
  g_assert_cmpuint (count_matches (store, "europa"), >, count_matches (store, "europatag"));
  g_assert_cmpuint (count_matches (store, "xylophonorchester"), ==, 0);
}

/* Costs and the full names of a measure's offices are searched too, on
 * every engine, also after an edit. */
static void
test_search_costs_and_office_names (Fixture       *fixture,
                                    gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresMeasure) measure = measure_at (store, 3);
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(GError) error = NULL;

  g_assert_cmpuint (count_matches (store, "Stabsstelle Außenbeziehungen"), >=, 13);
  g_assert_cmpuint (count_matches (store, "stabsstelle aussenbeziehungen"), ==,
                    count_matches (store, "Stabsstelle Außenbeziehungen"));

  g_assert_cmpuint (count_matches (store, "Zylinderfonds"), ==, 0);
  edited = measures_measure_copy_with (measure, "costs", "Zuschuss aus dem Zylinderfonds", NULL);
  g_assert_true (measures_store_update_measure (store, edited,
                                                measures_measure_get_revision (measure),
                                                "Erika Mustermann", NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (count_matches (store, "zylinderfonds"), ==, 1);
}

/* Writing ------------------------------------------------------------------ */

static void
test_write_with_history (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresMeasure) measure = measure_at (store, 3);
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(MeasuresMeasure) after = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GListModel) log = NULL;
  g_autoptr(GError) error = NULL;
  gint64 revision = 0;
  gint64 logged = 0;

  edited = measures_measure_copy_with (measure, "costs", "12 000 Euro", NULL);
  g_assert_true (measures_store_update_measure (store, edited,
                                                measures_measure_get_revision (measure),
                                                "Erika Mustermann", &revision, &error));
  g_assert_no_error (error);
  g_assert_cmpint (revision, >, measures_measure_get_revision (measure));

  after = reread (store, measure);
  g_assert_cmpstr (measures_measure_get_costs (after), ==, "12 000 Euro");
  g_assert_cmpint (measures_measure_get_revision (after), ==, revision);
  history = measures_store_list_history (store, measures_measure_get_id (measure), &error);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);

  g_assert_cmpint (measures_store_add_log_entry (store, measures_measure_get_id (measure), revision,
                                                 MEASURES_STATUS_IN_PROGRESS, 40, "Begonnen",
                                                 "Erika Mustermann", &logged, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (logged, >, revision);
  g_clear_object (&after);
  after = reread (store, measure);
  g_assert_cmpuint (measures_measure_get_progress (after), ==, 40);
  log = measures_store_list_log (store, measures_measure_get_id (measure), FALSE, &error);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);

  g_assert_true (measures_store_set_removed (store, measures_measure_get_id (measure), logged, TRUE,
                                            "Erika Mustermann", NULL, &error));
  g_assert_no_error (error);
  g_clear_object (&log);
  log = measures_store_list_removed_measures (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
}

/* No lost update ------------------------------------------------------------- */

/* Two connections read the same measure; the first one's write wins, and
 * the second is refused with a message that names the first writer. */
static void
assert_conflict (const GError *error,
                 const char   *author)
{
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CONFLICT);
  g_assert_nonnull (strstr (error->message, author));
}

static void
test_stale_sheet_save_is_refused (Fixture       *fixture,
                                  gconstpointer  data)
{
  g_autoptr(MeasuresStore) a = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresStore) b = fixture->engine->open_again (fixture);
  g_autoptr(MeasuresMeasure) seen_by_a = measure_at (a, 7);
  g_autoptr(MeasuresMeasure) seen_by_b = reread (b, seen_by_a);
  g_autoptr(MeasuresMeasure) by_b = NULL;
  g_autoptr(MeasuresMeasure) by_a = NULL;
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;

  /* B changes the title. */
  by_b = measures_measure_copy_with (seen_by_b, "title", "Neuer Titel von B", NULL);
  g_assert_true (measures_store_update_measure (b, by_b, measures_measure_get_revision (seen_by_b),
                                                "Bea Beispiel", NULL, &error));
  g_assert_no_error (error);

  /* A, still showing the old sheet, saves without touching the title. */
  by_a = measures_measure_copy_with (seen_by_a, "costs", "Kosten von A", NULL);
  g_assert_false (measures_store_update_measure (a, by_a, measures_measure_get_revision (seen_by_a),
                                                 "Anna Anders", NULL, &error));
  assert_conflict (error, "Bea Beispiel");

  /* B's title stands, and the history has B's change only. */
  stored = reread (a, seen_by_a);
  g_assert_cmpstr (measures_measure_get_title (stored), ==, "Neuer Titel von B");
  g_assert_cmpstr (measures_measure_get_costs (stored), ==, measures_measure_get_costs (seen_by_a));
  history = measures_store_list_history (a, measures_measure_get_id (stored), NULL);
  g_assert_cmpuint (g_list_model_get_n_items (history), ==, 1);
}

/* A true race: two writers save the same measure from the same revision
 * at the same moment, each on a thread and a connection of its own. One
 * wins, the other is refused; nothing is lost or written twice. */
typedef struct
{
  MeasuresStore *store;
  MeasuresMeasure *edited;
  gint64 base;
  gint *waiting;      /* both start when both are ready */
  gboolean saved;
  GError *error;
} Racer;

static gpointer
race (gpointer data)
{
  Racer *racer = data;

  g_atomic_int_dec_and_test (racer->waiting);
  while (g_atomic_int_get (racer->waiting) > 0)
    ;
  racer->saved = measures_store_update_measure (racer->store, racer->edited, racer->base,
                                                "Racer", NULL, &racer->error);
  return NULL;
}

static void
test_true_race (Fixture       *fixture,
                gconstpointer  data)
{
  g_autoptr(MeasuresStore) a = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresStore) b = fixture->engine->open_again (fixture);
  g_autoptr(MeasuresMeasure) first = measure_at (a, 4);
  gint64 id = measures_measure_get_id (first);
  guint a_won = 0, b_won = 0;
  const guint rounds = 12;

  for (guint round = 0; round < rounds; round++)
    {
      g_autoptr(MeasuresMeasure) seen = reread (a, first);
      g_autofree char *title_a = g_strdup_printf ("Titel von A, Runde %u", round);
      g_autofree char *title_b = g_strdup_printf ("Titel von B, Runde %u", round);
      g_autoptr(MeasuresMeasure) by_a = measures_measure_copy_with (seen, "title", title_a, NULL);
      g_autoptr(MeasuresMeasure) by_b = measures_measure_copy_with (seen, "title", title_b, NULL);
      g_autoptr(MeasuresMeasure) stored = NULL;
      gint waiting = 2;
      Racer racers[2] = {
        { a, by_a, measures_measure_get_revision (seen), &waiting, FALSE, NULL },
        { b, by_b, measures_measure_get_revision (seen), &waiting, FALSE, NULL },
      };
      GThread *threads[2];

      for (guint i = 0; i < 2; i++)
        threads[i] = g_thread_new ("racer", race, &racers[i]);
      for (guint i = 0; i < 2; i++)
        g_thread_join (threads[i]);

      /* Exactly one wins; the other is told who came first. */
      g_assert_true (racers[0].saved != racers[1].saved);
      for (guint i = 0; i < 2; i++)
        if (!racers[i].saved)
          assert_conflict (racers[i].error, "Racer");
        else
          g_assert_no_error (racers[i].error);
      g_clear_error (&racers[0].error);
      g_clear_error (&racers[1].error);

      stored = reread (b, seen);
      g_assert_cmpstr (measures_measure_get_title (stored), ==,
                       racers[0].saved ? title_a : title_b);
      a_won += racers[0].saved;
      b_won += racers[1].saved;
    }

  /* One history entry per round: the loser wrote nothing. */
  {
    g_autoptr(GListModel) history = measures_store_list_history (a, id, NULL);

    g_assert_cmpuint (g_list_model_get_n_items (history), ==, rounds);
  }
  g_test_message ("%u rounds: A won %u, B won %u", rounds, a_won, b_won);
}

static void
test_stale_progress_report_is_refused (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(MeasuresStore) a = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresStore) b = fixture->engine->open_again (fixture);
  g_autoptr(MeasuresMeasure) seen_by_a = measure_at (a, 9);
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = measures_measure_get_id (seen_by_a);
  gint64 base = measures_measure_get_revision (seen_by_a);

  g_assert_cmpint (measures_store_add_log_entry (b, id, base, MEASURES_STATUS_IN_PROGRESS, 30,
                                                 "Von B", "Bea Beispiel", NULL, &error), >, 0);
  g_assert_cmpint (measures_store_add_log_entry (a, id, base, MEASURES_STATUS_COMPLETED, 100,
                                                 "Von A", "Anna Anders", NULL, &error), ==, 0);
  assert_conflict (error, "Bea Beispiel");

  stored = reread (a, seen_by_a);
  g_assert_cmpuint (measures_measure_get_progress (stored), ==, 30);
}

static void
test_stale_removal_is_refused (Fixture       *fixture,
                               gconstpointer  data)
{
  g_autoptr(MeasuresStore) a = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresStore) b = fixture->engine->open_again (fixture);
  g_autoptr(MeasuresMeasure) seen_by_a = measure_at (a, 11);
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = measures_measure_get_id (seen_by_a);

  edited = measures_measure_copy_with (seen_by_a, "period", "2027", NULL);
  g_assert_true (measures_store_update_measure (b, edited, measures_measure_get_revision (seen_by_a),
                                                "Bea Beispiel", NULL, &error));
  g_assert_false (measures_store_set_removed (a, id, measures_measure_get_revision (seen_by_a),
                                             TRUE, "Anna Anders", NULL, &error));
  assert_conflict (error, "Bea Beispiel");

  stored = reread (a, seen_by_a);
  g_assert_null (measures_measure_get_removed (stored));
}

/* A coordinator's sheet edit and an office's progress report are two
 * different things: made at the same time, both stand. */
static void
test_sheet_and_report_do_not_conflict (Fixture       *fixture,
                                       gconstpointer  data)
{
  g_autoptr(MeasuresStore) a = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresStore) b = fixture->engine->open_again (fixture);
  g_autoptr(MeasuresMeasure) seen = measure_at (a, 13);
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 base = measures_measure_get_revision (seen);

  g_assert_cmpint (measures_store_add_log_entry (b, measures_measure_get_id (seen), base,
                                                 MEASURES_STATUS_IN_PROGRESS, 50, "Halbzeit",
                                                 "Amt für Stadtentwicklung", NULL, &error), >, 0);
  edited = measures_measure_copy_with (seen, "costs", "aus dem Budget", NULL);
  g_assert_true (measures_store_update_measure (a, edited, base, "Koordination", NULL, &error));
  g_assert_no_error (error);

  stored = reread (a, seen);
  g_assert_cmpstr (measures_measure_get_costs (stored), ==, "aus dem Budget");
  g_assert_cmpuint (measures_measure_get_progress (stored), ==, 50);
}

/* Undoing one's own edit after someone else changed the same sheet is
 * refused, and their change stays; undoing twice one's own edits works. */
static void
test_undo_never_overwrites (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(MeasuresStore) a = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresStore) b = fixture->engine->open_again (fixture);
  g_autoptr(MeasuresUndoStack) undo = measures_undo_stack_new (a);
  g_autoptr(MeasuresMeasure) seen = measure_at (a, 15);
  g_autoptr(MeasuresMeasure) first = NULL;
  g_autoptr(MeasuresMeasure) second = NULL;
  g_autoptr(MeasuresMeasure) fresh = NULL;
  g_autoptr(MeasuresMeasure) by_b = NULL;
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  g_autofree char *again = NULL;

  /* Two edits of one's own, undone one after the other. */
  first = measures_measure_copy_with (seen, "costs", "erste Änderung", NULL);
  g_assert_true (measures_undo_stack_edit (undo, seen, first, "Anna Anders", &error));
  fresh = reread (a, seen);
  second = measures_measure_copy_with (fresh, "costs", "zweite Änderung", NULL);
  g_assert_true (measures_undo_stack_edit (undo, fresh, second, "Anna Anders", &error));
  undone = measures_undo_stack_undo (undo, "Anna Anders", &error);
  g_assert_no_error (error);
  g_free (undone);
  undone = measures_undo_stack_undo (undo, "Anna Anders", &error);
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = reread (a, seen);
  g_assert_cmpstr (measures_measure_get_costs (stored), ==, measures_measure_get_costs (seen));

  /* Redone, then B changes the sheet: A's undo is refused. */
  again = measures_undo_stack_redo (undo, "Anna Anders", &error);
  g_assert_no_error (error);
  g_clear_object (&fresh);
  fresh = reread (b, seen);
  by_b = measures_measure_copy_with (fresh, "title", "Titel von B", NULL);
  g_assert_true (measures_store_update_measure (b, by_b, measures_measure_get_revision (fresh),
                                                "Bea Beispiel", NULL, &error));
  g_assert_null (measures_undo_stack_undo (undo, "Anna Anders", &error));
  assert_conflict (error, "Bea Beispiel");
  g_assert_true (g_str_has_prefix (error->message, "Could not undo changes to “"));
  g_clear_error (&error);

  g_clear_object (&stored);
  stored = reread (a, seen);
  g_assert_cmpstr (measures_measure_get_title (stored), ==, "Titel von B");
  g_assert_cmpstr (measures_measure_get_costs (stored), ==, "erste Änderung");

  /* The step stays, for a later try. */
  g_assert_true (measures_undo_stack_get_can_undo (undo));
}

/* Progress reports ------------------------------------------------------------ */

/* A day relative to today, as reports are dated. */
static char *
day_from_today (int days)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  g_autoptr(GDateTime) then = g_date_time_add_days (now, days);

  return g_date_time_format (then, "%F");
}

static MeasuresLogEntry *
log_item (MeasuresStore *store,
          gint64         measure_id,
          guint          position)
{
  g_autoptr(GListModel) log = measures_store_list_log (store, measure_id, FALSE, NULL);

  g_assert_nonnull (log);
  g_assert_cmpuint (g_list_model_get_n_items (log), >, position);
  return g_list_model_get_item (log, position);
}

static guint
log_length (MeasuresStore *store,
            gint64         measure_id)
{
  g_autoptr(GListModel) log = measures_store_list_log (store, measure_id, FALSE, NULL);

  return g_list_model_get_n_items (log);
}

/* A report is consistent (completed is 100 %, 100 % is completed), says
 * something (a text, or a change of status or progress), and is about a
 * real day that is not in the future. */
static void
test_report_rules (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresMeasure) measure = measure_at (store, 4);
  g_autoptr(MeasuresMeasure) after = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *tomorrow = day_from_today (1);
  gint64 id = measures_measure_get_id (measure);
  struct {
    MeasuresStatus status;
    guint progress;
    const char *text;
    const char *day;
  } refused[] = {
    { MEASURES_STATUS_COMPLETED, 0, "", NULL },
    { MEASURES_STATUS_COMPLETED, 80, "Fast fertig", NULL },
    { MEASURES_STATUS_IN_PROGRESS, 100, "Fertig", NULL },
    /* Nothing new: the measure's own status and progress, no text */
    { measures_measure_get_status (measure), measures_measure_get_progress (measure), "  ", NULL },
    { MEASURES_STATUS_IN_PROGRESS, 30, "Morgen", tomorrow },
    { MEASURES_STATUS_IN_PROGRESS, 30, "Kein Datum", "31.03.2026" },
    { MEASURES_STATUS_IN_PROGRESS, 30, "Kein Tag", "2026-02-30" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_assert_cmpint (measures_store_add_report (store, id, current_revision (store, id),
                                                  refused[i].status, refused[i].progress,
                                                  refused[i].text, refused[i].day, "Anna", NULL,
                                                  &error), ==, 0);
      g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
      g_clear_error (&error);
    }
  g_assert_cmpuint (log_length (store, id), ==, 0);

  /* A change of status alone says something; so does a text alone. */
  g_assert_cmpint (measures_store_add_report (store, id, current_revision (store, id),
                                              MEASURES_STATUS_ON_HOLD,
                                              measures_measure_get_progress (measure), "", NULL,
                                              "Anna", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (measures_store_add_report (store, id, current_revision (store, id),
                                              MEASURES_STATUS_ON_HOLD,
                                              measures_measure_get_progress (measure),
                                              "Wartet weiter", NULL, "Anna", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (measures_store_add_report (store, id, current_revision (store, id),
                                              MEASURES_STATUS_COMPLETED, 100, "Fertig", NULL,
                                              "Anna", NULL, &error), >, 0);
  g_assert_no_error (error);
  after = reread (store, measure);
  g_assert_cmpint (measures_measure_get_status (after), ==, MEASURES_STATUS_COMPLETED);
  g_assert_cmpuint (log_length (store, id), ==, 3);
}

/* A report written today about an earlier day keeps both: when it was
 * recorded, and the day it is about. It does not undo what a report about
 * a later day said. */
static void
test_dated_report (Fixture       *fixture,
                   gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresMeasure) measure = measure_at (store, 5);
  g_autoptr(MeasuresMeasure) after = NULL;
  g_autoptr(MeasuresLogEntry) newest = NULL;
  g_autoptr(MeasuresLogEntry) older = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *today = day_from_today (0);
  g_autofree char *last_month = day_from_today (-30);
  g_autofree char *recorded_day = NULL;
  gint64 id = measures_measure_get_id (measure);

  g_assert_cmpint (measures_store_add_report (store, id, current_revision (store, id),
                                              MEASURES_STATUS_IN_PROGRESS, 60, "Heute", NULL,
                                              "Anna", NULL, &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpint (measures_store_add_report (store, id, current_revision (store, id),
                                              MEASURES_STATUS_IN_PROGRESS, 20,
                                              "Im letzten Monat", last_month, "Anna", NULL,
                                              &error), >, 0);
  g_assert_no_error (error);

  /* Ordered by the day they are about. */
  newest = log_item (store, id, 0);
  older = log_item (store, id, 1);
  g_assert_cmpstr (measures_log_entry_get_text (newest), ==, "Heute");
  g_assert_cmpstr (measures_log_entry_get_reported_for (newest), ==, today);
  g_assert_cmpstr (measures_log_entry_get_text (older), ==, "Im letzten Monat");
  g_assert_cmpstr (measures_log_entry_get_reported_for (older), ==, last_month);
  /* Recorded now, whatever day it is about (the server stamps its own
   * time, in UTC: compare the year only, which is safe but on New Year's
   * night). */
  recorded_day = g_strndup (measures_log_entry_get_date (older), 4);
  g_assert_true (g_str_has_prefix (today, recorded_day));

  /* The measure stays where today's report put it. */
  after = reread (store, measure);
  g_assert_cmpuint (measures_measure_get_progress (after), ==, 60);
}

/* A report is corrected in place: it keeps its author and recording time,
 * the history keeps what it said, the measure follows, undo takes the
 * correction back; a withdrawn report is not corrected. */
static void
test_correct_report (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresUndoStack) undo = measures_undo_stack_new (store);
  g_autoptr(MeasuresMeasure) measure = measure_at (store, 6);
  g_autoptr(MeasuresMeasure) seen = NULL;
  g_autoptr(MeasuresMeasure) after = NULL;
  g_autoptr(MeasuresLogEntry) before = NULL;
  g_autoptr(MeasuresLogEntry) corrected = NULL;
  g_autoptr(MeasuresLogEntry) stored = NULL;
  g_autoptr(MeasuresChange) change = NULL;
  g_autoptr(GListModel) history = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *earlier = day_from_today (-3);
  g_autofree char *message = NULL;
  gint64 id = measures_measure_get_id (measure);
  gint64 entry_id;

  entry_id = measures_store_add_report (store, id, current_revision (store, id),
                                        MEASURES_STATUS_COMPLETED, 100, "Fertig", NULL,
                                        "Anna Anders", NULL, &error);
  g_assert_no_error (error);
  before = log_item (store, id, 0);

  seen = reread (store, measure);
  corrected = measures_log_entry_new (entry_id, id, measures_log_entry_get_date (before),
                                      measures_log_entry_get_author (before),
                                      MEASURES_STATUS_IN_PROGRESS, 70, "Erst zu 70 % fertig",
                                      NULL);
  measures_log_entry_set_reported_for (corrected, earlier);
  g_assert_true (measures_undo_stack_update_report (undo, seen, before, corrected, "Bea Beispiel",
                                                    &error));
  g_assert_no_error (error);

  stored = log_item (store, id, 0);
  g_assert_cmpint (measures_log_entry_get_id (stored), ==, entry_id);
  g_assert_cmpstr (measures_log_entry_get_text (stored), ==, "Erst zu 70 % fertig");
  g_assert_cmpint (measures_log_entry_get_status (stored), ==, MEASURES_STATUS_IN_PROGRESS);
  g_assert_cmpuint (measures_log_entry_get_progress (stored), ==, 70);
  g_assert_cmpstr (measures_log_entry_get_reported_for (stored), ==, earlier);
  g_assert_cmpstr (measures_log_entry_get_date (stored), ==, measures_log_entry_get_date (before));
  after = reread (store, measure);
  g_assert_cmpint (measures_measure_get_status (after), ==, MEASURES_STATUS_IN_PROGRESS);
  g_assert_cmpuint (measures_measure_get_progress (after), ==, 70);

  history = measures_store_list_history (store, id, &error);
  for (guint i = 0; i < g_list_model_get_n_items (history) && change == NULL; i++)
    {
      g_autoptr(MeasuresChange) item = g_list_model_get_item (history, i);

      if (g_str_equal (measures_change_get_field (item), "report"))
        change = g_steal_pointer (&item);
    }
  g_assert_nonnull (change);
  g_assert_nonnull (strstr (measures_change_get_old_value (change), "Fertig"));
  g_assert_nonnull (strstr (measures_change_get_new_value (change), "Erst zu 70 % fertig"));

  /* Inconsistent corrections are refused like inconsistent reports. */
  g_clear_object (&after);
  after = reread (store, measure);
  g_assert_false (measures_store_update_report (store, entry_id, measures_measure_get_revision (after),
                                                MEASURES_STATUS_COMPLETED, 70, "x", earlier,
                                                "Bea", NULL, &error));
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
  g_clear_error (&error);

  /* Undone, the report says again what it said. */
  message = measures_undo_stack_undo (undo, "Bea Beispiel", &error);
  g_assert_no_error (error);
  g_clear_object (&stored);
  stored = log_item (store, id, 0);
  g_assert_cmpstr (measures_log_entry_get_text (stored), ==, "Fertig");
  g_assert_cmpint (measures_log_entry_get_status (stored), ==, MEASURES_STATUS_COMPLETED);
  g_clear_object (&after);
  after = reread (store, measure);
  g_assert_cmpint (measures_measure_get_status (after), ==, MEASURES_STATUS_COMPLETED);

  /* Withdrawn, it cannot be corrected. */
  g_assert_true (measures_undo_stack_withdraw_report (undo, after, stored, "Bea", &error));
  g_assert_no_error (error);
  g_clear_object (&after);
  after = reread (store, measure);
  g_assert_false (measures_store_update_report (store, entry_id, measures_measure_get_revision (after),
                                                MEASURES_STATUS_IN_PROGRESS, 50, "x", earlier,
                                                "Bea", NULL, &error));
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
}

/* Withdrawing an older report leaves the measure where the latest one put
 * it; withdrawing the latest one goes back to the one before, and undo
 * reinstates it. */
static void
test_withdraw_report (Fixture       *fixture,
                      gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresUndoStack) undo = measures_undo_stack_new (store);
  g_autoptr(MeasuresMeasure) measure = measure_at (store, 7);
  g_autoptr(MeasuresMeasure) after = NULL;
  g_autoptr(MeasuresLogEntry) first = NULL;
  g_autoptr(MeasuresLogEntry) latest = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *message = NULL;
  gint64 id = measures_measure_get_id (measure);

  g_assert_cmpint (measures_store_add_report (store, id, current_revision (store, id),
                                              MEASURES_STATUS_IN_PROGRESS, 20, "Begonnen", NULL,
                                              "Anna", NULL, &error), >, 0);
  g_assert_cmpint (measures_store_add_report (store, id, current_revision (store, id),
                                              MEASURES_STATUS_IN_PROGRESS, 50, "Halbzeit", NULL,
                                              "Anna", NULL, &error), >, 0);
  g_assert_no_error (error);
  latest = log_item (store, id, 0);
  first = log_item (store, id, 1);

  after = reread (store, measure);
  g_assert_true (measures_undo_stack_withdraw_report (undo, after, first, "Anna", &error));
  g_assert_no_error (error);
  g_clear_object (&after);
  after = reread (store, measure);
  g_assert_cmpuint (measures_measure_get_progress (after), ==, 50);
  g_assert_cmpuint (log_length (store, id), ==, 1);

  g_assert_true (measures_undo_stack_withdraw_report (undo, after, latest, "Anna", &error));
  g_assert_no_error (error);
  g_clear_object (&after);
  after = reread (store, measure);
  g_assert_cmpuint (log_length (store, id), ==, 0);
  g_assert_cmpuint (measures_measure_get_progress (after), ==, 0);
  g_assert_true (measures_measure_get_status_derived (after));

  message = measures_undo_stack_undo (undo, "Anna", &error);
  g_assert_no_error (error);
  g_clear_object (&after);
  after = reread (store, measure);
  g_assert_cmpuint (measures_measure_get_progress (after), ==, 50);
  g_assert_cmpuint (log_length (store, id), ==, 1);
}

/* The command line ------------------------------------------------------------ */

/* `measures --database ADDRESS --dump-json` reads the strategy wherever it
 * is kept: the same measures as the store lists. */
static void
test_command_line_reads_it (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);
  g_autofree char *address = fixture->engine->dup_address (fixture);
  const char *argv[] = { g_getenv ("MEASURES_BIN"), "--database", address, "--dump-json", NULL };
  g_autoptr(MeasuresMeasure) first = measure_at (store, 0);
  g_autoptr(MeasuresMeasure) renamed = measures_measure_copy_with (first, "title",
                                                                   "Nur in diesem Speicher", NULL);
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  JsonArray *dumped;
  int status = -1;

  /* What only this strategy holds, so that no other could pass for it. */
  g_assert_true (measures_store_update_measure (store, renamed, measures_measure_get_revision (first),
                                                "Test", NULL, &error));
  g_assert_no_error (error);
  measures = measures_store_list_measures (store, NULL);

  g_assert_nonnull (argv[0]);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, &out, &err,
                               &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("measures --dump-json failed: %s", err);

  g_assert_true (json_parser_load_from_data (parser, out, -1, &error));
  g_assert_no_error (error);
  dumped = json_object_get_array_member (json_node_get_object (json_parser_get_root (parser)),
                                         "measures");
  g_assert_cmpuint (json_array_get_length (dumped), ==, g_list_model_get_n_items (measures));
  for (guint i = 0; i < json_array_get_length (dumped); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);

      g_assert_cmpstr (json_object_get_string_member (json_array_get_object_element (dumped, i),
                                                      "title"),
                       ==, measures_measure_get_title (measure));
    }
}

/* Runs the program with @args, and returns what it wrote. */
static char *
run_measures (const char * const *args)
{
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *err = NULL;
  char *out = NULL;
  int status = -1;

  g_ptr_array_add (argv, (gpointer)g_getenv ("MEASURES_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer)args[i]);
  g_ptr_array_add (argv, NULL);

  g_assert_true (g_spawn_sync (NULL, (char **)argv->pdata, NULL, G_SPAWN_DEFAULT, NULL, NULL,
                               &out, &err, &status, &error));
  g_assert_no_error (error);
  if (!g_spawn_check_wait_status (status, NULL))
    g_error ("measures failed: %s", err);

  return out;
}

/* An empty place for a strategy on another engine where there is one: a
 * file's strategy moves onto the server, the server's into a file. */
static char *
dup_empty_address_elsewhere (Fixture *fixture)
{
  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    if (&engines[i] != fixture->engine && engine_available (&engines[i]))
      return engines[i].dup_empty_address (fixture);

  return fixture->engine->dup_empty_address (fixture);
}

/* A strategy moves from one place into an empty one — from the file onto a
 * server, or back — whole: the same dump, with its log and history, ids
 * and dates. */
static void
test_strategy_moves_whole (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);
  g_autofree char *from = fixture->engine->dup_address (fixture);
  g_autofree char *to = dup_empty_address_elsewhere (fixture);
  g_autofree char *file = temp_path (&fixture->dir, "strategy.json");
  g_autoptr(MeasuresMeasure) first = measure_at (store, 2);
  g_autoptr(MeasuresMeasure) edited = measures_measure_copy_with (first, "costs", "50 000 Euro",
                                                                  NULL);
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *read = NULL;
  g_autofree char *again = NULL;
  gint64 revision = 0;

  /* Something of its own in the history and the log. */
  g_assert_true (measures_store_update_measure (store, edited,
                                                measures_measure_get_revision (first), "Anna",
                                                &revision, &error));
  g_assert_cmpint (measures_store_add_log_entry (store, measures_measure_get_id (first), revision,
                                                 MEASURES_STATUS_IN_PROGRESS, 25, "Begonnen",
                                                 "Anna", &revision, &error), >, 0);
  g_assert_no_error (error);
  /* A report about an earlier day keeps that day. */
  g_assert_cmpint (measures_store_add_report (store, measures_measure_get_id (first), revision,
                                              MEASURES_STATUS_IN_PROGRESS, 10, "Vorbereitet",
                                              "2025-03-14", "Anna", NULL, &error), >, 0);
  g_assert_no_error (error);

  dump = run_measures ((const char *[]){ "--database", from, "--dump-json", NULL });
  g_assert_nonnull (strstr (dump, "\"reported_for\" : \"2025-03-14\""));
  g_assert_true (g_file_set_contents (file, dump, -1, &error));
  read = run_measures ((const char *[]){ "--database", to, "--import-json", file, NULL });
  g_assert_nonnull (strstr (read, "Read 50 measures"));
  again = run_measures ((const char *[]){ "--database", to, "--dump-json", NULL });
  g_assert_cmpstr (again, ==, dump);
}

/* Another writer ------------------------------------------------------------- */

typedef struct
{
  gint64 wanted;
  gboolean seen;
  gboolean offices;
} Announced;

static void
measure_changed (MeasuresStore *store,
                 gint64         id,
                 Announced     *announced)
{
  if (id == announced->wanted)
    announced->seen = TRUE;
}

static void
offices_changed (MeasuresStore *store,
                 Announced     *announced)
{
  announced->offices = TRUE;
}

static gboolean
time_is_up (gpointer data)
{
  *(gboolean *)data = TRUE;
  return G_SOURCE_REMOVE;
}

/* Runs the main loop until the change is announced, for a second at most. */
static gboolean
wait_for_announcement (Announced *announced)
{
  gboolean up = FALSE;
  guint timeout = g_timeout_add (1000, time_is_up, &up);

  while (!announced->seen && !up)
    g_main_context_iteration (NULL, TRUE);

  if (!up)
    g_source_remove (timeout);
  return announced->seen;
}

static void
test_other_writer_is_announced (Fixture       *fixture,
                                gconstpointer  data)
{
  g_autoptr(MeasuresStore) a = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresStore) b = fixture->engine->open_again (fixture);
  g_autoptr(MeasuresMeasure) seen = measure_at (b, 21);
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(GError) error = NULL;
  Announced announced = { measures_measure_get_id (seen), FALSE, FALSE };

  g_signal_connect (a, "measure-changed", G_CALLBACK (measure_changed), &announced);
  g_signal_connect (a, "offices-changed", G_CALLBACK (offices_changed), &announced);

  edited = measures_measure_copy_with (seen, "title", "Von nebenan", NULL);
  g_assert_true (measures_store_update_measure (b, edited, measures_measure_get_revision (seen),
                                                "Bea Beispiel", NULL, &error));
  g_assert_true (wait_for_announcement (&announced));
  g_assert_true (announced.offices);
}

/* A second process, as a second window on the same file: this program run
 * with "--write DATABASE POSITION TITLE". */
static int
write_as_other_process (const char *path,
                        guint       position,
                        const char *title)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = measures_store_open (path, &error);
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(MeasuresMeasure) edited = NULL;

  if (store == NULL)
    g_error ("%s", error->message);

  measure = measure_at (store, position);
  edited = measures_measure_copy_with (measure, "title", title, NULL);
  if (!measures_store_update_measure (store, edited, measures_measure_get_revision (measure),
                                      "Other Process", NULL, &error))
    g_error ("%s", error->message);

  return 0;
}

static const char *test_program;

static void
test_other_process_is_announced (Fixture       *fixture,
                                 gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresMeasure) measure = measure_at (store, 30);
  g_autoptr(MeasuresMeasure) stored = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = fixture->engine->dup_address (fixture);
  g_autofree char *position = g_strdup ("30");
  const char *argv[] = { test_program, "--write", path, position, "Aus dem anderen Prozess", NULL };
  Announced announced = { measures_measure_get_id (measure), FALSE, FALSE };
  int status = -1;
  gint64 start;

  g_signal_connect (store, "measure-changed", G_CALLBACK (measure_changed), &announced);
  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL,
                               &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, &error));

  start = g_get_monotonic_time ();
  g_assert_true (wait_for_announcement (&announced));
  g_test_message ("announced after %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);

  stored = reread (store, measure);
  g_assert_cmpstr (measures_measure_get_title (stored), ==, "Aus dem anderen Prozess");
}

/* Indicators ------------------------------------------------------------------ */

/* An indicator of goal 2, which the office leading the first measure
 * answers for. */
static MeasuresIndicator *
new_indicator (MeasuresStore *store,
               const char    *name)
{
  g_autoptr(MeasuresMeasure) first = measure_at (store, 0);
  g_autoptr(MeasuresIndicator) empty = measures_indicator_new ();
  g_autoptr(GPtrArray) targets = measures_indicator_targets_new ();

  measures_indicator_targets_add (targets, "2025-12-31", 15);
  measures_indicator_targets_add (targets, "2030-12-31", 20.5);
  return measures_indicator_copy_with (empty,
                                       "goal", 2,
                                       "name", name,
                                       "unit", "%",
                                       "description", "Anteil an allen Studierenden",
                                       "office", measures_measure_get_lead_offices (first)[0],
                                       "baseline-value", 12.25,
                                       "baseline-date", "2019-12-31",
                                       "direction", MEASURES_DIRECTION_UP,
                                       "interval-months", 12,
                                       "targets", targets,
                                       NULL);
}

static MeasuresIndicator *
reread_indicator (MeasuresStore *store,
                  gint64         id)
{
  g_autoptr(GError) error = NULL;
  MeasuresIndicator *indicator = measures_store_get_indicator (store, id, &error);

  g_assert_no_error (error);
  return indicator;
}

static gint64
create_indicator (MeasuresStore *store,
                  const char    *name)
{
  g_autoptr(MeasuresIndicator) indicator = new_indicator (store, name);
  g_autoptr(GError) error = NULL;
  gint64 id = measures_store_create_indicator (store, indicator, "Koordination", &error);

  g_assert_no_error (error);
  g_assert_cmpint (id, >, 0);
  return id;
}

static char *
newest_indicator_field (MeasuresStore *store,
                        gint64         id,
                        guint         *n_changes)
{
  g_autoptr(GListModel) history = measures_store_list_indicator_history (store, id, NULL);
  g_autoptr(MeasuresChange) change = g_list_model_get_item (history, 0);

  *n_changes = g_list_model_get_n_items (history);
  return g_strdup (measures_change_get_field (change));
}

static void
test_indicator_with_history (Fixture       *fixture,
                             gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresMeasure) measure = measure_at (store, 0);
  g_autoptr(MeasuresIndicator) of_measure = NULL;
  g_autoptr(MeasuresIndicator) stored = NULL;
  g_autoptr(MeasuresIndicator) edited = NULL;
  g_autoptr(MeasuresIndicator) after = NULL;
  g_autoptr(MeasuresIndicator) listed = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(GListModel) removed = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;
  g_autoptr(GPtrArray) targets = measures_indicator_targets_new ();
  guint n_changes = 0;
  gint64 id, measure_indicator;

  /* The embedded strategy has none. */
  list = measures_store_list_indicators (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
  g_clear_object (&list);

  id = create_indicator (store, "Internationale Studierende");
  stored = reread_indicator (store, id);
  g_assert_cmpstr (measures_indicator_get_name (stored), ==, "Internationale Studierende");
  g_assert_cmpuint (measures_indicator_get_goal (stored), ==, 2);
  g_assert_cmpint (measures_indicator_get_measure_id (stored), ==, 0);
  g_assert_cmpstr (measures_indicator_get_office (stored), ==,
                   measures_measure_get_lead_offices (measure)[0]);
  g_assert_cmpfloat (measures_indicator_get_baseline_value (stored), ==, 12.25);
  g_assert_cmpstr (measures_indicator_get_baseline_date (stored), ==, "2019-12-31");
  g_assert_cmpuint (measures_indicator_get_interval_months (stored), ==, 12);
  g_assert_cmpuint (measures_indicator_get_n_targets (stored), ==, 2);
  g_assert_cmpstr (measures_indicator_get_target (stored, 1)->date, ==, "2030-12-31");
  g_assert_cmpfloat (measures_indicator_get_target (stored, 1)->value, ==, 20.5);
  g_assert_cmpint (measures_indicator_get_revision (stored), >, 0);
  g_assert_null (measures_indicator_get_removed (stored));
  g_assert_nonnull (measures_indicator_get_updated (stored));

  /* One of the first measure (goal 1): listed first, by goal. */
  of_measure = measures_indicator_copy_with (stored, "goal", 0,
                                             "measure-id", measures_measure_get_id (measure),
                                             "name", "Partnerschaften", NULL);
  measure_indicator = measures_store_create_indicator (store, of_measure, "Koordination", &error);
  g_assert_no_error (error);
  list = measures_store_list_indicators (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 2);
  listed = g_list_model_get_item (list, 0);
  g_assert_cmpint (measures_indicator_get_id (listed), ==, measure_indicator);
  g_clear_object (&list);

  /* An edit records each field that changed. */
  measures_indicator_targets_add (targets, "2030-12-31", 25);
  edited = measures_indicator_copy_with (stored, "unit", "Prozent", "targets", targets,
                                         "direction", MEASURES_DIRECTION_DOWN, NULL);
  g_assert_true (measures_store_update_indicator (store, edited,
                                                  measures_indicator_get_revision (stored),
                                                  "Erika Mustermann", &error));
  g_assert_no_error (error);
  after = reread_indicator (store, id);
  g_assert_cmpstr (measures_indicator_get_unit (after), ==, "Prozent");
  g_assert_cmpint (measures_indicator_get_direction (after), ==, MEASURES_DIRECTION_DOWN);
  g_assert_cmpuint (measures_indicator_get_n_targets (after), ==, 1);
  g_assert_cmpint (measures_indicator_get_revision (after), >,
                   measures_indicator_get_revision (stored));
  {
    g_autoptr(GListModel) history = measures_store_list_indicator_history (store, id, NULL);

    /* created, unit, direction, targets */
    g_assert_cmpuint (g_list_model_get_n_items (history), ==, 4);
  }

  /* Removed, it is kept: listed as removed, and restored. */
  g_assert_true (measures_store_remove_indicator (store, id,
                                                  measures_indicator_get_revision (after),
                                                  "Erika Mustermann", &error));
  g_assert_no_error (error);
  list = measures_store_list_indicators (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 1);
  removed = measures_store_list_removed_indicators (store, &error);
  g_assert_cmpuint (g_list_model_get_n_items (removed), ==, 1);
  g_clear_object (&after);
  after = reread_indicator (store, id);
  g_assert_nonnull (measures_indicator_get_removed (after));
  field = newest_indicator_field (store, id, &n_changes);
  g_assert_cmpstr (field, ==, "removed");

  g_assert_true (measures_store_restore_indicator (store, id,
                                                   measures_indicator_get_revision (after),
                                                   "Erika Mustermann", &error));
  g_assert_no_error (error);
  g_clear_object (&after);
  after = reread_indicator (store, id);
  g_assert_null (measures_indicator_get_removed (after));
  g_clear_pointer (&field, g_free);
  field = newest_indicator_field (store, id, &n_changes);
  g_assert_cmpstr (field, ==, "restored");
  g_assert_cmpuint (n_changes, ==, 6);
}

static void
test_indicator_values (Fixture       *fixture,
                       gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);
  gint64 id = create_indicator (store, "Gastwissenschaftler");
  g_autoptr(MeasuresIndicator) seen = reread_indicator (store, id);
  g_autoptr(MeasuresIndicator) after = NULL;
  g_autoptr(MeasuresIndicatorValue) first = NULL;
  g_autoptr(GListModel) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *field = NULL;
  guint n_changes = 0;
  gint64 later, earlier;

  later = measures_store_add_indicator_value (store, id, measures_indicator_get_revision (seen),
                                              "2023-12-31", 14.5, "Statistik der Hochschulen",
                                              "Erika Mustermann", &error);
  g_assert_no_error (error);
  g_assert_cmpint (later, >, 0);
  after = reread_indicator (store, id);
  g_assert_cmpint (measures_indicator_get_revision (after), >,
                   measures_indicator_get_revision (seen));
  earlier = measures_store_add_indicator_value (store, id, measures_indicator_get_revision (after),
                                                "2021-12-31", 13, NULL, "Erika Mustermann",
                                                &error);
  g_assert_no_error (error);

  /* By date, not by when they were recorded. */
  values = measures_store_list_indicator_values (store, id, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, 2);
  first = g_list_model_get_item (values, 0);
  g_assert_cmpint (measures_indicator_value_get_id (first), ==, earlier);
  g_assert_cmpstr (measures_indicator_value_get_date (first), ==, "2021-12-31");
  g_assert_cmpfloat (measures_indicator_value_get_value (first), ==, 13);
  g_assert_cmpstr (measures_indicator_value_get_note (first), ==, "");
  g_assert_cmpstr (measures_indicator_value_get_recorded (first), !=, "");
  g_clear_object (&values);

  /* Not a date, not a number: nothing written. */
  g_assert_cmpint (measures_store_add_indicator_value (store, id, G_MAXINT64, "31.12.2024", 1,
                                                       NULL, "Erika", &error), ==, 0);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_cmpint (measures_store_add_indicator_value (store, id, G_MAXINT64, "2024-12-31", NAN,
                                                       NULL, "Erika", &error), ==, 0);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
  g_clear_error (&error);

  g_assert_true (measures_store_remove_indicator_value (store, later, "Erika Mustermann", &error));
  g_assert_no_error (error);
  values = measures_store_list_indicator_values (store, id, &error);
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, 1);
  field = newest_indicator_field (store, id, &n_changes);
  g_assert_cmpstr (field, ==, "value");
  /* created, two values, one removal */
  g_assert_cmpuint (n_changes, ==, 4);

  /* Gone is gone. */
  g_assert_false (measures_store_remove_indicator_value (store, later, "Erika", &error));
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
}

static void
test_stale_indicator_edit_is_refused (Fixture       *fixture,
                                      gconstpointer  data)
{
  g_autoptr(MeasuresStore) a = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresStore) b = fixture->engine->open_again (fixture);
  gint64 id = create_indicator (a, "Austauschprogramme");
  g_autoptr(MeasuresIndicator) seen_by_a = reread_indicator (a, id);
  g_autoptr(MeasuresIndicator) seen_by_b = reread_indicator (b, id);
  g_autoptr(MeasuresIndicator) by_a = NULL;
  g_autoptr(MeasuresIndicator) by_b = NULL;
  g_autoptr(MeasuresIndicator) stored = NULL;
  g_autoptr(GError) error = NULL;
  gint64 base = measures_indicator_get_revision (seen_by_a);

  by_b = measures_indicator_copy_with (seen_by_b, "name", "Austauschprogramme (B)", NULL);
  g_assert_true (measures_store_update_indicator (b, by_b, base, "Bea Beispiel", &error));
  g_assert_no_error (error);

  by_a = measures_indicator_copy_with (seen_by_a, "unit", "Programme", NULL);
  g_assert_false (measures_store_update_indicator (a, by_a, base, "Anna Anders", &error));
  assert_conflict (error, "Bea Beispiel");
  g_clear_error (&error);
  g_assert_false (measures_store_remove_indicator (a, id, base, "Anna Anders", &error));
  assert_conflict (error, "Bea Beispiel");

  stored = reread_indicator (a, id);
  g_assert_cmpstr (measures_indicator_get_name (stored), ==, "Austauschprogramme (B)");
  g_assert_cmpstr (measures_indicator_get_unit (stored), ==, "%");
  g_assert_null (measures_indicator_get_removed (stored));
}

/* The rule of measures: recording a value and editing the definition, at
 * the same time, both stand; two values recorded from the same stale
 * copy do not: the second recorder sees the first's value first. */
static void
test_indicator_value_and_edit_do_not_conflict (Fixture       *fixture,
                                               gconstpointer  data)
{
  g_autoptr(MeasuresStore) a = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresStore) b = fixture->engine->open_again (fixture);
  gint64 id = create_indicator (a, "Städtepartnerschaften");
  g_autoptr(MeasuresIndicator) seen = reread_indicator (a, id);
  g_autoptr(MeasuresIndicator) edited = NULL;
  g_autoptr(MeasuresIndicator) stored = NULL;
  g_autoptr(GListModel) values = NULL;
  g_autoptr(GError) error = NULL;
  gint64 base = measures_indicator_get_revision (seen);

  g_assert_cmpint (measures_store_add_indicator_value (b, id, base, "2024-06-30", 7, NULL,
                                                       "Bea Beispiel", &error), >, 0);
  g_assert_no_error (error);
  edited = measures_indicator_copy_with (seen, "description", "Aktive Partnerschaften", NULL);
  g_assert_true (measures_store_update_indicator (a, edited, base, "Koordination", &error));
  g_assert_no_error (error);

  g_assert_cmpint (measures_store_add_indicator_value (a, id, base, "2024-06-30", 8, NULL,
                                                       "Anna Anders", &error), ==, 0);
  assert_conflict (error, "Bea Beispiel");

  stored = reread_indicator (a, id);
  g_assert_cmpstr (measures_indicator_get_description (stored), ==, "Aktive Partnerschaften");
  values = measures_store_list_indicator_values (a, id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, 1);
}

static void
test_indicator_validation (Fixture       *fixture,
                           gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresIndicator) valid = new_indicator (store, "Gültig");
  g_autoptr(GPtrArray) many = measures_indicator_targets_new ();
  g_autofree char *long_unit = g_strnfill (MEASURES_MAX_UNIT_LENGTH + 1, 'x');
  g_autoptr(GListModel) list = NULL;
  struct {
    MeasuresIndicator *indicator;
    const char *field;
  } cases[] = {
    { measures_indicator_copy_with (valid, "name", "  ", NULL), "name" },
    { measures_indicator_copy_with (valid, "unit", long_unit, NULL), "unit" },
    { measures_indicator_copy_with (valid, "goal", 0, NULL), "goal" },
    { measures_indicator_copy_with (valid, "measure-id", (gint64)1, NULL), "goal" },
    { measures_indicator_copy_with (valid, "baseline-date", "2019-02-30", NULL), "baseline-date" },
    { measures_indicator_copy_with (valid, "baseline-value", INFINITY, NULL), "baseline-value" },
    { measures_indicator_copy_with (valid, "interval-months", 61, NULL), "interval-months" },
    { NULL, "targets" },
  };

  for (guint i = 0; i <= MEASURES_MAX_INDICATOR_TARGETS; i++)
    measures_indicator_targets_add (many, "2030-01-01", i);
  cases[G_N_ELEMENTS (cases) - 1].indicator = measures_indicator_copy_with (valid, "targets", many,
                                                                           NULL);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(MeasuresIndicator) indicator = cases[i].indicator;
      g_autoptr(GError) error = NULL;
      const char *field = NULL;

      g_assert_false (measures_indicator_validate (indicator, &field, &error));
      g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
      g_assert_cmpstr (field, ==, cases[i].field);
      g_clear_error (&error);
      g_assert_cmpint (measures_store_create_indicator (store, indicator, "Anna", &error), ==, 0);
      g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
    }

  /* What only the store can know: the goal, the measure, the office. */
  {
    g_autoptr(MeasuresIndicator) no_goal = measures_indicator_copy_with (valid, "goal", 9, NULL);
    g_autoptr(MeasuresIndicator) no_measure =
      measures_indicator_copy_with (valid, "goal", 0, "measure-id", (gint64)999999, NULL);
    g_autoptr(MeasuresIndicator) no_office =
      measures_indicator_copy_with (valid, "office", "Amt für Nichts", NULL);
    MeasuresIndicator *refused[] = { no_goal, no_measure, no_office };

    for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
      {
        g_autoptr(GError) error = NULL;

        g_assert_true (measures_indicator_validate (refused[i], NULL, NULL));
        g_assert_cmpint (measures_store_create_indicator (store, refused[i], "Anna", &error), ==,
                         0);
        g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID);
      }
  }

  list = measures_store_list_indicators (store, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (list), ==, 0);
}

/* Undoing indicators' changes, as measures': one's own steps go back one
 * after the other; a step someone else wrote over since is refused. */
static void
test_indicator_undo (Fixture       *fixture,
                     gconstpointer  data)
{
  g_autoptr(MeasuresStore) a = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresStore) b = fixture->engine->open_again (fixture);
  g_autoptr(MeasuresUndoStack) undo = measures_undo_stack_new (a);
  g_autoptr(MeasuresIndicator) template = new_indicator (a, "Rückgängig");
  g_autoptr(MeasuresIndicator) seen = NULL;
  g_autoptr(MeasuresIndicator) edited = NULL;
  g_autoptr(MeasuresIndicator) stored = NULL;
  g_autoptr(GListModel) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *undone = NULL;
  gint64 id;

  id = measures_undo_stack_create_indicator (undo, template, "Anna Anders", &error);
  g_assert_no_error (error);
  seen = reread_indicator (a, id);
  g_assert_cmpint (measures_undo_stack_add_indicator_value (undo, seen, "2024-12-31", 42, "Erste",
                                                            "Anna Anders", &error), >, 0);
  g_assert_no_error (error);
  g_clear_object (&seen);
  seen = reread_indicator (a, id);
  edited = measures_indicator_copy_with (seen, "unit", "Personen", NULL);
  g_assert_true (measures_undo_stack_edit_indicator (undo, seen, edited, "Anna Anders", &error));
  g_assert_no_error (error);

  /* The edit, then the value, go back. */
  undone = measures_undo_stack_undo (undo, "Anna Anders", &error);
  g_assert_no_error (error);
  g_clear_pointer (&undone, g_free);
  stored = reread_indicator (a, id);
  g_assert_cmpstr (measures_indicator_get_unit (stored), ==, "%");
  undone = measures_undo_stack_undo (undo, "Anna Anders", &error);
  g_assert_no_error (error);
  g_clear_pointer (&undone, g_free);
  values = measures_store_list_indicator_values (a, id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, 0);
  g_clear_object (&values);

  /* Recorded again; then B records one: A's undo is refused. */
  undone = measures_undo_stack_redo (undo, "Anna Anders", &error);
  g_assert_no_error (error);
  g_clear_pointer (&undone, g_free);
  g_clear_object (&stored);
  stored = reread_indicator (b, id);
  g_assert_cmpint (measures_store_add_indicator_value (b, id, measures_indicator_get_revision (stored),
                                                       "2025-12-31", 43, NULL, "Bea Beispiel",
                                                       &error), >, 0);
  g_assert_no_error (error);
  g_assert_null (measures_undo_stack_undo (undo, "Anna Anders", &error));
  assert_conflict (error, "Bea Beispiel");
  g_clear_error (&error);
  values = measures_store_list_indicator_values (a, id, NULL);
  g_assert_cmpuint (g_list_model_get_n_items (values), ==, 2);
  g_assert_true (measures_undo_stack_get_can_undo (undo));
}

/* `--dump-json` writes indicators with their targets, values and history,
 * and `--import-json` reads them back: the dump of the copy is the same. */
static void
test_indicators_round_trip (Fixture       *fixture,
                            gconstpointer  data)
{
  g_autoptr(MeasuresStore) store = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresMeasure) measure = measure_at (store, 5);
  g_autoptr(MeasuresIndicator) template = new_indicator (store, "Hin und zurück");
  g_autoptr(MeasuresIndicator) of_measure = NULL;
  g_autoptr(MeasuresIndicator) seen = NULL;
  g_autoptr(MeasuresIndicator) edited = NULL;
  g_autoptr(MeasuresStore) copy = NULL;
  g_autoptr(GListModel) indicators = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (&fixture->dir, "copy.db");
  g_autofree char *dump = NULL;
  g_autofree char *again = NULL;
  gint64 id, other;

  id = measures_store_create_indicator (store, template, "Koordination", &error);
  g_assert_no_error (error);
  g_assert_cmpint (measures_store_add_indicator_value (store, id, G_MAXINT64, "2022-12-31", 0.1,
                                                       "ein Zehntel", "Erika", &error), >, 0);
  g_assert_cmpint (measures_store_add_indicator_value (store, id, G_MAXINT64, "2023-12-31",
                                                       -1234.5678, NULL, "Erika", &error), >, 0);
  g_assert_no_error (error);
  seen = reread_indicator (store, id);
  edited = measures_indicator_copy_with (seen, "baseline-date", NULL, "interval-months", 3, NULL);
  g_assert_true (measures_store_update_indicator (store, edited,
                                                  measures_indicator_get_revision (seen),
                                                  "Erika", &error));
  of_measure = measures_indicator_copy_with (template, "goal", 0,
                                             "measure-id", measures_measure_get_id (measure),
                                             "name", "Einer Maßnahme", "office", "", NULL);
  other = measures_store_create_indicator (store, of_measure, "Koordination", &error);
  g_assert_no_error (error);
  g_assert_true (measures_store_remove_indicator (store, other, G_MAXINT64, "Erika", &error));
  g_assert_no_error (error);

  dump = measures_export_json (store, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (dump, "\"indicators\""));

  copy = measures_store_open (path, &error);
  g_assert_no_error (error);
  bytes = g_bytes_new (dump, strlen (dump));
  g_assert_true (measures_import_strategy (copy, bytes, "dump.json", &error));
  g_assert_no_error (error);
  again = measures_export_json (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (again, ==, dump);

  indicators = measures_store_list_removed_indicators (copy, &error);
  g_assert_cmpuint (g_list_model_get_n_items (indicators), ==, 1);
}

typedef struct
{
  gint64 wanted;
  guint seen;
} IndicatorAnnounced;

static void
indicator_changed (MeasuresStore      *store,
                   gint64              id,
                   IndicatorAnnounced *announced)
{
  if (id == announced->wanted)
    announced->seen++;
}

static gboolean
wait_for_indicator (IndicatorAnnounced *announced,
                    guint               times)
{
  gboolean up = FALSE;
  guint timeout = g_timeout_add (1000, time_is_up, &up);

  while (announced->seen < times && !up)
    g_main_context_iteration (NULL, TRUE);

  if (!up)
    g_source_remove (timeout);
  return announced->seen >= times;
}

static void
test_other_writer_indicator_is_announced (Fixture       *fixture,
                                          gconstpointer  data)
{
  g_autoptr(MeasuresStore) a = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresStore) b = fixture->engine->open_again (fixture);
  gint64 id = create_indicator (b, "Von nebenan");
  g_autoptr(MeasuresIndicator) seen = reread_indicator (b, id);
  g_autoptr(GError) error = NULL;
  IndicatorAnnounced own = { id, 0 };
  IndicatorAnnounced other = { id, 0 };

  /* Let A catch up with the creation first. */
  g_signal_connect (a, "indicator-changed", G_CALLBACK (indicator_changed), &other);
  g_assert_true (wait_for_indicator (&other, 1));

  /* A value recorded by B: B tells its own listeners at once, A soon. */
  g_signal_connect (b, "indicator-changed", G_CALLBACK (indicator_changed), &own);
  g_assert_cmpint (measures_store_add_indicator_value (b, id,
                                                       measures_indicator_get_revision (seen),
                                                       "2024-12-31", 3, NULL, "Bea", &error), >, 0);
  g_assert_no_error (error);
  g_assert_cmpuint (own.seen, ==, 1);
  g_assert_true (wait_for_indicator (&other, 2));
}

#ifdef HAVE_POSTGRESQL
/* Roles enforced by the server ------------------------------------------------ */

static MeasuresStore *
open_as (Fixture    *fixture,
         const char *user)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *conninfo = g_strdup_printf ("%s user=%s", fixture->conninfo, user);
  MeasuresStore *store = measures_store_open (conninfo, &error);

  g_assert_no_error (error);
  return store;
}

static gboolean
takes_part (MeasuresMeasure *measure,
            const char      *office)
{
  return g_strv_contains (measures_measure_get_lead_offices (measure), office) ||
         g_strv_contains (measures_measure_get_involved_offices (measure), office);
}

static void
assert_not_allowed (GError     **error,
                    const char  *title)
{
  g_assert_error (*error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_NOT_ALLOWED);
  if (title != NULL)
    g_assert_nonnull (strstr ((*error)->message, title));
  g_clear_error (error);
}

static guint
n_items (GListModel *model)
{
  g_autoptr(GListModel) owned = model;

  g_assert_nonnull (owned);
  return g_list_model_get_n_items (owned);
}

/* The newest entry's author, of the log or the history. */
static char *
newest_log_author (MeasuresStore *store,
                   gint64         measure_id)
{
  g_autoptr(GListModel) log = measures_store_list_log (store, measure_id, FALSE, NULL);
  g_autoptr(MeasuresLogEntry) entry = g_list_model_get_item (log, 0);

  return g_strdup (measures_log_entry_get_author (entry));
}

static char *
newest_change_author (MeasuresStore *store,
                      gint64         measure_id)
{
  g_autoptr(GListModel) history = measures_store_list_history (store, measure_id, NULL);
  g_autoptr(MeasuresChange) change = g_list_model_get_item (history, 0);

  return g_strdup (measures_change_get_author (change));
}

/* Tries every kind of write as a user who may not make it, and checks
 * that the measure and its history are as before. */
static void
assert_refused (MeasuresStore   *store,
                MeasuresMeasure *measure,
                gboolean         may_report)
{
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(MeasuresMeasure) fresh = NULL;
  g_autoptr(MeasuresMeasure) after = NULL;
  g_autoptr(GError) error = NULL;
  gint64 id = measures_measure_get_id (measure);
  gint64 base = measures_measure_get_revision (measure);
  guint n_history = n_items (measures_store_list_history (store, id, NULL));
  guint n_measures = n_items (measures_store_list_measures (store, NULL));
  const char *title = measures_measure_get_title (measure);

  edited = measures_measure_copy_with (measure, "costs", "Viel Geld", NULL);
  g_assert_false (measures_store_update_measure (store, edited, base, "Anna", NULL, &error));
  assert_not_allowed (&error, title);

  g_assert_false (measures_store_set_removed (store, id, base, TRUE, "Anna", NULL, &error));
  assert_not_allowed (&error, title);

  fresh = measures_measure_copy_with (measure, "title", "Neu und unerlaubt", NULL);
  g_assert_cmpint (measures_store_create_measure (store, fresh, "Anna", NULL, &error), ==, 0);
  assert_not_allowed (&error, NULL);

  if (!may_report)
    {
      g_assert_cmpint (measures_store_add_log_entry (store, id, base, MEASURES_STATUS_COMPLETED,
                                                     100, "Fertig", "Anna", NULL, &error), ==, 0);
      assert_not_allowed (&error, title);
    }

  /* Nothing half-written. */
  after = reread (store, measure);
  g_assert_cmpint (measures_measure_get_revision (after), ==, base);
  g_assert_cmpstr (measures_measure_get_costs (after), ==, measures_measure_get_costs (measure));
  g_assert_null (measures_measure_get_removed (after));
  g_assert_cmpuint (measures_measure_get_progress (after), ==,
                    measures_measure_get_progress (measure));
  g_assert_cmpuint (n_items (measures_store_list_history (store, id, NULL)), ==, n_history);
  g_assert_cmpuint (n_items (measures_store_list_measures (store, NULL)), ==, n_measures);
}

static void
test_roles_are_enforced (Fixture       *fixture,
                         gconstpointer  data)
{
  g_autoptr(MeasuresStore) owner = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresStore) coordinator = open_as (fixture, COORDINATOR);
  g_autoptr(MeasuresStore) official = open_as (fixture, OFFICIAL);
  g_autoptr(MeasuresStore) reader = open_as (fixture, READER);
  g_autoptr(GListModel) measures = measures_store_list_measures (owner, NULL);
  g_autoptr(MeasuresMeasure) own = g_list_model_get_item (measures, 0);
  g_autoptr(MeasuresMeasure) other = NULL;
  g_autoptr(MeasuresMeasure) reported = NULL;
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  gint64 own_id = measures_measure_get_id (own);
  gint64 other_id;
  gint64 revision = 0;
  gint64 n_measures = g_list_model_get_n_items (measures);

  for (guint i = 1; other == NULL && i < n_measures; i++)
    {
      g_autoptr(MeasuresMeasure) candidate = g_list_model_get_item (measures, i);

      if (!takes_part (candidate, pg_official_office))
        other = g_steal_pointer (&candidate);
    }
  g_assert_nonnull (other);
  other_id = measures_measure_get_id (other);

  /* What the server answers matches what it enforces below. */
  g_assert_true (measures_store_get_features (official) & MEASURES_STORE_FEATURE_ROLES);
  g_assert_cmpint (measures_store_get_permissions (coordinator, other_id), ==,
                   MEASURES_PERMISSION_ALL);
  g_assert_cmpint (measures_store_get_permissions (official, own_id), ==,
                   MEASURES_PERMISSION_REPORT_PROGRESS);
  g_assert_cmpint (measures_store_get_permissions (official, other_id), ==,
                   MEASURES_PERMISSION_NONE);
  g_assert_cmpint (measures_store_get_permissions (official, 0), ==, MEASURES_PERMISSION_NONE);
  g_assert_cmpint (measures_store_get_permissions (reader, own_id), ==, MEASURES_PERMISSION_NONE);

  /* The official reports on the own office's measure; the author passed
   * in is not the one recorded. */
  g_assert_cmpint (measures_store_add_log_entry (official, own_id,
                                                 measures_measure_get_revision (own),
                                                 MEASURES_STATUS_IN_PROGRESS, 60, "Halbzeit",
                                                 "Erika Mustermann", &revision, &error), >, 0);
  g_assert_no_error (error);
  author = newest_log_author (owner, own_id);
  g_assert_cmpstr (author, ==, OFFICIAL);
  g_clear_pointer (&author, g_free);
  author = newest_change_author (owner, own_id);
  g_assert_cmpstr (author, ==, OFFICIAL);
  g_clear_pointer (&author, g_free);

  /* The official corrects the report; the history names who did. */
  {
    g_autoptr(GListModel) log = measures_store_list_log (official, own_id, FALSE, &error);
    g_autoptr(MeasuresLogEntry) entry = g_list_model_get_item (log, 0);

    g_assert_true (measures_store_update_report (official, measures_log_entry_get_id (entry),
                                                 revision, MEASURES_STATUS_IN_PROGRESS, 55,
                                                 "Knapp über die Hälfte",
                                                 measures_log_entry_get_reported_for (entry),
                                                 "Erika Mustermann", &revision, &error));
    g_assert_no_error (error);
    author = newest_change_author (owner, own_id);
    g_assert_cmpstr (author, ==, OFFICIAL);
    g_clear_pointer (&author, g_free);
  }

  /* Nothing else, and no report on another office's measure. */
  reported = reread (official, own);
  assert_refused (official, reported, TRUE);
  assert_refused (official, other, FALSE);
  assert_refused (reader, reported, FALSE);

  /* The coordinator edits everything, as the server records it. */
  edited = measures_measure_copy_with (other, "costs", "Vom Rat bewilligt", NULL);
  g_assert_true (measures_store_update_measure (coordinator, edited,
                                                measures_measure_get_revision (other),
                                                "Erika Mustermann", &revision, &error));
  g_assert_no_error (error);
  author = newest_change_author (owner, other_id);
  g_assert_cmpstr (author, ==, COORDINATOR);
  g_assert_cmpint (measures_store_add_log_entry (coordinator, other_id, revision,
                                                 MEASURES_STATUS_COMPLETED, 100, "Fertig",
                                                 "Erika Mustermann", &revision, &error), >, 0);
  g_assert_no_error (error);
  g_assert_true (measures_store_set_removed (coordinator, other_id, revision, TRUE, "Erika",
                                             NULL, &error));
  g_assert_no_error (error);
  g_assert_cmpint (measures_store_create_measure (coordinator, edited, "Erika", NULL, &error), >, 0);
  g_assert_no_error (error);
}

static char *
newest_indicator_author (MeasuresStore *store,
                         gint64         id)
{
  g_autoptr(GListModel) history = measures_store_list_indicator_history (store, id, NULL);
  g_autoptr(MeasuresChange) change = g_list_model_get_item (history, 0);

  return g_strdup (measures_change_get_author (change));
}

/* The indicators' rules: coordinators change everything; the officials
 * of the office responsible for an indicator record and remove its values
 * and change nothing else; readers read; the server names the author. */
static void
test_indicator_roles_are_enforced (Fixture       *fixture,
                                   gconstpointer  data)
{
  g_autoptr(MeasuresStore) owner = fixture->engine->open_new (fixture);
  g_autoptr(MeasuresStore) coordinator = open_as (fixture, COORDINATOR);
  g_autoptr(MeasuresStore) official = open_as (fixture, OFFICIAL);
  g_autoptr(MeasuresStore) reader = open_as (fixture, READER);
  g_autoptr(GListModel) offices = measures_store_list_offices (owner, NULL);
  g_autoptr(MeasuresIndicator) template = new_indicator (owner, "Eigene Kennzahl");
  g_autoptr(MeasuresIndicator) foreign = NULL;
  g_autoptr(MeasuresIndicator) seen = NULL;
  g_autoptr(MeasuresIndicator) edited = NULL;
  g_autoptr(MeasuresIndicator) after = NULL;
  g_autoptr(MeasuresIndicatorValue) value = NULL;
  g_autoptr(GListModel) values = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  const char *other_office = NULL;
  gint64 own_id, foreign_id, own_value, foreign_value;
  guint n_history;

  g_assert_cmpstr (measures_indicator_get_office (template), ==, pg_official_office);
  for (guint i = 0; other_office == NULL && i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);

      if (!g_str_equal (measures_office_get_abbreviation (office), pg_official_office))
        other_office = measures_office_get_abbreviation (office);
    }
  g_assert_nonnull (other_office);
  own_id = measures_store_create_indicator (owner, template, "Koordination", &error);
  g_assert_no_error (error);
  foreign = measures_indicator_copy_with (template, "name", "Fremde Kennzahl",
                                          "office", other_office, NULL);
  foreign_id = measures_store_create_indicator (owner, foreign, "Koordination", &error);
  g_assert_no_error (error);
  foreign_value = measures_store_add_indicator_value (owner, foreign_id, G_MAXINT64,
                                                      "2023-12-31", 1, NULL, "Koordination",
                                                      &error);
  g_assert_no_error (error);

  /* What the server answers matches what it enforces below. */
  g_assert_cmpint (measures_store_get_indicator_permissions (coordinator, own_id), ==,
                   MEASURES_PERMISSION_ALL);
  g_assert_cmpint (measures_store_get_indicator_permissions (coordinator, 0), ==,
                   MEASURES_PERMISSION_ALL);
  g_assert_cmpint (measures_store_get_indicator_permissions (official, own_id), ==,
                   MEASURES_PERMISSION_REPORT_PROGRESS);
  g_assert_cmpint (measures_store_get_indicator_permissions (official, foreign_id), ==,
                   MEASURES_PERMISSION_NONE);
  g_assert_cmpint (measures_store_get_indicator_permissions (official, 0), ==,
                   MEASURES_PERMISSION_NONE);
  g_assert_cmpint (measures_store_get_indicator_permissions (reader, own_id), ==,
                   MEASURES_PERMISSION_NONE);

  /* The official records a value of the own office's indicator, under
   * the name the server knows, whatever the author passed in. */
  seen = reread_indicator (official, own_id);
  own_value = measures_store_add_indicator_value (official, own_id,
                                                  measures_indicator_get_revision (seen),
                                                  "2024-12-31", 16, "Erhebung",
                                                  "Erika Mustermann", &error);
  g_assert_no_error (error);
  values = measures_store_list_indicator_values (owner, own_id, NULL);
  value = g_list_model_get_item (values, 0);
  g_assert_cmpstr (measures_indicator_value_get_author (value), ==, OFFICIAL);
  author = newest_indicator_author (owner, own_id);
  g_assert_cmpstr (author, ==, OFFICIAL);

  /* Nothing else, and nothing of another office's indicator. */
  g_clear_object (&seen);
  seen = reread_indicator (official, own_id);
  n_history = n_items (measures_store_list_indicator_history (owner, own_id, NULL));
  edited = measures_indicator_copy_with (seen, "unit", "Köpfe", NULL);
  g_assert_false (measures_store_update_indicator (official, edited,
                                                   measures_indicator_get_revision (seen),
                                                   "Ben", &error));
  assert_not_allowed (&error, "Eigene Kennzahl");
  g_assert_false (measures_store_remove_indicator (official, own_id,
                                                   measures_indicator_get_revision (seen),
                                                   "Ben", &error));
  assert_not_allowed (&error, "Eigene Kennzahl");
  g_assert_cmpint (measures_store_create_indicator (official, template, "Ben", &error), ==, 0);
  assert_not_allowed (&error, NULL);
  g_assert_cmpint (measures_store_add_indicator_value (official, foreign_id, G_MAXINT64,
                                                       "2024-12-31", 2, NULL, "Ben", &error),
                   ==, 0);
  assert_not_allowed (&error, "Fremde Kennzahl");
  g_assert_false (measures_store_remove_indicator_value (official, foreign_value, "Ben", &error));
  assert_not_allowed (&error, "Fremde Kennzahl");
  g_assert_cmpint (measures_store_add_indicator_value (reader, own_id, G_MAXINT64, "2024-12-31",
                                                       3, NULL, "Cleo", &error), ==, 0);
  assert_not_allowed (&error, "Eigene Kennzahl");

  /* Nothing half-written. */
  after = reread_indicator (owner, own_id);
  g_assert_cmpint (measures_indicator_get_revision (after), ==,
                   measures_indicator_get_revision (seen));
  g_assert_cmpstr (measures_indicator_get_unit (after), ==, "%");
  g_assert_null (measures_indicator_get_removed (after));
  g_assert_cmpuint (n_items (measures_store_list_indicator_history (owner, own_id, NULL)), ==,
                    n_history);
  g_assert_cmpuint (n_items (measures_store_list_indicator_values (owner, foreign_id, NULL)), ==,
                    1);
  g_assert_cmpuint (n_items (measures_store_list_indicators (owner, NULL)), ==, 2);

  /* The official removes the office's own value; the coordinator edits. */
  g_assert_true (measures_store_remove_indicator_value (official, own_value, "Ben", &error));
  g_assert_no_error (error);
  g_assert_true (measures_store_update_indicator (coordinator, edited,
                                                  measures_indicator_get_revision (seen),
                                                  "Erika Mustermann", &error));
  g_assert_no_error (error);
  g_clear_pointer (&author, g_free);
  author = newest_indicator_author (owner, own_id);
  g_assert_cmpstr (author, ==, COORDINATOR);
  g_assert_true (measures_store_remove_indicator (coordinator, foreign_id, G_MAXINT64, "Erika",
                                                  &error));
  g_assert_no_error (error);
}

static void
test_server_is_available (void)
{
  pg_cluster_test_available (pg_missing);
}
#endif

int
main (int   argc,
      char *argv[])
{
  int status;

  if (argc == 5 && g_str_equal (argv[1], "--write"))
    return write_as_other_process (argv[2], (guint)g_ascii_strtoull (argv[3], NULL, 10),
                                   argv[4]);

  test_program = argv[0];
  g_test_init (&argc, &argv, NULL);

#ifdef HAVE_POSTGRESQL
  {
    g_autoptr(GError) error = NULL;
    gint64 start = g_get_monotonic_time ();

    if (!pg_cluster_start (&error) || !pg_prepare_template (&error))
      pg_missing = g_strdup (error->message);
    else
      g_test_message ("PostgreSQL server and template ready in %" G_GINT64_FORMAT " ms",
                      (g_get_monotonic_time () - start) / 1000);
    g_test_add_func ("/store-contract/postgresql/server-is-available", test_server_is_available);
    if (pg_missing == NULL)
      {
        g_test_add ("/store-contract/postgresql/roles-are-enforced", Fixture, &engines[1],
                    fixture_setup, test_roles_are_enforced, fixture_teardown);
        g_test_add ("/store-contract/postgresql/indicator-roles-are-enforced", Fixture,
                    &engines[1], fixture_setup, test_indicator_roles_are_enforced,
                    fixture_teardown);
      }
  }
#endif

  for (guint i = 0; i < G_N_ELEMENTS (engines); i++)
    {
#ifdef HAVE_POSTGRESQL
      if (pg_missing != NULL && g_str_equal (engines[i].name, "postgresql"))
        continue;
#endif
#define ADD(test_name, func) \
      { \
        g_autofree char *path = g_strdup_printf ("/store-contract/%s/" test_name, \
                                                 engines[i].name); \
        g_test_add (path, Fixture, &engines[i], fixture_setup, func, fixture_teardown); \
      }
      ADD ("read-strategy", test_read_strategy);
      ADD ("search-is-forgiving", test_search_is_forgiving);
      ADD ("search-costs-and-office-names", test_search_costs_and_office_names);
      ADD ("write-with-history", test_write_with_history);
      ADD ("stale-sheet-save-is-refused", test_stale_sheet_save_is_refused);
      ADD ("true-race", test_true_race);
      ADD ("stale-progress-report-is-refused", test_stale_progress_report_is_refused);
      ADD ("stale-removal-is-refused", test_stale_removal_is_refused);
      ADD ("sheet-and-report-do-not-conflict", test_sheet_and_report_do_not_conflict);
      ADD ("undo-never-overwrites", test_undo_never_overwrites);
      ADD ("report-rules", test_report_rules);
      ADD ("dated-report", test_dated_report);
      ADD ("correct-report", test_correct_report);
      ADD ("withdraw-report", test_withdraw_report);
      ADD ("other-writer-is-announced", test_other_writer_is_announced);
      ADD ("other-process-is-announced", test_other_process_is_announced);
      ADD ("command-line-reads-it", test_command_line_reads_it);
      ADD ("strategy-moves-whole", test_strategy_moves_whole);
      ADD ("indicator-with-history", test_indicator_with_history);
      ADD ("indicator-values", test_indicator_values);
      ADD ("stale-indicator-edit-is-refused", test_stale_indicator_edit_is_refused);
      ADD ("indicator-value-and-edit-do-not-conflict",
           test_indicator_value_and_edit_do_not_conflict);
      ADD ("indicator-validation", test_indicator_validation);
      ADD ("indicator-undo", test_indicator_undo);
      ADD ("indicators-round-trip", test_indicators_round_trip);
      ADD ("other-writer-indicator-is-announced", test_other_writer_indicator_is_announced);
#undef ADD
    }

  status = g_test_run ();

#ifdef HAVE_POSTGRESQL
  pg_cluster_stop ();
#endif
  return status;
}
