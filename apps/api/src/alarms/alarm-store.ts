import { Inject, Injectable } from '@nestjs/common';
import { DEFAULT_ACTION_TYPES, DEFAULT_RULES, type AlarmTransition } from '@vigie/domain';
import { AlarmRule, type ActionType } from '@vigie/protocol';
import { Database, type Queryable } from '../db/database.js';

/** An alarm as stored and served (`GET /sites/{site}/alarms`). */
export interface AlarmRow {
  id: string;
  site: string;
  key: string;
  ruleId: string;
  subject: { kind: string; name: string };
  figure: string;
  level: 'orange' | 'red';
  maxLevel: 'orange' | 'red';
  value: number | null;
  detail: Record<string, string | number> | null;
  raisedAt: string;
  escalatedAt: string | null;
  clearedAt: string | null;
  ackedBy: string | null;
  ackedAt: string | null;
  ackComment: string | null;
}

export interface AlarmFilter {
  state: 'open' | 'cleared' | 'all';
  level?: 'orange' | 'red';
  ruleId?: string;
  subjectKind?: string;
  subject?: string;
  from?: string;
  to?: string;
  limit: number;
}

const ALARM_COLUMNS = `id, site, key, rule_id as "ruleId", json_build_object('kind', subject_kind, 'name', subject_name) as subject,
  figure, level, max_level as "maxLevel", value, detail, raised_at as "raisedAt", escalated_at as "escalatedAt",
  cleared_at as "clearedAt", acked_by as "ackedBy", acked_at as "ackedAt", ack_comment as "ackComment"`;

const iso = (ms: number) => new Date(ms).toISOString();

/** Rules, action types and alarms of each site, in PostgreSQL. */
@Injectable()
export class AlarmStore {
  constructor(@Inject(Database) private readonly db: Database) {}

  /** The site's rules; a site that never had any gets the defaults (once, so deleting them sticks). */
  async rules(site: string): Promise<AlarmRule[]> {
    await this.seed(site);
    const { rows } = await this.db.query<{ rule: unknown }>(
      `select rule from alarm_rules where site = $1 order by id`,
      [site],
    );
    return rows.map((r) => AlarmRule.parse(r.rule));
  }

  async rule(site: string, id: string, q: Queryable = this.db): Promise<AlarmRule | undefined> {
    const { rows } = await q.query<{ rule: unknown }>(`select rule from alarm_rules where site = $1 and id = $2`, [
      site,
      id,
    ]);
    return rows[0] ? AlarmRule.parse(rows[0].rule) : undefined;
  }

  async putRule(q: Queryable, site: string, rule: AlarmRule): Promise<void> {
    await q.query(
      `insert into alarm_rules (site, id, rule) values ($1, $2, $3)
       on conflict (site, id) do update set rule = excluded.rule, updated_at = now()`,
      [site, rule.id, JSON.stringify(rule)],
    );
  }

  async deleteRule(q: Queryable, site: string, id: string): Promise<boolean> {
    return ((await q.query(`delete from alarm_rules where site = $1 and id = $2`, [site, id])).rowCount ?? 0) > 0;
  }

  async actionTypes(site: string, q: Queryable = this.db): Promise<ActionType[]> {
    await this.seed(site);
    const { rows } = await q.query<ActionType>(
      `select action_type as "actionType", priority, max_delay_sec as "maxDelaySec", escalation
         from action_types where site = $1 order by priority, action_type`,
      [site],
    );
    return rows;
  }

  async replaceActionTypes(q: Queryable, site: string, types: readonly ActionType[]): Promise<void> {
    await q.query(`delete from action_types where site = $1`, [site]);
    for (const t of types) {
      await q.query(
        `insert into action_types (site, action_type, priority, max_delay_sec, escalation) values ($1, $2, $3, $4, $5)`,
        [site, t.actionType, t.priority, t.maxDelaySec, t.escalation],
      );
    }
  }

