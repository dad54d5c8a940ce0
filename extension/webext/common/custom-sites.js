// Sites the user adds from the options page ("add another site"): another Mastodon instance, or
// any site with the generic adapter. The user grants the origin through optional_host_permissions
// (chrome.permissions.request), then the content scripts are registered at run time with
// chrome.scripting.registerContentScripts. That API is the only reason the manifest asks for the
// "scripting" permission: static content_scripts cannot list sites chosen by the user.
// Loaded by the background and the options page (never by content scripts).
(() => {
  "use strict";
  if (globalThis.PGCustomSites) return;
  const S = globalThis.PGSettings;
  const api = S.api;
  const PREFIX = "pg-custom-";
  const ADAPTERS = Object.freeze({ generic: "sites/generic.js", mastodon: "sites/mastodon.js" });

  /** The content-script files every site needs (settings, core, overlay...), from the manifest. */
  function coreFiles() {
    const entries = api.runtime.getManifest().content_scripts || [];
    const first = entries.find((e) => Array.isArray(e.js) && e.js.length) || { js: [] };
    return first.js.filter((file) => !file.startsWith("sites/"));
  }

  /** "https://forum.example.org" from what the user typed ("forum.example.org/path" works too). */
  function parseOrigin(input) {
    let value = String(input || "").trim();
    if (!value) return null;
    if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(value)) value = "https://" + value;
    try {
      const url = new URL(value);
      if (url.protocol !== "https:" && url.protocol !== "http:") return null;
      if (!url.hostname || !/^[a-z0-9.-]+$/i.test(url.hostname) || !url.hostname.includes(".")) return null;
      return url.protocol + "//" + url.hostname.toLowerCase();
    } catch (e) {
      return null;
    }
  }

  /** Match pattern for an origin (no port: a pattern without a port matches any port). */
  function patternFor(origin) {
    return origin + "/*";
  }

  function idFor(origin) {
    return PREFIX + origin.replace(/^[a-z]+:\/\//, "").replace(/[^a-z0-9.-]/gi, "_");
  }

  async function register(entry) {
    const id = idFor(entry.origin);
    try {
      await api.scripting.unregisterContentScripts({ ids: [id] });
    } catch (e) {
      /* not registered yet */
    }
    await api.scripting.registerContentScripts([{
      id,
      matches: [patternFor(entry.origin)],
      js: coreFiles().concat([ADAPTERS[entry.adapter] || ADAPTERS.generic]),
      runAt: "document_idle",
      allFrames: false,
    }]);
  }

  /** Makes the registered scripts match the saved list (at startup and after changes). */
  async function sync() {
    const settings = await S.load();
    let registered = [];
    try {
      registered = await api.scripting.getRegisteredContentScripts();
    } catch (e) {
      registered = [];
    }
    const ours = new Map(registered.filter((r) => r.id.startsWith(PREFIX)).map((r) => [r.id, r]));
    const wanted = new Set();
    for (const entry of settings.customSites) {
      const id = idFor(entry.origin);
      let granted = false;
      try {
        granted = await api.permissions.contains({ origins: [patternFor(entry.origin)] });
      } catch (e) {
        granted = false;
      }
      if (!granted) continue;
      wanted.add(id);
      const existing = ours.get(id);
      const file = ADAPTERS[entry.adapter] || ADAPTERS.generic;
      if (!existing || !(existing.js || []).includes(file)) await register(entry);
    }
    const stale = [...ours.keys()].filter((id) => !wanted.has(id));
    if (stale.length) await api.scripting.unregisterContentScripts({ ids: stale });
  }

  /** Call after permissions.request({ origins: [patternFor(origin)] }) succeeded. */
  async function add(origin, adapter) {
    const entry = { id: idFor(origin), origin, adapter: ADAPTERS[adapter] ? adapter : "generic" };
    const settings = await S.load();
    const list = settings.customSites.filter((c) => c.origin !== origin);
    list.push(entry);
    await S.save({ customSites: list });
    await register(entry);
    return entry;
  }

  async function remove(origin) {
    const settings = await S.load();
    await S.save({ customSites: settings.customSites.filter((c) => c.origin !== origin) });
    try {
      await api.scripting.unregisterContentScripts({ ids: [idFor(origin)] });
    } catch (e) {
      /* already gone */
    }
    try {
      await api.permissions.remove({ origins: [patternFor(origin)] });
    } catch (e) {
      /* a built-in site's origin, or already removed */
    }
  }

  globalThis.PGCustomSites = Object.freeze({ ADAPTERS, parseOrigin, patternFor, sync, add, remove, coreFiles });
})();
