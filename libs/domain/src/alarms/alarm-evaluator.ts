import type { AlarmRule, Level } from '@vigie/protocol';
import { isValidTimeZone } from '../time/business-day.js';
import { alarmKey, compileRules, RANK, type AlarmState, type CompiledRule } from './compiled-rule.js';
import type { Observation, Observations, Subject } from './observe.js';
import { isOpenAt, localClock } from './opening-hours.js';

export type AlarmTransitionType = 'raised' | 'escalated' | 'deescalated' | 'cleared';

export interface AlarmTransition {
  type: AlarmTransitionType;
  /** Identifies the alarm of one rule on one subject; what `acknowledge` takes. */
  key: string;
  ruleId: string;
  subject: Subject;
  figure: string;
  /** The figure's value then; null when the subject has none (e.g. it left the floor). */
  value: number | null;
  level: Level;
  previousLevel: Level;
  atMs: number;
  /** What else an alarm says (an overdue contact's queue, action type and escalation). */
  detail?: Readonly<Record<string, string | number>>;
}

function transitionType(previous: Level, next: Level): AlarmTransitionType {
  if (previous === 'normal') {
    return 'raised';
  }
  if (next === 'normal') {
    return 'cleared';
  }
  return RANK[next] > RANK[previous] ? 'escalated' : 'deescalated';
}

export interface ActiveAlarm {
  key: string;
  ruleId: string;
  subject: Subject;
  figure: string;
  level: Exclude<Level, 'normal'>;
  value: number | null;
  raisedAtMs: number;
  acknowledged: boolean;
  detail?: Readonly<Record<string, string | number>>;
}

/**
 * The alarm lifecycle of a site as a pure state machine: feed it observations on every tick, get transitions.
 * - An alarm is raised when the value has been past a bound (inclusive) for the rule's minimum duration, and
 *   escalates to red when it has been past red for that duration too.
 * - It de-escalates or clears when the value gets back past the bound by more than the hysteresis; at once.
 * - Outside the rule's opening hours, when the figure has no value (null) or the subject leaves the floor, it
 *   clears and pending durations restart.
 * - A rule on one named target overrides a rule on all targets of the same kind and figure.
 * One linear pass over (rule, matching subject) pairs; state exists only for pairs past a bound or alarmed.
 */
export class AlarmEvaluator {
  private readonly rules: CompiledRule[];
  private readonly alarms = new Map<string, AlarmState>();
  private readonly needsClock: boolean;
  private tick = 0;
  private last: Observations | undefined;

  constructor(
    rules: readonly AlarmRule[],
    private readonly opts: { timeZone: string },
  ) {
    if (!isValidTimeZone(opts.timeZone)) {
      throw new RangeError(`unknown time zone "${opts.timeZone}"`);
    }
    this.rules = compileRules(rules);
    this.needsClock = this.rules.some((r) => r.hours !== undefined);
  }

  evaluate(nowMs: number, observations: Observations): AlarmTransition[] {
    const out: AlarmTransition[] = [];
    const clock = this.needsClock ? localClock(nowMs, this.opts.timeZone) : undefined;
    const tick = ++this.tick;
    for (const r of this.rules) {
      const open = r.hours === undefined || (clock !== undefined && isOpenAt(r.hours, clock));
      if (r.targetKey !== undefined) {
        const o = observations.byKey.get(r.targetKey);
        if (o !== undefined) {
          this.step(r, o, open, nowMs, tick, out);
        }
      } else {
        for (const o of observations.byKind[r.kind]) {
          if (this.matches(r, o)) {
            this.step(r, o, open, nowMs, tick, out);
          }
        }
      }
      if (r.states.size > 0) {
        this.sweep(r, nowMs, tick, out);
      }
    }
    this.last = observations;
    return out;
  }

  /** Level per subject key (`queue:standard`) and figure, for every figure that has a rule on that subject. */
  levels(): Map<string, Record<string, Level>> {
    const levels = new Map<string, Record<string, Level>>();
    const obs = this.last;
    if (obs === undefined) {
      return levels;
    }
    const put = (r: CompiledRule, o: Observation) => {
      let row = levels.get(o.key);
      if (row === undefined) {
        row = {};
        levels.set(o.key, row);
      }
      const level = r.states.get(o.key)?.level ?? 'normal';
      const current = row[r.figure];
      row[r.figure] = current !== undefined && RANK[current] > RANK[level] ? current : level;
    };
    for (const r of this.rules) {
      if (r.targetKey !== undefined) {
        const o = obs.byKey.get(r.targetKey);
        if (o !== undefined) {
          put(r, o);
        }
      } else {
        for (const o of obs.byKind[r.kind]) {
          if (this.matches(r, o)) {
            put(r, o);
          }
        }
      }
    }
    return levels;
  }

