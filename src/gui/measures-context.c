/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-context"

#include "config.h"

#include "measures-context.h"

/**
 * MeasuresContext:
 *
 * What the window and its pages share while a strategy is open: the store,
 * the changes that can be undone (in every window), and the settings with
 * what they decide, such as the author's name and the paper size. Handed
 * to them rather than looked up on the application, so that a page can be
 * made, and tested, on its own.
 */
struct _MeasuresContext
{
  GObject parent_instance;

  MeasuresStore *store;
  MeasuresUndoStack *undo_stack;
  GSettings *settings;
};

G_DEFINE_FINAL_TYPE (MeasuresContext, measures_context, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_STORE,
  PROP_UNDO_STACK,
  PROP_SETTINGS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
measures_context_dispose (GObject *object)
{
  MeasuresContext *self = MEASURES_CONTEXT (object);

  g_clear_object (&self->store);
  g_clear_object (&self->undo_stack);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (measures_context_parent_class)->dispose (object);
}

static void
measures_context_get_property (GObject    *object,
                               guint       prop_id,
                               GValue     *value,
                               GParamSpec *pspec)
{
  MeasuresContext *self = MEASURES_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    case PROP_UNDO_STACK:
      g_value_set_object (value, self->undo_stack);
      break;
    case PROP_SETTINGS:
      g_value_set_object (value, self->settings);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_context_set_property (GObject      *object,
                               guint         prop_id,
                               const GValue *value,
                               GParamSpec   *pspec)
{
  MeasuresContext *self = MEASURES_CONTEXT (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    case PROP_UNDO_STACK:
      self->undo_stack = g_value_dup_object (value);
      break;
    case PROP_SETTINGS:
      self->settings = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_context_class_init (MeasuresContextClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = measures_context_dispose;
  object_class->get_property = measures_context_get_property;
  object_class->set_property = measures_context_set_property;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, MEASURES_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_UNDO_STACK] =
    g_param_spec_object ("undo-stack", NULL, NULL, MEASURES_TYPE_UNDO_STACK,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  /* None when the schema is not installed: the defaults apply. */
  properties[PROP_SETTINGS] =
    g_param_spec_object ("settings", NULL, NULL, G_TYPE_SETTINGS,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
measures_context_init (MeasuresContext *self)
{
}

/**
 * measures_context_new:
 * @store: the open strategy
 * @undo_stack: the changes to @store that can be undone
 * @settings: (nullable): the application's settings
 *
 * Returns: (transfer full): a context for the windows showing @store
 */
MeasuresContext *
measures_context_new (MeasuresStore     *store,
                      MeasuresUndoStack *undo_stack,
                      GSettings         *settings)
{
  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);
  g_return_val_if_fail (MEASURES_IS_UNDO_STACK (undo_stack), NULL);
  g_return_val_if_fail (settings == NULL || G_IS_SETTINGS (settings), NULL);

  return g_object_new (MEASURES_TYPE_CONTEXT,
                       "store", store,
                       "undo-stack", undo_stack,
                       "settings", settings,
                       NULL);
}

/**
 * measures_context_get_store:
 *
 * Returns: (transfer none): the open strategy
 */
MeasuresStore *
measures_context_get_store (MeasuresContext *self)
{
  g_return_val_if_fail (MEASURES_IS_CONTEXT (self), NULL);

  return self->store;
}

/**
 * measures_context_get_undo_stack:
 *
 * Shared by all windows: "undo" takes back the latest change anywhere.
 *
 * Returns: (transfer none): the changes that can be undone
 */
MeasuresUndoStack *
measures_context_get_undo_stack (MeasuresContext *self)
{
  g_return_val_if_fail (MEASURES_IS_CONTEXT (self), NULL);

  return self->undo_stack;
}

/**
 * measures_context_get_settings:
 *
 * Returns: (transfer none) (nullable): the application's settings
 */
GSettings *
measures_context_get_settings (MeasuresContext *self)
{
  g_return_val_if_fail (MEASURES_IS_CONTEXT (self), NULL);

  return self->settings;
}

/**
 * measures_context_dup_author:
 *
 * Returns: (transfer full): the name to write into the progress log and
 *   the history: the one set in the preferences, else the user's real name
 */
char *
measures_context_dup_author (MeasuresContext *self)
{
  g_autofree char *name = NULL;

  g_return_val_if_fail (MEASURES_IS_CONTEXT (self), NULL);

  if (self->settings != NULL)
    name = g_strstrip (g_settings_get_string (self->settings, "author-name"));

  if (name != NULL && name[0] != '\0')
    return g_steal_pointer (&name);

  return g_strdup (measures_context_get_login_author ());
}

/**
 * measures_context_get_login_author:
 *
 * Returns: the name written when the preferences name nobody: the user's
 *   real name as the system knows it, else the login name
 */
const char *
measures_context_get_login_author (void)
{
  const char *real = g_get_real_name ();

  /* GLib's word for a name the system does not know. */
  if (real == NULL || real[0] == '\0' || g_str_equal (real, "Unknown"))
    return g_get_user_name ();
  return real;
}

/**
 * measures_context_get_paper:
 *
 * Returns: the paper that reports are laid out on, as set in the
 *   preferences
 */
MeasuresPaper
measures_context_get_paper (MeasuresContext *self)
{
  g_autofree char *name = NULL;
  MeasuresPaper paper = MEASURES_PAPER_A4;

  g_return_val_if_fail (MEASURES_IS_CONTEXT (self), MEASURES_PAPER_A4);

  name = self->settings ? g_settings_get_string (self->settings, "paper") : NULL;
  if (name != NULL)
    measures_paper_from_string (name, &paper);

  return paper;
}
