// Webhook deliveries: each one acted on once, however often it arrives and from how many
// connections at once.
#include <thread>

#include "store_fixture.h"

namespace perfgate::testing {
namespace {

using DeliveryLogTest = StoreTest;

constexpr char kDelivery[] = "72d3162e-cc78-11e3-81ab-4c9367dc0958";

DeliveryReceipt Record(Store& store, const std::string& id,
                       const std::optional<JobRequest>& request, TimePoint now,
                       const std::vector<OutboxRequest>& messages = {}) {
  Result<DeliveryReceipt> receipt =
      store.RecordDelivery(id, "pull_request", request, messages, now);
  EXPECT_TRUE(receipt) << receipt.error().ToString();
  return receipt.value_or(DeliveryReceipt{});
}

TEST_F(DeliveryLogTest, TheFirstDeliveryEnqueuesItsJob) {
  JobRequest request = Request(JobKind::kTest, Commit('a'), {}, {}, 7);
  DeliveryReceipt receipt = Record(*store_, kDelivery, request, At(10));
  EXPECT_FALSE(receipt.repeated);
  ASSERT_TRUE(receipt.enqueued.has_value());
  EXPECT_FALSE(receipt.enqueued->duplicate);
  EXPECT_EQ(receipt.job_id, receipt.enqueued->job.id);
  Job job = Get(receipt.enqueued->job.id);
  EXPECT_EQ(job.state, JobState::kQueued);
  EXPECT_EQ(job.pull_request, 7);
}

TEST_F(DeliveryLogTest, ADeliverySentAgainCreatesNoSecondJobEvenAfterTheFirstEnded) {
  JobRequest request = Request(JobKind::kTest, Commit('a'), {}, {}, 7);
  JobId first = Record(*store_, kDelivery, request, At(10)).enqueued->job.id;
  // Once the job ended, the queue alone would take the same request for a new job.
  ASSERT_TRUE(store_->RequestCancel(first, At(11)));
  Reopen();
  DeliveryReceipt again = Record(*store_, kDelivery, request, At(20));
  EXPECT_TRUE(again.repeated);
  EXPECT_FALSE(again.enqueued.has_value());
  EXPECT_EQ(again.job_id, first);
  EXPECT_EQ(store_->ListJobs(JobFilter{})->size(), 1u);

  // Another delivery of the same request is a new one.
  DeliveryReceipt other = Record(*store_, "other-delivery", request, At(30));
  EXPECT_FALSE(other.repeated);
  EXPECT_NE(other.job_id, first);
}

TEST_F(DeliveryLogTest, ADeliveryWithoutAJobIsRecordedWithItsReplyOnce) {
  OutboxRequest reply{.kind = OutboxKind::kGithubComment,
                      .target = "octo/repo",
                      .key = "reply octo/repo#9",
                      .payload = R"({"pull_request": 1})",
                      .job = std::nullopt};
  DeliveryReceipt first = Record(*store_, kDelivery, std::nullopt, At(10), {reply});
  EXPECT_FALSE(first.repeated);
  EXPECT_FALSE(first.job_id.has_value());
  DeliveryReceipt again = Record(*store_, kDelivery, std::nullopt, At(20), {reply});
  EXPECT_TRUE(again.repeated);
  EXPECT_FALSE(again.job_id.has_value());
  EXPECT_TRUE(store_->ListJobs(JobFilter{})->empty());
  std::vector<OutboxMessage> outbox = store_->ListUndelivered(std::nullopt, 10).value();
  ASSERT_EQ(outbox.size(), 1u);
  EXPECT_EQ(outbox[0].key, reply.key);
  EXPECT_EQ(outbox[0].payload, reply.payload);
}

TEST_F(DeliveryLogTest, TheSameDeliveryFromSeveralConnectionsAtOnceEnqueuesOneJob) {
  constexpr int kConnections = 4;
  std::vector<std::unique_ptr<Store>> stores;
  for (int i = 0; i < kConnections; ++i) {
    Result<std::unique_ptr<Store>> opened = OpenStore(kStorage, dir_.Path());
    ASSERT_TRUE(opened) << opened.error().ToString();
    stores.push_back(std::move(*opened));
  }
  std::vector<DeliveryReceipt> receipts(kConnections);
  std::vector<std::thread> threads;
  for (int i = 0; i < kConnections; ++i) {
    threads.emplace_back([&, i] {
      receipts[i] =
          Record(*stores[i], kDelivery, Request(JobKind::kBaseline, Commit('b')), At(10 + i));
    });
  }
  for (std::thread& thread : threads) thread.join();
  int first = 0;
  for (const DeliveryReceipt& receipt : receipts) {
    if (!receipt.repeated) ++first;
    EXPECT_EQ(receipt.job_id, receipts[0].job_id);
  }
  EXPECT_EQ(first, 1);
  EXPECT_EQ(store_->ListJobs(JobFilter{})->size(), 1u);
}

TEST_F(DeliveryLogTest, AnEmptyOrOverlongIdOrABadRequestIsRefusedAndNothingIsStored) {
  JobRequest request = Request(JobKind::kBaseline, Commit('a'));
  EXPECT_EQ(store_->RecordDelivery("", "push", request, {}, At(1)).error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_EQ(store_->RecordDelivery(std::string(101, 'd'), "push", request, {}, At(1)).error().kind,
            ErrorKind::kInvalidInput);
  JobRequest no_commit = Request(JobKind::kBaseline, "");
  EXPECT_EQ(store_->RecordDelivery(kDelivery, "push", no_commit, {}, At(1)).error().kind,
            ErrorKind::kInvalidInput);
  OutboxRequest no_target{.kind = OutboxKind::kGithubComment,
                          .target = "",
                          .key = "k",
                          .payload = "{}",
                          .job = std::nullopt};
  EXPECT_EQ(store_->RecordDelivery(kDelivery, "push", request, {no_target}, At(1)).error().kind,
            ErrorKind::kInvalidInput);
  EXPECT_TRUE(store_->ListJobs(JobFilter{})->empty());
  EXPECT_TRUE(store_->ListUndelivered(std::nullopt, 10).value().empty());
  // The refused request did not use the id up.
  EXPECT_FALSE(Record(*store_, kDelivery, request, At(2)).repeated);
}

}  // namespace
}  // namespace perfgate::testing
