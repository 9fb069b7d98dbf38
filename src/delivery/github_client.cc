#include "delivery/github_client.h"

#include <nlohmann/json.hpp>

#include "base/logging.h"

namespace perfgate {
namespace {

// GitHub lists at most 100 comments a page; 100 pages is 10,000 comments, beyond any pull
// request: a bound, so that a misbehaving server cannot keep the deliverer paging forever.
constexpr int kMaxPages = 100;

// Replaces every occurrence of `secret` in `text` by <secret>.
std::string Elide(std::string text, const std::string& secret) {
  if (secret.empty()) return text;
  for (size_t at = text.find(secret); at != std::string::npos; at = text.find(secret, at)) {
    text.replace(at, secret.size(), "<secret>");
  }
  return text;
}

}  // namespace

std::string NextPageUrl(const std::string& link_header) {
  // Link: <https://api.github.com/...&page=2>; rel="next", <...>; rel="last"
  size_t start = 0;
  while ((start = link_header.find('<', start)) != std::string::npos) {
    size_t end = link_header.find('>', start);
    if (end == std::string::npos) return "";
    size_t next_link = link_header.find('<', end);
    std::string params = link_header.substr(
        end + 1, next_link == std::string::npos ? std::string::npos : next_link - end - 1);
    if (params.find("rel=\"next\"") != std::string::npos) {
      return link_header.substr(start + 1, end - start - 1);
    }
    start = end;
  }
  return "";
}

GithubClient::GithubClient(HttpClient& http, std::string api_url, std::string token,
                           Duration timeout)
    : http_(http), api_url_(std::move(api_url)), token_(std::move(token)), timeout_(timeout) {
  while (!api_url_.empty() && api_url_.back() == '/') api_url_.pop_back();
}

Result<HttpResponse> GithubClient::Send(const std::string& method, const std::string& url,
                                        const std::string& body) {
  HttpRequest request{.method = method,
                      .url = url,
                      .headers = {{"Accept", "application/vnd.github+json"},
                                  {"Authorization", "Bearer " + token_},
                                  {"User-Agent", "perfgate"},
                                  {"X-GitHub-Api-Version", "2022-11-28"}},
                      .body = body,
                      .timeout = timeout_};
  if (!body.empty()) request.headers["Content-Type"] = "application/json";
  Result<HttpResponse> response = http_.Send(request);
  if (!response) {
    Error error = std::move(response.error());
    error.what = Elide(std::move(error.what), token_);
    error.where = Elide(std::move(error.where), token_);
    return std::unexpected(std::move(error));
  }
  response->body = Elide(std::move(response->body), token_);
  return response;
}

Result<HttpResponse> GithubClient::SetStatus(const std::string& repository,
                                             const CommitStatus& status) {
  nlohmann::json body = {{"state", status.state},
                         {"target_url", status.target_url},
                         {"description", status.description},
                         {"context", status.context}};
  return Send("POST", api_url_ + "/repos/" + repository + "/statuses/" + status.sha, body.dump());
}

Result<GithubClient::PageSearch> GithubClient::SearchPage(const std::string& url,
                                                          const std::string& marker) {
  Result<HttpResponse> page = Send("GET", url, "");
  if (!page) return std::unexpected(std::move(page.error()));
  if (page->status != 200) return PageSearch{.refusal = std::move(*page)};
  nlohmann::json comments = nlohmann::json::parse(page->body, nullptr, /*allow_exceptions=*/false);
  if (!comments.is_array()) {
    return std::unexpected(Unavailable("the comments of a pull request are not a JSON array",
                                       "GET " + url, "check github.api_url"));
  }
  for (const nlohmann::json& comment : comments) {
    const nlohmann::json* text = comment.contains("body") ? &comment["body"] : nullptr;
    if (text && text->is_string() && text->get<std::string>().find(marker) != std::string::npos &&
        comment.contains("id") && comment["id"].is_number_integer()) {
      return PageSearch{.comment_id = comment["id"].get<int64_t>()};
    }
  }
  PageSearch search;
  if (auto link = page->headers.find("link"); link != page->headers.end()) {
    search.next_url = NextPageUrl(link->second);
  }
  return search;
}

Result<HttpResponse> GithubClient::UpsertComment(const std::string& repository, int pull_request,
                                                 const std::string& marker,
                                                 const std::string& body) {
  std::string issue = api_url_ + "/repos/" + repository + "/issues/" + std::to_string(pull_request);
  std::string url = issue + "/comments?per_page=100";
  std::optional<int64_t> found;
  for (int page = 0; page < kMaxPages && !url.empty() && !found; ++page) {
    Result<PageSearch> search = SearchPage(url, marker);
    if (!search) return std::unexpected(std::move(search.error()));
    if (search->refusal) return std::move(*search->refusal);
    found = search->comment_id;
    url = search->next_url;
    if (!url.starts_with(api_url_ + "/")) {
      if (!url.empty()) {
        Logger("delivery")->warn("pagination link not followed: it leaves github.api_url");
      }
      url.clear();
    }
  }
  std::string json = nlohmann::json{{"body", body}}.dump();
  if (found) {
    return Send("PATCH",
                api_url_ + "/repos/" + repository + "/issues/comments/" + std::to_string(*found),
                json);
  }
  return Send("POST", issue + "/comments", json);
}

}  // namespace perfgate
