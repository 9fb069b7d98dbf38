#include "web/content_coding.h"

#include <cctype>

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

// The coding of one list element: "br;q=0.5" -> "br", case-insensitively lowered.
std::string CodingOf(std::string_view element) {
  std::string coding(Trimmed(element.substr(0, element.find(';'))));
  for (char& c : coding) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return coding;
}

}  // namespace

std::string WithoutBrotli(std::string_view accept_encoding) {
  std::string kept;
  while (!accept_encoding.empty()) {
    size_t comma = accept_encoding.find(',');
    std::string_view element = Trimmed(accept_encoding.substr(0, comma));
    accept_encoding.remove_prefix(comma == std::string_view::npos ? accept_encoding.size()
                                                                  : comma + 1);
    if (element.empty() || CodingOf(element).find("br") != std::string::npos) continue;
    if (!kept.empty()) kept += ", ";
    kept += element;
  }
  return kept;
}

}  // namespace perfgate
