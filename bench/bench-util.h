/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>
#include <stdlib.h>

/* What every benchmark reports: the median of its runs. */

static inline int
bench_compare_doubles (const void *a,
                       const void *b)
{
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* Sorts @values in place. */
static inline double
bench_median (double *values,
              guint   n)
{
  if (n == 0)
    return 0;
  qsort (values, n, sizeof (double), bench_compare_doubles);
  return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
}
