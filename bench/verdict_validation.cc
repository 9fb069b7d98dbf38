// Synthetic validation of perfgate's verdicts: thousands of simulated jobs whose series are
// drawn from measured-looking noise, compared the way a job compares them, and the rates
// that matter printed beside their targets:
//   - A/A false alarms per job (any regression or improvement when nothing changed) <= 1%;
//   - power >= 90% at +5% on p99 and +2% on median latency, interleaved;
//   - <= 5% inconclusive on A/A and on effects >= 2x the margin;
//   - the stated minimal detectable effect within +-25% of the measured one.
// A last table shows the changes real jobs meet most: one series, or one endpoint's p99 and
// p50, moving by 2x or 10x the margin among the 10. Each rate comes with a 95%
// Clopper–Pearson interval. Deterministic: every job draws from its own seeded generator.
//
// A simulated job has 10 series like a real one: 4 p99 latency series (margin 2.5%, window
// noise 1.2%), 4 median latency series (margin 1%, noise 0.4%) and 2 throughput series
// (higher is better, margin 1%, noise 0.3%); noise in log units. Each series' windows are
// lognormal, bimodal (a second mode 2 sigma up in 30% of windows) or heavy-tailed (Student
// t with 3 df), cycling by series. Within a session the machine drifts (a random walk common
// to every series, steps of 0.3 sigma per window); between sessions it moves by a common
// offset of 2 sigma, which only stored mode sees. Interleaved jobs measure each pair's
// windows back to back in a random order.
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "analysis/comparison.h"
#include "analysis/look.h"
#include "clopper_pearson.h"

namespace perfgate {
namespace {

constexpr double kFdr = 0.01;
constexpr size_t kMaxPairs = 10;
constexpr int kJobs = 2000;     // per cell of the main tables
constexpr int kGridJobs = 300;  // per shift of the detectable-effect grid

struct MetricModel {
  const char* name;
  Better better;
  double margin;
  double sigma;  // window-to-window noise, log units
  int series;
};

constexpr MetricModel kMetrics[] = {
    {"latency_p99", Better::kLower, 0.025, 0.012, 4},
    {"latency_p50", Better::kLower, 0.01, 0.004, 4},
    {"throughput", Better::kHigher, 0.01, 0.003, 2},
};

std::vector<ScenarioConfig> Scenarios() {
  ScenarioConfig scenario;
  scenario.name = "sim";
  for (const MetricModel& m : kMetrics) {
    scenario.metrics.push_back(
        {m.name, "q", "s", m.better, Threshold{.relative = true, .value = m.margin}});
  }
  return {scenario};
}

enum class Mode { kInterleaved, kAdaptive, kStored };

struct Config {
  const char* label;
  Mode mode;
  size_t pairs;  // interleaved: pairs (adaptive: of the first look); stored: windows per side
};

constexpr Config kConfigs[] = {
    {"interleaved, 3 pairs", Mode::kInterleaved, 3},
    {"interleaved, 5 pairs", Mode::kInterleaved, 5},
    {"interleaved, 10 pairs", Mode::kInterleaved, 10},
    {"adaptive, 5 -> 10 pairs", Mode::kAdaptive, 5},
    {"stored, 5 vs 5 windows", Mode::kStored, 5},
    {"stored, 10 vs 10 windows", Mode::kStored, 10},
};

// Draws the windows of one job.
class JobSimulator {
 public:
  explicit JobSimulator(uint64_t seed) : random_(seed) {}

  // One session of `windows` windows: the machine's drift per window and its offset.
  struct Session {
    std::vector<double> drift;
    double offset = 0;
  };
  Session NewSession(size_t windows) {
    Session session;
    session.offset = 2 * normal_(random_);
    double walk = 0;
    for (size_t i = 0; i < windows; ++i) {
      walk += 0.3 * normal_(random_);
      session.drift.push_back(walk);
    }
    return session;
  }

  // One window's log value of series `index` of metric `m`, in a session, at a window.
  double Window(const MetricModel& m, int index, const Session& session, size_t window) {
    double noise = 0;
    switch (index % 3) {
      case 0:
        noise = normal_(random_);
        break;
      case 1:  // two modes: most windows low, 30% two sigma up (centred)
        noise = 0.6 * normal_(random_) + (uniform_(random_) < 0.3 ? 2.0 : 0.0) - 0.6;
        break;
      default:  // Student t with 3 df, scaled to unit variance
        noise = student_(random_) / std::sqrt(3.0);
    }
    return m.sigma * (noise + session.drift[window] + session.offset);
  }

