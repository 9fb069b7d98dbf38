#include "cli/logged_replies.h"

#include "base/logging.h"

namespace perfgate {

Result<void> LoggedReplies::Reply(const std::string& repository, int pull_request,
                                  const std::string& body) {
  Logger("github")->info("pull request reply repository={} pull_request={} body=\"{}\"", repository,
                         pull_request, body);
  return {};
}

}  // namespace perfgate
