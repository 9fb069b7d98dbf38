// The templated parts of a service that every environment type probes and scrapes the same
// way, expanded for one run.
#pragma once

#include <optional>

#include "base/error.h"
#include "config/config.h"
#include "config/template.h"
#include "environment/environment.h"

namespace perfgate {

// The probe with its target and command expanded; errors name the field ("ready.command").
[[nodiscard]] Result<ReadyProbe> ExpandProbe(const ReadyProbe& probe, const TemplateVars& vars);

// The service's scrape target with address and metrics_path expanded; nullopt when the
// service is not scraped.
[[nodiscard]] Result<std::optional<ScrapeTarget>> ExpandScrapeTarget(const ServiceConfig& service,
                                                                     const TemplateVars& vars);

}  // namespace perfgate
