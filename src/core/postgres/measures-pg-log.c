/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-pg"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-measure-diff.h"
#include "measures-pg-private.h"

/* The progress log, the history, and the revisions that keep one writer
 * from overwriting another's work: the same rules as the SQLite engine's. */

/* The two history tables, by #MeasuresHistoryKind: the same columns, the
 * owner's id under another name. */
static const char *const record_history_sql[] = {
  [MEASURES_HISTORY_MEASURE] =
    "INSERT INTO history (measure_id, date, author, field, old_value, new_value) "
    "VALUES ($1::bigint, $2::text, $3::text, $4::text, $5::text, $6::text)",
  [MEASURES_HISTORY_INDICATOR] =
    "INSERT INTO indicator_history (indicator_id, date, author, field, old_value, new_value) "
    "VALUES ($1::bigint, $2::text, $3::text, $4::text, $5::text, $6::text)",
};

static const char *const list_history_sql[] = {
  [MEASURES_HISTORY_MEASURE] =
    "SELECT id, date, author, field, old_value, new_value FROM history "
    "WHERE measure_id = $1::bigint ORDER BY id DESC",
  [MEASURES_HISTORY_INDICATOR] =
    "SELECT id, date, author, field, old_value, new_value FROM indicator_history "
    "WHERE indicator_id = $1::bigint ORDER BY id DESC",
};

/* Adds a row to the history of the measure or indicator @owner_id. */
static gboolean
pg_record_history (MeasuresStore        *store,
                   MeasuresHistoryKind   kind,
                   gint64                owner_id,
                   const char           *date,
                   const char           *author,
                   const char           *field,
                   const char           *old_value,
                   const char           *new_value,
                   GError              **error)
{
  MeasuresPgStore *self = MEASURES_PG_STORE (store);
  g_auto(PgParams) params = { NULL };

  g_assert (kind < G_N_ELEMENTS (record_history_sql));

  pg_params_init (&params);
  pg_params_int (&params, owner_id);
  pg_params_text (&params, date);
  pg_params_text (&params, author);
  pg_params_text (&params, field);
  pg_params_text (&params, old_value);
  pg_params_text (&params, new_value);

  /* A measure's row waits for nothing: it goes with the write's next
   * statement. An indicator's is answered at once, as it always was, so
   * that a refusal names this step. */
  if (kind == MEASURES_HISTORY_MEASURE)
    return pg_send (self, record_history_sql[kind], &params, NULL, NULL, NULL, FALSE, error);
  return pg_exec (self, record_history_sql[kind], &params, error);
}

/* The history of the measure or indicator @owner_id, newest first, as a
 * list of #MeasuresChange whose measure id is @owner_id. */
static GListModel *
pg_list_history (MeasuresStore        *store,
                 MeasuresHistoryKind   kind,
                 gint64                owner_id,
                 GError              **error)
{
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GListStore) changes = g_list_store_new (MEASURES_TYPE_CHANGE);

  g_assert (kind < G_N_ELEMENTS (list_history_sql));

  pg_params_init (&params);
  pg_params_int (&params, owner_id);
  result = pg_query (MEASURES_PG_STORE (store), list_history_sql[kind], &params, error);
  if (result == NULL)
    return NULL;

  for (int row = 0; row < PQntuples (result); row++)
    {
      g_autoptr(MeasuresChange) change = NULL;

      change = measures_change_new (pg_int (result, row, 0), owner_id,
                                    pg_text (result, row, 1), pg_text (result, row, 2),
                                    pg_text (result, row, 3),
                                    pg_text_or_null (result, row, 4),
                                    pg_text_or_null (result, row, 5));
      g_list_store_append (changes, change);
    }

  return G_LIST_MODEL (g_steal_pointer (&changes));
}

/* Revisions ------------------------------------------------------------------ */

/* The largest plus one: every writer holds the writers' lock, so that no
 * two writes get the same revision and they commit in this order. */
