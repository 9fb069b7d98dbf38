#include "base/labels.h"

#include <cctype>

namespace perfgate {

std::string FormatLabels(const Labels& labels) {
  std::string out = "{";
  bool first = true;
  for (const auto& [name, value] : labels) {
    if (!first) out += ',';
    first = false;
    out += name + "=\"";
    for (char c : value) {
      if (c == '\\' || c == '"') {
        out += '\\';
        out += c;
      } else if (c == '\n') {
        out += "\\n";
      } else {
        out += c;
      }
    }
    out += '"';
  }
  return out + "}";
}

std::optional<Labels> ParseLabels(std::string_view text) {
  auto skip_space = [&] {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) {
      text.remove_prefix(1);
    }
  };
  skip_space();
  bool braced = text.starts_with('{');
  if (braced) {
    if (!text.ends_with('}')) return std::nullopt;
    text = text.substr(1, text.size() - 2);
  }
  Labels labels;
  while (true) {
    skip_space();
    if (text.empty()) return labels;
    size_t name_end = 0;
    while (name_end < text.size() &&
           (std::isalnum(static_cast<unsigned char>(text[name_end])) || text[name_end] == '_')) {
      ++name_end;
    }
    if (name_end == 0) return std::nullopt;
    std::string name(text.substr(0, name_end));
    text.remove_prefix(name_end);
    skip_space();
    if (!text.starts_with("=\"")) return std::nullopt;
    text.remove_prefix(2);
    std::string value;
    while (true) {
      if (text.empty()) return std::nullopt;
      char c = text.front();
      text.remove_prefix(1);
      if (c == '"') break;
      if (c == '\\') {
        if (text.empty()) return std::nullopt;
        char escaped = text.front();
        text.remove_prefix(1);
        value += escaped == 'n' ? '\n' : escaped;
      } else {
        value += c;
      }
    }
    labels[name] = value;
    skip_space();
    if (text.starts_with(','))
      text.remove_prefix(1);
    else if (!text.empty())
      return std::nullopt;
  }
}

}  // namespace perfgate
