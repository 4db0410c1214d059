/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-format"

#include "config.h"

#include "measures-i18n.h"

#include "measures-format.h"

#include <locale.h>
#include <math.h>
#include <string.h>
#include <gio/gio.h>

/* Month names come from our own catalogs, not from the C library's locale
 * data: a German or French interface needs no installed locale. */
static const char * const months[12] = {
  NC_("month", "January"), NC_("month", "February"), NC_("month", "March"),
  NC_("month", "April"), NC_("month", "May"), NC_("month", "June"),
  NC_("month", "July"), NC_("month", "August"), NC_("month", "September"),
  NC_("month", "October"), NC_("month", "November"), NC_("month", "December"),
};

/**
 * measures_format_date:
 * @date: a date
 *
 * Returns: (transfer full): the date written out in the interface
 *   language, e.g. "November 25, 2026", "25. November 2026",
 *   "25 novembre 2026"
 */
char *
measures_format_date (GDateTime *date)
{
  g_return_val_if_fail (date != NULL, NULL);

  /* Translators: a date: %1$u is the day, %2$s the month's name, %3$u the
   * year. Reorder as your language writes dates, e.g. "%1$u. %2$s %3$u". */
  return g_strdup_printf (_("%2$s %1$u, %3$u"),
                          (guint)g_date_time_get_day_of_month (date),
                          measures_pgettext ("month", months[g_date_time_get_month (date) - 1]),
                          (guint)g_date_time_get_year (date));
}

static const char * const weekdays[7] = {
  NC_("weekday", "Monday"), NC_("weekday", "Tuesday"), NC_("weekday", "Wednesday"),
  NC_("weekday", "Thursday"), NC_("weekday", "Friday"), NC_("weekday", "Saturday"),
  NC_("weekday", "Sunday"),
};

/**
 * measures_format_day_and_time:
 * @date: a date and time
 *
 * Writes out a moment the user picks among others of the same weeks, as
 * the backups: the weekday tells them apart at a glance.
 *
 * Returns: (transfer full): e.g. "Tuesday, December 1, 2026, 09:14",
 *   "Dienstag, 1. Dezember 2026, 09:14 Uhr", "mardi 1 décembre 2026 à 09:14"
 */
char *
measures_format_day_and_time (GDateTime *date)
{
  g_autofree char *date_only = NULL;
  g_autofree char *day = NULL;

  g_return_val_if_fail (date != NULL, NULL);

  date_only = measures_format_date (date);
  /* Translators: a weekday and a date, e.g. "Tuesday, December 1, 2026":
   * %1$s is the weekday, %2$s the date as written elsewhere. */
  day = g_strdup_printf (C_("weekday and date", "%1$s, %2$s"),
                         measures_pgettext ("weekday",
                                            weekdays[g_date_time_get_day_of_week (date) - 1]),
                         date_only);
  /* Translators: a date and a time of day, e.g. "November 25, 2026, 14:05" */
  return g_strdup_printf (_("%s, %02d:%02d"), day, g_date_time_get_hour (date),
                          g_date_time_get_minute (date));
}

/**
 * measures_format_iso_date:
 * @iso8601: (nullable): a date and time as the store writes it (UTC)
 * @with_time: whether to add the local time of day
 *
 * Returns: (transfer full): the date in the local time zone, written out
 *   in the interface language; the input itself if it cannot be read
 */
char *
measures_format_iso_date (const char *iso8601,
                          gboolean    with_time)
{
  g_autoptr(GDateTime) utc = NULL;
  g_autoptr(GDateTime) local = NULL;
  g_autofree char *day = NULL;

  if (iso8601 == NULL || !(utc = g_date_time_new_from_iso8601 (iso8601, NULL)))
    return g_strdup (iso8601 ? iso8601 : "");

  local = g_date_time_to_local (utc);
  day = measures_format_date (local);
  if (!with_time)
    return g_steal_pointer (&day);

  /* Translators: a date and a time of day, e.g. "November 25, 2026, 14:05" */
  return g_strdup_printf (_("%s, %02d:%02d"), day, g_date_time_get_hour (local),
                          g_date_time_get_minute (local));
}

/**
 * measures_i18n_switch_language:
 * @language: (nullable): a language code such as "de", or %NULL for the
 *   one the program started with
 *
 * Makes gettext translate into @language from now on, for the reports that
 * are printed in another language than the interface's.
 *
 * Returns: (transfer full) (nullable): the language in force before, to
 *   pass back here when done
 */
char *
measures_i18n_switch_language (const char *language)
{
  char *previous = g_strdup (g_getenv ("LANGUAGE"));

  if (language != NULL && language[0] != '\0')
    g_setenv ("LANGUAGE", language, TRUE);
  else
    g_unsetenv ("LANGUAGE");

  /* Setting the text domain again makes gettext drop what it cached. */
  textdomain (textdomain (NULL));

  return previous;
}

