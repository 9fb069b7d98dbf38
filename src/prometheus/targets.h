// file_sd target files: how perfgate tells Prometheus what to scrape and with which labels.
//
// The labels perfgate_job and perfgate_run identify the job and the run, so that the selector
// of a run matches its series and no other run's. A run's windows are told apart by time: a
// query over a window's exact range at its end sees only that window's samples.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "base/labels.h"

namespace perfgate {

inline constexpr std::string_view kJobLabel = "perfgate_job";
inline constexpr std::string_view kRunLabel = "perfgate_run";

struct ScrapeTargetGroup {
  std::vector<std::string> addresses;  // host:port
  std::string metrics_path = "/metrics";
  Labels labels;  // added to every series scraped from these addresses
};

// The label matchers (without braces) that select exactly the series carrying `labels`:
// perfgate_job="3",perfgate_run="7". Values are escaped.
std::string Selector(const Labels& labels);

// Owns one target file in a file_sd directory: written atomically (temporary file + rename,
// so Prometheus never reads half a file) and removed by the destructor, so Prometheus stops
// scraping the run's targets when the run ends.
class TargetFile {
 public:
  // Creates <dir>/<name>.json (name: letters, digits, '-' and '_').
  [[nodiscard]] static Result<TargetFile> Create(const std::string& dir, const std::string& name,
                                                 const std::vector<ScrapeTargetGroup>& groups);
  TargetFile(TargetFile&& other) noexcept;
  TargetFile& operator=(TargetFile&& other) noexcept;
  TargetFile(const TargetFile&) = delete;
  TargetFile& operator=(const TargetFile&) = delete;
  ~TargetFile();

  // Rewrites the file atomically, e.g. with the next repetition's labels.
  [[nodiscard]] Result<void> Update(const std::vector<ScrapeTargetGroup>& groups);

  const std::string& path() const { return path_; }

 private:
  explicit TargetFile(std::string path) : path_(std::move(path)) {}
  std::string path_;
};

}  // namespace perfgate
