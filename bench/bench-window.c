/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "bench-util.h"

#include <adwaita.h>
#include <stdio.h>
#include <sys/resource.h>

#include "measures-application.h"
#include "measures-dashboard-page.h"
#include "measures-measure-list.h"
#include "measures-measures-page.h"
#include "measures-window.h"
#ifdef HAVE_POSTGRESQL
#include "postgres/measures-pg-store.h"
#endif

/* The main window on a given database, under a real (virtual) display,
 * driven as a user drives it, timing what the user waits for:
 *
 *   bench-window DATABASE
 *
 * prints one line per figure, "name value unit", medians of RUNS:
 * a search keystroke (from the text change until the list model holds the
 * result) for a common and a rare word, the office and status filters and
 * the sort by title (the time until the list is updated), scrolling the
 * list by 1000 rows in one second (frames dropped), saving an edit and
 * adding a progress report (until the window shows it), the dashboard's
 * first paint and computation, and the process's peak memory. DATABASE
 * may be a server's address ("host=… dbname=…"); then the round trips to
 * the server of a save and of a progress report are counted too
 * (measures_pg_store_get_round_trips()), the window's reading again of
 * what it saved included. */

#define RUNS 15
#define FRAME_US 16667

static MeasuresWindow *window;
static MeasuresApplication *app;

/* Round trips to the server so far; 0 on a file. */
static double
round_trips (void)
{
#ifdef HAVE_POSTGRESQL
  MeasuresStore *store = measures_application_get_store (app);

  if (MEASURES_IS_PG_STORE (store))
    return measures_pg_store_get_round_trips (MEASURES_PG_STORE (store));
#endif
  return 0;
}

/* A widget of the window's, or of its measures page's. */
static gpointer
child (const char *name)
{
  gpointer found = gtk_widget_get_template_child (GTK_WIDGET (window), MEASURES_TYPE_WINDOW, name);
  gpointer page = gtk_widget_get_template_child (GTK_WIDGET (window), MEASURES_TYPE_WINDOW,
                                                 "measures_page");

  if (found == NULL && page != NULL)
    found = gtk_widget_get_template_child (page, MEASURES_TYPE_MEASURES_PAGE, name);
  if (found == NULL)
    g_error ("The window has no “%s”", name);
  return found;
}

static GtkWidget *
find_by_id (GtkWidget  *widget,
            const char *id)
{
  if (g_strcmp0 (gtk_buildable_get_buildable_id (GTK_BUILDABLE (widget)), id) == 0)
    return widget;

  for (GtkWidget *c = gtk_widget_get_first_child (widget); c; c = gtk_widget_get_next_sibling (c))
    {
      GtkWidget *found = find_by_id (c, id);

      if (found != NULL)
        return found;
    }

  return NULL;
}

/* The filter drop-downs live in the filter button's popover, made when it
 * is first opened. */
static gpointer
filter (const char *name)
{
  GtkMenuButton *button = child ("filter_button");
  GtkWidget *found;

  gtk_menu_button_popup (button);
  found = find_by_id (GTK_WIDGET (gtk_menu_button_get_popover (button)), name);
  gtk_menu_button_popdown (button);
  if (found == NULL)
    g_error ("The filters have no “%s”", name);
  return found;
}

static void
iterate (void)
{
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
}

static void
report (const char *name,
        double      value,
        const char *unit)
{
  printf ("%s %.3f %s\n", name, value, unit);
  fflush (stdout);
}

/* Search ------------------------------------------------------------------ */

static gint64 search_done;
static const char *search_expected;

static void
search_changed_after (GtkSearchEntry *entry)
{
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), search_expected) == 0)
    search_done = g_get_monotonic_time ();
}

static void
wait_for_search (const char *text)
{
  while (search_done == 0)
    g_main_context_iteration (NULL, TRUE);
}

/* A keystroke: one character typed at the end of the text. The time runs
 * from the change of the text to the end of the window's own handler of
 * "search-changed", which updates the list model; the entry's delay, if
 * any, is part of it. */
static double
keystroke (GtkEditable *entry,
           const char  *character)
{
  int position = g_utf8_strlen (gtk_editable_get_text (entry), -1);
  g_autofree char *text = g_strconcat (gtk_editable_get_text (entry), character, NULL);
  gint64 start;

  search_expected = text;
  search_done = 0;
  start = g_get_monotonic_time ();
  gtk_editable_insert_text (entry, character, -1, &position);
  wait_for_search (text);

  return (search_done - start) / 1000.0;
}

static void
set_search (GtkEditable *entry,
            const char  *text)
{
  search_expected = text;
  search_done = 0;
  gtk_editable_set_text (entry, text);
  wait_for_search (text);
}

