/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-offices-page"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-navigation.h"
#include "measures-office-view.h"
#include "measures-offices-page.h"
#include "measures-page.h"
#include "measures-search-text.h"

/**
 * MeasuresOfficesPage:
 *
 * The offices and what each leads or takes part in: a list of offices
 * beside the selected office's measures, folded into one pane after the
 * other when narrow. Print prints the selected office's sheets.
 */
struct _MeasuresOfficesPage
{
  MeasuresPageBin parent_instance;

  /* Owned */
  MeasuresContext *context;
  MeasuresStore *store;         /* the context's */
  GListStore *offices;          /* shared with the window, which offers them in the editor */
  GtkCustomFilter *filter;      /* the search, and offices without measures */
  GtkSingleSelection *selection;
  gboolean warm;
  gboolean view_stale;

  /* Template widgets */
  AdwLeaflet *offices_leaflet;
  GtkWidget *office_list_pane;
  GtkListView *office_list;
  GtkSearchEntry *office_search;
  GtkCheckButton *with_measures_check;
  GtkStack *office_list_stack;
  GtkWidget *office_detail_pane;
  GtkWidget *office_back_button;
  MeasuresOfficeView *office_view;
};

static void measures_offices_page_page_init (MeasuresPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MeasuresOfficesPage, measures_offices_page,
                               MEASURES_TYPE_PAGE_BIN,
                               G_IMPLEMENT_INTERFACE (MEASURES_TYPE_PAGE,
                                                      measures_offices_page_page_init))

/* List item closures: the first argument is the list item. */

static char *
office_row_counts (GtkListItem    *list_item,
                   MeasuresOffice *office)
{
  if (office == NULL)
    return NULL;

  /* Translators: under an office's name: how many measures it leads and
   * in how many it takes part */
  return g_strdup_printf (_("Leads %u · Involved in %u"), measures_office_get_n_lead (office),
                          measures_office_get_n_involved (office));
}

/* Organisations outside the glossary have no abbreviation of their own:
 * their name would only repeat the heading. */
static gboolean
office_row_has_name (GtkListItem    *list_item,
                     MeasuresOffice *office)
{
  return office != NULL && g_strcmp0 (measures_office_get_name (office),
                                      measures_office_get_abbreviation (office)) != 0;
}

static GtkListItemFactory *
create_factory (const char *resource)
{
  g_autoptr(GtkBuilderScope) scope = gtk_builder_cscope_new ();

  gtk_builder_cscope_add_callback_symbols (GTK_BUILDER_CSCOPE (scope),
                                           "office_row_counts", G_CALLBACK (office_row_counts),
                                           "office_row_has_name", G_CALLBACK (office_row_has_name),
                                           NULL);

  return gtk_builder_list_item_factory_new_from_resource (scope, resource);
}

/* Offices are found by any part of their abbreviation or name; the 39
 * that no measure names are left out unless asked for. */
static gboolean
office_visible (gpointer item,
                gpointer data)
{
  MeasuresOfficesPage *self = data;
  MeasuresOffice *office = item;
  g_autofree char *key = NULL;

  if (gtk_check_button_get_active (self->with_measures_check) &&
      measures_office_get_n_lead (office) + measures_office_get_n_involved (office) == 0)
    return FALSE;

  key = g_strconcat (measures_office_get_abbreviation (office), " ",
                     measures_office_get_name (office), NULL);
  return measures_search_text_matches (key, gtk_editable_get_text (GTK_EDITABLE (self->office_search)));
}

static void
update_list_state (MeasuresOfficesPage *self)
{
  gtk_stack_set_visible_child_name (self->office_list_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->selection)) > 0
                                    ? "list" : "empty");
}

static void
office_filter_changed (MeasuresOfficesPage *self)
{
  if (self->filter == NULL)
    return;

  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_list_state (self);
}

static gboolean
select_office (MeasuresOfficesPage *self,
               const char          *abbreviation)
{
  GListModel *shown = G_LIST_MODEL (self->selection);

  for (guint i = 0; abbreviation && i < g_list_model_get_n_items (shown); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (shown, i);

      if (g_str_equal (measures_office_get_abbreviation (office), abbreviation))
        {
          gtk_single_selection_set_selected (self->selection, i);
          return TRUE;
        }
    }

  return FALSE;
}

