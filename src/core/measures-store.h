/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "measures-change.h"
#include "measures-goal.h"
#include "measures-log-entry.h"
#include "measures-measure.h"
#include "measures-office.h"

G_BEGIN_DECLS

#define MEASURES_STORE_ERROR (measures_store_error_quark ())

/**
 * MeasuresStoreError:
 * @MEASURES_STORE_ERROR_OPEN: the file or its folder cannot be created or opened
 * @MEASURES_STORE_ERROR_NOT_A_DATABASE: the file is not an SQLite database
 * @MEASURES_STORE_ERROR_FOREIGN: the file is a database of another application
 * @MEASURES_STORE_ERROR_TOO_NEW: the file was written by a newer version of Measures
 * @MEASURES_STORE_ERROR_CORRUPT: the database is damaged
 * @MEASURES_STORE_ERROR_READ_ONLY: the file cannot be written
 * @MEASURES_STORE_ERROR_FULL: the disk is full
 * @MEASURES_STORE_ERROR_INVALID: a value does not fit the data model
 * @MEASURES_STORE_ERROR_FAILED: any other failure of the database
 */
typedef enum {
  MEASURES_STORE_ERROR_OPEN,
  MEASURES_STORE_ERROR_NOT_A_DATABASE,
  MEASURES_STORE_ERROR_FOREIGN,
  MEASURES_STORE_ERROR_TOO_NEW,
  MEASURES_STORE_ERROR_CORRUPT,
  MEASURES_STORE_ERROR_READ_ONLY,
  MEASURES_STORE_ERROR_FULL,
  MEASURES_STORE_ERROR_INVALID,
  MEASURES_STORE_ERROR_FAILED,
} MeasuresStoreError;

/**
 * MeasuresSummary:
 * @id: the measure's id
 * @position: its place among its goal's sheets
 * @goal: its goal's number
 * @priority: a #MeasuresPriority
 * @status: a #MeasuresStatus
 * @progress: percent
 *
 * A measure as a list of thousands keeps it in memory.
 */
typedef struct {
  gint64 id;
  guint32 position;
  guint16 goal;
  guint8 priority;
  guint8 status;
  guint8 progress;
} MeasuresSummary;

/**
 * MeasuresOrder:
 * @MEASURES_ORDER_TITLE: by title
 * @MEASURES_ORDER_UPDATED: latest update first
 *
 * The orders the store keeps an index for beyond goal and sheet order.
 */
typedef enum {
  MEASURES_ORDER_TITLE,
  MEASURES_ORDER_UPDATED,
} MeasuresOrder;

/**
 * MeasuresRank:
 * @id: a measure's id
 * @rank: its place in a #MeasuresOrder
 */
typedef struct {
  gint64 id;
  guint32 rank;
} MeasuresRank;

#define MEASURES_TYPE_STORE (measures_store_get_type ())

G_DECLARE_FINAL_TYPE (MeasuresStore, measures_store, MEASURES, STORE, GObject)

GQuark          measures_store_error_quark          (void);
char           *measures_store_get_default_path     (void);
int             measures_store_get_schema_version   (void);

MeasuresStore  *measures_store_open                 (const char       *path,
                                                     GError          **error);
