// The prometheus.yml of a managed Prometheus: one scrape job that takes its targets from the
// file_sd files perfgate writes, so runs come and go without reloading Prometheus.
#pragma once

#include <string>

#include "base/clock.h"

namespace perfgate {

inline constexpr char kManagedScrapeJob[] = "perfgate";

// Scrape and rule evaluation every `scrape_interval`; targets from <targets_dir>/*.json.
std::string ManagedPrometheusYaml(Duration scrape_interval, const std::string& targets_dir);

}  // namespace perfgate
