/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-store"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-enums.h"
#include "measures-format.h"
#include "measures-store-private.h"
#include "sqlite/measures-sqlite-store.h"
#ifdef HAVE_POSTGRESQL
#include "postgres/measures-pg-store.h"
#endif

/**
 * MeasuresStore:
 *
 * The strategy's data, whichever engine holds it. This abstract class is
 * the public API: it checks arguments and validates what is written, then
 * hands the work to the engine (see #MeasuresStoreClass), and emits the
 * signals once the engine has committed.
 *
 * Every measure carries a revision. A write names the revision its writer
 * read, and the engine refuses it with %MEASURES_STORE_ERROR_CONFLICT when
 * someone else changed the measure since: no update is ever lost, whether
 * the other writer is another window, another process or another
 * workstation.
 */
typedef struct
{
  char *path;
  MeasuresConnection connection;
} MeasuresStorePrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (MeasuresStore, measures_store, G_TYPE_OBJECT)
G_DEFINE_QUARK (measures-store-error-quark, measures_store_error)

enum {
  MEASURE_CHANGED,
  INDICATOR_CHANGED,
  OFFICES_CHANGED,
  REPLACED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

enum {
  PROP_0,
  PROP_CONNECTION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
measures_store_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  MeasuresStore *self = MEASURES_STORE (object);

