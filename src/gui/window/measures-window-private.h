/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the window's files share: measures-window.c makes the window and
 * hosts its pages, -actions.c holds its actions, -state.c saves and
 * restores what it shows. */

#include "measures-connection-banner.h"
#include "measures-dashboard-page.h"
#include "measures-indicators-page.h"
#include "measures-measures-page.h"
#include "measures-offices-page.h"
#include "measures-page.h"
#include "measures-sidebar-row.h"
#include "measures-vision-page.h"
#include "measures-window.h"

G_BEGIN_DECLS

/**
 * MeasuresWindow:
 *
 * The main window: views in a sidebar (vision, dashboard, the goals, all
 * measures, offices, indicators) beside the page that each view leads to,
 * folded one after the other as the window narrows. The pages are
 * #MeasuresPage widgets in the content stack; a new one is a child there
 * and a row in the sidebar.
 */
struct _MeasuresWindow
{
  AdwApplicationWindow parent_instance;

  /* Owned */
  MeasuresContext *context;
  MeasuresStore *store;         /* the context's */
  GListModel *goals;
  GListStore *offices;
  gboolean warm;
  MeasuresConnection connection; /* as last shown */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar_pane;
  AdwWindowTitle *sidebar_title;
  GtkListBox *sidebar;
  GtkStack *content_stack;
  MeasuresVisionPage *vision_page;
  MeasuresDashboardPage *dashboard_page;
  MeasuresMeasuresPage *measures_page;
  MeasuresOfficesPage *offices_page;
  MeasuresIndicatorsPage *indicators_page;
  MeasuresConnectionBanner *connection_banner;
  GtkMenuButton *primary_menu_button;
  GMenu *view_section;          /* the main menu's: what is in view */
  GMenu *reports_section;       /* and the other reports */
};

/* What a sidebar row shows; goals carry their number as well. */
typedef enum {
  VIEW_VISION,
  VIEW_DASHBOARD,
  VIEW_GOAL,
  VIEW_ALL_MEASURES,
  VIEW_OFFICES,
  VIEW_INDICATORS,
  N_VIEWS
} View;

/* A view: a row of the sidebar and the page it shows. A new page is a
 * child of the content stack in the window's template and a view here. */
typedef struct
{
  const char *setting;          /* its name in the "last-view" setting */
  const char *page;             /* the content stack's child it shows */
  const char *title;            /* its row's title, to translate; none: a row per goal */
  gboolean    warm_up;          /* whether it shows what the first frame put off */
} ViewInfo;

extern const ViewInfo _measures_window_views[N_VIEWS];

/* measures-window.c */
void     _measures_window_show_toast         (MeasuresWindow *self,
                                              const char     *title);
void     _measures_window_show_error_toast   (MeasuresWindow *self,
                                              const GError   *error);
void     _measures_window_select_view        (MeasuresWindow *self,
                                              View            view,
                                              guint           goal);

/* measures-window-actions.c */
void     _measures_window_class_actions_init (GtkWidgetClass *widget_class);
void     _measures_window_actions_update     (MeasuresWindow *self);
void     _measures_window_actions_update_menu (MeasuresWindow *self);

G_END_DECLS
