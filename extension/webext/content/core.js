// PostGuard content-script core: finds the compose boxes of the site adapter that registered
// itself (sites/*.js), reads their text (read-only), asks the background to check it against the
// local server, and draws underlines, a badge and a card in <postguard-overlay>.
//
// Ground rules:
//  - Never write into the editor: no DOM changes, no caret/selection/undo changes, no attributes.
//    Editors are remembered in a WeakMap.
//  - Text is never stored or logged. It goes only to the background, which sends it to the
//    configured local server. console.debug messages carry no text.
//  - Anything that throws is caught: the site keeps working as if PostGuard were absent.
//  - Per keystroke: one MutationObserver batch per animation frame, a walk of the editor's own
//    nodes, and a debounced request. No document-wide scans on keystrokes.
(() => {
  "use strict";
  const PG = (globalThis.PostGuard ||= {});
  if (PG.registerSite) return;

  const S = globalThis.PGSettings;
  const api = S && S.api;
  const { Extract, Mirror, Overlay } = PG;

  const DEBOUNCE_MS = 250;
  const RETRY_MIN_MS = 3000;
  const RETRY_MAX_MS = 10000;
  const HOVER_OPEN_MS = 250;
  const HOVER_CLOSE_MS = 400;
  const TICK_MS = 700;
  const RANK = { low: 1, medium: 2, high: 3 };
  const SEVERITY_WORD = { low: "Low", medium: "Medium", high: "High" };
  const GLOBAL_EXCLUDE = [
    '[role="searchbox"]', 'input[type="search"]', '[role="search"] *', ".ql-clipboard",
    '[aria-readonly="true"]', "[readonly]", "[disabled]", '[aria-hidden="true"]',
  ].join(",");
  const EDITABLE_INSIDE = 'textarea, [contenteditable="true"], [contenteditable=""], [contenteditable="plaintext-only"]';
  const OFFLINE_SHORT = "PostGuard server not running: start it with scripts/run";
  // Shown when the server's guidance catalogue has no link for a warning (or is unavailable).
  const FALLBACK_LINK = Object.freeze({
    title: "GMC: Using social media as a medical professional",
    url: "https://www.gmc-uk.org/professional-standards/the-professional-standards/using-social-media-as-a-medical-professional",
  });

  function debug(what, err) {
    try {
      // Never text: only our own message and the error's type.
      console.debug("[PostGuard] " + what + (err && err.name ? " (" + err.name + ")" : ""));
    } catch (e) {
      /* ignore */
    }
  }

  function safe(fn, what) {
    return function safeWrapper(...args) {
      try {
        return fn.apply(this, args);
      } catch (e) {
        debug(what || "handler failed", e);
        return undefined;
      }
    };
  }

  function validSelector(list) {
    const out = [];
    const frag = document.createDocumentFragment();
    for (const sel of [].concat(list || [])) {
      if (typeof sel !== "string" || !sel.trim()) continue;
      try {
        frag.querySelector(sel);
        out.push(sel);
      } catch (e) {
        debug("adapter selector rejected");
      }
    }
    return out.length ? out.join(",") : null;
  }

  function closestComposed(el, selector) {
    let node = el;
    while (node) {
      const hit = node.closest ? node.closest(selector) : null;
      if (hit) return hit;
      const root = node.getRootNode ? node.getRootNode() : null;
      node = root && root.host ? root.host : null;
    }
    return null;
  }

  function deepActiveElement() {
    let el = document.activeElement;
    while (el && el.shadowRoot && el.shadowRoot.activeElement) el = el.shadowRoot.activeElement;
    return el;
  }

  function isField(el) {
    return el.localName === "textarea" || el.localName === "input";
  }

  function isEditableRoot(el) {
    if (el.localName === "textarea") return !el.readOnly && !el.disabled;
    if (!el.isContentEditable) return false;
    const parent = el.parentElement;
    return !parent || !parent.isContentEditable;
  }

  function hasText(el) {
    return isField(el) ? el.value.trim() !== "" : el.textContent.trim() !== "";
  }

  function maxSeverity(list) {
    let best = null;
    for (const w of list) if (!best || RANK[w.severity] > RANK[best]) best = w.severity;
    return best;
  }

  // ---------------------------------------------------------------------------------------------
  // Offsets: keep warnings on the right words while the user keeps typing (until the next answer).

  function diffRegion(oldText, newText) {
    const max = Math.min(oldText.length, newText.length);
    let p = 0;
    while (p < max && oldText.charCodeAt(p) === newText.charCodeAt(p)) p++;
    let s = 0;
    while (s < max - p && oldText.charCodeAt(oldText.length - 1 - s) === newText.charCodeAt(newText.length - 1 - s)) s++;
    return { prefix: p, oldEnd: oldText.length - s, delta: newText.length - oldText.length };
  }

  function rebase(warnings, oldText, newText) {
    if (!warnings.length || oldText === newText) return warnings;
    const { prefix, oldEnd, delta } = diffRegion(oldText, newText);
    const move = (span) => {
      if (span.end <= prefix) return span;
      if (span.start >= oldEnd) return Object.assign({}, span, { start: span.start + delta, end: span.end + delta });
      return null;
    };
    const out = [];
    for (const w of warnings) {
      const signals = w.signals.map(move).filter(Boolean);
      if (!signals.length) continue;
      const span = move(w) || { start: Math.min(...signals.map((x) => x.start)), end: Math.max(...signals.map((x) => x.end)) };
      out.push(Object.assign({}, w, { start: span.start, end: span.end, signals }));
    }
    return out;
  }

  /** Keeps only well-formed warnings whose offsets fit the text that was checked. */
  function validate(result, text) {
    const out = [];
    const list = result && Array.isArray(result.warnings) ? result.warnings : [];
    const fits = (x) => x && Number.isInteger(x.start) && Number.isInteger(x.end) && x.start >= 0 && x.end > x.start && x.end <= text.length;
    for (const w of list) {
      if (!w || !RANK[w.severity]) continue;
      const signals = (Array.isArray(w.signals) ? w.signals : [])
        .filter(fits)
        .map((s) => ({ start: s.start, end: s.end, kind: String(s.kind || "") }));
      if (!signals.length) continue;
      out.push({
        rule: String(w.rule || ""),
        category: String(w.category || ""),
        severity: w.severity,
        start: fits(w) ? w.start : signals[0].start,
        end: fits(w) ? w.end : signals[signals.length - 1].end,
        message: String(w.message || ""),
        guidance: String(w.guidance || w.category || ""),
        signals,
      });
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Sites

  const registry = [];
  let runtime = null;
  let startTimer = 0;
  let startGeneration = 0;
  let editorCounter = 0;
  let requestCounter = 0;
  let dead = false;

  function registerSite(def) {
    try {
      if (dead || !def || typeof def.id !== "string" || !def.id) return;
      if (registry.some((s) => s.id === def.id)) return;
      const site = {
        id: def.id,
        name: typeof def.name === "string" ? def.name : def.id,
        platform: def.platform || def.id,
        hosts: Array.isArray(def.hosts) ? def.hosts.slice() : [],
        editorSelector: validSelector(def.editors),
        scope: validSelector(def.scope),
        exclude: validSelector(def.exclude),
        skip: validSelector(def.skip),
        fallback: def.fallback !== false,
        shadow: !!def.shadow,
        priority: Number.isFinite(def.priority) ? def.priority : 10,
        detect: typeof def.detect === "function" ? def.detect : null,
        isEditor: typeof def.isEditor === "function" ? def.isEditor : null,
        init: typeof def.init === "function" ? def.init : null,
      };
      registry.push(site);
      clearTimeout(startTimer);
      startTimer = setTimeout(() => startBest().catch((e) => debug("start failed", e)), 0);
    } catch (e) {
      debug("registerSite failed", e);
    }
  }

  async function startBest() {
    if (dead || !api || !Extract || !Overlay) return;
    const candidates = registry.filter((site) => {
      try {
        return !site.detect || site.detect() !== false;
      } catch (e) {
        return false;
      }
    });
    candidates.sort((a, b) => b.priority - a.priority);
    const best = candidates[0];
    if (!best || (runtime && runtime.site === best)) return;
    const generation = ++startGeneration;
    const settings = await S.load();
    if (generation !== startGeneration || dead) return;
    if (runtime) runtime.stop();
    runtime = new Runtime(best, settings);
    runtime.start();
  }

  function shutdown() {
    // The extension was reloaded or removed: leave the page as if PostGuard had never been here.
    dead = true;
    try {
      if (runtime) runtime.stop();
    } catch (e) {
      /* ignore */
    }
    runtime = null;
    try {
      Overlay.destroy();
    } catch (e) {
      /* ignore */
    }
  }

  function contextAlive() {
    try {
      return !!(api && api.runtime && api.runtime.id);
    } catch (e) {
      return false;
    }
  }

  function send(message) {
    if (!contextAlive()) {
      shutdown();
      return Promise.reject(new Error("context invalidated"));
    }
    try {
      return Promise.resolve(api.runtime.sendMessage(message)).catch((e) => {
        if (!contextAlive()) shutdown();
        throw e;
      });
    } catch (e) {
      if (!contextAlive()) shutdown();
      return Promise.reject(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // One tracked editor

  class Session {
    constructor(rt, editor) {
      this.rt = rt;
      this.editor = editor;
      this.id = "pg-" + ++editorCounter;
      this.field = isField(editor);
      this.controller = new AbortController();
      this.text = "";
      this.snap = null;
      this.warnings = [];
      this.shown = [];
      this.lines = [];
      this.state = "clear";
      this.latestRequest = 0;
      this.ignored = new Set();
      this.debounceTimer = 0;
      this.retryTimer = 0;
      this.retryDelay = RETRY_MIN_MS;
      this.composing = false;
      this.pasted = false;
      this.frame = 0;
      this.badge = null;
      this.badgeText = "";
      this.ulEls = [];
      this.hitRects = [];
      this.lastRectKey = "";
      this.offlineDetail = null;
      this.announced = "";
      this.destroyed = false;
      this.statsSeen = null; // opt-in statistics: warning identity -> { open, category, severity }
      this.statsText = null; // the text of the last answer counted

      const signal = this.controller.signal;
      if (!this.field) {
        this.mo = new MutationObserver(safe(() => this.onEdit(), "editor observer"));
        this.mo.observe(editor, { characterData: true, childList: true, subtree: true });
      }
      if (typeof ResizeObserver === "function") {
        try {
          this.ro = new ResizeObserver(safe(() => rt.scheduleLayout(), "resize observer"));
          this.ro.observe(editor);
        } catch (e) {
          this.ro = null; // without it, moves are still picked up by the low-frequency tick
          debug("resize observer failed", e);
        }
      }
      signal.addEventListener("abort", () => {
        if (this.mo) this.mo.disconnect();
        if (this.ro) this.ro.disconnect();
      });
    }

    read() {
      if (this.field) return { text: this.editor.value, segs: null, root: this.editor };
      return Extract.extract(this.editor, this.rt.site.skip);
    }

    /** Something changed in the editor: re-read it at the next animation frame. */
    onEdit() {
      if (this.destroyed || this.frame) return;
      this.frame = requestAnimationFrame(safe(() => {
        this.frame = 0;
        this.process();
      }, "process"));
    }

    process() {
      if (this.destroyed) return;
      if (!this.editor.isConnected) {
        this.rt.destroySession(this);
        return;
      }
      const snap = this.read();
      this.snap = snap;
      const text = snap.text;
      if (text === this.text && !this.pasted) {
        this.rt.scheduleLayout();
        return;
      }
      const old = this.text;
      this.text = text;
      this.warnings = rebase(this.warnings, old, text);
      if (!text.trim()) {
        // Emptied (or posted): forget per-draft ignores, cancel anything in flight.
        this.pasted = false;
        this.ignored.clear();
        this.statsSeen = null; // a new draft: its warnings count afresh (none was "edited away")
        this.statsText = null;
        this.warnings = [];
        this.cancelTimers();
        this.latestRequest = ++requestCounter;
        this.refresh(this.rt.paused ? "paused" : "clear");
        return;
      }
      if (this.rt.paused) {
        this.warnings = [];
        this.refresh("paused");
        return;
      }
      if (this.state !== "offline") this.state = "checking";
      this.refresh();
      if (this.composing) return; // compositionend schedules the check
      clearTimeout(this.debounceTimer);
      if (this.pasted) {
        this.pasted = false;
        this.check();
      } else {
        this.debounceTimer = setTimeout(safe(() => this.check(), "check"), DEBOUNCE_MS);
      }
    }

    cancelTimers() {
      clearTimeout(this.debounceTimer);
      clearTimeout(this.retryTimer);
      this.debounceTimer = 0;
      this.retryTimer = 0;
    }

    check() {
      this.debounceTimer = 0;
      if (this.destroyed || this.composing || this.rt.paused) return;
      if (!this.editor.isConnected) {
        this.rt.destroySession(this);
        return;
      }
      const text = this.text;
      if (!text.trim()) return;
      clearTimeout(this.retryTimer);
      this.retryTimer = 0;
      const requestId = ++requestCounter;
      this.latestRequest = requestId;
      if (this.state !== "offline") this.refresh("checking");
      if (!this.rt.guidance) this.rt.loadGuidance(); // the card's titles and links (not user text)
      send({ type: "check", text, platform: this.rt.platform(), editorId: this.id, requestId })
        .then(
          (resp) => this.onResult(requestId, text, resp),
          () => this.onResult(requestId, text, { status: "offline", detail: null, transient: true }))
        .catch((e) => debug("result handling failed", e));
    }

    onResult(requestId, sentText, resp) {
      if (this.destroyed || requestId !== this.latestRequest || dead) return;
      if (!resp || resp.status === "aborted") return;
      if (resp.status === "ok") {
        this.retryDelay = RETRY_MIN_MS;
        this.offlineDetail = null;
        const fresh = validate(resp.result, sentText);
        this.warnings = rebase(fresh, sentText, this.text);
        this.rt.serverSeen = true;
        this.refresh(this.debounceTimer ? "checking" : null, true);
        this.rt.statsAfterAnswer(this, sentText, fresh);
        if (this.shown.length) this.rt.loadGuidance();
        return;
      }
      // Server not reachable (or refused): grey badge, retry by itself with backoff.
      this.offlineDetail = resp.status === "error" ? resp.detail || null : null;
      this.warnings = [];
      this.refresh("offline");
      clearTimeout(this.retryTimer);
      const delay = this.retryDelay;
      this.retryDelay = Math.min(RETRY_MAX_MS, Math.round(this.retryDelay * 1.5));
      this.retryTimer = setTimeout(safe(() => {
        this.retryTimer = 0;
        if (!this.destroyed && this.editor.isConnected && this.text.trim() && !this.debounceTimer) this.check();
      }, "retry"), delay);
    }

    /** Recomputes what is shown (filters) and the state, then redraws. */
    refresh(forcedState, fromServer) {
      const rt = this.rt;
      const text = this.text;
      const phrases = rt.ignoredPhrases;
      const showLow = rt.settings.showLow;
      this.shown = this.warnings.filter((w) => {
        if (!showLow && w.severity === "low") return false;
        if (this.ignored.has(ignoreKey(w, text))) return false;
        // "Don't warn about this phrase again" stores the phrase of a warning's first signal.
        const first = w.signals[0];
        return !phrases.has(S.normalisePhrase(text.slice(first.start, first.end)));
      });
      const byKey = new Map();
      this.shown.forEach((w, index) => {
        for (const s of w.signals) {
          const key = s.start + ":" + s.end;
          const line = byKey.get(key);
          if (!line) {
            byKey.set(key, { key, start: s.start, end: s.end, severity: w.severity, category: w.category, rule: w.rule, warnings: [index] });
          } else {
            if (!line.warnings.includes(index)) line.warnings.push(index);
            if (RANK[w.severity] > RANK[line.severity]) Object.assign(line, { severity: w.severity, category: w.category, rule: w.rule });
          }
        }
      });
      this.lines = [...byKey.values()].sort((a, b) => a.start - b.start || a.end - b.end);
      if (forcedState) this.state = forcedState;
      else if (fromServer || this.state === "warnings" || this.state === "clear") this.state = this.shown.length ? "warnings" : "clear";
      rt.render(this);
    }

    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.cancelTimers();
      if (this.frame) cancelAnimationFrame(this.frame);
      this.controller.abort();
      if (this.badge) this.badge.remove();
      for (const el of this.ulEls) el.remove();
      this.ulEls = [];
      this.hitRects = [];
      this.badge = null;
      this.text = "";
      this.statsSeen = null;
      this.snap = null;
      this.warnings = [];
      this.shown = [];
      this.lines = [];
    }
  }

  /** What the list of signals on the card is: identifying details only for confidentiality. */
  function signalsHeading(w) {
    if (w.signals.length < 2) return "Because of:";
    return w.category === "confidentiality" ? "Together these could identify someone:" : "Because of these words together:";
  }

  function ignoreKey(w, text) {
    const first = w.signals[0];
    return w.rule + "\u0001" + S.normalisePhrase(text.slice(first.start, first.end));
  }

  // ---------------------------------------------------------------------------------------------
  // Runtime: one per page for the chosen site adapter. Everything hangs off one AbortController.

  class Runtime {
    constructor(site, settings) {
      this.site = site;
      this.settings = settings;
      this.ignoredPhrases = new Set(settings.ignoredPhrases);
      this.paused = this.computePaused();
      this.controller = new AbortController();
      this.signal = this.controller.signal;
      this.sessions = new Set();
      this.byEditor = new WeakMap();
      this.focused = null;
      this.layoutFrame = 0;
      this.scanTimer = 0;
      this.pendingAdded = new Set();
      this.needSweep = false;
      this.observedRoots = new WeakSet();
      this.tickTimer = 0;
      this.hover = { frame: 0, x: 0, y: 0, path: null, openTimer: 0, closeTimer: 0, target: null };
      this.card = null; // { session, lineKey, pinned, el, returnFocus }
      this.guidance = null;
      this.guidancePromise = null;
      this.serverSeen = false;
    }

    platform() {
      const site = this.site;
      let platform = site.platform;
      if (typeof platform === "function") {
        try {
          platform = platform();
        } catch (e) {
          platform = site.id;
        }
      }
      return String(platform || site.id);
    }

    // --- opt-in statistics (counted by the background, common/stats.js) --------------------------
    // Only while the user has statistics on, and only per server answer or button click, never per
    // keystroke. A warning counts as shown once per editor and identity (rule + its first signal's
    // words, kept in this page's memory only, like "Ignore"). A shown warning missing from a later
    // answer, after the text changed, was edited away. Events carry platform, category, severity.

    statsAfterAnswer(s, sentText, fresh) {
      if (!this.settings.statsEnabled) return;
      const seen = (s.statsSeen ||= new Map());
      const events = [];
      if (s.statsText !== null && sentText !== s.statsText && sentText.trim()) {
        const present = new Set(fresh.map((w) => ignoreKey(w, sentText)));
        for (const [id, entry] of seen) {
          if (entry.open && !present.has(id)) {
            entry.open = false;
            events.push(this.statsEvent("editedAway", entry));
          }
        }
      }
      for (const w of s.shown) {
        const id = ignoreKey(w, s.text);
        if (seen.has(id)) continue;
        const entry = { open: true, category: w.category, severity: w.severity };
        seen.set(id, entry);
        events.push(this.statsEvent("shown", entry));
      }
      s.statsText = sentText;
      this.sendStats(events);
    }

    /** "Ignore" (dismissed) or "Don't warn about this phrase again" (ignored) on a shown warning. */
    statsOutcome(s, w, event) {
      if (!this.settings.statsEnabled || !s.statsSeen) return;
      const entry = s.statsSeen.get(ignoreKey(w, s.text));
      if (!entry || !entry.open) return;
      entry.open = false;
      this.sendStats([this.statsEvent(event, entry)]);
    }

    statsEvent(event, entry) {
      return { event, platform: this.platform(), category: entry.category, severity: entry.severity };
    }

    sendStats(events) {
      if (events.length) send({ type: "stats", events }).catch(() => {});
    }

    computePaused() {
      const s = this.settings;
      return !!(s.disabledSites[this.site.id] || s.disabledHosts[location.hostname]);
    }

    start() {
      const signal = this.signal;
      const opts = { capture: true, passive: true, signal };
      const doc = document;
      doc.addEventListener("focusin", safe((e) => this.onFocusIn(e), "focusin"), opts);
      doc.addEventListener("focusout", safe(() => this.scheduleLayout(), "focusout"), opts);
      doc.addEventListener("input", safe((e) => this.onInput(e), "input"), opts);
      doc.addEventListener("paste", safe((e) => this.onPaste(e), "paste"), opts);
      doc.addEventListener("compositionstart", safe((e) => this.onComposition(e, true), "composition"), opts);
      doc.addEventListener("compositionend", safe((e) => this.onComposition(e, false), "composition"), opts);
      doc.addEventListener("scroll", safe(() => this.scheduleLayout(), "scroll"), opts);
      doc.addEventListener("mousemove", safe((e) => this.onMouseMove(e), "mousemove"), opts);
      doc.addEventListener("pointerdown", safe((e) => this.onPointerDown(e), "pointerdown"), opts);
      window.addEventListener("resize", safe(() => this.scheduleLayout(), "resize"), opts);
      window.addEventListener("keydown", safe((e) => this.onKeyDown(e), "keydown"), { capture: true, signal });

      const onMessage = (msg, sender, sendResponse) => {
        try {
          if (!msg || msg.type !== "pg-status" || window !== window.top) return false;
          sendResponse(this.status());
        } catch (e) {
          debug("status failed", e);
        }
        return false;
      };
      api.runtime.onMessage.addListener(onMessage);
      const unsubscribe = S.onChanged(safe((settings, keys) => this.onSettings(settings, keys), "settings"));
      signal.addEventListener("abort", () => {
        try {
          api.runtime.onMessage.removeListener(onMessage);
          unsubscribe();
        } catch (e) {
          /* context gone */
        }
      });

      const target = document.body || document.documentElement;
      this.observer = new MutationObserver(safe((records) => this.onDocMutations(records), "document observer"));
      this.observer.observe(target, { childList: true, subtree: true });
      signal.addEventListener("abort", () => this.observer.disconnect());

      if (this.site.init) {
        try {
          this.site.init(signal, { track: (el) => this.trackFromAdapter(el), rescan: () => this.scan(document) });
        } catch (e) {
          debug("adapter init failed", e);
        }
      }
      this.scan(document);
      const active = deepActiveElement();
      if (active) {
        const el = this.editorFromPath([active]);
        if (el) this.ensureSession(el).onEdit();
      }
    }

    stop() {
      this.controller.abort();
      clearTimeout(this.scanTimer);
      clearTimeout(this.tickTimer);
      clearTimeout(this.hover.openTimer);
      clearTimeout(this.hover.closeTimer);
      if (this.layoutFrame) cancelAnimationFrame(this.layoutFrame);
      this.closeCard(false);
      for (const s of this.sessions) s.destroy();
      this.sessions.clear();
    }

    status() {
      const states = {};
      for (const s of this.sessions) states[s.state] = (states[s.state] || 0) + 1;
      return {
        siteId: this.site.id,
        siteName: this.site.name,
        hostname: location.hostname,
        paused: this.paused,
        editors: this.sessions.size,
        states,
      };
    }

    // --- finding editors ---------------------------------------------------------------------

    acceptable(el) {
      if (!el || el.nodeType !== 1 || Overlay.isOwn(el)) return false;
      if (el.localName === "input" && !/^(text|)$/i.test(el.getAttribute("type") || "")) return false;
      const site = this.site;
      if (site.scope && !closestComposed(el, site.scope)) return false;
      if (el.matches(GLOBAL_EXCLUDE)) return false;
      if (site.exclude && (el.matches(site.exclude) || closestComposed(el, site.exclude))) return false;
      if (site.isEditor) {
        try {
          if (site.isEditor(el) === false) return false;
        } catch (e) {
          return false;
        }
      }
      return true;
    }

    /** The editable element for a selector hit (the hit itself, or an editable inside it). */
    resolveEditable(el) {
      if (isField(el) || el.isContentEditable) {
        if (isField(el)) return el;
        // The editing host, not an inner node of it.
        let host = el;
        while (host.parentElement && host.parentElement.isContentEditable) host = host.parentElement;
        return host;
      }
      return el.querySelector(EDITABLE_INSIDE);
    }

    editorFromPath(path) {
      const site = this.site;
      const stop = document.body;
      let first = null;
      for (const node of path) {
        if (!node || node.nodeType !== 1) continue;
        if (Overlay.isOwn(node)) return null;
        if (this.byEditor.has(node)) return node;
        if (!first) first = node;
        if (site.editorSelector && node.matches(site.editorSelector)) {
          const el = this.resolveEditable(node);
          if (el && this.acceptable(el)) return el;
        }
        if (node === stop) break;
      }
      if (!site.fallback) return null;
      for (const node of path) {
        if (!node || node.nodeType !== 1) continue;
        if (node === stop) break;
        if (isEditableRoot(node)) return this.acceptable(node) ? node : null;
      }
      return null;
    }

    ensureSession(el) {
      let session = this.byEditor.get(el);
      if (session && !session.destroyed) return session;
      session = new Session(this, el);
      this.byEditor.set(el, session);
      this.sessions.add(session);
      if (this.paused) session.state = "paused";
      this.render(session);
      this.ensureTick();
      return session;
    }

    trackFromAdapter(el) {
      try {
        if (el && this.acceptable(el)) this.ensureSession(el).onEdit();
      } catch (e) {
        debug("track failed", e);
      }
    }

    sessionFromPath(path) {
      for (const node of path) {
        if (node && node.nodeType === 1) {
          const s = this.byEditor.get(node);
          if (s && !s.destroyed) return s;
        }
      }
      return null;
    }

    destroySession(session) {
      if (this.card && this.card.session === session) this.closeCard(false);
      if (this.focused === session) this.focused = null;
      session.destroy();
      this.sessions.delete(session);
    }

    onFocusIn(e) {
      const path = e.composedPath();
      if (path.length && Overlay.isOwn(path[0])) return;
      const el = this.editorFromPath(path);
      if (!el) {
        this.focused = null;
        this.scheduleLayout();
        return;
      }
      const session = this.ensureSession(el);
      this.focused = session;
      session.onEdit();
      this.scheduleLayout();
    }

    /** The session of the editor an event happened in, started if need be; null outside editors. */
    sessionForEvent(e) {
      const path = e.composedPath();
      const session = this.sessionFromPath(path);
      if (session) return session;
      const el = this.editorFromPath(path);
      return el ? this.ensureSession(el) : null;
    }

    onInput(e) {
      const session = this.sessionForEvent(e);
      if (session) session.onEdit();
    }

    onPaste(e) {
      const session = this.sessionForEvent(e);
      if (!session) return;
      // The pasted text lands after this event: check at once on the next change.
      session.pasted = true;
      setTimeout(safe(() => session.onEdit(), "paste"), 0);
    }

    onComposition(e, starting) {
      const session = this.sessionFromPath(e.composedPath());
      if (!session) return;
      session.composing = starting;
      if (!starting) session.onEdit();
    }

    /** Late-mounting editors: batch added nodes and look at them a moment later. */
    onDocMutations(records) {
      let interesting = false;
      for (const r of records) {
        const target = r.target;
        if (Overlay.isOwn(target)) continue;
        if (this.insideTracked(target)) continue;
        if (r.removedNodes.length) this.needSweep = true;
        for (const n of r.addedNodes) {
          if (n.nodeType === 1 && !Overlay.isOwn(n)) {
            if (this.pendingAdded.size < 400) this.pendingAdded.add(n);
            else this.pendingAdded.add(document.documentElement);
            interesting = true;
          }
        }
      }
      if ((interesting || this.needSweep) && !this.scanTimer) {
        this.scanTimer = setTimeout(safe(() => this.flushPending(), "scan"), 200);
      }
    }

    insideTracked(node) {
      for (const s of this.sessions) if (s.editor === node || s.editor.contains(node)) return true;
      return false;
    }

    flushPending() {
      this.scanTimer = 0;
      const nodes = this.pendingAdded;
      this.pendingAdded = new Set();
      if (nodes.has(document.documentElement)) this.scan(document);
      else for (const n of nodes) if (n.isConnected) this.scan(n);
      if (this.needSweep) {
        this.needSweep = false;
        this.sweep();
      }
    }

    sweep() {
      for (const s of [...this.sessions]) if (!s.editor.isConnected) this.destroySession(s);
      this.scheduleLayout();
    }

    /** Looks for editors under root (a node, document or shadow root); tracks pre-filled ones. */
    scan(root, withoutShadows) {
      const sel = this.site.editorSelector;
      const consider = (el) => {
        const editable = this.resolveEditable(el);
        if (!editable || this.byEditor.has(editable) || !this.acceptable(editable)) return;
        if (hasText(editable) || editable === deepActiveElement()) this.ensureSession(editable).onEdit();
      };
      if (sel) {
        if (root.nodeType === 1 && root.matches(sel)) consider(root);
        for (const el of root.querySelectorAll(sel)) consider(el);
      }
      if (this.site.shadow && !withoutShadows) this.scanShadows(root, 0);
    }

    /** Open shadow roots (Reddit): observe them and look inside for editors. */
    scanShadows(root, depth) {
      if (depth > 6) return;
      const start = root.nodeType === 1 ? [root] : [];
      const all = start.concat([...root.querySelectorAll("*")]);
      for (const el of all) {
        const sr = el.shadowRoot;
        if (!sr || this.observedRoots.has(sr)) continue;
        this.observedRoots.add(sr);
        try {
          this.observer.observe(sr, { childList: true, subtree: true });
        } catch (e) {
          /* ignore */
        }
        this.scan(sr, true);
        this.scanShadows(sr, depth + 1);
      }
    }

    ensureTick() {
      if (this.tickTimer || this.signal.aborted) return;
      this.tickTimer = setTimeout(safe(() => this.tick(), "tick"), TICK_MS);
    }

    /** Low-frequency housekeeping: detached editors, value changes made by the page, moves. */
    tick() {
      this.tickTimer = 0;
      if (this.signal.aborted) return;
      let moved = false;
      for (const s of [...this.sessions]) {
        if (!s.editor.isConnected) {
          this.destroySession(s);
          continue;
        }
        if (s.field && s.editor.value !== s.text) s.onEdit();
        if (s.badge || s.ulEls.length) {
          const r = s.editor.getBoundingClientRect();
          const key = r.left + "," + r.top + "," + r.width + "," + r.height;
          if (key !== s.lastRectKey) moved = true;
        }
      }
      if (moved) this.scheduleLayout();
      if (this.sessions.size) this.ensureTick();
    }

    // --- settings ------------------------------------------------------------------------------

    onSettings(settings, keys) {
      const wasPaused = this.paused;
      this.settings = settings;
      this.ignoredPhrases = new Set(settings.ignoredPhrases);
      this.paused = this.computePaused();
      const recheck = keys.includes("personalTerms") || keys.includes("serverUrl");
      if (!settings.statsEnabled) for (const s of this.sessions) s.statsSeen = null;
      if (keys.includes("serverUrl")) {
        this.guidance = null;
        this.guidancePromise = null;
      }
      for (const s of this.sessions) {
        if (this.paused) {
          s.cancelTimers();
          s.latestRequest = ++requestCounter;
          s.warnings = [];
          s.refresh("paused");
        } else if (wasPaused || recheck) {
          s.retryDelay = RETRY_MIN_MS;
          s.refresh(s.text.trim() ? "checking" : "clear");
          if (s.text.trim()) s.check();
        } else {
          s.refresh();
        }
      }
      if (this.card) this.renderCard();
    }

    // --- guidance catalogue (not user text; fetched once by the background) ---------------------

    loadGuidance() {
      if (this.guidance || this.guidancePromise) return this.guidancePromise;
      this.guidancePromise = send({ type: "guidance" })
        .then((resp) => {
          if (resp && resp.status === "ok" && resp.guidance) {
            this.guidance = resp.guidance;
            if (this.card) this.renderCard();
          } else {
            this.guidancePromise = null;
          }
        })
        .catch(() => {
          this.guidancePromise = null;
        });
      return this.guidancePromise;
    }

    category(id) {
      const cats = this.guidance && Array.isArray(this.guidance.categories) ? this.guidance.categories : [];
      return cats.find((c) => c && c.id === id) || null;
    }

    // --- drawing -------------------------------------------------------------------------------

    render(session) {
      const layer = Overlay.layer();
      if (!layer || session.destroyed) return;
      this.updateBadge(session, layer);
      this.scheduleLayout();
      if (this.card && this.card.session === session) {
        const key = this.card.lineKey;
        if (!key || session.lines.some((l) => l.key === key)) this.renderCard();
        else this.closeCard(false);
      }
    }

    updateBadge(session, layer) {
      let badge = session.badge;
      if (!badge) {
        badge = Overlay.h("div", {
          className: "pg-badge",
          attrs: { "role": "button", "tabindex": "0", "aria-haspopup": "dialog", "aria-expanded": "false", "data-editor": session.id },
          on: {
            mousedown: (e) => e.preventDefault(), // keep the caret where it is
            click: safe((e) => {
              e.stopPropagation();
              this.toggleCard(session, null, true, false);
            }, "badge click"),
            keydown: safe((e) => {
              if (e.key === "Enter" || e.key === " ") {
                e.preventDefault();
                e.stopPropagation();
                this.toggleCard(session, null, true, true);
              }
            }, "badge key"),
          },
        });
        badge.style.display = "none";
        session.badge = badge;
        layer.appendChild(badge);
      } else if (badge.parentNode !== layer) {
        layer.appendChild(badge);
      }
      const state = session.state;
      const count = session.shown.length;
      const severity = maxSeverity(session.shown);
      badge.setAttribute("data-state", state);
      if (state === "warnings") {
        badge.setAttribute("data-count", String(count));
        badge.setAttribute("data-severity", severity);
      } else if (state === "clear") {
        badge.setAttribute("data-count", "0");
        badge.removeAttribute("data-severity");
      } else {
        badge.removeAttribute("data-count");
        badge.removeAttribute("data-severity");
      }
      let text;
      let label;
      if (state === "warnings") {
        text = String(count);
        label = `PostGuard: ${count} ${count === 1 ? "warning" : "warnings"}, highest ${severity}. Show details.`;
      } else if (state === "clear") {
        text = "\u2713";
        label = "PostGuard: no warnings.";
      } else if (state === "offline") {
        text = OFFLINE_SHORT;
        label = "PostGuard can't check this post: its server is not running on this computer. " +
          "Start it with scripts/run in the PostGuard folder. Show details.";
      } else if (state === "paused") {
        text = "PostGuard paused";
        label = "PostGuard is paused on this site. Show details.";
      } else {
        text = session.badgeText && session.badgeText !== OFFLINE_SHORT && session.badgeText !== "PostGuard paused" ? session.badgeText : "\u2026";
        label = "PostGuard is checking this post.";
      }
      if (badge.textContent !== text) badge.textContent = text;
      const announced = state === "warnings" || state === "offline" ? state + count : "";
      if (announced !== session.announced) {
        session.announced = announced;
        if (announced && session.editor === deepActiveElement()) Overlay.announce(label.replace(/ Show details\.$/, ""));
      }
      session.badgeText = text;
      badge.setAttribute("aria-label", label);
      badge.setAttribute("title", label);
    }

    scheduleLayout() {
      if (this.layoutFrame || this.signal.aborted) return;
      this.layoutFrame = requestAnimationFrame(safe(() => {
        this.layoutFrame = 0;
        this.layoutAll();
      }, "layout"));
    }

    layoutAll() {
      for (const s of [...this.sessions]) {
        try {
          this.layout(s);
        } catch (e) {
          debug("layout failed", e);
          this.hideSession(s);
        }
      }
      if (this.card) this.positionCard();
    }

    hideSession(s) {
      if (s.badge) s.badge.style.display = "none";
      for (const el of s.ulEls) el.remove();
      s.ulEls = [];
      s.hitRects = [];
    }

    layout(s) {
      const ed = s.editor;
      if (!ed.isConnected) {
        this.destroySession(s);
        return;
      }
      const r = ed.getBoundingClientRect();
      s.lastRectKey = r.left + "," + r.top + "," + r.width + "," + r.height;
      const vw = document.documentElement.clientWidth || window.innerWidth;
      const vh = document.documentElement.clientHeight || window.innerHeight;
      let visible = r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < vh && r.left < vw;
      if (visible && typeof ed.checkVisibility === "function") {
        visible = ed.checkVisibility({ visibilityProperty: true });
      }
      if (!visible) {
        this.hideSession(s);
        return;
      }
      // Badge: bottom-right corner of the editor box, while it is in use.
      const focused = ed === deepActiveElement();
      const wantBadge = !!s.badge && (focused || s.text.trim() !== "" || (this.card && this.card.session === s));
      if (wantBadge) {
        const b = s.badge;
        b.style.display = "";
        const bw = b.offsetWidth || 20;
        const bh = b.offsetHeight || 20;
        let left = r.right - bw - 4;
        let top = r.bottom - bh - 4;
        left = Math.max(2, Math.min(left, vw - bw - 2));
        top = Math.max(2, Math.min(top, vh - bh - 2));
        Overlay.place(b, left, top);
      } else if (s.badge) {
        s.badge.style.display = "none";
      }
      this.layoutUnderlines(s, r, vw, vh);
    }

    layoutUnderlines(s, edRect, vw, vh) {
      const layer = Overlay.layer();
      const lines = s.state === "paused" || s.state === "offline" ? [] : s.lines;
      let rectsPerLine;
      if (!lines.length) {
        rectsPerLine = [];
      } else if (s.field) {
        rectsPerLine = Mirror.rectsFor(s.editor, s.text, lines.map((l) => [l.start, l.end]));
      } else {
        if (!s.snap || !Extract.isFresh(s.snap)) {
          // The editor re-rendered since we read it: read again next frame, draw nothing stale.
          s.onEdit();
          rectsPerLine = [];
        } else {
          rectsPerLine = lines.map((l) => Extract.rectsFor(s.snap, l.start, l.end));
        }
      }
      // Clip to the editor box (internal scrolling) and the viewport.
      const clipTop = Math.max(0, edRect.top - 2);
      const clipBottom = Math.min(vh, edRect.bottom + 4);
      const clipLeft = Math.max(0, edRect.left - 2);
      const clipRight = Math.min(vw, edRect.right + 2);
      const items = [];
      rectsPerLine.forEach((rects, i) => {
        for (const rc of rects) {
          const bottom = rc.top + rc.height;
          if (bottom < clipTop || rc.top > clipBottom) continue;
          const left = Math.max(rc.left, clipLeft);
          const right = Math.min(rc.left + rc.width, clipRight);
          if (right - left < 1) continue;
          items.push({ line: lines[i], left, right, top: rc.top, bottom });
        }
      });
      while (s.ulEls.length > items.length) s.ulEls.pop().remove();
      s.hitRects = [];
      items.forEach((it, i) => {
        let el = s.ulEls[i];
        if (!el) {
          el = Overlay.h("div", { className: "pg-underline", attrs: { "data-editor": s.id, "aria-hidden": "true" } });
          el.addEventListener("mousedown", (e) => e.preventDefault()); // keep the editor's caret
          el.addEventListener("click", safe((e) => {
            e.stopPropagation();
            const key = el.getAttribute("data-key");
            this.openCard(s, key, true, false);
          }, "underline click"));
          s.ulEls.push(el);
        }
        if (el.parentNode !== layer) layer.appendChild(el);
        const line = it.line;
        if (el.getAttribute("data-key") !== line.key) {
          el.setAttribute("data-key", line.key);
          el.setAttribute("data-start", String(line.start));
          el.setAttribute("data-end", String(line.end));
        }
        el.setAttribute("data-severity", line.severity);
        el.setAttribute("data-category", line.category);
        el.setAttribute("data-rule", line.rule);
        el.style.display = "";
        el.classList.toggle("pg-active", !!(this.card && this.card.session === s && this.card.lineKey === line.key));
        // A thin strip along the bottom of the words (ending 1px below them): the text itself
        // stays clickable for the editor.
        Overlay.place(el, it.left, it.bottom - 3, it.right - it.left, 4);
        s.hitRects.push({ left: it.left, right: it.right, top: it.top, bottom: it.bottom + 2, key: line.key });
      });
    }

    // --- hover / click -------------------------------------------------------------------------

    hitTest(x, y) {
      for (const s of this.sessions) {
        for (const h of s.hitRects) {
          if (x >= h.left - 1 && x <= h.right + 1 && y >= h.top - 1 && y <= h.bottom + 1) return { session: s, key: h.key };
        }
      }
      return null;
    }

    onMouseMove(e) {
      const hv = this.hover;
      hv.x = e.clientX;
      hv.y = e.clientY;
      hv.overCard = !!(this.card && e.composedPath().includes(this.card.el));
      if (hv.frame) return;
      let any = false;
      for (const s of this.sessions) if (s.hitRects.length) any = true;
      if (!any && !this.card) return;
      hv.frame = requestAnimationFrame(safe(() => {
        hv.frame = 0;
        this.hoverUpdate();
      }, "hover"));
    }

    hoverUpdate() {
      const hv = this.hover;
      const hit = this.hitTest(hv.x, hv.y);
      const card = this.card;
      if (hit) {
        clearTimeout(hv.closeTimer);
        hv.closeTimer = 0;
        if (card && card.session === hit.session && card.lineKey === hit.key) return;
        if (card && card.pinned) return; // a card opened by click stays until closed
        const key = hit.session.id + "|" + hit.key;
        if (hv.target === key && hv.openTimer) return;
        clearTimeout(hv.openTimer);
        hv.target = key;
        hv.openTimer = setTimeout(safe(() => {
          hv.openTimer = 0;
          hv.target = null;
          const again = this.hitTest(hv.x, hv.y);
          if (again && again.session === hit.session && again.key === hit.key) this.openCard(hit.session, hit.key, false, false);
        }, "hover open"), HOVER_OPEN_MS);
        return;
      }
      clearTimeout(hv.openTimer);
      hv.openTimer = 0;
      hv.target = null;
      if (card && !card.pinned && !hv.overCard && !hv.closeTimer) {
        hv.closeTimer = setTimeout(safe(() => {
          hv.closeTimer = 0;
          if (this.card && !this.card.pinned && !this.hover.overCard && !this.hitTest(this.hover.x, this.hover.y)) this.closeCard(false);
        }, "hover close"), HOVER_CLOSE_MS);
      }
    }

    onPointerDown(e) {
      if (!this.card) return;
      const path = e.composedPath();
      if (path.includes(this.card.el)) {
        this.card.pinned = true; // interacting with it: keep it open
        return;
      }
      for (const n of path) {
        if (n && n.classList && (n.classList.contains("pg-badge") || n.classList.contains("pg-underline"))) return;
      }
      this.closeCard(false);
    }

    onKeyDown(e) {
      if (e.key !== "Escape" || !this.card) return;
      const inCard = e.composedPath().includes(this.card.el);
      this.closeCard(inCard || this.card.returnFocus);
      e.preventDefault();
      e.stopPropagation();
    }

    // --- card ----------------------------------------------------------------------------------

    toggleCard(session, lineKey, pinned, viaKeyboard) {
      if (this.card && this.card.session === session && this.card.lineKey === lineKey) {
        this.closeCard(viaKeyboard);
        return;
      }
      this.openCard(session, lineKey, pinned, viaKeyboard);
    }

    openCard(session, lineKey, pinned, viaKeyboard) {
      if (session.destroyed) return;
      const layer = Overlay.layer();
      if (!layer) return;
      if (this.card) this.closeCard(false);
      const el = Overlay.h("div", {
        className: "pg-card",
        attrs: { "role": "dialog", "aria-modal": "false", "tabindex": "-1", "data-editor": session.id, "aria-labelledby": "pg-card-title" },
      });
      this.card = { session, lineKey, pinned, el, returnFocus: viaKeyboard };
      layer.appendChild(el);
      if (session.badge) session.badge.setAttribute("aria-expanded", "true");
      this.renderCard();
      if (session.shown.length) this.loadGuidance();
      this.scheduleLayout();
      if (viaKeyboard) el.focus({ preventScroll: true });
    }

    closeCard(restoreFocus) {
      const card = this.card;
      if (!card) return;
      this.card = null;
      clearTimeout(card.guidanceTimer);
      const hadFocus = card.el.contains(card.el.getRootNode().activeElement) || card.el.getRootNode().activeElement === card.el;
      card.el.remove();
      const badge = card.session.badge;
      if (badge) {
        badge.setAttribute("aria-expanded", "false");
        if ((restoreFocus || hadFocus) && badge.isConnected && badge.style.display !== "none") badge.focus({ preventScroll: true });
      }
      this.scheduleLayout();
    }

    renderCard() {
      const card = this.card;
      if (!card) return;
      const s = card.session;
      const h = Overlay.h;
      const el = card.el;
      const scroll = el.scrollTop;
      const active = el.getRootNode().activeElement;
      const hadFocus = !!active && (active === el || el.contains(active));
      el.replaceChildren();
      let indices = s.shown.map((_, i) => i);
      if (card.lineKey) {
        const line = s.lines.find((l) => l.key === card.lineKey);
        if (!line) {
          this.closeCard(false);
          return;
        }
        indices = line.warnings;
      }
      const body = h("div", { className: "pg-card-body" });
      let title;
      if (s.state === "offline") {
        title = "PostGuard can't check this post";
        body.appendChild(h("p", { className: "pg-note pg-offline-text" }, [
          "The PostGuard server is not running on this computer, so this post has not been checked. " +
            "Start it by running ",
          h("span", { className: "pg-code", text: "scripts/run" }),
          " in the PostGuard folder. PostGuard will try again by itself.",
        ]));
        if (s.offlineDetail) body.appendChild(h("p", { className: "pg-note", text: "The server answered: " + s.offlineDetail }));
        body.appendChild(h("p", { className: "pg-privacy", text: "Server address: " + this.settings.serverUrl + " (change it in PostGuard's options)." }));
      } else if (s.state === "paused") {
        title = "PostGuard is paused here";
        body.appendChild(h("p", { className: "pg-note", text: "PostGuard is turned off for this site, so posts here are not checked." }));
        body.appendChild(h("button", {
          className: "pg-resume",
          attrs: { type: "button" },
          text: "Turn PostGuard on for this site",
          on: { click: safe(() => this.resume(), "resume") },
        }));
      } else if (!indices.length) {
        title = s.state === "checking" ? "Checking\u2026" : "No warnings";
        body.appendChild(h("p", {
          className: "pg-note",
          text: s.state === "checking" ? "PostGuard is checking this post." : "PostGuard found nothing in this post that risks confidentiality or professional guidance.",
        }));
      } else if (!this.guidance && this.guidancePromise && !card.guidanceWaited) {
        // The catalogue (titles, advice, links) is on its way: show it complete in a moment.
        title = "PostGuard";
        body.appendChild(h("p", { className: "pg-note", text: "Loading the guidance\u2026" }));
        if (!card.guidanceTimer) {
          card.guidanceTimer = setTimeout(safe(() => {
            card.guidanceWaited = true;
            if (this.card === card) this.renderCard();
          }, "guidance wait"), 1500);
        }
      } else {
        title = indices.length === 1 ? "PostGuard: 1 warning" : `PostGuard: ${indices.length} warnings`;
        for (const i of indices) {
          const w = s.shown[i];
          if (w) body.appendChild(this.warningView(s, w));
        }
        const org = this.guidance && this.guidance.organisation;
        if (org && Array.isArray(org.contacts) && org.contacts.length) {
          const list = h("ul");
          for (const c of org.contacts) {
            if (!c) continue;
            list.appendChild(h("li", null, [h("span", { text: String(c.label || "") + ": " }), h("strong", { text: String(c.value || "") })]));
          }
          const orgName = String(org.shortName || org.name || "your medical defence organisation");
          const advice = S.safeHttpUrl(org.adviceUrl);
          body.appendChild(h("div", { className: "pg-contacts" }, [
            h("div", { text: "Not sure? Ask " + orgName + " for advice:" }),
            list,
            advice ? h("a", { className: "pg-link", attrs: { href: advice, target: "_blank", rel: "noopener noreferrer" }, text: "Advice from " + orgName }) : null,
          ]));
        }
      }
      const head = h("div", { className: "pg-card-head" }, [
        h("h2", { className: "pg-card-title", attrs: { id: "pg-card-title" }, text: title }),
        h("button", {
          className: "pg-close",
          attrs: { "type": "button", "aria-label": "Close" },
          text: "\u00d7",
          on: { click: safe(() => this.closeCard(true), "close") },
        }),
      ]);
      el.appendChild(head);
      el.appendChild(body);
      el.scrollTop = scroll;
      if (hadFocus) el.focus({ preventScroll: true }); // the button that had focus was rebuilt
      this.positionCard();
    }

    warningView(s, w) {
      const h = Overlay.h;
      const cat = this.category(w.guidance) || this.category(w.category);
      const text = s.text;
      const signals = h("ul");
      for (const sig of w.signals) {
        signals.appendChild(h("li", null, [
          h("span", { className: "pg-kind", text: S.kindLabel(sig.kind) }),
          ": ",
          h("span", { className: "pg-quote", text: "\u201c" + text.slice(sig.start, sig.end) + "\u201d" }),
        ]));
      }
      const instead = h("ul");
      const insteadItems = cat && Array.isArray(cat.instead) && cat.instead.length ? cat.instead
        : ["Remove or change the highlighted details, or keep this for a private, appropriate setting."];
      for (const item of insteadItems) instead.appendChild(h("li", { text: String(item) }));
      const links = h("div", { className: "pg-links" });
      const catLinks = (cat && Array.isArray(cat.links) ? cat.links : []).filter((l) => l && S.safeHttpUrl(l.url));
      for (const link of catLinks.length ? catLinks : [FALLBACK_LINK]) {
        const href = S.safeHttpUrl(link.url);
        links.appendChild(h("a", {
          className: "pg-link",
          attrs: { href, target: "_blank", rel: "noopener noreferrer" },
          text: String(link.title || href),
        }));
      }
      const section = h("section", {
        className: "pg-warning",
        attrs: { "data-rule": w.rule, "data-severity": w.severity, "data-category": w.category },
      }, [
        h("div", { className: "pg-warning-head" }, [
          h("span", { className: "pg-sev", text: SEVERITY_WORD[w.severity] || w.severity }),
          h("h3", { className: "pg-category", text: cat && cat.title ? String(cat.title) : w.category.replace(/-/g, " ") }),
        ]),
        h("p", { className: "pg-message", text: w.message }),
        h("div", { className: "pg-signals" }, [
          h("p", { className: "pg-subhead", text: signalsHeading(w) }),
          signals,
        ]),
        h("div", { className: "pg-instead" }, [h("p", { className: "pg-subhead", text: "What to do instead" }), instead]),
        links,
        h("div", { className: "pg-actions" }, [
          h("button", {
            className: "pg-ignore",
            attrs: { type: "button", title: "Hide this warning for this post" },
            text: "Ignore",
            on: { click: safe(() => this.ignore(s, w), "ignore") },
          }),
          h("button", {
            className: "pg-never",
            attrs: { type: "button", title: "Never warn about this phrase again (you can undo this in the options)" },
            text: "Don't warn about this phrase again",
            on: { click: safe(() => this.never(s, w), "never") },
          }),
        ]),
      ]);
      return section;
    }

    positionCard() {
      const card = this.card;
      if (!card) return;
      const s = card.session;
      const el = card.el;
      const vw = document.documentElement.clientWidth || window.innerWidth;
      const vh = document.documentElement.clientHeight || window.innerHeight;
      let anchor = null;
      if (card.lineKey) {
        const hit = s.hitRects.find((r) => r.key === card.lineKey);
        if (hit) anchor = { left: hit.left, top: hit.top, bottom: hit.bottom };
      }
      if (!anchor && s.badge && s.badge.style.display !== "none") {
        const b = s.badge.getBoundingClientRect();
        anchor = { left: b.right - 360, top: b.top, bottom: b.bottom };
      }
      if (!anchor) {
        const r = s.editor.getBoundingClientRect();
        anchor = { left: r.left, top: r.top, bottom: r.bottom };
      }
      const w = el.offsetWidth || 360;
      const hgt = el.offsetHeight || 200;
      let left = Math.max(8, Math.min(anchor.left, vw - w - 8));
      let top = anchor.bottom + 6;
      if (top + hgt > vh - 8 && anchor.top - hgt - 6 >= 8) top = anchor.top - hgt - 6;
      top = Math.max(8, Math.min(top, vh - hgt - 8));
      Overlay.place(el, left, top);
    }

    ignore(s, w) {
      this.statsOutcome(s, w, "dismissed");
      s.ignored.add(ignoreKey(w, s.text));
      s.refresh();
    }

    never(s, w) {
      const first = w.signals[0];
      const phrase = S.normalisePhrase(s.text.slice(first.start, first.end));
      if (!phrase) return;
      this.statsOutcome(s, w, "ignored");
      this.ignoredPhrases.add(phrase);
      for (const other of this.sessions) other.refresh();
      S.load()
        .then((settings) => {
          const list = settings.ignoredPhrases;
          if (!list.includes(phrase)) list.push(phrase);
          return S.save({ ignoredPhrases: list });
        })
        .catch((e) => debug("saving phrase failed", e));
    }

    resume() {
      const host = location.hostname;
      S.load()
        .then((settings) => {
          const patch = {};
          if (settings.disabledHosts[host]) {
            delete settings.disabledHosts[host];
            patch.disabledHosts = settings.disabledHosts;
          }
          if (settings.disabledSites[this.site.id]) {
            delete settings.disabledSites[this.site.id];
            patch.disabledSites = settings.disabledSites;
          }
          return S.save(patch);
        })
        .catch((e) => debug("resume failed", e));
      this.closeCard(false);
    }
  }

  // Small helpers adapters may use (inside their own functions, never at load time).
  const util = Object.freeze({ closestComposed, deepActiveElement, isEditableRoot });

  PG.registerSite = registerSite;
  PG.util = util;
  PG._test = Object.freeze({ rebase, validate, diffRegion });
})();
