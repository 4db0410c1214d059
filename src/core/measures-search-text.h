/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char     *measures_search_text_fold      (const char *text);
GStrv     measures_search_text_words     (const char *text);
char     *measures_search_text_key       (const char *text);
gboolean  measures_search_text_matches   (const char *text,
                                          const char *query);
char     *measures_search_text_highlight (const char *text,
                                          const char *query,
                                          gboolean   *matched);
char     *measures_search_text_snippet   (const char *text,
                                          const char *query,
                                          guint       before);

G_END_DECLS
