#include "web/api_server.h"

#include <httplib.h>
#include <sys/socket.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <utility>

#include "base/logging.h"
#include "web/api_routes.h"
#include "web/assets.h"
#include "web/auth.h"
#include "web/content_coding.h"
#include "web/page.h"
#include "web/page_auth.h"
#include "web/page_routes.h"
#include "web/request_parsing.h"

namespace perfgate {
namespace {

struct ListenAddress {
  std::string host;
  int port = 0;
};

std::optional<ListenAddress> ParseListen(const std::string& listen) {
  size_t colon = listen.rfind(':');
  if (colon == std::string::npos || colon == 0) return std::nullopt;
  std::string host = listen.substr(0, colon);
  if (host.front() == '[') {
    if (host.size() < 3 || host.back() != ']') return std::nullopt;
    host = host.substr(1, host.size() - 2);
  }
  std::optional<int64_t> port = ParseInteger(listen.substr(colon + 1), 0, 65535);
  if (!port) return std::nullopt;
  return ListenAddress{host, static_cast<int>(*port)};
}

void WriteError(const ApiError& error, httplib::Response& response) {
  response.status = error.status;
  if (error.status == kStatusUnauthorized) response.set_header("WWW-Authenticate", "Bearer");
  response.set_content(ErrorEnvelope(error), "application/json");
}

// The errors the HTTP library answers by itself, before any route runs, and 413 for a body
// over its route's limit.
ApiError LibraryError(const std::string& method, const std::string& path, int status) {
  std::string where = method + " " + path;
  if (status == kStatusPayloadTooLarge) {
    return ApiError{status,
                    InvalidInput("the request body is over the server's limit", where,
                                 "send a smaller body; job requests are a few hundred bytes"),
                    {}};
  }
  return ApiError{status,
                  InvalidInput("the request was refused with HTTP " + std::to_string(status), where,
                               "send a well-formed HTTP/1.1 request"),
                  {}};
}

}  // namespace

ApiServer::ApiServer(ApiContext context, ApiServerOptions options)
    : context_(std::move(context)),
      options_(options),
      server_(std::make_unique<httplib::Server>()) {
  AddJobRoutes(router_);
  AddResultRoutes(router_);
  AddWebhookRoutes(router_);
  AddOutboxRoutes(router_);
  AddServiceRoutes(router_, counters_);
  AddAssetRoutes(router_);
  AddQueuePage(router_);
  AddJobPages(router_);
  AddComparePages(router_);
  AddHistoryPage(router_);
  auto handle = [this](const httplib::Request& http, httplib::Response& response) {
    Handle(http, response);
  };
  // Every method reaches Handle(), so that the router, not the library, tells 404 from 405.
  server_->Get(".*", handle);
  server_->Post(".*", handle);
  server_->Put(".*", handle);
  server_->Patch(".*", handle);
  server_->Delete(".*", handle);
  server_->Options(".*", handle);
  // A request without Content-Length or Transfer-Encoding has an empty body (RFC 9112,
  // section 6.3), but the library waits for one until its read timeout and then answers 400:
  // `curl -X POST .../cancel` would stall for seconds. Such requests are answered here,
  // before the library reads.
  server_->set_pre_routing_handler(
      [handle](const httplib::Request& http, httplib::Response& response) {
        // The library hands the request over as const, but it is the library's own mutable
        // object: this is the one place where the coding of the answer can still be steered
        // (content_coding.h says why).
        auto& headers = const_cast<httplib::Headers&>(http.headers);
        auto [first, last] = headers.equal_range("Accept-Encoding");  // names compare any case
        for (auto it = first; it != last; ++it) it->second = WithoutBrotli(it->second);
        if (http.has_header("Content-Length") || http.has_header("Transfer-Encoding")) {
          return httplib::Server::HandlerResponse::Unhandled;
        }
        handle(http, response);
        return httplib::Server::HandlerResponse::Handled;
      });
  // The library's limit is the largest of the routes': each route's own is checked once the
  // body is read (Dispatch).
  server_->set_payload_max_length(std::max(options.max_body_bytes, router_.LargestBodyLimit()));
  // Each answer is written in two parts (head, then body); with Nagle's algorithm on, the
  // second waits for the client's delayed ACK of the first, some 40 ms on every request of a
  // kept-alive connection. Accepted connections inherit the option from the listening socket.
  server_->set_tcp_nodelay(true);
  // The library's default adds SO_REUSEPORT, which lets a second server bind the same port
  // and silently share its requests; SO_REUSEADDR alone still allows a quick restart.
  server_->set_socket_options([](int socket) {
    int yes = 1;
    setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
  });
  server_->set_error_handler(httplib::Server::HandlerWithResponse(
      [](const httplib::Request& http, httplib::Response& response) {
        if (!response.body.empty()) return httplib::Server::HandlerResponse::Unhandled;
        WriteError(LibraryError(http.method, http.path, response.status), response);
        return httplib::Server::HandlerResponse::Handled;
      }));
  server_->set_logger([this](const httplib::Request& http, const httplib::Response& response) {
    std::string route = router_.PatternOf(http.path);
    counters_.Record(route, http.method, response.status);
    Logger("web")->debug("request answered method={} route={} status={}", http.method, route,
                         response.status);
  });
}

ApiServer::~ApiServer() { Stop(); }

Result<void> ApiServer::Start(const std::string& listen) {
  if (thread_.joinable()) {
    return std::unexpected(FailedPrecondition("the API server already runs", listen,
                                              "stop it before starting it again"));
  }
  std::optional<ListenAddress> address = ParseListen(listen);
  if (!address) {
    return std::unexpected(InvalidInput("\"" + listen + "\" is not host:port", "server.listen",
                                        "e.g. 127.0.0.1:8080, or port 0 for any free port"));
  }
  int port = -1;
  if (address->port == 0) {
    port = server_->bind_to_any_port(address->host);
  } else if (server_->bind_to_port(address->host, address->port)) {
    port = address->port;
  }
  if (port < 0) {
    return std::unexpected(Unavailable("cannot listen on " + listen, "server.listen",
                                       "choose a free port, or stop what holds this one"));
  }
  port_ = port;
  thread_ = std::thread([this] { server_->listen_after_bind(); });
  // Stop() only reaches an accept loop that runs: wait for it, so that a Stop() right after
  // Start() cannot be lost.
  while (!server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  Logger("web")->info("api server listening address={} port={}", address->host, port_);
  return {};
}

void ApiServer::Stop() {
  if (!thread_.joinable()) return;
  server_->stop();
  thread_.join();
  Logger("web")->info("api server stopped port={}", port_);
}

void ApiServer::Handle(const httplib::Request& http, httplib::Response& response) {
  ApiRequest request{.method = http.method,
                     .path = http.path,
                     .query = {http.params.begin(), http.params.end()},
                     .path_params = {},
                     .headers = {},
                     .body = http.body};
  for (const auto& [name, value] : http.headers) {
    std::string lower = name;
    std::ranges::transform(lower, lower.begin(), [](unsigned char c) { return std::tolower(c); });
    request.headers.emplace(std::move(lower), value);
  }
  bool page = false;
  ApiResult result = Dispatch(request, page);
  if (!result) {
    const ApiError& error = result.error();
    if (error.status >= 500) {
      Logger("web")->warn("request failed method={} path={} status={} error={}", http.method,
                          http.path, error.status, error.error.ToString());
    }
    if (!page) {
      WriteError(error, response);
      return;
    }
    result = ErrorPage(error);
  }
  response.status = result->status;
  for (const auto& [name, value] : result->headers) response.set_header(name, value);
  response.set_content(std::move(result->body), result->content_type);
}

ApiResult ApiServer::Dispatch(ApiRequest& request, bool& page) {
  auto match = router_.Find(request.method, request.path);
  if (!match) return std::unexpected(match.error());
  page = match->route->page;
  // A page opened with ?token= trades it for the read-token cookie (page_auth.h).
  if (page && !context_.read_token.empty()) {
    if (std::optional<std::string> token = PageToken(request)) {
      if (auto refused = Authorize(Access::kRead, "Bearer " + *token, context_)) {
        return std::unexpected(std::move(*refused));
      }
      return TokenRedirect(request, *token);
    }
  }
  std::string authorization = match->route->access == Access::kRead
                                  ? ReadAuthorization(request)
                                  : request.Header("authorization");
  if (auto refused = Authorize(match->route->access, authorization, context_)) {
    return std::unexpected(std::move(*refused));
  }
  size_t limit =
      match->route->max_body_bytes > 0 ? match->route->max_body_bytes : options_.max_body_bytes;
  if (request.body.size() > limit) {
    return std::unexpected(LibraryError(request.method, request.path, kStatusPayloadTooLarge));
  }
  request.path_params = std::move(match->params);
  // The boundary: whatever a handler or a library below it throws becomes an answer.
  try {
    return match->route->handler(context_, request);
  } catch (const nlohmann::json::parse_error& e) {
    return std::unexpected(ApiError{
        kStatusBadRequest, InvalidInput(e.what(), request.Where(), "send valid JSON"), {}});
  } catch (const nlohmann::json::exception& e) {
    return std::unexpected(
        ApiError{kStatusUnprocessable,
                 InvalidInput(e.what(), request.Where(), "check the types of the fields sent"),
                 {}});
  } catch (const std::exception& e) {
    return std::unexpected(ToApiError(Internal(
        e.what(), request.Where(), "report this as a bug with the request that caused it")));
  }
}

}  // namespace perfgate
