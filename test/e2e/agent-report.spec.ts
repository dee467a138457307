import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

/** 2026-03-10 in Paris (UTC+1): 09:00 local is 08:00Z. */
const at = (hhmmss: string) => `2026-03-10T${hhmmss}Z`;

describe('agent daily report', () => {
  let t: TestDatabase;
  let app: TestApp;
  let auth: Record<string, string>;

  beforeAll(async () => {
    t = await createTestDatabase();
    app = await startApp(t.url);
    auth = await login(app.url);
    const post = (path: string, body: unknown) =>
      fetch(`${app.url}${path}`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await post('/api/v1/sites', { id: 'paris', name: 'Paris', timezone: 'Europe/Paris' });
    let n = 0;
    const ev = (type: string, time: string, fields: Record<string, unknown>) => ({
      type,
      id: `a${++n}`,
      at: at(time),
      ...fields,
    });
    await post('/api/v1/sites/paris/events', [
      ev('agent.logged_in', '08:00:00', { agent: 'SIP/1', name: 'Julie M.', team: 'Équipe A' }),
      ev('contact.queued', '08:10:00', { contactId: 'c1', queue: 'standard' }),
      ev('contact.answered', '08:10:10', { contactId: 'c1', queue: 'standard', agent: 'SIP/1', waitSec: 10 }),
      ev('contact.ended', '08:13:10', {
        contactId: 'c1',
        queue: 'standard',
        agent: 'SIP/1',
        talkSec: 180,
        wrapupSec: 30,
      }),
      ev('contact.ended', '08:13:11', { contactId: 'c1', queue: 'standard', agent: 'SIP/1', talkSec: 180 }),
      ev('contact.queued', '08:20:00', { contactId: 'c2', queue: 'standard' }),
      ev('contact.ring_no_answer', '08:20:08', { contactId: 'c2', queue: 'standard', agent: 'SIP/1', ringSec: 8 }),
      ev('contact.abandoned', '08:21:00', { contactId: 'c2', queue: 'standard', waitSec: 60 }),
      ev('agent.paused', '09:00:00', { agent: 'SIP/1', reason: 'Pause' }),
      ev('agent.ready', '09:10:00', { agent: 'SIP/1' }),
      ev('agent.logged_out', '10:00:00', { agent: 'SIP/1' }),
    ]);
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
  });

  it('gives a closed day the hand-computed figures, the duplicate end not counted', async () => {
    const response = await fetch(`${app.url}/api/v1/sites/paris/reports/agents?from=2026-03-10&to=2026-03-11`, {
      headers: auth,
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { timezone: string; rows: Record<string, unknown>[] };
    // Logged in 08:00–10:00Z = 7,200 s: talking 180, wrap-up 30, paused 600, ready the rest (6,390).
    expect(report.rows).toEqual([
      {
        day: '2026-03-10',
        agent: 'SIP/1',
        name: 'Julie M.',
        team: 'Équipe A',
        loggedInSec: 7200,
        pausedSec: 600,
        readySec: 6390,
        talkSec: 180,
        wrapupSec: 30,
        answered: 1,
        handled: 1,
        avgHandlingSec: 210,
        ringNoAnswer: 1,
        pauseByReason: { Pause: 600 },
        pauseCountByReason: { Pause: 1 },
        // The one timed ring is the unanswered 8 s one (the answer says no ring time and no ringing was seen).
        ringSec: 8,
        avgRingSec: 8,
        transfers: 0,
        longCalls: 0,
        handledInbound: 1,
        handledOutbound: 0,
        byQueue: [
          {
            queue: 'standard',
            direction: 'inbound',
            answered: 1,
            handled: 1,
            transfers: 0,
            talkSec: 180,
            wrapupSec: 30,
            ringSec: 8,
            ringsTimed: 1,
            ringNoAnswer: 1,
            longCalls: 0,
            avgHandlingSec: 210,
            avgTalkSec: 180,
            avgWrapupSec: 30,
            avgRingSec: 8,
          },
        ],
      },
    ]);
  });

  it('refuses a reversed or too long range, naming the field', async () => {
    const reversed = await fetch(`${app.url}/api/v1/sites/paris/reports/agents?from=2026-03-11&to=2026-03-10`, {
      headers: auth,
    });
    expect(reversed.status).toBe(400);
    expect(((await reversed.json()) as { details: { field: string }[] }).details[0]!.field).toBe('from');
    const long = await fetch(`${app.url}/api/v1/sites/paris/reports/agents?from=2026-01-01&to=2026-03-10`, {
      headers: auth,
    });
    expect(long.status).toBe(400);
  });
});
