/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-pg"

#include "config.h"

#include <glib-unix.h>

#include "measures-pg-private.h"

/* Other writers: every write NOTIFYs inside its transaction, so only
 * committed writes are told. The connection LISTENs on the main loop —
 * no polling — and treats a notification as a hint only: anyone who may
 * connect may NOTIFY anything, so it looks again at the revisions and
 * announces the measures and indicators that are newer than it has
 * announced. */

#define CHANNEL MEASURES_PG_CHANNEL

static gboolean announce_locked (MeasuresPgStore *self);

/* The connection's lock also guards the sources: a store being filled on
 * a worker thread schedules this from there, and the main loop may run it
 * before the worker has noted its id. */
static gboolean
announce_other_writes (gpointer data)
{
  MeasuresPgStore *self = data;
  gboolean again;

  g_rec_mutex_lock (&self->conn_lock);
  again = announce_locked (self);
  g_rec_mutex_unlock (&self->conn_lock);
  return again;
}

static gboolean
announce_locked (MeasuresPgStore *self)
{
  g_auto(PgParams) params = { NULL };
  g_autoptr(PGresult) result = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GArray) indicator_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gint64 latest = self->seen_revision;

  self->announce_id = 0;
  /* Not inside a write of our own, e.g. while an import runs: the commit
   * looks again. */
  if (self->in_transaction)
    return G_SOURCE_REMOVE;
  self->notified = FALSE;

  pg_params_init (&params);
  pg_params_int (&params, self->seen_revision);
  result = pg_query (self,
                     "SELECT false, id, revision FROM measures WHERE revision > $1::bigint "
                     "UNION ALL "
                     "SELECT true, id, revision FROM indicators WHERE revision > $1::bigint "
                     "ORDER BY 3",
                     &params, NULL);
  if (result == NULL)
    return G_SOURCE_REMOVE;

  for (int row = 0; row < PQntuples (result); row++)
    {
      gboolean indicator = pg_bool (result, row, 0);
      gint64 id = pg_int (result, row, 1);
      gint64 revision = pg_int (result, row, 2);

      latest = MAX (latest, revision);
      if (!g_hash_table_remove (self->own_revisions, &revision))
        g_array_append_val (indicator ? indicator_ids : ids, id);
    }

  self->seen_revision = latest;
  /* Revisions at or below the latest are announced or never will be. */
  g_hash_table_remove_all (self->own_revisions);

  if (ids->len > 0)
    {
      /* Offices may take part in other measures now. */
      measures_pg_forget_permissions (self);
      g_debug ("%u measures changed by another writer of %s", ids->len, self->display_name);
      /* Which offices' counts changed is not known: recount them. */
      measures_store_emit_changed (MEASURES_STORE (self), (const gint64 *)(gpointer)ids->data,
                                   ids->len, TRUE);
    }
  if (indicator_ids->len > 0)
    {
      /* Their offices may be others now. */
      measures_pg_forget_permissions (self);
      for (guint i = 0; i < indicator_ids->len; i++)
        measures_store_emit_indicator_changed (MEASURES_STORE (self),
                                               g_array_index (indicator_ids, gint64, i));
    }

  return G_SOURCE_REMOVE;
}

/* Takes the notifications libpq has read, with an answer or from the
 * socket, and looks again once the store is idle. */
void
measures_pg_notify_check (MeasuresPgStore *self)
{
  PGnotify *notify;

  g_rec_mutex_lock (&self->conn_lock);
  while ((notify = PQnotifies (self->conn)) != NULL)
    {
      self->notified = TRUE;
      PQfreemem (notify);
    }

  if (self->notified && !self->in_transaction && self->announce_id == 0 &&
      self->socket_watch_id != 0)
    {
      self->announce_id = g_idle_add (announce_other_writes, self);
      g_source_set_name_by_id (self->announce_id, "[measures] other writers");
    }
  g_rec_mutex_unlock (&self->conn_lock);
}

static gboolean socket_ready (int           fd,
                              GIOCondition  condition,
                              gpointer      data);

