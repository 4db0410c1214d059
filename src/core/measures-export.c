/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-export"

#include "config.h"

#include <json-glib/json-glib.h>

#include "measures-export.h"

static void
add_strings (JsonBuilder        *builder,
             const char         *name,
             const char * const *strings)
{
  json_builder_set_member_name (builder, name);
  json_builder_begin_array (builder);
  for (guint i = 0; strings[i] != NULL; i++)
    json_builder_add_string_value (builder, strings[i]);
  json_builder_end_array (builder);
}

static void
add_string (JsonBuilder *builder,
            const char  *name,
            const char  *value)
{
  json_builder_set_member_name (builder, name);
  if (value != NULL)
    json_builder_add_string_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static void
add_int (JsonBuilder *builder,
         const char  *name,
         gint64       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_int_value (builder, value);
}

static void
add_goals (JsonBuilder *builder,
           GListModel  *goals)
{
  json_builder_set_member_name (builder, "goals");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (goals); i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (goals, i);

      json_builder_begin_object (builder);
      add_int (builder, "number", measures_goal_get_number (goal));
      add_string (builder, "title", measures_goal_get_title (goal));
      add_string (builder, "headline", measures_goal_get_headline (goal));
      add_string (builder, "text", measures_goal_get_text (goal));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_offices (JsonBuilder *builder,
             GListModel  *offices)
{
  json_builder_set_member_name (builder, "offices");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);

      json_builder_begin_object (builder);
      add_string (builder, "abbreviation", measures_office_get_abbreviation (office));
      add_string (builder, "name", measures_office_get_name (office));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
}

static void
add_bool (JsonBuilder *builder,
          const char  *name,
          gboolean     value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_boolean_value (builder, value);
}

static gboolean
add_log (JsonBuilder    *builder,
         MeasuresStore  *store,
         gint64          measure_id,
         GError        **error)
{
  g_autoptr(GListModel) log = measures_store_list_log (store, measure_id, TRUE, error);

  if (log == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "log");
  json_builder_begin_array (builder);
  /* Oldest first, as they were written. */
  for (guint i = g_list_model_get_n_items (log); i > 0; i--)
    {
      g_autoptr(MeasuresLogEntry) entry = g_list_model_get_item (log, i - 1);

      json_builder_begin_object (builder);
      add_string (builder, "date", measures_log_entry_get_date (entry));
      add_string (builder, "author", measures_log_entry_get_author (entry));
      add_string (builder, "status",
                  measures_status_to_string (measures_log_entry_get_status (entry)));
      add_int (builder, "progress", measures_log_entry_get_progress (entry));
      add_string (builder, "text", measures_log_entry_get_text (entry));
      add_string (builder, "withdrawn", measures_log_entry_get_withdrawn (entry));
      add_string (builder, "reported_for", measures_log_entry_get_reported_for (entry));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return TRUE;
}

/* A measure's or an indicator's history, oldest first: @history is taken
 * over, %NULL when it could not be read. */
static gboolean
add_history (JsonBuilder *builder,
             GListModel  *history)
{
  g_autoptr(GListModel) owned = history;

  if (owned == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "history");
  json_builder_begin_array (builder);
  for (guint i = g_list_model_get_n_items (owned); i > 0; i--)
    {
      g_autoptr(MeasuresChange) change = g_list_model_get_item (owned, i - 1);

      json_builder_begin_object (builder);
      add_string (builder, "date", measures_change_get_date (change));
      add_string (builder, "author", measures_change_get_author (change));
      add_string (builder, "field", measures_change_get_field (change));
      add_string (builder, "old", measures_change_get_old_value (change));
      add_string (builder, "new", measures_change_get_new_value (change));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return TRUE;
}

static gboolean
add_measures (JsonBuilder    *builder,
              MeasuresStore  *store,
              GListModel    **lists,
              guint           n_lists,
              GError        **error)
{
  json_builder_set_member_name (builder, "measures");
  json_builder_begin_array (builder);
  for (guint l = 0; l < n_lists; l++)
  for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (lists[l], i);

      json_builder_begin_object (builder);
      add_int (builder, "id", measures_measure_get_id (measure));
      add_int (builder, "goal", measures_measure_get_goal (measure));
      add_int (builder, "position", measures_measure_get_position (measure));
      add_string (builder, "title", measures_measure_get_title (measure));
      add_string (builder, "description", measures_measure_get_description (measure));
      add_strings (builder, "objectives", measures_measure_get_objectives (measure));
      add_string (builder, "lead", measures_measure_get_lead (measure));
      add_string (builder, "actors", measures_measure_get_actors (measure));
      add_strings (builder, "lead_offices", measures_measure_get_lead_offices (measure));
      add_strings (builder, "involved_offices", measures_measure_get_involved_offices (measure));
      add_string (builder, "priority",
                  measures_priority_to_string (measures_measure_get_priority (measure)));
      add_string (builder, "period", measures_measure_get_period (measure));
      add_string (builder, "costs", measures_measure_get_costs (measure));
      add_string (builder, "overview_title", measures_measure_get_overview_title (measure));
      add_string (builder, "overview_lead", measures_measure_get_overview_lead (measure));
      add_string (builder, "status",
                  measures_status_to_string (measures_measure_get_status (measure)));
      add_bool (builder, "status_derived", measures_measure_get_status_derived (measure));
      add_int (builder, "progress", measures_measure_get_progress (measure));
      add_string (builder, "updated", measures_measure_get_updated (measure));
      add_string (builder, "removed", measures_measure_get_removed (measure));
      if (!add_log (builder, store, measures_measure_get_id (measure), error) ||
          !add_history (builder, measures_store_list_history (store,
                                                              measures_measure_get_id (measure),
                                                              error)))
        return FALSE;
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return TRUE;
}

static void
add_double (JsonBuilder *builder,
            const char  *name,
            double       value)
{
  json_builder_set_member_name (builder, name);
  json_builder_add_double_value (builder, value);
}

/* 0 means none: a goal's indicator has no measure, and the other way. */
static void
add_id_or_null (JsonBuilder *builder,
                const char  *name,
                gint64       value)
{
  json_builder_set_member_name (builder, name);
  if (value != 0)
    json_builder_add_int_value (builder, value);
  else
    json_builder_add_null_value (builder);
}

static gboolean
add_indicator_values (JsonBuilder    *builder,
                      MeasuresStore  *store,
                      gint64          indicator_id,
                      GError        **error)
{
  g_autoptr(GListModel) values = measures_store_list_indicator_values (store, indicator_id, error);

  if (values == NULL)
    return FALSE;

  json_builder_set_member_name (builder, "values");
  json_builder_begin_array (builder);
  for (guint i = 0; i < g_list_model_get_n_items (values); i++)
    {
      g_autoptr(MeasuresIndicatorValue) value = g_list_model_get_item (values, i);

      json_builder_begin_object (builder);
      add_string (builder, "date", measures_indicator_value_get_date (value));
      add_double (builder, "value", measures_indicator_value_get_value (value));
      add_string (builder, "note", measures_indicator_value_get_note (value));
      add_string (builder, "author", measures_indicator_value_get_author (value));
      add_string (builder, "recorded", measures_indicator_value_get_recorded (value));
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return TRUE;
}

/* Every indicator, removed ones last, with its targets, values and
 * history; "measure" is the id the measure has in the same dump. */
static gboolean
add_indicators (JsonBuilder    *builder,
                MeasuresStore  *store,
                GListModel    **lists,
                guint           n_lists,
                GError        **error)
{
  json_builder_set_member_name (builder, "indicators");
  json_builder_begin_array (builder);
  for (guint l = 0; l < n_lists; l++)
  for (guint i = 0; i < g_list_model_get_n_items (lists[l]); i++)
    {
      g_autoptr(MeasuresIndicator) indicator = g_list_model_get_item (lists[l], i);
      gint64 id = measures_indicator_get_id (indicator);

      json_builder_begin_object (builder);
      add_int (builder, "id", id);
      add_id_or_null (builder, "goal", measures_indicator_get_goal (indicator));
      add_id_or_null (builder, "measure", measures_indicator_get_measure_id (indicator));
      add_string (builder, "name", measures_indicator_get_name (indicator));
      add_string (builder, "unit", measures_indicator_get_unit (indicator));
      add_string (builder, "description", measures_indicator_get_description (indicator));
      add_string (builder, "office", measures_indicator_get_office (indicator));
      add_double (builder, "baseline_value", measures_indicator_get_baseline_value (indicator));
      add_string (builder, "baseline_date", measures_indicator_get_baseline_date (indicator));
      add_string (builder, "direction",
                  measures_indicator_get_direction (indicator) == MEASURES_DIRECTION_DOWN
                  ? "down" : "up");
      add_int (builder, "interval_months", measures_indicator_get_interval_months (indicator));
      json_builder_set_member_name (builder, "targets");
      json_builder_begin_array (builder);
      for (guint t = 0; t < measures_indicator_get_n_targets (indicator); t++)
        {
          const MeasuresIndicatorTarget *target = measures_indicator_get_target (indicator, t);

          json_builder_begin_object (builder);
          add_string (builder, "date", target->date);
          add_double (builder, "value", target->value);
          json_builder_end_object (builder);
        }
      json_builder_end_array (builder);
      add_string (builder, "updated", measures_indicator_get_updated (indicator));
      add_string (builder, "removed", measures_indicator_get_removed (indicator));
      if (!add_indicator_values (builder, store, id, error) ||
          !add_history (builder, measures_store_list_indicator_history (store, id, error)))
        return FALSE;
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);

  return TRUE;
}

/**
 * measures_export_json:
 * @store: the store to dump
 *
 * Writes the whole store as JSON: the strategy's title, the vision, the
 * goals, the office directory and every measure — removed ones last — with
 * its printed lead and actors text, the offices linked to it, its status,
 * progress, progress log and history; then every indicator, removed ones
 * last, with its targets, values and history. measures_import_strategy()
 * reads the result back.
 *
 * Returns: (transfer full): pretty-printed JSON, or %NULL with @error set
 */
char *
measures_export_json (MeasuresStore  *store,
                      GError        **error)
{
  g_autoptr(JsonBuilder) builder = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) generator = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GListModel) goals = NULL;
  g_autoptr(GListModel) offices = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(GListModel) removed = NULL;
  g_autoptr(GListModel) indicators = NULL;
  g_autoptr(GListModel) removed_indicators = NULL;
  g_autofree char *strategy_title = NULL;
  g_autofree char *vision_title = NULL;
  g_auto(GStrv) statements = NULL;

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);

  if (!measures_store_load_vision (store, &strategy_title, &vision_title, &statements, error) ||
      !(goals = measures_store_list_goals (store, error)) ||
      !(offices = measures_store_list_offices (store, error)) ||
      !(measures = measures_store_list_measures (store, error)) ||
      !(removed = measures_store_list_removed_measures (store, error)) ||
      !(indicators = measures_store_list_indicators (store, error)) ||
      !(removed_indicators = measures_store_list_removed_indicators (store, error)))
    return NULL;

  json_builder_begin_object (builder);
  add_string (builder, "title", strategy_title);
  json_builder_set_member_name (builder, "vision");
  json_builder_begin_object (builder);
  add_string (builder, "title", vision_title);
  add_strings (builder, "statements", (const char * const *)statements);
  json_builder_end_object (builder);
  add_goals (builder, goals);
  add_offices (builder, offices);
  if (!add_measures (builder, store, (GListModel *[]){ measures, removed }, 2, error) ||
      !add_indicators (builder, store, (GListModel *[]){ indicators, removed_indicators }, 2,
                       error))
    return NULL;
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  json_generator_set_root (generator, root);
  json_generator_set_pretty (generator, TRUE);
  json_generator_set_indent (generator, 2);

  return json_generator_to_data (generator, NULL);
}