/**
 * measures_pgettext:
 * @context: the message's context, e.g. "priority"
 * @msgid: the message
 *
 * Translates @msgid in @context into the language gettext uses now.
 *
 * Returns: the translation, or @msgid
 */
const char *
measures_pgettext (const char *context,
                   const char *msgid)
{
  g_autofree char *key = g_strconcat (context, "\004", msgid, NULL);
  const char *translation = dgettext (GETTEXT_PACKAGE, key);

  /* Untranslated, gettext hands back the key itself. */
  return translation == key ? msgid : translation;
}

/* The language the environment asked for, kept for "System default". */
static char *system_language;

/* "de_DE.UTF-8@euro" → "de_DE:de"; NULL for "C", "POSIX" and nothing. */
static char *
language_from_locale (const char *locale)
{
  g_autofree char *name = NULL;
  char *cut;

  if (locale == NULL || locale[0] == '\0' || g_str_equal (locale, "C") ||
      g_str_equal (locale, "POSIX") || g_str_has_prefix (locale, "C."))
    return NULL;

  name = g_strdup (locale);
  if ((cut = strpbrk (name, ".@")) != NULL)
    *cut = '\0';

  if ((cut = strchr (name, '_')) != NULL)
    {
      g_autofree char *base = g_strndup (name, cut - name);
      return g_strdup_printf ("%s:%s", name, base);
    }

  return g_steal_pointer (&name);
}

/**
 * measures_i18n_setup:
 * @localedir: where the catalogs are
 *
 * Sets up gettext before anything is translated, so that the language the
 * environment asks for is used even where glibc would not: when the
 * environment says "C", or names a locale that is not installed.
 */
void
measures_i18n_setup (const char *localedir)
{
  const char *messages;
  const char *language;

  g_return_if_fail (localedir != NULL);

  setlocale (LC_ALL, "");

  /* glibc ignores LANGUAGE while LC_MESSAGES is "C": an empty environment
   * or a locale that is not installed would pin everything to English.
   * C.UTF-8 is always there. */
  messages = setlocale (LC_MESSAGES, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_MESSAGES, "C.UTF-8");

  /* Likewise, text is UTF-8 even where no locale says so: "ß" must not
   * come out as "?" on the command line. */
  messages = setlocale (LC_CTYPE, NULL);
  if (messages == NULL || g_str_equal (messages, "C") || g_str_equal (messages, "POSIX"))
    setlocale (LC_CTYPE, "C.UTF-8");

  /* Without LANGUAGE, say in it what the locale variables ask for, even
   * for a locale that could not be loaded; English when they ask for none.
   * GLib then also translates GTK's own words after a language switch. */
  language = g_getenv ("LANGUAGE");
  if (language == NULL || language[0] == '\0')
    {
      const char *names[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
      g_autofree char *derived = NULL;

      for (guint i = 0; derived == NULL && i < G_N_ELEMENTS (names); i++)
        {
          const char *value = g_getenv (names[i]);

          if (value != NULL && value[0] != '\0')
            {
              derived = language_from_locale (value);
              break;
            }
        }

      g_setenv ("LANGUAGE", derived ? derived : "en", TRUE);
    }

  g_free (system_language);
  system_language = g_strdup (g_getenv ("LANGUAGE"));

  bindtextdomain (GETTEXT_PACKAGE, localedir);
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}

/**
 * measures_i18n_get_system_language:
 *
 * Returns: the language list the environment asked for, as LANGUAGE
 */
const char *
measures_i18n_get_system_language (void)
{
  return system_language ? system_language : "en";
}

/**
 * measures_i18n_dup_language:
 *
 * Returns: (transfer full): the two-letter code of the language gettext
 *   translates into now, e.g. "de"
 */
char *
measures_i18n_dup_language (void)
{
  const char *language = g_getenv ("LANGUAGE");
  gsize length;

  if (language == NULL || language[0] == '\0')
    return g_strdup ("en");

  length = strcspn (language, "_:.@");
  return g_strndup (language, length);
}

/**
 * measures_sort_key:
 * @text: a title
 *
 * A key that sorts titles as a German, English or French reader looks them
 * up: case, accents and punctuation do not count ("Ämter" beside "Amt",
 * "„Europatag“" under E), "ß" sorts as "ss". Compared byte by byte, the keys
 * give the same order in every interface language, so the store can keep
 * them in an index.
 *
 * Returns: (transfer full): the key
 */
char *
measures_sort_key (const char *text)
{
  g_autofree char *folded = g_utf8_casefold (text ? text : "", -1);
  g_autofree char *decomposed = g_utf8_normalize (folded, -1, G_NORMALIZE_ALL);
  GString *key = g_string_new (NULL);
  gboolean space = FALSE;

  if (decomposed == NULL)
    return g_string_free (key, FALSE);

  for (const char *p = decomposed; *p; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isalnum (c))
        {
          if (space && key->len > 0)
            g_string_append_c (key, ' ');
          space = FALSE;
          g_string_append_unichar (key, c);
        }
      else if (!g_unichar_ismark (c))
        space = TRUE;
    }

  return g_string_free (key, FALSE);
}

