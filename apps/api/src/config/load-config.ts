import { EnvSchema, type Config, type TailSpec } from './config.schema.js';

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid environment variables:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function parseTails(value: string | undefined, problems: string[]): TailSpec[] {
  if (!value) {
    return [];
  }
  return value.split(',').flatMap((pair) => {
    const [site, path] = pair.split('=', 2);
    if (!site || !path) {
      problems.push(`VIGIE_TAIL: "${pair}" is not site=path`);
      return [];
    }
    return [{ site: site.trim(), path: path.trim() }];
  });
}

/** Validates the whole environment once; every bad key is listed in one error. Pure: pass `process.env`. */
export function loadConfig(env: Record<string, string | undefined>): Config {
  const problems: string[] = [];
  const blankless = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(blankless);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      problems.push(`${issue.path.join('.')}: ${issue.message}`);
    }
  }
  const e = parsed.success ? parsed.data : undefined;
  const tails = parseTails(blankless.VIGIE_TAIL, problems);
  if (blankless.VIGIE_ADMIN_EMAIL && !blankless.VIGIE_ADMIN_PASSWORD) {
    problems.push('VIGIE_ADMIN_PASSWORD: required when VIGIE_ADMIN_EMAIL is set');
  }
  if (problems.length > 0 || !e) {
    throw new ConfigError(problems);
  }
  return {
    port: e.PORT,
    host: e.HOST,
    database: e.DATABASE_URL
      ? { kind: 'postgres', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: e.VIGIE_DATA_DIR },
    redisUrl: e.REDIS_URL,
    demo: { enabled: e.VIGIE_DEMO, scale: e.VIGIE_DEMO_SCALE },
    admin:
      e.VIGIE_ADMIN_EMAIL && e.VIGIE_ADMIN_PASSWORD
        ? { email: e.VIGIE_ADMIN_EMAIL, password: e.VIGIE_ADMIN_PASSWORD }
        : undefined,
    jwtSecret: e.VIGIE_JWT_SECRET,
    tokenTtl: e.VIGIE_TOKEN_TTL,
    tails,
    maxBodyBytes: Math.round(e.VIGIE_MAX_BODY_MB * 1024 * 1024),
    webhookRetryBaseMs: e.VIGIE_WEBHOOK_RETRY_BASE_MS,
    smtp: e.VIGIE_SMTP_URL ? { url: e.VIGIE_SMTP_URL, from: e.VIGIE_MAIL_FROM } : undefined,
    logLevel: e.LOG_LEVEL,
    dataDir: e.VIGIE_DATA_DIR,
  };
}

export const CONFIG = Symbol('CONFIG');
export type { Config };
