import type { BreakPolicy } from '@vigie/protocol';
import { erlangA, erlangC } from '../staffing/index.js';
import { entitlement, type Entitlement } from './entitlement.js';
import { maxBreaksForQueue, maxBreaksForTeam, minReadyAgentsFor } from './policy.js';

export interface BreakQueueInput {
  readonly queue: string;
  /** Recent load (see `LoadEstimator`); `patienceSec` null or absent when not estimated from data. */
  readonly load: { readonly callsPerHour: number; readonly ahtSec: number; readonly patienceSec?: number | null };
  /** N: agents answering the queue now, the requester included (`effectiveAgents` on a multi-skill floor). */
  readonly agents: number;
  /** Agents logged in and not paused in the queue, the requester included (for `minReadyAgents`); default N. */
  readonly available?: number;
  /** When each rest break under way in the queue ends (its reason's maximum): their number is the breaks now. */
  readonly breaksEndAtMs: readonly number[];
  /** The queue's own service-level target, else the policy's. */
  readonly targetSec?: number;
  readonly goal?: number;
  /** Predicted calls per hour ahead: [i] is for (i + 1) × `forecastStepMin` minutes from now. */
  readonly forecastCallsPerHour?: readonly number[];
}

export interface BreakAdviceInput {
  readonly now: number;
  readonly policy: BreakPolicy;
  readonly agent: {
    readonly agent: string;
    readonly team: string | null;
    readonly workedSec: number;
    readonly breakTakenSec: number;
    readonly workedSinceLastBreakSec: number;
  };
  /** The queues the agent serves. */
  readonly queues: readonly BreakQueueInput[];
  /** When each rest break under way in the agent's team ends. */
  readonly teamBreaksEndAtMs?: readonly number[];
  readonly forecastStepMin?: number;
}

export type BreakReasonCode =
  'overdue' | 'service-level' | 'unstable' | 'max-breaks-team' | 'max-breaks-queue' | 'min-ready' | 'beyond-horizon';

export interface BreakReason {
  readonly code: BreakReasonCode;
  readonly queue?: string;
}

/** The numbers behind the advice for one queue the agent serves. */
export interface QueueBreakFigures {
  readonly queue: string;
  readonly callsPerHour: number;
  readonly ahtSec: number;
  readonly patienceSec: number | null;
  /** N, and the service level (Erlang C) with N and N − 1 agents; null when the load is unstable. */
  readonly agents: number;
  readonly serviceLevelNow: number | null;
  readonly serviceLevelWithout: number | null;
  /** Erlang A abandon rate with N and N − 1 agents, when the patience is known. */
  readonly abandonNow: number | null;
  readonly abandonWithout: number | null;
  readonly targetSec: number;
  readonly goal: number;
  readonly available: number;
  readonly minReady: number;
  readonly onBreak: number;
  readonly maxBreaks: number | null;
}

export type BreakAdvice = (
  | { readonly kind: 'grant' }
  | { readonly kind: 'overdue' }
  /** Wait about `minutes`; `beyondHorizon`: no moment found within the policy's horizon, ask again then. */
  | { readonly kind: 'wait'; readonly minutes: number; readonly beyondHorizon: boolean }
) & {
  readonly reasons: readonly BreakReason[];
  readonly queues: readonly QueueBreakFigures[];
  readonly entitlement: Entitlement;
  readonly workedSinceLastBreakSec: number;
};

/**
 * Grant now, wait about N minutes, or overdue (grant despite the load: worked past the policy's threshold without a
 * break). Grants when, in every queue the agent serves, N − 1 agents still reach the service-level goal (Erlang C)
 * and no limit of the policy is hit; otherwise looks ahead (forecast, breaks coming to an end) for the first moment
 * both hold.
 */
