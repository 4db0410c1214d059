/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <libpq-fe.h>
#include <unistd.h>

#include "measures-test-util.h"
#include "pg-cluster.h"
#include "postgres/measures-pg-store.h"

/* The connection to a server: passwords, TLS, a connection lost and made
 * again, notifications between workstations, and what an administrator
 * sets up. One cluster for the program, on its socket and on 127.0.0.1
 * with TLS; each case works on its own copy of a template database. */

#define TEMPLATE "conn_template"
#define PASSWORD_USER "pw_user"
#define PASSWORD "secret word"

static char *pg_missing;

/* Helpers ------------------------------------------------------------------ */

static char *
new_database (void)
{
  static guint n_databases;
  g_autoptr(GError) error = NULL;
  g_autofree char *name = g_strdup_printf ("c_%u", ++n_databases);

  g_assert_true (pg_cluster_create_database (name, TEMPLATE, &error));
  g_assert_no_error (error);
  return g_steal_pointer (&name);
}

static MeasuresStore *
open_ok (const char *conninfo,
         const char *password)
{
  g_autoptr(GError) error = NULL;
  MeasuresStore *store = measures_store_open_with_password (conninfo, password, &error);

  g_assert_no_error (error);
  g_assert_nonnull (store);
  return store;
}

static char *
query (const char *dbname,
       const char *sql,
       const char *param)
{
  g_autoptr(GError) error = NULL;
  char *value = pg_cluster_query (dbname, sql, param, &error);

  g_assert_no_error (error);
  return value;
}

static gboolean
wake_up (gpointer data)
{
  return G_SOURCE_CONTINUE;
}

/* Runs the main loop, as a window would, until @done says so or @ms
 * passed; returns whether it did. */
static gboolean
iterate_until (gboolean (*done) (gpointer data),
               gpointer   data,
               guint      ms)
{
  gint64 end = g_get_monotonic_time () + ms * G_TIME_SPAN_MILLISECOND;
  guint tick = g_timeout_add (5, wake_up, NULL);
  gboolean reached;

  while (!(reached = done (data)) && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);

  g_source_remove (tick);
  return reached;
}

typedef struct {
  MeasuresStore *store;
  MeasuresConnection wanted;
} ConnectionWait;

static gboolean
connection_is (gpointer data)
{
  ConnectionWait *wait = data;

  return measures_store_get_connection (wait->store) == wait->wanted;
}

static gboolean
wait_for_connection (MeasuresStore      *store,
                     MeasuresConnection  wanted,
                     guint               ms)
{
  ConnectionWait wait = { store, wanted };

  return iterate_until (connection_is, &wait, ms);
}

/* The states a store went through, in order. */
static void
record_connection (GObject    *object,
                   GParamSpec *pspec,
                   GArray     *states)
{
  MeasuresConnection state = measures_store_get_connection (MEASURES_STORE (object));

  g_array_append_val (states, state);
}

static void
record_changed (MeasuresStore *store,
                gint64         id,
                GArray        *ids)
{
  g_array_append_val (ids, id);
}

static gboolean
array_has_items (gpointer data)
{
  return ((GArray *)data)->len > 0;
}

static gboolean
array_contains (GArray *ids,
                gint64  id)
{
  for (guint i = 0; i < ids->len; i++)
    if (g_array_index (ids, gint64, i) == id)
      return TRUE;

  return FALSE;
}

static char *
stored_title (const char *dbname,
              gint64      id)
{
  g_autofree char *text = g_strdup_printf ("%" G_GINT64_FORMAT, id);

  return query (dbname, "SELECT title FROM measures.measures WHERE id = $1::bigint", text);
}

/* Passwords and encryption -------------------------------------------------- */

