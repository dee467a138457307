import {
  ForbiddenException,
  Inject,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { PUBLIC_KEY, ROLES_KEY, SITE_KEY_KEY, TokenVerifier, type Principal, type Role } from './roles.js';

interface GuardedRequest {
  headers: Record<string, string | string[] | undefined>;
  params?: Record<string, string>;
  principal?: Principal;
}

/**
 * Fails closed: a route is reachable only when it says `@Public()` or lists its `@Roles()`. An admin may call
 * any listed route; an ingest API key only a `@AllowSiteKey()` route of its own site; a display token only
 * routes that list `display`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly tokens: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') {
      return true;
    }
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      return true;
    }
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      throw new ForbiddenException('this endpoint declares no roles');
    }
    const request = context.switchToHttp().getRequest<GuardedRequest>();
    const header = request.headers.authorization;
    const token = typeof header === 'string' && header.startsWith('Bearer ') ? header.slice(7).trim() : '';
    const principal = token ? await this.tokens.verify(token) : null;
    if (!principal) {
      throw new UnauthorizedException('sign in: send Authorization: Bearer <token>');
    }
    request.principal = principal;
    if (
      allowed(
        principal,
        roles,
        this.reflector.getAllAndOverride<boolean>(SITE_KEY_KEY, targets) ?? false,
        request.params,
      )
    ) {
      return true;
    }
    throw new ForbiddenException('your role may not do this');
  }
}

export function allowed(
  principal: Principal,
  roles: Role[],
  siteKeyAllowed: boolean,
  params: Record<string, string> = {},
): boolean {
  switch (principal.kind) {
    case 'user':
      return principal.roles.includes('admin') || principal.roles.some((r) => roles.includes(r));
    case 'apiKey':
      return siteKeyAllowed && params.site === principal.site;
    case 'display':
      return roles.includes('display') && (params.site === undefined || params.site === principal.site);
  }
}
