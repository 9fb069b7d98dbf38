#include "environment/service_templates.h"

namespace perfgate {

Result<ReadyProbe> ExpandProbe(const ReadyProbe& probe, const TemplateVars& vars) {
  ReadyProbe expanded = probe;
  auto target = ExpandTemplate(probe.target, vars);
  if (!target) return std::unexpected(target.error().In("ready"));
  expanded.target = std::move(*target);
  auto command = ExpandArgv(probe.command, vars);
  if (!command) return std::unexpected(command.error().In("ready.command"));
  expanded.command = std::move(*command);
  return expanded;
}

Result<std::optional<ScrapeTarget>> ExpandScrapeTarget(const ServiceConfig& service,
                                                       const TemplateVars& vars) {
  if (!service.scrape) return std::nullopt;
  auto address = ExpandTemplate(*service.scrape, vars);
  if (!address) return std::unexpected(address.error().In("scrape"));
  auto path = ExpandTemplate(service.metrics_path, vars);
  if (!path) return std::unexpected(path.error().In("metrics_path"));
  return ScrapeTarget{
      .service = service.name, .address = std::move(*address), .metrics_path = std::move(*path)};
}

}  // namespace perfgate
