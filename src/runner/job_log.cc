#include "runner/job_log.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>

namespace perfgate {

namespace fs = std::filesystem;

std::string JobLogDir(const Config& config, JobId job) {
  return config.Resolve(config.work_dir) + "/logs/job-" + std::to_string(job);
}

std::string JobLogPath(const Config& config, JobId job) {
  return JobLogDir(config, job) + "/job.log";
}

JobLog::JobLog(std::string job_dir) : dir_(std::move(job_dir)), path_(dir_ + "/job.log") {
  std::error_code ignored;  // a folder that cannot be made shows up as a missing log
  fs::create_directories(dir_, ignored);
}

void JobLog::Line(TimePoint at, std::string_view text) {
  std::lock_guard lock(mutex_);
  AppendLocked(fmt::format("{:%Y-%m-%dT%H:%M:%S} {}\n",
                           std::chrono::floor<std::chrono::milliseconds>(at), text));
}

void JobLog::Pump() {
  std::lock_guard lock(mutex_);
  std::error_code error;
  for (auto it = fs::recursive_directory_iterator(dir_, error);
       !error && it != fs::recursive_directory_iterator(); it.increment(error)) {
    const fs::path& file = it->path();
    if (!it->is_regular_file() || file.extension() != ".log" || file == path_) continue;
    uintmax_t& offset = offsets_[file.string()];
    std::ifstream in(file, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(offset));
    std::string fresh((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t complete = fresh.rfind('\n');
    if (complete == std::string::npos) continue;  // wait for the rest of the line
    offset += complete + 1;
    std::string source = fs::relative(file, dir_).replace_extension().string();
    std::string merged;
    size_t begin = 0;
    while (begin <= complete) {
      size_t end = fresh.find('\n', begin);
      merged += "[" + source + "] " + fresh.substr(begin, end - begin + 1);
      begin = end + 1;
    }
    AppendLocked(merged);
  }
}

void JobLog::AppendLocked(std::string_view text) {
  std::ofstream out(path_, std::ios::binary | std::ios::app);
  out.write(text.data(), static_cast<std::streamsize>(text.size()));
}

}  // namespace perfgate
