import { ConflictException, Inject, Injectable } from '@nestjs/common';
import { DEFAULT_BREAK_POLICY } from '@vigie/domain';
import { BreakPolicy } from '@vigie/protocol';
import type pg from 'pg';
import { Database, type Queryable } from '../db/database.js';
import { REQUEST_TTL_MIN, type BreakStatus } from './breaks.schema.js';

/** A break request as the API shows it. */
export interface BreakRequestRow {
  id: string;
  site: string;
  agent: string;
  requestedBy: string;
  reason: string;
  durationSec: number;
  status: BreakStatus;
  requestedAt: string;
  expiresAt: string;
  workedSinceBreakSec: number;
  decidedBy: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
  /** The advice shown when the decision was taken. */
  advice: unknown;
  breakStartedAt: string | null;
  breakEndedAt: string | null;
}

interface Row {
  id: string;
  site: string;
  agent: string;
  requested_by: string;
  reason: string;
  duration_sec: number;
  status: BreakStatus;
  requested_at: Date;
  expires_at: Date;
  worked_since_break_sec: number;
  decided_by: string | null;
  decided_at: Date | null;
  decision_reason: string | null;
  advice: unknown;
  break_started_at: Date | null;
  break_ended_at: Date | null;
}

const COLUMNS = `id, site, agent, requested_by, reason, duration_sec, status, requested_at, expires_at,
  worked_since_break_sec, decided_by, decided_at, decision_reason, advice, break_started_at, break_ended_at`;

const iso = (d: Date | null) => d?.toISOString() ?? null;

function toDomain(r: Row): BreakRequestRow {
  return {
    id: r.id,
    site: r.site,
    agent: r.agent,
    requestedBy: r.requested_by,
    reason: r.reason,
    durationSec: r.duration_sec,
    status: r.status,
    requestedAt: r.requested_at.toISOString(),
    expiresAt: r.expires_at.toISOString(),
    workedSinceBreakSec: r.worked_since_break_sec,
    decidedBy: r.decided_by,
    decidedAt: iso(r.decided_at),
    decisionReason: r.decision_reason,
    advice: r.advice,
    breakStartedAt: iso(r.break_started_at),
    breakEndedAt: iso(r.break_ended_at),
  };
}

export interface NewBreakRequest {
  site: string;
  agent: string;
  requestedBy: string;
  reason: string;
  durationSec: number;
  expiresAtMs: number;
  workedSinceBreakSec: number;
}

export interface Decision {
  status: 'approved' | 'denied';
  decidedBy: string;
  reason: string | null;
  advice: unknown;
}

const isUniqueViolation = (error: unknown) => (error as { code?: string }).code === '23505';

/** Break policies and requests in SQL; every write takes a `Queryable` so callers can pass their transaction. */
@Injectable()
export class BreakStore {
  constructor(@Inject(Database) private readonly db: Database) {}

  async policy(site: string, q: Queryable = this.db): Promise<BreakPolicy> {
    const { rows } = await q.query<{ policy: unknown }>(`select policy from break_policies where site = $1`, [site]);
    const stored = rows[0] ? BreakPolicy.safeParse(rows[0].policy) : undefined;
    return stored?.success ? stored.data : DEFAULT_BREAK_POLICY;
  }

  async putPolicy(q: Queryable, site: string, policy: BreakPolicy): Promise<void> {
    await q.query(
      `insert into break_policies (site, policy) values ($1, $2)
       on conflict (site) do update set policy = excluded.policy, updated_at = now()`,
      [site, JSON.stringify(policy)],
    );
  }

  /** The agent id stored on a user row, or null. */
  async agentOfUser(userId: string): Promise<string | null> {
    const { rows } = await this.db.query<{ agent: string | null }>(`select agent from users where id = $1`, [userId]);
    return rows[0]?.agent ?? null;
  }

