// Each testdata/<name>.bad.yaml must fail with exactly the text of testdata/<name>.errors.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "config/config.h"
#include "support/source_dir.h"
#include "support/temp_dir.h"

namespace perfgate {
namespace {

constexpr std::string_view kBadSuffix = ".bad.yaml";

std::filesystem::path TestdataDir() {
  return std::filesystem::path(testing::SourceDir()) / "tests/unit/config/testdata";
}

std::vector<std::string> BadConfigNames() {
  std::vector<std::string> names;
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(TestdataDir(), error)) {
    std::string file = entry.path().filename().string();
    if (file.ends_with(kBadSuffix))
      names.push_back(file.substr(0, file.size() - kBadSuffix.size()));
  }
  std::ranges::sort(names);
  return names;
}

class BadConfigTest : public ::testing::TestWithParam<std::string> {};

TEST_P(BadConfigTest, ReportsExactlyTheExpectedErrors) {
  std::string file = GetParam() + std::string(kBadSuffix);
  std::string text = testing::ReadFile((TestdataDir() / file).string());
  ASSERT_FALSE(text.empty()) << "cannot read " << file;
  std::string expected = testing::ReadFile((TestdataDir() / (GetParam() + ".errors")).string());
  ASSERT_FALSE(expected.empty()) << "missing " << GetParam() << ".errors";

  auto config = ParseConfig(text, file);
  ASSERT_FALSE(config.has_value()) << file << " was accepted";
  EXPECT_EQ(config.error().ToString(), expected);
  for (const Error& error : config.error().errors) {
    EXPECT_EQ(error.kind, ErrorKind::kInvalidInput) << error.ToString();
    EXPECT_FALSE(error.fix.empty()) << error.ToString();
  }
}

INSTANTIATE_TEST_SUITE_P(Testdata, BadConfigTest, ::testing::ValuesIn(BadConfigNames()),
                         [](const auto& info) {
                           std::string name = info.param;
                           std::ranges::replace(name, '-', '_');
                           return name;
                         });

TEST(BadConfigTestdataTest, IsNotEmpty) { EXPECT_GE(BadConfigNames().size(), 13u); }

}  // namespace
}  // namespace perfgate
