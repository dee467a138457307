// Wallboard rendering under live patches: a TV board (KPI tiles, queue table, agent grid, interval chart, alarm
// ticker) in headless Chromium at 1920×1080, on a site of 200 agents and 20 queues kept busy enough that the engine
// pushes about 4 patches a second. The real API runs as a child process (node apps/api/dist/main.js, which serves the
// built wallboard) on a fresh PostgreSQL database; this process plays the floor (contacts queued, answered, ended,
// wrap-up, pauses; a batch of events over HTTP every 250 ms) and drives the page with playwright-core.
// Two windows are measured: a quiet floor (no events; the server still pushes about once a second) for reference,
// then the busy floor. Per window: `live.patch` frames the page received (counted on its websocket, from the
// browser side), main-thread time from the DevTools protocol (`Performance.getMetrics`: TaskDuration,
// ScriptDuration, LayoutDuration, RecalcStyleDuration) divided by those patches, frames from a requestAnimationFrame
// loop in the page (gaps over 1.5 × 16.7 ms counted as dropped frames), and long tasks (PerformanceObserver
// 'longtask'). Main-thread time includes everything the page does meanwhile (its own 1 s clock re-rendering running
// times, the rAF loop itself), hence the quiet window.
//   npx tsc -b && npm run build -w @vigie/wallboard && node bench/wallboard-patch.mjs [seconds=30] [callsPerSecond=3.5]
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { apiCaller, dropDatabase, freshDatabase, machine, OUT, procTicks, startApi } from './lib.mjs';

const SITE = 'bench';
const QUEUES = Array.from({ length: 20 }, (_, i) => `q${String(i).padStart(2, '0')}`);
const AGENTS = Array.from({ length: 200 }, (_, i) => ({
  agent: `SIP/${4000 + i}`,
  name: `Agent ${String(i + 1).padStart(3, '0')}`,
  team: `team-${i % 10}`,
  queues: [QUEUES[i % 20], QUEUES[(i + 7) % 20]],
}));
const BATCH_MS = 250;
const FRAME_MS = 1000 / 60;
const CHROMIUM = '/usr/bin/chromium';
const DB_NAME = 'vigie_bench_wallboard_patch';
const ROOT = new URL('..', import.meta.url).pathname;

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A busy floor, played in real time: contacts arrive at `callsPerSecond` into the 20 queues, wait 2–25 s (or give up
 * after 30–120 s), are answered by a ready agent serving the queue, talk 20–60 s, then 3–10 s of wrap-up; now and
 * then a ready agent pauses 20–90 s (at most a tenth of the floor).
 */
class Floor {
  constructor(callsPerSecond) {
    this.rate = callsPerSecond;
    this.rnd = random(42);
    this.n = 0;
    this.owed = 0;
    this.waiting = new Map(QUEUES.map((q) => [q, []]));
    /** agent → { state: 'ready' | 'talking' | 'wrapup' | 'paused', until, contact } */
    this.agents = new Map(AGENTS.map((a) => [a.agent, { ...a, state: 'ready', until: 0 }]));
    this.changes = 0;
  }

  login(at) {
    return AGENTS.flatMap((a) =>
      a.queues.map((queue) => ({
        type: 'agent.logged_in',
        id: `login-${a.agent}-${queue}`,
        at,
        agent: a.agent,
        name: a.name,
        team: a.team,
        queue,
      })),
    );
  }

