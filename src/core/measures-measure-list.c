/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-measure-list"

#include "config.h"

#include <string.h>

#include "measures-measure-list.h"

/**
 * MeasuresMeasureList:
 *
 * The measures of a strategy as a list model that stays quick with a
 * hundred thousand of them: it keeps a #MeasuresSummary of a few bytes for
 * each measure, filters and sorts those, and reads a whole
 * #MeasuresMeasure from the store only when a row asks for its item — a
 * list view asks for the rows it shows. Search and the office filter come
 * from the store's indexes as sorted id lists; the title and update orders
 * as ranks from theirs.
 *
 * While an item is alive, the list hands out that same object for it, so
 * that a selection recognises it; a few recently used ones are kept for
 * scrolling back.
 *
 * Changes are announced as one items-changed signal over the part of the
 * list that differs; big ones in three steps that let a list view reuse
 * its rows (see apply()).
 */

#define N_RECENT 128

struct _MeasuresMeasureList
{
  GObject parent_instance;

  MeasuresStore *store;
  char *scope_office;
  int scope_role;

  /* Every measure in scope, in goal and sheet order. */
  GArray *rows;                 /* MeasuresSummary */
  GArray *by_id;                /* guint: indexes of rows, by id */

  /* What is shown: indexes of rows, filtered and sorted. */
  GArray *shown;                /* gint64: the ids */

  /* The filter */
  guint goal;
  int priority;
  int status;
  char *office;
  int office_role;              /* MeasuresRole, or -1 for both */
  GArray *office_ids;           /* gint64, ascending; NULL for every office */
  char *search;
  GArray *search_ids;           /* gint64, ascending; NULL when not searching */

  MeasuresSort sort;
  GArray *ranks;                /* MeasuresRank from the store, for sort */
  MeasuresSort ranks_sort;

  /* Items handed out: id → the object, while anyone holds it. */
  GHashTable *alive;
  GQueue recent;
};

static void measures_measure_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (MeasuresMeasureList, measures_measure_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      measures_measure_list_model_init))

/* Items ------------------------------------------------------------------ */

static void
item_finalized (gpointer  data,
                GObject  *where_the_object_was)
{
  MeasuresMeasureList *self = data;
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    if (value == (gpointer)where_the_object_was)
      {
        g_hash_table_iter_remove (&iter);
        break;
      }
}

static void
forget_item (MeasuresMeasureList *self,
             gint64               id)
{
  MeasuresMeasure *item = g_hash_table_lookup (self->alive, &id);
  GList *link;

  if (item == NULL)
    return;

  g_object_weak_unref (G_OBJECT (item), item_finalized, self);
  g_hash_table_remove (self->alive, &id);

  link = g_queue_find (&self->recent, item);
  if (link != NULL)
    {
      g_queue_delete_link (&self->recent, link);
      g_object_unref (item);
    }
}

static void
keep_recent (MeasuresMeasureList *self,
             MeasuresMeasure     *item)
{
  GList *link = g_queue_find (&self->recent, item);

  if (link != NULL)
    {
      g_queue_unlink (&self->recent, link);
      g_queue_push_head_link (&self->recent, link);
      return;
    }

  g_queue_push_head (&self->recent, g_object_ref (item));
  if (g_queue_get_length (&self->recent) > N_RECENT)
    g_object_unref (g_queue_pop_tail (&self->recent));
}

static GType
measures_measure_list_get_item_type (GListModel *model)
{
  return MEASURES_TYPE_MEASURE;
}

static guint
measures_measure_list_get_n_items (GListModel *model)
{
  return MEASURES_MEASURE_LIST (model)->shown->len;
}

/* A list view asks for its rows one by one, in order: the rows after the
 * one asked for are read with it, in one query. */
#define READ_AHEAD 32

static void
adopt_item (MeasuresMeasureList *self,
            MeasuresMeasure     *item)
{
  gint64 id = measures_measure_get_id (item);

  g_hash_table_insert (self->alive, g_memdup2 (&id, sizeof id), item);
  g_object_weak_ref (G_OBJECT (item), item_finalized, self);
  keep_recent (self, item);
}

