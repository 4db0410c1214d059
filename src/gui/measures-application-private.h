/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the application's files share: measures-application.c opens the
 * strategy and its windows, -cli.c answers the command line. */

#include "measures-application.h"
#include "measures-instance.h"
#include "measures-undo-stack.h"

G_BEGIN_DECLS

/**
 * MeasuresApplication:
 *
 * Opens the strategy database and shows it in a window, or, given
 * `--dump-json`, writes it to standard output without touching the display.
 */
struct _MeasuresApplication
{
  AdwApplication parent_instance;

  /* Owned */
  char *database_path;
  MeasuresStore *store;
  MeasuresUndoStack *undo_stack;
  GSettings *settings;
  MeasuresInstance *instance;   /* for a database other than the default one */
  GCancellable *connecting;     /* a server being connected to at start */
  GtkWidget *connecting_window; /* weak: shown meanwhile */
};

extern const GOptionEntry _measures_application_options[];

char          *_measures_application_dup_database_path    (MeasuresApplication  *self);
MeasuresStore *_measures_application_open_store           (MeasuresApplication  *self,
                                                           GError              **error);
int            _measures_application_handle_local_options (GApplication         *app,
                                                           GVariantDict         *options);

G_END_DECLS