/* Escape in the search empties it, and the list has the keyboard again. */
static void
office_search_stopped (MeasuresOfficesPage *self)
{
  gtk_editable_set_text (GTK_EDITABLE (self->office_search), "");
  gtk_widget_grab_focus (GTK_WIDGET (self->office_list));
}

/* Typing in the list searches the offices: the search takes the keyboard
 * and what was typed. */
static gboolean
page_key_pressed (MeasuresOfficesPage   *self,
                  guint                  keyval,
                  guint                  keycode,
                  GdkModifierType        state,
                  GtkEventControllerKey *controller)
{
  gunichar c = gdk_keyval_to_unicode (keyval);
  char text[7] = { 0 };
  int position = -1;

  if ((state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0 || c == 0 || !g_unichar_isgraph (c) ||
      gtk_widget_is_ancestor (gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self))),
                              GTK_WIDGET (self->office_search)))
    return FALSE;

  g_unichar_to_utf8 (c, text);
  gtk_widget_grab_focus (GTK_WIDGET (self->office_search));
  gtk_editable_insert_text (GTK_EDITABLE (self->office_search), text, -1, &position);
  gtk_editable_set_position (GTK_EDITABLE (self->office_search), -1);
  return TRUE;
}

static void
selection_changed (MeasuresOfficesPage *self)
{
  MeasuresOffice *office = gtk_single_selection_get_selected_item (self->selection);

  /* An office's page lists up to 200 measures: made again only in view.
   * The window's stack shows only its visible page. */
  self->view_stale = !self->warm || !gtk_widget_get_child_visible (GTK_WIDGET (self));
  if (!self->view_stale)
    measures_office_view_set_office (self->office_view, office, self->store);
}

static void
list_activated (MeasuresOfficesPage *self,
                guint                position)
{
  gtk_single_selection_set_selected (self->selection, position);
  measures_navigate_to (self->offices_leaflet, self->office_detail_pane,
                        self->office_back_button);
}

/* A click on a row selects it (the row's own gesture, which runs after
 * this one); in a folded page it also opens the office. The list's
 * single-click-activate would do that too, but it selects whatever row the
 * pointer passes over, changing the office shown under the user's hand. */
static void
list_clicked (MeasuresOfficesPage *self,
              int                  n_press,
              double               x,
              double               y,
              GtkGestureClick     *gesture)
{
  if (n_press != 1 || !measures_list_view_is_on_row (self->office_list, x, y))
    return;

  measures_navigate_to (self->offices_leaflet, self->office_detail_pane,
                        self->office_back_button);
}

static void
measure_activated (MeasuresOfficesPage *self,
                   MeasuresMeasure     *measure)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-measure", "x",
                              measures_measure_get_id (measure));
}

/* All measures a large office leads, or takes part in: the measure
 * list, filtered by it. */
static void
show_all (MeasuresOfficesPage *self,
          const char          *abbreviation,
          int                  role)
{
  gtk_widget_activate_action (GTK_WIDGET (self), "win.show-office-measures", "(si)",
                              abbreviation, role);
}

static void
show_list_action (GtkWidget  *widget,
                  const char *action_name,
                  GVariant   *parameter)
{
  MeasuresOfficesPage *self = MEASURES_OFFICES_PAGE (widget);

  adw_leaflet_set_visible_child (self->offices_leaflet, self->office_list_pane);
}

/* Keeping the list in step with the store ------------------------------- */

static void
reload (MeasuresOfficesPage *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) offices = measures_store_list_offices (self->store, &error);
  MeasuresOffice *shown = gtk_single_selection_get_selected_item (self->selection);
  g_autofree char *abbreviation = shown ? g_strdup (measures_office_get_abbreviation (shown)) : NULL;
  guint n;

  if (offices == NULL)
    {
      measures_page_show_error (MEASURES_PAGE (self), error);
      return;
    }

  n = g_list_model_get_n_items (offices);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (offices, i);
      g_autoptr(MeasuresOffice) old = g_list_model_get_item (G_LIST_MODEL (self->offices), i);

      /* Same order, new counts: replace the rows whose counts changed, one
       * by one to keep the selection; an edit usually changes none. */
      if (old == NULL)
        g_list_store_append (self->offices, office);
      else if (measures_office_get_n_lead (old) != measures_office_get_n_lead (office) ||
               measures_office_get_n_involved (old) != measures_office_get_n_involved (office) ||
               g_strcmp0 (measures_office_get_abbreviation (old),
                          measures_office_get_abbreviation (office)) != 0)
        g_list_store_splice (self->offices, i, 1, (gpointer *)&office, 1);
    }

  /* Counts decide which offices are listed. */
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  select_office (self, abbreviation);
  update_list_state (self);
  selection_changed (self);
}