static gpointer
measures_measure_list_get_item (GListModel *model,
                                guint       position)
{
  MeasuresMeasureList *self = MEASURES_MEASURE_LIST (model);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) read = NULL;
  gint64 wanted[READ_AHEAD];
  guint n_wanted = 0;
  MeasuresMeasure *item;
  gint64 id;

  if (position >= self->shown->len)
    return NULL;

  id = g_array_index (self->shown, gint64, position);
  item = g_hash_table_lookup (self->alive, &id);
  if (item != NULL)
    {
      keep_recent (self, item);
      return g_object_ref (item);
    }

  for (guint i = position; i < self->shown->len && n_wanted < READ_AHEAD; i++)
    {
      gint64 next = g_array_index (self->shown, gint64, i);

      if (!g_hash_table_contains (self->alive, &next))
        wanted[n_wanted++] = next;
    }

  read = measures_store_load_measures (self->store, wanted, n_wanted, &error);
  if (read == NULL)
    {
      g_warning ("Could not read measure %" G_GINT64_FORMAT ": %s", id, error->message);
      return NULL;
    }

  /* The one asked for last, so that it is the most recent. */
  item = NULL;
  for (guint i = 0; i < read->len; i++)
    {
      MeasuresMeasure *measure = g_ptr_array_index (read, i);

      if (measures_measure_get_id (measure) == id)
        item = measure;
      else
        adopt_item (self, measure);
    }

  if (item == NULL)
    {
      g_warning ("Could not read measure %" G_GINT64_FORMAT ": it no longer exists", id);
      return NULL;
    }

  adopt_item (self, item);
  return g_object_ref (item);
}

static void
measures_measure_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = measures_measure_list_get_item_type;
  iface->get_n_items = measures_measure_list_get_n_items;
  iface->get_item = measures_measure_list_get_item;
}

/* Rows ------------------------------------------------------------------- */

static int
compare_rows_by_id (gconstpointer a,
                    gconstpointer b,
                    gpointer      user_data)
{
  GArray *rows = user_data;
  gint64 x = g_array_index (rows, MeasuresSummary, *(const guint *)a).id;
  gint64 y = g_array_index (rows, MeasuresSummary, *(const guint *)b).id;

  return x < y ? -1 : x > y;
}

static void
index_rows (MeasuresMeasureList *self)
{
  g_array_set_size (self->by_id, self->rows->len);
  for (guint i = 0; i < self->rows->len; i++)
    g_array_index (self->by_id, guint, i) = i;
  g_array_sort_with_data (self->by_id, compare_rows_by_id, self->rows);
}

/* The index into rows of the measure @id, by binary search. */
static gboolean
find_row (MeasuresMeasureList *self,
          gint64               id,
          guint               *row)
{
  guint low = 0, high = self->by_id->len;

  while (low < high)
    {
      guint middle = low + (high - low) / 2;
      guint index = g_array_index (self->by_id, guint, middle);
      gint64 found = g_array_index (self->rows, MeasuresSummary, index).id;

      if (found == id)
        {
          *row = index;
          return TRUE;
        }
      if (found < id)
        low = middle + 1;
      else
        high = middle;
    }

  return FALSE;
}

/* Marks the rows whose ids are in @ids (ascending): one walk over both. */
static guint8 *
mark_rows (MeasuresMeasureList *self,
           GArray              *ids)
{
  guint8 *marks = g_malloc0 (self->rows->len + 1);
  guint j = 0;

  for (guint i = 0; i < self->by_id->len && j < ids->len; i++)
    {
      guint index = g_array_index (self->by_id, guint, i);
      gint64 id = g_array_index (self->rows, MeasuresSummary, index).id;

      while (j < ids->len && g_array_index (ids, gint64, j) < id)
        j++;
      if (j < ids->len && g_array_index (ids, gint64, j) == id)
        marks[index] = 1;
    }

  return marks;
}

/* Filtering and sorting -------------------------------------------------- */

static int
compare_ranks (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  const guint32 *ranks = user_data;
  guint32 x = ranks[*(const guint *)a], y = ranks[*(const guint *)b];

  return x < y ? -1 : x > y;
}

