import { z } from 'zod';

const Flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

/** Environment variables read at boot (and nowhere else). Documented in docs/operations.md. */
export const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/, message: 'a postgres:// URL' }).optional(),
  VIGIE_DATA_DIR: z.string().min(1).default('./data'),
  REDIS_URL: z.url({ protocol: /^rediss?$/, message: 'a redis:// URL' }).optional(),
  VIGIE_DEMO: Flag.default(true),
  VIGIE_DEMO_SCALE: z.coerce.number().positive().max(100).default(1),
  VIGIE_ADMIN_EMAIL: z.email().optional(),
  VIGIE_ADMIN_PASSWORD: z.string().min(8, 'at least 8 characters').optional(),
  VIGIE_JWT_SECRET: z.string().min(32, 'at least 32 characters').optional(),
  VIGIE_TOKEN_TTL: z
    .string()
    .regex(/^\d+[smhd]$/, 'a duration like 12h or 30m')
    .default('12h'),
  VIGIE_TAIL: z.string().optional(),
  VIGIE_MAX_BODY_MB: z.coerce.number().positive().default(512),
  VIGIE_SMTP_URL: z.url({ protocol: /^smtps?$/, message: 'an smtp:// or smtps:// URL' }).optional(),
  VIGIE_MAIL_FROM: z.email().default('vigie@localhost'),
  VIGIE_WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().positive().default(1000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.enum(['production', 'development', 'test']).default('production'),
});
export type Env = z.infer<typeof EnvSchema>;

/** One queue_log file followed live for a site: `VIGIE_TAIL=site1=/var/log/asterisk/queue_log,site2=/path`. */
export interface TailSpec {
  site: string;
  path: string;
}

export interface Config {
  port: number;
  host: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  redisUrl: string | undefined;
  demo: { enabled: boolean; scale: number };
  admin: { email: string; password: string } | undefined;
  jwtSecret: string | undefined;
  tokenTtl: string;
  tails: TailSpec[];
  maxBodyBytes: number;
  /** First retry delay of a failed webhook delivery; doubles on each attempt. */
  webhookRetryBaseMs: number;
  /** Outgoing mail for alarms; off without `VIGIE_SMTP_URL`. */
  smtp: { url: string; from: string } | undefined;
  logLevel: Env['LOG_LEVEL'];
  dataDir: string;
}
