/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gio/gio.h>

#include "measures-change.h"
#include "measures-day.h"
#include "measures-goal.h"
#include "measures-indicator.h"
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
 * @MEASURES_STORE_ERROR_CONFLICT: someone else changed the measure since
 *   the writer read it; nothing was written
 * @MEASURES_STORE_ERROR_NOT_ALLOWED: the user's role does not allow the
 *   write; nothing was written
 * @MEASURES_STORE_ERROR_OFFLINE: the server cannot be reached; nothing was
 *   written, and the store reconnects by itself
 * @MEASURES_STORE_ERROR_PASSWORD: the server asks for a password, or the one
 *   given was wrong
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
  MEASURES_STORE_ERROR_CONFLICT,
  MEASURES_STORE_ERROR_NOT_ALLOWED,
  MEASURES_STORE_ERROR_OFFLINE,
  MEASURES_STORE_ERROR_PASSWORD,
} MeasuresStoreError;

/**
 * MeasuresConnection:
 * @MEASURES_CONNECTION_LOCAL: a file on this computer: always there
 * @MEASURES_CONNECTION_ONLINE: connected to the server
 * @MEASURES_CONNECTION_RECONNECTING: the connection was lost a moment ago;
 *   the store is connecting again and reads what it has
 * @MEASURES_CONNECTION_OFFLINE: the server could not be reached again; the
 *   strategy is read-only until it can, and the store keeps trying
 *
 * Whether the store can write now. Writes made while it cannot are refused
 * with %MEASURES_STORE_ERROR_OFFLINE, with nothing written.
 */
typedef enum {
  MEASURES_CONNECTION_LOCAL,
  MEASURES_CONNECTION_ONLINE,
  MEASURES_CONNECTION_RECONNECTING,
  MEASURES_CONNECTION_OFFLINE,
} MeasuresConnection;

/**
 * MeasuresStoreFeatures:
 * @MEASURES_STORE_FEATURE_NONE: none of the below
 * @MEASURES_STORE_FEATURE_BACKUPS: the store is a file that is backed up
 *   and restored as a whole
 * @MEASURES_STORE_FEATURE_SHARED: other people write to the same strategy
 *   at the same time
 * @MEASURES_STORE_FEATURE_ROLES: what a user may change depends on the role
 *   the store gives them
 *
 * What an engine can do, so that the window offers only that.
 */
typedef enum {
  MEASURES_STORE_FEATURE_NONE = 0,
  MEASURES_STORE_FEATURE_BACKUPS = 1 << 0,
  MEASURES_STORE_FEATURE_SHARED = 1 << 1,
  MEASURES_STORE_FEATURE_ROLES = 1 << 2,
} MeasuresStoreFeatures;

/**
 * MeasuresPermissions:
 * @MEASURES_PERMISSION_NONE: the user may only read
 * @MEASURES_PERMISSION_EDIT_SHEET: may change the fields of the measure's
 *   sheet
 * @MEASURES_PERMISSION_REPORT_PROGRESS: may add log entries to the measure,
 *   withdraw them and so change its status and progress
 * @MEASURES_PERMISSION_CREATE: may create measures
 * @MEASURES_PERMISSION_REMOVE: may remove the measure and restore it
 * @MEASURES_PERMISSION_ALL: all of the above
 *
 * What the user may do, as the engine's roles allow it.
 */
typedef enum {
  MEASURES_PERMISSION_NONE = 0,
  MEASURES_PERMISSION_EDIT_SHEET = 1 << 0,
  MEASURES_PERMISSION_REPORT_PROGRESS = 1 << 1,
  MEASURES_PERMISSION_CREATE = 1 << 2,
  MEASURES_PERMISSION_REMOVE = 1 << 3,
  MEASURES_PERMISSION_ALL = (1 << 4) - 1,
} MeasuresPermissions;

/**
 * MeasuresWrite:
 * @measure_id: the measure that was written
 * @revision: its revision after the write
 * @counts_changed: whether the write changed how many measures an office
 *   leads or takes part in
 * @indicator: whether @measure_id is the id of an indicator that was
 *   written, rather than a measure's
 *
 * What an engine reports of a committed write, for the signals.
 */
typedef struct {
  gint64 measure_id;
  gint64 revision;
  gboolean counts_changed;
  gboolean indicator;
} MeasuresWrite;

