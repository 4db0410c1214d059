/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the application's files share:
 * - measures-application.c: the GObject, startup and activation, the
 *   actions, preferences and about, the main window, and the store's life
 *   (opening it, closing it, opening it again when replaced, saying why it
 *   could not be opened);
 * - -connect.c: connecting to a server at start, the questions of the
 *   first start (where the strategy is kept, the user's name), and
 *   switching to another strategy while running;
 * - -backups.c: the daily backup, and restoring a backup or starting over
 *   in the database's place;
 * - -cli.c: the command line. */

#include "measures-application.h"
#include "measures-instance.h"
#include "measures-undo-stack.h"
#include "measures-window.h"

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

/* measures-application.c */
GtkWindow      *_measures_application_show_main_window (MeasuresApplication *self);
MeasuresWindow *_measures_application_find_main_window (MeasuresApplication *self);
void            _measures_application_open_database    (MeasuresApplication *self,
                                                        const char          *path);
void            _measures_application_close_store      (MeasuresApplication *self);
void            _measures_application_show_open_error  (MeasuresApplication *self,
                                                        const GError        *error);
void            _measures_application_show_preferences (MeasuresApplication *self,
                                                        GtkWindow           *parent,
                                                        gboolean             choose_server);

/* measures-application-connect.c */
void _measures_application_connect_at_start (MeasuresApplication *self,
                                             const char          *address);
void _measures_application_ask_where_kept   (MeasuresApplication *self,
                                             GtkWindow           *window);
void _measures_application_ask_author       (MeasuresApplication *self,
                                             GtkWindow           *window);

/* measures-application-backups.c */
void _measures_application_start_daily_backup  (MeasuresApplication *self);
void _measures_application_restore_file        (MeasuresApplication *self,
                                                const char          *backup,
                                                gboolean             undo);
void _measures_application_show_restore_window (MeasuresApplication *self);
void _measures_application_start_new           (MeasuresApplication *self);

G_END_DECLS
