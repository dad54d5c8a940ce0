// LinkedIn: Quill (.ql-editor) for the share dialog and comments (reportedly ProseMirror before,
// so both are tried), and a custom contenteditable (.msg-form__contenteditable, <p> lines) for
// messaging. Quill reverts outside DOM edits: PostGuard only reads.
(() => {
  "use strict";
  const SITE = {
    id: "linkedin",
    name: "LinkedIn",
    platform: "linkedin",
    hosts: ["www.linkedin.com"],
    editors: [
      '.ql-editor[contenteditable="true"]',
      '.ProseMirror[contenteditable="true"]',
      'div.msg-form__contenteditable[contenteditable="true"]',
      '.comments-comment-box__form [role="textbox"][contenteditable="true"]',
      '[role="textbox"][contenteditable="true"]',
    ],
    exclude: [".ql-clipboard", ".search-global-typeahead *"],
    skip: [".ql-cursor", ".ql-clipboard"],
  };
  globalThis.PostGuard.registerSite(SITE);
})();
