/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <json-glib/json-glib.h>

#include "measures-export.h"
#include "measures-test-util.h"

static MeasuresMeasure *
find_measure (GListModel *measures,
              const char *title)
{
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);

      if (g_str_equal (measures_measure_get_title (measure), title))
        return g_steal_pointer (&measure);
    }

  g_error ("No measure “%s”", title);
}

static MeasuresOffice *
find_office (GListModel *offices,
             const char *abbreviation)
{
  for (guint i = 0; i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);

      if (g_str_equal (measures_office_get_abbreviation (office), abbreviation))
        return g_steal_pointer (&office);
    }

  return NULL;
}

static void
test_counts (TempDir       *fixture,
             gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GListModel) goals = measures_store_list_goals (store, &error);
  g_autoptr(GListModel) measures = measures_store_list_measures (store, &error);
  g_autoptr(GListModel) offices = measures_store_list_offices (store, &error);
  guint per_goal[6] = { 0 };
  guint per_priority[MEASURES_N_PRIORITIES] = { 0 };
  guint last_goal = 0;

  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (goals), ==, 5);
  g_assert_cmpuint (g_list_model_get_n_items (measures), ==, 50);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);
      guint goal = measures_measure_get_goal (measure);

      g_assert_cmpuint (goal, >=, 1);
      g_assert_cmpuint (goal, <=, 5);
      g_assert_cmpuint (goal, >=, last_goal);
      last_goal = goal;
      per_goal[goal]++;
      per_priority[measures_measure_get_priority (measure)]++;

      /* Every printed sheet has text in each of these. */
      g_assert_cmpstr (measures_measure_get_title (measure), !=, "");
      g_assert_cmpstr (measures_measure_get_description (measure), !=, "");
      g_assert_cmpstr (measures_measure_get_lead (measure), !=, "");
      g_assert_cmpstr (measures_measure_get_period (measure), !=, "");
      g_assert_cmpstr (measures_measure_get_costs (measure), !=, "");
      g_assert_nonnull (measures_measure_get_objectives (measure)[0]);
      g_assert_nonnull (measures_measure_get_lead_offices (measure)[0]);
    }

  g_assert_cmpuint (per_goal[1], ==, 10);
  g_assert_cmpuint (per_goal[2], ==, 16);
  g_assert_cmpuint (per_goal[3], ==, 8);
  g_assert_cmpuint (per_goal[4], ==, 8);
  g_assert_cmpuint (per_goal[5], ==, 8);
  g_assert_cmpuint (per_priority[MEASURES_PRIORITY_HIGH], ==, 35);
  g_assert_cmpuint (per_priority[MEASURES_PRIORITY_MEDIUM], ==, 14);
  g_assert_cmpuint (per_priority[MEASURES_PRIORITY_LOW], ==, 1);

  /* 76 rows of the glossary and 14 organisations named only in the
   * measures' lead and actors text. */
  g_assert_cmpuint (g_list_model_get_n_items (offices), ==, 90);
}

static void
test_vision_and_goals (TempDir       *fixture,
                       gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GListModel) goals = measures_store_list_goals (store, &error);
  g_autoptr(MeasuresGoal) goal = NULL;
  g_autofree char *strategy_title = NULL;
  g_autofree char *vision_title = NULL;
  g_auto(GStrv) statements = NULL;

  g_assert_true (measures_store_load_vision (store, &strategy_title, &vision_title, &statements,
                                             &error));
  g_assert_no_error (error);
  g_assert_cmpstr (vision_title, ==,
                   "Internationales Karlsruhe 2030 – innovativer.nachhaltiger.weltoffener.");
  g_assert_cmpuint (g_strv_length (statements), ==, 4);
  g_assert_cmpstr (statements[2], ==,
                   "Wir kooperieren international – mit einer starken Stimme in Europa.");

  goal = g_list_model_get_item (goals, 2);
  g_assert_cmpuint (measures_goal_get_number (goal), ==, 3);
  g_assert_cmpstr (measures_goal_get_title (goal), ==,
                   "Globale Verantwortung, Nachhaltigkeit und außereuropäische Kooperationen");
  g_assert_cmpstr (measures_goal_get_headline (goal), ==,
                   "Die Stadt Karlsruhe kommt ihrer globalen Verantwortung nach.");
  /* Line-end hyphenation of the PDF is undone. */
  g_assert_nonnull (strstr (measures_goal_get_text (goal),
                            "kommunalen Entwicklungspartnerschaft mit dem „globalen Süden“."));
}

