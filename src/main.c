/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "measures-application.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(MeasuresApplication) app = NULL;

  measures_application_init_i18n ();

  app = measures_application_new ();
  return g_application_run (G_APPLICATION (app), argc, argv);
}
