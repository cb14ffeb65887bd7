import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@roastery/auth';
import { type OrderDto, type OrderSummaryDto, type Page, pageQuerySchema } from '@roastery/contracts';
import { notFound, ValidQuery } from '@roastery/http';
import { z } from 'zod';
import { OrdersService } from './orders.service';

const idParam = new ParseUUIDPipe({ exceptionFactory: () => notFound('order') });
const ordersQuerySchema = pageQuerySchema.extend({ subscriptionId: z.uuid().optional() });

/** /api/orders: the signed-in subscriber's orders. */
@ApiTags('orders')
@ApiBearerAuth()
@Controller('api/orders')
export class OrdersController {
  constructor(private readonly orders: OrdersService) {}

  @Get()
  list(@ValidQuery(ordersQuerySchema) q: z.infer<typeof ordersQuerySchema>, @CurrentPrincipal() me: Principal): Promise<Page<OrderSummaryDto>> {
    return this.orders.list(me.userId, q);
  }

  @Get(':id')
  get(@Param('id', idParam) id: string, @CurrentPrincipal() me: Principal): Promise<OrderDto> {
    return this.orders.get(me.userId, id);
  }
}
