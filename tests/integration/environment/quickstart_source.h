// Where the quickstart example lives, for the tests that use it as the system under test.
#pragma once

#include <filesystem>

#include "support/source_dir.h"

namespace perfgate::testing {

inline std::filesystem::path QuickstartSource() {
  return std::filesystem::path(SourceDir()) / "examples/quickstart";
}

// Copies the quickstart's sources (not a binary left by a manual build) into `destination`.
inline void CopyQuickstart(const std::filesystem::path& destination) {
  std::filesystem::copy(QuickstartSource(), destination, std::filesystem::copy_options::recursive);
  std::filesystem::remove(destination / "server");
}

}  // namespace perfgate::testing
