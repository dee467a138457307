import { describe, expect, it } from 'vitest';
import { VigieEvent, eventTime } from './events.js';

describe('VigieEvent', () => {
  it('accepts a queued contact and defaults the channel to voice', () => {
    const parsed = VigieEvent.parse({
      type: 'contact.queued',
      id: 'e1',
      site: 'demo',
      at: '2026-03-10T08:15:02Z',
      contactId: 'c1',
      queue: 'standard',
    });
    expect(parsed).toMatchObject({ channel: 'voice' });
    expect(eventTime(parsed)).toBe(Date.UTC(2026, 2, 10, 8, 15, 2));
  });

  it('refuses a time with an offset, naming the field', () => {
    const result = VigieEvent.safeParse({
      type: 'agent.ready',
      id: 'e2',
      site: 'demo',
      at: '2026-03-10T09:15:02+01:00',
      agent: 'SIP/2001',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['at']);
  });

  it('refuses an unknown type', () => {
    expect(
      VigieEvent.safeParse({ type: 'agent.dancing', id: 'x', site: 'demo', at: '2026-03-10T08:00:00Z' }).success,
    ).toBe(false);
  });
});
