#include "web/request_parsing.h"

#include <gtest/gtest.h>

namespace perfgate {
namespace {

ApiRequest WithQuery(std::string name, std::string value) {
  ApiRequest request{.method = "GET",
                     .path = "/api/v1/jobs",
                     .query = {},
                     .path_params = {},
                     .headers = {},
                     .body = {}};
  request.query.emplace(std::move(name), std::move(value));
  return request;
}

TEST(ParseIntegerTest, AcceptsOnlyDecimalIntegersInRange) {
  EXPECT_EQ(ParseInteger("42", 1, 100), 42);
  for (const char* text : {"", "0", "101", "4x", " 4", "+4", "-1", "1e2", "99999999999999999999"}) {
    EXPECT_FALSE(ParseInteger(text, 1, 100).has_value()) << text;
  }
}

TEST(PathIdTest, AnIdThatCannotExistIs404) {
  ApiRequest request = WithQuery("x", "y");
  request.path_params["id"] = "abc";
  auto id = PathId(request, "id", "job");
  ASSERT_FALSE(id.has_value());
  EXPECT_EQ(id.error().status, 404);
  request.path_params["id"] = "12";
  EXPECT_EQ(PathId(request, "id", "job"), 12);
}

TEST(QueryIntegerTest, FallsBackWhenAbsentAndNamesTheParameterWhenBad) {
  EXPECT_EQ(QueryInteger(WithQuery("other", "1"), "limit", 1, 500, 50), 50);
  EXPECT_EQ(QueryInteger(WithQuery("limit", "7"), "limit", 1, 500, 50), 7);
  auto bad = QueryInteger(WithQuery("limit", "0"), "limit", 1, 500, 50);
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().status, 422);
  ASSERT_EQ(bad.error().fields.size(), 1u);
  EXPECT_EQ(bad.error().fields[0].field, "limit");
}

TEST(JsonBodyTest, EmptyOrMalformedBodiesAre400) {
  ApiRequest request = WithQuery("a", "b");
  EXPECT_EQ(JsonBody(request).error().status, 400);
  request.body = "{\"commit\": ";
  auto body = JsonBody(request);
  ASSERT_FALSE(body.has_value());
  EXPECT_EQ(body.error().status, 400);
  EXPECT_NE(body.error().error.what.find("malformed JSON"), std::string::npos);
  request.body = "{\"commit\": \"main\"}";
  EXPECT_EQ((*JsonBody(request))["commit"], "main");
}

}  // namespace
}  // namespace perfgate
