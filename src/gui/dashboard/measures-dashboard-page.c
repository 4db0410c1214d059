/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-dashboard-page"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-dashboard-page-private.h"
#include "measures-goal.h"
#include "measures-office.h"
#include "measures-page.h"

enum {
  PROP_0,
  PROP_SHOW_TABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void measures_dashboard_page_page_init (MeasuresPageInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MeasuresDashboardPage, measures_dashboard_page,
                               MEASURES_TYPE_PAGE_BIN,
                               G_IMPLEMENT_INTERFACE (MEASURES_TYPE_PAGE,
                                                      measures_dashboard_page_page_init))

static void
set_show_table (MeasuresDashboardPage *self,
                gboolean               show_table)
{
  if (self->show_table == show_table)
    return;

  self->show_table = show_table;
  _measures_dashboard_page_show_tables (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_SHOW_TABLE]);
}

static guint
report_interval (MeasuresDashboardPage *self)
{
  GSettings *settings = self->context ? measures_context_get_settings (self->context) : NULL;

  return settings != NULL ? g_settings_get_uint (settings, "report-interval-months")
                          : MEASURES_DEFAULT_REPORT_INTERVAL_MONTHS;
}

static void
recompute (MeasuresDashboardPage *self)
{
  g_auto(MeasuresMonitoring) monitoring = { { { 0 } } };
  g_autoptr(GError) error = NULL;
  guint interval = report_interval (self);
  gint64 start = g_get_monotonic_time ();

  g_clear_handle_id (&self->recompute_source, g_source_remove);
  if (self->store == NULL)
    return;

  self->stale = FALSE;
  g_ptr_array_set_size (self->slots, 0);
  g_ptr_array_add (self->slots, self->progress_slot);

  if (!measures_monitoring_load (&monitoring, self->store, measures_day_today (), interval,
                                 self->goal, self->office, &error) ||
      !_measures_dashboard_page_show_status (self, &monitoring, &error) ||
      !_measures_dashboard_page_show_overdue (self, monitoring.overdue, interval, &error) ||
      !_measures_dashboard_page_show_indicators (self, &error))
    {
      measures_page_show_error (MEASURES_PAGE (self), error);
      return;
    }
  _measures_dashboard_page_show_progress (self, &monitoring);

  self->computed = TRUE;
  g_debug ("Dashboard computed in %.1f ms", (g_get_monotonic_time () - start) / 1000.0);
}

static gboolean
recompute_idle (gpointer data)
{
  MeasuresDashboardPage *self = data;

  self->recompute_source = 0;
  if (self->shown)
    recompute (self);
  else
    self->stale = TRUE;

  return G_SOURCE_REMOVE;
}

/* Any number of changes in a row, e.g. an import or a colleague's batch,
 * cost one computation, when the main loop is idle. Out of sight, the
 * page waits until it is shown. */
static void
queue_recompute (MeasuresDashboardPage *self)
{
  if (!self->warm)
    return;
  if (!self->shown)
    {
      self->stale = TRUE;
      return;
    }
  if (self->recompute_source == 0)
    self->recompute_source = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE, recompute_idle, self, NULL);
}

/* Narrowing --------------------------------------------------------------- */

static void
narrowing_changed (MeasuresDashboardPage *self)
{
  guint goal_index = gtk_drop_down_get_selected (self->goal_choice);
  guint office_index = gtk_drop_down_get_selected (self->office_choice);

  if (self->updating_choices)
    return;

  self->goal = goal_index > 0 && goal_index <= self->goal_numbers->len
               ? g_array_index (self->goal_numbers, guint, goal_index - 1) : 0;
  g_clear_pointer (&self->office, g_free);
  if (office_index > 0 && office_index <= self->office_abbreviations->len)
    self->office = g_strdup (g_ptr_array_index (self->office_abbreviations, office_index - 1));

  if (self->warm)
    recompute (self);
}

