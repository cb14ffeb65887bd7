import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@roastery/auth';
import { type BulkShipResultDto, type FulfilmentQueueDto, type PartnerOrderDto, type PartnerRefundRequest, partnerRefundRequestSchema } from '@roastery/contracts';
import { notFound, ValidBody } from '@roastery/http';
import { Idempotent, IdempotencyKey } from '@roastery/platform';
import { type BulkShipRequest, bulkShipRequestSchema, type ShipRequest, shipRequestSchema } from './dto/fulfilment.dto';
import { FulfilmentService } from './fulfilment.service';
import { FulfilmentQueueService } from './fulfilment-queue.service';
import { PartnerRefundsService } from './partner-refunds.service';

// A malformed id can name no order: 404, like any order the caller cannot see.
const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => notFound('order') });

/**
 * Fulfilment routes of /partner/orders (ADR 0018): the queue, prepare, ship (one or many), deliver,
 * returned and partner refunds, on the caller's partners' orders only (anyone else's is 404);
 * refused transitions are 409 INVALID_STATE.
 */
@ApiTags('partner orders')
@ApiBearerAuth()
@Controller('partner/orders')
export class FulfilmentController {
  constructor(
    private readonly fulfilment: FulfilmentService,
    private readonly queueService: FulfilmentQueueService,
    private readonly refunds: PartnerRefundsService,
  ) {}

  /** Unshipped orders grouped by ship-by date, with the demand per option. */
  @Get('queue')
  queue(@CurrentPrincipal() me: Principal): Promise<FulfilmentQueueDto> {
    return this.queueService.queue(me.userId);
  }

  /** Ships up to 200 orders; 200 with one result per item (shipped, or NOT_FOUND / INVALID_STATE). */
  @Post('ship')
  @HttpCode(200)
  @Idempotent()
  shipMany(@ValidBody(bulkShipRequestSchema) body: BulkShipRequest, @CurrentPrincipal() me: Principal): Promise<BulkShipResultDto> {
    return this.fulfilment.shipMany(me.userId, body);
  }

  @Post(':id/prepare')
  @HttpCode(200)
  @Idempotent()
  prepare(@Param('id', uuidParam) id: string, @CurrentPrincipal() me: Principal): Promise<PartnerOrderDto> {
    return this.fulfilment.prepare(me.userId, id);
  }

  @Post(':id/ship')
  @HttpCode(200)
  @Idempotent()
  ship(@Param('id', uuidParam) id: string, @ValidBody(shipRequestSchema) body: ShipRequest, @CurrentPrincipal() me: Principal): Promise<PartnerOrderDto> {
    return this.fulfilment.ship(me.userId, id, body);
  }

  @Post(':id/deliver')
  @HttpCode(200)
  @Idempotent()
  deliver(@Param('id', uuidParam) id: string, @CurrentPrincipal() me: Principal): Promise<PartnerOrderDto> {
    return this.fulfilment.deliver(me.userId, id);
  }

  /** The returned item came back; user-service refunds it on the RETURNED event. */
  @Post(':id/returned')
  @HttpCode(200)
  @Idempotent()
  returned(@Param('id', uuidParam) id: string, @CurrentPrincipal() me: Principal): Promise<PartnerOrderDto> {
    return this.fulfilment.confirmReturn(me.userId, id);
  }

  /** Asks user-service to refund part of the partner's lines; 202 with the refund id. */
  @Post(':id/refund')
  @HttpCode(202)
  @Idempotent()
  refund(
    @Param('id', uuidParam) id: string,
    @ValidBody(partnerRefundRequestSchema) body: PartnerRefundRequest,
    @CurrentPrincipal() me: Principal,
    @IdempotencyKey() key?: string,
  ): Promise<{ refundId: string }> {
    return this.refunds.request(me.userId, id, body, key);
  }
}
