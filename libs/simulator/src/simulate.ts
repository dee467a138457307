import type { VigieEvent } from '@vigie/protocol';
import { BANK } from './calibration.js';
import { DEMO_QUEUES, demoAgents, type AgentSpec, type QueueSpec } from './floor-spec.js';
import { Random } from './random.js';

export interface SimulationOptions {
  site: string;
  seed: number;
  /** When the floor opens (epoch ms); the arrival profile starts at `profileStartHour` then. */
  startMs: number;
  hours?: number;
  /** Local hour of the bank's daily profile the opening maps to (8 = a floor opening at 08:00). */
  profileStartHour?: number;
  /** 1 ≈ 24 agents and ~1,500 contacts over 12 hours. */
  scale?: number;
}

type Draft = Record<string, unknown> & { type: VigieEvent['type'] };

interface Contact {
  id: string;
  queue: QueueSpec;
  enteredMs: number;
  closed: boolean;
  ringing: boolean;
  rang: boolean;
}

interface Agent {
  spec: AgentSpec;
  logged: boolean;
  paused: boolean;
  busy: boolean;
  freeSinceMs: number;
}

/** A binary min-heap of timed actions, ties in insertion order. */
class Agenda {
  private heap: { at: number; n: number; run: () => void }[] = [];
  private n = 0;

  push(at: number, run: () => void): void {
    const h = this.heap;
    h.push({ at, n: this.n++, run });
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.less(h[p]!, h[i]!)) {
        break;
      }
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }

  pop(): { at: number; run: () => void } | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && this.less(h[l]!, h[m]!)) {
          m = l;
        }
        if (r < h.length && this.less(h[r]!, h[m]!)) {
          m = r;
        }
        if (m === i) {
          break;
        }
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }

  private less(a: { at: number; n: number }, b: { at: number; n: number }): boolean {
    return a.at < b.at || (a.at === b.at && a.n < b.n);
  }
}

/**
 * A contact-center floor, event by event: arrivals following the bank's daily profile, agents on shifts with
 * breaks every ~2 h (the labour rule) and a lunch, ringing (sometimes unanswered), talk and wrap-up, abandons
 * from impatience, queue timeouts and key exits, transfers and outcomes. Deterministic for a seed.
 */
