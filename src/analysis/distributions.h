// The probability distributions behind perfgate's tests and intervals: the standard normal
// and Student's t, through the regularized incomplete beta function.
//
// Pure functions. NaN in, NaN out; arguments outside a function's domain give NaN.
#pragma once

namespace perfgate {

// Phi(x) = P(Z <= x) for a standard normal Z; full double precision in both tails.
double NormalCdf(double x);

// Phi^-1(p): -inf at p = 0, +inf at p = 1, NaN outside [0, 1]. Acklam's rational
// approximation (relative error 1.2e-9) refined by one Halley step on NormalCdf, which
// brings it to about double precision.
double NormalQuantile(double p);

// I_x(a, b), the regularized incomplete beta function, for a > 0, b > 0 and 0 <= x <= 1,
// by its continued fraction (modified Lentz), accurate to ~1e-14. The fraction is evaluated
// at x when x < (a + 1) / (a + b + 2), where a small I_x keeps its relative digits, and
// through I_x(a, b) = 1 - I_{1-x}(b, a) above that.
double RegularizedIncompleteBeta(double a, double b, double x);

// P(T <= t) for Student's t with `df` > 0 degrees of freedom (df may be fractional, as
// Welch's test gives; +inf means the normal distribution).
double StudentTCdf(double t, double df);

// P(|T| >= |t|): the two-sided p-value of a t statistic, computed from the tail itself so
// that tiny p-values are not lost to 1 - cdf.
double StudentTTwoSidedP(double t, double df);

// The t with P(T <= t) = p for Student's t with `df` > 0 degrees of freedom: -inf at p = 0,
// +inf at p = 1. By bisection on the upper tail StudentTTwoSidedP, to ~1e-12 relative.
double StudentTQuantile(double p, double df);

}  // namespace perfgate
