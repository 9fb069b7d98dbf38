// An exclusive lock on one mirror, between threads and processes alike, so that two workers
// never clone into the same folder or update the same refs at once.
#pragma once

#include <string>

#include "base/error.h"

namespace perfgate {

class MirrorLock {
 public:
  // Blocks until the lock file <mirror_path>.lock is ours (flock; released by the kernel if
  // the holder dies). Errors: the lock file cannot be created (FailedPrecondition).
  [[nodiscard]] static Result<MirrorLock> Acquire(const std::string& mirror_path);

  MirrorLock(MirrorLock&& other) noexcept;
  MirrorLock& operator=(MirrorLock&& other) = delete;
  MirrorLock(const MirrorLock&) = delete;
  MirrorLock& operator=(const MirrorLock&) = delete;
  ~MirrorLock();

 private:
  explicit MirrorLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace perfgate