  switch (prop_id)
    {
    case PROP_CONNECTION:
      g_value_set_enum (value, measures_store_get_connection (self));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_store_finalize (GObject *object)
{
  MeasuresStore *self = (MeasuresStore *)object;
  MeasuresStorePrivate *priv = measures_store_get_instance_private (self);

  g_free (priv->path);

  G_OBJECT_CLASS (measures_store_parent_class)->finalize (object);
}

static gboolean
no_check_pending (MeasuresStore *self)
{
  return FALSE;
}

static MeasuresPermissions
everything_allowed (MeasuresStore *self,
                    gint64         measure_id)
{
  return MEASURES_PERMISSION_ALL;
}

static void
measures_store_class_init (MeasuresStoreClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = measures_store_finalize;
  object_class->get_property = measures_store_get_property;
  klass->get_check_pending = no_check_pending;
  klass->get_permissions = everything_allowed;
  klass->get_indicator_permissions = everything_allowed;

  /**
   * MeasuresStore::measure-changed:
   * @self: the store
   * @measure_id: the measure that was created, changed, removed or restored,
   *   or whose log changed
   *
   * Emitted after a write has been committed: by this store, or by another
   * writer to the same strategy (another window, process or workstation),
   * as soon as the engine learns of it.
   */
  signals[MEASURE_CHANGED] =
    g_signal_new ("measure-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * MeasuresStore::indicator-changed:
   * @self: the store
   * @indicator_id: the indicator that was created, changed, removed or
   *   restored, or whose values changed
   *
   * Emitted after a write has been committed, by this store or by another
   * writer to the same strategy, as #MeasuresStore::measure-changed is.
   */
  signals[INDICATOR_CHANGED] =
    g_signal_new ("indicator-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /**
   * MeasuresStore::offices-changed:
   * @self: the store
   *
   * Emitted after a committed write that changed how many measures an
   * office leads or takes part in: a measure created, removed or restored,
   * or its offices edited. Emitted before #MeasuresStore::measure-changed.
   */
  signals[OFFICES_CHANGED] =
    g_signal_new ("offices-changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * MeasuresStore::replaced:
   * @self: the store
   *
   * Emitted once when the strategy this store holds was replaced as a
   * whole behind its back, e.g. by a backup that another process
   * restored. The store refuses to write from then on: open the strategy
   * again.
   */
  signals[REPLACED] =
    g_signal_new ("replaced", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);

  /**
   * MeasuresStore:connection:
   *
   * Whether the store can write now (see #MeasuresConnection); notified
   * when the connection to a server is lost and when it is back.
   */
  properties[PROP_CONNECTION] =
    g_param_spec_enum ("connection", NULL, NULL, MEASURES_TYPE_CONNECTION,
                       MEASURES_CONNECTION_LOCAL,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
measures_store_init (MeasuresStore *self)
{
}

/* For the engines ---------------------------------------------------------- */

void
measures_store_set_path (MeasuresStore *self,
                         const char    *path)
{
  MeasuresStorePrivate *priv = measures_store_get_instance_private (self);

  g_free (priv->path);
  priv->path = g_strdup (path);
}

/* The engine of a server says when its connection was lost and is back. */
void
measures_store_set_connection (MeasuresStore      *self,
                               MeasuresConnection  connection)
{
  MeasuresStorePrivate *priv = measures_store_get_instance_private (self);

  if (priv->connection == connection)
    return;

  priv->connection = connection;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CONNECTION]);
}

/* When something happened, as every engine writes it: ISO 8601 in UTC. */
char *
measures_store_now (void)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();

  return g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
}

/* The message of a refused write: who changed the measure, and when. */
void
measures_store_set_conflict_error (GError     **error,
                                   const char  *title,
                                   const char  *author,
                                   const char  *date,
                                   gboolean     removed)
{
  g_autofree char *when = measures_format_iso_date (date, TRUE);

  if (author == NULL || author[0] == '\0')
    author = _("someone else");

  if (removed)
    g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CONFLICT,
                 /* Translators: "“Title” was removed by Anna Schmidt on
                  * November 25, 2026, 14:05 while you had it open." */
                 _("“%s” was removed by %s on %s while you had it open. "
                   "Nothing was saved."),
                 title, author, when);
  else
    g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CONFLICT,
                 /* Translators: "“Title” was changed by Anna Schmidt on
                  * November 25, 2026, 14:05 while you had it open." */
                 _("“%s” was changed by %s on %s while you had it open. "
                   "Nothing was saved, so that their change is not lost."),
                 title, author, when);
}

/* What every log entry must satisfy, whichever engine writes it. */
gboolean
measures_store_check_log_text (const char  *text,
                               GError     **error)
{
  if (!g_utf8_validate (text, -1, NULL) ||
      g_utf8_strlen (text, -1) > MEASURES_MAX_TEXT_LENGTH)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   ngettext ("The text is too long: at most %ld character.",
                             "The text is too long: at most %ld characters.",
                             (glong)MEASURES_MAX_TEXT_LENGTH),
                   (glong)MEASURES_MAX_TEXT_LENGTH);
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_store_emit_changed:
 * @ids: the measures that changed
 * @counts_changed: whether offices' counts may have changed
 *
 * Tells the listeners about committed writes: the engine's own, or those of
 * another writer that the engine has noticed.
 */
void
measures_store_emit_changed (MeasuresStore *self,
                             const gint64  *ids,
                             guint          n_ids,
                             gboolean       counts_changed)
{
  g_autoptr(MeasuresStore) keep = g_object_ref (self);

  if (counts_changed)
    g_signal_emit (self, signals[OFFICES_CHANGED], 0);
  for (guint i = 0; i < n_ids; i++)
    g_signal_emit (self, signals[MEASURE_CHANGED], 0, ids[i]);
}

/* Tells the listeners about a committed write to an indicator. */
void
measures_store_emit_indicator_changed (MeasuresStore *self,
                                       gint64         indicator_id)
{
  g_autoptr(MeasuresStore) keep = g_object_ref (self);

  g_signal_emit (self, signals[INDICATOR_CHANGED], 0, indicator_id);
}

/* Tells the listeners that the strategy was replaced behind the store's back. */
void
measures_store_emit_replaced (MeasuresStore *self)
{
  g_signal_emit (self, signals[REPLACED], 0);
}

/* The message of a write refused because the strategy was replaced. */
void
measures_store_set_replaced_error (GError **error)
{
  g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_CONFLICT,
                       _("The strategy was replaced meanwhile, by a backup restored in another "
                         "window. Nothing was saved; it is opened again."));
}


/* The public API ------------------------------------------------------------ */

/**
 * measures_store_get_default_path:
 *
 * Returns: (transfer full): where the strategy lives unless the user
 *   chooses another file: the application's folder in the XDG data directory
 */
char *
measures_store_get_default_path (void)
{
  return g_build_filename (g_get_user_data_dir (), APP_ID, "strategy.db", NULL);
}

/**
 * measures_store_is_server_address:
 * @path: what the user gave as the strategy's place
 *
 * Returns: %TRUE if @path names a PostgreSQL database rather than a file:
 *   a "postgresql://" or "postgres://" URI, or libpq's "host=… dbname=…"
 *   or "service=…", which starts with one of libpq's keywords and "="
 */
gboolean
measures_store_is_server_address (const char *path)
{
  g_return_val_if_fail (path != NULL, FALSE);

  return g_str_has_prefix (path, "postgresql://") || g_str_has_prefix (path, "postgres://") ||
         g_regex_match_simple ("^\\s*(host|hostaddr|port|dbname|user|service|sslmode|passfile)\\s*=",
                               path, 0, 0);
}

/**
 * measures_store_open:
 * @path: the database file, created with its folder when missing; or a
 *   PostgreSQL database: a "postgresql://" URI or a libpq connection
 *   string such as "host=server dbname=strategy" or "service=strategy"
 * @error: return location for a #MeasuresStoreError
 *
 * Opens the strategy and brings its schema up to date. A file that is not
 * a database, belongs to another application or comes from a newer version
 * is refused without being written to; so is such a server database.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
MeasuresStore *
measures_store_open (const char  *path,
                     GError     **error)
{
  return measures_store_open_with_password (path, NULL, error);
}

/**
 * measures_store_open_with_password:
 * @path: as for measures_store_open()
 * @password: (nullable): the password for a server that asks for one, as
 *   the user typed it or the keyring keeps it; ignored for a file
 * @error: return location for a #MeasuresStoreError
 *
 * Opens the strategy like measures_store_open(). A server that wants a
 * password it was not given, or a wrong one, is refused with
 * %MEASURES_STORE_ERROR_PASSWORD: ask the user and try again.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
MeasuresStore *
measures_store_open_with_password (const char  *path,
                                   const char  *password,
                                   GError     **error)
{
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (measures_store_is_server_address (path))
    {
#ifdef HAVE_POSTGRESQL
      return measures_pg_store_open (path, password, error);
#else
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                           _("This is the address of a PostgreSQL server, and this build "
                             "of Measures was made without PostgreSQL support. Open a "
                             "strategy file instead, or install a build with PostgreSQL."));
      return NULL;
#endif
    }

  return measures_sqlite_store_open (path, error);
}

/**
 * measures_store_get_connection:
 *
 * Returns: whether the store can write now: always
 *   %MEASURES_CONNECTION_LOCAL for a file
 */
MeasuresConnection
measures_store_get_connection (MeasuresStore *self)
{
  MeasuresStorePrivate *priv = measures_store_get_instance_private (self);

  g_return_val_if_fail (MEASURES_IS_STORE (self), MEASURES_CONNECTION_LOCAL);

  return priv->connection;
}

/**
 * measures_store_get_unencrypted:
 *
 * Returns: %TRUE when the strategy travels over a network unencrypted,
 *   so that the window can say so; %FALSE for a file, a local socket or
 *   an encrypted connection
 */
gboolean
measures_store_get_unencrypted (MeasuresStore *self)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);

