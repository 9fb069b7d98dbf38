// Interleaved comparison on the quickstart service by `perfgate run`: the base and the
// candidate built from their own commits and measured pair by pair in one job. A commit that
// changes no code is unchanged. (A regression measured so, through `perfgate serve`, is
// github_report_test.cc's.)
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "integration/e2e/cli_fixture.h"
#include "integration/e2e/quickstart_fixture.h"
#include "store/store.h"

namespace perfgate::testing {
namespace {

using ::testing::IsEmpty;

class InterleavedTest : public QuickstartFixture {
 protected:
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
};

TEST_F(InterleavedTest, ACommitThatChangesNoCodeIsUnchanged) {
  // The median of a short window moves by several percent from window to window on a shared
  // machine: 10 pairs bound the change within about ±8%, so "unchanged" needs a wider margin
  // than the 3% the GitHub loop's 10% slowdown is tested against.
  nlohmann::json report = RunJob("15%", {"--commit", "main"}, 0);  // its base: main~1

  ASSERT_TRUE(report.is_object());
  EXPECT_EQ(report["mode"], "interleaved");
  ASSERT_EQ(report["series"].size(), 3u);
  for (const auto& series : report["series"]) {
    EXPECT_EQ(series["verdict"], "unchanged") << series.dump();
  }
  auto store = OpenStore("sqlite:perfgate.db", dir_.Path());
  ASSERT_TRUE(store) << store.error().ToString();
  ExpectBothSidesStored(**store, 1, repo_->Git({"rev-parse", "main~1"}).substr(0, 40),
                        repo_->Git({"rev-parse", "main"}).substr(0, 40));
}

}  // namespace
}  // namespace perfgate::testing
