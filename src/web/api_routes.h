// The routes of the JSON API, grouped by what they serve. ApiServer adds all of them.
//
// Jobs (job_routes.cc):
//   POST /api/v1/jobs                   enqueue; 201 with the job, 200 + "duplicate": true
//   GET  /api/v1/jobs                   ?state=&kind=&commit=&branch=&limit=&before=
//                                       newest first (&order=oldest: the queue's order), each
//                                       running job with its "progress"
//   GET  /api/v1/jobs/{id}              the job, its progress, phases, runs, results and
//                                       comparison
//   GET  /api/v1/jobs/{id}/log          ?offset=N   text/plain from byte N of the job log;
//                                       X-Log-Offset: the next offset, X-Job-State: its state
//   POST /api/v1/jobs/{id}/cancel       409 for a finished job
//   POST /api/v1/jobs/{id}/retry        201 with the new job; 409 while queued or running
// Results (result_routes.cc):
//   GET  /api/v1/runs/{id}              ?job=N (a hint: the job the run belongs to)
//   GET  /api/v1/comparisons            ?base=&head=   job ids (digits only) or revisions
//   GET  /api/v1/history                ?scenario=&metric=&series=
//   GET  /api/v1/history/chart          ?scenario=&metric=   the same history in columns, with
//                                       commit subjects and the newest test jobs' results, for
//                                       the history page's chart (history_chart.h)
// GitHub (webhook_routes.cc):
//   POST /webhooks/github               a signed webhook delivery (X-Hub-Signature-256), up to
//                                       25 MB: 201/200 with the job it queued, 202 with
//                                       "ignored" or "reply", 200 for a ping or a repeat
// Outbox (outbox_routes.cc):
//   GET  /api/v1/outbox                 ?job=&limit=   reports not delivered yet, oldest
//                                       first, with their attempts and last error
// Service (service_routes.cc):
//   GET  /healthz                       "ok", no token ever
//   GET  /metrics                       Prometheus text format (metrics.h)
#pragma once

#include "web/metrics.h"
#include "web/router.h"

namespace perfgate {

void AddJobRoutes(Router& router);
void AddResultRoutes(Router& router);
void AddWebhookRoutes(Router& router);
void AddOutboxRoutes(Router& router);
// `counters` must outlive the router.
void AddServiceRoutes(Router& router, const RequestCounters& counters);

}  // namespace perfgate
