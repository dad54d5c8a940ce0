// Test-side helpers run inside the fixture page by the Java tests (BrowserPage.probe).
// Reads the extension's overlay (open shadow root of <postguard-overlay>) and measures where
// words are in the page's editor, without touching the editor.
var __pgProbe = (function () {
  'use strict';

  function editorEl(selector) {
    return document.querySelector(selector);
  }

  function rectOf(el) {
    const r = el.getBoundingClientRect();
    return { left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width, height: r.height };
  }

  function overlayRoot() {
    const host = document.querySelector('postguard-overlay');
    return host && host.shadowRoot ? host.shadowRoot : null;
  }

  function distance(a, b) {
    const dx = Math.max(0, a.left - b.right, b.left - a.right);
    const dy = Math.max(0, a.top - b.bottom, b.top - a.bottom);
    return Math.hypot(dx, dy);
  }

  function visible(el) {
    const style = getComputedStyle(el);
    const r = el.getBoundingClientRect();
    return style.display !== 'none' && style.visibility !== 'hidden' && (r.width > 0 || r.height > 0);
  }

  // The badge tracking the given editor: the only one, or the one nearest the editor.
  function badgeFor(root, editor) {
    const badges = Array.from(root.querySelectorAll('.pg-badge'));
    if (badges.length <= 1 || !editor) return badges[0] || null;
    const er = rectOf(editor);
    let best = null, bestDistance = Infinity;
    for (const b of badges) {
      const d = distance(rectOf(b), er) + (visible(b) ? 0 : 100000);
      if (d < bestDistance) { best = b; bestDistance = d; }
    }
    return best;
  }

  function state(selector) {
    const editor = editorEl(selector);
    const root = overlayRoot();
    const out = {
      overlay: !!root, editorFound: !!editor, editorRect: editor ? rectOf(editor) : null,
      badge: null, badgeCount: 0, underlines: [], cards: [],
    };
    if (!root) return out;
    out.badgeCount = root.querySelectorAll('.pg-badge').length;
    const badge = badgeFor(root, editor);
    const editorId = badge ? badge.getAttribute('data-editor') : null;
    if (badge) {
      out.badge = {
        editor: editorId, state: badge.getAttribute('data-state'), count: badge.getAttribute('data-count'),
        severity: badge.getAttribute('data-severity'), text: badge.textContent.trim(), rect: rectOf(badge),
        visible: visible(badge),
      };
    }
    for (const u of root.querySelectorAll('.pg-underline')) {
      if (editorId !== null && u.getAttribute('data-editor') !== editorId) continue;
      out.underlines.push({
        start: Number(u.getAttribute('data-start')), end: Number(u.getAttribute('data-end')),
        severity: u.getAttribute('data-severity'), category: u.getAttribute('data-category'),
        rule: u.getAttribute('data-rule'), editor: u.getAttribute('data-editor'), rect: rectOf(u),
        visible: visible(u),
      });
    }
    for (const c of root.querySelectorAll('.pg-card')) {
      if (!visible(c)) continue;
      out.cards.push({
        rect: rectOf(c), role: c.getAttribute('role'), text: c.textContent.trim().slice(0, 2000),
        warnings: Array.from(c.querySelectorAll('.pg-warning')).map((w) => ({
          dataCategory: w.getAttribute('data-category'), dataRule: w.getAttribute('data-rule'),
          category: text(w, '.pg-category'), message: text(w, '.pg-message'), signals: text(w, '.pg-signals'),
          instead: text(w, '.pg-instead'),
          links: Array.from(w.querySelectorAll('a.pg-link')).map((a) => ({
            href: a.href, text: a.textContent.trim(), target: a.getAttribute('target'), rel: a.getAttribute('rel'),
          })),
          ignore: !!w.querySelector('button.pg-ignore'), never: !!w.querySelector('button.pg-never'),
        })),
      });
    }
    return out;
  }

  function text(root, selector) {
    const el = root.querySelector(selector);
    return el ? el.textContent.trim() : null;
  }

  // ---- Text of a contenteditable, with a map back to its text nodes --------------------------
  // Lines: every leaf block (a block element with no block inside, or a run of inline content
  // beside blocks) is one line or more (split at <br>; a <br> that ends its block only holds the
  // caret and adds nothing). Lines are joined with one "\n", as the extension's contract says.
  const BLOCK_DISPLAY = /^(block|list-item|flex|grid|table|flow-root)$/;

  function isBlock(node) {
    return node.nodeType === 1 && BLOCK_DISPLAY.test(getComputedStyle(node).display);
  }

  function hasBlockInside(el) {
    for (const child of el.children) {
      if (isBlock(child) || hasBlockInside(child)) return true;
    }
    return false;
  }

  function extract(root) {
    const lines = [];   // each line: array of {node, text} pieces
    function inlineRun(nodes) {
      // Flatten inline content to text nodes and <br>s.
      const items = [];
      const walk = (n) => {
        if (n.nodeType === 3) items.push({ node: n });
        else if (n.nodeType === 1) {
          if (n.tagName === 'BR') items.push({ br: true });
          else if (n.getAttribute('contenteditable') === 'false' || n.getAttribute('aria-hidden') === 'true') return;
          else for (const c of n.childNodes) walk(c);
        }
      };
      nodes.forEach(walk);
      if (items.length === 0) return;
      if (items[items.length - 1].br) items.pop();  // a <br> ending its block only holds the caret
      let line = [];
      for (const item of items) {
        if (item.br) { lines.push(line); line = []; } else line.push(item.node);
      }
      lines.push(line);
    }
    function block(el) {
      if (!hasBlockInside(el)) {
        if (el.childNodes.length === 0) { lines.push([]); return; }
        inlineRun(Array.from(el.childNodes));
        return;
      }
      let run = [];
      const flush = () => {
        if (run.some((n) => n.nodeType === 1 || n.data.length > 0)) inlineRun(run);
        run = [];
      };
      for (const child of el.childNodes) {
        if (child.nodeType === 1 && (isBlock(child) || hasBlockInside(child))) {
          flush();
          block(child);
        } else if (child.nodeType === 1 || child.nodeType === 3) run.push(child);
      }
      flush();
    }
    block(root);
    let textOut = '';
    const map = [];   // {node, start}
    lines.forEach((line, i) => {
      if (i > 0) textOut += '\n';
      for (const node of line) {
        map.push({ node, start: textOut.length });
        textOut += node.data;
      }
    });
    return { text: textOut, map };
  }

  function rangeFor(extracted, start, end) {
    let startNode = null, startOffset = 0, endNode = null, endOffset = 0;
    for (const { node, start: s } of extracted.map) {
      const e = s + node.data.length;
      if (startNode === null && start < e) { startNode = node; startOffset = Math.max(0, start - s); }
      if (end > s && end <= e) { endNode = node; endOffset = end - s; }
    }
    if (!startNode || !endNode) return null;
    const range = document.createRange();
    range.setStart(startNode, startOffset);
    range.setEnd(endNode, endOffset);
    return range;
  }

  // Merges client rects into one box per line.
  function lineBoxes(rects) {
    const boxes = [];
    for (const r of rects) {
      if (r.width < 0.5 || r.height < 0.5) continue;
      const box = boxes.find((b) => Math.abs(b.bottom - r.bottom) < 2.5 || (r.top < b.bottom - 2 && r.bottom > b.top + 2));
      if (box) {
        box.left = Math.min(box.left, r.left); box.right = Math.max(box.right, r.right);
        box.top = Math.min(box.top, r.top); box.bottom = Math.max(box.bottom, r.bottom);
      } else boxes.push({ left: r.left, right: r.right, top: r.top, bottom: r.bottom });
    }
    return boxes;
  }

  // ---- Word boxes in a textarea, through a mirror element -----------------------------------
  function textareaBoxes(ta, start, end) {
    const cs = getComputedStyle(ta);
    const mirror = document.createElement('div');
    const props = ['fontFamily', 'fontSize', 'fontWeight', 'fontStyle', 'fontVariant', 'fontStretch',
      'letterSpacing', 'wordSpacing', 'textTransform', 'textIndent', 'lineHeight', 'tabSize', 'direction',
      'paddingTop', 'paddingRight', 'paddingBottom', 'paddingLeft', 'textAlign', 'fontKerning',
      'fontFeatureSettings', 'fontVariantLigatures'];
    for (const p of props) mirror.style[p] = cs[p];
    const taRect = ta.getBoundingClientRect();
    const borderLeft = parseFloat(cs.borderLeftWidth), borderTop = parseFloat(cs.borderTopWidth);
    Object.assign(mirror.style, {
      position: 'fixed', visibility: 'hidden', top: '0px', left: '0px', margin: '0', border: '0',
      boxSizing: 'border-box', width: ta.clientWidth + 'px', whiteSpace: 'pre-wrap', overflowWrap: 'break-word',
      wordBreak: cs.wordBreak, overflow: 'hidden',
    });
    const value = ta.value;
    mirror.appendChild(document.createTextNode(value.slice(0, start)));
    const span = document.createElement('span');
    span.textContent = value.slice(start, end);
    mirror.appendChild(span);
    mirror.appendChild(document.createTextNode(value.slice(end) || '\u200b'));
    document.body.appendChild(mirror);
    const m = mirror.getBoundingClientRect();
    const dx = taRect.left + borderLeft - ta.scrollLeft - m.left;
    const dy = taRect.top + borderTop - ta.scrollTop - m.top;
    const rects = Array.from(span.getClientRects()).map((r) => ({
      left: r.left + dx, right: r.right + dx, top: r.top + dy, bottom: r.bottom + dy, width: r.width, height: r.height,
    }));
    mirror.remove();
    return lineBoxes(rects);
  }

  // A check that does not depend on a mirror: the underline lies inside the textarea's content
  // box, at the foot of a text line (line boxes are line-height tall from the content top), and
  // on or after the line its words' first line break puts them on.
  function textareaLineCheck(ta, typed, start, u, tol) {
    const cs = getComputedStyle(ta);
    const r = ta.getBoundingClientRect();
    const lh = parseFloat(cs.lineHeight);
    const left = r.left + parseFloat(cs.borderLeftWidth) + parseFloat(cs.paddingLeft);
    const right = r.left + parseFloat(cs.borderLeftWidth) + ta.clientWidth - parseFloat(cs.paddingRight);
    const top = r.top + parseFloat(cs.borderTopWidth) + parseFloat(cs.paddingTop) - ta.scrollTop;
    const out = [];
    const b = u.rect.bottom;
    if (u.rect.left < left - tol || u.rect.right > right + tol) {
      out.push(`underline ${u.start}:${u.end} at ${fmt(u.rect)} is outside the textarea's text box [${left}, ${right}]`);
    }
    if (!(lh > 0)) return out;
    const line = Math.ceil((b - top - tol) / lh) - 1;
    const intoLine = b - (top + line * lh);
    if (intoLine < lh / 2 || intoLine > lh + tol) {
      out.push(`underline ${u.start}:${u.end} bottom ${b} is not at the foot of a ${lh}px text line (${intoLine} px into line ${line})`);
    }
    const minLine = typed.slice(0, start).split('\n').length - 1;
    if (line < minLine) out.push(`underline ${u.start}:${u.end} is on line ${line}, above its words' line ${minLine}`);
    return out;
  }

  // ---- Underline alignment --------------------------------------------------------------------
  // For every underline of the editor: the words it stands for (typed.slice(start, end)) must be
  // found in the editor, and the underline must lie under one of their line boxes (bottom within
  // tol px of the text bottom, left and right within tol px). Every line box of every underlined
  // span must have its underline.
  function alignment(selector, kind, typed, tol) {
    const editor = editorEl(selector);
    const s = state(selector);
    const problems = [];
    const details = [];
    if (!editor) return { problems: ['editor not found: ' + selector], details, underlines: 0 };
    let extracted = null;
    if (kind === 'CONTENTEDITABLE') {
      extracted = extract(editor);
      if (extracted.text !== typed) {
        problems.push('test walker text differs from what was typed: ' + JSON.stringify(extracted.text));
        return { problems, details, underlines: s.underlines.length };
      }
    }
    const spans = new Map();
    for (const u of s.underlines) {
      const key = u.start + ':' + u.end;
      if (!spans.has(key)) spans.set(key, []);
      spans.get(key).push(u);
    }
    for (const [key, underlines] of spans) {
      const [start, end] = key.split(':').map(Number);
      const word = typed.slice(start, end);
      if (!(start >= 0 && end > start && end <= typed.length)) {
        problems.push(`underline ${key} is outside the typed text (length ${typed.length})`);
        continue;
      }
      let boxes;
      if (kind === 'TEXTAREA') {
        boxes = textareaBoxes(editor, start, end);
        for (const u of underlines) problems.push(...textareaLineCheck(editor, typed, start, u, tol));
      }
      else {
        const range = rangeFor(extracted, start, end);
        if (!range) { problems.push(`no DOM range for ${key} ${JSON.stringify(word)}`); continue; }
        boxes = lineBoxes(Array.from(range.getClientRects()));
      }
      const editorRect = editor.getBoundingClientRect();
      // Only line boxes inside the editor's visible area need underlines.
      const shown = boxes.filter((b) => b.bottom > editorRect.top + 1 && b.top < editorRect.bottom - 1);
      const matched = new Set();
      for (const u of underlines) {
        const r = u.rect;
        const i = shown.findIndex((b) => Math.abs(r.bottom - b.bottom) <= tol
          && Math.abs(r.left - b.left) <= tol && Math.abs(r.right - b.right) <= tol);
        if (i < 0) {
          problems.push(`underline ${key} ${JSON.stringify(word)} at ${fmt(r)} is not under its words at ` +
            shown.map(fmt).join(' | '));
        } else matched.add(i);
      }
      shown.forEach((b, i) => {
        if (!matched.has(i)) problems.push(`words ${key} ${JSON.stringify(word)} at ${fmt(b)} have no underline`);
      });
      details.push({ start, end, word, boxes: shown.map(fmt), underlines: underlines.map((u) => fmt(u.rect)) });
    }
    return { problems, details, underlines: s.underlines.length };
  }

  function fmt(r) {
    const n = (v) => Math.round(v * 10) / 10;
    return `[l=${n(r.left)} r=${n(r.right)} t=${n(r.top)} b=${n(r.bottom)}]`;
  }

  // ---- Timing ---------------------------------------------------------------------------------
  function installClock() {
    if (window.__pgClock) return;
    window.__pgClock = { lastInput: 0 };
    const mark = () => { window.__pgClock.lastInput = performance.now(); };
    for (const type of ['keydown', 'keyup', 'input']) document.addEventListener(type, mark, true);
  }

  // Polls (every 10 ms) until the editor's badge has the wanted state (and, for "warnings", at
  // least one underline; "settled" is clear or warnings with no keystroke for a second); answers
  // the time since the last keystroke/input event.
  function waitForState(selector, want, timeoutMs, done) {
    const began = performance.now();
    const poll = () => {
      const s = state(selector);
      const now = performance.now();
      const quiet = window.__pgClock ? now - window.__pgClock.lastInput : Infinity;
      // "settled": a check's answer (clear or warnings) shown, and no keystroke for a second.
      const ok = s.badge && (want === 'settled'
        ? (s.badge.state === 'clear' || s.badge.state === 'warnings') && quiet >= 1000
        : s.badge.state === want && (want !== 'warnings' || s.underlines.length > 0));
      if (ok) {
        done({ ok: true, sinceInput: window.__pgClock ? now - window.__pgClock.lastInput : -1, waited: now - began, state: s });
      } else if (now - began > timeoutMs) {
        done({ ok: false, waited: now - began, state: s });
      } else setTimeout(poll, 10);
    };
    poll();
  }

  function walkerText(selector) {
    const el = editorEl(selector);
    return el ? extract(el).text : null;
  }

  return { state, alignment, installClock, waitForState, walkerText, extract };
})();
