import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveClient, type LiveSocket } from './live-client.svelte.js';
import { SNAPSHOT } from './snapshot.fixture.js';

/** A socket that records what the client emits and lets the test push server messages. */
class FakeSocket implements LiveSocket {
  readonly emitted: [string, unknown][] = [];
  readonly #listeners = new Map<string, ((payload: never) => void)[]>();
  closed = false;

  on(event: string, listener: (payload: never) => void): void {
    this.#listeners.set(event, [...(this.#listeners.get(event) ?? []), listener]);
  }
  emit(event: string, payload: unknown): void {
    this.emitted.push([event, payload]);
  }
  close(): void {
    this.closed = true;
  }
  receive(event: string, payload?: unknown): void {
    for (const listener of this.#listeners.get(event) ?? []) {
      listener(payload as never);
    }
  }
}

describe('LiveClient', () => {
  let socket: FakeSocket;
  let client: LiveClient;

  beforeEach(() => {
    vi.useFakeTimers();
    socket = new FakeSocket();
    client = new LiveClient({ site: 'paris', token: 'vd_x', connect: () => socket });
  });
  afterEach(() => {
    client.close();
    vi.useRealTimers();
  });

  it('subscribes on connection and holds the snapshot it receives', () => {
    expect(client.status).toBe('connecting');
    socket.receive('connect');
    expect(socket.emitted).toEqual([['live.subscribe', { site: 'paris' }]]);
    socket.receive('live.snapshot', { site: 'paris', seq: 3, snapshot: SNAPSHOT });
    expect(client.status).toBe('live');
    expect(client.snapshot?.totals.waiting).toBe(0);
  });

  it('applies patches in sequence', () => {
    socket.receive('live.snapshot', { site: 'paris', seq: 3, snapshot: SNAPSHOT });
    socket.receive('live.patch', {
      site: 'paris',
      seq: 4,
      base: 3,
      ops: [{ op: 'replace', path: '/totals/waiting', value: 2 }],
    });
    socket.receive('live.patch', {
      site: 'paris',
      seq: 5,
      base: 4,
      ops: [{ op: 'replace', path: '/totals/levels', value: { longestWaitSec: 'orange' } }],
    });
    expect(client.snapshot?.totals.waiting).toBe(2);
    expect(client.snapshot?.totals.levels).toEqual({ longestWaitSec: 'orange' });
    expect(SNAPSHOT.totals.waiting).toBe(0);
  });

  it('asks a resync on a gap and ignores patches until the fresh snapshot', () => {
    socket.receive('live.snapshot', { site: 'paris', seq: 3, snapshot: SNAPSHOT });
    socket.receive('live.patch', { site: 'paris', seq: 6, base: 5, ops: [] });
    expect(socket.emitted).toContainEqual(['live.resync', { site: 'paris' }]);
    socket.receive('live.patch', {
      site: 'paris',
      seq: 7,
      base: 6,
      ops: [{ op: 'replace', path: '/totals/waiting', value: 9 }],
    });
    expect(client.snapshot?.totals.waiting).toBe(0);
    socket.receive('live.snapshot', {
      site: 'paris',
      seq: 7,
      snapshot: { ...SNAPSHOT, totals: { ...SNAPSHOT.totals, waiting: 9 } },
    });
    socket.receive('live.patch', {
      site: 'paris',
      seq: 8,
      base: 7,
      ops: [{ op: 'replace', path: '/totals/waiting', value: 1 }],
    });
    expect(client.snapshot?.totals.waiting).toBe(1);
  });

  it('ignores snapshots of another site and messages that do not parse', () => {
    socket.receive('live.snapshot', { site: 'lyon', seq: 1, snapshot: SNAPSHOT });
    socket.receive('live.snapshot', { site: 'paris', seq: 1, snapshot: { at: 'x' } });
    expect(client.snapshot).toBeNull();
  });

  it('turns stale after 5 s without a message, counts the seconds, and is live again on the next one', async () => {
    socket.receive('live.snapshot', { site: 'paris', seq: 3, snapshot: SNAPSHOT });
    await vi.advanceTimersByTimeAsync(4000);
    expect(client.status).toBe('live');
    await vi.advanceTimersByTimeAsync(1000);
    expect(client.status).toBe('stale');
    await vi.advanceTimersByTimeAsync(7000);
    expect(client.silentSec).toBe(12);
    socket.receive('live.patch', { site: 'paris', seq: 4, base: 3, ops: [] });
    expect(client.status).toBe('live');
    expect(client.silentSec).toBe(0);
  });

  it('reports a refused connection before any data, and closes its socket', () => {
    socket.receive('connect_error', new Error('authentication required'));
    expect(client.status).toBe('error');
    expect(client.error).toBe('authentication required');
    client.close();
    expect(socket.closed).toBe(true);
  });
});
