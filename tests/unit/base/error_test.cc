#include "base/error.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

TEST(ErrorTest, ToStringLeavesOutEmptyParts) {
  EXPECT_EQ(InvalidInput("bad", "here", "do this").ToString(), "here: bad (do this)");
  EXPECT_EQ(InvalidInput("bad", "here").ToString(), "here: bad");
  EXPECT_EQ(InvalidInput("bad", "", "do this").ToString(), "bad (do this)");
  EXPECT_EQ(InvalidInput("bad").ToString(), "bad");
}

TEST(ErrorTest, ShorthandsSetTheKind) {
  EXPECT_EQ(InvalidInput("x").kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(NotFound("x").kind, ErrorKind::kNotFound);
  EXPECT_EQ(Unavailable("x").kind, ErrorKind::kUnavailable);
  EXPECT_EQ(FailedPrecondition("x").kind, ErrorKind::kFailedPrecondition);
  EXPECT_EQ(Internal("x").kind, ErrorKind::kInternal);
}

TEST(ErrorTest, KindsHaveNames) {
  EXPECT_STREQ(ErrorKindName(ErrorKind::kInvalidInput), "invalid input");
  EXPECT_STREQ(ErrorKindName(ErrorKind::kNotFound), "not found");
  EXPECT_STREQ(ErrorKindName(ErrorKind::kUnavailable), "unavailable");
  EXPECT_STREQ(ErrorKindName(ErrorKind::kFailedPrecondition), "failed precondition");
  EXPECT_STREQ(ErrorKindName(ErrorKind::kInternal), "internal");
}

TEST(ErrorTest, InPrependsContext) {
  const Error inner = NotFound("no such file", "build.log", "run the build first");
  Error outer = inner.In("scenario http-api");
  EXPECT_EQ(outer.where, "scenario http-api: build.log");
  EXPECT_EQ(inner.where, "build.log") << "the const overload copies";
  EXPECT_EQ(outer.kind, ErrorKind::kNotFound);
  EXPECT_EQ(outer.fix, "run the build first");
  EXPECT_EQ(Unavailable("down").In("job 7").In("worker 1").where, "worker 1: job 7");
}

TEST(ErrorTest, InDoesNotRepeatAContextAlreadyNamed) {
  EXPECT_EQ(Unavailable("down").In("scenario a").In("scenario a").where, "scenario a");
  Error built = Unavailable("exit 1", "scenario a: environment.build[0]");
  EXPECT_EQ(built.In("scenario a").where, "scenario a: environment.build[0]");
  EXPECT_EQ(built.In("scenario").where, "scenario: scenario a: environment.build[0]")
      << "a prefix of the first context's name is another context";
}

TEST(ErrorTest, TravelsInResult) {
  Result<int> result = std::unexpected(Unavailable("prometheus is down"));
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().kind, ErrorKind::kUnavailable);
}

}  // namespace
}  // namespace perfgate
