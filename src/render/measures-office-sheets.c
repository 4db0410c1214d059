/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-report"

#include "config.h"

#include <string.h>

#include <errno.h>
#include <glib/gstdio.h>

#include "measures-i18n.h"
#include "measures-report.h"

/**
 * measures_report_safe_file_name:
 * @name: an office's abbreviation or a title
 *
 * Returns: (transfer full): @name as a file name every file system takes:
 *   ASCII letters, digits, "-" and "_" only; German letters spelled out
 *   ("ä" as "ae", "ß" as "ss"), others without their accents; at most 60
 *   characters
 */
char *
measures_report_safe_file_name (const char *name)
{
  g_autoptr(GString) spelled = g_string_new (name);
  g_autofree char *ascii = NULL;
  GString *safe = g_string_new (NULL);
  /* As German writes them without the letters: "Städtisches" is
   * "Staedtisches", not "Stadtisches". */
  static const char * const letters[][2] = {
    { "ä", "ae" }, { "ö", "oe" }, { "ü", "ue" }, { "Ä", "Ae" }, { "Ö", "Oe" }, { "Ü", "Ue" },
    { "ß", "ss" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (letters); i++)
    g_string_replace (spelled, letters[i][0], letters[i][1], 0);
  ascii = g_str_to_ascii (spelled->str, "C");

  for (const char *p = ascii; *p; p++)
    {
      if (g_ascii_isalnum (*p) || *p == '-')
        g_string_append_c (safe, *p);
      else if (safe->len > 0 && safe->str[safe->len - 1] != '_')
        g_string_append_c (safe, '_');
    }

  /* A dash between words ("2020 – 2030") is a gap like the spaces. */
  g_string_replace (safe, "_-_", "_", 0);

  /* A title makes a long name: its first words. */
  if (safe->len > 60)
    {
      g_string_truncate (safe, 60);
      if (strrchr (safe->str, '_') != NULL && strrchr (safe->str, '_') - safe->str > 20)
        g_string_truncate (safe, strrchr (safe->str, '_') - safe->str);
    }
  while (safe->len > 0 && safe->str[safe->len - 1] == '_')
    g_string_truncate (safe, safe->len - 1);
  if (safe->len == 0)
    g_string_append (safe, "report");

  return g_string_free (safe, FALSE);
}

/**
 * measures_report_list_offices:
 *
 * Returns: (transfer full) (element-type utf8): the abbreviations of the
 *   offices that lead or take part in at least one measure, or %NULL with
 *   @error set
 */
GPtrArray *
measures_report_list_offices (MeasuresStore  *store,
                              GError        **error)
{
  g_autoptr(GListModel) offices = measures_store_list_offices (store, error);
  GPtrArray *names;

  if (offices == NULL)
    return NULL;

  names = g_ptr_array_new_with_free_func (g_free);
  for (guint i = 0; i < g_list_model_get_n_items (offices); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);

      if (measures_office_get_n_lead (office) + measures_office_get_n_involved (office) > 0)
        g_ptr_array_add (names, g_strdup (measures_office_get_abbreviation (office)));
    }

  return names;
}

/**
 * measures_report_export_office_sheets:
 * @folder: where to write; created when missing
 * @language: (nullable): the reports' language, or %NULL for the
 *   interface's
 * @layout: one sheet per portrait page, or two side by side on a
 *   landscape page
 * @author: (nullable): who is named as the PDFs' author
 * @n_written: (out) (optional): how many files were written
 *
 * Writes the measure sheets of every office that leads or takes part in a
 * measure, one PDF each, named after the office's abbreviation.
 *
 * Returns: %FALSE with @error set if a file could not be written
 */
gboolean
measures_report_export_office_sheets (MeasuresStore  *store,
                                      const char     *folder,
                                      const char     *language,
                                      MeasuresPaper   paper,
                                      MeasuresLayout  layout,
                                      const char     *author,
                                      guint          *n_written,
                                      GError        **error)
{
  g_autoptr(GPtrArray) offices = NULL;
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_return_val_if_fail (MEASURES_IS_STORE (store), FALSE);
  g_return_val_if_fail (folder != NULL, FALSE);

  if (n_written)
    *n_written = 0;

  offices = measures_report_list_offices (store, error);
  if (offices == NULL)
    return FALSE;

  if (g_mkdir_with_parents (folder, 0755) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (folder);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not create the folder “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }

  for (guint i = 0; i < offices->len; i++)
    {
      const char *abbreviation = g_ptr_array_index (offices, i);
      g_autoptr(MeasuresReport) report = measures_report_new_office (store, abbreviation, error);
      g_autofree char *stem = measures_report_safe_file_name (abbreviation);
      g_autofree char *name = g_strconcat (stem, ".pdf", NULL);
      g_autofree char *path = NULL;

      if (report == NULL)
        return FALSE;

      /* "RP" and "RP Karlsruhe" must not end up in one file. */
      for (guint n = 2; g_hash_table_contains (names, name); n++)
        {
          g_free (name);
          name = g_strdup_printf ("%s-%u.pdf", stem, n);
        }
      g_hash_table_add (names, g_strdup (name));

      path = g_build_filename (folder, name, NULL);
      measures_report_set_language (report, language);
      measures_report_set_layout (report, layout);
      if (author != NULL)
        measures_report_set_author (report, author);
      if (!measures_report_write_pdf (report, path, paper, error))
        return FALSE;

      if (n_written)
        (*n_written)++;
    }

  return TRUE;
}
