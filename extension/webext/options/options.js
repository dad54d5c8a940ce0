// PostGuard options page. Everything is kept in storage.local (see common/settings.js).
(() => {
  "use strict";
  const S = globalThis.PGSettings;
  const C = globalThis.PGCustomSites;
  const api = S.api;
  const $ = (id) => document.getElementById(id);

  const h = S.h;

  function say(id, text, cls) {
    const el = $(id);
    el.textContent = text;
    el.className = cls || "muted";
  }

  const manifest = api.runtime.getManifest();

  // --- built-in sites: each adapter file registers itself; here registerSite just collects. ---------

  function loadScript(src) {
    return new Promise((resolve) => {
      const s = document.createElement("script");
      s.src = src;
      s.onload = () => resolve(true);
      s.onerror = () => resolve(false);
      document.head.appendChild(s);
    });
  }

  async function builtInSites() {
    const collected = [];
    globalThis.PostGuard = {
      registerSite(def) {
        if (def && typeof def.id === "string") {
          collected.push({ id: def.id, name: String(def.name || def.id), hosts: Array.isArray(def.hosts) ? def.hosts : [] });
        }
      },
      util: {},
    };
    const files = [];
    for (const entry of manifest.content_scripts || []) {
      for (const file of entry.js || []) if (file.startsWith("sites/") && !files.includes(file)) files.push(file);
    }
    for (const file of files) await loadScript("../" + file);
    return collected;
  }

  // --- access (Firefox asks the user for host permissions) ---------------------------------------

  function requiredOrigins() {
    const origins = new Set(manifest.host_permissions || []);
    for (const entry of manifest.content_scripts || []) for (const m of entry.matches || []) origins.add(m);
    return [...origins];
  }

  async function checkAccess() {
    let ok = true;
    try {
      // getAll() lists content-script hosts too (Chrome's contains() only knows host_permissions).
      const all = await api.permissions.getAll();
      const have = new Set(all.origins || []);
      ok = have.has("<all_urls>") || requiredOrigins().every((o) => have.has(o));
    } catch (e) {
      ok = true;
    }
    $("access").classList.toggle("hidden", ok);
  }

  $("grant").addEventListener("click", () => {
    api.permissions.request({ origins: requiredOrigins() }).then(
      (granted) => {
        say("grant-status", granted ? "Thank you." : "Not allowed.", granted ? "ok" : "bad");
        checkAccess();
      },
      () => say("grant-status", "Your browser refused the request.", "bad"));
  });

  // --- server --------------------------------------------------------------------------------------

  async function testServer() {
    say("server-status", "Checking…");
    let resp = null;
    try {
      resp = await api.runtime.sendMessage({ type: "health" });
    } catch (e) {
      resp = null;
    }
    if (resp && resp.status === "ok") {
      const about = S.describeServer(resp.health);
      say("server-status", "The server is running at " + resp.serverUrl + (about ? " (" + about + ")" : "") + ".", "ok");
    } else if (resp && resp.status === "error") {
      say("server-status", "The server answered with an error: " + String(resp.detail || ""), "bad");
    } else {
      say("server-status", "No server is running at that address. Start it with scripts/run in the PostGuard folder.", "bad");
    }
  }

  /**
   * A server or collector on another computer needs the user's permission to be reached: asks for
   * it (this runs in the click's user gesture) and says so under statusId when it is refused.
   */
  async function mayReach(url, statusId) {
    if (S.isLocalServer(url)) return true;
    const origin = new URL(url).origin;
    let granted = false;
    try {
      granted = await api.permissions.request({ origins: [origin + "/*"] });
    } catch (e) {
      granted = false;
    }
    if (!granted) say(statusId, "PostGuard needs your permission to reach " + origin + ".", "bad");
    return granted;
  }

  async function saveServer(value) {
    const url = S.normaliseServerUrl(value);
    if (!url) {
      say("server-status", "Enter an http:// or https:// address, such as " + S.DEFAULT_SERVER + ".", "bad");
      return;
    }
    if (!(await mayReach(url, "server-status"))) return;
    await S.save({ serverUrl: url });
    $("server-url").value = url;
    await testServer();
  }

  $("server-form").addEventListener("submit", (e) => {
    e.preventDefault();
    saveServer($("server-url").value).catch(() => say("server-status", "Could not save.", "bad"));
  });
  $("server-test").addEventListener("click", () => testServer());
  $("server-reset").addEventListener("click", () => {
    $("server-url").value = S.DEFAULT_SERVER;
    saveServer(S.DEFAULT_SERVER).catch(() => {});
  });

  // --- sites ---------------------------------------------------------------------------------------

  let sites = [];

  function renderSites(settings) {
    const list = $("site-list");
    list.replaceChildren();
    for (const site of sites) {
      if (site.id === "generic") continue;
      const id = "site-" + site.id;
      const box = h("input", { attrs: { type: "checkbox", id } });
      box.checked = !settings.disabledSites[site.id];
      box.addEventListener("change", async () => {
        const fresh = await S.load();
        if (box.checked) delete fresh.disabledSites[site.id];
        else fresh.disabledSites[site.id] = true;
        await S.save({ disabledSites: fresh.disabledSites });
      });
      list.appendChild(h("li", null, [
        h("label", { attrs: { for: id } }, [
          h("strong", { text: site.name }),
          " ",
          h("span", { className: "muted site-hosts", text: site.hosts.join(", ") }),
        ]),
        box,
      ]));
    }
    const pausedHosts = Object.keys(settings.disabledHosts);
    for (const host of pausedHosts) {
      list.appendChild(h("li", null, [
        h("span", null, ["Paused from the toolbar: ", h("strong", { text: host })]),
        h("button", {
          attrs: { type: "button" },
          text: "Turn back on",
          on: {
            click: async () => {
              const fresh = await S.load();
              delete fresh.disabledHosts[host];
              await S.save({ disabledHosts: fresh.disabledHosts });
            },
          },
        }),
      ]));
    }
  }

  function renderCustom(settings) {
    const list = $("custom-list");
    list.replaceChildren();
    for (const entry of settings.customSites) {
      list.appendChild(h("li", null, [
        h("span", null, [h("strong", { text: entry.origin }), " ",
          h("span", { className: "muted", text: entry.adapter === "mastodon" ? "(Mastodon)" : "(generic)" })]),
        h("button", {
          attrs: { type: "button" },
          text: "Remove",
          on: {
            click: () => C.remove(entry.origin).then(
              () => say("custom-status", "Removed " + entry.origin + "."),
              () => say("custom-status", "Could not remove " + entry.origin + ".", "bad")),
          },
        }),
      ]));
    }
    $("custom-empty").classList.toggle("hidden", settings.customSites.length > 0);
  }

  $("custom-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const origin = C.parseOrigin($("custom-origin").value);
    const adapter = $("custom-adapter").value;
    if (!origin) {
      say("custom-status", "Enter a web address such as forum.example.org.", "bad");
      return;
    }
    // permissions.request must run straight from the click (no await before it).
    api.permissions.request({ origins: [C.patternFor(origin)] }).then(async (granted) => {
      if (!granted) {
        say("custom-status", "PostGuard was not allowed on " + origin + ".", "bad");
        return;
      }
      await C.add(origin, adapter);
      $("custom-origin").value = "";
      say("custom-status", "PostGuard now checks posts on " + origin + " (reload its open tabs).", "ok");
    }).catch(() => say("custom-status", "Could not add " + origin + ".", "bad"));
  });

  // --- workplace terms ---------------------------------------------------------------------------

  $("terms-save").addEventListener("click", async () => {
    const lines = $("terms").value.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const kept = S.sanitise({ personalTerms: lines }).personalTerms;
    await S.save({ personalTerms: kept });
    $("terms").value = kept.join("\n");
    const dropped = lines.length - kept.length;
    say("terms-status", "Saved " + kept.length + (kept.length === 1 ? " term." : " terms.") +
      (dropped > 0 ? " " + dropped + " left out (duplicates, over 100 characters, or over 200 terms)." : ""), "ok");
  });

  // --- warnings ------------------------------------------------------------------------------------

  $("show-low").addEventListener("change", () => S.save({ showLow: $("show-low").checked }));

  function renderPhrases(settings) {
    const list = $("phrase-list");
    list.replaceChildren();
    for (const phrase of settings.ignoredPhrases) {
      list.appendChild(h("li", null, [
        h("span", { text: "\u201c" + phrase + "\u201d" }),
        h("button", {
          attrs: { "type": "button", "aria-label": "Warn me again about " + phrase },
          text: "Remove",
          on: {
            click: async () => {
              const fresh = await S.load();
              await S.save({ ignoredPhrases: fresh.ignoredPhrases.filter((p) => p !== phrase) });
            },
          },
        }),
      ]));
    }
    $("phrase-empty").classList.toggle("hidden", settings.ignoredPhrases.length > 0);
  }

  // --- anonymous statistics (common/stats.js; all changes go through the background) --------------

  const P = globalThis.PGStats;

  function describeDay(day) {
    return day + " (UTC)";
  }

  async function renderStats() {
    let preview = null;
    try {
      preview = await api.runtime.sendMessage({ type: "statsPreview" });
    } catch (e) {
      preview = null;
    }
    if (!preview || typeof preview.enabled !== "boolean") return;
    $("stats-enabled").checked = preview.enabled;
    $("stats-preview").textContent = preview.enabled ? P.previewText(preview.pending) : "";
    const t = preview.today.totals;
    $("stats-today").textContent = !preview.enabled
      ? "Statistics are off: nothing is counted and nothing is sent."
      : (preview.pending ? "" : "Nothing is waiting to be sent yet. ") +
        "Today, " + describeDay(preview.today.day) + ", so far: " + t.shown + " shown, " + t.editedAway + " edited away, " +
        t.dismissed + " dismissed, " + t.ignored + " ignored for good. Today's counts join the report tomorrow, with noise added.";
    const send = $("stats-send");
    send.disabled = !preview.enabled || !preview.pending || preview.sentToday;
    const st = preview.status;
    if (preview.enabled && st && st.status === "sent") say("stats-status", "Last report sent on " + describeDay(st.day) + ".", "ok");
    else if (preview.enabled && st && st.status === "rejected") say("stats-status", "The statistics address refused the last report (HTTP " + st.httpStatus + "); it was deleted.", "bad");
    else if (preview.enabled && st && st.status === "failed") say("stats-status", "The last try to send did not reach " + preview.collector + "; PostGuard will try again.", "bad");
    else say("stats-status", preview.enabled ? "Reports go to " + preview.collector + "." : "");
  }

  let statsTimer = 0;
  function scheduleStats() {
    clearTimeout(statsTimer);
    statsTimer = setTimeout(() => renderStats().catch(() => {}), 50);
  }

  $("stats-enabled").addEventListener("change", async () => {
    const on = $("stats-enabled").checked;
    await api.runtime.sendMessage({ type: "statsSetEnabled", enabled: on }).catch(() => null);
    scheduleStats();
  });

  $("stats-send").addEventListener("click", async () => {
    $("stats-send").disabled = true;
    say("stats-status", "Sending…");
    const result = await api.runtime.sendMessage({ type: "statsSendNow" }).catch(() => null);
    if (!result || result.status !== "sent") {
      const why = { nothing: "Nothing is waiting to be sent.", "already-sent": "Today's report has already gone.", off: "Statistics are off." };
      say("stats-status", (result && why[result.status]) || "The report could not be sent; PostGuard will try again later.", "bad");
    }
    scheduleStats();
  });

  async function saveCollector(value) {
    const url = value.trim() === "" ? "" : S.normaliseServerUrl(value);
    if (url === null) {
      say("stats-url-status", "Enter an http:// or https:// address, or leave it empty for the PostGuard server.", "bad");
      return;
    }
    if (url && !(await mayReach(url, "stats-url-status"))) return;
    await S.save({ statsCollector: url });
    $("stats-url").value = url;
    say("stats-url-status", url ? "Statistics go to " + url + "." : "Statistics go to the PostGuard server.", "ok");
    scheduleStats();
  }

  $("stats-form").addEventListener("submit", (e) => {
    e.preventDefault();
    saveCollector($("stats-url").value).catch(() => say("stats-url-status", "Could not save.", "bad"));
  });
  $("stats-reset").addEventListener("click", () => saveCollector("").catch(() => {}));

  api.storage.onChanged.addListener((changes, area) => {
    if (area !== "local") return;
    if (Object.values(P.KEYS).some((k) => k in changes) || "statsEnabled" in changes || "statsCollector" in changes) scheduleStats();
  });

  function renderAll(settings) {
    renderSites(settings);
    renderCustom(settings);
    renderPhrases(settings);
    $("show-low").checked = settings.showLow;
  }

  async function init() {
    const settings = await S.load();
    $("server-url").value = settings.serverUrl;
    $("terms").value = settings.personalTerms.join("\n");
    $("stats-url").value = settings.statsCollector;
    renderStats().catch(() => {});
    sites = await builtInSites();
    renderAll(settings);
    S.onChanged((fresh) => renderAll(fresh));
    checkAccess();
    testServer();
  }

  init().catch(() => say("server-status", "PostGuard's settings could not be loaded.", "bad"));
})();
