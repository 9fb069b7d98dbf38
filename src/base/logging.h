// One named spdlog logger per component, and the elision of secrets in what is logged.
//
// Messages are constant text followed by key=value pairs:
//   Logger("runner")->info("run finished job={} scenario={} outcome={}", ...);
#pragma once

#include <spdlog/spdlog.h>

#include <memory>
#include <string>
#include <string_view>

namespace perfgate {

// The logger named `component`, created on first use; writes to stderr.
std::shared_ptr<spdlog::logger> Logger(const std::string& component);

// Sets the level of every logger, existing and future ("debug", "info", "warn", "error").
void SetLogLevel(spdlog::level::level_enum level);

inline constexpr std::string_view kSecret = "<secret>";

// A URL fit for a log line: user info ("user:token@") and the values of query parameters
// whose name suggests a credential (token, key, secret, password, sig) become <secret>.
std::string RedactUrl(std::string_view url);

}  // namespace perfgate
