// Checks on the names a webhook payload carries before any of them reaches git's command line
// or the store: commit SHAs and branch names.
#pragma once

#include <string_view>

namespace perfgate {

// 40 lowercase hex digits, as GitHub writes a commit SHA.
bool IsFullSha(std::string_view text);

// A branch name git accepts (the rules of `git check-ref-format --branch`): no component
// starting with '.' or ending with ".lock", no "..", "@{", "//", control characters, space or
// any of ~^:?*[\; not empty, not "@", not ending with '/' or '.'. A leading '-' is refused as
// well, so that the name can never be taken for an option.
bool IsBranchName(std::string_view name);

}  // namespace perfgate
