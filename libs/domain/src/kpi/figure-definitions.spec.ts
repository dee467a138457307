import type { VigieEvent } from '@vigie/protocol';
import { describe, expect, it } from 'vitest';
import { ContactLedger } from './contact-ledger.js';
import { addCounters, emptyCounters, toPeriodFigures } from './counters.js';
import { CONTRACT_DEFINITION, definitionInForce, FigureBook, type DatedDefinition } from './figure-definitions.js';
import { FloorState } from './floor-state.js';

const TZ = 'Europe/Paris';
const DAY1 = Date.UTC(2026, 1, 10, 8, 0, 0); // 09:00 in Paris on 10 February
const DAY2 = Date.UTC(2026, 1, 11, 8, 0, 0); // 09:00 on 11 February
let n = 0;
const e = <T extends VigieEvent['type']>(type: T, t0: number, sec: number, fields: Record<string, unknown>) =>
  ({ type, id: `f${++n}`, site: 's', at: new Date(t0 + sec * 1000).toISOString(), ...fields }) as Extract<
    VigieEvent,
    { type: T }
  >;

/**
 * One queue's morning: answered in 15 s and 25 s, abandons after 3 s and 40 s, one not distributed after 60 s.
 * Under the contract: received 5, within 20 s 1, SL 1/5, QS 2/5.
 */
function morning(t0: number, queue = 'q'): VigieEvent[] {
  const q = { queue };
  const id = (c: string) => `${c}${t0}`;
  return [
    e('contact.queued', t0, 0, { contactId: id('a'), ...q, channel: 'voice' }),
    e('contact.answered', t0, 15, { contactId: id('a'), ...q, agent: 'A', waitSec: 15 }),
    e('contact.queued', t0, 1, { contactId: id('b'), ...q, channel: 'voice' }),
    e('contact.answered', t0, 26, { contactId: id('b'), ...q, agent: 'B', waitSec: 25 }),
    e('contact.queued', t0, 2, { contactId: id('c'), ...q, channel: 'voice' }),
    e('contact.abandoned', t0, 5, { contactId: id('c'), ...q, waitSec: 3 }),
    e('contact.queued', t0, 3, { contactId: id('d'), ...q, channel: 'voice' }),
    e('contact.abandoned', t0, 43, { contactId: id('d'), ...q, waitSec: 40 }),
    e('contact.queued', t0, 4, { contactId: id('x'), ...q, channel: 'voice' }),
    e('contact.not_distributed', t0, 64, { contactId: id('x'), ...q, waitSec: 60, reason: 'timeout' }),
  ];
}

const def = (d: Partial<DatedDefinition> & Pick<DatedDefinition, 'id' | 'validFrom'>): DatedDefinition => ({
  queue: '*',
  version: 1,
  targetSec: 20,
  shortAbandonSec: null,
  countNotDistributed: true,
  ...d,
});

function figuresOf(events: VigieEvent[], defs: DatedDefinition[]) {
  const ledger = new ContactLedger(TZ, new FigureBook(defs, TZ).resolve);
  const total = emptyCounters();
  for (const ev of events) {
    const d = ledger.apply(ev);
    if (d) {
      addCounters(total, d.counters);
    }
  }
  return { counters: total, figures: toPeriodFigures(total) };
}

describe(definitionInForce.name, () => {
  const defs = [
    def({ id: 'site-30', validFrom: '2026-02-01', targetSec: 30 }),
    def({ id: 'site-15', validFrom: '2026-03-01', targetSec: 15, version: 2 }),
    def({ id: 'vip-10', queue: 'vip', validFrom: '2026-02-15', targetSec: 10 }),
    def({ id: 'vip-12', queue: 'vip', validFrom: '2026-02-15', targetSec: 12, version: 2 }),
  ];

  it('gives the contract’s definition before any definition starts', () => {
    expect(definitionInForce(defs, 'q', '2026-01-31')).toEqual(CONTRACT_DEFINITION);
    expect(definitionInForce([], 'q', '2026-01-31')).toMatchObject({ id: 'contract-v1', targetSec: 20 });
  });

  it('takes the latest start on or before the day, the queue’s own before the site’s, then the latest version', () => {
    expect(definitionInForce(defs, 'q', '2026-02-01').id).toBe('site-30');
    expect(definitionInForce(defs, 'q', '2026-03-01').id).toBe('site-15');
    expect(definitionInForce(defs, 'vip', '2026-02-14').id).toBe('site-30');
    expect(definitionInForce(defs, 'vip', '2026-02-15').id).toBe('vip-12');
    expect(definitionInForce(defs, 'vip', '2026-03-10').id).toBe('vip-12');
  });
});