/* Shows the choices, the chosen ones selected. */
static void
fill_choices (MeasuresDashboardPage *self)
{
  g_autoptr(GtkStringList) goals = NULL;
  g_autoptr(GtkStringList) offices = NULL;
  guint goal_index = 0, office_index = 0;

  self->updating_choices = TRUE;

  goals = gtk_string_list_new (NULL);
  /* Translators: the goal choice on the dashboard: no goal in particular */
  gtk_string_list_append (goals, _("All Goals"));
  g_array_set_size (self->goal_numbers, 0);
  for (guint i = 0; i < g_list_model_get_n_items (self->goals); i++)
    {
      g_autoptr(MeasuresGoal) goal = g_list_model_get_item (self->goals, i);
      guint number = measures_goal_get_number (goal);
      /* Translators: a goal in the dashboard's goal choice, e.g. "Goal 2:
       * Europa" */
      g_autofree char *text = g_strdup_printf (_("Goal %1$u: %2$s"), number,
                                               measures_goal_get_title (goal));

      gtk_string_list_append (goals, text);
      g_array_append_val (self->goal_numbers, number);
      if (number == self->goal)
        goal_index = i + 1;
    }

  offices = gtk_string_list_new (NULL);
  /* Translators: the office choice on the dashboard: no office in particular */
  gtk_string_list_append (offices, _("All Offices"));
  g_ptr_array_set_size (self->office_abbreviations, 0);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->offices)); i++)
    {
      g_autoptr(MeasuresOffice) office = g_list_model_get_item (G_LIST_MODEL (self->offices), i);
      const char *abbreviation = measures_office_get_abbreviation (office);

      /* Only offices that lead measures narrow anything. */
      if (measures_office_get_n_lead (office) == 0 && g_strcmp0 (abbreviation, self->office) != 0)
        continue;
      gtk_string_list_append (offices, measures_office_get_name (office));
      g_ptr_array_add (self->office_abbreviations, g_strdup (abbreviation));
      if (g_strcmp0 (abbreviation, self->office) == 0)
        office_index = self->office_abbreviations->len;
    }

  gtk_drop_down_set_model (self->goal_choice, G_LIST_MODEL (goals));
  gtk_drop_down_set_selected (self->goal_choice, goal_index);
  gtk_drop_down_set_model (self->office_choice, G_LIST_MODEL (offices));
  gtk_drop_down_set_selected (self->office_choice, office_index);

  self->updating_choices = FALSE;
}

static void
offices_changed (MeasuresDashboardPage *self)
{
  fill_choices (self);
  queue_recompute (self);
}

/* A chosen item, shortened to fit; the list shows the names whole. */
static void
setup_choice_item (GtkSignalListItemFactory *factory,
                   GtkListItem              *item,
                   gpointer                  ellipsize)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  if (GPOINTER_TO_INT (ellipsize))
    gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  else
    {
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 40);
    }
  gtk_list_item_set_child (item, label);
}

static void
bind_choice_item (GtkSignalListItemFactory *factory,
                  GtkListItem              *item,
                  gpointer                  user_data)
{
  GtkStringObject *string = gtk_list_item_get_item (item);

  gtk_label_set_text (GTK_LABEL (gtk_list_item_get_child (item)),
                      gtk_string_object_get_string (string));
}

static GtkListItemFactory *
new_choice_factory (gboolean ellipsize)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (setup_choice_item),
                    GINT_TO_POINTER (ellipsize));
  g_signal_connect (factory, "bind", G_CALLBACK (bind_choice_item), NULL);
  return factory;
}

/* MeasuresPage ------------------------------------------------------------ */

static void
measures_dashboard_page_warm_up (MeasuresPage *page)
{
  MeasuresDashboardPage *self = MEASURES_DASHBOARD_PAGE (page);

  if (self->warm || self->store == NULL)
    return;

  self->warm = TRUE;
  recompute (self);
}

static void
measures_dashboard_page_shown (MeasuresPage *page)
{
  MeasuresDashboardPage *self = MEASURES_DASHBOARD_PAGE (page);

  self->shown = TRUE;
  if (!self->warm)
    measures_dashboard_page_warm_up (page);
  else if (self->stale)
    recompute (self);
}

static void
measures_dashboard_page_hidden (MeasuresPage *page)
{
  MEASURES_DASHBOARD_PAGE (page)->shown = FALSE;
}

