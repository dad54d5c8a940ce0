// X / Twitter: Draft.js compose boxes. The element with data-testid="tweetTextarea_N" is the
// contenteditable itself (thread items are _1, _2...). Hashtags and mentions are Draft
// decorators (extra spans), which the text extraction walks through.
(() => {
  "use strict";
  const SITE = {
    id: "x",
    name: "X (Twitter)",
    platform: "x",
    hosts: ["x.com", "twitter.com", "mobile.twitter.com"],
    editors: [
      '[data-testid^="tweetTextarea_"][contenteditable="true"]',
      '[data-testid^="tweetTextarea_"]:not([contenteditable]) [contenteditable="true"]',
      '[data-testid="dmComposerTextInput"]',
      'div.public-DraftEditor-content[contenteditable="true"]',
      '[role="textbox"][contenteditable="true"][aria-label="Post text"]',
    ],
    exclude: ['[data-testid="SearchBox_Search_Input"]', '[data-testid^="SearchBox"]'],
    skip: [".public-DraftEditorPlaceholder-root"],
  };
  globalThis.PostGuard.registerSite(SITE);
})();