static void
test_password (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *conninfo = pg_cluster_tcp_conninfo ("127.0.0.1", db, PASSWORD_USER);
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GError) error = NULL;

  store = measures_store_open_with_password (conninfo, NULL, &error);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_PASSWORD);
  g_assert_null (store);
  g_clear_error (&error);

  store = measures_store_open_with_password (conninfo, "wrong", &error);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_PASSWORD);
  g_assert_nonnull (strstr (error->message, "not accepted"));
  g_assert_null (store);
  g_clear_error (&error);

  store = open_ok (conninfo, PASSWORD);
  g_assert_cmpint (measures_store_get_connection (store), ==, MEASURES_CONNECTION_ONLINE);
}

static void
test_tls_verified (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *certificate = pg_cluster_get_certificate ();
  g_autofree char *base = pg_cluster_tcp_conninfo ("localhost", db, PASSWORD_USER);
  g_autofree char *conninfo = g_strdup_printf ("%s sslmode=verify-full sslrootcert=%s", base,
                                               certificate);
  g_autoptr(MeasuresStore) store = open_ok (conninfo, PASSWORD);

  g_assert_false (measures_store_get_unencrypted (store));
}

static void
test_tls_unknown_authority_refused (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *base = pg_cluster_tcp_conninfo ("localhost", db, PASSWORD_USER);
  g_autofree char *conninfo = g_strdup_printf ("%s sslmode=verify-full "
                                               "sslrootcert=/etc/ssl/certs/ca-certificates.crt",
                                               base);
  g_autofree char *by_name = NULL;
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GError) error = NULL;

  if (!g_file_test ("/etc/ssl/certs/ca-certificates.crt", G_FILE_TEST_EXISTS))
    {
      g_test_skip ("No system certificate bundle");
      return;
    }

  store = measures_store_open_with_password (conninfo, PASSWORD, &error);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "certificate"));
  g_test_message ("%s", error->message);
  g_clear_error (&error);

  /* A server by name, with nothing said about TLS: verified against the
   * system's authorities by default, and so refused here too. */
  by_name = g_strdup_printf ("host=measures.test hostaddr=127.0.0.1 %s",
                             strstr (base, "port="));
  store = measures_store_open_with_password (by_name, PASSWORD, &error);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "certificate"));
}

static void
test_unencrypted (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *base = pg_cluster_tcp_conninfo ("127.0.0.1", db, PASSWORD_USER);
  g_autofree char *plain = g_strdup_printf ("%s sslmode=disable", base);
  g_autofree char *socket = pg_cluster_conninfo (db);
  g_autoptr(MeasuresStore) over_tcp = open_ok (plain, PASSWORD);
  g_autoptr(MeasuresStore) over_socket = open_ok (socket, NULL);

  g_assert_true (measures_store_get_unencrypted (over_tcp));
  g_assert_false (measures_store_get_unencrypted (over_socket));
}

/* A lost connection -------------------------------------------------------- */

