// Toolbar popup: server status, on/off for the current site, links to the guidance and options.
(() => {
  "use strict";
  const S = globalThis.PGSettings;
  const api = S.api;
  const $ = (id) => document.getElementById(id);

  function setServer(text, cls, extra) {
    const el = $("server-status");
    el.replaceChildren();
    el.className = cls;
    el.appendChild(document.createTextNode(text));
    if (extra) for (const node of extra) el.appendChild(node);
  }

  function code(text) {
    const c = document.createElement("code");
    c.textContent = text;
    return c;
  }

  async function showServer() {
    let resp = null;
    try {
      resp = await api.runtime.sendMessage({ type: "health" });
    } catch (e) {
      resp = null;
    }
    const settings = await S.load();
    if (resp && resp.status === "ok") {
      const about = S.describeServer(resp.health);
      setServer("Server running" + (about ? " (" + about + ")" : "") + ".", "ok");
    } else if (resp && resp.status === "error") {
      setServer("The server at " + settings.serverUrl + " answered with an error: " + String(resp.detail || "") , "bad");
    } else {
      setServer("Server not running. Start it with ", "bad", [
        code("scripts/run"),
        document.createTextNode(" in the PostGuard folder (expected at " + settings.serverUrl + ")."),
      ]);
    }
  }

  async function showSite() {
    let tab = null;
    try {
      [tab] = await api.tabs.query({ active: true, currentWindow: true });
      // Opened as a page in a tab (not as the toolbar popup): use the tab the user was on before.
      const self = api.tabs.getCurrent ? await api.tabs.getCurrent() : null;
      if (self && tab && self.id === tab.id) {
        const others = (await api.tabs.query({ currentWindow: true })).filter((t) => t.id !== self.id);
        others.sort((a, b) => (b.lastAccessed || 0) - (a.lastAccessed || 0));
        tab = others[0] || null;
      }
    } catch (e) {
      tab = null;
    }
    let status = null;
    if (tab && tab.id != null) {
      try {
        status = await api.tabs.sendMessage(tab.id, { type: "pg-status" });
      } catch (e) {
        status = null; // no PostGuard content script in this tab
      }
    }
    if (!status || !status.hostname) {
      $("site-unsupported").classList.remove("hidden");
      return;
    }
    $("site-supported").classList.remove("hidden");
    $("site-host").textContent = status.hostname;
    const settings = await S.load();
    const toggle = $("site-toggle");
    const siteOff = !!settings.disabledSites[status.siteId];
    toggle.checked = !settings.disabledHosts[status.hostname] && !siteOff;
    $("site-note").textContent = siteOff
      ? "Turned off for all of " + status.siteName + " in the options."
      : "Uses the " + status.siteName + " adapter.";
    toggle.addEventListener("change", async () => {
      const fresh = await S.load();
      const hosts = fresh.disabledHosts;
      if (toggle.checked) {
        delete hosts[status.hostname];
        const sites = fresh.disabledSites;
        delete sites[status.siteId];
        await S.save({ disabledHosts: hosts, disabledSites: sites });
        $("site-note").textContent = "Uses the " + status.siteName + " adapter.";
      } else {
        hosts[status.hostname] = true;
        await S.save({ disabledHosts: hosts });
        $("site-note").textContent = "Paused on this site.";
      }
    });
  }

  // Opt-in statistics: the same switch and preview as the options page (changes go through the background).
  async function showStats() {
    const preview = await api.runtime.sendMessage({ type: "statsPreview" }).catch(() => null);
    if (!preview || typeof preview.enabled !== "boolean") return;
    $("stats-toggle").checked = preview.enabled;
    $("stats-details").classList.toggle("hidden", !preview.enabled);
    $("stats-preview").textContent = preview.enabled ? globalThis.PGStats.previewText(preview.pending) : "";
    const t = preview.today.totals;
    $("stats-today").textContent = (preview.pending ? "" : "Nothing is waiting yet. ") + "Today so far: " + t.shown +
      " shown, " + t.editedAway + " edited away. Today's counts join tomorrow's report, with noise added.";
  }

  $("stats-toggle").addEventListener("change", async () => {
    await api.runtime.sendMessage({ type: "statsSetEnabled", enabled: $("stats-toggle").checked }).catch(() => null);
    showStats().catch(() => {});
  });

  $("open-options").addEventListener("click", (e) => {
    e.preventDefault();
    api.runtime.openOptionsPage().then(() => window.close(), () => {});
  });

  showServer().catch(() => setServer("Could not reach the server.", "bad"));
  showSite().catch(() => $("site-unsupported").classList.remove("hidden"));
  showStats().catch(() => {});
})();