gboolean
measures_pg_next_revision (MeasuresPgStore  *self,
                           gint64           *revision,
                           GError          **error)
{
  g_autoptr(PGresult) result = NULL;

  result = pg_query (self,
                     "SELECT greatest ((SELECT coalesce (max (revision), 0) FROM measures),"
                     "                 (SELECT coalesce (max (revision), 0) FROM indicators))"
                     "       + 1",
                     NULL, error);
  if (result == NULL)
    return FALSE;

  *revision = pg_int (result, 0, 0);
  return TRUE;
}

/* What a revision check compares with. */
typedef struct {
  gint64 base_revision;
  MeasuresPart part;
} RevisionCheck;

static gboolean
answer_revision_check (MeasuresPgStore  *self,
                       const PGresult   *result,
                       gpointer          data,
                       GError          **error)
{
  RevisionCheck *check = data;
  MeasuresPart part = check->part;
  gboolean found;
  gint64 revision;

  if (!pg_result_ok (result))
    return pg_set_error (self, result, error);

  if (PQntuples (result) == 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("The measure no longer exists."));
      return FALSE;
    }

  revision = pg_int (result, 0, part == MEASURES_PART_ALL ? 0 : part == MEASURES_PART_SHEET ? 1 : 2);
  if (revision <= check->base_revision)
    return TRUE;

  found = !PQgetisnull (result, 0, 5);
  measures_store_set_conflict_error (error, pg_text (result, 0, 3),
                                     found ? pg_text (result, 0, 5) : NULL,
                                     found ? pg_text (result, 0, 6) : NULL,
                                     pg_bool (result, 0, 4));
  return FALSE;
}

/* Refuses a write when someone else wrote @part of the measure after
 * @base_revision, naming them from the history. Call inside the write's
 * transaction, so that nobody can write in between. The check goes with
 * the write's next statement that waits, its reading of the measure; a
 * stale revision refuses the write there, before anything is written. */
gboolean
measures_pg_check_revision (MeasuresPgStore  *self,
                            gint64            measure_id,
                            gint64            base_revision,
                            MeasuresPart      part,
                            GError          **error)
{
  g_auto(PgParams) params = { NULL };
  RevisionCheck *check = g_new (RevisionCheck, 1);

  check->base_revision = base_revision;
  check->part = part;
  pg_params_init (&params);
  pg_params_int (&params, measure_id);
  /* The latest entry of the history says who and when. */
  return pg_send (self,
                  "SELECT m.revision, m.sheet_revision, m.state_revision, m.title,"
                  "       m.removed IS NOT NULL, h.author, h.date "
                  "FROM measures m "
                  "LEFT JOIN LATERAL (SELECT author, date FROM history"
                  "                   WHERE measure_id = m.id"
                  "                   ORDER BY id DESC LIMIT 1) h ON true "
                  "WHERE m.id = $1::bigint",
                  &params, answer_revision_check, check, g_free, TRUE, error);
}

static gboolean
answer_bump (MeasuresPgStore  *self,
             const PGresult   *result,
             gpointer          data,
             GError          **error)
{
  MeasuresWrite *write = data;

  if (!pg_result_ok (result))
    return pg_set_error (self, result, error);

  write->revision = pg_int (result, 0, 0);
  return TRUE;
}

/* Gives the measure the strategy's next revision, for @part and as a whole,
 * and tells the other connections inside the same transaction: a write
 * that is rolled back tells nobody. One statement, found, set and
 * announced by the server; nothing waits for it: @write has its revision
 * once the write has committed. */
