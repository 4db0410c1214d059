/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-vision-page"

#include "config.h"

#include "measures-vision-page.h"
#include "measures-vision-view.h"

/**
 * MeasuresVisionPage:
 *
 * The window's first page: the vision and the goals, each leading to its
 * measures. Print prints the whole strategy here.
 */
struct _MeasuresVisionPage
{
  MeasuresPageBin parent_instance;

  /* Template widgets */
  MeasuresVisionView *vision_view;
};

/* MeasuresPageBin's defaults serve: Print prints the whole strategy here,
 * and a page that shows the same to everyone has nothing to note. */
G_DEFINE_FINAL_TYPE (MeasuresVisionPage, measures_vision_page, MEASURES_TYPE_PAGE_BIN)

static void
goal_activated (MeasuresVisionPage *self,
                guint               number)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-goal", "u", number);
}

static void
measures_vision_page_dispose (GObject *object)
{
  /* AdwBin unparents its child itself; let it do so before the template
   * drops its references. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_VISION_PAGE);

  G_OBJECT_CLASS (measures_vision_page_parent_class)->dispose (object);
}

static void
measures_vision_page_class_init (MeasuresVisionPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_vision_page_dispose;

  g_type_ensure (MEASURES_TYPE_VISION_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/vision/measures-vision-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresVisionPage, vision_view);
  gtk_widget_class_bind_template_callback (widget_class, goal_activated);
}

static void
measures_vision_page_init (MeasuresVisionPage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * measures_vision_page_set_vision:
 * @goals: a list of #MeasuresGoal
 *
 * Shows the strategy's vision and goals.
 */
void
measures_vision_page_set_vision (MeasuresVisionPage *self,
                                 const char         *strategy_title,
                                 const char         *vision_title,
                                 const char * const *statements,
                                 GListModel         *goals)
{
  g_return_if_fail (MEASURES_IS_VISION_PAGE (self));

  measures_vision_view_set_vision (self->vision_view, strategy_title, vision_title, statements,
                                   goals);
}
