#include "prometheus/targets.h"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <system_error>

namespace perfgate {
namespace {

bool IsValidName(const std::string& name) {
  return !name.empty() && std::ranges::all_of(name, [](unsigned char c) {
    return std::isalnum(c) || c == '-' || c == '_';
  });
}

std::string RenderTargetGroups(const std::vector<ScrapeTargetGroup>& groups) {
  nlohmann::json document = nlohmann::json::array();
  for (const ScrapeTargetGroup& group : groups) {
    nlohmann::json labels(group.labels);
    // The path is a target label, not a series label: file_sd has no other way to set it.
    labels["__metrics_path__"] = group.metrics_path;
    document.push_back({{"targets", group.addresses}, {"labels", labels}});
  }
  return document.dump(2) + "\n";
}

// Prometheus watches the directory and may read a file while it is being written; a rename
// within one directory is atomic, so it only ever sees the old or the new content.
Result<void> WriteAtomically(const std::string& path, const std::string& content) {
  const std::string fix = "check that the directory exists and is writable";
  std::string temporary = path + ".tmp";
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    out << content;
    out.flush();
    if (!out) {
      std::error_code ignored;
      std::filesystem::remove(temporary, ignored);
      return std::unexpected(FailedPrecondition(
          fmt::format("cannot write the target file: {}", std::strerror(errno)), temporary, fix));
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0) {
    std::string reason = std::strerror(errno);
    std::error_code ignored;
    std::filesystem::remove(temporary, ignored);
    return std::unexpected(FailedPrecondition(
        fmt::format("cannot rename {} into place: {}", temporary, reason), path, fix));
  }
  return {};
}

}  // namespace

std::string Selector(const Labels& labels) {
  std::string braced = FormatLabels(labels);
  return braced.substr(1, braced.size() - 2);
}

Result<TargetFile> TargetFile::Create(const std::string& dir, const std::string& name,
                                      const std::vector<ScrapeTargetGroup>& groups) {
  if (!IsValidName(name)) {
    return std::unexpected(InvalidInput(fmt::format("\"{}\" is not a valid target file name", name),
                                        dir, "use letters, digits, '-' and '_' only"));
  }
  std::string path = (std::filesystem::path(dir) / (name + ".json")).string();
  if (auto written = WriteAtomically(path, RenderTargetGroups(groups)); !written) {
    return std::unexpected(written.error());
  }
  return TargetFile(std::move(path));
}

TargetFile::TargetFile(TargetFile&& other) noexcept : path_(std::exchange(other.path_, {})) {}

TargetFile& TargetFile::operator=(TargetFile&& other) noexcept {
  if (this != &other) {
    TargetFile discarded(std::move(*this));  // removes our current file on scope exit
    path_ = std::exchange(other.path_, {});
  }
  return *this;
}

TargetFile::~TargetFile() {
  if (path_.empty()) return;  // moved from
  std::error_code ignored;    // best effort: a destructor cannot report, and the file is ours
  std::filesystem::remove(path_, ignored);
}

Result<void> TargetFile::Update(const std::vector<ScrapeTargetGroup>& groups) {
  return WriteAtomically(path_, RenderTargetGroups(groups));
}

}  // namespace perfgate
