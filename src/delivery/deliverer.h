// Delivers the outbox: claims due messages, sends each once (a commit status or a comment to
// GitHub, an alert to its webhook) and records the outcome. A message that fails is tried
// again later (retry.h) and stays in the store until it is taken; one refused for good stays
// listed with its error. Nothing here can fail a job: the job ended before its report.
//
// Thread-safety: a Deliverer serves one thread; several, in any processes, may share a store.
#pragma once

#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "base/clock.h"
#include "config/config.h"
#include "delivery/github_client.h"
#include "delivery/retry.h"
#include "http/http_client.h"
#include "store/store.h"

namespace perfgate {

struct DelivererOptions {
  RetryPolicy retry;
  // How long a claimed message is left to its claimer: a deliverer that dies holding it
  // gives it back after this. Longer than a batch of request timeouts.
  Duration lease = std::chrono::minutes(5);
  Duration request_timeout = std::chrono::seconds(10);  // bounds a hanging receiver
  int batch = 10;                                       // messages claimed at once
};

class Deliverer {
 public:
  // GitHub's token and the webhook URLs are read from the environment variables that
  // `config` names. `config`, `store`, `http` and `clock` must outlive the Deliverer.
  Deliverer(const Config& config, OutboxStore& store, HttpClient& http, Clock& clock,
            DelivererOptions options = {});

  // Claims due messages and tries each once, until `stop` is set (the rest stay claimed
  // until their lease ends). Returns how many were claimed.
  [[nodiscard]] Result<int> DeliverDue(const std::atomic<bool>& stop);

 private:
  // The response that ended the attempt; an Error when there was none to judge by.
  [[nodiscard]] Result<HttpResponse> Send(const OutboxMessage& message);
  [[nodiscard]] Result<HttpResponse> SendAlert(const OutboxMessage& message);
  void Record(const OutboxMessage& message, const Result<HttpResponse>& sent);

  const Config& config_;
  OutboxStore& store_;
  HttpClient& http_;
  Clock& clock_;
  DelivererOptions options_;
  std::optional<GithubClient> github_;  // none without a github section or a token
  std::string github_missing_;          // why github_ is none
};

// Runs a Deliverer on a thread of its own: a round at once after one that claimed anything,
// else every `poll`. The destructor stops it after the message being sent and joins it.
class DeliveryThread {
 public:
  DeliveryThread(std::unique_ptr<Deliverer> deliverer, Duration poll);
  ~DeliveryThread();
  DeliveryThread(const DeliveryThread&) = delete;
  DeliveryThread& operator=(const DeliveryThread&) = delete;

 private:
  void Loop();

  std::unique_ptr<Deliverer> deliverer_;
  Duration poll_;
  std::atomic<bool> stop_ = false;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::thread thread_;
};

}  // namespace perfgate
