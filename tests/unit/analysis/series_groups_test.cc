#include "analysis/series_groups.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <optional>
#include <vector>

namespace perfgate {
namespace {

using ::testing::ElementsAre;
using ::testing::IsNan;

Sample At(int repetition, std::optional<double> value) {
  Sample sample;
  sample.repetition = repetition;
  sample.value = value;
  return sample;
}

std::vector<const Sample*> Pointers(const std::vector<Sample>& samples) {
  std::vector<const Sample*> pointers;
  for (const Sample& s : samples) pointers.push_back(&s);
  return pointers;
}

TEST(AlignByRepetitionTest, PairsByRepetitionWithNaNWhereASideHasNone) {
  std::vector<Sample> base = {At(0, 1), At(2, 3), At(1, std::nullopt)};
  std::vector<Sample> candidate = {At(3, 40), At(0, 10), At(2, 30)};
  AlignedPairs pairs = AlignByRepetition(Pointers(base), Pointers(candidate));
  EXPECT_THAT(pairs.base, ElementsAre(1, IsNan(), 3, IsNan()));
  EXPECT_THAT(pairs.candidate, ElementsAre(10, IsNan(), 30, 40));
}

TEST(AlignByRepetitionTest, ARepetitionSeenTwiceKeepsItsFirstSample) {
  std::vector<Sample> base = {At(0, 1), At(0, 2)};
  std::vector<Sample> candidate = {At(0, 5)};
  AlignedPairs pairs = AlignByRepetition(Pointers(base), Pointers(candidate));
  EXPECT_THAT(pairs.base, ElementsAre(1));
  EXPECT_THAT(pairs.candidate, ElementsAre(5));
}

TEST(PresentValuesTest, LeavesMissingSamplesOut) {
  std::vector<Sample> samples = {At(0, 2), At(1, std::nullopt), At(2, 0)};
  EXPECT_THAT(PresentValues(Pointers(samples)), ElementsAre(2, 0));
}

}  // namespace
}  // namespace perfgate
