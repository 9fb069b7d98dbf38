#include "analysis/distributions.h"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <numbers>

namespace perfgate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Normal values: Abramowitz & Stegun table 26.1 and 26.2 (to the digits printed there,
// extended with the standard 16-digit values, e.g. Phi^-1(0.975) = 1.959963984540054).

TEST(NormalCdfTest, TableValues) {
  EXPECT_EQ(NormalCdf(0), 0.5);
  EXPECT_NEAR(NormalCdf(1.96), 0.9750021048517795, 1e-15);
  EXPECT_NEAR(NormalCdf(-3), 0.0013498980316301, 1e-16);
}

TEST(NormalCdfTest, FarTailKeepsRelativePrecision) {
  // Phi(-8) = 6.220960574271785e-16: 1 - Phi(8) computed naively would be 0 or 1.1e-16.
  EXPECT_NEAR(NormalCdf(-8) / 6.220960574271785e-16, 1, 1e-12);
}

TEST(NormalCdfTest, InfinitiesAndNaN) {
  EXPECT_EQ(NormalCdf(-kInfinity), 0);
  EXPECT_EQ(NormalCdf(kInfinity), 1);
  EXPECT_TRUE(std::isnan(NormalCdf(kNaN)));
}

TEST(NormalQuantileTest, TableValues) {
  EXPECT_EQ(NormalQuantile(0.5), 0);
  EXPECT_NEAR(NormalQuantile(0.975), 1.959963984540054, 1e-13);
  EXPECT_NEAR(NormalQuantile(0.995), 2.575829303548901, 1e-13);
  EXPECT_NEAR(NormalQuantile(0.8), 0.8416212335729143, 1e-13);
  EXPECT_NEAR(NormalQuantile(0.02), -2.053748910631823, 1e-13);
  // Far tail, beyond Acklam's central region: Phi^-1(1e-10) = -6.361340902404056.
  EXPECT_NEAR(NormalQuantile(1e-10), -6.361340902404056, 1e-11);
}

TEST(NormalQuantileTest, InvertsTheCdf) {
  for (double p : {1e-300, 1e-12, 0.001, 0.02425, 0.3, 0.5, 0.7, 0.97575, 0.999}) {
    EXPECT_NEAR(NormalCdf(NormalQuantile(p)) / p, 1, 1e-12) << p;
  }
}

TEST(NormalQuantileTest, Bounds) {
  EXPECT_EQ(NormalQuantile(0), -kInfinity);
  EXPECT_EQ(NormalQuantile(1), kInfinity);
  EXPECT_TRUE(std::isnan(NormalQuantile(-0.1)));
  EXPECT_TRUE(std::isnan(NormalQuantile(1.1)));
  EXPECT_TRUE(std::isnan(NormalQuantile(kNaN)));
}

// P(Binomial(n, p) >= k) by direct summation with integer binomial coefficients: equals
// I_p(k, n - k + 1), an identity independent of the continued fraction.
double BinomialUpperTail(int n, int k, double p) {
  double sum = 0;
  for (int j = k; j <= n; ++j) {
    uint64_t choose = 1;
    for (int i = 1; i <= j; ++i) choose = choose * static_cast<uint64_t>(n - j + i) / i;
    sum += static_cast<double>(choose) * std::pow(p, j) * std::pow(1 - p, n - j);
  }
  return sum;
}

TEST(RegularizedIncompleteBetaTest, MatchesBinomialTails) {
  for (int n : {1, 5, 20, 40}) {
    for (int k = 1; k <= n; k += 3) {
      for (double p : {0.01, 0.3, 0.5, 0.9}) {
        double expected = BinomialUpperTail(n, k, p);
        EXPECT_NEAR(RegularizedIncompleteBeta(k, n - k + 1, p), expected, 1e-13 + 1e-11 * expected)
            << "n=" << n << " k=" << k << " p=" << p;
      }
    }
  }
}

TEST(RegularizedIncompleteBetaTest, ArcsineClosedForm) {
  // I_x(1/2, 1/2) = (2/pi) asin(sqrt(x)).
  for (double x : {0.001, 0.25, 0.5, 0.8, 0.999}) {
    EXPECT_NEAR(RegularizedIncompleteBeta(0.5, 0.5, x),
                2 / std::numbers::pi * std::asin(std::sqrt(x)), 1e-14)
        << x;
  }
}

TEST(RegularizedIncompleteBetaTest, EndpointsAndDomain) {
  EXPECT_EQ(RegularizedIncompleteBeta(2, 3, 0), 0);
  EXPECT_EQ(RegularizedIncompleteBeta(2, 3, 1), 1);
  EXPECT_TRUE(std::isnan(RegularizedIncompleteBeta(0, 3, 0.5)));
  EXPECT_TRUE(std::isnan(RegularizedIncompleteBeta(2, -1, 0.5)));
  EXPECT_TRUE(std::isnan(RegularizedIncompleteBeta(2, 3, 1.5)));
  EXPECT_TRUE(std::isnan(RegularizedIncompleteBeta(2, 3, kNaN)));
}

// Student's t references: for integer df, the closed forms of Abramowitz & Stegun 26.7.3
// (odd df) and 26.7.4 (even df), evaluated to 16 digits; t(0.975, 10) = 2.228138851986274
// from the standard table of t quantiles.

TEST(StudentTTest, CauchyAndTwoDegreesOfFreedomClosedForms) {
  for (double t : {-4.0, -1.0, 0.0, 0.3, 2.5, 50.0}) {
    EXPECT_NEAR(StudentTCdf(t, 1), 0.5 + std::atan(t) / std::numbers::pi, 1e-14) << t;
    EXPECT_NEAR(StudentTCdf(t, 2), 0.5 + t / (2 * std::sqrt(2 + t * t)), 1e-14) << t;
  }
}

TEST(StudentTTest, TableValues) {
  EXPECT_NEAR(StudentTCdf(2.228138851986274, 10), 0.975, 1e-14);
  EXPECT_NEAR(StudentTTwoSidedP(2, 8), 0.0805162379572627, 1e-14);
  EXPECT_NEAR(StudentTTwoSidedP(3, 5), 0.030099247897462544, 1e-14);
  EXPECT_NEAR(StudentTTwoSidedP(2, 3), 0.13932596855884305, 1e-14);
  EXPECT_NEAR(StudentTTwoSidedP(0.5, 30), 0.6207230048851272, 1e-14);
  EXPECT_NEAR(StudentTCdf(-6, 4), 1 - 0.9980587314765197, 1e-14);
}

TEST(StudentTTest, SymmetricAndCentred) {
  EXPECT_EQ(StudentTCdf(0, 7.5), 0.5);
  EXPECT_EQ(StudentTTwoSidedP(0, 7.5), 1);
  EXPECT_NEAR(StudentTCdf(-1.7, 7.5) + StudentTCdf(1.7, 7.5), 1, 1e-15);
  EXPECT_EQ(StudentTTwoSidedP(-1.7, 7.5), StudentTTwoSidedP(1.7, 7.5));
}

TEST(StudentTTest, ApproachesTheNormal) {
  // A&S 26.7.5: Phi(t) - F_df(t) = phi(t) (t^3 + t) / (4 df) + O(1 / df^2), which is
  // 0.058441 * 9.489536 / 4e6 = 1.38646e-7 at t = 1.96, df = 1e6.
  EXPECT_NEAR(NormalCdf(1.96) - StudentTCdf(1.96, 1e6), 1.38646e-7, 1e-10);
  EXPECT_EQ(StudentTCdf(1.96, kInfinity), NormalCdf(1.96));
}

TEST(StudentTTest, InfinitiesAndDomain) {
  EXPECT_EQ(StudentTCdf(kInfinity, 3), 1);
  EXPECT_EQ(StudentTCdf(-kInfinity, 3), 0);
  EXPECT_EQ(StudentTTwoSidedP(kInfinity, 3), 0);
  EXPECT_TRUE(std::isnan(StudentTCdf(1, 0)));
  EXPECT_TRUE(std::isnan(StudentTCdf(kNaN, 3)));
  EXPECT_TRUE(std::isnan(StudentTTwoSidedP(1, kNaN)));
}

}  // namespace
}  // namespace perfgate

