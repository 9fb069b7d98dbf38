// The parts of a job that several pages show the same way, as HTML fragments with every text
// from outside escaped.
#pragma once

#include <optional>
#include <string>

#include "store/store.h"
#include "web/job_progress.h"

namespace perfgate {

// <a href="/jobs/12">#12</a>
std::string JobLinkHtml(JobId id);

// <span class="badge state-running">running</span>
std::string StateBadge(JobState state);

// The badge of the comparison's most urgent verdict, its summary on hover; "" without one.
std::string ComparisonBadge(const std::optional<StoredComparison>& comparison);

// A job's stored comparison as report/ renders it, or a sentence saying why it has none.
std::string ComparisonHtml(const std::string& repository_url, const Job& job,
                           const std::optional<StoredComparison>& comparison);

// A <progress> bar through the job's windows with "5/8 windows · 62%" beside it, in an element
// the pages' scripts update in place (data-progress).
std::string ProgressHtml(const JobProgress& progress);

}  // namespace perfgate