  if (MEASURES_STORE_GET_CLASS (self)->get_unencrypted == NULL)
    return FALSE;

  return MEASURES_STORE_GET_CLASS (self)->get_unencrypted (self);
}

/**
 * measures_store_reconnect:
 *
 * Tries to connect again at once, when the connection was lost, instead
 * of waiting for the store's next try. Does nothing for a file or when
 * connected.
 */
void
measures_store_reconnect (MeasuresStore *self)
{
  g_return_if_fail (MEASURES_IS_STORE (self));

  if (MEASURES_STORE_GET_CLASS (self)->reconnect != NULL)
    MEASURES_STORE_GET_CLASS (self)->reconnect (self);
}

/**
 * measures_store_dup_user_name:
 *
 * Returns: (transfer full) (nullable): the name a server knows the user
 *   by, and writes into the log and history; %NULL for a file, where the
 *   user's name comes from the preferences
 */
char *
measures_store_dup_user_name (MeasuresStore *self)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  if (MEASURES_STORE_GET_CLASS (self)->dup_user_name == NULL)
    return NULL;

  return MEASURES_STORE_GET_CLASS (self)->dup_user_name (self);
}

/**
 * measures_store_get_features:
 *
 * Returns: what the engine can do, so that the window offers only that
 */
MeasuresStoreFeatures
measures_store_get_features (MeasuresStore *self)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), MEASURES_STORE_FEATURE_NONE);

  return MEASURES_STORE_GET_CLASS (self)->get_features (self);
}

