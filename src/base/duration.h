// Durations as people write them in config and as Prometheus and load tools read them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "base/clock.h"

namespace perfgate {

// Parses "250ms", "30s", "2m", "1h", "1m30s". Returns nullopt for anything else, including
// a bare number without a unit and negative values.
std::optional<Duration> ParseDuration(std::string_view text);

// The shortest exact spelling: 30000ms -> "30s", 90000ms -> "90s", 1500ms -> "1500ms".
// Always in one unit, so tools that take only a simple Go or PromQL duration accept it.
std::string FormatDuration(Duration duration);

}  // namespace perfgate
