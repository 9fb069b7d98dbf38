// The API's revision resolver on a real mirror: full SHAs once found are answered without git,
// names always from git, new pushes after a fetch, pull request heads as GitHub publishes them
// (refs/pull/N/head), subjects once read from memory.
#include "cli/commit_resolver.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>
#include <string>

#include "support/git_repo.h"
#include "support/temp_dir.h"

namespace perfgate {
namespace {

using testing::GitRepo;
using testing::TempDir;

class CommitResolverTest : public ::testing::Test {
 protected:
  CommitResolverTest() : origin_(dir_.Path("origin")) {
    first_ = origin_.Commit({{"README", "first\n"}}, "first commit");
    second_ = origin_.Commit({{"README", "second\n"}}, "second commit");
  }

  std::unique_ptr<CommitResolver> Open(
      size_t known_commits = CommitResolver::kDefaultKnownCommits) {
    Result<Repository> repository = Repository::Open(origin_.url(), dir_.Path("cache"));
    EXPECT_TRUE(repository.has_value()) << repository.error().ToString();
    if (!repository) return nullptr;
    mirror_ = repository->mirror_path();
    return std::make_unique<CommitResolver>(std::move(*repository), known_commits);
  }

  // From now on every git command in the mirror fails: what still resolves came from memory.
  void BreakMirror() { std::filesystem::rename(mirror_, mirror_ + ".gone"); }

  std::string Resolved(CommitResolver& resolver, const std::string& rev) {
    Result<std::string> sha = resolver.Resolve(rev);
    EXPECT_TRUE(sha.has_value()) << rev << ": " << sha.error().ToString();
    return sha.value_or("");
  }

  TempDir dir_;
  GitRepo origin_;
  std::string first_;
  std::string second_;
  std::string mirror_;
};

TEST_F(CommitResolverTest, AFullShaOnceFoundIsAnsweredWithoutGit) {
  auto resolver = Open();
  ASSERT_TRUE(resolver);
  EXPECT_EQ(Resolved(*resolver, second_), second_);
  BreakMirror();
  EXPECT_EQ(Resolved(*resolver, second_), second_);
  EXPECT_FALSE(resolver->Resolve(first_).has_value());  // never asked: git, which fails
}

TEST_F(CommitResolverTest, NamesGoToGitEveryTimeButTheirCommitIsRemembered) {
  auto resolver = Open();
  ASSERT_TRUE(resolver);
  EXPECT_EQ(Resolved(*resolver, "main"), second_);
  BreakMirror();
  EXPECT_FALSE(resolver->Resolve("main").has_value());
  EXPECT_EQ(Resolved(*resolver, second_), second_);
}

TEST_F(CommitResolverTest, ACommitPushedLaterIsFetchedAndTheBranchFollowsIt) {
  auto resolver = Open();
  ASSERT_TRUE(resolver);
  EXPECT_EQ(Resolved(*resolver, "main"), second_);
  std::string third = origin_.Commit({{"README", "third\n"}}, "third commit");
  EXPECT_EQ(Resolved(*resolver, third), third);
  EXPECT_EQ(Resolved(*resolver, "main"), third);
}

TEST_F(CommitResolverTest, AShaTheRepositoryLacksIsNotFoundAndNotRemembered) {
  auto resolver = Open();
  ASSERT_TRUE(resolver);
  std::string missing(40, '0');
  Result<std::string> sha = resolver->Resolve(missing);
  ASSERT_FALSE(sha.has_value());
  EXPECT_EQ(sha.error().kind, ErrorKind::kNotFound) << sha.error().ToString();
  BreakMirror();
  EXPECT_FALSE(resolver->Resolve(missing).has_value());
}

TEST_F(CommitResolverTest, APullRequestHeadIsItsNewestPush) {
  origin_.Branch("feature");
  std::string pushed = origin_.Commit({{"a.txt", "a\n"}}, "on feature");
  origin_.Git({"update-ref", "refs/pull/5/head", pushed});
  auto resolver = Open();
  ASSERT_TRUE(resolver);
  Result<std::string> head = resolver->PullRequestHead(5);
  ASSERT_TRUE(head.has_value()) << head.error().ToString();
  EXPECT_EQ(*head, pushed);

  std::string pushed_again = origin_.Commit({{"a.txt", "b\n"}}, "again on feature");
  origin_.Git({"update-ref", "refs/pull/5/head", pushed_again});
  head = resolver->PullRequestHead(5);
  ASSERT_TRUE(head.has_value()) << head.error().ToString();
  EXPECT_EQ(*head, pushed_again);

  Result<std::string> none = resolver->PullRequestHead(6);
  ASSERT_FALSE(none.has_value());
  EXPECT_EQ(none.error().kind, ErrorKind::kNotFound) << none.error().ToString();
}

TEST_F(CommitResolverTest, SubjectsOnceReadAreAnsweredWithoutGit) {
  auto resolver = Open();
  ASSERT_TRUE(resolver);
  auto subjects = resolver->Subjects({first_});
  ASSERT_TRUE(subjects.has_value()) << subjects.error().ToString();
  EXPECT_EQ(subjects->at(first_), "first commit");
  BreakMirror();
  subjects = resolver->Subjects({first_});
  ASSERT_TRUE(subjects.has_value()) << subjects.error().ToString();
  EXPECT_EQ(subjects->at(first_), "first commit");
  EXPECT_EQ(Resolved(*resolver, first_), first_);  // a commit whose subject was read is one
  EXPECT_FALSE(resolver->Subjects({first_, second_}).has_value());  // never read: git, which fails
}

TEST_F(CommitResolverTest, FirstParentsAreReadAgainOnlyWhenTheBranchMoved) {
  auto resolver = Open();
  ASSERT_TRUE(resolver);
  auto commits = resolver->FirstParents("main", 10);
  ASSERT_TRUE(commits.has_value()) << commits.error().ToString();
  EXPECT_EQ(*commits, (std::vector<std::string>{second_, first_}));
  std::string third = origin_.Commit({{"README", "third\n"}}, "third commit");
  ASSERT_EQ(Resolved(*resolver, third), third);  // fetched: main has moved in the mirror
  commits = resolver->FirstParents("main", 10);
  ASSERT_TRUE(commits.has_value()) << commits.error().ToString();
  EXPECT_EQ(*commits, (std::vector<std::string>{third, second_, first_}));
  EXPECT_EQ(resolver->FirstParents("main", 1)->size(), 1u);
}

TEST_F(CommitResolverTest, TheOldestShaIsForgottenBeyondTheBound) {
  auto resolver = Open(/*known_commits=*/1);
  ASSERT_TRUE(resolver);
  EXPECT_EQ(Resolved(*resolver, first_), first_);
  EXPECT_EQ(Resolved(*resolver, second_), second_);
  BreakMirror();
  EXPECT_EQ(Resolved(*resolver, second_), second_);
  EXPECT_FALSE(resolver->Resolve(first_).has_value());
}

}  // namespace
}  // namespace perfgate
