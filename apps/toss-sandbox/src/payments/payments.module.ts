import { Module } from '@nestjs/common';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';

/** Payment lookups and cancels. */
@Module({ controllers: [PaymentsController], providers: [PaymentsService] })
export class PaymentsModule {}
