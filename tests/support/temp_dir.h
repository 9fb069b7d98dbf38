// A temporary directory for one test, removed with everything in it when the object dies.
#pragma once

#include <filesystem>
#include <string>

namespace perfgate::testing {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }
  std::string Path(const std::string& relative = {}) const { return (path_ / relative).string(); }
  // Writes `content` to `relative` (parents created) and returns the full path.
  std::string WriteFile(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};

// A TCP port on 127.0.0.1 that was free a moment ago.
int FreeLoopbackPort();

// Reads a whole file ("" when it cannot be read).
std::string ReadFile(const std::string& path);

}  // namespace perfgate::testing
