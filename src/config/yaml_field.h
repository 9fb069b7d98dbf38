// Position-aware reading of a parsed YAML document, for the config parser.
//
// A YamlField is one node with the key path that leads to it ("scenarios[0].load.rate") and
// its line and column. Nothing here throws: every problem is added to an ErrorList at the
// node's position, and the read returns nothing, so one pass finds every error of a file.
#pragma once

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/clock.h"
#include "config/config.h"
#include "config/suggest.h"

namespace perfgate {

// The errors of one file, each at a 0-based YAML position, handed out in file order.
class ErrorList {
 public:
  explicit ErrorList(std::string file) : file_(std::move(file)) {}

  void Add(const YAML::Mark& mark, const std::string& path, std::string what, std::string fix);
  bool empty() const { return entries_.empty(); }
  // Sorted by position (stable), `where` = "FILE:LINE:COLUMN: path" with 1-based numbers.
  ConfigErrors Sorted() const;

 private:
  struct Entry {
    int line;
    int column;
    Error error;
  };
  std::string file_;
  std::vector<Entry> entries_;
};

class YamlField {
 public:
  // The document root; `errors` must outlive every field derived from it.
  YamlField(const YAML::Node& root, ErrorList* errors);

  // False for a key that is not in its map (a key given with no value is present: null).
  bool present() const { return node_.IsDefined(); }
  bool IsNull() const { return node_.IsNull(); }
  bool IsScalar() const { return node_.IsScalar(); }
  bool IsList() const { return node_.IsSequence(); }
  bool IsMap() const { return node_.IsMap(); }
  const std::string& Scalar() const { return node_.Scalar(); }
  const std::string& path() const { return path_; }
  // 0-based; a null value has no position of its own and takes its key's.
  YAML::Mark mark() const;
  int line() const { return mark().line + 1; }
  // For messages: "\"30x\"" (credentials redacted), "a list", "a map" or "nothing".
  std::string Describe() const;

  void Report(std::string what, std::string fix) const;
  // "expected EXPECTED, got <Describe()>".
  void ReportType(std::string_view expected, std::string fix) const;
  // Reports a wrong type and returns false unless this is a map / a list.
  bool ExpectMap(std::string fix) const;
  bool ExpectList(std::string_view expected, std::string fix) const;

  // The value of `key` in this map, absent when not there.
  YamlField Child(std::string_view key) const;
  // The same, but a missing key is reported at this map's position with `fix`.
  std::optional<YamlField> Required(std::string_view key, std::string fix) const;
  std::vector<YamlField> Items() const;                            // of a list
  std::vector<std::pair<std::string, YamlField>> Entries() const;  // of a map, in file order

  // Reports every key of this map that is not in `known` (with a "did you mean"), that is
  // not a plain name, or that is given twice.
  void CheckKeys(std::initializer_list<std::string_view> known) const;
  // The same for a map with free-form keys (env): only plain and unique.
  void CheckKeysUnique() const;

 private:
  // Every key when `known` is null; else the keys not in `known` too.
  void CheckKeysAgainst(const std::vector<std::string_view>* known) const;

  YamlField(YAML::Node node, std::string path, YAML::Mark fallback, ErrorList* errors);

  YAML::Node node_;
  std::string path_;
  YAML::Mark fallback_;
  ErrorList* errors_;
};

// Scalar readers: nullopt (and an error reported) when the value is not what is expected.
// `fix` tells what to write instead, e.g. "requests per second, e.g. 200".
std::optional<std::string> ReadText(const YamlField& field, std::string fix);  // may be ""
std::optional<std::string> ReadString(const YamlField& field, std::string fix);
std::optional<bool> ReadBool(const YamlField& field);
std::optional<int> ReadInteger(const YamlField& field, int min, std::string fix);
std::optional<double> ReadPositiveNumber(const YamlField& field, std::string fix);
enum class DurationMin { kZero, kPositive };
std::optional<Duration> ReadDuration(const YamlField& field, DurationMin min, std::string fix);
// A list of non-empty strings; at least one when `non_empty`.
std::optional<std::vector<std::string>> ReadStringList(const YamlField& field, bool non_empty,
                                                       std::string fix);

// A name made of [A-Za-z0-9_.-] for a `kind` of thing ("scenario"), e.g. `example`.
std::optional<std::string> ReadName(const YamlField& field, std::string_view kind,
                                    std::string_view example);

// Names that must be unique within one list (scenarios, services of a scenario, ...).
class UniqueNames {
 public:
  explicit UniqueNames(std::string kind) : kind_(std::move(kind)) {}
  // Reports `name` at `field` when an earlier item already used it.
  void Add(const YamlField& field, const std::string& name);

 private:
  std::string kind_;
  std::vector<std::pair<std::string, int>> seen_;  // name, line
};

// One of a fixed set of words, e.g. better: lower | higher.
template <typename T>
std::optional<T> ReadEnum(const YamlField& field,
                          std::initializer_list<std::pair<std::string_view, T>> choices) {
  std::vector<std::string_view> words;
  for (const auto& choice : choices) words.push_back(choice.first);
  std::string allowed = "one of: " + JoinNames(words);
  auto word = ReadString(field, allowed);
  if (!word) return std::nullopt;
  for (const auto& [name, value] : choices) {
    if (*word == name) return value;
  }
  auto closest = ClosestName(*word, words);
  field.Report(field.Describe() + " is not " + allowed,
               closest ? "did you mean `" + *closest + "`?" : "write " + allowed);
  return std::nullopt;
}

// Assigns what `read(field)` returns to `*out` when the field is present and valid, so a
// default stays in place for an absent key.
template <typename T, typename Read>
void ReadOptional(const YamlField& field, T* out, Read read) {
  if (!field.present()) return;
  if (auto value = read(field)) *out = std::move(*value);
}

}  // namespace perfgate
