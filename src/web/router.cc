#include "web/router.h"

#include <algorithm>
#include <optional>
#include <utility>

namespace perfgate {
namespace {

std::vector<std::string_view> Segments(std::string_view path) {
  std::vector<std::string_view> segments;
  size_t start = 0;
  while (start <= path.size()) {
    size_t slash = path.find('/', start);
    if (slash == std::string_view::npos) slash = path.size();
    segments.push_back(path.substr(start, slash - start));
    start = slash + 1;
  }
  return segments;
}

bool IsPlaceholder(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

std::optional<std::map<std::string, std::string>> MatchPattern(std::string_view pattern,
                                                               std::string_view path) {
  std::vector<std::string_view> want = Segments(pattern);
  std::vector<std::string_view> have = Segments(path);
  if (want.size() != have.size()) return std::nullopt;
  std::map<std::string, std::string> params;
  for (size_t i = 0; i < want.size(); ++i) {
    if (IsPlaceholder(want[i])) {
      if (have[i].empty()) return std::nullopt;
      params[std::string(want[i].substr(1, want[i].size() - 2))] = std::string(have[i]);
    } else if (want[i] != have[i]) {
      return std::nullopt;
    }
  }
  return params;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Access access, ApiHandler handler,
                 size_t max_body_bytes) {
  routes_.push_back(Route{std::move(method), std::move(pattern), access, std::move(handler),
                          max_body_bytes, false});
}

void Router::AddPage(std::string pattern, ApiHandler handler) {
  routes_.push_back(Route{"GET", std::move(pattern), Access::kRead, std::move(handler), 0, true});
}

size_t Router::LargestBodyLimit() const {
  size_t largest = 0;
  for (const Route& route : routes_) largest = std::max(largest, route.max_body_bytes);
  return largest;
}

std::expected<RouteMatch, ApiError> Router::Find(std::string_view method,
                                                 std::string_view path) const {
  std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
  std::string allowed;
  for (const Route& route : routes_) {
    auto params = MatchPattern(route.pattern, path);
    if (!params) continue;
    if (route.method == wanted) return RouteMatch{&route, std::move(*params)};
    if (!allowed.empty()) allowed += ", ";
    allowed += route.method;
  }
  std::string where = std::string(method) + " " + std::string(path);
  if (allowed.empty()) {
    return std::unexpected(ToApiError(
        NotFound("no such route", where, "the API lives under /api/v1; see the documentation")));
  }
  return std::unexpected(ApiError{
      kStatusMethodNotAllowed, InvalidInput("method not allowed", where, "use " + allowed), {}});
}

std::string Router::PatternOf(std::string_view path) const {
  for (const Route& route : routes_) {
    if (MatchPattern(route.pattern, path)) return route.pattern;
  }
  return "unmatched";
}

}  // namespace perfgate
