/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measure-view"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-change-row.h"
#include "measures-format.h"
#include "measures-measure-diff.h"
#include "measures-types.h"

/* A row of a measure's history. Values longer than this are cut in the
 * list, and shown whole on request. */
#define HISTORY_LIMIT 160

static char *
shorten (const char *value,
         glong       limit)
{
  g_autofree char *head = NULL;

  if (value == NULL || value[0] == '\0')
    return g_strdup (C_("empty field", "—"));

  if (limit < 0 || g_utf8_strlen (value, -1) <= limit)
    return g_strdup (value);

  head = g_utf8_substring (value, 0, limit);
  return g_strconcat (head, "…", NULL);
}

static char *
describe_value (const char *field,
                const char *value,
                glong       limit)
{
  MeasuresStatus status;
  MeasuresPriority priority;

  if (value != NULL && g_str_equal (field, "status") && measures_status_from_string (value, &status))
    return g_strdup (measures_status_get_label (status));
  if (value != NULL && g_str_equal (field, "priority") &&
      measures_priority_from_string (value, &priority))
    return g_strdup (measures_priority_get_label (priority));
  if (value != NULL && g_str_equal (field, "progress"))
    return g_strdup_printf (_("%s %%"), value);

  return shorten (value, limit);
}

/* The history keeps a measure's objectives one to a line. */
static GStrv
split_objectives (const char *value)
{
  if (value == NULL || value[0] == '\0')
    return g_new0 (char *, 1);
  return g_strsplit (value, "\n", -1);
}

/* What became of each objective, one line each, every objective whole. */
static char *
describe_objectives (const char *old_value,
                     const char *new_value)
{
  g_auto(GStrv) before = split_objectives (old_value);
  g_auto(GStrv) after = split_objectives (new_value);
  g_autoptr(GArray) edits = measures_list_diff ((const char * const *)before,
                                                (const char * const *)after);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < edits->len; i++)
    {
      const MeasuresListEdit *edit = &g_array_index (edits, MeasuresListEdit, i);

      if (text->len > 0)
        g_string_append_c (text, '\n');
      switch (edit->kind)
        {
        case MEASURES_LIST_EDIT_ADDED:
          /* Translators: in a measure's history, an objective added */
          g_string_append_printf (text, _("Added: “%s”"), edit->new_text);
          break;
        case MEASURES_LIST_EDIT_REMOVED:
          /* Translators: in a measure's history, an objective removed */
          g_string_append_printf (text, _("Removed: “%s”"), edit->old_text);
          break;
        case MEASURES_LIST_EDIT_MOVED:
          /* Translators: in a measure's history, an objective put elsewhere
           * in the list; the numbers are its places before and after */
          g_string_append_printf (text, _("Moved from %d to %d: “%s”"),
                                  edit->old_position + 1, edit->new_position + 1, edit->new_text);
          break;
        case MEASURES_LIST_EDIT_CHANGED:
          if (edit->moved)
            /* Translators: in a measure's history, an objective put elsewhere
             * in the list and reworded: its places, its old and new text */
            g_string_append_printf (text, _("Moved from %d to %d and changed: “%s” → “%s”"),
                                    edit->old_position + 1, edit->new_position + 1,
                                    edit->old_text, edit->new_text);
          else
            /* Translators: in a measure's history, an objective reworded:
             * its old and new text */
            g_string_append_printf (text, _("Changed: “%s” → “%s”"), edit->old_text,
                                    edit->new_text);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (text, FALSE);
}

/* A change's values, cut to @limit characters, or whole with -1. */
static char *
describe_change (MeasuresChange *change,
                 glong           limit)
{
  const char *field = measures_change_get_field (change);
  const char *old_text = measures_change_get_old_value (change);
  const char *new_text = measures_change_get_new_value (change);
  g_autofree char *old_value = describe_value (field, old_text, limit);
  g_autofree char *new_value = describe_value (field, new_text, limit);

  if (g_str_equal (field, "created") || g_str_equal (field, "removed") ||
      g_str_equal (field, "restored"))
    return g_steal_pointer (&new_value);
  if (g_str_equal (field, "objectives"))
    {
      g_autofree char *edits = describe_objectives (old_text, new_text);

      if (edits[0] != '\0')
        return g_steal_pointer (&edits);
    }

  /* Translators: a changed value: old → new */
  return g_strdup_printf (_("%s → %s"), old_value, new_value);
}

static void
whole_text_toggled (GtkToggleButton *button,
                    AdwActionRow    *row)
{
  MeasuresChange *change = g_object_get_data (G_OBJECT (row), "change");
  g_autofree char *subtitle = describe_change (change, gtk_toggle_button_get_active (button)
                                                       ? -1 : HISTORY_LIMIT);
  const char *label = gtk_toggle_button_get_active (button) ? _("Shorten Text")
                                                            : _("Show Whole Text");

  adw_action_row_set_subtitle (row, subtitle);
  gtk_widget_set_tooltip_text (GTK_WIDGET (button), label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/**
 * measures_change_row_new:
 * @change: an entry of a measure's history
 *
 * Returns: (transfer floating): a row that tells when, by whom and what
 *   changed: each objective added, removed, moved or reworded on a line of
 *   its own, whole; other long values cut, with a button that shows them
 *   whole
 */
GtkWidget *
measures_change_row_new (MeasuresChange *change)
{
  g_autofree char *date = measures_format_iso_date (measures_change_get_date (change), TRUE);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = describe_change (change, HISTORY_LIMIT);
  g_autofree char *whole = describe_change (change, -1);
  GtkWidget *row = adw_action_row_new ();

  /* Translators: a history row: date · author · changed field */
  title = g_strdup_printf (_("%s · %s · %s"), date, measures_change_get_author (change),
                           measures_change_get_field_label (change));

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 0);

  /* Nothing is lost for being long: the whole text is a click away. */
  if (!g_str_equal (subtitle, whole))
    {
      GtkWidget *button = gtk_toggle_button_new ();

      gtk_button_set_icon_name (GTK_BUTTON (button), "view-more-horizontal-symbolic");
      gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
      gtk_widget_add_css_class (button, "flat");
      g_object_set_data_full (G_OBJECT (row), "change", g_object_ref (change), g_object_unref);
      g_signal_connect (button, "toggled", G_CALLBACK (whole_text_toggled), row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      whole_text_toggled (GTK_TOGGLE_BUTTON (button), ADW_ACTION_ROW (row));
    }

  return row;
}
