#include "github/signature.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

// GitHub's documented example: secret "It's a Secret to Everybody", body "Hello, World!".
constexpr char kSecret[] = "It's a Secret to Everybody";
constexpr char kBody[] = "Hello, World!";
constexpr char kDocumented[] =
    "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

TEST(SignatureTest, MatchesGithubsDocumentedExample) {
  EXPECT_EQ(WebhookSignature(kSecret, kBody), kDocumented);
  EXPECT_TRUE(VerifyWebhookSignature(kSecret, kBody, kDocumented));
}

TEST(SignatureTest, AWrongSecretBodyOrHeaderIsRefused) {
  EXPECT_FALSE(VerifyWebhookSignature("another secret", kBody, kDocumented));
  EXPECT_FALSE(VerifyWebhookSignature(kSecret, "Hello, World?", kDocumented));
  EXPECT_FALSE(VerifyWebhookSignature(kSecret, kBody, ""));
  std::string upper = kDocumented;
  upper[10] = 'F';
  EXPECT_FALSE(VerifyWebhookSignature(kSecret, kBody, upper));
  // The SHA-1 header of older hooks, or the digest without its prefix.
  EXPECT_FALSE(VerifyWebhookSignature(kSecret, kBody, std::string(kDocumented).substr(7)));
  EXPECT_FALSE(VerifyWebhookSignature(kSecret, kBody, std::string(kDocumented) + "0"));
}

TEST(SignatureTest, NothingVerifiesWithoutASecret) {
  EXPECT_FALSE(VerifyWebhookSignature("", kBody, WebhookSignature("", kBody)));
}

}  // namespace
}  // namespace perfgate
