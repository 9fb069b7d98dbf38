// Interleaved comparison on the quickstart service: the base and the candidate built from
// their own commits and measured pair by pair in one job. A commit that makes every request
// do 25% more work (the quickstart's EXTRA_WORK_PERCENT knob) is a regression on every
// endpoint's median; a commit that changes no code is unchanged.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "integration/e2e/cli_fixture.h"
#include "integration/e2e/quickstart_fixture.h"
#include "store/store.h"

namespace perfgate::testing {
namespace {

using ::testing::IsEmpty;
using ::testing::MatchesRegex;

class InterleavedTest : public QuickstartFixture {
 protected:
  void SetUp() override {
    QuickstartFixture::SetUp();  // main~1: the service; main: a commit of notes only
    repo_->Branch("slower");
    // Well beyond the 5% margin: a machine busy with other work widens the pairs' spread,
    // and this test is about the pipeline; bench/quickstart_validation measures how small a
    // change is caught.
    repo_->Commit({{"Makefile", MakefileWithExtraWork(25)}}, "every request does 25% more work");
    repo_->Checkout("main");
  }

  std::string Config(const std::string& margin) {
    return WriteConfig(MedianLatencyScenario(margin));
  }

  nlohmann::json RunJob(const std::string& margin, const std::vector<std::string>& revisions,
                        int expected_exit) {
    std::vector<std::string> args = {"run", "--config", Config(margin), "--format", "json"};
    args.insert(args.end(), revisions.begin(), revisions.end());
    CliResult run = RunPerfgate(args, dir_);
    EXPECT_EQ(run.exit_code, expected_exit) << run.err;
    EXPECT_THAT(ProcessesUsing(dir_.Path()), IsEmpty());
    EXPECT_THAT(ListDir(dir_.Path(".perfgate/worktrees")), IsEmpty());
    return nlohmann::json::parse(run.out, nullptr, /*allow_exceptions=*/false);
  }

  // Both sides of every pair were stored, the base's as such.
  void ExpectBothSidesStored(const std::string& base, const std::string& candidate) {
    auto store = OpenStore("sqlite:perfgate.db", dir_.Path());
    ASSERT_TRUE(store) << store.error().ToString();
    auto runs = (*store)->ListRuns(1);
    ASSERT_TRUE(runs) << runs.error().ToString();
    ASSERT_EQ(runs->size(), 2u);
    EXPECT_EQ((*runs)[0].side, RunSide::kBase);
    EXPECT_EQ((*runs)[0].commit, base);
    EXPECT_EQ((*runs)[1].side, RunSide::kCandidate);
    EXPECT_EQ((*runs)[1].commit, candidate);
  }
};

TEST_F(InterleavedTest, AQuarterMoreWorkIsARegressionOnEveryEndpoint) {
  nlohmann::json report = RunJob("5%", {"--commit", "slower", "--base", "main"}, 1);

  ASSERT_TRUE(report.is_object());
  EXPECT_EQ(report["mode"], "interleaved");
  // Five pairs at least, each drawn AB or BA.
  EXPECT_THAT(report["pair_orders"].get<std::string>(),
              MatchesRegex("svc: (AB|BA)(,(AB|BA)){4,9}"));
  ASSERT_EQ(report["series"].size(), 3u);
  for (const auto& series : report["series"]) {
    EXPECT_EQ(series["verdict"], "regression") << series.dump();
    EXPECT_EQ(series["method"], "paired") << series.dump();
    EXPECT_GT(series["estimate"].get<double>(), 0.05) << series.dump();
  }
  ExpectBothSidesStored(repo_->Git({"rev-parse", "main"}).substr(0, 40),
                        repo_->Git({"rev-parse", "slower"}).substr(0, 40));
}

TEST_F(InterleavedTest, ACommitThatChangesNoCodeIsUnchanged) {
  // The median of a short window moves by several percent from window to window on a shared
  // machine: 10 pairs bound the change within about ±8%, so "unchanged" needs a wider margin
  // than the 5% a 25% slowdown is tested against.
  nlohmann::json report = RunJob("15%", {"--commit", "main"}, 0);  // its base: main~1

  ASSERT_TRUE(report.is_object());
  EXPECT_EQ(report["mode"], "interleaved");
  ASSERT_EQ(report["series"].size(), 3u);
  for (const auto& series : report["series"]) {
    EXPECT_EQ(series["verdict"], "unchanged") << series.dump();
  }
  ExpectBothSidesStored(repo_->Git({"rev-parse", "main~1"}).substr(0, 40),
                        repo_->Git({"rev-parse", "main"}).substr(0, 40));
}

}  // namespace
}  // namespace perfgate::testing
