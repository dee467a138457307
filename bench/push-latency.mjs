// Push latency, end to end: event ingested over HTTP → `live.patch` received by socket.io clients. The real API
// runs as a child process (node apps/api/dist/main.js) on a fresh PostgreSQL database; 500 socket.io clients
// subscribe to one site (20 queues, 220 agents); a worker thread ingests ~2,000 events/s for 30 s (a batch of ~200
// every 100 ms: contacts queued, answered or abandoned, ended, agents in wrap-up then ready again, all stamped now).
// Each batch also queues one contact in the queue `probe`, so the probe's `offered` counter says how many batches
// the engine has applied: a client seeing it reach n in a patch gives the latency of batch n (from the moment its
// POST was sent). Prints p50, p95, p99 and max over all clients and batches (the first 2 s left out), patches
// received, and the CPU of the API process, of PostgreSQL and of this process (the clients). The latency is split
// at the frame's own `at` (when the server computed the snapshot): POST sent → frame, and frame → patch handled by
// a client. The clients run in `clientThreads` worker threads of this process, on the same machine as the server:
// decoding every patch 500 times costs the clients more CPU than the server spends. Aim: p99 ≤ 300 ms.
//   npx tsc -b && node bench/push-latency.mjs [clients=500] [seconds=30] [eventsPerSecond=2000] [clientThreads=2]
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { io } from 'socket.io-client';
import { apiCaller, dropDatabase, freshDatabase, machine, postgresTicks, procTicks, startApi } from './lib.mjs';

const SITE = 'bench';
const QUEUES = Array.from({ length: 20 }, (_, i) => `q${String(i).padStart(2, '0')}`);
const AGENTS = Array.from({ length: 220 }, (_, i) => `SIP/${3000 + i}`);
const PROBE = 'probe';
const BATCH_MS = 100;
const now = () => performance.timeOrigin + performance.now();

/** The events of batch `n` (≥ 1): stage s of the contacts started s batches earlier, plus one probe contact. */
function batchEvents(n, contactsPerBatch, at) {
  const events = [{ type: 'contact.queued', id: `p${n}`, at, contactId: `probe-${n}`, queue: PROBE }];
  for (let stage = 0; stage < 5; stage++) {
    const m = n - stage;
    if (m < 1) {
      continue;
    }
    for (let j = 0; j < contactsPerBatch; j++) {
      const k = m * contactsPerBatch + j;
      const contactId = `c${m}-${j}`;
      const queue = QUEUES[k % QUEUES.length];
      const agent = AGENTS[k % AGENTS.length];
      const id = `${contactId}-${stage}`;
      const abandoned = k % 10 === 0;
      if (stage === 0) {
        events.push({ type: 'contact.queued', id, at, contactId, queue });
      } else if (stage === 1 && abandoned) {
        events.push({ type: 'contact.abandoned', id, at, contactId, queue, waitSec: 30 + (k % 60) });
      } else if (abandoned) {
        continue;
      } else if (stage === 1) {
        events.push({ type: 'contact.answered', id, at, contactId, queue, agent, waitSec: k % 45 });
      } else if (stage === 2) {
        events.push({ type: 'contact.ended', id, at, contactId, queue, agent, talkSec: 60 + (k % 240) });
      } else if (stage === 3) {
        events.push({ type: 'agent.wrapup', id, at, agent, contactId, queue });
      } else {
        events.push({ type: 'agent.ready', id, at, agent });
      }
    }
  }
  return events;
}

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

