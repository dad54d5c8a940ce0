// WhatsApp Web: the message box is a (Lexical) contenteditable in "#main footer"
// (data-tab="10"). The chat search box is contenteditable too (data-tab="3"), so everything is
// scoped to #main footer and the search is excluded.
(() => {
  "use strict";
  const SITE = {
    id: "whatsapp",
    name: "WhatsApp Web",
    platform: "whatsapp",
    hosts: ["web.whatsapp.com"],
    scope: ["#main footer"],
    editors: [
      '#main footer div[contenteditable="true"][data-tab="10"]',
      '#main footer [data-testid="conversation-compose-box-input"]',
      '#main footer div[contenteditable="true"][data-lexical-editor="true"]',
      '#main footer div[role="textbox"][contenteditable="true"]',
    ],
    exclude: ['[data-tab="3"]', "#side *"],
    skip: [],
  };
  globalThis.PostGuard.registerSite(SITE);
})();
