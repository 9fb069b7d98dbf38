// The pages of the web UI, rendered on the server from the store through the same views as
// the JSON API (job_views.h), with the API's read access (page_auth.h):
//   GET /                        the queue: running jobs with their progress, queued jobs in
//                                order, recent finished ones; ?kind=&state=&branch= filter it
//   GET /jobs/{id}               a job: its commit, request, phases, log, results, comparison
//   GET /jobs/{id}/comparison    the job's stored comparison on a page of its own (what GitHub
//                                statuses and comments link to)
//   GET /compare                 ?base=&head= two jobs (ids or revisions, as
//                                GET /api/v1/comparisons takes them) compared series by series,
//                                with the samples of both sides drawn; without both, the recent
//                                jobs to pick them from
//   GET /history                 ?scenario=&metric= a chart of every series of the metric over
//                                the default branch's baseline jobs, with pull requests' results
//                                and change points; without both, the metrics to pick from
#pragma once

#include "web/router.h"

namespace perfgate {

void AddQueuePage(Router& router);     // queue_page.cc
void AddJobPages(Router& router);      // job_page.cc
void AddComparePages(Router& router);  // compare_page.cc
void AddHistoryPage(Router& router);   // history_page.cc

}  // namespace perfgate
