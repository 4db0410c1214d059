/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "pg-cluster"

#include "config.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <libpq-fe.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gio/gio.h>
#include <glib/gstdio.h>

#include "pg-cluster.h"

/* A throwaway PostgreSQL cluster for one test program: initdb into a
 * folder under /tmp, the server a direct child of the test, listening on a
 * Unix socket in that folder only. The child dies with the test, even when
 * the test is killed (PR_SET_PDEATHSIG): pg_ctl would detach it and leave
 * it running. PostgreSQL refuses to run as root: as root, the children run
 * as the "postgres" user. Optionally the server listens on 127.0.0.1 too,
 * with password authentication, and with TLS; it can be stopped and
 * started again on the same data, for the tests of a lost connection. */

#define ADMIN "measures_admin"

static struct {
  char *dir;
  GPid pid;
  uid_t uid;
  gid_t gid;
  gboolean switch_user;
  PgClusterFlags flags;
  guint port;                /* 0: the default, on the socket only */
} cluster;

static void
child_setup (gpointer data)
{
  gboolean server = GPOINTER_TO_INT (data);

  if (cluster.switch_user &&
      (setgroups (0, NULL) != 0 || setgid (cluster.gid) != 0 || setuid (cluster.uid) != 0))
    _exit (127);

  /* After the user switch, which clears it. */
  if (server)
    prctl (PR_SET_PDEATHSIG, SIGQUIT);
}

static char *
program (const char *name)
{
  const char *bindir = g_getenv ("MEASURES_PG_BINDIR");

  return g_build_filename (bindir ? bindir : MEASURES_PG_BINDIR, name, NULL);
}

char *
pg_cluster_conninfo (const char *dbname)
{
  if (cluster.port != 0)
    return g_strdup_printf ("host=%s port=%u dbname=%s user=" ADMIN, cluster.dir, cluster.port,
                            dbname);

  return g_strdup_printf ("host=%s dbname=%s user=" ADMIN, cluster.dir, dbname);
}

/**
 * pg_cluster_tcp_conninfo:
 * @host: "127.0.0.1", "localhost" or a name with "hostaddr=127.0.0.1"
 * @dbname: the database
 * @user: the role to log in as
 *
 * Returns: (transfer full): the address of @dbname over TCP, on the
 *   cluster's port, without a password: started with %PG_CLUSTER_TCP
 */
char *
pg_cluster_tcp_conninfo (const char *host,
                         const char *dbname,
                         const char *user)
{
  g_assert (cluster.flags & PG_CLUSTER_TCP);

  return g_strdup_printf ("host=%s port=%u dbname=%s user=%s", host, cluster.port, dbname, user);
}

/**
 * pg_cluster_get_certificate:
 *
 * Returns: the server's self-signed certificate, for "sslrootcert":
 *   started with %PG_CLUSTER_TLS
 */
char *
pg_cluster_get_certificate (void)
{
  g_assert (cluster.flags & PG_CLUSTER_TLS);

  return g_build_filename (cluster.dir, "server.crt", NULL);
}

/* A port nobody listens on now, for the server to take. */
static guint
free_port (GError **error)
{
  struct sockaddr_in address = { .sin_family = AF_INET };
  socklen_t length = sizeof address;
  int fd = socket (AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  guint port = 0;

  address.sin_addr.s_addr = htonl (INADDR_LOOPBACK);
  if (fd >= 0 && bind (fd, (struct sockaddr *)&address, sizeof address) == 0 &&
      getsockname (fd, (struct sockaddr *)&address, &length) == 0)
    port = ntohs (address.sin_port);
  else
    g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "No free port: %s",
                 g_strerror (errno));

  if (fd >= 0)
    close (fd);
  return port;
}

/* A certificate for "localhost", made for this cluster only; the server
 * wants its key readable by its own user alone. */
static gboolean
make_certificate (GError **error)
{
  g_autofree char *key = g_build_filename (cluster.dir, "server.key", NULL);
  g_autofree char *certificate = g_build_filename (cluster.dir, "server.crt", NULL);
  g_autofree char *output = NULL;
  const char *argv[] = {
    "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
    "-days", "2", "-keyout", key, "-out", certificate, NULL
  };
  int status = 0;

  if (!g_spawn_sync (NULL, (char **)argv, NULL,
                     G_SPAWN_SEARCH_PATH | G_SPAWN_STDOUT_TO_DEV_NULL, child_setup,
                     GINT_TO_POINTER (FALSE), NULL, &output, &status, error))
    return FALSE;
  if (!g_spawn_check_wait_status (status, NULL) || g_chmod (key, 0600) != 0)
    {
      g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "openssl failed: %s", output);
      return FALSE;
    }

  return TRUE;
}

