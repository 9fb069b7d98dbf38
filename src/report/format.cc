#include "report/format.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace perfgate {
namespace {

// Digits after the point that give `value` three significant digits (none from 100 up).
int SignificantDecimals(double value) {
  if (value == 0) return 0;
  int magnitude = static_cast<int>(std::floor(std::log10(std::abs(value))));
  return std::max(0, 2 - magnitude);
}

double RoundToDecimals(double value, int decimals) {
  double scale = std::pow(10.0, decimals);
  return std::round(value * scale) / scale;
}

double RoundToSignificant(double value) {
  return RoundToDecimals(value, SignificantDecimals(value));
}

// Three significant digits, rounding first so that 9.996 reads "10.0", not "10.00".
std::string Significant(double value) {
  double rounded = RoundToSignificant(value);
  return fmt::format("{:.{}f}", rounded, SignificantDecimals(rounded));
}

std::string FormatSeconds(double seconds) {
  struct Scale {
    double factor;
    const char* suffix;
  };
  constexpr std::array<Scale, 4> kScales = {{{1, "s"}, {1e-3, "ms"}, {1e-6, "µs"}, {1e-9, "ns"}}};
  // Choose the scale on the rounded value so that 0.9999 s reads "1.00 s", not "1000 ms".
  // Zero reads best in seconds; below a nanosecond, nanoseconds still.
  double magnitude = std::abs(RoundToSignificant(seconds));
  const Scale* chosen = &kScales.back();
  for (const Scale& scale : kScales) {
    if (magnitude == 0 || magnitude >= scale.factor) {
      chosen = &scale;
      break;
    }
  }
  return Significant(seconds / chosen->factor) + " " + chosen->suffix;
}

}  // namespace

std::string FormatValue(double value, std::string_view unit) {
  if (std::isnan(value)) return std::string(kNotAvailable);
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  if (unit == "s") return FormatSeconds(value);
  if (unit == "ratio") return Significant(value * 100) + "%";
  if (unit == "%") return Significant(value) + "%";
  if (unit.empty()) return Significant(value);
  return fmt::format("{} {}", Significant(value), unit);
}

std::string FormatChange(double change) {
  if (std::isnan(change)) return std::string(kNotAvailable);
  if (std::isinf(change)) return change > 0 ? "+inf" : "-inf";
  std::string text = fmt::format("{:+.1f}%", change * 100);
  // A change that rounds to nothing has no direction worth a sign.
  if (text == "+0.0%" || text == "-0.0%") return "0.0%";
  return text;
}

std::string FormatInterval(double low, double high, double confidence) {
  if (std::isnan(low) || std::isnan(high)) return std::string(kNotAvailable);
  // A relative change cannot fall below -100%: that end is as open as an infinite one.
  if (std::isinf(high) || std::isinf(low) || low <= -1) return "unbounded";
  std::string interval = fmt::format("[{}, {}]", FormatChange(low), FormatChange(high));
  if (std::isnan(confidence)) return interval;
  return fmt::format("{} {:.1f}%", interval, confidence * 100);
}

std::string FormatPValue(double p_value) {
  if (std::isnan(p_value)) return std::string(kNotAvailable);
  if (p_value < 0.001) return "<0.001";
  return fmt::format("{:.3f}", p_value);
}

std::string ShortCommit(std::string_view commit) { return std::string(commit.substr(0, 7)); }

std::string FormatTimestamp(TimePoint time) {
  auto ms = std::chrono::floor<std::chrono::milliseconds>(time);
  auto seconds = std::chrono::floor<std::chrono::seconds>(ms);
  std::tm utc = fmt::gmtime(std::chrono::system_clock::to_time_t(seconds));
  return fmt::format("{:%Y-%m-%dT%H:%M:%S}.{:03}Z", utc, (ms - seconds).count());
}

std::string FormatUtcTime(TimePoint time) {
  auto seconds = std::chrono::floor<std::chrono::seconds>(time);
  return fmt::format("{:%Y-%m-%d %H:%M:%S} UTC",
                     fmt::gmtime(std::chrono::system_clock::to_time_t(seconds)));
}

std::string FormatElapsed(std::chrono::duration<double> elapsed) {
  auto ms = std::max<int64_t>(0, std::llround(elapsed.count() * 1000));
  // Rounded once, to the precision shown, so that 59.96 s reads "1 min 0 s", not "60.0 s".
  if (ms < 59'950) return fmt::format("{:.1f} s", static_cast<double>(ms) / 1000);
  int64_t seconds = (ms + 500) / 1000;
  int64_t hours = seconds / 3600, minutes = seconds / 60 % 60;
  if (hours > 0) return fmt::format("{} h {} min {} s", hours, minutes, seconds % 60);
  return fmt::format("{} min {} s", minutes, seconds % 60);
}

std::string FormatAgo(TimePoint then, TimePoint now) {
  int64_t seconds = std::chrono::duration_cast<std::chrono::seconds>(now - then).count();
  if (seconds == 0) return "just now";
  int64_t magnitude = seconds < 0 ? -seconds : seconds;
  std::string amount;
  if (magnitude >= 2 * 86400) {
    amount = fmt::format("{} days", magnitude / 86400);
  } else if (magnitude >= 3600) {
    amount = fmt::format("{} h", magnitude / 3600);
  } else if (magnitude >= 60) {
    amount = fmt::format("{} min", magnitude / 60);
  } else {
    amount = fmt::format("{} s", magnitude);
  }
  return seconds > 0 ? amount + " ago" : "in " + amount;
}

}  // namespace perfgate