export function adviseBreak(input: BreakAdviceInput): BreakAdvice {
  const { now, policy, agent } = input;
  const step = input.forecastStepMin ?? 15;
  const figures = input.queues.map((q) => queueFigures(q, policy));
  const reasons: BreakReason[] = [];
  const waits: Wait[] = [];

  for (const f of figures) {
    if (f.serviceLevelWithout === null) {
      reasons.push({ code: 'unstable', queue: f.queue });
    } else if (f.serviceLevelWithout < f.goal) {
      reasons.push({ code: 'service-level', queue: f.queue });
    }
  }
  if (reasons.length > 0) {
    waits.push(loadWait(input, figures, step));
  }
  const teamMax = agent.team === null ? undefined : maxBreaksForTeam(policy, agent.team);
  const teamEnds = input.teamBreaksEndAtMs ?? [];
  if (teamMax !== undefined && teamEnds.length + 1 > teamMax) {
    reasons.push({ code: 'max-breaks-team' });
    waits.push(breaksToEnd(teamEnds, teamEnds.length + 1 - teamMax, now, policy));
  }
  input.queues.forEach((q, i) => {
    const f = figures[i]!;
    if (f.maxBreaks !== null && f.onBreak + 1 > f.maxBreaks) {
      reasons.push({ code: 'max-breaks-queue', queue: f.queue });
      waits.push(breaksToEnd(q.breaksEndAtMs, f.onBreak + 1 - f.maxBreaks, now, policy));
    }
    if (f.available - 1 < f.minReady) {
      reasons.push({ code: 'min-ready', queue: f.queue });
      waits.push(breaksToEnd(q.breaksEndAtMs, f.minReady - (f.available - 1), now, policy));
    }
  });

  const beyondHorizon = waits.some((w) => w.beyondHorizon);
  if (beyondHorizon) {
    reasons.push({ code: 'beyond-horizon' });
  }
  const common = {
    queues: figures,
    entitlement: entitlement(agent.workedSec, agent.breakTakenSec, policy),
    workedSinceLastBreakSec: agent.workedSinceLastBreakSec,
  };
  if (agent.workedSinceLastBreakSec > policy.overdueAfterSec) {
    return { kind: 'overdue', reasons: [{ code: 'overdue' }, ...reasons], ...common };
  }
  if (waits.length === 0) {
    return { kind: 'grant', reasons, ...common };
  }
  const minutes = Math.min(policy.horizonMin, Math.max(...waits.map((w) => w.minutes)));
  return { kind: 'wait', minutes, beyondHorizon, reasons, ...common };
}

interface Wait {
  readonly minutes: number;
  readonly beyondHorizon: boolean;
}

function queueFigures(q: BreakQueueInput, policy: BreakPolicy): QueueBreakFigures {
  const targetSec = q.targetSec ?? policy.serviceLevel.targetSec;
  const patienceSec = q.load.patienceSec ?? null;
  const maxBreaks = maxBreaksForQueue(policy, q.queue);
  return {
    queue: q.queue,
    callsPerHour: q.load.callsPerHour,
    ahtSec: q.load.ahtSec,
    patienceSec,
    agents: q.agents,
    serviceLevelNow: serviceLevel(q.load.callsPerHour, q.load.ahtSec, q.agents, targetSec),
    serviceLevelWithout: serviceLevel(q.load.callsPerHour, q.load.ahtSec, q.agents - 1, targetSec),
    abandonNow: abandonRate(q, q.agents, targetSec, patienceSec),
    abandonWithout: abandonRate(q, q.agents - 1, targetSec, patienceSec),
    targetSec,
    goal: q.goal ?? policy.serviceLevel.goal,
    available: q.available ?? q.agents,
    minReady: minReadyAgentsFor(policy, q.queue),
    onBreak: q.breaksEndAtMs.length,
    maxBreaks: maxBreaks ?? null,
  };
}

/** Erlang C service level, or null when there is no steady state (or no agent). */
function serviceLevel(callsPerHour: number, ahtSec: number, agents: number, targetSec: number): number | null {
  if (agents < 1) {
    return null;
  }
  const result = erlangC({ callsPerHour, ahtSec, agents, targetSec });
  return result.ok ? result.value.serviceLevel : null;
}

function abandonRate(q: BreakQueueInput, agents: number, targetSec: number, patienceSec: number | null) {
  if (patienceSec === null || agents < 1) {
    return null;
  }
  const result = erlangA({ ...q.load, agents, targetSec, patienceSec });
  return result.ok ? result.value.probAbandon : null;
}

/**
 * The first forecast slot where every queue reaches its goal with one agent fewer, counting the agents back from
 * the breaks that end by then. A queue without a forecast keeps its current load.
 */
function loadWait(input: BreakAdviceInput, figures: readonly QueueBreakFigures[], step: number): Wait {
  const slots = Math.floor(input.policy.horizonMin / step);
  for (let i = 0; i < slots; i++) {
    const atMs = input.now + (i + 1) * step * 60_000;
    const fine = input.queues.every((q, k) => {
      const f = figures[k]!;
      const back = q.breaksEndAtMs.filter((end) => end <= atMs).length;
      const callsPerHour = q.forecastCallsPerHour?.[i] ?? f.callsPerHour;
      const sl = serviceLevel(callsPerHour, f.ahtSec, f.agents + back - 1, f.targetSec);
      return sl !== null && sl >= f.goal;
    });
    if (fine) {
      return { minutes: (i + 1) * step, beyondHorizon: false };
    }
  }
  return { minutes: input.policy.horizonMin, beyondHorizon: true };
}

/** Until `count` of the breaks under way have ended (at least a minute), or beyond the horizon if they never do. */
function breaksToEnd(endsAtMs: readonly number[], count: number, now: number, policy: BreakPolicy): Wait {
  const end = [...endsAtMs].sort((a, b) => a - b)[count - 1];
  if (end === undefined) {
    return { minutes: policy.horizonMin, beyondHorizon: true };
  }
  const minutes = Math.max(1, Math.ceil((end - now) / 60_000));
  return minutes > policy.horizonMin
    ? { minutes: policy.horizonMin, beyondHorizon: true }
    : { minutes, beyondHorizon: false };
}
