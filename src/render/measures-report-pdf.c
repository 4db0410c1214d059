/* SPDX-License-Identifier: GPL-3.0-or-later */
#define _GNU_SOURCE  /* memmem */
#define G_LOG_DOMAIN "measures-report"

#include "config.h"

#include <cairo-pdf.h>
#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pango/pangocairo.h>
#include <unistd.h>

#include "measures-i18n.h"
#include "measures-format.h"
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

/* The language of the report's labels: the one asked for, or the
 * interface's. */
static const char *
report_language (MeasuresReport *self)
{
  static const char * const known[] = { "de", "en", "fr" };
  const char * const *names = g_get_language_names ();

  if (self->language != NULL)
    return g_intern_string (self->language);
  for (guint i = 0; names[i] != NULL; i++)
    for (guint j = 0; j < G_N_ELEMENTS (known); j++)
      if (g_str_has_prefix (names[i], known[j]))
        return known[j];

  return "en";
}

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

/* Accessibility cairo 1.16 cannot write ------------------------------------ */

/* A PDF text string: UTF-16BE with its byte order mark, in hex. */
static void
append_text_string (GString    *out,
                    const char *utf8)
{
  g_autofree gunichar2 *utf16 = g_utf8_to_utf16 (utf8, -1, NULL, NULL, NULL);

  g_string_append (out, "<FEFF");
  for (guint i = 0; utf16 != NULL && utf16[i] != 0; i++)
    g_string_append_printf (out, "%04X", utf16[i]);
  g_string_append_c (out, '>');
}

typedef struct
{
  guint number;
  gsize start;   /* the dictionary's "<<" */
  gsize end;     /* its closing ">>" */
} PdfObject;

static int
compare_objects (gconstpointer a,
                 gconstpointer b)
{
  guint x = ((const PdfObject *)a)->number, y = ((const PdfObject *)b)->number;

  return x < y ? -1 : x > y;
}

/* Where object @number's dictionary is: cairo writes each object as
 * "N 0 obj\n<< … >>\nendobj", uncompressed. */
static gboolean
find_object (const char *data,
             gsize       length,
             gsize       from,
             guint       number,
             PdfObject  *object)
{
  g_autofree char *header = g_strdup_printf ("\n%u 0 obj", number);
  /* Streams hold any byte, NUL too: memmem, not the string functions. */
  const char *at = memmem (data + from, length - from, header, strlen (header));
  const char *open, *end;

  if (at == NULL || (end = memmem (at, data + length - at, "endobj", 6)) == NULL ||
      (open = memmem (at, end - at, "<<", 2)) == NULL)
    return FALSE;
  while (end > open && *end != '>')
    end--;
  object->number = number;
  object->start = open - data;
  object->end = end - 1 - data;

  return object->start < object->end;
}

static void
append_object (GString         *out,
               GArray          *offsets,
               const char      *data,
               const PdfObject *object,
               const char      *addition)
{
  PdfObject placed = { object->number, out->len, 0 };

  g_array_append_val (offsets, placed);
  g_string_append_printf (out, "%u 0 obj\n", object->number);
  g_string_append_len (out, data + object->start, object->end - object->start);
  g_string_append_printf (out, "%s\n>>\nendobj\n", addition);
}

typedef struct
{
  guint block;
  guint position;
  char *reference;
} Kid;

static int
compare_kids (gconstpointer a,
              gconstpointer b)
{
  const Kid *x = a, *y = b;

  if (x->block != y->block)
    return x->block < y->block ? -1 : 1;
  return x->position < y->position ? -1 : x->position > y->position;
}

/* Two sheets side by side that both run on are drawn page by page: the
 * left one's start, the right one's start, the left one's rest, the right
 * one's rest. The Document's children are put back in the order of the
 * blocks, so that a screen reader reads each sheet through. */
