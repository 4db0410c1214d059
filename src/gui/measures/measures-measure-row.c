/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measure-row"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-measure-row.h"
#include "measures-office.h"
#include "measures-search-text.h"

/**
 * MeasuresMeasureRow:
 *
 * A measure in the list: its title, then its goal and lead, its status and
 * its priority. Built in code rather than from a template: a list of
 * thousands makes and binds rows as it scrolls and filters, and a template
 * costs a parse for every row.
 *
 * While the list is searched, the words that matched are in bold, and a
 * measure found by its description, costs or another field not in the
 * row shows that field's matching part on a line of its own.
 */
struct _MeasuresMeasureRow
{
  GtkWidget parent_instance;

  MeasuresMeasure *measure;
  GtkEditable *search;          /* the list's search, if any */
  GListModel *offices;          /* the strategy's, for their full names */
  char *shown_search;           /* the search the labels show */
  GtkWidget *box;
  GtkLabel *title;
  GtkLabel *subtitle;
  GtkLabel *match;
  GtkLabel *status;
  GtkLabel *priority;
};

/* What a row's list shares with its rows. */
typedef struct
{
  GtkEditable *search;
  GListModel *offices;
} RowContext;

G_DEFINE_FINAL_TYPE (MeasuresMeasureRow, measures_measure_row, GTK_TYPE_WIDGET)

static void
measures_measure_row_dispose (GObject *object)
{
  MeasuresMeasureRow *self = MEASURES_MEASURE_ROW (object);

  g_clear_pointer (&self->box, gtk_widget_unparent);
  g_clear_object (&self->measure);
  g_clear_object (&self->offices);
  g_clear_pointer (&self->shown_search, g_free);

  G_OBJECT_CLASS (measures_measure_row_parent_class)->dispose (object);
}

static void
measures_measure_row_class_init (MeasuresMeasureRowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = measures_measure_row_dispose;
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static GtkLabel *
add_label (GtkWidget *box,
           gboolean   expand)
{
  GtkWidget *label = gtk_label_new (NULL);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_hexpand (label, expand);
  gtk_box_append (GTK_BOX (box), label);
  return GTK_LABEL (label);
}

static void
measures_measure_row_init (MeasuresMeasureRow *self)
{
  GtkWidget *line = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 8);

  self->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_set_margin_top (self->box, 8);
  gtk_widget_set_margin_bottom (self->box, 8);
  gtk_widget_set_margin_start (self->box, 6);
  gtk_widget_set_margin_end (self->box, 6);
  gtk_widget_set_parent (self->box, GTK_WIDGET (self));

  self->title = add_label (self->box, FALSE);
  gtk_label_set_wrap (self->title, TRUE);
  gtk_label_set_wrap_mode (self->title, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_lines (self->title, 3);
  gtk_label_set_ellipsize (self->title, PANGO_ELLIPSIZE_END);
  gtk_label_set_width_chars (self->title, 20);
  gtk_label_set_max_width_chars (self->title, 40);

  self->match = add_label (self->box, FALSE);
  gtk_label_set_ellipsize (self->match, PANGO_ELLIPSIZE_END);
  gtk_label_set_lines (self->match, 2);
  gtk_label_set_wrap (self->match, TRUE);
  gtk_label_set_wrap_mode (self->match, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_width_chars (self->match, 20);
  gtk_label_set_max_width_chars (self->match, 40);
  gtk_widget_add_css_class (GTK_WIDGET (self->match), "caption");
  gtk_widget_set_visible (GTK_WIDGET (self->match), FALSE);

  gtk_box_append (GTK_BOX (self->box), line);
  self->subtitle = add_label (line, TRUE);
  gtk_label_set_ellipsize (self->subtitle, PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "dim-label");
  gtk_widget_add_css_class (GTK_WIDGET (self->subtitle), "caption");
  self->status = add_label (line, FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->status), GTK_ALIGN_CENTER);
  self->priority = add_label (line, FALSE);
  gtk_widget_set_valign (GTK_WIDGET (self->priority), GTK_ALIGN_CENTER);
}

static void
set_badge (GtkLabel   *label,
           const char *text,
           const char *kind,
           const char *value)
{
  const char *classes[] = { kind, value, NULL };

  gtk_label_set_text (label, text);
  gtk_widget_set_css_classes (GTK_WIDGET (label), classes);
}

static const char *
search_text (MeasuresMeasureRow *self)
{
  const char *text = self->search ? gtk_editable_get_text (self->search) : NULL;

  return text && text[0] ? text : NULL;
}

/* The full names of the measure's offices, "Kulturbüro (KA)", which the
 * search finds as well. */
static char *
office_names (MeasuresMeasureRow *self)
{
  const char * const *roles[] = { measures_measure_get_lead_offices (self->measure),
                                  measures_measure_get_involved_offices (self->measure) };
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);

  for (guint r = 0; r < G_N_ELEMENTS (roles) && self->offices; r++)
    for (guint i = 0; roles[r][i] != NULL; i++)
      for (guint j = 0; j < g_list_model_get_n_items (self->offices); j++)
        {
          g_autoptr(MeasuresOffice) office = g_list_model_get_item (self->offices, j);

          if (g_str_equal (measures_office_get_abbreviation (office), roles[r][i]))
            {
              g_ptr_array_add (names, g_strdup_printf ("%s (%s)", measures_office_get_name (office),
                                                       roles[r][i]));
              break;
            }
        }
  g_ptr_array_add (names, NULL);

  return g_strjoinv (", ", (char **)names->pdata);
}

