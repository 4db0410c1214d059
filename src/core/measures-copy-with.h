/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

gpointer measures_copy_with_valist (GObject     *object,
                                    GParamSpec **pspecs,
                                    guint        n_pspecs,
                                    const char  *first_property,
                                    va_list      args);

G_END_DECLS
