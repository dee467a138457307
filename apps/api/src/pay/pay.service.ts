import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { adjustLine, computePay, lock, LockedError, type PayRun } from '@vigie/domain';
import type { PayRules } from '@vigie/protocol';
import { AuditLog } from '../auth/audit-log.js';
import { Database, type Queryable } from '../db/database.js';
import type { Site } from '../sites/site.schema.js';
import { payInput, resolveTerms, weekdays, type FieldIssue } from './pay-inputs.js';
import { domainRun, PayStore, summaryOf, type PayRunView } from './pay-store.js';
import type { CreatePayRun, PayAdjustment } from './pay.schema.js';
import { PeriodFiguresService } from './period-figures.service.js';

/** A 400 in the zod pipe's shape, naming each field at fault. */
export function fieldError(issues: readonly FieldIssue[]): BadRequestException {
  return new BadRequestException({
    statusCode: 400,
    error: 'Bad Request',
    message: `invalid body: ${issues.map((d) => `${d.field}: ${d.reason}`).join('; ')}`,
    details: issues,
  });
}

/** A locked run (or its second lock) answers 409. */
function conflictOf(error: unknown): unknown {
  return error instanceof LockedError ? new ConflictException(error.message) : error;
}

/**
 * Pay rules and runs (docs/evaluation.md, "Pay"): the arithmetic is the domain's (`computePay`, `adjustLine`,
 * `lock`); this stores it, and audits every change in the same transaction.
 */
@Injectable()
export class PayService {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(PayStore) private readonly store: PayStore,
    @Inject(PeriodFiguresService) private readonly figures: PeriodFiguresService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  async rules(site: string): Promise<PayRules> {
    const rules = await this.store.rules(site);
    if (!rules) {
      throw new NotFoundException(`site ${site} has no pay rules yet: PUT pay-rules sets them`);
    }
    return rules;
  }

  async putRules(site: string, rules: PayRules, actor: string): Promise<PayRules> {
    await this.db.transaction(async (tx) => {
      const before = (await this.store.rules(site, tx)) ?? null;
      await this.store.putRules(tx, site, rules, actor);
      await this.audit.record({ actor, action: 'pay-rules.put', target: site, site, before, after: rules }, tx);
    });
    return rules;
  }

  /**
   * A draft run of the period on the rules in force: one line per agent with a validated evaluation. With
   * `supersedes`, a correction of a locked run of the same period (which stays as it was).
   */
  async createRun(site: Site, body: CreatePayRun, actor: string): Promise<PayRunView> {
    const rules = await this.store.rules(site.id);
    if (!rules) {
      throw new ConflictException(`site ${site.id} has no pay rules yet: PUT pay-rules sets them`);
    }
    const period = await this.store.period(site.id, body.periodId);
    if (!period) {
      throw fieldError([{ field: 'periodId', reason: `no evaluation period ${body.periodId} on site ${site.id}` }]);
    }
    if (body.supersedes !== undefined) {
      const corrected = await this.store.run(site.id, body.supersedes);
      if (!corrected || corrected.status !== 'locked' || corrected.periodId !== period.id) {
        throw fieldError([{ field: 'supersedes', reason: 'a correction supersedes a locked run of the same period' }]);
      }
    }
    const evaluations = await this.store.validatedEvaluations(site.id, period.id);
    if (evaluations.length === 0) {
      throw new ConflictException(`no validated evaluation in period ${period.id} yet`);
    }
    const figures = await this.figures.figures(site, period);
    const scheduled = weekdays(period.startDay, period.endDay);
    const { terms, issues } = resolveTerms(rules, evaluations, figures, body.terms, scheduled);
    if (issues.length > 0) {
      throw fieldError(issues);
    }
    const bounds = { id: period.id, startMs: period.startMs, endMs: period.endMs };
    const run = computePay(rules, payInput(bounds, evaluations, figures, terms));
    return this.db.transaction(async (tx) => {
      const created = await this.store.insertRun(tx, {
        site: site.id,
        supersedes: body.supersedes ?? null,
        rules,
        terms,
        run,
        by: actor,
      });
      const after = { ...summaryOf(created), terms, lines: created.lines };
      await this.audit.record({ actor, action: 'pay-run.create', target: created.id, site: site.id, after }, tx);
      return created;
    });
  }

  async run(site: string, id: string, q?: Queryable): Promise<PayRunView> {
    const run = await this.store.run(site, id, q);
    if (!run) {
      throw new NotFoundException(`no pay run ${id} on site ${site}`);
    }
    return run;
  }

  /** HR's signed correction of one line of a draft run, with its reason. */
  async adjust(site: string, id: string, body: PayAdjustment, actor: string): Promise<PayRunView> {
    return this.change(site, id, 'pay-run.adjust', actor, (run) => {
      const line = run.lines.find((l) => l.agentId === body.agent);
      if (!line) {
        throw fieldError([{ field: 'agent', reason: `no line for agent ${body.agent} in this run` }]);
      }
      if (line.totalCents + body.cents < 0) {
        throw fieldError([{ field: 'cents', reason: `the line's total (${line.totalCents}) would go below 0` }]);
      }
      const after = adjustLine(run, body.agent, body.cents, body.reason, actor);
      const lineOf = (r: PayRun) => r.lines.find((l) => l.agentId === body.agent);
      return { after, audit: { before: lineOf(run), after: { ...body, line: lineOf(after) } } };
    });
  }

  /** Closes a draft run: it never changes again (a correction is a new run superseding it). */
  async lock(site: string, id: string, actor: string): Promise<PayRunView> {
    return this.change(site, id, 'pay-run.lock', actor, (run) => {
      const after = lock(run, `pay run ${id}`, actor, Date.now());
      const totalCents = after.lines.reduce((sum, l) => sum + l.totalCents, 0);
      return {
        after,
        audit: { before: { status: 'draft' }, after: { status: 'locked', locked: after.locked, totalCents } },
      };
    });
  }

  /** Reads the run with its row locked, applies `fn` (LockedError → 409), saves and audits in one transaction. */
  private async change(
    site: string,
    id: string,
    action: string,
    actor: string,
    fn: (run: PayRun) => { after: PayRun; audit: { before: unknown; after: unknown } },
  ): Promise<PayRunView> {
    try {
      return await this.db.transaction(async (tx) => {
        const view = await this.store.run(site, id, tx, true);
        if (!view) {
          throw new NotFoundException(`no pay run ${id} on site ${site}`);
        }
        const { after, audit } = fn(domainRun(view));
        await this.store.saveRun(tx, id, after);
        await this.audit.record({ actor, action, target: id, site, ...audit }, tx);
        return this.run(site, id, tx);
      });
    } catch (error) {
      throw conflictOf(error);
    }
  }
}
