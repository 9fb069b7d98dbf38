#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/report.h"
#include "unit/report/report_fixture.h"

namespace perfgate {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(RenderMarkdownTest, MatchesGolden) {
  StoredComparison stored = testing::SmallComparison();
  testing::ExpectGolden(RenderMarkdown({stored, "https://github.com/acme/api.git"}), "comment.md");
}

TEST(RenderMarkdownTest, PlainCommitsWithoutAWebRepository) {
  StoredComparison stored = testing::SmallComparison();
  std::string out = RenderMarkdown({stored});
  EXPECT_THAT(out, HasSubstr("Candidate `1a2b3c4` (job 12) vs base `9f8e7d6` (job 11)."));
  EXPECT_THAT(out, Not(HasSubstr("](")));
}

TEST(RenderMarkdownTest, EscapesPipesAndHtmlInLabels) {
  StoredComparison stored =
      testing::ComparisonWithSeriesLabel(R"({path="/a|b<script>",q="x_*y*"})");
  std::string out = RenderMarkdown({stored});
  EXPECT_THAT(out, HasSubstr(R"({path="/a\|b&lt;script&gt;",q="x\_\*y\*"})"));
  EXPECT_THAT(out, Not(HasSubstr("<script>")));
}

TEST(RenderMarkdownTest, NoChangedTableWhenEverythingIsUnchanged) {
  StoredComparison stored = testing::ComparisonWithSeriesLabel("{}");
  std::string out = RenderMarkdown({stored});
  EXPECT_THAT(out, HasSubstr("### :white_check_mark: perfgate: no regression, 1 unchanged"));
  // The one table is the folded one.
  EXPECT_EQ(out.find("| scenario |"), out.rfind("| scenario |"));
  EXPECT_LT(out.find("<details>"), out.find("| scenario |"));
}

TEST(MarkdownCodeBlockTest, KeepsTheLinesInAFenceNoBacktickInsideCanClose) {
  EXPECT_EQ(MarkdownCodeBlock("a *b*\nc_d_"), "```text\na *b*\nc_d_\n```\n");
  EXPECT_EQ(MarkdownCodeBlock("ends with its newline\n"), "```text\nends with its newline\n```\n");
  EXPECT_EQ(MarkdownCodeBlock("`make` printed ```"), "````text\n`make` printed ```\n````\n");
  EXPECT_EQ(MarkdownCodeBlock(""), "```text\n```\n");
}

}  // namespace
}  // namespace perfgate
