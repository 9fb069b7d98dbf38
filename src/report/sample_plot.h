// The samples of both sides of a compared series, drawn for the web UI as a small inline SVG
// strip plot: one row of dots per side (base above, candidate below) on a scale the two share,
// each side's median a tick across its row.
//
// SVG rendered here rather than a chart drawn by the browser: a comparison lists up to hundreds
// of series of a handful of windows each, and a uPlot instance per row would be a canvas and a
// script run per row, gone without JavaScript. A few dozen SVG elements per row render with the
// table, in print too, and are styled by the page's light or dark theme (classes, no colours).
#pragma once

#include <string>

#include "analysis/comparison.h"

namespace perfgate {

inline constexpr int kSamplePlotWidth = 120;
inline constexpr int kSamplePlotHeight = 30;

// <svg class="samples" ...> with role="img", an aria-label and a <title> that say what it
// shows ("base: 5 windows, 1.20 ms – 1.35 ms, median 1.25 ms; candidate: ...") in the
// series' unit. Dots have class "base" or "candidate", medians "median". A side without values
// has an empty row; a scale without spread (one value, or all equal) puts every dot in the
// middle.
std::string SamplePlotSvg(const SeriesComparison& series);

}  // namespace perfgate