  /** Inserts a pending request; 409 when the agent already has one. */
  async create(q: Queryable, r: NewBreakRequest): Promise<BreakRequestRow> {
    try {
      const { rows } = await q.query<Row>(
        `insert into break_requests (site, agent, requested_by, reason, duration_sec, expires_at, worked_since_break_sec)
         values ($1, $2, $3, $4, $5, $6, $7) returning ${COLUMNS}`,
        [r.site, r.agent, r.requestedBy, r.reason, r.durationSec, new Date(r.expiresAtMs), r.workedSinceBreakSec],
      );
      return toDomain(rows[0]!);
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictException(`agent ${r.agent} already has a pending break request`);
      }
      throw error;
    }
  }

  async get(site: string, id: string, q: Queryable = this.db): Promise<BreakRequestRow | undefined> {
    const { rows } = await q.query<Row>(`select ${COLUMNS} from break_requests where site = $1 and id = $2`, [
      site,
      id,
    ]);
    return rows[0] ? toDomain(rows[0]) : undefined;
  }

  /** Requests of a site by status (or all), newest first; one agent's with `agent`. */
  async find(
    site: string,
    filter: { status?: BreakStatus; agent?: string; limit: number },
  ): Promise<BreakRequestRow[]> {
    const { rows } = await this.db.query<Row>(
      `select ${COLUMNS} from break_requests
        where site = $1 and ($2::text is null or status = $2) and ($3::text is null or agent = $3)
        order by requested_at desc limit $4`,
      [site, filter.status ?? null, filter.agent ?? null, filter.limit],
    );
    return rows.map(toDomain);
  }

  /** Records a decision on a pending request; undefined when it is no longer pending. */
  async decide(q: Queryable, site: string, id: string, d: Decision): Promise<BreakRequestRow | undefined> {
    const { rows } = await q.query<Row>(
      `update break_requests
          set status = $3, decided_by = $4, decided_at = now(), decision_reason = $5, advice = $6
        where site = $1 and id = $2 and status = 'pending' and expires_at > now()
        returning ${COLUMNS}`,
      [site, id, d.status, d.decidedBy, d.reason, JSON.stringify(d.advice)],
    );
    return rows[0] ? toDomain(rows[0]) : undefined;
  }

  /**
   * Expires pending requests past their expiry, and approved ones whose break has not started within the TTL of the
   * decision (one site, or all); returns the sites that changed.
   */
  async expire(site?: string): Promise<string[]> {
    const { rows } = await this.db.query<{ site: string }>(
      `update break_requests set status = 'expired'
        where ($1::text is null or site = $1)
          and ((status = 'pending' and expires_at <= now())
            or (status = 'approved' and decided_at <= now() - make_interval(mins => $2)))
        returning site`,
      [site ?? null, REQUEST_TTL_MIN],
    );
    return [...new Set(rows.map((r) => r.site))];
  }

  /** Withdraws a request not started yet (pending or approved); undefined when it is past that. */
  async cancel(q: Queryable, site: string, id: string): Promise<BreakRequestRow | undefined> {
    const { rows } = await q.query<Row>(
      `update break_requests set status = 'cancelled'
        where site = $1 and id = $2 and status in ('pending', 'approved')
        returning ${COLUMNS}`,
      [site, id],
    );
    return rows[0] ? toDomain(rows[0]) : undefined;
  }

  /** Sites with at least one pending request. */
  async sitesWithPending(): Promise<string[]> {
    const { rows } = await this.db.query<{ site: string }>(
      `select distinct site from break_requests where status = 'pending'`,
    );
    return rows.map((r) => r.site);
  }

  /** Approved request of the agent → on_break (a rest pause began); returns how many moved. */
  async startBreak(site: string, agent: string, atMs: number): Promise<number> {
    return this.count(
      `update break_requests set status = 'on_break', break_started_at = $3
        where site = $1 and agent = $2 and status = 'approved'`,
      [site, agent, new Date(atMs)],
    );
  }

  /** The agent's break under way → done (ready again or logged out); returns how many moved. */
  async endBreak(site: string, agent: string, atMs: number): Promise<number> {
    return this.count(
      `update break_requests set status = 'done', break_ended_at = greatest($3, break_started_at)
        where site = $1 and agent = $2 and status = 'on_break'`,
      [site, agent, new Date(atMs)],
    );
  }

  private async count(sql: string, params: unknown[]): Promise<number> {
    const result: pg.QueryResult = await this.db.query(sql, params);
    return result.rowCount ?? 0;
  }
}
