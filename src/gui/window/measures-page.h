/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>

#include "measures-report.h"

G_BEGIN_DECLS

#define MEASURES_TYPE_PAGE (measures_page_get_type ())

G_DECLARE_INTERFACE (MeasuresPage, measures_page, MEASURES, PAGE, GtkWidget)

/**
 * MeasuresPageInterface:
 * @warm_up: makes what the first frame did not need
 * @shown: the page has come into view
 * @hidden: the page has gone out of view
 * @create_report: the report of what the page shows
 * @save_state: notes what the page shows
 * @restore_state: shows again what save_state() noted
 *
 * A page of the window: a screen the sidebar leads to. Every method is
 * optional.
 */
struct _MeasuresPageInterface
{
  GTypeInterface parent_iface;

  void            (*warm_up)       (MeasuresPage  *self);
  void            (*shown)         (MeasuresPage  *self);
  void            (*hidden)        (MeasuresPage  *self);
  MeasuresReport *(*create_report) (MeasuresPage  *self,
                                    GError       **error);
  void            (*save_state)    (MeasuresPage  *self,
                                    GVariantDict  *state);
  void            (*restore_state) (MeasuresPage  *self,
                                    GVariantDict  *state);
};

void            measures_page_warm_up       (MeasuresPage  *self);
void            measures_page_shown         (MeasuresPage  *self);
void            measures_page_hidden        (MeasuresPage  *self);
MeasuresReport *measures_page_create_report (MeasuresPage  *self,
                                             GError       **error);
void            measures_page_save_state    (MeasuresPage  *self,
                                             GVariantDict  *state);
void            measures_page_restore_state (MeasuresPage  *self,
                                             GVariantDict  *state);
void            measures_page_add_toast     (MeasuresPage  *self,
                                             AdwToast      *toast);
void            measures_page_show_error    (MeasuresPage  *self,
                                             const GError  *error);

G_END_DECLS
