// The route table of the JSON API and the web UI: method + path pattern -> handler and access
// level.
//
// Patterns are literal segments and {name} placeholders, each matching one non-empty
// segment: "/api/v1/jobs/{id}/log". Lookups tell an unknown path (404) from a known path
// asked with the wrong method (405), and give the pattern as the label of request metrics,
// so that metrics never grow one series per job id.
// Thread-safety: build the table first; Find() and PatternOf() may then run concurrently.
#pragma once

#include <expected>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "web/api_error.h"
#include "web/api_handler.h"
#include "web/auth.h"

namespace perfgate {

struct Route {
  std::string method;  // "GET" also answers HEAD
  std::string pattern;
  Access access = Access::kRead;
  ApiHandler handler;
  size_t max_body_bytes = 0;  // 0: the server's limit (ApiServerOptions)
  // A page of the web UI: its errors are answered as HTML pages, and it takes the read token
  // from the browser (page_auth.h).
  bool page = false;
};

struct RouteMatch {
  const Route* route = nullptr;
  std::map<std::string, std::string> params;  // placeholder name -> segment
};

class Router {
 public:
  // `max_body_bytes`: a larger body is refused with 413; 0 keeps the server's limit.
  void Add(std::string method, std::string pattern, Access access, ApiHandler handler,
           size_t max_body_bytes = 0);
  // A page of the web UI: GET, with the read access of the API's reads.
  void AddPage(std::string pattern, ApiHandler handler);
  // The largest limit a route sets, 0 when none does.
  size_t LargestBodyLimit() const;

  // The route for `method` and `path`; 404 when no pattern matches the path, 405 (naming
  // the allowed methods) when patterns match it for other methods only.
  std::expected<RouteMatch, ApiError> Find(std::string_view method, std::string_view path) const;

  // The pattern that matches `path` for any method; "unmatched" when none does.
  std::string PatternOf(std::string_view path) const;

 private:
  std::vector<Route> routes_;
};

}  // namespace perfgate
