/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib/gi18n.h>

G_BEGIN_DECLS

const char *measures_pgettext (const char *context,
                               const char *msgid);

/* GLib's C_() decides once per process whether to translate at all, from
 * the language the program started in; ours follows every switch of the
 * interface or report language. */
#undef C_
#define C_(Context, String) measures_pgettext (Context, String)

G_END_DECLS
