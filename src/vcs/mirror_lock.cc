#include "vcs/mirror_lock.h"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

namespace perfgate {

Result<MirrorLock> MirrorLock::Acquire(const std::string& mirror_path) {
  std::string path = mirror_path + ".lock";
  int fd = open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd < 0) {
    return std::unexpected(
        FailedPrecondition("cannot create lock file: " + std::string(std::strerror(errno)), path,
                           "make the cache folder writable"));
  }
  MirrorLock lock(fd);
  int result;
  do {
    result = flock(fd, LOCK_EX);
  } while (result != 0 && errno == EINTR);
  if (result != 0) {
    return std::unexpected(Internal("cannot lock: " + std::string(std::strerror(errno)), path,
                                    "check that the cache is on a local file system"));
  }
  return lock;
}

MirrorLock::MirrorLock(MirrorLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

MirrorLock::~MirrorLock() {
  if (fd_ >= 0) close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace perfgate
