// YouTube comments and replies: a plain contenteditable (#contenteditable-root) inside each
// ytd-commentbox, created only when the "Add a comment" placeholder is clicked (late mounting is
// handled by the core's batched MutationObserver). Polymer elements here are light DOM.
(() => {
  "use strict";
  const SITE = {
    id: "youtube",
    name: "YouTube",
    platform: "youtube",
    hosts: ["www.youtube.com"],
    editors: [
      'ytd-commentbox #contenteditable-root[contenteditable="true"]',
      'ytd-comment-simplebox-renderer #contenteditable-root[contenteditable="true"]',
      '#contenteditable-root[contenteditable="true"]',
      'ytd-backstage-post-dialog-renderer [contenteditable="true"]',
    ],
    exclude: ["ytd-searchbox *", "#search *"],
    skip: [],
  };
  globalThis.PostGuard.registerSite(SITE);
})();
