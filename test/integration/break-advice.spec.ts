import {
  AgentBook,
  LoadEstimator,
  DEFAULT_BREAK_POLICY as POLICY,
  adviseBreak,
  effectiveAgents,
  reasonPolicy,
} from '@vigie/domain';
import { eventTime, type VigieEvent } from '@vigie/protocol';
import { simulate } from '@vigie/simulator';
import { describe, expect, it } from 'vitest';

/**
 * Needs no database. The demo floor opening at 08:00 Paris (07:00 UTC): 16 agents until the late shift logs in
 * around 11:30, about 150 calls an hour at 10:30 as at 14:30, with 24 agents at 14:30.
 */
const START = Date.UTC(2026, 1, 10, 7);
const REQUESTER = 'SIP/2001';

/** The advice for the requester at a local time, from the floor as the simulator left it then. */
function adviceAt(events: readonly VigieEvent[], localHour: number) {
  const now = START + (localHour - 8) * 3600_000;
  const estimator = new LoadEstimator({ windowSec: 1800 });
  const book = new AgentBook();
  for (const event of events) {
    const at = eventTime(event);
    if (at > now) {
      break;
    }
    estimator.apply(event, at);
    book.apply(event, at);
  }
  const agents = book.list(now).filter((a) => a.state !== 'logged_out');
  const loads = new Map(estimator.queues().map((q) => [q, estimator.estimate(q, now)]));
  const erlangs = new Map([...loads].map(([q, l]) => [q, (l.callsPerHour * l.ahtSec) / 3600]));
  const staffed = agents.filter((a) => a.state !== 'paused');
  const onBreak = agents.filter((a) => a.state === 'paused' && reasonPolicy(POLICY, a.pauseReason).rest);
  const requester = agents.find((a) => a.agent === REQUESTER)!;
  return adviseBreak({
    now,
    policy: POLICY,
    agent: { agent: REQUESTER, team: requester.team, workedSec: 3600, breakTakenSec: 0, workedSinceLastBreakSec: 3600 },
    queues: requester.queues.map((queue) => ({
      queue,
      load: loads.get(queue)!,
      agents: effectiveAgents(queue, staffed, erlangs),
      available: staffed.filter((a) => a.queues.includes(queue)).length,
      breaksEndAtMs: onBreak
        .filter((a) => a.queues.includes(queue))
        .map((a) => Date.parse(a.since) + reasonPolicy(POLICY, a.pauseReason).maxSec * 1000),
    })),
  });
}

describe('break advice on the simulated floor', () => {
  it.each([7, 11, 3])('says wait at the 10:30 peak and grants at the 14:30 lull (seed %d)', (seed) => {
    const events = simulate({ site: 'demo', seed, startMs: START });
    const peak = adviceAt(events, 10.5);
    const lull = adviceAt(events, 14.5);
    expect(peak.kind).toBe('wait');
    expect(peak.reasons.some((r) => r.code === 'service-level' || r.code === 'unstable')).toBe(true);
    expect(lull.kind).toBe('grant');
  });
});
