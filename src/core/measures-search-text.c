/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-search"

#include "config.h"

#include <string.h>

#include "measures-search-text.h"

/* What both search engines do to text before their index sees it, so that
 * a search finds the same measures whichever engine holds the strategy. */

/**
 * measures_search_text_fold:
 * @text: (nullable): text to index or to search for
 *
 * Case-folds @text, so that "ß" and "ss" are one ("Straßburg",
 * "strassburg"); the engines' indexes then drop accents.
 *
 * Returns: (transfer full): the folded text
 */
char *
measures_search_text_fold (const char *text)
{
  return g_utf8_casefold (text ? text : "", -1);
}

/**
 * measures_search_text_words:
 * @text: what a user typed
 *
 * Splits a search into the words that must all occur, folded; words of
 * punctuation only are left out, as no index holds them.
 *
 * Returns: (transfer full): the words, maybe none
 */
GStrv
measures_search_text_words (const char *text)
{
  g_autofree char *folded = measures_search_text_fold (text);
  g_auto(GStrv) words = g_strsplit_set (folded, " \t\n\r", -1);
  g_autoptr(GStrvBuilder) found = g_strv_builder_new ();

  for (guint i = 0; words[i] != NULL; i++)
    {
      gboolean has_alnum = FALSE;

      for (const char *p = words[i]; *p; p = g_utf8_next_char (p))
        has_alnum |= g_unichar_isalnum (g_utf8_get_char (p));

      if (has_alnum)
        g_strv_builder_add (found, words[i]);
    }

  return g_strv_builder_end (found);
}

/**
 * measures_search_text_key:
 * @text: (nullable): a name or a search
 *
 * Folds @text as the engines' indexes see it: case-folded, without
 * accents ("Büro", "buro" and "BURO" have one key).
 *
 * Returns: (transfer full): the key
 */
char *
measures_search_text_key (const char *text)
{
  g_autofree char *folded = measures_search_text_fold (text);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_NFD);
  GString *key = g_string_sized_new (strlen (folded));

  for (const char *p = decomposed ? decomposed : ""; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK)
        g_string_append_unichar (key, c);
    }

  return g_string_free (key, FALSE);
}

/**
 * measures_search_text_matches:
 * @text: (nullable): what is searched in, e.g. an office's abbreviation and name
 * @query: (nullable): what a user typed
 *
 * Whether every word of @query occurs somewhere in @text, ignoring case and
 * accents: for short lists searched as the user types ("kultur" finds
 * "Kulturbüro" and "Amt für Kultur").
 *
 * Returns: %TRUE if @text matches, or @query has no words
 */
gboolean
measures_search_text_matches (const char *text,
                              const char *query)
{
  g_autofree char *key = measures_search_text_key (text);
  g_auto(GStrv) words = measures_search_text_words (query);

  for (guint i = 0; words[i] != NULL; i++)
    {
      g_autofree char *word = measures_search_text_key (words[i]);

      if (strstr (key, word) == NULL)
        return FALSE;
    }

  return TRUE;
}

/* Whether a word of the text starts with one of the search's words, as
 * the engines match them. */
static gboolean
word_matches (const char         *start,
              gsize               length,
              const char * const *words)
{
  g_autofree char *word = g_strndup (start, length);
  g_autofree char *key = measures_search_text_key (word);

  for (guint i = 0; words[i] != NULL; i++)
    if (g_str_has_prefix (key, words[i]))
      return TRUE;

  return FALSE;
}

/* The words of a search as the engines match them: keys, and split at
 * punctuation ("50.000" is "50" and "000"). */
static GStrv
match_words (const char *query)
{
  g_auto(GStrv) typed = measures_search_text_words (query);
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();

  for (guint i = 0; typed[i] != NULL; i++)
    {
      g_autofree char *key = measures_search_text_key (typed[i]);
      GString *part = g_string_new (NULL);

      for (const char *q = key;; q = g_utf8_next_char (q))
        {
          gunichar c = g_utf8_get_char (q);

          if (c != 0 && g_unichar_isalnum (c))
            {
              g_string_append_unichar (part, c);
              continue;
            }
          if (part->len > 0)
            g_strv_builder_add (builder, part->str);
          g_string_truncate (part, 0);
          if (c == 0)
            break;
        }
      g_string_free (part, TRUE);
    }

  return g_strv_builder_end (builder);
}

/**
 * measures_search_text_highlight:
 * @text: (nullable): text shown to the user
 * @query: (nullable): what the user searched for
 * @matched: (out) (optional): whether any word was highlighted
 *
 * Marks the words of @text that a search for @query matched, so that a
 * list can show why a measure was found: Pango markup, with @text escaped
 * and each matched word in bold.
 *
 * Returns: (transfer full): Pango markup of @text
 */
char *
measures_search_text_highlight (const char *text,
                                const char *query,
                                gboolean   *matched)
{
  g_auto(GStrv) words = match_words (query);
  GString *markup = g_string_new (NULL);
  const char *p = text ? text : "";
  gboolean any = FALSE;

  while (*p)
    {
      const char *start = p;
      gboolean alnum = g_unichar_isalnum (g_utf8_get_char (p));
      g_autofree char *escaped = NULL;

      while (*p && g_unichar_isalnum (g_utf8_get_char (p)) == alnum)
        p = g_utf8_next_char (p);

      escaped = g_markup_escape_text (start, p - start);
      if (alnum && words[0] != NULL && word_matches (start, p - start, (const char * const *)words))
        {
          g_string_append_printf (markup, "<b>%s</b>", escaped);
          any = TRUE;
        }
      else
        g_string_append (markup, escaped);
    }

  if (matched != NULL)
    *matched = any;
  return g_string_free (markup, FALSE);
}

/**
 * measures_search_text_snippet:
 * @text: (nullable): a long text, e.g. a measure's description
 * @query: (nullable): what the user searched for
 * @before: about how many characters to keep before the first match
 *
 * The part of @text from shortly before the first word a search for
 * @query matched, starting at a word, with "…" where the start was cut.
 *
 * Returns: (transfer full) (nullable): the part, or %NULL if nothing in
 *   @text matched
 */
char *
measures_search_text_snippet (const char *text,
                              const char *query,
                              guint       before)
{
  g_auto(GStrv) words = match_words (query);
  const char *p = text ? text : "";

  if (words[0] == NULL)
    return NULL;

  while (*p)
    {
      const char *start = p;
      gboolean alnum = g_unichar_isalnum (g_utf8_get_char (p));

      while (*p && g_unichar_isalnum (g_utf8_get_char (p)) == alnum)
        p = g_utf8_next_char (p);

      if (alnum && word_matches (start, p - start, (const char * const *)words))
        {
          const char *from = start;
          glong back = g_utf8_pointer_to_offset (text, start);

          if (back <= (glong)before)
            return g_strdup (text);

          /* Back to the start of a word, at most @before characters. */
          from = g_utf8_offset_to_pointer (start, -(glong)before);
          while (from < start && !g_unichar_isspace (g_utf8_get_char (from)))
            from = g_utf8_next_char (from);
          while (from < start && g_unichar_isspace (g_utf8_get_char (from)))
            from = g_utf8_next_char (from);
          return g_strconcat ("…", from, NULL);
        }
    }

  return NULL;
}
