import { Module } from '@nestjs/common';
import { SitesModule } from '../sites/sites.module.js';
import { CallbacksController } from './callbacks.controller.js';
import { CallbacksService } from './callbacks.service.js';

@Module({
  imports: [SitesModule],
  controllers: [CallbacksController],
  providers: [CallbacksService],
})
export class CallbacksModule {}
