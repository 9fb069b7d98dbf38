// The labels of one Prometheus series and their canonical text form, the "series key" by
// which samples are stored, grouped and compared.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace perfgate {

using Labels = std::map<std::string, std::string>;

// PromQL selector syntax with sorted names: {code="200",endpoint="/a"}; "{}" when empty.
// Values are escaped as PromQL strings (backslash, double quote, newline).
std::string FormatLabels(const Labels& labels);

// The inverse of FormatLabels; also accepts the braces left out ("endpoint=\"/a\"") and
// whitespace around names and commas. nullopt when the text is not a label set.
std::optional<Labels> ParseLabels(std::string_view text);

}  // namespace perfgate
