import type { AgentLive, PauseLive } from '@vigie/protocol';

/** Seconds an agent has been in its current state at `nowMs`. */
const stateSec = (a: AgentLive, nowMs: number) => Math.max(0, Math.floor((nowMs - Date.parse(a.since)) / 1000));

/**
 * The pauses on the wall, per reason: agents in it now and the longest of their pauses, pauses begun today and their
 * total time. The policy's maximum and paid flag are added by `withPausePolicy` (breaks), which knows the site's
 * policy. A pause without a reason is listed under `''`.
 */
export function pausesOf(agents: readonly AgentLive[], nowMs: number): PauseLive[] {
  const byReason = new Map<string, PauseLive>();
  const row = (reason: string) => {
    let r = byReason.get(reason);
    if (!r) {
      r = {
        reason,
        agentsNow: 0,
        longestNowSec: 0,
        countToday: 0,
        totalSecToday: 0,
        maxSec: null,
        paid: null,
        overMax: 0,
      };
      byReason.set(reason, r);
    }
    return r;
  };
  for (const a of agents) {
    for (const [reason, sec] of Object.entries(a.pauseByReason)) {
      row(reason).totalSecToday += sec;
    }
    for (const [reason, count] of Object.entries(a.pauseCountByReason)) {
      row(reason).countToday += count;
    }
    if (a.state === 'paused') {
      const r = row(a.pauseReason ?? '');
      r.agentsNow += 1;
      r.longestNowSec = Math.max(r.longestNowSec, stateSec(a, nowMs));
    }
  }
  return [...byReason.values()].sort((x, y) => (x.reason < y.reason ? -1 : x.reason > y.reason ? 1 : 0));
}

/** Each reason's maximum and paid flag from the policy, and how many agents in it now are past the maximum. */
export function withPausePolicy(
  pauses: readonly PauseLive[],
  agents: readonly AgentLive[],
  policyOf: (reason: string) => { maxSec: number; paid: boolean } | undefined,
  nowMs: number,
): PauseLive[] {
  return pauses.map((p) => {
    const policy = policyOf(p.reason);
    if (!policy) {
      return p;
    }
    const overMax = agents.filter(
      (a) => a.state === 'paused' && (a.pauseReason ?? '') === p.reason && stateSec(a, nowMs) > policy.maxSec,
    ).length;
    return { ...p, maxSec: policy.maxSec, paid: policy.paid, overMax };
  });
}