/**
 * measures_format_number:
 * @n: a count
 *
 * Returns: (transfer full): @n with its thousands separated as the
 *   interface language writes them: "100.000", "100,000", "100 000"
 */
char *
measures_format_number (guint n)
{
  /* Translators: the separator of thousands in numbers, as in "100,000";
   * German uses ".", French a narrow no-break space */
  const char *separator = C_("thousands separator", ",");
  g_autofree char *digits = g_strdup_printf ("%u", n);
  GString *text = g_string_new (NULL);
  gsize length = strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (text, separator);
      g_string_append_c (text, digits[i]);
    }

  return g_string_free (text, FALSE);
}

/* Numbers as the user types them ------------------------------------------------
 *
 * The separators follow the interface language, which the application
 * switches at runtime (LANGUAGE), not the C library's LC_NUMERIC: that
 * stays whatever the session's locale is, and may not even be installed
 * for the language chosen. The thousands separator is the one the
 * catalogs give for measures_format_number(); the decimal separator goes
 * with it: a comma where thousands are separated by a point or a space
 * (German, French), a point where they are separated by a comma
 * (English). */

static const char *
thousands_separator (void)
{
  return C_("thousands separator", ",");
}

static char
decimal_separator (void)
{
  return g_str_equal (thousands_separator (), ",") ? '.' : ',';
}

static gboolean
is_space_separator (gunichar c)
{
  return c == ' ' || c == 0x00A0 || c == 0x202F || c == 0x2009;
}

/* Whether @integer, split at its separators, is in groups of thousands:
 * one to three digits, then three each. */
static gboolean
valid_grouping (const char *integer)
{
  g_auto(GStrv) groups = g_strsplit_set (integer, "., ", -1);

  if (groups[0] == NULL || strlen (groups[0]) == 0 || strlen (groups[0]) > 3)
    return FALSE;
  for (guint i = 1; groups[i] != NULL; i++)
    if (strlen (groups[i]) != 3)
      return FALSE;

  return TRUE;
}

static gboolean
not_a_number (const char  *text,
              GError     **error)
{
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_DATA,
               /* Translators: %s is what the user typed */
               _("“%s” is not a number."), text);
  return FALSE;
}

/**
 * measures_format_parse_number:
 * @text: a number as the user typed it
 * @value: (out): the number
 * @error: return location for a %G_IO_ERROR_INVALID_DATA error
 *
 * Reads a number written as the interface language writes it, with or
 * without thousands separators: "1.234,5" in German, "1,234.5" in
 * English, "1 234,5" in French. Where it is unambiguous, the other
 * conventions are read too: "1234.5" and "1234,5" in every language, or
 * "1,234.5" in German. A single separator followed by three digits, as
 * in "1.234", is the language's: a thousands separator in German, the
 * decimal point in English.
 *
 * Returns: %TRUE if @text is a finite number
 */
