/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-store.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_SQLITE_STORE (measures_sqlite_store_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresSqliteStore, measures_sqlite_store, MEASURES, SQLITE_STORE,
                      MeasuresStore)

MeasuresStore *measures_sqlite_store_open               (const char  *path,
                                                         GError     **error);
int            measures_sqlite_store_get_schema_version (void);
gboolean       measures_sqlite_store_get_network_mode   (MeasuresSqliteStore *self);

G_END_DECLS
