#include "vcs/repository.h"

#include <fmt/chrono.h>
#include <sys/stat.h>

#include <algorithm>
#include <ctime>
#include <filesystem>
#include <string_view>
#include <utility>

#include "base/logging.h"
#include "vcs/git.h"
#include "vcs/mirror_lock.h"

namespace perfgate {
namespace {

std::string Trimmed(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == '\r')) text.pop_back();
  return text;
}

bool IsFullSha(const std::string& text) {
  return text.size() == 40 && std::ranges::all_of(text, [](char c) {
           return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
         });
}

// What git clones from: a local folder as an absolute path, so that a relative one means the
// same mirror whatever the working directory; anything else as given.
std::string CloneSource(const std::string& url) {
  std::error_code error;
  if (url.find("://") == std::string::npos && std::filesystem::is_directory(url, error)) {
    return std::filesystem::absolute(url, error).lexically_normal().string();
  }
  return url;
}

// When the mirror last got news from the remote, for "not found" messages.
std::string LastUpdate(const std::string& mirror_path) {
  struct stat info {};
  if (stat((mirror_path + "/FETCH_HEAD").c_str(), &info) != 0 &&
      stat((mirror_path + "/config").c_str(), &info) != 0) {
    return "never";
  }
  return fmt::format("{:%Y-%m-%d %H:%M:%S} UTC", fmt::gmtime(info.st_mtime));
}

// A failed clone or fetch is most often the network or the remote: worth retrying.
Error TransferError(const ProcessSpec& spec, const CapturedRun& run, const std::string& what) {
  Error error = FailedRunError(spec, run);
  error.kind = ErrorKind::kUnavailable;
  error.what = what + ": " + error.what;
  error.fix = "check the URL, that the host is reachable and that perfgate may read it";
  return error;
}

}  // namespace

Result<Repository> Repository::Open(const std::string& url, const std::string& cache_dir) {
  if (url.empty() || url.starts_with('-')) {
    return std::unexpected(InvalidInput("repository URL `" + RedactUrl(url) + "` is not valid",
                                        "repository.url",
                                        "give an https://, ssh or file:// URL or a local path"));
  }
  std::string source = CloneSource(url);
  std::error_code error;
  std::filesystem::create_directories(cache_dir, error);
  if (error) {
    return std::unexpected(FailedPrecondition("cannot create the mirror cache: " + error.message(),
                                              cache_dir, "make its parent folder writable"));
  }
  std::string mirror_path =
      (std::filesystem::absolute(cache_dir) / MirrorDirName(source)).lexically_normal().string();
  Repository repository(url, mirror_path);
  Result<MirrorLock> lock = MirrorLock::Acquire(mirror_path);
  if (!lock) return std::unexpected(lock.error());
  if (std::filesystem::exists(mirror_path + "/HEAD", error)) {
    Logger("vcs")->debug("mirror reused url={} path={}", RedactUrl(url), mirror_path);
    return repository;
  }
  // Cloned aside and renamed, so that a clone cut short (timeout, crash) never passes for a
  // mirror; the lock keeps other clones of the same URL out meanwhile.
  std::string partial = mirror_path + ".partial";
  std::filesystem::remove_all(partial, error);
  std::filesystem::remove_all(mirror_path, error);
  Logger("vcs")->info("mirror cloning url={} path={}", RedactUrl(url), mirror_path);
  ProcessSpec clone =
      GitCommand(cache_dir, {"clone", "--mirror", "--quiet", "--", source, partial});
  Result<CapturedRun> run = CaptureRun(clone, kGitTransferTimeout);
  if (!run) return std::unexpected(repository.Redacted(run.error()));
  if (!run->status.ok()) {
    std::filesystem::remove_all(partial, error);
    return std::unexpected(repository.Redacted(
        TransferError(clone, *run, "cannot clone repository " + url).In(mirror_path)));
  }
  std::filesystem::rename(partial, mirror_path, error);
  if (error) {
    return std::unexpected(Internal("cannot move the new mirror in place: " + error.message(),
                                    mirror_path, "check the cache folder's permissions"));
  }
  return repository;
}