static void
bench_search (const char *name,
              const char *word)
{
  GtkEditable *entry = child ("search_entry");
  const char *last = g_utf8_offset_to_pointer (word, g_utf8_strlen (word, -1) - 1);
  g_autofree char *prefix = g_strndup (word, last - word);
  double times[RUNS];
  guint found;

  for (guint i = 0; i < RUNS; i++)
    {
      /* The last keystroke of the word: the list held the prefix's result. */
      set_search (entry, prefix);
      times[i] = keystroke (entry, last);
    }
  found = g_list_model_get_n_items (G_LIST_MODEL (gtk_list_view_get_model (child ("measure_list"))));

  report (name, bench_median (times, RUNS), "ms");
  printf ("%s-found %u measures\n", name, found);
  set_search (entry, "");
}

/* Filters and sort -------------------------------------------------------- */

/* Chooses @choice (a position, or 0 for the first) in a filter's drop-down
 * and times it. */
static double
select_timed (const char    *drop_down_name,
              gconstpointer  choice)
{
  GtkDropDown *drop_down = filter (drop_down_name);
  gint64 start = g_get_monotonic_time ();

  gtk_drop_down_set_selected (drop_down, GPOINTER_TO_UINT (choice));
  return (g_get_monotonic_time () - start) / 1000.0;
}

/* Chooses the office @choice (or, with %NULL, all offices) as a user does:
 * the office chooser opened, its name typed, Enter; times the choice. */
static double
choose_office_timed (const char    *chooser_name,
                     gconstpointer  choice)
{
  GtkMenuButton *filters = child ("filter_button");
  GtkMenuButton *office = filter (chooser_name);
  GtkWidget *search;
  gint64 start;

  gtk_menu_button_popup (filters);
  iterate ();
  gtk_menu_button_popup (office);
  iterate ();
  search = gtk_widget_get_first_child (gtk_popover_get_child (gtk_menu_button_get_popover (office)));
  g_assert (GTK_IS_SEARCH_ENTRY (search));
  gtk_editable_set_text (GTK_EDITABLE (search), choice ? choice : "");
  start = g_get_monotonic_time ();
  g_signal_emit_by_name (search, "activate");
  start = g_get_monotonic_time () - start;
  gtk_menu_button_popdown (filters);
  if (g_strcmp0 (gtk_menu_button_get_label (office), choice ? choice : "") != 0 && choice != NULL)
    g_error ("No office “%s” to choose: the chooser says “%s”, %s", (const char *) choice,
             gtk_menu_button_get_label (office),
             gtk_widget_get_mapped (search) ? "shown" : "not shown");
  return start / 1000.0;
}

typedef double (*ChooseTimed) (const char    *chooser_name,
                               gconstpointer  choice);

static guint
find_choice (GtkDropDown *drop_down,
             const char  *text)
{
  GListModel *choices = gtk_drop_down_get_model (drop_down);

  for (guint i = 0; i < g_list_model_get_n_items (choices); i++)
    {
      g_autoptr(GtkStringObject) choice = g_list_model_get_item (choices, i);

      if (g_str_equal (gtk_string_object_get_string (choice), text))
        return i;
    }

  g_error ("No choice “%s”", text);
}

static void
bench_choice (const char    *name,
              ChooseTimed    choose,
              const char    *chooser_name,
              gconstpointer  choice)
{
  double on[RUNS], off[RUNS];
  double first = 0;

  for (guint i = 0; i < RUNS; i++)
    {
      on[i] = choose (chooser_name, choice);
      if (i == 0)
        first = on[i];
      iterate ();
      off[i] = choose (chooser_name, NULL);
      iterate ();
    }

  report (name, bench_median (on, RUNS), "ms");
  {
    g_autofree char *first_name = g_strconcat (name, "-first", NULL);
    g_autofree char *off_name = g_strconcat (name, "-clear", NULL);

    report (first_name, first, "ms");
    report (off_name, bench_median (off, RUNS), "ms");
  }
}

/* Scrolling --------------------------------------------------------------- */

typedef struct {
  GtkAdjustment *adjustment;
  double start;
  double distance;
  guint frames;
  guint frame;
  GArray *ticks;
  gboolean done;
} Scroll;

static gboolean
scroll_tick (GtkWidget     *widget,
             GdkFrameClock *clock,
             gpointer       data)
{
  Scroll *scroll = data;
  gint64 now = g_get_monotonic_time ();

  g_array_append_val (scroll->ticks, now);
  if (scroll->frame >= scroll->frames)
    {
      scroll->done = TRUE;
      return G_SOURCE_REMOVE;
    }

  scroll->frame++;
  gtk_adjustment_set_value (scroll->adjustment,
                            scroll->start + scroll->distance * scroll->frame / scroll->frames);
  return G_SOURCE_CONTINUE;
}

