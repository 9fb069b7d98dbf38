// A fake GitHub REST API on 127.0.0.1 for tests: exactly the endpoints perfgate uses (commit
// statuses; a pull request's comments listed, created, edited), as strict as GitHub about
// them. It records every call, keeps the statuses and comments it was given, and can be told
// to fail: answer 500, refuse with a rate limit, or hang.
//
// Refused like GitHub refuses: an unknown method or path (404), no `Authorization: Bearer`
// with the right token (401), no or an empty User-Agent (403), no Accept (415), a body that is not
// JSON or lacks a field (400), a state outside error/failure/pending/success, a description over
// 140 characters or a comment over 65,536 (422).
//
// Thread-safety: every method may be called from any thread while the server runs.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include "base/clock.h"

namespace perfgate::testing {

class FakeGithub {
 public:
  struct Call {
    std::string method;
    std::string path;  // with its query
    std::map<std::string, std::string> headers;
    std::string body;
    int status = 0;  // what the fake answered
  };
  struct Status {
    std::string repository;
    std::string sha;
    std::string state;
    std::string context;
    std::string description;
    std::string target_url;
  };
  struct Comment {
    int64_t id = 0;
    std::string repository;
    int issue = 0;
    std::string body;
  };

  explicit FakeGithub(std::string token);
  ~FakeGithub();
  FakeGithub(const FakeGithub&) = delete;
  FakeGithub& operator=(const FakeGithub&) = delete;

  std::string api_url() const;  // http://127.0.0.1:PORT

  std::vector<Call> calls() const;
  std::vector<Status> statuses() const;  // in the order they were set
  std::vector<Comment> comments() const;

  // A comment made by someone else, so that the one perfgate looks for is on a later page.
  void AddComment(const std::string& repository, int issue, const std::string& body);

  // The next `count` requests are answered with `status` and nothing done.
  void FailNext(int count, int status = 500);
  // The next `count` requests get 403 "API rate limit exceeded" with X-RateLimit-Remaining: 0
  // and X-RateLimit-Reset: `reset`.
  void RateLimitNext(int count, TimePoint reset);
  // The next `count` requests are held for `duration` (or until the fake stops) unanswered.
  void HangNext(int count, Duration duration);

 private:
  struct Fault {
    int status = 0;  // 0: hang
    TimePoint reset = {};
    Duration hang = {};
  };
  void Handle(const httplib::Request& request, httplib::Response& response);
  // The answer to a well-formed call; the caller holds mutex_.
  void Route(const httplib::Request& request, httplib::Response& response);

  std::string token_;
  httplib::Server server_;
  int port_ = 0;
  std::thread thread_;

  mutable std::mutex mutex_;
  std::condition_variable stopping_;
  bool stopped_ = false;
  std::vector<Fault> faults_;  // the next requests' faults, first first
  std::vector<Call> calls_;
  std::vector<Status> statuses_;
  std::vector<Comment> comments_;
  int64_t next_comment_id_ = 1000;
};

}  // namespace perfgate::testing
