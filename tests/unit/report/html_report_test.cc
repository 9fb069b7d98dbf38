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

TEST(RenderHtmlTest, NoTableWithoutSeries) {
  StoredComparison stored = testing::SmallComparison();
  stored.comparison.series.clear();
  std::string out = RenderHtml({stored});
  EXPECT_THAT(out, HasSubstr("no series compared"));
  EXPECT_THAT(out, Not(HasSubstr("<table")));
}

}  // namespace
}  // namespace perfgate