gboolean
measures_pg_bump_revision (MeasuresPgStore  *self,
                           gint64            measure_id,
                           MeasuresPart      part,
                           const char       *now,
                           MeasuresWrite    *write,
                           GError          **error)
{
  /* One statement per part: an official, who may only report progress, is
   * granted no update of sheet_revision, even to set it to itself. No such
   * measure: the write still gets the strategy's next revision, and is
   * told. */
#define NEXT "WITH next AS (SELECT coalesce (max (revision), 0) + 1 AS revision FROM measures), " \
             "bumped AS (UPDATE measures SET revision = next.revision, updated = $1::text, "
#define TOLD "FROM next WHERE id = $2::bigint RETURNING next.revision) " \
             "SELECT coalesce ((SELECT revision FROM bumped)," \
             "                 greatest ((SELECT coalesce (max (revision), 0) FROM measures)," \
             "                           (SELECT coalesce (max (revision), 0) FROM indicators))" \
             "                 + 1)," \
             "       pg_notify ('" MEASURES_PG_CHANNEL "', $2::text)"
  static const char * const sql[] = {
    [MEASURES_PART_SHEET] = NEXT "sheet_revision = next.revision " TOLD,
    [MEASURES_PART_STATE] = NEXT "state_revision = next.revision " TOLD,
    [MEASURES_PART_ALL] = NEXT "sheet_revision = next.revision,"
                          "  state_revision = next.revision " TOLD,
  };
#undef NEXT
#undef TOLD
  g_auto(PgParams) params = { NULL };

  g_assert (part > 0 && part <= MEASURES_PART_ALL);

  pg_params_init (&params);
  pg_params_text (&params, now);
  pg_params_int (&params, measure_id);
  write->measure_id = measure_id;
  return pg_send (self, sql[part], &params, answer_bump, write, NULL, FALSE, error);
}

/* Commits a write; the store announces it, and the notification of it
 * does not announce it a second time. */
static gboolean
pg_finish_write (MeasuresStore  *store,
                 MeasuresWrite  *write,
                 GError        **error)
{
  MeasuresPgStore *self = MEASURES_PG_STORE (store);

  /* An indicator's office may have changed. */
  if (write->counts_changed || write->indicator)
    measures_pg_forget_permissions (self);
  /* The revision comes with the commit's answers; the notification of it
   * is looked into on the main loop, after this. */
  if (!measures_pg_commit (self, error))
    return FALSE;

  g_hash_table_add (self->own_revisions, g_memdup2 (&write->revision, sizeof write->revision));
  return TRUE;
}

static gboolean
pg_check_revision (MeasuresStore  *store,
                   gint64          measure_id,
                   gint64          base_revision,
                   MeasuresPart    part,
                   GError        **error)
{
  return measures_pg_check_revision (MEASURES_PG_STORE (store), measure_id, base_revision, part,
                                     error);
}

static gboolean
pg_bump_revision (MeasuresStore  *store,
                  gint64          measure_id,
                  MeasuresPart    part,
                  const char     *now,
                  MeasuresWrite  *write,
                  GError        **error)
{
  return measures_pg_bump_revision (MEASURES_PG_STORE (store), measure_id, part, now, write,
                                    error);
}

static gboolean
pg_write_state (MeasuresStore   *store,
                gint64           measure_id,
                MeasuresStatus   status,
                guint            progress,
                gboolean         derived,
                GError         **error)
{
  g_auto(PgParams) params = { NULL };

  pg_params_init (&params);
  pg_params_int (&params, status);
  pg_params_int (&params, progress);
  pg_params_bool (&params, derived);
  pg_params_int (&params, measure_id);
  return pg_send (MEASURES_PG_STORE (store),
                  "UPDATE measures SET status = $1::integer, progress = $2::integer,"
                  "  status_derived = $3::boolean WHERE id = $4::bigint",
                  &params, NULL, NULL, NULL, FALSE, error);
}

static MeasuresLogEntry *
pg_load_log_entry (MeasuresStore  *store,
                   gint64          entry_id,
                   GError        **error)
{
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  MeasuresLogEntry *entry;

  pg_params_init (&params);
  pg_params_int (&params, entry_id);
  result = pg_query (MEASURES_PG_STORE (store),
                     "SELECT measure_id, date, author, status, progress, text, withdrawn,"
                     "       reported_for "
                     "FROM log_entries WHERE id = $1::bigint",
                     &params, error);
  if (result == NULL)
    return NULL;

  if (PQntuples (result) == 0)
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("The log entry no longer exists."));
      return NULL;
    }

  entry = measures_log_entry_new (entry_id, pg_int (result, 0, 0), pg_text (result, 0, 1),
                                  pg_text (result, 0, 2),
                                  CLAMP (pg_int (result, 0, 3), 0, MEASURES_N_STATUSES - 1),
                                  CLAMP (pg_int (result, 0, 4), 0, 100), pg_text (result, 0, 5),
                                  PQgetisnull (result, 0, 6) ? NULL : pg_text (result, 0, 6));
  measures_log_entry_set_reported_for (entry, pg_text_or_null (result, 0, 7));
  return entry;
}

