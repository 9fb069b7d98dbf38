#include "github/issue_comment_event.h"

#include <algorithm>
#include <cctype>
#include <sstream>

namespace perfgate {
namespace {

// GitHub logins are at most 39 characters; scenario names are short words.
constexpr size_t kMaxLogin = 39;
constexpr size_t kMaxQuotedWord = 64;

bool IsSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

bool IsPlainWord(std::string_view word, size_t max) {
  return !word.empty() && word.size() <= max && std::ranges::all_of(word, [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_' || c == '.';
  });
}

// The words after `command` on the comment's first line; nullopt when the comment does not
// start with the command (leading blank space aside) followed by the end or a space.
std::optional<std::vector<std::string>> CommandWords(std::string_view body,
                                                     std::string_view command) {
  while (!body.empty() && IsSpace(body.front())) body.remove_prefix(1);
  if (command.empty() || !body.starts_with(command)) return std::nullopt;
  body.remove_prefix(command.size());
  if (!body.empty() && !IsSpace(body.front())) return std::nullopt;
  std::istringstream line{std::string(body.substr(0, body.find('\n')))};
  std::vector<std::string> words;
  for (std::string word; line >> word;) words.push_back(std::move(word));
  return words;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string joined;
  for (const std::string& name : names) joined += (joined.empty() ? "" : ", ") + name;
  return joined;
}

}  // namespace

std::string QuotableLogin(const Payload& payload, std::string_view path) {
  std::string login = payload.String(path).value_or("");
  bool plain = IsPlainWord(login, kMaxLogin) &&
               std::ranges::none_of(login, [](char c) { return c == '_' || c == '.'; });
  return plain ? "@" + login : "someone";
}

Result<EventDecision> DecideIssueComment(const Payload& payload, const Config& config) {
  Result<std::string> action = payload.String("action");
  if (!action) return std::unexpected(action.error());
  if (*action != "created") return IgnoredEvent{"an issue_comment that is not a new comment"};
  if (!payload.Has("issue.pull_request")) {
    return IgnoredEvent{"a comment on an issue, not on a pull request"};
  }
  Result<std::string> body = payload.String("comment.body");
  if (!body) return std::unexpected(body.error());
  const GithubConfig& github = *config.github;
  std::optional<std::vector<std::string>> words = CommandWords(*body, github.rerun_command);
  if (!words) return IgnoredEvent{"a comment that is not " + github.rerun_command};
  Result<int> number = payload.Number("issue.number");
  if (!number) return std::unexpected(number.error());
  Result<int64_t> comment = payload.Id("comment.id");
  if (!comment) return std::unexpected(comment.error());
  Result<std::string> association = payload.String("comment.author_association");
  if (!association) return std::unexpected(association.error());
  std::string author = QuotableLogin(payload, "comment.user.login");
  const std::vector<std::string>& trusted = github.trusted_associations;
  if (std::ranges::find(trusted, *association) == trusted.end()) {
    std::string role = IsPlainWord(*association, kMaxQuotedWord) ? *association : "another one";
    return CommentReply{*number, *comment,
                        author + ": perfgate re-runs only on request of " + JoinNames(trusted) +
                            " of this repository (its github.trusted_associations); "
                            "your association is " +
                            role + ". Ask one of them to comment `" + github.rerun_command + "`."};
  }
  PullRequestRerun rerun{*number, {}, "github comment by " + author};
  std::vector<std::string> known;
  for (const ScenarioConfig& scenario : config.scenarios) known.push_back(scenario.name);
  for (const std::string& word : *words) {
    if (std::ranges::find(known, word) == known.end()) {
      std::string name = IsPlainWord(word, kMaxQuotedWord) ? "`" + word + "`" : "a word";
      return CommentReply{*number, *comment, author + ": " + name + " is not a scenario of perfgate here" +
                                       " (known: " + JoinNames(known) + "); nothing was re-run."};
    }
    if (std::ranges::find(rerun.scenarios, word) == rerun.scenarios.end()) {
      rerun.scenarios.push_back(word);
    }
  }
  return rerun;
}

}  // namespace perfgate
