#include "web/sample_summary.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <tuple>

#include "analysis/statistics.h"

namespace perfgate {
namespace {

Json Number(double value) { return std::isfinite(value) ? Json(value) : Json(nullptr); }

}  // namespace

std::vector<SeriesSummary> SummarizeSamples(std::span<const Sample> samples,
                                            const std::string& commit) {
  using Key = std::tuple<std::string, std::string, std::string>;
  struct Values {
    std::vector<double> present;
    int missing = 0;
  };
  std::map<Key, Values> groups;
  for (const Sample& sample : samples) {
    Values& values = groups[Key(sample.scenario, sample.metric, sample.series)];
    if (sample.value && !std::isnan(*sample.value)) {
      values.present.push_back(*sample.value);
    } else {
      ++values.missing;
    }
  }
  std::vector<SeriesSummary> summaries;
  for (const auto& [key, values] : groups) {
    const auto& [scenario, metric, series] = key;
    auto [min, max] = std::ranges::minmax_element(values.present);
    double nan = std::numeric_limits<double>::quiet_NaN();
    bool any = !values.present.empty();
    summaries.push_back(SeriesSummary{commit, scenario, metric, series, Median(values.present),
                                      any ? *min : nan, any ? *max : nan,
                                      static_cast<int>(values.present.size()), values.missing});
  }
  return summaries;
}

Json SeriesSummaryToJson(const SeriesSummary& summary) {
  return Json{{"commit", summary.commit},         {"scenario", summary.scenario},
              {"metric", summary.metric},         {"series", summary.series},
              {"median", Number(summary.median)}, {"min", Number(summary.min)},
              {"max", Number(summary.max)},       {"samples", summary.sample_count},
              {"missing", summary.missing_count}};
}

}  // namespace perfgate
