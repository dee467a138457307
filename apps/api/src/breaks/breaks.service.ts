import {
  BadRequestException,
  Inject,
  Injectable,
  Logger,
  type OnModuleDestroy,
  type OnModuleInit,
} from '@nestjs/common';
import { adviseBreak, rankRequests, reasonPolicy, withPausePolicy, type BreakAdvice } from '@vigie/domain';
import type { BreakPolicy, FloorSnapshot } from '@vigie/protocol';
import { concatMap, from, interval, merge, mergeMap, type Subscription } from 'rxjs';
import { EventBus, type CommittedBatch } from '../bus/event-bus.js';
import { LiveGateway } from '../live/live.gateway.js';
import { LiveService } from '../live/live.service.js';
import { adviceInput, breaksUnderWay, Staffing } from './break-advice.js';
import { BreakLoadService, type QueueLoadView } from './break-load.service.js';
import { BreakStore, type BreakRequestRow } from './break-store.js';
import { BREAK_REQUESTS_EVENT, REQUEST_TTL_MIN, type CreateBreakRequest } from './breaks.schema.js';

/** While a site has pending requests, their advice is pushed again this often (it moves with the load). */
const PUSH_EVERY_MS = 5000;

/** A pending request with its rank (1 = first in fairness order), live advice and the load behind it. */
export interface AdvisedRequest extends BreakRequestRow {
  rank: number;
  name: string | null;
  team: string | null;
  /** Null when the agent is not logged in any more. */
  advice: BreakAdvice | null;
  loads: QueueLoadView[];
}

const badRequest = (field: string, reason: string) =>
  new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `invalid body: ${field}: ${reason}`,
    details: [{ field, reason }],
  });

/**
 * Break requests: the live advice of the pending ones (ranked), their tracking from pause events, and the
 * `breaks.requests` push to the site's screens on every change and every 5 s while any is pending.
 */
