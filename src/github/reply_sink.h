// Where the replies of webhook decisions go (a comment on a pull request saying why nothing
// was done), so that the webhook route never posts to GitHub itself.
// Thread-safety: Reply() may be called from several threads at once.
#pragma once

#include <string>

#include "base/error.h"

namespace perfgate {

class ReplySink {
 public:
  virtual ~ReplySink() = default;
  // Takes the reply `body` for pull request `pull_request` of `repository` (OWNER/NAME).
  [[nodiscard]] virtual Result<void> Reply(const std::string& repository, int pull_request,
                                           const std::string& body) = 0;
};

}  // namespace perfgate
