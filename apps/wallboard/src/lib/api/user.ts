import { api } from './client.js';

/** `GET /api/v1/auth/me` for a signed-in user: roles, teams and the agent id they work as (agents). */
export interface Me {
  kind: 'user';
  userId: string;
  email: string;
  roles: string[];
  teams: string[];
  agent: string | null;
}

/** The caller's roles; none when the API does not say (the pages then show every link and the API answers). */
export async function loadRoles(onUnauthorized?: () => void): Promise<string[]> {
  try {
    const me = await api<Partial<Me>>('/api/v1/auth/me', {}, onUnauthorized);
    return Array.isArray(me.roles) ? me.roles : [];
  } catch {
    return [];
  }
}

export type SitePage =
  'boards' | 'console' | 'callbacks' | 'admin' | 'grids' | 'evaluations' | 'history' | 'pay' | 'me';

/** Who opens each page of a site (docs/wallboard.md); admin opens all but the agent's own page. */
const PAGE_ROLES: Record<SitePage, readonly string[]> = {
  boards: ['hr', 'supervisor', 'vigie', 'agent'],
  console: ['supervisor', 'vigie'],
  callbacks: ['supervisor', 'vigie', 'agent'],
  admin: ['supervisor'],
  grids: ['hr', 'supervisor', 'agent'],
  evaluations: ['hr', 'supervisor', 'agent'],
  history: ['hr', 'supervisor', 'agent'],
  pay: ['hr'],
  me: ['agent'],
};

/** The site's pages the roles open, in menu order; every page when the roles are unknown (empty). */
export function siteLinks(site: string, roles: readonly string[]): { page: SitePage; href: string }[] {
  const pages = Object.keys(PAGE_ROLES) as SitePage[];
  const allowed = (page: SitePage) =>
    roles.length === 0 || (roles.includes('admin') && page !== 'me') || PAGE_ROLES[page].some((r) => roles.includes(r));
  return pages.filter(allowed).map((page) => ({ page, href: `/sites/${encodeURIComponent(site)}/${page}` }));
}
