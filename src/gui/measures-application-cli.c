/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-application"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "measures-application-private.h"
#include "measures-context.h"
#include "measures-export.h"
#include "measures-format.h"
#include "measures-import.h"
#include "measures-report.h"
#include "measures-spreadsheet.h"
#ifdef HAVE_POSTGRESQL
#include "postgres/measures-pg-store.h"
#endif

/* The command line: what is done before any window, and without a display
 * — a dump, a PDF, every office's sheets — and which instance shows which
 * database. */

const GOptionEntry _measures_application_options[] = {
  { "database", 'd', 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Open the strategy database FILE instead of the default one "
       "(created and filled with the embedded strategy when it does not exist)"),
    N_("FILE") },
  { "dump-json", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Write the whole database to standard output as JSON and exit"), NULL },
  { "import-json", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Read a strategy written with --dump-json, with its log and history, into the empty "
       "database given with --database (a file or a server) and exit"), N_("FILE") },
  { "export-pdf", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write a report to the PDF file FILE and exit: the whole strategy, or what "
       "--office, --goal, --measure or --overview chooses"), N_("FILE") },
  { "export-xlsx", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the measures and their progress log to the spreadsheet FILE (XLSX) and exit: "
       "all measures, or those --office or --goal chooses"), N_("FILE") },
  { "office", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf: the measure sheets of the office ABBREVIATION; with --export-xlsx: "
       "the measures it leads or takes part in"), N_("ABBREVIATION") },
  { "goal", 0, 0, G_OPTION_ARG_INT, NULL,
    N_("With --export-pdf: the report of goal NUMBER; with --export-xlsx: its measures"),
    N_("NUMBER") },
  { "measure", 0, 0, G_OPTION_ARG_INT64, NULL,
    N_("With --export-pdf: the sheet of the measure ID (see --dump-json)"), N_("ID") },
  { "overview", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pdf: the overview table of all measures"), NULL },
  { "monitoring", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pdf: the monitoring report — where the measures stand, the progress over "
       "time, the overdue progress reports and the indicators — of the whole strategy, or of "
       "what --goal or --office (the measures it leads) narrows it to"), NULL },
  /* A string: an integer option of 0 could not be told from none. */
  { "report-interval", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --monitoring: a progress report is overdue after MONTHS months (default: 6)"),
    N_("MONTHS") },
  { "export-office-sheets", 0, 0, G_OPTION_ARG_FILENAME, NULL,
    N_("Write the measure sheets of every office, one PDF each, into the folder FOLDER "
       "and exit"), N_("FOLDER") },
  { "report-language", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The language of the reports’ labels: de, en or fr (default: the interface’s)"),
    N_("LANGUAGE") },
  { "paper", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("The paper size of the reports: a4 or letter (default: as in the preferences)"),
    N_("SIZE") },
  { "layout", 0, 0, G_OPTION_ARG_STRING, NULL,
    N_("With --export-pdf or --export-office-sheets: one-per-page, or two-per-page for two "
       "measure sheets side by side on a landscape page, as the printed strategy has them "
       "(default: as in the preferences)"), N_("LAYOUT") },
  { "coordinator-notes", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("With --export-pdf: add the notes meant for the strategy’s coordinator, such as how the "
       "overview table words a measure differently"), NULL },
  { "setup-database", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Set up the strategy’s schema and roles on the server given with --database (a new, "
       "empty database, or one to bring up to date), print the next steps and exit"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_("Show the version and exit"), NULL },
  { NULL }
};

/**
 * measures_application_init_i18n:
 *
 * Sets up gettext before anything is translated. Call first thing in main().
 */
void
measures_application_init_i18n (void)
{
  const char *localedir = g_getenv ("MEASURES_LOCALEDIR");

  /* MEASURES_LOCALEDIR lets the build tree's catalogs be used. */
  measures_i18n_setup (localedir ? localedir : LOCALEDIR);

  /* The locale is chosen; GTK must not choose it again. */
  gtk_disable_setlocale ();
}

