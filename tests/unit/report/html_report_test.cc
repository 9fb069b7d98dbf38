#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/report.h"
#include "unit/report/report_fixture.h"

namespace perfgate {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(RenderHtmlTest, MatchesGolden) {
  StoredComparison stored = testing::SmallComparison();
  testing::ExpectGolden(RenderHtml({stored, "https://github.com/acme/api.git"}), "comparison.html");
}

TEST(RenderHtmlTest, EscapesLabelsAndNotes) {
  StoredComparison stored =
      testing::ComparisonWithSeriesLabel(R"({path="<script>alert(1)</script>",q="a&b"})");
  stored.comparison.series[0].note = "<img src=x onerror=alert(1)>";
  std::string out = RenderHtml({stored});
  EXPECT_THAT(
      out,
      HasSubstr("{path=&quot;&lt;script&gt;alert(1)&lt;/script&gt;&quot;,q=&quot;a&amp;b&quot;}"));
  EXPECT_THAT(out, HasSubstr("&lt;img src=x onerror=alert(1)&gt;"));
  EXPECT_THAT(out, Not(HasSubstr("<script>")));
  EXPECT_THAT(out, Not(HasSubstr("<img")));
}

TEST(RenderHtmlTest, EachRowIsColouredByItsVerdict) {
  StoredComparison stored = testing::SmallComparison();
  std::string out = RenderHtml({stored});
  for (const char* verdict :
       {"regression", "improvement", "unchanged", "inconclusive", "missing"}) {
    EXPECT_THAT(out, HasSubstr(std::string("<tr class=\"verdict-") + verdict + "\">")) << verdict;
  }
  // Regressions first, as every report lists them.
  EXPECT_LT(out.find("<tr class=\"verdict-regression\">"),
            out.find("<tr class=\"verdict-unchanged\">"));
}

TEST(RenderHtmlTest, EveryColumnButTheSamplesSortsByWhatItShows) {
  StoredComparison stored = testing::SmallComparison();
  std::string out = RenderHtml({stored});
  EXPECT_THAT(out, HasSubstr(R"(<table class="series" data-sortable>)"));
  EXPECT_THAT(out, HasSubstr(R"(<th data-sort="text">series</th>)"));
  EXPECT_THAT(out, HasSubstr(R"(<th class="num" data-sort="number">p</th>)"));
  EXPECT_THAT(out, HasSubstr("<th>samples</th>"));
  // Numbers by their value, verdicts in report order; an unknown value has none, an unbounded
  // interval's low end is -100%.
  EXPECT_THAT(out, HasSubstr(R"(<td class="num" data-value="1.0325">+103.2%</td>)"));
  EXPECT_THAT(out, HasSubstr(R"(<td class="num" data-value="0.0625">0.062</td>)"));
  EXPECT_THAT(out, HasSubstr(R"(<td data-value="0"><span class="badge verdict-regression">)"));
  EXPECT_THAT(out, HasSubstr(R"(<td class="num">n/a</td>)"));
  EXPECT_THAT(out, HasSubstr(R"(<td class="num" data-value="-1">unbounded</td>)"));
}

TEST(RenderHtmlTest, EachSeriesHasItsSamplesDrawn) {
  StoredComparison stored = testing::SmallComparison();
  std::string out = RenderHtml({stored});
  size_t rows = 0;
  for (size_t at = out.find("<tr class="); at != std::string::npos;
       at = out.find("<tr class=", at + 1), ++rows) {
    EXPECT_NE(out.find("<svg class=\"samples\"", at), std::string::npos);
  }
  EXPECT_EQ(rows, stored.comparison.series.size());
  EXPECT_THAT(out, HasSubstr("base: 3 windows, 1.21 ms – 1.25 ms, median 1.23 ms"));
}

TEST(RenderHtmlTest, NoTableWithoutSeries) {
  StoredComparison stored = testing::SmallComparison();
  stored.comparison.series.clear();
  std::string out = RenderHtml({stored});
  EXPECT_THAT(out, HasSubstr("no series compared"));
  EXPECT_THAT(out, Not(HasSubstr("<table")));
}

}  // namespace
}  // namespace perfgate
