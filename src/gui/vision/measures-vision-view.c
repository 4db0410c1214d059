/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-vision-view"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-goal.h"
#include "measures-navigation.h"
#include "measures-vision-view.h"

/**
 * MeasuresVisionView:
 *
 * The strategy's vision with its statements, and its goals as rows that
 * lead to each goal's measures.
 */
struct _MeasuresVisionView
{
  AdwBin parent_instance;

  /* Template widgets */
  GtkLabel *strategy_label;
  GtkLabel *vision_label;
  GtkBox *statements_box;
  GtkListBox *goals_list;
};

G_DEFINE_FINAL_TYPE (MeasuresVisionView, measures_vision_view, ADW_TYPE_BIN)

enum {
  GOAL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
goal_row_activated (MeasuresVisionView *self,
                    GtkListBoxRow      *row)
{
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "goal-number"));

  g_signal_emit (self, signals[GOAL_ACTIVATED], 0, number);
}

static GtkWidget *
row_label (const char *text,
           const char *style)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (style != NULL)
    gtk_widget_add_css_class (label, style);
  return label;
}

static GtkWidget *
create_goal_row (gpointer item,
                 gpointer user_data)
{
  MeasuresGoal *goal = item;
  g_autofree char *title = NULL;
  GtkWidget *row, *box, *labels;

  /* Translators: a goal's row: "Goal 1: Internationale Stadtgesellschaft …" */
  title = g_strdup_printf (_("Goal %u: %s"), measures_goal_get_number (goal),
                           measures_goal_get_title (goal));

  /* A plain row of two labels looks as a libadwaita action row does and
   * lays out its wrapped text in half the time: this page is the first
   * frame's. */
  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  labels = gtk_box_new (GTK_ORIENTATION_VERTICAL, 3);
  gtk_widget_set_hexpand (labels, TRUE);
  gtk_widget_set_valign (labels, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (box), labels);
  gtk_box_append (GTK_BOX (labels), row_label (title, NULL));
  gtk_box_append (GTK_BOX (labels), row_label (measures_goal_get_headline (goal), "subtitle"));
  gtk_box_append (GTK_BOX (box), gtk_image_new_from_icon_name ("go-next-symbolic"));

  row = gtk_list_box_row_new ();
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  measures_goal_get_headline (goal), -1);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "goal-number",
                     GUINT_TO_POINTER (measures_goal_get_number (goal)));

  return row;
}

static void
measures_vision_view_dispose (GObject *object)
{
  /* AdwBin unparents its child itself; let it do so before the template
   * drops its references. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_VISION_VIEW);

  G_OBJECT_CLASS (measures_vision_view_parent_class)->dispose (object);
}

static void
measures_vision_view_class_init (MeasuresVisionViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_vision_view_dispose;

  /**
   * MeasuresVisionView::goal-activated:
   * @self: the view
   * @number: the goal's number
   *
   * Emitted when the user opens a goal from the list of goals.
   */
  signals[GOAL_ACTIVATED] =
    g_signal_new ("goal-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_UINT);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/vision/measures-vision-view.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresVisionView, strategy_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresVisionView, vision_label);
  gtk_widget_class_bind_template_child (widget_class, MeasuresVisionView, statements_box);
  gtk_widget_class_bind_template_child (widget_class, MeasuresVisionView, goals_list);
  gtk_widget_class_bind_template_callback (widget_class, goal_row_activated);
}

static void
measures_vision_view_init (MeasuresVisionView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  measures_list_tab_leaves (GTK_WIDGET (self->goals_list));
}

/**
 * measures_vision_view_set_vision:
 * @goals: a list of #MeasuresGoal
 *
 * Shows the strategy's vision and goals.
 */
void
measures_vision_view_set_vision (MeasuresVisionView *self,
                                 const char         *strategy_title,
                                 const char         *vision_title,
                                 const char * const *statements,
                                 GListModel         *goals)
{
  GtkWidget *child;

  g_return_if_fail (MEASURES_IS_VISION_VIEW (self));
  g_return_if_fail (G_IS_LIST_MODEL (goals));

  gtk_label_set_text (self->strategy_label, strategy_title);
  gtk_label_set_text (self->vision_label, vision_title);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->statements_box))))
    gtk_box_remove (self->statements_box, child);

  for (guint i = 0; statements[i] != NULL; i++)
    {
      GtkWidget *label = gtk_label_new (statements[i]);

      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_widget_add_css_class (label, "title-4");
      gtk_box_append (self->statements_box, label);
    }

  gtk_list_box_bind_model (self->goals_list, goals, create_goal_row, NULL, NULL);
}
