import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@roastery/auth';
import { type OrderActionReasonRequest, orderActionReasonSchema, type OrderDto, type OrderRequestAcceptedDto, type OrderSummaryDto, type Page, pageQuerySchema } from '@roastery/contracts';
import { notFound, ValidBody, ValidQuery } from '@roastery/http';
import { z } from 'zod';
import { OrderActionsService } from './order-actions.service';
import { OrdersService } from './orders.service';

const idParam = new ParseUUIDPipe({ exceptionFactory: () => notFound('order') });
const ordersQuerySchema = pageQuerySchema.extend({ subscriptionId: z.uuid().optional() });

/** /api/orders: the signed-in subscriber's orders, and what they may do with a paid one. */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('api/orders')
export class OrdersController {
  constructor(
    private readonly orders: OrdersService,
    private readonly actions: OrderActionsService,
  ) {}

  @Get()
  list(@ValidQuery(ordersQuerySchema) q: z.infer<typeof ordersQuerySchema>, @CurrentPrincipal() me: Principal): Promise<Page<OrderSummaryDto>> {
    return this.orders.list(me.userId, q);
  }

  @Get(':id')
  get(@Param('id', idParam) id: string, @CurrentPrincipal() me: Principal): Promise<OrderDto> {
    return this.orders.get(me.userId, id);
  }

  /** 202: the roaster's side decides (cancelled with a full refund if not shipped, else refused); the outcome shows on the order. */
  @Post(':id/cancel')
  @HttpCode(202)
  cancel(@Param('id', idParam) id: string, @ValidBody(orderActionReasonSchema) body: OrderActionReasonRequest, @CurrentPrincipal() me: Principal): Promise<OrderRequestAcceptedDto> {
    return this.actions.requestCancel(me.userId, id, body.reason);
  }

  /** 202: a return request after delivery; the refund follows once the roaster has the item back. */
  @Post(':id/return')
  @HttpCode(202)
  requestReturn(@Param('id', idParam) id: string, @ValidBody(orderActionReasonSchema) body: OrderActionReasonRequest, @CurrentPrincipal() me: Principal): Promise<OrderRequestAcceptedDto> {
    return this.actions.requestReturn(me.userId, id, body.reason);
  }

  /** 200 with the order: purchase confirmed (no cancel or return after this). */
  @Post(':id/confirm')
  @HttpCode(200)
  async confirm(@Param('id', idParam) id: string, @CurrentPrincipal() me: Principal): Promise<OrderDto> {
    await this.actions.confirm(me.userId, id);
    return this.orders.get(me.userId, id);
  }
}