async function main() {
  const CLIENTS = Number(process.argv[2] ?? 500);
  const SECONDS = Number(process.argv[3] ?? 30);
  const RATE = Number(process.argv[4] ?? 2000);
  const THREADS = Number(process.argv[5] ?? 2);
  const BATCHES = Math.round((SECONDS * 1000) / BATCH_MS);
  const WARMUP_BATCHES = Math.round(2000 / BATCH_MS);
  // Per batch: 1 probe + ≈ 4.7 events per contact (a tenth abandon: 2 events instead of 5).
  const contactsPerBatch = Math.max(1, Math.round((RATE * BATCH_MS) / 1000 / 4.7));
  const DB_NAME = 'vigie_bench_push_latency';

  console.log(`machine: ${machine()}`);
  const url = await freshDatabase(DB_NAME);
  const server = await startApi(url, 'push-latency');
  const base = server.base;

  const cleanup = async () => {
    await server.stop();
    await dropDatabase(DB_NAME);
  };

  try {
    const call = apiCaller(base);
    const accessToken = await call.login();
    await call('POST', '/sites', accessToken, { id: SITE, name: 'Bench', timezone: 'Europe/Paris' });
    const { key } = await call('POST', `/sites/${SITE}/api-keys`, accessToken, { name: 'bench' });
    const { token } = await call('POST', `/sites/${SITE}/display-tokens`, accessToken, { name: 'bench' });

    // The floor before the clients come: agents logged in, every queue (and the probe) with a waiting contact.
    const at = new Date().toISOString();
    const setup = [
      ...AGENTS.map((agent, i) => ({ type: 'agent.logged_in', id: `login-${i}`, at, agent, team: `team-${i % 4}` })),
      ...[PROBE, ...QUEUES].map((queue) => ({
        type: 'contact.queued',
        id: `w-${queue}`,
        at,
        contactId: `w-${queue}`,
        queue,
      })),
    ];
    await call('POST', `/sites/${SITE}/events`, key, setup);

    // The clients: `THREADS` worker threads, one socket.io connection each (forceNew), websocket transport.
    const c0 = performance.now();
    const perThread = Array.from({ length: THREADS }, (_, t) => Math.floor((CLIENTS + t) / THREADS));
    const threads = perThread.map((count) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { role: 'clients', base, token, count } });
      const ready = new Promise((resolve, reject) => {
        worker.once('error', reject);
        worker.once('message', resolve);
      });
      return { worker, ready };
    });
    await Promise.all(threads.map((t) => t.ready));
    console.log(
      `${CLIENTS} clients connected and subscribed (${THREADS} client thread${THREADS > 1 ? 's' : ''}) in ${((performance.now() - c0) / 1000).toFixed(1)} s`,
    );
    await new Promise((r) => setTimeout(r, 1500));
    threads.forEach((t) => t.worker.postMessage('reset'));

    // The load.
    const sent = new Map();
    let stored = 0;
    let failed = 0;
    const acks = [];
    const apiTicks0 = procTicks(server.pid).self;
    const pgTicks0 = postgresTicks();
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const sender = new Worker(new URL(import.meta.url), {
      workerData: { role: 'sender', base, key, batches: BATCHES, contactsPerBatch },
    });
    const senderDone = new Promise((resolve, reject) => {
      sender.on('error', reject);
      sender.on('message', (m) => {
        if (m.done) {
          resolve(m);
          return;
        }
        sent.set(m.n, m.sentAt);
        acks.push(m.ackMs);
        stored += m.stored;
        failed += m.status === 201 || m.status === 200 ? 0 : 1;
      });
    });
    const { maxInFlight } = await senderDone;
    const sendSeconds = (performance.now() - t0) / 1000;
    await new Promise((r) => setTimeout(r, 2000));
    const seconds = (performance.now() - t0) / 1000;
    const apiCpu = (procTicks(server.pid).self - apiTicks0) / 100 / seconds;
    const pgCpu = (postgresTicks() - pgTicks0) / 100 / seconds;
    const cpu = process.cpuUsage(cpu0);
    const clients = (
      await Promise.all(
        threads.map(
          (t) =>
            new Promise((resolve) => {
              t.worker.once('message', resolve);
              t.worker.postMessage('collect');
            }),
        ),
      )
    ).flat();
    const benchCpu = (cpu.user + cpu.system) / 1e6 / seconds;

    // Latencies: a client seeing the probe's offered reach v has seen batches up to v − probe0.
    const latencies = [];
    const toFrame = [];
    const delivery = [];
    let missing = 0;
    let patches = 0;
    let gaps = 0;
    let queueAdded = 0;
    for (const c of clients) {
      patches += c.patches;
      gaps += c.gaps;
      queueAdded += c.queueAdded ? 1 : 0;
      let seen = 0;
      delivery.push(...c.delivery);
      for (let i = 0; i < c.records.length; i += 3) {
        const upTo = c.records[i] - c.probe0;
        for (let n = seen + 1; n <= upTo; n++) {
          if (n > WARMUP_BATCHES && sent.has(n)) {
            latencies.push(c.records[i + 1] - sent.get(n));
            toFrame.push(c.records[i + 2] - sent.get(n));
          }
        }
        seen = Math.max(seen, upTo);
      }
      missing += Math.max(0, BATCHES - seen);
    }
    latencies.sort((a, b) => a - b);
    toFrame.sort((a, b) => a - b);
    delivery.sort((a, b) => a - b);
    acks.sort((a, b) => a - b);
    const f = (x) => `${Math.round(x)} ms`;
    console.log(
      `ingested: ${stored} events in ${BATCHES} batches over ${sendSeconds.toFixed(1)} s = ${Math.round(stored / sendSeconds)} events/s (${failed} failed requests, at most ${maxInFlight} in flight); POST round trip p50 ${f(percentile(acks, 50))}, p99 ${f(percentile(acks, 99))}`,
    );
    console.log(
      `latency event ingested → live.patch received (${latencies.length} samples = ${CLIENTS} clients × ${BATCHES - WARMUP_BATCHES} batches, first ${WARMUP_BATCHES} left out): p50 ${f(percentile(latencies, 50))}, p95 ${f(percentile(latencies, 95))}, p99 ${f(percentile(latencies, 99))}, max ${f(latencies.at(-1))} (aim p99 ≤ 300 ms)`,
    );
    console.log(
      `  of which POST sent → frame computed (the frame's \`at\`; ingest, engine, 250 ms coalescing): p50 ${f(percentile(toFrame, 50))}, p99 ${f(percentile(toFrame, 99))}; frame computed → patch handled by a client (diff, emit to ${CLIENTS} sockets, loopback, client backlog; every patch): p50 ${f(percentile(delivery, 50))}, p99 ${f(percentile(delivery, 99))}, max ${f(delivery.at(-1))}`,
    );
    console.log(
      `patches received: ${patches} (${(patches / CLIENTS / seconds).toFixed(2)} per client per second, ${Math.round(clients[0].bytes / Math.max(1, clients[0].patches))} bytes each on average); base gaps: ${gaps}; batches never seen: ${missing}${queueAdded ? `; ${queueAdded} clients saw queues added (probe path may be stale)` : ''}`,
    );
    console.log(
      `CPU over the ${seconds.toFixed(1)} s of load: API process ${Math.round(apiCpu * 100)} % of a core, PostgreSQL ${Math.round(pgCpu * 100)} %, this process (${CLIENTS} clients + sender) ${Math.round(benchCpu * 100)} %`,
    );
  } finally {
    await cleanup();
  }
}

