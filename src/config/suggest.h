// "Did you mean" suggestions for misspelt keys, values and template variables.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace perfgate {

// The candidate closest to `word`: a case-insensitive match, else the nearest one within
// two single-character edits. nullopt when nothing is that close.
std::optional<std::string> ClosestName(std::string_view word,
                                       std::span<const std::string_view> candidates);

// "a, b, c": the candidates joined for a message.
std::string JoinNames(std::span<const std::string_view> names);

}  // namespace perfgate
