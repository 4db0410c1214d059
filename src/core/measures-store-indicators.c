/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-store"

#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "measures-store-private.h"

/* The indicators' part of #MeasuresStore: reading them, their values and
 * history, and what imports write as it is. Their edits are in
 * measures-store-write.c with the measures'. */

/* An indicator's targets as both engines keep them, in one column:
 * [{"date": "2030-12-31", "value": 50}, …]. They are read and written only
 * with the indicator, never searched, and there are at most ten. */
char *
measures_store_targets_to_json (MeasuresIndicator *indicator)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;

  json_builder_begin_array (builder);
  for (guint i = 0; i < measures_indicator_get_n_targets (indicator); i++)
    {
      const MeasuresIndicatorTarget *target = measures_indicator_get_target (indicator, i);

      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "date");
      json_builder_add_string_value (builder, target->date);
      json_builder_set_member_name (builder, "value");
      json_builder_add_double_value (builder, target->value);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  return json_generator_to_data (generator, NULL);
}

/* The targets from that column; what does not fit is left out, with a
 * warning, rather than making the indicator unreadable. */
GPtrArray *
measures_store_targets_from_json (const char *json)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) error = NULL;
  GPtrArray *targets = measures_indicator_targets_new ();
  JsonNode *root;
  JsonArray *array;

  if (json == NULL || !json_parser_load_from_data (parser, json, -1, &error) ||
      (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
    {
      g_warning ("An indicator's targets are not readable: %s",
                 error ? error->message : "not a list");
      return targets;
    }

  array = json_node_get_array (root);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      JsonObject *object = JSON_NODE_HOLDS_OBJECT (node) ? json_node_get_object (node) : NULL;

      if (object == NULL || !json_object_has_member (object, "date") ||
          !json_object_has_member (object, "value"))
        continue;
      measures_indicator_targets_add (targets, json_object_get_string_member (object, "date"),
                                      json_object_get_double_member (object, "value"));
    }

  return targets;
}

/**
 * measures_store_list_indicators:
 *
 * Returns: (transfer full): every #MeasuresIndicator of the strategy (not
 *   the removed ones), ordered by goal (a measure's indicators under the
 *   measure's goal, after the goal's own), then by the measure's place
 *   among the goal's sheets, then by name; or %NULL with @error set
 */
GListModel *
measures_store_list_indicators (MeasuresStore  *self,
                                GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return measures_store_list_model_of (
    MEASURES_TYPE_INDICATOR,
    MEASURES_STORE_GET_CLASS (self)->load_indicators (self, 0, FALSE, error));
}

/**
 * measures_store_list_removed_indicators:
 *
 * Returns: (transfer full): the removed indicators, which can be restored,
 *   in the same order; or %NULL with @error set
 */
GListModel *
measures_store_list_removed_indicators (MeasuresStore  *self,
                                        GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return measures_store_list_model_of (
    MEASURES_TYPE_INDICATOR,
    MEASURES_STORE_GET_CLASS (self)->load_indicators (self, 0, TRUE, error));
}

/**
 * measures_store_get_indicator:
 * @id: an indicator's id
 *
 * Returns: (transfer full): the indicator as stored now, removed or not,
 *   or %NULL with @error set
 */
MeasuresIndicator *
measures_store_get_indicator (MeasuresStore  *self,
                              gint64          id,
                              GError        **error)
{
  g_autoptr(GPtrArray) found = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);
  g_return_val_if_fail (id > 0, NULL);

  found = MEASURES_STORE_GET_CLASS (self)->load_indicators (self, id, FALSE, error);
  if (found == NULL)
    return NULL;

  if (found->len == 0)
    {
      g_set_error_literal (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                           _("The indicator no longer exists."));
      return NULL;
    }

  return g_object_ref (g_ptr_array_index (found, 0));
}

/**
 * measures_store_list_indicator_values:
 * @indicator_id: an indicator's id
 *
 * Returns: (transfer full): the indicator's #MeasuresIndicatorValue list,
 *   by date, then in the order they were recorded; or %NULL with @error set
 */
