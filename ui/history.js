// The history page (/history?scenario=&metric=): every series of the metric drawn with uPlot
// over the default branch's baseline jobs, from GET /api/v1/history/chart (columns: one x per
// baseline job, one array of medians per series). Drawn on top: change points (a dashed line
// at the first job of the new level, a ring on each series that moved) and test jobs' results
// (diamonds at the baseline job of their base, filled by their verdict). The x axis is the
// default branch's commit order (the data's order) or the jobs' time; drag zooms, Shift+drag
// pans, a click opens the job under the cursor, whose commit, subject, time and value the
// tooltip shows.
'use strict';

(() => {
  const holder = document.getElementById('history-chart');
  const tools = document.querySelector('.chart-tools');
  const tip = document.getElementById('chart-tip');
  const showCandidates = document.getElementById('show-candidates');
  // Ten colours that read on the light and the dark background alike (Tableau 10).
  const palette = ['#4e79a7', '#f28e2b', '#e15759', '#76b7b2', '#59a14f',
                   '#edc948', '#b07aa1', '#ff9da7', '#9c755f', '#bab0ac'];
  const colorOf = (series) => palette[series % palette.length];

  // As the server writes values (report/format.h, FormatValue and FormatChange).
  function significantDecimals(value) {
    if (value === 0) return 0;
    return Math.max(0, 2 - Math.floor(Math.log10(Math.abs(value))));
  }
  function roundTo(value, decimals) {
    const scale = 10 ** decimals;
    return Math.round(value * scale) / scale;
  }
  function significant(value) {
    const rounded = roundTo(value, significantDecimals(value));
    return rounded.toFixed(significantDecimals(rounded));
  }
  function formatSeconds(seconds) {
    const scales = [[1, 's'], [1e-3, 'ms'], [1e-6, 'µs'], [1e-9, 'ns']];
    const magnitude = Math.abs(roundTo(seconds, significantDecimals(seconds)));
    const [factor, suffix] =
      scales.find(([f]) => magnitude === 0 || magnitude >= f) || scales[scales.length - 1];
    return `${significant(seconds / factor)} ${suffix}`;
  }
  function formatValue(value, unit) {
    if (value === null || value === undefined || Number.isNaN(value)) return 'n/a';
    if (!Number.isFinite(value)) return value > 0 ? 'inf' : '-inf';
    if (unit === 's') return formatSeconds(value);
    if (unit === 'ratio') return `${significant(value * 100)}%`;
    if (unit === '%') return `${significant(value)}%`;
    return unit ? `${significant(value)} ${unit}` : significant(value);
  }
  function formatChange(change) {
    if (change === null || Number.isNaN(change)) return 'n/a';
    if (!Number.isFinite(change)) return change > 0 ? '+inf' : '-inf';
    const text = `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`;
    return text === '+0.0%' || text === '-0.0%' ? '0.0%' : text;
  }
  function formatTime(seconds) {
    const date = new Date(seconds * 1000);
    return `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC · ${perfgate.formatAgo(date, Date.now())}`;
  }

  let data = null;
  let plot = null;
  // The chart's x values, and which job (an index into the data's columns) each one is: the
  // data's order by commits, sorted by time for the time axis.
  let xs = [];
  let order = [];
  let positionOf = [];  // the inverse of `order`
  let target = null;  // the job under the cursor: what a click opens
  const mode = () => document.querySelector('.chart-tools input[name="x"]:checked').value;
  const candidateX = (k) =>
    (mode() === 'time' ? data.candidates.times[k] : positionOf[data.candidates.x[k]]);

  // The page's colours, which follow the system's light or dark theme.
  function theme() {
    const style = getComputedStyle(document.documentElement);
    const read = (name) => style.getPropertyValue(name).trim();
    return { fg: read('--fg'), muted: read('--muted'), line: read('--line'), bg: read('--bg'),
             change: read('--inconclusive'), regression: read('--regression'),
             improvement: read('--improvement') };
  }

  // The y range of what is drawn, test jobs' results included while they are shown.
  function yRange(u, min, max) {
    let low = min;
    let high = max;
    if (showCandidates.checked) {
      for (const value of data.candidates.values) {
        if (value === null) continue;
        low = low === null ? value : Math.min(low, value);
        high = high === null ? value : Math.max(high, value);
      }
    }
    if (low === null) return [0, 1];
    return uPlot.rangeNum(low, high, 0.1, true);
  }

  function drawMarks(u) {
    const colors = theme();
    const ratio = uPlot.pxRatio;
    const { ctx } = u;
    const { left, top, width, height } = u.bbox;
    const shown = (series) => u.series[series + 1].show;
    ctx.save();
    ctx.beginPath();
    ctx.rect(left, top, width, height);
    ctx.clip();
    const changes = data.change_points;
    const lined = new Set();
    for (let k = 0; k < changes.x.length; k++) {
      const x = changes.x[k];
      const series = changes.series[k];
      if (!shown(series)) continue;
      const px = u.valToPos(xs[positionOf[x]], 'x', true);
      if (!lined.has(x)) {
        lined.add(x);
        ctx.beginPath();
        ctx.setLineDash([4 * ratio, 4 * ratio]);
        ctx.strokeStyle = colors.change;
        ctx.lineWidth = 1.5 * ratio;
        ctx.moveTo(px, top);
        ctx.lineTo(px, top + height);
        ctx.stroke();
      }
      const value = data.values[series][x];
      if (value === null) continue;
      ctx.beginPath();
      ctx.setLineDash([]);
      ctx.strokeStyle = colors.change;
      ctx.lineWidth = 2 * ratio;
      ctx.arc(px, u.valToPos(value, 'y', true), 6 * ratio, 0, 2 * Math.PI);
      ctx.stroke();
    }
    if (showCandidates.checked) {
      const candidates = data.candidates;
      const size = 5 * ratio;
      ctx.setLineDash([]);
      ctx.lineWidth = 1.5 * ratio;
      for (let k = 0; k < candidates.x.length; k++) {
        const series = candidates.series[k];
        if (!shown(series) || candidates.values[k] === null) continue;
        const px = u.valToPos(candidateX(k), 'x', true);
        const py = u.valToPos(candidates.values[k], 'y', true);
        ctx.beginPath();
        ctx.moveTo(px, py - size);
        ctx.lineTo(px + size, py);
        ctx.lineTo(px, py + size);
        ctx.lineTo(px - size, py);
        ctx.closePath();
        const verdict = candidates.verdicts[k];
        ctx.fillStyle = verdict === 'regression' ? colors.regression
          : verdict === 'improvement' ? colors.improvement : colors.bg;
        ctx.fill();
        ctx.strokeStyle = colorOf(series);
        ctx.stroke();
      }
    }
    ctx.restore();
  }

  // What is nearest the cursor: a test job's result within a few pixels, else the point of the
  // series nearest in height at the job under the cursor.
  function nearest(u) {
    const { idx, left, top } = u.cursor;
    if (idx === null || idx === undefined || left < 0) return null;
    let best = null;
    if (showCandidates.checked) {
      const candidates = data.candidates;
      for (let k = 0; k < candidates.x.length; k++) {
        if (!u.series[candidates.series[k] + 1].show || candidates.values[k] === null) continue;
        const distance = Math.hypot(u.valToPos(candidateX(k), 'x') - left,
                                    u.valToPos(candidates.values[k], 'y') - top);
        if (distance <= 8 && (!best || distance < best.distance)) {
          best = { kind: 'candidate', k, series: candidates.series[k], distance };
        }
      }
    }
    if (best) return best;
    for (let series = 0; series < data.series.length; series++) {
      const value = data.values[series][order[idx]];
      if (value === null || !u.series[series + 1].show) continue;
      const distance = Math.abs(u.valToPos(value, 'y') - top);
      if (!best || distance < best.distance) {
        best = { kind: 'baseline', x: order[idx], series, distance };
      }
    }
    return best;
  }

  function line(parent, className, ...parts) {
    const element = document.createElement('div');
    if (className) element.className = className;
    element.append(...parts);
    parent.appendChild(element);
    return element;
  }

  function code(text) {
    const element = document.createElement('code');
    element.textContent = text;
    return element;
  }

  function swatch(series) {
    const element = document.createElement('span');
    element.className = 'swatch';
    element.style.background = colorOf(series);
    return element;
  }

  function showTip(u) {
    const found = nearest(u);
    target = null;
    if (!found) {
      tip.hidden = true;
      return;
    }
    tip.replaceChildren();
    const label = data.series[found.series];
    if (found.kind === 'candidate') {
      const c = data.candidates;
      const k = found.k;
      target = c.jobs[k];
      line(tip, 'tip-commit', code(c.commits[k]),
           c.pull_requests[k] === null ? ' test job' : ` pull request #${c.pull_requests[k]}`);
      line(tip, 'hint', formatTime(c.times[k]));
      line(tip, '', swatch(found.series), ` ${label}: `,
           Object.assign(document.createElement('strong'),
                         { textContent: formatValue(c.values[k], data.unit) }));
      line(tip, 'hint', `test job #${target}, ${c.verdicts[k]} · click to open`);
    } else {
      const x = found.x;
      target = data.jobs[x];
      line(tip, 'tip-commit', code(data.commits[x]), ` ${data.subjects[x] ?? ''}`);
      line(tip, 'hint', formatTime(data.times[x]));
      line(tip, '', swatch(found.series), ` ${label}: `,
           Object.assign(document.createElement('strong'),
                         { textContent: formatValue(data.values[found.series][x], data.unit) }));
      const changes = data.change_points;
      for (let k = 0; k < changes.x.length; k++) {
        if (changes.x[k] === x && changes.series[k] === found.series) {
          line(tip, 'tip-change', `change point: ${formatChange(changes.change[k])}`);
        }
      }
      line(tip, 'hint', `baseline job #${target} · click to open`);
    }
    tip.hidden = false;
    // Beside the cursor, on the side where there is room.
    const area = holder.parentElement.getBoundingClientRect();
    const over = u.over.getBoundingClientRect();
    const x = over.left - area.left + u.cursor.left;
    const y = over.top - area.top + u.cursor.top;
    const flip = x + 16 + tip.offsetWidth > area.width;
    tip.style.left = `${flip ? x - 16 - tip.offsetWidth : x + 16}px`;
    tip.style.top = `${Math.max(0, y - tip.offsetHeight / 2)}px`;
  }

  function height() {
    return Math.max(240, Math.min(420, Math.round(window.innerHeight * 0.5)));
  }

  function options() {
    const colors = theme();
    const byCommit = mode() === 'commits';
    const axis = {
      stroke: colors.muted,
      grid: { stroke: colors.line, width: 1 },
      ticks: { stroke: colors.line, width: 1 },
    };
    const xAxis = byCommit
      ? { ...axis, space: 80,
          incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10000, 20000, 50000],
          values: (u, splits) => splits.map((i) => data.commits[order[i]] ?? '') }
      : axis;
    return {
      width: holder.clientWidth,
      height: height(),
      scales: { x: { time: !byCommit }, y: { range: yRange } },
      series: [
        { label: byCommit ? 'commit' : 'time',
          value: (u, raw, series, idx) => (idx === null ? '' : data.commits[order[idx]]) },
        ...data.series.map((label, series) => ({
          label,
          stroke: colorOf(series),
          width: 1.5,
          spanGaps: true,
          value: (u, raw) => formatValue(raw, data.unit),
        })),
      ],
      axes: [xAxis, { ...axis, size: 80, values: (u, splits) => splits.map((v) => formatValue(v, data.unit)) }],
      cursor: { drag: { x: true, y: false }, focus: { prox: 24 } },
      focus: { alpha: 0.35 },
      hooks: { draw: [drawMarks], setCursor: [showTip] },
    };
  }

  function draw() {
    if (plot) plot.destroy();
    holder.replaceChildren();
    order = data.jobs.map((_, i) => i);
    if (mode() === 'time') order.sort((a, b) => data.times[a] - data.times[b] || a - b);
    positionOf = [];
    order.forEach((x, position) => { positionOf[x] = position; });
    xs = mode() === 'time' ? order.map((x) => data.times[x]) : order.map((_, position) => position);
    const columns = data.values.map((column) => order.map((x) => column[x]));
    plot = new uPlot(options(), [xs, ...columns], holder);
    holder.dataset.points = String(plot.data[0].length);
    // A click opens the job under the cursor: a button released where it was pressed, not the
    // end of a drag that zoomed. Told by mouseup: at the plot's edge, where uPlot's selection
    // starts under the pointer, the browser sends no click. It waits for a double click, which
    // resets the zoom instead.
    let downAt = null;
    let opening = null;
    plot.over.addEventListener('mousedown', (event) => { downAt = [event.clientX, event.clientY]; });
    plot.over.addEventListener('mouseup', (event) => {
      const still = downAt && Math.hypot(event.clientX - downAt[0], event.clientY - downAt[1]) < 4;
      downAt = null;
      if (event.button !== 0 || !still || target === null) return;
      const job = target;
      clearTimeout(opening);
      opening = setTimeout(() => location.assign(`/jobs/${job}`), 300);
    });
    plot.over.addEventListener('dblclick', () => clearTimeout(opening));
    plot.over.addEventListener('mouseleave', () => { tip.hidden = true; });
  }

  // Shift+drag pans: caught before uPlot's own mousedown (capture on the holder), which would
  // start a zoom.
  holder.addEventListener('mousedown', (event) => {
    if (!plot || !event.shiftKey || event.button !== 0 || !plot.over.contains(event.target)) return;
    event.preventDefault();
    event.stopPropagation();
    const start = event.clientX;
    const { min, max } = plot.scales.x;
    const perPixel = (max - min) / plot.over.clientWidth;
    const first = xs[0];
    const last = xs[xs.length - 1];
    const move = (moved) => {
      let shift = (start - moved.clientX) * perPixel;
      shift = Math.min(Math.max(shift, first - min), last - max);
      if (max - min < last - first) plot.setScale('x', { min: min + shift, max: max + shift });
    };
    window.addEventListener('mousemove', move);
    window.addEventListener('mouseup', () => window.removeEventListener('mousemove', move),
                            { once: true });
  }, true);

  async function load() {
    const query = new URLSearchParams({ scenario: holder.dataset.scenario,
                                        metric: holder.dataset.metric });
    const response = await perfgate.api(`/api/v1/history/chart?${query}`);
    if (!response.ok) {
      holder.textContent = await perfgate.errorMessage(response);
      return;
    }
    data = await response.json();
    if (data.jobs.length === 0) {
      holder.textContent = 'No baseline job has measured this metric yet.';
      return;
    }
    tools.hidden = false;
    draw();
    for (const radio of tools.querySelectorAll('input[name="x"]')) {
      radio.addEventListener('change', draw);
    }
    // Again, keeping the zoom: the y range follows what is shown.
    showCandidates.addEventListener('change', () => {
      const { min, max } = plot.scales.x;
      draw();
      plot.setScale('x', { min, max });
    });
    document.getElementById('chart-reset').addEventListener('click', () => plot.setData(plot.data));
    window.addEventListener('resize', () => plot.setSize({ width: holder.clientWidth, height: height() }));
    window.matchMedia('(prefers-color-scheme: dark)').addEventListener('change', draw);
  }

  load().catch((error) => { holder.textContent = `The chart could not be drawn: ${error.message}`; });
})();
