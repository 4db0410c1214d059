/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* What the window's files share: measures-window.c makes the window and
 * keeps it in step with the store, -list.c narrows its measure list down,
 * -actions.c holds its actions, -state.c saves and restores what it shows. */

#include "measures-measure-editor.h"
#include "measures-measure-list.h"
#include "measures-measure-view.h"
#include "measures-offices-page.h"
#include "measures-page.h"
#include "measures-vision-page.h"
#include "measures-window.h"

G_BEGIN_DECLS

/**
 * MeasuresWindow:
 *
 * The main window: views in a sidebar (vision, the goals, all measures,
 * offices), a list that search and filters narrow down, and the selected
 * measure's sheet, editor or office. Three leaflets fold the panes one
 * after another as the window narrows.
 */
struct _MeasuresWindow
{
  AdwApplicationWindow parent_instance;

  /* Owned */
  MeasuresContext *context;
  MeasuresStore *store;         /* the context's */
  GListModel *goals;
  MeasuresMeasureList *measures;
  GListStore *offices;
  GtkSingleSelection *measure_selection;
  guint goal;
  gboolean changing_list;
  gboolean warm;
  guint pending_scroll;         /* position + 1 to bring into view after the first frame */

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  AdwLeaflet *leaflet;
  GtkWidget *sidebar_pane;
  GtkListBox *sidebar;
  GtkStack *content_stack;
  MeasuresVisionPage *vision_page;
  AdwLeaflet *measures_leaflet;
  GtkWidget *measure_list_pane;
  AdwWindowTitle *measure_list_title;
  GtkSearchBar *search_bar;
  GtkSearchEntry *search_entry;
  GtkMenuButton *filter_button;
  /* In the filter button's popover, made by _measures_window_ensure_filters() */
  GtkDropDown *office_filter;
  GtkDropDown *priority_filter;
  GtkDropDown *status_filter;
  GtkDropDown *sort_dropdown;
  GtkWidget *goal_header;
  GtkLabel *goal_title_label;
  GtkLabel *goal_headline_label;
  GtkLabel *goal_summary_label;
  GtkProgressBar *goal_progress_bar;
  GtkLabel *goal_text_label;
  GtkStack *list_stack;
  GtkListView *measure_list;
  GtkWidget *measure_detail_pane;
  GtkWidget *measure_back_button;
  AdwWindowTitle *detail_title;
  GtkWidget *cancel_button;
  GtkWidget *save_button;
  GtkWidget *edit_button;
  GtkWidget *remove_button;
  GtkStack *detail_stack;
  MeasuresMeasureView *measure_view;
  MeasuresMeasureEditor *measure_editor;
  MeasuresOfficesPage *offices_page;
};

/* What a sidebar row shows; goals carry their number as well. */
typedef enum {
  VIEW_VISION,
  VIEW_GOAL,
  VIEW_ALL_MEASURES,
  VIEW_OFFICES,
} View;

/* measures-window.c */
MeasuresGoal          *_measures_window_find_goal                (MeasuresWindow  *self,
                                                                  guint            number);
MeasuresMeasure       *_measures_window_get_selected_measure     (MeasuresWindow  *self);
gboolean               _measures_window_is_editing               (MeasuresWindow  *self);
MeasuresMeasureView   *_measures_window_get_measure_view         (MeasuresWindow  *self);
MeasuresMeasureEditor *_measures_window_get_measure_editor       (MeasuresWindow  *self);
void                   _measures_window_show_toast               (MeasuresWindow  *self,
                                                                  const char      *title,
                                                                  gboolean         offer_undo);
void                   _measures_window_show_error_toast         (MeasuresWindow  *self,
                                                                  const GError    *error);
void                   _measures_window_search_stopped           (MeasuresWindow  *self);
void                   _measures_window_select_view              (MeasuresWindow  *self,
                                                                  View             view,
                                                                  guint            goal);
gboolean               _measures_window_select_measure_id        (MeasuresWindow  *self,
                                                                  gint64           id);
void                   _measures_window_measure_selection_changed (MeasuresWindow *self);
void                   _measures_window_set_editing              (MeasuresWindow  *self,
                                                                  gboolean         editing,
                                                                  const char      *title);

/* measures-window-list.c */
const char            *_measures_window_get_office_filter        (MeasuresWindow  *self);
MeasuresMeasure       *_measures_window_begin_list_change        (MeasuresWindow  *self);
void                   _measures_window_end_list_change          (MeasuresWindow  *self,
                                                                  MeasuresMeasure *selected);
void                   _measures_window_refilter                 (MeasuresWindow  *self);
void                   _measures_window_update_list_state        (MeasuresWindow  *self);
void                   _measures_window_ensure_filters           (MeasuresWindow  *self);

/* measures-window-actions.c */
void                   _measures_window_class_actions_init       (GtkWidgetClass  *widget_class);
void                   _measures_window_actions_update           (MeasuresWindow  *self);
gboolean               _measures_window_save_edit                (MeasuresWindow  *self);

G_END_DECLS