static void
append_reading_order (MeasuresReport  *self,
                      GString         *out,
                      GArray          *offsets,
                      const char      *data,
                      const PdfObject *document)
{
  g_autofree char *dict = g_strndup (data + document->start, document->end - document->start);
  g_autoptr(GRegex) reference = g_regex_new ("\\d+ 0 R", 0, 0, NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autoptr(GArray) kids = g_array_new (FALSE, FALSE, sizeof (Kid));
  g_autoptr(GString) sorted = g_string_new ("[");
  g_autofree char *kids_text = NULL;
  char *open, *close;
  gboolean moved = FALSE;
  guint n = 0;

  if ((open = strstr (dict, "/K [")) == NULL || (close = strchr (open, ']')) == NULL)
    return;
  kids_text = g_strndup (open + 4, close - open - 4);

  g_regex_match (reference, kids_text, 0, &match);
  for (guint i = 0; i < self->struct_elems->len; i++)
    {
      StructElem *elem = &g_array_index (self->struct_elems, StructElem, i);
      Kid kid = { elem->block, n };

      if (!elem->top)
        continue;
      if (!g_match_info_matches (match))
        return;
      kid.reference = g_match_info_fetch (match, 0);
      g_array_append_val (kids, kid);
      g_match_info_next (match, NULL);
      n++;
    }
  if (g_match_info_matches (match))
    {
      for (guint i = 0; i < kids->len; i++)
        g_free (g_array_index (kids, Kid, i).reference);
      return;
    }

  g_array_sort (kids, compare_kids);
  for (guint i = 0; i < kids->len; i++)
    {
      Kid *kid = &g_array_index (kids, Kid, i);

      moved |= kid->position != i;
      g_string_append_printf (sorted, " %s", kid->reference);
      g_free (kid->reference);
    }
  g_string_append (sorted, " ]");

  if (moved)
    {
      PdfObject placed = { document->number, out->len, 0 };

      g_array_append_val (offsets, placed);
      g_string_append_printf (out, "%u 0 obj\n", document->number);
      g_string_append_len (out, dict, open - dict);
      g_string_append_printf (out, "/K %s%s\n>>\nendobj\n", sorted->str, close + 1);
    }
}

/*
 * _measures_report_finish_pdf:
 * @path: the PDF cairo has just written
 *
 * Adds what cairo 1.16 has no API for, as an incremental update at the
 * end of the file: the document's language (/Lang), that viewers show the
 * title rather than the file name (/DisplayDocTitle), the alternative
 * texts of the figures and the language of the labels. Running headers
 * and footers stay unmarked content outside the structure tree: cairo
 * 1.16 refuses the "Artifact" tag.
 */
gboolean
_measures_report_finish_pdf (MeasuresReport  *self,
                             const char      *path,
                             GError         **error)
{
  g_autofree char *data = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GArray) objects = g_array_new (FALSE, FALSE, sizeof (PdfObject));
  g_autoptr(GArray) offsets = g_array_new (FALSE, FALSE, sizeof (PdfObject));
  g_autoptr(GRegex) trailer = g_regex_new ("trailer\\s*<<\\s*/Size (\\d+)\\s*/Root (\\d+) 0 R"
                                           "\\s*/Info (\\d+) 0 R\\s*>>\\s*startxref\\s*(\\d+)",
                                           G_REGEX_RAW, 0, NULL);
  g_autoptr(GRegex) elem = g_regex_new ("\\n(\\d+) 0 obj\\s*<<\\s*/Type /StructElem", G_REGEX_RAW, 0,
                                        NULL);
  g_autoptr(GMatchInfo) match = NULL;
  g_autofree char *catalog_addition = NULL;
  g_autofree char *size = NULL, *root = NULL, *info = NULL, *previous = NULL;
  PdfObject catalog;
  gsize length;
  gsize xref;
  FILE *file;

  if (!g_file_get_contents (path, &data, &length, error))
    return FALSE;

  if (!g_regex_match_full (trailer, data, length, 0, 0, &match, NULL))
    return TRUE;  /* not cairo's layout: leave the file as it is */
  size = g_match_info_fetch (match, 1);
  root = g_match_info_fetch (match, 2);
  info = g_match_info_fetch (match, 3);
  previous = g_match_info_fetch (match, 4);
  g_clear_pointer (&match, g_match_info_free);

  if (!find_object (data, length, 0, atoi (root), &catalog))
    return TRUE;
  catalog_addition = g_strdup_printf ("\n   /Lang (%s)\n   /ViewerPreferences << /DisplayDocTitle true >>",
                                      CONTENT_LANGUAGE);
  append_object (out, offsets, data, &catalog, catalog_addition);

  /* cairo numbers the structure elements in the order their tags begin,
   * the order they were recorded in; should that ever differ, nothing is
   * added rather than the wrong text to the wrong element. */
  g_regex_match_full (elem, data, length, 0, 0, &match, NULL);
  while (g_match_info_matches (match))
    {
      g_autofree char *number = g_match_info_fetch (match, 1);
      PdfObject object;
      int start;

      g_match_info_fetch_pos (match, 0, &start, NULL);
      if (find_object (data, length, start, atoi (number), &object))
        g_array_append_val (objects, object);
      g_match_info_next (match, NULL);
    }
  g_array_sort (objects, compare_objects);

  if (self->struct_elems != NULL && objects->len > 0 && objects->len == self->struct_elems->len)
    {
      append_reading_order (self, out, offsets, data, &g_array_index (objects, PdfObject, 0));
      for (guint i = 1; i < objects->len; i++)
      {
        StructElem *recorded = &g_array_index (self->struct_elems, StructElem, i);
        g_autoptr(GString) addition = g_string_new (NULL);

        if (recorded->alt != NULL)
          {
            g_string_append (addition, "\n   /Alt ");
            append_text_string (addition, recorded->alt);
          }
        if (recorded->language != NULL)
          g_string_append_printf (addition, "\n   /Lang (%s)", recorded->language);
        if (addition->len > 0)
          append_object (out, offsets, data, &g_array_index (objects, PdfObject, i),
                         addition->str);
      }
    }
  else if (self->struct_elems != NULL)
    g_warning ("The PDF has %u structure elements, %u were tagged: no alternative texts added",
               objects->len, self->struct_elems->len);

  /* The cross-reference section of the update: one subsection for each
   * object, its offset from the file's start. */
  xref = length + out->len;
  g_string_append (out, "xref\n");
  g_array_sort (offsets, compare_objects);
  for (guint i = 0; i < offsets->len; i++)
    {
      PdfObject *object = &g_array_index (offsets, PdfObject, i);

      g_string_append_printf (out, "%u 1\n%010" G_GSIZE_FORMAT " 00000 n \n", object->number,
                              length + object->start);
    }
  g_string_append_printf (out, "trailer\n<< /Size %s\n   /Root %s 0 R\n   /Info %s 0 R\n"
                               "   /Prev %s\n>>\nstartxref\n%" G_GSIZE_FORMAT "\n%%%%EOF\n",
                          size, root, info, previous, xref);

  file = g_fopen (path, "ab");
  if (file == NULL || fwrite (out->str, 1, out->len, file) != out->len || fclose (file) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved_errno), "%s",
                   g_strerror (saved_errno));
      return FALSE;
    }

  return TRUE;
}

