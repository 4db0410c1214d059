/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-import"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>

#include "measures-core-resources.h"
#include "measures-day.h"
#include "measures-import.h"

/* Reads a strategy in the shape of data/strategy.json, which is also the
 * shape `measures --dump-json` writes, so that a dump can be read back. */

G_DEFINE_QUARK (measures-import-error-quark, measures_import_error)

#define STRATEGY_RESOURCE RESOURCE_PREFIX "/data/strategy.json"

typedef struct
{
  const char *source_name;
  GError **error;
} Reader;

static gboolean
invalid (Reader     *reader,
         const char *where,
         const char *problem)
{
  g_set_error (reader->error, MEASURES_IMPORT_ERROR, MEASURES_IMPORT_ERROR_INVALID,
               /* Translators: 1st %s is a file name, 2nd where in the file, 3rd the problem */
               _("The strategy file “%s” is not valid: %s %s."),
               reader->source_name, where, problem);
  return FALSE;
}

static JsonNode *
member (JsonObject *object,
        const char *name,
        JsonNodeType type)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL || JSON_NODE_TYPE (node) != type)
    return NULL;

  return node;
}

static gboolean
get_string (Reader      *reader,
            JsonObject  *object,
            const char  *name,
            const char  *where,
            const char **value)
{
  JsonNode *node = member (object, name, JSON_NODE_VALUE);

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_STRING)
    {
      g_autofree char *problem = g_strdup_printf (_("has no text “%s”"), name);
      return invalid (reader, where, problem);
    }

  *value = json_node_get_string (node);

  if (!g_utf8_validate (*value, -1, NULL))
    {
      g_autofree char *problem = g_strdup_printf (_("has text “%s” that is not UTF-8"), name);
      return invalid (reader, where, problem);
    }

  return TRUE;
}

/* Optional strings may be missing or null; the store keeps them as NULL. */
static gboolean
get_optional_string (Reader      *reader,
                     JsonObject  *object,
                     const char  *name,
                     const char  *where,
                     const char **value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  return get_string (reader, object, name, where, value);
}

static gboolean
get_number (Reader     *reader,
            JsonObject *object,
            const char *name,
            const char *where,
            guint      *value)
{
  JsonNode *node = member (object, name, JSON_NODE_VALUE);
  gint64 number;

  if (node == NULL || json_node_get_value_type (node) != G_TYPE_INT64 ||
      (number = json_node_get_int (node)) < 1 || number > G_MAXINT)
    {
      g_autofree char *problem = g_strdup_printf (_("has no positive whole number “%s”"), name);
      return invalid (reader, where, problem);
    }

  *value = number;
  return TRUE;
}

static gboolean
get_strings (Reader      *reader,
             JsonObject  *object,
             const char  *name,
             const char  *where,
             GStrv       *value)
{
  JsonNode *node = member (object, name, JSON_NODE_ARRAY);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  JsonArray *array;

  if (node == NULL)
    {
      g_autofree char *problem = g_strdup_printf (_("has no list “%s”"), name);
      return invalid (reader, where, problem);
    }

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      JsonNode *item = json_array_get_element (array, i);

      if (JSON_NODE_TYPE (item) != JSON_NODE_VALUE ||
          json_node_get_value_type (item) != G_TYPE_STRING ||
          !g_utf8_validate (json_node_get_string (item), -1, NULL))
        {
          g_autofree char *problem = g_strdup_printf (_("has an entry in “%s” that is not text"),
                                                      name);
          return invalid (reader, where, problem);
        }

      g_strv_builder_add (builder, json_node_get_string (item));
    }

  *value = g_strv_builder_end (builder);
  return TRUE;
}

static JsonArray *
get_array (Reader     *reader,
           JsonObject *root,
           const char *name)
{
  JsonNode *node = member (root, name, JSON_NODE_ARRAY);

  if (node == NULL)
    {
      g_autofree char *problem = g_strdup_printf (_("has no list “%s”"), name);
      invalid (reader, _("the file"), problem);
      return NULL;
    }

  return json_node_get_array (node);
}

static JsonObject *
get_element_object (Reader     *reader,
                    JsonArray  *array,
                    guint       index,
                    const char *where)
{
  JsonNode *node = json_array_get_element (array, index);

  if (JSON_NODE_TYPE (node) != JSON_NODE_OBJECT)
    {
      invalid (reader, where, _("is not an object"));
      return NULL;
    }

  return json_node_get_object (node);
}