  /** The events of the next 250 ms, stamped `nowMs`. */
  step(nowMs) {
    const at = new Date(nowMs).toISOString();
    const events = [];
    const id = () => `e${++this.n}`;
    const between = (lo, hi) => lo + this.rnd() * (hi - lo);
    this.owed += (this.rate * BATCH_MS) / 1000;
    while (this.owed >= 1 || (this.owed > 0 && this.rnd() < this.owed)) {
      this.owed -= 1;
      const queue = QUEUES[Math.floor(this.rnd() * QUEUES.length)];
      const contactId = `c${this.n}`;
      events.push({ type: 'contact.queued', id: id(), at, contactId, queue });
      this.waiting.get(queue).push({
        contactId,
        queue,
        since: nowMs,
        answerAt: nowMs + between(2, 25) * 1000,
        giveUpAt: nowMs + between(30, 120) * 1000,
      });
    }
    for (const a of this.agents.values()) {
      if (a.until > nowMs) {
        continue;
      }
      if (a.state === 'talking') {
        const { contactId, queue, startedAt } = a.contact;
        const talkSec = Math.round((nowMs - startedAt) / 1000);
        events.push({ type: 'contact.ended', id: id(), at, contactId, queue, agent: a.agent, talkSec });
        events.push({ type: 'agent.wrapup', id: id(), at, agent: a.agent, contactId, queue });
        Object.assign(a, { state: 'wrapup', until: nowMs + between(3, 10) * 1000 });
        this.changes += 1;
      } else if (a.state === 'wrapup' || a.state === 'paused') {
        events.push({ type: 'agent.ready', id: id(), at, agent: a.agent });
        Object.assign(a, { state: 'ready', until: 0 });
        this.changes += 1;
      }
    }
    const ready = [...this.agents.values()].filter((a) => a.state === 'ready');
    const paused = [...this.agents.values()].filter((a) => a.state === 'paused').length;
    if (ready.length > 0 && paused < AGENTS.length / 10 && this.rnd() < 0.15) {
      const a = ready.splice(Math.floor(this.rnd() * ready.length), 1)[0];
      events.push({ type: 'agent.paused', id: id(), at, agent: a.agent, reason: 'Pause' });
      Object.assign(a, { state: 'paused', until: nowMs + between(20, 90) * 1000 });
      this.changes += 1;
    }
    for (const [queue, list] of this.waiting) {
      for (let i = 0; i < list.length; i++) {
        const c = list[i];
        const waitSec = Math.round((nowMs - c.since) / 1000);
        if (c.giveUpAt <= nowMs) {
          events.push({ type: 'contact.abandoned', id: id(), at, contactId: c.contactId, queue, waitSec });
          list.splice(i--, 1);
          continue;
        }
        if (c.answerAt > nowMs) {
          continue;
        }
        const k = ready.findIndex((a) => a.queues.includes(queue));
        if (k < 0) {
          continue;
        }
        const a = ready.splice(k, 1)[0];
        events.push({ type: 'contact.answered', id: id(), at, contactId: c.contactId, queue, agent: a.agent, waitSec });
        Object.assign(a, {
          state: 'talking',
          until: nowMs + between(20, 60) * 1000,
          contact: { contactId: c.contactId, queue, startedAt: nowMs },
        });
        this.changes += 1;
        list.splice(i--, 1);
      }
    }
    return events;
  }

  counts() {
    const by = {};
    for (const a of this.agents.values()) {
      by[a.state] = (by[a.state] ?? 0) + 1;
    }
    let waiting = 0;
    for (const list of this.waiting.values()) {
      waiting += list.length;
    }
    return { ...by, waiting };
  }
}

/** The TV board: four KPI tiles, the queue table, the agent grid, the interval chart and the alarm ticker. */
const LAYOUT = [
  { id: 'k1', kind: 'kpi', x: 0, y: 0, w: 3, h: 2, config: { scope: 'site', figure: 'waiting' } },
  { id: 'k2', kind: 'kpi', x: 3, y: 0, w: 3, h: 2, config: { scope: 'site', figure: 'longestWaitSec' } },
  { id: 'k3', kind: 'kpi', x: 6, y: 0, w: 3, h: 2, config: { scope: 'site', figure: 'serviceLevel' } },
  { id: 'k4', kind: 'kpi', x: 9, y: 0, w: 3, h: 2, config: { scope: 'site', figure: 'abandoned' } },
  { id: 'queues', kind: 'queueTable', x: 0, y: 2, w: 5, h: 10, config: { queues: [] } },
  { id: 'chart', kind: 'intervalChart', x: 0, y: 12, w: 5, h: 6, config: {} },
  { id: 'agents', kind: 'agentGrid', x: 5, y: 2, w: 7, h: 16, config: {} },
  { id: 'alarms', kind: 'alarmTicker', x: 0, y: 18, w: 12, h: 2, config: {} },
];