static gboolean
ensure_ranks (MeasuresMeasureList  *self,
              GError              **error)
{
  MeasuresOrder order = self->sort == MEASURES_SORT_TITLE ? MEASURES_ORDER_TITLE
                                                          : MEASURES_ORDER_UPDATED;

  if (self->ranks != NULL && self->ranks_sort == self->sort)
    return TRUE;

  g_clear_pointer (&self->ranks, g_array_unref);
  if (!measures_store_list_ranks (self->store, order, &self->ranks, error))
    return FALSE;
  self->ranks_sort = self->sort;

  return TRUE;
}

/* Sorts @shown (in goal order) by the current sort; stable, so that equal
 * measures keep goal order. */
static gboolean
sort_shown (MeasuresMeasureList  *self,
            GArray               *shown,
            GError              **error)
{
  switch (self->sort)
    {
    case MEASURES_SORT_PRIORITY:
    case MEASURES_SORT_STATUS:
      {
        /* Counting sort over a handful of values. */
        guint counts[MAX (MEASURES_N_PRIORITIES, MEASURES_N_STATUSES) + 1] = { 0 };
        g_autoptr(GArray) sorted = g_array_sized_new (FALSE, FALSE, sizeof (guint), shown->len);
        gboolean by_priority = self->sort == MEASURES_SORT_PRIORITY;

        for (guint i = 0; i < shown->len; i++)
          {
            const MeasuresSummary *row = &g_array_index (self->rows, MeasuresSummary,
                                                         g_array_index (shown, guint, i));
            counts[(by_priority ? row->priority : row->status) + 1]++;
          }
        for (guint i = 1; i < G_N_ELEMENTS (counts); i++)
          counts[i] += counts[i - 1];
        g_array_set_size (sorted, shown->len);
        for (guint i = 0; i < shown->len; i++)
          {
            guint index = g_array_index (shown, guint, i);
            const MeasuresSummary *row = &g_array_index (self->rows, MeasuresSummary, index);

            g_array_index (sorted, guint, counts[by_priority ? row->priority : row->status]++) = index;
          }
        memcpy (shown->data, sorted->data, shown->len * sizeof (guint));
      }
      break;

    case MEASURES_SORT_TITLE:
    case MEASURES_SORT_UPDATED:
      {
        g_autofree guint32 *ranks = NULL;

        if (!ensure_ranks (self, error))
          return FALSE;

        ranks = g_new (guint32, self->rows->len);
        /* A measure the order does not know goes last. */
        for (guint i = 0; i < self->rows->len; i++)
          ranks[i] = G_MAXUINT32;
        for (guint i = 0; i < self->ranks->len; i++)
          {
            const MeasuresRank *rank = &g_array_index (self->ranks, MeasuresRank, i);
            guint row;

            if (find_row (self, rank->id, &row))
              ranks[row] = rank->rank;
          }
        /* GLib's sort is stable. */
        g_array_sort_with_data (shown, compare_ranks, ranks);
      }
      break;

    case MEASURES_SORT_GOAL:
    default:
      break;
    }

  return TRUE;
}

/* Computes what is shown and announces the part that changed; @changed_id,
 * when not 0, is a measure whose item is new even if its place is not. */