static int
dump_json (MeasuresApplication *self)
{
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *json = NULL;

  if (!(store = _measures_application_open_store (self, &error)) || !(json = measures_export_json (store, &error)))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      return EXIT_FAILURE;
    }

  if (fputs (json, stdout) == EOF || fputc ('\n', stdout) == EOF || fflush (stdout) != 0)
    {
      g_printerr ("%s: %s\n", g_get_prgname (), _("Could not write to standard output."));
      return EXIT_FAILURE;
    }

  return EXIT_SUCCESS;
}

static int
fail (const char *message)
{
  g_printerr ("%s: %s\n", g_get_prgname (), message);
  return EXIT_FAILURE;
}

/* Moves a strategy in: everything --dump-json wrote, into an empty store,
 * e.g. from the file on a workstation onto a server. */
static int
import_json (MeasuresApplication *self,
             const char          *file)
{
  g_autofree char *database = _measures_application_dup_database_path (self);
  g_autofree char *display = g_filename_display_name (file);
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) json = NULL;
  g_autofree char *contents = NULL;
  gsize length = 0;
  gboolean empty = FALSE;
  guint n;

  if (!g_file_get_contents (file, &contents, &length, &error))
    return fail (error->message);
  json = g_bytes_new_take (g_steal_pointer (&contents), length);

  /* Not through the usual opening, which fills an empty store with the
   * embedded strategy. */
  if (!(store = measures_store_open (database, &error)) ||
      !measures_store_is_empty (store, &empty, &error))
    return fail (error->message);

  if (!empty)
    {
      g_autofree char *name = measures_store_dup_display_name (store);
      g_autofree char *message = g_strdup_printf (_("“%s” already holds a strategy: move one "
                                                    "into an empty database only."), name);

      return fail (message);
    }

  if (!measures_import_strategy (store, json, display, &error) ||
      !(measures = measures_store_list_measures (store, &error)))
    return fail (error->message);

  n = g_list_model_get_n_items (measures);
  g_print (ngettext ("Read %u measure from %s\n", "Read %u measures from %s\n", n), n, display);
  return EXIT_SUCCESS;
}

/* An administrator's command: the schema and the roles of a new strategy
 * database, without a window and without the embedded strategy, which a
 * coordinator moves in afterwards (--import-json) or the first window
 * fills in. */
static int
setup_database (MeasuresApplication *self)
{
#ifdef HAVE_POSTGRESQL
  g_autofree char *database = _measures_application_dup_database_path (self);
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) roles = NULL;
  g_autofree char *name = NULL;
  int latest = measures_pg_store_get_schema_version ();
  int found;

  if (!measures_store_is_server_address (database))
    return fail (_("--setup-database sets up a database on a server: give its address with "
                   "--database, e.g. postgresql://server/strategy."));

  /* Opening sets the schema up, or refuses another application's data
   * and a newer schema, unchanged. */
  if (!(store = measures_store_open (database, &error)))
    return fail (error->message);

  name = measures_store_dup_display_name (store);
  found = measures_pg_store_get_found_version (MEASURES_PG_STORE (store));
  if (found == 0)
    g_print (_("Set up the schema “measures” (version %d) in %s.\n"), latest, name);
  else if (found < latest)
    g_print (_("Brought the schema “measures” in %s from version %d up to version %d.\n"),
             name, found, latest);
  else
    g_print (_("The schema “measures” in %s is up to date (version %d).\n"), name, latest);

  if (!measures_pg_store_setup_roles (MEASURES_PG_STORE (store), &roles, &error))
    {
      g_printerr ("%s: %s\n", g_get_prgname (), error->message);
      g_printerr ("%s: %s\n", g_get_prgname (),
                  _("The roles were not created: run this again as a superuser, or as the "
                    "owner of the database with the CREATEROLE attribute."));
      return EXIT_FAILURE;
    }

  g_print (_("Created or kept the roles measures_coordinator, measures_official and "
             "measures_reader.\n"));
  if (roles[0] != NULL)
    {
      guint n = g_strv_length (roles);

      g_print (ngettext ("The role of %u office:\n", "The roles of %u offices:\n", n), n);
      for (guint i = 0; roles[i] != NULL; i++)
        g_print ("  %s\n", roles[i]);
    }
  else
    g_print (_("No offices yet: run this again after moving a strategy in, to create their "
               "roles.\n"));

  g_print ("\n%s\n", _("Next steps, in SQL on the server (the names are examples):"));
  /* Translators: SQL, keep everything but the comment after "--" as it is */
  g_print ("  %s\n", _("GRANT measures_coordinator TO \"max.muster\";   -- a coordinator"));
  if (roles[0] != NULL)
    {
      /* Translators: SQL, keep everything but the comment after "--" as it is; %s is a role */
      g_autofree char *grant = g_strdup_printf (_("GRANT %s TO \"erika.mustermann\";   -- an "
                                                  "official of that office"), roles[0]);

      g_print ("  %s\n", grant);
    }
  /* Translators: SQL, keep everything but the comment after "--" as it is */
  g_print ("  %s\n", _("GRANT measures_reader TO \"gast\";   -- reads only"));
  g_print ("%s\n", _("SELECT measures.office_role ('ABBREVIATION') tells an office’s role."));
  return EXIT_SUCCESS;
