/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

char  *measures_search_text_fold  (const char *text);
GStrv  measures_search_text_words (const char *text);

G_END_DECLS
