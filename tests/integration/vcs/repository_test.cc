#include "vcs/repository.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <filesystem>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "support/git_repo.h"
#include "support/temp_dir.h"

namespace perfgate {
namespace {

using testing::GitRepo;
using ::testing::HasSubstr;
using testing::ReadFile;
using testing::TempDir;

// An origin with a main branch, a tag and a feature branch forked from main's first commit:
// first <- second (main, tag v1), and first <- feature-work (feature).
class RepositoryTest : public ::testing::Test {
 protected:
  RepositoryTest() : origin_(dir_.Path("origin")) {
    first_ = origin_.Commit({{"README", "first\n"}}, "first commit");
    origin_.Branch("feature");
    feature_ = origin_.Commit({{"src/feature.txt", "feature\n"}}, "feature work");
    origin_.Checkout("main");
    second_ = origin_.Commit({{"README", "second\n"}}, "second commit\n\nwith a body");
    origin_.Tag("v1");
  }

  Repository OpenOrDie(const std::string& url) {
    Result<Repository> repository = Repository::Open(url, dir_.Path("cache"));
    EXPECT_TRUE(repository.has_value()) << repository.error().ToString();
    return std::move(*repository);
  }

  std::string ResolveOrDie(Repository& repository, const std::string& rev) {
    Result<std::string> sha = repository.Resolve(rev);
    EXPECT_TRUE(sha.has_value()) << sha.error().ToString();
    return sha.value_or("");
  }

