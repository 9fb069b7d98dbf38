#include "store/columns.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace perfgate {
namespace {

TEST(ColumnsTest, TimesAreUnixMilliseconds) {
  TimePoint time = FromUnixMillis(1'700'000'000'123);
  EXPECT_EQ(ToUnixMillis(time), 1'700'000'000'123);
  EXPECT_EQ(ToUnixMillis(time + std::chrono::microseconds(999)), 1'700'000'000'123);
}

TEST(ColumnsTest, StringListRoundTrips) {
  std::vector<std::string> scenarios = {"http-api", "with \"quotes\"", ""};
  std::string text = EncodeStringList(scenarios);
  Result<std::vector<std::string>> decoded = DecodeStringList(text, "jobs.scenarios");
  ASSERT_TRUE(decoded) << decoded.error().ToString();
  EXPECT_EQ(*decoded, scenarios);
  EXPECT_EQ(EncodeStringList({}), "[]");
}

TEST(ColumnsTest, NumberListKeepsValuesAndNaN) {
  std::vector<double> values = {0.125, -3, 1e-9, std::nan("")};
  std::string text = EncodeNumberList(values);
  Result<std::vector<double>> decoded = DecodeNumberList(text, "base_values");
  ASSERT_TRUE(decoded) << decoded.error().ToString();
  ASSERT_EQ(decoded->size(), 4u);
  EXPECT_EQ((*decoded)[0], 0.125);
  EXPECT_EQ((*decoded)[1], -3);
  EXPECT_EQ((*decoded)[2], 1e-9);
  EXPECT_TRUE(std::isnan((*decoded)[3]));
}

TEST(ColumnsTest, InfinityIsWrittenAsNull) {
  EXPECT_EQ(EncodeNumberList({std::numeric_limits<double>::infinity()}), "[null]");
}

TEST(ColumnsTest, MalformedListsAreInternalErrorsNamingTheColumn) {
  Result<std::vector<std::string>> not_json = DecodeStringList("[\"a\"", "jobs.scenarios");
  ASSERT_FALSE(not_json);
  EXPECT_EQ(not_json.error().kind, ErrorKind::kInternal);
  EXPECT_NE(not_json.error().what.find("jobs.scenarios"), std::string::npos);

  EXPECT_FALSE(DecodeStringList("{\"a\": 1}", "jobs.scenarios"));
  EXPECT_FALSE(DecodeStringList("[1]", "jobs.scenarios"));
  EXPECT_FALSE(DecodeNumberList("[\"1\"]", "base_values"));
}

}  // namespace
}  // namespace perfgate
