// GitHub's REST API as perfgate uses it: commit statuses and one pull-request comment kept up
// to date.
//
// The token is sent to `api_url` only: every request is built from it, and a pagination link
// that leads elsewhere is not followed. It never appears in an error.
// Thread-safety: as the HttpClient it is given.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "base/error.h"
#include "http/http_client.h"

namespace perfgate {

struct CommitStatus {
  std::string sha;          // 40 hex characters
  std::string state;        // error, failure, pending or success
  std::string context;      // perfgate/<scenario>
  std::string description;  // at most 140 characters
  std::string target_url;
};

class GithubClient {
 public:
  // `api_url` without a trailing slash, e.g. https://api.github.com.
  GithubClient(HttpClient& http, std::string api_url, std::string token, Duration timeout);

  // Each returns the response that ended the exchange: a 2xx when GitHub took it, else the
  // one that refused it. Errors: Unavailable when GitHub could not be reached.

  // POST /repos/{repository}/statuses/{sha}.
  [[nodiscard]] Result<HttpResponse> SetStatus(const std::string& repository,
                                               const CommitStatus& status);
  // The pull request's comment that contains `marker` is edited to `body` (PATCH), or one is
  // created (POST) when none does; the comments are read page by page (GET, Link: next).
  [[nodiscard]] Result<HttpResponse> UpsertComment(const std::string& repository, int pull_request,
                                                   const std::string& marker,
                                                   const std::string& body);

 private:
  [[nodiscard]] Result<HttpResponse> Send(const std::string& method, const std::string& url,
                                          const std::string& body);
  // The id of the first comment on the page at `url` whose body contains `marker`, else the
  // URL of the next page ("" at the last), from the response's Link header.
  struct PageSearch {
    std::optional<int64_t> comment_id = std::nullopt;
    std::string next_url = {};
    std::optional<HttpResponse> refusal = std::nullopt;  // GitHub answered with an error
  };
  [[nodiscard]] Result<PageSearch> SearchPage(const std::string& url, const std::string& marker);

  HttpClient& http_;
  std::string api_url_;
  std::string token_;
  Duration timeout_;
};

// The URL of the link with rel="next" in an RFC 8288 Link header; "" when there is none.
std::string NextPageUrl(const std::string& link_header);

}  // namespace perfgate
