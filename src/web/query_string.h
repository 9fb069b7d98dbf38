// Percent-encoding for the URLs and cookies the web UI builds (RFC 3986: everything but
// letters, digits and -._~ is encoded).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace perfgate {

std::string PercentEncode(std::string_view text);

// The inverse of PercentEncode ('+' stays '+'); nullopt for a '%' not followed by two hex
// digits.
std::optional<std::string> PercentDecode(std::string_view text);

// "?a=1&b=x%20y" from the parameters in order, those with an empty value left out; "" when
// none is left.
std::string QueryString(const std::vector<std::pair<std::string, std::string>>& parameters);

}  // namespace perfgate
