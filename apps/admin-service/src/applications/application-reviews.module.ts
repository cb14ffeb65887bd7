import { Module } from '@nestjs/common';
import { ApplicationReviewsConsumer } from './application-reviews.consumer';
import { ApplicationReviewsController } from './application-reviews.controller';
import { ApplicationReviewsService } from './application-reviews.service';

/** Partner-application reviews. */
@Module({ controllers: [ApplicationReviewsController], providers: [ApplicationReviewsService, ApplicationReviewsConsumer] })
export class ApplicationReviewsModule {}
