import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@roastery/auth';
import { type Page, suspendPartnerRequestSchema, trustPartnerRequestSchema } from '@roastery/contracts';
import { notFound, ValidBody, ValidQuery } from '@roastery/http';
import type { z } from 'zod';
import { type PartnerDto, type PartnerListQuery, partnerListQuerySchema } from './partner.dto';
import { PartnersService } from './partners.service';

// A malformed id can name no partner: 404, like any id the caller cannot see.
const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => notFound('partner') });

/** /admin/partners: suspension, reinstatement and the trusted switch. */
@ApiTags('partners')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/partners')
export class PartnersController {
  constructor(private readonly partners: PartnersService) {}

  @Get()
  list(@ValidQuery(partnerListQuerySchema) q: PartnerListQuery): Promise<Page<PartnerDto>> {
    return this.partners.list(q);
  }

  @Post(':id/suspend')
  @HttpCode(200)
  suspend(@Param('id', uuidParam) id: string, @ValidBody(suspendPartnerRequestSchema) body: z.output<typeof suspendPartnerRequestSchema>, @CurrentPrincipal() me: Principal): Promise<PartnerDto> {
    return this.partners.suspend(me.userId, id, body.reason);
  }

  @Post(':id/reinstate')
  @HttpCode(200)
  reinstate(@Param('id', uuidParam) id: string, @ValidBody(suspendPartnerRequestSchema) body: z.output<typeof suspendPartnerRequestSchema>, @CurrentPrincipal() me: Principal): Promise<PartnerDto> {
    return this.partners.reinstate(me.userId, id, body.reason);
  }

  @Post(':id/trust')
  @HttpCode(200)
  trust(@Param('id', uuidParam) id: string, @ValidBody(trustPartnerRequestSchema) body: z.output<typeof trustPartnerRequestSchema>, @CurrentPrincipal() me: Principal): Promise<PartnerDto> {
    return this.partners.trust(me.userId, id, body.trusted);
  }
}
