import type { OverdueContact } from './action-types.js';
import type { ActiveAlarm, AlarmTransition } from './alarm-evaluator.js';
import { alarmKey } from './compiled-rule.js';

/** Rule id of the alarms of contacts past their action type's delay: `action-type:<type>`. */
export const ACTION_TYPE_RULE_PREFIX = 'action-type:';

/**
 * Alarms for contacts waiting past their action type's maximum delay (`overdueContacts`): raised red when a
 * contact goes past its delay, with the escalation the table names, cleared when it stops waiting.
 */
export class OverdueWatch {
  private readonly open = new Map<string, ActiveAlarm>();

  update(overdue: readonly OverdueContact[], nowMs: number): AlarmTransition[] {
    const out: AlarmTransition[] = [];
    const seen = new Set<string>();
    for (const o of overdue) {
      const subject = { kind: 'contact' as const, name: o.id };
      const ruleId = `${ACTION_TYPE_RULE_PREFIX}${o.actionType}`;
      const key = alarmKey(ruleId, subject);
      seen.add(key);
      const current = this.open.get(key);
      if (current) {
        current.value = o.waitedSec;
        continue;
      }
      const detail = { queue: o.queue, actionType: o.actionType, maxDelaySec: o.maxDelaySec, escalation: o.escalation };
      const alarm: ActiveAlarm = {
        key,
        ruleId,
        subject,
        figure: 'waitSec',
        level: 'red',
        value: o.waitedSec,
        raisedAtMs: nowMs,
        acknowledged: false,
        detail,
      };
      this.open.set(key, alarm);
      out.push({
        type: 'raised',
        key,
        ruleId,
        subject,
        figure: 'waitSec',
        value: o.waitedSec,
        level: 'red',
        previousLevel: 'normal',
        atMs: nowMs,
        detail,
      });
    }
    for (const [key, alarm] of this.open) {
      if (!seen.has(key)) {
        this.open.delete(key);
        const { ruleId, subject, figure, value, detail } = alarm;
        out.push({
          type: 'cleared',
          key,
          ruleId,
          subject,
          figure,
          value,
          level: 'normal',
          previousLevel: 'red',
          atMs: nowMs,
          detail,
        });
      }
    }
    return out;
  }

  acknowledge(key: string): boolean {
    const alarm = this.open.get(key);
    if (alarm) {
      alarm.acknowledged = true;
    }
    return alarm !== undefined;
  }

  active(): ActiveAlarm[] {
    return [...this.open.values()].map((a) => ({ ...a }));
  }
}
