/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_PAGE_BIN (measures_page_bin_get_type ())

G_DECLARE_DERIVABLE_TYPE (MeasuresPageBin, measures_page_bin, MEASURES, PAGE_BIN, AdwBin)

struct _MeasuresPageBinClass
{
  AdwBinClass parent_class;
};

G_END_DECLS