static void
test_lost_during_save (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *conninfo = pg_cluster_conninfo (db);
  g_autoptr(MeasuresStore) store = open_ok (conninfo, NULL);
  g_autoptr(MeasuresMeasure) seen = measure_at (store, 3);
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(MeasuresMeasure) read = NULL;
  g_autoptr(GArray) states = g_array_new (FALSE, FALSE, sizeof (MeasuresConnection));
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id = measures_measure_get_id (seen);
  gint64 base = measures_measure_get_revision (seen);
  gint64 start;

  g_signal_connect (store, "notify::connection", G_CALLBACK (record_connection), states);
  edited = measures_measure_copy_with (seen, "title", "Gespeichert nach der Störung", NULL);

  /* The server goes away; the save finds out. */
  pg_cluster_server_stop ();
  g_assert_false (measures_store_update_measure (store, edited, base, "Erika", NULL, &error));
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OFFLINE);
  g_assert_nonnull (strstr (error->message, "Nothing was saved"));
  g_clear_error (&error);
  g_assert_cmpint (measures_store_get_connection (store), ==, MEASURES_CONNECTION_RECONNECTING);

  /* Reads fail at once while offline, without waiting for a server. */
  start = g_get_monotonic_time ();
  read = measures_store_get_measure (store, id, &error);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OFFLINE);
  g_assert_null (read);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 100 * G_TIME_SPAN_MILLISECOND);
  g_clear_error (&error);

  /* The first attempt fails: offline, and still trying. */
  g_assert_true (wait_for_connection (store, MEASURES_CONNECTION_OFFLINE, 3000));
  g_assert_cmpuint (measures_store_get_permissions (store, id), ==, MEASURES_PERMISSION_NONE);

  g_assert_true (pg_cluster_server_start (&error));
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  g_assert_true (wait_for_connection (store, MEASURES_CONNECTION_ONLINE, 8000));
  g_test_message ("Connected again by itself %" G_GINT64_FORMAT " ms after the server was back",
                  (g_get_monotonic_time () - start) / 1000);

  g_assert_cmpuint (states->len, ==, 3);
  g_assert_cmpint (g_array_index (states, MeasuresConnection, 0), ==,
                   MEASURES_CONNECTION_RECONNECTING);
  g_assert_cmpint (g_array_index (states, MeasuresConnection, 1), ==,
                   MEASURES_CONNECTION_OFFLINE);
  g_assert_cmpint (g_array_index (states, MeasuresConnection, 2), ==,
                   MEASURES_CONNECTION_ONLINE);

  /* Nothing of the failed save was written; the same save now is. */
  title = stored_title (db, id);
  g_assert_cmpstr (title, ==, measures_measure_get_title (seen));
  g_assert_true (measures_store_update_measure (store, edited, base, "Erika", NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&title, g_free);
  title = stored_title (db, id);
  g_assert_cmpstr (title, ==, "Gespeichert nach der Störung");
}

/* The connection dies inside the save's transaction, after the row was
 * updated: the server rolls it back, and the store says nothing was
 * saved. */
static void
test_lost_inside_transaction (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *conninfo = pg_cluster_conninfo (db);
  g_autoptr(MeasuresStore) store = open_ok (conninfo, NULL);
  g_autoptr(MeasuresMeasure) seen = measure_at (store, 2);
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;
  gint64 id = measures_measure_get_id (seen);
  gint64 base = measures_measure_get_revision (seen);

  g_free (query (db, "CREATE FUNCTION public.cut () RETURNS trigger LANGUAGE plpgsql AS "
                     "$$ BEGIN PERFORM pg_terminate_backend (pg_backend_pid ()); "
                     "RETURN NEW; END $$", NULL));
  g_free (query (db, "CREATE TRIGGER cut AFTER UPDATE ON measures.measures "
                     "FOR EACH ROW EXECUTE FUNCTION public.cut ()", NULL));

  edited = measures_measure_copy_with (seen, "title", "Halb gespeichert", NULL);
  g_assert_false (measures_store_update_measure (store, edited, base, "Erika", NULL, &error));
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OFFLINE);
  g_clear_error (&error);
  g_assert_cmpint (measures_store_get_connection (store), ==, MEASURES_CONNECTION_RECONNECTING);

  g_free (query (db, "DROP TRIGGER cut ON measures.measures", NULL));
  g_assert_true (wait_for_connection (store, MEASURES_CONNECTION_ONLINE, 3000));

  title = stored_title (db, id);
  g_assert_cmpstr (title, ==, measures_measure_get_title (seen));
  g_assert_true (measures_store_update_measure (store, edited, base, "Erika", NULL, &error));
  g_assert_no_error (error);
}

/* Someone else saves while this store is offline: the change is announced
 * once connected again, and the stale save is refused. */