/** In the page from its first script: long tasks, and a requestAnimationFrame loop started and stopped on demand. */
function pageProbe() {
  const longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      longTasks.push([e.startTime, e.duration]);
    }
  }).observe({ type: 'longtask', buffered: true });
  let frames = null;
  let from = 0;
  const loop = (t) => {
    if (frames) {
      frames.push(t);
      globalThis.requestAnimationFrame(loop);
    }
  };
  globalThis.__vigieBench = {
    start() {
      frames = [];
      from = performance.now();
      globalThis.requestAnimationFrame(loop);
    },
    stop() {
      const to = performance.now();
      const times = frames;
      frames = null;
      const tasks = longTasks.filter(([start]) => start >= from && start < to);
      return { ms: to - from, frames: times, longTasks: tasks.length, longTaskMs: tasks.reduce((s, t) => s + t[1], 0) };
    },
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  const SECONDS = Number(process.argv[2] ?? 30);
  const RATE = Number(process.argv[3] ?? 3.5);
  const QUIET_SECONDS = 10;
  const WARMUP_SECONDS = 15;
  if (!existsSync(`${ROOT}apps/wallboard/dist/index.html`)) {
    throw new Error('build the wallboard first: npm run build -w @vigie/wallboard');
  }
  console.log(
    `machine: ${machine()}; ${CHROMIUM}; load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
  const url = await freshDatabase(DB_NAME);
  const server = await startApi(url, 'wallboard-patch');
  const base = server.base;
  let browser;
  let sending = false;
  let sender = Promise.resolve();

  const cleanup = async () => {
    sending = false;
    await sender.catch(() => undefined);
    await browser?.close().catch(() => undefined);
    await server.stop();
    await dropDatabase(DB_NAME);
  };

  try {
    const call = apiCaller(base);
    const accessToken = await call.login();
    await call('POST', '/sites', accessToken, { id: SITE, name: 'Bench', timezone: 'Europe/Paris' });
    const { key } = await call('POST', `/sites/${SITE}/api-keys`, accessToken, { name: 'bench' });
    const board = await call('POST', `/sites/${SITE}/boards`, accessToken, { name: 'TV', layout: LAYOUT });
    const { token } = await call('POST', `/sites/${SITE}/display-tokens`, accessToken, {
      name: 'bench',
      boardId: board.id,
    });
    // Short wait thresholds, so the ticker and the tiles carry orange and red alarms during the run.
    await call('PUT', `/sites/${SITE}/alarm-rules/longest-wait`, accessToken, {
      label: 'Att.Max',
      figure: 'longestWaitSec',
      scope: { kind: 'queue' },
      direction: 'above',
      orange: 20,
      red: 45,
      minDurationSec: 0,
      hysteresis: 0,
    });

    const floor = new Floor(RATE);
    await call('POST', `/sites/${SITE}/events`, key, floor.login(new Date().toISOString()));

    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = await browser.newPage({ locale: 'fr-FR', viewport: { width: 1920, height: 1080 } });
    await page.addInitScript(pageProbe);
    page.on('pageerror', (e) => console.error(`page error: ${e.message}`));
    // `live.patch` and `live.snapshot` frames as the page's websocket receives them (socket.io: 42/live,["live.patch",…]).
    const received = { patches: 0, bytes: 0, snapshots: 0 };
    page.on('websocket', (ws) => {
      ws.on('framereceived', ({ payload }) => {
        if (typeof payload !== 'string') {
          return;
        }
        if (payload.startsWith('42/live,["live.patch"')) {
          received.patches += 1;
          received.bytes += payload.length;
        } else if (payload.startsWith('42/live,["live.snapshot"')) {
          received.snapshots += 1;
        }
      });
    });
    await page.goto(`${base}/display/${token}`);
    await page
      .locator('[data-state]')
      .nth(AGENTS.length - 1)
      .waitFor({ state: 'attached', timeout: 30_000 });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const metrics = async () => {
      const { metrics: list } = await cdp.send('Performance.getMetrics');
      return Object.fromEntries(list.map((m) => [m.name, m.value]));
    };
    await sleep(3000);

    /** One measured window: main-thread time, patches, frames and long tasks over `seconds`. */
    const measure = async (seconds) => {
      const p0 = { ...received };
      const m0 = await metrics();
      const api0 = procTicks(server.pid).self;
      await page.evaluate(() => globalThis.__vigieBench.start());
      await sleep(seconds * 1000);
      const r = await page.evaluate(() => globalThis.__vigieBench.stop());
      const m1 = await metrics();
      const api1 = procTicks(server.pid).self;
      const patches = received.patches - p0.patches;
      const d = (name) => (m1[name] - m0[name]) * 1000;
      let dropped = 0;
      let longGaps = 0;
      for (let i = 1; i < r.frames.length; i++) {
        const gap = r.frames[i] - r.frames[i - 1];
        if (gap > 1.5 * FRAME_MS) {
          longGaps += 1;
          dropped += Math.max(1, Math.round(gap / FRAME_MS) - 1);
        }
      }
      const script = d('ScriptDuration');
      const layout = d('LayoutDuration');
      const style = d('RecalcStyleDuration');
      const task = d('TaskDuration');
      return {
        seconds: r.ms / 1000,
        patches,
        bytes: received.bytes - p0.bytes,
        snapshots: received.snapshots - p0.snapshots,
        task,
        script,
        layout,
        style,
        other: task - script - layout - style,
        frames: r.frames.length,
        dropped,
        longGaps,
        longTasks: r.longTasks,
        longTaskMs: r.longTaskMs,
        apiCpu: (api1 - api0) / 100 / (r.ms / 1000),
      };
    };

    const report = (label, w) => {
      const per = (ms) => (w.patches > 0 ? (ms / w.patches).toFixed(2) : '—');
      const perSec = (ms) => (ms / w.seconds).toFixed(1);
      console.log(
        `${label}: ${w.patches} live.patch in ${w.seconds.toFixed(1)} s = ${(w.patches / w.seconds).toFixed(2)} patches/s, ${Math.round(w.bytes / Math.max(1, w.patches))} bytes each on average; snapshots (resyncs): ${w.snapshots}; API process ${Math.round(w.apiCpu * 100)} % of a core`,
      );
      console.log(
        `  main thread per patch: ${per(w.task)} ms (script ${per(w.script)}, layout ${per(w.layout)}, style ${per(w.style)}, other: paint, parse, GC… ${per(w.other)}); per second: ${perSec(w.task)} ms (${(w.task / w.seconds / 10).toFixed(1)} % of the main thread)`,
      );
      const expected = w.frames + w.dropped;
      console.log(
        `  frames rendered: ${w.frames} (${(w.frames / w.seconds).toFixed(1)} fps); dropped: ${w.dropped} (${((w.dropped / Math.max(1, expected)) * 100).toFixed(1)} %, in ${w.longGaps} gaps > ${(1.5 * FRAME_MS).toFixed(1)} ms); long tasks (> 50 ms): ${w.longTasks} (${Math.round(w.longTaskMs)} ms in all)`,
      );
    };

    const quiet = await measure(QUIET_SECONDS);
    report(`quiet floor (no events, ${QUIET_SECONDS} s)`, quiet);

    // The busy floor: a batch every 250 ms on a fixed clock, posted one after the other.
    let posted = 0;
    let failed = 0;
    let skipped = 0;
    sending = true;
    sender = (async () => {
      const start = performance.now();
      let chain = Promise.resolve();
      let pending = 0;
      for (let n = 0; sending; n++) {
        const wait = start + n * BATCH_MS - performance.now();
        if (wait > 0) {
          await sleep(wait);
        }
        const events = floor.step(Date.now());
        if (events.length === 0) {
          continue;
        }
        skipped += pending > 0 ? 1 : 0;
        pending += 1;
        chain = chain.then(async () => {
          const r = await fetch(`${base}/api/v1/sites/${SITE}/events`, {
            method: 'POST',
            headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
            body: JSON.stringify(events),
          });
          await r.arrayBuffer();
          pending -= 1;
          if (r.ok) {
            posted += events.length;
          } else {
            failed += 1;
          }
        });
      }
      await chain;
    })();
    await sleep(WARMUP_SECONDS * 1000);
    const changes0 = floor.changes;
    const posted0 = posted;
    const busy = await measure(SECONDS);
    const changes = floor.changes - changes0;
    const events = posted - posted0;
    sending = false;
    await sender;
    console.log(
      `busy floor: ${AGENTS.length} agents, ${QUEUES.length} queues, ${RATE} calls/s; ${events} events posted in the window (${(events / busy.seconds).toFixed(1)}/s, ${(changes / busy.seconds).toFixed(1)} agent state changes/s; ${failed} failed requests, ${skipped} batches queued behind a slow one); floor at the end: ${JSON.stringify(floor.counts())}`,
    );
    report(`busy floor (after ${WARMUP_SECONDS} s of warm-up, ${SECONDS} s)`, busy);
    const quietPerSec = quiet.task / quiet.seconds;
    const extra = busy.patches > 0 ? (busy.task - quietPerSec * busy.seconds) / busy.patches : NaN;
    console.log(
      `  less the quiet floor's main-thread time per second (clock, running times, rAF loop): ${extra.toFixed(2)} ms per patch`,
    );
    await page.screenshot({ path: `${OUT}wallboard-patch.png` });
    console.log(
      `load average at the end: ${loadavg()
        .map((x) => x.toFixed(2))
        .join(', ')}`,
    );
  } finally {
    await cleanup();
  }
}

await main();
