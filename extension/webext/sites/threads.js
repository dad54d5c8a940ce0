// Threads (threads.net, now threads.com): Lexical textboxes; "Add to thread" adds more textboxes
// to the same dialog, and replies use a textbox inside a dialog. No stable data-testid exists.
(() => {
  "use strict";
  const SITE = {
    id: "threads",
    name: "Threads",
    platform: "threads",
    hosts: ["www.threads.com", "www.threads.net"],
    editors: [
      'div[role="textbox"][contenteditable="true"][data-lexical-editor="true"]',
      '[role="dialog"] div[role="textbox"][contenteditable="true"]',
      'div[role="textbox"][contenteditable="true"]',
    ],
    exclude: ['[aria-label*="Search" i]'],
    skip: ["[data-lexical-decorator]"],
  };
  globalThis.PostGuard.registerSite(SITE);
})();