/**
 * measures_store_get_permissions:
 * @measure_id: a measure's id, or 0 for what does not depend on a measure
 *   (%MEASURES_PERMISSION_CREATE)
 *
 * What the user may do with a measure, as the engine's roles allow it,
 * so that the window offers only that. An engine without roles allows
 * everything; one with roles asks its server once and remembers the
 * answer until the roles or the measures' offices may have changed. The
 * server has the last word: a write it refuses fails with
 * %MEASURES_STORE_ERROR_NOT_ALLOWED all the same.
 *
 * Returns: the #MeasuresPermissions of the user on @measure_id
 */
MeasuresPermissions
measures_store_get_permissions (MeasuresStore *self,
                                gint64         measure_id)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), MEASURES_PERMISSION_NONE);

  return MEASURES_STORE_GET_CLASS (self)->get_permissions (self, measure_id);
}

/**
 * measures_store_dup_display_name:
 *
 * Returns: (transfer full): how to name the strategy's place to a user: the
 *   file's name, or the server and database
 */
char *
measures_store_dup_display_name (MeasuresStore *self)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return MEASURES_STORE_GET_CLASS (self)->dup_display_name (self);
}

/**
 * measures_store_get_path:
 *
 * Returns: the database file's path, or the server's address
 */
const char *
measures_store_get_path (MeasuresStore *self)
{
  MeasuresStorePrivate *priv = measures_store_get_instance_private (self);

  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return priv->path;
}

/**
 * measures_store_get_check_pending:
 *
 * Returns: %TRUE if the strategy was too large to check before it was
 *   opened: check it with measures_store_check_async()
 */
gboolean
measures_store_get_check_pending (MeasuresStore *self)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);

  return MEASURES_STORE_GET_CLASS (self)->get_check_pending (self);
}

/**
 * measures_store_check_async:
 *
 * Checks the whole strategy for damage on a thread, as measures_store_open()
 * does at once for smaller ones.
 */
void
measures_store_check_async (MeasuresStore       *self,
                            GCancellable        *cancellable,
                            GAsyncReadyCallback  callback,
                            gpointer             user_data)
{
  g_return_if_fail (MEASURES_IS_STORE (self));
  g_return_if_fail (MEASURES_STORE_GET_CLASS (self)->check_async != NULL);

  MEASURES_STORE_GET_CLASS (self)->check_async (self, cancellable, callback, user_data);
}

/**
 * measures_store_check_finish:
 *
 * Returns: %FALSE with @error set if the strategy is damaged
 */
gboolean
measures_store_check_finish (MeasuresStore  *self,
                             GAsyncResult   *result,
                             GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);

  return MEASURES_STORE_GET_CLASS (self)->check_finish (self, result, error);
}

/**
 * measures_store_is_empty:
 * @empty: (out): set to %TRUE when the store holds no strategy yet
 *
 * Returns: %FALSE with @error set if the database could not be read
 */
gboolean
measures_store_is_empty (MeasuresStore  *self,
                         gboolean       *empty,
                         GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (empty != NULL, FALSE);

  return MEASURES_STORE_GET_CLASS (self)->is_empty (self, empty, error);
}

