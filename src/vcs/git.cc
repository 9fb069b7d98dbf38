#include "vcs/git.h"

#include <utility>

#include "base/logging.h"

namespace perfgate {

ProcessSpec GitCommand(const std::string& git_dir, std::vector<std::string> args) {
  Argv argv = {"git", "-C", git_dir, "-c", "gc.autoDetach=false"};
  argv.insert(argv.end(), std::make_move_iterator(args.begin()),
              std::make_move_iterator(args.end()));
  return ProcessSpec{.argv = std::move(argv), .env = {{"GIT_TERMINAL_PROMPT", "0"}}};
}

Result<void> CheckRevision(const std::string& rev, const std::string& url) {
  if (rev.empty()) {
    return std::unexpected(InvalidInput("empty revision", "repository " + RedactUrl(url),
                                        "give a branch, tag or commit SHA"));
  }
  if (rev.starts_with('-')) {
    return std::unexpected(InvalidInput("revision `" + rev + "` starts with '-'",
                                        "repository " + RedactUrl(url),
                                        "give a branch, tag or commit SHA"));
  }
  return {};
}

}  // namespace perfgate