static gboolean
apply (MeasuresMeasureList  *self,
       gint64                changed_id,
       GError              **error)
{
  g_autoptr(GArray) shown = g_array_sized_new (FALSE, FALSE, sizeof (guint), self->rows->len);
  g_autofree guint8 *found = self->search_ids ? mark_rows (self, self->search_ids) : NULL;
  g_autofree guint8 *of_office = self->office_ids ? mark_rows (self, self->office_ids) : NULL;
  guint old_n = self->shown->len, new_n, prefix = 0, suffix = 0, removed, added;
  GArray *old, *fresh;

  for (guint i = 0; i < self->rows->len; i++)
    {
      const MeasuresSummary *row = &g_array_index (self->rows, MeasuresSummary, i);

      if ((self->goal == 0 || row->goal == self->goal) &&
          (self->priority < 0 || row->priority == self->priority) &&
          (self->status < 0 || row->status == self->status) &&
          (found == NULL || found[i]) &&
          (of_office == NULL || of_office[i]))
        g_array_append_val (shown, i);
    }

  if (!sort_shown (self, shown, error))
    return FALSE;

  /* What is shown is kept as ids: row indexes move when a measure comes
   * or goes. */
  old = self->shown;
  fresh = g_array_sized_new (FALSE, FALSE, sizeof (gint64), shown->len);
  for (guint i = 0; i < shown->len; i++)
    g_array_append_val (fresh, g_array_index (self->rows, MeasuresSummary,
                                              g_array_index (shown, guint, i)).id);
  new_n = fresh->len;

  while (prefix < old_n && prefix < new_n &&
         g_array_index (old, gint64, prefix) == g_array_index (fresh, gint64, prefix))
    prefix++;
  while (suffix < old_n - prefix && suffix < new_n - prefix &&
         g_array_index (old, gint64, old_n - 1 - suffix) ==
         g_array_index (fresh, gint64, new_n - 1 - suffix))
    suffix++;
  removed = old_n - prefix - suffix;
  added = new_n - prefix - suffix;

  /* One measure that moved, as when an edit changes its place in the
   * order: announced as that, a list view keeps every other row. */
  if (removed == added && removed > 1)
    {
      const gint64 *o = &g_array_index (old, gint64, prefix);
      const gint64 *f = &g_array_index (fresh, gint64, prefix);
      guint from = G_MAXUINT, to = 0;

      if (o[0] == f[removed - 1] && memcmp (o + 1, f, (removed - 1) * sizeof (gint64)) == 0)
        from = prefix, to = prefix + removed - 1;
      else if (o[removed - 1] == f[0] && memcmp (o, f + 1, (removed - 1) * sizeof (gint64)) == 0)
        from = prefix + removed - 1, to = prefix;

      if (from != G_MAXUINT)
        {
          gint64 id = g_array_index (old, gint64, from);

          g_array_remove_index (old, from);
          g_list_model_items_changed (G_LIST_MODEL (self), from, 1, 0);
          g_array_insert_val (old, to, id);
          g_list_model_items_changed (G_LIST_MODEL (self), to, 0, 1);
          removed = added = 0;
        }
    }

  /* A big change is announced so that a list view keeps its rows and
   * binds them to the new items instead of making new ones. Were the old
   * items removed, the view would drop their rows, and, if its first row
   * were among them, look for its item among every new one, reading each
   * from the store. So the new items come in after the first changed one,
   * which stays where the view starts: the rows below it move out of view
   * and are bound to the new items that come into it. Then that one item
   * goes, then the old ones, which by then have no rows. A view that
   * starts further down is best scrolled to the top first. */
  if (removed > 0 && added > 0 && MAX (removed, added) > 32)
    {
      GArray *both = g_array_sized_new (FALSE, FALSE, sizeof (gint64), old_n + new_n - prefix);

      g_array_append_vals (both, old->data, prefix + 1);
      g_array_append_vals (both, &g_array_index (fresh, gint64, prefix), new_n - prefix);
      g_array_append_vals (both, &g_array_index (old, gint64, prefix + 1), old_n - prefix - 1);
      self->shown = both;
      g_list_model_items_changed (G_LIST_MODEL (self), prefix + 1, 0, new_n - prefix);

      g_array_remove_index (both, prefix);
      g_list_model_items_changed (G_LIST_MODEL (self), prefix, 1, 0);

      g_array_set_size (both, new_n);
      if (old_n - prefix - 1 > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), new_n, old_n - prefix - 1, 0);

      self->shown = fresh;
      g_array_unref (both);
      g_array_unref (old);
      removed = added = 0;
    }
  else
    {
      self->shown = fresh;
      g_array_unref (old);
      if (removed > 0 || added > 0)
        g_list_model_items_changed (G_LIST_MODEL (self), prefix, removed, added);
    }

  /* A measure that changed in place has a new item all the same. */
  if (changed_id != 0)
    {
      guint position;

      if (measures_measure_list_find (self, changed_id, &position) &&
          (position < prefix || position >= new_n - suffix))
        g_list_model_items_changed (G_LIST_MODEL (self), position, 1, 1);
    }

  return TRUE;
}

/* Life ------------------------------------------------------------------- */

