/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_PASSWORD_DIALOG (measures_password_dialog_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresPasswordDialog, measures_password_dialog, MEASURES,
                      PASSWORD_DIALOG, AdwMessageDialog)

GtkWidget  *measures_password_dialog_new          (GtkWindow              *parent,
                                                   const char             *address,
                                                   gboolean                wrong,
                                                   const char             *keyring_problem);
const char *measures_password_dialog_get_password (MeasuresPasswordDialog *self);
gboolean    measures_password_dialog_get_remember (MeasuresPasswordDialog *self);

G_END_DECLS
