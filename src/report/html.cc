#include "report/html.h"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <utility>

#include "report/format.h"
#include "report/report.h"

namespace perfgate {

std::string EscapeHtml(std::string_view text) {
  // The characters that can end text or a quoted attribute, and their references.
  static constexpr std::array<std::pair<char, std::string_view>, 5> kReferences = {
      {{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'"', "&quot;"}, {'\'', "&#39;"}}};
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    auto reference = std::ranges::find(kReferences, c, &std::pair<char, std::string_view>::first);
    if (reference == kReferences.end()) {
      out += c;
    } else {
      out += reference->second;
    }
  }
  return out;
}

std::string HtmlTime(TimePoint time, TimePoint now) {
  return fmt::format(R"(<time datetime="{}" title="{}">{}</time>)", FormatTimestamp(time),
                     FormatUtcTime(time), FormatAgo(time, now));
}

std::string HtmlTimeInFull(TimePoint time, TimePoint now) {
  return fmt::format("{} ({})", FormatUtcTime(time), HtmlTime(time, now));
}

std::string HtmlLink(std::string_view url, std::string_view text) {
  if (url.empty()) return EscapeHtml(text);
  return fmt::format(R"(<a href="{}">{}</a>)", EscapeHtml(url), EscapeHtml(text));
}

std::string HtmlCommit(std::string_view repository_url, std::string_view commit) {
  std::string code = fmt::format(R"(<code title="{}">{}</code>)", EscapeHtml(commit),
                                 EscapeHtml(ShortCommit(commit)));
  std::string url = CommitUrl(repository_url, commit);
  if (url.empty()) return code;
  return fmt::format(R"(<a href="{}">{}</a>)", EscapeHtml(url), code);
}

std::string VerdictBadge(Verdict verdict, std::string_view title) {
  std::string name = VerdictName(verdict);
  std::string hover = title.empty() ? "" : fmt::format(R"( title="{}")", EscapeHtml(title));
  return fmt::format(R"(<span class="badge verdict-{}"{}>{}</span>)", name, hover, name);
}

}  // namespace perfgate
