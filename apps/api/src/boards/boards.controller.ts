import {
  Body,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { BoardInput, type Board, type DisplayBoard } from '@vigie/protocol';
import { AuditLog } from '../auth/audit-log.js';
import { CurrentPrincipal, Roles, type Principal } from '../auth/roles.js';
import { ZodValidationPipe } from '../common/zod.pipe.js';
import { Database } from '../db/database.js';
import { SitesService } from '../sites/sites.service.js';
import { BoardsRepository } from './boards.repository.js';

const READERS = ['hr', 'supervisor', 'vigie', 'agent', 'display'] as const;

/** A display token bound to a board sees that board only (the guard already keeps it to its site). */
function mayRead(p: Principal, board: Board): boolean {
  return p.kind !== 'display' || p.boardId === null || p.boardId === board.id;
}

/** Wallboard layouts per site (docs/wallboard.md): read by every floor role and TV screens, written by supervisors. */
@ApiTags('boards')
@ApiBearerAuth()
@Controller('api/v1')
export class BoardsController {
  constructor(
    @Inject(Database) private readonly db: Database,
    @Inject(BoardsRepository) private readonly boards: BoardsRepository,
    @Inject(SitesService) private readonly sites: SitesService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  @Get('sites/:site/boards')
  @Roles(...READERS)
  async list(@CurrentPrincipal() p: Principal, @Param('site') site: string): Promise<Board[]> {
    await this.sites.require(site);
    return (await this.boards.list(site)).filter((b) => mayRead(p, b));
  }

  @Get('sites/:site/boards/:id')
  @Roles(...READERS)
  async get(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<Board> {
    await this.sites.require(site);
    const board = await this.require(site, id);
    if (!mayRead(p, board)) {
      throw new ForbiddenException('this display token shows another board');
    }
    return board;
  }

  @Post('sites/:site/boards')
  @Roles('supervisor')
  async create(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Body(new ZodValidationPipe(BoardInput)) body: BoardInput,
  ): Promise<Board> {
    await this.sites.require(site);
    const actor = AuditLog.actorOf(p);
    return this.db.transaction(async (tx) => {
      const board = await this.boards.insert(tx, site, body, actor);
      await this.audit.record({ actor, action: 'board.create', target: board.id, site, after: board }, tx);
      return board;
    });
  }

  /** Replaces a board's name and layout; screens showing it pick the new layout up on their next load. */
  @Put('sites/:site/boards/:id')
  @Roles('supervisor')
  async replace(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(BoardInput)) body: BoardInput,
  ): Promise<Board> {
    await this.sites.require(site);
    const actor = AuditLog.actorOf(p);
    return this.db.transaction(async (tx) => {
      const before = await this.require(site, id, tx);
      const after = (await this.boards.update(tx, site, id, body))!;
      await this.audit.record({ actor, action: 'board.put', target: id, site, before, after }, tx);
      return after;
    });
  }

  @Delete('sites/:site/boards/:id')
  @HttpCode(204)
  @Roles('supervisor')
  async remove(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.sites.require(site);
    const actor = AuditLog.actorOf(p);
    await this.db.transaction(async (tx) => {
      const before = await this.require(site, id, tx);
      await this.boards.delete(tx, site, id);
      await this.audit.record({ actor, action: 'board.delete', target: id, site, before }, tx);
    });
  }

  /**
   * What a TV screen shows: its display token's site and board, or the site's first board when the token names
   * none. Other callers have no board of their own (404).
   */
  @Get('display')
  @Roles('display')
  async display(@CurrentPrincipal() p: Principal): Promise<DisplayBoard> {
    if (p.kind !== 'display') {
      throw new NotFoundException('only a display token has a board of its own');
    }
    const site = await this.sites.require(p.site);
    const board = p.boardId ? await this.boards.get(p.site, p.boardId) : (await this.boards.list(p.site))[0];
    if (!board) {
      throw new NotFoundException(p.boardId ? `board ${p.boardId} no longer exists` : `site ${p.site} has no board`);
    }
    return { site: { id: site.id, name: site.name, timezone: site.timezone, demo: site.demo }, board };
  }

  private async require(site: string, id: string, q?: Parameters<BoardsRepository['get']>[2]): Promise<Board> {
    const board = await this.boards.get(site, id, q);
    if (!board) {
      throw new NotFoundException(`no board ${id} on site ${site}`);
    }
    return board;
  }
}
