// GitHub's documented webhook payloads (tests/testdata/github-payloads/), as the tests of the
// webhook decision and route read them.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "support/source_dir.h"
#include "support/temp_dir.h"

namespace perfgate::testing {

// The text of tests/testdata/github-payloads/<file>; empty when it cannot be read.
inline std::string PayloadText(const std::string& file) {
  return ReadFile(SourceDir() + "/tests/testdata/github-payloads/" + file);
}

inline nlohmann::json Payload(const std::string& file) {
  return nlohmann::json::parse(PayloadText(file));
}

// The examples' repository: configs of these tests name it in github.repository.
inline constexpr char kPayloadRepository[] = "Codertocat/Hello-World";

}  // namespace perfgate::testing
