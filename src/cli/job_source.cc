#include "cli/job_source.h"

#include <cstdlib>
#include <utility>

#include "base/logging.h"
#include "cli/api_job_access.h"
#include "cli/store_job_access.h"
#include "http/http_client.h"

namespace perfgate {

std::unique_ptr<JobAccess> OpenJobAccess(const JobSource& source, WithRepository repository) {
  if (source.server.empty()) {
    auto workspace = OpenWorkspace(source.config, repository);
    if (!workspace) return nullptr;
    return std::make_unique<StoreJobAccess>(std::move(*workspace));
  }
  if (!source.server.starts_with("http://") && !source.server.starts_with("https://")) {
    PrintError(InvalidInput("`" + RedactUrl(source.server) + "` is not an http(s) URL", "--server",
                            "give the root URL of `perfgate serve`, e.g. http://127.0.0.1:8080"));
    return nullptr;
  }
  const char* token = std::getenv(source.token_env.c_str());
  return std::make_unique<ApiJobAccess>(
      ApiClient(NewCurlHttpClient(), source.server, token == nullptr ? "" : token));
}

}  // namespace perfgate
