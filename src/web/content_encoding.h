// How the server's answers travel: text worth compressing goes gzip-compressed at zlib's
// fastest level to clients that accept gzip, anything else as it is.
//
// Not cpp-httplib's own compression: it compresses every text answer and prefers brotli at its
// slowest, densest quality whenever a browser offers br, which costs some 60 ms on a 10 KB page
// and over a second on the 640 KB chart of a history of 5,000 commits and 10 series. zlib's
// fastest level takes a few milliseconds for most of the gain over a network. ApiServer hands
// the library bodies it sends as they are (api_server.cc).
// Pure functions.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace perfgate {

// Smaller answers are sent as they are: they fit in a packet or two either way.
inline constexpr size_t kMinCompressedBytes = 1024;

// Whether an Accept-Encoding header lists gzip (or x-gzip) with a q-value above 0.
bool AcceptsGzip(std::string_view accept_encoding);

// Whether answers of `content_type` are worth compressing: text (HTML, CSS, JavaScript, plain)
// and JSON.
bool IsCompressible(std::string_view content_type);

// `body` as one gzip member (RFC 1952) at zlib's fastest level; nullopt if zlib fails, in which
// case the body goes as it is.
std::optional<std::string> Gzip(std::string_view body);

}  // namespace perfgate
