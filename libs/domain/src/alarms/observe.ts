import {
  ALARM_FIGURES,
  PAUSE_BY_REASON_PREFIX,
  type AgentLive,
  type AlarmScopeKind,
  type FloorSnapshot,
  type TotalsLive,
} from '@vigie/protocol';

/** What an alarm is about. A `pauseReason` rule watches agents, so its alarms are about an agent. */
export type SubjectKind = 'site' | 'queue' | 'team' | 'agent' | 'channel' | 'contact';

export interface Subject {
  kind: SubjectKind;
  name: string;
}

/** Figure values of one subject at one instant, keyed by figure name (`longestWaitSec`, `agents.ready`…). */
export interface Observation {
  subject: Subject;
  /** `subjectKey(subject)`, computed once. */
  key: string;
  figures: Readonly<Record<string, number | null>>;
  /** Agents: the current pause reason; '' when paused without one, null when not paused. */
  pauseReason: string | null;
}

/** Every subject of a floor at one instant, indexed for the evaluator. */
export interface Observations {
  byKind: Readonly<Record<SubjectKind, readonly Observation[]>>;
  byKey: ReadonlyMap<string, Observation>;
}

export function subjectKey(subject: Subject): string {
  return `${subject.kind}:${subject.name}`;
}

type Paths = readonly (readonly string[])[];
const paths = (kind: AlarmScopeKind): Paths => ALARM_FIGURES[kind].map((figure) => figure.split('.'));
const FLOOR_PATHS = paths('site');
const QUEUE_PATHS = paths('queue');
const CHANNEL_PATHS = paths('channel');
const AGENT_PATHS = paths('agent');

/** Reads the figures a rule may name from a live row (dotted names walk nested objects, e.g. `agents.ready`). */
function pick(row: object, figures: Paths): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const path of figures) {
    let value: unknown = row;
    for (const field of path) {
      value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[field] : undefined;
    }
    if (typeof value === 'number' || value === null) {
      out[path.join('.')] = value;
    }
  }
  return out;
}

function floorFigures(row: TotalsLive, figures: Paths): Record<string, number | null> {
  const out = pick(row, figures);
  out.unservedWaiting = row.agents.ready === 0 ? row.waiting : 0;
  return out;
}

function agentFigures(
  a: AgentLive,
  nowMs: number,
  waiting: ReadonlyMap<string, number>,
): Record<string, number | null> {
  const out = pick(a, AGENT_PATHS);
  for (const [reason, sec] of Object.entries(a.pauseByReason)) {
    out[PAUSE_BY_REASON_PREFIX + reason] = sec;
  }
  const stateSec = Math.max(0, Math.floor((nowMs - Date.parse(a.since)) / 1000));
  out.stateSec = stateSec;
  out.currentPauseSec = a.state === 'paused' ? stateSec : 0;
  out.currentTalkSec = a.state === 'talking' ? stateSec : 0;
  out.idleWhileWaitingSec = a.state === 'ready' && a.queues.some((q) => (waiting.get(q) ?? 0) > 0) ? stateSec : 0;
  return out;
}

export function observation(
  kind: SubjectKind,
  name: string,
  figures: Readonly<Record<string, number | null>>,
  pauseReason: string | null = null,
): Observation {
  const subject = { kind, name };
  return { subject, key: subjectKey(subject), figures, pauseReason };
}

/** Indexes observations by kind and key (later ones replace earlier ones of the same key). */
export function indexObservations(list: Iterable<Observation>): Observations {
  const byKind: Record<SubjectKind, Observation[]> = {
    site: [],
    queue: [],
    team: [],
    agent: [],
    channel: [],
    contact: [],
  };
  const byKey = new Map<string, Observation>();
  for (const o of list) {
    if (byKey.has(o.key)) {
      byKind[o.subject.kind] = byKind[o.subject.kind].filter((other) => other.key !== o.key);
    }
    byKind[o.subject.kind].push(o);
    byKey.set(o.key, o);
  }
  return { byKind, byKey };
}

/**
 * The observations of a live snapshot: the site (totals), each queue, team and channel, and each logged-in
 * agent, with the figures of `ALARM_FIGURES`. Logged-out agents are left out, so their alarms clear.
 */
export function observe(snapshot: FloorSnapshot, site: string): Observations {
  const nowMs = Date.parse(snapshot.at);
  const list: Observation[] = [observation('site', site, floorFigures(snapshot.totals, FLOOR_PATHS))];
  for (const q of snapshot.queues) {
    list.push(observation('queue', q.queue, floorFigures(q, QUEUE_PATHS)));
  }
  for (const t of snapshot.teams) {
    list.push(observation('team', t.team, floorFigures(t, FLOOR_PATHS)));
  }
  for (const c of snapshot.channels) {
    list.push(observation('channel', c.channel, pick(c, CHANNEL_PATHS)));
  }
  const waiting = new Map(snapshot.queues.map((q) => [q.queue, q.waiting]));
  for (const a of snapshot.agents) {
    if (a.state !== 'logged_out') {
      list.push(
        observation(
          'agent',
          a.agent,
          agentFigures(a, nowMs, waiting),
          a.state === 'paused' ? (a.pauseReason ?? '') : null,
        ),
      );
    }
  }
  return indexObservations(list);
}
