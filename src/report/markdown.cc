#include <fmt/format.h>

#include <algorithm>

#include "report/format.h"
#include "report/report.h"
#include "report/table.h"

namespace perfgate {
namespace {

// Text that GitHub Markdown shows as written inside a table cell: `|` would end the cell,
// `<` could open HTML, and `*_[]~` and backticks would format or link.
std::string Escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    switch (c) {
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '&':
        out += "&amp;";
        break;
      case '\n':
      case '\r':
        out += ' ';
        break;
      case '|':
      case '\\':
      case '`':
      case '*':
      case '_':
      case '[':
      case ']':
      case '~':
        out += '\\';
        out += c;
        break;
      default:
        out += c;
    }
  }
  return out;
}

// Cells already in Markdown.
std::string TableLine(const TableRow& cells, std::string_view note) {
  std::string line = "|";
  for (const std::string& cell : cells) line += " " + cell + " |";
  return fmt::format("{} {} |\n", line, note);
}

std::string Table(const std::vector<const SeriesComparison*>& series) {
  std::string out = TableLine(kTableHeader, "note");
  out += "|";
  for (size_t column = 0; column < kTableColumns; ++column) {
    out += IsNumericColumn(column) ? " ---: |" : " --- |";
  }
  out += " --- |\n";
  for (const SeriesComparison* s : series) {
    TableRow row = FormatRow(*s);
    for (std::string& cell : row) cell = Escape(cell);
    if (s->verdict == Verdict::kRegression) row.back() = "**" + row.back() + "**";
    out += TableLine(row, Escape(SeriesNote(*s)));
  }
  return out;
}

std::string CommitLink(const ReportInput& input, const std::string& commit) {
  std::string text = fmt::format("`{}`", ShortCommit(commit));
  std::string url = CommitUrl(input.repository_url, commit);
  return url.empty() ? text : fmt::format("[{}]({})", text, url);
}

}  // namespace

std::string RenderMarkdown(const ReportInput& input) {
  const StoredComparison& stored = input.comparison;
  const Comparison& comparison = stored.comparison;
  std::string out =
      fmt::format("### {} perfgate: {}\n\n",
                  comparison.HasRegression() ? ":x:" : ":white_check_mark:", Summary(comparison));
  out += fmt::format("Candidate {} (job {}) vs base {} (job {}).\n",
                     CommitLink(input, stored.candidate_commit), stored.candidate_job,
                     CommitLink(input, stored.base_commit), stored.base_job);

  std::vector<const SeriesComparison*> changed, unchanged;
  for (const SeriesComparison* s : InReportOrder(comparison)) {
    (s->verdict == Verdict::kUnchanged ? unchanged : changed).push_back(s);
  }
  if (!changed.empty()) out += "\n" + Table(changed);
  if (!unchanged.empty()) {
    out += fmt::format("\n<details>\n<summary>{} unchanged</summary>\n\n{}\n</details>\n",
                       unchanged.size(), Table(unchanged));
  }
  return out;
}

std::string MarkdownCodeBlock(std::string_view text) {
  size_t longest = 0, run = 0;
  for (char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(std::max<size_t>(3, longest + 1), '`');
  std::string block = fence + "text\n" + std::string(text);
  if (!text.empty() && text.back() != '\n') block += '\n';
  return block + fence + "\n";
}

}  // namespace perfgate
