/* SPDX-License-Identifier: GPL-3.0-or-later */
#include "config.h"

#include "measures-measure-diff.h"

/* What the history tells of a list of objectives edited: the items added,
 * removed, moved and changed, compared with what a person would say. */

/* One edit per line: "+2 text" added at 2, "-3 text" removed from 3,
 * "3>1 text" moved, "~2 old|new" changed in place, "~3>1 old|new"
 * changed and moved; places counted from 1, as the history shows them. */
static char *
describe (const char * const *before,
          const char * const *after)
{
  g_autoptr(GArray) edits = measures_list_diff (before, after);
  GString *text = g_string_new (NULL);

  for (guint i = 0; i < edits->len; i++)
    {
      const MeasuresListEdit *edit = &g_array_index (edits, MeasuresListEdit, i);

      if (i > 0)
        g_string_append_c (text, '\n');
      switch (edit->kind)
        {
        case MEASURES_LIST_EDIT_ADDED:
          g_assert_cmpint (edit->old_position, ==, -1);
          g_assert_null (edit->old_text);
          g_string_append_printf (text, "+%d %s", edit->new_position + 1, edit->new_text);
          break;
        case MEASURES_LIST_EDIT_REMOVED:
          g_assert_cmpint (edit->new_position, ==, -1);
          g_assert_null (edit->new_text);
          g_string_append_printf (text, "-%d %s", edit->old_position + 1, edit->old_text);
          break;
        case MEASURES_LIST_EDIT_MOVED:
          g_assert_true (edit->moved);
          g_assert_cmpstr (edit->old_text, ==, edit->new_text);
          g_string_append_printf (text, "%d>%d %s", edit->old_position + 1,
                                  edit->new_position + 1, edit->new_text);
          break;
        case MEASURES_LIST_EDIT_CHANGED:
          g_assert_cmpstr (edit->old_text, !=, edit->new_text);
          if (edit->moved)
            g_string_append_printf (text, "~%d>%d %s|%s", edit->old_position + 1,
                                    edit->new_position + 1, edit->old_text, edit->new_text);
          else
            g_string_append_printf (text, "~%d %s|%s", edit->new_position + 1, edit->old_text,
                                    edit->new_text);
          break;
        default:
          g_assert_not_reached ();
        }
    }

  return g_string_free (text, FALSE);
}

#define ASSERT_DIFF(before, after, expected) \
  G_STMT_START { \
    g_autofree char *described = describe ((before), (after)); \
    g_assert_cmpstr (described, ==, (expected)); \
  } G_STMT_END

static const char * const objectives[] = {
  "Mehr Austausch zwischen Schulen in Europa",
  "Eine Anlaufstelle für Fördermittel der EU",
  "Jährlicher Europatag mit den Partnerstädten",
  "Europakompetenz in der Verwaltung stärken",
  NULL
};

static void
test_equal (void)
{
  const char *none[] = { NULL };

  ASSERT_DIFF (objectives, objectives, "");
  ASSERT_DIFF (none, none, "");
}

static void
test_append (void)
{
  const char *after[] = { objectives[0], objectives[1], objectives[2], objectives[3],
                          "Karlsruhe als Stadt der Demokratie sichtbar machen", NULL };
  const char *none[] = { NULL };

  ASSERT_DIFF (objectives, after, "+5 Karlsruhe als Stadt der Demokratie sichtbar machen");
  /* A first objective, and all of them taken away. */
  ASSERT_DIFF (none, (const char * const *)after + 4,
               "+1 Karlsruhe als Stadt der Demokratie sichtbar machen");
  ASSERT_DIFF ((const char * const *)after + 3, none,
               "-1 Europakompetenz in der Verwaltung stärken\n"
               "-2 Karlsruhe als Stadt der Demokratie sichtbar machen");
}

static void
test_remove_from_middle (void)
{
  const char *after[] = { objectives[0], objectives[2], objectives[3], NULL };

  /* The two after it move up, but nobody moved them. */
  ASSERT_DIFF (objectives, after, "-2 Eine Anlaufstelle für Fördermittel der EU");
}

