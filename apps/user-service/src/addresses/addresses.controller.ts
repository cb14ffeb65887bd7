import { Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@roastery/auth';
import { type AddressDto, type CreateAddressBody, createAddressRequestSchema, type Page, type PageQuery, pageQuerySchema } from '@roastery/contracts';
import { ValidBody, ValidQuery } from '@roastery/http';
import { Idempotent } from '@roastery/platform';
import { AddressesService } from './addresses.service';

/** /api/me/addresses: the signed-in subscriber's shipping addresses. */
@ApiTags('addresses')
@ApiBearerAuth()
@Roles('SUBSCRIBER')
@Controller('api/me/addresses')
export class AddressesController {
  constructor(private readonly addresses: AddressesService) {}

  @Get()
  list(@ValidQuery(pageQuerySchema) q: PageQuery, @CurrentPrincipal() me: Principal): Promise<Page<AddressDto>> {
    return this.addresses.list(me.userId, q);
  }

  /** A retried save with the same Idempotency-Key answers the first result instead of a second address. */
  @Post()
  @Idempotent()
  create(@ValidBody(createAddressRequestSchema) body: CreateAddressBody, @CurrentPrincipal() me: Principal): Promise<AddressDto> {
    return this.addresses.create(me.userId, body);
  }

  @Get(':id')
  get(@Param('id') id: string, @CurrentPrincipal() me: Principal): Promise<AddressDto> {
    return this.addresses.get(me.userId, id);
  }

  @Post(':id/default')
  @HttpCode(200)
  setDefault(@Param('id') id: string, @CurrentPrincipal() me: Principal): Promise<AddressDto> {
    return this.addresses.setDefault(me.userId, id);
  }

  @Delete(':id')
  @HttpCode(204)
  remove(@Param('id') id: string, @CurrentPrincipal() me: Principal): Promise<void> {
    return this.addresses.remove(me.userId, id);
  }
}
