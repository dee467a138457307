import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Config } from './config.schema.js';
import { CONFIG } from './load-config.js';

/** Provides the validated configuration under one token; nothing else reads process.env. */
@Global()
@Module({})
export class ConfigModule {
  static forRoot(config: Config): DynamicModule {
    return { module: ConfigModule, providers: [{ provide: CONFIG, useValue: config }], exports: [CONFIG] };
  }
}
