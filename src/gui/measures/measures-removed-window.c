/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-removed-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-format.h"
#include "measures-navigation.h"
#include "measures-removed-window.h"

/**
 * MeasuresRemovedWindow:
 *
 * The measures removed from the strategy, each with a Restore button: a
 * removal can be taken back long after its toast has gone. The list
 * follows the store, so a measure restored elsewhere leaves it.
 */
struct _MeasuresRemovedWindow
{
  AdwWindow parent_instance;

  /* Owned */
  MeasuresContext *context;
  MeasuresStore *store;         /* the context's */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkListBox *removed_list;
};

G_DEFINE_FINAL_TYPE (MeasuresRemovedWindow, measures_removed_window, ADW_TYPE_WINDOW)

static void
restore_clicked (GtkButton             *button,
                 MeasuresRemovedWindow *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);
  gint64 id = g_ascii_strtoll (gtk_widget_get_name (row), NULL, 10);

  measures_removed_window_restore (self, id);
}

static GtkWidget *
create_row (MeasuresRemovedWindow *self,
            MeasuresMeasure       *measure)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = gtk_button_new_with_mnemonic (_("_Restore"));
  g_autofree char *id = g_strdup_printf ("%" G_GINT64_FORMAT, measures_measure_get_id (measure));
  g_autofree char *title = g_markup_escape_text (measures_measure_get_title (measure), -1);
  g_autoptr(GDateTime) when = g_date_time_new_from_iso8601 (measures_measure_get_removed (measure),
                                                           NULL);
  g_autofree char *removed = when ? measures_format_day_and_time (when) : NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *label = NULL;

  /* Translators: under a removed measure's title: its goal and when it
   * was removed, e.g. "Goal 2 · removed November 25, 2026, 14:05" */
  subtitle = g_strdup_printf (_("Goal %u · removed %s"), measures_measure_get_goal (measure),
                              removed ? removed : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_title_lines (ADW_ACTION_ROW (row), 0);
  gtk_widget_set_name (row, id);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  /* Translators: the Restore button's accessible name, %s a measure's title */
  label = g_strdup_printf (_("Restore “%s”"), measures_measure_get_title (measure));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
  g_signal_connect_object (button, "clicked", G_CALLBACK (restore_clicked), self, 0);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  return row;
}

static void
reload (MeasuresRemovedWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) removed = measures_store_list_removed_measures (self->store, &error);
  GtkWidget *row;

  while ((row = gtk_widget_get_first_child (GTK_WIDGET (self->removed_list))) != NULL)
    gtk_list_box_remove (self->removed_list, row);

  if (removed == NULL)
    {
      g_warning ("%s", error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }

  for (guint i = 0; i < g_list_model_get_n_items (removed); i++)
    {
      g_autoptr(MeasuresMeasure) measure = g_list_model_get_item (removed, i);

      gtk_list_box_append (self->removed_list, create_row (self, measure));
    }

  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (removed) > 0 ? "list" : "empty");
}

static void
measures_removed_window_dispose (GObject *object)
{
  MeasuresRemovedWindow *self = MEASURES_REMOVED_WINDOW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), MEASURES_TYPE_REMOVED_WINDOW);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (measures_removed_window_parent_class)->dispose (object);
}

static void
measures_removed_window_class_init (MeasuresRemovedWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_removed_window_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_PREFIX
                                               "/measures/measures-removed-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresRemovedWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MeasuresRemovedWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MeasuresRemovedWindow, removed_list);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
measures_removed_window_init (MeasuresRemovedWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  measures_list_tab_leaves (GTK_WIDGET (self->removed_list));
}

/**
 * measures_removed_window_new:
 * @parent: the window it belongs to
 * @context: the open strategy
 *
 * Returns: (transfer full): a window listing the strategy's removed measures
 */
MeasuresRemovedWindow *
measures_removed_window_new (GtkWindow       *parent,
                             MeasuresContext *context)
{
  MeasuresRemovedWindow *self;

  g_return_val_if_fail (GTK_IS_WINDOW (parent), NULL);
  g_return_val_if_fail (MEASURES_IS_CONTEXT (context), NULL);

  self = g_object_new (MEASURES_TYPE_REMOVED_WINDOW,
                       "transient-for", parent,
                       "application", gtk_window_get_application (parent),
                       NULL);
  self->context = g_object_ref (context);
  self->store = g_object_ref (measures_context_get_store (context));
  g_signal_connect_object (self->store, "measure-changed", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  reload (self);
  return self;
}

/**
 * measures_removed_window_restore:
 * @id: a removed measure's id
 *
 * Puts the measure back into the strategy, where it was, and says so.
 *
 * Returns: whether it was restored; if not, a toast says why
 */
gboolean
measures_removed_window_restore (MeasuresRemovedWindow *self,
                                 gint64                 id)
{
  g_autoptr(MeasuresMeasure) measure = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *message = NULL;

  g_return_val_if_fail (MEASURES_IS_REMOVED_WINDOW (self), FALSE);

  author = measures_context_dup_author (self->context);
  measure = measures_store_get_measure (self->store, id, &error);
  if (measure == NULL ||
      !measures_store_set_removed (self->store, id, measures_measure_get_revision (measure), FALSE,
                                   author, NULL, &error))
    {
      g_warning ("%s", error->message);
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return FALSE;
    }

  /* Translators: %s is a measure's title */
  message = g_strdup_printf (_("“%s” restored"), measures_measure_get_title (measure));
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (message));
  return TRUE;
}
