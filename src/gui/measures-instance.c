/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-instance"

#include "config.h"

#include "measures-instance.h"
#include "measures-store.h"

/**
 * MeasuresInstance:
 *
 * The running Measures that shows a given database file, found on the
 * session bus by a name made from the file's path. The application is
 * unique for the default database; a window on another file runs in a
 * process of its own, and starting Measures again on that file presents
 * its window instead of opening a second one that would edit the same
 * measures beside it.
 */
struct _MeasuresInstance
{
  GObject parent_instance;

  guint owner_id;
  guint object_id;
  char *object_path;
  GDBusConnection *connection;
};

G_DEFINE_FINAL_TYPE (MeasuresInstance, measures_instance, G_TYPE_OBJECT)

enum {
  PRESENT,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

#define OBJECT_PATH RESOURCE_PREFIX "/Database"
#define INTERFACE APP_ID ".Database"

static const char introspection[] =
  "<node>"
  "  <interface name='" INTERFACE "'>"
  "    <method name='Present'/>"
  "  </interface>"
  "</node>";

/* A bus name may hold letters, digits and underscores only: the path's
 * checksum stands for it, in the name and in the object's path. */
static char *
key_for (const char *database)
{
  g_autofree char *canonical = measures_store_is_server_address (database)
                               ? g_strdup (database)
                               : g_canonicalize_filename (database, NULL);
  g_autofree char *checksum = g_compute_checksum_for_string (G_CHECKSUM_SHA256, canonical, -1);

  return g_strdup_printf ("f%.32s", checksum);
}

static char *
bus_name_for (const char *key)
{
  return g_strdup_printf ("%s.Database.%s", APP_ID, key);
}

static char *
object_path_for (const char *key)
{
  return g_strdup_printf ("%s/%s", OBJECT_PATH, key);
}

/**
 * measures_instance_present_other:
 * @database: a database file's path
 *
 * Asks the Measures that shows @database, if one runs in this session, to
 * present its window.
 *
 * Returns: %TRUE if one did
 */
gboolean
measures_instance_present_other (const char *database)
{
  g_autoptr(GDBusConnection) connection = NULL;
  g_autoptr(GVariant) reply = NULL;
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;
  g_autofree char *path = NULL;

  g_return_val_if_fail (database != NULL, FALSE);

  connection = g_bus_get_sync (G_BUS_TYPE_SESSION, NULL, NULL);
  if (connection == NULL)
    return FALSE;

  key = key_for (database);
  name = bus_name_for (key);
  path = object_path_for (key);
  reply = g_dbus_connection_call_sync (connection, name, path, INTERFACE, "Present", NULL,
                                       NULL, G_DBUS_CALL_FLAGS_NO_AUTO_START, 5000, NULL, NULL);
  return reply != NULL;
}

static void
method_called (GDBusConnection       *connection,
               const char            *sender,
               const char            *object_path,
               const char            *interface_name,
               const char            *method_name,
               GVariant              *parameters,
               GDBusMethodInvocation *invocation,
               gpointer               user_data)
{
  MeasuresInstance *self = user_data;

  g_debug ("Asked to present the window");
  g_signal_emit (self, signals[PRESENT], 0);
  g_dbus_method_invocation_return_value (invocation, NULL);
}

static const GDBusInterfaceVTable vtable = { method_called, NULL, NULL, { 0 } };

/* Only the owner of the name answers; another window of this process on
 * the same file (a test's) does not. */
static void
name_acquired (GDBusConnection *connection,
               const char      *name,
               gpointer         user_data)
{
  MeasuresInstance *self = user_data;
  g_autoptr(GDBusNodeInfo) info = g_dbus_node_info_new_for_xml (introspection, NULL);
  g_autoptr(GError) error = NULL;

  g_set_object (&self->connection, connection);
  self->object_id = g_dbus_connection_register_object (connection, self->object_path,
                                                       info->interfaces[0], &vtable, self, NULL,
                                                       &error);
  if (self->object_id == 0)
    g_warning ("Could not offer to present the window: %s", error->message);
}

static void
measures_instance_dispose (GObject *object)
{
  MeasuresInstance *self = (MeasuresInstance *)object;

  g_clear_handle_id (&self->owner_id, g_bus_unown_name);
  if (self->object_id != 0 && self->connection != NULL)
    g_dbus_connection_unregister_object (self->connection, self->object_id);
  self->object_id = 0;
  g_clear_object (&self->connection);

  G_OBJECT_CLASS (measures_instance_parent_class)->dispose (object);
}

static void
measures_instance_finalize (GObject *object)
{
  MeasuresInstance *self = (MeasuresInstance *)object;

  g_free (self->object_path);

  G_OBJECT_CLASS (measures_instance_parent_class)->finalize (object);
}

static void
measures_instance_class_init (MeasuresInstanceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = measures_instance_dispose;
  object_class->finalize = measures_instance_finalize;

  /**
   * MeasuresInstance::present:
   *
   * Emitted when Measures was started again on this instance's database.
   */
  signals[PRESENT] =
    g_signal_new ("present", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 0);
}

static void
measures_instance_init (MeasuresInstance *self)
{
}

/**
 * measures_instance_new:
 * @database: the database file this process shows
 *
 * Makes this process the one that others find for @database, as long as
 * the returned object lives.
 *
 * Returns: (transfer full): the instance
 */
MeasuresInstance *
measures_instance_new (const char *database)
{
  MeasuresInstance *self;
  g_autofree char *key = NULL;
  g_autofree char *name = NULL;

  g_return_val_if_fail (database != NULL, NULL);

  self = g_object_new (MEASURES_TYPE_INSTANCE, NULL);
  key = key_for (database);
  name = bus_name_for (key);
  self->object_path = object_path_for (key);
  self->owner_id = g_bus_own_name (G_BUS_TYPE_SESSION, name, G_BUS_NAME_OWNER_FLAGS_DO_NOT_QUEUE,
                                   NULL, name_acquired, NULL, self, NULL);

  return self;
}
