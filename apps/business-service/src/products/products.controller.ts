import { Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal } from '@roastery/auth';
import { createProductRequestSchema, type Page, type PartnerProductDto, type ProductPatch, stockUpdateRequestSchema, updateProductRequestSchema } from '@roastery/contracts';
import { notFound, ValidBody, ValidQuery } from '@roastery/http';
import type { z } from 'zod';
import { type ProductListQuery, productListQuerySchema } from './dto/product-list-query';
import { ProductsService } from './products.service';

// A malformed id can name no product: 404, like any product the caller cannot see.
const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => notFound('product') });

/** /partner/products: a partner's own products, authorised by membership of the owning partner. */
@ApiTags('partner products')
@ApiBearerAuth()
@Controller('partner/products')
export class ProductsController {
  constructor(private readonly products: ProductsService) {}

  @Get()
  list(@ValidQuery(productListQuerySchema) q: ProductListQuery, @CurrentPrincipal() me: Principal): Promise<Page<PartnerProductDto>> {
    return this.products.list(me.userId, q);
  }

  @Post()
  @ApiHeader({ name: 'X-Partner-Id', required: false, description: 'the partner to create for, when the account belongs to several' })
  create(@ValidBody(createProductRequestSchema) body: z.output<typeof createProductRequestSchema>, @Headers('x-partner-id') partnerId: string | undefined, @CurrentPrincipal() me: Principal): Promise<PartnerProductDto> {
    return this.products.create(me.userId, partnerId, body);
  }

  @Get(':id')
  get(@Param('id', uuidParam) id: string, @CurrentPrincipal() me: Principal): Promise<PartnerProductDto> {
    return this.products.get(me.userId, id);
  }

  @Patch(':id')
  update(@Param('id', uuidParam) id: string, @ValidBody(updateProductRequestSchema) patch: ProductPatch, @CurrentPrincipal() me: Principal): Promise<PartnerProductDto> {
    return this.products.update(me.userId, id, patch);
  }

  @Post(':id/submit')
  @HttpCode(200)
  submit(@Param('id', uuidParam) id: string, @CurrentPrincipal() me: Principal): Promise<PartnerProductDto> {
    return this.products.submit(me.userId, id);
  }

  @Patch(':id/stock')
  setStock(@Param('id', uuidParam) id: string, @ValidBody(stockUpdateRequestSchema) body: z.output<typeof stockUpdateRequestSchema>, @CurrentPrincipal() me: Principal): Promise<PartnerProductDto> {
    return this.products.setStock(me.userId, id, body);
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  withdraw(@Param('id', uuidParam) id: string, @CurrentPrincipal() me: Principal): Promise<PartnerProductDto> {
    return this.products.withdraw(me.userId, id);
  }
}
