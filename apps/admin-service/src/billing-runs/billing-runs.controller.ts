import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@roastery/auth';
import { type BillingRunDto, type Page, type PageQuery, pageQuerySchema } from '@roastery/contracts';
import { notFound, ValidBody, ValidQuery } from '@roastery/http';
import { Idempotent, IdempotencyKey } from '@roastery/platform';
import { z } from 'zod';
import { BillingRunsService } from './billing-runs.service';

// A malformed id can name no run: 404, like any id the caller cannot see.
const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => notFound('billing run') });

// The run needs no input (it bills up to the clock's business date); an empty body or `{}`.
const runRequestSchema = z.strictObject({});

/** /admin/billing: start a billing run now (202 with its id) and follow its progress. */
@ApiTags('operations')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/billing')
export class BillingRunsController {
  constructor(private readonly runs: BillingRunsService) {}

  @Post('run')
  @HttpCode(202)
  @Idempotent()
  request(@ValidBody(runRequestSchema) _body: z.output<typeof runRequestSchema>, @CurrentPrincipal() me: Principal, @IdempotencyKey() key?: string): Promise<BillingRunDto> {
    return this.runs.request(me.userId, key);
  }

  @Get('runs')
  list(@ValidQuery(pageQuerySchema) q: PageQuery): Promise<Page<BillingRunDto>> {
    return this.runs.list(q);
  }

  @Get('runs/:id')
  get(@Param('id', uuidParam) id: string): Promise<BillingRunDto> {
    return this.runs.get(id);
  }
}
