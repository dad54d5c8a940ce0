// Bluesky (bsky.app): TipTap/ProseMirror (div.ProseMirror, role="textbox",
// aria-label="Rich-Text Editor" in every language). The thread composer has several editors;
// the focused one is tracked. Mention atoms are contenteditable="false" and skipped.
// Direct messages use a textarea, found by the generic fallback.
(() => {
  "use strict";
  const SITE = {
    id: "bluesky",
    name: "Bluesky",
    platform: "bluesky",
    hosts: ["bsky.app"],
    editors: [
      'div.ProseMirror[contenteditable="true"]',
      '[role="textbox"][aria-label="Rich-Text Editor"][contenteditable="true"]',
      '[data-testid="composePostView"] [contenteditable="true"]',
    ],
    exclude: ['[data-testid="searchTextInput"]'],
    skip: [".ProseMirror-widget"],
  };
  globalThis.PostGuard.registerSite(SITE);
})();