static void
struct_elem_clear (StructElem *elem)
{
  g_free (elem->alt);
}

/* The PDF's keywords: the strategy, what the report is of, and its
 * goals or office. */
static char *
keywords (MeasuresReport *self)
{
  g_autoptr(GString) words = g_string_new (self->strategy_title);

  /* Translators: keywords of every report's PDF, separated by commas */
  g_string_append_printf (words, ", %s", _("strategy, measures, measure sheets"));
  if (self->office != NULL)
    g_string_append_printf (words, ", %s", self->office);
  for (guint i = 0; i < g_list_model_get_n_items (self->goals); i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (self->goals, i);

      if (self->goal == 0 || self->goal == measures_goal_get_number (goal))
        g_string_append_printf (words, ", %s", measures_goal_get_title (goal));
    }

  return g_string_free (g_steal_pointer (&words), FALSE);
}

/* What the report is about, in other words than its title. */
static char *
subject (MeasuresReport *self)
{
  if (g_strcmp0 (self->title, self->strategy_title) != 0)
    return g_strdup (self->strategy_title);
  /* Translators: the PDF's subject of the strategy report, %s is its vision */
  return g_strdup_printf (_("Vision, goals and measures: %s"), self->vision_title);
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
  g_autofree char *about = NULL;
  g_autofree char *previous = NULL;
  g_autofree char *words = NULL;
  g_autofree char *creator = NULL;
  g_autoptr(GDateTime) now = g_date_time_new_now_utc ();
  cairo_surface_t *surface;
  cairo_status_t status;
  g_autoptr(GError) finish_error = NULL;
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
  if (self->layout == MEASURES_LAYOUT_TWO_PER_PAGE)
    {
      /* Two sheets side by side: the paper turned to landscape. */
      double portrait_width = width;

      width = height;
      height = portrait_width;
    }
  surface = cairo_pdf_surface_create (temp, width, height);
  cr = cairo_create (surface);

  context = pango_cairo_create_context (cr);
  pango_cairo_context_set_resolution (context, 72);
  measures_report_paginate (self, context, width, height);
  g_object_unref (context);

  creator = g_strdup_printf ("%s %s", _("Measures"), PACKAGE_VERSION);
  created = g_date_time_format (now, "%Y-%m-%dT%H:%M:%SZ");
  /* In the report's language, as its pages are. */
  if (self->language != NULL)
    previous = measures_i18n_switch_language (self->language);
  about = subject (self);
  words = keywords (self);
  if (self->language != NULL)
    g_free (measures_i18n_switch_language (previous));
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_TITLE, self->title);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_AUTHOR, self->author);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_SUBJECT, about);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_KEYWORDS, words);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATOR, creator);
  cairo_pdf_surface_set_metadata (surface, CAIRO_PDF_METADATA_CREATE_DATE, created);

  /* The structure tree is drawn with the pages. */
  g_clear_pointer (&self->struct_elems, g_array_unref);
  self->struct_elems = g_array_new (FALSE, FALSE, sizeof (StructElem));
  g_array_set_clear_func (self->struct_elems, (GDestroyNotify)struct_elem_clear);
  self->label_language = report_language (self);
  if (g_strcmp0 (self->label_language, CONTENT_LANGUAGE) == 0)
    self->label_language = NULL;
  self->tagging = TRUE;
  for (guint i = 0; i < self->pages->len; i++)
    {
      measures_report_draw_page (self, cr, i);
      cairo_show_page (cr);
    }
  self->tagging = FALSE;
  add_outline (self, surface);

  cairo_destroy (cr);
  cairo_surface_finish (surface);
  status = cairo_surface_status (surface);
  cairo_surface_destroy (surface);

  if (status == CAIRO_STATUS_SUCCESS && !_measures_report_finish_pdf (self, temp, &finish_error))
    {
      g_unlink (temp);
      g_propagate_prefixed_error (error, g_steal_pointer (&finish_error), _("Could not write “%s”: "),
                                  path);
      return FALSE;
    }

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

  /* Named in the interface's language, after what it holds. */
  switch (self->kind)
    {
    case REPORT_OFFICE:
      stem = measures_report_safe_file_name (self->office);
      break;
    case REPORT_GOAL:
      {
        g_autofree char *goal = g_strdup_printf (_("Goal %u"), self->goal);

        stem = measures_report_safe_file_name (goal);
      }
      break;
    case REPORT_MEASURE:
      stem = measures_report_safe_file_name (
        self->measures->len > 0
        ? measures_measure_get_title (g_ptr_array_index (self->measures, 0))
        : _("Measure"));
      break;
    case REPORT_OVERVIEW:
      stem = measures_report_safe_file_name (_("Overview of the Measures"));
      break;
    case REPORT_MONITORING:
      {
        g_autofree char *report = measures_report_safe_file_name (_("Monitoring Report"));
        g_autofree char *goal = g_strdup_printf (_("Goal %u"), self->goal);
        g_autofree char *scope = measures_report_safe_file_name (self->office != NULL
                                                                 ? self->office : goal);

        stem = self->office != NULL || self->goal != 0
               ? g_strdup_printf ("%s_%s", report, scope)
               : g_steal_pointer (&report);
      }
      break;
    case REPORT_STRATEGY:
    default:
      stem = measures_report_safe_file_name (self->strategy_title ? self->strategy_title
                                                                  : _("Strategy"));
      break;
    }

  return g_strconcat (stem, ".pdf", NULL);
}
