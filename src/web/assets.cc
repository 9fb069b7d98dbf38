#include "web/assets.h"

#include <stdexcept>

#include "web/embedded_files.h"

namespace perfgate {
namespace {

constexpr std::string_view kAssetPrefix = "/assets/";

// "perfgate.css" -> "perfgate.<hash>.css": the hash goes before the first dot, so that the
// name keeps its extensions.
std::string VersionedName(const EmbeddedFile& file) {
  size_t dot = file.name.find('.');
  if (dot == std::string_view::npos) dot = file.name.size();
  return std::string(file.name.substr(0, dot)) + "." + std::string(file.hash) +
         std::string(file.name.substr(dot));
}

std::string ContentType(std::string_view name) {
  if (name.ends_with(".css")) return "text/css; charset=utf-8";
  if (name.ends_with(".js")) return "text/javascript; charset=utf-8";
  return "application/octet-stream";
}

ApiResult ServeAsset(const ApiContext&, const ApiRequest& request) {
  const std::string& wanted = request.path_params.at("file");
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (VersionedName(file) != wanted) continue;
    ApiResponse response;
    response.content_type = ContentType(file.name);
    response.body = std::string(file.content);
    response.headers = {{"Cache-Control", "public, max-age=31536000, immutable"},
                        {"X-Content-Type-Options", "nosniff"}};
    return response;
  }
  return std::unexpected(ToApiError(
      NotFound("no static file " + wanted, request.Where(),
               "reload the page: its links name the files of the build that serves it")));
}

}  // namespace

std::string AssetPath(std::string_view name) {
  for (const EmbeddedFile& file : EmbeddedFiles()) {
    if (file.name == name) return std::string(kAssetPrefix) + VersionedName(file);
  }
  throw std::invalid_argument("no embedded file is named " + std::string(name));
}

void AddAssetRoutes(Router& router) {
  router.Add("GET", std::string(kAssetPrefix) + "{file}", Access::kPublic, ServeAsset);
}

}  // namespace perfgate
