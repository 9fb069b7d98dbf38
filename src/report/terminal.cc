#include <fmt/format.h>

#include <algorithm>
#include <string_view>

#include "report/format.h"
#include "report/report.h"
#include "report/table.h"

namespace perfgate {
namespace {

constexpr std::string_view kBold = "\x1b[1m";
constexpr std::string_view kReset = "\x1b[0m";
constexpr std::string_view kColumnGap = "  ";

std::string_view VerdictColor(Verdict verdict) {
  switch (verdict) {
    case Verdict::kRegression:
      return "\x1b[1;31m";  // bold red
    case Verdict::kImprovement:
      return "\x1b[32m";  // green
    case Verdict::kInconclusive:
      return "\x1b[33m";  // yellow
    case Verdict::kMissing:
      return "\x1b[35m";  // magenta
    case Verdict::kUnchanged:
      return "\x1b[2m";  // dim
  }
  return {};
}

// Columns a terminal gives the text: one per code point (labels and units such as "µs" are
// not wide characters), so UTF-8 continuation bytes do not count.
size_t DisplayWidth(std::string_view text) {
  return static_cast<size_t>(
      std::ranges::count_if(text, [](unsigned char c) { return (c & 0xC0) != 0x80; }));
}

// Labels come from the system under test: a control character in one must not move the
// cursor or change colours, so it shows as '?'.
std::string Printable(std::string_view text) {
  std::string out(text);
  std::ranges::replace_if(
      out, [](unsigned char c) { return c < 0x20 || c == 0x7f; }, '?');
  return out;
}

std::string Paint(std::string_view text, std::string_view style, bool color) {
  if (!color || style.empty()) return std::string(text);
  return fmt::format("{}{}{}", style, text, kReset);
}

// One line of the table; the last column is not padded, so no line ends in spaces.
std::string FormatLine(const TableRow& cells, const std::array<size_t, kTableColumns>& widths,
                       std::string_view last_style, bool color) {
  std::string line;
  for (size_t column = 0; column < kTableColumns; ++column) {
    const std::string& cell = cells[column];
    if (column + 1 == kTableColumns) {
      line += Paint(cell, last_style, color);
      break;
    }
    std::string padding(widths[column] - DisplayWidth(cell), ' ');
    line += IsNumericColumn(column) ? padding + cell : cell + padding;
    line += kColumnGap;
  }
  return line;
}

std::string Heading(const StoredComparison& stored) {
  return fmt::format("perfgate: candidate {} (job {}) vs base {} (job {}): {}",
                     ShortCommit(stored.candidate_commit), stored.candidate_job,
                     ShortCommit(stored.base_commit), stored.base_job, Summary(stored.comparison));
}

}  // namespace

std::string RenderTerminal(const ReportInput& input, bool color) {
  const StoredComparison& stored = input.comparison;
  std::string out = Paint(Heading(stored), kBold, color) + "\n";
  std::vector<const SeriesComparison*> ordered = InReportOrder(stored.comparison);
  if (ordered.empty()) return out;

  std::vector<TableRow> rows;
  rows.reserve(ordered.size());
  std::array<size_t, kTableColumns> widths{};
  for (size_t column = 0; column < kTableColumns; ++column) {
    widths[column] = DisplayWidth(kTableHeader[column]);
  }
  for (const SeriesComparison* series : ordered) {
    TableRow row = FormatRow(*series);
    for (std::string& cell : row) cell = Printable(cell);
    rows.push_back(std::move(row));
    for (size_t column = 0; column < kTableColumns; ++column) {
      widths[column] = std::max(widths[column], DisplayWidth(rows.back()[column]));
    }
  }

  out += "\n";
  out += Paint(FormatLine(kTableHeader, widths, {}, false), kBold, color) + "\n";
  for (size_t i = 0; i < rows.size(); ++i) {
    out += FormatLine(rows[i], widths, VerdictColor(ordered[i]->verdict), color) + "\n";
  }

  std::string notes;
  for (const SeriesComparison* series : ordered) {
    std::string note = SeriesNote(*series);
    if (note.empty()) continue;
    notes += Printable(fmt::format("  {} {} {}: {}", series->scenario, series->metric,
                                   series->series, note)) +
             "\n";
  }
  if (!notes.empty()) out += "\nnotes:\n" + notes;
  return out;
}

}  // namespace perfgate
