#include "web/api_handler.h"

#include <cctype>

namespace perfgate {

std::optional<std::string> ApiRequest::Query(const std::string& name) const {
  auto it = query.find(name);
  if (it == query.end()) return std::nullopt;
  return it->second;
}

std::string ApiRequest::Header(const std::string& name) const {
  std::string lower = name;
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto it = headers.find(lower);
  return it == headers.end() ? std::string() : it->second;
}

std::string ApiResponse::Header(const std::string& name) const {
  for (const auto& [key, value] : headers) {
    if (key == name) return value;
  }
  return {};
}

ApiResponse JsonResponse(std::string json, int status) {
  ApiResponse response;
  response.status = status;
  response.body = std::move(json);
  if (response.body.empty() || response.body.back() != '\n') response.body += '\n';
  return response;
}

}  // namespace perfgate
