#include "base/duration.h"

#include <cctype>
#include <cstdint>

namespace perfgate {
namespace {

// A year: far beyond any sane timeout or window, far below int64 milliseconds' range.
constexpr int64_t kMaxMilliseconds = int64_t{365} * 24 * 3'600'000;

}  // namespace

std::optional<Duration> ParseDuration(std::string_view text) {
  if (text.empty()) return std::nullopt;
  int64_t total_ms = 0;
  size_t i = 0;
  while (i < text.size()) {
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) return std::nullopt;
    int64_t value = 0;
    while (i < text.size() && std::isdigit(static_cast<unsigned char>(text[i]))) {
      value = value * 10 + (text[i] - '0');
      if (value > 1'000'000'000) return std::nullopt;  // far beyond any sane duration
      ++i;
    }
    std::string_view rest = text.substr(i);
    int64_t unit_ms = 0;
    if (rest.starts_with("ms")) {
      unit_ms = 1, i += 2;
    } else if (rest.starts_with("s")) {
      unit_ms = 1000, i += 1;
    } else if (rest.starts_with("m")) {
      unit_ms = 60'000, i += 1;
    } else if (rest.starts_with("h")) {
      unit_ms = 3'600'000, i += 1;
    } else {
      return std::nullopt;
    }
    total_ms += value * unit_ms;
    if (total_ms > kMaxMilliseconds) return std::nullopt;  // also keeps the sum from overflowing
  }
  return Duration(total_ms);
}

std::string FormatDuration(Duration duration) {
  int64_t ms = duration.count();
  if (ms != 0 && ms % 1000 == 0) return std::to_string(ms / 1000) + "s";
  return std::to_string(ms) + "ms";
}

}  // namespace perfgate
