#include "analysis/sequential.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

// References: 2 - 2 Phi(1.959964 / sqrt(t)) evaluated with an independent normal CDF
// (Python's statistics.NormalDist); e.g. t = 0.5 gives 0.0055746, the first-look level of
// a two-look Lan–DeMets O'Brien–Fleming design at alpha 0.05.

TEST(OBrienFlemingSpendingTest, Values) {
  EXPECT_EQ(OBrienFlemingSpending(0.05, 0).value(), 0);
  EXPECT_EQ(OBrienFlemingSpending(0.05, 1).value(), 0.05);
  EXPECT_NEAR(OBrienFlemingSpending(0.05, 0.5).value(), 0.005574596680784432, 1e-14);
  EXPECT_NEAR(OBrienFlemingSpending(0.05, 0.3).value(), 0.00034571958016904565, 1e-15);
}

TEST(OBrienFlemingSpendingTest, IncreasesWithInformation) {
  double previous = 0;
  for (double t = 0.1; t <= 1.0; t += 0.1) {
    double spent = OBrienFlemingSpending(0.05, t).value();
    EXPECT_GT(spent, previous) << t;
    previous = spent;
  }
}

TEST(OBrienFlemingSpendingTest, RejectsBadArguments) {
  EXPECT_EQ(OBrienFlemingSpending(0, 0.5).error().kind, ErrorKind::kInvalidInput);
  EXPECT_FALSE(OBrienFlemingSpending(0.05, 1.5).has_value());
  EXPECT_FALSE(OBrienFlemingSpending(0.05, -0.1).has_value());
}

TEST(NominalAlphaAtLookTest, TwoLooksSpendAlpha) {
  double first = NominalAlphaAtLook(0.05, 0, 5, 10).value();
  double second = NominalAlphaAtLook(0.05, 5, 10, 10).value();
  EXPECT_NEAR(first, 0.005574596680784432, 1e-14);
  EXPECT_NEAR(second, 0.04442540331921557, 1e-14);
  EXPECT_NEAR(first + second, 0.05, 1e-15);
}

TEST(NominalAlphaAtLookTest, MiddleLook) {
  // alpha(0.6) - alpha(0.3) = 0.0110507.
  EXPECT_NEAR(NominalAlphaAtLook(0.05, 3, 6, 10).value(), 0.01105069888514416, 1e-14);
}

TEST(NominalAlphaAtLookTest, RejectsLooksThatAddNothingOrOverrun) {
  EXPECT_FALSE(NominalAlphaAtLook(0.05, 5, 5, 10).has_value());
  EXPECT_FALSE(NominalAlphaAtLook(0.05, 5, 11, 10).has_value());
  EXPECT_EQ(NominalAlphaAtLook(1.5, 0, 5, 10).error().kind, ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace perfgate
