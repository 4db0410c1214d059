/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-sidebar-row"

#include "config.h"

#include "measures-sidebar-row.h"

/**
 * MeasuresSidebarRow:
 *
 * A row of the window's sidebar: the view it leads to, and for a goal's
 * view the goal's number.
 */
struct _MeasuresSidebarRow
{
  GtkListBoxRow parent_instance;

  guint view;
  guint goal;
};

G_DEFINE_FINAL_TYPE (MeasuresSidebarRow, measures_sidebar_row, GTK_TYPE_LIST_BOX_ROW)

enum {
  PROP_0,
  PROP_VIEW,
  PROP_GOAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
measures_sidebar_row_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  MeasuresSidebarRow *self = MEASURES_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      g_value_set_uint (value, self->view);
      break;
    case PROP_GOAL:
      g_value_set_uint (value, self->goal);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_sidebar_row_set_property (GObject      *object,
                                   guint         prop_id,
                                   const GValue *value,
                                   GParamSpec   *pspec)
{
  MeasuresSidebarRow *self = MEASURES_SIDEBAR_ROW (object);

  switch (prop_id)
    {
    case PROP_VIEW:
      self->view = g_value_get_uint (value);
      break;
    case PROP_GOAL:
      self->goal = g_value_get_uint (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_sidebar_row_class_init (MeasuresSidebarRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = measures_sidebar_row_get_property;
  object_class->set_property = measures_sidebar_row_set_property;

  /* The window's View: which page, and how it is shown. */
  properties[PROP_VIEW] =
    g_param_spec_uint ("view", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_GOAL] =
    g_param_spec_uint ("goal", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
measures_sidebar_row_init (MeasuresSidebarRow *self)
{
}

/**
 * measures_sidebar_row_new:
 * @title: what the row says
 * @subtitle: (nullable): a line under the title
 * @view: the view the row leads to
 * @goal: the goal's number for a goal's view, else 0
 *
 * Returns: (transfer floating): a row of the window's sidebar
 */
GtkWidget *
measures_sidebar_row_new (const char *title,
                          const char *subtitle,
                          guint       view,
                          guint       goal)
{
  GtkWidget *row = g_object_new (MEASURES_TYPE_SIDEBAR_ROW, "view", view, "goal", goal, NULL);
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (title);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_box_append (GTK_BOX (box), label);

  if (subtitle != NULL)
    {
      GtkWidget *caption = gtk_label_new (subtitle);

      gtk_label_set_xalign (GTK_LABEL (caption), 0);
      gtk_label_set_wrap (GTK_LABEL (caption), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (caption), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_max_width_chars (GTK_LABEL (caption), 28);
      gtk_widget_add_css_class (caption, "dim-label");
      gtk_widget_add_css_class (caption, "sidebar-goal-title");
      gtk_box_append (GTK_BOX (box), caption);
    }

  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  /* A row is read by its title; the goal's name comes as its description. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  if (subtitle != NULL)
    gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                    subtitle, -1);

  return row;
}

/**
 * measures_sidebar_row_get_view:
 *
 * Returns: the view the row leads to
 */
guint
measures_sidebar_row_get_view (MeasuresSidebarRow *self)
{
  g_return_val_if_fail (MEASURES_IS_SIDEBAR_ROW (self), 0);

  return self->view;
}

/**
 * measures_sidebar_row_get_goal:
 *
 * Returns: the goal's number for a goal's view, else 0
 */
guint
measures_sidebar_row_get_goal (MeasuresSidebarRow *self)
{
  g_return_val_if_fail (MEASURES_IS_SIDEBAR_ROW (self), 0);

  return self->goal;
}
