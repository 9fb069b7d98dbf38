#include "store/store.h"

#include <filesystem>
#include <system_error>

#include "base/logging.h"
#include "store/migrations.h"
#include "store/sqlite_store.h"
#include "store/storage_url.h"

namespace perfgate {

Result<std::unique_ptr<Store>> OpenStore(const std::string& url, const std::string& base_dir) {
  Result<std::string> path = SqlitePathFromUrl(url, base_dir);
  if (!path) return std::unexpected(std::move(path.error()));
  std::filesystem::path parent = std::filesystem::path(*path).parent_path();
  std::error_code error;
  if (!parent.empty()) std::filesystem::create_directories(parent, error);
  if (error) {
    return std::unexpected(
        Unavailable("cannot create directory " + parent.string() + ": " + error.message(),
                    "database " + *path, "check the permissions or point storage elsewhere"));
  }
  Result<SqliteDb> db = SqliteDb::Open(*path);
  if (!db) return std::unexpected(std::move(db.error()));
  Result<int> version = Migrate(*db, SystemClock().Now());
  if (!version) return std::unexpected(std::move(version.error()));
  Logger("store")->info("store opened path={} schema_version={}", *path, *version);
  return std::make_unique<SqliteStore>(std::move(*db));
}

}  // namespace perfgate
