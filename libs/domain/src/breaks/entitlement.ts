import { eventTime, type AgentLive, type BreakPolicy, type VigieEvent } from '@vigie/protocol';
import { reasonPolicy } from './policy.js';

export interface Entitlement {
  /** Paid break earned: `entitlementSec` per completed `perWorkedSec` worked. */
  readonly earnedSec: number;
  readonly takenSec: number;
  /** Earned and not taken yet, never negative. */
  readonly remainingSec: number;
}

/** Paid break earned by whole blocks worked (4 h 30 at 10 min per 2 h: 20 min), taken and left. */
export function entitlement(workedSec: number, breakTakenSec: number, policy: BreakPolicy): Entitlement {
  const earnedSec = Math.floor(Math.max(0, workedSec) / policy.perWorkedSec) * policy.entitlementSec;
  const takenSec = Math.max(0, breakTakenSec);
  return { earnedSec, takenSec, remainingSec: Math.max(0, earnedSec - takenSec) };
}

/**
 * Worked and paid-break time from a live agent tile: worked is logged-in time outside rest pauses (training and
 * back-office are work), taken is the time in paid rest pauses.
 */
export function workedFromLive(
  agent: Pick<AgentLive, 'loggedInSec' | 'pauseByReason'>,
  policy: BreakPolicy,
): { workedSec: number; breakTakenSec: number } {
  let restSec = 0;
  let breakTakenSec = 0;
  for (const [reason, sec] of Object.entries(agent.pauseByReason)) {
    const rule = reasonPolicy(policy, reason);
    restSec += rule.rest ? sec : 0;
    breakTakenSec += rule.rest && rule.paid ? sec : 0;
  }
  return { workedSec: Math.max(0, agent.loggedInSec - restSec), breakTakenSec };
}

/** One agent's work and breaks over the business day, folded from its events (start a new one each day). */
export interface AgentBreakState {
  readonly loggedIn: boolean;
  readonly pause: { readonly reason: string | null; readonly sinceMs: number } | null;
  /** The sums below run up to this time. */
  readonly accruedToMs: number;
  readonly workedSec: number;
  readonly workedSinceBreakSec: number;
  readonly paidBreakSec: number;
  readonly lastBreakEndMs: number | null;
}

export const emptyAgentBreakState: AgentBreakState = {
  loggedIn: false,
  pause: null,
  accruedToMs: 0,
  workedSec: 0,
  workedSinceBreakSec: 0,
  paidBreakSec: 0,
  lastBreakEndMs: null,
};

/**
 * Folds one event of the agent (others are ignored). Only global pauses and log-outs count: a pause in one queue
 * leaves the agent working in the others. A rest pause starts a new "worked since the last break" count.
 */
export function applyAgentBreakEvent(
  state: AgentBreakState,
  event: VigieEvent,
  policy: BreakPolicy,
  at: number = eventTime(event),
): AgentBreakState {
  const s = accrue(state, at, policy);
  switch (event.type) {
    case 'agent.logged_in':
      return { ...s, loggedIn: true };
    case 'agent.logged_out':
      return event.queue ? s : { ...endPause(s, at, policy), loggedIn: false };
    case 'agent.paused': {
      if (event.queue) {
        return s;
      }
      const reason = event.reason || null;
      const rest = reasonPolicy(policy, reason).rest;
      const ended = endPause(s, at, policy);
      return { ...ended, pause: { reason, sinceMs: at }, workedSinceBreakSec: rest ? 0 : ended.workedSinceBreakSec };
    }
    case 'agent.ready':
      return event.queue ? s : endPause(s, at, policy);
    default:
      return s;
  }
}

/** Seconds worked since the end of the last rest break (or the start of the day), as of `now`. */
export function workedSinceLastBreak(state: AgentBreakState, now: number, policy: BreakPolicy): number {
  return accrue(state, now, policy).workedSinceBreakSec;
}

export interface AgentBreakStatus {
  readonly workedSec: number;
  readonly workedSinceLastBreakSec: number;
  readonly entitlement: Entitlement;
  /** The rest break under way, and when its reason's maximum runs out. */
  readonly onBreak: { readonly reason: string | null; readonly sinceMs: number; readonly endsAtMs: number } | null;
}

export function agentBreakStatus(state: AgentBreakState, now: number, policy: BreakPolicy): AgentBreakStatus {
  const s = accrue(state, now, policy);
  const rule = s.pause ? reasonPolicy(policy, s.pause.reason) : null;
  return {
    workedSec: s.workedSec,
    workedSinceLastBreakSec: s.workedSinceBreakSec,
    entitlement: entitlement(s.workedSec, s.paidBreakSec, policy),
    onBreak: s.pause && rule?.rest ? { ...s.pause, endsAtMs: s.pause.sinceMs + rule.maxSec * 1000 } : null,
  };
}

function accrue(state: AgentBreakState, at: number, policy: BreakPolicy): AgentBreakState {
  const sec = Math.max(0, at - state.accruedToMs) / 1000;
  if (!state.loggedIn || sec === 0) {
    return { ...state, accruedToMs: Math.max(state.accruedToMs, at) };
  }
  const rule = state.pause ? reasonPolicy(policy, state.pause.reason) : null;
  const working = !rule?.rest;
  return {
    ...state,
    accruedToMs: at,
    workedSec: state.workedSec + (working ? sec : 0),
    workedSinceBreakSec: state.workedSinceBreakSec + (working ? sec : 0),
    paidBreakSec: state.paidBreakSec + (rule?.rest && rule.paid ? sec : 0),
  };
}

function endPause(state: AgentBreakState, at: number, policy: BreakPolicy): AgentBreakState {
  if (!state.pause) {
    return state;
  }
  const rest = reasonPolicy(policy, state.pause.reason).rest;
  return { ...state, pause: null, lastBreakEndMs: rest ? at : state.lastBreakEndMs };
}
