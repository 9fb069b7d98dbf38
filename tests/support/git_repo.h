// A real git repository built commit by commit for tests: the origin perfgate mirrors.
//
//   TempDir dir;
//   GitRepo repo(dir.Path("origin"));                 // `git init -b main`
//   std::string first = repo.Commit({{"README", "hello\n"}}, "first");
//   repo.Branch("feature");                           // created at HEAD and checked out
//   std::string second = repo.Commit({{"src/a.txt", "a\n"}}, "on feature");
//   repo.Checkout("main");
//   repo.Tag("v1");                                   // annotated, at HEAD
//
// It runs git directly rather than through perfgate's process component, so that a fixture
// never depends on the code it helps to test. Failures throw std::runtime_error with git's
// output: GoogleTest reports them as a failed test.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace perfgate::testing {

class GitRepo {
 public:
  // Creates `path` (and its parents) and a repository in it whose first branch is `branch`.
  explicit GitRepo(std::filesystem::path path, const std::string& branch = "main");

  const std::filesystem::path& path() const { return path_; }
  std::string url() const { return "file://" + path_.string(); }

  // Writes `files` (path relative to the work tree -> content, parents created), commits
  // everything in the work tree (an empty commit when nothing changed) on the current branch,
  // and returns the commit's 40-hex SHA.
  std::string Commit(const std::map<std::string, std::string>& files, const std::string& message);

  // Merges `branch` into the current branch with a merge commit (--no-ff); returns its SHA.
  std::string Merge(const std::string& branch, const std::string& message);

  void Branch(const std::string& name);    // creates `name` at HEAD and checks it out
  void Checkout(const std::string& name);  // switches to an existing branch
  void Tag(const std::string& name);       // an annotated tag at HEAD

  std::string Head() const;  // the SHA of HEAD

  // Runs `git <args>` in the repository and returns its stdout.
  std::string Git(const std::vector<std::string>& args) const;

 private:
  std::filesystem::path path_;
};

// Runs `argv` (no shell) in `cwd` and returns its stdout; throws std::runtime_error quoting
// its stderr when it cannot start or exits non-zero.
std::string RunCommand(const std::vector<std::string>& argv, const std::filesystem::path& cwd);

}  // namespace perfgate::testing