/* Why a measure was found, when not by its title or lead: the first other
 * field that matched, as "Costs: …Projektstelle…". */
static char *
match_markup (MeasuresMeasureRow *self,
              const char         *search)
{
  g_autofree char *objectives = g_strjoinv (" · ", (GStrv)measures_measure_get_objectives (self->measure));
  g_autofree char *offices = office_names (self);
  struct { const char *label; const char *text; } fields[] = {
    { _("Description"), measures_measure_get_description (self->measure) },
    { _("Objectives"), objectives },
    { _("Costs"), measures_measure_get_costs (self->measure) },
    { _("Period"), measures_measure_get_period (self->measure) },
    { _("Lead"), measures_measure_get_lead (self->measure) },
    { _("Actors"), measures_measure_get_actors (self->measure) },
    { _("Offices"), offices },
  };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    {
      g_autofree char *snippet = measures_search_text_snippet (fields[i].text, search, 24);
      g_autofree char *marked = NULL;
      g_autofree char *label = NULL;

      if (snippet == NULL)
        continue;
      marked = measures_search_text_highlight (snippet, search, NULL);
      label = g_markup_escape_text (fields[i].label, -1);
      /* Translators: why a measure was found: a field and the part of it
       * that matched, e.g. "Costs: Personal- und Sachkosten" */
      return g_strdup_printf (_("%s: %s"), label, marked);
    }

  return NULL;
}

static void
show_labels (MeasuresMeasureRow *self)
{
  const char *search = search_text (self);
  const char * const *lead = measures_measure_get_lead_offices (self->measure);
  g_autofree char *offices = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *title = NULL;
  g_autofree char *subtitle_markup = NULL;
  g_autofree char *match = NULL;
  gboolean in_title = FALSE, in_subtitle = FALSE;

  g_free (self->shown_search);
  self->shown_search = g_strdup (search);

  offices = lead[0] ? g_strjoinv (", ", (GStrv)lead) : g_strdup (measures_measure_get_lead (self->measure));
  /* Translators: under a measure's title in the list: "Goal 2 · SAM" */
  subtitle = g_strdup_printf (_("Goal %u · %s"), measures_measure_get_goal (self->measure), offices);

  title = measures_search_text_highlight (measures_measure_get_title (self->measure), search,
                                          &in_title);
  subtitle_markup = measures_search_text_highlight (subtitle, search, &in_subtitle);
  gtk_label_set_markup (self->title, title);
  gtk_label_set_markup (self->subtitle, subtitle_markup);

  if (search != NULL && !(in_title || in_subtitle))
    match = match_markup (self, search);
  gtk_label_set_markup (self->match, match ? match : "");
  /* A measure found by its title or lead says so already. */
  gtk_widget_set_visible (GTK_WIDGET (self->match), match != NULL && !(in_title || in_subtitle));
}

