// Where the quickstart example lives, for the tests that use it as the system under test.
#pragma once

#include <cstdlib>
#include <filesystem>

namespace perfgate::testing {

// $PERFGATE_SOURCE_DIR/examples/quickstart (set by ctest), else found from this file's path.
inline std::filesystem::path QuickstartSource() {
  const char* source_dir = std::getenv("PERFGATE_SOURCE_DIR");
  std::filesystem::path root = source_dir != nullptr
                                   ? std::filesystem::path(source_dir)
                                   : std::filesystem::path(__FILE__).parent_path() / "../../..";
  return root / "examples/quickstart";
}

// Copies the quickstart's sources (not a binary left by a manual build) into `destination`.
inline void CopyQuickstart(const std::filesystem::path& destination) {
  std::filesystem::copy(QuickstartSource(), destination, std::filesystem::copy_options::recursive);
  std::filesystem::remove(destination / "server");
}

}  // namespace perfgate::testing
