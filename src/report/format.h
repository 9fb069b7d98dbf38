// Numbers as people read them in reports and in the web UI: values in their unit, relative
// changes, p-values and commits.
//
// Pure functions. A value that is not known (NaN) is shown as kNotAvailable everywhere.
#pragma once

#include <string>
#include <string_view>

#include "base/clock.h"

namespace perfgate {

inline constexpr std::string_view kNotAvailable = "n/a";

// Three significant digits in the metric's unit:
//   "s"      -> the most readable of s, ms, µs, ns: 0.00123 -> "1.23 ms", 2.5e-6 -> "2.50 µs"
//   "ratio"  -> percent: 0.0123 -> "1.23%"
//   "%"      -> the value is already a percentage: 12.3 -> "12.3%"
//   "" -> the bare number; anything else -> number, space, unit: 1234 -> "1234 req/s"
std::string FormatValue(double value, std::string_view unit);

// A relative change as a signed percentage with one decimal: 0.123 -> "+12.3%"; +inf as
// "+inf".
std::string FormatChange(double change);

// A confidence interval of relative changes with its achieved coverage:
// "[+2.2%, +4.0%] 95.1%"; "unbounded" when an end is infinite, n/a when unknown.
std::string FormatInterval(double low, double high, double confidence);

// A p- or q-value with three decimals: 0.00794 -> "0.008"; below 0.001 -> "<0.001".
std::string FormatPValue(double p_value);

// The first 7 characters of a commit SHA, as git and GitHub abbreviate it.
std::string ShortCommit(std::string_view commit);

// RFC 3339 in UTC with milliseconds, as JSON reports and the API write times:
// "2024-05-01T12:00:00.000Z".
std::string FormatTimestamp(TimePoint time);

// A time as people read it, to the second: "2024-05-01 12:00:05 UTC".
std::string FormatUtcTime(TimePoint time);

// How long something took, to a tenth of a second under a minute, then to the second:
// 0.26 s -> "0.3 s", 75 s -> "1 min 15 s", 3725 s -> "1 h 2 min 5 s". Negative reads as 0.
std::string FormatElapsed(std::chrono::duration<double> elapsed);

// `then` relative to `now`, in its largest whole unit: "just now" (under a second),
// "12 s ago", "3 min ago", "2 h ago", "5 days ago"; a time after `now` reads "in 3 min".
std::string FormatAgo(TimePoint then, TimePoint now);

}  // namespace perfgate