/**
 * MeasuresHistoryKind:
 * @MEASURES_HISTORY_MEASURE: a measure's history
 * @MEASURES_HISTORY_INDICATOR: an indicator's history
 *
 * Whose history a row is. A measure's and an indicator's have the same
 * columns; their ids are counted apart.
 */
typedef enum {
  MEASURES_HISTORY_MEASURE,
  MEASURES_HISTORY_INDICATOR,
} MeasuresHistoryKind;

/**
 * MeasuresPart:
 * @MEASURES_PART_SHEET: the fields of the measure's sheet
 * @MEASURES_PART_STATE: its status, progress and log
 * @MEASURES_PART_ALL: both, and whether it is removed
 *
 * What a write changes of a measure, and so with which writes of others it
 * conflicts: a sheet edit and a progress report made at the same time do
 * not refuse each other. For an indicator, %MEASURES_PART_SHEET is its
 * definition and %MEASURES_PART_STATE its recorded values.
 */
typedef enum {
  MEASURES_PART_SHEET = 1 << 0,
  MEASURES_PART_STATE = 1 << 1,
  MEASURES_PART_ALL = MEASURES_PART_SHEET | MEASURES_PART_STATE,
} MeasuresPart;

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

/**
 * MeasuresMeasureLead:
 * @measure_id: a measure that is not removed
 * @office: (nullable): the abbreviation of an office that leads it. A
 *   measure with several lead offices has a row for each, one without any
 *   a single row with %NULL
 * @created: the day it was created in Measures, from its history; 0 when
 *   that is not known, as for the measures of the printed strategy
 * @position: its place among its goal's sheets
 * @goal: its goal's number
 * @status: a #MeasuresStatus
 *
 * A measure and who leads it, for the overdue reports: one batch for the
 * whole strategy, without the measure's text.
 */
typedef struct {
  gint64 measure_id;
  char *office;
  MeasuresDay created;
  guint32 position;
  guint16 goal;
  guint8 status;
} MeasuresMeasureLead;

/**
 * MeasuresProgressEntry:
 * @measure_id: a measure, removed or not
 * @day: the day of one of its log entries that is not withdrawn
 * @progress: the progress that entry reported, percent
 *
 * One step of a measure's progress, for the progress over time and the
 * latest report.
 */
typedef struct {
  gint64 measure_id;
  MeasuresDay day;
  guint8 progress;
} MeasuresProgressEntry;

/**
 * MeasuresMeasureImport:
 * @measure: a measure as measures_store_add_measure() takes it
 * @log: (element-type MeasuresLogEntry): its progress log as exported,
 *   in order; the entries' ids are ignored
 * @history: (element-type MeasuresChange): its history as exported, in
 *   order; the rows' ids are ignored
 *
 * A measure with its log and history, for measures_store_add_measures().
 */
typedef struct {
  MeasuresMeasure *measure;
  GPtrArray *log;
  GPtrArray *history;
} MeasuresMeasureImport;

#define MEASURES_TYPE_STORE (measures_store_get_type ())

G_DECLARE_DERIVABLE_TYPE (MeasuresStore, measures_store, MEASURES, STORE, GObject)

/**
 * MeasuresStoreClass:
 *
 * What an engine implements. The public functions check their arguments
 * and validate what is written before they call these; writes emit the
 * store's signals after the engine has committed. Reads of measures come
 * in batches; every write of a measure is checked against the revision the
 * writer read, inside the engine's transaction.
 */
struct _MeasuresStoreClass
{
  GObjectClass parent_class;

  MeasuresStoreFeatures (*get_features)    (MeasuresStore       *self);
  char            *(*dup_display_name)     (MeasuresStore       *self);
  gboolean         (*get_check_pending)    (MeasuresStore       *self);
  void             (*check_async)          (MeasuresStore       *self,
                                            GCancellable        *cancellable,
                                            GAsyncReadyCallback  callback,
                                            gpointer             user_data);
  gboolean         (*check_finish)         (MeasuresStore       *self,
                                            GAsyncResult        *result,
                                            GError             **error);
  gboolean         (*is_empty)             (MeasuresStore       *self,
                                            gboolean            *empty,
                                            GError             **error);