static void
test_exact_values (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GListModel) measures = measures_store_list_measures (store, &error);
  g_autoptr(MeasuresMeasure) mentors = NULL;
  g_autoptr(MeasuresMeasure) culture = NULL;
  g_autoptr(MeasuresMeasure) campus = NULL;
  g_autoptr(MeasuresMeasure) destination = NULL;
  g_autoptr(MeasuresMeasure) ideas = NULL;
  const char *sus[] = { "SuS", NULL };
  const char *sjb_bfi[] = { "SJB", "BfI", NULL };
  const char *ka[] = { "KA", NULL };
  const char *culture_actors[] = { "KTG", "KME", "SAM", "Stk", NULL };
  const char *clinic[] = { "Städtisches Klinikum Karlsruhe", NULL };
  const char *destination_lead[] = { "RP Karlsruhe", "EDIC", "POA", NULL };
  const char *ideas_lead[] = { "stja", "HA", NULL };

  g_assert_no_error (error);

  mentors = find_measure (measures, "Interkulturelle Elternmentor*innen");
  g_assert_cmpuint (measures_measure_get_goal (mentors), ==, 1);
  g_assert_cmpuint (measures_measure_get_position (mentors), ==, 1);
  g_assert_true (g_str_has_prefix (measures_measure_get_description (mentors),
                                   "Unter dem Motto „Eltern stärken Eltern“ engagieren sich "
                                   "ehrenamtlich tätige interkulturelle Elternmentor*innen"));
  g_assert_cmpuint (g_strv_length ((GStrv)measures_measure_get_objectives (mentors)), ==, 4);
  g_assert_cmpstr (measures_measure_get_objectives (mentors)[0], ==,
                   "Individuelle Beratung, oft in der Herkunftssprache der Eltern");
  g_assert_cmpstr (measures_measure_get_lead (mentors), ==,
                   "SuS, Bildungskoordination für Neuzugewanderte");
  g_assert_cmpstrv (measures_measure_get_lead_offices (mentors), sus);
  g_assert_cmpstr (measures_measure_get_actors (mentors), ==, "SJB/BfI");
  g_assert_cmpstrv (measures_measure_get_involved_offices (mentors), sjb_bfi);
  g_assert_cmpstr (measures_measure_get_period (mentors), ==, "in Durchführung seit 2020");
  g_assert_cmpstr (measures_measure_get_costs (mentors), ==, "Personal- und Sachkosten");
  /* The overview table prints only "SuS" as lead. */
  g_assert_cmpstr (measures_measure_get_overview_lead (mentors), ==, "SuS");

  /* "KA, Kulturbüro" links the Kulturamt. */
  culture = find_measure (measures, "Europäische Kulturtage Karlsruhe");
  g_assert_cmpstr (measures_measure_get_lead (culture), ==, "KA, Kulturbüro");
  g_assert_cmpstrv (measures_measure_get_lead_offices (culture), ka);
  g_assert_cmpstrv (measures_measure_get_involved_offices (culture), culture_actors);
  g_assert_cmpstr (measures_measure_get_period (culture), ==,
                   "mittelfristig, in Durchführung seit 1983");
  g_assert_cmpuint (g_strv_length ((GStrv)measures_measure_get_objectives (culture)), ==, 6);

  /* An organisation outside the glossary is an office of its own. */
  campus = find_measure (measures, "Internationaler „Medical Campus“");
  g_assert_cmpstrv (measures_measure_get_lead_offices (campus), clinic);
  g_assert_cmpstr (measures_measure_get_actors (campus), ==, "---");
  g_assert_null (measures_measure_get_involved_offices (campus)[0]);

  destination = find_measure (measures,
                              "Europakompetenz für Auszubildende – Projekt „Destination Europe“");
  g_assert_cmpint (measures_measure_get_priority (destination), ==, MEASURES_PRIORITY_LOW);
  g_assert_cmpstrv (measures_measure_get_lead_offices (destination), destination_lead);
  g_assert_cmpstr (measures_measure_get_overview_lead (destination), ==, "POA");
  g_assert_cmpstr (measures_measure_get_period (destination),
                   ==, "mittelfristig, in Durchführung seit 2019");

  /* "stja, HA" on the sheet, "HA, Stja" in the overview: same offices. */
  ideas = find_measure (measures,
                        "Junge Ideen für die Karlsruher Städte- und Projektpartnerschaften");
  g_assert_cmpstrv (measures_measure_get_lead_offices (ideas), ideas_lead);
  g_assert_cmpstr (measures_measure_get_overview_lead (ideas), ==, "HA, Stja");
}