/**
 * measures_store_begin:
 *
 * Starts a write transaction for an import; end it with
 * measures_store_commit() or measures_store_rollback().
 */
gboolean
measures_store_begin (MeasuresStore  *self,
                      GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);

  return MEASURES_STORE_GET_CLASS (self)->begin (self, error);
}

gboolean
measures_store_commit (MeasuresStore  *self,
                       GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);

  return MEASURES_STORE_GET_CLASS (self)->commit (self, error);
}

void
measures_store_rollback (MeasuresStore *self)
{
  g_return_if_fail (MEASURES_IS_STORE (self));

  MEASURES_STORE_GET_CLASS (self)->rollback (self);
}

/**
 * measures_store_set_vision:
 * @strategy_title: the strategy's own name
 * @vision_title: the vision's motto
 * @statements: the vision's statements, in order
 *
 * Replaces the vision. Call inside a transaction.
 */
gboolean
measures_store_set_vision (MeasuresStore       *self,
                           const char          *strategy_title,
                           const char          *vision_title,
                           const char * const  *statements,
                           GError             **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (strategy_title != NULL && vision_title != NULL, FALSE);
  g_return_val_if_fail (statements != NULL, FALSE);

  return MEASURES_STORE_GET_CLASS (self)->set_vision (self, strategy_title, vision_title,
                                                      statements, error);
}

/**
 * measures_store_add_goal:
 * @number: the goal's number as printed ("Ziel 1" has 1)
 *
 * Adds a goal. Call inside a transaction.
 */
gboolean
measures_store_add_goal (MeasuresStore  *self,
                         guint           number,
                         const char     *title,
                         const char     *headline,
                         const char     *text,
                         GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (title != NULL && headline != NULL && text != NULL, FALSE);

  return MEASURES_STORE_GET_CLASS (self)->add_goal (self, number, title, headline, text, error);
}

/**
 * measures_store_add_office:
 * @abbreviation: the office's abbreviation as the sheets print it
 * @name: its full name
 *
 * Adds an office to the directory. Call inside a transaction.
 */
gboolean
measures_store_add_office (MeasuresStore  *self,
                           const char     *abbreviation,
                           const char     *name,
                           GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (abbreviation != NULL && name != NULL, FALSE);

  return MEASURES_STORE_GET_CLASS (self)->add_office (self, abbreviation, name, error);
}

/**
 * measures_store_add_measure:
 * @measure: the measure to add as it is, with its status, progress and
 *   dates; an id of 0 means "a new id", a position of 0 "at the end of its
 *   goal"; its goal must exist and its offices must be in the directory
 *
 * Adds a measure with its objectives and office links, for imports. Call
 * inside a transaction. Records no history: see measures_store_create_measure().
 *
 * Returns: the new measure's id, or 0 with @error set
 */
gint64
measures_store_add_measure (MeasuresStore    *self,
                            MeasuresMeasure  *measure,
                            GError          **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), 0);
  g_return_val_if_fail (MEASURES_IS_MEASURE (measure), 0);

  if (!measures_measure_validate (measure, NULL, error))
    return 0;

  return MEASURES_STORE_GET_CLASS (self)->add_measure (self, measure, error);
}

/**
 * measures_store_add_measures:
 * @measures: (array length=n_measures): measures with their logs and
 *   histories, as measures_store_add_measure(),
 *   measures_store_insert_log_entry() and measures_store_insert_change()
 *   take them
 * @ids: (out caller-allocates) (array length=n_measures): the new
 *   measures' ids
 *
 * Adds many measures at once, for imports: what the three functions above
 * do for each, in this order, and as fast as the engine can. Call inside a
 * transaction.
 *
 * Returns: %FALSE with @error set if they could not all be added
 */
