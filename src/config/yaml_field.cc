#include "config/yaml_field.h"

#include <algorithm>
#include <charconv>
#include <map>

#include "base/duration.h"
#include "base/logging.h"

namespace perfgate {
namespace {

std::string JoinPath(const std::string& parent, std::string_view key) {
  return parent.empty() ? std::string(key) : parent + "." + std::string(key);
}

// A map or list where a string was expected is most often an unquoted "{{var}}", which
// YAML reads as a flow map.
std::string ScalarFix(const YamlField& field, std::string fix) {
  if (field.IsMap()) fix += "; quote a value that starts with {{, e.g. \"{{rate}}\"";
  return fix;
}

bool IsDigits(std::string_view text) {
  return !text.empty() && std::ranges::all_of(text, [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

void ErrorList::Add(const YAML::Mark& mark, const std::string& path, std::string what,
                    std::string fix) {
  entries_.push_back(
      Entry{mark.line, mark.column, InvalidInput(std::move(what), path, std::move(fix))});
}

ConfigErrors ErrorList::Sorted() const {
  std::vector<Entry> sorted = entries_;
  std::ranges::stable_sort(sorted, [](const Entry& a, const Entry& b) {
    return std::pair(a.line, a.column) < std::pair(b.line, b.column);
  });
  ConfigErrors out;
  for (Entry& entry : sorted) {
    std::string position =
        file_ + ":" + std::to_string(entry.line + 1) + ":" + std::to_string(entry.column + 1);
    entry.error.where = entry.error.where.empty() ? position : position + ": " + entry.error.where;
    out.errors.push_back(std::move(entry.error));
  }
  return out;
}

YamlField::YamlField(const YAML::Node& root, ErrorList* errors)
    : YamlField(root, "", YAML::Mark(), errors) {
  fallback_.line = 0;
  fallback_.column = 0;
}

YamlField::YamlField(YAML::Node node, std::string path, YAML::Mark fallback, ErrorList* errors)
    : node_(std::move(node)), path_(std::move(path)), fallback_(fallback), errors_(errors) {}

YAML::Mark YamlField::mark() const {
  if (!present() || IsNull()) return fallback_;
  YAML::Mark own = node_.Mark();
  return own.line < 0 ? fallback_ : own;
}

std::string YamlField::Describe() const {
  if (IsScalar()) return "\"" + RedactUrl(Scalar()) + "\"";
  if (IsList()) return "a list";
  if (IsMap()) return "a map";
  return "nothing";
}

void YamlField::Report(std::string what, std::string fix) const {
  errors_->Add(mark(), path_, std::move(what), std::move(fix));
}

void YamlField::ReportType(std::string_view expected, std::string fix) const {
  Report("expected " + std::string(expected) + ", got " + Describe(), std::move(fix));
}

bool YamlField::ExpectMap(std::string fix) const {
  if (IsMap()) return true;
  ReportType("a map", std::move(fix));
  return false;
}

bool YamlField::ExpectList(std::string_view expected, std::string fix) const {
  if (IsList()) return true;
  ReportType(expected, std::move(fix));
  return false;
}

YamlField YamlField::Child(std::string_view key) const {
  if (IsMap()) {
    for (const auto& entry : node_) {
      if (entry.first.IsScalar() && entry.first.Scalar() == key) {
        return YamlField(entry.second, JoinPath(path_, key), entry.first.Mark(), errors_);
      }
    }
  }
  return YamlField(YAML::Node(YAML::NodeType::Undefined), JoinPath(path_, key), mark(), errors_);
}

std::optional<YamlField> YamlField::Required(std::string_view key, std::string fix) const {
  YamlField child = Child(key);
  if (child.present()) return child;
  errors_->Add(mark(), child.path(), "missing required key `" + std::string(key) + "`",
               std::move(fix));
  return std::nullopt;
}

std::vector<YamlField> YamlField::Items() const {
  std::vector<YamlField> items;
  if (!IsList()) return items;
  for (size_t i = 0; i < node_.size(); ++i) {
    items.push_back(YamlField(node_[i], path_ + "[" + std::to_string(i) + "]", mark(), errors_));
  }
  return items;
}

std::vector<std::pair<std::string, YamlField>> YamlField::Entries() const {
  std::vector<std::pair<std::string, YamlField>> entries;
  if (!IsMap()) return entries;
  for (const auto& entry : node_) {
    std::string key = entry.first.Scalar();
    entries.emplace_back(
        key, YamlField(entry.second, JoinPath(path_, key), entry.first.Mark(), errors_));
  }
  return entries;
}

void YamlField::CheckKeys(std::initializer_list<std::string_view> known) const {
  std::vector<std::string_view> names(known);
  CheckKeysAgainst(&names);
}

void YamlField::CheckKeysUnique() const { CheckKeysAgainst(nullptr); }

void YamlField::CheckKeysAgainst(const std::vector<std::string_view>* known) const {
  if (!IsMap()) return;
  std::map<std::string, int> first_line;
  for (const auto& entry : node_) {
    YAML::Mark key_mark = entry.first.Mark();
    if (!entry.first.IsScalar()) {
      errors_->Add(key_mark, path_, "a key must be a plain name",
                   known ? "known keys here: " + JoinNames(*known) : "write a name");
      continue;
    }
    const std::string& key = entry.first.Scalar();
    std::string path = JoinPath(path_, key);
    if (auto [it, inserted] = first_line.emplace(key, key_mark.line + 1); !inserted) {
      errors_->Add(key_mark, path, "duplicate key `" + key + "`",
                   "remove one; the first is on line " + std::to_string(it->second));
    } else if (known && std::ranges::find(*known, key) == known->end()) {
      auto closest = ClosestName(key, *known);
      errors_->Add(
          key_mark, path, "unknown key `" + key + "`",
          closest ? "did you mean `" + *closest + "`?" : "known keys here: " + JoinNames(*known));
    }
  }
}

std::optional<std::string> ReadText(const YamlField& field, std::string fix) {
  if (field.IsScalar()) return field.Scalar();
  field.ReportType("a string", ScalarFix(field, std::move(fix)));
  return std::nullopt;
}

std::optional<std::string> ReadString(const YamlField& field, std::string fix) {
  if (field.IsScalar() && field.Scalar().empty()) {
    field.Report("the value is empty", std::move(fix));
    return std::nullopt;
  }
  return ReadText(field, std::move(fix));
}

std::optional<bool> ReadBool(const YamlField& field) {
  if (field.IsScalar() && (field.Scalar() == "true" || field.Scalar() == "false")) {
    return field.Scalar() == "true";
  }
  field.Report(field.Describe() + " is not a boolean", "write true or false");
  return std::nullopt;
}

std::optional<int> ReadInteger(const YamlField& field, int min, std::string fix) {
  if (field.IsScalar()) {
    const std::string& text = field.Scalar();
    int value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size() && value >= min) return value;
  }
  field.Report(field.Describe() + " is not an integer >= " + std::to_string(min),
               ScalarFix(field, std::move(fix)));
  return std::nullopt;
}

std::optional<double> ReadPositiveNumber(const YamlField& field, std::string fix) {
  if (field.IsScalar()) {
    const std::string& text = field.Scalar();
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec == std::errc() && end == text.data() + text.size() && value > 0) return value;
  }
  field.Report(field.Describe() + " is not a positive number", ScalarFix(field, std::move(fix)));
  return std::nullopt;
}

std::optional<Duration> ReadDuration(const YamlField& field, DurationMin min, std::string fix) {
  if (!field.IsScalar()) {
    field.ReportType("a duration", std::move(fix));
    return std::nullopt;
  }
  const std::string& text = field.Scalar();
  if (IsDigits(text)) {
    field.Report(field.Describe() + " has no unit", "add a unit, e.g. " + text + "s");
    return std::nullopt;
  }
  std::optional<Duration> duration = ParseDuration(text);
  if (!duration) {
    field.Report(field.Describe() + " is not a duration", fix + "; units are ms, s, m and h");
    return std::nullopt;
  }
  if (min == DurationMin::kPositive && duration->count() == 0) {
    field.Report(field.Describe() + " must be longer than zero", std::move(fix));
    return std::nullopt;
  }
  return duration;
}

std::optional<std::vector<std::string>> ReadStringList(const YamlField& field, bool non_empty,
                                                       std::string fix) {
  if (!field.ExpectList("a list of strings", fix)) return std::nullopt;
  std::vector<YamlField> items = field.Items();
  if (non_empty && items.empty()) {
    field.Report("the list is empty", fix);
    return std::nullopt;
  }
  std::vector<std::string> out;
  bool ok = true;
  for (const YamlField& item : items) {
    auto text = ReadString(item, fix);
    if (text) out.push_back(std::move(*text));
    ok = ok && text.has_value();
  }
  if (!ok) return std::nullopt;
  return out;
}

std::optional<std::string> ReadName(const YamlField& field, std::string_view kind,
                                    std::string_view example) {
  std::string fix = "a " + std::string(kind) + " name uses only letters, digits, _, . and -";
  auto name = ReadString(field, fix);
  if (!name) return std::nullopt;
  bool valid = std::ranges::all_of(*name, [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
           c == '.' || c == '-';
  });
  if (!valid) {
    field.Report(field.Describe() + " is not a valid " + std::string(kind) + " name",
                 fix + ", e.g. " + std::string(example));
    return std::nullopt;
  }
  return name;
}

void UniqueNames::Add(const YamlField& field, const std::string& name) {
  auto it = std::ranges::find(seen_, name, &std::pair<std::string, int>::first);
  if (it != seen_.end()) {
    field.Report("duplicate " + kind_ + " name \"" + name + "\"",
                 "rename one; the first is on line " + std::to_string(it->second));
    return;
  }
  seen_.emplace_back(name, field.line());
}

}  // namespace perfgate
