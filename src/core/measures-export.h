/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-store.h"

G_BEGIN_DECLS

char *measures_export_json (MeasuresStore  *store,
                            GError        **error);

G_END_DECLS
