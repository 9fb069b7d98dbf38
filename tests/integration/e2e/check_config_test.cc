// `perfgate check-config`: every shipped example is valid, and a broken file is reported
// with positions and exit status 1, like promtool.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "integration/e2e/cli_fixture.h"

namespace perfgate::testing {
namespace {

using ::testing::HasSubstr;
using ::testing::MatchesRegex;

TEST(CheckConfigTest, EveryExampleConfigIsValid) {
  TempDir scratch;
  int checked = 0;
  for (const auto& entry :
       std::filesystem::recursive_directory_iterator(SourceDir() + "/examples")) {
    // perfgate's configs; the other YAML files there are the examples' own (compose files).
    std::string name = entry.path().filename().string();
    if (!name.starts_with("perfgate") || entry.path().extension() != ".yaml") continue;
    CliResult result = RunPerfgate({"check-config", entry.path().string()}, scratch);
    EXPECT_EQ(result.exit_code, 0) << entry.path() << "\n" << result.err;
    EXPECT_THAT(result.out, MatchesRegex("ok: [0-9]+ scenarios?, [0-9]+ metrics?\n"));
    EXPECT_EQ(result.err, "") << entry.path();  // not even a caution
    ++checked;
  }
  EXPECT_GT(checked, 0);
}

TEST(CheckConfigTest, ReportsEveryErrorWithItsPositionAndExitsOne) {
  TempDir scratch;
  std::string path = scratch.WriteFile("bad.yaml", R"(repository: { url: /tmp/x }
scenarios:
  - name: api
    environment:
      services:
        - { name: api, command: [./server] }
    load: { command: [wrk], duration: 30, rate: -5 }
    metrics:
      - { name: p99, query: "up{ {{selectr}} }" }
)");
  CliResult result = RunPerfgate({"check-config", path}, scratch);
  EXPECT_EQ(result.exit_code, 1);
  EXPECT_THAT(result.err, HasSubstr(path + ":7:"));
  EXPECT_THAT(result.err, HasSubstr("scenarios[0].load.duration"));
  EXPECT_THAT(result.err, HasSubstr("scenarios[0].load.rate"));
  EXPECT_THAT(result.err, HasSubstr("selectr"));
}

TEST(CheckConfigTest, AValidConfigWhoseRankTestsCannotReachTheLevelIsACaution) {
  TempDir scratch;
  std::string yaml = ReadFile(SourceDir() + "/examples/quickstart/perfgate.yaml");
  const std::string key = "repetitions: 5";
  yaml.replace(yaml.find(key), key.size(), key + "\n    pairs: 5\n    max_pairs: 5");
  std::string path = scratch.WriteFile("perfgate.yaml", yaml);
  CliResult result = RunPerfgate({"check-config", path}, scratch);
  EXPECT_EQ(result.exit_code, 0) << result.err;
  EXPECT_THAT(result.out, MatchesRegex("ok: 1 scenario, 4 metrics\n"));
  EXPECT_THAT(result.err, HasSubstr(path + ": caution: scenarios[0].max_pairs: with 5 pairs"));
  EXPECT_THAT(result.err, HasSubstr("make max_pairs at least 8"));
}

TEST(CheckConfigTest, EveryCommandHasHelpWithAnExample) {
  TempDir scratch;
  for (const char* command :
       {"run", "compare", "history", "jobs", "check-config", "serve", "worker", "enqueue", "show",
        "logs", "cancel", "retry", "replay-webhook"}) {
    CliResult result = RunPerfgate({command, "--help"}, scratch);
    EXPECT_EQ(result.exit_code, 0) << command;
    EXPECT_THAT(result.out, HasSubstr("Example:")) << command;
  }
}

}  // namespace
}  // namespace perfgate::testing
