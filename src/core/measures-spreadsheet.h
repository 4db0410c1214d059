/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-store.h"

G_BEGIN_DECLS

gboolean measures_spreadsheet_export (MeasuresStore  *store,
                                      const gint64   *ids,
                                      guint           n_ids,
                                      const char     *language,
                                      const char     *path,
                                      GError        **error);

G_END_DECLS
