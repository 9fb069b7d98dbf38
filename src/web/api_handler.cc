#include "web/api_handler.h"

namespace perfgate {

std::optional<std::string> ApiRequest::Query(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

ApiResponse JsonResponse(std::string json, int status) {
  ApiResponse response;
  response.status = status;
  response.body = std::move(json);
  if (response.body.empty() || response.body.back() != '\n') response.body += '\n';
  return response;
}

}  // namespace perfgate
