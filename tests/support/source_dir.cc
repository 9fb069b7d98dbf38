#include "support/source_dir.h"

namespace perfgate::testing {

std::string SourceDir() { return PERFGATE_SOURCE_DIR; }

}  // namespace perfgate::testing