static void
bench_scroll (void)
{
  GtkListView *list = child ("measure_list");
  GListModel *model = G_LIST_MODEL (gtk_list_view_get_model (list));
  guint n = g_list_model_get_n_items (model);
  guint rows = MIN (1000, n);
  Scroll scroll = { 0 };
  guint dropped = 0;
  gint64 longest = 0;
  double row_height;

  scroll.adjustment = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (list));
  gtk_adjustment_set_value (scroll.adjustment, 0);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  row_height = gtk_adjustment_get_upper (scroll.adjustment) / MAX (n, 1);

  scroll.start = 0;
  scroll.distance = row_height * rows;
  scroll.frames = 60;
  scroll.ticks = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_add_tick_callback (GTK_WIDGET (list), scroll_tick, &scroll, NULL);
  while (!scroll.done)
    g_main_context_iteration (NULL, TRUE);

  /* A frame that took longer than one refresh pushed the next ones out. */
  for (guint i = 1; i < scroll.ticks->len; i++)
    {
      gint64 interval = g_array_index (scroll.ticks, gint64, i) -
                        g_array_index (scroll.ticks, gint64, i - 1);

      longest = MAX (longest, interval);
      if (interval > FRAME_US * 3 / 2)
        dropped += (interval + FRAME_US / 2) / FRAME_US - 1;
    }

  report ("scroll-rows", rows, "rows");
  report ("scroll-frames", scroll.ticks->len - 1, "frames");
  report ("scroll-dropped", dropped, "frames");
  report ("scroll-longest-frame", longest / 1000.0, "ms");
  report ("scroll-duration",
          (g_array_index (scroll.ticks, gint64, scroll.ticks->len - 1) -
           g_array_index (scroll.ticks, gint64, 0)) / 1000.0, "ms");
  g_array_unref (scroll.ticks);
  gtk_adjustment_set_value (scroll.adjustment, 0);
}

/* Writing ----------------------------------------------------------------- */

static void
bench_save_edit (void)
{
  GtkWidget *stack = child ("detail_stack");
  double times[RUNS], trips[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      g_autofree char *title = g_strdup_printf ("Europatag, überarbeitet (%u)", i + 1);
      GtkWidget *editor;
      GtkEditable *title_row;
      gint64 start;

      gtk_widget_activate_action (GTK_WIDGET (window), "win.edit-measure", NULL);
      editor = gtk_stack_get_child_by_name (GTK_STACK (stack), "editor");
      title_row = GTK_EDITABLE (gtk_widget_get_template_child (editor, G_OBJECT_TYPE (editor),
                                                               "title_row"));
      gtk_editable_set_text (title_row, title);
      iterate ();

      trips[i] = round_trips ();
      start = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.save", NULL);
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      trips[i] = round_trips () - trips[i];

      if (g_strcmp0 (gtk_stack_get_visible_child_name (GTK_STACK (stack)), "sheet") != 0)
        g_error ("The edit was not saved");
      iterate ();
    }

  report ("save-edit", bench_median (times, RUNS), "ms");
  report ("save-edit-round-trips", bench_median (trips, RUNS), "round-trips");
}

static void
bench_add_log_entry (void)
{
  double times[RUNS], trips[RUNS];

  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start;

      trips[i] = round_trips ();
      start = g_get_monotonic_time ();
      gtk_widget_activate_action (GTK_WIDGET (window), "win.add-log-entry", "(uus)",
                                  (guint)MEASURES_STATUS_IN_PROGRESS, 10 + i,
                                  "Die Projektgruppe hat den Zeitplan aktualisiert.");
      times[i] = (g_get_monotonic_time () - start) / 1000.0;
      trips[i] = round_trips () - trips[i];
      iterate ();
    }

  report ("add-log-entry", bench_median (times, RUNS), "ms");
  report ("add-log-entry-round-trips", bench_median (trips, RUNS), "round-trips");
}

/* Dashboard --------------------------------------------------------------- */

static gint64 painted;

static void
after_paint (GdkFrameClock *clock,
             gpointer       data)
{
  painted = g_get_monotonic_time ();
}

/* Selects the sidebar's row @index, as a click does, and waits for the
 * frame that shows its page. */
static double
show_view_timed (int index)
{
  GtkListBox *sidebar = child ("sidebar");
  GdkFrameClock *clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  gulong handler = g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint), NULL);
  gint64 start = g_get_monotonic_time ();

  painted = 0;
  gtk_list_box_select_row (sidebar, gtk_list_box_get_row_at_index (sidebar, index));
  /* A row selected already changes nothing: a frame all the same. */
  gtk_widget_queue_draw (GTK_WIDGET (window));
  while (painted == 0)
    g_main_context_iteration (NULL, TRUE);
  g_signal_handler_disconnect (clock, handler);

  return (painted - start) / 1000.0;
}

