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

}  // namespace perfgate
