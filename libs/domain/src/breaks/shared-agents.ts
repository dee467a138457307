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
