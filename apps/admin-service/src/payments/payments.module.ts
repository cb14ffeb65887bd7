import { Module } from '@nestjs/common';
import { LOGGER, type Logger } from '@roastery/observability';
import { TossClient } from '@roastery/toss';
import { CONFIG, type AdminServiceConfig } from '../config';
import { PaymentsConsumer } from './payments.consumer';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { ReconciliationService } from './reconciliation.service';

/**
 * Payment oversight: the payments read model, refund requests to user-service, and reconciliation
 * with Toss. The Toss client here only lists and looks up (with admin-service's own key); charges
 * and cancels are user-service's.
 */
@Module({
  controllers: [PaymentsController],
  providers: [
    PaymentsService,
    PaymentsConsumer,
    ReconciliationService,
    {
      provide: TossClient,
      inject: [CONFIG, LOGGER],
      useFactory: (config: AdminServiceConfig, logger: Logger) =>
        new TossClient({ secretKey: config.TOSS_SECRET_KEY, baseUrl: config.TOSS_API_URL, logger: logger.child({ component: 'toss' }) }),
    },
  ],
})
export class PaymentsModule {}
