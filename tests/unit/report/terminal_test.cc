#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "report/report.h"
#include "report/table.h"
#include "unit/report/report_fixture.h"

namespace perfgate {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(RenderTerminalTest, MatchesGoldenWithoutColor) {
  StoredComparison stored = testing::SmallComparison();
  testing::ExpectGolden(RenderTerminal({stored}, false), "terminal.txt");
}

TEST(RenderTerminalTest, NoEscapeCodesWithoutColor) {
  StoredComparison stored = testing::SmallComparison();
  EXPECT_THAT(RenderTerminal({stored}, false), Not(HasSubstr("\x1b[")));
}

TEST(RenderTerminalTest, ColorsVerdictsWhenAsked) {
  StoredComparison stored = testing::SmallComparison();
  std::string out = RenderTerminal({stored}, true);
  EXPECT_THAT(out, HasSubstr("\x1b[1;31mregression\x1b[0m"));
  EXPECT_THAT(out, HasSubstr("\x1b[32mimprovement\x1b[0m"));
  EXPECT_THAT(out, HasSubstr("\x1b[33minconclusive\x1b[0m"));
}

TEST(RenderTerminalTest, ColorDoesNotChangeTheText) {
  StoredComparison stored = testing::SmallComparison();
  std::string colored = RenderTerminal({stored}, true);
  std::string plain;
  for (size_t i = 0; i < colored.size(); ++i) {
    if (colored[i] == '\x1b') {
      i = colored.find('m', i);
      continue;
    }
    plain += colored[i];
  }
  EXPECT_EQ(plain, RenderTerminal({stored}, false));
}

TEST(RenderTerminalTest, ControlCharactersInLabelsCannotReachTheTerminal) {
  StoredComparison stored = testing::ComparisonWithSeriesLabel("{path=\"/\x1b[2J\"}");
  std::string out = RenderTerminal({stored}, false);
  EXPECT_THAT(out, HasSubstr("{path=\"/?[2J\"}"));
  EXPECT_THAT(out, Not(HasSubstr("\x1b")));
}

TEST(SeriesNoteTest, InconclusiveSeriesSayWhatTheyCouldDetect) {
  StoredComparison stored = testing::SmallComparison();
  SeriesComparison s = stored.comparison.series[0];
  EXPECT_EQ(SeriesNote(s), "no change is detectable with 3 pairs at this level");
  s.detectable_effect = 0.0412;
  s.note = "1 pair(s) left out: a side missing or <= 0";
  EXPECT_EQ(SeriesNote(s),
            "detectable: changes of 4.1% or more with 3 pairs; 1 pair(s) left out: a side "
            "missing or <= 0");
  s.method = ComparisonMethod::kUnpaired;
  s.note.clear();
  EXPECT_EQ(SeriesNote(s), "detectable: changes of 4.1% or more with 3 vs 3 windows");
  s.verdict = Verdict::kUnchanged;
  EXPECT_EQ(SeriesNote(s), "");
}

TEST(RenderTerminalTest, EmptyComparisonIsTheSummaryAlone) {
  StoredComparison stored = testing::SmallComparison();
  stored.comparison.series.clear();
  EXPECT_EQ(RenderTerminal({stored}, false),
            "perfgate: candidate 1a2b3c4 (job 12) vs base 9f8e7d6 (job 11): no series "
            "compared\n");
}

}  // namespace
}  // namespace perfgate
