#include "github/git_names.h"

#include <algorithm>

namespace perfgate {
namespace {

// Longer names are no branch anyone pushes; the bound keeps hostile ones out of logs.
constexpr size_t kMaxBranchNameLength = 255;

bool IsForbiddenCharacter(unsigned char c) {
  return c < 0x20 || c == 0x7f || c == ' ' || c == '~' || c == '^' || c == ':' || c == '?' ||
         c == '*' || c == '[' || c == '\\';
}

bool IsValidComponent(std::string_view component) {
  return !component.empty() && component.front() != '.' && !component.ends_with(".lock");
}

}  // namespace

bool IsFullSha(std::string_view text) {
  return text.size() == 40 && std::ranges::all_of(text, [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

bool IsBranchName(std::string_view name) {
  if (name.empty() || name.size() > kMaxBranchNameLength || name == "@" || name.front() == '-' ||
      name.back() == '.' || name.find("..") != std::string_view::npos ||
      name.find("@{") != std::string_view::npos ||
      std::ranges::any_of(name, IsForbiddenCharacter)) {
    return false;
  }
  size_t start = 0;
  while (true) {
    size_t slash = name.find('/', start);
    std::string_view component = name.substr(start, slash - start);
    if (!IsValidComponent(component)) return false;  // also "//", a leading or trailing '/'
    if (slash == std::string_view::npos) return true;
    start = slash + 1;
  }
}

}  // namespace perfgate
