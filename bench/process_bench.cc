// Starting a command and waiting for its exit: perfgate's Subprocess (own process group,
// /dev/null stdin, close-on-exec, a wait that sleeps on a pidfd) against the peer every C++
// program could write by hand (posix_spawnp + waitpid), in the same run. A wait that polled
// in ticks would cost a tick per child here; one that wakes when the child exits costs about
// what the peer does.
#include <benchmark/benchmark.h>
#include <spawn.h>
#include <sys/wait.h>

#include "process/subprocess.h"

extern char** environ;

namespace perfgate {
namespace {

void BM_SubprocessStartWait(benchmark::State& state) {
  ProcessSpec spec{.argv = {"true"}};
  for (auto _ : state) {
    Result<Subprocess> process = Subprocess::Start(spec);
    if (!process) return state.SkipWithError(process.error().ToString().c_str());
    std::optional<ExitStatus> status = process->Wait(std::chrono::minutes(1));
    if (!status || !status->ok()) return state.SkipWithError("true did not exit 0");
  }
}
BENCHMARK(BM_SubprocessStartWait)->Unit(benchmark::kMicrosecond);

// The peer: posix_spawnp and a blocking waitpid.
void BM_PosixSpawnWaitpid(benchmark::State& state) {
  char name[] = "true";
  char* argv[] = {name, nullptr};
  for (auto _ : state) {
    pid_t pid = 0;
    if (posix_spawnp(&pid, name, nullptr, nullptr, argv, environ) != 0) {
      return state.SkipWithError("posix_spawnp failed");
    }
    int status = 0;
    if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
      return state.SkipWithError("true did not exit 0");
    }
  }
}
BENCHMARK(BM_PosixSpawnWaitpid)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace perfgate