static void
test_missed_write_is_announced (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *conninfo = pg_cluster_conninfo (db);
  g_autoptr(MeasuresStore) store = open_ok (conninfo, NULL);
  g_autoptr(MeasuresStore) other = NULL;
  g_autoptr(MeasuresMeasure) seen = measure_at (store, 5);
  g_autoptr(MeasuresMeasure) by_other = NULL;
  g_autoptr(MeasuresMeasure) mine = NULL;
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  gint64 id = measures_measure_get_id (seen);
  gint64 start;

  g_signal_connect (store, "measure-changed", G_CALLBACK (record_changed), changed);

  /* Idle, listening: the store notices by itself. */
  start = g_get_monotonic_time ();
  pg_cluster_server_stop ();
  g_assert_true (wait_for_connection (store, MEASURES_CONNECTION_RECONNECTING, 2000));
  g_test_message ("An idle connection noticed the server's shutdown in %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);

  g_assert_true (pg_cluster_server_start (&error));
  g_assert_no_error (error);
  other = open_ok (conninfo, NULL);
  by_other = measures_measure_copy_with (seen, "title", "Von jemand anderem", NULL);
  g_assert_true (measures_store_update_measure (other, by_other,
                                                measures_measure_get_revision (seen),
                                                "Bea", NULL, &error));
  g_assert_no_error (error);

  /* The window's "Connect now". */
  start = g_get_monotonic_time ();
  measures_store_reconnect (store);
  g_assert_true (wait_for_connection (store, MEASURES_CONNECTION_ONLINE, 3000));
  g_test_message ("Connected again on request in %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  g_assert_true (array_contains (changed, id));

  mine = measures_measure_copy_with (seen, "title", "Veraltet", NULL);
  g_assert_false (measures_store_update_measure (store, mine, measures_measure_get_revision (seen),
                                                 "Erika", NULL, &error));
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CONFLICT);
}

/* A network that silently goes away: nothing closes the connection, only
 * the keepalives and the TCP timeout find out. Taking the loopback
 * interface down is safe in a network namespace of the test's own only
 * (unshare --net), and slow, so it runs on request:
 * MEASURES_TEST_DROP_NETWORK=1 unshare --net sh -c 'ip link set lo up;
 * exec tests/test-pg-connection -p /pg-connection/dropped-network'. */
static gboolean
in_own_network_namespace (void)
{
  g_autofree char *parents = g_strdup_printf ("/proc/%d/ns/net", (int)getppid ());
  GStatBuf mine;
  GStatBuf parent;

  /* The parent's, not init's, which a container may hide. */
  return g_stat ("/proc/self/ns/net", &mine) == 0 && g_stat (parents, &parent) == 0 &&
         mine.st_ino != parent.st_ino;
}

static void
set_loopback (gboolean up)
{
  const char *argv[] = { "ip", "link", "set", "lo", up ? "up" : "down", NULL };
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_true (g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                               NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

static gboolean
connection_lost (gpointer data)
{
  return measures_store_get_connection (data) != MEASURES_CONNECTION_ONLINE;
}

static void
test_dropped_network (void)
{
  g_autofree char *db = NULL;
  g_autofree char *base = NULL;
  g_autofree char *conninfo = NULL;
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(MeasuresMeasure) seen = NULL;
  g_autoptr(MeasuresMeasure) edited = NULL;
  g_autoptr(GError) error = NULL;
  gint64 start;

  if (g_getenv ("MEASURES_TEST_DROP_NETWORK") == NULL || !in_own_network_namespace ())
    {
      g_test_skip ("Runs in a network namespace of its own, on request (see the source)");
      return;
    }

  db = new_database ();
  base = pg_cluster_tcp_conninfo ("127.0.0.1", db, PASSWORD_USER);
  conninfo = g_strdup_printf ("%s sslmode=disable", base);
  store = open_ok (conninfo, PASSWORD);
  seen = measure_at (store, 1);

  /* Idle and listening. */
  set_loopback (FALSE);
  start = g_get_monotonic_time ();
  g_assert_true (iterate_until (connection_lost, store, 30000));
  g_test_message ("An idle connection noticed the dropped network in %" G_GINT64_FORMAT " ms",
                  (g_get_monotonic_time () - start) / 1000);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_TIME_SPAN_SECOND);

  set_loopback (TRUE);
  measures_store_reconnect (store);
  g_assert_true (wait_for_connection (store, MEASURES_CONNECTION_ONLINE, 15000));

  /* A save under way: it waits for libpq's timeouts, no longer. */
  set_loopback (FALSE);
  edited = measures_measure_copy_with (seen, "title", "Ins Leere", NULL);
  start = g_get_monotonic_time ();
  g_assert_false (measures_store_update_measure (store, edited,
                                                 measures_measure_get_revision (seen), "Erika",
                                                 NULL, &error));
  g_test_message ("A save on the dropped network failed after %" G_GINT64_FORMAT " ms: %s",
                  (g_get_monotonic_time () - start) / 1000, error->message);
  g_assert_cmpint (g_get_monotonic_time () - start, <, 20 * G_TIME_SPAN_SECOND);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OFFLINE);
  set_loopback (TRUE);
}

/* Notifications ------------------------------------------------------------ */

static int
compare_times (gconstpointer a,
               gconstpointer b)
{
  gint64 x = *(const gint64 *)a;
  gint64 y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

static void
test_notification_latency (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *conninfo = pg_cluster_conninfo (db);
  g_autoptr(MeasuresStore) writer = open_ok (conninfo, NULL);
  g_autoptr(MeasuresStore) reader = open_ok (conninfo, NULL);
  g_autoptr(MeasuresMeasure) measure = measure_at (writer, 0);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) times = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 revision = measures_measure_get_revision (measure);

  g_signal_connect (reader, "measure-changed", G_CALLBACK (record_changed), changed);

  for (guint i = 0; i < 100; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *progress = g_strdup_printf ("Stand %u", i);
      g_autoptr(MeasuresMeasure) edited = measures_measure_copy_with (measure, "costs", progress,
                                                                      NULL);
      gint64 committed;
      gint64 latency;

      g_assert_true (measures_store_update_measure (writer, edited, revision, "Erika", &revision,
                                                    &error));
      g_assert_no_error (error);
      committed = g_get_monotonic_time ();
      g_array_set_size (changed, 0);
      g_assert_true (iterate_until (array_has_items, changed, 2000));
      latency = g_get_monotonic_time () - committed;
      g_assert_true (array_contains (changed, measures_measure_get_id (measure)));
      g_array_append_val (times, latency);
    }

  g_array_sort (times, compare_times);
  g_test_message ("Commit to measure-changed on another connection, 100 writes: median %"
                  G_GINT64_FORMAT " µs, p95 %" G_GINT64_FORMAT " µs, max %" G_GINT64_FORMAT " µs",
                  g_array_index (times, gint64, 49), g_array_index (times, gint64, 94),
                  g_array_index (times, gint64, 99));
}

static gboolean
run_sql (PGconn     *conn,
         const char *sql)
{
  PGresult *result = PQexec (conn, sql);
  gboolean done = PQresultStatus (result) == PGRES_COMMAND_OK ||
                  PQresultStatus (result) == PGRES_TUPLES_OK;

  if (!done)
    g_test_message ("%s: %s", sql, PQerrorMessage (conn));
  PQclear (result);
  return done;
}

static gboolean
not_yet (gpointer data)
{
  return FALSE;
}

static void
test_rollback_not_announced (void)
{
  g_autofree char *db = new_database ();
  g_autofree char *conninfo = pg_cluster_conninfo (db);
  g_autoptr(MeasuresStore) store = open_ok (conninfo, NULL);
  g_autoptr(GArray) changed = g_array_new (FALSE, FALSE, sizeof (gint64));
  PGconn *conn = PQconnectdb (conninfo);

  g_assert_cmpint (PQstatus (conn), ==, CONNECTION_OK);
  g_signal_connect (store, "measure-changed", G_CALLBACK (record_changed), changed);

  /* A change that is rolled back, and a bare notification that changed
   * nothing: neither is announced. */
  g_assert_true (run_sql (conn, "BEGIN"));
  g_assert_true (run_sql (conn, "UPDATE measures.measures SET title = 'Nie gespeichert', "
                                "revision = (SELECT max (revision) + 1 FROM measures.measures) "
                                "WHERE id = (SELECT min (id) FROM measures.measures)"));
  g_assert_true (run_sql (conn, "SELECT pg_notify ('measures_changed', '1')"));
  g_assert_true (run_sql (conn, "ROLLBACK"));
  g_assert_true (run_sql (conn, "SELECT pg_notify ('measures_changed', '1')"));
  iterate_until (not_yet, NULL, 300);
  g_assert_cmpuint (changed->len, ==, 0);

  /* The same change committed is. */
  g_assert_true (run_sql (conn, "UPDATE measures.measures SET title = 'Gespeichert', "
                                "revision = (SELECT max (revision) + 1 FROM measures.measures) "
                                "WHERE id = (SELECT min (id) FROM measures.measures)"));
  g_assert_true (run_sql (conn, "SELECT pg_notify ('measures_changed', '1')"));
  g_assert_true (iterate_until (array_has_items, changed, 2000));
  g_assert_cmpuint (changed->len, ==, 1);

  PQfinish (conn);
}

/* What a database must be ------------------------------------------------- */

static void
test_ctype_c_refused (void)
{
  g_autofree char *conninfo = pg_cluster_conninfo ("ctype_c");
  g_autofree char *untouched = NULL;
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_free (query ("postgres", "CREATE DATABASE ctype_c TEMPLATE template0 LOCALE 'C' "
                             "ENCODING 'UTF8'", NULL));
  store = measures_store_open (conninfo, &error);
  g_assert_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN);
  g_assert_nonnull (strstr (error->message, "UTF-8"));
  g_assert_null (store);

  untouched = query ("ctype_c", "SELECT to_regnamespace ('measures') IS NULL", NULL);
  g_assert_cmpstr (untouched, ==, "t");
}

