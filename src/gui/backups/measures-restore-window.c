/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-restore-window"

#include "config.h"

#include <glib/gi18n.h>

#include "measures-backup.h"
#include "measures-format.h"
#include "measures-restore-window.h"

/**
 * MeasuresRestoreWindow:
 *
 * The backups of the open strategy, newest first, each by date, kind and
 * contents. Choosing one asks first; the restore itself is the
 * application's `app.restore-file`, which reports back through
 * measures_restore_window_show_restored() with a toast that can undo it.
 */
struct _MeasuresRestoreWindow
{
  AdwWindow parent_instance;

  /* Template widgets */
  AdwToastOverlay *toast_overlay;
  GtkStack *stack;
  GtkListBox *backup_list;

  /* Owned */
  char *database;
  GCancellable *cancellable;
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (MeasuresRestoreWindow, measures_restore_window, ADW_TYPE_WINDOW)

enum {
  PROP_0,
  PROP_DATABASE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GtkWidget *
create_row (gpointer item,
            gpointer user_data)
{
  MeasuresBackup *backup = item;
  g_autofree char *title = measures_backup_dup_title (backup);
  g_autofree char *summary = measures_backup_dup_summary (backup);
  GtkWidget *row = adw_action_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), summary);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), gtk_image_new_from_icon_name ("go-next-symbolic"));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data_full (G_OBJECT (row), "backup", g_object_ref (backup), g_object_unref);

  return row;
}

static void
loaded (GObject      *source,
        GAsyncResult *result,
        gpointer      user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) backups = measures_backup_load_finish (result, &error);
  MeasuresRestoreWindow *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = MEASURES_RESTORE_WINDOW (user_data);
  if (backups == NULL)
    {
      g_warning ("%s", error->message);
      gtk_stack_set_visible_child_name (self->stack, "empty");
      return;
    }

  gtk_list_box_bind_model (self->backup_list, backups, create_row, NULL, NULL);
  gtk_stack_set_visible_child_name (self->stack,
                                    g_list_model_get_n_items (backups) > 0 ? "list" : "empty");
}

/* Read on a thread: the window is there at once, the list follows. */
static void
reload (MeasuresRestoreWindow *self)
{
  g_cancellable_cancel (self->cancellable);
  g_set_object (&self->cancellable, g_cancellable_new ());
  measures_backup_load_async (self->database, self->cancellable, loaded, self);
}

static void
confirm_response (AdwMessageDialog      *dialog,
                  const char            *response,
                  MeasuresRestoreWindow *self)
{
  MeasuresBackup *backup = g_object_get_data (G_OBJECT (dialog), "backup");

  if (g_str_equal (response, "restore"))
    gtk_widget_activate_action (GTK_WIDGET (self), "app.restore-file", "s",
                                measures_backup_get_path (backup));
}

/* The user sees what will be replaced by what, and that it can be undone,
 * before anything happens. */