static gboolean
pg_write_log_entry (MeasuresStore     *store,
                    MeasuresLogEntry  *entry,
                    GError           **error)
{
  g_auto(PgParams) params = { NULL };

  pg_params_init (&params);
  pg_params_int (&params, measures_log_entry_get_status (entry));
  pg_params_int (&params, measures_log_entry_get_progress (entry));
  pg_params_text (&params, measures_log_entry_get_text (entry));
  pg_params_text (&params, measures_log_entry_get_reported_for (entry));
  pg_params_int (&params, measures_log_entry_get_id (entry));
  return pg_exec (MEASURES_PG_STORE (store),
                  "UPDATE log_entries SET status = $1::integer, progress = $2::integer,"
                  "  text = $3::text, reported_for = $4::text WHERE id = $5::bigint",
                  &params, error);
}

static gboolean
pg_write_withdrawn (MeasuresStore  *store,
                    gint64          entry_id,
                    const char     *withdrawn,
                    GError        **error)
{
  g_auto(PgParams) params = { NULL };

  pg_params_init (&params);
  pg_params_text (&params, withdrawn);
  pg_params_int (&params, entry_id);
  return pg_send (MEASURES_PG_STORE (store),
                  "UPDATE log_entries SET withdrawn = $1::text WHERE id = $2::bigint",
                  &params, NULL, NULL, NULL, FALSE, error);
}

static GListModel *
pg_list_log (MeasuresStore  *store,
             gint64          measure_id,
             gboolean        include_withdrawn,
             GError        **error)
{
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GListStore) entries = g_list_store_new (MEASURES_TYPE_LOG_ENTRY);

  pg_params_init (&params);
  pg_params_int (&params, measure_id);
  pg_params_bool (&params, include_withdrawn);
  result = pg_query (MEASURES_PG_STORE (store),
                     "SELECT id, date, author, status, progress, text, withdrawn, reported_for "
                     "FROM log_entries "
                     "WHERE measure_id = $1::bigint AND ($2::boolean OR withdrawn IS NULL) "
                     "ORDER BY reported_for DESC, id DESC",
                     &params, error);
  if (result == NULL)
    return NULL;

  for (int row = 0; row < PQntuples (result); row++)
    {
      g_autoptr(MeasuresLogEntry) entry = NULL;

      entry = measures_log_entry_new (pg_int (result, row, 0), measure_id,
                                      pg_text (result, row, 1), pg_text (result, row, 2),
                                      CLAMP (pg_int (result, row, 3), 0, MEASURES_N_STATUSES - 1),
                                      CLAMP (pg_int (result, row, 4), 0, 100),
                                      pg_text (result, row, 5),
                                      pg_text_or_null (result, row, 6));
      measures_log_entry_set_reported_for (entry, pg_text_or_null (result, row, 7));
      g_list_store_append (entries, entry);
    }

  return G_LIST_MODEL (g_steal_pointer (&entries));
}

static gboolean
pg_list_measure_leads (MeasuresStore  *store,
                       GArray        **leads,
                       GError        **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GArray) list = measures_store_new_measure_leads ();

  /* The same query as the SQLite engine's. */
  result = pg_query (MEASURES_PG_STORE (store),
                     "SELECT m.id, o.abbreviation, g.number, m.position, m.status,"
                     "       (SELECT h.date FROM history h"
                     "        WHERE h.measure_id = m.id AND h.field = 'created'"
                     "        ORDER BY h.id LIMIT 1) "
                     "FROM measures m JOIN goals g ON g.id = m.goal_id "
                     "LEFT JOIN measure_offices lo ON lo.measure_id = m.id AND lo.role = 0 "
                     "LEFT JOIN offices o ON o.id = lo.office_id "
                     "WHERE m.removed IS NULL",
                     NULL, error);
  if (result == NULL)
    return FALSE;

  g_array_set_size (list, PQntuples (result));
  for (int row = 0; row < PQntuples (result); row++)
    {
      MeasuresMeasureLead *lead = &g_array_index (list, MeasuresMeasureLead, row);

      *lead = (MeasuresMeasureLead) {
        .measure_id = pg_int (result, row, 0),
        .office = g_strdup (pg_text_or_null (result, row, 1)),
        .goal = CLAMP (pg_int (result, row, 2), 0, G_MAXUINT16),
        .position = MAX (pg_int (result, row, 3), 0),
        .status = CLAMP (pg_int (result, row, 4), 0, MEASURES_N_STATUSES - 1),
        .created = measures_day_from_iso8601 (pg_text_or_null (result, row, 5)),
      };
    }

  *leads = g_steal_pointer (&list);
  return TRUE;
}