/* A database set up by the version before office roles had names of their
 * own, with abbreviations that collide and one too long for a name. */
static void
test_schema_v2_migrated (void)
{
  g_autofree char *fixture = g_test_build_filename (G_TEST_DIST, "fixtures", "pg-schema-v2.sql",
                                                    NULL);
  g_autofree char *conninfo = pg_cluster_conninfo ("v2");
  g_autofree char *sql = NULL;
  g_autofree char *version = NULL;
  g_autofree char *names = NULL;
  g_autofree char *role = NULL;
  g_autofree char *goal = NULL;
  g_autofree char *roles = NULL;
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) offices = NULL;
  PGconn *conn;

  g_assert_true (g_file_get_contents (fixture, &sql, NULL, &error));
  g_assert_no_error (error);
  g_assert_true (pg_cluster_create_database ("v2", NULL, &error));
  g_assert_no_error (error);

  conn = PQconnectdb (conninfo);
  g_assert_true (run_sql (conn, sql));
  g_assert_true (run_sql (conn, "INSERT INTO measures.offices (abbreviation, name) VALUES "
                                "('Amt 1', 'Erstes Amt'), ('amt-1', 'Zweites Amt'), "
                                "('Amt für Umwelt, Klimaschutz, Stadtentwicklung und "
                                "Bürgerbeteiligung im Quartier', 'Langes Amt')"));
  g_assert_true (run_sql (conn, "INSERT INTO measures.goals (number, title, headline, text) "
                                "VALUES (1, 'Klima', 'Kopf', 'Text')"));
  PQfinish (conn);

  store = open_ok (conninfo, NULL);
  g_assert_cmpint (measures_pg_store_get_found_version (MEASURES_PG_STORE (store)), ==, 2);

  version = query ("v2", "SELECT value FROM measures.meta WHERE key = 'version'", NULL);
  g_assert_cmpint (atoi (version), ==, measures_pg_store_get_schema_version ());
  g_assert_cmpint (measures_pg_store_get_schema_version (), ==, 5);

  /* The first office keeps the name it had, so existing grants stay. */
  names = query ("v2", "SELECT string_agg (role_name || '=' || octet_length (role_name), ' ' "
                       "ORDER BY id) FROM measures.offices", NULL);
  g_test_message ("%s", names);
  g_assert_true (g_str_has_prefix (names, "measures_office_amt_1=21 measures_office_amt_1_2=23 "
                                          "measures_office_amt_f_r_umwelt_klimaschutz_"));
  g_assert_true (g_str_has_suffix (names, "_3=63"));
  role = query ("v2", "SELECT measures.office_role ($1)", "amt-1");
  g_assert_cmpstr (role, ==, "measures_office_amt_1_2");

  /* The data is kept. */
  goal = query ("v2", "SELECT title FROM measures.goals WHERE number = 1", NULL);
  g_assert_cmpstr (goal, ==, "Klima");
  offices = measures_store_list_offices (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (offices), ==, 3);

  /* A new office that collides gets a name of its own too. */
  g_assert_true (measures_store_add_office (store, "AMT_1", "Drittes Amt", &error));
  g_assert_no_error (error);
  g_clear_pointer (&role, g_free);
  role = query ("v2", "SELECT measures.office_role ($1)", "AMT_1");
  g_assert_true (g_str_has_prefix (role, "measures_office_amt_1_"));
  g_assert_cmpstr (role, !=, "measures_office_amt_1_2");

  /* And each gets a role. */
  roles = query ("v2", "SELECT count (DISTINCT r) FROM measures.setup_roles () r", NULL);
  g_assert_cmpstr (roles, ==, "4");

  /* Through to the indicators of version 4. */
  g_clear_pointer (&goal, g_free);
  goal = query ("v2", "SELECT count (*) FROM measures.indicators", NULL);
  g_assert_cmpstr (goal, ==, "0");
}