static void
measures_measure_list_finalize (GObject *object)
{
  MeasuresMeasureList *self = (MeasuresMeasureList *)object;
  GHashTableIter iter;
  gpointer item;

  g_queue_clear_full (&self->recent, g_object_unref);
  g_hash_table_iter_init (&iter, self->alive);
  while (g_hash_table_iter_next (&iter, NULL, &item))
    g_object_weak_unref (item, item_finalized, self);
  g_clear_pointer (&self->alive, g_hash_table_unref);

  g_clear_object (&self->store);
  g_free (self->scope_office);
  g_clear_pointer (&self->rows, g_array_unref);
  g_clear_pointer (&self->by_id, g_array_unref);
  g_clear_pointer (&self->shown, g_array_unref);
  g_free (self->office);
  g_clear_pointer (&self->office_ids, g_array_unref);
  g_free (self->search);
  g_clear_pointer (&self->search_ids, g_array_unref);
  g_clear_pointer (&self->ranks, g_array_unref);

  G_OBJECT_CLASS (measures_measure_list_parent_class)->finalize (object);
}

static void
measures_measure_list_class_init (MeasuresMeasureListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = measures_measure_list_finalize;
}

static void
measures_measure_list_init (MeasuresMeasureList *self)
{
  self->by_id = g_array_new (FALSE, FALSE, sizeof (guint));
  self->shown = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->priority = -1;
  self->status = -1;
  self->office_role = -1;
  self->alive = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  g_queue_init (&self->recent);
}

/**
 * measures_measure_list_new:
 * @store: the strategy
 * @office: (nullable): only the measures of this office, or %NULL for all
 * @role: with @office, its #MeasuresRole, or -1 for either
 *
 * Returns: (transfer full): the list, unfiltered, in goal and sheet order;
 *   an empty list with @error set if the store could not be read
 */
MeasuresMeasureList *
measures_measure_list_new (MeasuresStore  *store,
                           const char     *office,
                           int             role,
                           GError        **error)
{
  MeasuresMeasureList *self;

  g_return_val_if_fail (MEASURES_IS_STORE (store), NULL);

  self = g_object_new (MEASURES_TYPE_MEASURE_LIST, NULL);
  self->store = g_object_ref (store);
  self->scope_office = g_strdup (office);
  self->scope_role = office ? role : -1;

  if (!measures_store_list_summaries (store, office, self->scope_role, 0, &self->rows, error))
    self->rows = g_array_new (FALSE, FALSE, sizeof (MeasuresSummary));
  index_rows (self);

  for (guint i = 0; i < self->rows->len; i++)
    g_array_append_val (self->shown, g_array_index (self->rows, MeasuresSummary, i).id);

  return self;
}

static int
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *)a, y = *(const gint64 *)b;

  return (x > y) - (x < y);
}

/* The measures of an office, in one of its roles or both, as ascending
 * ids. */
static gboolean
list_office_ids (MeasuresMeasureList  *self,
                 const char           *office,
                 int                   role,
                 GArray              **ids,
                 GError              **error)
{
  g_autoptr(GArray) summaries = NULL;
  GArray *found;

  if (role < 0)
    return measures_store_list_office_ids (self->store, office, ids, error);

  if (!measures_store_list_summaries (self->store, office, role, 0, &summaries, error))
    return FALSE;

  found = g_array_sized_new (FALSE, FALSE, sizeof (gint64), summaries->len);
  for (guint i = 0; i < summaries->len; i++)
    g_array_append_val (found, g_array_index (summaries, MeasuresSummary, i).id);
  g_array_sort (found, compare_ids);
  /* A measure led by several offices has a row for each. */
  for (guint i = 1; i < found->len;)
    if (g_array_index (found, gint64, i) == g_array_index (found, gint64, i - 1))
      g_array_remove_index (found, i);
    else
      i++;

  *ids = found;
  return TRUE;
}

/**
 * measures_measure_list_set_filter:
 * @filter: what to show
 *
 * Shows the measures that pass every part of @filter. A search or an office
 * that did not change is not asked of the store again.
 *
 * Returns: %FALSE with @error set if the store could not answer; the list
 *   is then as it was
 */
