// Draws the report's charts on canvases from the JSON in #report-data. No libraries: the page
// must open offline. Each pixel column aggregates the minutes under it (min/max/mean), so the
// whole trace draws as fast as one day.
"use strict";
window.addEventListener("error", (e) => {
  // Say so on the page (and to headless checks) instead of leaving empty charts.
  document.body.dataset.error = e.message;
  const p = document.createElement("p");
  p.className = "error";
  p.textContent = "The charts failed to draw: " + e.message;
  document.getElementById("charts").prepend(p);
});
(() => {
  const MIN = 60000;
  const DAY_MIN = 1440;
  const COLORS = {
    demand: "#1b1b1b",
    envelope: "rgba(27,27,27,0.22)",
    capacity: "#1565c0",
    headroom: "rgba(21,101,192,0.6)",
    idle: "rgba(245,166,35,0.55)",
    onDemand: "rgba(142,68,173,0.3)",
    throttled: "#d50000",
    throttledBand: "rgba(213,0,0,0.14)",
    grid: "#ececec",
    midnight: "#c8c8c8",
    axis: "#555",
    select: "rgba(21,101,192,0.15)",
  };
  const PAD = { left: 58, right: 12, top: 8, bottom: 30 }; // bottom: throttle strip + time axis
  const STRIP = 6;
  const TICK_STEPS = [15, 30, 60, 120, 180, 360, 720, 1440, 2880, 10080]; // minutes
  const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
  const MONTHS = "Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec".split(" ");

  const data = JSON.parse(document.getElementById("report-data").textContent);
  const N = data.minutes;

  // Local time as minutes since the epoch, per trace minute (offsets carry the zone's DST rules).
  const localMin = new Float64Array(N);
  for (let i = 0, k = 0; i < N; i++) {
    while (k + 1 < data.offsets.length && data.offsets[k + 1][0] <= i) k++;
    localMin[i] = data.start / MIN + i + data.offsets[k][1];
  }
  const dayOf = (i) => Math.floor(localMin[Math.min(Math.max(i, 0), N - 1)] / DAY_MIN);
  const firstDay = dayOf(0);
  const lastDay = dayOf(N - 1);

  /** The first trace minute at or after local time {@code lm} (minutes since the epoch). */
  function minuteAtLocal(lm) {
    let lo = 0;
    let hi = N;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (localMin[mid] < lm) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
  const minuteOfDay = (day) => minuteAtLocal(day * DAY_MIN);

  const pad2 = (n) => String(n).padStart(2, "0");
  const utc = (lm) => new Date(lm * MIN);
  const fmtDate = (lm) => {
    const d = utc(lm);
    return WEEKDAYS[d.getUTCDay()] + " " + d.getUTCDate() + " " + MONTHS[d.getUTCMonth()];
  };
  const fmtTime = (lm) => pad2(utc(lm).getUTCHours()) + ":" + pad2(utc(lm).getUTCMinutes());
  const isoDay = (day) => new Date(day * DAY_MIN * MIN).toISOString().slice(0, 10);
  const isoMinute = (lm) => utc(lm).toISOString().slice(0, 16);
  const parseLocal = (s) => Date.parse(s.length === 10 ? s + "T00:00Z" : s + "Z") / MIN;
  /** A throttled share in percent as the tables print it (Figures.throttledPercent). */
  const fmtPct = (v) =>
    v > 0 && v < 0.00005 ? v.toFixed(1 - Math.floor(Math.log10(v))).replace(/0+$/, "") : v.toFixed(4);
  const esc = (s) =>
    s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  const fmtTps = (v) =>
    v >= 10000 ? Math.round(v / 1000) + "k" : v >= 1000 ? (v / 1000).toFixed(1) + "k" : String(Math.round(v));

  // Decode: demand is delta-encoded, units are change points, throttled minutes are sparse.
  const models = data.models.map((m) => {
    const demand = new Float64Array(N);
    for (let i = 0, v = 0; i < N; i++) demand[i] = v += m.demand[i];
    const runs = data.policies.map((policy) => {
      const r = m.runs[policy];
      const cap = new Float64Array(N);
      const thr = new Float64Array(N);
      const hit = new Uint8Array(N);
      for (let i = 0, k = 0; i < N; i++) {
        while (k + 1 < r.units.length && r.units[k + 1][0] <= i) k++;
        cap[i] = r.units[k][1] * m.tpsPerUnit;
      }
      for (const [i, t] of r.throttled) {
        thr[i] = t;
        hit[i] = 1;
      }
      return { policy, cap, thr, hit, throttledMinutes: r.throttledMinutes, throttledPercent: r.throttledPercent };
    });
    return { key: m.key, tpsPerUnit: m.tpsPerUnit, onDemand: m.onDemandTps, demand, runs };
  });

  // ---- view: which minutes are shown --------------------------------------------------------
  let view = { mode: "all", day: firstDay, from: 0, to: N };
  // "demand": each model's axis fits its demand (capacity far above it runs off the top, and the
  // heading says how far), so a small model's demand is not a flat line; "all": fits capacity too.
  let fit = "demand";
  const FIT_ABOVE_DEMAND = 1.5;

  function go(mode, day, from, to) {
    if (mode === "all") {
      view = { mode, day: firstDay, from: 0, to: N };
    } else if (mode === "custom") {
      from = Math.min(Math.max(0, from), N - 1);
      view = { mode, day: dayOf(from), from, to: Math.min(N, Math.max(from + 1, to)) };
    } else {
      const span = mode === "week" ? 7 : 1;
      day = Math.min(Math.max(day, firstDay), Math.max(firstDay, lastDay - span + 1));
      view = { mode, day, from: minuteOfDay(day), to: Math.min(N, minuteOfDay(day + span)) };
    }
    const hash =
      mode === "day" || mode === "week" ? "#" + mode + "=" + isoDay(view.day)
      : mode === "custom" ? "#from=" + isoMinute(localMin[view.from]) + "&to=" + isoMinute(localMin[view.to - 1] + 1)
      : "#";
    if (location.hash !== hash) history.replaceState(null, "", hash);
    render();
  }

  function step(dir) {
    if (view.mode === "day" || view.mode === "week") {
      go(view.mode, view.day + dir * (view.mode === "week" ? 7 : 1));
    } else if (view.mode === "custom") {
      const span = view.to - view.from;
      const from = Math.min(Math.max(0, view.from + dir * span), N - span);
      go("custom", 0, from, from + span);
    }
  }

  /** #day=2026-12-21, #week=2026-12-21 or #from=2026-12-20T18:00&to=2026-12-21T18:00 (local). */
  function fromHash() {
    const day = /^#(day|week)=(\d{4}-\d{2}-\d{2})$/.exec(location.hash);
    const range = /^#from=([\d:T-]+)&to=([\d:T-]+)$/.exec(location.hash);
    const a = range ? parseLocal(range[1]) : NaN;
    const b = range ? parseLocal(range[2]) : NaN;
    if (day && !isNaN(parseLocal(day[2]))) go(day[1], parseLocal(day[2]) / DAY_MIN);
    else if (a < b) go("custom", 0, minuteAtLocal(a), minuteAtLocal(b));
    else go("all");
  }

  // ---- layout -------------------------------------------------------------------------------
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  };
  const host = document.getElementById("models");
  const panels = [];
  for (const m of models) {
    const h = el("h3", null, m.key + " ");
    h.append(
      el(
        "span",
        "meta",
        fmtTps(m.tpsPerUnit) + " tokens/s per unit, on-demand headroom " + fmtTps(m.onDemand) + " tokens/s"
      )
    );
    m.clip = el("span", "meta clip");
    h.append(m.clip);
    host.append(h);
    m.panels = m.runs.map((run) => {
      const div = el("div", "panel");
      const head = el("div", "panel-head");
      const stats = el("span", "stats");
      head.append(el("span", "policy", run.policy), stats);
      const plot = el("div", "plot");
      const base = el("canvas");
      const over = el("canvas");
      plot.append(base, over);
      div.append(head, plot);
      host.append(div);
      const p = { model: m, run, stats, plot, base, over, summary: "" };
      panels.push(p);
      return p;
    });
  }

  // ---- drawing ------------------------------------------------------------------------------
  /** Per pixel column: the minutes [a, b) under it, aggregated. */
  function columns(m, run, width) {
    const span = view.to - view.from;
    const c = {
      dMin: new Float64Array(width), dMax: new Float64Array(width), dMean: new Float64Array(width),
      cFirst: new Float64Array(width), cMin: new Float64Array(width), cMax: new Float64Array(width),
      cLast: new Float64Array(width), cMean: new Float64Array(width), tMax: new Float64Array(width),
      hit: new Uint8Array(width), many: span > width,
    };
    for (let x = 0; x < width; x++) {
      const a = view.from + Math.floor((x * span) / width);
      const b = Math.max(a + 1, view.from + Math.floor(((x + 1) * span) / width));
      let dMin = Infinity, dMax = -Infinity, dSum = 0, cMin = Infinity, cMax = -Infinity, cSum = 0;
      let tMax = 0, hit = 0;
      for (let i = a; i < b; i++) {
        const d = m.demand[i];
        const cap = run.cap[i];
        if (d < dMin) dMin = d;
        if (d > dMax) dMax = d;
        if (cap < cMin) cMin = cap;
        if (cap > cMax) cMax = cap;
        dSum += d;
        cSum += cap;
        if (run.thr[i] > tMax) tMax = run.thr[i];
        hit |= run.hit[i];
      }
      c.dMin[x] = dMin; c.dMax[x] = dMax; c.dMean[x] = dSum / (b - a);
      c.cMin[x] = cMin; c.cMax[x] = cMax; c.cMean[x] = cSum / (b - a);
      c.cFirst[x] = run.cap[a]; c.cLast[x] = run.cap[b - 1];
      c.tMax[x] = tMax; c.hit[x] = hit;
    }
    return c;
  }

  function niceStep(max, parts) {
    const raw = max / parts;
    const p = Math.pow(10, Math.floor(Math.log10(raw)));
    return [1, 2, 2.5, 5, 10].map((f) => f * p).find((s) => s >= raw);
  }

  function size(p) {
    const w = p.plot.clientWidth;
    const h = p.plot.clientHeight;
    const dpr = window.devicePixelRatio || 1;
    for (const c of [p.base, p.over]) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
      c.style.width = w + "px";
      c.style.height = h + "px";
      c.getContext("2d").setTransform(dpr, 0, 0, dpr, 0, 0);
    }
    p.w = w - PAD.left - PAD.right;
    p.h = h - PAD.top - PAD.bottom;
  }

  function drawPanel(p, yMax) {
    size(p);
    const g = p.base.getContext("2d");
    const { model: m, run, w, h } = p;
    const y = (v) => PAD.top + h - (Math.min(v, yMax) / yMax) * h;
    drawAxes(g, p, yMax, y);
    const c = columns(m, run, w);
    const fill = (color, x, top, bottom) => {
      g.fillStyle = color;
      g.fillRect(PAD.left + x, top, 1, bottom - top);
    };
    for (let x = 0; x < w; x++) {
      const d = c.dMean[x];
      const cap = c.cMean[x];
      const head = cap + m.onDemand;
      if (c.hit[x]) {
        fill(COLORS.throttledBand, x, PAD.top, PAD.top + h);
        // Zoomed out, one throttled minute is a fraction of a pixel: widen its tick to be seen.
        g.fillStyle = COLORS.throttled;
        g.fillRect(PAD.left + x - (c.many ? 1 : 0), PAD.top + h + 2, c.many ? 3 : 1, STRIP);
      }
      if (cap > d) fill(COLORS.idle, x, y(cap), y(d));
      else if (d > cap) fill(COLORS.onDemand, x, y(Math.min(d, head)), y(cap));
      if (c.tMax[x] > 0) fill(COLORS.throttled, x, y(head + c.tMax[x]), y(head));
      if (c.many) fill(COLORS.envelope, x, y(c.dMax[x]), y(c.dMin[x]) + 1);
    }
    // Capacity is a step function: first/min/max/last per column keeps every step visible.
    const steps = (offset) => {
      g.beginPath();
      for (let x = 0; x < w; x++) {
        const X = PAD.left + x + 0.5;
        for (const v of [c.cFirst[x], c.cMin[x], c.cMax[x], c.cLast[x]]) g.lineTo(X, y(v + offset));
      }
      g.stroke();
    };
    g.lineWidth = 1.5;
    g.strokeStyle = COLORS.headroom;
    g.setLineDash([5, 3]);
    steps(m.onDemand);
    g.setLineDash([]);
    g.strokeStyle = COLORS.capacity;
    steps(0);
    g.lineWidth = 1;
    g.strokeStyle = COLORS.demand;
    g.beginPath();
    for (let x = 0; x < w; x++) g.lineTo(PAD.left + x + 0.5, y(c.dMean[x]));
    g.stroke();
    p.summary = summary(p);
    p.stats.innerHTML = p.summary;
  }

  function drawAxes(g, p, yMax, y) {
    const { w, h } = p;
    g.font = "11px system-ui, 'DejaVu Sans', sans-serif";
    g.fillStyle = COLORS.axis;
    g.textAlign = "right";
    g.textBaseline = "middle";
    const ys = niceStep(yMax, 4);
    for (let v = 0; v <= yMax + 1e-9; v += ys) {
      g.fillStyle = COLORS.axis;
      g.fillText(fmtTps(v), PAD.left - 6, y(v));
      g.fillStyle = COLORS.grid;
      g.fillRect(PAD.left, Math.round(y(v)), w, 1);
    }
    g.save();
    g.translate(12, PAD.top + h / 2);
    g.rotate(-Math.PI / 2);
    g.textAlign = "center";
    g.fillStyle = COLORS.axis;
    g.fillText("tokens/s", 0, 0);
    g.restore();

    const span = view.to - view.from;
    const pxPerMin = w / span;
    const stepMin = TICK_STEPS.find((s) => s * pxPerMin >= 72) || 10080;
    g.textAlign = "center";
    g.textBaseline = "top";
    let lastLabel = -Infinity;
    for (let i = view.from; i < view.to; i++) {
      const lm = localMin[i];
      const day = Math.floor(lm / DAY_MIN);
      const midnight = lm % DAY_MIN === 0;
      const on =
        stepMin >= 10080 ? midnight && (day + 3) % 7 === 0 // epoch day 0 is a Thursday: Mondays
        : stepMin >= DAY_MIN ? midnight && day % (stepMin / DAY_MIN) === 0
        : lm % stepMin === 0;
      if (!on) continue;
      const X = Math.round(PAD.left + (i - view.from) * pxPerMin);
      g.fillStyle = midnight ? COLORS.midnight : COLORS.grid;
      g.fillRect(X, PAD.top, 1, h);
      if (X - lastLabel < 60) continue; // a DST change can put two ticks close together
      lastLabel = X;
      g.fillStyle = COLORS.axis;
      g.font = (midnight ? "600 " : "") + "11px system-ui, 'DejaVu Sans', sans-serif";
      g.fillText(midnight ? fmtDate(lm) : fmtTime(lm), X, PAD.top + h + STRIP + 5);
    }
  }

  /** What the panel's view adds up to, as HTML (text from the data is escaped). */
  function summary(p) {
    const { model: m, run } = p;
    let throttledMin = 0, throttled = 0, demand = 0, capacity = 0, idle = 0;
    for (let i = view.from; i < view.to; i++) {
      demand += m.demand[i];
      capacity += run.cap[i];
      idle += Math.max(0, run.cap[i] - m.demand[i]);
      throttledMin += run.hit[i];
      throttled += run.thr[i];
    }
    // The whole trace shows the simulator's own figures, so the panel and the per-model table
    // agree to the digit; a zoomed view sums its minutes.
    const whole = view.from === 0 && view.to === N;
    const minutes = whole ? run.throttledMinutes : throttledMin;
    const pct = whole ? run.throttledPercent : fmtPct(demand > 0 ? (100 * throttled) / demand : 0);
    const t =
      minutes > 0
        ? '<span class="bad">throttled ' + minutes + " min, " + pct + " % of " + esc(m.key) +
          "'s tokens" + (whole ? "" : " in view") + "</span>"
        : "no throttled minute";
    return (
      t +
      " &middot; idle capacity " + (capacity > 0 ? ((100 * idle) / capacity).toFixed(1) : "0") + "%" +
      " &middot; " + Math.round(capacity / m.tpsPerUnit / 60) + " in-service unit-hours"
    );
  }

  function render() {
    for (const m of models) {
      let demandMax = 1;
      let all = 1;
      for (let i = view.from; i < view.to; i++) demandMax = Math.max(demandMax, m.demand[i]);
      for (const run of m.runs) {
        for (let i = view.from; i < view.to; i++) all = Math.max(all, run.cap[i] + m.onDemand);
      }
      all = Math.max(all, demandMax);
      let yMax = fit === "all" ? all : Math.min(all, FIT_ABOVE_DEMAND * demandMax);
      const ys = niceStep(yMax, 4);
      yMax = Math.ceil((yMax * 1.02) / ys) * ys;
      m.clip.textContent =
        all > yMax ? " \u00b7 axis fitted to demand: capacity + on-demand reaches " + fmtTps(all) + ", above the top" : "";
      for (const p of m.panels) drawPanel(p, yMax);
    }
    const fitButton = document.querySelector("[data-fit]");
    fitButton.textContent = fit === "all" ? "Axis: fit capacity" : "Axis: fit demand";
    fitButton.classList.toggle("active", fit === "all");
    const end = localMin[view.to - 1] + 1;
    const span = view.to - view.from;
    const hours = Math.round(span / 60);
    document.getElementById("range").textContent =
      fmtDate(localMin[view.from]) + " " + fmtTime(localMin[view.from]) + " \u2013 " +
      fmtDate(end) + " " + fmtTime(end) + " (" + (hours >= 48 ? Math.round(hours / 24) + " days" : span >= 120 ? hours + " h" : span + " min") + ")";
    for (const b of document.querySelectorAll("[data-zoom]")) {
      b.classList.toggle("active", b.dataset.zoom === view.mode);
    }
    for (const b of document.querySelectorAll("[data-step]")) b.disabled = view.mode === "all";
    overlay(null, null);
  }

  // ---- interaction: hover read-out, drag to zoom ----------------------------------------------
  let drag = null;
  const minuteAt = (p, clientX) => {
    const x = clientX - p.over.getBoundingClientRect().left - PAD.left;
    const f = Math.min(Math.max(x / p.w, 0), 0.999999);
    return view.from + Math.floor(f * (view.to - view.from));
  };

  function overlay(minute, selection) {
    const span = view.to - view.from;
    for (const p of panels) {
      const g = p.over.getContext("2d");
      g.clearRect(0, 0, p.over.width, p.over.height);
      const X = (i) => PAD.left + ((i - view.from) * p.w) / span;
      if (selection) {
        g.fillStyle = COLORS.select;
        const [a, b] = selection[0] < selection[1] ? selection : [selection[1], selection[0]];
        g.fillRect(X(a), PAD.top, X(b + 1) - X(a), p.h);
      }
      if (minute === null) {
        p.stats.innerHTML = p.summary;
        continue;
      }
      g.fillStyle = "#000";
      g.fillRect(Math.round(X(minute + 0.5)), PAD.top, 1, p.h);
      const d = p.model.demand[minute];
      const cap = p.run.cap[minute];
      const thr = p.run.thr[minute];
      p.stats.innerHTML =
        fmtDate(localMin[minute]) + " " + fmtTime(localMin[minute]) +
        " &middot; demand " + fmtTps(d) + " &middot; " + Math.round(cap / p.model.tpsPerUnit) +
        " units = " + fmtTps(cap) + " &middot; " +
        (p.run.hit[minute] ? '<span class="bad">throttled ' + fmtTps(thr) + "</span>"
          : cap > d ? "idle " + fmtTps(cap - d) : "on demand " + fmtTps(d - cap));
    }
  }

  for (const p of panels) {
    p.over.addEventListener("mousedown", (e) => {
      drag = [minuteAt(p, e.clientX), minuteAt(p, e.clientX)];
      e.preventDefault();
    });
    p.over.addEventListener("mousemove", (e) => {
      const i = minuteAt(p, e.clientX);
      if (drag) drag[1] = i;
      overlay(i, drag);
    });
    p.over.addEventListener("mouseleave", () => overlay(null, drag));
    p.over.addEventListener("dblclick", () => go("all"));
  }
  window.addEventListener("mouseup", () => {
    if (!drag) return;
    const [a, b] = drag[0] < drag[1] ? drag : [drag[1], drag[0]];
    drag = null;
    if (b - a >= 10) go("custom", 0, a, b + 1);
    else overlay(null, null);
  });
  for (const b of document.querySelectorAll("[data-zoom]")) {
    b.addEventListener("click", () => {
      // From the whole trace, start at its first day; otherwise stay around the day in view.
      const day = view.mode === "all" ? firstDay : dayOf(view.from + ((view.to - view.from) >> 1));
      go(b.dataset.zoom, day);
    });
  }
  for (const b of document.querySelectorAll("[data-step]")) {
    b.addEventListener("click", () => step(Number(b.dataset.step)));
  }
  document.querySelector("[data-fit]").addEventListener("click", () => {
    fit = fit === "all" ? "demand" : "all";
    render();
  });
  window.addEventListener("keydown", (e) => {
    if (e.key === "ArrowLeft") step(-1);
    if (e.key === "ArrowRight") step(1);
  });
  window.addEventListener("hashchange", fromHash);
  window.addEventListener("resize", render);

  fromHash();
  // For headless checks (chromium --dump-dom, then a screenshot): where each chart is on the page,
  // and that the render completed.
  for (const e of document.querySelectorAll(".plot, svg.frontier")) {
    const r = e.getBoundingClientRect();
    e.dataset.box = [r.left + window.scrollX, r.top + window.scrollY, r.width, r.height].map(Math.round).join(",");
  }
  document.body.dataset.rendered = String(panels.length);
})();