static void
test_office_links (TempDir       *fixture,
                   gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(GListModel) offices = measures_store_list_offices (store, &error);
  g_autoptr(GListModel) measures = measures_store_list_measures (store, &error);
  g_autoptr(MeasuresOffice) sam = NULL;
  g_autoptr(MeasuresOffice) stpla = NULL;
  g_autoptr(MeasuresOffice) interreg = NULL;
  g_autoptr(MeasuresMeasure) strasbourg = NULL;

  g_assert_no_error (error);

  sam = find_office (offices, "SAM");
  g_assert_nonnull (sam);
  g_assert_cmpstr (measures_office_get_name (sam), ==,
                   "Stabsstelle Außenbeziehungen und Strategisches Marketing");
  g_assert_cmpuint (measures_office_get_n_lead (sam), ==, 13);
  g_assert_cmpuint (measures_office_get_n_involved (sam), ==, 13);

  /* A glossary row spread over two lines of the PDF. */
  interreg = find_office (offices, "INTERREG");
  g_assert_nonnull (interreg);
  g_assert_true (g_str_has_prefix (measures_office_get_name (interreg),
                                   "Europäische territoriale Zusammenarbeit (Ausrichtung A:"));

  /* "StplA" in the printed text links the glossary's "StPlA". */
  strasbourg = find_measure (measures, "Verstärkte Zusammenarbeit Karlsruhe – Straßburg");
  g_assert_nonnull (strstr (measures_measure_get_actors (strasbourg), "StplA"));
  g_assert_true (measures_measure_has_office (strasbourg, "StPlA", MEASURES_ROLE_INVOLVED));
  stpla = find_office (offices, "StPlA");
  g_assert_cmpuint (measures_office_get_n_lead (stpla), ==, 3);

  {
    g_autoptr(MeasuresOffice) clinic = find_office (offices, "Städtisches Klinikum Karlsruhe");
    g_assert_nonnull (clinic);
  }
  g_assert_null (find_office (offices, "StplA"));
  g_assert_null (find_office (offices, "Stja"));

  /* Every link names an office whose abbreviation, name or a known form
   * of it appears in the printed lead or actors text. */
  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);
      g_autofree char *printed = g_strconcat (measures_measure_get_lead (measure), " ",
                                              measures_measure_get_actors (measure), NULL);
      g_autofree char *folded = g_utf8_casefold (printed, -1);
      const char * const *lists[] = {
        measures_measure_get_lead_offices (measure),
        measures_measure_get_involved_offices (measure),
      };

      for (guint l = 0; l < G_N_ELEMENTS (lists); l++)
        for (guint j = 0; lists[l][j] != NULL; j++)
          {
            g_autoptr(MeasuresOffice) office = find_office (offices, lists[l][j]);
            g_autofree char *abbreviation = g_utf8_casefold (lists[l][j], -1);
            g_autofree char *name = g_utf8_casefold (measures_office_get_name (office), -1);

            if (strstr (folded, abbreviation) == NULL && strstr (folded, name) == NULL &&
                !(g_str_equal (lists[l][j], "KA") && strstr (folded, "kulturamt")))
              g_error ("“%s” links %s, which its text “%s” does not name",
                       measures_measure_get_title (measure), lists[l][j], printed);
          }
    }
}

