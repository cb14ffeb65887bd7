import { Injectable, type OnModuleInit } from '@nestjs/common';
import { productMerged, productVersionApproved, productVersionRejected } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { ProductDecisionsService } from './product-decisions.service';

/** Applies admin-service's product review decisions and merges. */
@Injectable()
export class ProductsConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly decisions: ProductDecisionsService,
  ) {}

  onModuleInit(): void {
    this.bus.on(productVersionApproved, 'business.product-version-approved', ({ payload, em }) => this.decisions.approve(em, payload));
    this.bus.on(productVersionRejected, 'business.product-version-rejected', ({ payload, em }) => this.decisions.reject(em, payload));
    this.bus.on(productMerged, 'business.product-merged', ({ payload, em }) => this.decisions.merge(em, payload));
  }
}