  bool Coin() { return uniform_(random_) < 0.5; }

 private:
  std::mt19937_64 random_;
  std::normal_distribution<double> normal_{0, 1};
  std::uniform_real_distribution<double> uniform_{0, 1};
  std::student_t_distribution<double> student_{3};
};

std::string SeriesLabel(int index) { return fmt::format("{{i=\"{}\"}}", index); }

Sample MakeSample(const MetricModel& m, int index, int repetition, double log_value) {
  Sample sample;
  sample.scenario = "sim";
  sample.metric = m.name;
  sample.series = SeriesLabel(index);
  sample.repetition = repetition;
  sample.value = 0.1 * std::exp(log_value);
  return sample;
}

struct JobSamples {
  std::vector<Sample> base;
  std::vector<Sample> candidate;
};

// Which series a simulated change touches: every series of a metric, or its first only; and
// optionally the first series of a second metric too (one endpoint's p99 and p50).
struct Change {
  const char* metric = nullptr;  // nullptr: A/A
  double shift = 0;              // relative, on the candidate side
  bool lone = false;             // only the metric's series 0
  const char* also = nullptr;    // a second metric whose series 0 moves by `also_shift`
  double also_shift = 0;

  bool IsAA() const { return metric == nullptr || shift == 0; }
  double ShiftOf(const std::string& metric_name, int series) const {
    if (IsAA()) return 0;
    if (metric_name == metric && (!lone || series == 0)) return shift;
    if (also != nullptr && metric_name == also && series == 0) return also_shift;
    return 0;
  }
  bool Touches(const std::string& metric_name, int series) const {
    return ShiftOf(metric_name, series) != 0;
  }
};

JobSamples SimulateJob(uint64_t seed, Mode mode, size_t windows, const Change& change) {
  JobSimulator simulator(seed);
  JobSamples job;
  auto log_shift = [&](const MetricModel& m, int s) {
    return std::log1p(change.ShiftOf(m.name, s));
  };
  if (mode == Mode::kStored) {
    JobSimulator::Session base_session = simulator.NewSession(windows);
    JobSimulator::Session candidate_session = simulator.NewSession(windows);
    for (const MetricModel& m : kMetrics) {
      for (int s = 0; s < m.series; ++s) {
        for (size_t w = 0; w < windows; ++w) {
          int rep = static_cast<int>(w);
          job.base.push_back(MakeSample(m, s, rep, simulator.Window(m, s, base_session, w)));
          job.candidate.push_back(MakeSample(
              m, s, rep, simulator.Window(m, s, candidate_session, w) + log_shift(m, s)));
        }
      }
    }
    return job;
  }
  // Interleaved: pair i takes windows 2i and 2i + 1 of one session, in a random order.
  JobSimulator::Session session = simulator.NewSession(2 * windows);
  std::vector<bool> base_first;
  for (size_t i = 0; i < windows; ++i) base_first.push_back(simulator.Coin());
  for (const MetricModel& m : kMetrics) {
    for (int s = 0; s < m.series; ++s) {
      for (size_t i = 0; i < windows; ++i) {
        size_t base_window = base_first[i] ? 2 * i : 2 * i + 1;
        size_t candidate_window = base_first[i] ? 2 * i + 1 : 2 * i;
        int rep = static_cast<int>(i);
        job.base.push_back(MakeSample(m, s, rep, simulator.Window(m, s, session, base_window)));
        job.candidate.push_back(MakeSample(
            m, s, rep, simulator.Window(m, s, session, candidate_window) + log_shift(m, s)));
      }
    }
  }
  return job;
}

std::vector<Sample> FirstPairs(const std::vector<Sample>& samples, size_t pairs) {
  std::vector<Sample> kept;
  for (const Sample& s : samples) {
    if (static_cast<size_t>(s.repetition) < pairs) kept.push_back(s);
  }
  return kept;
}

Comparison RunJob(const Config& config, uint64_t seed, const Change& change) {
  static const std::vector<ScenarioConfig> scenarios = Scenarios();
  size_t windows = config.mode == Mode::kAdaptive ? kMaxPairs : config.pairs;
  JobSamples job = SimulateJob(seed, config.mode, windows, change);
  switch (config.mode) {
    case Mode::kStored:
      return CompareUnpaired(job.base, job.candidate, scenarios, {.level = kFdr});
    case Mode::kInterleaved:
      return ComparePaired(job.base, job.candidate, scenarios, {.level = kFdr});
    case Mode::kAdaptive:
      break;
  }
  size_t pairs = config.pairs;
  double level = FirstLookLevel(kFdr, pairs, kMaxPairs).value();
  while (true) {
    Comparison comparison = ComparePaired(
        FirstPairs(job.base, pairs), FirstPairs(job.candidate, pairs), scenarios, {.level = level});
    PairsDecision next = NextLook(comparison, pairs, kMaxPairs, kFdr).value();
    if (next.more_pairs == 0) return comparison;
    pairs += next.more_pairs;
    level = next.level;
  }
}

bool IsAlarm(Verdict v) { return v == Verdict::kRegression || v == Verdict::kImprovement; }

const MetricModel& Model(const char* name) {
  for (const MetricModel& m : kMetrics) {
    if (std::string(m.name) == name) return m;
  }
  return kMetrics[0];
}

struct Cell {
  Rate job_alarms;             // jobs with any alarm on an unshifted series
  Rate power;                  // shifted series called a regression
  Rate inconclusive;           // shifted series (or every series, A/A) inconclusive
  Rate t_test;                 // tested series whose p and interval came from a t-test
  std::vector<double> stated;  // detectable effects the shifted series stated
};

Cell RunCell(const Config& config, const Change& change, int jobs, uint64_t salt) {
  Cell cell;
  for (int j = 0; j < jobs; ++j) {
    Comparison comparison = RunJob(config, salt * 1000003 + static_cast<uint64_t>(j), change);
    bool alarm = false;
    for (const SeriesComparison& s : comparison.series) {
      bool is_shifted = change.Touches(s.metric, s.series == SeriesLabel(0) ? 0 : 1);
      if (!is_shifted && IsAlarm(s.verdict)) alarm = true;
      if (is_shifted || change.IsAA()) {
        ++cell.inconclusive.trials;
        if (s.verdict == Verdict::kInconclusive) ++cell.inconclusive.hits;
      }
      if (is_shifted) {
        ++cell.power.trials;
        if (s.verdict == Verdict::kRegression) ++cell.power.hits;
      }
      if (is_shifted) cell.stated.push_back(s.detectable_effect);
      if (s.test != StatisticalTest::kNone) {
        ++cell.t_test.trials;
        if (s.test == StatisticalTest::kPairedT || s.test == StatisticalTest::kWelch)
          ++cell.t_test.hits;
      }
    }
    ++cell.job_alarms.trials;
    if (alarm) ++cell.job_alarms.hits;
  }
  return cell;
}

double MedianOf(std::vector<double> values) {
  if (values.empty()) return NAN;
  std::ranges::sort(values);
  return values[values.size() / 2];
}

std::string Percent(double fraction) {
  if (std::isinf(fraction)) return "  inf";
  if (std::isnan(fraction)) return "  n/a";
  return fmt::format("{:5.1f}%", 100 * fraction);
}

struct DetectableEffects {
  double measured = NAN;  // the shift at which power reaches 80%, interpolated
  double stated = NAN;    // the median stated by the jobs of the grid cell that reached it
};

// The smallest shift at which power reaches 80% on a grid, and what the jobs there stated;
// NaN when even the largest shift of the grid does not reach it.
DetectableEffects MeasureDetectableEffect(const Config& config, const char* metric, uint64_t salt) {
  constexpr double kGrid[] = {0.005, 0.01, 0.015, 0.02, 0.025, 0.03, 0.04,
                              0.05,  0.06, 0.08,  0.1,  0.13,  0.16, 0.2};
  double previous_shift = 0, previous_power = 0;
  for (double shift : kGrid) {
    Cell cell = RunCell(config, {.metric = metric, .shift = shift}, kGridJobs, salt++);
    double power = static_cast<double>(cell.power.hits) / cell.power.trials;
    if (power >= 0.8) {
      return {.measured = previous_shift + (shift - previous_shift) * (0.8 - previous_power) /
                                               (power - previous_power),
              .stated = MedianOf(cell.stated)};
    }
    previous_shift = shift;
    previous_power = power;
  }
  return {};
}

// Changes that touch few series of the job, as a real regression does (one endpoint gets
// slower: its p99 and p50 move), at 2x and 10x the metrics' margins, for the pair counts a
// job can use. Benjamini–Hochberg asks such changes for the smallest p-values.
void PrintFewSeriesTable(uint64_t salt) {
  const MetricModel& p99 = Model("latency_p99");
  const MetricModel& p50 = Model("latency_p50");
  fmt::print("== changes in few of the 10 series (power and inconclusive: the shifted series)\n");
  fmt::print("  {:<26}  {:<34}  {:>22}  {:>22}  {:>22}\n", "", "change", "power (regression)",
             "inconclusive", "jobs w/ other alarm");
  for (const Config& config : kConfigs) {
    if (config.mode == Mode::kStored || config.pairs < 5) continue;
    for (double times : {2.0, 10.0}) {
      const Change changes[] = {
          {.metric = p99.name, .shift = times * p99.margin, .lone = true},
          {.metric = p50.name, .shift = times * p50.margin, .lone = true},
          {.metric = p99.name,
           .shift = times * p99.margin,
           .lone = true,
           .also = p50.name,
           .also_shift = times * p50.margin},
      };
      for (const Change& change : changes) {
        Cell cell = RunCell(config, change, kJobs, salt++);
        std::string what =
            change.also == nullptr
                ? fmt::format("1 series: {} +{:.0f}%", change.metric, 100 * change.shift)
                : fmt::format("2 series: p99 +{:.0f}%, p50 +{:.0f}%", 100 * change.shift,
                              100 * change.also_shift);
        fmt::print("  {:<26}  {:<34}  {}  {}  {}  inconclusive target <= 5%\n", config.label, what,
                   FormatRate(cell.power), FormatRate(cell.inconclusive),
                   FormatRate(cell.job_alarms));
      }
    }
  }
  fmt::print("\n");
}

void PrintTables() {
  constexpr double kShifts[] = {0.01, 0.02, 0.03, 0.05, 0.1};
  fmt::print("perfgate verdict validation: {} jobs per cell, 10 series per job, fdr {}\n", kJobs,
             kFdr);
  fmt::print("rates in percent with 95% Clopper-Pearson intervals\n\n");
  uint64_t salt = 1;
  for (const Config& config : kConfigs) {
    fmt::print("== {}\n", config.label);
    Cell aa = RunCell(config, {}, kJobs, salt++);
    fmt::print("  A/A: jobs with a false alarm {}   (target <= 1%)\n", FormatRate(aa.job_alarms));
    fmt::print("  A/A: series inconclusive     {}   (target <= 5%)\n", FormatRate(aa.inconclusive));
    fmt::print("  A/A: series on a t-test      {}\n", FormatRate(aa.t_test));
    for (const char* metric : {"latency_p99", "latency_p50"}) {
      const MetricModel& m = Model(metric);
      fmt::print("  shift on every {} series (margin {:.1f}%):\n", metric, 100 * m.margin);
      fmt::print("    {:>6}  {:>22}  {:>22}  {:>22}\n", "shift", "power (regression)",
                 "inconclusive", "jobs w/ other alarm");
      for (double shift : kShifts) {
        Cell cell = RunCell(config, {.metric = metric, .shift = shift}, kJobs, salt++);
        std::string target;
        if (config.mode != Mode::kStored &&
            ((std::string(metric) == "latency_p99" && shift == 0.05) ||
             (std::string(metric) == "latency_p50" && shift == 0.02))) {
          target += "  power target >= 90%";
        }
        if (shift >= 2 * m.margin - 1e-12) target += "  inconclusive target <= 5%";
        fmt::print("    {:>5.0f}%  {}  {}  {}{}\n", 100 * shift, FormatRate(cell.power),
                   FormatRate(cell.inconclusive), FormatRate(cell.job_alarms), target);
      }
      Cell lone =
          RunCell(config, {.metric = metric, .shift = 2 * m.margin, .lone = true}, kJobs, salt++);
      fmt::print("    {:>5.0f}%  {}  {}  {}  on series 0 only (a lone change)\n", 200 * m.margin,
                 FormatRate(lone.power), FormatRate(lone.inconclusive),
                 FormatRate(lone.job_alarms));
      DetectableEffects effects = MeasureDetectableEffect(config, metric, salt);
      double stated_mde = effects.stated;
      double measured_mde = effects.measured;
      salt += 100;
      fmt::print(
          "    detectable effect at 80% power: measured {1}, stated there {0} (median), ratio {2}"
          "   (target 0.75 .. 1.25)\n",
          Percent(stated_mde), Percent(measured_mde),
          std::isfinite(stated_mde) && std::isfinite(measured_mde)
              ? fmt::format("{:.2f}", stated_mde / measured_mde)
              : std::string("n/a"));
    }
    fmt::print("\n");
  }
  PrintFewSeriesTable(salt);
}

}  // namespace
}  // namespace perfgate

int main() {
  auto start = std::chrono::steady_clock::now();
  perfgate::PrintTables();
  auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  fmt::print("validation took {:.0f} s\n", seconds);
  return 0;
}
