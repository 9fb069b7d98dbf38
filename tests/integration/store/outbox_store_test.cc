#include "store_fixture.h"

namespace perfgate::testing {
namespace {

using OutboxStoreTest = StoreTest;

OutboxRequest Status(const std::string& key, const std::string& state,
                     std::optional<JobId> job = std::nullopt) {
  return OutboxRequest{.kind = OutboxKind::kGithubStatus,
                       .target = "acme/api",
                       .key = key,
                       .payload = R"({"state":")" + state + R"("})",
                       .job = job};
}

std::vector<int64_t> Ids(const std::vector<OutboxMessage>& messages) {
  std::vector<int64_t> ids;
  for (const OutboxMessage& message : messages) ids.push_back(message.id);
  return ids;
}

TEST_F(OutboxStoreTest, AMessageIsDueAtOnceAndKeptAcrossReopening) {
  Job job = Create(JobKind::kTest, Commit('c'));
  auto written = store_->EnqueueMessage(Status("status a", "pending", job.id), At(100));
  ASSERT_TRUE(written) << written.error().ToString();
  Reopen();

  auto claimed = store_->ClaimDueMessages(10, kLease, At(100));

  ASSERT_TRUE(claimed) << claimed.error().ToString();
  ASSERT_EQ(claimed->size(), 1u);
  const OutboxMessage& message = claimed->front();
  EXPECT_EQ(message.id, written->id);
  EXPECT_EQ(message.kind, OutboxKind::kGithubStatus);
  EXPECT_EQ(message.target, "acme/api");
  EXPECT_EQ(message.key, "status a");
  EXPECT_EQ(message.payload, R"({"state":"pending"})");
  EXPECT_EQ(message.job, job.id);
  EXPECT_EQ(message.created_at, At(100));
  EXPECT_EQ(message.attempts, 1);
  EXPECT_EQ(message.next_attempt_at, At(100) + kLease);
}

TEST_F(OutboxStoreTest, AClaimedMessageIsLeasedUntilItsLeaseEnds) {
  ASSERT_TRUE(store_->EnqueueMessage(Status("a", "pending"), At(100)));
  ASSERT_EQ(store_->ClaimDueMessages(10, kLease, At(100))->size(), 1u);

  EXPECT_TRUE(store_->ClaimDueMessages(10, kLease, At(110))->empty());
  auto after_lease = store_->ClaimDueMessages(10, kLease, At(100) + kLease);
  ASSERT_TRUE(after_lease && after_lease->size() == 1u);
  EXPECT_EQ(after_lease->front().attempts, 2);
}

TEST_F(OutboxStoreTest, MessagesOfOneKeyGoOutInOrderAndKeysAreIndependent) {
  int64_t first = store_->EnqueueMessage(Status("a", "pending"), At(100))->id;
  int64_t second = store_->EnqueueMessage(Status("a", "failure"), At(101))->id;
  int64_t other = store_->EnqueueMessage(Status("b", "pending"), At(102))->id;

  auto claimed = store_->ClaimDueMessages(10, kLease, At(200));
  ASSERT_TRUE(claimed) << claimed.error().ToString();
  EXPECT_EQ(Ids(*claimed), (std::vector{first, other}));
  ASSERT_TRUE(store_->MarkDelivered(other, At(200)));

  ASSERT_TRUE(store_->MarkFailed(first, "HTTP 500", At(300)));
  EXPECT_TRUE(store_->ClaimDueMessages(10, kLease, At(250))->empty())
      << "the second of key a waits for the first, which retries at 300";
  ASSERT_TRUE(store_->MarkDelivered(first, At(300)));
  auto next = store_->ClaimDueMessages(10, kLease, At(300));
  ASSERT_TRUE(next);
  EXPECT_EQ(Ids(*next), (std::vector{second}));
}

TEST_F(OutboxStoreTest, AFailedMessageKeepsItsErrorAndIsRetriedWhenDue) {
  int64_t id = store_->EnqueueMessage(Status("a", "pending"), At(100))->id;
  ASSERT_TRUE(store_->ClaimDueMessages(10, kLease, At(100)));

  ASSERT_TRUE(store_->MarkFailed(id, "HTTP 500 from https://api.github.com", At(160)));

  EXPECT_TRUE(store_->ClaimDueMessages(10, kLease, At(159))->empty());
  auto listed = store_->ListUndelivered(std::nullopt, 10);
  ASSERT_TRUE(listed && listed->size() == 1u);
  EXPECT_EQ(listed->front().last_error, "HTTP 500 from https://api.github.com");
  EXPECT_EQ(listed->front().next_attempt_at, At(160));
  EXPECT_EQ(store_->ClaimDueMessages(10, kLease, At(160))->size(), 1u);
}

TEST_F(OutboxStoreTest, AGivenUpMessageStaysListedAndNoLongerHoldsItsKey) {
  int64_t refused = store_->EnqueueMessage(Status("a", "pending"), At(100))->id;
  int64_t next = store_->EnqueueMessage(Status("a", "failure"), At(101))->id;
  ASSERT_TRUE(store_->ClaimDueMessages(10, kLease, At(100)));

  ASSERT_TRUE(store_->MarkFailed(refused, "HTTP 422: Validation Failed", std::nullopt));

  auto claimed = store_->ClaimDueMessages(10, kLease, At(1000));
  ASSERT_TRUE(claimed);
  EXPECT_EQ(Ids(*claimed), (std::vector{next}));
  ASSERT_TRUE(store_->MarkDelivered(next, At(1000)));
  auto listed = store_->ListUndelivered(std::nullopt, 10);
  ASSERT_TRUE(listed && listed->size() == 1u);
  EXPECT_EQ(listed->front().id, refused);
  EXPECT_EQ(listed->front().next_attempt_at, std::nullopt);
  EXPECT_EQ(listed->front().last_error, "HTTP 422: Validation Failed");
}

TEST_F(OutboxStoreTest, ListingCanBeLimitedToOneJob) {
  Job job = Create(JobKind::kTest, Commit('c'));
  Job other = Create(JobKind::kTest, Commit('d'));
  int64_t mine = store_->EnqueueMessage(Status("a", "pending", job.id), At(100))->id;
  ASSERT_TRUE(store_->EnqueueMessage(Status("b", "pending", other.id), At(100)));

  auto listed = store_->ListUndelivered(job.id, 10);

  ASSERT_TRUE(listed) << listed.error().ToString();
  EXPECT_EQ(Ids(*listed), (std::vector{mine}));
  EXPECT_EQ(store_->ListUndelivered(std::nullopt, 10)->size(), 2u);
}

TEST_F(OutboxStoreTest, BadRequestsAreRefusedWithTheirReason) {
  OutboxRequest keyless = Status("", "pending");
  auto refused = store_->EnqueueMessage(keyless, At(100));
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().kind, ErrorKind::kInvalidInput);
  EXPECT_NE(refused.error().what.find("key"), std::string::npos);
  EXPECT_EQ(store_->ClaimDueMessages(0, kLease, At(100)).error().kind, ErrorKind::kInvalidInput);
  EXPECT_EQ(store_->MarkDelivered(99, At(100)).error().kind, ErrorKind::kNotFound);
  EXPECT_EQ(store_->MarkFailed(99, "x", std::nullopt).error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace perfgate::testing
