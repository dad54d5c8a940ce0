// Tests of extension/webext/common/stats.js in Node (node --test, run by Maven's test phase):
// the noise's distribution, the report's shape, and the background's counting, roll-over and
// sending with a fake storage, clock and fetch. Random numbers come from a seeded generator, so
// every run draws the same numbers; the tolerances are several standard deviations wide.
"use strict";
const test = require("node:test");
const assert = require("node:assert/strict");
const fs = require("node:fs");
const path = require("node:path");
const vm = require("node:vm");

vm.runInThisContext(fs.readFileSync(path.join(__dirname, "../../../webext/common/stats.js"), "utf8"), { filename: "stats.js" });
const P = globalThis.PGStats;

/** mulberry32: a small seeded generator of numbers in [0, 1). */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ALPHA = Math.exp(-P.EPSILON);
const ZERO_ESTIMATE = -ALPHA / (1 - ALPHA); // what the server reads an observed 0 as (StatsGrid.zeroEstimate)

test("the noise is two-sided geometric: P(k) = (1-a)/(1+a) a^|k|, mean 0, variance 2a/(1-a)^2", () => {
  const random = seeded(1);
  const n = 200000;
  const hist = new Map();
  let sum = 0;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const z = P.noise(P.EPSILON, random);
    assert.ok(Number.isInteger(z));
    hist.set(z, (hist.get(z) || 0) + 1);
    sum += z;
    sq += z * z;
  }
  let chi = 0;
  for (let k = -5; k <= 5; k++) {
    const p = ((1 - ALPHA) / (1 + ALPHA)) * ALPHA ** Math.abs(k);
    const seen = hist.get(k) || 0;
    chi += (seen - n * p) ** 2 / (n * p);
    assert.ok(Math.abs(seen / n - p) < 5 * Math.sqrt((p * (1 - p)) / n), `P(${k}) = ${seen / n}, expected ${p}`);
  }
  assert.ok(chi < 35, `chi-squared over 11 values: ${chi}`); // p < 0.001 at 10 degrees of freedom is 29.6
  const mean = sum / n;
  const variance = sq / n - mean * mean;
  assert.ok(Math.abs(mean) < 0.02, `mean ${mean}`);
  assert.ok(Math.abs(variance - (2 * ALPHA) / (1 - ALPHA) ** 2) < 0.05, `variance ${variance}`);
});

test("noisy counts are never negative nor above the server's limit, and the server's estimate is unbiased", (t) => {
  const random = seeded(2);
  for (const c of [0, 1, 2, 5]) {
    const n = 100000;
    let est = 0;
    let sq = 0;
    for (let i = 0; i < n; i++) {
      const y = P.noisyCount(c, P.EPSILON, random);
      assert.ok(y >= 0 && y <= P.MAX_COUNT && Number.isInteger(y));
      const f = y > 0 ? y : ZERO_ESTIMATE;
      est += f;
      sq += f * f;
    }
    const mean = est / n;
    const variance = sq / n - mean * mean;
    assert.ok(Math.abs(mean - c) < 5 * Math.sqrt(2 / n), `estimate of a true ${c}: ${mean}`);
    t.diagnostic(`true count ${c}: mean estimate ${mean.toFixed(3)}, variance ${variance.toFixed(2)} per report`);
  }
  assert.equal(P.noisyCount(P.MAX_COUNT + 50, P.EPSILON, () => 0.999999), P.MAX_COUNT);
});

test("cryptoRandom gives numbers in [0, 1)", () => {
  let sum = 0;
  for (let i = 0; i < 20000; i++) {
    const u = P.cryptoRandom();
    assert.ok(u >= 0 && u < 1);
    sum += u;
  }
  assert.ok(Math.abs(sum / 20000 - 0.5) < 0.02);
});

test("a day's report covers the whole grid, holds only grid ids and counts, and leaves out all-zero rows", () => {
  const random = seeded(3);
  const counts = { [P.cellKey("x", "confidentiality", "high")]: [4, 2, 1, 0] };
  let rows = 0;
  const reports = 200;
  for (let i = 0; i < reports; i++) {
    const day = P.noiseDay("2026-11-30", counts, random);
    assert.deepEqual(Object.keys(day), ["day", "counts"]);
    for (const row of day.counts) {
      assert.deepEqual(Object.keys(row), ["platform", "category", "severity", "shown", "editedAway", "dismissed", "ignored"]);
      assert.ok(P.PLATFORMS.includes(row.platform) && P.CATEGORIES.includes(row.category) && P.SEVERITIES.includes(row.severity));
      assert.ok(row.shown + row.editedAway + row.dismissed + row.ignored > 0, "all-zero rows are left out");
    }
    rows += day.counts.length;
  }
  const cells = P.PLATFORMS.length * P.CATEGORIES.length * P.SEVERITIES.length;
  assert.equal(cells, 273);
  // A zero cell stays in the report unless all four noisy counts are 0: P = 1 - (1/(1+a))^4.
  const expected = 1 + (cells - 1) * (1 - (1 / (1 + ALPHA)) ** 4);
  assert.ok(Math.abs(rows / reports - expected) < 3, `rows per report ${rows / reports}, expected about ${expected.toFixed(1)}`);
});

