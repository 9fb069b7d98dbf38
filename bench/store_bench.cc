// Storing samples: perfgate's store against the peer every SQLite user would write by hand
// (one prepared INSERT in one transaction, same schema width), in the same run.
#include <benchmark/benchmark.h>
#include <sqlite3.h>

#include <filesystem>
#include <string>

#include "store/store.h"
#include "support/temp_dir.h"

namespace perfgate {
namespace {

JobRequest BenchJob() {
  JobRequest request;
  request.kind = JobKind::kBaseline;
  request.commit = std::string(40, 'a');
  request.ref = "main";
  request.requested_by = "bench";
  return request;
}

std::vector<Sample> MakeSamples(int count) {
  std::vector<Sample> samples;
  TimePoint t0 = SystemClock().Now();
  for (int i = 0; i < count; ++i) {
    samples.push_back({"http-api", "latency_p99", "{endpoint=\"/e" + std::to_string(i % 50) + "\"}",
                       i / 50, 0.001 * (i % 97), t0, t0 + std::chrono::seconds(30)});
  }
  return samples;
}

void BM_StoreAddSamples(benchmark::State& state) {
  testing::TempDir dir;
  auto store = OpenStore("sqlite:bench.db", dir.Path());
  if (!store) return state.SkipWithError(store.error().ToString().c_str());
  auto job = (*store)->CreateJob(BenchJob(), SystemClock().Now());
  std::vector<Sample> samples = MakeSamples(static_cast<int>(state.range(0)));
  for (auto _ : state) {
    auto run = (*store)->CreateRun(job->id, "http-api", job->commit, RunSide::kSingle,
                                   SystemClock().Now());
    auto added = (*store)->AddSamples(run->id, samples);
    if (!added) state.SkipWithError(added.error().ToString().c_str());
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_StoreAddSamples)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

// The peer: bare sqlite3 with the same pragmas (WAL, synchronous=NORMAL) and row shape.
void BM_BareSqliteInsert(benchmark::State& state) {
  testing::TempDir dir;
  sqlite3* db = nullptr;
  sqlite3_open(dir.Path("peer.db").c_str(), &db);
  sqlite3_exec(db,
               "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
               "CREATE TABLE samples(run_id INTEGER, job_id INTEGER, commit_sha TEXT, scenario "
               "TEXT, metric TEXT, series TEXT, repetition INTEGER, value REAL, window_start "
               "INTEGER, window_end INTEGER);",
               nullptr, nullptr, nullptr);
  std::vector<Sample> samples = MakeSamples(static_cast<int>(state.range(0)));
  sqlite3_stmt* insert = nullptr;
  sqlite3_prepare_v2(db, "INSERT INTO samples VALUES (?,?,?,?,?,?,?,?,?,?)", -1, &insert, nullptr);
  std::string commit(40, 'a');
  int run = 0;
  for (auto _ : state) {
    ++run;
    sqlite3_exec(db, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr);
    for (const Sample& s : samples) {
      sqlite3_bind_int(insert, 1, run);
      sqlite3_bind_int(insert, 2, 1);
      sqlite3_bind_text(insert, 3, commit.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(insert, 4, s.scenario.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(insert, 5, s.metric.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_text(insert, 6, s.series.c_str(), -1, SQLITE_STATIC);
      sqlite3_bind_int(insert, 7, s.repetition);
      sqlite3_bind_double(insert, 8, *s.value);
      sqlite3_bind_int64(insert, 9, 0);
      sqlite3_bind_int64(insert, 10, 0);
      sqlite3_step(insert);
      sqlite3_reset(insert);
    }
    sqlite3_exec(db, "COMMIT", nullptr, nullptr, nullptr);
  }
  sqlite3_finalize(insert);
  sqlite3_close(db);
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_BareSqliteInsert)->Arg(1000)->Arg(10000)->Unit(benchmark::kMillisecond);

void BM_StoreLoadSamples(benchmark::State& state) {
  testing::TempDir dir;
  auto store = OpenStore("sqlite:bench.db", dir.Path());
  if (!store) return state.SkipWithError(store.error().ToString().c_str());
  auto job = (*store)->CreateJob(BenchJob(), SystemClock().Now());
  auto run =
      (*store)->CreateRun(job->id, "http-api", job->commit, RunSide::kSingle, SystemClock().Now());
  (void)(*store)->AddSamples(run->id, MakeSamples(static_cast<int>(state.range(0))));
  (void)(*store)->FinishRun(run->id, RunState::kSucceeded, "", SystemClock().Now());
  for (auto _ : state) {
    auto samples = (*store)->LoadSamples(job->id);
    benchmark::DoNotOptimize(samples);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_StoreLoadSamples)->Arg(10000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace perfgate
