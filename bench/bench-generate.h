/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-store.h"

G_BEGIN_DECLS

gboolean bench_generate_store (const char  *path,
                               guint        n_measures,
                               GError     **error);

G_END_DECLS