  /** Marks an active alarm as seen by a person. It stays active; an escalation to red asks for a new one. */
  acknowledge(key: string): boolean {
    const s = this.alarms.get(key);
    if (s === undefined || s.level === 'normal') {
      return false;
    }
    s.acknowledged = true;
    return true;
  }

  /** The alarms active now (orange or red), acknowledged or not. */
  active(): ActiveAlarm[] {
    const list: ActiveAlarm[] = [];
    for (const s of this.alarms.values()) {
      if (s.level !== 'normal') {
        const { key, ruleId, subject, figure, level, value, raisedAtMs, acknowledged } = s;
        list.push({ key, ruleId, subject, figure, level, value, raisedAtMs, acknowledged });
      }
    }
    return list;
  }

  private matches(r: CompiledRule, o: Observation): boolean {
    if (r.scopeKind === 'pauseReason') {
      if (o.pauseReason === null) {
        return false;
      }
      return r.name !== undefined ? o.pauseReason === r.name : !r.shadowed?.has(o.pauseReason);
    }
    return r.shadowed === undefined || !r.shadowed.has(o.subject.name);
  }

  private step(r: CompiledRule, o: Observation, open: boolean, nowMs: number, tick: number, out: AlarmTransition[]) {
    const raw = o.figures[r.figure];
    const value = typeof raw === 'number' && Number.isFinite(raw) ? raw : null;
    let s = r.states.get(o.key);
    if (!open || value === null) {
      if (s !== undefined) {
        s.seenTick = tick;
        s.value = value;
        this.reset(r, s, nowMs, out);
      }
      return;
    }
    const v = r.sign * value;
    const pastOrange = r.orange !== undefined && v >= r.orange;
    const pastRed = r.red !== undefined && v >= r.red;
    if (s === undefined) {
      if (!pastOrange && !pastRed) {
        return;
      }
      s = this.create(r, o);
    }
    s.seenTick = tick;
    s.value = value;
    s.orangeSinceMs = pastOrange ? (s.orangeSinceMs ?? nowMs) : null;
    s.redSinceMs = pastRed ? (s.redSinceMs ?? nowMs) : null;
    this.settle(r, s, this.nextLevel(r, s, v, nowMs), nowMs, out);
  }

  private nextLevel(r: CompiledRule, s: AlarmState, v: number, nowMs: number): Level {
    if (s.redSinceMs !== null && nowMs - s.redSinceMs >= r.minMs) {
      return 'red';
    }
    if (s.level === 'red' && r.red !== undefined && v >= r.red - r.hysteresis) {
      return 'red';
    }
    if (s.orangeSinceMs !== null && nowMs - s.orangeSinceMs >= r.minMs) {
      return 'orange';
    }
    if (s.level !== 'normal' && r.orange !== undefined && v >= r.orange - r.hysteresis) {
      return 'orange';
    }
    return 'normal';
  }

  private create(r: CompiledRule, o: Observation): AlarmState {
    const s: AlarmState = {
      key: alarmKey(r.id, o.subject),
      subjectKey: o.key,
      ruleId: r.id,
      figure: r.figure,
      subject: o.subject,
      level: 'normal',
      value: null,
      orangeSinceMs: null,
      redSinceMs: null,
      raisedAtMs: 0,
      acknowledged: false,
      seenTick: 0,
    };
    r.states.set(o.key, s);
    this.alarms.set(s.key, s);
    return s;
  }

  /** Subjects not seen this tick have left the floor: their alarms clear. */
  private sweep(r: CompiledRule, nowMs: number, tick: number, out: AlarmTransition[]): void {
    for (const s of r.states.values()) {
      if (s.seenTick !== tick) {
        s.value = null;
        this.reset(r, s, nowMs, out);
      }
    }
  }

  private reset(r: CompiledRule, s: AlarmState, nowMs: number, out: AlarmTransition[]): void {
    s.orangeSinceMs = null;
    s.redSinceMs = null;
    this.settle(r, s, 'normal', nowMs, out);
  }

  private settle(r: CompiledRule, s: AlarmState, next: Level, nowMs: number, out: AlarmTransition[]): void {
    const previous = s.level;
    if (next !== previous) {
      out.push({
        type: transitionType(previous, next),
        key: s.key,
        ruleId: r.id,
        subject: s.subject,
        figure: r.figure,
        value: s.value,
        level: next,
        previousLevel: previous,
        atMs: nowMs,
      });
      if (previous === 'normal') {
        s.raisedAtMs = nowMs;
      }
      if (next === 'red') {
        s.acknowledged = false;
      }
      s.level = next;
    }
    if (next === 'normal' && s.orangeSinceMs === null && s.redSinceMs === null) {
      r.states.delete(s.subjectKey);
      this.alarms.delete(s.key);
    }
  }
}
