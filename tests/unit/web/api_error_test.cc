#include "web/api_error.h"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace perfgate {
namespace {

TEST(HttpStatusForTest, EachKindHasItsStatus) {
  EXPECT_EQ(HttpStatusFor(ErrorKind::kInvalidInput), 422);
  EXPECT_EQ(HttpStatusFor(ErrorKind::kNotFound), 404);
  EXPECT_EQ(HttpStatusFor(ErrorKind::kFailedPrecondition), 409);
  EXPECT_EQ(HttpStatusFor(ErrorKind::kUnavailable), 503);
  EXPECT_EQ(HttpStatusFor(ErrorKind::kInternal), 500);
}

TEST(ErrorKindForStatusTest, InvertsTheStatusesTheServerAnswers) {
  for (ErrorKind kind :
       {ErrorKind::kInvalidInput, ErrorKind::kNotFound, ErrorKind::kFailedPrecondition,
        ErrorKind::kUnavailable, ErrorKind::kInternal}) {
    EXPECT_EQ(ErrorKindForStatus(HttpStatusFor(kind)), kind) << ErrorKindName(kind);
  }
  EXPECT_EQ(ErrorKindForStatus(400), ErrorKind::kInvalidInput);
  EXPECT_EQ(ErrorKindForStatus(413), ErrorKind::kInvalidInput);
  EXPECT_EQ(ErrorKindForStatus(401), ErrorKind::kFailedPrecondition);
  EXPECT_EQ(ErrorKindForStatus(403), ErrorKind::kFailedPrecondition);
  EXPECT_EQ(ErrorKindForStatus(502), ErrorKind::kUnavailable);
  EXPECT_EQ(ErrorKindForStatus(418), ErrorKind::kInternal);
}

TEST(ErrorEnvelopeTest, CarriesCodeMessageWhereAndFix) {
  ApiError error = ToApiError(NotFound("no job has the id 9", "GET /api/v1/jobs/9", "check it"));
  EXPECT_EQ(error.status, 404);
  nlohmann::json body = nlohmann::json::parse(ErrorEnvelope(error));
  EXPECT_EQ(body["error"]["code"], "not_found");
  EXPECT_EQ(body["error"]["message"], "no job has the id 9");
  EXPECT_EQ(body["error"]["where"], "GET /api/v1/jobs/9");
  EXPECT_EQ(body["error"]["fix"], "check it");
  EXPECT_FALSE(body["error"].contains("fields"));
}

TEST(ErrorEnvelopeTest, InvalidFieldsListsEveryFieldAndJoinsThemInTheMessage) {
  ApiError error = InvalidFields(
      {{"kind", "must be one of baseline, test, experiment"}, {"scenarios[1]", "must be a string"}},
      "POST /api/v1/jobs");
  EXPECT_EQ(error.status, 422);
  nlohmann::json body = nlohmann::json::parse(ErrorEnvelope(error));
  EXPECT_EQ(body["error"]["code"], "invalid_fields");
  EXPECT_EQ(body["error"]["message"],
            "kind: must be one of baseline, test, experiment; scenarios[1]: must be a string");
  ASSERT_EQ(body["error"]["fields"].size(), 2u);
  EXPECT_EQ(body["error"]["fields"][1]["field"], "scenarios[1]");
}

TEST(ErrorEnvelopeTest, InvalidUtf8InAMessageStillGivesValidJson) {
  ApiError error = ToApiError(InvalidInput("bad \xff\xfe bytes"));
  EXPECT_NO_THROW(nlohmann::json::parse(ErrorEnvelope(error)));
}

}  // namespace
}  // namespace perfgate
