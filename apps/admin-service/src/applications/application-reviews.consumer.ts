import { Injectable, type OnModuleInit } from '@nestjs/common';
import { partnerApplicationSubmitted } from '@roastery/contracts';
import { MessageBus } from '@roastery/messaging';
import { ApplicationReviewsService } from './application-reviews.service';

/** Feeds the review queue from business-service's applications. */
@Injectable()
export class ApplicationReviewsConsumer implements OnModuleInit {
  constructor(
    private readonly bus: MessageBus,
    private readonly reviews: ApplicationReviewsService,
  ) {}

  onModuleInit(): void {
    this.bus.on(partnerApplicationSubmitted, 'admin.queue-application-review', ({ payload, em }) => this.reviews.intake(em, payload));
  }
}
