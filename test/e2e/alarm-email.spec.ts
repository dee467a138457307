import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login, startApp, zoneAwayFromMidnight, type TestApp } from '../support/app.js';
import { createTestDatabase, type TestDatabase } from '../support/databases.js';

interface Mail {
  to: string[];
  data: string;
}

describe('alarm e-mails', () => {
  let t: TestDatabase;
  let app: TestApp;
  let auth: Record<string, string>;
  let smtp: SMTPServer;
  const mails: Mail[] = [];
  const api = (path: string, method: string, body?: unknown) =>
    fetch(`${app.url}${path}`, {
      method,
      headers: { ...auth, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          mails.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            data: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    const port = (smtp.server.address() as AddressInfo).port;
    t = await createTestDatabase();
    app = await startApp(t.url, { VIGIE_SMTP_URL: `smtp://127.0.0.1:${port}`, VIGIE_MAIL_FROM: 'vigie@plateau.test' });
    auth = await login(app.url);
    await api('/api/v1/sites', 'POST', { id: 'mail', name: 'Mail', timezone: zoneAwayFromMidnight() });
  });
  afterAll(async () => {
    await app?.close();
    await t?.drop();
    await new Promise<void>((resolve) => smtp?.close(resolve));
  });

  it('mails the recipients when an alarm is raised and when it turns red', async () => {
    // The agent sits ready while the call waits: only the queue's wait is watched here.
    expect((await api('/api/v1/sites/mail/alarm-rules/idle-while-waiting', 'DELETE')).status).toBe(204);
    const settings = await api('/api/v1/sites/mail/alarm-email', 'PUT', {
      to: ['chef@plateau.test'],
      minLevel: 'orange',
    });
    expect(await settings.json()).toEqual({ to: ['chef@plateau.test'], minLevel: 'orange', enabled: true });
    const rule = { figure: 'longestWaitSec', scope: { kind: 'queue' }, direction: 'above', orange: 1, red: 3 };
    expect((await api('/api/v1/sites/mail/alarm-rules/longest-wait', 'PUT', rule)).status).toBe(200);
    const now = new Date().toISOString();
    await api('/api/v1/sites/mail/events', 'POST', [
      { type: 'agent.logged_in', id: 'l', at: now, agent: 'SIP/1', queue: 'vip' },
      { type: 'contact.queued', id: 'q', at: now, contactId: 'call', queue: 'vip' },
    ]);
    const deadline = Date.now() + 10_000;
    while (mails.length < 2 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(mails.map((m) => m.to)).toEqual([['chef@plateau.test'], ['chef@plateau.test']]);
    const [orange, red] = await Promise.all(mails.map((m) => simpleParser(m.data)));
    expect(orange?.subject).toBe('[Vigie mail] ORANGE longest-wait — queue vip');
    expect(red?.subject).toBe('[Vigie mail] ROUGE longest-wait — queue vip');
    expect(orange?.from?.text).toBe('vigie@plateau.test');
    expect(red?.text).toContain('Alarme : longest-wait — queue vip (aggravée)');
  });

  it('refuses a recipient that is not an e-mail address, naming it', async () => {
    const bad = await api('/api/v1/sites/mail/alarm-email', 'PUT', { to: ['pas-une-adresse'] });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { details: { field: string }[] }).details[0]?.field).toBe('to.0');
  });
});
