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
  EXPECT_TRUE(missing["estimate"].is_null());
  EXPECT_TRUE(missing["interval"]["low"].is_null());
  EXPECT_TRUE(missing["p_value"].is_null());
  EXPECT_TRUE(missing["q_value"].is_null());
  EXPECT_TRUE(report["base"]["url"].is_null());
  // An unbounded interval's end and an effect no pair count could detect are infinite.
  const nlohmann::json& inconclusive = report["series"][0];
  EXPECT_TRUE(inconclusive["interval"]["high"].is_null());
  EXPECT_TRUE(inconclusive["detectable_effect"].is_null());
}

TEST(RenderJsonTest, KeepsWhatReRenderingNeeds) {
  StoredComparison stored = testing::SmallComparison();
  nlohmann::json report = nlohmann::json::parse(RenderJson({stored}));
  EXPECT_EQ(report["mode"], "interleaved");
  EXPECT_EQ(report["pair_orders"], "AB,BA,BA,AB,BA");
  EXPECT_EQ(report["seed"], 42);
  const nlohmann::json& regression = report["series"][1];
  EXPECT_EQ(regression["method"], "paired");
  EXPECT_EQ(regression["pairs"], 5);
  EXPECT_EQ(regression["estimate"], 1.0325);
  EXPECT_EQ(regression["interval"]["low"], 0.95);
  EXPECT_EQ(regression["interval"]["confidence"], 0.9375);
  EXPECT_EQ(regression["q_value"], 0.003);
  EXPECT_EQ(regression["margin"], 0.05);
  EXPECT_EQ(regression["detectable_effect"], 0.081);
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
