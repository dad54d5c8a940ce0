// Word boxes inside a <textarea> or <input>: a textarea has no text nodes to put a Range on, so
// PostGuard lays the same text out in a hidden "mirror" div that copies the field's computed
// font, padding, border, width, wrapping and spacing, measures there, and translates the boxes
// back to the field (minus its scroll offset). The field itself is only read (value, style).
(() => {
  "use strict";
  const PG = (globalThis.PostGuard ||= {});
  if (PG.Mirror) return;

  const COPIED = [
    "direction", "font-family", "font-size", "font-size-adjust", "font-stretch", "font-style",
    "font-variant", "font-weight", "font-feature-settings", "font-kerning", "font-variation-settings",
    "line-height", "letter-spacing", "word-spacing", "text-align", "text-indent", "text-transform",
    "text-rendering", "tab-size", "-moz-tab-size", "word-break", "overflow-wrap", "hyphens",
    "padding-top", "padding-right", "padding-bottom", "padding-left",
    "border-top-width", "border-right-width", "border-bottom-width", "border-left-width",
  ];

  let mirror = null;

  function getMirror() {
    const root = PG.Overlay && PG.Overlay.root();
    if (!root) return null;
    if (!mirror || mirror.getRootNode() !== root) {
      mirror = document.createElement("div");
      mirror.className = "pg-mirror";
      mirror.setAttribute("aria-hidden", "true");
      root.appendChild(mirror);
    }
    return mirror;
  }

  function px(value) {
    const n = parseFloat(value);
    return Number.isFinite(n) ? n : 0;
  }

  /**
   * For each [start, end) in spans, the viewport rects (one per line) of that slice of the field's
   * value, clipped to nothing when scrolled out of the field's visible box.
   */
  function rectsFor(field, text, spans) {
    const m = getMirror();
    if (!m) return spans.map(() => []);
    const cs = getComputedStyle(field);
    const style = m.style;
    for (const prop of COPIED) style.setProperty(prop, cs.getPropertyValue(prop));
    const isInput = field.localName === "input";
    const padL = px(cs.paddingLeft);
    const padR = px(cs.paddingRight);
    style.setProperty("border-style", "solid");
    style.setProperty("border-color", "transparent");
    style.setProperty("box-sizing", "content-box");
    style.setProperty("width", Math.max(0, field.clientWidth - padL - padR) + "px");
    style.setProperty("white-space", isInput ? "pre" : "pre-wrap");
    if (!isInput && cs.getPropertyValue("overflow-wrap") === "normal" && cs.getPropertyValue("word-break") === "normal") {
      // Textareas wrap long words by default (UA style); keep the same behaviour in the div.
      style.setProperty("overflow-wrap", "break-word");
    }
    m.textContent = text + "\u200b";
    const node = m.firstChild;
    const mBox = m.getBoundingClientRect();
    const fBox = field.getBoundingClientRect();
    const dx = fBox.left - mBox.left - field.scrollLeft;
    const dy = fBox.top - mBox.top - field.scrollTop;
    // The field's visible text area (inside its border).
    const clip = {
      left: fBox.left + field.clientLeft,
      top: fBox.top + field.clientTop,
      right: fBox.left + field.clientLeft + field.clientWidth,
      bottom: fBox.top + field.clientTop + field.clientHeight,
    };
    const range = document.createRange();
    const out = [];
    for (const [start, end] of spans) {
      const rects = [];
      if (node && end > start && end <= text.length) {
        range.setStart(node, start);
        range.setEnd(node, end);
        for (const r of range.getClientRects()) {
          const left = r.left + dx;
          const top = r.top + dy;
          const right = left + r.width;
          const bottom = top + r.height;
          if (bottom <= clip.top + 1 || top >= clip.bottom - 1 || right <= clip.left || left >= clip.right) continue;
          const cl = Math.max(left, clip.left);
          const cr = Math.min(right, clip.right);
          rects.push({ left: cl, top, right: cr, bottom, width: cr - cl, height: bottom - top });
        }
      }
      out.push(PG.Extract.mergeLineRects(rects));
    }
    m.textContent = "";
    return out;
  }

  PG.Mirror = Object.freeze({ rectsFor });
})();
