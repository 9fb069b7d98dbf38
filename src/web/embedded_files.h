// The web UI's static files, embedded into the binary at build time: the build's
// cmake/embed_files.cmake writes the definition of EmbeddedFiles() from ui/ and from the npm
// packages ui/package-lock.json pins. assets.h serves them.
#pragma once

#include <span>
#include <string_view>

namespace perfgate {

struct EmbeddedFile {
  std::string_view name;     // e.g. "perfgate.css", "uplot.min.js"
  std::string_view hash;     // the first 10 hex digits of the content's SHA-256
  std::string_view content;  // the file's bytes
};

std::span<const EmbeddedFile> EmbeddedFiles();

}  // namespace perfgate
