/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "measures-store.h"

G_BEGIN_DECLS

#define MEASURES_IMPORT_ERROR (measures_import_error_quark ())

/**
 * MeasuresImportError:
 * @MEASURES_IMPORT_ERROR_PARSE: the file is not JSON
 * @MEASURES_IMPORT_ERROR_INVALID: the JSON does not describe a strategy
 */
typedef enum {
  MEASURES_IMPORT_ERROR_PARSE,
  MEASURES_IMPORT_ERROR_INVALID,
} MeasuresImportError;

GQuark   measures_import_error_quark  (void);

gboolean measures_import_strategy     (MeasuresStore  *store,
                                       GBytes         *json,
                                       const char     *source_name,
                                       GError        **error);
gboolean measures_import_default      (MeasuresStore  *store,
                                       GError        **error);
gboolean measures_import_ensure_data  (MeasuresStore  *store,
                                       GError        **error);

G_END_DECLS
