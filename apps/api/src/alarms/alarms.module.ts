import { Module } from '@nestjs/common';
import { LiveModule } from '../live/live.module.js';
import { SitesModule } from '../sites/sites.module.js';
import { AlarmEmailController } from './alarm-email.controller.js';
import { AlarmEngine } from './alarm-engine.service.js';
import { AlarmMailer } from './alarm-mailer.js';
import { AlarmStore } from './alarm-store.js';
import { AlarmsController } from './alarms.controller.js';
import { WebhookDispatcher } from './webhook-dispatcher.js';
import { WebhooksController } from './webhooks.controller.js';

@Module({
  imports: [SitesModule, LiveModule],
  controllers: [AlarmsController, AlarmEmailController, WebhooksController],
  providers: [AlarmStore, AlarmEngine, AlarmMailer, WebhookDispatcher],
})
export class AlarmsModule {}