/* The administrator's command --------------------------------------------- */

static void
run_measures (const char * const  *args,
              char               **out,
              char               **err,
              int                 *status)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_auto(GStrv) env = g_environ_unsetenv (g_get_environ (), "DISPLAY");

  g_ptr_array_add (argv, (char *)g_getenv ("MEASURES_BIN"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *)args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_unsetenv (env, "WAYLAND_DISPLAY");

  g_spawn_sync (NULL, (char **)argv->pdata, env, G_SPAWN_DEFAULT, NULL, NULL, out, err, status,
                &error);
  g_assert_no_error (error);
}

static void
test_setup_database_command (void)
{
  g_autofree char *conninfo = pg_cluster_conninfo ("set_up");
  g_autofree char *foreign = pg_cluster_conninfo ("foreign_app");
  const char *args[] = { "--database", conninfo, "--setup-database", NULL };
  const char *foreign_args[] = { "--database", foreign, "--setup-database", NULL };
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *tables = NULL;
  g_autoptr(GError) error = NULL;
  int status = 0;

  g_assert_nonnull (g_getenv ("MEASURES_BIN"));
  g_assert_true (pg_cluster_create_database ("set_up", NULL, &error));
  g_assert_no_error (error);

  run_measures (args, &out, &err, &status);
  g_test_message ("%s%s", out, err);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "Set up the schema"));
  g_assert_nonnull (strstr (out, "GRANT measures_coordinator TO"));
  tables = query ("set_up", "SELECT count (*) FROM pg_roles WHERE rolname = 'measures_reader'",
                  NULL);
  g_assert_cmpstr (tables, ==, "1");
  /* The schema only: the strategy is moved in afterwards. */
  g_clear_pointer (&tables, g_free);
  tables = query ("set_up", "SELECT count (*) FROM measures.goals", NULL);
  g_assert_cmpstr (tables, ==, "0");

  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  run_measures (args, &out, &err, &status);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (out, "up to date"));

  /* Another application's database is refused, and left alone. */
  g_assert_true (pg_cluster_create_database ("foreign_app", NULL, &error));
  g_assert_no_error (error);
  g_free (query ("foreign_app", "CREATE TABLE invoices (id integer)", NULL));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);
  run_measures (foreign_args, &out, &err, &status);
  g_assert_false (g_spawn_check_wait_status (status, NULL));
  g_assert_nonnull (strstr (err, "another application"));
  g_clear_pointer (&tables, g_free);
  tables = query ("foreign_app", "SELECT to_regnamespace ('measures') IS NULL", NULL);
  g_assert_cmpstr (tables, ==, "t");
}