gboolean
measures_measure_list_set_filter (MeasuresMeasureList         *self,
                                  const MeasuresMeasureFilter *filter,
                                  GError                     **error)
{
  g_autoptr(GArray) search_ids = NULL;
  g_autoptr(GArray) office_ids = NULL;
  gboolean new_search, new_office;

  g_return_val_if_fail (MEASURES_IS_MEASURE_LIST (self), FALSE);
  g_return_val_if_fail (filter != NULL, FALSE);

  new_search = g_strcmp0 (filter->search, self->search) != 0;
  new_office = g_strcmp0 (filter->office, self->office) != 0 ||
               (filter->office != NULL && filter->office_role != self->office_role);

  if (new_search && filter->search != NULL &&
      !measures_store_search_ids (self->store, filter->search, &search_ids, error))
    return FALSE;
  if (new_office && filter->office != NULL &&
      !list_office_ids (self, filter->office, filter->office_role, &office_ids, error))
    return FALSE;

  if (new_search)
    {
      g_free (self->search);
      self->search = g_strdup (filter->search);
      g_clear_pointer (&self->search_ids, g_array_unref);
      self->search_ids = g_steal_pointer (&search_ids);
    }
  if (new_office)
    {
      g_free (self->office);
      self->office = g_strdup (filter->office);
      self->office_role = filter->office != NULL ? filter->office_role : -1;
      g_clear_pointer (&self->office_ids, g_array_unref);
      self->office_ids = g_steal_pointer (&office_ids);
    }
  self->goal = filter->goal;
  self->priority = filter->priority;
  self->status = filter->status;

  return apply (self, 0, error);
}

/**
 * measures_measure_list_set_sort:
 *
 * Returns: %FALSE with @error set if the store could not give the order
 */
gboolean
measures_measure_list_set_sort (MeasuresMeasureList  *self,
                                MeasuresSort          sort,
                                GError              **error)
{
  MeasuresSort old = self->sort;

  g_return_val_if_fail (MEASURES_IS_MEASURE_LIST (self), FALSE);

  self->sort = sort;
  if (!apply (self, 0, error))
    {
      self->sort = old;
      return FALSE;
    }

  return TRUE;
}

/**
 * measures_measure_list_reload:
 * @id: a measure that was created, changed, removed or restored
 *
 * Reads the measure again and moves it to where it belongs now, into the
 * list or out of it; a search or an office filter is asked again, since
 * its words or offices may have changed.
 *
 * Returns: %FALSE with @error set if the store could not be read
 */
gboolean
measures_measure_list_reload (MeasuresMeasureList  *self,
                              gint64                id,
                              GError              **error)
{
  g_autoptr(GArray) fresh = NULL;
  g_autoptr(GArray) search_ids = NULL;
  g_autoptr(GArray) office_ids = NULL;
  guint row;

  g_return_val_if_fail (MEASURES_IS_MEASURE_LIST (self), FALSE);

  if (!measures_store_list_summaries (self->store, self->scope_office, self->scope_role, id,
                                      &fresh, error))
    return FALSE;
  if (self->search != NULL &&
      !measures_store_search_ids (self->store, self->search, &search_ids, error))
    return FALSE;
  if (self->office != NULL &&
      !list_office_ids (self, self->office, self->office_role, &office_ids, error))
    return FALSE;

  if (self->search != NULL)
    {
      g_clear_pointer (&self->search_ids, g_array_unref);
      self->search_ids = g_steal_pointer (&search_ids);
    }
  if (self->office != NULL)
    {
      g_clear_pointer (&self->office_ids, g_array_unref);
      self->office_ids = g_steal_pointer (&office_ids);
    }

  forget_item (self, id);
  if (find_row (self, id, &row) && fresh->len > 0 &&
      g_array_index (self->rows, MeasuresSummary, row).goal ==
        g_array_index (fresh, MeasuresSummary, 0).goal &&
      g_array_index (self->rows, MeasuresSummary, row).position ==
        g_array_index (fresh, MeasuresSummary, 0).position)
    {
      /* Still in its place, the usual edit: the summary changes in place. */
      g_array_index (self->rows, MeasuresSummary, row) = g_array_index (fresh, MeasuresSummary, 0);
      g_clear_pointer (&fresh, g_array_unref);
    }
  else if (find_row (self, id, &row))
    {
      /* The rows after it move up; its place in the id index goes. */
      g_array_remove_index (self->rows, row);
      for (guint i = 0, j = 0; i < self->by_id->len; i++)
        {
          guint index = g_array_index (self->by_id, guint, i);

          if (index != row)
            g_array_index (self->by_id, guint, j++) = index > row ? index - 1 : index;
        }
      g_array_set_size (self->by_id, self->rows->len);
    }
  if (fresh != NULL && fresh->len > 0)
    {
      const MeasuresSummary *summary = &g_array_index (fresh, MeasuresSummary, 0);
      guint low = 0, high = self->rows->len;

      /* Binary search for its place in goal and sheet order. */
      while (low < high)
        {
          guint middle = low + (high - low) / 2;
          const MeasuresSummary *other = &g_array_index (self->rows, MeasuresSummary, middle);
          gboolean before = other->goal < summary->goal ||
                            (other->goal == summary->goal &&
                             (other->position < summary->position ||
                              (other->position == summary->position && other->id < summary->id)));

          if (before)
            low = middle + 1;
          else
            high = middle;
        }
      g_array_insert_val (self->rows, low, *summary);

      /* The rows from its place on move down; it joins the id index. */
      row = low;
      for (guint i = 0; i < self->by_id->len; i++)
        if (g_array_index (self->by_id, guint, i) >= row)
          g_array_index (self->by_id, guint, i)++;
      low = 0;
      high = self->by_id->len;
      while (low < high)
        {
          guint middle = low + (high - low) / 2;
          gint64 other = g_array_index (self->rows, MeasuresSummary,
                                        g_array_index (self->by_id, guint, middle)).id;

          if (other < summary->id)
            low = middle + 1;
          else
            high = middle;
        }
      g_array_insert_val (self->by_id, low, row);
    }
  /* Its title or its update time changed the order. */
  g_clear_pointer (&self->ranks, g_array_unref);

  return apply (self, id, error);
}

