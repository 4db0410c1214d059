/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define MEASURES_SERVER_ADDRESS_ERROR (measures_server_address_error_quark ())

/**
 * MeasuresServerAddressError:
 * @MEASURES_SERVER_ADDRESS_ERROR_INVALID: libpq cannot read the address
 * @MEASURES_SERVER_ADDRESS_ERROR_PASSWORD: the address holds a password,
 *   which is asked for separately and never kept in the settings
 * @MEASURES_SERVER_ADDRESS_ERROR_UNSUPPORTED: this build cannot open a
 *   server at all
 */
typedef enum {
  MEASURES_SERVER_ADDRESS_ERROR_INVALID,
  MEASURES_SERVER_ADDRESS_ERROR_PASSWORD,
  MEASURES_SERVER_ADDRESS_ERROR_UNSUPPORTED,
} MeasuresServerAddressError;

GQuark   measures_server_address_error_quark (void);
char    *measures_server_address_check       (const char  *text,
                                              GError     **error);
char    *measures_server_address_dup_key     (const char  *address);
void     measures_server_address_describe    (const char  *address,
                                              char       **database,
                                              char       **server,
                                              char       **user);

G_END_DECLS