#else
  return fail (_("This build of Measures cannot open a strategy on a server."));
#endif
}

typedef struct
{
  const char *language;
  MeasuresPaper paper;
  MeasuresLayout layout;
  gboolean coordinator_notes;
} ExportOptions;

/* What the preferences say for @key, or %NULL when they say nothing (or
 * the settings are not installed): the command line follows them, its own
 * options first. Interned: it lives as long as the process. */
static const char *
preference (const char *key)
{
  g_autoptr(GSettingsSchema) schema = NULL;
  g_autoptr(GSettings) settings = NULL;
  g_autofree char *value = NULL;

  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema == NULL || !g_settings_schema_has_key (schema, key))
    return NULL;

  settings = g_settings_new (APP_ID);
  value = g_settings_get_string (settings, key);
  return value[0] != '\0' ? g_intern_string (value) : NULL;
}

/* The name a PDF gives as its author: the preferences', else the user's. */
static const char *
report_author (void)
{
  const char *author = preference ("author-name");

  return author != NULL ? author : measures_context_get_login_author ();
}

/* The office the user means: as typed, or in other case ("sam" for
 * "SAM"); otherwise an error that names the nearest ones. */
static const char *
resolve_office (MeasuresStore  *store,
                const char     *typed,
                GError        **error)
{
  g_autoptr(GListModel) offices = measures_store_list_offices (store, error);
  g_autofree char *folded = NULL;
  g_autoptr(GPtrArray) near = g_ptr_array_new ();
  const char *found = NULL;
  guint n_found = 0;

  if (offices == NULL)
    return NULL;

  folded = g_utf8_casefold (typed, -1);
  for (guint i = 0; i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);
      const char *abbreviation = measures_office_get_abbreviation (office);
      g_autofree char *abbreviation_folded = g_utf8_casefold (abbreviation, -1);
      g_autofree char *name_folded = g_utf8_casefold (measures_office_get_name (office), -1);

      if (g_str_equal (abbreviation, typed))
        return g_intern_string (abbreviation);
      if (g_str_equal (abbreviation_folded, folded))
        {
          found = g_intern_string (abbreviation);
          n_found++;
        }
      else if (near->len < 3 && folded[0] != '\0' &&
               (g_str_has_prefix (abbreviation_folded, folded) ||
                g_str_has_prefix (folded, abbreviation_folded) ||
                strstr (name_folded, folded) != NULL))
        g_ptr_array_add (near, (gpointer)g_intern_string (abbreviation));
    }

  if (n_found == 1)
    return found;

  if (near->len > 0)
    {
      g_ptr_array_add (near, NULL);
      g_autofree char *list = g_strjoinv (", ", (char **)near->pdata);

      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                   /* Translators: %s is what was typed, then abbreviations */
                   _("There is no office “%s”. Did you mean: %s?"), typed, list);
    }
  else
    g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_INVALID,
                 _("There is no office “%s” in the directory (--dump-json lists the offices)."),
                 typed);
  return NULL;
}

