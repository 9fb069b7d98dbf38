#include "prometheus/managed_config.h"

#include <fmt/format.h>

#include <algorithm>
#include <nlohmann/json.hpp>

#include "base/duration.h"

namespace perfgate {
namespace {
constexpr Duration kMaxScrapeTimeout = std::chrono::seconds(10);
}  // namespace

std::string ManagedPrometheusYaml(Duration scrape_interval, const std::string& targets_dir) {
  std::string interval = FormatDuration(scrape_interval);
  // scrape_timeout may not exceed the interval, and Prometheus' default is 10s.
  std::string timeout = FormatDuration(std::min(scrape_interval, kMaxScrapeTimeout));
  // A JSON string is a valid YAML double-quoted scalar, whatever characters the path holds.
  std::string targets_glob = nlohmann::json(targets_dir + "/*.json").dump();
  return fmt::format(
      "global:\n"
      "  scrape_interval: {0}\n"
      "  scrape_timeout: {3}\n"
      "  evaluation_interval: {0}\n"
      "scrape_configs:\n"
      "  - job_name: {1}\n"
      "    file_sd_configs:\n"
      "      - files: [{2}]\n"
      "        refresh_interval: 1s\n",
      interval, kManagedScrapeJob, targets_glob, timeout);
}

}  // namespace perfgate
