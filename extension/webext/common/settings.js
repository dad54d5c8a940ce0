// PostGuard settings: the one place that knows the storage keys and their defaults.
// Loaded by the content scripts, the background, the popup and the options page.
// Never stores text the user types: only the user's own choices made in the options page.
(() => {
  "use strict";
  if (globalThis.PGSettings) return;

  // Firefox exposes promise-based `browser.*`; Chrome MV3 returns promises from `chrome.*` too.
  const api = globalThis.browser ?? globalThis.chrome;

  const DEFAULT_SERVER = "http://127.0.0.1:7341";

  const DEFAULTS = Object.freeze({
    serverUrl: DEFAULT_SERVER,
    disabledSites: {}, // adapter id -> true (options page)
    disabledHosts: {}, // hostname -> true (toolbar popup: "on/off for this site")
    ignoredPhrases: [], // lower-cased phrases the user chose never to be warned about
    personalTerms: [], // hospital, ward, colleague names: sent with each check as personalTerms
    showLow: true, // show low-severity warnings
    customSites: [], // [{ id, origin, adapter }] added from the options page
    statsEnabled: false, // opt-in anonymous statistics (common/stats.js); off by default
    statsCollector: "", // where statistics go; "" = the PostGuard server (serverUrl)
  });

  function clone(value) {
    return JSON.parse(JSON.stringify(value));
  }

  /** Returns "http(s)://host[:port][/path]" without a trailing slash, or null when invalid. */
  function normaliseServerUrl(value) {
    if (typeof value !== "string") return null;
    const trimmed = value.trim();
    if (!trimmed) return null;
    let url;
    try {
      url = new URL(trimmed);
    } catch (e) {
      return null;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    if (url.username || url.password || url.search || url.hash) return null;
    return (url.origin + url.pathname).replace(/\/+$/, "");
  }

  /** True when the server lives on this computer (covered by the manifest's host_permissions). */
  function isLocalServer(serverUrl) {
    try {
      const host = new URL(serverUrl).hostname;
      return host === "127.0.0.1" || host === "localhost" || host === "[::1]";
    } catch (e) {
      return false;
    }
  }

  /** Where statistics are sent: the chosen collector, else the PostGuard server. */
  function statsCollectorUrl(settings) {
    return settings.statsCollector || settings.serverUrl;
  }

  /** Lower-cases and collapses spaces, so a phrase matches however it was typed. */
  function normalisePhrase(value) {
    return String(value ?? "")
      .normalize("NFC")
      .toLowerCase()
      .replace(/[\s\u00a0\u200b]+/g, " ")
      .trim();
  }

  function cleanList(list, max) {
    if (!Array.isArray(list)) return [];
    const seen = new Set();
    const out = [];
    for (const item of list) {
      if (typeof item !== "string") continue;
      const value = item.replace(/\s+/g, " ").trim();
      if (!value || value.length > 100 || seen.has(value.toLowerCase())) continue;
      seen.add(value.toLowerCase());
      out.push(value);
      if (out.length >= max) break;
    }
    return out;
  }

  function sanitise(raw) {
    const s = clone(DEFAULTS);
    if (!raw || typeof raw !== "object") return s;
    const server = normaliseServerUrl(raw.serverUrl);
    if (server) s.serverUrl = server;
    for (const key of ["disabledSites", "disabledHosts"]) {
      if (raw[key] && typeof raw[key] === "object" && !Array.isArray(raw[key])) {
        for (const [k, v] of Object.entries(raw[key])) if (v === true) s[key][k] = true;
      }
    }
    s.ignoredPhrases = cleanList(raw.ignoredPhrases, 1000).map(normalisePhrase);
    s.personalTerms = cleanList(raw.personalTerms, 200);
    if (typeof raw.showLow === "boolean") s.showLow = raw.showLow;
    s.statsEnabled = raw.statsEnabled === true;
    const collector = normaliseServerUrl(raw.statsCollector);
    if (collector) s.statsCollector = collector;
    if (Array.isArray(raw.customSites)) {
      s.customSites = raw.customSites.filter(
        (c) => c && typeof c.id === "string" && typeof c.origin === "string" && typeof c.adapter === "string");
    }
    return s;
  }

  async function load() {
    try {
      const raw = await api.storage.local.get(Object.keys(DEFAULTS));
      return sanitise(raw);
    } catch (e) {
      return clone(DEFAULTS);
    }
  }

  async function save(patch) {
    await api.storage.local.set(patch);
  }

  /** Calls fn(settings, changedKeys) whenever a PostGuard setting changes. Returns an unsubscribe. */
  function onChanged(fn) {
    const listener = (changes, area) => {
      if (area !== "local") return;
      const keys = Object.keys(changes).filter((k) => k in DEFAULTS);
      if (!keys.length) return;
      load().then((s) => fn(s, keys)).catch(() => {});
    };
    api.storage.onChanged.addListener(listener);
    return () => api.storage.onChanged.removeListener(listener);
  }

  // Plain words for the signal kinds the server reports (backend SignalKind.label()).
  const KIND_LABELS = Object.freeze({
    "patient": "patient reference",
    "bed": "bed or bay",
    "age": "age",
    "sex": "sex",
    "condition": "condition",
    "symptom": "symptom",
    "procedure": "procedure",
    "investigation": "investigation",
    "drug": "drug",
    "anatomy": "anatomy",
    "setting": "place",
    "workplace": "your workplace",
    "role": "clinical role",
    "occupation": "job",
    "acquaintance": "someone known to you",
    "time-anchor": "time",
    "date": "date",
    "time": "time of day",
    "date-of-birth": "date of birth",
    "nhs-number": "NHS number",
    "name": "name",
    "postcode": "postcode",
    "phone": "phone number",
    "email": "email address",
    "interest-declared": "declared interest",
    "consent-declared": "stated consent",
    "anonymity-claimed": "claimed anonymity",
    "phrase": "risky phrase",
    "cue": "telling words",
  });

  function kindLabel(kind) {
    const k = String(kind ?? "");
    return KIND_LABELS[k] || k.replace(/[-_]+/g, " ") || "detail";
  }

  /** What has the last word on each check, as GET /api/v1/health names it, in the user's terms. */
  const JUDGE_LABELS = Object.freeze({
    "model-with-votes": "reads each post's meaning, with the fine-tuned model's votes",
    "model-with-meaning": "reads each post's meaning, without the fine-tuned model's votes",
    "model": "words and signals only, not meaning (started with --without-meaning)",
    "rules": "rules only, no category model",
  });

  /** "version 0.1.0, 5850 phrases, reads each post's meaning, ..." from a health answer; unknown values are left out. */
  function describeServer(health) {
    const h = health || {};
    const parts = [];
    if (h.version) parts.push("version " + String(h.version));
    if (Number.isFinite(h.phrases)) parts.push(h.phrases + " phrases");
    if (Object.hasOwn(JUDGE_LABELS, String(h.judge))) parts.push(JUDGE_LABELS[String(h.judge)]);
    return parts.join(", ");
  }

  /** Only http(s) links from the server are shown. */
  function safeHttpUrl(value) {
    try {
      const url = new URL(String(value));
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  /**
   * Builds an element: h("div", { className, attrs: {...}, text, on: {...} }, [children]).
   * Text is set with textContent, never innerHTML, so server strings stay inert. Pages and the
   * overlay share it; the background never calls it.
   */
  function h(tag, props, children) {
    const el = document.createElement(tag);
    if (props) {
      if (props.className) el.className = props.className;
      if (props.text != null) el.textContent = String(props.text);
      if (props.attrs) for (const [k, v] of Object.entries(props.attrs)) if (v != null) el.setAttribute(k, String(v));
      if (props.on) for (const [k, v] of Object.entries(props.on)) el.addEventListener(k, v);
    }
    if (children) for (const c of children) if (c != null) el.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    return el;
  }

  globalThis.PGSettings = Object.freeze({
    h,
    api,
    DEFAULT_SERVER,
    DEFAULTS,
    load,
    save,
    onChanged,
    sanitise,
    normaliseServerUrl,
    isLocalServer,
    statsCollectorUrl,
    normalisePhrase,
    kindLabel,
    describeServer,
    safeHttpUrl,
  });
})();