/* Folds white space and drops hyphens, so that text joined from the PDF's
 * lines compares equal whatever the line breaks were. */
static char *
canonical (const char *text)
{
  GString *out = g_string_new (NULL);
  gboolean space = FALSE;

  for (const char *p = text; *p; p++)
    {
      if (*p == '-' || g_ascii_isspace (*p))
        {
          /* "Entwicklungs-\npartnerschaft" and "Entwicklungspartnerschaft"
           * both become the same; a space before a hyphen stays. */
          if (*p == '-')
            {
              while (g_ascii_isspace (p[1]))
                p++;
              continue;
            }
          space = out->len > 0;
          continue;
        }
      if (space)
        g_string_append_c (out, ' ');
      space = FALSE;
      g_string_append_c (out, *p);
    }

  return g_string_free (out, FALSE);
}

static void
assert_in_source (const char      *source,
                  MeasuresMeasure *measure,
                  const char      *text)
{
  g_auto(GStrv) lines = g_strsplit (text, "\n", -1);

  /* Each printed line or paragraph stands in the source as one run. */
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *line = g_str_has_prefix (lines[i], "▪ ") ? lines[i] + strlen ("▪ ") : lines[i];
      g_autofree char *folded = canonical (line);

      if (folded[0] != '\0' && strstr (source, folded) == NULL)
        g_error ("“%s”: “%s” is not in the source document",
                 measures_measure_get_title (measure), line);
    }
}

static void
test_faithful_to_source (TempDir       *fixture,
                         gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autofree char *contents = NULL;
  g_autofree char *source = NULL;
  const char *path = g_getenv ("MEASURES_SOURCE_DOCUMENT");

  if (path == NULL || !g_file_get_contents (path, &contents, NULL, NULL))
    {
      g_test_skip ("The source document is not beside the project");
      return;
    }

  source = canonical (contents);
  store = open_filled_store (fixture);
  measures = measures_store_list_measures (store, &error);
  g_assert_no_error (error);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);
      const char * const *objectives = measures_measure_get_objectives (measure);

      assert_in_source (source, measure, measures_measure_get_title (measure));
      assert_in_source (source, measure, measures_measure_get_description (measure));
      assert_in_source (source, measure, measures_measure_get_lead (measure));
      assert_in_source (source, measure, measures_measure_get_period (measure));
      assert_in_source (source, measure, measures_measure_get_costs (measure));
      for (guint j = 0; objectives[j] != NULL; j++)
        assert_in_source (source, measure, objectives[j]);
    }
}

static GBytes *
bytes_from_string (const char *json)
{
  return g_bytes_new (json, strlen (json));
}

static void
assert_store_empty (MeasuresStore *store)
{
  g_autoptr(GError) error = NULL;
  gboolean empty = FALSE;

  g_assert_true (measures_store_is_empty (store, &empty, &error));
  g_assert_no_error (error);
  g_assert_true (empty);
}

static void
test_bad_json (TempDir       *fixture,
               gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (fixture, "strategy.db");
  g_autoptr(MeasuresStore) store = measures_store_open (path, &error);
  g_autoptr(GBytes) broken = bytes_from_string ("{\n  \"title\": \"Strategie\",\n  \"vision\": [\n");

  g_assert_no_error (error);
  g_assert_false (measures_import_strategy (store, broken, "/home/amt/strategie.json", &error));
  g_assert_error (error, MEASURES_IMPORT_ERROR, MEASURES_IMPORT_ERROR_PARSE);
  g_assert_nonnull (strstr (error->message, "/home/amt/strategie.json"));
  assert_store_empty (store);
}

