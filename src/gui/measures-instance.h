/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_INSTANCE (measures_instance_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresInstance, measures_instance, MEASURES, INSTANCE, GObject)

gboolean          measures_instance_present_other (const char *database);
MeasuresInstance *measures_instance_new           (const char *database);

G_END_DECLS