describe('figures under a definition', () => {
  it('are the contract’s under the contract’s definition', () => {
    const { counters, figures } = figuresOf(morning(DAY1), []);
    expect(counters.excluded).toBe(0);
    expect(figures).toMatchObject({ received: 5, answeredWithinSl: 1, serviceLevel: 1 / 5, serviceQuality: 2 / 5 });
  });

  it('leaves abandons shorter than N seconds out of the ratios, not out of received', () => {
    const { counters, figures } = figuresOf(morning(DAY1), [
      def({ id: 'sa5', validFrom: '2026-01-01', shortAbandonSec: 5 }),
    ]);
    // The 3 s abandon is left out (3 < 5); the 40 s one stays: 4 counted contacts.
    expect(counters.excluded).toBe(1);
    expect(figures).toMatchObject({ received: 5, abandoned: 2, serviceLevel: 1 / 4, serviceQuality: 2 / 4 });
  });

  it('keeps an abandon of exactly N seconds', () => {
    const { figures } = figuresOf(morning(DAY1), [def({ id: 'sa3', validFrom: '2026-01-01', shortAbandonSec: 3 })]);
    expect(figures.serviceLevel).toBe(1 / 5);
  });

  it('leaves not-distributed contacts out of the ratios when they do not count', () => {
    const { figures } = figuresOf(morning(DAY1), [
      def({ id: 'nd', validFrom: '2026-01-01', countNotDistributed: false, shortAbandonSec: 5, targetSec: 30 }),
    ]);
    // Counted: a (15 s), b (25 s), d (abandon 40 s) = 3; within 30 s: a and b.
    expect(figures).toMatchObject({ received: 5, notDistributed: 1, answeredWithinSl: 2 });
    expect(figures.serviceLevel).toBe(2 / 3);
    expect(figures.serviceQuality).toBe(2 / 3);
  });

  it('changes the target from a stated business day: the days before keep the old definition', () => {
    const defs = [def({ id: 'sl-30', validFrom: '2026-02-11', targetSec: 30 })];
    const before = figuresOf(morning(DAY1), defs).figures;
    const after = figuresOf(morning(DAY2), defs).figures;
    expect(before).toMatchObject({ answeredWithinSl: 1, serviceLevel: 1 / 5 });
    expect(after).toMatchObject({ answeredWithinSl: 2, serviceLevel: 2 / 5 });
  });

  it('follows the day a contact entered, even when its answer comes after midnight', () => {
    const defs = [def({ id: 'sl-30', validFrom: '2026-02-11', targetSec: 30 })];
    const lateEntry = Date.UTC(2026, 1, 10, 22, 59, 50); // 23:59:50 on the 10th
    const { figures } = figuresOf(
      [
        e('contact.queued', lateEntry, 0, { contactId: 'late', queue: 'q', channel: 'voice' }),
        e('contact.answered', lateEntry, 25, { contactId: 'late', queue: 'q', agent: 'A', waitSec: 25 }),
      ],
      defs,
    );
    expect(figures.answeredWithinSl).toBe(0); // the 10th's definition: 20 s
  });

  it('shows the definition in force on live queues, and its target', () => {
    const defs = [def({ id: 'sl-30', validFrom: '2026-02-11', targetSec: 30, shortAbandonSec: 5 })];
    const floor = new FloorState({ timeZone: TZ, definitionOf: new FigureBook(defs, TZ).resolve });
    morning(DAY1).forEach((ev) => floor.apply(ev));
    expect(floor.snapshot(DAY1 + 120_000).queues[0]).toMatchObject({
      slTargetSec: 20,
      definition: CONTRACT_DEFINITION,
      serviceLevel: 1 / 5,
    });
    morning(DAY2).forEach((ev) => floor.apply(ev));
    expect(floor.snapshot(DAY2 + 120_000).queues[0]).toMatchObject({
      slTargetSec: 30,
      definition: { id: 'sl-30', targetSec: 30, shortAbandonSec: 5, countNotDistributed: true },
      received: 5,
      serviceLevel: 2 / 4,
    });
  });

  it('lets a floor adopt one rebuilt under new definitions', () => {
    const floor = new FloorState({ timeZone: TZ });
    morning(DAY1).forEach((ev) => floor.apply(ev));
    const rebuilt = new FloorState({
      timeZone: TZ,
      definitionOf: new FigureBook([def({ id: 'sl-30', validFrom: '2026-02-10', targetSec: 30 })], TZ).resolve,
    });
    morning(DAY1).forEach((ev) => rebuilt.apply(ev));
    floor.adopt(rebuilt);
    expect(floor.snapshot(DAY1 + 120_000).queues[0]).toMatchObject({
      definition: { id: 'sl-30' },
      serviceLevel: 2 / 5,
    });
  });
});
