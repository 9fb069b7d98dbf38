// Which response codings perfgate lets its HTTP library choose from.
//
// cpp-httplib compresses an answer with Brotli whenever the client accepts it, at Brotli's
// highest quality (11), and offers no setting: that took 40 ms for a 19 KB page and 27 s for
// 12 MB of JSON, where gzip takes about a millisecond per 100 KB. So the server takes "br" out
// of what a client accepts before the library picks a coding, and browsers get gzip.
#pragma once

#include <string>
#include <string_view>

namespace perfgate {

// `accept_encoding` (an Accept-Encoding header's value) without the codings whose name holds
// "br" (the library looks for those letters anywhere in the header), each other coding kept
// as written: "gzip, deflate, br" -> "gzip, deflate".
std::string WithoutBrotli(std::string_view accept_encoding);

}  // namespace perfgate
