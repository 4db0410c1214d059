/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-pg"

#include "config.h"

#include "measures-pg-private.h"

/* What the user may do, as the server's roles and row-level security
 * decide it (schema version 2): asked once, in one query for all
 * measures, and remembered until another writer or one of this store's
 * writes may have changed which offices take part in what. Granting a
 * role to someone announces nothing: a new connection sees it. */

/* Fills @set with the ids of an array as the server writes it, "{1,2,3}":
 * ids only, no quoting. */
static void
add_ids (GHashTable *set,
         const char *array)
{
  g_autofree char *list = g_strdup (array);
  g_auto(GStrv) ids = NULL;

  g_hash_table_remove_all (set);
  g_strdelimit (list, "{}", ' ');
  ids = g_strsplit (g_strstrip (list), ",", -1);
  for (guint i = 0; ids[i] != NULL; i++)
    if (*ids[i] != '\0')
      {
        gint64 id = g_ascii_strtoll (ids[i], NULL, 10);

        g_hash_table_add (set, g_memdup2 (&id, sizeof id));
      }
}

static gboolean
load_permissions (MeasuresPgStore  *self,
                  GError          **error)
{
  g_autoptr(PGresult) result = NULL;

  /* The tables' owner is not subject to row-level security: everything,
   * like a coordinator. */
  result = pg_query (self,
                     "SELECT is_coordinator ()"
                     "       OR pg_has_role (current_user, c.relowner, 'MEMBER'),"
                     "       ARRAY (SELECT DISTINCT l.measure_id FROM measure_offices l"
                     "              JOIN offices o ON o.id = l.office_id"
                     "              JOIN pg_roles r ON r.rolname = o.role_name"
                     "              WHERE pg_has_role (current_user, r.oid, 'MEMBER'))::text,"
                     "       ARRAY (SELECT i.id FROM indicators i"
                     "              JOIN offices o ON o.id = i.office_id"
                     "              JOIN pg_roles r ON r.rolname = o.role_name"
                     "              WHERE pg_has_role (current_user, r.oid, 'MEMBER'))::text "
                     "FROM pg_class c WHERE c.oid = 'measures.measures'::regclass",
                     NULL, error);
  if (result == NULL)
    return FALSE;

  self->coordinator = pg_bool (result, 0, 0);
  add_ids (self->reportable, pg_text (result, 0, 1));
  add_ids (self->recordable, pg_text (result, 0, 2));

  self->permissions_known = TRUE;
  return TRUE;
}

/* Whether the server could say what the user may do. */
static gboolean
ensure_permissions (MeasuresPgStore *self)
{
  g_autoptr(GError) error = NULL;

  /* Offline the strategy is read-only, until the server can say again. */
  if (self->lost)
    return FALSE;

  /* Not knowing, offer nothing: the server would refuse anyway. */
  if (!self->permissions_known && !load_permissions (self, &error))
    {
      g_warning ("Could not ask %s what you may do: %s", self->display_name, error->message);
      return FALSE;
    }

  return TRUE;
}

/* An office answers for the values of its indicators; the rest of them is
 * the coordinators'. */
static MeasuresPermissions
pg_get_indicator_permissions (MeasuresStore *store,
                              gint64         indicator_id)
{
  MeasuresPgStore *self = MEASURES_PG_STORE (store);

  if (!ensure_permissions (self))
    return MEASURES_PERMISSION_NONE;

  if (self->coordinator)
    return MEASURES_PERMISSION_ALL;

  return g_hash_table_contains (self->recordable, &indicator_id)
         ? MEASURES_PERMISSION_REPORT_PROGRESS : MEASURES_PERMISSION_NONE;
}

static MeasuresPermissions
pg_get_permissions (MeasuresStore *store,
                    gint64         measure_id)
{
  MeasuresPgStore *self = MEASURES_PG_STORE (store);

  if (!ensure_permissions (self))
    return MEASURES_PERMISSION_NONE;

  if (self->coordinator)
    return MEASURES_PERMISSION_ALL;

  return g_hash_table_contains (self->reportable, &measure_id)
         ? MEASURES_PERMISSION_REPORT_PROGRESS : MEASURES_PERMISSION_NONE;
}

/* Asks the server again on the next question. */
void
measures_pg_forget_permissions (MeasuresPgStore *self)
{
  self->permissions_known = FALSE;
}

void
measures_pg_roles_init_class (MeasuresStoreClass *store_class)
{
  store_class->get_permissions = pg_get_permissions;
  store_class->get_indicator_permissions = pg_get_indicator_permissions;
}
