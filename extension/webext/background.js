// PostGuard background: the only part that talks to the PostGuard server on this computer.
//
// Chrome runs this file as a classic service worker ("service_worker"), so it imports the shared
// helpers itself; Firefox runs "background.scripts", which lists the helpers before this file.
//
// Text to check arrives from a content script, goes to the configured server (default
// http://127.0.0.1:7341) and nowhere else, and is never stored or logged. A newer check from the
// same editor aborts the older request (AbortController).
//
// Opt-in statistics (common/stats.js): while the user has them on, content scripts report which
// warnings were shown and what became of them (category, severity, platform: never text); the
// background counts them per UTC day and sends one noisy batch a day to the statistics address.
/* global importScripts */
"use strict";

if (typeof importScripts === "function" && !globalThis.PGSettings) {
  importScripts("common/settings.js", "common/custom-sites.js", "common/stats.js");
}

(() => {
  const S = globalThis.PGSettings;
  const api = S.api;
  const CHECK_TIMEOUT_MS = 15000;
  const SMALL_TIMEOUT_MS = 5000;
  const MAX_TEXT = 20000; // the server's limit (Checker.MAX_TEXT_LENGTH)

  // Settings are read from storage for every request (cheap), so a new server address applies at
  // once, even to a request that arrives before the storage.onChanged event.
  function settings() {
    return S.load();
  }

  // --- the server ---------------------------------------------------------------------------------

  async function request(path, init, timeoutMs, controller) {
    const ctrl = controller || new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      ctrl.abort();
    }, timeoutMs);
    const { serverUrl } = await settings();
    try {
      const res = await fetch(serverUrl + path, Object.assign({
        signal: ctrl.signal,
        cache: "no-store",
        credentials: "omit",
        referrerPolicy: "no-referrer",
      }, init));
      let body = null;
      try {
        body = await res.json();
      } catch (e) {
        body = null;
      }
      if (!res.ok) {
        const detail = body && (body.detail || body.error) ? String(body.detail || body.error) : "HTTP " + res.status;
        return { status: "error", httpStatus: res.status, detail: detail.slice(0, 300), serverUrl };
      }
      if (!body || typeof body !== "object") return { status: "error", detail: "The server's answer was not JSON.", serverUrl };
      return { status: "ok", body, serverUrl };
    } catch (e) {
      if (ctrl.signal.aborted && !timedOut) return { status: "aborted" };
      return { status: "offline", detail: timedOut ? "timeout" : null, serverUrl };
    } finally {
      clearTimeout(timer);
    }
  }

  const inflight = new Map(); // "tab:frame:editor" -> AbortController

  async function check(msg, sender) {
    const text = typeof msg.text === "string" ? msg.text : "";
    const requestId = msg.requestId;
    if (!text.trim()) return { status: "ok", requestId, result: { risk: "none", warnings: [] } };
    if (text.length > MAX_TEXT) return { status: "error", requestId, detail: "This post is too long to check." };
    const tab = sender.tab && sender.tab.id != null ? sender.tab.id : "ext";
    const key = tab + ":" + (sender.frameId || 0) + ":" + String(msg.editorId || "");
    const previous = inflight.get(key);
    if (previous) previous.abort();
    const ctrl = new AbortController();
    inflight.set(key, ctrl);
    try {
      const s = await settings();
      const body = { text };
      if (typeof msg.platform === "string" && msg.platform) body.platform = msg.platform.slice(0, 40);
      if (s.personalTerms.length) body.personalTerms = s.personalTerms;
      const res = await request("/api/v1/check", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify(body),
      }, CHECK_TIMEOUT_MS, ctrl);
      if (res.status !== "ok") return Object.assign({ requestId }, res);
      const b = res.body;
      return {
        status: "ok",
        requestId,
        result: { risk: b.risk, tookMicros: b.tookMicros, warnings: Array.isArray(b.warnings) ? b.warnings : [] },
      };
    } finally {
      if (inflight.get(key) === ctrl) inflight.delete(key);
    }
  }

  // The guidance catalogue is not user text: fetched once, kept in memory and storage.session.
  let guidanceCache = null; // { serverUrl, data }
  let guidancePending = null;

  async function guidance() {
    const { serverUrl } = await settings();
    if (guidanceCache && guidanceCache.serverUrl === serverUrl) return { status: "ok", guidance: guidanceCache.data };
    const session = api.storage && api.storage.session;
    if (session) {
      try {
        const got = await session.get("guidance");
        if (got && got.guidance && got.guidance.serverUrl === serverUrl) {
          guidanceCache = got.guidance;
          return { status: "ok", guidance: guidanceCache.data };
        }
      } catch (e) {
        /* storage.session unavailable */
      }
    }
    if (!guidancePending) {
      guidancePending = request("/api/v1/guidance", { method: "GET" }, SMALL_TIMEOUT_MS).finally(() => {
        guidancePending = null;
      });
    }
    const res = await guidancePending;
    if (res.status !== "ok") return res;
    guidanceCache = { serverUrl: res.serverUrl, data: res.body };
    if (session) session.set({ guidance: guidanceCache }).catch(() => {});
    return { status: "ok", guidance: res.body };
  }

  async function health() {
    const res = await request("/api/v1/health", { method: "GET" }, SMALL_TIMEOUT_MS);
    if (res.status === "ok") return { status: "ok", health: res.body, serverUrl: res.serverUrl };
    return res;
  }

  // --- opt-in statistics ---------------------------------------------------------------------------
  // Why the manifest asks for "alarms": one alarm an hour, only while statistics are on, rolls
  // finished days into the noisy batch and sends it (at most once a day). No alarm when off.

  const ALARM = "postguard-stats";
  const stats = new globalThis.PGStats.Service({
    storage: api.storage.local,
    fetch: (url, init) => fetch(url, init),
    now: () => new Date(),
    random: globalThis.PGStats.cryptoRandom,
    settings: async () => {
      const s = await settings();
      return { enabled: s.statsEnabled, collector: S.statsCollectorUrl(s) };
    },
  });

  function statsAlarm(on) {
    if (!api.alarms) return;
    if (on) api.alarms.create(ALARM, { delayInMinutes: 1, periodInMinutes: 60 });
    else api.alarms.clear(ALARM).catch(() => {});
  }

  /** The options page and the popup switch statistics on and off through here. */
  async function setStats(enabled) {
    await S.save({ statsEnabled: !!enabled });
    if (!enabled) await stats.disable();
    statsAlarm(!!enabled);
    return stats.preview();
  }

  if (api.alarms) {
    api.alarms.onAlarm.addListener((alarm) => {
      if (alarm.name === ALARM) stats.tick().catch(() => {});
    });
  }
  api.storage.onChanged.addListener((changes, area) => {
    if (area !== "local" || !changes.statsEnabled) return;
    const on = changes.statsEnabled.newValue === true;
    if (!on) stats.disable().catch(() => {});
    statsAlarm(on);
  });
  async function statsStartup() {
    const s = await settings();
    statsAlarm(s.statsEnabled);
    if (s.statsEnabled) await stats.tick();
  }

  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (!msg || typeof msg.type !== "string" || sender.id !== api.runtime.id) return false;
    let work;
    if (msg.type === "check") work = check(msg, sender);
    else if (msg.type === "guidance") work = guidance();
    else if (msg.type === "health") work = health();
    else if (msg.type === "stats") work = stats.record(msg.events);
    else if (msg.type === "statsPreview") work = stats.preview();
    else if (msg.type === "statsSendNow") work = stats.sendNow();
    else if (msg.type === "statsSetEnabled") work = setStats(msg.enabled === true);
    else if (msg.type === "syncCustomSites") work = globalThis.PGCustomSites.sync().then(() => ({ status: "ok" }));
    else return false;
    work.then(sendResponse, () => sendResponse({ status: "error", detail: "PostGuard failed to reach its server." }));
    return true; // answer asynchronously
  });

  // --- user-added sites (options page) ------------------------------------------------------------
  // Why the manifest asks for "scripting": sites the user adds (optional_host_permissions granted
  // from the options page) get PostGuard's content scripts through scripting.registerContentScripts,
  // because static content_scripts cannot list them. Registrations are re-synced at startup.

  function syncSites() {
    globalThis.PGCustomSites.sync().catch(() => {});
  }
  api.runtime.onStartup.addListener(syncSites);
  api.runtime.onInstalled.addListener(syncSites);
  api.runtime.onStartup.addListener(() => statsStartup().catch(() => {}));
  api.runtime.onInstalled.addListener(() => statsStartup().catch(() => {}));
  if (api.permissions && api.permissions.onRemoved) api.permissions.onRemoved.addListener(syncSites);
})();
