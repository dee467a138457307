import type { VigieEvent } from '@vigie/protocol';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventBus } from '../../apps/api/src/bus/event-bus.js';
import { migrate } from '../../apps/api/src/db/migrate.js';
import { EventLogRepository } from '../../apps/api/src/events/event-log.repository.js';
import { IngestService } from '../../apps/api/src/ingest/ingest.service.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

const queued = (id: string, at: string): VigieEvent => ({
  type: 'contact.queued',
  id,
  site: 'paris',
  at,
  contactId: `c-${id}`,
  queue: 'standard',
  channel: 'voice',
});

describe(EventLogRepository.name, () => {
  let t: TestDatabase;
  let log: EventLogRepository;

  beforeAll(async () => {
    t = await createTestDatabase();
    log = new EventLogRepository(t.db);
    await t.db.query(`insert into sites (id, name, timezone) values ('paris', 'Paris', 'Europe/Paris')`);
  });
  afterAll(() => t.drop());

  it('re-running the migrations applies nothing', async () => {
    const report = await migrate(t.db);
    expect(report.applied).toEqual([]);
  });

  it('stores a batch in order and gives each event its position', async () => {
    const result = await log.append('paris', [
      queued('a', '2026-03-10T08:00:00Z'),
      queued('b', '2026-03-10T08:00:01Z'),
    ]);
    expect(result.duplicates).toBe(0);
    expect(result.stored.map((s) => s.event.id)).toEqual(['a', 'b']);
    expect(result.stored[1]!.seq).toBeGreaterThan(result.stored[0]!.seq);
  });

  it('is idempotent on the event id, within a batch and across batches', async () => {
    const result = await log.append('paris', [
      queued('a', '2026-03-10T08:00:00Z'),
      queued('c', '2026-03-10T08:00:02Z'),
      queued('c', '2026-03-10T08:00:02Z'),
    ]);
    expect(result.stored.map((s) => s.event.id)).toEqual(['c']);
    expect(result.duplicates).toBe(2);
    const { rows } = await t.db.query<{ n: number }>(`select count(*)::int as n from events where site = 'paris'`);
    expect(rows[0]!.n).toBe(3);
  });

  it('reads a time range back in commit order, page by page', async () => {
    const pages = [];
    for await (const page of log.readRange('paris', Date.UTC(2026, 2, 10, 8), Date.UTC(2026, 2, 10, 9), 2)) {
      pages.push(page.map((s) => s.event.id));
    }
    expect(pages).toEqual([['a', 'b'], ['c']]);
  });

  it('ingests in batches, publishes only new events once committed, and counts every line', async () => {
    const bus = new EventBus();
    const published: string[] = [];
    bus.committed$.subscribe((b) => published.push(...b.events.map((s) => s.event.id)));
    const ingest = new IngestService(log, bus);
    const result = await ingest.ingest('paris', [
      { line: 1, events: [queued('d', '2026-03-10T08:10:00Z')] },
      { line: 2, rejected: 'field 1: epoch is not a number' },
      { line: 3, events: [queued('a', '2026-03-10T08:00:00Z')] },
    ]);
    expect(result).toEqual({
      lines: 3,
      events: 1,
      duplicates: 1,
      rejected: [{ line: 2, reason: 'field 1: epoch is not a number' }],
      rejectedTotal: 1,
    });
    expect(published).toEqual(['d']);
  });

  it('refuses a batch for an unknown site as a whole', async () => {
    await expect(log.append('nowhere', [queued('x', '2026-03-10T08:00:00Z')])).rejects.toThrow(/foreign key/);
    const { rows } = await t.db.query<{ n: number }>(`select count(*)::int as n from event_ids where site = 'nowhere'`);
    expect(rows[0]!.n).toBe(0);
  });
});
