#include "web/content_encoding.h"

#include <gtest/gtest.h>
#include <zlib.h>

#include <string>

namespace perfgate {
namespace {

// `gzipped` inflated again; empty when it is no gzip member.
std::string Gunzip(const std::string& gzipped) {
  z_stream stream{};
  if (inflateInit2(&stream, 15 + 16) != Z_OK) return {};
  std::string out(1 << 20, '\0');
  stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(gzipped.data()));
  stream.avail_in = static_cast<uInt>(gzipped.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  int status = inflate(&stream, Z_FINISH);
  out.resize(stream.total_out);
  inflateEnd(&stream);
  return status == Z_STREAM_END ? out : std::string();
}

TEST(ContentEncodingTest, GzipIsAcceptedWhenListedWithoutAZeroQValue) {
  EXPECT_TRUE(AcceptsGzip("gzip"));
  EXPECT_TRUE(AcceptsGzip("gzip, deflate, br"));  // what browsers send
  EXPECT_TRUE(AcceptsGzip("br;q=1.0, GZIP;q=0.5"));
  EXPECT_TRUE(AcceptsGzip("x-gzip"));
  EXPECT_FALSE(AcceptsGzip(""));
  EXPECT_FALSE(AcceptsGzip("br"));
  EXPECT_FALSE(AcceptsGzip("gzip;q=0"));
  EXPECT_FALSE(AcceptsGzip("gzip ; q=0.000"));
  EXPECT_FALSE(AcceptsGzip("deflate, gzipped"));
}

TEST(ContentEncodingTest, TextAndJsonAreWorthCompressing) {
  EXPECT_TRUE(IsCompressible("text/html; charset=utf-8"));
  EXPECT_TRUE(IsCompressible("text/javascript; charset=utf-8"));
  EXPECT_TRUE(IsCompressible("application/json"));
  EXPECT_FALSE(IsCompressible("application/octet-stream"));
  EXPECT_FALSE(IsCompressible("image/png"));
}

TEST(ContentEncodingTest, GzipRoundTripsAndShrinksRepetitiveText) {
  std::string json;
  for (int i = 0; i < 5000; ++i) json += "[0.123456,0.234567,null],";
  std::optional<std::string> gzipped = Gzip(json);
  ASSERT_TRUE(gzipped.has_value());
  EXPECT_LT(gzipped->size(), json.size() / 4);
  EXPECT_EQ(Gunzip(*gzipped), json);
  EXPECT_EQ(Gunzip(*Gzip("")), "");
}

}  // namespace
}  // namespace perfgate
