// Test only (BrokenAdapterTest adds it last to every content script of a copy of the extension).
// With "#sabotage" in the page's address: a site adapter that wins (priority 99) and does
// everything wrong (invalid selectors, isEditor throwing every other call, init and platform
// throwing), and one whose detect() throws.
(() => {
  "use strict";
  if (!location.hash.includes("sabotage")) return;
  let calls = 0;
  globalThis.PostGuard.registerSite({
    id: "broken",
    name: "Broken adapter",
    priority: 99,
    hosts: [location.hostname],
    editors: ["::: not a selector", '[contenteditable="true"]', "textarea", ">>>"],
    exclude: ["[[[", ".nothing"],
    skip: ["]]]"],
    scope: ["body", "::bad"],
    detect() { return true; },
    isEditor() {
      calls++;
      if (calls % 2 === 1) throw new Error("broken isEditor");
      return true;
    },
    init() { throw new Error("broken init"); },
    platform() { throw new Error("broken platform"); },
  });
  globalThis.PostGuard.registerSite({
    id: "broken-detect",
    priority: 100,
    editors: ["*"],
    detect() { throw new Error("broken detect"); },
  });
})();
