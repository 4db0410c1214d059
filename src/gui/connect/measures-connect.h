/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "measures-store.h"

G_BEGIN_DECLS

void           measures_connect_async  (const char           *address,
                                        GtkWindow            *parent,
                                        GCancellable         *cancellable,
                                        GAsyncReadyCallback   callback,
                                        gpointer              user_data);
MeasuresStore *measures_connect_finish (GAsyncResult         *result,
                                        GError              **error);

G_END_DECLS
