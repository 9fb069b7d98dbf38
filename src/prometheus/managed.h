// A Prometheus server that perfgate starts for a job and stops afterwards: the real
// `prometheus` binary on a free loopback port with its own data dir, discovering its
// targets from file_sd files that perfgate writes.
#pragma once

#include <memory>
#include <string>

#include "base/clock.h"
#include "base/error.h"
#include "config/config.h"
#include "process/subprocess.h"

namespace perfgate {

class ManagedPrometheus {
 public:
  // Writes prometheus.yml into `dir` (created), starts `config.binary` with
  // --storage.tsdb.path=<dir>/data, --web.listen-address=127.0.0.1:<free port> and its
  // output in <dir>/prometheus.log, and waits until /-/ready answers. A binary that is
  // missing or exits early is FailedPrecondition quoting its log's last lines.
  [[nodiscard]] static Result<std::unique_ptr<ManagedPrometheus>> Start(
      const PrometheusConfig& config, const std::string& dir, Clock& clock);

  // Stops the server and removes its data dir.
  ~ManagedPrometheus();

  const std::string& url() const { return url_; }                  // http://127.0.0.1:PORT
  const std::string& targets_dir() const { return targets_dir_; }  // file_sd *.json go here

 private:
  ManagedPrometheus(Subprocess process, std::string dir, std::string url, std::string targets_dir);
  Subprocess process_;
  std::string dir_;
  std::string url_;
  std::string targets_dir_;
};

}  // namespace perfgate