static void
measures_dashboard_page_save_state (MeasuresPage *page,
                                    GVariantDict *state)
{
  MeasuresDashboardPage *self = MEASURES_DASHBOARD_PAGE (page);

  g_variant_dict_insert (state, "dashboard-goal", "u", self->goal);
  g_variant_dict_insert (state, "dashboard-office", "s", self->office ? self->office : "");
  g_variant_dict_insert (state, "dashboard-table", "b", self->show_table);
}

static void
measures_dashboard_page_restore_state (MeasuresPage *page,
                                       GVariantDict *state)
{
  MeasuresDashboardPage *self = MEASURES_DASHBOARD_PAGE (page);
  const char *office = NULL;
  guint goal = 0;
  gboolean show_table;

  if (g_variant_dict_lookup (state, "dashboard-table", "b", &show_table))
    set_show_table (self, show_table);
  if (!g_variant_dict_lookup (state, "dashboard-goal", "u", &goal) ||
      !g_variant_dict_lookup (state, "dashboard-office", "&s", &office))
    return;

  measures_dashboard_page_narrow (self, goal, office[0] != '\0' ? office : NULL);
}

static void
measures_dashboard_page_page_init (MeasuresPageInterface *iface)
{
  iface->warm_up = measures_dashboard_page_warm_up;
  iface->shown = measures_dashboard_page_shown;
  iface->hidden = measures_dashboard_page_hidden;
  iface->save_state = measures_dashboard_page_save_state;
  iface->restore_state = measures_dashboard_page_restore_state;
}

/* GObject ----------------------------------------------------------------- */

static void
measures_dashboard_page_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  MeasuresDashboardPage *self = MEASURES_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_TABLE:
      g_value_set_boolean (value, self->show_table);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_dashboard_page_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  MeasuresDashboardPage *self = MEASURES_DASHBOARD_PAGE (object);

  switch (prop_id)
    {
    case PROP_SHOW_TABLE:
      set_show_table (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_dashboard_page_dispose (GObject *object)
{
  MeasuresDashboardPage *self = MEASURES_DASHBOARD_PAGE (object);

  g_clear_handle_id (&self->recompute_source, g_source_remove);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_pointer (&self->sparklines, g_ptr_array_unref);
  adw_bin_set_child (ADW_BIN (object), NULL);
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_DASHBOARD_PAGE);
  g_clear_object (&self->goals);
  g_clear_object (&self->offices);
  g_clear_object (&self->store);
  g_clear_object (&self->context);

  G_OBJECT_CLASS (measures_dashboard_page_parent_class)->dispose (object);
}

static void
measures_dashboard_page_finalize (GObject *object)
{
  MeasuresDashboardPage *self = MEASURES_DASHBOARD_PAGE (object);

  g_clear_pointer (&self->goal_numbers, g_array_unref);
  g_clear_pointer (&self->office_abbreviations, g_ptr_array_unref);
  g_free (self->office);

  G_OBJECT_CLASS (measures_dashboard_page_parent_class)->finalize (object);
}

static void
measures_dashboard_page_class_init (MeasuresDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = measures_dashboard_page_dispose;
  object_class->finalize = measures_dashboard_page_finalize;
  object_class->get_property = measures_dashboard_page_get_property;
  object_class->set_property = measures_dashboard_page_set_property;

  /**
   * MeasuresDashboardPage:show-table:
   *
   * Whether the charts are shown as tables of their figures.
   */
  properties[PROP_SHOW_TABLE] =
    g_param_spec_boolean ("show-table", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (MEASURES_TYPE_CHART_VIEW);

  gtk_widget_class_set_template_from_resource (
    widget_class, RESOURCE_PREFIX "/dashboard/measures-dashboard-page.ui");
#define CHILD(name) gtk_widget_class_bind_template_child (widget_class, MeasuresDashboardPage, name)
  CHILD (scroller);
  CHILD (goal_choice);
  CHILD (office_choice);
  CHILD (status_box);
  CHILD (progress_slot);
  CHILD (progress_chart);
  CHILD (overdue_label);
  CHILD (overdue_box);
  CHILD (indicator_empty);
  CHILD (indicator_list);
#undef CHILD

  gtk_widget_class_install_property_action (widget_class, "dashboard.show-table", "show-table");
}

static void
measures_dashboard_page_init (MeasuresDashboardPage *self)
{
  g_autoptr(GtkListItemFactory) chosen = new_choice_factory (TRUE);
  g_autoptr(GtkListItemFactory) listed = new_choice_factory (FALSE);

  gtk_widget_init_template (GTK_WIDGET (self));

  self->goal_numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  self->office_abbreviations = g_ptr_array_new_with_free_func (g_free);
  self->slots = g_ptr_array_new ();
  self->sparklines = g_ptr_array_new ();

  gtk_drop_down_set_factory (self->goal_choice, chosen);
  gtk_drop_down_set_list_factory (self->goal_choice, listed);
  gtk_drop_down_set_factory (self->office_choice, chosen);
  gtk_drop_down_set_list_factory (self->office_choice, listed);
  /* The button inside a drop-down is what assistive technology reaches:
   * it takes the drop-down's name. */
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (
                                    GTK_WIDGET (self->goal_choice))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Goal"), -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (gtk_widget_get_first_child (
                                    GTK_WIDGET (self->office_choice))),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Lead office"), -1);
  g_signal_connect_object (self->goal_choice, "notify::selected",
                           G_CALLBACK (narrowing_changed), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->office_choice, "notify::selected",
                           G_CALLBACK (narrowing_changed), self, G_CONNECT_SWAPPED);
}

