// A fixture repository and config around the quickstart service: its server is built once
// per test binary, and each test gets a fresh folder with a git repository and a config
// whose scenario fields a test can replace to inject one fault.
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "store/store.h"
#include "support/git_repo.h"
#include "support/temp_dir.h"

namespace perfgate::testing {

inline const std::string kManagedPrometheus = "prometheus: { managed: true, scrape_interval: 1s }";

// YAML flow values of the one scenario of the fixture config.
struct ScenarioYaml {
  std::string build;
  std::string command;
  std::string ready_timeout = "20s";
  std::string repetitions = "2";
  std::string load;
  std::string warmup = "0s";
  std::string duration = "2s";
  std::string rate = "60";
  std::string metric = "requests";
  std::string query;
  std::string unit = "req/s";
  std::string better = "higher";
  std::string threshold = {};  // empty: the default margin
  // More keys of the scenario, one "key: value" per line, e.g. "comparison: stored\n".
  std::string keys = {};
};

class QuickstartFixture : public ::testing::Test {
 protected:
  static void SetUpTestSuite();
  static void TearDownTestSuite();
  void SetUp() override;

  // A scenario that works: the prebuilt quickstart server, wrk through load.lua, and the
  // request rate per endpoint as its one metric.
  static ScenarioYaml GoodScenario();

  // Each side built from its own commit's sources; its one metric every endpoint's median
  // latency with `margin` as the practical margin, compared interleaved: 5 pairs, then up to
  // 10 while a series is inconclusive.
  ScenarioYaml MedianLatencyScenario(const std::string& margin) const;

  // Writes <dir>/perfgate.yaml for the repository and returns its path.
  // `top_level` is added as is, e.g. "workers: 2\njobs: { lease: 3s }\n".
  std::string WriteConfig(const ScenarioYaml& scenario,
                          const std::string& prometheus = kManagedPrometheus,
                          const std::string& top_level = "") const;

  // The same for a repository at `repo_dir`, into `dir`: for fixtures whose repository and
  // config outlive one test.
  static std::string WriteConfigIn(const TempDir& dir, const std::string& repo_dir,
                                   const ScenarioYaml& scenario, const std::string& prometheus,
                                   const std::string& top_level);

  std::string repo_dir() const { return dir_.Path("repo"); }

  // The quickstart's Makefile with every request doing `percent` more work (its
  // EXTRA_WORK_PERCENT knob): a commit of it is a regression of known size.
  static std::string MakefileWithExtraWork(int percent);

  // The quickstart's server as SetUpTestSuite built it, once for the whole test binary.
  static std::string BuiltServer();

  // Interleaved job `job` stored both sides' runs as such: the base's of `base`, the
  // candidate's of `candidate`.
  static void ExpectBothSidesStored(Store& store, JobId job, const std::string& base,
                                    const std::string& candidate);

  // The quickstart's own sources (server.cc, Makefile, load.lua) committed to `repo`.
  static void CommitQuickstartSources(GitRepo& repo, const std::string& message);

  TempDir dir_;
  std::unique_ptr<GitRepo> repo_;

 private:
  static std::unique_ptr<TempDir> build_dir_;  // the quickstart built once: <dir>/server
};

}  // namespace perfgate::testing
