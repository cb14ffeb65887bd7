import { CreateMessagingTables1732000000000 } from '@roastery/messaging';
import { CreateIdempotencyKeys1732000000001 } from '@roastery/platform';
import { Identity1732100000000 } from './1732100000000-identity';
import { CatalogReadModel1733000000000 } from './1733000000000-catalog-read-model';
import { CatalogListFacts1733000000001 } from './1733000000001-catalog-list-facts';
import { PaymentMethods1734100000000 } from './1734100000000-payment-methods';
import { SubscriptionsOrdersPayments1734800000000 } from './1734800000000-subscriptions-orders-payments';
import { PriceConsent1734900000000 } from './1734900000000-price-consent';
import { OrderFulfilmentRefunds1735100000000 } from './1735100000000-order-fulfilment-refunds';
import { Addresses1734000000100 } from './1734000000100-addresses';
import { Notifications1734600000000 } from './1734600000000-notifications';

/** Migrations in the order they run. */
export const migrations = [CreateMessagingTables1732000000000, CreateIdempotencyKeys1732000000001, Identity1732100000000, CatalogReadModel1733000000000, CatalogListFacts1733000000001, Addresses1734000000100, PaymentMethods1734100000000, Notifications1734600000000, SubscriptionsOrdersPayments1734800000000, PriceConsent1734900000000, OrderFulfilmentRefunds1735100000000];
