import type { INestApplication } from '@nestjs/common';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import 'reflect-metadata';
import { createApp } from '../../apps/api/src/app.factory.js';
import type { Config } from '../../apps/api/src/config/config.schema.js';
import { loadConfig } from '../../apps/api/src/config/load-config.js';

export const ADMIN = { email: 'admin@test.local', password: 'admin-password-1' };

export interface TestApp {
  app: INestApplication;
  url: string;
  config: Config;
  close(): Promise<void>;
}

/** The whole API on a random port against the given database URL (real PostgreSQL), demo off. */
export async function startApp(databaseUrl: string, env: Record<string, string> = {}): Promise<TestApp> {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    VIGIE_DEMO: '0',
    VIGIE_ADMIN_EMAIL: ADMIN.email,
    VIGIE_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'warn',
    ...env,
  });
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const address = (app.getHttpServer() as Server).address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${address.port}`, config, close: () => app.close() };
}

/** Logs in and returns headers for authenticated calls. */
export async function login(url: string, credentials = ADMIN): Promise<Record<string, string>> {
  const response = await fetch(`${url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  if (response.status !== 200) {
    throw new Error(`login failed: ${response.status} ${await response.text()}`);
  }
  const { accessToken } = (await response.json()) as { accessToken: string };
  return { authorization: `Bearer ${accessToken}` };
}

/** A time zone whose local time now is far from midnight, so "today" holds the last `hoursToday` hours. */
export function zoneAwayFromMidnight(now = Date.now(), hoursToday = 2): string {
  const zones = ['Europe/Paris', 'Asia/Tokyo', 'America/New_York', 'Asia/Kolkata', 'Pacific/Auckland'];
  const hour = (zone: string) =>
    Number(new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: zone }).format(now));
  return zones.find((z) => hour(z) >= hoursToday && hour(z) <= 21) ?? 'Europe/Paris';
}
