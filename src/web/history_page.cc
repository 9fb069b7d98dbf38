// GET /history: a metric's history on the default branch (page_routes.h).
//
// The chart is drawn by history.js from GET /api/v1/history/chart. What the page renders itself
// is what reads without JavaScript and stays short however long the history: the latest value
// of each series and the change points, not one row per point.
#include <fmt/format.h>

#include <map>

#include "report/format.h"
#include "report/html.h"
#include "web/job_html.h"
#include "web/page.h"
#include "web/page_routes.h"
#include "web/query_string.h"
#include "web/request_parsing.h"

namespace perfgate {
namespace {

std::string HistoryUrl(const std::string& scenario, const std::string& metric) {
  return "/history" + QueryString({{"scenario", scenario}, {"metric", metric}});
}

// Every metric of the config, each a link to its history; the one shown marked.
std::string MetricLinks(const Config& config, const std::string& scenario,
                        const std::string& metric) {
  std::string links;
  for (const ScenarioConfig& s : config.scenarios) {
    for (const MetricConfig& m : s.metrics) {
      bool current = s.name == scenario && m.name == metric;
      links += fmt::format("<a href=\"{}\"{}>{} · {}</a>\n", EscapeHtml(HistoryUrl(s.name, m.name)),
                           current ? R"( aria-current="page")" : "", EscapeHtml(s.name),
                           EscapeHtml(m.name));
    }
  }
  if (links.empty()) return "<p class=\"empty\">The config has no metric.</p>\n";
  return "<nav class=\"metrics\" aria-label=\"metrics\">\n" + links + "</nav>\n";
}

// "lower is better, unchanged within ±5%": how the metric is judged.
std::string Judged(const MetricConfig& metric) {
  std::string margin = metric.threshold.relative
                           ? fmt::format("{:g}%", metric.threshold.value * 100)
                           : FormatValue(metric.threshold.value, metric.unit);
  return fmt::format("{} is better, unchanged within ±{}",
                     metric.better == Better::kLower ? "lower" : "higher", margin);
}

// The chart's place: history.js draws into it, shows the controls and fills the tooltip.
std::string ChartSection(const std::string& scenario, const MetricConfig& metric) {
  return fmt::format(
      "<section id=\"chart\">\n"
      "<div class=\"chart-tools\" hidden>"
      "<span role=\"group\" aria-label=\"x axis\">x: "
      "<label class=\"check\"><input type=\"radio\" name=\"x\" value=\"commits\" checked> "
      "commits</label> "
      "<label class=\"check\"><input type=\"radio\" name=\"x\" value=\"time\"> time</label>"
      "</span> "
      "<label class=\"check\"><input type=\"checkbox\" id=\"show-candidates\" checked> "
      "test jobs</label> "
      "<button type=\"button\" id=\"chart-reset\">Reset zoom</button> "
      "<span class=\"hint\">Drag to zoom, Shift+drag to pan, click a point to open its job.</span>"
      "</div>\n"
      "<div id=\"history-chart\" class=\"chart\" data-scenario=\"{}\" data-metric=\"{}\" "
      "data-unit=\"{}\"><p class=\"empty\">The chart needs JavaScript; the tables below "
      "read without it.</p></div>\n"
      "<div id=\"chart-tip\" class=\"chart-tip\" role=\"status\" hidden></div>\n</section>\n",
      EscapeHtml(scenario), EscapeHtml(metric.name), EscapeHtml(metric.unit));
}

// Per series, its newest point: what the chart ends with.
std::string LatestSection(const ApiContext& context, const std::vector<HistoryPoint>& points,
                          const std::string& unit, TimePoint now) {
  std::map<std::string, std::pair<const HistoryPoint*, int>> latest;  // series -> point, count
  for (const HistoryPoint& point : points) {
    auto& [newest, count] = latest[point.series];
    newest = &point;  // the store lists points oldest first
    ++count;
  }
  std::string rows;
  for (const auto& [series, entry] : latest) {
    const auto& [point, count] = entry;
    rows += fmt::format(
        "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td>"
        "<td class=\"num\">{}</td></tr>\n",
        EscapeHtml(series), EscapeHtml(FormatValue(point->median, unit)),
        JobLinkHtml(point->job_id), HtmlCommit(context.config->repository.url, point->commit),
        HtmlTime(point->finished_at, now), count);
  }
  std::string body =
      rows.empty()
          ? "<p class=\"empty\">No baseline job has measured this metric yet: its history starts "
            "with the first commit measured on the default branch.</p>\n"
          : "<div class=\"table-wrap\"><table class=\"latest\">\n<thead><tr><th>series</th>"
            "<th class=\"num\">latest median</th><th>job</th><th>commit</th><th>finished</th>"
            "<th class=\"num\">points</th></tr></thead>\n<tbody>\n" +
                rows + "</tbody></table></div>\n";
  return "<section id=\"latest\">\n<h2>Latest</h2>\n" + body + "</section>\n";
}

std::string ChangePointsSection(const ApiContext& context,
                                const std::vector<ChangePointRecord>& changes,
                                const std::string& unit, TimePoint now) {
  std::vector<std::string> commits;
  for (const ChangePointRecord& change : changes) commits.push_back(change.commit);
  std::map<std::string, std::string> subjects = CommitSubjects(context, commits);
  std::string rows;
  for (const ChangePointRecord& change : changes) {
    auto subject = subjects.find(change.commit);
    rows += fmt::format(
        "<tr><td>{}</td><td>{}{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{} → "
        "{}</td><td>{}</td></tr>\n",
        JobLinkHtml(change.job_id), HtmlCommit(context.config->repository.url, change.commit),
        subject == subjects.end()
            ? ""
            : fmt::format(" <span class=\"subject\">{}</span>", EscapeHtml(subject->second)),
        EscapeHtml(change.series), EscapeHtml(FormatChange(change.change)),
        EscapeHtml(FormatValue(change.mean_before, unit)),
        EscapeHtml(FormatValue(change.mean_after, unit)), HtmlTime(change.detected_at, now));
  }
  std::string body =
      rows.empty()
          ? "<p class=\"empty\">No change point: every series has kept its level.</p>\n"
          : "<div class=\"table-wrap\"><table class=\"change-points\">\n<thead><tr>"
            "<th>first job</th><th>commit</th><th>series</th><th class=\"num\">change</th>"
            "<th class=\"num\">mean before → after</th><th>found</th></tr></thead>\n<tbody>\n" +
                rows + "</tbody></table></div>\n";
  return "<section id=\"change-points\">\n<h2>Change points</h2>\n" + body + "</section>\n";
}

// The page; with a chart, uPlot and the script that draws it.
ApiResponse HistoryHtml(std::string title, std::string content, bool chart, int status = 200) {
  Page page{.title = std::move(title), .nav = "/history", .content = std::move(content)};
  if (chart) {
    page.scripts = {"uplot.min.js", "history.js"};
    page.styles = {"uplot.min.css"};
  }
  return HtmlPage(page, status);
}

ApiResult HistoryPage(const ApiContext& context, const ApiRequest& request) {
  std::string scenario = request.Query("scenario").value_or("");
  std::string metric = request.Query("metric").value_or("");
  const Config& config = *context.config;
  if (scenario.empty() || metric.empty()) {
    return HistoryHtml("History",
                       "<h1>History</h1>\n<p class=\"hint\">The history of a metric on the "
                       "default branch: one point per baseline job and series. Pick a "
                       "metric:</p>\n" +
                           MetricLinks(config, scenario, metric),
                       /*chart=*/false);
  }
  const MetricConfig* found = config.FindMetric(scenario, metric);
  if (found == nullptr) {
    return HistoryHtml(
        "History",
        fmt::format("<h1>History</h1>\n<p class=\"error\" role=\"alert\">The config has no "
                    "metric {} in a scenario {}: pick one of its metrics.</p>\n",
                    EscapeHtml(metric), EscapeHtml(scenario)) +
            MetricLinks(config, scenario, metric),
        /*chart=*/false, 404);
  }
  auto points = context.store->History(scenario, metric, "");
  if (!points) return std::unexpected(FromError(request, points.error()));
  auto changes = context.store->ListChangePoints(scenario, metric, "");
  if (!changes) return std::unexpected(FromError(request, changes.error()));
  TimePoint now = context.clock->Now();
  std::string content =
      fmt::format(
          "<h1>History of {} · {}</h1>\n<p class=\"hint\">{}, in {}; on the default "
          "branch, one point per baseline job and series.</p>\n",
          EscapeHtml(scenario), EscapeHtml(metric), EscapeHtml(Judged(*found)),
          EscapeHtml(found->unit.empty() ? "no unit" : found->unit)) +
      MetricLinks(config, scenario, metric) + ChartSection(scenario, *found) +
      LatestSection(context, *points, found->unit, now) +
      ChangePointsSection(context, *changes, found->unit, now);
  return HistoryHtml(fmt::format("History of {} · {}", scenario, metric), std::move(content),
                     /*chart=*/true);
}

}  // namespace

void AddHistoryPage(Router& router) { router.AddPage("/history", HistoryPage); }

}  // namespace perfgate
