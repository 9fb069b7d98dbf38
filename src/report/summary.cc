#include <fmt/format.h>

#include <algorithm>

#include "report/report.h"

namespace perfgate {
namespace {

size_t Rank(Verdict verdict) {
  return static_cast<size_t>(std::ranges::find(kReportVerdictOrder, verdict) -
                             kReportVerdictOrder.begin());
}

// "1 regression", "2 improvements"; inconclusive, missing and unchanged do not inflect.
std::string CountText(size_t count, Verdict verdict) {
  std::string text = fmt::format("{} {}", count, VerdictName(verdict));
  if (count != 1 && (verdict == Verdict::kRegression || verdict == Verdict::kImprovement)) {
    text += 's';
  }
  return text;
}

}  // namespace

std::string Summary(const Comparison& comparison) {
  if (comparison.series.empty()) return "no series compared";
  size_t regressions = comparison.Count(Verdict::kRegression);
  std::string text =
      regressions == 0 ? "no regression" : CountText(regressions, Verdict::kRegression);
  for (Verdict verdict : kReportVerdictOrder) {
    size_t count = comparison.Count(verdict);
    if (verdict != Verdict::kRegression && count > 0) text += ", " + CountText(count, verdict);
  }
  return text;
}

std::vector<const SeriesComparison*> InReportOrder(const Comparison& comparison) {
  std::vector<const SeriesComparison*> ordered;
  ordered.reserve(comparison.series.size());
  for (const SeriesComparison& series : comparison.series) ordered.push_back(&series);
  std::ranges::stable_sort(ordered, {}, [](const SeriesComparison* s) { return Rank(s->verdict); });
  return ordered;
}

namespace {

// The web address of a GitHub-like repository ("https://host/OWNER/NAME", with ".git" and any
// credentials left out); empty when `repository_url` is not http(s).
std::string RepositoryWebUrl(std::string_view repository_url) {
  size_t scheme_end = repository_url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  std::string_view scheme = repository_url.substr(0, scheme_end);
  if (scheme != "https" && scheme != "http") return {};
  std::string_view rest = repository_url.substr(scheme_end + 3);
  // Never show credentials: drop any "user:token@" before the host.
  size_t host_end = rest.find('/');
  size_t at = rest.substr(0, host_end).rfind('@');
  if (at != std::string_view::npos) rest.remove_prefix(at + 1);
  while (rest.ends_with('/')) rest.remove_suffix(1);
  if (rest.ends_with(".git")) rest.remove_suffix(4);
  return fmt::format("{}://{}", scheme, rest);
}

}  // namespace

std::string CommitUrl(std::string_view repository_url, std::string_view commit) {
  std::string base = RepositoryWebUrl(repository_url);
  if (commit.empty() || base.empty()) return {};
  return fmt::format("{}/commit/{}", base, commit);
}

std::string PullRequestUrl(std::string_view repository_url, int pull_request) {
  std::string base = RepositoryWebUrl(repository_url);
  if (base.empty()) return {};
  return fmt::format("{}/pull/{}", base, pull_request);
}

}  // namespace perfgate
