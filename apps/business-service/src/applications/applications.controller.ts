import { Controller, Get, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@roastery/auth';
import { type MyApplicationsDto, type PartnerApplicationDto, partnerApplicationRequestSchema } from '@roastery/contracts';
import { ValidBody } from '@roastery/http';
import { Idempotent } from '@roastery/platform';
import type { z } from 'zod';
import { ApplicationsService } from './applications.service';

/** /partner/applications: apply to sell, and follow the application. */
@ApiTags('partner applications')
@ApiBearerAuth()
@Controller('partner/applications')
export class ApplicationsController {
  constructor(private readonly applications: ApplicationsService) {}

  @Idempotent()
  @Post()
  apply(@ValidBody(partnerApplicationRequestSchema) body: z.output<typeof partnerApplicationRequestSchema>, @CurrentPrincipal() me: Principal): Promise<PartnerApplicationDto> {
    return this.applications.apply(me.userId, body);
  }

  @Get('me')
  mine(@CurrentPrincipal() me: Principal): Promise<MyApplicationsDto> {
    return this.applications.mine(me.userId);
  }
}