  /* Imports: several calls in one transaction, without history */
  gboolean         (*begin)                (MeasuresStore       *self,
                                            GError             **error);
  gboolean         (*commit)               (MeasuresStore       *self,
                                            GError             **error);
  void             (*rollback)             (MeasuresStore       *self);
  gboolean         (*set_vision)           (MeasuresStore       *self,
                                            const char          *strategy_title,
                                            const char          *vision_title,
                                            const char * const  *statements,
                                            GError             **error);
  gboolean         (*add_goal)             (MeasuresStore       *self,
                                            guint                number,
                                            const char          *title,
                                            const char          *headline,
                                            const char          *text,
                                            GError             **error);
  gboolean         (*add_office)           (MeasuresStore       *self,
                                            const char          *abbreviation,
                                            const char          *name,
                                            GError             **error);
  gint64           (*add_measure)          (MeasuresStore       *self,
                                            MeasuresMeasure     *measure,
                                            GError             **error);
  /* @id, when not %NULL, is set once the engine knows it: at once, or
   * when the write's next statement that waits is answered. */
  gboolean         (*insert_log_entry)     (MeasuresStore       *self,
                                            gint64               measure_id,
                                            MeasuresLogEntry    *entry,
                                            gint64              *id,
                                            GError             **error);
  gboolean         (*record_history)       (MeasuresStore       *self,
                                            MeasuresHistoryKind  kind,
                                            gint64               owner_id,
                                            const char          *date,
                                            const char          *author,
                                            const char          *field,
                                            const char          *old_value,
                                            const char          *new_value,
                                            GError             **error);
  /* Many measures at once; engines that leave it unset get the three
   * above, row by row */
  gboolean         (*add_measures)         (MeasuresStore       *self,
                                            const MeasuresMeasureImport *measures,
                                            guint                n_measures,
                                            gint64              *ids,
                                            GError             **error);

  /* Reading */
  gboolean         (*load_vision)          (MeasuresStore       *self,
                                            char               **strategy_title,
                                            char               **vision_title,
                                            GStrv               *statements,
                                            GError             **error);
  GListModel      *(*list_goals)           (MeasuresStore       *self,
                                            GError             **error);
  GListModel      *(*list_offices)         (MeasuresStore       *self,
                                            GError             **error);
  GPtrArray       *(*load_measures)        (MeasuresStore       *self,
                                            gboolean             removed,
                                            GError             **error);
  GPtrArray       *(*load_measures_by_id)  (MeasuresStore       *self,
                                            const gint64        *ids,
                                            guint                n_ids,
                                            GError             **error);
  gboolean         (*search_ids)           (MeasuresStore       *self,
                                            const char          *text,
                                            GArray             **ids,
                                            GError             **error);
  gboolean         (*list_summaries)       (MeasuresStore       *self,
                                            const char          *office,
                                            int                  role,
                                            gint64               id,
                                            GArray             **summaries,
                                            GError             **error);
  gboolean         (*list_office_ids)      (MeasuresStore       *self,
                                            const char          *abbreviation,
                                            GArray             **ids,
                                            GError             **error);
  gboolean         (*list_ranks)           (MeasuresStore       *self,
                                            MeasuresOrder        order,
                                            GArray             **ranks,
                                            GError             **error);
  GListModel      *(*list_log)             (MeasuresStore       *self,
                                            gint64               measure_id,
                                            gboolean             include_withdrawn,
                                            GError             **error);
  GListModel      *(*list_history)         (MeasuresStore       *self,
                                            MeasuresHistoryKind  kind,
                                            gint64               owner_id,
                                            GError             **error);
  gboolean         (*list_measure_leads)   (MeasuresStore       *self,
                                            GArray             **leads,
                                            GError             **error);
  gboolean         (*list_progress_log)    (MeasuresStore       *self,
                                            GArray             **entries,
                                            GError             **error);

