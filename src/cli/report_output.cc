#include "cli/report_output.h"

#include <unistd.h>

#include <cstdio>

#include "report/report.h"

namespace perfgate {

bool IsReportFormat(const std::string& format) {
  return format == "terminal" || format == "markdown" || format == "json";
}

void PrintReport(const StoredComparison& comparison, const Config& config,
                 const std::string& format) {
  ReportInput input{comparison, config.repository.url};
  std::string text;
  if (format == "markdown") {
    text = RenderMarkdown(input);
  } else if (format == "json") {
    text = RenderJson(input);
  } else {
    text = RenderTerminal(input, isatty(STDOUT_FILENO) != 0);
  }
  std::fwrite(text.data(), 1, text.size(), stdout);
  if (!text.empty() && text.back() != '\n') std::fputc('\n', stdout);
}

}  // namespace perfgate