namespace perfgate {
namespace {

TEST(StudentTQuantileTest, ClosedFormsForOneAndTwoDegreesOfFreedom) {
  // df = 1 is Cauchy: t = tan(pi (p - 1/2)); df = 2: t = (2p - 1) / sqrt(2 p (1 - p)).
  for (double p : {0.0005, 0.025, 0.3, 0.9, 0.975, 0.9995}) {
    EXPECT_NEAR(StudentTQuantile(p, 1) / std::tan(std::numbers::pi * (p - 0.5)), 1, 1e-10) << p;
    EXPECT_NEAR(StudentTQuantile(p, 2) / ((2 * p - 1) / std::sqrt(2 * p * (1 - p))), 1, 1e-10) << p;
  }
}

TEST(StudentTQuantileTest, MatchesPublishedTables) {
  // Student's t table (e.g. NIST/SEMATECH e-Handbook 1.3.6.7.2), six digits.
  EXPECT_NEAR(StudentTQuantile(0.975, 8), 2.306004, 1e-6);
  EXPECT_NEAR(StudentTQuantile(0.95, 8), 1.859548, 1e-6);
  EXPECT_NEAR(StudentTQuantile(0.995, 30), 2.749996, 1e-6);
  EXPECT_NEAR(StudentTQuantile(0.975, 4.5), -StudentTQuantile(0.025, 4.5), 1e-12);
  EXPECT_NEAR(StudentTCdf(StudentTQuantile(0.999, 3.3), 3.3), 0.999, 1e-12);
}

TEST(StudentTQuantileTest, EdgesAndDomain) {
  EXPECT_EQ(StudentTQuantile(0.5, 7), 0);
  EXPECT_EQ(StudentTQuantile(0, 7), -INFINITY);
  EXPECT_EQ(StudentTQuantile(1, 7), INFINITY);
  EXPECT_NEAR(StudentTQuantile(0.975, INFINITY), NormalQuantile(0.975), 1e-12);
  EXPECT_TRUE(std::isnan(StudentTQuantile(1.5, 7)));
  EXPECT_TRUE(std::isnan(StudentTQuantile(0.5, 0)));
  EXPECT_TRUE(std::isnan(StudentTQuantile(NAN, 7)));
}

}  // namespace
}  // namespace perfgate
