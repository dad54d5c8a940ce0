// PostGuard's drawing layer. Everything PostGuard shows on a page lives in ONE element,
// <postguard-overlay>, appended to document.documentElement, with an open shadow root holding
// its own stylesheet: underlines (div.pg-underline), badges (div.pg-badge) and the card
// (div.pg-card). Nothing is ever written into the page's editor. Server strings are rendered with
// createElement/textContent only.
(() => {
  "use strict";
  const PG = (globalThis.PostGuard ||= {});
  if (PG.Overlay) return;

  const CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.pg-layer { position: fixed; left: 0; top: 0; width: 0; height: 0; overflow: visible; pointer-events: none; }
.pg-live { position: fixed; left: 0; top: 0; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%);
  white-space: nowrap; pointer-events: none; }
.pg-mirror { position: absolute; left: -100000px; top: 0; visibility: hidden; overflow: hidden;
  height: auto; pointer-events: none; margin: 0; }
.pg-underline { position: fixed; display: block; margin: 0; padding: 0; height: 4px; min-width: 4px;
  pointer-events: auto; cursor: pointer; --pg-c: #1a73e8; }
.pg-underline[data-severity="high"] { --pg-c: #d93025; }
.pg-underline[data-severity="medium"] { --pg-c: #e37400; }
.pg-underline[data-severity="low"] { --pg-c: #1a73e8; }
.pg-underline[data-severity="high"], .pg-underline[data-severity="medium"] {
  background:
    linear-gradient(135deg, transparent 45%, var(--pg-c) 45% 65%, transparent 65%) 0 100% / 4px 4px repeat-x,
    linear-gradient(45deg, transparent 45%, var(--pg-c) 45% 65%, transparent 65%) 2px 100% / 4px 4px repeat-x; }
.pg-underline[data-severity="low"] { border-bottom: 2px solid var(--pg-c); }
.pg-underline.pg-active { box-shadow: 0 1px 0 0 var(--pg-c); }
.pg-badge { position: fixed; display: flex; align-items: center; justify-content: center; gap: 4px;
  min-width: 20px; height: 20px; padding: 0 6px; border-radius: 10px; border: 1px solid rgba(255,255,255,.85);
  font: 600 11px/1 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: #fff;
  background: #188038; box-shadow: 0 1px 3px rgba(0,0,0,.35); cursor: pointer; pointer-events: auto;
  user-select: none; white-space: nowrap; letter-spacing: 0; text-transform: none; }
.pg-badge:focus-visible { outline: 2px solid #1a73e8; outline-offset: 2px; }
.pg-badge[data-state="checking"] { background: #5f6368; opacity: .85; }
.pg-badge[data-state="clear"] { background: #188038; }
.pg-badge[data-state="warnings"][data-severity="high"] { background: #d93025; }
.pg-badge[data-state="warnings"][data-severity="medium"] { background: #b06000; }
.pg-badge[data-state="warnings"][data-severity="low"] { background: #1a73e8; }
.pg-badge[data-state="offline"] { background: #80868b; font-weight: 500; max-width: min(92vw, 440px);
  overflow: hidden; text-overflow: ellipsis; }
.pg-badge[data-state="paused"] { background: #9aa0a6; font-weight: 500; }
.pg-card { position: fixed; display: block; width: 360px; max-width: calc(100vw - 16px);
  max-height: min(70vh, 560px); overflow: auto; pointer-events: auto; background: #fff; color: #202124;
  border: 1px solid #dadce0; border-radius: 10px; box-shadow: 0 6px 24px rgba(0,0,0,.22);
  font: 400 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; text-align: left;
  padding: 0; z-index: 1; }
.pg-card:focus { outline: none; }
.pg-card-head { display: flex; align-items: center; justify-content: space-between; gap: 8px;
  padding: 10px 12px 8px; border-bottom: 1px solid #eee; position: sticky; top: 0; background: #fff; }
.pg-card-title { margin: 0; font-size: 14px; font-weight: 650; }
.pg-close { border: 0; background: transparent; font-size: 18px; line-height: 1; cursor: pointer;
  color: #5f6368; padding: 2px 6px; border-radius: 4px; }
.pg-close:hover, .pg-close:focus-visible { background: #f1f3f4; }
.pg-card-body { padding: 4px 12px 10px; }
.pg-warning { padding: 8px 0 10px; border-bottom: 1px solid #eee; }
.pg-warning:last-of-type { border-bottom: 0; }
.pg-warning-head { display: flex; align-items: baseline; gap: 6px; }
.pg-sev { font-size: 11px; font-weight: 700; text-transform: uppercase; letter-spacing: .03em; border-radius: 4px;
  padding: 1px 5px; color: #fff; background: #1a73e8; flex: none; }
.pg-warning[data-severity="high"] .pg-sev { background: #d93025; }
.pg-warning[data-severity="medium"] .pg-sev { background: #b06000; }
.pg-category { margin: 0; font-size: 13px; font-weight: 650; }
.pg-message { margin: 6px 0; }
.pg-signals { margin: 4px 0; color: #3c4043; }
.pg-signals ul, .pg-instead ul { margin: 2px 0 0; padding-left: 18px; }
.pg-kind { font-weight: 600; }
.pg-quote { font-style: italic; }
.pg-instead { margin: 6px 0; }
.pg-subhead { font-weight: 650; margin: 0; font-size: 12px; color: #3c4043; }
.pg-links { margin: 6px 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
.pg-link { color: #1a0dab; text-decoration: underline; }
.pg-actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 8px; }
.pg-actions button, .pg-resume { font: inherit; font-size: 12px; border: 1px solid #dadce0; background: #fff;
  color: #202124; border-radius: 6px; padding: 4px 10px; cursor: pointer; }
.pg-actions button:hover, .pg-actions button:focus-visible, .pg-resume:hover { background: #f1f3f4; }
.pg-contacts { margin-top: 8px; padding-top: 8px; border-top: 1px solid #eee; color: #3c4043; font-size: 12px; }
.pg-contacts ul { margin: 2px 0 0; padding-left: 18px; }
.pg-note { margin: 8px 0; }
.pg-code { font-family: ui-monospace, Menlo, Consolas, monospace; background: #f1f3f4; padding: 0 3px; border-radius: 3px; }
.pg-privacy { color: #5f6368; font-size: 11px; margin-top: 8px; }
@media (prefers-color-scheme: dark) {
  .pg-card, .pg-card-head { background: #202124; color: #e8eaed; border-color: #3c4043; }
  .pg-warning, .pg-card-head, .pg-contacts { border-color: #3c4043; }
  .pg-signals, .pg-subhead, .pg-contacts { color: #bdc1c6; }
  .pg-link { color: #8ab4f8; }
  .pg-actions button, .pg-resume { background: #303134; color: #e8eaed; border-color: #5f6368; }
  .pg-code { background: #303134; }
  .pg-close { color: #bdc1c6; }
  .pg-close:hover, .pg-actions button:hover { background: #3c4043; }
}
`;

  let host = null;
  let shadow = null;
  let layer = null;
  let live = null; // screen-reader announcements ("PostGuard: 2 warnings")

  function applyHostStyle(el) {
    const s = el.style;
    const set = (k, v) => s.setProperty(k, v, "important");
    set("all", "initial");
    set("display", "block");
    set("position", "fixed");
    set("left", "0");
    set("top", "0");
    set("width", "0");
    set("height", "0");
    set("margin", "0");
    set("padding", "0");
    set("border", "0");
    set("overflow", "visible");
    set("z-index", "2147483647");
    set("pointer-events", "none");
    set("visibility", "visible");
    set("opacity", "1");
    set("transform", "none");
    set("filter", "none");
  }

  function addStyles(root) {
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CSS);
      root.adoptedStyleSheets = [sheet];
      if (root.adoptedStyleSheets.length === 1) return;
    } catch (e) {
      // Firefox content scripts may not adopt a sheet built in their own compartment.
    }
    const style = document.createElement("style");
    style.textContent = CSS;
    root.appendChild(style);
  }

  /** The overlay's shadow root, created (or re-attached) on demand. */
  function root() {
    const docEl = document.documentElement;
    if (!docEl) return null;
    if (!host) {
      host = document.createElement("postguard-overlay");
      applyHostStyle(host);
      shadow = host.attachShadow({ mode: "open" });
      addStyles(shadow);
      layer = document.createElement("div");
      layer.className = "pg-layer";
      shadow.appendChild(layer);
      live = document.createElement("div");
      live.className = "pg-live";
      live.setAttribute("aria-live", "polite");
      live.setAttribute("role", "status");
      shadow.appendChild(live);
    }
    if (host.parentNode !== docEl) docEl.appendChild(host);
    return shadow;
  }

  function getLayer() {
    return root() ? layer : null;
  }

  function isOwn(node) {
    return !!host && (node === host || (node && node.getRootNode && node.getRootNode() === shadow));
  }

  function announce(text) {
    if (!root() || !live) return;
    live.textContent = "";
    live.textContent = String(text);
  }

  function destroy() {
    if (host) host.remove();
    host = null;
    shadow = null;
    layer = null;
    live = null;
  }

  const h = globalThis.PGSettings.h;

  function place(el, left, top, width, height) {
    const s = el.style;
    s.left = Math.round(left * 10) / 10 + "px";
    s.top = Math.round(top * 10) / 10 + "px";
    if (width != null) s.width = Math.max(0, Math.round(width * 10) / 10) + "px";
    if (height != null) s.height = Math.max(0, Math.round(height * 10) / 10) + "px";
  }

  PG.Overlay = Object.freeze({ root, layer: getLayer, isOwn, destroy, announce, h, place, host: () => host });
})();
