import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditLogService } from './audit-log.service';

/** The audit log every admin decision writes to. */
@Global()
@Module({ controllers: [AuditController], providers: [AuditLogService], exports: [AuditLogService] })
export class AuditModule {}
