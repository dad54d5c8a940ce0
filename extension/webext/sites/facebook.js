// Facebook and Messenger: Lexical editors (data-lexical-editor="true", role="textbox") for the
// post dialog, comments and chat; many comment boxes can be on a page, so the focused one is
// tracked. Class names are obfuscated and aria-labels localised, so neither is relied on.
// m.facebook.com (basic mobile) still uses plain textareas, found by the generic fallback.
(() => {
  "use strict";
  const SITE = {
    id: "facebook",
    name: "Facebook and Messenger",
    platform: () => (/(^|\.)messenger\.com$/.test(location.hostname) ? "messenger" : "facebook"),
    hosts: ["www.facebook.com", "web.facebook.com", "m.facebook.com", "www.messenger.com"],
    editors: [
      'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
      '[role="dialog"] div[role="textbox"][contenteditable="true"]',
      'div[role="textbox"][contenteditable="true"][aria-label]',
      'textarea[name="xhpc_message"]',
      'textarea[name="comment_text"]',
      'textarea[name="body"]',
    ],
    exclude: ['[role="combobox"]', '[aria-label*="Search" i]'],
    skip: ["[data-lexical-decorator]"],
  };
  globalThis.PostGuard.registerSite(SITE);
})();
