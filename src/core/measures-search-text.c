/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-search"

#include "config.h"

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
