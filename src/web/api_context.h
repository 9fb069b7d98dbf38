// What the JSON API's handlers work with: the config, the store, a clock, and the few
// services that live outside the web component (resolving revisions, locating job logs,
// waking the workers).
//
// The CLI builds one ApiContext and gives it to ApiServer; handlers only read it. Every
// pointer must outlive the server, and every function must be safe to call from several
// threads at once (the server handles requests concurrently).
#pragma once

#include <functional>
#include <map>
#include <string>
#include <vector>

#include "base/clock.h"
#include "base/error.h"
#include "config/config.h"
#include "store/store.h"

namespace perfgate {

struct ApiContext {
  const Config* config = nullptr;
  Store* store = nullptr;
  Clock* clock = nullptr;
  // A revision as a user writes it (branch, tag, short or full SHA) -> its full 40-hex SHA.
  // NotFound (or InvalidInput) for a revision the repository does not have.
  std::function<Result<std::string>(const std::string& rev)> resolve_commit;
  // The first line of each commit's message, by full SHA, for pages that show commits;
  // commits the repository lacks are left out. One call for all the commits of a page: a
  // history of thousands costs one read of the repository, not thousands. May be empty: pages
  // then show the commits alone (CommitSubjects).
  std::function<Result<std::map<std::string, std::string>>(const std::vector<std::string>&)>
      commit_subjects;
  // The default branch's commits along its first parents, newest first: the commit order of
  // the history page's chart. May be empty, or fail: the chart then keeps the order in which
  // the baseline jobs finished.
  std::function<Result<std::vector<std::string>>()> default_branch_commits;
  // The combined log file of a job; the file may not exist yet.
  std::function<std::string(JobId)> job_log_path;
  // Told after a request queued a job (a new one, or a retry), so that idle workers of this
  // process claim it at once rather than at their next poll of the queue. May be empty.
  std::function<void()> job_queued;
  // Bearer token that POST requests must present; empty: every mutation is refused (403).
  std::string api_token;
  // Bearer token that GET requests must present (the api_token is accepted too); empty:
  // reads are open to anyone who can reach the server.
  std::string read_token;
  // The secret GitHub signs webhook deliveries with; empty: every delivery is refused (403).
  std::string webhook_secret;
  // The current head commit of pull request N of the repository (for re-run comments).
  std::function<Result<std::string>(int pull_request)> pull_request_head;
};

// context.commit_subjects of `commits`, or none when the context has no repository or it
// cannot tell: a subject is a courtesy, and a commit the mirror lost still shows as its SHA.
std::map<std::string, std::string> CommitSubjects(const ApiContext& context,
                                                  const std::vector<std::string>& commits);

// The token values, read from the environment variables the config names.
struct ApiTokens {
  std::string api_token;       // from $<server.api_token_env>
  std::string read_token;      // from $<server.read_token_env>, when set
  std::string webhook_secret;  // from $<github.webhook_secret_env>, with a github section
};

// Unset variables read as empty tokens, which ApiContext documents the meaning of.
ApiTokens ReadApiTokens(const Config& config);

}  // namespace perfgate
