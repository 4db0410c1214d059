/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "measures-store.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_CONNECTION_BANNER (measures_connection_banner_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresConnectionBanner, measures_connection_banner, MEASURES,
                      CONNECTION_BANNER, AdwBin)

void        measures_connection_banner_set_store (MeasuresConnectionBanner *self,
                                                  MeasuresStore            *store);
const char *measures_connection_banner_get_text  (MeasuresConnectionBanner *self);

G_END_DECLS
