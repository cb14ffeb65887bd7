import { Module } from '@nestjs/common';
import { NotificationsModule } from '../notifications/notifications.module';
import { RefundsModule } from '../refunds/refunds.module';
import { OrderActionsService } from './order-actions.service';
import { OrderEventsConsumer } from './order-events.consumer';
import { OrderFulfilmentService } from './order-fulfilment.service';
import { OrdersController } from './orders.controller';
import { OrdersService } from './orders.service';

/** Orders as their subscriber reads them and acts on them after payment; fulfilment and cancellation decisions from business-service. */
@Module({
  imports: [NotificationsModule, RefundsModule],
  controllers: [OrdersController],
  providers: [OrdersService, OrderActionsService, OrderFulfilmentService, OrderEventsConsumer],
  exports: [OrdersService, OrderActionsService],
})
export class OrdersModule {}
