/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "measures-change.h"

G_BEGIN_DECLS

GtkWidget *measures_change_row_new (MeasuresChange *change);

G_END_DECLS
