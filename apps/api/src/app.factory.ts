import { type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import express, { type NextFunction, type Request, type Response } from 'express';
import { Logger } from 'nestjs-pino';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AppModule } from './app.module.js';
import { HttpExceptionFilter } from './common/http-exception.filter.js';
import { RedisIoAdapter } from './common/redis-io.adapter.js';
import type { Config } from './config/config.schema.js';

const WALLBOARD_DIST = fileURLToPath(new URL('../../wallboard/dist/', import.meta.url));
/** Ingest routes read their body as a stream; every other route gets a small JSON body parser. */
const STREAMED_BODY = /^\/api\/v1\/sites\/[^/]+\/(events|queue-log)$/;

/** Builds the API (and the wallboard, when built) without listening, so tests can pick their port. */
export async function createApp(config: Config): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    bodyParser: false,
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  app.useGlobalFilters(new HttpExceptionFilter());
  if (config.redisUrl) {
    app.useWebSocketAdapter(new RedisIoAdapter(app, config.redisUrl));
  }
  const json = express.json({ limit: '1mb' });
  app.use((req: Request, res: Response, next: NextFunction) =>
    STREAMED_BODY.test(req.path) ? next() : json(req, res, next),
  );

  const openapi = new DocumentBuilder()
    .setTitle('Vigie API')
    .setDescription('Real-time supervision for contact centers. Public contract (v1): docs/api.md and CONTRACT.md.')
    .setVersion('v1')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openapi));

  if (existsSync(WALLBOARD_DIST)) {
    app.useStaticAssets(WALLBOARD_DIST, { index: false });
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api/') || req.path.startsWith('/socket.io')) {
        next();
        return;
      }
      res.sendFile('index.html', { root: WALLBOARD_DIST });
    });
  }
  return app;
}
