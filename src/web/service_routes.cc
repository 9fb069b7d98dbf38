#include "web/api_routes.h"
#include "web/request_parsing.h"

namespace perfgate {

void AddServiceRoutes(Router& router, const RequestCounters& counters) {
  // Liveness of the server process only: a store outage shows in /metrics and API answers,
  // and restarting the server would not cure it.
  router.Add("GET", "/healthz", Access::kPublic, [](const ApiContext&, const ApiRequest&) {
    ApiResponse response;
    response.content_type = "text/plain; charset=utf-8";
    response.body = "ok\n";
    return ApiResult(response);
  });
  router.Add("GET", "/metrics", Access::kRead,
             [&counters](const ApiContext& context, const ApiRequest& request) -> ApiResult {
               auto statistics = context.store->Statistics();
               if (!statistics) return std::unexpected(FromError(request, statistics.error()));
               ApiResponse response;
               response.content_type = "text/plain; version=0.0.4; charset=utf-8";
               response.body = RenderMetrics(*statistics, counters.Snapshot());
               return response;
             });
}

}  // namespace perfgate
