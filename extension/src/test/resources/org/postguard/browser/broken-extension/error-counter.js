// Test only (BrokenAdapterTest adds it first to every content script of a copy of the extension).
// Counts the uncaught errors and unhandled rejections of the content scripts' own world, which the
// page cannot see, and shows the count (and the messages: PostGuard's, never text) on
// <html data-pg-uncaught>. It throws one itself, so a count of 1 proves the counting works.
// With "#sabotage" in the page's address it also makes core paths throw: Range geometry (underline
// placement), visibility checks, ResizeObserver and constructed style sheets.
(() => {
  "use strict";
  const seen = [];
  const show = () => {
    document.documentElement.setAttribute("data-pg-uncaught", String(seen.length));
    document.documentElement.setAttribute("data-pg-uncaught-messages", seen.join(" | "));
  };
  self.addEventListener("error", (e) => { seen.push(String(e.message)); show(); });
  self.addEventListener("unhandledrejection", (e) => { seen.push("rejection: " + String(e.reason && e.reason.message || e.reason)); show(); });
  show();
  setTimeout(() => { throw new Error("pg-selftest"); }, 0);
  if (!location.hash.includes("sabotage")) return;
  const fail = (what) => function sabotaged() { throw new Error("sabotaged " + what); };
  Range.prototype.getClientRects = fail("Range.getClientRects");
  Range.prototype.getBoundingClientRect = fail("Range.getBoundingClientRect");
  Element.prototype.checkVisibility = fail("Element.checkVisibility");
  ResizeObserver.prototype.observe = fail("ResizeObserver.observe");
  CSSStyleSheet.prototype.replaceSync = fail("CSSStyleSheet.replaceSync");
})();
