import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import { AlarmsModule } from './alarms/alarms.module.js';
import { AuthModule } from './auth/auth.module.js';
import { BoardsModule } from './boards/boards.module.js';
import { BreaksModule } from './breaks/breaks.module.js';
import { BusModule } from './bus/bus.module.js';
import { CallbacksModule } from './callbacks/callbacks.module.js';
import { ConfigModule } from './config/config.module.js';
import type { Config } from './config/config.schema.js';
import { DatabaseModule } from './db/database.module.js';
import { DemoModule } from './demo/demo.module.js';
import { EvaluationModule } from './evaluation/evaluation.module.js';
import { FiguresModule } from './figures/figures.module.js';
import { HealthModule } from './health/health.module.js';
import { IngestModule } from './ingest/ingest.module.js';
import { LiveModule } from './live/live.module.js';
import { PayModule } from './pay/pay.module.js';
import { RedisModule } from './redis/redis.module.js';
import { ReportsModule } from './reports/reports.module.js';
import { SitesModule } from './sites/sites.module.js';
import { StaffingModule } from './staffing/staffing.controller.js';

@Module({})
export class AppModule {
  static forRoot(config: Config): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            autoLogging: { ignore: (req) => req.url === '/api/v1/health' },
            redact: ['req.headers.authorization', 'req.headers.cookie'],
          },
        }),
        DatabaseModule,
        RedisModule,
        BusModule,
        AuthModule,
        SitesModule,
        IngestModule,
        LiveModule,
        AlarmsModule,
        BoardsModule,
        BreaksModule,
        CallbacksModule,
        ReportsModule,
        EvaluationModule,
        PayModule,
        FiguresModule,
        StaffingModule,
        HealthModule,
        DemoModule,
      ],
    };
  }
}
