/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-goal"

#include "config.h"

#include "measures-goal.h"

/**
 * MeasuresGoal:
 *
 * One of the strategy's goals ("Ziel 1" … "Ziel 5"): the title, the one-line
 * headline printed under it and the paragraph that explains it.
 */
struct _MeasuresGoal
{
  GObject parent_instance;

  gint64 id;
  guint number;
  char *title;
  char *headline;
  char *text;
};

G_DEFINE_FINAL_TYPE (MeasuresGoal, measures_goal, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_ID,
  PROP_NUMBER,
  PROP_TITLE,
  PROP_HEADLINE,
  PROP_TEXT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
measures_goal_finalize (GObject *object)
{
  MeasuresGoal *self = (MeasuresGoal *)object;

  g_free (self->title);
  g_free (self->headline);
  g_free (self->text);

  G_OBJECT_CLASS (measures_goal_parent_class)->finalize (object);
}

static void
measures_goal_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  MeasuresGoal *self = MEASURES_GOAL (object);

  switch (prop_id)
    {
    case PROP_ID:
      g_value_set_int64 (value, self->id);
      break;
    case PROP_NUMBER:
      g_value_set_uint (value, self->number);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_HEADLINE:
      g_value_set_string (value, self->headline);
      break;
    case PROP_TEXT:
      g_value_set_string (value, self->text);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_goal_class_init (MeasuresGoalClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = measures_goal_finalize;
  object_class->get_property = measures_goal_get_property;

  properties[PROP_ID] =
    g_param_spec_int64 ("id", NULL, NULL, 0, G_MAXINT64, 0,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_NUMBER] =
    g_param_spec_uint ("number", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_HEADLINE] =
    g_param_spec_string ("headline", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_TEXT] =
    g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
measures_goal_init (MeasuresGoal *self)
{
}

/**
 * measures_goal_new:
 *
 * Returns: (transfer full): a goal as read from the store
 */
MeasuresGoal *
measures_goal_new (gint64      id,
                   guint       number,
                   const char *title,
                   const char *headline,
                   const char *text)
{
  MeasuresGoal *self = g_object_new (MEASURES_TYPE_GOAL, NULL);

  self->id = id;
  self->number = number;
  self->title = g_strdup (title);
  self->headline = g_strdup (headline);
  self->text = g_strdup (text);

  return self;
}

guint
measures_goal_get_number (MeasuresGoal *self)
{
  g_return_val_if_fail (MEASURES_IS_GOAL (self), 0);
  return self->number;
}

const char *
measures_goal_get_title (MeasuresGoal *self)
{
  g_return_val_if_fail (MEASURES_IS_GOAL (self), NULL);
  return self->title;
}

const char *
measures_goal_get_headline (MeasuresGoal *self)
{
  g_return_val_if_fail (MEASURES_IS_GOAL (self), NULL);
  return self->headline;
}

const char *
measures_goal_get_text (MeasuresGoal *self)
{
  g_return_val_if_fail (MEASURES_IS_GOAL (self), NULL);
  return self->text;
}
