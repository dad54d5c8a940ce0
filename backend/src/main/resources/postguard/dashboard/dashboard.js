// PostGuard statistics dashboard: reads GET /api/v1/stats/summary (same origin) and draws inline
// SVG charts. No framework, no external resources; text is set with textContent only.
(() => {
  "use strict";
  const SVG = "http://www.w3.org/2000/svg";
  const $ = (id) => document.getElementById(id);
  const nf = new Intl.NumberFormat("en-GB");

  function el(tag, attrs, text) {
    const e = document.createElement(tag);
    if (attrs) for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text != null) e.textContent = String(text);
    return e;
  }

  function svg(tag, attrs, text) {
    const e = document.createElementNS(SVG, tag);
    if (attrs) for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    if (text != null) e.textContent = String(text);
    return e;
  }

  function title(id) {
    const t = String(id).replace(/-/g, " ");
    return t.charAt(0).toUpperCase() + t.slice(1);
  }

  function pct(share) {
    return share == null ? "–" : Math.round(share * 100) + "%";
  }

  /** A "nice" upper bound for an axis. */
  function niceMax(v) {
    if (v <= 0) return 1;
    const p = Math.pow(10, Math.floor(Math.log10(v)));
    for (const m of [1, 2, 2.5, 5, 10]) if (m * p >= v) return m * p;
    return 10 * p;
  }

  function daysBetween(from, to) {
    const out = [];
    const d = new Date(from + "T00:00:00Z");
    const end = new Date(to + "T00:00:00Z");
    while (d <= end) {
      out.push(d.toISOString().slice(0, 10));
      d.setUTCDate(d.getUTCDate() + 1);
    }
    return out;
  }

  function empty(box, message, width, height) {
    const s = svg("svg", { viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": message });
    s.appendChild(svg("text", { x: width / 2, y: height / 2, "text-anchor": "middle", class: "empty" }, message));
    box.replaceChildren(s);
  }

  // --- warnings per category over time (stacked bars; days under the threshold hatched) -----------

  function timeChart(summary) {
    const box = $("chart-time");
    const W = 1040, H = 260, L = 44, R = 8, T = 10, B = 34;
    const days = daysBetween(summary.from, summary.to);
    const info = new Map(summary.days.map((d) => [d.day, d]));
    const stacks = new Map();
    for (const row of summary.byDayCategory) {
      if (!stacks.has(row.day)) stacks.set(row.day, []);
      stacks.get(row.day).push(row);
    }
    let max = 0;
    for (const rows of stacks.values()) max = Math.max(max, rows.reduce((a, r) => a + r.shown, 0));
    max = niceMax(max);
    const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": "Warnings shown per category, by day" });
    const defs = svg("defs");
    const pattern = svg("pattern", { id: "pg-hatch", width: 6, height: 6, patternUnits: "userSpaceOnUse", patternTransform: "rotate(45)" });
    pattern.appendChild(svg("line", { x1: 0, y1: 0, x2: 0, y2: 6, class: "hatch-line" }));
    defs.appendChild(pattern);
    s.appendChild(defs);
    const plotH = H - T - B;
    const slot = (W - L - R) / days.length;
    const bw = Math.max(2, slot * 0.7);
    for (let i = 0; i <= 4; i++) {
      const v = (max / 4) * i;
      const y = T + plotH - (v / max) * plotH;
      s.appendChild(svg("line", { x1: L, x2: W - R, y1: y, y2: y, class: i ? "grid" : "axis" }));
      s.appendChild(svg("text", { x: L - 6, y: y + 4, "text-anchor": "end" }, nf.format(v)));
    }
    const labelEvery = Math.ceil(days.length / 10);
    days.forEach((day, i) => {
      const x = L + i * slot + (slot - bw) / 2;
      const d = info.get(day);
      const g = svg("g", { "data-day": day, "data-reports": d ? d.reports : 0, "data-suppressed": d ? d.suppressed : "none" });
      if (d && d.suppressed) {
        const r = svg("rect", { x, y: T + plotH - 18, width: bw, height: 18, class: "suppressed" });
        r.appendChild(svg("title", null, `${day}: ${d.reports} report${d.reports === 1 ? "" : "s"}, fewer than ${summary.minReports}: left out`));
        g.appendChild(r);
      } else if (d) {
        let y = T + plotH;
        summary.categories.forEach((cat, ci) => {
          const row = (stacks.get(day) || []).find((r) => r.category === cat);
          if (!row || row.shown <= 0) return;
          const h = (row.shown / max) * plotH;
          y -= h;
          const r = svg("rect", { x, y, width: bw, height: h, class: "c" + ci, "data-category": cat, "data-value": row.shown });
          r.appendChild(svg("title", null, `${day}, ${title(cat)}: about ${nf.format(row.shown)} shown (${d.reports} reports)`));
          g.appendChild(r);
        });
      }
      s.appendChild(g);
      if (i % labelEvery === 0) {
        s.appendChild(svg("text", { x: L + i * slot + slot / 2, y: H - B + 16, "text-anchor": "middle" }, day.slice(5)));
      }
    });
    box.replaceChildren(s);

    const legend = $("legend");
    legend.replaceChildren();
    summary.categories.forEach((cat, ci) => {
      const item = el("span");
      item.appendChild(el("i", { class: "c" + ci }));
      item.appendChild(document.createTextNode(title(cat)));
      legend.appendChild(item);
    });
    const sup = el("span");
    sup.appendChild(el("i", { class: "cs" }));
    sup.appendChild(document.createTextNode(`Fewer than ${summary.minReports} reports: left out`));
    legend.appendChild(sup);
  }

  // --- horizontal bars ------------------------------------------------------------------------------

  function hbars(box, rows, opts) {
    const W = 520, rowH = 24, L = 130, R = 60, T = 4;
    if (!rows.length) {
      empty(box, opts.emptyText, W, 80);
      return;
    }
    const H = T + rows.length * rowH + 4;
    const max = opts.max || niceMax(Math.max(...rows.map((r) => r.value)));
    const s = svg("svg", { viewBox: `0 0 ${W} ${H}`, role: "img", "aria-label": opts.label });
    rows.forEach((r, i) => {
      const y = T + i * rowH;
      const g = svg("g", { "data-key": r.key, "data-value": r.value });
      g.appendChild(svg("text", { x: L - 8, y: y + 16, "text-anchor": "end", class: "label-strong" }, r.name));
      const w = Math.max(0, ((W - L - R) * r.value) / max);
      g.appendChild(svg("rect", { x: L, y: y + 4, width: w, height: rowH - 8, class: opts.barClass || "bar-shown" }));
      if (r.inner != null) {
        const wi = Math.max(0, Math.min(w, ((W - L - R) * r.inner) / max));
        g.appendChild(svg("rect", { x: L, y: y + 4, width: wi, height: rowH - 8, class: "bar-edited" }));
      }
      g.appendChild(svg("text", { x: L + w + 6, y: y + 16 }, r.text));
      s.appendChild(g);
    });
    box.replaceChildren(s);
  }

  function render(summary) {
    $("min-reports").textContent = summary.minReports;
    for (const m of document.querySelectorAll(".min")) m.textContent = summary.minReports;
    $("epsilon").textContent = summary.noise.epsilonPerCount;
    $("t-reports").textContent = nf.format(summary.reports);
    $("t-shown").textContent = summary.reportsShown ? nf.format(summary.totals.shown) : "–";
    $("t-edited").textContent = summary.reportsShown ? pct(summary.totals.editedAwayShare) : "–";
    $("t-suppressed").textContent = nf.format(summary.daysSuppressed);
    timeChart(summary);

    const platforms = summary.byPlatform.filter((p) => p.shown > 0).sort((a, b) => b.shown - a.shown)
      .map((p) => ({ key: p.platform, name: p.platform, value: p.shown, inner: p.editedAway,
        text: nf.format(p.shown) + (p.editedAwayShare != null ? " · " + pct(p.editedAwayShare) + " edited" : "") }));
    hbars($("chart-platform"), platforms, { label: "Warnings shown by platform", emptyText: "No numbers yet for this period." });

    const shares = summary.byCategory.filter((c) => c.editedAwayShare != null)
      .map((c) => ({ key: c.category, name: title(c.category), value: c.editedAwayShare, text: pct(c.editedAwayShare) }));
    hbars($("chart-edited"), shares, { label: "Share edited away by category", emptyText: "No numbers yet for this period.", max: 1, barClass: "bar-edited" });

    const body = $("table-category").tBodies[0];
    body.replaceChildren();
    for (const c of summary.byCategory) {
      const tr = el("tr", { "data-category": c.category });
      tr.appendChild(el("td", null, title(c.category)));
      for (const k of ["shown", "editedAway", "dismissed", "ignored"]) tr.appendChild(el("td", null, summary.reportsShown ? nf.format(c[k]) : "–"));
      tr.appendChild(el("td", null, summary.reportsShown ? pct(c.editedAwayShare) : "–"));
      body.appendChild(tr);
    }
    const status = $("status");
    status.className = "muted";
    status.textContent = `${summary.from} to ${summary.to} (UTC): ${nf.format(summary.reports)} report${summary.reports === 1 ? "" : "s"}` +
      (summary.reportsShown < summary.reports ? `, ${nf.format(summary.reports - summary.reportsShown)} of them on days left out` : "") + ".";
    document.documentElement.setAttribute("data-loaded", "true");
  }

  async function load() {
    const days = Number($("range").value) || 30;
    const to = new Date().toISOString().slice(0, 10);
    const fromDate = new Date(to + "T00:00:00Z");
    fromDate.setUTCDate(fromDate.getUTCDate() - (days - 1));
    const query = "?from=" + fromDate.toISOString().slice(0, 10) + "&to=" + to;
    $("csv").setAttribute("href", "/api/v1/stats/summary.csv" + query);
    try {
      const res = await fetch("/api/v1/stats/summary" + query, { cache: "no-store", credentials: "same-origin" });
      const body = await res.json();
      if (!res.ok) throw new Error(body && body.detail ? body.detail : "HTTP " + res.status);
      render(body);
    } catch (e) {
      const status = $("status");
      status.className = "bad";
      status.textContent = "The statistics could not be loaded: " + (e && e.message ? e.message : "unknown error");
      document.documentElement.setAttribute("data-loaded", "error");
    }
  }

  $("range").addEventListener("change", load);
  $("range-form").addEventListener("submit", (e) => e.preventDefault());
  load();
})();