test("estimates over many simulated doctors come close to the truth (the README's precision figures)", (t) => {
  const random = seeded(4);
  for (const doctors of [100, 1000]) {
    const trials = 20;
    const errors = [];
    for (let trial = 0; trial < trials; trial++) {
      let estimate = 0;
      let truth = 0;
      for (let d = 0; d < doctors; d++) {
        // A day of one doctor: 2 confidentiality warnings on X (one high, one medium).
        const counts = { [P.cellKey("x", "confidentiality", "high")]: [1, 0, 0, 0], [P.cellKey("x", "confidentiality", "medium")]: [1, 0, 0, 0] };
        truth += 2;
        const report = P.noiseDay("2026-11-30", counts, random);
        // The server's estimate of that day's confidentiality warnings: 39 cells per report.
        let nonzero = 0;
        for (const row of report.counts) {
          if (row.category !== "confidentiality") continue;
          estimate += row.shown;
          if (row.shown > 0) nonzero++;
        }
        estimate += (P.PLATFORMS.length * P.SEVERITIES.length - nonzero) * ZERO_ESTIMATE;
      }
      errors.push(estimate - truth);
    }
    const mean = errors.reduce((a, b) => a + b, 0) / trials;
    const sd = Math.sqrt(errors.reduce((a, b) => a + (b - mean) ** 2, 0) / (trials - 1));
    t.diagnostic(`${doctors} doctors, 2 confidentiality warnings each (truth ${2 * doctors}): estimate error mean ${mean.toFixed(1)}, sd ${sd.toFixed(1)}`);
    assert.ok(Math.abs(mean) < 4 * (sd / Math.sqrt(trials)) + 1, `no bias: mean error ${mean}`);
    assert.ok(sd < 1.6 * Math.sqrt(doctors * 39 * 1.2), `sd ${sd}`);
  }
});

// --- the background's Service ----------------------------------------------------------------

function fakeStorage() {
  const data = {};
  return {
    data,
    async get(keys) {
      const out = {};
      for (const k of keys) if (k in data) out[k] = JSON.parse(JSON.stringify(data[k]));
      return out;
    },
    async set(patch) {
      for (const [k, v] of Object.entries(patch)) data[k] = JSON.parse(JSON.stringify(v));
    },
    async remove(keys) {
      for (const k of keys) delete data[k];
    },
  };
}

function service(opts) {
  const storage = fakeStorage();
  const clock = { now: new Date("2026-11-30T10:00:00Z") };
  const sent = [];
  const state = { enabled: true, collector: "http://127.0.0.1:7341", status: 200 };
  const svc = new P.Service({
    storage,
    now: () => clock.now,
    random: seeded(5),
    settings: async () => ({ enabled: state.enabled, collector: state.collector }),
    fetch: (opts && opts.fetch) || (async (url, init) => {
      sent.push({ url, init });
      return { ok: state.status < 300, status: state.status };
    }),
  });
  return { svc, storage, clock, sent, state };
}

const SHOWN = { event: "shown", platform: "x", category: "confidentiality", severity: "high" };

test("nothing is counted while statistics are off", async () => {
  const { svc, storage, state } = service();
  state.enabled = false;
  await svc.record([SHOWN, SHOWN]);
  await svc.tick();
  assert.deepEqual(storage.data, {});
});

test("events count per UTC day; unknown ids and extra fields are dropped, text is never stored", async () => {
  const { svc, storage } = service();
  await svc.record([SHOWN, SHOWN, { event: "editedAway", platform: "x", category: "confidentiality", severity: "high", text: "CANARY Mrs Jones" },
    { event: "shown", platform: "myspace", category: "confidentiality", severity: "high" }, { event: "posted", platform: "x" }]);
  assert.deepEqual(storage.data.statsCounts, { "2026-11-30": { "x|confidentiality|high": [2, 1, 0, 0] } });
  assert.ok(!JSON.stringify(storage.data).includes("CANARY"));
});

test("a finished day becomes the pending batch, noised; today's counts wait for tomorrow", async () => {
  const { svc, storage, clock } = service();
  await svc.record([SHOWN]);
  let preview = await svc.preview();
  assert.equal(preview.pending, null, "today is not finished");
  assert.equal(preview.today.totals.shown, 1);
  clock.now = new Date("2026-12-01T00:30:00Z");
  await svc.record([SHOWN, SHOWN]);
  preview = await svc.preview();
  assert.equal(preview.pending.schema, 1);
  assert.deepEqual(preview.pending.days.map((d) => d.day), ["2026-11-30"]);
  assert.deepEqual(Object.keys(storage.data.statsCounts), ["2026-12-01"], "the raw counts of a finished day are deleted");
  assert.equal(preview.today.totals.shown, 2);
  const again = await svc.preview();
  assert.deepEqual(again.pending, preview.pending, "noised once: the preview does not change");
});

