import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';

export const ROLES = ['admin', 'hr', 'supervisor', 'vigie', 'agent', 'display'] as const;
export type Role = (typeof ROLES)[number];

/** Who is calling: a signed-in user, an ingest API key bound to one site, or a read-only display token. */
export type Principal =
  | { kind: 'user'; userId: string; email: string; roles: Role[]; teams: string[] }
  | { kind: 'apiKey'; keyId: string; site: string }
  | { kind: 'display'; displayId: string; site: string; boardId: string | null };

export const ROLES_KEY = 'vigie:roles';
export const PUBLIC_KEY = 'vigie:public';
export const SITE_KEY_KEY = 'vigie:site-key';

/** The roles that may call this endpoint (an admin may always). Every endpoint says this, or `@Public()`. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
/** No authentication (login, health). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
/** Also accept an ingest API key bound to the `:site` route parameter. */
export const AllowSiteKey = () => SetMetadata(SITE_KEY_KEY, true);

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const request = ctx.switchToHttp().getRequest<{ principal: Principal }>();
  return request.principal;
});

/** Resolves a bearer token (user JWT or display token) to its principal, for sockets. Provided by AuthModule. */
export abstract class TokenVerifier {
  abstract verify(token: string): Promise<Principal | null>;
}

/** Whether a principal may read a site's live figures. */
export function canReadSite(principal: Principal, site: string): boolean {
  if (principal.kind === 'user') {
    return principal.roles.length > 0;
  }
  return principal.site === site && principal.kind === 'display';
}