static gboolean
wait_until_ready (GError **error)
{
  g_autofree char *conninfo = pg_cluster_conninfo ("postgres");

  for (guint i = 0; i < 1000; i++)
    {
      int status;

      if (PQping (conninfo) == PQPING_OK)
        return TRUE;

      if (waitpid (cluster.pid, &status, WNOHANG) == cluster.pid)
        {
          g_autofree char *log = g_build_filename (cluster.dir, "server.log", NULL);
          g_autofree char *text = NULL;

          cluster.pid = 0;
          g_file_get_contents (log, &text, NULL, NULL);
          g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED,
                       "The PostgreSQL server stopped: %s", text ? text : "");
          return FALSE;
        }

      g_usleep (10 * 1000);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT, "The PostgreSQL server did not start");
  return FALSE;
}

/* Starts the server on the cluster's data, as a direct child. */
static gboolean
spawn_server (GError **error)
{
  g_autofree char *postgres = program ("postgres");
  g_autofree char *data = g_build_filename (cluster.dir, "data", NULL);
  g_autofree char *log = g_build_filename (cluster.dir, "server.log", NULL);
  g_autofree char *socket_dir = g_strdup_printf ("unix_socket_directories=%s", cluster.dir);
  g_autofree char *port = g_strdup_printf ("port=%u", cluster.port ? cluster.port : 5432);
  g_autofree char *cert = g_strdup_printf ("ssl_cert_file=%s/server.crt", cluster.dir);
  g_autofree char *key = g_strdup_printf ("ssl_key_file=%s/server.key", cluster.dir);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  gboolean spawned;
  int log_fd;

  /* Appended: a restarted server's log follows the first one's. */
  log_fd = open (log, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0 || (cluster.switch_user && fchown (log_fd, cluster.uid, cluster.gid) != 0))
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
      if (log_fd >= 0)
        close (log_fd);
      return FALSE;
    }

  g_ptr_array_add (argv, postgres);
  g_ptr_array_add (argv, "-D");
  g_ptr_array_add (argv, data);
  g_ptr_array_add (argv, "-c");
  g_ptr_array_add (argv, (cluster.flags & PG_CLUSTER_TCP) ? "listen_addresses=127.0.0.1"
                                                          : "listen_addresses=");
  g_ptr_array_add (argv, "-c");
  g_ptr_array_add (argv, socket_dir);
  g_ptr_array_add (argv, "-c");
  g_ptr_array_add (argv, port);
  if (cluster.flags & PG_CLUSTER_TLS)
    {
      g_ptr_array_add (argv, "-c");
      g_ptr_array_add (argv, "ssl=on");
      g_ptr_array_add (argv, "-c");
      g_ptr_array_add (argv, cert);
      g_ptr_array_add (argv, "-c");
      g_ptr_array_add (argv, key);
    }
  g_ptr_array_add (argv, "-c");
  g_ptr_array_add (argv, "fsync=off");
  g_ptr_array_add (argv, "-c");
  g_ptr_array_add (argv, "synchronous_commit=off");
  g_ptr_array_add (argv, "-c");
  g_ptr_array_add (argv, "full_page_writes=off");
  g_ptr_array_add (argv, NULL);

  spawned = g_spawn_async_with_pipes_and_fds (NULL, (const char * const *)argv->pdata, NULL,
                                              G_SPAWN_DO_NOT_REAP_CHILD,
                                              child_setup, GINT_TO_POINTER (TRUE),
                                              -1, log_fd, log_fd, NULL, NULL, 0,
                                              &cluster.pid, NULL, NULL, NULL, error);
  close (log_fd);

  return spawned && wait_until_ready (error);
}

/**
 * pg_cluster_start_with:
 * @flags: where the server listens besides its socket
 *
 * Starts the test program's cluster, once. With %PG_CLUSTER_TCP the
 * server listens on 127.0.0.1 on a free port too, where it asks for
 * passwords (scram-sha-256); with %PG_CLUSTER_TLS also over TLS, with a
 * self-signed certificate for "localhost".
 *
 * Returns: %FALSE with @error set if no server can be started here
 */
