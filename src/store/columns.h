// How perfgate's values are written to and read from database columns, in one place so
// that every table and every future backend agree: times as integer Unix milliseconds,
// lists as JSON array text.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "base/clock.h"
#include "base/error.h"

namespace perfgate {

int64_t ToUnixMillis(TimePoint time);  // sub-millisecond precision is dropped
TimePoint FromUnixMillis(int64_t millis);

std::string EncodeStringList(const std::vector<std::string>& values);  // ["a","b"]
// Errors: Internal when `text` is not a JSON array of strings; `column` names it.
[[nodiscard]] Result<std::vector<std::string>> DecodeStringList(std::string_view text,
                                                                std::string_view column);

// NaN and infinities are written as null (JSON has neither) and null is read back as NaN.
std::string EncodeNumberList(const std::vector<double>& values);
[[nodiscard]] Result<std::vector<double>> DecodeNumberList(std::string_view text,
                                                           std::string_view column);

}  // namespace perfgate
