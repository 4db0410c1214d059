/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <string.h>

#include "measures-connecting-window.h"
#include "measures-connection-banner.h"
#include "measures-keyring.h"
#include "measures-measure-editor.h"
#include "measures-measure-view.h"
#include "measures-password-dialog.h"
#include "measures-preferences-window.h"
#include "pg-cluster.h"
#include "window-test-util.h"

/* Windows on a strategy shared on a server: what each role is offered,
 * connecting from the preferences, and two officials at two windows who
 * see each other's work as it is saved — also across a lost connection. */

/* A strategy on a server, and an official of the office that leads its
 * first measure, who may report on that measure and change no sheet. */
#define OFFICIAL "official_ben"
/* An official who gives a password, even on the server's own socket. */
#define ANNA "official_anna"
#define CARLA "coordinator_carla"
#define ANNA_PASSWORD "Rathaus2030"

static char *pg_missing;
static char *pg_official_conninfo;
static char *pg_anna_conninfo;
static char *pg_carla_conninfo;
static char *pg_official_office;

/* Runs the main loop until @condition holds, as a user waits: a server
 * is connected to on a worker thread, which a busy machine may hold up
 * for many seconds. */
#define WAIT_UNTIL(condition) \
  G_STMT_START { \
    gint64 deadline_ = g_get_monotonic_time () + 45 * G_USEC_PER_SEC; \
    while (!(condition) && g_get_monotonic_time () < deadline_) \
      g_main_context_iteration (NULL, FALSE), g_usleep (2000); \
    g_assert_true (condition); \
  } G_STMT_END

static gboolean
prepare_server (GError **error)
{
  g_autofree char *conninfo = NULL;
  g_autofree char *office_role = NULL;
  g_autofree char *grant = NULL;
  g_autofree char *done = NULL;
  g_autoptr(MeasuresStore) store = NULL;
  g_autoptr(GListModel) measures = NULL;
  g_autoptr(MeasuresMeasure) first = NULL;
  const char * const statements[] = {
    "SELECT count (*) FROM measures.setup_roles ()",
    "CREATE ROLE " OFFICIAL " LOGIN",
    "CREATE ROLE " CARLA " LOGIN IN ROLE measures_coordinator",
  };

  if (!pg_cluster_start (error) || !pg_cluster_create_database ("strategy", NULL, error))
    return FALSE;

  conninfo = pg_cluster_conninfo ("strategy");
  store = measures_store_open (conninfo, error);
  if (store == NULL || !measures_import_ensure_data (store, error) ||
      !(measures = measures_store_list_measures (store, error)))
    return FALSE;
  first = g_list_model_get_item (measures, 0);
  pg_official_office = g_strdup (measures_measure_get_lead_offices (first)[0]);

  for (guint i = 0; i < G_N_ELEMENTS (statements); i++)
    {
      g_free (done);
      if (!(done = pg_cluster_query ("strategy", statements[i], NULL, error)))
        return FALSE;
    }

  office_role = pg_cluster_query ("strategy", "SELECT measures.office_role ($1)",
                                  pg_official_office, error);
  if (office_role == NULL)
    return FALSE;
  /* The role's name is the server's, made of [a-z0-9_] only. */
  grant = g_strdup_printf ("GRANT %s TO " OFFICIAL, office_role);
  g_free (done);
  if (!(done = pg_cluster_query ("strategy", grant, NULL, error)))
    return FALSE;

  pg_official_conninfo = g_strdup_printf ("%s user=" OFFICIAL, conninfo);
  pg_carla_conninfo = g_strdup_printf ("%s user=" CARLA, conninfo);

  grant = (g_free (grant), g_strdup_printf ("GRANT %s TO " ANNA, office_role));
  g_free (done);
  if (!pg_cluster_add_password_role (ANNA, ANNA_PASSWORD, error) ||
      !(done = pg_cluster_query ("strategy", grant, NULL, error)))
    return FALSE;
  pg_anna_conninfo = g_strdup_printf ("%s user=" ANNA, conninfo);
  return TRUE;
}

static gboolean
takes_part (MeasuresMeasure *measure,
            const char      *office)
{
  return measures_measure_has_office (measure, office, MEASURES_ROLE_LEAD) ||
         measures_measure_has_office (measure, office, MEASURES_ROLE_INVOLVED);
}

/* An office's official on the shared server: the window offers no edit of
 * a sheet (greyed, saying why), offers a progress report only on the
 * measures of the official's office, and the report is stamped with the
 * official's name by the server. */