static void
test_move (void)
{
  const char *swapped[] = { objectives[1], objectives[0], objectives[2], objectives[3], NULL };
  const char *to_top[] = { objectives[3], objectives[0], objectives[1], objectives[2], NULL };
  const char *to_end[] = { objectives[1], objectives[2], objectives[3], objectives[0], NULL };

  /* Swapping two neighbours is one move. */
  ASSERT_DIFF (objectives, swapped, "2>1 Eine Anlaufstelle für Fördermittel der EU");
  /* The last to the top: one move, not three. */
  ASSERT_DIFF (objectives, to_top, "4>1 Europakompetenz in der Verwaltung stärken");
  ASSERT_DIFF (objectives, to_end, "1>4 Mehr Austausch zwischen Schulen in Europa");
}

static void
test_edit_one_word (void)
{
  const char *after[] = { objectives[0], objectives[1],
                          "Jährlicher Europatag mit allen Partnerstädten", objectives[3], NULL };
  const char *short_before[] = { "Schulen vernetzen", "Europatag feiern", NULL };
  const char *short_after[] = { "Schulen vernetzen", "Europawoche feiern", NULL };
  const char *reworded[] = { "Schulen vernetzen", "Ein Fest am 9. Mai", NULL };

  ASSERT_DIFF (objectives, after,
               "~3 Jährlicher Europatag mit den Partnerstädten|"
               "Jährlicher Europatag mit allen Partnerstädten");
  /* Case and punctuation alone are an edit too. */
  {
    const char *recased[] = { objectives[0], objectives[1], objectives[2],
                              "Europakompetenz in der Verwaltung stärken!", NULL };

    ASSERT_DIFF (objectives, recased,
                 "~4 Europakompetenz in der Verwaltung stärken|"
                 "Europakompetenz in der Verwaltung stärken!");
  }
  /* Half the words of a short one. */
  ASSERT_DIFF (short_before, short_after, "~2 Europatag feiern|Europawoche feiern");
  /* Reworded entirely, but where it was: still that objective, changed. */
  ASSERT_DIFF (short_before, reworded, "~2 Europatag feiern|Ein Fest am 9. Mai");
}

static void
test_combined (void)
{
  /* The last to the top and one word changed in it, the second removed,
   * a new one at the end, the first edited in place. */
  const char *after[] = {
    "Europakompetenz in der Stadtverwaltung stärken",
    "Mehr Austausch zwischen Schulen und Hochschulen in Europa",
    objectives[2],
    "Karlsruhe als Stadt der Demokratie sichtbar machen",
    NULL
  };
  const char *unrelated[] = { objectives[0], objectives[1], objectives[2],
                              "Städtepartnerschaft mit Kyjiw pflegen", NULL };
  const char *dropped[] = { objectives[0], objectives[2], objectives[3],
                            "Städtepartnerschaft mit Kyjiw pflegen", NULL };

  ASSERT_DIFF (objectives, after,
               "-2 Eine Anlaufstelle für Fördermittel der EU\n"
               "~4>1 Europakompetenz in der Verwaltung stärken|"
               "Europakompetenz in der Stadtverwaltung stärken\n"
               "~2 Mehr Austausch zwischen Schulen in Europa|"
               "Mehr Austausch zwischen Schulen und Hochschulen in Europa\n"
               "+4 Karlsruhe als Stadt der Demokratie sichtbar machen");
  /* Another text in the place of the last: that objective rewritten. */
  ASSERT_DIFF (objectives, unrelated,
               "~4 Europakompetenz in der Verwaltung stärken|"
               "Städtepartnerschaft mit Kyjiw pflegen");
  /* Texts that share neither place nor words: one removed, one added. */
  ASSERT_DIFF (objectives, dropped,
               "-2 Eine Anlaufstelle für Fördermittel der EU\n"
               "+4 Städtepartnerschaft mit Kyjiw pflegen");
}

static void
test_repeated (void)
{
  const char *before[] = { "Schulen vernetzen", "Schulen vernetzen", "Europatag feiern", NULL };
  const char *after[] = { "Europatag feiern", "Schulen vernetzen", NULL };

  /* The same text twice: one of them removed, in order. */
  ASSERT_DIFF (before, after, "-2 Schulen vernetzen\n3>1 Europatag feiern");
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/list-diff/equal", test_equal);
  g_test_add_func ("/list-diff/append", test_append);
  g_test_add_func ("/list-diff/remove-from-middle", test_remove_from_middle);
  g_test_add_func ("/list-diff/move", test_move);
  g_test_add_func ("/list-diff/edit-one-word", test_edit_one_word);
  g_test_add_func ("/list-diff/combined", test_combined);
  g_test_add_func ("/list-diff/repeated", test_repeated);

  return g_test_run ();
}
