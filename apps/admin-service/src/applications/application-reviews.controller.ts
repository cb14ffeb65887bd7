import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@roastery/auth';
import { applicationListQuerySchema, type ApplicationReviewDto, approveRequestSchema, type Page, rejectRequestSchema } from '@roastery/contracts';
import { notFound, ValidBody, ValidQuery } from '@roastery/http';
import type { z } from 'zod';
import { ApplicationReviewsService } from './application-reviews.service';

// A malformed id can name no application: 404, like any id the caller cannot see.
const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => notFound('application') });

/** /admin/applications: the partner-application review queue. */
@ApiTags('partner reviews')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/applications')
export class ApplicationReviewsController {
  constructor(private readonly reviews: ApplicationReviewsService) {}

  @Get()
  list(@ValidQuery(applicationListQuerySchema) q: z.output<typeof applicationListQuerySchema>): Promise<Page<ApplicationReviewDto>> {
    return this.reviews.list(q.status, q.page, q.size);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@Param('id', uuidParam) id: string, @ValidBody(approveRequestSchema) body: z.output<typeof approveRequestSchema>, @CurrentPrincipal() me: Principal): Promise<ApplicationReviewDto> {
    return this.reviews.approve(me.userId, id, body.note);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@Param('id', uuidParam) id: string, @ValidBody(rejectRequestSchema) body: z.output<typeof rejectRequestSchema>, @CurrentPrincipal() me: Principal): Promise<ApplicationReviewDto> {
    return this.reviews.reject(me.userId, id, body.reason);
  }
}