static void
watch_socket (MeasuresPgStore *self)
{
  g_clear_handle_id (&self->socket_watch_id, g_source_remove);
  self->socket_watch_id = g_unix_fd_add (PQsocket (self->conn), G_IO_IN | G_IO_HUP | G_IO_ERR,
                                         socket_ready, self);
  g_source_set_name_by_id (self->socket_watch_id, "[measures] server notifications");
}

static gboolean
watch_again (gpointer data)
{
  MeasuresPgStore *self = data;

  self->socket_watch_id = 0;
  watch_socket (self);
  return G_SOURCE_REMOVE;
}

static gboolean
socket_ready (int           fd,
              GIOCondition  condition,
              gpointer      data)
{
  MeasuresPgStore *self = data;
  gboolean lost;

  /* A statement of another thread is on the connection (the store being
   * filled while it opens): what the socket holds is its answer. Look
   * again in a moment, rather than spin on a socket that stays readable. */
  if (!g_rec_mutex_trylock (&self->conn_lock))
    {
      self->socket_watch_id = g_timeout_add (50, watch_again, self);
      g_source_set_name_by_id (self->socket_watch_id, "[measures] server notifications, later");
      return G_SOURCE_REMOVE;
    }

  /* A server that went away, or a network that did (keepalives): connect
   * again now rather than at the next write. */
  lost = (condition & (G_IO_HUP | G_IO_ERR)) != 0 || !PQconsumeInput (self->conn) ||
         PQstatus (self->conn) == CONNECTION_BAD;
  g_rec_mutex_unlock (&self->conn_lock);

  if (lost)
    {
      self->socket_watch_id = 0;
      measures_pg_connection_lost (self);
      return G_SOURCE_REMOVE;
    }

  measures_pg_notify_check (self);
  return G_SOURCE_CONTINUE;
}

/* Listens on the current connection; its socket is another one after
 * connecting again. */
gboolean
measures_pg_notify_listen (MeasuresPgStore  *self,
                           GError          **error)
{
  g_autoptr(PGresult) listen = NULL;

  self->round_trips++;
  listen = PQexec (self->conn, "LISTEN " CHANNEL);

  if (PQresultStatus (listen) != PGRES_COMMAND_OK)
    return pg_set_error (self, listen, error);

  watch_socket (self);
  return TRUE;
}

gboolean
measures_pg_notify_start (MeasuresPgStore  *self,
                          GError          **error)
{
  g_autoptr(PGresult) latest = NULL;

  /* Listening first: a write committed in between is announced twice at
   * worst, never missed. */
  if (!measures_pg_notify_listen (self, error))
    return FALSE;

  latest = pg_query (self,
                     "SELECT greatest ((SELECT coalesce (max (revision), 0) FROM measures),"
                     "                 (SELECT coalesce (max (revision), 0) FROM indicators))",
                     NULL, error);
  if (latest == NULL)
    return FALSE;
  self->seen_revision = pg_int (latest, 0, 0);
  return TRUE;
}

/* After connecting again: what others wrote while the connection was
 * lost was told to nobody here; the revisions tell. */
void
measures_pg_notify_catch_up (MeasuresPgStore *self)
{
  g_rec_mutex_lock (&self->conn_lock);
  g_clear_handle_id (&self->announce_id, g_source_remove);
  self->notified = TRUE;
  announce_locked (self);
  g_rec_mutex_unlock (&self->conn_lock);
}

void
measures_pg_notify_stop (MeasuresPgStore *self)
{
  g_rec_mutex_lock (&self->conn_lock);
  g_clear_handle_id (&self->socket_watch_id, g_source_remove);
  g_clear_handle_id (&self->announce_id, g_source_remove);
  g_rec_mutex_unlock (&self->conn_lock);
}

/* Tells the other connections, inside the write's transaction. The
 * payload is the measure's id, for debugging: listeners do not trust it. */
gboolean
measures_pg_notify_write (MeasuresPgStore  *self,
                          gint64            measure_id,
                          GError          **error)
{
  g_auto(PgParams) params = { NULL };

  pg_params_init (&params);
  pg_params_int (&params, measure_id);
  return pg_exec (self, "SELECT pg_notify ('" CHANNEL "', $1::text)", &params, error);
}