test("the pending batch is sent as it was previewed, at most once a day", async () => {
  const { svc, clock, sent, storage } = service();
  await svc.record([SHOWN]);
  clock.now = new Date("2026-12-01T09:00:00Z");
  const preview = await svc.preview();
  const result = await svc.sendNow();
  assert.equal(result.status, "sent");
  assert.equal(sent.length, 1);
  assert.equal(sent[0].url, "http://127.0.0.1:7341/api/v1/stats");
  assert.equal(sent[0].init.method, "POST");
  assert.equal(sent[0].init.credentials, "omit");
  assert.deepEqual(JSON.parse(sent[0].init.body), preview.pending, "exactly the previewed JSON");
  assert.equal(storage.data.statsPending, null);
  assert.equal(storage.data.statsLastSent, "2026-12-01");
  // Later the same day: another finished day cannot be sent before tomorrow.
  await storage.set({ statsPending: { schema: 1, days: [{ day: "2026-11-29", counts: [] }] } });
  assert.equal((await svc.tick()).status, "already-sent");
  assert.equal(sent.length, 1);
  clock.now = new Date("2026-12-02T00:10:00Z");
  assert.equal((await svc.tick()).status, "sent");
  assert.equal(sent.length, 2);
  assert.deepEqual(JSON.parse(sent[1].init.body).days.map((d) => d.day), ["2026-11-29", "2026-12-01"]);
});

test("a failed send keeps the batch for later; a refused one is dropped", async () => {
  const { svc, clock, sent, storage, state } = service();
  await svc.record([SHOWN]);
  clock.now = new Date("2026-12-01T09:00:00Z");
  state.status = 503;
  assert.equal((await svc.tick()).status, "failed");
  assert.ok(storage.data.statsPending);
  state.status = 400;
  assert.equal((await svc.tick()).status, "rejected");
  assert.equal(storage.data.statsPending, null);
  assert.equal(sent.length, 2);
});

test("at most 7 unsent days are kept", async () => {
  const { svc, clock, storage, state } = service();
  state.status = 503;
  for (let d = 1; d <= 10; d++) {
    clock.now = new Date(Date.UTC(2026, 10, d, 12));
    await svc.record([SHOWN]);
  }
  clock.now = new Date(Date.UTC(2026, 10, 11, 12));
  await svc.preview();
  assert.equal(storage.data.statsPending.days.length, P.MAX_PENDING_DAYS);
  assert.equal(storage.data.statsPending.days[0].day, "2026-11-04");
});

test("switching off aborts a send in flight and deletes counts and the waiting batch", async () => {
  let aborted = false;
  const s = service({
    fetch: (url, init) => new Promise((resolve, reject) => {
      init.signal.addEventListener("abort", () => {
        aborted = true;
        reject(new Error("aborted"));
      });
    }),
  });
  await s.svc.record([SHOWN]);
  s.clock.now = new Date("2026-12-01T09:00:00Z");
  await s.svc.record([SHOWN]);
  const sending = s.svc.sendNow();
  await new Promise((r) => setTimeout(r, 20));
  assert.ok(s.storage.data.statsPending, "a batch is waiting while it is being sent");
  s.state.enabled = false;
  await s.svc.disable();
  assert.equal((await sending).status, "aborted");
  assert.ok(aborted, "the request was aborted");
  assert.deepEqual(s.storage.data, {});
});

test("a batch read back from storage with sorted keys is sent and shown in schema order", async () => {
  const { svc, storage, clock, sent } = service();
  const sortedKeys = (v) => Array.isArray(v) ? v.map(sortedKeys)
    : v && typeof v === "object" ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sortedKeys(v[k])])) : v;
  const realSet = storage.set;
  storage.set = async (patch) => realSet(sortedKeys(patch)); // as Chrome's storage hands objects back
  await svc.record([SHOWN]);
  clock.now = new Date("2026-12-01T09:00:00Z");
  const preview = await svc.preview();
  assert.deepEqual(Object.keys(preview.pending), ["schema", "days"]);
  await svc.sendNow();
  const body = sent[0].init.body;
  assert.ok(body.startsWith('{"schema":1,"days":[{"day":"2026-11-30","counts":['), body.slice(0, 80));
  const row = JSON.parse(body).days[0].counts[0];
  assert.deepEqual(Object.keys(row), ["platform", "category", "severity", "shown", "editedAway", "dismissed", "ignored"]);
});
