/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-context.h"
#include "measures-page-bin.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_OFFICES_PAGE (measures_offices_page_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresOfficesPage, measures_offices_page, MEASURES, OFFICES_PAGE,
                      MeasuresPageBin)

void measures_offices_page_set_offices (MeasuresOfficesPage *self,
                                        MeasuresContext     *context,
                                        GListStore          *offices);
const char *measures_offices_page_get_office (MeasuresOfficesPage *self);
void        measures_offices_page_show_office (MeasuresOfficesPage *self,
                                               const char          *abbreviation);

void measures_offices_page_find (MeasuresOfficesPage *self);

G_END_DECLS
