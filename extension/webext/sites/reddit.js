// Reddit. New Reddit ("shreddit"): the contenteditable is a light-DOM child of
// <shreddit-composer>, whose hosts sit in open shadow roots, so shadow roots are scanned and
// observed, and focus is followed through composedPath(). Markdown mode and titles are textareas.
// Old Reddit: plain textareas in .usertext-edit (one per reply form).
(() => {
  "use strict";
  const SITE = {
    id: "reddit",
    name: "Reddit",
    platform: "reddit",
    hosts: ["www.reddit.com", "old.reddit.com", "new.reddit.com"],
    shadow: true,
    editors: [
      'shreddit-composer div[role="textbox"][contenteditable="true"]',
      'shreddit-composer [contenteditable="true"]',
      'shreddit-composer textarea',
      'div[slot="rte"][contenteditable="true"]',
      'faceplate-textarea-input textarea',
      '.usertext-edit textarea[name="text"]',
      'textarea[name="text"]',
      'textarea[name="title"]',
      'div[role="textbox"][contenteditable="true"]',
    ],
    exclude: ["faceplate-search-input *", "reddit-search-large *", "#search *", 'form[role="search"] *'],
    skip: [],
  };
  globalThis.PostGuard.registerSite(SITE);
})();
