import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { type CatalogQuery, catalogQuerySchema, popularQuerySchema } from '@roastery/contracts';
import { Public, ValidQuery } from '@roastery/http';
import type { FastifyReply } from 'fastify';
import { type CatalogJson, CatalogQueryService } from './catalog-query.service';

/** The subscriber catalog: browse, search, item detail and popularity. Open to anyone. */
@ApiTags('catalog')
@Public()
@Controller('api/catalog')
export class CatalogController {
  constructor(private readonly catalog: CatalogQueryService) {}

  /** On-sale items by search words, roast, origin and price, sorted and paged. */
  @Get('items')
  @ApiOkResponse({ description: 'Page<CatalogItemSummaryDto>; x-cache tells HIT, MISS or OFF' })
  async list(@ValidQuery(catalogQuerySchema) q: CatalogQuery, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Buffer> {
    return send(reply, await this.catalog.list(q));
  }

  /** One on-sale item with options, stock and the other roasters of its lot; 404 otherwise. */
  @Get('items/:id')
  @ApiOkResponse({ description: 'CatalogItemDetailDto; x-cache tells HIT, MISS or OFF' })
  async detail(@Param('id') id: string, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Buffer> {
    return send(reply, await this.catalog.detail(id));
  }

  /** Best sellers of the Seoul day or ISO week; newest items (score 0) before any order. */
  @Get('popular')
  @ApiOkResponse({ description: 'PopularItemsDto' })
  async popular(@ValidQuery(popularQuerySchema) q: { window: 'day' | 'week'; size: number }, @Res({ passthrough: true }) reply: FastifyReply): Promise<string | Buffer> {
    return send(reply, await this.catalog.popular(q));
  }
}

/** Sends JSON that is already serialised (a cached body is never parsed and re-serialised). */
function send(reply: FastifyReply, body: CatalogJson): string | Buffer {
  void reply.header('content-type', 'application/json; charset=utf-8').header('x-cache', body.cache);
  return body.json;
}
