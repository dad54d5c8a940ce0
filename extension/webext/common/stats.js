// PostGuard statistics: opt-in, anonymous, noisy counts of warnings (off by default).
//
// What is counted, only while the user has switched statistics on: per UTC day, platform, category
// and severity, how many warnings were shown and what became of them (edited away before posting,
// dismissed with "Ignore", ignored for good with "Don't warn about this phrase again"). Nothing
// else: no text, no phrase, no web address, no account, no install id, no time finer than a day.
//
// Counts live in storage.local keyed by UTC day ("statsCounts"). When a day is over, its counts
// get two-sided geometric noise on this device (epsilon = 1 per count, clamped at 0) and become the
// pending batch ("statsPending"), which is exactly the JSON the options page previews and the one
// request that sends it: POST <collector>/api/v1/stats, at most once a day.
//
// One file, two uses: the pure functions (noise, batch building) are used by the pages and by the
// Node tests (extension/src/test/js/); Service holds the storage and sending logic and runs in the
// background only, with its storage, fetch, clock and random source passed in.
(() => {
  "use strict";
  if (globalThis.PGStats) return;

  const SCHEMA = 1;
  // The same lists as the server's StatsGrid (StatsGridAgreementTest compares them).
  const PLATFORMS = Object.freeze(["x", "facebook", "messenger", "linkedin", "instagram", "reddit", "youtube",
    "whatsapp", "threads", "bluesky", "mastodon", "doctors.net.uk", "generic"]);
  const CATEGORIES = Object.freeze(["confidentiality", "patient-images", "boundaries", "respect",
    "conflict-of-interest", "complaint-response", "professionalism"]);
  const SEVERITIES = Object.freeze(["low", "medium", "high"]);
  const COUNTS = Object.freeze(["shown", "editedAway", "dismissed", "ignored"]);
  const EPSILON = 1; // privacy budget of one count in one report (see README: Statistics)
  const MAX_COUNT = 1000; // the server refuses larger counts
  const MAX_PENDING_DAYS = 7; // older unsent days are dropped
  const KEYS = Object.freeze({ counts: "statsCounts", pending: "statsPending", lastSent: "statsLastSent", status: "statsStatus" });
  const SEND_TIMEOUT_MS = 15000;

  /** "yyyy-mm-dd" of a Date in UTC. */
  function utcDay(date) {
    return date.toISOString().slice(0, 10);
  }

  /** A uniform number in [0, 1) from the browser's cryptographic generator (53 bits). */
  function cryptoRandom() {
    const words = new Uint32Array(2);
    globalThis.crypto.getRandomValues(words);
    return (words[0] * 2 ** 21 + (words[1] >>> 11)) / 2 ** 53;
  }

  /** Geometric on {0, 1, 2, ...} with P(k) = (1 - a) a^k, a = e^-epsilon. */
  function geometric(epsilon, random) {
    const u = 1 - random(); // (0, 1]
    return Math.floor(-Math.log(u) / epsilon);
  }

  /**
   * Two-sided geometric ("discrete Laplace") noise: P(k) = (1 - a) / (1 + a) * a^|k|, a = e^-epsilon.
   * Changing a true count by 1 changes the probability of any noisy value by at most e^epsilon.
   */
  function noise(epsilon, random) {
    return geometric(epsilon, random) - geometric(epsilon, random);
  }

  /** A count as reported: count + noise, clamped to 0..MAX_COUNT (post-processing keeps the guarantee). */
  function noisyCount(count, epsilon, random) {
    return Math.min(MAX_COUNT, Math.max(0, count + noise(epsilon, random)));
  }

  function cellKey(platform, category, severity) {
    return platform + "|" + category + "|" + severity;
  }

  /**
   * One day's report: every cell of the grid (13 platforms x 7 categories x 3 severities) noised,
   * so a missing row never tells that a count was 0; rows whose four noisy counts are all 0 are
   * left out (the server reads them as zeros). `counts` maps cellKey -> [shown, editedAway, dismissed, ignored].
   */
  function noiseDay(day, counts, random, epsilon) {
    const eps = epsilon || EPSILON;
    const rows = [];
    for (const platform of PLATFORMS) {
      for (const category of CATEGORIES) {
        for (const severity of SEVERITIES) {
          const truth = (counts && counts[cellKey(platform, category, severity)]) || [0, 0, 0, 0];
          const noisy = COUNTS.map((_, k) => noisyCount(Math.min(MAX_COUNT, truth[k] | 0), eps, random));
          if (noisy.some((n) => n > 0)) {
            rows.push({ platform, category, severity, shown: noisy[0], editedAway: noisy[1], dismissed: noisy[2], ignored: noisy[3] });
          }
        }
      }
    }
    return { day, counts: rows };
  }

  /** Sums of a day's counts (for "today so far"). */
  function totals(counts) {
    const sum = { shown: 0, editedAway: 0, dismissed: 0, ignored: 0 };
    for (const values of Object.values(counts || {})) COUNTS.forEach((k, i) => (sum[k] += values[i] | 0));
    return sum;
  }

  /** True for an event the content scripts may report. */
  function validEvent(e) {
    return !!e && COUNTS.includes(e.event) && PLATFORMS.includes(e.platform) && CATEGORIES.includes(e.category) &&
      SEVERITIES.includes(e.severity);
  }

  /**
   * The batch with its fields in schema order ({schema, days: [{day, counts: [{platform, ...}]}]}):
   * browsers' storage may hand objects back with their keys sorted. Keeps known fields only.
   */
  function canonical(batch) {
    if (!batch || !Array.isArray(batch.days)) return null;
    return {
      schema: SCHEMA,
      days: batch.days.map((d) => ({
        day: String(d.day),
        counts: (Array.isArray(d.counts) ? d.counts : []).map((r) => ({
          platform: r.platform, category: r.category, severity: r.severity,
          shown: r.shown, editedAway: r.editedAway, dismissed: r.dismissed, ignored: r.ignored,
        })),
      })),
    };
  }

  /** The pending batch as the pages show it: exactly what is sent, with line breaks added. */
  function previewText(pending) {
    return pending ? JSON.stringify(pending, null, 2) : "";
  }

  // ---------------------------------------------------------------------------------------------
  // The background's side: storage, day roll-over, sending. deps: { storage (a storage.local-like
  // area), fetch, now () => Date, random () => [0,1), settings async () => { enabled, collector } }.

  class Service {
    constructor(deps) {
      this.deps = deps;
      this.tail = Promise.resolve();
      this.sending = null; // AbortController of the request in flight
    }

    /** Runs fn after every earlier task, so read-modify-write of the counts never interleaves. */
    queue(fn) {
      const run = this.tail.then(fn, fn);
      this.tail = run.catch(() => {});
      return run;
    }

    today() {
      return utcDay(this.deps.now());
    }

    async read() {
      const got = await this.deps.storage.get([KEYS.counts, KEYS.pending, KEYS.lastSent, KEYS.status]);
      const counts = got[KEYS.counts] && typeof got[KEYS.counts] === "object" ? got[KEYS.counts] : {};
      return { counts, pending: canonical(got[KEYS.pending]), lastSent: got[KEYS.lastSent] || null, status: got[KEYS.status] || null };
    }

    /** Adds content-script events to today's counts (only while statistics are on). */
    record(events) {
      return this.queue(async () => {
        const settings = await this.deps.settings();
        if (!settings.enabled || !Array.isArray(events)) return { status: "off" };
        const list = events.filter(validEvent).slice(0, 200);
        if (!list.length) return { status: "ok" };
        const day = this.today();
        const { counts } = await this.read();
        const today = counts[day] || {};
        for (const e of list) {
          const key = cellKey(e.platform, e.category, e.severity);
          const values = today[key] || [0, 0, 0, 0];
          const k = COUNTS.indexOf(e.event);
          values[k] = Math.min(MAX_COUNT, values[k] + 1);
          today[key] = values;
        }
        counts[day] = today;
        await this.deps.storage.set({ [KEYS.counts]: counts });
        return { status: "ok" };
      });
    }

    /**
     * Marks today as a day PostGuard ran (a report of zeros is still a report: whether one is sent
     * does not depend on whether warnings were shown), and moves completed days into the pending
     * batch, noised. Writes only when something changed.
     */
    async rollOver(touchToday) {
      const today = this.today();
      const { counts, pending } = await this.read();
      let changed = false;
      if (touchToday && !counts[today]) {
        counts[today] = {};
        changed = true;
      }
      const done = Object.keys(counts).filter((day) => day < today).sort();
      if (!done.length && !changed) return;
      const days = pending && Array.isArray(pending.days) ? pending.days.slice() : [];
      for (const day of done) {
        if (!days.some((d) => d.day === day)) days.push(noiseDay(day, counts[day], this.deps.random));
        delete counts[day];
      }
      days.sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : 0));
      const kept = days.slice(-MAX_PENDING_DAYS);
      const patch = { [KEYS.counts]: counts };
      patch[KEYS.pending] = kept.length ? { schema: SCHEMA, days: kept } : null;
      await this.deps.storage.set(patch);
    }

    /** What the pages show: the pending batch (exact), today's running totals, the last send. */
    preview() {
      return this.queue(async () => {
        const settings = await this.deps.settings();
        if (settings.enabled) await this.rollOver(false);
        const { counts, pending, lastSent, status } = await this.read();
        const today = this.today();
        return {
          enabled: !!settings.enabled,
          collector: settings.collector,
          today: { day: today, totals: totals(counts[today]) },
          pending,
          lastSent,
          sentToday: lastSent === today,
          status,
        };
      });
    }

    /** The daily housekeeping (alarm, start-up): roll over, then send if a batch waits and none went today. */
    tick() {
      return this.queue(async () => {
        const settings = await this.deps.settings();
        if (!settings.enabled) return { status: "off" };
        await this.rollOver(true);
        return this.sendPending(settings);
      });
    }

    /** "Send now" in the options page: the same single daily batch, without waiting for the alarm. */
    sendNow() {
      return this.queue(async () => {
        const settings = await this.deps.settings();
        if (!settings.enabled) return { status: "off" };
        await this.rollOver(true);
        return this.sendPending(settings);
      });
    }

    async sendPending(settings) {
      const { pending, lastSent } = await this.read();
      const today = this.today();
      if (!pending || !pending.days || !pending.days.length) return { status: "nothing" };
      if (lastSent === today) return { status: "already-sent" };
      const ctrl = new AbortController();
      this.sending = ctrl;
      const timer = setTimeout(() => ctrl.abort(), SEND_TIMEOUT_MS);
      let result;
      try {
        const res = await this.deps.fetch(settings.collector + "/api/v1/stats", {
          method: "POST",
          headers: { "Content-Type": "application/json" },
          body: JSON.stringify(pending),
          signal: ctrl.signal,
          cache: "no-store",
          credentials: "omit",
          referrerPolicy: "no-referrer",
        });
        if (res.ok) result = { status: "sent", day: today, days: pending.days.length };
        else if (res.status >= 400 && res.status < 500) result = { status: "rejected", day: today, httpStatus: res.status };
        else result = { status: "failed", day: today, httpStatus: res.status };
      } catch (e) {
        result = { status: ctrl.signal.aborted ? "aborted" : "failed", day: today };
      } finally {
        clearTimeout(timer);
        if (this.sending === ctrl) this.sending = null;
      }
      if (result.status === "aborted") return result; // switched off meanwhile: disable() deletes everything
      const patch = { [KEYS.status]: result };
      if (result.status === "sent" || result.status === "rejected") {
        // Sent, or refused for good (retrying the same batch cannot help): either way it is gone.
        patch[KEYS.pending] = null;
        patch[KEYS.lastSent] = today;
      }
      await this.deps.storage.set(patch);
      return result;
    }

    /** Statistics switched off: stop any sending at once, then delete every count and waiting batch. */
    disable() {
      if (this.sending) this.sending.abort();
      return this.queue(async () => {
        if (this.sending) this.sending.abort();
        await this.deps.storage.remove([KEYS.counts, KEYS.pending, KEYS.lastSent, KEYS.status]);
        return { status: "off" };
      });
    }
  }

  globalThis.PGStats = Object.freeze({
    SCHEMA, PLATFORMS, CATEGORIES, SEVERITIES, COUNTS, EPSILON, MAX_COUNT, MAX_PENDING_DAYS, KEYS,
    utcDay, cryptoRandom, geometric, noise, noisyCount, cellKey, noiseDay, totals, validEvent, canonical, previewText, Service,
  });
})();
