// HTML for the web UI's pages: escaping, and the small pieces every page shows the same way
// (times, commits, verdicts). Pure functions that return HTML fragments in which every text
// they were given is escaped.
#pragma once

#include <string>
#include <string_view>

#include "analysis/comparison.h"
#include "base/clock.h"

namespace perfgate {

// `text` made safe as HTML text and as a quoted attribute value ("..." or '...'): & < > " '
// become character references, so that nothing in it can end an element or an attribute.
// Not for unquoted attributes, the inside of <script> or <style>, or URLs whose scheme was not
// checked: pages use none of those.
std::string EscapeHtml(std::string_view text);

// <time datetime="2024-05-01T12:00:05.000Z" title="2024-05-01 12:00:05 UTC">3 min ago</time>:
// relative to `now`, the absolute time on hover; the pages' script keeps the relative text
// current while a page stays open.
std::string HtmlTime(TimePoint time, TimePoint now);

// The absolute time, then the relative one: "2024-05-01 12:00:05 UTC (<time>3 min ago</time>)".
std::string HtmlTimeInFull(TimePoint time, TimePoint now);

// A link showing `text`; only `text` (escaped) when `url` is empty. `url` must be one the
// server built (http(s) or a path of its own): it is escaped, not checked.
std::string HtmlLink(std::string_view url, std::string_view text);

// The short SHA of `commit` in <code>, the full one on hover, linked to its page when
// `repository_url` is a web address (CommitUrl).
std::string HtmlCommit(std::string_view repository_url, std::string_view commit);

// <span class="badge verdict-regression">regression</span>; `title` (escaped) on hover when
// not empty.
std::string VerdictBadge(Verdict verdict, std::string_view title = {});

}  // namespace perfgate
