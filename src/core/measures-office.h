/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_OFFICE (measures_office_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresOffice, measures_office, MEASURES, OFFICE, GObject)

MeasuresOffice *measures_office_new              (gint64          id,
                                                  const char     *abbreviation,
                                                  const char     *name,
                                                  guint           n_lead,
                                                  guint           n_involved);
const char     *measures_office_get_abbreviation (MeasuresOffice *self);
const char     *measures_office_get_name         (MeasuresOffice *self);
guint           measures_office_get_n_lead       (MeasuresOffice *self);
guint           measures_office_get_n_involved   (MeasuresOffice *self);

G_END_DECLS
