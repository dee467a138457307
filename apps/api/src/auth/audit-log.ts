import { Inject, Injectable } from '@nestjs/common';
import { Database, type Queryable } from '../db/database.js';
import type { Principal } from './roles.js';

export interface AuditEntry {
  actor: string;
  action: string;
  target: string;
  site?: string | null;
  before?: unknown;
  after?: unknown;
}

/** Who did what, when, with the state before and after: every decision touching access, pay or breaks. */
@Injectable()
export class AuditLog {
  constructor(@Inject(Database) private readonly db: Database) {}

  static actorOf(principal: Principal | undefined): string {
    if (!principal) {
      return 'system';
    }
    return principal.kind === 'user'
      ? principal.email
      : `${principal.kind}:${principal.kind === 'apiKey' ? principal.keyId : principal.displayId}`;
  }

  async record(entry: AuditEntry, q: Queryable = this.db): Promise<void> {
    await q.query(
      `insert into audit_log (actor, action, target, site, before, after) values ($1, $2, $3, $4, $5, $6)`,
      [
        entry.actor,
        entry.action,
        entry.target,
        entry.site ?? null,
        entry.before === undefined ? null : JSON.stringify(entry.before),
        entry.after === undefined ? null : JSON.stringify(entry.after),
      ],
    );
  }
}
