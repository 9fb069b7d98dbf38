#include "web/content_encoding.h"

// zlib's input pointer as const: it never writes through it.
#define ZLIB_CONST
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>

namespace perfgate {
namespace {

std::string_view Trimmed(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
    text.remove_prefix(1);
  }
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) {
    text.remove_suffix(1);
  }
  return text;
}

bool EqualsIgnoringCase(std::string_view a, std::string_view b) {
  return std::ranges::equal(
      a, b, [](unsigned char x, unsigned char y) { return std::tolower(x) == std::tolower(y); });
}

// The q-value of one element of an Accept-Encoding list ("gzip;q=0.5" -> 0.5); 1 without one.
double QValue(std::string_view parameters) {
  size_t q = parameters.find("q=");
  if (q == std::string_view::npos) return 1;
  std::string value(Trimmed(parameters.substr(q + 2)));
  char* end = nullptr;
  double parsed = std::strtod(value.c_str(), &end);
  return end == value.c_str() ? 1 : parsed;
}

// A deflate stream, ended by its owner once started.
struct DeflateStream {
  z_stream stream{};
  bool started = false;
  ~DeflateStream() {
    if (started) deflateEnd(&stream);
  }
};

}  // namespace

bool AcceptsGzip(std::string_view accept_encoding) {
  while (!accept_encoding.empty()) {
    size_t comma = accept_encoding.find(',');
    std::string_view element = accept_encoding.substr(0, comma);
    size_t semicolon = element.find(';');
    std::string_view coding = Trimmed(element.substr(0, semicolon));
    if ((EqualsIgnoringCase(coding, "gzip") || EqualsIgnoringCase(coding, "x-gzip"))) {
      return semicolon == std::string_view::npos || QValue(element.substr(semicolon + 1)) > 0;
    }
    if (comma == std::string_view::npos) break;
    accept_encoding.remove_prefix(comma + 1);
  }
  return false;
}

bool IsCompressible(std::string_view content_type) {
  std::string_view type = Trimmed(content_type.substr(0, content_type.find(';')));
  return type.starts_with("text/") || type == "application/json" ||
         type == "application/javascript";
}

std::optional<std::string> Gzip(std::string_view body) {
  DeflateStream deflater;
  z_stream& stream = deflater.stream;
  // 15 window bits + 16: a gzip header and trailer around the deflate stream.
  deflater.started =
      deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) == Z_OK;
  if (!deflater.started) return std::nullopt;
  std::string out(deflateBound(&stream, body.size()), '\0');
  stream.next_in = reinterpret_cast<const Bytef*>(body.data());
  stream.avail_in = static_cast<uInt>(body.size());
  stream.next_out = reinterpret_cast<Bytef*>(out.data());
  stream.avail_out = static_cast<uInt>(out.size());
  // deflateBound is room enough to finish in one call.
  if (deflate(&stream, Z_FINISH) != Z_STREAM_END) return std::nullopt;
  out.resize(stream.total_out);
  return out;
}

}  // namespace perfgate
