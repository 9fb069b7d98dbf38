#include "prometheus/targets.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

TEST(SelectorTest, SortedMatchersWithoutBraces) {
  EXPECT_EQ(Selector({{"perfgate_run", "7"}, {"perfgate_job", "3"}, {"perfgate_rep", "0"}}),
            R"(perfgate_job="3",perfgate_rep="0",perfgate_run="7")");
}

TEST(SelectorTest, EscapesValuesLikePromqlStrings) {
  EXPECT_EQ(Selector({{"a", "say \"hi\"\\\n"}}), R"(a="say \"hi\"\\\n")");
}

TEST(SelectorTest, EmptyLabelsGiveAnEmptySelector) { EXPECT_EQ(Selector({}), ""); }

}  // namespace
}  // namespace perfgate