gboolean
pg_cluster_start_with (PgClusterFlags   flags,
                       GError         **error)
{
  g_autofree char *initdb = program ("initdb");
  g_autofree char *postgres = program ("postgres");
  g_autofree char *data = NULL;
  g_autofree char *output = NULL;
  int status = 0;
  char template[] = "/tmp/measures-pg-XXXXXX";

  if (flags & PG_CLUSTER_TLS)
    flags |= PG_CLUSTER_TCP;
  cluster.flags = flags;

  if (!g_file_test (postgres, G_FILE_TEST_IS_EXECUTABLE))
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                   "No PostgreSQL server at %s (install the postgresql package)", postgres);
      return FALSE;
    }

  /* Under /tmp: the socket's path must stay short, and as root the
   * postgres user must reach the folder. */
  if (g_mkdtemp (template) == NULL)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
      return FALSE;
    }
  cluster.dir = g_strdup (template);

  if (geteuid () == 0)
    {
      struct passwd *user = getpwnam ("postgres");

      if (user == NULL || chown (cluster.dir, user->pw_uid, user->pw_gid) != 0)
        {
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_PERMISSION_DENIED,
                       "Running as root, and no \"postgres\" user to run the server as");
          return FALSE;
        }
      cluster.switch_user = TRUE;
      cluster.uid = user->pw_uid;
      cluster.gid = user->pw_gid;
    }

  data = g_build_filename (cluster.dir, "data", NULL);
  {
    const char *argv[] = {
      initdb, "-D", data, "-U", ADMIN, "-E", "UTF8", "--locale=C.UTF-8", "-N",
      "--auth-local=trust", "--auth-host=scram-sha-256", NULL
    };

    if (!g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_STDOUT_TO_DEV_NULL, child_setup,
                       GINT_TO_POINTER (FALSE), NULL, &output, &status, error))
      return FALSE;
    if (!g_spawn_check_wait_status (status, NULL))
      {
        g_set_error (error, G_SPAWN_ERROR, G_SPAWN_ERROR_FAILED, "initdb failed: %s", output);
        return FALSE;
      }
  }

  if ((flags & PG_CLUSTER_TCP) && (cluster.port = free_port (error)) == 0)
    return FALSE;
  if ((flags & PG_CLUSTER_TLS) && !make_certificate (error))
    return FALSE;

  return spawn_server (error);
}

/**
 * pg_cluster_start:
 *
 * Starts the test program's cluster, once, on its Unix socket only.
 *
 * Returns: %FALSE with @error set if no server can be started here
 */
gboolean
pg_cluster_start (GError **error)
{
  return pg_cluster_start_with (PG_CLUSTER_UNIX, error);
}

/**
 * pg_cluster_server_stop:
 *
 * Stops the server as an administrator would (a fast shutdown: every
 * connection is closed), keeping its data for pg_cluster_server_start().
 */
void
pg_cluster_server_stop (void)
{
  if (cluster.pid > 0)
    {
      kill (cluster.pid, SIGINT);
      waitpid (cluster.pid, NULL, 0);
      cluster.pid = 0;
    }
}

/**
 * pg_cluster_server_start:
 *
 * Starts the server again on the same data, socket and port.
 *
 * Returns: %FALSE with @error set if it did not start
 */
gboolean
pg_cluster_server_start (GError **error)
{
  g_assert (cluster.dir != NULL && cluster.pid == 0);

  return spawn_server (error);
}

/**
 * pg_cluster_stop:
 *
 * Stops the server at once (SIGQUIT: nothing of it is kept) and removes
 * its folder.
 */
void
pg_cluster_stop (void)
{
  if (cluster.pid > 0)
    {
      kill (cluster.pid, SIGQUIT);
      waitpid (cluster.pid, NULL, 0);
      cluster.pid = 0;
    }

  if (cluster.dir != NULL)
    {
      const char *argv[] = { "rm", "-rf", cluster.dir, NULL };

      g_spawn_sync (NULL, (char **)argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL,
                    NULL, NULL);
      g_clear_pointer (&cluster.dir, g_free);
    }
}

/**
 * pg_cluster_test_available:
 * @missing: (nullable): why no server could be started, or %NULL
 *
 * The body of a test case that says whether the server's cases ran: a
 * skip on a developer's machine without a server, a failure in CI, where
 * the server is installed.
 */
void
pg_cluster_test_available (const char *missing)
{
  if (missing == NULL)
    return;

  if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
    g_test_fail_printf ("No PostgreSQL server for the tests: %s", missing);
  else
    g_test_skip_printf ("No PostgreSQL server for the tests: %s", missing);
}

/**
 * pg_cluster_create_database:
 * @name: the new database
 * @template_name: (nullable): the database to copy, or %NULL for an empty one
 *
 * Returns: %FALSE with @error set if the server refused
 */
