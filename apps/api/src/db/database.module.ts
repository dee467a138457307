import { Global, Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import type { Config } from '../config/config.schema.js';
import { CONFIG } from '../config/load-config.js';
import { Database } from './database.js';
import { migrate } from './migrate.js';
import { openDatabase } from './open-database.js';

@Global()
@Module({
  providers: [
    {
      provide: Database,
      inject: [CONFIG],
      useFactory: async (config: Config) => {
        const logger = new Logger('Database');
        const db = await openDatabase(config.database);
        const report = await migrate(db);
        logger.log({ kind: db.kind, applied: report.applied, skipped: report.skipped }, 'database ready');
        return db;
      },
    },
  ],
  exports: [Database],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly db: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.db.close();
  }
}
