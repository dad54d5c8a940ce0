// Generic adapter for any site the user adds from the options page (it is registered at run time
// with scripting.registerContentScripts, never from the manifest). It tracks any textarea or
// contenteditable root the user types into. Site-specific adapters win over it (priority 0).
(() => {
  "use strict";
  const SITE = {
    id: "generic",
    name: "Other sites (generic)",
    platform: "generic",
    hosts: [],
    priority: 0,
    editors: [
      "textarea",
      '[contenteditable="true"]',
      '[contenteditable=""]',
      '[contenteditable="plaintext-only"]',
    ],
    exclude: ['[role="search"] *', '[aria-label*="Search" i]'],
    skip: [],
  };
  globalThis.PostGuard.registerSite(SITE);
})();
