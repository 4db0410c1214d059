/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-objective-row"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "measures-objective-row.h"

/**
 * MeasuresObjectiveRow:
 *
 * One objective in the measure editor: its number, buttons to move it up
 * or down or remove it, and its text in a field that wraps, so that a long
 * objective is read whole in a narrow window too.
 *
 * An objective is one paragraph, as the strategy prints it and as the
 * history records it (one objective a line): Enter does not break it, and
 * line breaks pasted in become spaces.
 */
struct _MeasuresObjectiveRow
{
  GtkListBoxRow parent_instance;

  /* Template widgets */
  GtkLabel *number_label;
  GtkWidget *up_button;
  GtkWidget *down_button;
  GtkTextView *text_view;
};

G_DEFINE_FINAL_TYPE (MeasuresObjectiveRow, measures_objective_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  MOVE,
  REMOVE,
  CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
up_clicked (MeasuresObjectiveRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, -1);
}

static void
down_clicked (MeasuresObjectiveRow *self)
{
  g_signal_emit (self, signals[MOVE], 0, +1);
}

static void
remove_clicked (MeasuresObjectiveRow *self)
{
  g_signal_emit (self, signals[REMOVE], 0);
}

static void
text_changed (MeasuresObjectiveRow *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

/* Line breaks, typed or pasted, become spaces. */
static void
text_inserted (GtkTextBuffer        *buffer,
               GtkTextIter          *location,
               const char           *text,
               int                   length,
               MeasuresObjectiveRow *self)
{
  g_autofree char *flat = NULL;

  if (memchr (text, '\n', length < 0 ? strlen (text) : (gsize)length) == NULL &&
      memchr (text, '\r', length < 0 ? strlen (text) : (gsize)length) == NULL)
    return;

  flat = g_strndup (text, length < 0 ? strlen (text) : (gsize)length);
  g_strdelimit (flat, "\r\n", ' ');
  g_signal_stop_emission_by_name (buffer, "insert-text");
  g_signal_handlers_block_by_func (buffer, text_inserted, self);
  gtk_text_buffer_insert (buffer, location, flat, -1);
  g_signal_handlers_unblock_by_func (buffer, text_inserted, self);
}

/* Enter would only add a space: it does nothing, as in an entry. */
static gboolean
key_pressed (MeasuresObjectiveRow *self,
             guint                 keyval,
             guint                 keycode,
             GdkModifierType       state)
{
  return (keyval == GDK_KEY_Return || keyval == GDK_KEY_KP_Enter || keyval == GDK_KEY_ISO_Enter) &&
         (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) == 0;
}

static void
measures_objective_row_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_OBJECTIVE_ROW);

  G_OBJECT_CLASS (measures_objective_row_parent_class)->dispose (object);
}

static void
measures_objective_row_class_init (MeasuresObjectiveRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_objective_row_dispose;

  /**
   * MeasuresObjectiveRow::move:
   * @delta: -1 to move the objective up, +1 to move it down
   *
   * The user asked to move the objective.
   */
  signals[MOVE] = g_signal_new ("move", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT);

  /**
   * MeasuresObjectiveRow::remove:
   *
   * The user asked to remove the objective.
   */
  signals[REMOVE] = g_signal_new ("remove", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 0);

  /**
   * MeasuresObjectiveRow::changed:
   *
   * The objective's text changed.
   */
  signals[CHANGED] = g_signal_new ("changed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0,
                                   NULL, NULL, NULL, G_TYPE_NONE, 0);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX
                                               "/measures/measures-objective-row.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresObjectiveRow, number_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresObjectiveRow, up_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresObjectiveRow, down_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresObjectiveRow, text_view);
  gtk_widget_class_bind_template_callback (widget_class, up_clicked);
  gtk_widget_class_bind_template_callback (widget_class, down_clicked);
  gtk_widget_class_bind_template_callback (widget_class, remove_clicked);
  gtk_widget_class_bind_template_callback (widget_class, key_pressed);
}

/* GTK 4.8's text view learns its height only once its lines are laid out,
 * after the row first took its place: without asking again, an objective
 * would show as an empty sliver until something else resizes the list. */
static gboolean
resize_text (gpointer data)
{
  gtk_widget_queue_resize (data);
  return G_SOURCE_REMOVE;
}

static void
text_view_mapped (GtkWidget *text_view)
{
  g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, resize_text, g_object_ref (text_view),
                   g_object_unref);
}

static void
measures_objective_row_init (MeasuresObjectiveRow *self)
{
  GtkTextBuffer *buffer;

  gtk_widget_init_template (GTK_WIDGET (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  g_signal_connect (self->text_view, "map", G_CALLBACK (text_view_mapped), NULL);
  g_signal_connect_object (buffer, "insert-text", G_CALLBACK (text_inserted), self, 0);
  g_signal_connect_object (buffer, "changed", G_CALLBACK (text_changed), self,
                           G_CONNECT_SWAPPED);
}

/**
 * measures_objective_row_new:
 * @text: the objective
 *
 * Returns: (transfer floating): a row to edit @text
 */
GtkWidget *
measures_objective_row_new (const char *text)
{
  MeasuresObjectiveRow *self = g_object_new (MEASURES_TYPE_OBJECTIVE_ROW, NULL);

  g_return_val_if_fail (text != NULL, NULL);

  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->text_view), text, -1);
  return GTK_WIDGET (self);
}

/**
 * measures_objective_row_dup_text:
 *
 * Returns: (transfer full): the objective as typed, without the spaces
 *   around it
 */
char *
measures_objective_row_dup_text (MeasuresObjectiveRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter start, end;

  g_return_val_if_fail (MEASURES_IS_OBJECTIVE_ROW (self), NULL);

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  return g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
}

/**
 * measures_objective_row_set_number:
 * @number: the objective's place in the list, from 1
 * @n_objectives: how many objectives the list has
 *
 * Numbers the objective, and offers to move it only where it can go.
 */
void
measures_objective_row_set_number (MeasuresObjectiveRow *self,
                                   guint                 number,
                                   guint                 n_objectives)
{
  g_autofree char *label = NULL;

  g_return_if_fail (MEASURES_IS_OBJECTIVE_ROW (self));

  /* Translators: above an objective's field in the editor; %u is its number */
  label = g_strdup_printf (_("Objective %u"), number);
  gtk_label_set_text (self->number_label, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  label, -1);
  gtk_widget_set_sensitive (self->up_button, number > 1);
  gtk_widget_set_sensitive (self->down_button, number < n_objectives);
}

/**
 * measures_objective_row_focus_text:
 *
 * Gives the keyboard to the objective's text, at its end.
 */
void
measures_objective_row_focus_text (MeasuresObjectiveRow *self)
{
  GtkTextBuffer *buffer;
  GtkTextIter end;

  g_return_if_fail (MEASURES_IS_OBJECTIVE_ROW (self));

  buffer = gtk_text_view_get_buffer (self->text_view);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
}
