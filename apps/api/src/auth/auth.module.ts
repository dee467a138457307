import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { SitesModule } from '../sites/sites.module.js';
import { AuditLog } from './audit-log.js';
import { AccessController, AuthController } from './auth.controller.js';
import { AuthGuard } from './auth.guard.js';
import { AuthRepository } from './auth.repository.js';
import { AuthService } from './auth.service.js';
import { TokenVerifier } from './roles.js';

@Global()
@Module({
  imports: [SitesModule],
  controllers: [AuthController, AccessController],
  providers: [
    AuthRepository,
    AuditLog,
    AuthService,
    { provide: TokenVerifier, useExisting: AuthService },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier, AuditLog, AuthService, AuthRepository],
})
export class AuthModule {}
