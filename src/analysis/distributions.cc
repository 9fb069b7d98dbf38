#include "analysis/distributions.h"

#include <array>
#include <cmath>
#include <limits>
#include <numbers>

namespace perfgate {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInfinity = std::numeric_limits<double>::infinity();

// Acklam's coefficients: a central rational function for p in [kLowTail, 1 - kLowTail] and
// one in sqrt(-2 log p) for the tails.
constexpr double kLowTail = 0.02425;
constexpr std::array<double, 6> kCentralNumerator = {-3.969683028665376e+01, 2.209460984245205e+02,
                                                     -2.759285104469687e+02, 1.383577518672690e+02,
                                                     -3.066479806614716e+01, 2.506628277459239e+00};
constexpr std::array<double, 5> kCentralDenominator = {
    -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
    -1.328068155288572e+01};
constexpr std::array<double, 6> kTailNumerator = {-7.784894002430293e-03, -3.223964580411365e-01,
                                                  -2.400758277161838e+00, -2.549732539343734e+00,
                                                  4.374664141464968e+00,  2.938163982698783e+00};
constexpr std::array<double, 4> kTailDenominator = {7.784695709041462e-03, 3.224671290700398e-01,
                                                    2.445134137142996e+00, 3.754408661907416e+00};

// c[0] x^(N-1) + ... + c[N-1], by Horner's rule.
template <size_t N>
double Polynomial(const std::array<double, N>& c, double x) {
  double sum = 0;
  for (double coefficient : c) sum = sum * x + coefficient;
  return sum;
}

double AcklamQuantile(double p) {
  if (p < kLowTail || p > 1 - kLowTail) {
    // Symmetric tails: compute the lower one and flip the sign for the upper.
    double q = std::sqrt(-2 * std::log(p < kLowTail ? p : 1 - p));
    double x = Polynomial(kTailNumerator, q) / (Polynomial(kTailDenominator, q) * q + 1);
    return p < kLowTail ? x : -x;
  }
  double q = p - 0.5;
  double r = q * q;
  return Polynomial(kCentralNumerator, r) * q / (Polynomial(kCentralDenominator, r) * r + 1);
}

// The continued fraction of I_x(a, b) (without its prefactor), which converges quickly for
// x < (a + 1) / (a + b + 2); evaluated with the modified Lentz method.
double BetaContinuedFraction(double a, double b, double x) {
  constexpr double kTiny = 1e-300;
  constexpr double kEpsilon = 1e-15;
  constexpr int kMaxTerms = 1000;
  auto guard = [](double v) { return std::abs(v) < kTiny ? kTiny : v; };
  double c = 1;
  double d = 1 / guard(1 - (a + b) * x / (a + 1));
  double fraction = d;
  for (int m = 1; m <= kMaxTerms; ++m) {
    // Each step adds the even term d_2m and the odd term d_2m+1 of the fraction.
    double even = m * (b - m) * x / ((a + 2 * m - 1) * (a + 2 * m));
    d = 1 / guard(1 + even * d);
    c = guard(1 + even / c);
    fraction *= d * c;
    double odd = -(a + m) * (a + b + m) * x / ((a + 2 * m) * (a + 2 * m + 1));
    d = 1 / guard(1 + odd * d);
    c = guard(1 + odd / c);
    double step = d * c;
    fraction *= step;
    if (std::abs(step - 1) < kEpsilon) break;
  }
  return fraction;
}

// I_x(a, b) with y = 1 - x given separately, so that a caller who knows y more precisely
// than 1 - x (x close to 1) keeps those digits.
double IncompleteBeta(double a, double b, double x, double y) {
  if (std::isnan(a) || std::isnan(b) || std::isnan(x) || a <= 0 || b <= 0 || x < 0 || x > 1) {
    return kNaN;
  }
  if (x == 0) return 0;
  if (y == 0) return 1;
  double log_prefactor =
      std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log(y);
  double prefactor = std::exp(log_prefactor);
  // I_x(a, b) = 1 - I_y(b, a): use whichever side the fraction converges on.
  if (x < (a + 1) / (a + b + 2)) return prefactor * BetaContinuedFraction(a, b, x) / a;
  return 1 - prefactor * BetaContinuedFraction(b, a, y) / b;
}

}  // namespace

double NormalCdf(double x) { return 0.5 * std::erfc(-x / std::numbers::sqrt2); }

double NormalQuantile(double p) {
  if (std::isnan(p) || p < 0 || p > 1) return kNaN;
  if (p == 0) return -kInfinity;
  if (p == 1) return kInfinity;
  double x = AcklamQuantile(p);
  // One Halley step on f(x) = Phi(x) - p. Working with the smaller tail keeps the error
  // term relative to p rather than to 1 - p.
  double error = p < 0.5 ? NormalCdf(x) - p : (1 - p) - NormalCdf(-x);
  double u = error * std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
  return x - u / (1 + x * u / 2);
}

double RegularizedIncompleteBeta(double a, double b, double x) {
  return IncompleteBeta(a, b, x, 1 - x);
}

double StudentTTwoSidedP(double t, double df) {
  if (std::isnan(t) || std::isnan(df) || df <= 0) return kNaN;
  if (std::isinf(df)) return std::erfc(std::abs(t) / std::numbers::sqrt2);
  if (std::isinf(t)) return 0;
  // P(|T| >= |t|) = I_x(df/2, 1/2) with x = df/(df+t^2) and 1 - x = t^2/(df+t^2).
  return IncompleteBeta(df / 2, 0.5, df / (df + t * t), t * t / (df + t * t));
}

double StudentTCdf(double t, double df) {
  double tail = StudentTTwoSidedP(t, df) / 2;  // P(T >= |t|)
  return t > 0 ? 1 - tail : tail;
}

double StudentTQuantile(double p, double df) {
  if (std::isnan(p) || p < 0 || p > 1 || !(df > 0)) return kNaN;
  if (p == 0) return -kInfinity;
  if (p == 1) return kInfinity;
  if (p > 0.5) return -StudentTQuantile(1 - p, df);
  if (p == 0.5) return 0;
  // Solve P(T >= t) = p for t > 0 on the upper tail, whose digits survive small p; the
  // quantile for p < 0.5 is its negative. The tail falls as t grows: double the bracket
  // until it holds the root, then halve it.
  auto upper_tail = [df](double t) { return StudentTTwoSidedP(t, df) / 2; };
  double low = 0, high = 1;
  while (upper_tail(high) > p && high < 1e300) {
    low = high;
    high *= 2;
  }
  for (int i = 0; i < 200 && high - low > 1e-13 * high; ++i) {
    double middle = (low + high) / 2;
    (upper_tail(middle) > p ? low : high) = middle;
  }
  return -(low + high) / 2;
}

}  // namespace perfgate