/* The dashboard's first paint when it is shown (its figures computed once
 * the window's first frame was painted, as the window warms up), and what
 * computing them again costs: choosing another goal or office, or any
 * change of the strategy. */
static void
bench_dashboard (void)
{
  gpointer page = child ("dashboard_page");
  double paint[RUNS], compute[RUNS];
  gint64 settled = g_get_monotonic_time () + G_USEC_PER_SEC;

  /* What the window makes after its first frame is made first. */
  while (g_get_monotonic_time () < settled)
    g_main_context_iteration (NULL, FALSE);

  for (guint i = 0; i < RUNS; i++)
    {
      show_view_timed (0);
      paint[i] = show_view_timed (1);
    }
  for (guint i = 0; i < RUNS; i++)
    {
      gint64 start = g_get_monotonic_time ();

      measures_dashboard_page_narrow (page, 0, NULL);
      compute[i] = (g_get_monotonic_time () - start) / 1000.0;
    }

  report ("dashboard-first-paint", paint[0], "ms");
  report ("dashboard-paint", bench_median (paint, RUNS), "ms");
  report ("dashboard-compute", bench_median (compute, RUNS), "ms");
}

int
main (int   argc,
      char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(MeasuresMeasureList) all = NULL;
  g_autoptr(MeasuresMeasure) first = NULL;
  struct rusage usage;

  if (argc != 2)
    {
      fprintf (stderr, "Usage: %s DATABASE\n", argv[0]);
      return 2;
    }

  gtk_init ();
  adw_init ();

  app = measures_application_new ();
  g_application_set_application_id (G_APPLICATION (app), APP_ID ".Bench");
  g_application_set_flags (G_APPLICATION (app), G_APPLICATION_NON_UNIQUE);
  measures_application_set_database (app, argv[1]);
  if (!g_application_register (G_APPLICATION (app), NULL, &error))
    g_error ("%s", error->message);
  g_application_activate (G_APPLICATION (app));

  /* A server is connected to on a thread, behind a window of its own: the
   * main window comes when it is open. */
  {
    gint64 deadline = g_get_monotonic_time () + 60 * G_USEC_PER_SEC;

    while (window == NULL && g_get_monotonic_time () < deadline)
      {
        for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l; l = l->next)
          if (MEASURES_IS_WINDOW (l->data))
            window = l->data;
        if (window == NULL)
          g_main_context_iteration (NULL, TRUE);
      }
    if (window == NULL)
      g_error ("Measures did not open %s", argv[1]);
  }
  gtk_window_set_default_size (GTK_WINDOW (window), 1200, 800);
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate ();
  bench_dashboard ();

  /* All measures, the first one selected, as an official starts. */
  all = measures_measure_list_new (measures_application_get_store (app), NULL, -1, &error);
  g_assert_no_error (error);
  first = g_list_model_get_item (G_LIST_MODEL (all), 0);
  measures_window_show_measure (window, measures_measure_get_id (first));
  gtk_test_widget_wait_for_draw (GTK_WIDGET (window));
  iterate ();

  printf ("measures %u\n", g_list_model_get_n_items (G_LIST_MODEL (all)));
  gtk_search_bar_set_search_mode (child ("search_bar"), TRUE);
  g_signal_connect_after (child ("search_entry"), "search-changed",
                          G_CALLBACK (search_changed_after), NULL);
  bench_search ("search-common", "karlsruhe");
  bench_search ("search-rare", "städtepartnerschaftsjubiläum");
  bench_choice ("filter-office", choose_office_timed, "office_filter", "SAM");
  bench_choice ("filter-status", select_timed, "status_filter",
                GUINT_TO_POINTER (find_choice (filter ("status_filter"),
                                               measures_status_get_label (
                                                 MEASURES_STATUS_IN_PROGRESS))));
  bench_choice ("sort-title", select_timed, "sort_dropdown", GUINT_TO_POINTER (1));
  bench_scroll ();

  measures_window_show_measure (window, measures_measure_get_id (first));
  iterate ();
  bench_save_edit ();
  bench_add_log_entry ();

  getrusage (RUSAGE_SELF, &usage);
  report ("peak-rss", usage.ru_maxrss / 1024.0, "MB");

  while (gtk_application_get_windows (GTK_APPLICATION (app)) != NULL)
    gtk_window_destroy (gtk_application_get_windows (GTK_APPLICATION (app))->data);
  iterate ();
  g_clear_object (&app);

  return 0;
}
