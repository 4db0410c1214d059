/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measure-row"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-measure-row.h"

/**
 * MeasuresMeasureRow:
 *
 * A measure in the list: its title, then its goal and lead, its status and
 * its priority. Built in code rather than from a template: a list of
 * thousands makes and binds rows as it scrolls and filters, and a template
 * costs a parse for every row.
 */
struct _MeasuresMeasureRow
{
  GtkWidget parent_instance;

  MeasuresMeasure *measure;
  GtkWidget *box;
  GtkLabel *title;
  GtkLabel *subtitle;
  GtkLabel *status;
  GtkLabel *priority;
};

G_DEFINE_FINAL_TYPE (MeasuresMeasureRow, measures_measure_row, GTK_TYPE_WIDGET)

static void
measures_measure_row_dispose (GObject *object)
{
  MeasuresMeasureRow *self = MEASURES_MEASURE_ROW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->measure);

  G_OBJECT_CLASS (measures_measure_row_parent_class)->dispose (object);
}

static void
measures_measure_row_class_init (MeasuresMeasureRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = measures_measure_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkLabel *
add_label (GtkWidget *box,
           gboolean   expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, expand);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
measures_measure_row_init (MeasuresMeasureRow *self)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (self->box, 8);
  gtk_widget_set_margin_bottom (self->box, 8);
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title = add_label (self->box, FALSE);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_wrap_mode (self->title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->title, 3);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->title, 20);
  gtk_label_set_max_width_chars (self->title, 40);

  gtk_box_append (GTK_BOX (self->box), line);
  self->subtitle = add_label (line, TRUE);
  gtk_label_set_ellipsize (self->subtitle, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "caption");
  self->status = add_label (line, FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->status), GTK_ALIGN_CENTER);
  self->priority = add_label (line, FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->priority), GTK_ALIGN_CENTER);
}

static void
set_badge (GtkLabel   *label,
           const char *text,
           const char *kind,
           const char *value)
{
  const char *classes[] = { kind, value, NULL };

  gtk_label_set_text (label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (label), classes);
}

/**
 * measures_measure_row_set_measure:
 * @measure: (nullable): the measure to show
 */
void
measures_measure_row_set_measure (MeasuresMeasureRow *self,
                                  MeasuresMeasure    *measure)
{
  const char * const *lead;
  g_autofree char *offices = NULL;
  g_autofree char *subtitle = NULL;
  MeasuresStatus status;
  MeasuresPriority priority;

  g_return_if_fail (MEASURES_IS_MEASURE_ROW (self));

  /* GTK 4.8's list view binds every row again after a change above it;
   * the same item (a changed measure is a new one) leaves the labels, and
   * their layout, alone. */
  if (measure != NULL && measure == self->measure)
    return;
  g_set_object (&self->measure, measure);

  if (measure == NULL)
    {
      gtk_label_set_text (self->title, "");
      gtk_label_set_text (self->subtitle, "");
      set_badge (self->status, "", "status", NULL);
      set_badge (self->priority, "", "priority", NULL);
      return;
    }

  lead = measures_measure_get_lead_offices (measure);
  offices = lead[0] ? g_strjoinv (", ", (GStrv)lead) : g_strdup (measures_measure_get_lead (measure));
  /* Translators: under a measure's title in the list: "Goal 2 · SAM" */
  subtitle = g_strdup_printf (_("Goal %u · %s"), measures_measure_get_goal (measure), offices);
  status = measures_measure_get_status (measure);
  priority = measures_measure_get_priority (measure);

  gtk_label_set_text (self->title, measures_measure_get_title (measure));
  gtk_label_set_text (self->subtitle, subtitle);
  set_badge (self->status, measures_status_get_label (status), "status",
             measures_status_to_string (status));
  set_badge (self->priority, measures_priority_get_label (priority), "priority",
             measures_priority_to_string (priority));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item)
{
  gtk_list_item_set_child (list_item, g_object_new (MEASURES_TYPE_MEASURE_ROW, NULL));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  measures_measure_row_set_measure (MEASURES_MEASURE_ROW (gtk_list_item_get_child (list_item)),
                                    gtk_list_item_get_item (list_item));
}

/**
 * measures_measure_row_factory_new:
 *
 * Returns: (transfer full): a factory of rows for a list of #MeasuresMeasure
 */
GtkListItemFactory *
measures_measure_row_factory_new (void)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  /* Nothing on unbind: a row is bound again straight away, or dropped. */
  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  return factory;
}
