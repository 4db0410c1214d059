/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "measures-office.h"
#include "measures-store.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_OFFICE_VIEW (measures_office_view_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresOfficeView, measures_office_view, MEASURES, OFFICE_VIEW, AdwBin)

void measures_office_view_set_office (MeasuresOfficeView *self,
                                      MeasuresOffice     *office,
                                      MeasuresStore      *store);

G_END_DECLS
