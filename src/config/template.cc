#include "config/template.h"

#include <functional>

namespace perfgate {
namespace {

std::string_view Trim(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
  return text;
}

// Walks `text` once, handing each literal run and each variable name to the callbacks in
// order. Stops at the first malformed variable and says why.
Result<void> Scan(std::string_view text, const std::function<void(std::string_view)>& literal,
                  const std::function<Result<void>(std::string_view)>& variable) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t open = text.find("{{", pos);
    if (open == std::string_view::npos) break;
    // "{{{selector}}}" is a literal brace around a variable: the variable opens at the
    // last brace of a run, so PromQL's own braces can wrap it.
    while (open + 2 < text.size() && text[open + 2] == '{') ++open;
    literal(text.substr(pos, open - pos));
    size_t close = text.find("}}", open + 2);
    if (close == std::string_view::npos) {
      return std::unexpected(InvalidInput("unclosed \"{{\" in \"" + std::string(text) + "\"", {},
                                          "close the variable with \"}}\", e.g. {{port.api}}"));
    }
    std::string_view name = Trim(text.substr(open + 2, close - open - 2));
    if (name.empty()) {
      return std::unexpected(
          InvalidInput("empty template variable \"{{}}\" in \"" + std::string(text) + "\"", {},
                       "name a variable inside the braces, e.g. {{commit}}"));
    }
    if (auto ok = variable(name); !ok) return ok;
    pos = close + 2;
  }
  literal(text.substr(pos));
  return {};
}

Result<void> CollectNames(std::string_view text, std::vector<std::string>* names) {
  return Scan(
      text, [](std::string_view) {},
      [&](std::string_view name) -> Result<void> {
        names->emplace_back(name);
        return {};
      });
}

}  // namespace

Result<std::string> ExpandTemplate(std::string_view text, const TemplateVars& vars) {
  std::string out;
  auto scanned = Scan(
      text, [&](std::string_view literal) { out += literal; },
      [&](std::string_view name) -> Result<void> {
        auto it = vars.find(std::string(name));
        if (it == vars.end()) {
          std::string known;
          for (const auto& [key, value] : vars) known += (known.empty() ? "" : ", ") + key;
          return std::unexpected(InvalidInput(
              "unknown template variable \"" + std::string(name) + "\" in \"" + std::string(text) +
                  "\"",
              {}, "use one of the variables set here: " + (known.empty() ? "none" : known)));
        }
        out += it->second;
        return {};
      });
  if (!scanned) return std::unexpected(scanned.error());
  return out;
}

Result<Argv> ExpandArgv(const Argv& argv, const TemplateVars& vars) {
  Argv out;
  out.reserve(argv.size());
  for (size_t i = 0; i < argv.size(); ++i) {
    auto expanded = ExpandTemplate(argv[i], vars);
    if (!expanded) return std::unexpected(expanded.error().In("argv[" + std::to_string(i) + "]"));
    out.push_back(std::move(*expanded));
  }
  return out;
}

Result<std::vector<std::string>> ParseTemplateVariables(std::string_view text) {
  std::vector<std::string> names;
  if (auto scanned = CollectNames(text, &names); !scanned) {
    return std::unexpected(scanned.error());
  }
  return names;
}

std::vector<std::string> TemplateVariableNames(std::string_view text) {
  std::vector<std::string> names;
  // A malformed tail is reported by validation; here it only ends the list.
  (void)CollectNames(text, &names);
  return names;
}

}  // namespace perfgate
