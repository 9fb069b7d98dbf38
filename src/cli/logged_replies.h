// The ReplySink of `perfgate serve` until replies are posted to GitHub: each reply is logged.
#pragma once

#include "github/reply_sink.h"

namespace perfgate {

class LoggedReplies final : public ReplySink {
 public:
  Result<void> Reply(const std::string& repository, int pull_request,
                     const std::string& body) override;
};

}  // namespace perfgate
