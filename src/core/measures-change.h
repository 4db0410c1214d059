/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_CHANGE (measures_change_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresChange, measures_change, MEASURES, CHANGE, GObject)

MeasuresChange *measures_change_new            (gint64          id,
                                                gint64          measure_id,
                                                const char     *date,
                                                const char     *author,
                                                const char     *field,
                                                const char     *old_value,
                                                const char     *new_value);
gint64          measures_change_get_id         (MeasuresChange *self);
const char     *measures_change_get_date       (MeasuresChange *self);
const char     *measures_change_get_author     (MeasuresChange *self);
const char     *measures_change_get_field      (MeasuresChange *self);
const char     *measures_change_get_old_value  (MeasuresChange *self);
const char     *measures_change_get_new_value  (MeasuresChange *self);
const char     *measures_change_get_field_label (MeasuresChange *self);
const char     *measures_field_get_label        (const char     *field);

G_END_DECLS
