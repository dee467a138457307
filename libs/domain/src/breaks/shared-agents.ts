/** An agent available to take contacts now (logged in, not paused) and the queues it serves. */
export interface StaffedAgent {
  readonly agent: string;
  readonly queues: readonly string[];
}

/**
 * Agents a queue can count on when agents serve several queues: its N available agents, less the load (erlangs)
 * they carry for the other queues they serve, each other queue's load shared evenly among its own agents,
 * rounded down. Counting every shared agent fully in each queue would grant breaks a multi-skill floor cannot
 * afford; this keeps the per-queue Erlang model and is exact when agents serve one queue each.
 */
export function effectiveAgents(
  queue: string,
  agents: readonly StaffedAgent[],
  erlangsByQueue: ReadonlyMap<string, number>,
): number {
  const serving = agents.filter((a) => a.queues.includes(queue));
  let carriedElsewhere = 0;
  for (const [other, erlangs] of erlangsByQueue) {
    if (other === queue || erlangs <= 0) {
      continue;
    }
    const otherAgents = agents.filter((a) => a.queues.includes(other)).length;
    const shared = serving.filter((a) => a.queues.includes(other)).length;
    carriedElsewhere += otherAgents > 0 ? (erlangs * shared) / otherAgents : 0;
  }
  return Math.max(0, Math.floor(serving.length - carriedElsewhere + 1e-9));
}

/**
 * `effectiveAgents` of every queue at once, from the counts of agents per queue and per pair of queues: linear in
 * the agents (times the square of the queues an agent serves) instead of queues × agents per queue.
 */
export function effectiveAgentsByQueue(
  agents: readonly StaffedAgent[],
  erlangsByQueue: ReadonlyMap<string, number>,
): Map<string, number> {
  const serving = new Map<string, number>();
  const shared = new Map<string, Map<string, number>>();
  for (const a of agents) {
    const queues = [...new Set(a.queues)];
    for (const q of queues) {
      serving.set(q, (serving.get(q) ?? 0) + 1);
      const pairs = shared.get(q) ?? new Map<string, number>();
      for (const other of queues) {
        if (other !== q) {
          pairs.set(other, (pairs.get(other) ?? 0) + 1);
        }
      }
      shared.set(q, pairs);
    }
  }
  const out = new Map<string, number>();
  for (const [queue, n] of serving) {
    let carriedElsewhere = 0;
    for (const [other, both] of shared.get(queue) ?? []) {
      const erlangs = erlangsByQueue.get(other) ?? 0;
      if (erlangs > 0) {
        carriedElsewhere += (erlangs * both) / serving.get(other)!;
      }
    }
    out.set(queue, Math.max(0, Math.floor(n - carriedElsewhere + 1e-9)));
  }
  return out;
}
