#include "base/logging.h"

#include <spdlog/sinks/stdout_color_sinks.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <mutex>

namespace perfgate {
namespace {

std::mutex& RegistryMutex() {
  static std::mutex mutex;
  return mutex;
}

spdlog::level::level_enum& CurrentLevel() {
  static spdlog::level::level_enum level = spdlog::level::info;
  return level;
}

bool NamesCredential(std::string_view name) {
  std::string lower(name);
  std::ranges::transform(lower, lower.begin(), [](unsigned char c) { return std::tolower(c); });
  constexpr std::array<std::string_view, 7> kWords = {"token", "key",  "secret",    "pass",
                                                      "sig",   "auth", "credential"};
  return std::ranges::any_of(kWords, [&](std::string_view w) { return lower.contains(w); });
}

}  // namespace

std::shared_ptr<spdlog::logger> Logger(const std::string& component) {
  std::lock_guard lock(RegistryMutex());
  if (auto existing = spdlog::get(component)) return existing;
  auto logger = spdlog::stderr_color_mt(component);
  logger->set_level(CurrentLevel());
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%e %^%l%$ %n: %v");
  return logger;
}

void SetLogLevel(spdlog::level::level_enum level) {
  std::lock_guard lock(RegistryMutex());
  CurrentLevel() = level;
  spdlog::apply_all([level](const std::shared_ptr<spdlog::logger>& l) { l->set_level(level); });
}

std::string RedactUrl(std::string_view url) {
  std::string out(url);
  // user info: scheme://USERINFO@host
  if (size_t scheme = out.find("://"); scheme != std::string::npos) {
    size_t authority = scheme + 3;
    size_t end = out.find_first_of("/?#", authority);
    size_t at = out.rfind('@', end == std::string::npos ? out.size() : end);
    if (at != std::string::npos && at >= authority) {
      out.replace(authority, at - authority, kSecret);
    }
  }
  // credential-like query parameters
  size_t query = out.find('?');
  if (query == std::string::npos) return out;
  std::string result = out.substr(0, query + 1);
  std::string_view rest = std::string_view(out).substr(query + 1);
  while (!rest.empty()) {
    size_t amp = rest.find('&');
    std::string_view param = rest.substr(0, amp);
    size_t eq = param.find('=');
    if (eq != std::string_view::npos && NamesCredential(param.substr(0, eq))) {
      result += std::string(param.substr(0, eq + 1)) + std::string(kSecret);
    } else {
      result += std::string(param);
    }
    if (amp == std::string_view::npos) break;
    result += '&';
    rest = rest.substr(amp + 1);
  }
  return result;
}

}  // namespace perfgate