gboolean
measures_store_add_measures (MeasuresStore                *self,
                             const MeasuresMeasureImport  *measures,
                             guint                         n_measures,
                             gint64                       *ids,
                             GError                      **error)
{
  MeasuresStoreClass *klass;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (measures != NULL || n_measures == 0, FALSE);
  g_return_val_if_fail (ids != NULL || n_measures == 0, FALSE);

  for (guint i = 0; i < n_measures; i++)
    if (!measures_measure_validate (measures[i].measure, NULL, error))
      return FALSE;

  klass = MEASURES_STORE_GET_CLASS (self);
  if (klass->add_measures != NULL)
    return klass->add_measures (self, measures, n_measures, ids, error);

  for (guint i = 0; i < n_measures; i++)
    {
      const MeasuresMeasureImport *item = &measures[i];

      ids[i] = klass->add_measure (self, item->measure, error);
      if (ids[i] == 0)
        return FALSE;

      for (guint j = 0; item->log != NULL && j < item->log->len; j++)
        if (!measures_store_insert_log_entry (self, ids[i], g_ptr_array_index (item->log, j),
                                              error))
          return FALSE;

      for (guint j = 0; item->history != NULL && j < item->history->len; j++)
        if (!measures_store_insert_change (self, ids[i], g_ptr_array_index (item->history, j),
                                           error))
          return FALSE;
    }

  return TRUE;
}

/**
 * measures_store_insert_log_entry:
 * @measure_id: the measure in this store that the entry belongs to
 * @entry: an entry as exported; its ids are ignored
 *
 * Stores a log entry as it is, without touching the measure or the
 * history: for imports. Call inside a transaction.
 */
gboolean
measures_store_insert_log_entry (MeasuresStore     *self,
                                 gint64             measure_id,
                                 MeasuresLogEntry  *entry,
                                 GError           **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (MEASURES_IS_LOG_ENTRY (entry), FALSE);

  return MEASURES_STORE_GET_CLASS (self)->insert_log_entry (self, measure_id, entry, NULL, error);
}

/**
 * measures_store_insert_change:
 * @measure_id: the measure in this store that the change belongs to
 * @change: a history row as exported; its ids are ignored
 *
 * Stores a history row as it is: for imports. Call inside a transaction.
 */
gboolean
measures_store_insert_change (MeasuresStore   *self,
                              gint64           measure_id,
                              MeasuresChange  *change,
                              GError         **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (MEASURES_IS_CHANGE (change), FALSE);

  return measures_store_insert_history (self, MEASURES_HISTORY_MEASURE, measure_id, change,
                                        error);
}

/* Stores a history row, a measure's or an indicator's, as it is. */
gboolean
measures_store_insert_history (MeasuresStore        *self,
                               MeasuresHistoryKind   kind,
                               gint64                owner_id,
                               MeasuresChange       *change,
                               GError              **error)
{
  return MEASURES_STORE_GET_CLASS (self)->record_history (self, kind, owner_id,
                                                         measures_change_get_date (change),
                                                         measures_change_get_author (change),
                                                         measures_change_get_field (change),
                                                         measures_change_get_old_value (change),
                                                         measures_change_get_new_value (change),
                                                         error);
}

/**
 * measures_store_load_vision:
 * @strategy_title: (out) (optional): the strategy's name
 * @vision_title: (out) (optional): the vision's motto
 * @statements: (out) (optional): the vision's statements
 *
 * Returns: %FALSE with @error set if the database could not be read
 */
gboolean
measures_store_load_vision (MeasuresStore  *self,
                            char          **strategy_title,
                            char          **vision_title,
                            GStrv          *statements,
                            GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);

  return MEASURES_STORE_GET_CLASS (self)->load_vision (self, strategy_title, vision_title,
                                                       statements, error);
}

/**
 * measures_store_list_goals:
 *
 * Returns: (transfer full): a list of #MeasuresGoal in their printed order,
 *   or %NULL with @error set
 */
GListModel *
measures_store_list_goals (MeasuresStore  *self,
                           GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return MEASURES_STORE_GET_CLASS (self)->list_goals (self, error);
}

/**
 * measures_store_list_offices:
 *
 * Returns: (transfer full): every #MeasuresOffice with its counts, sorted
 *   by abbreviation as a German reader sorts, or %NULL with @error set
 */
