#include "web/page_auth.h"

#include "web/query_string.h"

namespace perfgate {
namespace {

// The value of cookie `name` in a Cookie header ("a=1; b=2"), still encoded.
std::optional<std::string_view> CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    size_t end = header.find(';');
    std::string_view pair = header.substr(0, end);
    while (pair.starts_with(' ')) pair.remove_prefix(1);
    if (pair.starts_with(name) && pair.substr(name.size()).starts_with('=')) {
      return pair.substr(name.size() + 1);
    }
    if (end == std::string_view::npos) break;
    header.remove_prefix(end + 1);
  }
  return std::nullopt;
}

// The path as it may stand in a Location header: the router matched it decoded, so a segment
// may hold anything, even a line break.
std::string EncodedPath(std::string_view path) {
  std::string encoded;
  size_t start = 0;
  for (size_t slash = path.find('/'); slash != std::string_view::npos;
       slash = path.find('/', start)) {
    encoded += PercentEncode(path.substr(start, slash - start)) + "/";
    start = slash + 1;
  }
  return encoded + PercentEncode(path.substr(start));
}

}  // namespace

std::string ReadAuthorization(const ApiRequest& request) {
  std::string header = request.Header("authorization");
  if (!header.empty()) return header;
  std::string cookies = request.Header("cookie");
  std::optional<std::string_view> value = CookieValue(cookies, kReadTokenCookie);
  if (!value) return {};
  std::optional<std::string> token = PercentDecode(*value);
  return token && !token->empty() ? "Bearer " + *token : std::string();
}

std::optional<std::string> PageToken(const ApiRequest& request) { return request.Query("token"); }

ApiResponse TokenRedirect(const ApiRequest& request, const std::string& token) {
  std::vector<std::pair<std::string, std::string>> kept;
  for (const auto& [name, value] : request.query) {
    if (name != "token") kept.emplace_back(name, value);
  }
  ApiResponse response;
  response.status = 303;
  response.content_type = "text/plain; charset=utf-8";
  response.headers = {{"Location", EncodedPath(request.path) + QueryString(kept)},
                      {"Set-Cookie", std::string(kReadTokenCookie) + "=" + PercentEncode(token) +
                                         "; Path=/; HttpOnly; SameSite=Strict"},
                      {"Cache-Control", "no-store"}};
  return response;
}

}  // namespace perfgate
