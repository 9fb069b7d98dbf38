#include "store/storage_url.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

TEST(StorageUrlTest, RelativePathResolvesUnderBaseDir) {
  Result<std::string> path = SqlitePathFromUrl("sqlite:data/perfgate.db", "/srv/perfgate");
  ASSERT_TRUE(path) << path.error().ToString();
  EXPECT_EQ(*path, "/srv/perfgate/data/perfgate.db");
}

TEST(StorageUrlTest, AbsolutePathIsKept) {
  Result<std::string> path = SqlitePathFromUrl("sqlite:/var/lib/perfgate.db", "/srv/perfgate");
  ASSERT_TRUE(path) << path.error().ToString();
  EXPECT_EQ(*path, "/var/lib/perfgate.db");
}

TEST(StorageUrlTest, OtherSchemeIsInvalidInput) {
  Result<std::string> path = SqlitePathFromUrl("postgresql://db/perfgate", "/srv");
  ASSERT_FALSE(path);
  EXPECT_EQ(path.error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(path.error().what, "unsupported storage `postgresql://db/perfgate`");
  EXPECT_NE(path.error().fix.find("sqlite:PATH"), std::string::npos);
}

TEST(StorageUrlTest, EmptyPathIsInvalidInput) {
  Result<std::string> path = SqlitePathFromUrl("sqlite:", "/srv");
  ASSERT_FALSE(path);
  EXPECT_EQ(path.error().kind, ErrorKind::kInvalidInput);
}

}  // namespace
}  // namespace perfgate
