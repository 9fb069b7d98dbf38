#include "cli/job_argument.h"

#include <algorithm>
#include <cctype>

namespace perfgate {
namespace {

bool IsJobId(const std::string& text) {
  // Commits are written with at least 7 hex digits; shorter all-digit words are job ids.
  return !text.empty() && text.size() < 7 &&
         std::ranges::all_of(text, [](unsigned char c) { return std::isdigit(c); });
}

}  // namespace

Result<JobId> FindJobId(const std::string& job_or_commit, const JobLister& list) {
  if (IsJobId(job_or_commit)) return std::stoll(job_or_commit);
  JobFilter filter;
  filter.state = JobState::kSucceeded;
  filter.commit = job_or_commit;
  filter.limit = 1;
  auto jobs = list(filter);
  if (!jobs) return std::unexpected(jobs.error());
  if (jobs->empty()) {
    return std::unexpected(NotFound("no succeeded job for commit " + job_or_commit, "",
                                    "run `perfgate run --commit " + job_or_commit + "` first"));
  }
  return jobs->front().id;
}

}  // namespace perfgate