static void
test_invalid_structure (TempDir       *fixture,
                        gconstpointer  data)
{
  static const char json[] =
    "{\"title\": \"S\", \"vision\": {\"title\": \"V\", \"statements\": []},"
    " \"goals\": [{\"number\": 1, \"title\": \"G\", \"headline\": \"H\", \"text\": \"T\"}],"
    " \"offices\": [{\"abbreviation\": \"SAM\", \"name\": \"Stabsstelle\"}],"
    " \"measures\": [%s]}";
  static const char good[] =
    "{\"goal\": 1, \"title\": \"M\", \"description\": \"D\", \"objectives\": [\"O\"],"
    " \"lead\": \"SAM\", \"actors\": \"---\", \"priority\": \"hoch\", \"period\": \"P\","
    " \"costs\": \"K\", \"lead_offices\": [\"SAM\"], \"involved_offices\": []}";
  struct {
    const char *measure;
    const char *expected;
  } cases[] = {
    { "{\"goal\": 1}", "measure 2 has no text “title”" },
    { "{\"goal\": 0, \"title\": \"M\"}", "measure 2 has no positive whole number “goal”" },
    { "42", "measure 2 is not an object" },
  };
  g_autoptr(GError) error = NULL;
  g_autofree char *path = temp_path (fixture, "strategy.db");
  g_autoptr(MeasuresStore) store = measures_store_open (path, &error);

  g_assert_no_error (error);

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *measures = g_strdup_printf ("%s, %s", good, cases[i].measure);
      g_autofree char *text = g_strdup_printf (json, measures);
      g_autoptr(GBytes) bytes = bytes_from_string (text);

      g_assert_false (measures_import_strategy (store, bytes, "s.json", &error));
      g_assert_error (error, MEASURES_IMPORT_ERROR, MEASURES_IMPORT_ERROR_INVALID);
      g_assert_nonnull (strstr (error->message, "s.json"));
      g_assert_nonnull (strstr (error->message, cases[i].expected));
      g_clear_error (&error);

      /* The first, valid measure was rolled back with the rest. */
      assert_store_empty (store);
    }

  /* An unknown priority and an office missing from the directory. */
  {
    g_autofree char *bad_priority = g_strdup (good);
    g_autofree char *text = NULL;
    g_autoptr(GBytes) bytes = NULL;
    char *p = strstr (bad_priority, "hoch");

    memcpy (p, "hohe", 4);
    text = g_strdup_printf (json, bad_priority);
    bytes = bytes_from_string (text);
    g_assert_false (measures_import_strategy (store, bytes, "s.json", &error));
    g_assert_error (error, MEASURES_IMPORT_ERROR, MEASURES_IMPORT_ERROR_INVALID);
    g_assert_nonnull (strstr (error->message, "“hohe”"));
    g_clear_error (&error);
    assert_store_empty (store);
  }
}

