import { messagingEntities } from '@roastery/messaging';
import { idempotencyEntities } from '@roastery/platform';
import { Account } from '../accounts/account.entity';
import { PartnerMembership } from '../accounts/partner-membership.entity';
import { Address } from '../addresses/address.entity';
import { RefreshToken } from '../auth/refresh-token.entity';
import { CatalogCacheInvalidation } from '../catalog/catalog-cache-invalidation.entity';
import { CatalogFacetCount } from '../catalog/catalog-facet-count.entity';
import { CatalogItem } from '../catalog/catalog-item.entity';
import { CatalogOptionStock } from '../catalog/catalog-option-stock.entity';
import { Notification } from '../notifications/notification.entity';
import { BillingRun } from '../billing/billing-run.entity';
import { PaymentAttempt } from '../billing/payment-attempt.entity';
import { PaymentLedgerEntry } from '../billing/payment-ledger-entry.entity';
import { Order } from '../orders/order.entity';
import { OrderLine } from '../orders/order-line.entity';
import { OrderShippingFee } from '../orders/order-shipping-fee.entity';
import { OrderFulfilment } from '../orders/order-fulfilment.entity';
import { OrderRequest } from '../orders/order-request.entity';
import { Refund } from '../refunds/refund.entity';
import { PaymentMethod } from '../payment-methods/payment-method.entity';
import { Subscription } from '../subscriptions/subscription.entity';
import { SubscriptionEvent } from '../subscriptions/subscription-event.entity';
import { SigningKey } from '../signing-keys/signing-key.entity';
import { TossWebhookEvent } from '../webhooks/toss-webhook-event.entity';

/** Every table user-service maps. */
export const entities = [Account, PartnerMembership, RefreshToken, SigningKey, CatalogItem, CatalogOptionStock, CatalogCacheInvalidation, CatalogFacetCount, Address, PaymentMethod, TossWebhookEvent, Subscription, SubscriptionEvent, Order, OrderLine, OrderShippingFee, OrderFulfilment, OrderRequest, Refund, PaymentAttempt, PaymentLedgerEntry, BillingRun, Notification, ...messagingEntities, ...idempotencyEntities];
