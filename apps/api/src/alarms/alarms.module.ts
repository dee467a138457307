import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { AlarmEngine } from './alarm-engine.service.js';
import { AlarmStore } from './alarm-store.js';
import { AlarmsController } from './alarms.controller.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhooksController } from './webhooks.controller.js';

@Module({
  imports: [SitesModule, LiveModule],
  controllers: [AlarmsController, WebhooksController],
  providers: [AlarmStore, AlarmEngine, WebhookDispatcher],
})
export class AlarmsModule {}
