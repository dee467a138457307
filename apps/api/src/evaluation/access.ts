import { BadRequestException, ForbiddenException, Inject, Injectable } from '@nestjs/common';
import type { Principal } from '../auth/roles.js';
import type { EvaluationRow, Scope } from './evaluation-rows.js';
import { EvaluationStore } from './evaluation-store.js';

/**
 * Who may do what with evaluations (docs/evaluation.md, "Who may do what"): admins and HR everything; a supervisor
 * their teams' agents (a supervisor without teams: the whole site, as for breaks); an agent user their own agent id.
 */
export const isHr = (p: Principal) => p.kind === 'user' && (p.roles.includes('admin') || p.roles.includes('hr'));

const supervisorTeams = (p: Principal): string[] | null =>
  p.kind === 'user' && p.roles.includes('supervisor') ? p.teams : null;

/** Scores, submits and validates: HR, or a supervisor of the evaluation's team. */
export function mayManage(p: Principal, e: Pick<EvaluationRow, 'team'>): boolean {
  if (isHr(p)) {
    return true;
  }
  const teams = supervisorTeams(p);
  return teams !== null && (teams.length === 0 || (e.team !== null && teams.includes(e.team)));
}

export const inScope = (scope: Scope, e: Pick<EvaluationRow, 'team' | 'agent'>) =>
  scope.all || (e.team !== null && scope.teams.includes(e.team)) || (scope.agent !== null && scope.agent === e.agent);

@Injectable()
export class EvaluationAccess {
  constructor(@Inject(EvaluationStore) private readonly store: EvaluationStore) {}

  /** The agent id on the caller's user row, or null. */
  async agentOf(p: Principal): Promise<string | null> {
    return p.kind === 'user' && p.roles.includes('agent') ? this.store.agentOfUser(p.userId) : null;
  }

  /** The agent id on the caller's user row; 400 when it has none. */
  async ownAgent(p: Principal): Promise<string> {
    const agent = p.kind === 'user' ? await this.store.agentOfUser(p.userId) : null;
    if (agent === null) {
      throw new BadRequestException('your user has no agent id: an admin sets it on the user');
    }
    return agent;
  }

  /** The evaluations the caller may read. */
  async scope(p: Principal): Promise<Scope> {
    const teams = supervisorTeams(p);
    if (isHr(p) || (teams !== null && teams.length === 0)) {
      return { all: true, teams: [], agent: null };
    }
    const agent = await this.agentOf(p);
    if (teams === null && agent === null) {
      throw new BadRequestException('your user has no agent id: an admin sets it on the user');
    }
    return { all: false, teams: teams ?? [], agent };
  }

  /** 403 when a filter names an agent or a team outside the caller's scope. */
  assertFilter(scope: Scope, filter: { agent?: string | undefined; team?: string | undefined }): void {
    if (scope.all) {
      return;
    }
    if (filter.team !== undefined && !scope.teams.includes(filter.team)) {
      throw new ForbiddenException(`team ${filter.team} is not one of your teams`);
    }
    if (filter.agent !== undefined && scope.teams.length === 0 && filter.agent !== scope.agent) {
      throw new ForbiddenException(`agent ${filter.agent} is not you`);
    }
  }

  /** 403 unless the caller may read the evaluation. */
  async assertRead(p: Principal, e: EvaluationRow): Promise<void> {
    if (!inScope(await this.scope(p), e)) {
      throw new ForbiddenException(`evaluation ${e.id} is not one of yours or of your teams`);
    }
  }

  assertManage(p: Principal, e: EvaluationRow): void {
    if (!mayManage(p, e)) {
      throw new ForbiddenException(`evaluation ${e.id} is not of one of your teams`);
    }
  }

  /** 403 unless `own` (the caller's agent id, from `agentOf`) is the evaluated agent. */
  assertOwnAgent(own: string | null, e: EvaluationRow): void {
    if (own !== e.agent) {
      throw new ForbiddenException(`only agent ${e.agent} answers their own evaluation`);
    }
  }

  /** The teams whose grids an agent user reads: their user's teams and those they were evaluated in. */
  async agentTeams(p: Principal, site: string): Promise<string[]> {
    const agent = await this.agentOf(p);
    const own = p.kind === 'user' ? p.teams : [];
    return [...new Set([...own, ...(agent ? await this.store.teamsOfAgent(site, agent) : [])])];
  }
}