// ---- The sender: a worker thread, so the 500 clients' work does not delay its clock.
async function send() {
  const { base, key, batches, contactsPerBatch } = workerData;
  const start = now() + 50;
  let inFlight = 0;
  let maxInFlight = 0;
  const pending = [];
  for (let n = 1; n <= batches; n++) {
    const wait = start + (n - 1) * BATCH_MS - now();
    if (wait > 0) {
      await new Promise((r) => setTimeout(r, wait));
    }
    const body = JSON.stringify(batchEvents(n, contactsPerBatch, new Date().toISOString()));
    const sentAt = now();
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    pending.push(
      fetch(`${base}/api/v1/sites/${SITE}/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' },
        body,
      }).then(async (r) => {
        const answer = await r.json();
        inFlight -= 1;
        parentPort.postMessage({ n, sentAt, ackMs: now() - sentAt, stored: answer.events ?? 0, status: r.status });
      }),
    );
  }
  await Promise.all(pending);
  parentPort.postMessage({ done: true, maxInFlight });
}

/** A client thread: `count` screens subscribed to the site, recording when the probe moves in a patch. */
async function screens() {
  const { base, token, count } = workerData;
  const clients = [];
  for (let i = 0; i < count; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, count - i) }, () => {
        const c = { records: [], delivery: [], patches: 0, gaps: 0, seq: 0, probePath: '', probe0: 0, bytes: 0 };
        clients.push(c);
        return new Promise((resolve, reject) => {
          const socket = io(`${base}/live`, {
            auth: { token },
            transports: ['websocket'],
            forceNew: true,
            reconnection: false,
          });
          c.socket = socket;
          socket.on('connect_error', reject);
          socket.on('live.error', (e) => reject(new Error(e.message)));
          socket.on('connect', () => socket.emit('live.subscribe', { site: SITE }));
          socket.on('live.snapshot', (m) => {
            const index = m.snapshot.queues.findIndex((q) => q.queue === PROBE);
            c.probePath = `/queues/${index}/offered`;
            c.probe0 = m.snapshot.queues[index].offered;
            c.seq = m.seq;
            resolve();
          });
          socket.on('live.patch', (m) => {
            const t = now();
            c.patches += 1;
            if (m.base !== c.seq) {
              c.gaps += 1;
            }
            c.seq = m.seq;
            let probe;
            let frameAt = NaN;
            for (const op of m.ops) {
              if (op.path === c.probePath) {
                probe = op.value;
              } else if (op.path === '/at') {
                frameAt = Date.parse(op.value);
              } else if (/^\/queues\/\d+$/.test(op.path)) {
                c.queueAdded = true;
              }
            }
            c.delivery.push(t - frameAt);
            if (probe !== undefined) {
              c.records.push(probe, t, frameAt);
            }
          });
        });
      }),
    );
  }
  const sizer = clients[0].socket;
  sizer.on('live.patch', (m) => {
    clients[0].bytes += JSON.stringify(m).length;
  });
  parentPort.postMessage('ready');
  parentPort.on('message', (m) => {
    if (m === 'reset') {
      for (const c of clients) {
        c.patches = 0;
        c.bytes = 0;
        c.delivery = [];
      }
    } else if (m === 'collect') {
      for (const c of clients) {
        c.socket.close();
        delete c.socket;
      }
      parentPort.postMessage(clients);
      parentPort.close();
    }
  });
}

await (isMainThread ? main() : workerData.role === 'sender' ? send() : screens());
