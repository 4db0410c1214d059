/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "measures-keyring.h"
#include "measures-server-address.h"

/* The keyring cases need a keyring of their own: with-keyring.sh starts
 * one, unlocked, under a throwaway session bus and HOME, and sets
 * MEASURES_TEST_KEYRING. Never the developer's own keyring. */

#define ADDRESS "host=db.example.org dbname=strategy user=anna"

static gboolean
have_test_keyring (void)
{
  if (g_getenv ("MEASURES_TEST_KEYRING") != NULL)
    return TRUE;

  g_test_skip ("Run through with-keyring.sh, which starts a throwaway keyring");
  return FALSE;
}

/* Kept, found again under the same address written otherwise, replaced,
 * and forgotten; another user's password is another entry. */
static void
test_store_lookup_forget (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;
  g_autofree char *other = NULL;

  if (!have_test_keyring ())
    return;

  found = measures_keyring_lookup_password (ADDRESS, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  g_assert_true (measures_keyring_store_password (ADDRESS, "geheim", NULL, &error));
  g_assert_no_error (error);
  found = measures_keyring_lookup_password ("postgresql://anna@db.example.org/strategy", NULL,
                                            &error);
  g_assert_no_error (error);
  g_assert_cmpstr (found, ==, "geheim");

  other = measures_keyring_lookup_password ("host=db.example.org dbname=strategy user=ben",
                                            NULL, &error);
  g_assert_no_error (error);
  g_assert_null (other);

  g_assert_true (measures_keyring_store_password (ADDRESS, "neu", NULL, &error));
  g_clear_pointer (&found, g_free);
  found = measures_keyring_lookup_password (ADDRESS, NULL, &error);
  g_assert_cmpstr (found, ==, "neu");

  g_assert_true (measures_keyring_forget_password (ADDRESS, NULL, &error));
  g_assert_no_error (error);
  g_clear_pointer (&found, g_free);
  found = measures_keyring_lookup_password (ADDRESS, NULL, &error);
  g_assert_no_error (error);
  g_assert_null (found);

  /* Forgetting what is not kept is no error. */
  g_assert_true (measures_keyring_forget_password (ADDRESS, NULL, &error));
  g_assert_no_error (error);
}

/* A cancelled look-up ends at once, cancelled. */
static void
test_cancelled (void)
{
  g_autoptr(GCancellable) cancellable = g_cancellable_new ();
  g_autoptr(GError) error = NULL;
  g_autofree char *found = NULL;

  if (!have_test_keyring ())
    return;

  g_cancellable_cancel (cancellable);
  found = measures_keyring_lookup_password (ADDRESS, cancellable, &error);
  g_assert_null (found);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

/* No session bus: each call fails at once with an error that says so, and
 * the caller asks for the password instead. */
static void
test_no_dbus (void)
{
  if (g_test_subprocess ())
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *found = NULL;
      g_autofree char *runtime = g_dir_make_tmp ("measures-nobus-XXXXXX", NULL);
      gint64 start = g_get_monotonic_time ();

      g_unsetenv ("DBUS_SESSION_BUS_ADDRESS");
      g_unsetenv ("DISPLAY");
      g_setenv ("XDG_RUNTIME_DIR", runtime, TRUE);

      found = measures_keyring_lookup_password (ADDRESS, NULL, &error);
      g_assert_null (found);
      g_assert_error (error, MEASURES_KEYRING_ERROR, MEASURES_KEYRING_ERROR_UNAVAILABLE);
      g_assert_cmpstr (error->message, !=, "");
      g_clear_error (&error);

      g_assert_false (measures_keyring_store_password (ADDRESS, "geheim", NULL, &error));
      g_assert_error (error, MEASURES_KEYRING_ERROR, MEASURES_KEYRING_ERROR_UNAVAILABLE);
      g_clear_error (&error);
      g_assert_false (measures_keyring_forget_password (ADDRESS, NULL, &error));
      g_assert_error (error, MEASURES_KEYRING_ERROR, MEASURES_KEYRING_ERROR_UNAVAILABLE);

      g_assert_cmpint (g_get_monotonic_time () - start, <, G_USEC_PER_SEC);
      g_rmdir (runtime);
      return;
    }

  g_test_trap_subprocess (NULL, 10 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_DEFAULT);
  g_test_trap_assert_passed ();
}

/* What the preferences accept as typed: a service name, a connection
 * string, a URI; not libpq's unknown words, not a password inside. */
static void
test_server_address (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *address = NULL;
  g_autofree char *key = NULL;
  g_autofree char *database = NULL;
  g_autofree char *server = NULL;
  g_autofree char *user = NULL;

  address = measures_server_address_check (" strategy ", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (address, ==, "service=strategy");
  g_clear_pointer (&address, g_free);

  address = measures_server_address_check ("host=db.example.org dbname=strategy", &error);
  g_assert_no_error (error);
  g_assert_cmpstr (address, ==, "host=db.example.org dbname=strategy");
  g_clear_pointer (&address, g_free);

  address = measures_server_address_check ("postgresql://db.example.org/strategy", &error);
  g_assert_no_error (error);
  g_clear_pointer (&address, g_free);

  address = measures_server_address_check ("host=db.example.org hots=x", &error);
  g_assert_null (address);
  g_assert_error (error, MEASURES_SERVER_ADDRESS_ERROR, MEASURES_SERVER_ADDRESS_ERROR_INVALID);
  g_assert_nonnull (strstr (error->message, "hots"));
  g_clear_error (&error);

  address = measures_server_address_check ("postgresql://anna:geheim@db.example.org/strategy",
                                           &error);
  g_assert_null (address);
  g_assert_error (error, MEASURES_SERVER_ADDRESS_ERROR, MEASURES_SERVER_ADDRESS_ERROR_PASSWORD);
  g_clear_error (&error);

  address = measures_server_address_check ("host=db password=geheim", &error);
  g_assert_error (error, MEASURES_SERVER_ADDRESS_ERROR, MEASURES_SERVER_ADDRESS_ERROR_PASSWORD);
  g_clear_error (&error);

  address = measures_server_address_check ("", &error);
  g_assert_error (error, MEASURES_SERVER_ADDRESS_ERROR, MEASURES_SERVER_ADDRESS_ERROR_INVALID);
  g_clear_error (&error);

  address = measures_server_address_check ("/home/anna/strategy.db", &error);
  g_assert_error (error, MEASURES_SERVER_ADDRESS_ERROR, MEASURES_SERVER_ADDRESS_ERROR_INVALID);
  g_clear_error (&error);

  /* The keyring's key: one for the same place however written, and never
   * the password. */
  key = measures_server_address_dup_key ("postgresql://anna:geheim@db.example.org/strategy");
  g_assert_null (strstr (key, "geheim"));
  g_free (database);
  database = measures_server_address_dup_key (ADDRESS);
  g_assert_cmpstr (key, ==, database);
  g_clear_pointer (&database, g_free);

  measures_server_address_describe (ADDRESS, &database, &server, &user);
  g_assert_cmpstr (database, ==, "strategy");
  g_assert_cmpstr (server, ==, "db.example.org");
  g_assert_cmpstr (user, ==, "anna");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/keyring/server-address", test_server_address);
  g_test_add_func ("/keyring/store-lookup-forget", test_store_lookup_forget);
  g_test_add_func ("/keyring/cancelled", test_cancelled);
  g_test_add_func ("/keyring/no-dbus", test_no_dbus);

  return g_test_run ();
}
