/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

/* libpq, loaded when a strategy on a server is first opened: a window on a
 * file does not pay for the client library and what it brings (TLS,
 * Kerberos, LDAP), some 5 MB of memory. The engine's files call the PQ
 * functions by their names, which this header points into the table. */

#include <glib.h>
#include <libpq-fe.h>

G_BEGIN_DECLS

typedef struct {
  __typeof__ (PQconnectdb) *PQconnectdb_;
  __typeof__ (PQstatus) *PQstatus_;
  __typeof__ (PQerrorMessage) *PQerrorMessage_;
  __typeof__ (PQfinish) *PQfinish_;
  __typeof__ (PQsetNoticeProcessor) *PQsetNoticeProcessor_;
  __typeof__ (PQsetClientEncoding) *PQsetClientEncoding_;
  __typeof__ (PQexec) *PQexec_;
  __typeof__ (PQprepare) *PQprepare_;
  __typeof__ (PQexecPrepared) *PQexecPrepared_;
  __typeof__ (PQresultStatus) *PQresultStatus_;
  __typeof__ (PQresultErrorField) *PQresultErrorField_;
  __typeof__ (PQntuples) *PQntuples_;
  __typeof__ (PQgetvalue) *PQgetvalue_;
  __typeof__ (PQgetisnull) *PQgetisnull_;
  __typeof__ (PQcmdTuples) *PQcmdTuples_;
  __typeof__ (PQclear) *PQclear_;
  __typeof__ (PQtransactionStatus) *PQtransactionStatus_;
  __typeof__ (PQsocket) *PQsocket_;
  __typeof__ (PQconsumeInput) *PQconsumeInput_;
  __typeof__ (PQnotifies) *PQnotifies_;
  __typeof__ (PQfreemem) *PQfreemem_;
  __typeof__ (PQconninfoParse) *PQconninfoParse_;
  __typeof__ (PQconninfoFree) *PQconninfoFree_;
  __typeof__ (PQuser) *PQuser_;
  __typeof__ (PQconnectdbParams) *PQconnectdbParams_;
  __typeof__ (PQconnectionNeedsPassword) *PQconnectionNeedsPassword_;
  __typeof__ (PQsslInUse) *PQsslInUse_;
  __typeof__ (PQconnectStartParams) *PQconnectStartParams_;
  __typeof__ (PQconnectPoll) *PQconnectPoll_;
  __typeof__ (PQhost) *PQhost_;
  __typeof__ (PQparameterStatus) *PQparameterStatus_;
  __typeof__ (PQgssEncInUse) *PQgssEncInUse_;
  __typeof__ (PQconnectionUsedPassword) *PQconnectionUsedPassword_;
  __typeof__ (PQenterPipelineMode) *PQenterPipelineMode_;
  __typeof__ (PQexitPipelineMode) *PQexitPipelineMode_;
  __typeof__ (PQpipelineSync) *PQpipelineSync_;
  __typeof__ (PQsendPrepare) *PQsendPrepare_;
  __typeof__ (PQsendQueryPrepared) *PQsendQueryPrepared_;
  __typeof__ (PQgetResult) *PQgetResult_;
} MeasuresLibpq;

extern MeasuresLibpq measures_libpq;

gboolean measures_libpq_load (GError **error);

#ifndef MEASURES_LIBPQ_TABLE
#define PQconnectdb (*measures_libpq.PQconnectdb_)
#define PQstatus (*measures_libpq.PQstatus_)
#define PQerrorMessage (*measures_libpq.PQerrorMessage_)
#define PQfinish (*measures_libpq.PQfinish_)
#define PQsetNoticeProcessor (*measures_libpq.PQsetNoticeProcessor_)
#define PQsetClientEncoding (*measures_libpq.PQsetClientEncoding_)
#define PQexec (*measures_libpq.PQexec_)
#define PQprepare (*measures_libpq.PQprepare_)
#define PQexecPrepared (*measures_libpq.PQexecPrepared_)
#define PQresultStatus (*measures_libpq.PQresultStatus_)
#define PQresultErrorField (*measures_libpq.PQresultErrorField_)
#define PQntuples (*measures_libpq.PQntuples_)
#define PQgetvalue (*measures_libpq.PQgetvalue_)
#define PQgetisnull (*measures_libpq.PQgetisnull_)
#define PQcmdTuples (*measures_libpq.PQcmdTuples_)
#define PQclear (*measures_libpq.PQclear_)
#define PQtransactionStatus (*measures_libpq.PQtransactionStatus_)
#define PQsocket (*measures_libpq.PQsocket_)
#define PQconsumeInput (*measures_libpq.PQconsumeInput_)
#define PQnotifies (*measures_libpq.PQnotifies_)
#define PQfreemem (*measures_libpq.PQfreemem_)
#define PQconninfoParse (*measures_libpq.PQconninfoParse_)
#define PQconninfoFree (*measures_libpq.PQconninfoFree_)
#define PQuser (*measures_libpq.PQuser_)
#define PQconnectdbParams (*measures_libpq.PQconnectdbParams_)
#define PQconnectionNeedsPassword (*measures_libpq.PQconnectionNeedsPassword_)
#define PQsslInUse (*measures_libpq.PQsslInUse_)
#define PQconnectStartParams (*measures_libpq.PQconnectStartParams_)
#define PQconnectPoll (*measures_libpq.PQconnectPoll_)
#define PQhost (*measures_libpq.PQhost_)
#define PQparameterStatus (*measures_libpq.PQparameterStatus_)
#define PQgssEncInUse (*measures_libpq.PQgssEncInUse_)
#define PQconnectionUsedPassword (*measures_libpq.PQconnectionUsedPassword_)
#define PQenterPipelineMode (*measures_libpq.PQenterPipelineMode_)
#define PQexitPipelineMode (*measures_libpq.PQexitPipelineMode_)
#define PQpipelineSync (*measures_libpq.PQpipelineSync_)
#define PQsendPrepare (*measures_libpq.PQsendPrepare_)
#define PQsendQueryPrepared (*measures_libpq.PQsendQueryPrepared_)
#define PQgetResult (*measures_libpq.PQgetResult_)
#endif

G_END_DECLS