static gboolean
read_export_options (GVariantDict  *options,
                     ExportOptions *export,
                     GError       **error)
{
  const char *paper = NULL;
  const char *layout = NULL;
  static const char * const languages[] = { "de", "en", "fr", NULL };

  export->paper = MEASURES_PAPER_A4;
  export->language = NULL;
  export->layout = MEASURES_LAYOUT_ONE_PER_PAGE;
  g_variant_dict_lookup (options, "report-language", "&s", &export->language);
  /* Else the language the preferences chose, else the environment's. */
  if (export->language == NULL)
    export->language = preference ("language");
  g_variant_dict_lookup (options, "paper", "&s", &paper);
  g_variant_dict_lookup (options, "layout", "&s", &layout);
  /* Paper and layout too: as the window would print them. */
  if (paper == NULL)
    paper = preference ("paper");
  if (layout == NULL)
    layout = preference ("layout");
  export->coordinator_notes = g_variant_dict_contains (options, "coordinator-notes");

  if (layout != NULL && !measures_layout_from_string (layout, &export->layout))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown layout “%s”: choose one-per-page or two-per-page."), layout);
      return FALSE;
    }

  if (export->language != NULL && !g_strv_contains (languages, export->language))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown report language “%s”: choose de, en or fr."), export->language);
      return FALSE;
    }

  if (paper != NULL && !measures_paper_from_string (paper, &export->paper))
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   _("Unknown paper size “%s”: choose a4 or letter."), paper);
      return FALSE;
    }

  return TRUE;
}

static gboolean
write_report (MeasuresReport       *report,
              const char           *path,
              const ExportOptions  *export,
              GError              **error)
{
  g_autoptr(GSettingsSchema) schema = NULL;

  measures_report_set_language (report, export->language);
  measures_report_set_author (report, report_author ());
  measures_report_set_layout (report, export->layout);
  measures_report_set_coordinator_notes (report, export->coordinator_notes);

  /* The city's logo and colour, as the preferences have them; a logo that
   * cannot be read leaves the neutral look, with a warning. */
  schema = g_settings_schema_source_lookup (g_settings_schema_source_get_default (), APP_ID, TRUE);
  if (schema != NULL && g_settings_schema_has_key (schema, "logo") &&
      g_settings_schema_has_key (schema, "house-color"))
    {
      g_autoptr(GSettings) settings = g_settings_new (APP_ID);
      g_autofree char *logo = g_settings_get_string (settings, "logo");
      g_autofree char *color = g_settings_get_string (settings, "house-color");
      g_autoptr(GError) logo_error = NULL;

      measures_report_set_house_color (report, color);
      if (!measures_report_set_logo (report, logo, &logo_error))
        g_printerr ("%s\n", logo_error->message);
    }

  return measures_report_write_pdf (report, path, export->paper, error);
}

