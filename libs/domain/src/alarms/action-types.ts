import type { ActionType, Channel } from '@vigie/protocol';

/**
 * The action-type table of a real deployment (DOMAIN.md, insurance). The escalation is our default: the
 * supervisor is called in for every type until a site sets its own.
 */
export const DEFAULT_ACTION_TYPES: readonly ActionType[] = [
  { actionType: 'Appel VIP', priority: 1, maxDelaySec: 60, escalation: 'supervisor' },
  { actionType: 'Appel n° noir', priority: 2, maxDelaySec: 60, escalation: 'supervisor' },
  { actionType: 'Mail VIP', priority: 3, maxDelaySec: 5 * 60, escalation: 'supervisor' },
  { actionType: 'Web Call Back', priority: 4, maxDelaySec: 10 * 60, escalation: 'supervisor' },
  { actionType: 'Demande de rappel', priority: 4, maxDelaySec: 10 * 60, escalation: 'supervisor' },
  { actionType: 'Appel Standard', priority: 10, maxDelaySec: 60, escalation: 'supervisor' },
  { actionType: 'Mail Standard', priority: 15, maxDelaySec: 3600, escalation: 'supervisor' },
  { actionType: 'Campagne Prospection', priority: 50, maxDelaySec: 2 * 3600, escalation: 'supervisor' },
];

/** The action type of a contact that arrives without one, by channel (chat and social have none by default). */
export const DEFAULT_CHANNEL_ACTION_TYPES: Readonly<Partial<Record<Channel, string>>> = {
  voice: 'Appel Standard',
  email: 'Mail Standard',
  callback: 'Web Call Back',
  outbound: 'Campagne Prospection',
};

export interface WaitingContact {
  id: string;
  queue: string;
  channel?: Channel;
  actionType?: string;
  enteredAtMs: number;
}

export interface OverdueContact {
  id: string;
  queue: string;
  actionType: string;
  priority: number;
  maxDelaySec: number;
  waitedSec: number;
  escalation: string;
}

export interface ActionTypeTable {
  types: readonly ActionType[];
  byChannel?: Readonly<Partial<Record<Channel, string>>>;
}

/** Index of a table, built once per configuration change. */
export function actionTypeIndex(table: ActionTypeTable): ReadonlyMap<string, ActionType> {
  return new Map(table.types.map((t) => [t.actionType, t]));
}

/**
 * The waiting contacts past their action type's maximum delay (strictly, as `pastCommitment`), most urgent
 * first: by priority, then longest wait. A contact's own action type wins over its channel's default; a
 * contact with neither, or with a type the table lacks, has no delay.
 */
export function overdueContacts(
  contacts: Iterable<WaitingContact>,
  table: ActionTypeTable,
  nowMs: number,
  index: ReadonlyMap<string, ActionType> = actionTypeIndex(table),
): OverdueContact[] {
  const overdue: OverdueContact[] = [];
  for (const c of contacts) {
    const name = c.actionType ?? (c.channel === undefined ? undefined : table.byChannel?.[c.channel]);
    const type = name === undefined ? undefined : index.get(name);
    if (type === undefined) {
      continue;
    }
    const waitedSec = Math.max(0, Math.floor((nowMs - c.enteredAtMs) / 1000));
    if (waitedSec > type.maxDelaySec) {
      overdue.push({
        id: c.id,
        queue: c.queue,
        actionType: type.actionType,
        priority: type.priority,
        maxDelaySec: type.maxDelaySec,
        waitedSec,
        escalation: type.escalation,
      });
    }
  }
  return overdue.sort((a, b) => a.priority - b.priority || b.waitedSec - a.waitedSec);
}

export const DEFAULT_ACTION_TYPE_TABLE: ActionTypeTable = {
  types: DEFAULT_ACTION_TYPES,
  byChannel: DEFAULT_CHANNEL_ACTION_TYPES,
};