gboolean
measures_format_parse_number (const char  *text,
                              double      *value,
                              GError     **error)
{
  g_autofree char *stripped = NULL;
  g_autoptr(GString) integer = g_string_new (NULL);
  g_autoptr(GString) number = g_string_new (NULL);
  const char *p;
  const char *fraction = NULL;
  gboolean negative = FALSE;
  int last_point = -1, last_comma = -1, n_points = 0, n_commas = 0;
  char decimal = 0;
  double result;

  g_return_val_if_fail (text != NULL, FALSE);
  g_return_val_if_fail (value != NULL, FALSE);

  if (!g_utf8_validate (text, -1, NULL))
    return not_a_number ("", error);

  stripped = g_strstrip (g_strdup (text));
  p = stripped;
  if (*p == '-' || *p == '+')
    negative = *p++ == '-';
  else if (g_str_has_prefix (p, "\u2212"))
    {
      negative = TRUE;
      p += strlen ("\u2212");
    }

  /* Digits and separators only; spaces of any width group thousands. */
  for (; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_ascii_isdigit (c))
        g_string_append_c (integer, (char)c);
      else if (c == '.' || c == ',')
        {
          if (c == '.')
            n_points++, last_point = integer->len;
          else
            n_commas++, last_comma = integer->len;
          g_string_append_c (integer, (char)c);
        }
      else if (is_space_separator (c) && integer->len > 0)
        g_string_append_c (integer, ' ');
      else
        return not_a_number (text, error);
    }

  if (integer->len == 0)
    return not_a_number (text, error);

  /* Which separator, if any, is the decimal one. */
  if (n_points > 0 && n_commas > 0)
    {
      decimal = last_point > last_comma ? '.' : ',';
      if ((decimal == '.' ? n_points : n_commas) != 1)
        return not_a_number (text, error);
    }
  else if (n_points + n_commas == 1)
    {
      char c = n_points ? '.' : ',';
      int at = n_points ? last_point : last_comma;
      g_autofree char *before = g_strndup (integer->str, at);

      /* Three digits after it: the language says what it is. Anything
       * else cannot be a thousands separator. */
      if (c == decimal_separator () ||
          strlen (integer->str + at + 1) != 3 || !valid_grouping (integer->str) ||
          strchr (before, ' ') != NULL)
        decimal = c;
    }

  if (decimal != 0)
    {
      char *at = strrchr (integer->str, decimal);

      fraction = at + 1;
      g_string_truncate (integer, at - integer->str);
      if (*fraction == '\0' || strpbrk (fraction, "., ") != NULL)
        return not_a_number (text, error);
    }

  /* What is left before the decimal separator is grouped, or plain. */
  if (strpbrk (integer->str, "., ") != NULL && !valid_grouping (integer->str))
    return not_a_number (text, error);
  if (integer->len == 0 && fraction == NULL)
    return not_a_number (text, error);

  if (negative)
    g_string_append_c (number, '-');
  for (const char *d = integer->str; *d != '\0'; d++)
    if (g_ascii_isdigit (*d))
      g_string_append_c (number, *d);
  if (number->len == (gsize)negative)
    g_string_append_c (number, '0');
  if (fraction != NULL)
    g_string_append_printf (number, ".%s", fraction);

  result = g_ascii_strtod (number->str, NULL);
  if (!isfinite (result))
    return not_a_number (text, error);

  *value = result;
  return TRUE;
}

/**
 * measures_format_decimal:
 * @value: a finite number
 * @decimals: how many decimals to write, or -1 for as many as it has (at
 *   most six)
 *
 * Returns: (transfer full): @value as the interface language writes it,
 *   with its thousands separated: "1.234,5", "1,234.5", "1 234,5" (with a
 *   narrow no-break space); measures_format_parse_number() reads it back
 */
char *
measures_format_decimal (double value,
                         int    decimals)
{
  g_autofree char *plain = NULL;
  GString *text = g_string_new (NULL);
  const char *digits;
  const char *point;
  gsize length;

  /* A chart's scale may hand anything over: never a critical for it. */
  if (!isfinite (value))
    {
      g_string_free (text, TRUE);
      return g_strdup ("–");
    }

  plain = g_strdup_printf ("%.*f", decimals < 0 ? 6 : MIN (decimals, 15), value);
  /* printf's point is the C library's: whatever it is, make it ours. */
  g_strdelimit (plain, ",", '.');
  if (decimals < 0 && strchr (plain, '.') != NULL)
    {
      gsize end = strlen (plain);

      while (plain[end - 1] == '0')
        plain[--end] = '\0';
      if (plain[end - 1] == '.')
        plain[--end] = '\0';
    }
  if (g_str_equal (plain, "-0"))
    plain[0] = '0', plain[1] = '\0';

  digits = plain;
  if (*digits == '-')
    {
      g_string_append_c (text, '-');
      digits++;
    }
  point = strchr (digits, '.');
  length = point ? (gsize)(point - digits) : strlen (digits);

  for (gsize i = 0; i < length; i++)
    {
      if (i > 0 && (length - i) % 3 == 0)
        g_string_append (text, thousands_separator ());
      g_string_append_c (text, digits[i]);
    }
  if (point != NULL)
    {
      g_string_append_c (text, decimal_separator ());
      g_string_append (text, point + 1);
    }

  return g_string_free (text, FALSE);
}

/**
 * measures_format_month:
 * @year: a year
 * @month: a month, from 1 to 12
 *
 * Returns: (transfer full): the month and its year in the interface
 *   language, e.g. "March 2024", "März 2024", "mars 2024"
 */
char *
measures_format_month (guint year,
                       guint month)
{
  g_return_val_if_fail (month >= 1 && month <= 12, NULL);

  /* Translators: a month of a year, e.g. "March 2024": %1$s is the month's
   * name, %2$u the year */
  return g_strdup_printf (C_("month and year", "%1$s %2$u"),
                          measures_pgettext ("month", months[month - 1]), year);
}
