#include <fmt/format.h>

#include <cctype>
#include <cstdint>
#include <string>
#include <string_view>

#include "vcs/repository.h"

namespace perfgate {
namespace {

// FNV-1a: stable across compilers and runs (std::hash is not), which a cache name must be.
uint64_t Fnv1a(std::string_view text) {
  uint64_t hash = 14695981039346656037ull;
  for (unsigned char c : text) {
    hash ^= c;
    hash *= 1099511628211ull;
  }
  return hash;
}

std::string ReadableName(std::string_view url) {
  while (!url.empty() && (url.back() == '/' || url.back() == ':')) url.remove_suffix(1);
  size_t slash = url.find_last_of("/:");
  std::string_view last = slash == std::string_view::npos ? url : url.substr(slash + 1);
  if (last.ends_with(".git")) last.remove_suffix(4);
  std::string name;
  for (unsigned char c : last) {
    name += std::isalnum(c) || c == '.' || c == '_' || c == '-' ? static_cast<char>(c) : '_';
  }
  return name.empty() || name.starts_with('.') ? "repository" + name : name;
}

}  // namespace

std::string MirrorDirName(const std::string& url) {
  return fmt::format("{}-{:012x}.git", ReadableName(url), Fnv1a(url) & 0xffffffffffffull);
}

}  // namespace perfgate
