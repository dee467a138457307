import { Redis } from 'ioredis';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { ADMIN_URL, TEMPLATE_DB, dropTemplate, prepareTemplate } from './databases.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDb: string;
  }
}

async function checkServices(): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  try {
    await client.connect();
  } catch (cause) {
    throw new Error(`PostgreSQL is not reachable at ${ADMIN_URL}: start it (see .ci/run)`, { cause });
  } finally {
    await client.end().catch(() => undefined);
  }
  const redis = new Redis(process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379', {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (cause) {
    throw new Error('Redis is not reachable on 127.0.0.1:6379: start it (see .ci/run)', { cause });
  } finally {
    redis.disconnect();
  }
}

/**
 * Integration and e2e tests need the real PostgreSQL and Redis on localhost (.ci/run starts them).
 * The migrated template is prepared once per run, whichever project asks first.
 */
export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  project.provide('templateDb', TEMPLATE_DB);
  if (process.env.VIGIE_TEMPLATE_READY === TEMPLATE_DB) {
    return undefined;
  }
  await checkServices();
  await prepareTemplate();
  process.env.VIGIE_TEMPLATE_READY = TEMPLATE_DB;
  return async () => {
    delete process.env.VIGIE_TEMPLATE_READY;
    await dropTemplate();
  };
}
