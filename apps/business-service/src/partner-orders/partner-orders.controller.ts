import { Controller, Get, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@roastery/auth';
import { type Page, type PartnerOrderDto, type PartnerOrderListQuery, partnerOrderListQuerySchema } from '@roastery/contracts';
import { notFound, ValidQuery } from '@roastery/http';
import { PartnerOrdersService } from './partner-orders.service';

// A malformed id can name no order: 404, like any order the caller cannot see.
const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => notFound('order') });

/** /partner/orders: paid orders routed to the caller's partners, authorised by membership. */
@ApiTags('partner orders')
@ApiBearerAuth()
@Controller('partner/orders')
export class PartnerOrdersController {
  constructor(private readonly orders: PartnerOrdersService) {}

  @Get()
  list(@ValidQuery(partnerOrderListQuerySchema) q: PartnerOrderListQuery, @CurrentPrincipal() me: Principal): Promise<Page<PartnerOrderDto>> {
    return this.orders.list(me.userId, q);
  }

  /** One routed order, by its own id or by user-service's order id. */
  @Get(':id')
  get(@Param('id', uuidParam) id: string, @CurrentPrincipal() me: Principal): Promise<PartnerOrderDto> {
    return this.orders.get(me.userId, id);
  }
}