Result<void> Repository::Fetch() {
  Result<MirrorLock> lock = MirrorLock::Acquire(mirror_path_);
  if (!lock) return std::unexpected(lock.error());
  ProcessSpec fetch = GitCommand(mirror_path_, {"fetch", "--prune", "--quiet", "origin"});
  Result<CapturedRun> run = CaptureRun(fetch, kGitTransferTimeout);
  if (!run) return std::unexpected(Redacted(run.error()));
  if (!run->status.ok()) {
    return std::unexpected(
        Redacted(TransferError(fetch, *run, "cannot fetch repository " + url_).In(mirror_path_)));
  }
  Logger("vcs")->debug("mirror fetched url={}", RedactUrl(url_));
  return {};
}

Result<std::string> Repository::Resolve(const std::string& rev) {
  if (Result<void> valid = CheckRevision(rev, url_); !valid) {
    return std::unexpected(valid.error());
  }
  ProcessSpec parse = GitCommand(
      mirror_path_, {"rev-parse", "--verify", "--quiet", "--end-of-options", rev + "^{commit}"});
  Result<CapturedRun> run = CaptureRun(parse, kGitLocalTimeout);
  if (!run) return std::unexpected(Redacted(run.error()));
  std::string sha = Trimmed(run->output);
  if (run->status.ok() && IsFullSha(sha)) return sha;
  if (run->status.code == 1 && run->status.signal == 0) {
    return std::unexpected(NotFoundError(rev));
  }
  return std::unexpected(Redacted(FailedRunError(parse, *run)));
}

Result<CapturedRun> Repository::MergeBaseRun(const std::string& option, const std::string& a,
                                             const std::string& b) {
  Result<std::string> sha_a = Resolve(a);
  if (!sha_a) return std::unexpected(sha_a.error());
  Result<std::string> sha_b = Resolve(b);
  if (!sha_b) return std::unexpected(sha_b.error());
  std::vector<std::string> args = {"merge-base"};
  if (!option.empty()) args.push_back(option);
  args.insert(args.end(), {*sha_a, *sha_b});
  ProcessSpec merge_base = GitCommand(mirror_path_, std::move(args));
  Result<CapturedRun> run = CaptureRun(merge_base, kGitLocalTimeout);
  if (!run) return std::unexpected(Redacted(run.error()));
  // Exit 1 is an answer ("none", "no"); anything else but 0 is git failing.
  if (!run->status.ok() && !(run->status.code == 1 && run->status.signal == 0)) {
    return std::unexpected(Redacted(FailedRunError(merge_base, *run)));
  }
  return run;
}

Result<std::string> Repository::MergeBase(const std::string& a, const std::string& b) {
  Result<CapturedRun> run = MergeBaseRun("", a, b);
  if (!run) return std::unexpected(run.error());
  if (!run->status.ok()) {
    return std::unexpected(NotFound("`" + a + "` and `" + b + "` have no common ancestor",
                                    "repository " + RedactUrl(url_),
                                    "compare commits that share history, or give the base"));
  }
  return Trimmed(run->output);
}

Result<bool> Repository::IsAncestor(const std::string& ancestor, const std::string& descendant) {
  Result<CapturedRun> run = MergeBaseRun("--is-ancestor", ancestor, descendant);
  if (!run) return std::unexpected(run.error());
  return run->status.ok();
}

Result<std::vector<std::string>> Repository::FirstParents(const std::string& commit, int limit) {
  if (limit < 1) {
    return std::unexpected(
        InvalidInput("history limit " + std::to_string(limit) + " is not positive",
                     "repository " + RedactUrl(url_), "ask for 1 or more"));
  }
  Result<std::string> sha = Resolve(commit);
  if (!sha) return std::unexpected(sha.error());
  Result<std::string> output =
      Git({"rev-list", "--first-parent", "--max-count=" + std::to_string(limit), *sha});
  if (!output) return std::unexpected(output.error());
  std::vector<std::string> shas;
  size_t begin = 0;
  while (begin < output->size()) {
    size_t end = output->find('\n', begin);
    if (end == std::string::npos) end = output->size();
    if (end > begin) shas.push_back(output->substr(begin, end - begin));
    begin = end + 1;
  }
  return shas;
}

