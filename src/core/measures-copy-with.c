/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-copy-with"

#include "config.h"

#include <gobject/gvaluecollector.h>

#include "measures-copy-with.h"

/**
 * measures_copy_with_valist:
 * @object: an immutable object: a measure or an indicator
 * @pspecs: (array length=n_pspecs): all its properties, each set at
 *   construction only
 * @first_property: the name of the first property to change, or %NULL
 * @args: its value, then more name/value pairs, ending with %NULL
 *
 * What measures_measure_copy_with() and measures_indicator_copy_with() do:
 * a new object of @object's type, with the values of @object but those
 * named.
 *
 * Returns: (transfer full) (nullable): the copy, or %NULL when a name is
 *   not one of @pspecs
 */
gpointer
measures_copy_with_valist (GObject     *object,
                           GParamSpec **pspecs,
                           guint        n_pspecs,
                           const char  *first_property,
                           va_list      args)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GArray) values = g_array_new (FALSE, TRUE, sizeof (GValue));

  g_array_set_clear_func (values, (GDestroyNotify)g_value_unset);

  for (guint i = 0; i < n_pspecs; i++)
    {
      GValue value = G_VALUE_INIT;

      g_value_init (&value, pspecs[i]->value_type);
      g_object_get_property (object, pspecs[i]->name, &value);
      g_ptr_array_add (names, (gpointer)pspecs[i]->name);
      g_array_append_val (values, value);
    }

  for (const char *name = first_property; name != NULL; name = va_arg (args, const char *))
    {
      g_autofree char *error = NULL;
      guint i;

      for (i = 0; i < names->len; i++)
        if (g_str_equal (g_ptr_array_index (names, i), name))
          break;
      if (i == names->len)
        {
          g_critical ("%s: %s has no property “%s”", G_STRFUNC, G_OBJECT_TYPE_NAME (object),
                      name);
          return NULL;
        }

      g_value_unset (&g_array_index (values, GValue, i));
      G_VALUE_COLLECT_INIT (&g_array_index (values, GValue, i), pspecs[i]->value_type, args, 0,
                            &error);
      if (error != NULL)
        g_critical ("%s: %s", G_STRFUNC, error);
    }

  return g_object_new_with_properties (G_OBJECT_TYPE (object), names->len,
                                       (const char **)names->pdata,
                                       (const GValue *)values->data);
}
