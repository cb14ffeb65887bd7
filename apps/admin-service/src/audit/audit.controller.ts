import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { Roles } from '@roastery/auth';
import type { Page } from '@roastery/contracts';
import { ValidQuery } from '@roastery/http';
import { z } from 'zod';
import { type AuditEntryDto, AuditLogService } from './audit-log.service';

const auditQuerySchema = z.strictObject({
  page: z.coerce.number().int().min(1).default(1),
  size: z.coerce.number().int().min(1).max(100).default(50),
  targetId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
});

/** GET /admin/audit-log: who did what. */
@ApiTags('audit')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/audit-log')
export class AuditController {
  constructor(private readonly audit: AuditLogService) {}

  @Get()
  list(@ValidQuery(auditQuerySchema) q: z.output<typeof auditQuerySchema>): Promise<Page<AuditEntryDto>> {
    return this.audit.list(q.page, q.size, q);
  }
}