static void
test_official_offered_what_they_may (void)
{
  Fixture f = { { NULL }, NULL, NULL };
  GtkListView *list;
  GListModel *model;
  MeasuresMeasureView *view;
  GtkWidget *report;
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) log = NULL;
  g_autoptr(MeasuresLogEntry) entry = NULL;
  guint other = G_MAXUINT;
  gint64 id;

  if (pg_missing != NULL)
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_test_fail_printf ("No PostgreSQL server for the tests: %s", pg_missing);
      else
        g_test_skip_printf ("No PostgreSQL server for the tests: %s", pg_missing);
      return;
    }

  f.app = new_application ();
  g_application_set_flags (G_APPLICATION (f.app), G_APPLICATION_NON_UNIQUE);
  measures_application_set_database (f.app, pg_official_conninfo);
  g_assert_true (g_application_register (G_APPLICATION (f.app), NULL, &error));
  g_application_activate (G_APPLICATION (f.app));
  /* A window says that it connects, at once; then the strategy's. */
  g_assert_nonnull (find_window (&f, MEASURES_TYPE_CONNECTING_WINDOW));
  WAIT_UNTIL (find_window (&f, MEASURES_TYPE_WINDOW) != NULL);
  f.window = MEASURES_WINDOW (find_window (&f, MEASURES_TYPE_WINDOW));
  iterate ();
  g_assert_null (find_window (&f, MEASURES_TYPE_CONNECTING_WINDOW));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  iterate ();

  /* The first measure of goal 1, which the official's office leads. */
  select_sidebar_row (&f, 2);
  list = MEASURES_CHILD (&f, "measure_list");
  g_signal_emit_by_name (list, "activate", 0);
  iterate ();
  view = detail_page (&f, "sheet");
  report = child (view, MEASURES_TYPE_MEASURE_VIEW, "add_entry_button");
  g_assert_false (gtk_widget_is_sensitive (MEASURES_CHILD (&f, "edit_button")));
  g_assert_nonnull (gtk_widget_get_tooltip_text (MEASURES_CHILD (&f, "edit_button")));
  g_assert_false (gtk_widget_is_sensitive (MEASURES_CHILD (&f, "remove_button")));
  g_assert_true (gtk_widget_is_sensitive (report));
  pause_for_screenshot ("official-own-measure");

  /* The report goes through, in the official's name as the server has it. */
  id = measures_measure_get_id (measures_measure_view_get_measure (view));
  gtk_widget_activate_action (GTK_WIDGET (f.window), "win.add-log-entry", "(uuss)",
                              MEASURES_STATUS_IN_PROGRESS, 40, "Bericht des Amts", "");
  iterate ();
  log = measures_store_list_log (measures_application_get_store (f.app), id, FALSE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (g_list_model_get_n_items (log), ==, 1);
  entry = g_list_model_get_item (log, 0);
  g_assert_cmpstr (measures_log_entry_get_author (entry), ==, OFFICIAL);

  /* A measure the office has no part in: nothing to report on. */
  model = G_LIST_MODEL (gtk_list_view_get_model (list));
  for (guint i = 0; i < g_list_model_get_n_items (model) && other == G_MAXUINT; i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (model, i);

      if (!takes_part (measure, pg_official_office))
        other = i;
    }
  g_assert_cmpuint (other, !=, G_MAXUINT);
  g_signal_emit_by_name (list, "activate", other);
  iterate ();
  g_assert_false (gtk_widget_is_sensitive (report));
  g_assert_nonnull (gtk_widget_get_tooltip_text (report));
  pause_for_screenshot ("official-other-measure");

  while (gtk_application_get_windows (GTK_APPLICATION (f.app)))
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (f.app))->data);
  iterate ();
  g_clear_object (&f.app);
}

static MeasuresPasswordDialog *
find_password_dialog (Fixture *f)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (f->app)); l; l = l->next)
    if (MEASURES_IS_PASSWORD_DIALOG (l->data) && gtk_widget_get_visible (l->data))
      return l->data;

  return NULL;
}

static void
answer_password (MeasuresPasswordDialog *dialog,
                 const char             *password)
{
  gtk_editable_set_text (GTK_EDITABLE (child (dialog, MEASURES_TYPE_PASSWORD_DIALOG,
                                              "password_row")), password);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "connect");
  gtk_window_close (GTK_WINDOW (dialog));
}

#define PREFS_CHILD(prefs, name) child (prefs, MEASURES_TYPE_PREFERENCES_WINDOW, name)