/* MeasuresPage ----------------------------------------------------------- */

static void
measures_offices_page_warm_up (MeasuresPage *page)
{
  MeasuresOfficesPage *self = MEASURES_OFFICES_PAGE (page);

  if (self->warm)
    return;

  self->warm = TRUE;
  gtk_list_view_set_model (self->office_list, GTK_SELECTION_MODEL (self->selection));
  selection_changed (self);
}

static void
measures_offices_page_shown (MeasuresPage *page)
{
  MeasuresOfficesPage *self = MEASURES_OFFICES_PAGE (page);

  measures_offices_page_warm_up (page);
  if (self->view_stale)
    selection_changed (self);
}

static MeasuresReport *
measures_offices_page_create_report (MeasuresPage  *page,
                                     GError       **error)
{
  MeasuresOfficesPage *self = MEASURES_OFFICES_PAGE (page);
  MeasuresOffice *office = gtk_single_selection_get_selected_item (self->selection);

  if (office == NULL)
    return NULL;

  return measures_report_new_office (self->store, measures_office_get_abbreviation (office),
                                     error);
}

/**
 * measures_offices_page_get_office:
 *
 * Returns: (nullable): the abbreviation of the office shown, if any
 */
const char *
measures_offices_page_get_office (MeasuresOfficesPage *self)
{
  MeasuresOffice *office;

  g_return_val_if_fail (MEASURES_IS_OFFICES_PAGE (self), NULL);

  office = gtk_single_selection_get_selected_item (self->selection);
  return office != NULL ? measures_office_get_abbreviation (office) : NULL;
}

/**
 * measures_offices_page_show_office:
 * @abbreviation: an office's abbreviation
 *
 * Selects the office and shows its page, also when the search or the
 * check for offices with measures hid it.
 */
void
measures_offices_page_show_office (MeasuresOfficesPage *self,
                                   const char          *abbreviation)
{
  g_return_if_fail (MEASURES_IS_OFFICES_PAGE (self));
  g_return_if_fail (abbreviation != NULL);

  if (!select_office (self, abbreviation))
    {
      gtk_editable_set_text (GTK_EDITABLE (self->office_search), "");
      office_filter_changed (self);
    }
  if (!select_office (self, abbreviation))
    {
      gtk_check_button_set_active (self->with_measures_check, FALSE);
      office_filter_changed (self);
    }
  if (!select_office (self, abbreviation))
    return;

  measures_navigate_to (self->offices_leaflet, self->office_detail_pane,
                        self->office_back_button);
}

static void
measures_offices_page_save_state (MeasuresPage *page,
                                  GVariantDict *state)
{
  MeasuresOfficesPage *self = MEASURES_OFFICES_PAGE (page);
  MeasuresOffice *office = gtk_single_selection_get_selected_item (self->selection);

  if (office != NULL)
    g_variant_dict_insert (state, "office", "s", measures_office_get_abbreviation (office));
}

static void
measures_offices_page_restore_state (MeasuresPage *page,
                                     GVariantDict *state)
{
  MeasuresOfficesPage *self = MEASURES_OFFICES_PAGE (page);
  const char *abbreviation;

  if (!g_variant_dict_lookup (state, "office", "&s", &abbreviation))
    return;

  /* An office without measures, shown when it was left. */
  if (!select_office (self, abbreviation))
    {
      gtk_check_button_set_active (self->with_measures_check, FALSE);
      select_office (self, abbreviation);
    }
}

