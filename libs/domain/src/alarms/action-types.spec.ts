import { ActionType } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_ACTION_TYPE_TABLE,
  DEFAULT_ACTION_TYPES,
  overdueContacts,
  type WaitingContact,
} from './action-types.js';

const NOW = Date.UTC(2026, 1, 10, 10);
const waited = (sec: number) => NOW - sec * 1000;

describe(overdueContacts.name, () => {
  it('has the rows of the DOMAIN.md table, valid', () => {
    expect(DEFAULT_ACTION_TYPES.map((t) => [t.actionType, t.priority, t.maxDelaySec])).toEqual([
      ['Appel VIP', 1, 60],
      ['Appel n° noir', 2, 60],
      ['Mail VIP', 3, 300],
      ['Web Call Back', 4, 600],
      ['Demande de rappel', 4, 600],
      ['Appel Standard', 10, 60],
      ['Mail Standard', 15, 3600],
      ['Campagne Prospection', 50, 7200],
    ]);
    DEFAULT_ACTION_TYPES.forEach((t) => expect(ActionType.parse(t)).toEqual(t));
  });

  it.each<[string, WaitingContact, boolean]>([
    ['VIP call at its delay', { id: 'c', queue: 'q', actionType: 'Appel VIP', enteredAtMs: waited(60) }, false],
    ['VIP call past its delay', { id: 'c', queue: 'q', actionType: 'Appel VIP', enteredAtMs: waited(61) }, true],
    [
      'standard email after 59 min',
      { id: 'c', queue: 'q', actionType: 'Mail Standard', enteredAtMs: waited(3540) },
      false,
    ],
    [
      'standard email after 1 h 1 s',
      { id: 'c', queue: 'q', actionType: 'Mail Standard', enteredAtMs: waited(3601) },
      true,
    ],
    [
      'call-back request after 11 min',
      { id: 'c', queue: 'q', actionType: 'Demande de rappel', enteredAtMs: waited(660) },
      true,
    ],
    [
      'a voice call without a type: Appel Standard',
      { id: 'c', queue: 'q', channel: 'voice', enteredAtMs: waited(61) },
      true,
    ],
    ['a chat without a type: no delay', { id: 'c', queue: 'q', channel: 'chat', enteredAtMs: waited(99_999) }, false],
    ['a type the table lacks', { id: 'c', queue: 'q', actionType: 'Fax', enteredAtMs: waited(99_999) }, false],
    [
      'its own type wins over the channel',
      { id: 'c', queue: 'q', channel: 'voice', actionType: 'Mail Standard', enteredAtMs: waited(120) },
      false,
    ],
  ])('%s', (_, contact, overdue) => {
    expect(overdueContacts([contact], DEFAULT_ACTION_TYPE_TABLE, NOW)).toHaveLength(overdue ? 1 : 0);
  });

  it('names the escalation and lists the most urgent first, then the longest wait', () => {
    const contacts: WaitingContact[] = [
      { id: 'mail', queue: 'back-office', actionType: 'Mail Standard', enteredAtMs: waited(7200) },
      { id: 'std-1', queue: 'standard', actionType: 'Appel Standard', enteredAtMs: waited(90) },
      { id: 'vip', queue: 'vip', actionType: 'Appel VIP', enteredAtMs: waited(70) },
      { id: 'std-2', queue: 'standard', actionType: 'Appel Standard', enteredAtMs: waited(200) },
    ];
    const overdue = overdueContacts(contacts, DEFAULT_ACTION_TYPE_TABLE, NOW);
    expect(overdue.map((c) => c.id)).toEqual(['vip', 'std-2', 'std-1', 'mail']);
    expect(overdue[0]).toEqual({
      id: 'vip',
      queue: 'vip',
      actionType: 'Appel VIP',
      priority: 1,
      maxDelaySec: 60,
      waitedSec: 70,
      escalation: 'supervisor',
    });
  });

  it('follows a site table: its own delays and escalations', () => {
    const table = { types: [{ actionType: 'Chat', priority: 5, maxDelaySec: 120, escalation: 'overflow to IVR' }] };
    const chat = { id: 'c', queue: 'web', actionType: 'Chat', enteredAtMs: waited(121) };
    expect(overdueContacts([chat], table, NOW)).toMatchObject([{ escalation: 'overflow to IVR' }]);
  });
});
