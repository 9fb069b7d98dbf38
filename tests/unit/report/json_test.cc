#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "report/report.h"
#include "unit/report/report_fixture.h"

namespace perfgate {
namespace {

TEST(RenderJsonTest, MatchesGolden) {
  StoredComparison stored = testing::SmallComparison();
  testing::ExpectGolden(RenderJson({stored, "https://github.com/acme/api.git"}), "report.json");
}

TEST(RenderJsonTest, UnknownNumbersAreNull) {
  StoredComparison stored = testing::SmallComparison();
  nlohmann::json report = nlohmann::json::parse(RenderJson({stored}));
  const nlohmann::json& missing = report["series"][3];
  ASSERT_EQ(missing["verdict"], "missing");
  EXPECT_TRUE(missing["base"]["median"].is_null());
  EXPECT_TRUE(missing["change"].is_null());
  EXPECT_TRUE(missing["p_value"].is_null());
  EXPECT_TRUE(report["base"]["url"].is_null());
}

TEST(RenderJsonTest, KeepsEverySeriesAndValue) {
  StoredComparison stored = testing::SmallComparison();
  nlohmann::json report = nlohmann::json::parse(RenderJson({stored}));
  ASSERT_EQ(report["series"].size(), stored.comparison.series.size());
  EXPECT_EQ(report["series"][1]["base"]["values"].get<std::vector<double>>(),
            stored.comparison.series[1].base_values);
  EXPECT_EQ(report["counts"]["regression"], 1);
  EXPECT_EQ(report["candidate"]["job"], 12);
}

TEST(RenderJsonTest, InvalidUtf8InLabelsDoesNotThrow) {
  StoredComparison stored = testing::ComparisonWithSeriesLabel("{path=\"\xff\"}");
  EXPECT_NO_THROW(nlohmann::json::parse(RenderJson({stored})));
}

}  // namespace
}  // namespace perfgate