GListModel *
measures_store_list_offices (MeasuresStore  *self,
                             GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return MEASURES_STORE_GET_CLASS (self)->list_offices (self, error);
}

/* What an engine loaded, measures or indicators, as a list model: @objects
 * is taken over, and %NULL when it could not be loaded. */
GListModel *
measures_store_list_model_of (GType      item_type,
                              GPtrArray *objects)
{
  g_autoptr(GPtrArray) owned = objects;
  GListStore *list;

  if (owned == NULL)
    return NULL;

  list = g_list_store_new (item_type);
  g_list_store_splice (list, 0, 0, owned->pdata, owned->len);
  return G_LIST_MODEL (list);
}

/**
 * measures_store_list_measures:
 *
 * Returns: (transfer full): every #MeasuresMeasure of the strategy (not the
 *   removed ones) in goal order, then in the order of the detail sheets,
 *   or %NULL with @error set
 */
GListModel *
measures_store_list_measures (MeasuresStore  *self,
                              GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return measures_store_list_model_of (
    MEASURES_TYPE_MEASURE, MEASURES_STORE_GET_CLASS (self)->load_measures (self, FALSE, error));
}

/**
 * measures_store_list_removed_measures:
 *
 * Returns: (transfer full): the removed measures, which can be restored,
 *   or %NULL with @error set
 */
GListModel *
measures_store_list_removed_measures (MeasuresStore  *self,
                                      GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return measures_store_list_model_of (
    MEASURES_TYPE_MEASURE, MEASURES_STORE_GET_CLASS (self)->load_measures (self, TRUE, error));
}

/**
 * measures_store_load_measures:
 * @ids: (array length=n_ids): measures' ids
 *
 * Reads several measures at once, as a list reads the rows it shows: one
 * round trip to the engine, not one for each.
 *
 * Returns: (transfer full) (element-type MeasuresMeasure): the measures
 *   that exist, removed or not, in no particular order; %NULL with @error
 *   set if the database could not be read
 */
GPtrArray *
measures_store_load_measures (MeasuresStore  *self,
                              const gint64   *ids,
                              guint           n_ids,
                              GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);
  g_return_val_if_fail (ids != NULL || n_ids == 0, NULL);

  if (n_ids == 0)
    return g_ptr_array_new_with_free_func (g_object_unref);

  return MEASURES_STORE_GET_CLASS (self)->load_measures_by_id (self, ids, n_ids, error);
}

/**
 * measures_store_get_measure:
 * @id: a measure's id
 *
 * Returns: (transfer full): the measure as stored now, removed or not, or
 *   %NULL with @error set
 */
MeasuresMeasure *
measures_store_get_measure (MeasuresStore  *self,
                            gint64          id,
                            GError        **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  found = measures_store_load_measures (self, &id, 1, error);
  if (found == NULL)
    return NULL;

  if (found->len == 0)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   _("The measure no longer exists."));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (found, 0));
}

/**
 * measures_store_search_ids:
 * @text: what the user typed
 * @ids: (out) (transfer full) (nullable): the ids (`gint64`) of the
 *   matching measures in ascending order, removed ones included, or %NULL
 *   when @text holds no word to search for
 *
 * Finds the measures whose title, description, objectives, offices or
 * period contain every word of @text, as a word or the start of one;
 * case, accents and "ß"/"ss" do not matter.
 *
 * Returns: %FALSE with @error set if the search failed
 */
gboolean
measures_store_search_ids (MeasuresStore  *self,
                           const char     *text,
                           GArray        **ids,
                           GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  *ids = NULL;
  return MEASURES_STORE_GET_CLASS (self)->search_ids (self, text, ids, error);
}

/**
 * measures_store_search:
 * @text: what the user typed
 * @ids: (out) (transfer full) (nullable): the ids of the matching measures
 *   as a set of `gint64 *`, or %NULL when @text holds no word to search for
 *
 * As measures_store_search_ids(), as a set.
 *
 * Returns: %FALSE with @error set if the search failed
 */