  /* The steps of the writes with history, which the store puts together
   * in one transaction each (measures-store-write.c): begin, check the
   * revision the writer read, change, record, take the next revision,
   * commit. */
  gboolean         (*check_revision)       (MeasuresStore       *self,
                                            gint64               measure_id,
                                            gint64               base_revision,
                                            MeasuresPart         part,
                                            GError             **error);
  gboolean         (*bump_revision)        (MeasuresStore       *self,
                                            gint64               measure_id,
                                            MeasuresPart         part,
                                            const char          *now,
                                            MeasuresWrite       *write,
                                            GError             **error);
  gboolean         (*finish_write)         (MeasuresStore       *self,
                                            MeasuresWrite       *write,
                                            GError             **error);
  gboolean         (*write_field)          (MeasuresStore       *self,
                                            MeasuresMeasure     *measure,
                                            const char          *field,
                                            const char          *new_text,
                                            GError             **error);
  gboolean         (*write_removed)        (MeasuresStore       *self,
                                            gint64               measure_id,
                                            const char          *removed,
                                            GError             **error);
  gboolean         (*write_state)          (MeasuresStore       *self,
                                            gint64               measure_id,
                                            MeasuresStatus       status,
                                            guint                progress,
                                            gboolean             derived,
                                            GError             **error);
  gboolean         (*refresh_search)       (MeasuresStore       *self,
                                            gint64               measure_id,
                                            GError             **error);
  MeasuresLogEntry *(*load_log_entry)      (MeasuresStore       *self,
                                            gint64               entry_id,
                                            GError             **error);
  gboolean         (*write_withdrawn)      (MeasuresStore       *self,
                                            gint64               entry_id,
                                            const char          *withdrawn,
                                            GError             **error);
  /* A corrected report: its status, progress, text and day */
  gboolean         (*write_log_entry)      (MeasuresStore       *self,
                                            MeasuresLogEntry    *entry,
                                            GError             **error);

  /* Roles; engines without them leave it unset: everything is allowed */
  MeasuresPermissions (*get_permissions)   (MeasuresStore       *self,
                                            gint64               measure_id);

  /* Indicators: reading, the steps of their writes (measures-store-write.c
   * puts them together as for measures), and the imports' inserts */
  GPtrArray       *(*load_indicators)      (MeasuresStore       *self,
                                            gint64               id,
                                            gboolean             removed,
                                            GError             **error);
  gint64           (*add_indicator)        (MeasuresStore       *self,
                                            MeasuresIndicator   *indicator,
                                            GError             **error);
  gboolean         (*write_indicator)      (MeasuresStore       *self,
                                            MeasuresIndicator   *indicator,
                                            GError             **error);
  gboolean         (*write_indicator_removed) (MeasuresStore    *self,
                                            gint64               indicator_id,
                                            const char          *removed,
                                            GError             **error);
  gboolean         (*check_indicator_revision) (MeasuresStore   *self,
                                            gint64               indicator_id,
                                            gint64               base_revision,
                                            MeasuresPart         part,
                                            GError             **error);
  gboolean         (*bump_indicator_revision) (MeasuresStore    *self,
                                            gint64               indicator_id,
                                            MeasuresPart         part,
                                            const char          *now,
                                            MeasuresWrite       *write,
                                            GError             **error);
  gint64           (*insert_indicator_value) (MeasuresStore     *self,
                                            MeasuresIndicatorValue *value,
                                            GError             **error);
  MeasuresIndicatorValue *(*load_indicator_value) (MeasuresStore *self,
                                            gint64               value_id,
                                            GError             **error);
  gboolean         (*delete_indicator_value) (MeasuresStore     *self,
                                            gint64               value_id,
                                            GError             **error);
  GListModel      *(*list_indicator_values) (MeasuresStore      *self,
                                            gint64               indicator_id,
                                            GError             **error);
  MeasuresPermissions (*get_indicator_permissions) (MeasuresStore *self,
                                            gint64               indicator_id);

  /* Connections; engines of files leave them unset: always LOCAL */
  gboolean         (*get_unencrypted)      (MeasuresStore       *self);
  void             (*reconnect)            (MeasuresStore       *self);
  char            *(*dup_user_name)        (MeasuresStore       *self);

  /*< private >*/
  gpointer padding[2];
};

GQuark          measures_store_error_quark          (void);
char           *measures_store_get_default_path     (void);
gboolean        measures_store_is_server_address    (const char       *path);

MeasuresStore  *measures_store_open                 (const char       *path,
                                                     GError          **error);
MeasuresStore  *measures_store_open_with_password   (const char       *path,
                                                     const char       *password,
                                                     GError          **error);