  /**
   * Writes one transition. A raise inserts the alarm unless one is open for the key (another instance raised it);
   * other transitions update the open alarm only if it is not already there. Returns the alarm when this call
   * changed it, so that only the writer announces it.
   */
  async applyTransition(q: Queryable, site: string, t: AlarmTransition): Promise<AlarmRow | undefined> {
    const at = iso(t.atMs);
    let rows: AlarmRow[];
    if (t.type === 'raised') {
      ({ rows } = await q.query<AlarmRow>(
        `insert into alarms (site, key, rule_id, subject_kind, subject_name, figure, level, max_level, value, raised_at, detail)
         values ($1, $2, $3, $4, $5, $6, $7, $7, $8, $9, $10)
         on conflict (site, key) where cleared_at is null do nothing
         returning ${ALARM_COLUMNS}`,
        [site, t.key, t.ruleId, t.subject.kind, t.subject.name, t.figure, t.level, t.value, at, t.detail ?? null],
      ));
    } else if (t.type === 'cleared') {
      ({ rows } = await q.query<AlarmRow>(
        `update alarms set cleared_at = $3, value = coalesce($4, value)
          where site = $1 and key = $2 and cleared_at is null
          returning ${ALARM_COLUMNS}`,
        [site, t.key, at, t.value],
      ));
    } else {
      ({ rows } = await q.query<AlarmRow>(
        `update alarms set level = $3, value = $4,
                max_level = case when $3 = 'red' then 'red' else max_level end,
                escalated_at = case when $3 = 'red' then $5::timestamptz else escalated_at end
          where site = $1 and key = $2 and cleared_at is null and level <> $3
          returning ${ALARM_COLUMNS}`,
        [site, t.key, t.level, t.value, at],
      ));
    }
    const alarm = rows[0];
    if (alarm) {
      await q.query(
        `insert into alarm_transitions (alarm_id, type, level, previous_level, value, at) values ($1, $2, $3, $4, $5, $6)`,
        [alarm.id, t.type, t.level, t.previousLevel, t.value, at],
      );
    }
    return alarm;
  }

  /** Clears the open alarms of a site whose keys are not active any more (after a restart or a rule change). */
  async clearStale(q: Queryable, site: string, activeKeys: readonly string[], atMs: number): Promise<AlarmRow[]> {
    const { rows } = await q.query<AlarmRow>(
      `update alarms set cleared_at = $3
        where site = $1 and cleared_at is null and not (key = any($2::text[]))
        returning ${ALARM_COLUMNS}`,
      [site, activeKeys, iso(atMs)],
    );
    for (const alarm of rows) {
      await q.query(
        `insert into alarm_transitions (alarm_id, type, level, previous_level, value, at) values ($1, 'cleared', 'normal', $2, $3, $4)`,
        [alarm.id, alarm.level, alarm.value, iso(atMs)],
      );
    }
    return rows;
  }

  async find(site: string, f: AlarmFilter): Promise<AlarmRow[]> {
    const where = ['site = $1'];
    const params: unknown[] = [site];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      where.push(sql.replace('?', `$${params.length}`));
    };
    if (f.state === 'open') {
      where.push('cleared_at is null');
    } else if (f.state === 'cleared') {
      where.push('cleared_at is not null');
    }
    if (f.level) {
      add('max_level = ?', f.level);
    }
    if (f.ruleId) {
      add('rule_id = ?', f.ruleId);
    }
    if (f.subjectKind) {
      add('subject_kind = ?', f.subjectKind);
    }
    if (f.subject) {
      add('subject_name = ?', f.subject);
    }
    if (f.from) {
      add('raised_at >= ?', f.from);
    }
    if (f.to) {
      add('raised_at < ?', f.to);
    }
    params.push(f.limit);
    const { rows } = await this.db.query<AlarmRow>(
      `select ${ALARM_COLUMNS} from alarms where ${where.join(' and ')} order by raised_at desc, id limit $${params.length}`,
      params,
    );
    return rows;
  }

  async get(site: string, id: string, q: Queryable = this.db): Promise<AlarmRow | undefined> {
    const { rows } = await q.query<AlarmRow>(`select ${ALARM_COLUMNS} from alarms where site = $1 and id = $2`, [
      site,
      id,
    ]);
    return rows[0];
  }

  async acknowledge(
    q: Queryable,
    site: string,
    id: string,
    by: string,
    comment: string | null,
  ): Promise<AlarmRow | undefined> {
    const { rows } = await q.query<AlarmRow>(
      `update alarms set acked_by = $3, acked_at = now(), ack_comment = $4
        where site = $1 and id = $2 and cleared_at is null
        returning ${ALARM_COLUMNS}`,
      [site, id, by, comment],
    );
    return rows[0];
  }

  private async seed(site: string): Promise<void> {
    const mark = `alarms.seeded.${site}`;
    const { rowCount } = await this.db.query(`select 1 from settings where key = $1`, [mark]);
    if ((rowCount ?? 0) > 0) {
      return;
    }
    await this.db.transaction(async (tx) => {
      const inserted = await tx.query(`insert into settings (key, value) values ($1, 'true') on conflict do nothing`, [
        mark,
      ]);
      if ((inserted.rowCount ?? 0) === 0) {
        return;
      }
      for (const rule of DEFAULT_RULES) {
        await this.putRule(tx, site, rule);
      }
      await this.replaceActionTypes(tx, site, DEFAULT_ACTION_TYPES);
    });
  }
}
