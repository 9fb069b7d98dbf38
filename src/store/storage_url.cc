#include "store/storage_url.h"

#include <filesystem>

namespace perfgate {
namespace {
constexpr std::string_view kSqliteScheme = "sqlite:";
}  // namespace

Result<std::string> SqlitePathFromUrl(std::string_view url, const std::string& base_dir) {
  if (!url.starts_with(kSqliteScheme)) {
    return std::unexpected(InvalidInput("unsupported storage `" + std::string(url) + "`", "storage",
                                        "use sqlite:PATH, e.g. sqlite:perfgate.db"));
  }
  std::filesystem::path path(url.substr(kSqliteScheme.size()));
  if (path.empty()) {
    return std::unexpected(InvalidInput("storage `" + std::string(url) + "` names no file",
                                        "storage", "use sqlite:PATH, e.g. sqlite:perfgate.db"));
  }
  if (path.is_relative()) path = std::filesystem::path(base_dir) / path;
  return path.lexically_normal().string();
}

}  // namespace perfgate