static gboolean
pg_list_progress_log (MeasuresStore  *store,
                      GArray        **entries,
                      GError        **error)
{
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (MeasuresProgressEntry));

  result = pg_query (MEASURES_PG_STORE (store),
                     "SELECT measure_id, reported_for, progress FROM log_entries "
                     "WHERE withdrawn IS NULL ORDER BY measure_id, reported_for, id",
                     NULL, error);
  if (result == NULL)
    return FALSE;

  for (int row = 0; row < PQntuples (result); row++)
    {
      MeasuresProgressEntry entry = {
        .measure_id = pg_int (result, row, 0),
        .day = measures_day_from_iso8601 (pg_text (result, row, 1)),
        .progress = CLAMP (pg_int (result, row, 2), 0, 100),
      };

      /* A date that cannot be read says nothing about when. */
      if (entry.day != 0)
        g_array_append_val (list, entry);
    }

  *entries = g_steal_pointer (&list);
  return TRUE;
}

static gboolean
answer_log_entry_id (MeasuresPgStore  *self,
                     const PGresult   *result,
                     gpointer          data,
                     GError          **error)
{
  gint64 *id = data;

  if (!pg_result_ok (result))
    return pg_set_error (self, result, error);

  if (id != NULL)
    *id = pg_int (result, 0, 0);
  return TRUE;
}

/* Sent ahead, as the other steps of a write: the id arrives with the
 * write's next statement that waits, a report's reading of the log. */
static gboolean
pg_insert_log_entry (MeasuresStore     *store,
                     gint64             measure_id,
                     MeasuresLogEntry  *entry,
                     gint64            *id,
                     GError           **error)
{
  g_auto(PgParams) params = { NULL };

  pg_params_init (&params);
  pg_params_int (&params, measure_id);
  pg_params_text (&params, measures_log_entry_get_date (entry));
  pg_params_text (&params, measures_log_entry_get_author (entry));
  pg_params_int (&params, measures_log_entry_get_status (entry));
  pg_params_int (&params, measures_log_entry_get_progress (entry));
  pg_params_text (&params, measures_log_entry_get_text (entry));
  pg_params_text (&params, measures_log_entry_get_withdrawn (entry));
  pg_params_text (&params, measures_log_entry_get_reported_for (entry));

  return pg_send (MEASURES_PG_STORE (store),
                  "INSERT INTO log_entries (measure_id, date, author, status, progress, text,"
                  "                         withdrawn, reported_for) "
                  "VALUES ($1::bigint, $2::text, $3::text, $4::integer, $5::integer, $6::text,"
                  "        $7::text, $8::text) "
                  "RETURNING id",
                  &params, answer_log_entry_id, id, NULL, FALSE, error);
}

void
measures_pg_log_init_class (MeasuresStoreClass *store_class)
{
  store_class->list_log = pg_list_log;
  store_class->list_history = pg_list_history;
  store_class->list_measure_leads = pg_list_measure_leads;
  store_class->list_progress_log = pg_list_progress_log;
  store_class->insert_log_entry = pg_insert_log_entry;
  store_class->record_history = pg_record_history;
  store_class->check_revision = pg_check_revision;
  store_class->bump_revision = pg_bump_revision;
  store_class->finish_write = pg_finish_write;
  store_class->write_state = pg_write_state;
  store_class->load_log_entry = pg_load_log_entry;
  store_class->write_withdrawn = pg_write_withdrawn;
  store_class->write_log_entry = pg_write_log_entry;
}
