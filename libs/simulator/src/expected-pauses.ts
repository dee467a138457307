import { eventTime, type VigieEvent } from '@vigie/protocol';

export interface ExpectedPause {
  reason: string;
  agentsNow: number;
  longestNowSec: number;
  countToday: number;
  totalSecToday: number;
}

interface Open {
  reason: string;
  sinceMs: number;
}

/**
 * The pauses on the wall at `atMs` (DOMAIN.md, issue 8 point 4), computed plainly from the agents' events and
 * independently of the engine: a pause runs from `agent.paused` to the agent's next `agent.ready`,
 * `agent.logged_out` or pause of another reason; the day's share is what falls after `dayStartMs`; times in whole
 * seconds per pause, as a wall reads them.
 */
export function expectedPauses(events: Iterable<VigieEvent>, dayStartMs: number, atMs: number): ExpectedPause[] {
  const open = new Map<string, Open>();
  const rows = new Map<string, ExpectedPause>();
  const row = (reason: string) => {
    const r = rows.get(reason) ?? { reason, agentsNow: 0, longestNowSec: 0, countToday: 0, totalSecToday: 0 };
    rows.set(reason, r);
    return r;
  };
  const close = (agent: string, endMs: number) => {
    const pause = open.get(agent);
    if (pause) {
      open.delete(agent);
      const from = Math.max(pause.sinceMs, dayStartMs);
      if (endMs > from) {
        row(pause.reason).totalSecToday += (endMs - from) / 1000;
      }
    }
  };
  for (const e of events) {
    const at = eventTime(e);
    if (at > atMs) {
      break;
    }
    if (e.type === 'agent.paused') {
      const reason = e.reason ?? '';
      if (open.get(e.agent)?.reason === reason) {
        continue;
      }
      close(e.agent, at);
      open.set(e.agent, { reason, sinceMs: at });
      if (at >= dayStartMs) {
        row(reason).countToday += 1;
      }
    } else if (e.type === 'agent.ready' || (e.type === 'agent.logged_out' && e.queue === undefined)) {
      close(e.agent, at);
    }
  }
  for (const pause of open.values()) {
    const r = row(pause.reason);
    r.agentsNow += 1;
    r.longestNowSec = Math.max(r.longestNowSec, Math.floor((atMs - pause.sinceMs) / 1000));
    r.totalSecToday += (atMs - Math.max(pause.sinceMs, dayStartMs)) / 1000;
  }
  return [...rows.values()].sort((a, b) => (a.reason < b.reason ? -1 : a.reason > b.reason ? 1 : 0));
}