static void
test_round_trip (TempDir       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autoptr(MeasuresStore) copy = NULL;
  g_autofree char *copy_path = temp_path (fixture, "copy.db");
  g_autofree char *dump = measures_export_json (store, &error);
  g_autofree char *second = NULL;
  g_autoptr(GBytes) bytes = NULL;

  g_assert_no_error (error);
  g_assert_nonnull (dump);

  /* A dump reads back into an equal store. */
  copy = measures_store_open (copy_path, &error);
  g_assert_no_error (error);
  bytes = bytes_from_string (dump);
  g_assert_true (measures_import_strategy (copy, bytes, "dump.json", &error));
  g_assert_no_error (error);
  second = measures_export_json (copy, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (dump, ==, second);
}

/* A log entry whose time is no time (an imported file may say anything)
 * tells no day either: its dump reads back, as every dump must. */
static void
test_report_without_a_day (TempDir       *fixture,
                           gconstpointer  data)
{
  g_autofree char *seed = g_test_build_filename (G_TEST_DIST, "..", "fuzz", "corpus", "import",
                                                 "small-dump.json", NULL);
  g_autofree char *text = NULL;
  g_autofree char *path = temp_path (fixture, "first.db");
  g_autofree char *again_path = temp_path (fixture, "again.db");
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(MeasuresStore) again = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GBytes) dump_bytes = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *dump = NULL;
  g_autofree char *second = NULL;
  GString *edited;

  g_assert_true (g_file_get_contents (seed, &text, NULL, &error));
  edited = g_string_new (text);
  g_assert_cmpuint (g_string_replace (edited, "\"date\": \"2024-03-01T10:00:00Z\"",
                                      "\"date\": \"kein Datum\"", 1), ==, 1);
  bytes = g_bytes_new_take (edited->str, edited->len);
  g_string_free (edited, FALSE);

  store = measures_store_open (path, &error);
  g_assert_no_error (error);
  g_assert_true (measures_import_strategy (store, bytes, "odd.json", &error));
  g_assert_no_error (error);
  dump = measures_export_json (store, &error);
  g_assert_no_error (error);

  again = measures_store_open (again_path, &error);
  g_assert_no_error (error);
  dump_bytes = bytes_from_string (dump);
  g_assert_true (measures_import_strategy (again, dump_bytes, "dump.json", &error));
  g_assert_no_error (error);
  second = measures_export_json (again, &error);
  g_assert_cmpstr (dump, ==, second);
}

static void
test_dump_shape (TempDir       *fixture,
                 gconstpointer  data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) store = open_filled_store (fixture);
  g_autofree char *dump = measures_export_json (store, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonObject *root, *vision, *measure;
  JsonArray *measures;

  g_assert_no_error (error);
  g_assert_true (json_parser_load_from_data (parser, dump, -1, &error));
  g_assert_no_error (error);

  root = json_node_get_object (json_parser_get_root (parser));
  vision = json_object_get_object_member (root, "vision");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (vision, "statements")),
                    ==, 4);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "goals")), ==, 5);
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (root, "offices")), ==, 90);

  measures = json_object_get_array_member (root, "measures");
  g_assert_cmpuint (json_array_get_length (measures), ==, 50);
  measure = json_array_get_object_element (measures, 25);
  g_assert_cmpint (json_object_get_int_member (measure, "id"), >, 0);
  g_assert_cmpint (json_object_get_int_member (measure, "goal"), ==, 2);
  g_assert_cmpstr (json_object_get_string_member (measure, "priority"), ==, "low");
  g_assert_cmpstr (json_object_get_string_member (measure, "lead"), ==,
                   "RP Karlsruhe (EDIC), POA");
  g_assert_cmpstr (json_object_get_string_member (measure, "actors"), ==, "SAM");
  g_assert_cmpuint (json_array_get_length (json_object_get_array_member (measure,
                                                                         "lead_offices")), ==, 3);
  g_assert_true (json_object_has_member (measure, "involved_offices"));
  g_assert_true (json_object_has_member (measure, "objectives"));
  g_assert_true (json_object_has_member (measure, "description"));
  g_assert_true (json_object_has_member (measure, "period"));
  g_assert_true (json_object_has_member (measure, "costs"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

#define ADD(name, func) \
  g_test_add ("/import/" name, TempDir, NULL, temp_dir_setup, func, temp_dir_teardown)

  ADD ("counts", test_counts);
  ADD ("vision-and-goals", test_vision_and_goals);
  ADD ("exact-values", test_exact_values);
  ADD ("office-links", test_office_links);
  ADD ("faithful-to-source", test_faithful_to_source);
  ADD ("bad-json", test_bad_json);
  ADD ("invalid-structure", test_invalid_structure);
  ADD ("round-trip", test_round_trip);
  ADD ("report-without-a-day", test_report_without_a_day);
  ADD ("dump-shape", test_dump_shape);

#undef ADD

  return g_test_run ();
}
