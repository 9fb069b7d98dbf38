// Counts what real jobs of bench/quickstart_validation decided and prints the rates beside
// their targets, each with its 95% Clopper–Pearson interval (clopper_pearson.h):
//
//   perfgate_quickstart_tally summary REPORT.json   one line: the job's verdicts
//   perfgate_quickstart_tally table MANIFEST.tsv    the tables of every job listed
//
// A manifest line is "mode<TAB>level<TAB>status<TAB>seconds<TAB>report": mode interleaved,
// stored or baseline; level the candidate's EXTRA_WORK_PERCENT (0: A/A); status perfgate's
// exit status (2 or a timeout's 124: the job failed and is counted apart, not as a verdict).
//
// Every latency series (latency_p50 and latency_p99 of each endpoint) is slowed by the level,
// since the extra work is done by every request. Rates per job, so that trials are
// independent: a false alarm is an A/A job with any regression or improvement; power at a
// level is the share of its jobs in which every series of the metric is a regression (one
// endpoint missed counts as a miss), with the share where at least one is beside it. The
// shares of series flagged and left inconclusive count series, as the targets and the
// detectable effects the reports state do.
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <fstream>
#include <limits>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/comparison.h"
#include "analysis/paired.h"
#include "analysis/statistics.h"
#include "analysis/t_test.h"
#include "clopper_pearson.h"

