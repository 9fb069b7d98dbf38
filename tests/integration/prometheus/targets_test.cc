// Target files on a real disk: their content as file_sd reads it, atomic rewrite, removal.
#include "prometheus/targets.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <nlohmann/json.hpp>

#include "support/temp_dir.h"

namespace perfgate {
namespace {

using testing::ReadFile;
using testing::TempDir;

std::vector<ScrapeTargetGroup> Groups(const std::string& run) {
  return {ScrapeTargetGroup{.addresses = {"127.0.0.1:8013", "127.0.0.1:8002"},
                            .metrics_path = "/debug/metrics",
                            .labels = {{"perfgate_run", run}}}};
}

TEST(TargetFileTest, WritesFileSdJsonWithTheMetricsPathAsLabel) {
  TempDir dir;
  auto file = TargetFile::Create(dir.Path(), "run-7_a", Groups("7"));
  ASSERT_TRUE(file.has_value()) << file.error().ToString();
  EXPECT_EQ(file->path(), dir.Path("run-7_a.json"));
  nlohmann::json expected = nlohmann::json::parse(R"([{
      "targets": ["127.0.0.1:8013", "127.0.0.1:8002"],
      "labels": {"__metrics_path__": "/debug/metrics", "perfgate_run": "7"}}])");
  EXPECT_EQ(nlohmann::json::parse(ReadFile(file->path())), expected);
}

TEST(TargetFileTest, UpdateRewritesInPlaceWithoutLeavingATemporaryFile) {
  TempDir dir;
  auto file = TargetFile::Create(dir.Path(), "run", Groups("1"));
  ASSERT_TRUE(file.has_value()) << file.error().ToString();
  ASSERT_TRUE(file->Update(Groups("2")).has_value());
  nlohmann::json written = nlohmann::json::parse(ReadFile(file->path()));
  EXPECT_EQ(written[0]["labels"]["perfgate_run"], "2");
  EXPECT_FALSE(std::filesystem::exists(file->path() + ".tmp"));
  EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir.path()), {}), 1);
}

TEST(TargetFileTest, DestructorRemovesTheFile) {
  TempDir dir;
  std::string path;
  {
    auto file = TargetFile::Create(dir.Path(), "run", Groups("1"));
    ASSERT_TRUE(file.has_value()) << file.error().ToString();
    path = file->path();
    ASSERT_TRUE(std::filesystem::exists(path));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
}

TEST(TargetFileTest, MovedFileIsRemovedOnceByItsLastOwner) {
  TempDir dir;
  auto first = TargetFile::Create(dir.Path(), "first", Groups("1"));
  auto second = TargetFile::Create(dir.Path(), "second", Groups("2"));
  ASSERT_TRUE(first.has_value() && second.has_value());
  std::string first_path = first->path();
  std::string second_path = second->path();
  {
    TargetFile owner = std::move(*first);
    EXPECT_TRUE(std::filesystem::exists(first_path));
    owner = std::move(*second);  // the file owned before is no longer wanted
    EXPECT_FALSE(std::filesystem::exists(first_path));
    EXPECT_TRUE(std::filesystem::exists(second_path));
  }
  EXPECT_FALSE(std::filesystem::exists(second_path));
}

TEST(TargetFileTest, InvalidNameIsInvalidInput) {
  TempDir dir;
  for (const char* name : {"", "../escape", "a b", "x.json"}) {
    auto file = TargetFile::Create(dir.Path(), name, Groups("1"));
    ASSERT_FALSE(file.has_value()) << name;
    EXPECT_EQ(file.error().kind, ErrorKind::kInvalidInput) << name;
    EXPECT_FALSE(file.error().fix.empty());
  }
}

TEST(TargetFileTest, MissingDirectoryIsFailedPrecondition) {
  TempDir dir;
  auto file = TargetFile::Create(dir.Path("missing"), "run", Groups("1"));
  ASSERT_FALSE(file.has_value());
  EXPECT_EQ(file.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_NE(file.error().where.find(dir.Path("missing")), std::string::npos);
}

}  // namespace
}  // namespace perfgate