  TempDir dir_;
  GitRepo origin_;
  std::string first_;
  std::string feature_;
  std::string second_;
};

TEST_F(RepositoryTest, OpensAMirrorOfALocalPath) {
  Repository repository = OpenOrDie(origin_.path().string());
  EXPECT_EQ(repository.url(), origin_.path().string());
  EXPECT_TRUE(std::filesystem::exists(repository.mirror_path() + "/HEAD"));
  EXPECT_EQ(std::filesystem::path(repository.mirror_path()).parent_path(), dir_.path() / "cache");
  EXPECT_THAT(repository.mirror_path(), HasSubstr("origin-"));
  EXPECT_EQ(ResolveOrDie(repository, "main"), second_);
}

TEST_F(RepositoryTest, OpensAMirrorOfAFileUrl) {
  Repository repository = OpenOrDie(origin_.url());
  EXPECT_EQ(ResolveOrDie(repository, "feature"), feature_);
}

TEST_F(RepositoryTest, ReusesAnExistingMirror) {
  std::string mirror = OpenOrDie(origin_.url()).mirror_path();
  std::string marker = mirror + "/perfgate-marker";
  testing::RunCommand({"touch", marker}, dir_.path());
  Repository again = OpenOrDie(origin_.url());
  EXPECT_EQ(again.mirror_path(), mirror);
  EXPECT_TRUE(std::filesystem::exists(marker));
}

TEST_F(RepositoryTest, ResolvesBranchTagShortAndFullSha) {
  Repository repository = OpenOrDie(origin_.url());
  EXPECT_EQ(ResolveOrDie(repository, "main"), second_);
  EXPECT_EQ(ResolveOrDie(repository, "refs/heads/feature"), feature_);
  EXPECT_EQ(ResolveOrDie(repository, "v1"), second_);  // an annotated tag, peeled
  EXPECT_EQ(ResolveOrDie(repository, first_.substr(0, 10)), first_);
  EXPECT_EQ(ResolveOrDie(repository, first_), first_);
}

TEST_F(RepositoryTest, UnknownCommitIsNotFoundAndNamesTheRepository) {
  Repository repository = OpenOrDie(origin_.url());
  for (const std::string rev : {"no-such-branch", "0123456789abcdef0123456789abcdef01234567"}) {
    Result<std::string> sha = repository.Resolve(rev);
    ASSERT_FALSE(sha.has_value());
    EXPECT_EQ(sha.error().kind, ErrorKind::kNotFound);
    EXPECT_THAT(sha.error().ToString(), HasSubstr("commit `" + rev + "` not found"));
    EXPECT_THAT(sha.error().ToString(), HasSubstr(origin_.url()));
    EXPECT_THAT(sha.error().fix, HasSubstr(repository.mirror_path()));
  }
}

TEST_F(RepositoryTest, RevisionsThatLookLikeOptionsAreRejected) {
  Repository repository = OpenOrDie(origin_.url());
  for (const std::string rev : {"--all", "-h", ""}) {
    Result<std::string> sha = repository.Resolve(rev);
    ASSERT_FALSE(sha.has_value()) << rev;
    EXPECT_EQ(sha.error().kind, ErrorKind::kInvalidInput) << rev;
  }
  EXPECT_EQ(repository.MergeBase("main", "--output=/tmp/x").error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(repository.AddWorktree("-b", dir_.Path("wt")).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(Repository::Open("--upload-pack=touch", dir_.Path("cache")).error().kind,
            ErrorKind::kInvalidInput);
}

TEST_F(RepositoryTest, CommitPushedAfterOpenIsFoundAfterFetch) {
  Repository repository = OpenOrDie(origin_.url());
  std::string third = origin_.Commit({{"README", "third\n"}}, "third commit");
  EXPECT_EQ(repository.Resolve(third).error().kind, ErrorKind::kNotFound);
  ASSERT_TRUE(repository.Fetch().has_value());
  EXPECT_EQ(ResolveOrDie(repository, third), third);
  EXPECT_EQ(ResolveOrDie(repository, "main"), third);
}

TEST_F(RepositoryTest, FetchPrunesDeletedBranches) {
  Repository repository = OpenOrDie(origin_.url());
  origin_.Git({"branch", "--delete", "--force", "feature"});
  ASSERT_TRUE(repository.Fetch().has_value());
  EXPECT_EQ(repository.Resolve("feature").error().kind, ErrorKind::kNotFound);
}

TEST_F(RepositoryTest, FetchOfAVanishedRemoteIsUnavailable) {
  Repository repository = OpenOrDie(origin_.url());
  std::filesystem::remove_all(origin_.path());
  Result<void> fetched = repository.Fetch();
  ASSERT_FALSE(fetched.has_value());
  EXPECT_EQ(fetched.error().kind, ErrorKind::kUnavailable);
  EXPECT_THAT(fetched.error().ToString(), HasSubstr(origin_.url()));
}

TEST_F(RepositoryTest, CloneOfAMissingRepositoryIsUnavailable) {
  Result<Repository> repository =
      Repository::Open("file://" + dir_.Path("nowhere"), dir_.Path("cache"));
  ASSERT_FALSE(repository.has_value());
  EXPECT_EQ(repository.error().kind, ErrorKind::kUnavailable);
  EXPECT_THAT(repository.error().ToString(), HasSubstr(dir_.Path("nowhere")));
}

TEST_F(RepositoryTest, CredentialsInTheUrlStayOutOfErrors) {
  // Port 1 on loopback refuses the connection at once.
  Result<Repository> repository =
      Repository::Open("https://user:s3cret@127.0.0.1:1/o/x.git", dir_.Path("cache"));
  ASSERT_FALSE(repository.has_value());
  std::string message = repository.error().ToString();
  EXPECT_THAT(message, ::testing::Not(HasSubstr("s3cret"))) << message;
  EXPECT_THAT(message, HasSubstr("https://<secret>@127.0.0.1:1/o/x.git")) << message;
}

TEST_F(RepositoryTest, MergeBaseOfAFeatureBranch) {
  Repository repository = OpenOrDie(origin_.url());
  Result<std::string> base = repository.MergeBase("feature", "main");
  ASSERT_TRUE(base.has_value()) << base.error().ToString();
  EXPECT_EQ(*base, first_);
}

TEST_F(RepositoryTest, MergeBaseOfUnrelatedHistoriesIsNotFound) {
  origin_.Git({"checkout", "--quiet", "--orphan", "unrelated"});
  origin_.Commit({{"other", "x\n"}}, "unrelated root");
  Repository repository = OpenOrDie(origin_.url());
  Result<std::string> base = repository.MergeBase("unrelated", "main");
  ASSERT_FALSE(base.has_value());
  EXPECT_EQ(base.error().kind, ErrorKind::kNotFound);
}

TEST_F(RepositoryTest, IsAncestor) {
  Repository repository = OpenOrDie(origin_.url());
  EXPECT_EQ(repository.IsAncestor(first_, "main"), true);
  EXPECT_EQ(repository.IsAncestor("main", "main"), true);
  EXPECT_EQ(repository.IsAncestor("main", first_), false);
  EXPECT_EQ(repository.IsAncestor("feature", "main"), false);
}

TEST_F(RepositoryTest, FirstParentsFollowTheMainLineThroughMerges) {
  std::string merge = origin_.Merge("feature", "merge feature");
  Repository repository = OpenOrDie(origin_.url());
  Result<std::vector<std::string>> chain = repository.FirstParents("main", 10);
  ASSERT_TRUE(chain.has_value()) << chain.error().ToString();
  EXPECT_EQ(*chain, (std::vector<std::string>{merge, second_, first_}));
  EXPECT_EQ(*repository.FirstParents("main", 2), (std::vector<std::string>{merge, second_}));
  EXPECT_EQ(repository.FirstParents("main", 0).error().kind, ErrorKind::kInvalidInput);
}

TEST_F(RepositoryTest, SubjectsAreTheFirstLinesOfTheMessagesOfTheCommitsTheMirrorHas) {
  std::string odd = origin_.Commit({{"README", "odd\n"}}, "tabs\tand \x1f and <b>\n\nbody");
  Repository repository = OpenOrDie(origin_.url());
  std::string unknown(40, 'e');
  auto subjects = repository.Subjects({second_, unknown, first_, odd});
  ASSERT_TRUE(subjects.has_value()) << subjects.error().ToString();
  EXPECT_EQ(*subjects, (std::map<std::string, std::string>{{first_, "first commit"},
                                                           {second_, "second commit"},
                                                           {odd, "tabs\tand \x1f and <b>"}}));
  EXPECT_EQ(repository.Subjects({})->size(), 0u);
  EXPECT_EQ(repository.Subjects({"main"}).error().kind, ErrorKind::kInvalidInput);
}

TEST_F(RepositoryTest, SubjectsOfMoreCommitsThanOneGitCallTakes) {
  std::vector<std::string> commits;
  for (size_t i = 0; i < Repository::kSubjectsPerGit + 1; ++i) commits.push_back(first_);
  commits.push_back(second_);
  Repository repository = OpenOrDie(origin_.url());
  auto subjects = repository.Subjects(commits);
  ASSERT_TRUE(subjects.has_value()) << subjects.error().ToString();
  EXPECT_EQ(subjects->at(second_), "second commit");
}

TEST_F(RepositoryTest, WorktreeHasTheCommitsFilesAndIsRemovedWithItsObject) {
  Repository repository = OpenOrDie(origin_.url());
  std::string path = dir_.Path("runs/1/checkout");
  {
    Result<Worktree> worktree = repository.AddWorktree("feature", path);
    ASSERT_TRUE(worktree.has_value()) << worktree.error().ToString();
    EXPECT_EQ(worktree->path(), path);
    EXPECT_EQ(worktree->commit(), feature_);
    EXPECT_EQ(ReadFile(path + "/src/feature.txt"), "feature\n");
    EXPECT_EQ(ReadFile(path + "/README"), "first\n");
    testing::RunCommand({"touch", "build-output"}, path);  // what a build leaves behind
    EXPECT_THAT(testing::RunCommand({"git", "worktree", "list"}, repository.mirror_path()),
                HasSubstr(path));
  }
  EXPECT_FALSE(std::filesystem::exists(path));
  EXPECT_THAT(testing::RunCommand({"git", "worktree", "list"}, repository.mirror_path()),
              ::testing::Not(HasSubstr(path)));
}

TEST_F(RepositoryTest, MovedWorktreeIsRemovedOnceByItsLastOwner) {
  Repository repository = OpenOrDie(origin_.url());
  std::string path = dir_.Path("checkout");
  std::optional<Worktree> kept;
  {
    Result<Worktree> worktree = repository.AddWorktree(first_, path);
    ASSERT_TRUE(worktree.has_value()) << worktree.error().ToString();
    kept.emplace(std::move(*worktree));
  }
  EXPECT_TRUE(std::filesystem::exists(path + "/README"));
  kept.reset();
  EXPECT_FALSE(std::filesystem::exists(path));
}

// Workers of one process share the mirror, and git keeps every worktree's record in it: adding
// one while another is added or removed must not see that record half written.
TEST_F(RepositoryTest, WorktreesAddedAndRemovedFromSeveralThreadsAtOnceAllSucceed) {
  Repository opened = OpenOrDie(origin_.url());
  std::vector<std::string> failures(4);
  std::vector<std::thread> threads;
  for (size_t t = 0; t < failures.size(); ++t) {
    threads.emplace_back([&, t] {
      // A Repository is used by one thread at a time: each thread has its own.
      Result<Repository> repository = Repository::Open(origin_.url(), dir_.Path("cache"));
      for (int i = 0; i < 8 && repository && failures[t].empty(); ++i) {
        std::string path = dir_.Path("runs/" + std::to_string(t) + "-" + std::to_string(i));
        Result<Worktree> worktree = repository->AddWorktree("main", path);
        if (!worktree) failures[t] = worktree.error().ToString();
      }
      if (!repository) failures[t] = repository.error().ToString();
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_THAT(failures, ::testing::Each(""));
}

TEST_F(RepositoryTest, WorktreeIntoAnExistingFolderIsRefused) {
  Repository repository = OpenOrDie(origin_.url());
  dir_.WriteFile("taken/file", "x");
  Result<Worktree> worktree = repository.AddWorktree("main", dir_.Path("taken"));
  ASSERT_FALSE(worktree.has_value());
  EXPECT_EQ(worktree.error().kind, ErrorKind::kFailedPrecondition);
  EXPECT_EQ(ReadFile(dir_.Path("taken/file")), "x");
}

TEST(MirrorDirNameTest, IsReadableAndUniquePerUrl) {
  std::string name = MirrorDirName("https://github.com/letsencrypt/boulder.git");
  EXPECT_THAT(name, ::testing::MatchesRegex("boulder-[0-9a-f]{12}\\.git"));
  EXPECT_EQ(name, MirrorDirName("https://github.com/letsencrypt/boulder.git"));
  EXPECT_NE(name, MirrorDirName("https://github.com/someone-else/boulder.git"));
  EXPECT_THAT(MirrorDirName("git@github.com:o/my repo"),
              ::testing::MatchesRegex("my_repo-[0-9a-f]{12}\\.git"));
  EXPECT_THAT(MirrorDirName("/"), ::testing::MatchesRegex("repository-[0-9a-f]{12}\\.git"));
}

}  // namespace
}  // namespace perfgate
