// Prints a comparison report to stdout in the format the user chose.
#pragma once

#include <string>

#include "config/config.h"
#include "store/store.h"

namespace perfgate {

bool IsReportFormat(const std::string& format);  // terminal | markdown | json

// Terminal output is coloured only when stdout is a terminal.
void PrintReport(const StoredComparison& comparison, const Config& config,
                 const std::string& format);

}  // namespace perfgate
