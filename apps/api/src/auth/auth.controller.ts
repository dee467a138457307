import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
  Post,
  UnauthorizedException,
} from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { ZodValidationPipe } from '../common/zod.pipe.js';
import { SitesService } from '../sites/sites.service.js';
import { AuditLog } from './audit-log.js';
import { AuthRepository, type User } from './auth.repository.js';
import { CreateUser, Login, NamedToken, UpdateUser } from './auth.schema.js';
import { AuthService } from './auth.service.js';
import { CurrentPrincipal, Public, Roles, type Principal } from './roles.js';

@ApiTags('auth')
@Controller('api/v1/auth')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(AuthRepository) private readonly repo: AuthRepository,
  ) {}

  @Post('login')
  @HttpCode(200)
  @Public()
  async login(@Body(new ZodValidationPipe(Login)) body: Login): Promise<{ accessToken: string }> {
    const accessToken = await this.auth.login(body.email, body.password);
    if (!accessToken) {
      throw new UnauthorizedException('wrong e-mail or password');
    }
    return { accessToken };
  }

  @Get('me')
  @ApiBearerAuth()
  @Roles('admin', 'hr', 'supervisor', 'vigie', 'agent', 'display')
  async me(@CurrentPrincipal() principal: Principal): Promise<Principal & { agent?: string | null }> {
    if (principal.kind !== 'user') {
      return principal;
    }
    return { ...principal, agent: (await this.repo.userById(principal.userId))?.agent ?? null };
  }
}

@ApiTags('users')
@ApiBearerAuth()
@Controller('api/v1')
export class AccessController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(AuthRepository) private readonly repo: AuthRepository,
    @Inject(SitesService) private readonly sites: SitesService,
  ) {}

  @Post('users')
  @Roles('admin')
  createUser(
    @CurrentPrincipal() p: Principal,
    @Body(new ZodValidationPipe(CreateUser)) body: CreateUser,
  ): Promise<User> {
    return this.auth.createUser(AuditLog.actorOf(p), body);
  }

  @Get('users')
  @Roles('admin')
  listUsers(): Promise<User[]> {
    return this.repo.listUsers();
  }

  @Patch('users/:id')
  @Roles('admin')
  updateUser(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body(new ZodValidationPipe(UpdateUser)) body: UpdateUser,
  ): Promise<User> {
    return this.auth.updateUser(AuditLog.actorOf(p), id, body);
  }

  @Post('sites/:site/api-keys')
  @Roles('admin')
  async createApiKey(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Body(new ZodValidationPipe(NamedToken)) body: NamedToken,
  ) {
    await this.sites.require(site);
    return this.auth.createApiKey(AuditLog.actorOf(p), site, body.name);
  }

  @Get('sites/:site/api-keys')
  @Roles('admin')
  async listApiKeys(@Param('site') site: string) {
    await this.sites.require(site);
    return this.repo.listApiKeys(site);
  }

  @Delete('api-keys/:id')
  @HttpCode(204)
  @Roles('admin')
  revokeApiKey(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.auth.revokeApiKey(AuditLog.actorOf(p), id);
  }

  @Post('sites/:site/display-tokens')
  @Roles('supervisor')
  async createDisplayToken(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Body(new ZodValidationPipe(NamedToken)) body: NamedToken,
  ) {
    await this.sites.require(site);
    return this.auth.createDisplayToken(AuditLog.actorOf(p), site, body.name, body.boardId ?? null);
  }

  @Get('sites/:site/display-tokens')
  @Roles('supervisor')
  async listDisplayTokens(@Param('site') site: string) {
    await this.sites.require(site);
    return this.repo.listDisplayTokens(site);
  }

  @Delete('display-tokens/:id')
  @HttpCode(204)
  @Roles('supervisor')
  revokeDisplayToken(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.auth.revokeDisplayToken(AuditLog.actorOf(p), id);
  }
}
