/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-page-bin"

#include "config.h"

#include "measures-page.h"
#include "measures-page-bin.h"

/**
 * MeasuresPageBin:
 *
 * What every page of the window is made from: a bin that implements
 * #MeasuresPage with its defaults and keeps its #MeasuresPage:folded, so
 * that a page only overrides what it does differently.
 */
typedef struct
{
  gboolean folded;
} MeasuresPageBinPrivate;

G_DEFINE_TYPE_WITH_CODE (MeasuresPageBin, measures_page_bin, ADW_TYPE_BIN,
                         G_ADD_PRIVATE (MeasuresPageBin)
                         G_IMPLEMENT_INTERFACE (MEASURES_TYPE_PAGE, NULL))

enum {
  PROP_0,
  PROP_FOLDED,
  N_PROPS
};

static void
measures_page_bin_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  MeasuresPageBinPrivate *priv =
    measures_page_bin_get_instance_private (MEASURES_PAGE_BIN (object));

  switch (prop_id)
    {
    case PROP_FOLDED:
      g_value_set_boolean (value, priv->folded);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_page_bin_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  MeasuresPageBinPrivate *priv =
    measures_page_bin_get_instance_private (MEASURES_PAGE_BIN (object));

  switch (prop_id)
    {
    case PROP_FOLDED:
      if (priv->folded != g_value_get_boolean (value))
        {
          priv->folded = g_value_get_boolean (value);
          g_object_notify_by_pspec (object, pspec);
        }
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_page_bin_class_init (MeasuresPageBinClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = measures_page_bin_get_property;
  object_class->set_property = measures_page_bin_set_property;

  g_object_class_override_property (object_class, PROP_FOLDED, "folded");
}

static void
measures_page_bin_init (MeasuresPageBin *self)
{
}