export function simulate(opts: SimulationOptions): VigieEvent[] {
  const rnd = new Random(opts.seed);
  const scale = opts.scale ?? 1;
  const hours = opts.hours ?? 12;
  const profileStart = opts.profileStartHour ?? 8;
  const endMs = opts.startMs + hours * 3600_000;
  const agenda = new Agenda();
  const out: VigieEvent[] = [];
  const waiting = new Map<string, Contact[]>(DEMO_QUEUES.map((q) => [q.name, []]));
  let n = 0;
  const emit = (atMs: number, draft: Draft) =>
    out.push({
      ...draft,
      id: `sim-${opts.startMs}-${opts.seed}-${++n}`,
      site: opts.site,
      at: new Date(Math.round(atMs)).toISOString(),
    } as VigieEvent);

  const agents: Agent[] = demoAgents(Math.max(4, Math.round(24 * scale))).map((spec) => ({
    spec,
    logged: false,
    paused: false,
    busy: false,
    freeSinceMs: 0,
  }));

  const dispatch = (now: number) => {
    for (const agent of agents
      .filter((a) => a.logged && !a.paused && !a.busy)
      .sort((a, b) => a.freeSinceMs - b.freeSinceMs)) {
      const candidates = DEMO_QUEUES.filter(
        (q) => agent.spec.skills.includes(q.name) && (waiting.get(q.name)?.length ?? 0) > 0,
      );
      candidates.sort(
        (a, b) => a.priority - b.priority || waiting.get(a.name)![0]!.enteredMs - waiting.get(b.name)![0]!.enteredMs,
      );
      const queue = candidates[0];
      if (!queue) {
        continue;
      }
      const contact = waiting.get(queue.name)!.shift()!;
      agent.busy = true;
      contact.ringing = true;
      const ringSec = rnd.int(2, 8);
      const base = { contactId: contact.id, queue: queue.name };
      if (queue.channel === 'voice') {
        emit(now, { type: 'contact.ringing', ...base, agent: agent.spec.agent });
      }
      agenda.push(now + ringSec * 1000, () => {
        contact.ringing = false;
        if (queue.channel === 'voice' && !contact.rang && rnd.next() < 0.05) {
          contact.rang = true;
          emit(now + ringSec * 1000, { type: 'contact.ring_no_answer', ...base, agent: agent.spec.agent, ringSec });
          waiting.get(queue.name)!.unshift(contact);
          agent.busy = false;
          agent.freeSinceMs = now + ringSec * 1000;
          dispatch(now + ringSec * 1000);
          return;
        }
        const answeredAt = now + ringSec * 1000;
        contact.closed = true;
        const waitSec = Math.round((answeredAt - contact.enteredMs) / 1000);
        emit(answeredAt, { type: 'contact.answered', ...base, agent: agent.spec.agent, waitSec, ringSec });
        const talkSec = Math.round(
          Math.min(3600, Math.max(10, rnd.lognormal(queue.talkMeanSec, BANK.service.lognormalSigma * 0.6))),
        );
        const wrapupSec = rnd.int(5, 40);
        const endAt = answeredAt + talkSec * 1000;
        agenda.push(endAt, () => {
          const end = { ...base, agent: agent.spec.agent, talkSec, waitSec };
          if (rnd.next() < 0.04) {
            emit(endAt, { type: 'contact.transferred', ...end, kind: 'blind', target: '8002@from-internal' });
          } else {
            emit(endAt, {
              type: 'contact.ended',
              ...end,
              wrapupSec,
              endedBy: rnd.next() < 0.5 ? 'caller' : 'agent',
              ...outcome(rnd, queue),
            });
          }
          emit(endAt, { type: 'agent.wrapup', agent: agent.spec.agent, contactId: contact.id, queue: queue.name });
          agenda.push(endAt + wrapupSec * 1000, () => {
            emit(endAt + wrapupSec * 1000, { type: 'agent.ready', agent: agent.spec.agent });
            agent.busy = false;
            agent.freeSinceMs = endAt + wrapupSec * 1000;
            dispatch(agent.freeSinceMs);
          });
        });
      });
    }
  };

  const leave = (contact: Contact, at: number, draft: Draft) => {
    const list = waiting.get(contact.queue.name)!;
    const i = list.indexOf(contact);
    if (contact.closed || contact.ringing || i < 0) {
      return;
    }
    list.splice(i, 1);
    contact.closed = true;
    emit(at, {
      ...draft,
      contactId: contact.id,
      queue: contact.queue.name,
      waitSec: Math.round((at - contact.enteredMs) / 1000),
    });
  };

  scheduleArrivals(opts, rnd, scale, profileStart, endMs, (at, queue, k) => {
    agenda.push(at, () => {
      const contact: Contact = {
        id: `${Math.floor(at / 1000)}.${k}`,
        queue,
        enteredMs: at,
        closed: false,
        ringing: false,
        rang: false,
      };
      const list = waiting.get(queue.name)!;
      const members = agents.filter((a) => a.logged && a.spec.skills.includes(queue.name));
      emit(at, {
        type: 'contact.queued',
        contactId: contact.id,
        queue: queue.name,
        channel: queue.channel,
        actionType: queue.actionType,
        callerId: `06${rnd.int(10_000_000, 99_999_999)}`,
        position: list.length + 1,
      });
      if (members.length === 0 && queue.channel === 'voice') {
        contact.closed = true;
        emit(at + 1000, {
          type: 'contact.not_distributed',
          contactId: contact.id,
          queue: queue.name,
          waitSec: 1,
          reason: 'empty',
        });
        return;
      }
      list.push(contact);
      if (queue.patienceMeanSec !== null) {
        const patience = rnd.exponential(queue.patienceMeanSec);
        if (queue.timeoutSec !== null && patience > queue.timeoutSec) {
          agenda.push(at + queue.timeoutSec * 1000, () =>
            leave(contact, at + queue.timeoutSec! * 1000, { type: 'contact.not_distributed', reason: 'timeout' }),
          );
        } else {
          agenda.push(at + Math.max(1, patience) * 1000, () =>
            leave(contact, at + Math.max(1, patience) * 1000, { type: 'contact.abandoned', position: 1 }),
          );
        }
        if (rnd.next() < 0.015) {
          const t = at + rnd.int(5, 60) * 1000;
          agenda.push(t, () => leave(contact, t, { type: 'contact.not_distributed', reason: 'key', key: '0' }));
        }
      }
      dispatch(at);
    });
  });

  agents.forEach((agent, i) => scheduleShift(agent, i, opts.startMs, endMs, rnd, agenda, emit, dispatch));

  for (let item = agenda.pop(); item; item = agenda.pop()) {
    item.run();
  }
  return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
}

