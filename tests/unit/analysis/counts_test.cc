#include "analysis/counts.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>

namespace perfgate {
namespace {

using Wide = unsigned __int128;

Wide Choose(uint64_t n, uint64_t k) {
  Wide c = 1;
  for (uint64_t i = 1; i <= k; ++i) c = c * (n - k + i) / i;  // exact at every step
  return c;
}

// Fisher's two-sided p by exact integer enumeration: the tables with the same margins
// whose count C(r1, x) C(r2, c1 - x) is at most the observed one, over C(n, c1). Integers
// compare exactly, so this needs no tolerance.
double ReferenceFisher(uint64_t a, uint64_t b, uint64_t c, uint64_t d) {
  uint64_t r1 = a + b, r2 = c + d, c1 = a + c;
  Wide observed = Choose(r1, a) * Choose(r2, c);
  Wide sum = 0;
  for (uint64_t x = c1 > r2 ? c1 - r2 : 0; x <= std::min(r1, c1); ++x) {
    Wide ways = Choose(r1, x) * Choose(r2, c1 - x);
    if (ways <= observed) sum += ways;
  }
  // C(400, 18) < 1e32: every count here fits the 128-bit integers.
  return static_cast<double>(static_cast<long double>(sum) /
                             static_cast<long double>(Choose(r1 + r2, c1)));
}

TEST(FisherExactTest, LadyTastingTea) {
  // Fisher's own example: [[3, 1], [1, 3]]; the five tables have probabilities
  // 1, 16, 36, 16, 1 over 70, so p = (1 + 16 + 16 + 1) / 70 (R: fisher.test gives 0.4857).
  EXPECT_NEAR(FisherExactTwoSidedP(3, 1, 1, 3), 34.0 / 70, 1e-14);
}

TEST(FisherExactTest, PerfectSeparation) {
  // Only the two extreme tables are as unlikely as the observed one: 2 / C(20, 10).
  EXPECT_NEAR(FisherExactTwoSidedP(10, 0, 0, 10), 2.0 / 184756, 1e-18);
}

TEST(FisherExactTest, MatchesIntegerEnumeration) {
  struct Table {
    uint64_t a, b, c, d;
  };
  for (Table t : {Table{1, 9, 11, 3}, Table{0, 10, 5, 5}, Table{2, 7, 8, 2}, Table{5, 0, 1, 4},
                  Table{7, 12, 0, 5}, Table{3, 197, 15, 185}, Table{1, 1999, 1, 1999},
                  Table{0, 500, 9, 491}}) {
    double expected = ReferenceFisher(t.a, t.b, t.c, t.d);
    EXPECT_NEAR(FisherExactTwoSidedP(t.a, t.b, t.c, t.d), expected, 1e-9 * expected + 1e-15)
        << t.a << " " << t.b << " " << t.c << " " << t.d;
  }
}

TEST(FisherExactTest, SymmetricTablesCountEquallyProbableTablesDespiteRounding) {
  // [[1, 2], [2, 1]] and [[2, 1], [1, 2]] have the same probability 9/20; in floating
  // point they may differ in the last bit, and the tolerance must still count both: p = 1.
  EXPECT_NEAR(FisherExactTwoSidedP(1, 2, 2, 1), 1, 1e-12);
  EXPECT_NEAR(FisherExactTwoSidedP(12, 31, 31, 12), ReferenceFisher(12, 31, 31, 12), 1e-12);
}

TEST(FisherExactTest, EmptyMarginsGiveOne) {
  EXPECT_EQ(FisherExactTwoSidedP(0, 0, 3, 4), 1);
  EXPECT_EQ(FisherExactTwoSidedP(0, 5, 0, 7), 1);
  EXPECT_EQ(FisherExactTwoSidedP(0, 0, 0, 0), 1);
}

TEST(CompareCountsTest, RatesAndP) {
  Result<CountComparison> result =
      CompareCounts({.events = 3, .total = 4}, {.events = 1, .total = 4});
  ASSERT_TRUE(result.has_value());
  EXPECT_EQ(result->base_rate, 0.75);
  EXPECT_EQ(result->candidate_rate, 0.25);
  EXPECT_NEAR(result->p_value, 34.0 / 70, 1e-14);
}

TEST(CompareCountsTest, ZeroTotalsAndZeroEvents) {
  Result<CountComparison> empty =
      CompareCounts({.events = 0, .total = 0}, {.events = 0, .total = 10});
  ASSERT_TRUE(empty.has_value());
  EXPECT_TRUE(std::isnan(empty->base_rate));
  EXPECT_EQ(empty->candidate_rate, 0);
  EXPECT_EQ(empty->p_value, 1);
  Result<CountComparison> no_errors =
      CompareCounts({.events = 0, .total = 1000}, {.events = 0, .total = 1000});
  ASSERT_TRUE(no_errors.has_value());
  EXPECT_EQ(no_errors->p_value, 1);
}

TEST(CompareCountsTest, RejectsMoreEventsThanTotal) {
  Result<CountComparison> result =
      CompareCounts({.events = 1, .total = 2}, {.events = 5, .total = 4});
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(result.error().ToString().find("candidate"), std::string::npos);
}

}  // namespace
}  // namespace perfgate
