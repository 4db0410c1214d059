/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "measures-store.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_PG_STORE (measures_pg_store_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresPgStore, measures_pg_store, MEASURES, PG_STORE, MeasuresStore)

MeasuresStore *measures_pg_store_open               (const char  *conninfo,
                                                     const char  *password,
                                                     GError     **error);
int            measures_pg_store_get_schema_version (void);
int            measures_pg_store_get_found_version  (MeasuresPgStore  *self);
guint64        measures_pg_store_get_round_trips    (MeasuresPgStore  *self);
gboolean       measures_pg_store_setup_roles        (MeasuresPgStore  *self,
                                                     GStrv            *roles,
                                                     GError          **error);

G_END_DECLS
