// Text extraction for contenteditable editors, with a map between string offsets and DOM
// positions. Read-only: it walks the editor's nodes and never changes them.
//
// Rules (README "DOM contract"): exactly one "\n" per block boundary and one per <br>, except the
// placeholder <br> that editors put in an empty block or at the end of a block. So "a", Enter, "b"
// is "a\nb" in Draft.js (div blocks), Lexical / Quill / ProseMirror (<p> blocks), and plain
// contenteditable (text + <div>), and an empty paragraph in between gives "a\n\nb".
(() => {
  "use strict";
  const PG = (globalThis.PostGuard ||= {});
  if (PG.Extract) return;

  const BLOCK_TAGS = new Set([
    "address", "article", "aside", "blockquote", "dd", "div", "dl", "dt", "figcaption", "figure",
    "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
    "p", "pre", "section", "table", "tbody", "td", "th", "thead", "tfoot", "tr", "ul",
  ]);
  const SKIP_TAGS = new Set([
    "script", "style", "template", "noscript", "svg", "math", "iframe", "object", "canvas",
    "video", "audio", "select", "button", "input", "textarea", "img",
  ]);

  const TEXT = 0; // segment backed by a Text node
  const BR = 1; // "\n" produced by a <br>
  const BLOCK = 2; // "\n" produced by a block boundary (no DOM node of its own)

  function isBlock(el) {
    return BLOCK_TAGS.has(el.localName);
  }

  /** Source-formatting whitespace between blocks (e.g. "\n  " between <p>s in static HTML). */
  function isFormattingWhitespace(node) {
    const data = node.data;
    if (data.indexOf("\n") < 0 || /[^ \t\n\r]/.test(data)) return false;
    const prev = node.previousSibling;
    const next = node.nextSibling;
    // Only between blocks (or a block and the container's edge): "\n" typed inside a line of a
    // pre-wrap editor sits next to text or inline elements and is kept.
    const prevBlock = !!prev && prev.nodeType === 1 && isBlock(prev);
    const nextBlock = !!next && next.nodeType === 1 && isBlock(next);
    return (prevBlock && (!next || nextBlock)) || (nextBlock && !prev);
  }

  function shouldSkip(el, root, skipSelector) {
    if (SKIP_TAGS.has(el.localName)) return true;
    if (el.getAttribute("contenteditable") === "false") return true;
    if (el.getAttribute("aria-hidden") === "true") return true;
    if (el.hidden) return true;
    const cls = typeof el.className === "string" ? el.className : "";
    if (cls && /placeholder/i.test(cls) && el.localName !== "p" && !el.hasAttribute("data-block")) return true;
    if (skipSelector) {
      try {
        if (el.matches(skipSelector)) return true;
      } catch (e) {
        /* bad adapter selector: ignore */
      }
    }
    return false;
  }

  function hasVisibleContent(el) {
    if (el.localName === "br") return true;
    if (SKIP_TAGS.has(el.localName)) return false;
    return el.textContent.length > 0 || el.querySelector("br") !== null;
  }

  /** A <br> with nothing after it in its block is the editor's placeholder, not a line break. */
  function isTrailingBr(br, root) {
    let node = br;
    while (node && node !== root) {
      for (let s = node.nextSibling; s; s = s.nextSibling) {
        if (s.nodeType === 3) {
          if (s.data.length && !isFormattingWhitespace(s)) return false;
        } else if (s.nodeType === 1) {
          if (isBlock(s)) return true;
          if (hasVisibleContent(s)) return false;
        }
      }
      node = node.parentNode;
      if (!node || node === root) return true;
      if (node.nodeType === 1 && isBlock(node)) return true;
    }
    return true;
  }

  /**
   * Extracts the text of a contenteditable root.
   * Returns { text, segs, root } where segs is sorted by start: { start, end, type, node }.
   */
  function extract(root, skipSelector) {
    let text = "";
    const segs = [];
    let pending = false; // a block boundary is owed before the next content
    let lineOpen = false; // the current line has begun
    let events = 0; // content produced (for empty-block detection)
    let placeholders = 0; // placeholder <br>s seen

    function flush() {
      if (!pending) return;
      segs.push({ start: text.length, end: text.length + 1, type: BLOCK, node: null });
      text += "\n";
      pending = false;
    }

    function visit(parent, depth) {
      if (depth > 200) return;
      for (let child = parent.firstChild; child; child = child.nextSibling) {
        const type = child.nodeType;
        if (type === 3) {
          const data = child.data;
          if (!data || isFormattingWhitespace(child)) continue;
          flush();
          segs.push({ start: text.length, end: text.length + data.length, type: TEXT, node: child });
          text += data;
          lineOpen = true;
          events++;
        } else if (type === 1) {
          if (child.localName === "br") {
            if (isTrailingBr(child, root)) {
              placeholders++;
              continue;
            }
            flush();
            segs.push({ start: text.length, end: text.length + 1, type: BR, node: child });
            text += "\n";
            lineOpen = true;
            events++;
            continue;
          }
          if (shouldSkip(child, root, skipSelector)) continue;
          if (isBlock(child)) {
            if (lineOpen) {
              pending = true;
              lineOpen = false;
            }
            const eventsBefore = events;
            const placeholdersBefore = placeholders;
            visit(child, depth + 1);
            if (events === eventsBefore && placeholders > placeholdersBefore) {
              // An empty paragraph (<p><br></p>): an empty line of its own.
              flush();
              lineOpen = true;
              events++;
            }
            if (lineOpen) {
              pending = true;
              lineOpen = false;
            }
          } else {
            visit(child, depth + 1);
          }
        }
      }
    }

    visit(root, 0);
    return { text, segs, root };
  }

  /** Index of the last segment whose start <= offset (binary search). */
  function segIndexAt(segs, offset) {
    let lo = 0;
    let hi = segs.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (segs[mid].start <= offset) {
        found = mid;
        lo = mid + 1;
      } else {
        hi = mid - 1;
      }
    }
    return found;
  }

  /** True when the snapshot's text nodes are still in the editor and still hold their text. */
  function isFresh(snap) {
    for (const seg of snap.segs) {
      if (!seg.node) continue;
      if (!seg.node.isConnected) return false;
      if (seg.type === TEXT && seg.node.data.length !== seg.end - seg.start) return false;
    }
    return true;
  }

  /** DOM Ranges covering [start, end) of the extracted text: one per text node touched. */
  function rangesFor(snap, start, end) {
    const out = [];
    if (end <= start) return out;
    const doc = snap.root.ownerDocument;
    let i = Math.max(0, segIndexAt(snap.segs, start));
    for (; i < snap.segs.length; i++) {
      const seg = snap.segs[i];
      if (seg.start >= end) break;
      if (seg.type !== TEXT || seg.end <= start) continue;
      const from = Math.max(start, seg.start) - seg.start;
      const to = Math.min(end, seg.end) - seg.start;
      if (to <= from || to > seg.node.data.length) continue;
      const range = doc.createRange();
      range.setStart(seg.node, from);
      range.setEnd(seg.node, to);
      out.push(range);
    }
    return out;
  }

  /** Merges client rects on the same line box into one rect per line. */
  function mergeLineRects(rects) {
    const list = [];
    for (const r of rects) {
      if (r.width <= 0.5 || r.height <= 0.5) continue;
      list.push({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
    }
    list.sort((a, b) => a.top - b.top || a.left - b.left);
    const out = [];
    for (const r of list) {
      const last = out[out.length - 1];
      if (last) {
        const overlap = Math.min(last.bottom, r.bottom) - Math.max(last.top, r.top);
        const minHeight = Math.min(last.bottom - last.top, r.bottom - r.top);
        if (overlap > minHeight * 0.5 && r.left <= last.right + 3 && r.right >= last.left - 3) {
          last.left = Math.min(last.left, r.left);
          last.right = Math.max(last.right, r.right);
          last.top = Math.min(last.top, r.top);
          last.bottom = Math.max(last.bottom, r.bottom);
          continue;
        }
      }
      out.push(r);
    }
    return out.map((r) => ({ left: r.left, top: r.top, width: r.right - r.left, height: r.bottom - r.top }));
  }

  /** Viewport rects (one per line box) of [start, end) in a contenteditable snapshot. */
  function rectsFor(snap, start, end) {
    const rects = [];
    for (const range of rangesFor(snap, start, end)) {
      for (const r of range.getClientRects()) rects.push(r);
    }
    return mergeLineRects(rects);
  }

  PG.Extract = Object.freeze({
    extract,
    isFresh,
    rangesFor,
    rectsFor,
    mergeLineRects,
    isBlock,
    SEG_TEXT: TEXT,
    SEG_BR: BR,
    SEG_BLOCK: BLOCK,
  });
})();