function outcome(rnd: Random, queue: QueueSpec): { outcome: Record<string, unknown> } {
  const result: Record<string, unknown> = { fcr: rnd.next() < 0.72 };
  if (rnd.next() < 0.4) {
    result.csat = Math.min(5, Math.max(1, Math.round(4.1 + (rnd.next() - 0.5) * 3)));
  }
  if (queue.name === 'ventes') {
    result.appointment = rnd.next() < 0.3;
    if (rnd.next() < 0.2) {
      result.sale = { amountCents: rnd.int(20, 300) * 100, currency: 'EUR' };
    }
  }
  return { outcome: result };
}

function scheduleArrivals(
  opts: SimulationOptions,
  rnd: Random,
  scale: number,
  profileStart: number,
  endMs: number,
  arrive: (at: number, queue: QueueSpec, k: number) => void,
): void {
  const hours = Math.ceil((endMs - opts.startMs) / 3600_000);
  const shares = Array.from({ length: hours }, (_, h) => BANK.hourlyShare[(profileStart + h) % 24]!);
  const total = shares.reduce((a, b) => a + b, 0);
  let k = 0;
  for (const queue of DEMO_QUEUES) {
    for (let h = 0; h < hours; h++) {
      const ratePerMs = (BANK.callsPerDay * scale * queue.share * (shares[h]! / total)) / 3600_000;
      let t = opts.startMs + h * 3600_000;
      const hourEnd = Math.min(endMs, t + 3600_000);
      for (;;) {
        t += rnd.exponential(1 / ratePerMs);
        if (t >= hourEnd) {
          break;
        }
        arrive(Math.round(t / 1000) * 1000, queue, ++k);
      }
    }
  }
}

function scheduleShift(
  agent: Agent,
  i: number,
  startMs: number,
  endMs: number,
  rnd: Random,
  agenda: Agenda,
  emit: (at: number, draft: Draft) => void,
  dispatch: (now: number) => void,
): void {
  const { agent: id, name, team, skills } = agent.spec;
  const login = startMs + (i % 3 === 2 ? 3.5 * 3600_000 : 0) + rnd.int(0, 20) * 60_000;
  const logout = Math.min(endMs, login + rnd.int(7 * 60, 8 * 60) * 60_000);
  agenda.push(login, () => {
    agent.logged = true;
    agent.freeSinceMs = login;
    skills.forEach((queue) => emit(login, { type: 'agent.logged_in', agent: id, queue, name, team }));
    dispatch(login);
  });
  const pause = (at: number, reason: string, minutes: number) => {
    const tryPause = (t: number) => {
      if (!agent.logged || t >= logout) {
        return;
      }
      if (agent.busy || agent.paused) {
        agenda.push(t + 20_000, () => tryPause(t + 20_000));
        return;
      }
      agent.paused = true;
      emit(t, { type: 'agent.paused', agent: id, reason });
      const back = t + minutes * 60_000;
      agenda.push(back, () => {
        agent.paused = false;
        agent.freeSinceMs = back;
        emit(back, { type: 'agent.ready', agent: id });
        dispatch(back);
      });
    };
    agenda.push(at, () => tryPause(at));
  };
  for (let t = login + rnd.int(100, 130) * 60_000; t < logout - 15 * 60_000; t += rnd.int(110, 130) * 60_000) {
    pause(t, rnd.next() < 0.85 ? 'Pause' : 'Formation', rnd.int(8, 12));
  }
  if (logout - login > 6 * 3600_000) {
    pause(login + rnd.int(200, 260) * 60_000, 'Repas', rnd.int(30, 45));
  }
  const leave = (t: number) => {
    if (agent.busy) {
      agenda.push(t + 30_000, () => leave(t + 30_000));
      return;
    }
    agent.logged = false;
    emit(t, { type: 'agent.logged_out', agent: id });
  };
  agenda.push(logout, () => leave(logout));
}
