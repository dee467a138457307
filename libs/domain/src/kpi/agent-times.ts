import type { AgentLive, AgentState, FloorSnapshot } from '@vigie/protocol';

/** The total each state's time adds to, besides `loggedInSec`. */
const TOTAL_OF: Partial<Record<AgentState, 'readySec' | 'pausedSec' | 'talkSec' | 'wrapupSec'>> = {
  ready: 'readySec',
  paused: 'pausedSec',
  talking: 'talkSec',
  wrapup: 'wrapupSec',
};

/** Seconds an agent's current state has added to today's totals as of `atMs`. */
export function runningSec(agent: Pick<AgentLive, 'since' | 'state'>, atMs: number, dayStartMs: number): number {
  if (agent.state === 'logged_out') {
    return 0;
  }
  return Math.max(0, Math.floor((atMs - Math.max(Date.parse(agent.since), dayStartMs)) / 1000));
}

/**
 * A snapshot's agents with their times run to `since` instead of `at` (`agentTimes: 'since'`): what is pushed to
 * screens, which add the running seconds themselves, so that a frame changes an agent only when its state does.
 * The inverse, for a screen, is adding `runningSec(agent, now, dayStart)` back.
 */
export function agentTimesAtSince(snapshot: FloorSnapshot): FloorSnapshot {
  if (snapshot.agentTimes === 'since') {
    return snapshot;
  }
  const atMs = Date.parse(snapshot.at);
  const dayStartMs = Date.parse(snapshot.dayStart);
  const agents = snapshot.agents.map((a) => {
    const running = runningSec(a, atMs, dayStartMs);
    if (running === 0) {
      return a;
    }
    const out: AgentLive = { ...a, loggedInSec: a.loggedInSec - running };
    const total = TOTAL_OF[a.state];
    if (total !== undefined) {
      out[total] = a[total] - running;
    }
    if (a.handled > 0 && (a.state === 'talking' || a.state === 'wrapup')) {
      out.avgHandlingSec = (out.talkSec + out.wrapupSec) / a.handled;
    }
    if (a.state === 'paused') {
      const reason = a.pauseReason ?? '';
      out.pauseByReason = { ...a.pauseByReason, [reason]: (a.pauseByReason[reason] ?? 0) - running };
    }
    return out;
  });
  return { ...snapshot, agents, agentTimes: 'since' };
}
