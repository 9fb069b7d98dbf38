// The web UI's static files (embedded_files.h), served under /assets/ by a name that carries
// the start of the content's hash: "perfgate.css" is /assets/perfgate.3f2a91c0ab.css. A build
// that changes a file changes its URL, so browsers may keep each one for a year.
#pragma once

#include <string>
#include <string_view>

#include "web/router.h"

namespace perfgate {

// The URL path of embedded file `name`, e.g. "/assets/uplot.1b2c3d4e5f.min.js" for
// "uplot.min.js". Throws std::invalid_argument for a name the build does not embed: a page
// that names one is a bug.
std::string AssetPath(std::string_view name);

// GET /assets/{file}: the file with its content type, `Cache-Control: public, max-age=31536000,
// immutable` and `X-Content-Type-Options: nosniff`; 404 for any other name (an older build's
// hash, say). No token: the files hold no data of the store.
void AddAssetRoutes(Router& router);

}  // namespace perfgate
