import { Injectable, type OnModuleInit } from '@nestjs/common';
import { productVersionSubmitted, productWithdrawn } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { ProductReviewsService } from './product-reviews.service';

/** Feeds the product review queue and the catalog from business-service's products. */
@Injectable()
export class ProductReviewsConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly reviews: ProductReviewsService,
  ) {}

  onModuleInit(): void {
    this.bus.on(productVersionSubmitted, 'admin.queue-product-review', ({ payload, em }) => this.reviews.intake(em, payload));
    this.bus.on(productWithdrawn, 'admin.withdraw-catalog-item', ({ payload, em }) => this.reviews.withdrawn(em, payload));
  }
}
