// How a browser shows the read token (server.read_token_env) to the web UI. A browser sends no
// Authorization header when it follows a link, so a page takes the token once as ?token=,
// answers with a cookie that holds it and a redirect to the same URL without it, and from then
// on reads the cookie, as do the API's reads that the pages' scripts make. With no read token
// configured (the default) pages need nothing.
//
// Changes never accept the cookie: another site can make a browser send it (cross-site request
// forgery), but not an Authorization header. They need the API token, which the pages' scripts
// send from what the user typed into the page.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "web/api_handler.h"

namespace perfgate {

inline constexpr std::string_view kReadTokenCookie = "perfgate_read_token";

// The Authorization value a read stands for: its header, or else "Bearer <token>" from the
// read-token cookie; empty when it has neither.
std::string ReadAuthorization(const ApiRequest& request);

// The token of a page request's ?token=, nullopt when it has none.
std::optional<std::string> PageToken(const ApiRequest& request);

// 303 to the request's path and query without `token`, setting the cookie to `token`
// (HttpOnly, SameSite=Strict, Path=/): the URL in the address bar and in the history no longer
// shows the token.
ApiResponse TokenRedirect(const ApiRequest& request, const std::string& token);

}  // namespace perfgate