MeasuresConnection measures_store_get_connection    (MeasuresStore    *self);
gboolean        measures_store_get_unencrypted      (MeasuresStore    *self);
void            measures_store_reconnect            (MeasuresStore    *self);
char           *measures_store_dup_user_name        (MeasuresStore    *self);
MeasuresStoreFeatures measures_store_get_features   (MeasuresStore    *self);
char           *measures_store_dup_display_name     (MeasuresStore    *self);
const char     *measures_store_get_path             (MeasuresStore    *self);
gboolean        measures_store_get_check_pending    (MeasuresStore    *self);
void            measures_store_check_async          (MeasuresStore       *self,
                                                     GCancellable        *cancellable,
                                                     GAsyncReadyCallback  callback,
                                                     gpointer             user_data);
gboolean        measures_store_check_finish         (MeasuresStore    *self,
                                                     GAsyncResult     *result,
                                                     GError          **error);
MeasuresPermissions measures_store_get_permissions (MeasuresStore    *self,
                                                    gint64            measure_id);
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
gboolean        measures_store_add_measures         (MeasuresStore    *self,
                                                     const MeasuresMeasureImport *measures,
                                                     guint             n_measures,
                                                     gint64           *ids,
                                                     GError          **error);
gboolean        measures_store_insert_log_entry     (MeasuresStore    *self,
                                                     gint64            measure_id,
                                                     MeasuresLogEntry *entry,
                                                     GError          **error);