static void
confirm (MeasuresRestoreWindow *self,
         MeasuresBackup        *backup)
{
  g_autofree char *date = measures_format_day_and_time (measures_backup_get_date (backup));
  g_autofree char *summary = measures_backup_dup_summary (backup);
  g_autofree char *body = NULL;
  AdwMessageDialog *dialog;

  /* Translators: %1$s is when the backup was made, %2$s what it holds
   * ("50 measures, 12 log entries") */
  body = g_strdup_printf (_("The strategy will be replaced by the backup of %1$s (%2$s). "
                            "Changes made since then will no longer be shown.\n\n"
                            "The current state is kept as a backup first, so the restore "
                            "can be undone."),
                          date, summary);
  dialog = ADW_MESSAGE_DIALOG (adw_message_dialog_new (GTK_WINDOW (self),
                                                       _("Restore This Backup?"), body));
  adw_message_dialog_add_responses (dialog,
                                    "cancel", _("_Cancel"),
                                    "restore", _("_Restore"),
                                    NULL);
  adw_message_dialog_set_response_appearance (dialog, "restore", ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (dialog, "restore");
  adw_message_dialog_set_close_response (dialog, "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "backup", g_object_ref (backup), g_object_unref);
  g_signal_connect_object (dialog, "response", G_CALLBACK (confirm_response), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
row_activated_cb (MeasuresRestoreWindow *self,
                  GtkListBoxRow         *row)
{
  confirm (self, g_object_get_data (G_OBJECT (row), "backup"));
}

static void
show_message (MeasuresRestoreWindow *self,
              const char            *message)
{
  AdwToast *toast = adw_toast_new (message);

  adw_toast_set_timeout (toast, 0);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
other_file_response (GtkNativeDialog       *chooser,
                     int                    response,
                     MeasuresRestoreWindow *self)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(MeasuresBackup) backup = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_clear_object (&self->chooser);
  if (file == NULL || (path = g_file_get_path (file)) == NULL)
    return;

  /* One file, small: read at once, so that the question can say what it
   * holds, or the user learns now that it is no strategy. */
  backup = measures_backup_new (path);
  if (!measures_backup_read (backup, &error))
    {
      show_message (self, error->message);
      return;
    }

  confirm (self, backup);
}

static void
other_file_activated (GtkWidget  *widget,
                      const char *action_name,
                      GVariant   *parameter)
{
  MeasuresRestoreWindow *self = MEASURES_RESTORE_WINDOW (widget);
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  if (self->chooser != NULL)
    return;

  self->chooser = gtk_file_chooser_native_new (_("Restore a Backup"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN, _("_Choose"),
                                               _("_Cancel"));
  gtk_file_filter_set_name (filter, _("Strategy databases"));
  gtk_file_filter_add_suffix (filter, "db");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  g_signal_connect (self->chooser, "response", G_CALLBACK (other_file_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static void
measures_restore_window_constructed (GObject *object)
{
  MeasuresRestoreWindow *self = (MeasuresRestoreWindow *)object;

  G_OBJECT_CLASS (measures_restore_window_parent_class)->constructed (object);

  reload (self);
}

static void
measures_restore_window_dispose (GObject *object)
{
  MeasuresRestoreWindow *self = (MeasuresRestoreWindow *)object;

  g_cancellable_cancel (self->cancellable);
  g_clear_object (&self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), MEASURES_TYPE_RESTORE_WINDOW);

  G_OBJECT_CLASS (measures_restore_window_parent_class)->dispose (object);
}

static void
measures_restore_window_finalize (GObject *object)
{
  MeasuresRestoreWindow *self = (MeasuresRestoreWindow *)object;

  g_free (self->database);

  G_OBJECT_CLASS (measures_restore_window_parent_class)->finalize (object);
}

static void
measures_restore_window_get_property (GObject    *object,
                                      guint       prop_id,
                                      GValue     *value,
                                      GParamSpec *pspec)
{
  MeasuresRestoreWindow *self = MEASURES_RESTORE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      g_value_set_string (value, self->database);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_restore_window_set_property (GObject      *object,
                                      guint         prop_id,
                                      const GValue *value,
                                      GParamSpec   *pspec)
{
  MeasuresRestoreWindow *self = MEASURES_RESTORE_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DATABASE:
      self->database = g_value_dup_string (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
measures_restore_window_class_init (MeasuresRestoreWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->constructed = measures_restore_window_constructed;
  object_class->dispose = measures_restore_window_dispose;
  object_class->finalize = measures_restore_window_finalize;
  object_class->get_property = measures_restore_window_get_property;
  object_class->set_property = measures_restore_window_set_property;

  /**
   * MeasuresRestoreWindow:database:
   *
   * The path of the database whose backups are listed.
   */
  properties[PROP_DATABASE] =
    g_param_spec_string ("database", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               RESOURCE_PREFIX "/backups/measures-restore-window.ui");
  gtk_widget_class_bind_template_child (widget_class, MeasuresRestoreWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, MeasuresRestoreWindow, stack);
  gtk_widget_class_bind_template_child (widget_class, MeasuresRestoreWindow, backup_list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);

  gtk_widget_class_install_action (widget_class, "restore.other-file", NULL,
                                   other_file_activated);
}

static void
measures_restore_window_init (MeasuresRestoreWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/**
 * measures_restore_window_new:
 * @parent: (nullable): the window it belongs to
 * @database: the path of the database whose backups to list
 *
 * Returns: (transfer floating): the window, listing as soon as it can
 */
GtkWidget *
measures_restore_window_new (GtkWindow  *parent,
                             const char *database)
{
  g_return_val_if_fail (database != NULL, NULL);

  return g_object_new (MEASURES_TYPE_RESTORE_WINDOW,
                       "transient-for", parent,
                       "database", database,
                       NULL);
}

/**
 * measures_restore_window_show_restored:
 * @backup: the backup that was restored
 * @before: (nullable): the backup of the state it replaced, to undo with;
 *   %NULL when there was none (the file could not be opened)
 * @undone: whether this restore undid the one before
 *
 * Says what happened, offers to undo it, and lists the backups anew: the
 * state before is among them now.
 */
void
measures_restore_window_show_restored (MeasuresRestoreWindow *self,
                                       const char            *backup,
                                       const char            *before,
                                       gboolean               undone)
{
  const char *message;
  AdwToast *toast;

  g_return_if_fail (MEASURES_IS_RESTORE_WINDOW (self));
  g_return_if_fail (backup != NULL);

  /* Short, to fit beside the button: the list shows the state before as
   * its newest backup, and the question said it would be kept. */
  if (undone)
    message = _("Restore undone");
  else if (before != NULL)
    message = _("Backup restored");
  else
    message = _("Backup restored; the damaged file is kept, renamed");

  toast = adw_toast_new (message);
  adw_toast_set_priority (toast, ADW_TOAST_PRIORITY_HIGH);
  if (!undone && before != NULL)
    {
      /* Time to look at the strategy before deciding. */
      adw_toast_set_timeout (toast, 15);
      adw_toast_set_button_label (toast, _("_Undo"));
      adw_toast_set_detailed_action_name (toast, "app.undo-restore");
      adw_toast_set_action_target_value (toast, g_variant_new_string (before));
    }
  adw_toast_overlay_add_toast (self->toast_overlay, toast);

  reload (self);
}
