import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './load-config.js';

describe(loadConfig.name, () => {
  it('runs on embedded defaults with an empty environment', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      database: { kind: 'pglite', dataDir: './data' },
      redisUrl: undefined,
      demo: { enabled: true, scale: 1 },
      admin: undefined,
      tails: [],
    });
  });

  it('selects a real server and Redis from URLs, and reads tails', () => {
    const config = loadConfig({
      DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/vigie',
      REDIS_URL: 'redis://127.0.0.1:6379',
      VIGIE_DEMO: '0',
      VIGIE_TAIL: 'paris=/var/log/asterisk/queue_log,lyon=/tmp/q',
    });
    expect(config.database).toEqual({ kind: 'postgres', url: 'postgres://postgres@127.0.0.1:5432/vigie' });
    expect(config.redisUrl).toBe('redis://127.0.0.1:6379');
    expect(config.demo.enabled).toBe(false);
    expect(config.tails).toEqual([
      { site: 'paris', path: '/var/log/asterisk/queue_log' },
      { site: 'lyon', path: '/tmp/q' },
    ]);
  });

  it('lists every bad key in one error', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        VIGIE_ADMIN_EMAIL: 'admin@example.com',
        VIGIE_TAIL: 'nopath',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toContain('PORT');
    expect(problems).toContain('DATABASE_URL');
    expect(problems).toContain('VIGIE_ADMIN_PASSWORD');
    expect(problems).toContain('VIGIE_TAIL');
  });
});