/* Set-up ------------------------------------------------------------------ */

static gboolean
prepare_template (GError **error)
{
  g_autofree char *conninfo = pg_cluster_conninfo (TEMPLATE);
  g_autoptr(MeasuresStore) store = NULL;
  g_autofree char *done = NULL;

  if (!pg_cluster_create_database (TEMPLATE, NULL, error))
    return FALSE;

  store = measures_store_open (conninfo, error);
  if (store == NULL || !measures_import_ensure_data (store, error))
    return FALSE;

  /* The password user is a coordinator, as IT would grant it. */
  done = pg_cluster_query (TEMPLATE, "SELECT count (*) FROM measures.setup_roles ()", NULL,
                           error);
  if (done == NULL)
    return FALSE;
  g_free (done);
  done = pg_cluster_query (TEMPLATE, "CREATE ROLE " PASSWORD_USER " LOGIN PASSWORD '" PASSWORD
                           "' IN ROLE measures_coordinator", NULL, error);
  return done != NULL;
}

static void
test_server_is_available (void)
{
  pg_cluster_test_available (pg_missing);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  gint64 start = g_get_monotonic_time ();
  int status;

  g_test_init (&argc, &argv, NULL);

  /* No password but the tests' own. */
  g_setenv ("PGPASSFILE", "/nonexistent", TRUE);
  g_unsetenv ("PGPASSWORD");

  if (!pg_cluster_start_with (PG_CLUSTER_TLS, &error) || !prepare_template (&error))
    pg_missing = g_strdup (error->message);
  else
    g_test_message ("PostgreSQL server with TLS and template ready in %" G_GINT64_FORMAT " ms",
                    (g_get_monotonic_time () - start) / 1000);

  g_test_add_func ("/pg-connection/server-is-available", test_server_is_available);
  if (pg_missing == NULL)
    {
      g_test_add_func ("/pg-connection/password", test_password);
      g_test_add_func ("/pg-connection/tls-verified", test_tls_verified);
      g_test_add_func ("/pg-connection/tls-unknown-authority-refused",
                       test_tls_unknown_authority_refused);
      g_test_add_func ("/pg-connection/unencrypted", test_unencrypted);
      g_test_add_func ("/pg-connection/lost-during-save", test_lost_during_save);
      g_test_add_func ("/pg-connection/lost-inside-transaction", test_lost_inside_transaction);
      g_test_add_func ("/pg-connection/missed-write-is-announced",
                       test_missed_write_is_announced);
      g_test_add_func ("/pg-connection/dropped-network", test_dropped_network);
      g_test_add_func ("/pg-connection/notification-latency", test_notification_latency);
      g_test_add_func ("/pg-connection/rollback-not-announced", test_rollback_not_announced);
      g_test_add_func ("/pg-connection/ctype-c-refused", test_ctype_c_refused);
      g_test_add_func ("/pg-connection/schema-v2-migrated", test_schema_v2_migrated);
      g_test_add_func ("/pg-connection/setup-database-command", test_setup_database_command);
    }

  status = g_test_run ();
  pg_cluster_stop ();
  g_free (pg_missing);
  return status;
}
