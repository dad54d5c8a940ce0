// Mastodon (any instance): a React-controlled <textarea> in .compose-form (read, never written),
// plus the content-warning input. Forks such as glitch-soc rename some classes, so broader
// signatures follow. Other instances can be added from the options page with this adapter.
(() => {
  "use strict";
  const SITE = {
    id: "mastodon",
    name: "Mastodon",
    platform: "mastodon",
    hosts: ["mastodon.social", "mastodon.online", "mstdn.social", "med-mastodon.com", "mastodon.scot"],
    editors: [
      ".compose-form textarea.autosuggest-textarea__textarea",
      ".compose-form textarea",
      "textarea.autosuggest-textarea__textarea",
      '.compose-form input.spoiler-input__input[type="text"]',
      ".compose-form__highlightable textarea",
    ],
    exclude: [".search *", ".search__input"],
    skip: [],
  };
  globalThis.PostGuard.registerSite(SITE);
})();
