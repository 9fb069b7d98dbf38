#include "config/suggest.h"

#include <algorithm>
#include <cctype>
#include <vector>

namespace perfgate {
namespace {

constexpr size_t kMaxEdits = 2;

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return std::ranges::equal(
      a, b, [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

// Levenshtein distance with one rolling row; names are short.
size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t above = row[j];
      size_t substitution = diagonal + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({above + 1, row[j - 1] + 1, substitution});
      diagonal = above;
    }
  }
  return row[b.size()];
}

}  // namespace

std::optional<std::string> ClosestName(std::string_view word,
                                       std::span<const std::string_view> candidates) {
  for (std::string_view candidate : candidates) {
    if (EqualsIgnoringCase(word, candidate)) return std::string(candidate);
  }
  std::optional<std::string> best;
  size_t best_distance = kMaxEdits + 1;
  for (std::string_view candidate : candidates) {
    size_t distance = EditDistance(word, candidate);
    // A two-letter key is two edits from any other two-letter key: require that the word
    // keeps more than it loses.
    if (distance < best_distance && distance < std::max(word.size(), candidate.size())) {
      best = std::string(candidate);
      best_distance = distance;
    }
  }
  return best;
}

std::string JoinNames(std::span<const std::string_view> names) {
  std::string out;
  for (std::string_view name : names) {
    if (!out.empty()) out += ", ";
    out += name;
  }
  return out;
}

}  // namespace perfgate