static int
export_pdf (MeasuresApplication *self,
            GVariantDict        *options,
            const char          *path)
{
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(MeasuresReport) report = NULL;
  g_autoptr(GError) error = NULL;
  ExportOptions export;
  const char *office = NULL;
  gint64 measure = 0;
  int goal = 0;
  const char *interval_text = NULL;
  guint64 interval = 0;
  gboolean monitoring;
  guint chosen;

  g_variant_dict_lookup (options, "office", "&s", &office);
  g_variant_dict_lookup (options, "goal", "i", &goal);
  g_variant_dict_lookup (options, "measure", "x", &measure);
  g_variant_dict_lookup (options, "report-interval", "&s", &interval_text);
  monitoring = g_variant_dict_contains (options, "monitoring");
  chosen = (office != NULL) + g_variant_dict_contains (options, "goal") +
           g_variant_dict_contains (options, "measure") +
           g_variant_dict_contains (options, "overview");

  /* The monitoring report is narrowed by a goal, an office, or both. */
  if (monitoring && (g_variant_dict_contains (options, "measure") ||
                     g_variant_dict_contains (options, "overview")))
    return fail (_("--monitoring covers the whole strategy, a goal (--goal) or an office "
                   "(--office): it cannot be combined with --measure or --overview."));
  if (!monitoring && chosen > 1)
    return fail (_("Choose one of --office, --goal, --measure and --overview."));
  if (g_variant_dict_contains (options, "report-interval") && !monitoring)
    return fail (_("--report-interval goes with --monitoring."));
  if (interval_text != NULL &&
      !g_ascii_string_to_unsigned (interval_text, 10, 1, 120, &interval, NULL))
    return fail (_("The report interval is a number of months from 1 to 120."));
  if (monitoring && g_variant_dict_contains (options, "goal") && goal < 1)
    return fail (_("Goals are numbered from 1."));
  if (!read_export_options (options, &export, &error))
    return fail (error->message);
  if (!(store = _measures_application_open_store (self, &error)) ||
      (office != NULL && !(office = resolve_office (store, office, &error))))
    return fail (error->message);

  if (g_variant_dict_contains (options, "measure"))
    {
      g_autoptr(MeasuresMeasure) found = measure > 0 ? measures_store_get_measure (store, measure,
                                                                                   NULL)
                                                     : NULL;

      if (found == NULL)
        {
          g_autofree char *number = g_strdup_printf ("%" G_GINT64_FORMAT, measure);
          g_autofree char *message = NULL;

          /* Translators: %s is the id given with --measure */
          message = g_strdup_printf (_("There is no measure %s: --dump-json lists the measures "
                                       "with their ids."), number);
          return fail (message);
        }
    }

  if (monitoring)
    {
      report = measures_report_new_monitoring (store, MAX (goal, 0), office, &error);
      if (report != NULL && interval > 0)
        measures_report_set_report_interval (report, interval);
    }
  else if (office != NULL)
    report = measures_report_new_office (store, office, &error);
  else if (g_variant_dict_contains (options, "goal"))
    report = goal > 0 ? measures_report_new_goal (store, goal, &error) : NULL;
  else if (g_variant_dict_contains (options, "measure"))
    report = measures_report_new_measure (store, measure, &error);
  else if (g_variant_dict_contains (options, "overview"))
    report = measures_report_new_overview (store, &error);
  else
    report = measures_report_new_strategy (store, &error);

  if (report == NULL)
    {
      if (error == NULL)
        return fail (_("Goals are numbered from 1."));
      return fail (error->message);
    }

  if (!write_report (report, path, &export, &error))
    return fail (error->message);

  return EXIT_SUCCESS;
}

/* The measures as a spreadsheet: all of them, a goal's or an office's. */
static int
export_xlsx (MeasuresApplication *self,
             GVariantDict        *options,
             const char          *path)
{
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(GArray) ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  g_autoptr(GError) error = NULL;
  const char *office = NULL;
  ExportOptions export;
  int goal = 0;

  g_variant_dict_lookup (options, "office", "&s", &office);
  g_variant_dict_lookup (options, "goal", "i", &goal);

  if (office != NULL && g_variant_dict_contains (options, "goal"))
    return fail (_("Choose one of --office and --goal."));
  if (g_variant_dict_contains (options, "goal") && goal < 1)
    return fail (_("Goals are numbered from 1."));
  if (!read_export_options (options, &export, &error))
    return fail (error->message);
  if (!(store = _measures_application_open_store (self, &error)) ||
      (office != NULL && !(office = resolve_office (store, office, &error))) ||
      !(measures = measures_store_list_measures (store, &error)))
    return fail (error->message);

  for (guint i = 0; i < g_list_model_get_n_items (measures); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (measures, i);
      gint64 id = measures_measure_get_id (measure);

      if ((goal > 0 && measures_measure_get_goal (measure) != (guint)goal) ||
          (office != NULL && !measures_measure_has_office (measure, office, MEASURES_ROLE_LEAD) &&
           !measures_measure_has_office (measure, office, MEASURES_ROLE_INVOLVED)))
        continue;
      g_array_append_val (ids, id);
    }

  if (office != NULL && ids->len == 0)
    {
      g_autofree char *message = g_strdup_printf (_("No measure is led by or involves “%s”."),
                                                  office);
      return fail (message);
    }

  if (!measures_spreadsheet_export (store, (const gint64 *)(gpointer)ids->data, ids->len,
                                    export.language, path, &error))
    return fail (error->message);

  return EXIT_SUCCESS;
}