static gboolean
read_vision (Reader        *reader,
             MeasuresStore *store,
             JsonObject    *root)
{
  JsonNode *node = member (root, "vision", JSON_NODE_OBJECT);
  g_auto(GStrv) statements = NULL;
  const char *strategy_title;
  const char *title;
  JsonObject *vision;

  if (!get_string (reader, root, "title", _("the file"), &strategy_title))
    return FALSE;

  if (node == NULL)
    return invalid (reader, _("the file"), _("has no vision"));

  vision = json_node_get_object (node);
  if (!get_string (reader, vision, "title", _("the vision"), &title) ||
      !get_strings (reader, vision, "statements", _("the vision"), &statements))
    return FALSE;

  return measures_store_set_vision (store, strategy_title, title,
                                    (const char * const *)statements, reader->error);
}

static gboolean
read_goals (Reader        *reader,
            MeasuresStore *store,
            JsonObject    *root)
{
  JsonArray *goals = get_array (reader, root, "goals");

  if (goals == NULL)
    return FALSE;

  if (json_array_get_length (goals) == 0)
    return invalid (reader, _("the file"), _("has no goals"));

  for (guint i = 0; i < json_array_get_length (goals); i++)
    {
      /* Translators: %u is the position of a goal in the file, from 1 */
      g_autofree char *where = g_strdup_printf (_("goal %u"), i + 1);
      JsonObject *goal = get_element_object (reader, goals, i, where);
      const char *title, *headline, *text;
      guint number;

      if (goal == NULL ||
          !get_number (reader, goal, "number", where, &number) ||
          !get_string (reader, goal, "title", where, &title) ||
          !get_string (reader, goal, "headline", where, &headline) ||
          !get_string (reader, goal, "text", where, &text))
        return FALSE;

      if (!measures_store_add_goal (store, number, title, headline, text, reader->error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_offices (Reader        *reader,
              MeasuresStore *store,
              JsonObject    *root)
{
  JsonArray *offices = get_array (reader, root, "offices");

  if (offices == NULL)
    return FALSE;

  for (guint i = 0; i < json_array_get_length (offices); i++)
    {
      /* Translators: %u is the position of an office in the file, from 1 */
      g_autofree char *where = g_strdup_printf (_("office %u"), i + 1);
      JsonObject *office = get_element_object (reader, offices, i, where);
      const char *abbreviation, *name;

      if (office == NULL ||
          !get_string (reader, office, "abbreviation", where, &abbreviation) ||
          !get_string (reader, office, "name", where, &name))
        return FALSE;

      if (!measures_store_add_office (store, abbreviation, name, reader->error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
get_optional_number (Reader     *reader,
                     JsonObject *object,
                     const char *name,
                     const char *where,
                     gint64      max,
                     gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  if (node == NULL)
    return TRUE;

  if (JSON_NODE_TYPE (node) != JSON_NODE_VALUE ||
      json_node_get_value_type (node) != G_TYPE_INT64 ||
      json_node_get_int (node) < 0 || json_node_get_int (node) > max)
    {
      g_autofree char *problem = g_strdup_printf (_("has a number “%s” out of range"), name);
      return invalid (reader, where, problem);
    }

  *value = json_node_get_int (node);
  return TRUE;
}

static gboolean
get_status (Reader         *reader,
            JsonObject     *object,
            const char     *where,
            MeasuresStatus *status)
{
  const char *text;

  if (!get_string (reader, object, "status", where, &text))
    return FALSE;

  if (!measures_status_from_string (text, status))
    {
      g_autofree char *problem = g_strdup_printf (_("has the unknown status “%s”"), text);
      return invalid (reader, where, problem);
    }

  return TRUE;
}

/* A row of a measure's or an indicator's history, as the dump writes both:
 * the @i-th of @history, belonging to @owner_id (0: not stored yet). */
static MeasuresChange *
read_change (Reader     *reader,
             JsonArray  *history,
             guint       i,
             const char *where,
             gint64      owner_id)
{
  JsonObject *item = get_element_object (reader, history, i, where);
  const char *date, *author, *field, *old_value, *new_value;

  if (item == NULL ||
      !get_string (reader, item, "date", where, &date) ||
      !get_string (reader, item, "author", where, &author) ||
      !get_string (reader, item, "field", where, &field) ||
      !get_optional_string (reader, item, "old", where, &old_value) ||
      !get_optional_string (reader, item, "new", where, &new_value))
    return NULL;

  return measures_change_new (0, owner_id, date, author, field, old_value, new_value);
}

/* A dump carries each measure's log and history; the embedded strategy
 * has none. They are stored with the measure: see read_measures (). */
static gboolean
read_log_and_history (Reader                 *reader,
                      JsonObject             *object,
                      const char             *where,
                      MeasuresMeasureImport  *imported)
{
  JsonNode *log = json_object_get_member (object, "log");
  JsonNode *history = json_object_get_member (object, "history");

  if (log != NULL && JSON_NODE_TYPE (log) != JSON_NODE_ARRAY)
    return invalid (reader, where, _("has a log that is not a list"));
  if (history != NULL && JSON_NODE_TYPE (history) != JSON_NODE_ARRAY)
    return invalid (reader, where, _("has a history that is not a list"));

  for (guint i = 0; log != NULL && i < json_array_get_length (json_node_get_array (log)); i++)
    {
      JsonObject *item = get_element_object (reader, json_node_get_array (log), i, where);
      g_autoptr(MeasuresLogEntry) entry = NULL;
      const char *date, *author, *text, *withdrawn, *reported_for;
      MeasuresStatus status;
      gint64 progress = 0;

      if (item == NULL ||
          !get_string (reader, item, "date", where, &date) ||
          !get_string (reader, item, "author", where, &author) ||
          !get_status (reader, item, where, &status) ||
          !get_optional_number (reader, item, "progress", where, 100, &progress) ||
          !get_string (reader, item, "text", where, &text) ||
          !get_optional_string (reader, item, "withdrawn", where, &withdrawn) ||
          !get_optional_string (reader, item, "reported_for", where, &reported_for))
        return FALSE;

      /* The day a report is about: a day, as the store keeps it. */
      if (reported_for != NULL &&
          (strlen (reported_for) != 10 || measures_day_from_iso8601 (reported_for) == 0))
        return invalid (reader, where, _("has a report about a day that is not a date"));

      entry = measures_log_entry_new (0, 0, date, author, status, progress, text, withdrawn);
      if (reported_for != NULL)
        measures_log_entry_set_reported_for (entry, reported_for);
      g_ptr_array_add (imported->log, g_steal_pointer (&entry));
    }

  for (guint i = 0;
       history != NULL && i < json_array_get_length (json_node_get_array (history));
       i++)
    {
      MeasuresChange *change = read_change (reader, json_node_get_array (history), i, where, 0);

      if (change == NULL)
        return FALSE;
      g_ptr_array_add (imported->history, change);
    }

  return TRUE;
}

static void
measure_import_clear (gpointer data)
{
  MeasuresMeasureImport *item = data;

  g_clear_object (&item->measure);
  g_clear_pointer (&item->log, g_ptr_array_unref);
  g_clear_pointer (&item->history, g_ptr_array_unref);
}

/* Reads a measure with its log and history into @item; @file_id is its id
 * in the file, 0 if it has none. */
static gboolean
read_measure (Reader                 *reader,
              JsonObject             *object,
              const char             *where,
              GHashTable             *positions,
              MeasuresMeasureImport  *item,
              gint64                 *file_id)
{
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_auto(GStrv) objectives = NULL;
  g_auto(GStrv) lead_offices = NULL;
  g_auto(GStrv) involved_offices = NULL;
  const char *title, *description, *lead, *actors, *priority_text, *period, *costs;
  const char *overview_title, *overview_lead, *updated, *removed;
  MeasuresPriority priority;
  MeasuresStatus status;
  gboolean status_derived = TRUE;
  gint64 progress = 0;
  gint64 id = 0;
  gint64 printed_position = 0;
  guint goal, position, last;

  if (!get_number (reader, object, "goal", where, &goal) ||
      !get_string (reader, object, "title", where, &title) ||
      !get_string (reader, object, "description", where, &description) ||
      !get_strings (reader, object, "objectives", where, &objectives) ||
      !get_string (reader, object, "lead", where, &lead) ||
      !get_string (reader, object, "actors", where, &actors) ||
      !get_string (reader, object, "priority", where, &priority_text) ||
      !get_string (reader, object, "period", where, &period) ||
      !get_string (reader, object, "costs", where, &costs) ||
      !get_optional_string (reader, object, "overview_title", where, &overview_title) ||
      !get_optional_string (reader, object, "overview_lead", where, &overview_lead) ||
      !get_strings (reader, object, "lead_offices", where, &lead_offices) ||
      !get_strings (reader, object, "involved_offices", where, &involved_offices) ||
      !get_optional_number (reader, object, "progress", where, 100, &progress) ||
      !get_optional_number (reader, object, "id", where, G_MAXINT64, &id) ||
      !get_optional_number (reader, object, "position", where, G_MAXINT, &printed_position) ||
      !get_optional_string (reader, object, "updated", where, &updated) ||
      !get_optional_string (reader, object, "removed", where, &removed))
    return FALSE;

  /* Without a status of its own, a measure starts from what its printed
   * realization period says. */
  if (json_object_has_member (object, "status"))
    {
      JsonNode *derived = json_object_get_member (object, "status_derived");

      if (!get_status (reader, object, where, &status))
        return FALSE;
      status_derived = derived != NULL && JSON_NODE_HOLDS_VALUE (derived) &&
                       json_node_get_value_type (derived) == G_TYPE_BOOLEAN &&
                       json_node_get_boolean (derived);
    }
  else
    status = measures_status_from_period (period);

  /* The data file keeps the printed German word, a dump the English one. */
  if (!measures_priority_from_german (priority_text, &priority) &&
      !measures_priority_from_string (priority_text, &priority))
    {
      g_autofree char *problem = g_strdup_printf (_("has the unknown priority “%s”"),
                                                  priority_text);
      return invalid (reader, where, problem);
    }

  /* A dump says where each measure stands; the embedded strategy lists
   * them in the order of the detail sheets. */
  last = GPOINTER_TO_UINT (g_hash_table_lookup (positions, GUINT_TO_POINTER (goal)));
  position = printed_position > 0 ? (guint)printed_position : last + 1;
  g_hash_table_insert (positions, GUINT_TO_POINTER (goal), GUINT_TO_POINTER (MAX (position, last)));

  measure = g_object_new (MEASURES_TYPE_MEASURE,
                          "id", id,
                          "goal", goal,
                          "position", position,
                          "title", title,
                          "description", description,
                          "objectives", objectives,
                          "lead", lead,
                          "actors", actors,
                          "priority", priority,
                          "period", period,
                          "costs", costs,
                          "overview-title", overview_title,
                          "overview-lead", overview_lead,
                          "lead-offices", lead_offices,
                          "involved-offices", involved_offices,
                          "status", status,
                          "status-derived", status_derived,
                          "progress", (guint)progress,
                          "updated", updated,
                          "removed", removed,
                          NULL);

  item->measure = g_steal_pointer (&measure);
  item->log = g_ptr_array_new_with_free_func (g_object_unref);
  item->history = g_ptr_array_new_with_free_func (g_object_unref);
  *file_id = id;

  return read_log_and_history (reader, object, where, item);
}

/* Measures read so far go to the store in batches of this many: a server
 * takes each batch in a few statements rather than row by row. */
#define BATCH 1000

/* Stores the measures read so far, and remembers their new ids. */
static gboolean
store_measures (Reader        *reader,
                MeasuresStore *store,
                GArray        *batch,
                GArray        *file_ids,
                GHashTable    *ids)
{
  g_autofree gint64 *new_ids = g_new0 (gint64, MAX (batch->len, 1));

  if (!measures_store_add_measures (store, (MeasuresMeasureImport *)(gpointer)batch->data,
                                    batch->len, new_ids, reader->error))
    return FALSE;

  /* The dump's indicators name their measure by the dump's id. */
  for (guint i = 0; i < batch->len; i++)
    {
      gint64 id = g_array_index (file_ids, gint64, i);

      if (id != 0)
        g_hash_table_insert (ids, g_memdup2 (&id, sizeof id),
                             g_memdup2 (&new_ids[i], sizeof new_ids[i]));
    }

  g_array_set_size (batch, 0);
  g_array_set_size (file_ids, 0);
  return TRUE;
}

static gboolean
read_measures (Reader        *reader,
               MeasuresStore *store,
               JsonObject    *root,
               GHashTable    *ids)
{
  g_autoptr(GHashTable) positions = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) batch = g_array_sized_new (FALSE, TRUE, sizeof (MeasuresMeasureImport),
                                               BATCH);
  g_autoptr(GArray) file_ids = g_array_sized_new (FALSE, TRUE, sizeof (gint64), BATCH);
  JsonArray *measures = get_array (reader, root, "measures");

  if (measures == NULL)
    return FALSE;

  g_array_set_clear_func (batch, measure_import_clear);
  for (guint i = 0; i < json_array_get_length (measures); i++)
    {
      /* Translators: %u is the position of a measure in the file, from 1 */
      g_autofree char *where = g_strdup_printf (_("measure %u"), i + 1);
      JsonObject *measure = get_element_object (reader, measures, i, where);
      MeasuresMeasureImport *item;

      if (measure == NULL)
        return FALSE;

      g_array_set_size (batch, batch->len + 1);
      g_array_set_size (file_ids, file_ids->len + 1);
      item = &g_array_index (batch, MeasuresMeasureImport, batch->len - 1);
      if (!read_measure (reader, measure, where, positions, item,
                         &g_array_index (file_ids, gint64, file_ids->len - 1)))
        return FALSE;

      if (batch->len == BATCH && !store_measures (reader, store, batch, file_ids, ids))
        return FALSE;
    }

  return batch->len == 0 || store_measures (reader, store, batch, file_ids, ids);
}

static gboolean
get_double (Reader     *reader,
            JsonObject *object,
            const char *name,
            const char *where,
            double     *value)
{
  JsonNode *node = member (object, name, JSON_NODE_VALUE);

  if (node == NULL || (json_node_get_value_type (node) != G_TYPE_DOUBLE &&
                       json_node_get_value_type (node) != G_TYPE_INT64))
    {
      g_autofree char *problem = g_strdup_printf (_("has no number “%s”"), name);
      return invalid (reader, where, problem);
    }

  *value = json_node_get_double (node);
  return TRUE;
}

/* A list that may be missing, as in a dump of an older version. */
static gboolean
get_optional_array (Reader      *reader,
                    JsonObject  *object,
                    const char  *name,
                    const char  *where,
                    JsonArray  **array)
{
  JsonNode *node = json_object_get_member (object, name);

  *array = NULL;
  if (node == NULL)
    return TRUE;

  if (JSON_NODE_TYPE (node) != JSON_NODE_ARRAY)
    {
      g_autofree char *problem = g_strdup_printf (_("has no list “%s”"), name);
      return invalid (reader, where, problem);
    }

  *array = json_node_get_array (node);
  return TRUE;
}

/* A goal's number or a measure's id, which may be null or missing: 0. */
static gboolean
get_optional_id (Reader     *reader,
                 JsonObject *object,
                 const char *name,
                 const char *where,
                 gint64      max,
                 gint64     *value)
{
  JsonNode *node = json_object_get_member (object, name);

  *value = 0;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return TRUE;

  return get_optional_number (reader, object, name, where, max, value);
}

static gboolean
read_indicator_values_and_history (Reader        *reader,
                                   MeasuresStore *store,
                                   JsonObject    *object,
                                   const char    *where,
                                   gint64         indicator_id)
{
  JsonArray *values, *history;

  if (!get_optional_array (reader, object, "values", where, &values) ||
      !get_optional_array (reader, object, "history", where, &history))
    return FALSE;

  for (guint i = 0; values != NULL && i < json_array_get_length (values); i++)
    {
      JsonObject *item = get_element_object (reader, values, i, where);
      g_autoptr(MeasuresIndicatorValue) value = NULL;
      const char *date, *note, *author, *recorded;
      double number;

      if (item == NULL ||
          !get_string (reader, item, "date", where, &date) ||
          !get_double (reader, item, "value", where, &number) ||
          !get_optional_string (reader, item, "note", where, &note) ||
          !get_string (reader, item, "author", where, &author) ||
          !get_string (reader, item, "recorded", where, &recorded))
        return FALSE;

      if (!measures_indicator_check_date (date))
        {
          g_autofree char *problem = g_strdup_printf (_("has a value of “%s”, which is not a "
                                                        "date"), date);
          return invalid (reader, where, problem);
        }

      value = measures_indicator_value_new (0, indicator_id, date, number, note, author,
                                            recorded);
      if (!measures_store_insert_indicator_value (store, indicator_id, value, reader->error))
        return FALSE;
    }

  for (guint i = 0; history != NULL && i < json_array_get_length (history); i++)
    {
      g_autoptr(MeasuresChange) change = read_change (reader, history, i, where, indicator_id);

      if (change == NULL ||
          !measures_store_insert_indicator_change (store, indicator_id, change, reader->error))
        return FALSE;
    }

  return TRUE;
}

static gboolean
read_indicator (Reader        *reader,
                MeasuresStore *store,
                JsonObject    *object,
                const char    *where,
                GHashTable    *ids)
{
  g_autoptr(MeasuresIndicator) empty = measures_indicator_new ();
  g_autoptr(MeasuresIndicator) indicator = NULL;
  g_autoptr(GPtrArray) targets = measures_indicator_targets_new ();
  g_autoptr(GError) invalid_error = NULL;
  const char *name, *unit, *description, *office, *baseline_date, *direction_text;
  const char *updated, *removed;
  JsonArray *target_list;
  MeasuresDirection direction;
  double baseline = 0;
  gint64 goal = 0, measure = 0, id = 0, interval = 0;
  gint64 indicator_id;
  const gint64 *measure_id = NULL;

  if (!get_optional_number (reader, object, "id", where, G_MAXINT64, &id) ||
      !get_string (reader, object, "name", where, &name) ||
      !get_optional_string (reader, object, "unit", where, &unit) ||
      !get_optional_string (reader, object, "description", where, &description) ||
      !get_optional_string (reader, object, "office", where, &office) ||
      !get_double (reader, object, "baseline_value", where, &baseline) ||
      !get_optional_string (reader, object, "baseline_date", where, &baseline_date) ||
      !get_string (reader, object, "direction", where, &direction_text) ||
      !get_optional_number (reader, object, "interval_months", where, 60, &interval) ||
      !get_optional_array (reader, object, "targets", where, &target_list) ||
      !get_optional_string (reader, object, "updated", where, &updated) ||
      !get_optional_string (reader, object, "removed", where, &removed))
    return FALSE;

  if (!get_optional_id (reader, object, "goal", where, G_MAXINT, &goal) ||
      !get_optional_id (reader, object, "measure", where, G_MAXINT64, &measure))
    return FALSE;
  if (measure != 0 && (measure_id = g_hash_table_lookup (ids, &measure)) == NULL)
    {
      g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, measure);
      /* Translators: %s is a measure's number in the file */
      g_autofree char *problem = g_strdup_printf (_("names the measure %s, which the file does "
                                                    "not hold"), number);
      return invalid (reader, where, problem);
    }

  if (g_str_equal (direction_text, "up"))
    direction = MEASURES_DIRECTION_UP;
  else if (g_str_equal (direction_text, "down"))
    direction = MEASURES_DIRECTION_DOWN;
  else
    {
      g_autofree char *problem = g_strdup_printf (_("has the unknown direction “%s”"),
                                                  direction_text);
      return invalid (reader, where, problem);
    }

  for (guint i = 0; target_list != NULL && i < json_array_get_length (target_list); i++)
    {
      JsonObject *item = get_element_object (reader, target_list, i, where);
      const char *date;
      double value;

      if (item == NULL ||
          !get_string (reader, item, "date", where, &date) ||
          !get_double (reader, item, "value", where, &value))
        return FALSE;
      measures_indicator_targets_add (targets, date, value);
    }

  indicator = measures_indicator_copy_with (empty,
                                            "id", id,
                                            "goal", (guint)goal,
                                            "measure-id", measure_id ? *measure_id : (gint64)0,
                                            "name", name,
                                            "unit", unit,
                                            "description", description,
                                            "office", office,
                                            "baseline-value", baseline,
                                            "baseline-date", baseline_date,
                                            "direction", direction,
                                            "interval-months", (guint)interval,
                                            "targets", targets,
                                            "updated", updated,
                                            "removed", removed,
                                            NULL);

  /* The model's own message says what is wrong, and where. */
  if (!measures_indicator_validate (indicator, NULL, &invalid_error))
    return invalid (reader, where, invalid_error->message);

  indicator_id = measures_store_add_indicator (store, indicator, reader->error);
  if (indicator_id == 0)
    return FALSE;

  return read_indicator_values_and_history (reader, store, object, where, indicator_id);
}

/* Indicators came with version 5 of the SQLite schema: a dump made before
 * has none, nor has the embedded strategy. */
static gboolean
read_indicators (Reader        *reader,
                 MeasuresStore *store,
                 JsonObject    *root,
                 GHashTable    *ids)
{
  JsonArray *indicators;

  if (!get_optional_array (reader, root, "indicators", _("the file"), &indicators))
    return FALSE;

  for (guint i = 0; indicators != NULL && i < json_array_get_length (indicators); i++)
    {
      /* Translators: %u is the position of an indicator in the file, from 1 */
      g_autofree char *where = g_strdup_printf (_("indicator %u"), i + 1);
      JsonObject *indicator = get_element_object (reader, indicators, i, where);

      if (indicator == NULL || !read_indicator (reader, store, indicator, where, ids))
        return FALSE;
    }

  return TRUE;
}

/**
 * measures_import_strategy:
 * @store: an empty store
 * @json: the strategy as JSON
 * @source_name: the file's name, for messages
 *
 * Imports a whole strategy in one transaction: either everything is stored
 * or nothing is.
 *
 * Returns: %FALSE with @error set if the data could not be read or stored
 */
gboolean
measures_import_strategy (MeasuresStore  *store,
                          GBytes         *json,
                          const char     *source_name,
                          GError        **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) parse_error = NULL;
  g_autoptr(GHashTable) ids = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, g_free);
  Reader reader = { source_name, error };
  JsonNode *root;
  gsize size;
  const char *data;

  g_return_val_if_fail (MEASURES_IS_STORE (store), FALSE);
  g_return_val_if_fail (json != NULL, FALSE);
  g_return_val_if_fail (source_name != NULL, FALSE);

  data = g_bytes_get_data (json, &size);
  if (!json_parser_load_from_data (parser, data, size, &parse_error))
    {
      g_set_error (error, MEASURES_IMPORT_ERROR, MEASURES_IMPORT_ERROR_PARSE,
                   /* Translators: 1st %s is a file name, 2nd the parser's message */
                   _("Could not read the strategy file “%s”: %s"),
                   source_name, parse_error->message);
      return FALSE;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || JSON_NODE_TYPE (root) != JSON_NODE_OBJECT)
    return invalid (&reader, _("the file"), _("does not hold a strategy object"));

  if (!measures_store_begin (store, error))
    return FALSE;

  if (!read_vision (&reader, store, json_node_get_object (root)) ||
      !read_goals (&reader, store, json_node_get_object (root)) ||
      !read_offices (&reader, store, json_node_get_object (root)) ||
      !read_measures (&reader, store, json_node_get_object (root), ids) ||
      !read_indicators (&reader, store, json_node_get_object (root), ids) ||
      !measures_store_commit (store, error))
    {
      measures_store_rollback (store);
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_import_default:
 *
 * Imports the strategy compiled into the application: the Karlsruhe
 * internationalisation strategy 2020–2030.
 */
gboolean
measures_import_default (MeasuresStore  *store,
                         GError        **error)
{
  static gsize registered = 0;
  g_autoptr(GBytes) bytes = NULL;

  if (g_once_init_enter (&registered))
    {
      measures_core_register_resource ();
      g_once_init_leave (&registered, 1);
    }

  bytes = g_resources_lookup_data (STRATEGY_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  if (bytes == NULL)
    return FALSE;

  return measures_import_strategy (store, bytes, "resource://" STRATEGY_RESOURCE, error);
}

/**
 * measures_import_ensure_data:
 *
 * Fills an empty store with the embedded strategy; leaves a store that
 * holds data as it is.
 */
gboolean
measures_import_ensure_data (MeasuresStore  *store,
                             GError        **error)
{
  gboolean empty;

  if (!measures_store_is_empty (store, &empty, error))
    return FALSE;

  if (!empty)
    return TRUE;

  return measures_import_default (store, error);
}
