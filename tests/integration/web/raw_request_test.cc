// Requests written byte by byte on one kept-alive TCP connection: what HTTP libraries do not
// send (a POST without Content-Length) and what only shows on a reused connection.
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <chrono>
#include <memory>

#include "api_fixture.h"

namespace perfgate::testing {
namespace {

// Only stops a test from hanging on a server that never answers.
constexpr int kReceiveTimeoutSeconds = 30;

struct RawAnswer {
  int status = 0;    // 0: no complete answer
  std::string head;  // the status line and the headers
  std::string body;
  bool closes = false;  // "Connection: close": the server's limit of requests per connection
};

class RawConnection {
 public:
  explicit RawConnection(int port) : fd_(socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
    timeval timeout{.tv_sec = kReceiveTimeoutSeconds, .tv_usec = 0};
    setsockopt(fd_, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof(timeout));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(static_cast<uint16_t>(port));
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    connected_ = connect(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0;
  }
  ~RawConnection() { close(fd_); }
  RawConnection(const RawConnection&) = delete;
  RawConnection& operator=(const RawConnection&) = delete;

  bool connected() const { return connected_; }

  // Sends `request` as is and reads one answer (the server always gives a Content-Length).
  RawAnswer Exchange(const std::string& request) {
    if (send(fd_, request.data(), request.size(), MSG_NOSIGNAL) !=
        static_cast<ssize_t>(request.size())) {
      return {};
    }
    size_t head_end;
    while ((head_end = buffer_.find("\r\n\r\n")) == std::string::npos) {
      if (!Receive()) return {};
    }
    std::string head = buffer_.substr(0, head_end);
    RawAnswer answer;
    answer.head = head;
    answer.status = std::stoi(head.substr(head.find(' ') + 1, 3));
    answer.closes = head.find("\r\nConnection: close") != std::string::npos;
    size_t length_at = head.find("Content-Length: ");
    size_t length = length_at == std::string::npos ? 0 : std::stoul(head.substr(length_at + 16));
    size_t body_start = head_end + 4;
    while (buffer_.size() < body_start + length) {
      if (!Receive()) return {};
    }
    answer.body = buffer_.substr(body_start, length);
    buffer_.erase(0, body_start + length);
    return answer;
  }

 private:
  bool Receive() {
    char chunk[4096];
    ssize_t got = recv(fd_, chunk, sizeof(chunk), 0);
    if (got <= 0) return false;
    buffer_.append(chunk, static_cast<size_t>(got));
    return true;
  }

  int fd_;
  bool connected_ = false;
  std::string buffer_;
};

std::string Post(const std::string& path, const std::string& token = kToken) {
  return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token +
         "\r\n\r\n";
}

class RawRequestTest : public ApiTest {
 protected:
  JobId QueuedJob() {
    JobRequest request{.kind = JobKind::kExperiment,
                       .commit = Sha('c'),
                       .ref = "main",
                       .scenarios = {},
                       .base_commit = {},
                       .pull_request = std::nullopt,
                       .requested_by = "test"};
    auto enqueued = store_->Enqueue(request, SystemClock().Now());
    EXPECT_TRUE(enqueued) << enqueued.error().ToString();
    return enqueued ? enqueued->job.id : 0;
  }
};

// Such a request has an empty body (RFC 9112, section 6.3): it is answered, not held until a
// read timeout and refused.
TEST_F(RawRequestTest, CancelAndRetryWithoutContentLengthAreAnsweredOnTheSameConnection) {
  JobId id = QueuedJob();
  RawConnection connection(server_->port());
  ASSERT_TRUE(connection.connected());
  std::string job = "/api/v1/jobs/" + std::to_string(id);

  RawAnswer cancelled = connection.Exchange(Post(job + "/cancel"));
  EXPECT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(nlohmann::json::parse(cancelled.body, nullptr, false)["state"], "cancelled");
  EXPECT_EQ(store_->GetJob(id)->state, JobState::kCancelled);

  RawAnswer retried = connection.Exchange(Post(job + "/retry"));
  EXPECT_EQ(retried.status, 201) << retried.body;
  EXPECT_EQ(nlohmann::json::parse(retried.body, nullptr, false)["state"], "queued");

  RawAnswer refused = connection.Exchange(Post(job + "/cancel", "guess"));
  EXPECT_EQ(refused.status, 403) << refused.body;
}

TEST_F(RawRequestTest, CreateWithoutContentLengthIs400SayingTheBodyIsMissing) {
  RawConnection connection(server_->port());
  ASSERT_TRUE(connection.connected());
  RawAnswer answer = connection.Exchange(Post("/api/v1/jobs"));
  EXPECT_EQ(answer.status, 400) << answer.body;
  nlohmann::json error = nlohmann::json::parse(answer.body, nullptr, false)["error"];
  EXPECT_EQ(error["message"], "the request has no body");
  EXPECT_NE(error["fix"].get<std::string>().find("Content-Length"), std::string::npos);
  EXPECT_TRUE(store_->ListJobs(JobFilter{})->empty());

  // The connection is still in step: the next request gets its own answer.
  RawAnswer health = connection.Exchange("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
  EXPECT_EQ(health.status, 200);
  EXPECT_EQ(health.body, "ok\n");
}

// The library would answer a client that accepts Brotli with Brotli at its slowest quality;
// such a client gets gzip (web/content_coding.h).
TEST_F(RawRequestTest, AClientThatAcceptsBrotliGetsGzip) {
  RawConnection connection(server_->port());
  ASSERT_TRUE(connection.connected());
  QueuedJob();
  RawAnswer answer = connection.Exchange(
      "GET /api/v1/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip, deflate, br\r\n\r\n");
  EXPECT_EQ(answer.status, 200) << answer.head;
  EXPECT_NE(answer.head.find("\r\nContent-Encoding: gzip"), std::string::npos) << answer.head;

  answer = connection.Exchange(
      "GET /api/v1/jobs HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: br\r\n\r\n");
  EXPECT_EQ(answer.status, 200) << answer.head;
  EXPECT_EQ(answer.head.find("Content-Encoding"), std::string::npos) << answer.head;
  EXPECT_EQ(answer.body.front(), '{');
}

// An answer is written as head then body; with Nagle's algorithm the body would wait for the
// client's delayed ACK of the head, some 40 ms per request on a kept-alive connection.
TEST_F(RawRequestTest, AKeptAliveConnectionIsNotHeldUpByDelayedAcks) {
  constexpr int kRequests = 100;
  constexpr auto kDelayedAck = std::chrono::milliseconds(40);
  auto connection = std::make_unique<RawConnection>(server_->port());
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < kRequests; ++i) {
    ASSERT_TRUE(connection->connected());
    RawAnswer answer = connection->Exchange("GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n");
    ASSERT_EQ(answer.status, 200) << "request " << i;
    if (answer.closes) connection = std::make_unique<RawConnection>(server_->port());
  }
  EXPECT_LT(std::chrono::steady_clock::now() - start, kRequests * kDelayedAck / 4);
}

}  // namespace
}  // namespace perfgate::testing
