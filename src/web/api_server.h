// The HTTP server of perfgate's JSON API (routes in api_routes.h) and web UI (page_routes.h,
// assets.h), on cpp-httplib.
//
//   ApiServer server(context);
//   if (auto started = server.Start("127.0.0.1:0"); !started) ...;
//   ... server.port() ...
//   server.Stop();  // or let the destructor do it
//
// Requests are served by a pool of threads; handlers only share the ApiContext (whose
// services are thread-safe) and the request counters. Every answer that is not a success is
// the JSON error envelope of api_error.h, including those the HTTP library produces itself
// (413 for a body over the limit, 400 for a request it cannot parse), except on the UI's
// pages, which answer errors as pages. A request without
// Content-Length or Transfer-Encoding has an empty body and is answered at once, and answers
// are sent without Nagle's delay (TCP_NODELAY). No input ends the process: exceptions stop
// at the handler boundary and become 400, 422 or 500 answers.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <thread>

#include "base/error.h"
#include "web/api_context.h"
#include "web/api_handler.h"
#include "web/metrics.h"
#include "web/router.h"

namespace httplib {
class Server;
struct Request;
struct Response;
}  // namespace httplib

namespace perfgate {

struct ApiServerOptions {
  // Larger request bodies are refused with 413 before they are parsed; routes may set a limit
  // of their own (the webhook's is 25 MB). Bodies over every limit are not even read.
  size_t max_body_bytes = 1 << 20;
};

class ApiServer {
 public:
  explicit ApiServer(ApiContext context, ApiServerOptions options = {});
  ~ApiServer();  // Stop()
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds `listen` ("host:port"; "[::1]:port" for IPv6; port 0 picks a free port, which
  // port() then tells) and serves on threads of its own until Stop(). InvalidInput for an
  // address that is not host:port, Unavailable when it cannot be bound, FailedPrecondition
  // when the server already runs.
  [[nodiscard]] Result<void> Start(const std::string& listen);

  // Stops accepting, finishes the requests in flight and joins the threads. Idempotent.
  void Stop();

  int port() const { return port_; }

 private:
  void Handle(const httplib::Request& http, httplib::Response& response);
  // Sets `page` when the route found is a page of the web UI, whose errors are pages too.
  ApiResult Dispatch(ApiRequest& request, bool& page);

  ApiContext context_;
  ApiServerOptions options_;
  RequestCounters counters_;
  Router router_;
  std::unique_ptr<httplib::Server> server_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace perfgate