const char     *measures_store_get_path             (MeasuresStore    *self);
gboolean        measures_store_get_check_pending    (MeasuresStore    *self);
void            measures_store_check_async          (MeasuresStore       *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean        measures_store_check_finish         (MeasuresStore    *self,
                                                     GAsyncResult     *result,
                                                     GError          **error);
gboolean        measures_store_is_empty             (MeasuresStore    *self,
                                                     gboolean         *empty,
                                                     GError          **error);

gboolean        measures_store_begin                (MeasuresStore    *self,
                                                     GError          **error);
gboolean        measures_store_commit               (MeasuresStore    *self,
                                                     GError          **error);
void            measures_store_rollback             (MeasuresStore    *self);

gboolean        measures_store_set_vision           (MeasuresStore    *self,
                                                     const char       *strategy_title,
                                                     const char       *vision_title,
                                                     const char * const *statements,
                                                     GError          **error);
gboolean        measures_store_add_goal             (MeasuresStore    *self,
                                                     guint             number,
                                                     const char       *title,
                                                     const char       *headline,
                                                     const char       *text,
                                                     GError          **error);
gboolean        measures_store_add_office           (MeasuresStore    *self,
                                                     const char       *abbreviation,
                                                     const char       *name,
                                                     GError          **error);
gint64          measures_store_add_measure          (MeasuresStore    *self,
                                                     MeasuresMeasure  *measure,
                                                     GError          **error);

gboolean        measures_store_load_vision          (MeasuresStore    *self,
                                                     char            **strategy_title,
                                                     char            **vision_title,
                                                     GStrv            *statements,
                                                     GError          **error);
GListModel     *measures_store_list_goals           (MeasuresStore    *self,
                                                     GError          **error);
GListModel     *measures_store_list_offices         (MeasuresStore    *self,
                                                     GError          **error);
GListModel     *measures_store_list_measures        (MeasuresStore    *self,
                                                     GError          **error);
GListModel     *measures_store_list_removed_measures (MeasuresStore   *self,
                                                     GError          **error);
MeasuresMeasure *measures_store_get_measure         (MeasuresStore    *self,
                                                     gint64            id,
                                                     GError          **error);
gboolean        measures_store_validate_measure     (MeasuresMeasure  *measure,
                                                     const char      **field,
                                                     GError          **error);
gboolean        measures_store_search               (MeasuresStore    *self,
                                                     const char       *text,
                                                     GHashTable      **ids,
                                                     GError          **error);

gboolean        measures_store_search_ids           (MeasuresStore    *self,
                                                     const char       *text,
                                                     GArray          **ids,
                                                     GError          **error);
gboolean        measures_store_list_summaries       (MeasuresStore    *self,
                                                     const char       *office,
                                                     int               role,
                                                     gint64            id,
                                                     GArray          **summaries,
                                                     GError          **error);
gboolean        measures_store_list_office_ids      (MeasuresStore    *self,
                                                     const char       *abbreviation,
                                                     GArray          **ids,
                                                     GError          **error);
gboolean        measures_store_list_ranks           (MeasuresStore    *self,
                                                     MeasuresOrder     order,
                                                     GArray          **ranks,
                                                     GError          **error);
gboolean        measures_store_count_statuses       (MeasuresStore    *self,
                                                     const char       *office,
                                                     MeasuresRole      role,
                                                     guint             counts[MEASURES_N_STATUSES],
                                                     guint64          *progress_sum,
                                                     GError          **error);

gint64          measures_store_create_measure       (MeasuresStore    *self,
                                                     MeasuresMeasure  *measure,
                                                     const char       *author,
                                                     GError          **error);
gboolean        measures_store_update_measure       (MeasuresStore    *self,
                                                     MeasuresMeasure  *measure,
                                                     const char       *author,
                                                     GError          **error);
gboolean        measures_store_set_removed          (MeasuresStore    *self,
                                                     gint64            id,
                                                     gboolean          removed,
                                                     const char       *author,
                                                     GError          **error);
gint64          measures_store_add_log_entry        (MeasuresStore    *self,
                                                     gint64            measure_id,
                                                     MeasuresStatus    status,
                                                     guint             progress,
                                                     const char       *text,
                                                     const char       *author,
                                                     GError          **error);
gboolean        measures_store_withdraw_log_entry   (MeasuresStore    *self,
                                                     gint64            entry_id,
                                                     MeasuresStatus    status,
                                                     guint             progress,
                                                     gboolean          derived,
                                                     const char       *author,
                                                     GError          **error);
gboolean        measures_store_set_log_entry_withdrawn (MeasuresStore *self,
                                                     gint64            entry_id,
                                                     gboolean          withdrawn,
                                                     MeasuresStatus    status,
                                                     guint             progress,
                                                     gboolean          derived,
                                                     const char       *author,
                                                     GError          **error);
GListModel     *measures_store_list_log             (MeasuresStore    *self,
                                                     gint64            measure_id,
                                                     gboolean          include_withdrawn,
                                                     GError          **error);
GListModel     *measures_store_list_history         (MeasuresStore    *self,
                                                     gint64            measure_id,
                                                     GError          **error);
gboolean        measures_store_insert_log_entry     (MeasuresStore    *self,
                                                     gint64            measure_id,
                                                     MeasuresLogEntry *entry,
                                                     GError          **error);
gboolean        measures_store_insert_change        (MeasuresStore    *self,
                                                     gint64            measure_id,
                                                     MeasuresChange   *change,
                                                     GError          **error);

typedef struct sqlite3 sqlite3;
sqlite3        *measures_store_get_connection       (MeasuresStore    *self);

G_END_DECLS