/* Where the strategy is kept, chosen in the preferences as a user does:
 * the address is checked as it is typed, Connect brings the server's
 * strategy into the window; a server that asks for a password gets it
 * through the dialog, which says when it was wrong and asks again. */
static void
test_preferences_connect (void)
{
  Fixture f = { { NULL }, NULL, NULL };
  GtkWindow *prefs;
  GtkWidget *address_row, *connect_button, *message;
  MeasuresWindow *file_window;
  MeasuresPasswordDialog *dialog;
  g_autofree char *bad = NULL;
  g_autofree char *chosen = NULL;
  g_autoptr(GError) error = NULL;
  GSettings *settings;

  if (pg_missing != NULL)
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_test_fail_printf ("No PostgreSQL server for the tests: %s", pg_missing);
      else
        g_test_skip_printf ("No PostgreSQL server for the tests: %s", pg_missing);
      return;
    }

  fixture_setup (&f, NULL);
  file_window = f.window;
  settings = measures_application_get_settings (f.app);
  g_action_group_activate_action (G_ACTION_GROUP (f.app), "preferences", NULL);
  iterate ();
  prefs = find_window (&f, MEASURES_TYPE_PREFERENCES_WINDOW);
  g_assert_nonnull (prefs);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (prefs));
  address_row = PREFS_CHILD (prefs, "address_row");
  connect_button = PREFS_CHILD (prefs, "connect_button");
  message = PREFS_CHILD (prefs, "address_message");

  /* On this computer: nothing to type. */
  g_assert_true (gtk_check_button_get_active (PREFS_CHILD (prefs, "local_check")));
  g_assert_false (gtk_widget_get_sensitive (address_row));

  gtk_check_button_set_active (PREFS_CHILD (prefs, "server_check"), TRUE);
  g_assert_true (gtk_widget_get_sensitive (address_row));
  g_assert_false (gtk_widget_get_sensitive (connect_button));

  /* libpq's unknown word is flagged, and Connect refused. */
  bad = g_strdup_printf ("%s hots=x", pg_official_conninfo);
  gtk_editable_set_text (GTK_EDITABLE (address_row), bad);
  g_assert_true (gtk_widget_has_css_class (address_row, "error"));
  g_assert_true (gtk_widget_has_css_class (message, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "hots"));
  g_assert_false (gtk_widget_get_sensitive (connect_button));

  /* A password inside is refused too, with the reason. */
  gtk_editable_set_text (GTK_EDITABLE (address_row), "postgresql://ben:geheim@localhost/strategy");
  g_assert_true (gtk_widget_has_css_class (address_row, "error"));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (message)), "password"));
  g_assert_false (gtk_widget_get_sensitive (connect_button));

  gtk_editable_set_text (GTK_EDITABLE (address_row), pg_official_conninfo);
  g_assert_false (gtk_widget_has_css_class (address_row, "error"));
  g_assert_true (gtk_widget_get_sensitive (connect_button));
  pause_for_screenshot ("preferences-strategy");

  g_signal_emit_by_name (connect_button, "clicked");
  /* Waiting, with a way back. */
  g_assert_true (gtk_widget_get_visible (PREFS_CHILD (prefs, "cancel_button")));
  g_assert_true (gtk_widget_get_visible (PREFS_CHILD (prefs, "connect_spinner")));
  WAIT_UNTIL (measures_application_get_server_address (f.app) != NULL);
  iterate ();

  /* The window shows the server's strategy; the preferences stay above it,
   * and the choice is kept for the next start. */
  f.window = MEASURES_WINDOW (find_window (&f, MEASURES_TYPE_WINDOW));
  g_assert_true (f.window != file_window);
  g_assert_cmpstr (measures_application_get_server_address (f.app), ==, pg_official_conninfo);
  g_assert_true (measures_context_get_store (measures_window_get_context (f.window)) ==
                 measures_application_get_store (f.app));
  g_assert_true (measures_store_get_features (measures_application_get_store (f.app)) &
                 MEASURES_STORE_FEATURE_SHARED);
  g_assert_true (gtk_window_get_transient_for (prefs) == GTK_WINDOW (f.window));
  chosen = g_settings_get_string (settings, "database");
  g_assert_cmpstr (chosen, ==, pg_official_conninfo);
  g_assert_true (g_settings_get_boolean (settings, "database-chosen"));
  g_assert_false (gtk_widget_get_visible (PREFS_CHILD (prefs, "cancel_button")));

  /* A role with a password: asked for, naming the user; a wrong one says
   * so and asks again; the right one connects, and is remembered in the
   * test's own keyring (with-keyring.sh). */
  gtk_editable_set_text (GTK_EDITABLE (address_row), pg_anna_conninfo);
  g_signal_emit_by_name (connect_button, "clicked");
  WAIT_UNTIL ((dialog = find_password_dialog (&f)) != NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)), ANNA));
  g_assert_nonnull (strstr (adw_message_dialog_get_body (ADW_MESSAGE_DIALOG (dialog)),
                            "strategy"));
  g_assert_false (gtk_widget_get_visible (child (dialog, MEASURES_TYPE_PASSWORD_DIALOG,
                                                 "wrong_label")));
  g_assert_false (gtk_widget_get_visible (child (dialog, MEASURES_TYPE_PASSWORD_DIALOG,
                                                 "keyring_label")));
  pause_for_screenshot ("password-dialog");
  answer_password (dialog, "falsch");
  iterate ();

  WAIT_UNTIL ((dialog = find_password_dialog (&f)) != NULL);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (dialog));
  g_assert_true (gtk_widget_get_visible (child (dialog, MEASURES_TYPE_PASSWORD_DIALOG,
                                                "wrong_label")));
  pause_for_screenshot ("password-dialog-wrong");
  /* Still the official's strategy meanwhile. */
  g_assert_cmpstr (measures_application_get_server_address (f.app), ==, pg_official_conninfo);
  answer_password (dialog, ANNA_PASSWORD);
  WAIT_UNTIL (g_strcmp0 (measures_application_get_server_address (f.app), pg_anna_conninfo) == 0);
  iterate ();
  g_assert_null (find_password_dialog (&f));

  g_clear_pointer (&chosen, g_free);
  chosen = measures_keyring_lookup_password (pg_anna_conninfo, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (chosen, ==, ANNA_PASSWORD);

  /* Back to the file on this computer, at once, and kept so. */
  gtk_check_button_set_active (PREFS_CHILD (prefs, "local_check"), TRUE);
  WAIT_UNTIL (measures_application_get_server_address (f.app) == NULL &&
              !gtk_widget_get_visible (PREFS_CHILD (prefs, "cancel_button")));
  g_clear_pointer (&chosen, g_free);
  chosen = g_settings_get_string (settings, "database");
  g_assert_cmpstr (chosen, ==, "");

  /* The remembered password: not asked again. */
  gtk_check_button_set_active (PREFS_CHILD (prefs, "server_check"), TRUE);
  gtk_editable_set_text (GTK_EDITABLE (address_row), pg_anna_conninfo);
  g_signal_emit_by_name (connect_button, "clicked");
  WAIT_UNTIL (measures_application_get_server_address (f.app) != NULL);
  g_assert_null (find_password_dialog (&f));

  /* A kept password the server now refuses is forgotten and asked for;
   * Cancel returns to the strategy open before, the file. */
  gtk_check_button_set_active (PREFS_CHILD (prefs, "local_check"), TRUE);
  WAIT_UNTIL (measures_application_get_server_address (f.app) == NULL &&
              !gtk_widget_get_visible (PREFS_CHILD (prefs, "cancel_button")));
  g_assert_true (measures_keyring_store_password (pg_anna_conninfo, "veraltet", NULL, &error));
  gtk_check_button_set_active (PREFS_CHILD (prefs, "server_check"), TRUE);
  g_signal_emit_by_name (connect_button, "clicked");
  WAIT_UNTIL ((dialog = find_password_dialog (&f)) != NULL);
  g_assert_true (gtk_widget_get_visible (child (dialog, MEASURES_TYPE_PASSWORD_DIALOG,
                                                "wrong_label")));
  g_clear_pointer (&chosen, g_free);
  chosen = measures_keyring_lookup_password (pg_anna_conninfo, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (chosen);
  adw_message_dialog_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  gtk_window_close (GTK_WINDOW (dialog));
  WAIT_UNTIL (!gtk_widget_get_visible (PREFS_CHILD (prefs, "cancel_button")));
  iterate ();
  g_assert_null (measures_application_get_server_address (f.app));
  g_assert_true (gtk_check_button_get_active (PREFS_CHILD (prefs, "local_check")));
  g_assert_false (gtk_widget_has_css_class (message, "error"));

  gtk_window_destroy (prefs);
  f.window = MEASURES_WINDOW (find_window (&f, MEASURES_TYPE_WINDOW));
  fixture_teardown (&f, NULL);
}

/* A window on the server as @conninfo's user, once it is shown. */
static MeasuresWindow *
open_window_as (MeasuresApplication **app,
                const char           *conninfo)
{
  g_autoptr(GError) error = NULL;
  Fixture f = { { NULL }, NULL, NULL };

  f.app = *app = new_application ();
  g_application_set_flags (G_APPLICATION (*app), G_APPLICATION_NON_UNIQUE);
  measures_application_set_database (*app, conninfo);
  g_assert_true (g_application_register (G_APPLICATION (*app), NULL, &error));
  g_application_activate (G_APPLICATION (*app));
  WAIT_UNTIL (find_window (&f, MEASURES_TYPE_WINDOW) != NULL);
  f.window = MEASURES_WINDOW (find_window (&f, MEASURES_TYPE_WINDOW));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (f.window));
  iterate ();

  /* The first measure of goal 1, which the official's office leads. */
  select_sidebar_row (&f, 2);
  g_signal_emit_by_name (MEASURES_CHILD (&f, "measure_list"), "activate", 0);
  iterate ();
  return f.window;
}

