import { CONTRACT_DEFINITION_ID, type FigureRules } from '@vigie/protocol';
import { businessDay, type BusinessDay } from '../time/business-day.js';

/** The contract's definition (CONTRACT.md): target 20 s, every abandon and not-distributed contact counted. */
export const CONTRACT_DEFINITION: FigureRules = Object.freeze({
  id: CONTRACT_DEFINITION_ID,
  targetSec: 20,
  shortAbandonSec: null,
  countNotDistributed: true,
});

/** What the resolver needs of a stored definition. */
export interface DatedDefinition extends FigureRules {
  queue: string;
  /** First business day, `YYYY-MM-DD`. */
  validFrom: string;
  version: number;
}

/**
 * The definition in force for a queue on a business day: the queue's own definitions first, else the site's
 * (`*`), else the contract's; among them the latest `validFrom` on or before the day, then the latest version.
 */
export function definitionInForce(defs: readonly DatedDefinition[], queue: string, date: string): FigureRules {
  let best: DatedDefinition | undefined;
  for (const d of defs) {
    if (d.validFrom > date || (d.queue !== queue && d.queue !== '*')) {
      continue;
    }
    if (!best || rank(d, queue) > rank(best, queue)) {
      best = d;
    }
  }
  return best ? rulesOf(best) : CONTRACT_DEFINITION;
}

const rank = (d: DatedDefinition, queue: string): string =>
  `${d.queue === queue ? 1 : 0}${d.validFrom}${String(d.version).padStart(10, '0')}`;

const rulesOf = (d: DatedDefinition): FigureRules => ({
  id: d.id,
  targetSec: d.targetSec,
  shortAbandonSec: d.shortAbandonSec,
  countNotDistributed: d.countNotDistributed,
});

/** Gives the definition a contact follows: the one in force for its queue on the business day it entered. */
export type DefinitionResolver = (queue: string, enteredAtMs: number) => FigureRules;

/** Every contact under the contract's definition. */
export const contractDefinition: DefinitionResolver = () => CONTRACT_DEFINITION;

/**
 * A site's definitions by queue and business day, memoised: the current day's bounds and each queue's
 * definition for that day are kept, so the per-contact cost is a comparison and a map lookup.
 */
export class FigureBook {
  private day: BusinessDay | undefined;
  private readonly byQueue = new Map<string, FigureRules>();

  constructor(
    private readonly defs: readonly DatedDefinition[],
    private readonly timeZone: string,
    private readonly cutoverMinute = 0,
  ) {}

  readonly resolve: DefinitionResolver = (queue, atMs) => {
    if (this.defs.length === 0) {
      return CONTRACT_DEFINITION;
    }
    if (!this.day || atMs < this.day.startMs || atMs >= this.day.endMs) {
      this.day = businessDay(atMs, this.timeZone, this.cutoverMinute);
      this.byQueue.clear();
    }
    let rules = this.byQueue.get(queue);
    if (!rules) {
      rules = definitionInForce(this.defs, queue, this.day.date);
      this.byQueue.set(queue, rules);
    }
    return rules;
  };
}
