import {
  FloorSnapshot,
  LIVE_NAMESPACE,
  LiveEvents,
  LivePatchMessage,
  LiveSnapshotMessage,
  type FloorSnapshot as Snapshot,
} from '@vigie/protocol';
import fastJsonPatch, { type Operation } from 'fast-json-patch';
import { io } from 'socket.io-client';

/** The part of a socket.io client socket the live client uses (a fake in tests). */
export interface LiveSocket {
  on(event: string, listener: (payload: never) => void): unknown;
  emit(event: string, payload: unknown): unknown;
  close(): unknown;
}

export type LiveStatus = 'connecting' | 'live' | 'stale' | 'error';

/** Without any message for this long the figures are out of date (the server pushes at least once a second). */
export const STALE_AFTER_MS = 5000;

export interface LiveClientOptions {
  site: string;
  token: string;
  /** Opens the socket; defaults to socket.io-client on `/live`, reconnecting by itself. */
  connect?: (token: string) => LiveSocket;
  clock?: () => number;
}

const openSocket = (token: string): LiveSocket =>
  io(LIVE_NAMESPACE, { auth: { token }, transports: ['websocket', 'polling'] });

/**
 * One site's live snapshot on `/live`: subscribes on every (re)connection, applies the RFC 6902 patches in
 * sequence, asks `live.resync` on a gap (patches are ignored until the fresh snapshot), and turns `stale` when
 * no message has arrived for 5 s.
 */
export class LiveClient {
  #snapshot = $state.raw<Snapshot | null>(null);
  #status = $state<LiveStatus>('connecting');
  #error = $state<string | null>(null);
  #now = $state(0);
  #lastMessageAt = $state<number | null>(null);
  #seq: number | null = null;
  readonly #site: string;
  readonly #socket: LiveSocket;
  readonly #clock: () => number;
  readonly #ticker: ReturnType<typeof setInterval>;

  constructor(options: LiveClientOptions) {
    this.#site = options.site;
    this.#clock = options.clock ?? Date.now;
    this.#now = this.#clock();
    this.#socket = (options.connect ?? openSocket)(options.token);
    this.#socket.on('connect', () => this.#socket.emit(LiveEvents.subscribe, { site: this.#site }));
    this.#socket.on('connect_error', (error: Error) => this.#fail(error.message));
    this.#socket.on(LiveEvents.error, (body: { message?: string }) => this.#fail(body.message ?? 'live.error'));
    this.#socket.on(LiveEvents.snapshot, (message: unknown) => this.#onSnapshot(message));
    this.#socket.on(LiveEvents.patch, (message: unknown) => this.#onPatch(message));
    this.#ticker = setInterval(() => this.#tick(), 1000);
  }

  get snapshot(): Snapshot | null {
    return this.#snapshot;
  }

  get status(): LiveStatus {
    return this.#status;
  }

  get error(): string | null {
    return this.#error;
  }

  /** The screen's clock, updated every second (running times, the clock tile). */
  get now(): number {
    return this.#now;
  }

  /** Whole seconds since the last message (0 before the first). */
  get silentSec(): number {
    return this.#lastMessageAt === null ? 0 : Math.floor((this.#now - this.#lastMessageAt) / 1000);
  }

  /** Listens to another message of the site's room (`alarm.transition`, `breaks.requests`). */
  on(event: string, listener: (payload: never) => void): void {
    this.#socket.on(event, listener);
  }

  close(): void {
    clearInterval(this.#ticker);
    this.#socket.close();
  }

  #tick(): void {
    this.#now = this.#clock();
    if (this.#status === 'live' && this.#lastMessageAt !== null && this.#now - this.#lastMessageAt >= STALE_AFTER_MS) {
      this.#status = 'stale';
    }
  }

  #received(): void {
    this.#now = this.#clock();
    this.#lastMessageAt = this.#now;
    this.#status = 'live';
    this.#error = null;
  }

  #fail(message: string): void {
    this.#error = message;
    if (this.#snapshot === null) {
      this.#status = 'error';
    }
  }

  #onSnapshot(raw: unknown): void {
    const message = LiveSnapshotMessage.safeParse(raw);
    const snapshot = message.success ? FloorSnapshot.safeParse(message.data.snapshot) : undefined;
    if (!message.success || message.data.site !== this.#site || !snapshot?.success) {
      return;
    }
    this.#seq = message.data.seq;
    this.#snapshot = snapshot.data;
    this.#received();
  }

  #onPatch(raw: unknown): void {
    const message = LivePatchMessage.safeParse(raw);
    if (!message.success || message.data.site !== this.#site || this.#seq === null || this.#snapshot === null) {
      return;
    }
    if (message.data.seq <= this.#seq) {
      return;
    }
    if (message.data.base !== this.#seq) {
      this.#seq = null;
      this.#socket.emit(LiveEvents.resync, { site: this.#site });
      return;
    }
    try {
      const ops = message.data.ops as Operation[];
      this.#snapshot = fastJsonPatch.applyPatch(this.#snapshot, ops, false, false).newDocument;
      this.#seq = message.data.seq;
      this.#received();
    } catch {
      this.#seq = null;
      this.#socket.emit(LiveEvents.resync, { site: this.#site });
    }
  }
}
