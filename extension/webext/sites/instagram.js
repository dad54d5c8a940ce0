// Instagram: comments are either an older <textarea> or a newer Lexical textbox; captions and
// DMs are contenteditable textboxes (aria-labels are localised, so only roles/attributes are used).
(() => {
  "use strict";
  const SITE = {
    id: "instagram",
    name: "Instagram",
    platform: "instagram",
    hosts: ["www.instagram.com"],
    editors: [
      'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
      '[role="dialog"] div[role="textbox"][contenteditable="true"]',
      'div[role="textbox"][contenteditable="true"]',
      "form textarea",
      "textarea[aria-label]",
      "textarea[placeholder]",
    ],
    exclude: ['input[aria-label*="Search" i]', '[aria-label*="Search" i]'],
    skip: ["[data-lexical-decorator]"],
  };
  globalThis.PostGuard.registerSite(SITE);
})();
