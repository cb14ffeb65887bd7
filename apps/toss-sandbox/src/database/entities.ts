import { AuthKeyEntity } from '../billing/auth-key.entity';
import { BillingKeyEntity } from '../billing/billing-key.entity';
import { IdempotencyRecordEntity } from '../idempotency/idempotency-record.entity';
import { PaymentCancelEntity } from '../payments/payment-cancel.entity';
import { PaymentEntity } from '../payments/payment.entity';
import { TransactionEntity } from '../payments/transaction.entity';
import { SettingsEntity } from '../settings/settings.entity';
import { WebhookDeliveryEntity } from '../webhooks/webhook-delivery.entity';

/** Every entity of the sandbox's database. */
export const entities = [
  AuthKeyEntity,
  BillingKeyEntity,
  IdempotencyRecordEntity,
  PaymentCancelEntity,
  PaymentEntity,
  TransactionEntity,
  SettingsEntity,
  WebhookDeliveryEntity,
];