gboolean
measures_store_search (MeasuresStore  *self,
                       const char     *text,
                       GHashTable    **ids,
                       GError        **error)
{
  g_autoptr(GArray) found = NULL;

  g_return_val_if_fail (ids != NULL, FALSE);

  *ids = NULL;
  if (!measures_store_search_ids (self, text, &found, error))
    return FALSE;
  if (found == NULL)
    return TRUE;

  *ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  for (guint i = 0; i < found->len; i++)
    g_hash_table_add (*ids, g_memdup2 (&g_array_index (found, gint64, i), sizeof (gint64)));

  return TRUE;
}

/**
 * measures_store_list_summaries:
 * @office: (nullable): only the measures of this office, or %NULL for all
 * @role: with @office, the office's role, or -1 for either
 * @id: only this measure, or 0 for all
 * @summaries: (out) (transfer full): #MeasuresSummary of the measures
 *   (not the removed ones) in goal and sheet order
 *
 * What a list of measures needs to filter, sort and count them without
 * reading their text: a few bytes for each.
 *
 * Returns: %FALSE with @error set if the database could not be read
 */
gboolean
measures_store_list_summaries (MeasuresStore  *self,
                               const char     *office,
                               int             role,
                               gint64          id,
                               GArray        **summaries,
                               GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (summaries != NULL, FALSE);

  return MEASURES_STORE_GET_CLASS (self)->list_summaries (self, office, role, id, summaries,
                                                          error);
}

/**
 * measures_store_list_office_ids:
 * @abbreviation: an office's abbreviation
 * @ids: (out) (transfer full): the ids (`gint64`) of the measures the
 *   office leads or takes part in, removed ones included, ascending
 *
 * Returns: %FALSE with @error set if the database could not be read
 */
gboolean
measures_store_list_office_ids (MeasuresStore  *self,
                                const char     *abbreviation,
                                GArray        **ids,
                                GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (abbreviation != NULL, FALSE);
  g_return_val_if_fail (ids != NULL, FALSE);

  return MEASURES_STORE_GET_CLASS (self)->list_office_ids (self, abbreviation, ids, error);
}

/**
 * measures_store_list_ranks:
 * @order: %MEASURES_ORDER_TITLE or %MEASURES_ORDER_UPDATED
 * @ranks: (out) (transfer full): a #MeasuresRank for every measure, in
 *   that order: by title as measures_sort_key() sorts, or latest update
 *   first and those never updated last; measures that compare equal share
 *   a rank
 *
 * Returns: %FALSE with @error set if the database could not be read
 */
gboolean
measures_store_list_ranks (MeasuresStore  *self,
                           MeasuresOrder   order,
                           GArray        **ranks,
                           GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (order <= MEASURES_ORDER_UPDATED, FALSE);
  g_return_val_if_fail (ranks != NULL, FALSE);

  return MEASURES_STORE_GET_CLASS (self)->list_ranks (self, order, ranks, error);
}

/**
 * measures_store_list_log:
 * @measure_id: a measure's id
 * @include_withdrawn: whether to list withdrawn entries too
 *
 * Returns: (transfer full): the measure's #MeasuresLogEntry list, newest
 *   first, or %NULL with @error set
 */
GListModel *
measures_store_list_log (MeasuresStore  *self,
                         gint64          measure_id,
                         gboolean        include_withdrawn,
                         GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return MEASURES_STORE_GET_CLASS (self)->list_log (self, measure_id, include_withdrawn, error);
}

/**
 * measures_store_list_history:
 * @measure_id: a measure's id
 *
 * Returns: (transfer full): the measure's #MeasuresChange list, newest
 *   first, or %NULL with @error set
 */
GListModel *
measures_store_list_history (MeasuresStore  *self,
                             gint64          measure_id,
                             GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return MEASURES_STORE_GET_CLASS (self)->list_history (self, MEASURES_HISTORY_MEASURE,
                                                        measure_id, error);
}