static int
export_office_sheets (MeasuresApplication *self,
                      GVariantDict        *options,
                      const char          *folder)
{
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *display = g_filename_display_name (folder);
  ExportOptions export;
  guint n;

  if (!read_export_options (options, &export, &error))
    return fail (error->message);
  if (!(store = _measures_application_open_store (self, &error)) ||
      !measures_report_export_office_sheets (store, folder, export.language, export.paper,
                                             export.layout, report_author (), &n, &error))
    return fail (error->message);

  g_print (ngettext ("Wrote the sheets of %u office into %s\n",
                     "Wrote the sheets of %u offices into %s\n", n),
           n, display);
  return EXIT_SUCCESS;
}

int
_measures_application_handle_local_options (GApplication *app,
                                           GVariantDict *options)
{
  MeasuresApplication *self = MEASURES_APPLICATION (app);
  const char *path;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("%s %s\n", PACKAGE_NAME, PACKAGE_VERSION);
      return EXIT_SUCCESS;
    }

  if (g_variant_dict_lookup (options, "database", "^&ay", &path))
    {
      g_autofree char *default_path = measures_store_get_default_path ();

      g_free (self->database_path);
      /* A server's address is taken as it is; a file's path made absolute. */
      self->database_path = measures_store_is_server_address (path)
                            ? g_strdup (path)
                            : g_canonicalize_filename (path, NULL);

      /* A window on another database is another instance: do not hand the
       * request to a running window that shows a different file. But a
       * window that shows this file is presented, rather than a second
       * one opened on the same measures. */
      if (!g_str_equal (self->database_path, default_path))
        {
          gboolean exporting = g_variant_dict_contains (options, "dump-json") ||
                               g_variant_dict_contains (options, "import-json") ||
                               g_variant_dict_contains (options, "export-pdf") ||
                               g_variant_dict_contains (options, "export-xlsx") ||
                               g_variant_dict_contains (options, "export-office-sheets") ||
                               g_variant_dict_contains (options, "setup-database");

          if (!exporting && measures_instance_present_other (self->database_path))
            return EXIT_SUCCESS;
          g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
        }
    }

  /* Options of an export, without one: a window would open and ignore
   * them, which says nothing. */
  if (!g_variant_dict_contains (options, "export-pdf") &&
      !g_variant_dict_contains (options, "export-xlsx") &&
      !g_variant_dict_contains (options, "export-office-sheets"))
    {
      static const char * const export_options[] = {
        "office", "goal", "measure", "overview", "monitoring", "report-interval",
        "report-language", "paper", "layout", "coordinator-notes",
      };

      for (guint i = 0; i < G_N_ELEMENTS (export_options); i++)
        if (g_variant_dict_contains (options, export_options[i]))
          {
            g_autofree char *message = NULL;

            /* Translators: %s is an option such as "--office" */
            message = g_strdup_printf (_("--%s goes with --export-pdf, --export-xlsx or "
                                         "--export-office-sheets."), export_options[i]);
            return fail (message);
          }
    }

  if (g_variant_dict_contains (options, "setup-database"))
    return setup_database (self);

  if (g_variant_dict_contains (options, "dump-json"))
    return dump_json (self);

  if (g_variant_dict_lookup (options, "import-json", "^&ay", &path))
    return import_json (self, path);

  if (g_variant_dict_lookup (options, "export-pdf", "^&ay", &path))
    return export_pdf (self, options, path);

  if (g_variant_dict_lookup (options, "export-xlsx", "^&ay", &path))
    return export_xlsx (self, options, path);

  if (g_variant_dict_lookup (options, "export-office-sheets", "^&ay", &path))
    return export_office_sheets (self, options, path);

  return -1;
}
