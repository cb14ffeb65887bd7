import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@roastery/auth';
import {
  cancelSubscriptionSchema,
  type CreatedSubscriptionDto,
  type CreateSubscriptionRequest,
  createSubscriptionSchema,
  type Page,
  type PageQuery,
  pageQuerySchema,
  pauseSubscriptionSchema,
  resumeSubscriptionSchema,
  type SubscriptionDto,
  type SubscriptionTermsDto,
  type UpdateSubscriptionRequest,
  updateSubscriptionSchema,
} from '@roastery/contracts';
import { notFound, Public, ValidBody, ValidQuery } from '@roastery/http';
import { Idempotent, IdempotencyKey } from '@roastery/platform';
import { SubscriptionEditsService } from './subscription-edits.service';
import { SubscriptionsService } from './subscriptions.service';

const idParam = new ParseUUIDPipe({ exceptionFactory: () => notFound('subscription') });

/** /api/subscriptions: the signed-in subscriber's subscriptions. */
@ApiTags('subscriptions')
@ApiBearerAuth()
@Controller('api/subscriptions')
export class SubscriptionsController {
  constructor(
    private readonly subscriptions: SubscriptionsService,
    private readonly edits: SubscriptionEditsService,
  ) {}

  /** 201 with the subscription and its first order (charged, or still on its way: see firstOrder.status). */
  @Post()
  @Idempotent()
  create(
    @ValidBody(createSubscriptionSchema) body: CreateSubscriptionRequest,
    @CurrentPrincipal() me: Principal,
    @IdempotencyKey() key: string | undefined,
  ): Promise<CreatedSubscriptionDto> {
    return this.subscriptions.create(me.userId, body, key);
  }

  /** The terms in force: the web shows them beside the consent checkbox. */
  @Public()
  @Get('terms')
  terms(): SubscriptionTermsDto {
    return this.subscriptions.terms();
  }

  @Get()
  list(@ValidQuery(pageQuerySchema) q: PageQuery, @CurrentPrincipal() me: Principal): Promise<Page<SubscriptionDto>> {
    return this.subscriptions.list(me.userId, q);
  }

  @Get(':id')
  get(@Param('id', idParam) id: string, @CurrentPrincipal() me: Principal): Promise<SubscriptionDto> {
    return this.subscriptions.get(me.userId, id);
  }

  @Patch(':id')
  update(@Param('id', idParam) id: string, @ValidBody(updateSubscriptionSchema) body: UpdateSubscriptionRequest, @CurrentPrincipal() me: Principal): Promise<SubscriptionDto> {
    return this.edits.update(me.userId, id, body);
  }

  @Post(':id/skip')
  @HttpCode(200)
  skip(@Param('id', idParam) id: string, @CurrentPrincipal() me: Principal): Promise<SubscriptionDto> {
    return this.edits.skip(me.userId, id);
  }

  @Post(':id/pause')
  @HttpCode(200)
  pause(@Param('id', idParam) id: string, @ValidBody(pauseSubscriptionSchema) body: { until?: string }, @CurrentPrincipal() me: Principal): Promise<SubscriptionDto> {
    return this.edits.pause(me.userId, id, body.until);
  }

  @Post(':id/resume')
  @HttpCode(200)
  resume(@Param('id', idParam) id: string, @ValidBody(resumeSubscriptionSchema) body: { date?: string }, @CurrentPrincipal() me: Principal): Promise<SubscriptionDto> {
    return this.edits.resume(me.userId, id, body.date);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  cancel(@Param('id', idParam) id: string, @ValidBody(cancelSubscriptionSchema) body: { reason: string }, @CurrentPrincipal() me: Principal): Promise<SubscriptionDto> {
    return this.edits.cancel(me.userId, id, body.reason);
  }

  /** Agrees to a partner's announced price rise (it applies from its effective date). */
  @Post(':id/accept-price')
  @HttpCode(200)
  acceptPrice(@Param('id', idParam) id: string, @CurrentPrincipal() me: Principal): Promise<SubscriptionDto> {
    return this.edits.acceptPrice(me.userId, id);
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  reactivate(@Param('id', idParam) id: string, @CurrentPrincipal() me: Principal): Promise<SubscriptionDto> {
    return this.edits.reactivate(me.userId, id);
  }
}