gboolean
pg_cluster_create_database (const char  *name,
                            const char  *template_name,
                            GError     **error)
{
  g_autofree char *conninfo = pg_cluster_conninfo ("postgres");
  PGconn *conn = PQconnectdb (conninfo);
  g_autoptr(GString) sql = g_string_new ("CREATE DATABASE ");
  PGresult *result;
  gboolean done;
  char *quoted;

  quoted = PQescapeIdentifier (conn, name, strlen (name));
  g_string_append (sql, quoted ? quoted : "");
  PQfreemem (quoted);
  if (template_name != NULL)
    {
      quoted = PQescapeIdentifier (conn, template_name, strlen (template_name));
      g_string_append_printf (sql, " TEMPLATE %s", quoted ? quoted : "");
      PQfreemem (quoted);
    }

  result = PQexec (conn, sql->str);
  done = PQresultStatus (result) == PGRES_COMMAND_OK;
  if (!done)
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", PQerrorMessage (conn));

  PQclear (result);
  PQfinish (conn);
  return done;
}

/**
 * pg_cluster_query:
 * @dbname: the database to run @sql in, as the cluster's superuser
 * @sql: one statement, with at most one parameter $1
 * @param: (nullable): its value
 *
 * Returns: (transfer full): the first column of the first row, "" when
 *   there is none, or %NULL with @error set
 */
char *
pg_cluster_query (const char  *dbname,
                  const char  *sql,
                  const char  *param,
                  GError     **error)
{
  g_autofree char *conninfo = pg_cluster_conninfo (dbname);
  PGconn *conn = PQconnectdb (conninfo);
  const char *params[] = { param };
  PGresult *result;
  char *value = NULL;
  ExecStatusType status;

  result = PQexecParams (conn, sql, param ? 1 : 0, NULL, param ? params : NULL, NULL, NULL, 0);
  status = PQresultStatus (result);
  if (status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK)
    value = g_strdup (PQntuples (result) > 0 ? PQgetvalue (result, 0, 0) : "");
  else
    g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s", PQerrorMessage (conn));

  PQclear (result);
  PQfinish (conn);
  return value;
}

/**
 * pg_cluster_add_password_role:
 * @role: the new login role, made of [a-z_] only
 * @password: its password, made of [A-Za-z0-9] only
 *
 * Creates a role that must give its password even on the Unix socket,
 * where the cluster otherwise trusts everyone: a line for it goes first
 * in pg_hba.conf, and the server reloads it.
 *
 * Returns: %FALSE with @error set if the server refused
 */
gboolean
pg_cluster_add_password_role (const char  *role,
                              const char  *password,
                              GError     **error)
{
  g_autofree char *hba = g_build_filename (cluster.dir, "data", "pg_hba.conf", NULL);
  g_autofree char *rules = NULL;
  g_autofree char *sql = NULL;
  g_autofree char *done = NULL;
  g_autofree char *conninfo = NULL;
  g_autoptr(GString) text = NULL;
  int fd;

  g_return_val_if_fail (g_regex_match_simple ("^[a-z_]+$", role, 0, 0), FALSE);
  g_return_val_if_fail (g_regex_match_simple ("^[A-Za-z0-9]+$", password, 0, 0), FALSE);

  sql = g_strdup_printf ("CREATE ROLE %s LOGIN PASSWORD '%s'", role, password);
  if (!(done = pg_cluster_query ("postgres", sql, NULL, error)) ||
      !g_file_get_contents (hba, &rules, NULL, error))
    return FALSE;

  /* Rewritten in place, so that the file stays the server user's. */
  text = g_string_new (NULL);
  g_string_append_printf (text, "local all %s scram-sha-256\n%s", role, rules);
  fd = open (hba, O_WRONLY | O_TRUNC | O_CLOEXEC);
  if (fd < 0 || write (fd, text->str, text->len) != (gssize)text->len)
    {
      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (errno), "%s", g_strerror (errno));
      if (fd >= 0)
        close (fd);
      return FALSE;
    }
  close (fd);

  g_free (done);
  if (!(done = pg_cluster_query ("postgres", "SELECT pg_reload_conf ()", NULL, error)))
    return FALSE;

  /* The reload takes a moment: until the role is asked for its password. */
  conninfo = g_strdup_printf ("host=%s dbname=postgres user=%s", cluster.dir, role);
  for (guint i = 0; i < 500; i++)
    {
      PGconn *conn = PQconnectdb (conninfo);
      gboolean asks = PQstatus (conn) != CONNECTION_OK && PQconnectionNeedsPassword (conn);

      PQfinish (conn);
      if (asks)
        return TRUE;
      g_usleep (10 * 1000);
    }

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_TIMED_OUT,
               "The server did not start asking %s for a password", role);
  return FALSE;
}
