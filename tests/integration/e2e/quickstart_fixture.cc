#include "integration/e2e/quickstart_fixture.h"

#include <fmt/format.h>

#include <filesystem>
#include <regex>

#include "integration/e2e/cli_fixture.h"
#include "process/subprocess.h"

namespace perfgate::testing {
namespace {

std::string QuickstartFile(const std::string& name) {
  return SourceDir() + "/examples/quickstart/" + name;
}

// Each line of `lines` with `indent` before it.
std::string Indented(const std::string& lines, const std::string& indent) {
  std::string result;
  size_t start = 0;
  while (start < lines.size()) {
    size_t end = lines.find('\n', start);
    if (end == std::string::npos) end = lines.size();
    result += indent + lines.substr(start, end - start) + "\n";
    start = end + 1;
  }
  return result;
}

}  // namespace

std::unique_ptr<TempDir> QuickstartFixture::build_dir_;

void QuickstartFixture::SetUpTestSuite() {
  build_dir_ = std::make_unique<TempDir>();
  for (const char* name : {"server.cc", "Makefile"}) {
    std::filesystem::copy_file(QuickstartFile(name), build_dir_->Path(name));
  }
  ProcessSpec make{{"make", "-C", build_dir_->Path()}, "", {}, build_dir_->Path("make.log")};
  auto built = RunToCompletion(make, std::chrono::minutes(5));
  ASSERT_TRUE(built) << built.error().ToString();
}

void QuickstartFixture::TearDownTestSuite() { build_dir_.reset(); }

void QuickstartFixture::SetUp() {
  repo_ = std::make_unique<GitRepo>(repo_dir());
  CommitQuickstartSources(*repo_, "quickstart service");
  repo_->Commit({{"NOTES", "a second commit, so that main has a base\n"}}, "notes");
}

void QuickstartFixture::CommitQuickstartSources(GitRepo& repo, const std::string& message) {
  std::map<std::string, std::string> files;
  for (const char* name : {"server.cc", "Makefile", "load.lua"}) {
    files[name] = ReadFile(QuickstartFile(name));
  }
  repo.Commit(files, message);
}

std::string QuickstartFixture::BuiltServer() { return build_dir_->Path("server"); }

std::string QuickstartFixture::MakefileWithExtraWork(int percent) {
  return std::regex_replace(ReadFile(QuickstartFile("Makefile")),
                            std::regex("EXTRA_WORK_PERCENT \\?= 0"),
                            "EXTRA_WORK_PERCENT ?= " + std::to_string(percent));
}

void QuickstartFixture::ExpectBothSidesStored(Store& store, JobId job, const std::string& base,
                                              const std::string& candidate) {
  auto runs = store.ListRuns(job);
  ASSERT_TRUE(runs) << runs.error().ToString();
  ASSERT_EQ(runs->size(), 2u);
  EXPECT_EQ((*runs)[0].side, RunSide::kBase);
  EXPECT_EQ((*runs)[0].commit, base);
  EXPECT_EQ((*runs)[1].side, RunSide::kCandidate);
  EXPECT_EQ((*runs)[1].commit, candidate);
}

ScenarioYaml QuickstartFixture::GoodScenario() {
  ScenarioYaml scenario;
  scenario.build = fmt::format("[cp, \"{}\", server]", BuiltServer());
  scenario.command = R"([./server, --listen, "127.0.0.1:{{port.api}}"])";
  scenario.load =
      R"([wrk, -t1, -c2, -d, "{{duration}}", -s, load.lua, "http://127.0.0.1:{{port.api}}", --, "{{rate}}", "2"])";
  scenario.query = "sum by (endpoint) (rate(http_requests_total{ {{selector}} }[{{window}}]))";
  return scenario;
}

ScenarioYaml QuickstartFixture::MedianLatencyScenario(const std::string& margin) const {
  ScenarioYaml scenario = GoodScenario();
  scenario.build = "[make, -s, server]";
  // Enough requests per window (about 600 per endpoint) for a steady median.
  scenario.warmup = "1s";
  scenario.duration = "3s";
  scenario.rate = "600";
  scenario.metric = "latency_p50";
  scenario.query =
      "histogram_quantile(0.5, sum by (le, endpoint) "
      "(rate(http_request_duration_seconds_bucket{ {{selector}} }[{{window}}])))";
  scenario.unit = "s";
  scenario.better = "lower";
  scenario.threshold = margin;
  scenario.keys = "comparison: interleaved\npairs: 5\nmax_pairs: 10\n";
  return scenario;
}

std::string QuickstartFixture::WriteConfig(const ScenarioYaml& scenario,
                                           const std::string& prometheus,
                                           const std::string& top_level) const {
  return WriteConfigIn(dir_, repo_dir(), scenario, prometheus, top_level);
}

std::string QuickstartFixture::WriteConfigIn(const TempDir& dir, const std::string& repo_dir,
                                             const ScenarioYaml& s, const std::string& prometheus,
                                             const std::string& top_level) {
  std::string yaml = fmt::format(
      R"(repository: {{ url: "{repo}", default_branch: main }}
storage: sqlite:perfgate.db
{prometheus}
{top_level}
scenarios:
  - name: svc
    repetitions: {repetitions}
{keys}    environment:
      type: process
      build: {build}
      services:
        - name: api
          command: {command}
          ready: {{ http: "http://127.0.0.1:{{{{port.api}}}}/healthz", timeout: {ready_timeout} }}
          scrape: "127.0.0.1:{{{{port.api}}}}"
    load:
      type: command
      command: {load}
      warmup: {warmup}
      duration: {duration}
      rate: {rate}
    metrics:
      - name: {metric}
        query: '{query}'
        unit: {unit}
        better: {better}
{threshold})",
      fmt::arg("repo", repo_dir), fmt::arg("repetitions", s.repetitions),
      fmt::arg("prometheus", prometheus), fmt::arg("top_level", top_level),
      fmt::arg("build", s.build), fmt::arg("command", s.command),
      fmt::arg("ready_timeout", s.ready_timeout), fmt::arg("load", s.load),
      fmt::arg("warmup", s.warmup), fmt::arg("duration", s.duration), fmt::arg("rate", s.rate),
      fmt::arg("metric", s.metric), fmt::arg("query", s.query), fmt::arg("unit", s.unit),
      fmt::arg("better", s.better),
      fmt::arg("threshold", s.threshold.empty() ? "" : "        threshold: " + s.threshold + "\n"),
      fmt::arg("keys", Indented(s.keys, "    ")));
  return dir.WriteFile("perfgate.yaml", yaml);
}

}  // namespace perfgate::testing
