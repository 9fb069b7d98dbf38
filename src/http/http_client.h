// Outbound HTTP behind a small interface: Prometheus' API and ready probes use it, and tests
// can substitute a fake that injects faults.
//
// Thread-safety: a client may be shared by threads; each call is independent.
#pragma once

#include <map>
#include <memory>
#include <string>

#include "base/clock.h"
#include "base/error.h"

namespace perfgate {

struct HttpRequest {
  std::string method = "GET";
  std::string url;
  std::map<std::string, std::string> headers;
  std::string body;
  Duration timeout = std::chrono::seconds(10);
};

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // names in lower case
  std::string body;
};

class HttpClient {
 public:
  virtual ~HttpClient() = default;
  // Any HTTP status is a response; only transport failures (refused, timed out, DNS) are
  // errors, of kind Unavailable, naming the URL with credentials elided.
  [[nodiscard]] virtual Result<HttpResponse> Send(const HttpRequest& request) = 0;
};

// libcurl; verifies TLS peers; follows no redirects.
std::unique_ptr<HttpClient> NewCurlHttpClient();

// application/x-www-form-urlencoded encoding of one value.
std::string UrlEncode(const std::string& value);

}  // namespace perfgate
