import { Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, Roles } from '@roastery/auth';
import { approveProductRequestSchema, type Page, productReviewListQuerySchema, type ProductReviewDto, rejectRequestSchema } from '@roastery/contracts';
import { notFound, ValidBody, ValidQuery } from '@roastery/http';
import type { z } from 'zod';
import { ProductReviewsService } from './product-reviews.service';

// A malformed id can name no review: 404, like any id the caller cannot see.
const uuidParam = new ParseUUIDPipe({ exceptionFactory: () => notFound('product review') });

/** /admin/product-reviews: the product review queue, with findings, diff and decisions. */
@ApiTags('product reviews')
@ApiBearerAuth()
@Roles('ADMIN')
@Controller('admin/product-reviews')
export class ProductReviewsController {
  constructor(private readonly reviews: ProductReviewsService) {}

  @Get()
  list(@ValidQuery(productReviewListQuerySchema) q: z.output<typeof productReviewListQuerySchema>): Promise<Page<ProductReviewDto>> {
    return this.reviews.list(q.status, q.page, q.size);
  }

  @Get(':id')
  get(@Param('id', uuidParam) id: string): Promise<ProductReviewDto> {
    return this.reviews.get(id);
  }

  @Post(':id/approve')
  @HttpCode(200)
  approve(@Param('id', uuidParam) id: string, @ValidBody(approveProductRequestSchema) body: z.output<typeof approveProductRequestSchema>, @CurrentPrincipal() me: Principal): Promise<ProductReviewDto> {
    return this.reviews.approve(me.userId, id, body);
  }

  @Post(':id/reject')
  @HttpCode(200)
  reject(@Param('id', uuidParam) id: string, @ValidBody(rejectRequestSchema) body: z.output<typeof rejectRequestSchema>, @CurrentPrincipal() me: Principal): Promise<ProductReviewDto> {
    return this.reviews.reject(me.userId, id, body.reason);
  }
}