@Injectable()
export class BreaksService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(BreaksService.name);
  private subscription: Subscription | undefined;

  constructor(
    @Inject(BreakStore) private readonly store: BreakStore,
    @Inject(BreakLoadService) private readonly load: BreakLoadService,
    @Inject(LiveService) private readonly live: LiveService,
    @Inject(LiveGateway) private readonly gateway: LiveGateway,
    @Inject(EventBus) private readonly bus: EventBus,
  ) {}

  /** Each site's policy as the live stage uses it (pause maxima and paid flags on the wall). */
  private readonly policies = new Map<string, BreakPolicy>();

  onModuleInit(): void {
    this.live.addStage(async (site) => {
      this.policies.set(site.id, await this.store.policy(site.id));
      return (snapshot, nowMs) => {
        const policy = this.policies.get(site.id);
        if (policy) {
          const known = (reason: string) => policy.reasons.find((r) => r.reason === reason);
          snapshot.pauses = withPausePolicy(snapshot.pauses, snapshot.agents, known, nowMs);
        }
        return snapshot;
      };
    });
    const tracked$ = this.bus.committed$.pipe(concatMap((batch) => from(this.track(batch))));
    const ticks$ = interval(PUSH_EVERY_MS).pipe(concatMap(() => from(this.sweep())));
    this.subscription = merge(tracked$, ticks$)
      .pipe(mergeMap((sites) => from(sites)))
      .subscribe((site) => void this.push(site));
  }

  onModuleDestroy(): void {
    this.subscription?.unsubscribe();
  }

  policyChanged(site: string, policy: BreakPolicy): void {
    this.policies.set(site, policy);
  }

  /** Checks a new request against the policy and the floor; the caller stores it. */
  async prepare(site: string, body: CreateBreakRequest, now: number) {
    const policy = await this.store.policy(site);
    const reason = body.reason ?? policy.defaultReason;
    const rule = policy.reasons.find((r) => r.reason === reason);
    if (!rule?.rest) {
      throw badRequest('reason', `not a break reason of the site's policy (${restReasons(policy).join(', ')})`);
    }
    const durationSec = body.durationMin === undefined ? rule.maxSec : Math.round(body.durationMin * 60);
    if (durationSec > rule.maxSec) {
      throw badRequest('durationMin', `at most ${rule.maxSec / 60} min for ${reason}`);
    }
    const snapshot = await this.live.current(site);
    const agent = snapshot.agents.find((a) => a.agent === body.agent && a.state !== 'logged_out');
    if (!agent) {
      throw badRequest('agent', `${body.agent} is not logged in on site ${site}`);
    }
    const workedSinceBreakSec = await this.load.workedSinceLastBreakSec(site, body.agent, policy, now);
    return { reason, durationSec, workedSinceBreakSec, expiresAtMs: now + REQUEST_TTL_MIN * 60_000 };
  }

  /** The pending requests in fairness order, each with its advice now. */
  async ranked(site: string, now: number): Promise<AdvisedRequest[]> {
    await this.store.expire(site);
    const pending = await this.store.find(site, { status: 'pending', limit: 1000 });
    if (pending.length === 0) {
      return [];
    }
    const policy = await this.store.policy(site);
    const granted = await this.store.find(site, { status: 'approved', limit: 1000 });
    const snapshot = await this.live.current(site);
    const queues = [...new Set(snapshot.agents.flatMap((a) => a.queues))].sort();
    const loads = await this.load.loads(site, queues, policy, now);
    const breaks = breaksUnderWay(snapshot.agents, granted, policy, now);
    const loadByQueue = new Map(loads.map((l) => [l.queue, l]));
    const staffing = new Staffing(snapshot.agents, loadByQueue);
    const order = rankRequests(
      pending.map((row) => ({
        row,
        agent: row.agent,
        requestedAtMs: Date.parse(row.requestedAt),
        workedSinceLastBreakSec: row.workedSinceBreakSec,
      })),
      now,
      policy,
    );
    const advised: AdvisedRequest[] = [];
    for (const [i, { row }] of order.entries()) {
      const worked = await this.load.workedSinceLastBreakSec(site, row.agent, policy, now);
      advised.push(advise(row, i + 1, { snapshot, policy, loads, loadByQueue, staffing, breaks, now, worked }));
    }
    return advised;
  }

  /** Sends the site's ranked requests to its screens. */
  async push(site: string): Promise<void> {
    try {
      const now = Date.now();
      const requests = await this.ranked(site, now);
      this.gateway.emitToSiteStaff(site, BREAK_REQUESTS_EVENT, { site, at: new Date(now).toISOString(), requests });
    } catch (error) {
      this.logger.warn({ site, err: error }, 'break requests push failed');
    }
  }

  /** Expires what is due; returns the sites to push (those with pending requests, and those that just changed). */
  private async sweep(): Promise<string[]> {
    try {
      const expired = await this.store.expire();
      return [...new Set([...expired, ...(await this.store.sitesWithPending())])];
    } catch (error) {
      this.logger.warn({ err: error }, 'break request sweep failed');
      return [];
    }
  }

  /**
   * An approved request goes `on_break` when its agent pauses in a rest reason, and `done` when the agent is ready
   * or logged out again (global pauses only: a pause in one queue leaves the agent working in the others).
   */
  private async track(batch: CommittedBatch): Promise<string[]> {
    const relevant = batch.events.filter(
      ({ event }) =>
        (event.type === 'agent.paused' || event.type === 'agent.ready' || event.type === 'agent.logged_out') &&
        !event.queue,
    );
    if (relevant.length === 0) {
      return [];
    }
    try {
      const policy = await this.store.policy(batch.site);
      let changed = 0;
      for (const { event } of relevant) {
        const at = Date.parse(event.at);
        if (event.type === 'agent.paused') {
          changed += reasonPolicy(policy, event.reason).rest
            ? await this.store.startBreak(batch.site, event.agent, at)
            : 0;
        } else if (event.type === 'agent.ready' || event.type === 'agent.logged_out') {
          changed += await this.store.endBreak(batch.site, event.agent, at);
        }
      }
      return changed > 0 ? [batch.site] : [];
    } catch (error) {
      this.logger.warn({ site: batch.site, err: error }, 'break tracking failed');
      return [];
    }
  }
}

function restReasons(policy: BreakPolicy): string[] {
  return policy.reasons.filter((r) => r.rest).map((r) => r.reason);
}

interface AdviceContext {
  snapshot: FloorSnapshot;
  policy: BreakPolicy;
  loads: QueueLoadView[];
  loadByQueue: ReadonlyMap<string, QueueLoadView>;
  staffing: Staffing;
  breaks: ReturnType<typeof breaksUnderWay>;
  now: number;
  worked: number;
}

function advise(row: BreakRequestRow, rank: number, c: AdviceContext): AdvisedRequest {
  const agent = c.snapshot.agents.find((a) => a.agent === row.agent && a.state !== 'logged_out');
  if (!agent) {
    return { ...row, rank, name: null, team: null, advice: null, loads: [] };
  }
  const input = adviceInput({
    now: c.now,
    policy: c.policy,
    agent,
    workedSinceLastBreakSec: c.worked,
    agents: c.snapshot.agents,
    queues: c.snapshot.queues,
    loads: c.loadByQueue,
    breaks: c.breaks,
    staffing: c.staffing,
  });
  return {
    ...row,
    rank,
    name: agent.name,
    team: agent.team,
    advice: adviseBreak(input),
    loads: c.loads.filter((l) => agent.queues.includes(l.queue)),
  };
}
