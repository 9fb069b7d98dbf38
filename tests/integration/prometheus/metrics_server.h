// A tiny exporter for tests: serves Prometheus text format on 127.0.0.1 from a thread.
#pragma once

#include <httplib.h>

#include <atomic>
#include <stdexcept>
#include <string>
#include <thread>

namespace perfgate::testing {

// /metrics: a counter test_requests_total{path="/a"} that grows by 10 per scrape, a gauge
// test_temperature 21.5 and a gauge test_broken that is NaN.
// /b/metrics: test_requests_total{path="/b"}, growing by 1 per scrape.
class MetricsServer {
 public:
  MetricsServer() {
    server_.Get("/metrics", [this](const httplib::Request&, httplib::Response& response) {
      long value = 10 * ++scrapes_a_;
      response.set_content(
          "# TYPE test_requests_total counter\n"
          "test_requests_total{path=\"/a\"} " +
              std::to_string(value) +
              "\n"
              "# TYPE test_temperature gauge\n"
              "test_temperature 21.5\n"
              "# TYPE test_broken gauge\n"
              "test_broken NaN\n",
          "text/plain; version=0.0.4");
    });
    server_.Get("/b/metrics", [this](const httplib::Request&, httplib::Response& response) {
      response.set_content(
          "# TYPE test_requests_total counter\n"
          "test_requests_total{path=\"/b\"} " +
              std::to_string(++scrapes_b_) + "\n",
          "text/plain; version=0.0.4");
    });
    // The socket listens once bound: scrapes queue until the thread starts accepting.
    port_ = server_.bind_to_any_port("127.0.0.1");
    if (port_ < 0) throw std::runtime_error("cannot bind a port on 127.0.0.1");
    thread_ = std::thread([this] { server_.listen_after_bind(); });
  }

  ~MetricsServer() {
    server_.stop();
    thread_.join();
  }

  MetricsServer(const MetricsServer&) = delete;
  MetricsServer& operator=(const MetricsServer&) = delete;

  std::string address() const { return "127.0.0.1:" + std::to_string(port_); }

 private:
  httplib::Server server_;
  std::atomic<long> scrapes_a_ = 0;
  std::atomic<long> scrapes_b_ = 0;
  int port_ = 0;
  std::thread thread_;
};

}  // namespace perfgate::testing