/**
 * measures_dashboard_page_set_strategy:
 * @context: the open strategy, and the settings with the reporting
 *   interval
 * @goals: the strategy's #MeasuresGoal list
 * @offices: the strategy's #MeasuresOffice list, which the window keeps in
 *   step with the store
 *
 * Shows the monitoring of the strategy, from when the page is first
 * needed.
 */
void
measures_dashboard_page_set_strategy (MeasuresDashboardPage *self,
                                      MeasuresContext       *context,
                                      GListModel            *goals,
                                      GListStore            *offices)
{
  GSettings *settings;

  g_return_if_fail (MEASURES_IS_DASHBOARD_PAGE (self));
  g_return_if_fail (MEASURES_IS_CONTEXT (context));
  g_return_if_fail (G_IS_LIST_MODEL (goals));
  g_return_if_fail (G_IS_LIST_STORE (offices));
  g_return_if_fail (self->context == NULL);

  self->context = g_object_ref (context);
  self->store = g_object_ref (measures_context_get_store (context));
  self->goals = g_object_ref (goals);
  self->offices = g_object_ref (offices);
  fill_choices (self);

  g_signal_connect_object (self->store, "measure-changed", G_CALLBACK (queue_recompute), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "indicator-changed", G_CALLBACK (queue_recompute), self,
                           G_CONNECT_SWAPPED);
  /* The window's list of offices follows "offices-changed"; the names in
   * the choice follow the list. */
  g_signal_connect_object (self->offices, "items-changed", G_CALLBACK (offices_changed), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->store, "offices-changed", G_CALLBACK (queue_recompute), self,
                           G_CONNECT_SWAPPED);

  settings = measures_context_get_settings (context);
  if (settings != NULL)
    g_signal_connect_object (settings, "changed::report-interval-months",
                             G_CALLBACK (queue_recompute), self, G_CONNECT_SWAPPED);
}

/**
 * measures_dashboard_page_narrow:
 * @goal: a goal's number, or 0 for all
 * @office: (nullable): the abbreviation of an office, to show the measures
 *   it leads, or %NULL for all
 *
 * Shows the monitoring of the measures of @goal that @office leads, as the
 * choices in the page do.
 */
void
measures_dashboard_page_narrow (MeasuresDashboardPage *self,
                                guint                  goal,
                                const char            *office)
{
  g_return_if_fail (MEASURES_IS_DASHBOARD_PAGE (self));

  if (self->goals == NULL)
    return;

  self->goal = goal;
  g_free (self->office);
  self->office = g_strdup (office);
  fill_choices (self);
  narrowing_changed (self);
}

/**
 * measures_dashboard_page_get_computed:
 *
 * Returns: whether the page shows its figures: it computes them when it is
 *   first needed
 */
gboolean
measures_dashboard_page_get_computed (MeasuresDashboardPage *self)
{
  g_return_val_if_fail (MEASURES_IS_DASHBOARD_PAGE (self), FALSE);

  return self->computed;
}
