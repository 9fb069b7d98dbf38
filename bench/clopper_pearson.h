// A rate counted over independent trials, printed with its exact 95% (Clopper–Pearson)
// interval: the one way both validation harnesses state what they measured, so a rate from
// simulated jobs and one from real jobs read alike and rest on the same arithmetic.
#pragma once

#include <string>

namespace perfgate {

struct Rate {
  int hits = 0;
  int trials = 0;
};

// "12.3% [11.0, 13.7]": the rate with its 95% Clopper–Pearson interval, in percent; "n/a"
// without trials.
std::string FormatRate(const Rate& rate);

}  // namespace perfgate
