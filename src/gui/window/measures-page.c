/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-page"

#include "config.h"

#include "measures-page.h"

/**
 * MeasuresPage:
 *
 * What the window needs of a screen, so that a new screen is one more page
 * rather than changes all over the window: what Print prints there, what
 * to remember of it, and when it may make what its first frame did not
 * need.
 *
 * A page has a #MeasuresPage:folded property, which the window keeps in
 * step with its sidebar: when the sidebar is folded away, the page shows a
 * button back to it.
 */

G_DEFINE_INTERFACE (MeasuresPage, measures_page, GTK_TYPE_WIDGET)

static void
measures_page_default_init (MeasuresPageInterface *iface)
{
  /**
   * MeasuresPage:folded:
   *
   * Whether the window's sidebar is folded away, so that the page leads
   * back to it.
   */
  g_object_interface_install_property (iface,
                                       g_param_spec_boolean ("folded", NULL, NULL, FALSE,
                                                             G_PARAM_READWRITE |
                                                             G_PARAM_EXPLICIT_NOTIFY |
                                                             G_PARAM_STATIC_STRINGS));
}

/**
 * measures_page_warm_up:
 *
 * Makes what the window's first frame did not need: called once the frame
 * is painted, or when the page is first needed.
 */
void
measures_page_warm_up (MeasuresPage *self)
{
  MeasuresPageInterface *iface;

  g_return_if_fail (MEASURES_IS_PAGE (self));

  iface = MEASURES_PAGE_GET_IFACE (self);
  if (iface->warm_up != NULL)
    iface->warm_up (self);
}

/**
 * measures_page_shown:
 *
 * Tells the page that it came into view: what it put off while out of
 * sight is due.
 */
void
measures_page_shown (MeasuresPage *self)
{
  MeasuresPageInterface *iface;

  g_return_if_fail (MEASURES_IS_PAGE (self));

  iface = MEASURES_PAGE_GET_IFACE (self);
  if (iface->shown != NULL)
    iface->shown (self);
}

/**
 * measures_page_hidden:
 *
 * Tells the page that another took its place.
 */
void
measures_page_hidden (MeasuresPage *self)
{
  MeasuresPageInterface *iface;

  g_return_if_fail (MEASURES_IS_PAGE (self));

  iface = MEASURES_PAGE_GET_IFACE (self);
  if (iface->hidden != NULL)
    iface->hidden (self);
}

/**
 * measures_page_create_report:
 *
 * What Print and Export print on this page.
 *
 * Returns: (transfer full) (nullable): the report of what the page shows;
 *   %NULL with @error set if it could not be made, or %NULL with @error
 *   unset when the page shows nothing of its own and the whole strategy
 *   is printed
 */
MeasuresReport *
measures_page_create_report (MeasuresPage  *self,
                             GError       **error)
{
  MeasuresPageInterface *iface;

  g_return_val_if_fail (MEASURES_IS_PAGE (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  iface = MEASURES_PAGE_GET_IFACE (self);
  if (iface->create_report == NULL)
    return NULL;

  return iface->create_report (self, error);
}

/**
 * measures_page_save_state:
 * @state: where the page notes what it shows, under keys of its own
 *
 * Notes what a user would miss if the page were made anew.
 */
void
measures_page_save_state (MeasuresPage *self,
                          GVariantDict *state)
{
  MeasuresPageInterface *iface;

  g_return_if_fail (MEASURES_IS_PAGE (self));
  g_return_if_fail (state != NULL);

  iface = MEASURES_PAGE_GET_IFACE (self);
  if (iface->save_state != NULL)
    iface->save_state (self, state);
}

/**
 * measures_page_restore_state:
 * @state: what measures_page_save_state() noted, maybe on another page
 *
 * Shows again what the page showed.
 */
void
measures_page_restore_state (MeasuresPage *self,
                             GVariantDict *state)
{
  MeasuresPageInterface *iface;

  g_return_if_fail (MEASURES_IS_PAGE (self));
  g_return_if_fail (state != NULL);

  iface = MEASURES_PAGE_GET_IFACE (self);
  if (iface->restore_state != NULL)
    iface->restore_state (self, state);
}

/**
 * measures_page_add_toast:
 * @toast: (transfer full): what to tell
 *
 * Shows @toast over the window that shows the page.
 */
void
measures_page_add_toast (MeasuresPage *self,
                         AdwToast     *toast)
{
  GtkWidget *overlay;

  g_return_if_fail (MEASURES_IS_PAGE (self));
  g_return_if_fail (ADW_IS_TOAST (toast));

  overlay = gtk_widget_get_ancestor (GTK_WIDGET (self), ADW_TYPE_TOAST_OVERLAY);
  if (overlay != NULL)
    adw_toast_overlay_add_toast (ADW_TOAST_OVERLAY (overlay), toast);
  else
    g_object_unref (toast);
}

/**
 * measures_page_show_error:
 * @error: what went wrong, in words a user can act on
 *
 * Tells the user, in a toast over the window that shows the page.
 */
void
measures_page_show_error (MeasuresPage *self,
                          const GError *error)
{
  g_return_if_fail (MEASURES_IS_PAGE (self));
  g_return_if_fail (error != NULL);

  g_warning ("%s", error->message);
  measures_page_add_toast (self, adw_toast_new (error->message));
}
