#include "report/sample_plot.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <regex>

#include "unit/report/report_fixture.h"

namespace perfgate {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

SeriesComparison Series(std::vector<double> base, std::vector<double> candidate) {
  return testing::MakeSeries("latency_p99", "{}", "s", Better::kLower, std::move(base),
                             std::move(candidate), testing::kNaN, testing::kNaN, {},
                             Verdict::kRegression);
}

// The cx of every dot of `side`, in order.
std::vector<double> DotsOf(const std::string& svg, const std::string& side) {
  std::regex dot("<circle class=\"" + side + "\" cx=\"([0-9.]+)\"");
  std::vector<double> xs;
  for (auto it = std::sregex_iterator(svg.begin(), svg.end(), dot); it != std::sregex_iterator();
       ++it) {
    xs.push_back(std::stod((*it)[1]));
  }
  return xs;
}

TEST(SamplePlotTest, BothSidesShareOneScaleFromTheSmallestToTheLargestValue) {
  std::string svg = SamplePlotSvg(Series({0.001, 0.002}, {0.003, 0.005}));
  EXPECT_EQ(DotsOf(svg, "base"), (std::vector<double>{6.0, 33.0}));
  EXPECT_EQ(DotsOf(svg, "candidate"), (std::vector<double>{60.0, 114.0}));
  // Each side's median, across its row.
  EXPECT_THAT(svg, HasSubstr(R"(<line class="median" x1="19.5" x2="19.5")"));
  EXPECT_THAT(svg, HasSubstr(R"(<line class="median" x1="87.0" x2="87.0")"));
  EXPECT_THAT(svg, HasSubstr(R"(width="120" height="30" role="img")"));
}

TEST(SamplePlotTest, SaysWhatItShowsInTheSeriesUnit) {
  std::string svg = SamplePlotSvg(Series({0.0012, 0.0013, 0.00125}, {0.0025}));
  std::string text =
      "base: 3 windows, 1.20 ms – 1.30 ms, median 1.25 ms; candidate: 1 window, 2.50 ms, median "
      "2.50 ms";
  EXPECT_THAT(svg, HasSubstr("aria-label=\"" + text + "\""));
  EXPECT_THAT(svg, HasSubstr("<title>" + text + "</title>"));
}

TEST(SamplePlotTest, ASideWithoutValuesHasAnEmptyRow) {
  std::string svg = SamplePlotSvg(Series({}, {0.0025, 0.0025}));
  EXPECT_THAT(svg, HasSubstr("base: no values"));
  EXPECT_TRUE(DotsOf(svg, "base").empty());
  // Without spread, every dot is in the middle.
  EXPECT_EQ(DotsOf(svg, "candidate"), (std::vector<double>{60.0, 60.0}));
  EXPECT_THAT(SamplePlotSvg(Series({}, {})), Not(HasSubstr("<circle")));
}

}  // namespace
}  // namespace perfgate