gboolean        measures_store_insert_change        (MeasuresStore    *self,
                                                     gint64            measure_id,
                                                     MeasuresChange   *change,
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
GPtrArray      *measures_store_load_measures        (MeasuresStore    *self,
                                                     const gint64     *ids,
                                                     guint             n_ids,
                                                     GError          **error);
MeasuresMeasure *measures_store_get_measure         (MeasuresStore    *self,
                                                     gint64            id,
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
GListModel     *measures_store_list_log             (MeasuresStore    *self,
                                                     gint64            measure_id,
                                                     gboolean          include_withdrawn,
                                                     GError          **error);
GListModel     *measures_store_list_history         (MeasuresStore    *self,
                                                     gint64            measure_id,
                                                     GError          **error);
gboolean        measures_store_list_measure_leads   (MeasuresStore    *self,
                                                     GArray          **leads,
                                                     GError          **error);
gboolean        measures_store_list_progress_log    (MeasuresStore    *self,
                                                     GArray          **entries,
                                                     GError          **error);

gint64          measures_store_create_measure       (MeasuresStore    *self,
                                                     MeasuresMeasure  *measure,
                                                     const char       *author,
                                                     gint64           *revision,
                                                     GError          **error);
gboolean        measures_store_update_measure       (MeasuresStore    *self,
                                                     MeasuresMeasure  *measure,
                                                     gint64            base_revision,
                                                     const char       *author,
                                                     gint64           *revision,
                                                     GError          **error);
gboolean        measures_store_set_removed          (MeasuresStore    *self,
                                                     gint64            id,
                                                     gint64            base_revision,
                                                     gboolean          removed,
                                                     const char       *author,
                                                     gint64           *revision,
                                                     GError          **error);
gint64          measures_store_add_log_entry        (MeasuresStore    *self,
                                                     gint64            measure_id,
                                                     gint64            base_revision,
                                                     MeasuresStatus    status,
                                                     guint             progress,
                                                     const char       *text,
                                                     const char       *author,
                                                     gint64           *revision,
                                                     GError          **error);
gint64          measures_store_add_report           (MeasuresStore    *self,
                                                     gint64            measure_id,
                                                     gint64            base_revision,
                                                     MeasuresStatus    status,
                                                     guint             progress,
                                                     const char       *text,
                                                     const char       *reported_for,
                                                     const char       *author,
                                                     gint64           *revision,
                                                     GError          **error);
gboolean        measures_store_update_report        (MeasuresStore    *self,
                                                     gint64            entry_id,
                                                     gint64            base_revision,
                                                     MeasuresStatus    status,
                                                     guint             progress,
                                                     const char       *text,
                                                     const char       *reported_for,
                                                     const char       *author,
                                                     gint64           *revision,
                                                     GError          **error);
gboolean        measures_store_check_report         (MeasuresStatus    status,
                                                     guint             progress,
                                                     const char       *text,
                                                     const char       *reported_for,
                                                     GError          **error);
char           *measures_store_today                (void);
gboolean        measures_store_set_log_entry_withdrawn (MeasuresStore *self,
                                                     gint64            entry_id,
                                                     gint64            base_revision,
                                                     gboolean          withdrawn,
                                                     MeasuresStatus    status,
                                                     guint             progress,
                                                     gboolean          derived,
                                                     const char       *author,
                                                     gint64           *revision,
                                                     GError          **error);

/* Indicators (measures-store-write.c) */
GListModel     *measures_store_list_indicators      (MeasuresStore    *self,
                                                     GError          **error);
GListModel     *measures_store_list_removed_indicators (MeasuresStore *self,
                                                     GError          **error);
MeasuresIndicator *measures_store_get_indicator     (MeasuresStore    *self,
                                                     gint64            id,
                                                     GError          **error);
GListModel     *measures_store_list_indicator_values (MeasuresStore   *self,
                                                     gint64            indicator_id,
                                                     GError          **error);
GListModel     *measures_store_list_indicator_history (MeasuresStore  *self,
                                                     gint64            indicator_id,
                                                     GError          **error);
MeasuresPermissions measures_store_get_indicator_permissions (MeasuresStore *self,
                                                     gint64            indicator_id);

gint64          measures_store_create_indicator     (MeasuresStore    *self,
                                                     MeasuresIndicator *indicator,
                                                     const char       *author,
                                                     GError          **error);
gboolean        measures_store_update_indicator     (MeasuresStore    *self,
                                                     MeasuresIndicator *indicator,
                                                     gint64            base_revision,
                                                     const char       *author,
                                                     GError          **error);
gboolean        measures_store_remove_indicator     (MeasuresStore    *self,
                                                     gint64            id,
                                                     gint64            base_revision,
                                                     const char       *author,
                                                     GError          **error);
gboolean        measures_store_restore_indicator    (MeasuresStore    *self,
                                                     gint64            id,
                                                     gint64            base_revision,
                                                     const char       *author,
                                                     GError          **error);
gint64          measures_store_add_indicator_value  (MeasuresStore    *self,
                                                     gint64            indicator_id,
                                                     gint64            base_revision,
                                                     const char       *date,
                                                     double            value,
                                                     const char       *note,
                                                     const char       *author,
                                                     GError          **error);
gboolean        measures_store_remove_indicator_value (MeasuresStore  *self,
                                                     gint64            value_id,
                                                     const char       *author,
                                                     GError          **error);

/* The same writes, giving the indicator's revision after them (for the
 * undo stack, which takes a step back only from the revision it wrote). */
gint64          measures_store_create_indicator_with_revision (MeasuresStore *self,
                                                     MeasuresIndicator *indicator,
                                                     const char       *author,
                                                     gint64           *revision,
                                                     GError          **error);
gboolean        measures_store_update_indicator_with_revision (MeasuresStore *self,
                                                     MeasuresIndicator *indicator,
                                                     gint64            base_revision,
                                                     const char       *author,
                                                     gint64           *revision,
                                                     GError          **error);
gboolean        measures_store_set_indicator_removed (MeasuresStore   *self,
                                                     gint64            id,
                                                     gint64            base_revision,
                                                     gboolean          removed,
                                                     const char       *author,
                                                     gint64           *revision,
                                                     GError          **error);
gint64          measures_store_add_indicator_value_with_revision (MeasuresStore *self,
                                                     gint64            indicator_id,
                                                     gint64            base_revision,
                                                     const char       *date,
                                                     double            value,
                                                     const char       *note,
                                                     const char       *author,
                                                     gint64           *revision,
                                                     GError          **error);
gboolean        measures_store_remove_indicator_value_with_revision (MeasuresStore *self,
                                                     gint64            value_id,
                                                     gint64            base_revision,
                                                     const char       *author,
                                                     gint64           *revision,
                                                     GError          **error);

/* Imports: inside measures_store_begin() and _commit(), without history */
gint64          measures_store_add_indicator        (MeasuresStore    *self,
                                                     MeasuresIndicator *indicator,
                                                     GError          **error);
gboolean        measures_store_insert_indicator_value (MeasuresStore  *self,
                                                     gint64            indicator_id,
                                                     MeasuresIndicatorValue *value,
                                                     GError          **error);
gboolean        measures_store_insert_indicator_change (MeasuresStore *self,
                                                     gint64            indicator_id,
                                                     MeasuresChange   *change,
                                                     GError          **error);

G_END_DECLS
