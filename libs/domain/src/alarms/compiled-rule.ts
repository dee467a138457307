import type { AlarmRule, AlarmScopeKind, Level } from '@vigie/protocol';
import type { Subject, SubjectKind } from './observe.js';
import { compileOpeningHours, type CompiledRange } from './opening-hours.js';

/** Per (rule, subject), kept only while the condition is met or the alarm is active. Mutated in place. */
export interface AlarmState {
  key: string;
  subjectKey: string;
  ruleId: string;
  figure: string;
  subject: Subject;
  level: Level;
  value: number | null;
  orangeSinceMs: number | null;
  redSinceMs: number | null;
  raisedAtMs: number;
  acknowledged: boolean;
  seenTick: number;
}

/** A rule turned into numbers once. Bounds are signed so that 'below' rules compare like 'above' ones. */
export interface CompiledRule {
  id: string;
  figure: string;
  scopeKind: AlarmScopeKind;
  kind: SubjectKind;
  name: string | undefined;
  /** Subject key of a named scope looked up directly (not for pause reasons, which filter agents). */
  targetKey: string | undefined;
  /** Names (or pause reasons) that a named rule of the same kind and figure overrides. */
  shadowed: ReadonlySet<string> | undefined;
  hours: CompiledRange[] | undefined;
  sign: 1 | -1;
  orange: number | undefined;
  red: number | undefined;
  minMs: number;
  hysteresis: number;
  states: Map<string, AlarmState>;
}

export const RANK: Record<Level, number> = { normal: 0, orange: 1, red: 2 };

export function alarmKey(ruleId: string, subject: Subject): string {
  return `${ruleId}|${subject.kind}:${subject.name}`;
}

export function compileRules(rules: readonly AlarmRule[]): CompiledRule[] {
  const ids = new Set<string>();
  const named = new Map<string, Set<string>>();
  for (const rule of rules) {
    if (ids.has(rule.id)) {
      throw new RangeError(`duplicate alarm rule id "${rule.id}"`);
    }
    ids.add(rule.id);
    if (rule.scope.name !== undefined) {
      const group = `${rule.scope.kind}|${rule.figure}`;
      named.set(group, (named.get(group) ?? new Set()).add(rule.scope.name));
    }
  }
  return rules.map((rule) => {
    const sign = rule.direction === 'above' ? 1 : -1;
    const kind = rule.scope.kind === 'pauseReason' ? 'agent' : rule.scope.kind;
    const { name } = rule.scope;
    return {
      id: rule.id,
      figure: rule.figure,
      scopeKind: rule.scope.kind,
      kind,
      name,
      targetKey: name !== undefined && rule.scope.kind !== 'pauseReason' ? `${kind}:${name}` : undefined,
      shadowed: name === undefined ? named.get(`${rule.scope.kind}|${rule.figure}`) : undefined,
      hours: rule.openingHours && compileOpeningHours(rule.openingHours),
      sign,
      orange: rule.orange === undefined ? undefined : sign * rule.orange,
      red: rule.red === undefined ? undefined : sign * rule.red,
      minMs: rule.minDurationSec * 1000,
      hysteresis: rule.hysteresis,
      states: new Map(),
    };
  });
}
