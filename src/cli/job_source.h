// Where the job commands find jobs, as their options say: a running server's REST API when
// `server` is set, else the store named by `config`.
#pragma once

#include <memory>
#include <string>

#include "cli/job_access.h"
#include "cli/workspace.h"

namespace perfgate {

inline constexpr char kDefaultTokenEnv[] = "PERFGATE_API_TOKEN";

struct JobSource {
  std::string config = "perfgate.yaml";
  std::string server;                        // the server's root URL; empty: the store of config
  std::string token_env = kDefaultTokenEnv;  // the variable holding the API token
};

// The JobAccess `source` names; nullptr after printing why it cannot be opened. The store is
// opened with `repository` (enqueue needs it to resolve revisions); a server needs none. An
// unset or empty token variable sends no token: reads still work where the server allows them.
std::unique_ptr<JobAccess> OpenJobAccess(const JobSource& source, WithRepository repository);

}  // namespace perfgate
