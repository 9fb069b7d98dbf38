// The schema of perfgate's SQLite database, built by an append-only list of migrations.
//
// Version N of the schema is the first N scripts; table schema_migrations records each
// version applied and when. A released script is never edited: a change of schema is a new
// script at the end of the list.
#pragma once

#include "base/clock.h"
#include "base/error.h"
#include "store/sqlite_db.h"

namespace perfgate {

// The schema version this build writes.
int LatestSchemaVersion();

// Applies, each in its own transaction, every migration the database lacks, and returns
// the resulting version. Safe when several processes open the same file at once.
// Errors: FailedPrecondition when the database is newer than this build; those of SQLite.
[[nodiscard]] Result<int> Migrate(const SqliteDb& db, TimePoint now);

// The same, stopping at `version` (1..LatestSchemaVersion()): builds the database an older
// perfgate wrote, to test the migrations after it. A database already past `version` is
// left as it is. InvalidInput for a version that does not exist.
[[nodiscard]] Result<int> MigrateTo(const SqliteDb& db, int version, TimePoint now);

}  // namespace perfgate
