#include "store/process_identity.h"

#include <fstream>
#include <sstream>
#include <string>

namespace perfgate {
namespace {

// /proc/<pid>/stat is "pid (comm) state ppid ...": comm may hold spaces and parentheses,
// so the fields are counted from the last ')', which ends it.
constexpr int kFirstFieldAfterComm = 3;
constexpr int kStartTimeField = 22;

}  // namespace

uint64_t ProcessStartTime(pid_t pid) {
  if (pid <= 0) return 0;
  std::ifstream file("/proc/" + std::to_string(pid) + "/stat");
  std::string stat;
  if (!std::getline(file, stat)) return 0;
  size_t comm_end = stat.rfind(')');
  if (comm_end == std::string::npos) return 0;
  std::istringstream fields(stat.substr(comm_end + 1));
  std::string skipped;
  for (int field = kFirstFieldAfterComm; field < kStartTimeField; ++field) {
    if (!(fields >> skipped)) return 0;
  }
  uint64_t start_time = 0;
  if (!(fields >> start_time)) return 0;
  return start_time;
}

bool IsSameProcess(pid_t pid, uint64_t start_time) {
  return start_time != 0 && ProcessStartTime(pid) == start_time;
}

}  // namespace perfgate
