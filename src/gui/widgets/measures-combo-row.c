/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-combo-row"

#include "config.h"

#include "measures-combo-row.h"

/* Choices whose names are long — a goal's, a measure's, an office's — shown
 * whole in a narrow window: each item of the list on as many lines as it
 * needs, the chosen one ticked, and the choice as the row's subtitle,
 * which wraps, instead of a name cut to "Ziel 1: Internationale …". */

static void
item_setup (GtkSignalListItemFactory *factory,
            GtkListItem              *item,
            gpointer                  row)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *label = gtk_label_new (NULL);
  GtkWidget *check = gtk_image_new_from_icon_name ("object-select-symbolic");

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_max_width_chars (GTK_LABEL (label), 30);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_set_valign (check, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), check);
  gtk_list_item_set_child (item, box);
}

static void
item_update_check (GtkListItem *item,
                   GParamSpec  *pspec,
                   AdwComboRow *row)
{
  GtkWidget *check = gtk_widget_get_last_child (gtk_list_item_get_child (item));

  gtk_widget_set_opacity (check, adw_combo_row_get_selected_item (row) ==
                                 gtk_list_item_get_item (item) ? 1 : 0);
}

static void
item_bind (GtkSignalListItemFactory *factory,
           GtkListItem              *item,
           AdwComboRow              *row)
{
  GtkWidget *label = gtk_widget_get_first_child (gtk_list_item_get_child (item));
  g_autofree char *text = NULL;
  GtkExpression *expression = adw_combo_row_get_expression (row);
  GValue value = G_VALUE_INIT;

  if (expression != NULL &&
      gtk_expression_evaluate (expression, gtk_list_item_get_item (item), &value))
    {
      text = g_value_dup_string (&value);
      g_value_unset (&value);
    }
  else if (GTK_IS_STRING_OBJECT (gtk_list_item_get_item (item)))
    text = g_strdup (gtk_string_object_get_string (gtk_list_item_get_item (item)));

  gtk_label_set_text (GTK_LABEL (label), text ? text : "");
  g_signal_connect_object (row, "notify::selected-item", G_CALLBACK (item_update_check), item,
                           G_CONNECT_SWAPPED);
  item_update_check (item, NULL, row);
}

static void
item_unbind (GtkSignalListItemFactory *factory,
             GtkListItem              *item,
             AdwComboRow              *row)
{
  g_signal_handlers_disconnect_by_func (row, item_update_check, item);
}

/**
 * measures_combo_row_show_whole:
 * @row: a combo row of long names: a list of strings, or items its
 *   expression names
 *
 * Shows the chosen item whole as @row's subtitle, and every item of its
 * list whole, ticked when chosen.
 */
void
measures_combo_row_show_whole (AdwComboRow *row)
{
  g_autoptr(GtkListItemFactory) factory = gtk_signal_list_item_factory_new ();

  g_return_if_fail (ADW_IS_COMBO_ROW (row));

  g_signal_connect_object (factory, "setup", G_CALLBACK (item_setup), row, 0);
  g_signal_connect_object (factory, "bind", G_CALLBACK (item_bind), row, 0);
  g_signal_connect_object (factory, "unbind", G_CALLBACK (item_unbind), row, 0);
  adw_combo_row_set_list_factory (row, factory);
  adw_combo_row_set_use_subtitle (row, TRUE);
}
