#include "web/content_coding.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

TEST(WithoutBrotliTest, TakesBrOutAndKeepsTheRestAsWritten) {
  EXPECT_EQ(WithoutBrotli("gzip, deflate, br"), "gzip, deflate");
  EXPECT_EQ(WithoutBrotli("br;q=1.0, gzip;q=0.8, *;q=0.1"), "gzip;q=0.8, *;q=0.1");
  EXPECT_EQ(WithoutBrotli(" BR ,gzip"), "gzip");
  EXPECT_EQ(WithoutBrotli("gzip,,deflate"), "gzip, deflate");
}

TEST(WithoutBrotliTest, LeavesNothingWhenOnlyBrWasAccepted) {
  EXPECT_EQ(WithoutBrotli("br"), "");
  EXPECT_EQ(WithoutBrotli(""), "");
}

TEST(WithoutBrotliTest, TakesOutEveryCodingWithTheLetters) {
  // The library looks for the letters "br" anywhere in the header.
  EXPECT_EQ(WithoutBrotli("x-brand, gzip"), "gzip");
}

}  // namespace
}  // namespace perfgate
