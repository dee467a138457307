// Shared helpers for the benchmarks: they run the built code (npm run bench builds first).
import { simulate } from '@vigie/simulator';
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { cpus, totalmem } from 'node:os';
import pg from 'pg';

export const OUT = new URL('./out/', import.meta.url).pathname;
export const PG_BASE = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432';

export function machine() {
  return `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
}

async function admin(sql) {
  const client = new pg.Client({ connectionString: `${PG_BASE}/postgres` });
  await client.connect();
  try {
    for (const statement of sql) {
      await client.query(statement);
    }
  } finally {
    await client.end();
  }
}

export async function freshDatabase(name) {
  await admin([`drop database if exists "${name}" with (force)`, `create database "${name}"`]);
  return `${PG_BASE}/${name}`;
}

export async function dropDatabase(name) {
  await admin([`drop database if exists "${name}" with (force)`]);
}

/**
 * JSON calls to the API at `base` (`call(method, path, token, body)` on `/api/v1…`); a non-2xx answer throws with
 * its body. `call.login()` signs in as the bench admin and gives the access token.
 */
export function apiCaller(base) {
  const call = async (method, path, token, body) => {
    const r = await fetch(`${base}/api/v1${path}`, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!r.ok) {
      throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    }
    return r.json();
  };
  call.login = async () =>
    (await call('POST', '/auth/login', undefined, { email: 'bench@vigie.test', password: 'bench-password' }))
      .accessToken;
  return call;
}

/**
 * A synthetic but well-formed queue_log of `lines` lines over one day: calls entering 4 queues, answered
 * (CONNECT, COMPLETE*), abandoned or timed out, agents pausing with PAUSEALL + per-queue PAUSE.
 */
export async function queueLogFile(lines) {
  await mkdir(OUT, { recursive: true });
  const path = `${OUT}queue_log-${lines}`;
  if (existsSync(path)) {
    return path;
  }
  const out = createWriteStream(path);
  const queues = ['standard', 'vip', 'sav', 'ventes'];
  const t0 = Date.UTC(2026, 2, 10, 7) / 1000;
  let written = 0;
  let call = 0;
  const write = (s) => (out.write(`${s}\n`) ? Promise.resolve() : new Promise((r) => out.once('drain', r)));
  while (written < lines) {
    call += 1;
    const t = Math.floor(t0 + (call * 43200) / (lines / 3.2));
    const q = queues[call % 4];
    const agent = `SIP/${2001 + (call % 200)}`;
    const id = `${t}.${call}`;
    await write(`${t}|${id}|${q}|NONE|ENTERQUEUE||06${String(call).padStart(8, '0')}|1`);
    written += 1;
    const r = call % 20;
    if (r === 0) {
      await write(`${t + 40}|${id}|${q}|NONE|ABANDON|1|1|40`);
      written += 1;
    } else if (r === 1) {
      await write(`${t}|NONE|NONE|${agent}|PAUSEALL|Pause`);
      await write(`${t}|NONE|${q}|${agent}|PAUSE|Pause`);
      await write(`${t + 300}|${id}|${q}|NONE|EXITWITHTIMEOUT|1|1|300`);
      written += 3;
    } else {
      const wait = call % 45;
      await write(`${t + wait}|${id}|${q}|${agent}|CONNECT|${wait}|${id}.1|3`);
      await write(`${t + wait + 180}|${id}|${q}|${agent}|COMPLETE${call % 2 ? 'CALLER' : 'AGENT'}|${wait}|180|1`);
      written += 2;
    }
  }
  await new Promise((r) => out.end(r));
  return path;
}

/** `floors` independent scale-4 simulated floors, renamed apart and merged in time order: one big site's day. */
export function bigDay({ floors, site = 'bench', startMs, hours }) {
  const all = [];
  for (let k = 0; k < floors; k++) {
    for (const e of simulate({ site, seed: k + 1, startMs, scale: 4, ...(hours ? { hours } : {}) })) {
      const r = { ...e, id: `${k}-${e.id}` };
      for (const field of ['queue', 'agent', 'contactId']) {
        if (r[field]) {
          r[field] = `${r[field]}-${k}`;
        }
      }
      all.push(r);
    }
  }
  return all.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

/** utime + stime of a process and of its reaped children, in clock ticks, from /proc. */
export function procTicks(pid) {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return {
    comm: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')),
    ppid: Number(f[1]),
    self: +f[11] + +f[12],
    children: +f[13] + +f[14],
  };
}

/** CPU of every postgres process (ticks), plus what the postmaster has reaped from exited parallel workers. */
export function postgresTicks() {
  const procs = new Map();
  for (const name of readdirSync('/proc')) {
    if (/^\d+$/.test(name)) {
      try {
        const t = procTicks(name);
        if (t.comm === 'postgres') {
          procs.set(Number(name), t);
        }
      } catch {
        // the process ended meanwhile
      }
    }
  }
  let ticks = 0;
  for (const t of procs.values()) {
    ticks += t.self + (procs.has(t.ppid) ? 0 : t.children);
  }
  return ticks;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/**
 * The built API (`apps/api/dist/main.js`) as a child process on a free port against `databaseUrl`, demo off, admin
 * `bench@vigie.test` / `bench-password`, its log in `bench/out/<name>-api.log`; resolves once it answers its health.
 */
export async function startApi(databaseUrl, name) {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  await mkdir(OUT, { recursive: true });
  const log = `${OUT}${name}-api.log`;
  const serverLog = createWriteStream(log);
  const child = spawn(process.execPath, ['apps/api/dist/main.js'], {
    cwd: new URL('..', import.meta.url).pathname,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: '127.0.0.1',
      VIGIE_DEMO: '0',
      VIGIE_ADMIN_EMAIL: 'bench@vigie.test',
      VIGIE_ADMIN_PASSWORD: 'bench-password',
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(serverLog);
  child.stderr.pipe(serverLog);
  let exited = false;
  child.on('exit', (code) => {
    exited = true;
    if (code) {
      console.error(`API exited with status ${code}; see ${log}`);
    }
  });
  const stop = async () => {
    if (!exited) {
      child.kill('SIGTERM');
      await new Promise((r) => (exited ? r() : child.once('exit', r)));
    }
  };
  for (let i = 0; ; i++) {
    if (exited || i > 600) {
      await stop();
      throw new Error(`the API did not start; see ${log}`);
    }
    const up = await fetch(`${base}/api/v1/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) {
      return { base, pid: child.pid, stop };
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
