#include "prometheus/query_response.h"

#include <gtest/gtest.h>

#include <cmath>

namespace perfgate {
namespace {

constexpr char kWhere[] = "query `q` at http://127.0.0.1:9090/api/v1/query";

TEST(ParseQueryResponseTest, VectorGivesOneValuePerSeriesWithItsLabels) {
  auto values = ParseQueryResponse(200, R"({"status":"success","data":{"resultType":"vector",
      "result":[{"metric":{"endpoint":"/a","code":"200"},"value":[1700000000.5,"0.25"]},
                {"metric":{"endpoint":"/b"},"value":[1700000000.5,"3e2"]}]}})",
                                   kWhere);
  ASSERT_TRUE(values.has_value()) << values.error().ToString();
  ASSERT_EQ(values->size(), 2u);
  EXPECT_EQ((*values)[0].labels, (Labels{{"code", "200"}, {"endpoint", "/a"}}));
  EXPECT_DOUBLE_EQ((*values)[0].value, 0.25);
  EXPECT_EQ((*values)[1].labels, (Labels{{"endpoint", "/b"}}));
  EXPECT_DOUBLE_EQ((*values)[1].value, 300);
}

TEST(ParseQueryResponseTest, EmptyVectorGivesNoValues) {
  auto values = ParseQueryResponse(
      200, R"({"status":"success","data":{"resultType":"vector","result":[]}})", kWhere);
  ASSERT_TRUE(values.has_value()) << values.error().ToString();
  EXPECT_TRUE(values->empty());
}

TEST(ParseQueryResponseTest, ScalarGivesOneValueWithoutLabels) {
  auto values = ParseQueryResponse(
      200, R"({"status":"success","data":{"resultType":"scalar","result":[1700000000,"42"]}})",
      kWhere);
  ASSERT_TRUE(values.has_value()) << values.error().ToString();
  ASSERT_EQ(values->size(), 1u);
  EXPECT_TRUE((*values)[0].labels.empty());
  EXPECT_DOUBLE_EQ((*values)[0].value, 42);
}

TEST(ParseQueryResponseTest, KeepsNanAndInfinities) {
  auto values = ParseQueryResponse(200, R"({"status":"success","data":{"resultType":"vector",
      "result":[{"metric":{"s":"nan"},"value":[1,"NaN"]},
                {"metric":{"s":"pos"},"value":[1,"+Inf"]},
                {"metric":{"s":"neg"},"value":[1,"-Inf"]}]}})",
                                   kWhere);
  ASSERT_TRUE(values.has_value()) << values.error().ToString();
  ASSERT_EQ(values->size(), 3u);
  EXPECT_TRUE(std::isnan((*values)[0].value));
  EXPECT_EQ((*values)[1].value, INFINITY);
  EXPECT_EQ((*values)[2].value, -INFINITY);
}

TEST(ParseQueryResponseTest, PrometheusErrorIsInvalidInputWithItsMessage) {
  auto values = ParseQueryResponse(
      400,
      R"({"status":"error","errorType":"bad_data","error":"1:6: parse error: unclosed left parenthesis"})",
      kWhere);
  ASSERT_FALSE(values.has_value());
  EXPECT_EQ(values.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(values.error().what.find("bad_data"), std::string::npos) << values.error().what;
  EXPECT_NE(values.error().what.find("1:6: parse error: unclosed left parenthesis"),
            std::string::npos)
      << values.error().what;
  EXPECT_EQ(values.error().where, kWhere);
  EXPECT_FALSE(values.error().fix.empty());
}

TEST(ParseQueryResponseTest, MatrixIsInvalidInputAskingForAnInstantVector) {
  auto values = ParseQueryResponse(200, R"({"status":"success","data":{"resultType":"matrix",
      "result":[{"metric":{},"values":[[1,"1"],[2,"2"]]}]}})",
                                   kWhere);
  ASSERT_FALSE(values.has_value());
  EXPECT_EQ(values.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(values.error().what.find("matrix"), std::string::npos) << values.error().what;
  EXPECT_NE(values.error().what.find("instant vector"), std::string::npos);
  EXPECT_NE(values.error().fix.find("rate()"), std::string::npos) << values.error().fix;
}

TEST(ParseQueryResponseTest, StringIsInvalidInput) {
  auto values = ParseQueryResponse(
      200, R"({"status":"success","data":{"resultType":"string","result":[1,"hello"]}})", kWhere);
  ASSERT_FALSE(values.has_value());
  EXPECT_EQ(values.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(values.error().what.find("string"), std::string::npos) << values.error().what;
}

TEST(ParseQueryResponseTest, ServerErrorIsUnavailable) {
  auto values = ParseQueryResponse(
      503, R"({"status":"error","errorType":"unavailable","error":"TSDB not ready"})", kWhere);
  ASSERT_FALSE(values.has_value());
  EXPECT_EQ(values.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(values.error().what.find("TSDB not ready"), std::string::npos);
}

TEST(ParseQueryResponseTest, ServerErrorWithoutJsonQuotesTheBody) {
  auto values = ParseQueryResponse(502, "<html>Bad Gateway</html>", kWhere);
  ASSERT_FALSE(values.has_value());
  EXPECT_EQ(values.error().kind, ErrorKind::kUnavailable);
  EXPECT_NE(values.error().what.find("Bad Gateway"), std::string::npos);
}

TEST(ParseQueryResponseTest, NonJsonBodyIsInternalNamingTheRequest) {
  auto values = ParseQueryResponse(404, "404 page not found", kWhere);
  ASSERT_FALSE(values.has_value());
  EXPECT_EQ(values.error().kind, ErrorKind::kInternal);
  EXPECT_EQ(values.error().where, kWhere);
  EXPECT_NE(values.error().what.find("404 page not found"), std::string::npos);
}

TEST(ParseQueryResponseTest, UnexpectedJsonShapeIsInternal) {
  for (const char* body :
       {R"({"status":"success"})",
        R"({"status":"success","data":{"resultType":"vector","result":[{}]}})",
        R"({"status":"success","data":{"resultType":"scalar","result":[1,2]}})",
        R"({"status":"success","data":{"resultType":"scalar","result":[1,"x"]}})", R"([1,2,3])"}) {
    auto values = ParseQueryResponse(200, body, kWhere);
    ASSERT_FALSE(values.has_value()) << body;
    EXPECT_EQ(values.error().kind, ErrorKind::kInternal) << body;
    EXPECT_EQ(values.error().where, kWhere) << body;
  }
}

}  // namespace
}  // namespace perfgate
