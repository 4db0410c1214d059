/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

#define MEASURES_KEYRING_ERROR (measures_keyring_error_quark ())

/**
 * MeasuresKeyringError:
 * @MEASURES_KEYRING_ERROR_UNAVAILABLE: the keyring cannot be reached, is
 *   locked, or did not answer in time: ask for the password each time
 */
typedef enum {
  MEASURES_KEYRING_ERROR_UNAVAILABLE,
} MeasuresKeyringError;

GQuark    measures_keyring_error_quark     (void);
char     *measures_keyring_lookup_password (const char    *address,
                                            GCancellable  *cancellable,
                                            GError       **error);
gboolean  measures_keyring_store_password  (const char    *address,
                                            const char    *password,
                                            GCancellable  *cancellable,
                                            GError       **error);
gboolean  measures_keyring_forget_password (const char    *address,
                                            GCancellable  *cancellable,
                                            GError       **error);

G_END_DECLS