/**
 * measures_measure_list_find:
 * @id: a measure's id
 * @position: (out): where the list shows it
 *
 * Returns: %TRUE if the list shows the measure
 */
gboolean
measures_measure_list_find (MeasuresMeasureList *self,
                            gint64               id,
                            guint               *position)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_LIST (self), FALSE);

  for (guint i = 0; i < self->shown->len; i++)
    if (g_array_index (self->shown, gint64, i) == id)
      {
        *position = i;
        return TRUE;
      }

  return FALSE;
}

/**
 * measures_measure_list_count_statuses:
 * @goal: a goal's number, or 0 for all
 * @counts: (out caller-allocates) (optional): how many of the goal's
 *   measures have each status, whatever the filter shows
 * @progress_sum: (out) (optional): the sum of their progress, in percent
 *
 * Returns: how many measures the goal has, whatever the filter shows
 */
guint
measures_measure_list_count_statuses (MeasuresMeasureList *self,
                                      guint                goal,
                                      guint                counts[MEASURES_N_STATUSES],
                                      guint64             *progress_sum)
{
  guint total = 0;
  guint64 sum = 0;

  g_return_val_if_fail (MEASURES_IS_MEASURE_LIST (self), 0);

  if (counts != NULL)
    memset (counts, 0, sizeof (guint) * MEASURES_N_STATUSES);

  for (guint i = 0; i < self->rows->len; i++)
    {
      const MeasuresSummary *row = &g_array_index (self->rows, MeasuresSummary, i);

      if (goal != 0 && row->goal != goal)
        continue;
      total++;
      sum += row->progress;
      if (counts != NULL)
        counts[row->status]++;
    }

  if (progress_sum != NULL)
    *progress_sum = sum;

  return total;
}

/**
 * measures_measure_list_get_ids:
 * @n_ids: (out): how many
 *
 * Returns: (array length=n_ids) (transfer none): the ids of the measures
 *   shown, in the order shown: e.g. to export the list as the user sees it
 */
const gint64 *
measures_measure_list_get_ids (MeasuresMeasureList *self,
                               guint               *n_ids)
{
  g_return_val_if_fail (MEASURES_IS_MEASURE_LIST (self), NULL);
  g_return_val_if_fail (n_ids != NULL, NULL);

  *n_ids = self->shown->len;
  return (const gint64 *)(gpointer)self->shown->data;
}
