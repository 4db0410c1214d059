/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "measures-i18n.h"
#include "measures-report-private.h"

/* Paper ------------------------------------------------------------------ */

/**
 * measures_paper_from_string:
 * @name: "a4" or "letter"
 * @paper: (out): the paper
 *
 * Returns: %TRUE if @name names a paper size
 */
gboolean
measures_paper_from_string (const char    *name,
                            MeasuresPaper *paper)
{
  g_return_val_if_fail (paper != NULL, FALSE);

  if (g_strcmp0 (name, "a4") == 0 || g_strcmp0 (name, "A4") == 0)
    *paper = MEASURES_PAPER_A4;
  else if (g_ascii_strcasecmp (name ? name : "", "letter") == 0)
    *paper = MEASURES_PAPER_LETTER;
  else
    return FALSE;

  return TRUE;
}

/**
 * measures_paper_get_size:
 * @width: (out): the width in points
 * @height: (out): the height in points
 */
void
measures_paper_get_size (MeasuresPaper  paper,
                         double        *width,
                         double        *height)
{
  if (paper == MEASURES_PAPER_LETTER)
    {
      *width = 612.0;
      *height = 792.0;
    }
  else
    {
      *width = 595.2756;
      *height = 841.8898;
    }
}

/* PDF ------------------------------------------------------------------- */

/* The PDF's bookmarks: goals, then their measures beneath them. */
static void
add_outline (MeasuresReport  *self,
             cairo_surface_t *surface)
{
  int parent = CAIRO_PDF_OUTLINE_ROOT;

  for (guint i = 0; i < self->blocks->len; i++)
    {
      Block *block = &g_array_index (self->blocks, Block, i);
      g_autofree char *link = NULL;
      int id;

      if (block->outline_level == 0)
        continue;

      link = g_strdup_printf ("page=%u pos=[%g %g]", g_array_index (self->block_pages, guint, i) + 1,
                              MARGIN_SIDE, MAX (0, g_array_index (self->block_y, double, i) - 12));
      id = cairo_pdf_surface_add_outline (surface,
                                          block->outline_level == 1 ? CAIRO_PDF_OUTLINE_ROOT
                                                                    : parent,
                                          block->outline_title, link, 0);
      if (block->outline_level == 1)
        parent = id;
    }
}

/**
 * measures_report_write_pdf:
 * @path: the PDF file to write; it is replaced only once the new one is
 *   complete
 * @paper: the paper size
 *
 * Writes the report as a PDF with embedded fonts, metadata and bookmarks.
 *
 * Returns: %FALSE with @error set if the file could not be written
 */
gboolean
measures_report_write_pdf (MeasuresReport  *self,
                           const char      *path,
                           MeasuresPaper    paper,
                           GError         **error)
{
  g_autofree char *folder = NULL;
  g_autofree char *base = NULL;
  g_autofree char *temp = NULL;
  g_autofree char *created = NULL;
  g_autofree char *subject = NULL;
  g_autofree char *creator = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  cairo_surface_t *surface;
  cairo_status_t status;
  PangoContext *context;
  cairo_t *cr;
  double width, height;
  int fd;

  g_return_val_if_fail (MEASURES_IS_REPORT (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);

  /* Write beside the target, then rename: never half a file at @path. */
  folder = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  temp = g_strdup_printf ("%s/.%s-XXXXXX", folder, base);
  fd = g_mkstemp_full (temp, O_RDWR, 0644);
  if (fd < 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno),
                   _("Could not write “%s”: %s"), display, g_strerror (saved_errno));
      return FALSE;
    }
  close (fd);

  measures_paper_get_size (paper, &width, &height);
  surface = cairo_pdf_surface_create (temp, width, height);
  cr = cairo_create (surface);

  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  measures_report_paginate (self, context, width, height);
  g_object_unref (context);

  creator = g_strdup_printf ("%s %s", _("Measures"), PACKAGE_VERSION);
  created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  subject = g_strdup_printf ("%s — %s", self->strategy_title, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, subject);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  for (guint i = 0; i < self->pages->len; i++)
    {
      measures_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  add_outline (self, surface);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status != CAIRO_STATUS_SUCCESS || g_rename (temp, path) != 0)
    {
      int saved_errno = errno;
      g_autofree char *display = g_filename_display_name (path);

      g_unlink (temp);
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, _("Could not write “%s”: %s"), display,
                   status != CAIRO_STATUS_SUCCESS ? cairo_status_to_string (status)
                                                  : g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_report_dup_file_name:
 *
 * Returns: (transfer full): a file name for the report's PDF
 */
char *
measures_report_dup_file_name (MeasuresReport *self)
{
  g_autofree char *stem = NULL;

  g_return_val_if_fail (MEASURES_IS_REPORT (self), NULL);

  switch (self->kind)
    {
    case REPORT_OFFICE:
      stem = measures_report_safe_file_name (self->office);
      break;
    case REPORT_GOAL:
      stem = g_strdup_printf ("goal-%u", self->goal);
      break;
    case REPORT_MEASURE:
      stem = g_strdup_printf ("measure-%" G_GINT64_FORMAT, self->measure_id);
      break;
    case REPORT_OVERVIEW:
      stem = g_strdup ("overview");
      break;
    case REPORT_MONITORING:
      if (self->office != NULL)
        {
          g_autofree char *office = measures_report_safe_file_name (self->office);

          stem = g_strdup_printf ("monitoring-%s", office);
        }
      else if (self->goal != 0)
        stem = g_strdup_printf ("monitoring-goal-%u", self->goal);
      else
        stem = g_strdup ("monitoring");
      break;
    case REPORT_STRATEGY:
    default:
      stem = g_strdup ("strategy");
      break;
    }

  return g_strconcat (stem, ".pdf", NULL);
}
