// The ledger of process groups jobs started, and which of them a crashed worker left behind.
#include "store_fixture.h"

namespace perfgate::testing {
namespace {

class ProcessGroupTest : public StoreTest {
 protected:
  ProcessGroupRecord Record(JobId job, pid_t pgid, const std::string& worker) {
    ProcessGroupRecord record{.job_id = job,
                              .pgid = pgid,
                              .start_time = static_cast<uint64_t>(pgid) * 10,
                              .worker = worker,
                              .description = "service api"};
    Result<void> recorded = store_->RecordProcessGroup(record);
    EXPECT_TRUE(recorded) << recorded.error().ToString();
    return record;
  }

  std::vector<pid_t> OrphanGroups(TimePoint now) {
    Result<std::vector<ProcessGroupRecord>> orphans = store_->OrphanedProcessGroups(now);
    EXPECT_TRUE(orphans) << orphans.error().ToString();
    std::vector<pid_t> pgids;
    for (const ProcessGroupRecord& record : orphans.value_or(std::vector<ProcessGroupRecord>{})) {
      pgids.push_back(record.pgid);
    }
    return pgids;
  }
};

TEST_F(ProcessGroupTest, GroupsOfJobsNoLongerRunningUnderALiveLeaseAreOrphans) {
  Job finished = Create(JobKind::kTest, Commit('a'));
  Job leased = Create(JobKind::kTest, Commit('b'));
  Job expiring = Create(JobKind::kTest, Commit('c'));
  Job local = Create(JobKind::kTest, Commit('d'));
  Job dead_local = Create(JobKind::kTest, Commit('e'));
  Job queued = Create(JobKind::kTest, Commit('f'));
  ASSERT_TRUE(Claim("w1", At(1000), 10));
  ASSERT_TRUE(Claim("w2", At(1050), 10));
  ASSERT_TRUE(Claim("w3", At(1000), 10));
  ASSERT_TRUE(store_->FinishClaimedJob(finished.id, "w1", JobState::kFailed, "x", At(1010)));
  ASSERT_TRUE(store_->StartJob(local.id, At(1000)));
  StartJobInProcessThatExits(dead_local.id);

  ProcessGroupRecord kept = Record(finished.id, 101, "w1");
  Record(leased.id, 102, "w2");
  Record(expiring.id, 103, "w3");
  Record(local.id, 104, "local");
  Record(dead_local.id, 105, "local");
  Record(queued.id, 106, "w9");

  // At 1000 + lease, w3's lease (from 1000) ran out; w2's (from 1050) did not.
  EXPECT_EQ(OrphanGroups(At(1000) + kLease), (std::vector<pid_t>{101, 103, 105, 106}));

  Result<std::vector<ProcessGroupRecord>> orphans =
      store_->OrphanedProcessGroups(At(1000) + kLease);
  ASSERT_TRUE(orphans && !orphans->empty());
  const ProcessGroupRecord& first = orphans->front();
  EXPECT_EQ(first.job_id, kept.job_id);
  EXPECT_EQ(first.start_time, kept.start_time);
  EXPECT_EQ(first.worker, "w1");
  EXPECT_EQ(first.description, "service api");
}

TEST_F(ProcessGroupTest, ForgottenGroupsAreNoOrphans) {
  Job job = FinishedJob(JobKind::kTest, Commit('a'), JobState::kSucceeded, At(300));
  ProcessGroupRecord group = Record(job.id, 201, "w1");
  ProcessGroupRecord reused_pid = Record(job.id, 202, "w1");
  ASSERT_TRUE(store_->ForgetProcessGroup(group.pgid, group.start_time));
  // Another process that got the same pid later is another record.
  ASSERT_TRUE(store_->ForgetProcessGroup(reused_pid.pgid, reused_pid.start_time + 1));
  EXPECT_EQ(OrphanGroups(At(400)), (std::vector<pid_t>{202}));
  // Forgetting what is not there is no error: killing and forgetting may be repeated.
  EXPECT_TRUE(store_->ForgetProcessGroup(group.pgid, group.start_time));
}

TEST_F(ProcessGroupTest, RecordingTheSameGroupAgainUpdatesIt) {
  Job job = FinishedJob(JobKind::kTest, Commit('a'), JobState::kSucceeded, At(300));
  ProcessGroupRecord record = Record(job.id, 301, "w1");
  record.description = "load";
  ASSERT_TRUE(store_->RecordProcessGroup(record));
  Result<std::vector<ProcessGroupRecord>> orphans = store_->OrphanedProcessGroups(At(400));
  ASSERT_TRUE(orphans);
  ASSERT_EQ(orphans->size(), 1u);
  EXPECT_EQ(orphans->front().description, "load");
}

TEST_F(ProcessGroupTest, RecordsNeedAGroupAndAJob) {
  Job job = Create(JobKind::kTest, Commit('a'));
  ProcessGroupRecord no_group{
      .job_id = job.id, .pgid = 0, .start_time = 5, .worker = "w", .description = "x"};
  EXPECT_EQ(store_->RecordProcessGroup(no_group).error().kind, ErrorKind::kInvalidInput);
  ProcessGroupRecord gone{
      .job_id = job.id, .pgid = 5, .start_time = 0, .worker = "w", .description = "x"};
  EXPECT_EQ(store_->RecordProcessGroup(gone).error().kind, ErrorKind::kInvalidInput);
  ProcessGroupRecord no_job{
      .job_id = job.id + 1, .pgid = 5, .start_time = 5, .worker = "w", .description = "x"};
  EXPECT_EQ(store_->RecordProcessGroup(no_job).error().kind, ErrorKind::kNotFound);
}

}  // namespace
}  // namespace perfgate::testing
