/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "measures-pg"
#define MEASURES_LIBPQ_TABLE

#include "config.h"

#include <glib/gi18n.h>
#include <gmodule.h>

#include "measures-pg-libpq.h"
#include "measures-store.h"

MeasuresLibpq measures_libpq;

/**
 * measures_libpq_load:
 *
 * Loads libpq, once for the life of the process.
 *
 * Returns: %FALSE with @error set if it is not installed
 */
gboolean
measures_libpq_load (GError **error)
{
  static GModule *module;
  static const struct {
    const char *name;
    gsize offset;
  } symbols[] = {
    { "PQconnectdb", G_STRUCT_OFFSET (MeasuresLibpq, PQconnectdb_) },
    { "PQstatus", G_STRUCT_OFFSET (MeasuresLibpq, PQstatus_) },
    { "PQerrorMessage", G_STRUCT_OFFSET (MeasuresLibpq, PQerrorMessage_) },
    { "PQfinish", G_STRUCT_OFFSET (MeasuresLibpq, PQfinish_) },
    { "PQsetNoticeProcessor", G_STRUCT_OFFSET (MeasuresLibpq, PQsetNoticeProcessor_) },
    { "PQsetClientEncoding", G_STRUCT_OFFSET (MeasuresLibpq, PQsetClientEncoding_) },
    { "PQexec", G_STRUCT_OFFSET (MeasuresLibpq, PQexec_) },
    { "PQprepare", G_STRUCT_OFFSET (MeasuresLibpq, PQprepare_) },
    { "PQexecPrepared", G_STRUCT_OFFSET (MeasuresLibpq, PQexecPrepared_) },
    { "PQresultStatus", G_STRUCT_OFFSET (MeasuresLibpq, PQresultStatus_) },
    { "PQresultErrorField", G_STRUCT_OFFSET (MeasuresLibpq, PQresultErrorField_) },
    { "PQntuples", G_STRUCT_OFFSET (MeasuresLibpq, PQntuples_) },
    { "PQgetvalue", G_STRUCT_OFFSET (MeasuresLibpq, PQgetvalue_) },
    { "PQgetisnull", G_STRUCT_OFFSET (MeasuresLibpq, PQgetisnull_) },
    { "PQcmdTuples", G_STRUCT_OFFSET (MeasuresLibpq, PQcmdTuples_) },
    { "PQclear", G_STRUCT_OFFSET (MeasuresLibpq, PQclear_) },
    { "PQtransactionStatus", G_STRUCT_OFFSET (MeasuresLibpq, PQtransactionStatus_) },
    { "PQsocket", G_STRUCT_OFFSET (MeasuresLibpq, PQsocket_) },
    { "PQconsumeInput", G_STRUCT_OFFSET (MeasuresLibpq, PQconsumeInput_) },
    { "PQnotifies", G_STRUCT_OFFSET (MeasuresLibpq, PQnotifies_) },
    { "PQfreemem", G_STRUCT_OFFSET (MeasuresLibpq, PQfreemem_) },
    { "PQconninfoParse", G_STRUCT_OFFSET (MeasuresLibpq, PQconninfoParse_) },
    { "PQconninfoFree", G_STRUCT_OFFSET (MeasuresLibpq, PQconninfoFree_) },
    { "PQuser", G_STRUCT_OFFSET (MeasuresLibpq, PQuser_) },
    { "PQconnectdbParams", G_STRUCT_OFFSET (MeasuresLibpq, PQconnectdbParams_) },
    { "PQconnectionNeedsPassword", G_STRUCT_OFFSET (MeasuresLibpq, PQconnectionNeedsPassword_) },
    { "PQsslInUse", G_STRUCT_OFFSET (MeasuresLibpq, PQsslInUse_) },
    { "PQconnectStartParams", G_STRUCT_OFFSET (MeasuresLibpq, PQconnectStartParams_) },
    { "PQconnectPoll", G_STRUCT_OFFSET (MeasuresLibpq, PQconnectPoll_) },
    { "PQhost", G_STRUCT_OFFSET (MeasuresLibpq, PQhost_) },
    { "PQparameterStatus", G_STRUCT_OFFSET (MeasuresLibpq, PQparameterStatus_) },
    { "PQgssEncInUse", G_STRUCT_OFFSET (MeasuresLibpq, PQgssEncInUse_) },
    { "PQconnectionUsedPassword",
      G_STRUCT_OFFSET (MeasuresLibpq, PQconnectionUsedPassword_) },
    { "PQenterPipelineMode", G_STRUCT_OFFSET (MeasuresLibpq, PQenterPipelineMode_) },
    { "PQexitPipelineMode", G_STRUCT_OFFSET (MeasuresLibpq, PQexitPipelineMode_) },
    { "PQpipelineSync", G_STRUCT_OFFSET (MeasuresLibpq, PQpipelineSync_) },
    { "PQsendPrepare", G_STRUCT_OFFSET (MeasuresLibpq, PQsendPrepare_) },
    { "PQsendQueryPrepared", G_STRUCT_OFFSET (MeasuresLibpq, PQsendQueryPrepared_) },
    { "PQgetResult", G_STRUCT_OFFSET (MeasuresLibpq, PQgetResult_) },
  };
  MeasuresLibpq table = { 0 };

  if (module != NULL)
    return TRUE;

  module = g_module_open ("libpq.so.5", G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  for (guint i = 0; module != NULL && i < G_N_ELEMENTS (symbols); i++)
    {
      gpointer *slot = G_STRUCT_MEMBER_P (&table, symbols[i].offset);

      if (!g_module_symbol (module, symbols[i].name, slot) || *slot == NULL)
        g_clear_pointer (&module, g_module_close);
    }

  if (module == NULL)
    {
      g_set_error (error, MEASURES_STORE_ERROR, MEASURES_STORE_ERROR_OPEN,
                   _("Could not load the PostgreSQL client library (%s): install the package "
                     "libpq5 to open a strategy on a server."),
                   g_module_error ());
      return FALSE;
    }

  g_module_make_resident (module);
  measures_libpq = table;
  return TRUE;
}