static void
search_changed (MeasuresMeasureRow *self)
{
  if (self->measure != NULL && g_strcmp0 (search_text (self), self->shown_search) != 0)
    show_labels (self);
}

/**
 * measures_measure_row_set_measure:
 * @measure: (nullable): the measure to show
 */
void
measures_measure_row_set_measure (MeasuresMeasureRow *self,
                                  MeasuresMeasure    *measure)
{
  MeasuresStatus status;
  MeasuresPriority priority;

  g_return_if_fail (MEASURES_IS_MEASURE_ROW (self));

  /* GTK 4.8's list view binds every row again after a change above it;
   * the same item (a changed measure is a new one) leaves the labels, and
   * their layout, alone. */
  if (measure != NULL && measure == self->measure &&
      g_strcmp0 (search_text (self), self->shown_search) == 0)
    return;
  g_set_object (&self->measure, measure);

  if (measure == NULL)
    {
      gtk_label_set_text (self->title, "");
      gtk_label_set_text (self->subtitle, "");
      gtk_widget_set_visible (GTK_WIDGET (self->match), FALSE);
      set_badge (self->status, "", "status", NULL);
      set_badge (self->priority, "", "priority", NULL);
      return;
    }

  status = measures_measure_get_status (measure);
  priority = measures_measure_get_priority (measure);

  show_labels (self);
  set_badge (self->status, measures_status_get_label (status), "status",
             measures_status_to_string (status));
  set_badge (self->priority, measures_priority_get_label (priority), "priority",
             measures_priority_to_string (priority));
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           RowContext               *context)
{
  MeasuresMeasureRow *row = g_object_new (MEASURES_TYPE_MEASURE_ROW, NULL);

  if (context->search != NULL)
    {
      row->search = context->search;
      g_signal_connect_object (context->search, "changed", G_CALLBACK (search_changed), row,
                               G_CONNECT_SWAPPED);
    }
  g_set_object (&row->offices, context->offices);
  gtk_list_item_set_child (list_item, GTK_WIDGET (row));
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item)
{
  measures_measure_row_set_measure (MEASURES_MEASURE_ROW (gtk_list_item_get_child (list_item)),
                                    gtk_list_item_get_item (list_item));
}

static void
row_context_free (gpointer  data,
                  GClosure *closure)
{
  RowContext *context = data;

  g_clear_weak_pointer (&context->search);
  g_clear_object (&context->offices);
  g_free (context);
}

/**
 * measures_measure_row_factory_new:
 * @search: (nullable): the list's search, whose matches the rows show
 * @offices: (nullable): the strategy's #MeasuresOffice list, for the
 *   offices' full names that a search finds
 *
 * Returns: (transfer full): a factory of rows for a list of #MeasuresMeasure
 */
GtkListItemFactory *
measures_measure_row_factory_new (GtkEditable *search,
                                  GListModel  *offices)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  RowContext *context = g_new0 (RowContext, 1);

  g_set_weak_pointer (&context->search, search);
  g_set_object (&context->offices, offices);
  /* Nothing on unbind: a row is bound again straight away, or dropped. */
  g_signal_connect_data (factory, "setup", G_CALLBACK (setup_row), context, row_context_free, 0);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  return factory;
}