namespace perfgate {
namespace {

constexpr const char* kMetrics[] = {"latency_p50", "latency_p99"};
constexpr double kInf = std::numeric_limits<double>::infinity();

struct SeriesRecord {
  std::string metric;
  Verdict verdict = Verdict::kMissing;
  double estimate = NAN;
  double detectable_effect = NAN;  // NaN: untested; +inf: the test could not reach the level
  double margin = NAN;
  int pairs = 0;
  double noise = NAN;  // paired: the standard deviation of the pairs' log-ratios
};

struct JobRecord {
  std::string mode;
  int level = 0;
  int status = 0;
  double seconds = 0;
  bool reported = false;  // exit status 0 or 1 and a report that parsed
  std::vector<SeriesRecord> series;
};

double NumberOr(const nlohmann::json& value, double fallback) {
  return value.is_number() ? value.get<double>() : fallback;
}

// The spread of a paired series' log-ratios, which the detectable effect follows: NaN for an
// unpaired series or one with fewer than 2 pairs.
double PairNoise(const nlohmann::json& series) {
  if (series.at("method") != "paired") return NAN;
  auto base = series.at("base").at("values").get<std::vector<double>>();
  auto candidate = series.at("candidate").at("values").get<std::vector<double>>();
  LogRatios ratios = PairLogRatios(base, candidate);
  TTestResult test = PairedTTest(ratios.values);
  return test.standard_error * std::sqrt(static_cast<double>(ratios.values.size()));
}

// The latency series of a JSON report; throws nlohmann's exceptions on a malformed one.
std::vector<SeriesRecord> ReadSeries(const std::string& path) {
  std::ifstream in(path);
  nlohmann::json report = nlohmann::json::parse(in);
  std::vector<SeriesRecord> series;
  for (const nlohmann::json& s : report.at("series")) {
    SeriesRecord record;
    record.metric = s.at("metric").get<std::string>();
    if (std::ranges::find(kMetrics, record.metric) == std::end(kMetrics)) continue;
    record.verdict = ParseVerdict(s.at("verdict").get<std::string>()).value_or(Verdict::kMissing);
    record.estimate = NumberOr(s.at("estimate"), NAN);
    // A tested series' null detectable effect is infinite (the report's JSON has no inf).
    if (!s.at("test").is_null())
      record.detectable_effect = NumberOr(s.at("detectable_effect"), kInf);
    record.margin = NumberOr(s.at("margin"), NAN);
    record.pairs = s.at("pairs").get<int>();
    record.noise = PairNoise(s);
    series.push_back(record);
  }
  return series;
}

std::vector<JobRecord> ReadManifest(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw std::runtime_error(fmt::format("cannot read the manifest {}", path));
  std::vector<JobRecord> jobs;
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> fields;
    std::istringstream split(line);
    for (std::string field; std::getline(split, field, '\t');) fields.push_back(field);
    if (fields.size() != 5) {
      throw std::runtime_error(fmt::format("{}: malformed line \"{}\"", path, line));
    }
    JobRecord job;
    job.mode = fields[0];
    job.level = std::stoi(fields[1]);
    job.status = std::stoi(fields[2]);
    job.seconds = std::stod(fields[3]);
    const std::string& report = fields[4];
    if (job.status <= 1) {
      try {
        job.series = ReadSeries(report);
        job.reported = true;
      } catch (const std::exception&) {
        // A job that exited 0 or 1 without a readable report failed all the same.
      }
    }
    jobs.push_back(std::move(job));
  }
  return jobs;
}

std::string Percent(double fraction) {
  if (std::isnan(fraction)) return "n/a";
  if (std::isinf(fraction)) return "inf";
  return fmt::format("{:+.1f}%", 100 * fraction);
}

bool IsAlarm(Verdict v) { return v == Verdict::kRegression || v == Verdict::kImprovement; }

void Count(Rate& rate, bool hit) {
  ++rate.trials;
  if (hit) ++rate.hits;
}

// What the jobs of one mode and level decided on one metric.
struct Cell {
  Rate all;           // jobs whose every series of the metric is a regression
  Rate any;           // jobs with at least one
  Rate flagged;       // series that are a regression
  Rate inconclusive;  // series
  std::vector<double> estimates, stated, pairs, noise;
  std::vector<double> stated_inconclusive;  // the detectable effects the reports stated
  double margin = NAN;
};

Cell TallyCell(const std::vector<const JobRecord*>& jobs, const std::string& metric) {
  Cell cell;
  for (const JobRecord* job : jobs) {
    int series = 0, regressions = 0;
    for (const SeriesRecord& s : job->series) {
      if (s.metric != metric) continue;
      ++series;
      if (s.verdict == Verdict::kRegression) ++regressions;
      Count(cell.flagged, s.verdict == Verdict::kRegression);
      Count(cell.inconclusive, s.verdict == Verdict::kInconclusive);
      if (!std::isnan(s.estimate)) cell.estimates.push_back(s.estimate);
      if (!std::isnan(s.detectable_effect)) {
        cell.stated.push_back(s.detectable_effect);
        if (s.verdict == Verdict::kInconclusive) {
          cell.stated_inconclusive.push_back(s.detectable_effect);
        }
      }
      cell.pairs.push_back(s.pairs);
      if (!std::isnan(s.noise)) cell.noise.push_back(s.noise);
      cell.margin = s.margin;
    }
    Count(cell.all, series > 0 && regressions == series);
    Count(cell.any, regressions > 0);
  }
  return cell;
}

// The median pairs of a cell's series; "-" in stored mode, which has none.
std::string PairsOf(const Cell& cell) {
  double pairs = Median(cell.pairs);
  return pairs > 0 ? fmt::format("{}", pairs) : "-";
}

double Share(const Rate& rate) {
  return rate.trials == 0 ? NAN : static_cast<double>(rate.hits) / rate.trials;
}

struct MeasuredEffect {
  double effect = NAN;       // relative
  int below = 0, above = 0;  // the levels (percent) it lies between
};

// The effect flagged with 80% power on the injected levels' grid (`cells` without the A/A
// level): the smallest level whose `power` reaches 0.8, interpolated linearly from the level
// below (power 0 below the first); nullopt when no level reaches it.
std::optional<MeasuredEffect> MeasuredDetectableEffect(const std::map<int, Cell>& cells,
                                                       Rate Cell::*power) {
  int previous_level = 0;
  double previous_power = 0;
  for (const auto& [level, cell] : cells) {
    double share = Share(cell.*power);
    if (share >= 0.8) {
      double effect = (previous_level + (level - previous_level) * (0.8 - previous_power) /
                                            (share - previous_power)) /
                      100;
      return MeasuredEffect{.effect = effect, .below = previous_level, .above = level};
    }
    previous_level = level;
    previous_power = share;
  }
  return std::nullopt;
}

// The detectable effect measured against the one the reports stated, which a report states
// when it leaves a series inconclusive: the median over those series in every job of the
// mode (`stated`). Measured per series, which is what a stated effect is about, and, for
// reference, with every series of the metric flagged in the same job.
void PrintDetectableEffect(const std::map<int, Cell>& cells, double stated) {
  for (auto [power, what] :
       {std::pair{&Cell::flagged, "per series"}, std::pair{&Cell::all, "every series of a job"}}) {
    std::optional<MeasuredEffect> measured = MeasuredDetectableEffect(cells, power);
    if (!measured) {
      fmt::print("    detectable effect at 80% power, {}: not reached at any level measured\n",
                 what);
      continue;
    }
    fmt::print(
        "    detectable effect at 80% power, {}: measured {} (between +{}% and +{}%), stated {}, "
        "ratio {}{}\n",
        what, Percent(measured->effect), measured->below, measured->above, Percent(stated),
        std::isfinite(stated) ? fmt::format("{:.2f}", stated / measured->effect) : "n/a",
        power == &Cell::flagged ? "   (target 0.75 .. 1.25)" : "");
  }
}

// `tallied`: the metric's cell at every level, A/A (0) included.
void PrintMetric(const std::string& mode, const std::string& metric,
                 const std::map<int, Cell>& tallied) {
  std::map<int, Cell> cells;
  std::vector<double> stated;  // over the inconclusive series of every level, A/A included
  for (const auto& [level, cell] : tallied) {
    stated.insert(stated.end(), cell.stated_inconclusive.begin(), cell.stated_inconclusive.end());
    if (level > 0) cells.emplace(level, cell);
  }
  if (cells.empty()) return;
  double margin = cells.begin()->second.margin;
  fmt::print("  {} (margin {:.1f}%) on every endpoint, slowed by the level:\n", metric,
             100 * margin);
  fmt::print("    {:>5}  {:>4}  {:>22}  {:>22}  {:>22}  {:>22}  {:>8}  {:>8}  {:>5}\n", "level",
             "jobs", "power: all flagged", "any flagged", "series flagged", "series inconclusive",
             "estimate", "stated", "pairs");
  for (const auto& [level, cell] : cells) {
    std::string targets;
    if (mode == "interleaved" &&
        ((metric == "latency_p99" && level == 5) || (metric == "latency_p50" && level == 2))) {
      targets += "  power target >= 90%";
    }
    if (level / 100.0 >= 2 * margin - 1e-12) targets += "  inconclusive target <= 5%";
    fmt::print("    {:>4}%  {:>4}  {:>22}  {:>22}  {:>22}  {:>22}  {:>8}  {:>8}  {:>5}{}\n", level,
               cell.all.trials, FormatRate(cell.all), FormatRate(cell.any),
               FormatRate(cell.flagged), FormatRate(cell.inconclusive),
               Percent(Median(cell.estimates)), Percent(Median(cell.stated)), PairsOf(cell),
               targets);
  }
  PrintDetectableEffect(cells, Median(stated));
}

void PrintWallTimes(const std::string& mode, const std::vector<JobRecord>& jobs) {
  std::map<int, std::vector<double>> seconds;
  for (const JobRecord& job : jobs) {
    if (job.mode == mode) seconds[job.level].push_back(job.seconds);
  }
  if (seconds.empty()) return;
  std::string line;
  for (auto& [level, values] : seconds) {
    std::ranges::sort(values);
    line += fmt::format("{}{} {:.0f} s ({:.0f} .. {:.0f})", line.empty() ? "" : ", ",
                        mode == "baseline" ? "base"
                        : level == 0       ? std::string("A/A")
                                           : fmt::format("+{}%", level),
                        Median(values), values.front(), values.back());
  }
  fmt::print("  wall time per {} job, median (min .. max): {}\n", mode, line);
}

void PrintMode(const std::string& mode, const std::vector<JobRecord>& jobs) {
  std::map<int, std::vector<const JobRecord*>> by_level;
  int listed = 0, failed = 0;
  for (const JobRecord& job : jobs) {
    if (job.mode != mode) continue;
    ++listed;
    if (job.reported) {
      by_level[job.level].push_back(&job);
    } else {
      ++failed;
    }
  }
  if (listed == 0) return;
  fmt::print("== {}: {} jobs, {} failed (exit status 2 or a timeout; not counted below)\n", mode,
             listed, failed);
  std::map<std::string, std::map<int, Cell>> tallied;  // metric -> level -> cell
  for (const char* metric : kMetrics) {
    for (const auto& [level, level_jobs] : by_level) {
      tallied[metric][level] = TallyCell(level_jobs, metric);
    }
  }
  if (by_level.contains(0)) {
    Rate alarms, inconclusive;
    for (const JobRecord* job : by_level[0]) {
      bool alarm = false;
      for (const SeriesRecord& s : job->series) {
        alarm = alarm || IsAlarm(s.verdict);
        Count(inconclusive, s.verdict == Verdict::kInconclusive);
      }
      Count(alarms, alarm);
    }
    fmt::print("  A/A: jobs with a false alarm {}   (target <= 1%)\n", FormatRate(alarms));
    fmt::print("  A/A: series inconclusive     {}   (target <= 5%)\n", FormatRate(inconclusive));
    for (const char* metric : kMetrics) {
      const Cell& cell = tallied[metric][0];
      std::string noise = cell.noise.empty() ? ""
                                             : fmt::format(", sd of the pairs' log-ratios {:.1f}%",
                                                           100 * Median(cell.noise));
      fmt::print("  A/A: {} estimate {}, stated detectable effect {}, pairs {}{} (medians)\n",
                 metric, Percent(Median(cell.estimates)), Percent(Median(cell.stated)),
                 PairsOf(cell), noise);
    }
  }
  for (const char* metric : kMetrics) PrintMetric(mode, metric, tallied[metric]);
  PrintWallTimes(mode, jobs);
  fmt::print("\n");
}

int PrintSummary(const std::string& path) {
  std::ifstream in(path);
  nlohmann::json report = nlohmann::json::parse(in);
  double pairs = 0;
  for (const nlohmann::json& s : report.at("series")) {
    pairs = std::max(pairs, NumberOr(s.at("pairs"), 0));
  }
  std::string summary = report.at("summary").get<std::string>();
  if (report.at("mode") == "interleaved") summary += fmt::format(" ({} pairs)", pairs);
  fmt::print("{}\n", summary);
  return 0;
}

int PrintTables(const std::string& manifest) {
  std::vector<JobRecord> jobs = ReadManifest(manifest);
  fmt::print("perfgate on the quickstart: real jobs, rates with 95% Clopper-Pearson intervals\n");
  fmt::print(
      "power: jobs in which every series of the metric (one per endpoint) is a regression;\n"
      "inconclusive: series; detectable effects relative, stated as the reports state them\n\n");
  PrintMode("interleaved", jobs);
  PrintMode("stored", jobs);
  int baselines = 0, failed = 0;
  for (const JobRecord& job : jobs) {
    if (job.mode != "baseline") continue;
    ++baselines;
    if (job.status > 1) ++failed;
  }
  if (baselines > 0) {
    fmt::print("== baseline jobs before the stored ones: {}, {} failed\n", baselines, failed);
    PrintWallTimes("baseline", jobs);
  }
  return 0;
}

}  // namespace
}  // namespace perfgate

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  try {
    if (args.size() == 2 && args[0] == "summary") return perfgate::PrintSummary(args[1]);
    if (args.size() == 2 && args[0] == "table") return perfgate::PrintTables(args[1]);
  } catch (const std::exception& e) {
    fmt::print(stderr, "quickstart tally: {}\n", e.what());
    return 2;
  }
  fmt::print(stderr, "usage: perfgate_quickstart_tally summary REPORT.json | table MANIFEST.tsv\n");
  return 2;
}
