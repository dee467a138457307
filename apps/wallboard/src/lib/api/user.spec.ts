import { describe, expect, it } from 'vitest';
import { siteLinks } from './user.js';

const pages = (roles: string[]) => siteLinks('paris', roles).map((l) => l.page);

describe('site links by role', () => {
  it('opens each page to its roles, everything but the agent page to an admin', () => {
    const evaluation = ['grids', 'evaluations', 'history'];
    expect(pages(['supervisor'])).toEqual(['boards', 'console', 'callbacks', 'admin', ...evaluation]);
    expect(pages(['vigie'])).toEqual(['boards', 'console', 'callbacks']);
    expect(pages(['agent'])).toEqual(['boards', 'callbacks', ...evaluation, 'me']);
    expect(pages(['hr'])).toEqual(['boards', ...evaluation, 'pay']);
    expect(pages(['admin'])).toEqual(['boards', 'console', 'callbacks', 'admin', ...evaluation, 'pay']);
    expect(siteLinks('a b', ['agent'])[5]!.href).toBe('/sites/a%20b/me');
  });

  it('shows every link while the roles are unknown (the API answers 403)', () => {
    expect(pages([])).toEqual([
      'boards',
      'console',
      'callbacks',
      'admin',
      'grids',
      'evaluations',
      'history',
      'pay',
      'me',
    ]);
  });
});