static void
measures_offices_page_page_init (MeasuresPageInterface *iface)
{
  iface->warm_up = measures_offices_page_warm_up;
  iface->shown = measures_offices_page_shown;
  iface->create_report = measures_offices_page_create_report;
  iface->save_state = measures_offices_page_save_state;
  iface->restore_state = measures_offices_page_restore_state;
}

/* GObject ---------------------------------------------------------------- */

static void
measures_offices_page_dispose (GObject *object)
{
  MeasuresOfficesPage *self = MEASURES_OFFICES_PAGE (object);

  /* AdwBin unparents its child itself; let it do so before the template
   * drops its references. */
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_OFFICES_PAGE);
  g_clear_object (&self->selection);
  g_clear_object (&self->filter);
  g_clear_object (&self->offices);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (measures_offices_page_parent_class)->dispose (object);
}

static void
measures_offices_page_class_init (MeasuresOfficesPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_offices_page_dispose;

  g_type_ensure (MEASURES_TYPE_OFFICE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/offices/measures-offices-page.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficesPage, offices_leaflet);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficesPage, office_list_pane);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficesPage, office_list);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficesPage, office_search);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficesPage, with_measures_check);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficesPage, office_list_stack);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficesPage, office_detail_pane);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficesPage, office_back_button);
  gtk_widget_class_bind_template_child (widget_class, MeasuresOfficesPage, office_view);
  gtk_widget_class_bind_template_callback (widget_class, list_activated);
  gtk_widget_class_bind_template_callback (widget_class, list_clicked);
  gtk_widget_class_bind_template_callback (widget_class, measure_activated);
  gtk_widget_class_bind_template_callback (widget_class, show_all);
  gtk_widget_class_bind_template_callback (widget_class, office_filter_changed);
  gtk_widget_class_bind_template_callback (widget_class, office_search_stopped);

  gtk_widget_class_install_action (widget_class, "offices.show-list", NULL, show_list_action);
}

static void
measures_offices_page_init (MeasuresOfficesPage *self)
{
  g_autoptr(GtkListItemFactory) rows = create_factory (RESOURCE_PREFIX
                                                       "/offices/measures-office-row.ui");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_list_view_set_factory (self->office_list, rows);
  measures_list_tab_leaves (GTK_WIDGET (self->office_list));
  {
    GtkEventController *keys = gtk_event_controller_key_new ();

    g_signal_connect_object (keys, "key-pressed", G_CALLBACK (page_key_pressed), self,
                             G_CONNECT_SWAPPED);
    gtk_widget_add_controller (GTK_WIDGET (self->office_list_pane), keys);
  }
}

/**
 * measures_offices_page_set_offices:
 * @context: the open strategy
 * @offices: the strategy's #MeasuresOffice list, which the page keeps in
 *   step with the store
 *
 * Shows @offices.
 */
void
measures_offices_page_set_offices (MeasuresOfficesPage *self,
                                   MeasuresContext     *context,
                                   GListStore          *offices)
{
  g_return_if_fail (MEASURES_IS_OFFICES_PAGE (self));
  g_return_if_fail (MEASURES_IS_CONTEXT (context));
  g_return_if_fail (G_IS_LIST_STORE (offices));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->store = g_object_ref (measures_context_get_store (context));
  self->offices = g_object_ref (offices);
  self->filter = gtk_custom_filter_new (office_visible, self, NULL);
  self->selection = gtk_single_selection_new (
    G_LIST_MODEL (gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (offices)),
                                             GTK_FILTER (g_object_ref (self->filter)))));
  g_signal_connect_object (self->selection, "notify::selected-item",
                           G_CALLBACK (selection_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "offices-changed", G_CALLBACK (reload), self,
                           G_CONNECT_SWAPPED);
  update_list_state (self);
  selection_changed (self);
}

/**
 * measures_offices_page_find:
 *
 * Gives the keyboard to the search of offices, also when the page is
 * folded.
 */
void
measures_offices_page_find (MeasuresOfficesPage *self)
{
  g_return_if_fail (MEASURES_IS_OFFICES_PAGE (self));

  measures_navigate_to (self->offices_leaflet, self->office_list_pane, NULL);
  gtk_widget_grab_focus (GTK_WIDGET (self->office_search));
}
