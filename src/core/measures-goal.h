/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define MEASURES_TYPE_GOAL (measures_goal_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresGoal, measures_goal, MEASURES, GOAL, GObject)

MeasuresGoal *measures_goal_new          (gint64        id,
                                          guint         number,
                                          const char   *title,
                                          const char   *headline,
                                          const char   *text);
guint         measures_goal_get_number   (MeasuresGoal *self);
const char   *measures_goal_get_title    (MeasuresGoal *self);
const char   *measures_goal_get_headline (MeasuresGoal *self);
const char   *measures_goal_get_text     (MeasuresGoal *self);

G_END_DECLS
