import { Body, Controller, Get, Header, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditLog } from '../auth/audit-log.js';
import { CurrentPrincipal, Roles, type Principal } from '../auth/roles.js';
import { ZodValidationPipe } from '../common/zod.pipe.js';
import { SitesService } from '../sites/sites.service.js';
import { CallbackMark, CallbackQuery } from './callbacks.schema.js';
import { CallbacksService, type CallbackList, type Mark } from './callbacks.service.js';

const mask = (id: string | null) => (id === null ? null : `••••${id.slice(-4)}`);

/** The list with every caller number cut to its last four digits (and no notes), for wall screens. */
export function maskCallers(list: CallbackList): CallbackList {
  return {
    ...list,
    callers: list.callers.map((c, i) => ({
      ...c,
      key: `#${i + 1}`,
      callerId: mask(c.callerId),
      abandoned: c.abandoned.map((a) => ({ ...a, callerId: mask(a.callerId) })),
      marks: c.marks.map((m) => ({ ...m, note: null })),
    })),
  };
}

/** Abandoned callers to call back (docs/callbacks.md). */
@ApiTags('callbacks')
@ApiBearerAuth()
@Controller('api/v1/sites/:site')
export class CallbacksController {
  constructor(
    @Inject(CallbacksService) private readonly callbacks: CallbacksService,
    @Inject(SitesService) private readonly sites: SitesService,
  ) {}

  /** A TV (display token) gets the list with caller numbers masked: a wall is seen by everyone on the floor. */
  @Get('callbacks')
  @Roles('hr', 'supervisor', 'vigie', 'agent', 'display')
  async list(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Query(new ZodValidationPipe(CallbackQuery, 'query')) query: CallbackQuery,
  ): Promise<CallbackList> {
    const list = await this.callbacks.list(await this.sites.require(site), query.day);
    return p.kind === 'display' ? maskCallers(list) : list;
  }

  @Get('callbacks.csv')
  @Roles('hr', 'supervisor', 'vigie')
  @Header('content-type', 'text/csv; charset=utf-8')
  async export(
    @Param('site') site: string,
    @Query(new ZodValidationPipe(CallbackQuery, 'query')) query: CallbackQuery,
  ): Promise<string> {
    return this.callbacks.csv(await this.callbacks.list(await this.sites.require(site), query.day));
  }

  /** Records a call back to a caller (key: the caller id, or the contact id of an unknown caller). */
  @Post('callbacks/:key/marks')
  @HttpCode(201)
  @Roles('supervisor', 'vigie', 'agent')
  async mark(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('key') key: string,
    @Body(new ZodValidationPipe(CallbackMark)) body: CallbackMark,
  ): Promise<Mark> {
    return this.callbacks.mark(await this.sites.require(site), key, body, AuditLog.actorOf(p));
  }
}
