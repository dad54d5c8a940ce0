// doctors.net.uk forums: the editor is not publicly documented (login-only), so this adapter tries
// common forum editors (plain textarea, TinyMCE/CKEditor bodies inside iframes — the manifest
// injects into all frames for this site — CKEditor 5, Quill, Froala, Summernote) and otherwise
// relies on the core's generic contenteditable/textarea detection.
(() => {
  "use strict";
  const SITE = {
    id: "doctors-net-uk",
    name: "doctors.net.uk",
    platform: "doctors.net.uk",
    hosts: ["www.doctors.net.uk", "doctors.net.uk"],
    editors: [
      "form textarea",
      "textarea",
      "body.mce-content-body[contenteditable]",
      "body.cke_editable[contenteditable]",
      ".ck-editor__editable[contenteditable=\"true\"]",
      '.ql-editor[contenteditable="true"]',
      '.fr-element[contenteditable="true"]',
      '.note-editable[contenteditable="true"]',
      '[role="textbox"][contenteditable="true"]',
      '[contenteditable="true"]',
    ],
    exclude: ['input[type="search"]', '[role="search"] *'],
    skip: [".ql-cursor", ".ck-fake-selection-container"],
  };
  globalThis.PostGuard.registerSite(SITE);
})();
