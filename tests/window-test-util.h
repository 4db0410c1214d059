/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <gdk/x11/gdkx.h>

#include "measures-application.h"
#include "measures-dashboard-page.h"
#include "measures-measures-page.h"
#include "measures-offices-page.h"
#include "measures-test-util.h"
#include "measures-vision-page.h"
#include "measures-window.h"

G_BEGIN_DECLS

/* The real window under a real (virtual) display, driven as a user drives
 * it: rows are selected and activated, and the test reads what the labels
 * show. Set MEASURES_TEST_PAUSE=seconds to hold each state for a
 * screenshot. Shared by test-window and test-window-edit. */

typedef struct
{
  TempDir tmp;
  MeasuresApplication *app;
  MeasuresWindow *window;
} Fixture;

#define WINDOW_CHILD(f, name) child ((f)->window, MEASURES_TYPE_WINDOW, name)
#define VISION_CHILD(f, name) \
  child (WINDOW_CHILD (f, "vision_page"), MEASURES_TYPE_VISION_PAGE, name)
#define MEASURES_CHILD(f, name) \
  child (WINDOW_CHILD (f, "measures_page"), MEASURES_TYPE_MEASURES_PAGE, name)
#define OFFICES_CHILD(f, name) \
  child (WINDOW_CHILD (f, "offices_page"), MEASURES_TYPE_OFFICES_PAGE, name)
#define DASHBOARD_CHILD(f, name) \
  child (WINDOW_CHILD (f, "dashboard_page"), MEASURES_TYPE_DASHBOARD_PAGE, name)

/* The sidebar's rows, for select_sidebar_row(): the vision 0, the
 * dashboard 1, the goals 2 to 6, all measures 7, the offices 8. */

/* A test on a fresh window: the fixture opens and closes it. */
#define ADD(name, func) \
  g_test_add ("/window/" name, Fixture, NULL, fixture_setup, func, fixture_teardown)

void                 window_test_init     (int           *argc,
                                           char        ***argv);
void                 iterate              (void);
void                 pause_for_screenshot (const char    *state);
gpointer             child                (gpointer       widget,
                                           GType          type,
                                           const char    *name);
gpointer             filter_child         (Fixture       *f,
                                           const char    *id);
gpointer             detail_page          (Fixture       *f,
                                           const char    *name);
MeasuresApplication *new_application      (void);
void                 fixture_setup        (Fixture       *f,
                                           gconstpointer  data);
void                 fixture_teardown     (Fixture       *f,
                                           gconstpointer  data);
void                 reset_settings       (GSettings     *settings);
GtkLabel            *find_label           (GtkWidget     *widget,
                                           const char    *text);
gboolean             shows_whole          (GtkLabel      *label);
void                 select_sidebar_row   (Fixture       *f,
                                           int            index);
Display             *x_display            (GtkWidget     *widget);
void                 sync_input           (GtkWidget     *widget);
void                 pointer_to           (GtkWidget     *widget);
void                 click                (GtkWidget     *widget);
GtkWidget           *drawn_row            (GtkListView   *list,
                                           guint          n);
const char          *first_label          (GtkWidget     *widget);
void                 open_office          (Fixture       *f,
                                           const char    *abbreviation);
const char          *label_text           (gpointer       widget,
                                           GType          type,
                                           const char    *name);
gboolean             shows_label          (GtkWidget     *widget,
                                           const char    *text);
void                 search_now           (Fixture       *f);
guint                count_rows           (GtkListBox    *list);
GtkWindow           *find_window          (Fixture       *f,
                                           GType          type);
void                 press_keys           (GtkWidget     *widget,
                                           guint          modifiers,
                                           guint          keyval);
void                 press_closing_keys   (GtkWindow     *window,
                                           guint          modifiers,
                                           guint          keyval);

G_END_DECLS