GListModel *
measures_store_list_indicator_values (MeasuresStore  *self,
                                      gint64          indicator_id,
                                      GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return MEASURES_STORE_GET_CLASS (self)->list_indicator_values (self, indicator_id, error);
}

/**
 * measures_store_list_indicator_history:
 * @indicator_id: an indicator's id
 *
 * Returns: (transfer full): the indicator's #MeasuresChange list, newest
 *   first (their measure id is the indicator's), or %NULL with @error set
 */
GListModel *
measures_store_list_indicator_history (MeasuresStore  *self,
                                       gint64          indicator_id,
                                       GError        **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), NULL);

  return MEASURES_STORE_GET_CLASS (self)->list_history (self, MEASURES_HISTORY_INDICATOR,
                                                        indicator_id, error);
}

/**
 * measures_store_get_indicator_permissions:
 * @indicator_id: an indicator's id, or 0 for creating one
 *
 * What the user may do with an indicator: %MEASURES_PERMISSION_EDIT_SHEET
 * and %MEASURES_PERMISSION_REMOVE to edit, remove and restore it,
 * %MEASURES_PERMISSION_REPORT_PROGRESS to record and remove its values,
 * %MEASURES_PERMISSION_CREATE (with 0) to create indicators. As for
 * measures_store_get_permissions(), the server has the last word.
 *
 * Returns: the #MeasuresPermissions of the user on @indicator_id
 */
MeasuresPermissions
measures_store_get_indicator_permissions (MeasuresStore *self,
                                          gint64         indicator_id)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), MEASURES_PERMISSION_NONE);

  return MEASURES_STORE_GET_CLASS (self)->get_indicator_permissions (self, indicator_id);
}

/**
 * measures_store_add_indicator:
 * @indicator: the indicator as it is, with its revision and dates; an id
 *   of 0 means "a new id"
 *
 * Adds an indicator with its targets, for imports. Call inside a
 * transaction. Records no history: see measures_store_create_indicator().
 *
 * Returns: the indicator's id, or 0 with @error set
 */
gint64
measures_store_add_indicator (MeasuresStore      *self,
                              MeasuresIndicator  *indicator,
                              GError            **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), 0);
  g_return_val_if_fail (MEASURES_IS_INDICATOR (indicator), 0);

  if (!measures_indicator_validate (indicator, NULL, error))
    return 0;

  return MEASURES_STORE_GET_CLASS (self)->add_indicator (self, indicator, error);
}

/**
 * measures_store_insert_indicator_value:
 * @indicator_id: the indicator in this store the value belongs to
 * @value: a value as exported; its ids are ignored
 *
 * Stores a value as it is, with its author and time: for imports. Call
 * inside a transaction.
 */
gboolean
measures_store_insert_indicator_value (MeasuresStore           *self,
                                       gint64                   indicator_id,
                                       MeasuresIndicatorValue  *value,
                                       GError                 **error)
{
  g_autoptr(MeasuresIndicatorValue) own = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (MEASURES_IS_INDICATOR_VALUE (value), FALSE);

  own = measures_indicator_value_new (0, indicator_id, measures_indicator_value_get_date (value),
                                      measures_indicator_value_get_value (value),
                                      measures_indicator_value_get_note (value),
                                      measures_indicator_value_get_author (value),
                                      measures_indicator_value_get_recorded (value));
  return MEASURES_STORE_GET_CLASS (self)->insert_indicator_value (self, own, error) != 0;
}

/**
 * measures_store_insert_indicator_change:
 * @indicator_id: the indicator in this store the change belongs to
 * @change: a history row as exported; its ids are ignored
 *
 * Stores a history row of an indicator as it is: for imports. Call inside
 * a transaction.
 */
gboolean
measures_store_insert_indicator_change (MeasuresStore   *self,
                                        gint64           indicator_id,
                                        MeasuresChange  *change,
                                        GError         **error)
{
  g_return_val_if_fail (MEASURES_IS_STORE (self), FALSE);
  g_return_val_if_fail (MEASURES_IS_CHANGE (change), FALSE);

  return measures_store_insert_history (self, MEASURES_HISTORY_INDICATOR, indicator_id, change,
                                        error);
}
