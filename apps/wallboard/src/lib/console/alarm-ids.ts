import { api } from '../api/client.js';
import type { LiveClient } from '../live/live-client.svelte.js';

interface AlarmRow {
  id: string;
  key: string;
}

/**
 * Stored alarm ids by key: the snapshot carries keys, the acknowledgement needs the id. Read from
 * `GET /alarms?state=open` and kept up to date by each `alarm.transition`.
 */
export class AlarmIds {
  readonly #ids: Record<string, string> = {};
  readonly #base: string;
  readonly #onUnauthorized: () => void;

  constructor(site: string, live: LiveClient, onUnauthorized: () => void) {
    this.#base = `/api/v1/sites/${encodeURIComponent(site)}/alarms`;
    this.#onUnauthorized = onUnauthorized;
    void this.#load().catch(() => undefined);
    live.on('alarm.transition', (m: { site?: string; alarm?: AlarmRow }) => {
      if (m.site === site && m.alarm) {
        this.#ids[m.alarm.key] = m.alarm.id;
      }
    });
  }

  async #load() {
    const open = await api<AlarmRow[]>(`${this.#base}?state=open`, {}, this.#onUnauthorized);
    open.forEach((a) => (this.#ids[a.key] = a.id));
  }

  /** `POST /alarms/{id}/ack`, with the comment when there is one. */
  async acknowledge(key: string, comment: string): Promise<void> {
    if (!(key in this.#ids)) {
      await this.#load();
    }
    const body = JSON.stringify(comment.trim() ? { comment: comment.trim() } : {});
    await api(`${this.#base}/${this.#ids[key] ?? ''}/ack`, { method: 'POST', body }, this.#onUnauthorized);
  }
}
