// The jobs table's rows as the SQLite store reads and writes them, shared by the files that
// implement JobStore and JobQueue so that every query selects and decodes a job one way.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "base/error.h"
#include "store/job.h"
#include "store/sqlite_db.h"

namespace perfgate {

// "SELECT <every job column> FROM jobs " + `rest` (a WHERE / ORDER BY clause).
std::string SelectJobsSql(std::string_view rest);

// Every job a statement prepared from SelectJobsSql() returns. Internal error for a row
// perfgate cannot read (edited by hand or damaged), naming `db`.
[[nodiscard]] Result<std::vector<Job>> ReadJobs(Statement& statement, const SqliteDb& db);

bool IsFinal(JobState state);

// A request's scenarios as stored: sorted and without repeats, so that two requests for the
// same set of scenarios store the same text.
std::vector<std::string> ScenarioSet(std::vector<std::string> scenarios);

// InvalidInput for a request the store cannot queue.
[[nodiscard]] Result<void> CheckJobRequest(const JobRequest& request);

}  // namespace perfgate
