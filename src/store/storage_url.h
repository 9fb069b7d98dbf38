// The `storage:` setting of the config, turned into what a backend opens.
#pragma once

#include <string>
#include <string_view>

#include "base/error.h"

namespace perfgate {

// The database file of "sqlite:PATH": PATH when absolute, else PATH under `base_dir`.
// Errors: InvalidInput for another scheme or an empty PATH.
[[nodiscard]] Result<std::string> SqlitePathFromUrl(std::string_view url,
                                                    const std::string& base_dir);

}  // namespace perfgate
