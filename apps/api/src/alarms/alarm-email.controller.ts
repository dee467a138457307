import { Body, Controller, Get, Inject, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { AuditLog } from '../auth/audit-log.js';
import { CurrentPrincipal, Roles, type Principal } from '../auth/roles.js';
import { ZodValidationPipe } from '../common/zod.pipe.js';
import { SitesService } from '../sites/sites.service.js';
import { AlarmMailer } from './alarm-mailer.js';
import { AlarmEmail } from './alarms.schema.js';

/** Alarm e-mail recipients of a site (admins); `enabled` says whether the server has an SMTP URL. */
@ApiTags('alarms')
@ApiBearerAuth()
@Controller('api/v1/sites/:site/alarm-email')
export class AlarmEmailController {
  constructor(
    @Inject(AlarmMailer) private readonly mailer: AlarmMailer,
    @Inject(SitesService) private readonly sites: SitesService,
    @Inject(AuditLog) private readonly audit: AuditLog,
  ) {}

  @Get()
  @Roles('admin')
  async get(@Param('site') site: string): Promise<AlarmEmail & { enabled: boolean }> {
    await this.sites.require(site);
    return { to: [], minLevel: 'red', ...(await this.mailer.settings(site)), enabled: this.mailer.enabled };
  }

  @Put()
  @Roles('admin')
  async put(
    @CurrentPrincipal() p: Principal,
    @Param('site') site: string,
    @Body(new ZodValidationPipe(AlarmEmail)) body: AlarmEmail,
  ): Promise<AlarmEmail & { enabled: boolean }> {
    await this.sites.require(site);
    const before = await this.mailer.settings(site);
    await this.mailer.save(site, body);
    await this.audit.record({
      actor: AuditLog.actorOf(p),
      action: 'alarm-email.put',
      target: site,
      site,
      before,
      after: body,
    });
    return { ...body, enabled: this.mailer.enabled };
  }
}
