// The root of perfgate's source tree, for tests that read its examples and test data.
#pragma once

#include <string>

namespace perfgate::testing {

// Absolute; compiled in by the build (PERFGATE_SOURCE_DIR), so a test binary finds the
// sources however and wherever it is run.
std::string SourceDir();

}  // namespace perfgate::testing