Result<std::map<std::string, std::string>> Repository::Subjects(
    const std::vector<std::string>& commits) {
  if (auto bad = std::ranges::find_if_not(commits, IsFullSha); bad != commits.end()) {
    return std::unexpected(InvalidInput("`" + *bad + "` is not a full commit SHA",
                                        "repository " + RedactUrl(url_),
                                        "ask for the 40-hex SHAs the store keeps"));
  }
  std::map<std::string, std::string> subjects;
  for (size_t start = 0; start < commits.size(); start += kSubjectsPerGit) {
    // Unit separator between SHA and subject: a subject is one line, but may hold anything
    // else. --ignore-missing leaves out a commit the mirror lacks instead of failing them all;
    // the chunks keep the command line far below the kernel's limit.
    std::vector<std::string> args = {"log", "--no-walk=unsorted", "--ignore-missing",
                                     "--format=%H%x1f%s"};
    size_t end = std::min(commits.size(), start + kSubjectsPerGit);
    args.insert(args.end(), commits.begin() + static_cast<ptrdiff_t>(start),
                commits.begin() + static_cast<ptrdiff_t>(end));
    Result<std::string> output = Git(args);
    if (!output) return std::unexpected(output.error());
    std::string_view rest = *output;
    while (!rest.empty()) {
      size_t line_end = std::min(rest.find('\n'), rest.size());
      std::string_view line = rest.substr(0, line_end);
      if (line.size() > 40 && line[40] == '\x1f') {
        subjects.emplace(std::string(line.substr(0, 40)), std::string(line.substr(41)));
      }
      rest.remove_prefix(std::min(line_end + 1, rest.size()));
    }
  }
  return subjects;
}

Result<Worktree> Repository::AddWorktree(const std::string& commit, const std::string& path) {
  Result<std::string> sha = Resolve(commit);
  if (!sha) return std::unexpected(sha.error());
  std::string absolute = std::filesystem::absolute(path).lexically_normal().string();
  std::error_code error;
  if (std::filesystem::exists(absolute, error)) {
    return std::unexpected(FailedPrecondition("worktree folder already exists", absolute,
                                              "remove it, or check out into a new folder"));
  }
  std::filesystem::create_directories(std::filesystem::path(absolute).parent_path(), error);
  // Git keeps every worktree's record in the mirror, and an add reads the others' records:
  // under the mirror's lock, so that it never meets one half written by another worker.
  Result<MirrorLock> lock = MirrorLock::Acquire(mirror_path_);
  if (!lock) return std::unexpected(lock.error());
  Result<std::string> added = Git({"worktree", "add", "--detach", "--quiet", "--", absolute, *sha});
  if (!added) return std::unexpected(added.error());
  Logger("vcs")->debug("worktree added path={} commit={}", absolute, *sha);
  return Worktree(mirror_path_, absolute, *sha);
}

Result<std::string> Repository::Git(const std::vector<std::string>& args) {
  Result<std::string> output = CaptureOutput(GitCommand(mirror_path_, args), kGitLocalTimeout);
  if (!output) return std::unexpected(Redacted(output.error()));
  return output;
}

Error Repository::NotFoundError(const std::string& rev) const {
  return NotFound("commit `" + rev + "` not found in repository " + RedactUrl(url_), {},
                  "push it, or check the spelling; perfgate last fetched its mirror at " +
                      mirror_path_ + " on " + LastUpdate(mirror_path_));
}

Error Repository::Redacted(Error error) const {
  std::string redacted = RedactUrl(url_);
  if (redacted == url_) return error;
  for (std::string* text : {&error.what, &error.where, &error.fix}) {
    for (size_t at = text->find(url_); at != std::string::npos;
         at = text->find(url_, at + redacted.size())) {
      text->replace(at, url_.size(), redacted);
    }
  }
  return error;
}

}  // namespace perfgate