/* The two windows side by side, for a screenshot: there is no window
 * manager to place them. */
static void
place_right (MeasuresWindow *window,
             MeasuresWindow *left)
{
  GdkSurface *surface = gtk_native_get_surface (GTK_NATIVE (window));

  XMoveWindow (x_display (GTK_WIDGET (window)), gdk_x11_surface_get_xid (surface),
               gtk_widget_get_width (GTK_WIDGET (left)) + 8, 0);
  sync_input (GTK_WIDGET (window));
}

static const char *
banner_text (MeasuresWindow *window)
{
  return measures_connection_banner_get_text (child (window, MEASURES_TYPE_WINDOW,
                                                     "connection_banner"));
}

static MeasuresMeasure *
shown_measure (MeasuresWindow *window)
{
  gpointer page = child (window, MEASURES_TYPE_WINDOW, "measures_page");

  return measures_measures_page_get_measure (page);
}

/* Two officials at two windows: the coordinator sees the office's progress
 * report appear by itself; the office's official sees the coordinator's
 * edit. When the server goes away, both windows say so, the edit waits
 * and is saved once the server is back, and both reconnect by
 * themselves. An edit of a measure that someone else changed meanwhile
 * is refused, naming who. */
static void
test_two_officials_live (void)
{
  MeasuresApplication *official_app = NULL, *coordinator_app = NULL;
  MeasuresWindow *official, *coordinator;
  Fixture c = { { NULL }, NULL, NULL };
  Fixture o = { { NULL }, NULL, NULL };
  MeasuresMeasureEditor *editor;
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresStore) other = NULL;
  g_autoptr(MeasuresMeasure) current = NULL;
  g_autoptr(MeasuresMeasure) changed = NULL;
  gint64 id, start;

  if (pg_missing != NULL)
    {
      if (g_strcmp0 (g_getenv ("CI"), "true") == 0)
        g_test_fail_printf ("No PostgreSQL server for the tests: %s", pg_missing);
      else
        g_test_skip_printf ("No PostgreSQL server for the tests: %s", pg_missing);
      return;
    }

  official = open_window_as (&official_app, pg_official_conninfo);
  coordinator = open_window_as (&coordinator_app, pg_carla_conninfo);
  c.app = coordinator_app;
  c.window = coordinator;
  o.app = official_app;
  o.window = official;
  place_right (coordinator, official);
  id = measures_measure_get_id (shown_measure (official));
  g_assert_cmpint (measures_measure_get_id (shown_measure (coordinator)), ==, id);
  /* Who is signed in, in each window's title. */
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (official)), OFFICIAL));
  g_assert_nonnull (strstr (gtk_window_get_title (GTK_WINDOW (coordinator)), CARLA));
  g_assert_null (banner_text (official));

  /* The office reports; the coordinator's sheet shows it by itself. */
  start = g_get_monotonic_time ();
  gtk_widget_activate_action (GTK_WIDGET (official), "win.add-log-entry", "(uuss)",
                              MEASURES_STATUS_IN_PROGRESS, 55, "Live aus dem Amt", "");
  WAIT_UNTIL (measures_measure_get_progress (shown_measure (coordinator)) == 55);
  g_test_message ("the report appeared in the other window after %.1f ms",
                  (g_get_monotonic_time () - start) / 1000.0);
  iterate ();
  pause_for_screenshot ("live-report");

  /* The coordinator edits; the server goes away before the save. */
  gtk_widget_activate_action (GTK_WIDGET (coordinator), "win.edit-measure", NULL);
  iterate ();
  editor = detail_page (&c, "editor");
  gtk_editable_set_text (child (editor, MEASURES_TYPE_MEASURE_EDITOR, "title_row"),
                         "Titel, gesichert trotz Ausfall");
  iterate ();
  pg_cluster_server_stop ();
  gtk_widget_activate_action (GTK_WIDGET (coordinator), "win.save", NULL);
  iterate ();
  /* The edit stays, waiting; both windows say that the server is gone,
   * and offer no change meanwhile. */
  g_assert_true (measures_measures_page_get_editing (child (coordinator, MEASURES_TYPE_WINDOW,
                                                            "measures_page")));
  g_assert_true (measures_measure_editor_get_waiting (editor));
  WAIT_UNTIL (banner_text (coordinator) != NULL && banner_text (official) != NULL);
  g_assert_false (gtk_widget_is_sensitive (child (detail_page (&o, "sheet"),
                                                  MEASURES_TYPE_MEASURE_VIEW,
                                                  "add_entry_button")));
  pause_for_screenshot ("server-gone");

  /* The server is back: both reconnect, the edit is saved, and the
   * official's window shows it. */
  g_assert_true (pg_cluster_server_start (&error));
  g_assert_no_error (error);
  start = g_get_monotonic_time ();
  WAIT_UNTIL (g_strcmp0 (measures_measure_get_title (shown_measure (official)),
                         "Titel, gesichert trotz Ausfall") == 0);
  g_test_message ("saved and shown in the other window %.1f s after the server was back",
                  (g_get_monotonic_time () - start) / (double)G_USEC_PER_SEC);
  g_assert_false (measures_measures_page_get_editing (child (coordinator, MEASURES_TYPE_WINDOW,
                                                             "measures_page")));
  WAIT_UNTIL (banner_text (coordinator) == NULL && banner_text (official) == NULL);
  iterate ();
  pause_for_screenshot ("reconnected");

  /* Someone else changes the measure while the coordinator edits it: the
   * save is refused with who, and the edit stays. */
  gtk_widget_activate_action (GTK_WIDGET (coordinator), "win.edit-measure", NULL);
  iterate ();
  gtk_editable_set_text (child (editor, MEASURES_TYPE_MEASURE_EDITOR, "title_row"),
                         "Mein Titel");
  other = measures_store_open (pg_carla_conninfo, &error);
  g_assert_no_error (error);
  current = measures_store_get_measure (other, id, &error);
  g_assert_no_error (error);
  changed = measures_measure_copy_with (current, "title", "Ihr Titel", NULL);
  g_assert_true (measures_store_update_measure (other, changed,
                                                measures_measure_get_revision (current),
                                                "ignored", NULL, &error));
  g_assert_no_error (error);
  gtk_widget_activate_action (GTK_WIDGET (coordinator), "win.save", NULL);
  iterate ();
  g_assert_nonnull (measures_measure_editor_get_conflict (editor));
  g_assert_nonnull (strstr (measures_measure_editor_get_conflict (editor), CARLA));
  /* The list beside the editor shows their title, by itself. */
  WAIT_UNTIL (g_strcmp0 (measures_measure_get_title (shown_measure (coordinator)),
                         "Ihr Titel") == 0);
  pause_for_screenshot ("refused-edit");

  gtk_widget_activate_action (GTK_WIDGET (coordinator), "win.cancel", NULL);
  for (GList *l; (l = gtk_application_get_windows (GTK_APPLICATION (coordinator_app)));)
    gtk_window_destroy (l->data);
  for (GList *l; (l = gtk_application_get_windows (GTK_APPLICATION (official_app)));)
    gtk_window_destroy (l->data);
  iterate ();
  g_clear_object (&coordinator_app);
  g_clear_object (&official_app);
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  int status;

  window_test_init (&argc, &argv);

  if (!prepare_server (&error))
    pg_missing = g_strdup (error->message);
  g_test_add_func ("/window/official-offered-what-they-may", test_official_offered_what_they_may);
  g_test_add_func ("/window/preferences-connect", test_preferences_connect);
  g_test_add_func ("/window/two-officials-live", test_two_officials_live);

  status = g_test_run ();
  pg_cluster_stop ();
  return status;
}
