#include "web/page.h"

#include <fmt/format.h>

#include <array>
#include <utility>

#include "report/html.h"
#include "web/assets.h"

namespace perfgate {
namespace {

// The pages the navigation links, in its order: only pages that exist.
constexpr std::array<std::pair<const char*, const char*>, 3> kNavigation = {
    {{"/", "Queue"}, {"/compare", "Compare"}, {"/history", "History"}}};

constexpr char kContentSecurityPolicy[] =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'";

std::string Navigation(const std::string& current) {
  std::string links;
  for (const auto& [path, name] : kNavigation) {
    links += fmt::format(R"(<a href="{}"{}>{}</a>)", path,
                         current == path ? R"( aria-current="page")" : "", name);
  }
  return links;
}

// What the pages' buttons send as the API token. Hidden until perfgate.js shows it: without
// JavaScript nothing could send it.
constexpr char kTokenPanel[] = R"(<details class="token-panel" id="token-panel" hidden>
<summary>API token</summary>
<form id="token-form" autocomplete="off">
<label>API token <input type="password" name="token" spellcheck="false" required></label>
<label class="check"><input type="checkbox" name="remember"> remember in this browser</label>
<div class="buttons"><button type="submit">Use</button> <button type="button" id="token-forget">Forget</button></div>
<p class="hint">Needed to cancel or re-run jobs. Kept in this tab (or this browser), sent only
as <code>Authorization: Bearer</code> by this page's buttons.</p>
<p class="token-state" role="status"></p>
</form>
</details>)";

}  // namespace

ApiResponse HtmlPage(const Page& page, int status) {
  std::string head;
  for (const std::string& style : page.styles) {
    head += fmt::format("<link rel=\"stylesheet\" href=\"{}\">\n", AssetPath(style));
  }
  head += fmt::format("<script src=\"{}\" defer></script>\n", AssetPath("perfgate.js"));
  for (const std::string& script : page.scripts) {
    head += fmt::format("<script src=\"{}\" defer></script>\n", AssetPath(script));
  }
  ApiResponse response;
  response.status = status;
  response.content_type = "text/html; charset=utf-8";
  response.body = fmt::format(R"(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>{title} · perfgate</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="{css}">
{head}</head>
<body>
<header class="top">
<a class="brand" href="/">perfgate</a>
<nav>{nav}</nav>
{token}
</header>
<main>
{content}
</main>
</body>
</html>
)",
                              fmt::arg("title", EscapeHtml(page.title)),
                              fmt::arg("css", AssetPath("perfgate.css")), fmt::arg("head", head),
                              fmt::arg("nav", Navigation(page.nav)), fmt::arg("token", kTokenPanel),
                              fmt::arg("content", page.content));
  response.headers = {{"Content-Security-Policy", kContentSecurityPolicy},
                      {"X-Content-Type-Options", "nosniff"},
                      {"Referrer-Policy", "same-origin"},
                      {"Cache-Control", "no-store"}};
  return response;
}

ApiResponse ErrorPage(const ApiError& error) {
  std::string content = fmt::format(
      "<h1>{}</h1>\n<dl class=\"facts\"><dt>where</dt><dd>{}</dd><dt>fix</dt><dd>{}</dd></dl>\n",
      EscapeHtml(error.error.what), EscapeHtml(error.error.where), EscapeHtml(error.error.fix));
  if (error.status == kStatusUnauthorized || error.status == kStatusForbidden) {
    content += R"(<form class="read-token" method="get">
<label>Read token <input type="password" name="token" autocomplete="off" required></label>
<button type="submit">Open</button>
<p class="hint">This server asks for a token to read. It is kept as a cookie of this site.</p>
</form>
)";
  }
  return HtmlPage(
      Page{.title = fmt::format("{} {}", error.status, ErrorCodeForStatus(error.status)),
           .nav = "",
           .content = std::move(content)},
      error.status);
}

}  // namespace perfgate
